/** Reading a roster for `check`: the streaming reader (large files, --no-out) finds what the full read finds. */
import { checkFile } from '../../src/cli/check-file';
import { parsePolicy } from '../../src/domain/policy';
import { SAMPLE_POLICY } from '../../examples/make-sample';
import { tempDir, writeSampleFiles } from './helpers';

const quiet = { stdout: () => {}, stderr: () => {}, progress: false };

it('streaming and full reads give the same findings and adjustments on the sample', async () => {
  const { roster } = await writeSampleFiles(tempDir());
  const policy = parsePolicy(SAMPLE_POLICY);
  const full = await checkFile(roster, { policy, withWorkbook: false, io: quiet });
  const streamed = await checkFile(roster, { policy, withWorkbook: false, io: quiet, streamingBytes: 0 });
  // The streaming reader reports no merged ranges: the proof that it was the one used.
  expect(full.grid.sheets[0].merges?.length).toBeGreaterThan(0);
  expect(streamed.grid.sheets[0].merges ?? []).toEqual([]);
  const key = (r: typeof full) => r.result.findings.map((f) => `${f.row} ${f.rule} ${f.cell}`);
  expect(key(streamed)).toEqual(key(full));
  expect(streamed.result.adjustments).toEqual(full.result.adjustments);
  expect(streamed.workbook).toBeUndefined();
});

/**
 * Reading a roster for `check` without a marked copy: the command line's own reader, and
 * ExcelJS's streaming reader (large files it hands back), find what ExcelJS's full read finds.
 */
import { checkFile } from '../../src/cli/check-file';
import { parsePolicy } from '../../src/domain/policy';
import { SAMPLE_POLICY } from '../../examples/make-sample';
import { tempDir, writeSampleFiles } from './helpers';

const quiet = { stdout: () => {}, stderr: () => {}, progress: false };

it('ExcelJS streaming and full reads give the same findings and adjustments on the sample', async () => {
  const { roster } = await writeSampleFiles(tempDir());
  const policy = parsePolicy(SAMPLE_POLICY);
  const full = await checkFile(roster, { policy, withWorkbook: false, io: quiet, fastRead: false });
  const streamed = await checkFile(roster, {
    policy,
    withWorkbook: false,
    io: quiet,
    fastRead: false,
    streamingBytes: 0,
  });
  // The streaming reader reports no merged ranges: the proof that it was the one used.
  expect(full.grid.sheets[0].merges?.length).toBeGreaterThan(0);
  expect(streamed.grid.sheets[0].merges ?? []).toEqual([]);
  const key = (r: typeof full) => r.result.findings.map((f) => `${f.row} ${f.rule} ${f.cell}`);
  expect(key(streamed)).toEqual(key(full));
  expect(streamed.result.adjustments).toEqual(full.result.adjustments);
  expect(streamed.workbook).toBeUndefined();
});

it("the command line's reader gives the full read's grid, findings and adjustments on the sample", async () => {
  const { roster } = await writeSampleFiles(tempDir());
  const policy = parsePolicy(SAMPLE_POLICY);
  const full = await checkFile(roster, { policy, withWorkbook: true, fastRead: false, io: quiet });
  const fast = await checkFile(roster, { policy, withWorkbook: false, io: quiet });
  // Merged ranges and all: the grid is the same, so the check is too.
  expect(fast.grid.sheets[0].merges?.length).toBeGreaterThan(0);
  expect(fast.grid).toEqual(full.grid);
  expect(fast.result.findings).toEqual(full.result.findings);
  expect(fast.result.adjustments).toEqual(full.result.adjustments);
});

it('through ExcelJS, a workbook too large for a marked copy is refused before reading, pointing at --no-out; the patching writer makes it', async () => {
  const { roster } = await writeSampleFiles(tempDir());
  const policy = parsePolicy(SAMPLE_POLICY);
  const patched = await checkFile(roster, { policy, withWorkbook: true, io: quiet, markedCopyMax: 1000 });
  expect(patched.cellsMarked).toBeGreaterThan(0);
  expect(patched.workbook?.length).toBeGreaterThan(0);
  const refused = await checkFile(roster, {
    policy,
    withWorkbook: true,
    fastRead: false,
    io: quiet,
    markedCopyMax: 1000,
  }).catch((e) => e);
  expect(refused).toMatchObject({ code: 'too-large' });
  expect(refused.zh).toMatch(/太大（解压后约 \d+ MB），生成标注副本所需内存超过本工具的限度：请加 --no-out/);
  const checked = await checkFile(roster, { policy, withWorkbook: false, io: quiet, markedCopyMax: 1000 });
  expect(checked.result.households.length).toBeGreaterThan(0);
});

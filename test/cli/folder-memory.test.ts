/**
 * check <folder> keeps no file's findings past its own outputs: a county folder holds many
 * rosters, and memory must not grow with their number. Each checked result is watched through a
 * WeakRef; when the next file's check starts, a full garbage collection must have freed every
 * earlier file's result (the county summary and stdout keep counts only, the report is written
 * into its temporary file as each file is done).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { buildTownship } from '../../examples/make-sample';
import type { FileCheck } from '../../src/cli/check-file';
import { run, tempDir, writeSampleFiles } from './helpers';

// A new context made after the flag is set has `gc`: no --expose-gc on jest's command line.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** The results of the second pass (the one given the other files' IDs), in order. */
const mockResults: WeakRef<object>[] = [];
/** For each second-pass check: which earlier results were still reachable when it started. */
const mockAliveAtStart: boolean[][] = [];

jest.mock('../../src/cli/check-file', () => {
  const actual = jest.requireActual('../../src/cli/check-file');
  // A plain function, not jest.fn: a mock function would keep every result it returned.
  return {
    ...actual,
    checkFile: async (path: string, opts: { externalIds?: unknown }) => {
      if (opts.externalIds) {
        // Out of the current job, so that no WeakRef target is held for it.
        await new Promise((resolve) => setImmediate(resolve));
        gc();
        mockAliveAtStart.push(mockResults.map((r) => r.deref() !== undefined));
      }
      const checked = (await actual.checkFile(path, opts)) as FileCheck;
      if (opts.externalIds) mockResults.push(new WeakRef(checked.result));
      return checked;
    },
  };
});

it.each([
  ['with marked copies, 县汇总 and the report', ['--report', 'county.json']],
  ['--no-out', ['--no-out']],
])('lets each file’s result go once its outputs are written (%s)', async (_name, options) => {
  mockResults.length = 0;
  mockAliveAtStart.length = 0;
  const dir = tempDir();
  const towns = ['儒林镇', '西岩镇', '丹口镇', '茅坪镇'];
  let policy = '';
  for (const [i, township] of towns.entries()) {
    const built = buildTownship({ township, seed: 40 + i, villages: [{ village: '白云村', rows: [null, 'ID-01'] }] });
    policy = (await writeSampleFiles(dir, built, `城步县${township}低保花名册.xlsx`)).policy;
  }
  const args = options.map((o) => (o === 'county.json' ? `${tempDir()}/county.json` : o));
  const res = await run('check', dir, '--policy', policy, ...args);
  expect(res.stderr).toBe('');
  expect(res.code).toBe(1);
  // Every file was checked, and none found an earlier file's result still in memory.
  expect(mockAliveAtStart).toEqual([[], [false], [false, false], [false, false, false]]);
});

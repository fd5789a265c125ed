/**
 * The command line never prints an ID number or a person's name — not in the summary, not in
 * progress lines, not in refusals — whatever the input: the sample township (every rule planted),
 * folder mode, clear, and every file of the bad-input corpus.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSampleTownship } from '../../examples/make-sample';
import { main } from '../../src/cli/main';
import { tempDir, writeSampleFiles } from '../cli/helpers';
import { CORPUS, CORPUS_NAMES, corpusId } from '../corpus/make-corpus';

const township = buildSampleTownship();
const PEOPLE = new Set<string>([
  ...township.households.flatMap((h) => h.members.map((m) => m.name)),
  ...CORPUS_NAMES,
  '杨'.repeat(10_000).slice(0, 20),
]);
const IDS = new Set<string>([
  ...township.households.flatMap((h) => h.members.map((m) => m.id)),
  ...Array.from({ length: 200 }, (_, i) => corpusId(i)),
]);

/** 15 digits or more (IDs, old IDs, certificates), but not the decimals of an amount. */
const ID_LIKE = /(?<![\d.])\d{15,}/;

let printed = '';
let runs = 0;

/** Runs the command line with progress lines on, collecting everything it prints. */
async function cli(...argv: string[]): Promise<number> {
  runs++;
  return main(argv, {
    stdout: (t) => (printed += t),
    stderr: (t) => (printed += t),
    progress: true,
  });
}

beforeAll(async () => {
  const dir = tempDir();
  const { roster, policy } = await writeSampleFiles(dir);
  await cli('check', roster, '--policy', policy, '--out', join(dir, 'c.xlsx'), '--report', join(dir, 'r.json'));
  await cli('check', roster, '--policy', policy, '--no-out');
  await cli('check', roster, '--policy', policy, '--sheet', '家庭成员', '--no-out');
  await cli('check', roster, '--policy', policy, '--sheet', '不存在', '--no-out');
  await cli('check', roster, '--policy', policy, '--out', join(dir, 'c.xlsx'));
  await cli('check', roster, '--list', `death=${roster}`, '--no-out');
  await cli('clear', join(dir, 'c.xlsx'), '--out', join(dir, 'cleared.xlsx'));

  const folder = join(dir, 'county');
  mkdirSync(folder);
  await writeSampleFiles(folder);
  for (const c of CORPUS.slice(0, 12)) writeFileSync(join(folder, c.file), await c.build());
  await cli('check', folder, '--out', join(dir, 'county-out'), '--report', join(dir, 'county.json'));

  for (const c of CORPUS) {
    const input = join(dir, c.file);
    writeFileSync(input, await c.build());
    await cli('check', input, '--out', join(dir, `${c.file}.out.xlsx`), '--report', join(dir, `${c.file}.json`));
    await cli('clear', input, '--out', join(dir, `${c.file}.cleared.xlsx`));
  }
});

describe('what the command line prints', () => {
  test('was produced by every kind of run (a guard against a vacuous check)', () => {
    expect(runs).toBeGreaterThan(2 * CORPUS.length);
    expect(printed).toContain('核查完成');
    expect(printed).toContain('无法核查');
    expect(printed).toContain('已清除标注');
    // Progress lines were on.
    expect(printed).toContain('正在读取');
  });

  test('holds no ID number', () => {
    expect(printed.match(new RegExp(ID_LIKE.source, 'g'))).toBeNull();
    for (const id of IDS) expect(printed.includes(id.slice(0, 15))).toBe(false);
  });

  test('holds no name of a household member', () => {
    expect([...PEOPLE].filter((name) => printed.includes(name))).toEqual([]);
  });
});

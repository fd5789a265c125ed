/**
 * The bad-input corpus (issue 6): workbooks the way clerks and their systems really make them,
 * broken in every way we could think of. Deterministic: the same bytes on every run. Nothing
 * generated is committed; tests build it into a temporary folder.
 *
 *   npx tsx test/corpus/make-corpus.ts <folder>     writes every file into <folder>
 *
 * test/reliability/corpus.test.ts says what the tool must do with each file, and
 * docs/RELIABILITY.md lists them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusCase } from './case-kit';
import { FILE_CASES } from './cases-files';
import { SHEET_CASES } from './cases-sheets';
import { VALUE_CASES } from './cases-values';
import { HOSTILE_CASES } from './cases-hostile';

export type { CorpusCase } from './case-kit';
export { CORPUS_NAMES, corpusId } from './roster-book';

export const CORPUS: CorpusCase[] = [...FILE_CASES, ...SHEET_CASES, ...VALUE_CASES];

/** Every corpus file, built in memory: file name → bytes. */
export async function buildCorpus(): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  for (const c of CORPUS) out.set(c.file, await c.build());
  return out;
}

/** The hostile corpus (issue 13), run by `npm run test:hostile` in child processes. */
export const HOSTILE: CorpusCase[] = HOSTILE_CASES;

/** Writes the corpus (or `cases`) into `dir` (made if needed); returns the paths written. */
export async function writeCorpus(dir: string, cases: CorpusCase[] = CORPUS): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const paths: string[] = [];
  for (const c of cases) {
    const path = join(dir, c.file);
    writeFileSync(path, await c.build());
    paths.push(path);
  }
  return paths;
}

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('用法（usage）：npx tsx test/corpus/make-corpus.ts <folder>\n');
    process.exitCode = 2;
  } else {
    writeCorpus(dir, [...CORPUS, ...HOSTILE]).then((paths) => process.stdout.write(`${paths.length} files → ${dir}\n`));
  }
}

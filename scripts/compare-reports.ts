/**
 * Before/after comparison of what a check says (issue 14): the JSON reports, stdout and stderr of
 * the sample, every corpus file (test/corpus, one by one and as a folder) and the benchmark's
 * synthetic rosters, plus the English text of each finding, adjustment and skipped check.
 *
 *   npx tsx scripts/compare-reports.ts snapshot <dir>            write one run into <dir>
 *   npx tsx scripts/compare-reports.ts compare <before> <after>  compare two runs (exit 1 on a difference)
 *
 * A refactoring must leave every snapshot identical except for what it is meant to change: the
 * report's added `messageId` and `data` fields, and English text that was partly Chinese before
 * ("户主: ID number missing" → "Head of household: ID number missing"). Everything else, down to
 * the order of findings and each byte of stdout, must match.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../src/cli/main';
import { checkFile } from '../src/cli/check-file';
import { checkWorkbook } from '../src/domain/engine';
import { parsePolicy, type Policy } from '../src/domain/policy';
import type { CheckResult } from '../src/domain/types';
import { buildReport } from '../src/workbook/output/report';
import { CORPUS, writeCorpus } from '../test/corpus/make-corpus';
import { writeSample } from '../examples/make-sample';
import { syntheticWorkbook } from '../bench/synthetic';
import { rosterFile } from '../bench/roster-file';
import { englishView } from './report-english';

/** A fixed reference date: a default of "today" would differ between the two runs. */
const AS_OF = '2018-01-15';
const SAMPLE_POLICY = resolve(__dirname, '..', 'examples', '儒林镇.policy.json');

interface Snapshot {
  args: string[];
  exit: number;
  stdout: string;
  stderr: string;
  report?: unknown;
  /** The English text of the check's findings, adjustments and skipped checks. */
  en?: unknown;
}

async function runCli(args: string[], reportPath: string): Promise<Snapshot> {
  let stdout = '';
  let stderr = '';
  const exit = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), progress: false });
  let report: unknown;
  try {
    report = JSON.parse(readFileSync(reportPath, 'utf8'));
  } catch {
    report = undefined;
  }
  return {
    args: args.map((a) => a.replace(/^.*[/\\]/, '')),
    exit,
    stdout: scrubPaths(stdout),
    stderr: scrubPaths(stderr),
    report,
  };
}

/** Temporary folder names differ between runs; the file names do not. */
function scrubPaths(text: string): string {
  return text.replace(/\/[^\s"'“”（）()]*\/(?=[^/\s]+)/g, '<dir>/');
}

async function englishOf(file: string, policy: Policy): Promise<unknown> {
  try {
    const { result } = await checkFile(file, { policy, withWorkbook: false, io: { stdout() {}, stderr() {} } });
    return englishView(result);
  } catch {
    return undefined;
  }
}

async function snapshotFile(file: string, out: string, name: string, extra: string[] = [], policy?: Policy) {
  const reportPath = join(out, '.tmp-report.json');
  rmSync(reportPath, { force: true });
  const args = ['check', file, '--no-out', '--report', reportPath, '--as-of', AS_OF, ...extra];
  const snap = await runCli(args, reportPath);
  rmSync(reportPath, { force: true });
  if (snap.report) snap.en = await englishOf(file, policy ?? parsePolicy({ asOf: AS_OF }));
  writeFileSync(join(out, `${name}.json`), JSON.stringify(snap, null, 1) + '\n');
}

async function snapshot(out: string): Promise<void> {
  mkdirSync(out, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'compare-reports-'));
  try {
    const sample = await writeSample(join(work, '城步县儒林镇低保花名册.xlsx'));
    const samplePolicy = parsePolicy({ ...JSON.parse(readFileSync(SAMPLE_POLICY, 'utf8')), asOf: AS_OF });
    await snapshotFile(sample, out, 'sample', ['--policy', SAMPLE_POLICY], samplePolicy);
    process.stderr.write('sample\n');

    const corpusDir = join(work, 'corpus');
    const files = await writeCorpus(corpusDir, CORPUS);
    for (const file of files) await snapshotFile(file, out, `corpus-${file.replace(/^.*[/\\]/, '')}`);
    const folderReport = join(work, 'folder.json');
    writeFileSync(
      join(out, 'corpus-folder.json'),
      JSON.stringify(
        await runCli(['check', corpusDir, '--no-out', '--report', folderReport, '--as-of', AS_OF], folderReport),
        null,
        1,
      ) + '\n',
    );
    process.stderr.write(`corpus: ${files.length} files and the folder\n`);

    // The benchmark's rosters: the command line's 10,000-household file, and the engine's 100,000
    // households straight from the grid (the report as the command line would write it).
    await snapshotFile(await rosterFile(10_000), out, 'bench-file-10000');
    const policy = parsePolicy({ asOf: AS_OF });
    const result: CheckResult = checkWorkbook({ workbook: syntheticWorkbook(100_000), policy });
    const big: Snapshot = {
      args: ['engine', '100000'],
      exit: 0,
      stdout: '',
      stderr: '',
      report: buildReport(result, policy, { maskIds: false }),
      en: englishView(result),
    };
    writeFileSync(join(out, 'bench-engine-100000.json'), JSON.stringify(big) + '\n');
    process.stderr.write('benchmark rosters\n');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Comparison

const HAN = /[\u3400-\u9fff]/g;
const hanCount = (s: string) => (s.match(HAN) ?? []).length;

interface Tally {
  identical: number;
  files: number;
  addedFields: number;
  englishNowEnglish: { before: string; after: string }[];
  differences: string[];
}

/** Fields a run may add to a report entry without changing its meaning. */
const ADDED_FIELDS = new Set(['messageId', 'data']);

function compareValues(a: unknown, b: unknown, path: string, english: boolean, t: Tally): void {
  if (typeof a === 'string' && typeof b === 'string') {
    if (a === b) return;
    // English text that held Chinese words before and holds fewer now: the change this issue makes.
    if (english && hanCount(b) < hanCount(a)) t.englishNowEnglish.push({ before: a, after: b });
    else t.differences.push(`${path}: ${JSON.stringify(a).slice(0, 200)} → ${JSON.stringify(b).slice(0, 200)}`);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) t.differences.push(`${path}: ${a.length} entries → ${b.length}`);
    for (let i = 0; i < Math.min(a.length, b.length); i++) compareValues(a[i], b[i], `${path}[${i}]`, english, t);
    return;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    for (const k of Object.keys(ao)) {
      if (!(k in bo)) t.differences.push(`${path}.${k}: removed`);
      else compareValues(ao[k], bo[k], `${path}.${k}`, english || k === 'en', t);
    }
    for (const k of Object.keys(bo)) {
      if (k in ao) continue;
      if (ADDED_FIELDS.has(k)) t.addedFields++;
      // English text where there was none (adjustments and skipped checks had Chinese only).
      else if (english) t.englishNowEnglish.push({ before: '(none)', after: JSON.stringify(bo[k]).slice(0, 120) });
      else t.differences.push(`${path}.${k}: added`);
    }
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) {
    t.differences.push(`${path}: ${JSON.stringify(a)?.slice(0, 200)} → ${JSON.stringify(b)?.slice(0, 200)}`);
  }
}

function compare(before: string, after: string): number {
  const names = new Set([...readdirSync(before), ...readdirSync(after)].filter((n) => n.endsWith('.json')));
  const t: Tally = { identical: 0, files: 0, addedFields: 0, englishNowEnglish: [], differences: [] };
  for (const name of [...names].sort()) {
    t.files++;
    let a: unknown;
    let b: unknown;
    try {
      a = JSON.parse(readFileSync(join(before, name), 'utf8'));
      b = JSON.parse(readFileSync(join(after, name), 'utf8'));
    } catch {
      t.differences.push(`${name}: missing in one run`);
      continue;
    }
    const seen = t.differences.length;
    compareValues(a, b, name, false, t);
    if (t.differences.length === seen) t.identical++;
  }
  const english = new Map<string, number>();
  for (const e of t.englishNowEnglish) {
    const key = `${e.before.slice(0, 120)} → ${e.after.slice(0, 120)}`;
    english.set(key, (english.get(key) ?? 0) + 1);
  }
  const lines = [
    `snapshots compared: ${t.files}; identical apart from the allowed changes: ${t.identical}`,
    `messageId/data fields added: ${t.addedFields}`,
    `English text now English: ${t.englishNowEnglish.length} (${english.size} distinct)`,
    ...[...english]
      .sort((x, y) => y[1] - x[1])
      .slice(0, 25)
      .map(([k, n]) => `  ${n} × ${k}`),
    `other differences: ${t.differences.length}`,
    ...t.differences.slice(0, 50).map((d) => `  ${d}`),
  ];
  process.stdout.write(lines.join('\n') + '\n');
  return t.differences.length ? 1 : 0;
}

const [command, a, b] = process.argv.slice(2);
if (command === 'snapshot' && a) {
  snapshot(resolve(a)).then(
    () => undefined,
    (e: unknown) => {
      process.stderr.write(`${String(e)}\n`);
      process.exitCode = 2;
    },
  );
} else if (command === 'compare' && a && b) {
  process.exitCode = compare(resolve(a), resolve(b));
} else {
  process.stderr.write('usage: npx tsx scripts/compare-reports.ts snapshot <dir> | compare <before-dir> <after-dir>\n');
  process.exitCode = 2;
}

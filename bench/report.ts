/**
 * The benchmark's results: one row per figure with its target and PASS/MISS, printed as they come
 * and written into docs/PERFORMANCE.md between the markers (the prose around them is kept).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './paths';

export interface BenchRow {
  /** "1 engine", "2 command line", … */
  section: string;
  measure: string;
  figure: string;
  /** Absent for figures recorded without a target. */
  target?: string;
  pass?: boolean;
  /** Load average at the start, CPU time, or how a figure was obtained. */
  note?: string;
  /** When its section ran (a run of some sections keeps the others' rows from an earlier run). */
  ranAt?: string;
}

export const START = '<!-- bench:start (written by `npm run bench`; edit outside the markers) -->';
export const END = '<!-- bench:end -->';

export function printRow(r: BenchRow): void {
  const verdict = r.pass === undefined ? '' : r.pass ? ' PASS' : ' MISS';
  const target = r.target ? ` (target ${r.target})` : '';
  console.log(`[${r.section}] ${r.measure}: ${r.figure}${target}${verdict}${r.note ? ` — ${r.note}` : ''}`);
}

export function machine(): string {
  let model = cpus()[0]?.model ?? 'unknown';
  try {
    model = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? model;
  } catch {
    // Not Linux: os.cpus() has the model too.
  }
  const gb = (totalmem() / 1024 ** 3).toFixed(0);
  return `${cpus().length} cores (${model}), ${gb} GB memory, Node ${process.version}, ${process.platform}`;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function tableMarkdown(rows: BenchRow[]): string {
  const runs = [...new Set(rows.map((r) => r.ranAt ?? ''))].filter(Boolean).sort();
  const first = runs[0] ?? '';
  const last = runs[runs.length - 1] ?? '';
  const when =
    first.slice(0, 10) === last.slice(0, 10)
      ? `${first.slice(0, 10)}, ${first.slice(11, 16)}–${last.slice(11, 16)} UTC`
      : `between ${first.slice(0, 16).replace('T', ' ')} and ${last.slice(0, 16).replace('T', ' ')} UTC`;
  const lines = [
    `Machine: ${machine()}. Measured ${when}. The machine is shared with other work: the load`,
    'average at the start of each run is in its notes, and CPU time stands beside wall time where it matters.',
    '',
    '| # | Measure | Figure | Target | Result | Notes |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        '| ' +
        [
          r.section,
          r.measure,
          r.figure,
          r.target ?? '—',
          r.pass === undefined ? '—' : r.pass ? '**PASS**' : '**MISS**',
          r.note ?? '',
        ]
          .map(cell)
          .join(' | ') +
        ' |',
    ),
  ];
  return lines.join('\n');
}

const ROWS_TAG = /<!-- rows (.*?) -->/s;

/**
 * Replaces what is between the markers in docs/PERFORMANCE.md (or appends the markers). Rows of
 * sections that did not run this time are kept from the previous table (stored beside it as JSON).
 */
export function writeDoc(rows: BenchRow[], file = join(ROOT, 'docs', 'PERFORMANCE.md')): string {
  let doc = '';
  try {
    doc = readFileSync(file, 'utf8');
  } catch {
    doc = '# Performance\n\n';
  }
  const a = doc.indexOf(START);
  const b = doc.indexOf(END);
  const old = a >= 0 && b > a ? ROWS_TAG.exec(doc.slice(a, b)) : null;
  const ran = new Set(rows.map((r) => r.section));
  const kept = old ? (JSON.parse(old[1]) as BenchRow[]).filter((r) => !ran.has(r.section)) : [];
  const all = [...kept, ...rows].sort((x, y) => x.section.localeCompare(y.section, 'en', { numeric: true }));
  // "--" may not appear inside an HTML comment.
  const json = JSON.stringify(all).replace(/-/g, '\\u002d');
  const block = `${START}\n\n${tableMarkdown(all)}\n\n<!-- rows ${json} -->\n${END}`;
  doc = a >= 0 && b > a ? doc.slice(0, a) + block + doc.slice(b + END.length) : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, doc);
  return file;
}

/**
 * `npm run bench`: the performance figures of docs/PERFORMANCE.md, each beside its target.
 * Not part of `npm test`; takes a few minutes (the 1M-household engine run needs several GB).
 *
 *   npm run bench                      all four sections
 *   npm run bench -- --only engine,cli some of engine, cli, office, taskpane, wps, copy, scale, web, live
 *   npm run bench -- --quick           smaller sizes, one round (a smoke run; the doc is not written)
 *   npm run bench -- --build           npm run build (the page in dist/) once, before the first section
 *                                      that measures it (task pane, web); a stale dist/ is built anyway
 *
 * Each measurement runs in a fresh node process, bundled with esbuild; see bench/child.ts.
 */
import { cliSection } from './section-cli';
import { copySection } from './section-copy';
import { scaleSection } from './section-scale';
import { ENGINE_SIZES, engineSection } from './section-engine';
import { officeSection } from './section-office';
import { taskpaneSection } from './section-taskpane';
import { webSection } from './section-web';
import { wpsSection } from './section-wps';
import { liveSection } from './section-live';
import { printRow, writeDoc, type BenchRow } from './report';

const SECTIONS = ['engine', 'cli', 'office', 'taskpane', 'wps', 'copy', 'scale', 'web', 'live'] as const;
type Section = (typeof SECTIONS)[number];

function options(argv: string[]) {
  const at = argv.indexOf('--only');
  const only = at >= 0 ? (argv[at + 1] ?? '').split(',') : [...SECTIONS];
  const unknown = only.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length) throw new Error(`unknown section ${unknown.join(', ')}; one of ${SECTIONS.join(', ')}`);
  return { only: new Set(only as Section[]), quick: argv.includes('--quick'), build: argv.includes('--build') };
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const rows: BenchRow[] = [];
  let ranAt = new Date().toISOString();
  const emit = (r: BenchRow) => {
    printRow(r);
    rows.push({ ...r, ranAt });
  };
  const section = async (name: Section, work: () => Promise<void>) => {
    if (!opts.only.has(name)) return;
    ranAt = new Date().toISOString();
    await work();
  };
  await section('engine', () => engineSection(opts.quick ? [10_000, 100_000] : ENGINE_SIZES, emit));
  await section('cli', () => cliSection(opts.quick ? 10_000 : 100_000, opts.quick ? 1 : 2, emit));
  await section('office', () => officeSection(opts.quick ? 10_000 : 100_000, 40, opts.quick ? 10_000 : 100_000, emit));
  await section('taskpane', () => taskpaneSection(opts.quick ? 1 : 3, opts.build, emit));
  await section('wps', () => wpsSection(opts.quick ? 10_000 : 100_000, 40, emit));
  await section('copy', () =>
    copySection(opts.quick ? [10_000] : [20_000, 100_000], opts.quick ? 10_000 : 20_000, emit),
  );
  await section('scale', () => scaleSection(opts.quick ? 10_000 : 100_000, opts.quick ? 20_000 : 1_000_000, emit));
  await section('web', () => webSection(opts.quick ? [10_000] : [20_000, 100_000], opts.build, emit));
  await section('live', () => liveSection(opts.quick ? [10_000] : [10_000, 100_000], emit));
  if (opts.quick) console.log('\n--quick: docs/PERFORMANCE.md left as it was');
  else console.log(`\nwritten: ${writeDoc(rows)}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});

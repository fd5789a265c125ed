/**
 * Section 9 in one process: 边改边查 over the Excel double (test/support) on the engine bench's
 * roster (members, death list, a fault in one household of ten), marked at ExcelApi 1.18. One
 * cell is edited; the time is from the edit to the pane's new result and marks, without the
 * 300 ms quiet wait. `node live-one.js HOUSEHOLDS` prints one JSON line.
 */
import { parsePolicy } from '../src/domain/policy';
import { checkGrid, markResult, runCheck } from '../src/workbook/actions';
import { OfficeHost } from '../src/workbook/office/office';
import { LiveRecheck, type LiveState } from '../src/taskpane/state/liveRecheck';
import { ExcelDouble } from '../test/support/excel-double';
import { colLetters } from '../test/support/excel-double-book';
import { BENCH_AS_OF, syntheticWorkbook } from './synthetic';

interface EditTimed {
  /** Edit → new result and marks, ms. */
  ms: number;
  syncs: number;
  ops: number;
  rowsRemarked: number;
}

/** A cell of a household edited (the figures), then another household's head ID (`id`). */
export interface LiveOne extends EditTimed {
  households: number;
  id: EditTimed;
  /** A whole check of the edited workbook, ms: what each re-check cost before #11 live. */
  engineMs: number;
}

async function main(): Promise<void> {
  const households = Number(process.argv[2]);
  const grid = syntheticWorkbook(households);
  const double = ExcelDouble.fromSpec({
    sheets: grid.sheets.map((s) => ({
      name: s.name,
      rows: s.rows.map((row) => [...row].map((c) => (c ? { v: c.v } : null))),
    })),
  });
  const host = new OfficeHost({ run: double.run, runIn: double.runIn, isSetSupported: double.isSetSupported });
  const policy = parsePolicy({ asOf: BENCH_AS_OF });
  let state: LiveState = { ...(await runCheck(host, policy)), policy };
  await markResult(host, state.result);
  let remarked = 0;
  const markRows = host.markRows.bind(host);
  host.markRows = (marks, rows) => {
    remarked = [...rows.values()].reduce((n, s) => n + s.size, 0);
    return markRows(marks, rows);
  };
  const live = new LiveRecheck({
    host,
    state: () => state,
    lang: () => 'zh',
    apply: (next) => (state = { ...state, ...next }),
    checkAll: async () => undefined,
    exclusive: async (work) => (await work(), true),
    onError: (e) => {
      throw e;
    },
    debounceMs: 0,
  });
  await live.start();
  const sheet = state.result.roster;
  const middle = state.result.households[Math.floor(households / 2)];
  const edit = async (col: number, row: number, value: string): Promise<EditTimed> => {
    remarked = 0;
    double.resetStats();
    const rechecks = live.rechecks;
    const t0 = performance.now();
    double.edit(sheet.sheet, `${colLetters(col - 1)}${row}`, [[value]]);
    await double.events.delivered();
    await live.idle();
    const ms = performance.now() - t0;
    if (live.rechecks !== rechecks + 1) throw new Error(`expected one re-check, got ${live.rechecks - rechecks}`);
    return { ms: Math.round(ms), syncs: double.syncs, ops: double.totalOps, rowsRemarked: remarked };
  };
  // A household in the middle: its 入户调查表 emptied (DOC-01 appears on it).
  const visit = await edit(sheet.columns.visitForm!.col, middle.row, '无');
  // The next household's head ID typed as that household's: both now hold the same ID (ID-06).
  const next = state.result.households[Math.floor(households / 2) + 1];
  const id = await edit(sheet.columns.headId!.col, next.row, middle.idNumber);
  const e0 = performance.now();
  checkGrid(state.grid, policy);
  const engineMs = performance.now() - e0;
  await live.stop();
  const out: LiveOne = { households, ...visit, id, engineMs: Math.round(engineMs) };
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(String((e as Error)?.stack ?? e) + '\n');
  process.exitCode = 1;
});

/**
 * 自检: what the first real install runs to confirm, in that Excel or WPS, the assumptions no test
 * here could (docs/WPS.md lists them). On a temporary sheet it writes a small roster, reads it
 * back, checks it, marks, looks at a marked cell, clears, compares, generates an adjustment
 * roster, and deletes everything it made; each capability is reported as passed or failed, with
 * the host's name and version. The clerk's own sheets, marks and generated sheets are never
 * touched: with marks in the workbook it refuses (marking would clear them first), and its
 * sheets carry no `kind`, so no earlier generated sheet is replaced.
 */
import { CodedError } from '../domain/coded-error';
import type { Cell, WorkbookGrid } from '../domain/grid';
import { parsePolicy } from '../domain/policy';
import { buildSheet, markResult, runCheck } from './actions';
import type { GeneratedSheet } from './output/generated';
import { layoutOf } from './output/generated';
import { MARK_FILLS, NOTE_HEADER, type WorkbookHost } from './host';

/** What the self-test needs beyond the port. */
export interface SelfTestHost extends WorkbookHost {
  describe(): { name: string; version: string };
  hasMarks(): Promise<boolean>;
  deleteSheet(name: string): Promise<void>;
  /** A cell's fill ("#RRGGBB" of a solid fill, "none", or "other") and note text, 1-based. */
  inspectCell(sheet: string, row: number, col: number): Promise<{ fill: string; note?: string }>;
}

export type CapabilityId =
  'write' | 'read' | 'check' | 'mark' | 'notes' | 'clear' | 'unchanged' | 'generate' | 'cleanup';

export interface Capability {
  id: CapabilityId;
  ok: boolean;
  /** What went wrong, when it failed (English or the host's message). */
  detail?: string;
}

export interface SelfTestReport {
  host: string;
  version: string;
  capabilities: Capability[];
  ok: boolean;
}

export class SelfTestRefused extends CodedError<'self-test-marked'> {
  constructor() {
    super('SelfTestRefused', 'self-test-marked', undefined);
  }
}

const BAD_ID = '430529198001011230'; // check digit should be 7 (ID-02)
const GOOD_ID = '430529196003151236';
const TEXT_ID = '43052919800101123X';

/** The small roster: IDs as text, an amount with two decimals, text that looks like a formula. */
export function selfTestRoster(): GeneratedSheet {
  return {
    name: '自检临时表',
    title: '自检县自检镇农村低保对象花名册（自检临时表，可删除）',
    subtitle: ['填报单位：自检镇人民政府    日期：2018年1月15日'],
    columns: [
      { header: '序号', width: 6 },
      { header: '村', width: 10 },
      { header: '户主姓名', width: 10 },
      { header: '身份证号码', width: 20, asText: true },
      { header: '家庭人口', width: 8 },
      { header: '保障人数', width: 8 },
      { header: '月保障金', width: 10, numFmt: '0.00' },
      { header: '备注', width: 16 },
    ],
    body: [
      [1, '白云村', '自检甲', BAD_ID, 2, 2, 300.5, '=1+1'],
      [2, '白云村', '自检乙', GOOD_ID, 1, 1, 252.17, '0123'],
      [3, '清溪村', '自检丙', TEXT_ID, 3, 3, 0, '+86 电话'],
    ],
    footer: ['制表人：'],
    landscape: true,
  };
}

const textOf = (c: Cell | undefined) => (c === undefined ? '' : c.v instanceof Date ? c.v.toISOString() : String(c.v));

function sheetValues(grid: WorkbookGrid, name: string): string[][] | undefined {
  return grid.sheets.find((s) => s.name === name)?.rows.map((row) => (row ?? []).map(textOf));
}

export async function runSelfTest(host: SelfTestHost): Promise<SelfTestReport> {
  const { name: hostName, version } = host.describe();
  if (await host.hasMarks()) throw new SelfTestRefused();
  const capabilities: Capability[] = [];
  const made: string[] = [];
  const record = async (id: CapabilityId, work: () => Promise<boolean | string>) => {
    try {
      const r = await work();
      capabilities.push(r === true ? { id, ok: true } : { id, ok: false, detail: r === false ? undefined : r });
      return r === true;
    } catch (e) {
      capabilities.push({ id, ok: false, detail: e instanceof Error ? e.message.split('\n')[0] : String(e) });
      return false;
    }
  };
  const roster = selfTestRoster();
  const L = layoutOf(roster);
  let sheet = '';
  let before: string[][] | undefined;
  const steps = async (): Promise<void> => {
    const written = await record('write', async () => {
      sheet = await host.addSheet(roster);
      made.push(sheet);
      return true;
    });
    if (!written) return;
    await record('read', async () => {
      before = sheetValues(await host.readWorkbook(), sheet);
      if (!before) return 'the sheet written was not found again';
      const rowOf = (i: number) => before![L.firstBodyRow - 1 + i];
      const ids = [0, 1, 2].map((i) => rowOf(i)?.[3]);
      if (ids.join() !== [BAD_ID, GOOD_ID, TEXT_ID].join()) return `IDs read back as ${ids.join(', ')}`;
      const notes = [0, 1, 2].map((i) => rowOf(i)?.[7]);
      if (notes.join('|') !== '=1+1|0123|+86 电话') return `text read back as ${notes.join(' | ')}`;
      return rowOf(0)?.[6] === '300.5' ? true : `amount read back as ${rowOf(0)?.[6]}`;
    });
    const policy = parsePolicy({ county: '自检县', township: '自检镇', asOf: '2018-01-15', annualStandard: 3026 });
    let checked: Awaited<ReturnType<typeof runCheck>>['result'] | undefined;
    await record('check', async () => {
      checked = (await runCheck(host, policy, { rosterSheet: sheet })).result;
      const id02 = checked.findings.some((f) => f.rule === 'ID-02' && f.row === L.firstBodyRow);
      return id02 ? true : 'ID-02 was not found on the first household';
    });
    if (!checked) return;
    const result = checked;
    const idCol = roster.columns.findIndex((c) => c.header === '身份证号码') + 1;
    let marked = 0;
    await record('mark', async () => {
      marked = (await markResult(host, result, 'zh')).cells;
      if (!marked) return 'nothing was marked';
      const look = await host.inspectCell(sheet, L.firstBodyRow, idCol);
      return look.fill === `#${MARK_FILLS.error.slice(2)}` ? true : `the marked cell's fill is ${look.fill}`;
    });
    await record('notes', async () => {
      const look = await host.inspectCell(sheet, L.firstBodyRow, idCol);
      return look.note?.startsWith(NOTE_HEADER) && look.note.includes('ID-02') ? true : 'no note with the reason';
    });
    await record('clear', async () => {
      const n = await host.clearMarks();
      if (n !== marked) return `${n} cells restored, ${marked} were marked`;
      const look = await host.inspectCell(sheet, L.firstBodyRow, idCol);
      return look.fill === 'none' && look.note === undefined ? true : `after clearing: fill ${look.fill}`;
    });
    await record('unchanged', async () => {
      const after = sheetValues(await host.readWorkbook(), sheet);
      return JSON.stringify(after) === JSON.stringify(before) ? true : 'values differ after marking and clearing';
    });
    await record('generate', async () => {
      const adjustments = { ...buildSheet('adjustments', result, policy), name: '自检调整花名册', kind: undefined };
      const name = await host.addSheet(adjustments);
      made.push(name);
      const back = sheetValues(await host.readWorkbook(), name);
      return back?.[0]?.[0] === adjustments.title ? true : 'the generated sheet reads back differently';
    });
  };
  try {
    await steps();
  } finally {
    await record('cleanup', async () => {
      if (await host.hasMarks()) await host.clearMarks();
      for (const name of made) await host.deleteSheet(name);
      const left = (await host.readWorkbook()).sheets.filter((s) => made.includes(s.name)).map((s) => s.name);
      return left.length ? `still there: ${left.join(', ')}` : true;
    });
  }
  return report();

  function report(): SelfTestReport {
    return { host: hostName, version, capabilities, ok: capabilities.every((c) => c.ok) };
  }
}

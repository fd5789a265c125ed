/**
 * The WorkbookHost contract: what the clerk can rely on whichever host runs (the Office host
 * inside Excel, the file host on the command line and the web page). One suite, run against both
 * in test/workbook/host-contract.test.ts, each starting from the same workbook spec.
 */
import { expect, test } from '@jest/globals';
import ExcelJS from 'exceljs';
import type { Cell } from '../../src/domain/grid';
import { FileWorkbook } from '../../src/workbook/file/file';
import type { GeneratedSheet } from '../../src/workbook/output/generated';
import { layoutOf } from '../../src/workbook/output/generated';
import { MARK_FILLS, MARK_RECORD_SHEET, NOTE_HEADER, type CellMark, type WorkbookHost } from '../../src/workbook/host';
import { OfficeHost } from '../../src/workbook/office/office';
import { bookProbes } from './book-probes';
import { ExcelDouble, type ExcelApiVersion } from './excel-double';
import type { SpecCell, WorkbookSpec } from './workbook-spec';

/** A host over a workbook, with a way to look inside the workbook as saved. 1-based rows and columns. */
export interface HostUnderTest {
  host: WorkbookHost;
  /** Save, close and open again: a new host over the saved workbook. */
  reopen(): Promise<HostUnderTest>;
  /** ARGB of a solid fill, "pattern" for any other fill, undefined for none. */
  fillOf(sheet: string, row: number, col: number): string | undefined;
  noteOf(sheet: string, row: number, col: number): string | undefined;
  /** The stored value: string, number, boolean, Date, { formula } or undefined. */
  valueOf(sheet: string, row: number, col: number): unknown;
  sheetNames(): string[];
  /** The clerk paints a cell by hand. */
  paint(sheet: string, row: number, col: number, argb: string): void;
  /**
   * Where this host puts the reasons: notes (default), threaded comments (an Excel without the
   * notes API, which cannot add to a clerk's note either), or nowhere.
   */
  annotations?: 'notes' | 'comments' | 'none';
  /** Does reading report merged cells? (default yes; not in an Excel without ExcelApi 1.13) */
  mergedAreas?: boolean;
}

export type MakeHost = (spec: WorkbookSpec) => Promise<HostUnderTest>;

export const GREEN = 'FF00B050';
export const BLUE = 'FF9BC2E6';
export const YELLOW = 'FFFFFF00';
export const CLERK_NOTE = '户主已搬迁，待核实';
export const ID = '430529198001011237';
export const TAKEN = '调整花名册';
const ROSTER = '花名册';

export const CONTRACT_SPEC: WorkbookSpec = {
  sheets: [
    {
      name: ROSTER,
      merges: [{ top: 0, left: 0, bottom: 0, right: 5 }],
      rows: [
        ['城步苗族自治县儒林镇农村低保对象花名册'],
        ['序号', '户主姓名', '身份证号码', '月保障金', '复核日期', '在保'],
        [1, { v: '张三', fill: GREEN }, ID, { v: 300.5, fmt: '0.00' }, new Date(Date.UTC(2017, 11, 1)), true],
        [2, { v: '李四', note: CLERK_NOTE }, '430529196003151236', { v: 252.17, fmt: '0.00' }, null, false],
        [3, '王五', { v: '43052919800101123X', fill: BLUE }, 0, null, true],
      ],
    },
    { name: TAKEN, rows: [['镇里自己做的表']] },
    { name: '参数', hidden: true, rows: [['x']] },
  ],
};

const mark = (row: number, col: number, severity: CellMark['severity'], line: string): CellMark => ({
  sheet: ROSTER,
  row,
  col,
  severity,
  lines: [line],
});
export const MARKS: CellMark[] = [
  mark(3, 2, 'error', 'ID-02 身份证校验码错误（应为 3，实为 7）'),
  mark(4, 2, 'error', 'DOC-01 入户调查表未签字'),
  mark(5, 3, 'warning', 'REV-01 复核逾期'),
];

export const GENERATED: GeneratedSheet = {
  name: TAKEN,
  title: '城步苗族自治县儒林镇农村低保调整花名册',
  subtitle: ['填报单位（盖章）：儒林镇人民政府'],
  columns: [
    { header: '序号', width: 6 },
    { header: '户主姓名', width: 10 },
    { header: '身份证号码', width: 20, asText: true },
    { header: '月保障金（元）', width: 12, numFmt: '0.00' },
    { header: '调整原因', width: 24 },
  ],
  body: [
    [1, '=SUM(A1:A2)', ID, 300.5, '-张三 收入超标'],
    [2, '@home', 430529, 252.17, '+86 电话'],
  ],
  totals: ['合计', null, null, 552.67, null],
  footer: ['制表人：　审核人：'],
  landscape: true,
};

export function describeHostContract(name: string, makeHost: MakeHost): void {
  const open = () => makeHost(CONTRACT_SPEC);

  test(`${name}: reads every sheet as a grid of typed cells, IDs as text`, async () => {
    const grid = await (await open()).host.readWorkbook();
    expect(grid.sheets.map((s) => [s.name, !!s.hidden])).toEqual([
      [ROSTER, false],
      [TAKEN, false],
      ['参数', true],
    ]);
    const roster = grid.sheets[0];
    const vt = (c: Cell | undefined) => c && { v: c.v, t: c.t, ...(c.fmt ? { fmt: c.fmt } : {}) };
    expect(roster.rows[2].map(vt)).toEqual([
      { v: 1, t: 'number' },
      { v: '张三', t: 'string' },
      { v: ID, t: 'string' },
      { v: 300.5, t: 'number', fmt: '0.00' },
      { v: new Date(Date.UTC(2017, 11, 1)), t: 'date', fmt: 'yyyy-mm-dd' },
      { v: true, t: 'boolean' },
    ]);
    expect(roster.rows[3][4]).toBeUndefined();
    expect(roster.rows[4][2]).toMatchObject({ v: '43052919800101123X', t: 'string' });
    const h = await open();
    expect((await h.host.readWorkbook()).sheets[0].merges).toEqual(
      h.mergedAreas === false ? undefined : [{ top: 0, left: 0, bottom: 0, right: 5 }],
    );
  });

  test(`${name}: marks fill the cells at fault and attach the reasons; nothing else changes`, async () => {
    const h = await open();
    const annotations = h.annotations ?? 'notes';
    const outcome = await h.host.mark(MARKS);
    expect(outcome).toEqual({ cells: 3, notes: annotations !== 'none' });
    expect(h.fillOf(ROSTER, 3, 2)).toBe(MARK_FILLS.error);
    expect(h.fillOf(ROSTER, 4, 2)).toBe(MARK_FILLS.error);
    expect(h.fillOf(ROSTER, 5, 3)).toBe(MARK_FILLS.warning);
    expect(h.noteOf(ROSTER, 3, 2)).toBe(
      annotations === 'none' ? undefined : `${NOTE_HEADER}\nID-02 身份证校验码错误（应为 3，实为 7）`,
    );
    // The clerk's own note stays first, ours follows; where only comments can be added, the cell
    // keeps the clerk's note alone (a cell holds one annotation).
    if (annotations === 'notes') {
      expect(h.noteOf(ROSTER, 4, 2)).toMatch(new RegExp(`^${CLERK_NOTE}\\n+${NOTE_HEADER}\\nDOC-01 入户调查表未签字$`));
    } else expect(h.noteOf(ROSTER, 4, 2)).toBe(CLERK_NOTE);
    expect(h.fillOf(ROSTER, 3, 3)).toBeUndefined();
    expect(h.fillOf(ROSTER, 5, 2)).toBeUndefined();
    expect(h.noteOf(ROSTER, 5, 2)).toBeUndefined();
    expect([h.valueOf(ROSTER, 3, 2), h.valueOf(ROSTER, 3, 3), h.valueOf(ROSTER, 4, 4)]).toEqual(['张三', ID, 252.17]);
    const grid = await h.host.readWorkbook();
    expect(grid.sheets.map((s) => s.name)).not.toContain(MARK_RECORD_SHEET);
  });

  test(`${name}: clearing after save and reopen gives back every fill and the clerk's notes`, async () => {
    const h = await open();
    await h.host.mark(MARKS);
    const reopened = await h.reopen();
    expect(reopened.fillOf(ROSTER, 3, 2)).toBe(MARK_FILLS.error);
    expect(await reopened.host.clearMarks()).toBe(3);
    const after = await reopened.reopen();
    expect(after.fillOf(ROSTER, 3, 2)).toBe(GREEN);
    expect(after.fillOf(ROSTER, 4, 2)).toBeUndefined();
    expect(after.fillOf(ROSTER, 5, 3)).toBe(BLUE);
    expect(after.noteOf(ROSTER, 3, 2)).toBeUndefined();
    expect(after.noteOf(ROSTER, 4, 2)).toBe(CLERK_NOTE);
    expect(after.valueOf(ROSTER, 3, 3)).toBe(ID);
    expect(after.sheetNames()).not.toContain(MARK_RECORD_SHEET);
    expect(await after.host.clearMarks()).toBe(0);
  });

  test(`${name}: marking again first clears the earlier marks`, async () => {
    const h = await open();
    await h.host.mark([MARKS[0]]);
    await h.host.mark([MARKS[2]]);
    expect(h.fillOf(ROSTER, 3, 2)).toBe(GREEN);
    expect(h.noteOf(ROSTER, 3, 2)).toBeUndefined();
    expect(h.fillOf(ROSTER, 5, 3)).toBe(MARK_FILLS.warning);
    expect(await h.host.clearMarks()).toBe(1);
    expect(h.fillOf(ROSTER, 5, 3)).toBe(BLUE);
  });

  test(`${name}: a fill the clerk changed after marking is theirs and stays`, async () => {
    const h = await open();
    await h.host.mark(MARKS);
    h.paint(ROSTER, 3, 2, YELLOW);
    await h.host.clearMarks();
    expect(h.fillOf(ROSTER, 3, 2)).toBe(YELLOW);
    expect(h.fillOf(ROSTER, 5, 3)).toBe(BLUE);
  });

  test(`${name}: generated sheets get free names, IDs and formula-like text stay text`, async () => {
    const h = await open();
    const first = await h.host.addSheet(GENERATED);
    const second = await h.host.addSheet(GENERATED);
    expect([first, second]).toEqual([`${TAKEN}(2)`, `${TAKEN}(3)`]);
    expect(h.valueOf(TAKEN, 1, 1)).toBe('镇里自己做的表');
    const saved = await h.reopen();
    const L = layoutOf(GENERATED);
    const at = (row: number, col: number) => saved.valueOf(first, row, col);
    expect(at(L.titleRow, 1)).toBe(GENERATED.title);
    expect(at(L.subtitleRows[0], 1)).toBe(GENERATED.subtitle[0]);
    expect(GENERATED.columns.map((_, j) => at(L.headerRow, j + 1))).toEqual(GENERATED.columns.map((c) => c.header));
    const body = [0, 1].map((i) => [1, 2, 3, 4, 5].map((c) => at(L.firstBodyRow + i, c)));
    expect(body).toEqual([
      [1, '=SUM(A1:A2)', ID, 300.5, '-张三 收入超标'],
      [2, '@home', '430529', 252.17, '+86 电话'],
    ]);
    expect(at(L.totalsRow!, 4)).toBe(552.67);
    expect(at(L.footerRows[0], 1)).toBe(GENERATED.footer[0]);
    expect(saved.sheetNames()).toEqual([ROSTER, TAKEN, '参数', first, second]);
  });
}

// ---- a roster the size of a township: merged village cells, thousands of clerk's notes ----

/** Households, village blocks (one merged village cell each) and clerk's notes of LARGE_SPEC. */
export const LARGE = { households: 3000, blockRows: 5, notes: 5000, firstRow: 3 } as const;
const NOTE_COLS = [7, 8];
const noteAt = (i: number) => ({
  row: LARGE.firstRow + (i % LARGE.households),
  col: NOTE_COLS[Math.floor(i / LARGE.households)],
});
const WHITE = 'FFFFFFFF';

/**
 * 3,000 households in 600 villages, each village cell merged down its block of five (more than
 * the 512 merged areas `getMergedAreasOrNullObject` can answer for), 5,000 notes of the clerk's,
 * some cells painted green or white by the clerk.
 */
export function largeSpec(): WorkbookSpec {
  const rows: SpecCell[][] = [
    ['城步苗族自治县儒林镇农村低保对象花名册'],
    ['序号', '村', '户主姓名', '身份证号码', '月保障金', '复核日期', '家庭住址', '备注'],
  ];
  for (let h = 0; h < LARGE.households; h++) {
    const top = h % LARGE.blockRows === 0;
    rows.push([
      h + 1,
      top ? `第${h / LARGE.blockRows + 1}村` : null,
      h % 7 === 0 ? { v: `户主${h}`, fill: GREEN } : h % 11 === 0 ? { v: `户主${h}`, fill: WHITE } : `户主${h}`,
      `43052919800101${String(h).padStart(4, '0')}`,
      { v: 300 + (h % 50), fmt: '0.00' },
      null,
      `儒林镇第${h % 600}组`,
      null,
    ]);
  }
  for (let i = 0; i < LARGE.notes; i++) {
    const { row, col } = noteAt(i);
    const cell = rows[row - 1][col - 1];
    rows[row - 1][col - 1] = { v: typeof cell === 'string' ? cell : `备注${i}`, note: `第${i}条：户主已搬迁，待核实` };
  }
  const merges = Array.from({ length: LARGE.households / LARGE.blockRows }, (_, b) => {
    const top = LARGE.firstRow - 1 + b * LARGE.blockRows;
    return { top, left: 1, bottom: top + LARGE.blockRows - 1, right: 1 };
  });
  return { sheets: [{ name: ROSTER, rows, merges: [{ top: 0, left: 0, bottom: 0, right: 7 }, ...merges] }] };
}

/** Marks on the large roster: names (some painted green or white by the clerk), amounts, addresses (with notes). */
function largeMarks(shift: number): CellMark[] {
  const out: CellMark[] = [];
  for (let h = shift; h < LARGE.households; h += 3) {
    const row = LARGE.firstRow + h;
    out.push(mark(row, 3, 'error', `DOC-01 入户调查表未签字（${h}）`));
    // Every tenth warning lands on a cell with the clerk's note.
    if (h % 2 === 0) out.push(mark(row, h % 20 === 0 ? 7 : 5, 'warning', 'REV-01 复核逾期'));
  }
  return out;
}

export function describeLargeRosterContract(name: string, makeHost: MakeHost): void {
  test(`${name}: 600 merged villages and 5,000 notes — mark, mark again, clear, save and reopen, clear again`, async () => {
    const spec = largeSpec();
    const h = await makeHost(spec);
    const annotations = h.annotations ?? 'notes';
    const original = (x: HostUnderTest, row: number, col: number) => [
      x.fillOf(ROSTER, row, col),
      x.noteOf(ROSTER, row, col),
    ];
    const clerkNote = (row: number, col: number) => {
      const cell = spec.sheets[0].rows[row - 1][col - 1];
      return cell && typeof cell === 'object' && !(cell instanceof Date) ? cell.note : undefined;
    };
    const clerkFill = (row: number) => {
      const cell = spec.sheets[0].rows[row - 1][2];
      return cell && typeof cell === 'object' && !(cell instanceof Date) ? cell.fill : undefined;
    };

    const grid = await h.host.readWorkbook();
    if (h.mergedAreas !== false) expect(grid.sheets[0].merges).toHaveLength(LARGE.households / LARGE.blockRows + 1);

    const first = largeMarks(0);
    await h.host.mark(first);
    const second = largeMarks(1);
    expect(await h.host.mark(second)).toEqual({ cells: second.length, notes: annotations !== 'none' });
    // The first marks are gone: the clerk's fills and notes are back where only they were marked.
    for (const m of first.slice(0, 60)) {
      if (second.some((n) => n.row === m.row && n.col === m.col)) continue;
      expect(h.fillOf(ROSTER, m.row, m.col)).toBe(m.col === 3 ? clerkFill(m.row) : undefined);
      expect(h.noteOf(ROSTER, m.row, m.col)).toBe(clerkNote(m.row, m.col));
    }
    for (const m of second.slice(0, 60)) {
      expect(h.fillOf(ROSTER, m.row, m.col)).toBe(MARK_FILLS[m.severity === 'error' ? 'error' : 'warning']);
      const note = h.noteOf(ROSTER, m.row, m.col);
      const clerk = clerkNote(m.row, m.col);
      if (annotations === 'none') expect(note).toBe(clerk);
      else if (clerk === undefined) expect(note).toBe(`${NOTE_HEADER}\n${m.lines[0]}`);
      else if (annotations === 'notes') expect(note).toBe(`${clerk}\n\n${NOTE_HEADER}\n${m.lines[0]}`);
      else expect(note).toBe(clerk);
    }

    expect(await h.host.clearMarks()).toBe(second.length);
    const saved = await h.reopen();
    expect(await saved.host.clearMarks()).toBe(0);
    expect(saved.sheetNames()).toEqual([ROSTER]);
    for (let r = LARGE.firstRow; r < LARGE.firstRow + LARGE.households; r++) {
      expect(original(saved, r, 3)).toEqual([clerkFill(r), undefined]);
    }
    for (let i = 0; i < LARGE.notes; i++) {
      const { row, col } = noteAt(i);
      expect(original(saved, row, col)).toEqual([undefined, clerkNote(row, col)]);
    }
  }, 300_000);
}

// ---- the two hosts -----------------------------------------------------------------------

export function officeUnderTest(double: ExcelDouble): HostUnderTest {
  const host = new OfficeHost({ run: double.run, isSetSupported: double.isSetSupported });
  const api = (v: string) => double.isSetSupported('ExcelApi', v);
  return {
    host,
    annotations: api('1.18') ? 'notes' : api('1.10') ? 'comments' : 'none',
    mergedAreas: api('1.13'),
    reopen: async () => officeUnderTest(double.reopen()),
    ...bookProbes(
      () => double.book,
      (s, a1) => s.notes.get(a1) ?? s.comments.get(a1),
    ),
  };
}

export const makeOfficeHost =
  (excelApi: ExcelApiVersion = '1.18'): MakeHost =>
  async (spec) =>
    officeUnderTest(ExcelDouble.fromSpec(spec, excelApi));

export async function xlsxFromSpec(spec: WorkbookSpec): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of spec.sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.hidden ? 'hidden' : 'visible' });
    s.rows.forEach((row, r) =>
      row.forEach((spec, c) => {
        if (spec === null || spec === undefined) return;
        const detail = typeof spec === 'object' && !(spec instanceof Date) ? spec : { v: spec };
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = detail.v;
        if (detail.fmt) cell.numFmt = detail.fmt;
        else if (detail.v instanceof Date) cell.numFmt = 'yyyy-mm-dd';
        if (detail.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: detail.fill } };
        if (detail.note) cell.note = detail.note;
      }),
    );
    for (const m of s.merges ?? []) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export function fileUnderTest(fw: FileWorkbook): HostUnderTest {
  const cell = (sheet: string, row: number, col: number) => {
    const ws = fw.workbook.getWorksheet(sheet);
    if (!ws) throw new Error(`no sheet ${sheet}`);
    return ws.getCell(row, col);
  };
  return {
    host: fw,
    reopen: async () => fileUnderTest(await FileWorkbook.load(await fw.toBuffer())),
    fillOf: (sheet, row, col) => {
      const f = cell(sheet, row, col).fill;
      if (!f || f.type !== 'pattern' || f.pattern === 'none') return undefined;
      return f.pattern === 'solid' ? f.fgColor?.argb : 'pattern';
    },
    noteOf: (sheet, row, col) => {
      const n = cell(sheet, row, col).note as string | ExcelJS.Comment | undefined;
      if (n === undefined) return undefined;
      return typeof n === 'string' ? n : (n.texts ?? []).map((t) => t.text).join('');
    },
    valueOf: (sheet, row, col) => {
      const v = cell(sheet, row, col).value;
      if (v && typeof v === 'object' && 'formula' in v) return { formula: v.formula };
      return v ?? undefined;
    },
    sheetNames: () => fw.workbook.worksheets.map((ws) => ws.name),
    paint: (sheet, row, col, argb) => {
      const c = cell(sheet, row, col);
      c.style = { ...c.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb } } };
    },
  };
}

export const makeFileHost: MakeHost = async (spec) => fileUnderTest(await FileWorkbook.load(await xlsxFromSpec(spec)));

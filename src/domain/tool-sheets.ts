/**
 * The sheets the tool wrote itself: its very hidden records (_dibao_marks, _dibao_sheets) and the
 * generated sheets (调整花名册, 抽查名单, 核查汇总, 公示名单). None of them is ever a roster, a member
 * sheet or a list: a re-check of a checked copy must not report our 调整花名册 as "looks like a
 * roster". A generated sheet is recognized by the record that names it, and, where the record is
 * gone (the sheet copied into another workbook, the record deleted), by its shape: our title
 * ending above our own header row.
 */
import { cellText } from './grid';
import type { SheetGrid, WorkbookGrid } from './grid';

/** The tool's own hidden record of marks (MARK_RECORD_SHEET in workbook/host.ts, which the domain does not import). */
export const MARK_RECORD_SHEET_NAME = '_dibao_marks';

/** The record of generated sheets (GENERATED_RECORD_SHEET in workbook/generated-record.ts). */
export const GENERATED_RECORD_SHEET_NAME = '_dibao_sheets';

/**
 * The end of each generated sheet's title and the first headers of its table: the builders
 * (workbook/sheets.ts) take their titles from here, and a test holds their headers to these.
 */
export const GENERATED_SHAPES = {
  adjustments: { title: '农村低保调整花名册', headers: ['序号', '村（社区）', '户主姓名', '身份证号码', '调整类型'] },
  sample: { title: '农村低保对象抽查名单', headers: ['序号', '村（社区）', '户主姓名', '身份证号码', '抽查原因'] },
  summary: { title: '农村低保核查汇总', headers: ['村（社区）', '户数', '保障人数'] },
  publicity: {
    title: '农村低保对象公示名单',
    headers: ['序号', '村（社区）', '户主姓名', '保障人数', '月保障金（元）'],
  },
} as const;

/** The title row, the subtitle lines and the header row are within the first rows. */
const SHAPE_ROWS = 8;

const squeeze = (s: string) => s.replace(/\s+/g, '');

function firstText(sheet: SheetGrid, r: number): string {
  for (const cell of sheet.rows[r] ?? []) {
    const t = squeeze(cellText(cell));
    if (t) return t;
  }
  return '';
}

/** Our title in the first row and, below it, a row starting with our headers in order. */
export function hasGeneratedShape(sheet: SheetGrid): boolean {
  const title = firstText(sheet, 0);
  if (!title) return false;
  for (const shape of Object.values(GENERATED_SHAPES)) {
    if (!title.endsWith(shape.title)) continue;
    for (let r = 1; r < Math.min(SHAPE_ROWS, sheet.rows.length); r++) {
      const row = sheet.rows[r] ?? [];
      if (shape.headers.every((h, c) => squeeze(cellText(row[c])) === h)) return true;
    }
  }
  return false;
}

function recordedNames(wb: WorkbookGrid): string[] {
  const record = wb.sheets.find((s) => s.name === GENERATED_RECORD_SHEET_NAME);
  if (!record) return [];
  // Row 1 is the record's header; then kind | sheet name (workbook/generated-record.ts).
  return record.rows
    .slice(1)
    .map((row) => cellText(row?.[1]))
    .filter(Boolean);
}

const cache = new WeakMap<WorkbookGrid, ReadonlySet<string>>();

/** Names of the tool's own sheets in this workbook (records and generated sheets). */
export function toolSheetNames(wb: WorkbookGrid): ReadonlySet<string> {
  let names = cache.get(wb);
  if (names) return names;
  const recorded = new Set(recordedNames(wb).map((n) => n.toLowerCase()));
  names = new Set(
    wb.sheets
      .filter(
        (s) =>
          isRecordSheet(s) ||
          // Excel matches sheet names ignoring case, and so does the record (generated-record.ts).
          recorded.has(s.name.toLowerCase()) ||
          hasGeneratedShape(s),
      )
      .map((s) => s.name),
  );
  cache.set(wb, names);
  return names;
}

/** The very hidden records, never shown to the clerk, not even when named. */
export function isRecordSheet(sheet: SheetGrid): boolean {
  return sheet.name === MARK_RECORD_SHEET_NAME || sheet.name === GENERATED_RECORD_SHEET_NAME;
}

/** Sheets the tool wrote itself are never rosters, member sheets or lists. */
export function isToolSheet(sheet: SheetGrid, wb: WorkbookGrid): boolean {
  return toolSheetNames(wb).has(sheet.name);
}

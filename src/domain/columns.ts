/**
 * Header detection on messy roster sheets (DOMAIN §3.1–3.3): find the header row(s) under
 * merged titles and "填报单位" lines, map header cells to fields, and list the rows that are
 * households (not column numbers, repeated headers, totals or signature lines).
 *
 * Only the first rows are scanned for headers and the data rows are found in one linear pass,
 * so a county-sized roster costs next to nothing here.
 */
import { RosterError } from './errors';
import { LIST_KEYWORDS, LIST_KINDS, MEMBER_SPECS, ROSTER_SPECS } from './fields';
import type { FieldSpec, ListKind, MemberField, RosterField } from './fields';
import { cellText, isBlank } from './grid';
import type { Cell, SheetGrid, WorkbookGrid } from './grid';
import { isRecordSheet, isToolSheet } from './tool-sheets';

// ---------------------------------------------------------------------------------------------
// Normalizing header text

/** Characters a bracketed unit is made of: "（元）", "（元/人·月）", "（人）", "[万元]", "（%）". */
const UNIT_BRACKET = /[([【〔]([元万千百人户口个岁月年日天次亩平方米%‰/·・•.、每]+)[)\]】〕]$/u;
const TRAILING_MARKS = /[:：*★☆]+$/u;
/** "*户主姓名" / "★身份证号码": required-field markers some templates put in front. */
const LEADING_MARKS = /^[*★☆]+/u;
const BRACKET_CHARS = /[()[\]【】〔〕]/gu;
/** \s covers line breaks, U+3000 and no-break spaces; zero-width characters come from copy-paste. */
const SPACES = /(?:\s|\u200b|\u200c|\u200d|\ufeff)+/gu;

/** Full-width ASCII (Ａ１（：) → half-width; the ideographic space → a plain space. */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/gu, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/gu, ' ');
}

/**
 * The form in which header cells are compared with the field aliases: no whitespace, half-width,
 * no trailing ":" "*" "★", no unit suffix such as "（元）", other brackets dropped but their
 * content kept ("村（社区）" → "村社区").
 */
export function normalizeHeader(text: string): string {
  let s = toHalfWidth(text).replace(SPACES, '');
  // "月保障金(元):" and "金额(元)*" — marks and units can come in either order.
  for (;;) {
    const next = s.replace(TRAILING_MARKS, '').replace(UNIT_BRACKET, '');
    if (next === s) break;
    s = next;
  }
  return s.replace(LEADING_MARKS, '').replace(BRACKET_CHARS, '');
}

/** A bracketed part anywhere in a header: a unit or a note ("（18位）", "(月)", "（是/否）"). */
const BRACKETED = /[([【〔][^()[\]【】〔〕]*[)\]】〕]/gu;
/** Words in front that change nothing: 公民身份号码 is 身份号码, 是否兜底 is 兜底. */
const STEM_PREFIXES = ['公民', '居民', '是否'] as const;
/** Endings that say the same thing: 号码/号, 金额/金, 人口/人数/成员数. Longest first. */
const STEM_ENDINGS: readonly [string, string][] = [
  ['成员人数', '人数'],
  ['人口数', '人数'],
  ['成员数', '人数'],
  ['人口', '人数'],
  ['口数', '人数'],
  ['号码', '号'],
  ['金额', '金'],
];

/**
 * The stem of a header, for headers that match no alias as written: half-width, no spaces, no
 * bracketed unit or note anywhere ("身份证号码（18位）"), no 公民/居民/是否 in front, and one
 * spelling for 号码/号, 金额/金, 人口/人数/成员数 at the end. With `headPrefix` (the roster,
 * where every row is the head's) a leading 户主 goes too: 户主性别 is 性别.
 */
export function headerStem(text: string, headPrefix = false): string {
  let s = toHalfWidth(text).replace(SPACES, '');
  for (;;) {
    const next = s.replace(TRAILING_MARKS, '').replace(LEADING_MARKS, '').replace(BRACKETED, '');
    if (next === s) break;
    s = next;
  }
  s = s.replace(BRACKET_CHARS, '');
  for (const prefix of STEM_PREFIXES)
    if (s.length > prefix.length + 1 && s.startsWith(prefix)) s = s.slice(prefix.length);
  if (headPrefix && s.length > 3 && s.startsWith('户主')) s = s.slice(2);
  for (const [ending, same] of STEM_ENDINGS) {
    if (s.length > ending.length && s.endsWith(ending)) {
      s = s.slice(0, -ending.length) + same;
      break;
    }
  }
  return s;
}

/**
 * Header text → field: the normalized text against the headers and aliases as written first
 * (canonical headers entered first so they win), then the stem against theirs.
 */
interface FieldLookup<F extends string> {
  exact: Map<string, F>;
  stems: Map<string, F>;
  headPrefix: boolean;
}

/** On the roster every row is the head's; on the member sheet 户主身份证号 is the link, not the person. */
const HEAD_PREFIX_SPECS = new WeakSet<readonly FieldSpec[]>([ROSTER_SPECS]);

const lookups = new WeakMap<readonly FieldSpec[], FieldLookup<string>>();

function lookupFor<F extends string>(specs: readonly FieldSpec<F>[]): FieldLookup<F> {
  const cached = lookups.get(specs);
  if (cached) return cached as FieldLookup<F>;
  const headPrefix = HEAD_PREFIX_SPECS.has(specs);
  const lookup: FieldLookup<F> = { exact: new Map(), stems: new Map(), headPrefix };
  const enter = (text: string, field: F) => {
    const key = normalizeHeader(text);
    if (key && !lookup.exact.has(key)) lookup.exact.set(key, field);
    const stem = headerStem(text, headPrefix);
    if (stem && !lookup.stems.has(stem)) lookup.stems.set(stem, field);
  };
  for (const spec of specs) enter(spec.header, spec.field);
  for (const spec of specs) for (const alias of spec.aliases) enter(alias, spec.field);
  lookups.set(specs, lookup);
  return lookup;
}

function fieldOf<F extends string>(lookup: FieldLookup<F>, header: string): F | undefined {
  return lookup.exact.get(normalizeHeader(header)) ?? lookup.stems.get(headerStem(header, lookup.headPrefix));
}

/** The field a header cell stands for on the roster (ROSTER_SPECS), or undefined. */
export function rosterFieldOfHeader(header: string): RosterField | undefined {
  return fieldOf(lookupFor(ROSTER_SPECS), header);
}

// Built once at module load: these two are used on every check.
lookupFor(ROSTER_SPECS);
lookupFor(MEMBER_SPECS);

// ---------------------------------------------------------------------------------------------
// Header detection

export interface ColumnHit {
  /** 0-based column. */
  col: number;
  /** The header text as the clerk sees it (trimmed). */
  header: string;
}

export interface HeaderMatch<F extends string> {
  sheet: string;
  /** 0-based indices of the one or two header rows. */
  headerRows: number[];
  columns: Partial<Record<F, ColumnHit>>;
  /** 0-based indices of the rows that are records, ascending. */
  dataRows: number[];
  /** A field's second (third…) column; the leftmost one is the one used. */
  duplicates: { field: F; header: string; col: number }[];
  /** Header cells that matched no field. */
  unmatched: ColumnHit[];
  /** Number of distinct fields matched. */
  score: number;
}

export interface DetectOptions<F extends string> {
  /** A header is only accepted when it has all of these fields. */
  required?: F[];
  /** Header texts the clerk has named for fields (policy `columns`): they win over the aliases. */
  columns?: Partial<Record<F, string>>;
  /** How many rows from the top may hold the header (default 30). */
  maxScanRows?: number;
}

/** How many rows from the top may hold a header, unless told otherwise. */
export const HEADER_SCAN_ROWS = 30;

export interface Candidate<F extends string> {
  headerRows: number[];
  columns: Partial<Record<F, ColumnHit>>;
  duplicates: { field: F; header: string; col: number }[];
  unmatched: ColumnHit[];
  score: number;
}

function trimmedText(sheet: SheetGrid, r: number, c: number): string {
  const row = sheet.rows[r];
  return row ? cellText(row[c]).trim() : '';
}

/**
 * The header text of each column for header rows `rows` (one or two). With two rows the lower
 * row's text wins where it has any: sub-headers under a merged group header ("档案材料"), while
 * vertically merged single columns keep their text in the upper row only.
 */
function combinedHeader(sheet: SheetGrid, rows: number[]): string[] {
  const width = Math.max(...rows.map((r) => sheet.rows[r]?.length ?? 0));
  const texts: string[] = [];
  for (let c = 0; c < width; c++) {
    let text = '';
    for (const r of rows) text = trimmedText(sheet, r, c) || text;
    texts.push(text);
  }
  return texts;
}

/** The clerk's own header names (policy `columns`), normalized: header → field. */
type Overrides<F extends string> = Map<string, F>;

function overridesOf<F extends string>(columns: Partial<Record<F, string>> | undefined): Overrides<F> | undefined {
  if (!columns) return undefined;
  const out: Overrides<F> = new Map();
  for (const [field, header] of Object.entries(columns) as [F, string | undefined][]) {
    if (header) out.set(normalizeHeader(header), field);
  }
  return out.size > 0 ? out : undefined;
}

function matchHeader<F extends string>(
  texts: string[],
  lookup: FieldLookup<F>,
  headerRows: number[],
  overrides?: Overrides<F>,
): Candidate<F> {
  // Object.create(null): a header such as "__proto__" must never reach Object.prototype.
  const columns = Object.create(null) as Partial<Record<F, ColumnHit>>;
  const duplicates: Candidate<F>['duplicates'] = [];
  const unmatched: ColumnHit[] = [];
  let score = 0;
  // The clerk's named headers first, so that an alias elsewhere in the row cannot take the field.
  const named = new Set<number>();
  if (overrides) {
    texts.forEach((header, col) => {
      const field = header ? overrides.get(normalizeHeader(header)) : undefined;
      if (field === undefined || columns[field]) return;
      columns[field] = { col, header };
      named.add(col);
      score++;
    });
  }
  texts.forEach((header, col) => {
    if (!header || named.has(col)) return;
    const field = fieldOf(lookup, header);
    if (field === undefined) unmatched.push({ col, header });
    else if (columns[field]) duplicates.push({ field, header, col });
    else {
      columns[field] = { col, header };
      score++;
    }
  });
  return { headerRows, columns, duplicates, unmatched, score };
}

/** Higher score wins; on a tie one header row beats two (the earlier candidate is kept). */
function better<F extends string>(a: Candidate<F>, b: Candidate<F> | undefined): boolean {
  if (!b) return true;
  if (a.score !== b.score) return a.score > b.score;
  return a.headerRows.length < b.headerRows.length;
}

/** The best header candidate of a sheet, before its data rows are collected. */
export function bestHeader<F extends string>(
  sheet: SheetGrid,
  specs: readonly FieldSpec<F>[],
  opts: DetectOptions<F>,
): Candidate<F> | undefined {
  const lookup = lookupFor(specs);
  const overrides = overridesOf(opts.columns);
  const required = opts.required ?? [];
  const scan = Math.min(opts.maxScanRows ?? HEADER_SCAN_ROWS, sheet.rows.length);
  let best: Candidate<F> | undefined;
  for (let r = 0; r < scan; r++) {
    const tries = r + 1 < sheet.rows.length ? [[r], [r, r + 1]] : [[r]];
    for (const rows of tries) {
      const cand = matchHeader(combinedHeader(sheet, rows), lookup, rows, overrides);
      if (cand.score === 0 || required.some((f) => !cand.columns[f])) continue;
      if (better(cand, best)) best = cand;
    }
  }
  return best;
}

/**
 * Called once a sheet's header is chosen, before its data rows are collected; the function it
 * returns is given each data row as it is found, while the row is at hand (a caller reading every
 * row anyway saves a second pass over a large sheet).
 */
export type RowVisitor<F extends string> = (
  sheet: SheetGrid,
  columns: Partial<Record<F, ColumnHit>>,
  /** 0-based header rows (what lies above them is the sheet's title). */
  headerRows: number[],
) => (r: number) => void;

export function withDataRows<F extends string>(
  sheet: SheetGrid,
  specs: readonly FieldSpec<F>[],
  header: Candidate<F>,
  visit?: RowVisitor<F>,
): HeaderMatch<F> {
  const dataRows = collectDataRows(
    sheet,
    header.headerRows[header.headerRows.length - 1] + 1,
    dataRowRules(specs, header),
    visit?.(sheet, header.columns, header.headerRows),
  );
  return { sheet: sheet.name, ...header, dataRows };
}

function dataRowRules<F extends string>(
  specs: readonly FieldSpec<F>[],
  header: Pick<Candidate<F>, 'columns'>,
): DataRowRules {
  const lookup = lookupFor(specs);
  const cols = header.columns as Record<string, ColumnHit | undefined>;
  // The headers as found (a clerk-named one included): a page header printed again repeats them.
  const found = new Set(Object.values(cols).map((hit) => normalizeHeader(hit!.header)));
  return {
    headerCols: Object.values(cols).map((hit) => hit!.col),
    headerTexts: Object.values(cols).map((hit) => hit!.header),
    isHeaderText: (n) => lookup.exact.has(n) || found.has(n),
    totalsUpTo: (cols.headName ?? cols.name)?.col,
  };
}

/**
 * 边改边查: is row r, one of the match's data rows and edited in place, still a plain data row —
 * not blank, not a footer, totals, column-number or repeated-header row? Then the sheet's data
 * rows are the same as before the edit (each row is judged by itself, and it ends nothing).
 */
export function staysDataRow<F extends string>(
  sheet: SheetGrid,
  r: number,
  specs: readonly FieldSpec<F>[],
  match: HeaderMatch<F>,
): boolean {
  const rules = dataRowRules(specs, match);
  const row = sheet.rows[r];
  if (isBlankRow(row) || isFooterRow(row) || totalsKind(row, rules.totalsUpTo ?? DEFAULT_TOTALS_COLS) !== 0) {
    return false;
  }
  // The same tests as collectDataRows, which keeps them inline on its hot path.
  const isHeader = rememberHeaderTest(rules.isHeaderText);
  const exact = new Set(rules.headerTexts.filter((t) => t !== ''));
  const headerCols = [...rules.headerCols].sort((a, b) => a - b);
  return !(
    isColumnNumberRow(row!) ||
    (copiesHeader(row!, headerCols, exact) && isRepeatedHeader(row!, rules.headerCols, isHeader))
  );
}

/**
 * Find the header row (or pair of rows) among the first `maxScanRows` rows that matches the most
 * fields of `specs`, and the data rows below it. Null when no row has all `required` fields (or,
 * without required fields, no field at all).
 */
export function detectHeader<F extends string>(
  sheet: SheetGrid,
  specs: readonly FieldSpec<F>[],
  opts: DetectOptions<F> = {},
): HeaderMatch<F> | null {
  const header = bestHeader(sheet, specs, opts);
  return header ? withDataRows(sheet, specs, header) : null;
}

// ---------------------------------------------------------------------------------------------
// Data rows

/** A cell in the first columns holding one of these makes the row a totals row. */
export const TOTAL_WORDS = ['合计', '总计', '小计', '共计'] as const;

/**
 * Totals of the whole table: once a household has been read, nothing after such a row is a
 * household (DOMAIN §3.1). 小计 and 共计 rows are skipped and the rows go on (village subtotals).
 */
export const GRAND_TOTAL_WORDS = ['合计', '总计'] as const;

/**
 * A row whose first non-empty cells (any of the first FOOTER_CELLS) start with one of these
 * (spaces removed, full-width → half-width), with or without 人, is the signature / notes block
 * under the table: the data ends there.
 */
export const FOOTER_PREFIXES = [
  '制表',
  '审核',
  '审批',
  '审定',
  '填报',
  '填表',
  '经办',
  '负责',
  '单位负责',
  '分管领导',
  '主管领导',
  '领导签字',
  '复核人',
  '日期',
  '签字',
  '签名',
  '盖章',
  '注:',
  '说明:',
] as const;

/** How many of a row's first non-empty cells may hold a footer word ("（盖章） 制表：", "审核："). */
const FOOTER_CELLS = 3;

/** Without a name column, a totals label is looked for in the first four cells. */
const DEFAULT_TOTALS_COLS = 3;

interface DataRowRules {
  /** Columns checked for a repeated (printed) header. */
  headerCols: number[];
  /** The header cells' own texts: a printed repeat copies at least two of them exactly. */
  headerTexts: string[];
  /** Is this normalized text a header of this kind of sheet? */
  isHeaderText: (normalized: string) => boolean;
  /** Last column (inclusive) that may hold a 合计 label; default 3. */
  totalsUpTo?: number;
}

function compact(text: string): string {
  return toHalfWidth(text).replace(SPACES, '');
}

// The row tests below run on every data row of a million-row sheet: plain index loops, no
// closures, iterators or regular expressions on the common path (each allocated per row).

function isBlankRow(row: (Cell | undefined)[] | undefined): boolean {
  if (!row) return true;
  for (let c = 0; c < row.length; c++) if (!isBlank(row[c])) return false;
  return true;
}

/** First characters of the footer prefixes and totals words: most rows are ruled out by one look. */
const FOOTER_FIRST = new Set([...FOOTER_PREFIXES.map((p) => p[0]), '（', '(', '*', '★']);
/** "（盖章）", "★制表人": a bracket or mark in front of the footer word. */
const FOOTER_LEAD = /^[(*★☆]+/u;

/** Does the text hold one of 合 总 小 共 (the characters every totals word has)? */
function hasTotalsChar(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5408 || c === 0x603b || c === 0x5c0f || c === 0x5171) return true;
  }
  return false;
}

function startsFooter(cell: Cell): boolean {
  if (cell.t !== 'string') return false;
  const raw = (cell.v as string).trimStart();
  // Only text that can start a footer is normalized (zero-width characters come from copy-paste).
  const first = raw.charCodeAt(0);
  const zeroWidth = (first >= 0x200b && first <= 0x200d) || first === 0xfeff;
  if (!FOOTER_FIRST.has(raw[0]) && !zeroWidth) return false;
  const text = compact(raw).replace(FOOTER_LEAD, '');
  return FOOTER_PREFIXES.some((p) => text.startsWith(p));
}

function isFooterRow(row: (Cell | undefined)[]): boolean {
  let seen = 0;
  for (let c = 0; c < row.length && seen < FOOTER_CELLS; c++) {
    const cell = row[c];
    if (isBlank(cell)) continue;
    if (startsFooter(cell!)) return true;
    seen++;
  }
  return false;
}

/** 0 when the row is no totals row, 1 for a subtotal (小计, 共计), 2 for the table's totals (合计, 总计). */
function totalsKind(row: (Cell | undefined)[], upTo: number): 0 | 1 | 2 {
  let kind: 0 | 1 | 2 = 0;
  for (let c = 0; c <= upTo && c < row.length; c++) {
    const cell = row[c];
    if (cell?.t !== 'string' || !hasTotalsChar(cell.v as string)) continue;
    const text = compact(cell.v as string);
    if (GRAND_TOTAL_WORDS.some((w) => text.includes(w))) return 2;
    if (TOTAL_WORDS.some((w) => text.includes(w))) kind = 1;
  }
  return kind;
}

/** Column numbers are short: an ID or a name is ruled out by its length before any parsing. */
const isCount = (text: string, expected: number) =>
  text.length <= 6 && /^\d+$/u.test(text) && Number(text) === expected;

/** "1 2 3 4 …" under a Chinese form header: every non-empty cell, in order, counts up from 1. */
function isColumnNumberRow(row: (Cell | undefined)[]): boolean {
  let expected = 1;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (isBlank(cell)) continue;
    // Numbers are compared as numbers (no text made for every data row's 序号); text as typed.
    if (cell!.t === 'number' ? cell!.v !== expected : !isCount(cellText(cell).trim(), expected)) return false;
    expected++;
  }
  // A lone "1" or "1 2" may be a real record being typed in; a numbering row spans the table.
  return expected > 3;
}

/** A header printed again on every page: at least half of the header columns hold header text. */
function isRepeatedHeader(
  row: (Cell | undefined)[],
  headerCols: number[],
  isHeader: (raw: string) => boolean,
): boolean {
  let headers = 0;
  let others = 0;
  for (let i = 0; i < headerCols.length; i++) {
    const cell = row[headerCols[i]];
    if (isBlank(cell)) continue;
    if (cell!.t === 'string' && isHeader(cell!.v as string)) headers++;
    else others++;
    // a data row gives up as soon as header cells can no longer be half of the filled ones
    if (others > headers + (headerCols.length - i - 1)) return false;
  }
  return headers >= 2 && headers >= others;
}

/**
 * Cheap first look: a header printed again copies its cells exactly, the first filled one
 * included (序号, or the first sub-header of a repeated lower row). A data row fails at once.
 */
function copiesHeader(row: (Cell | undefined)[], headerCols: number[], exact: Set<string>): boolean {
  let copies = 0;
  for (const c of headerCols) {
    const cell = row[c];
    if (isBlank(cell)) continue;
    if (cell!.t !== 'string') return false;
    const v = cell!.v as string;
    const copy = exact.has(v) || (hasOuterSpace(v) && exact.has(v.trim()));
    if (!copy) return false;
    if (++copies >= 2) return true;
  }
  return false;
}

function hasOuterSpace(v: string): boolean {
  const first = v.charCodeAt(0);
  const last = v.charCodeAt(v.length - 1);
  return first <= 32 || last <= 32 || first === 0x3000 || last === 0x3000 || first === 0xa0 || last === 0xa0;
}

/** Values repeat down a column (是, village names): normalize each distinct text once. */
function rememberHeaderTest(isHeaderText: (normalized: string) => boolean): (raw: string) => boolean {
  const seen = new Map<string, boolean>();
  return (raw) => {
    let hit = seen.get(raw);
    if (hit === undefined) {
      hit = isHeaderText(normalizeHeader(raw));
      if (seen.size < 100_000) seen.set(raw, hit);
    }
    return hit;
  };
}

/**
 * Record rows from `start` on: one pass, skipping blank/numbering/header/subtotal rows, ending at
 * a footer or at the totals row under the records.
 */
function collectDataRows(sheet: SheetGrid, start: number, rules: DataRowRules, onRow?: (r: number) => void): number[] {
  const upTo = rules.totalsUpTo ?? DEFAULT_TOTALS_COLS;
  const isHeader = rememberHeaderTest(rules.isHeaderText);
  const exact = new Set(rules.headerTexts.filter((t) => t !== ''));
  const headerCols = [...rules.headerCols].sort((a, b) => a - b);
  const out: number[] = [];
  for (let r = start; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (isBlankRow(row)) continue;
    if (isFooterRow(row)) break;
    const totals = totalsKind(row, upTo);
    // A 合计 row above the first household (some templates total at the top) is only skipped.
    if (totals === 2 && out.length > 0) break;
    if (
      totals !== 0 ||
      isColumnNumberRow(row) ||
      (copiesHeader(row, headerCols, exact) && isRepeatedHeader(row, rules.headerCols, isHeader))
    ) {
      continue;
    }
    out.push(r);
    if (onRow) onRow(r);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The roster and the member sheet

export { isToolSheet, MARK_RECORD_SHEET_NAME } from './tool-sheets';

export const ROSTER_REQUIRED: RosterField[] = ['headName', 'headId'];
export const MEMBER_REQUIRED: MemberField[] = ['headId', 'id', 'relation'];

/**
 * Sheets other than `chosen` that would also qualify as a roster (not named like a list): the
 * clerk is told, so that a second township's roster in the same workbook is not missed.
 */
export function otherRosterCandidates(wb: WorkbookGrid, chosen: string): string[] {
  return wb.sheets
    .filter((s) => s.name !== chosen && !isToolSheet(s, wb) && !hasListName(s))
    .filter((s) => bestHeader(s, ROSTER_SPECS, { required: ROSTER_REQUIRED }) && !looksLikeMemberSheet(s))
    .map((s) => s.name);
}

/** A member sheet has 与户主关系 and 户主身份证号: one row per person, never a roster. */
export function looksLikeMemberSheet(sheet: SheetGrid): boolean {
  return bestHeader(sheet, MEMBER_SPECS, { required: ['headId', 'relation'] }) !== undefined;
}

/** A sheet named like a reference list ("死亡名单") unless it calls itself a 花名册. */
export function hasListName(sheet: SheetGrid): boolean {
  return listKindOf(sheet.name) !== null && !sheet.name.includes('花名册');
}

function specOf(field: RosterField): FieldSpec<RosterField> {
  return ROSTER_SPECS.find((s) => s.field === field)!;
}

/** The sheets a clerk can see (and name), generated ones included. */
/** The sheet the clerk named (exactly, else ignoring spaces around it), or the message listing the sheets. */
export function namedSheet(wb: WorkbookGrid, sheets: readonly SheetGrid[], name: string): SheetGrid {
  const chosen = sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.trim() === name.trim());
  if (chosen) return chosen;
  throw new RosterError('sheet-not-found', { name, sheets: sheetNames(wb) });
}

export function sheetNames(wb: WorkbookGrid): string[] {
  return wb.sheets.filter((s) => !isRecordSheet(s)).map((s) => s.name);
}

export function noHeaderError(searched: string[], memberSheets: string[]): RosterError {
  return new RosterError('no-header', { sheets: searched, memberSheets });
}

/**
 * The roster: the sheet whose header has 户主姓名 and 身份证号码 and matches the most fields
 * (ties: the earlier sheet). Member sheets never qualify; sheets named like a reference list only
 * when no other sheet does. With `sheetName`, only that sheet.
 */
export function findRoster(
  wb: WorkbookGrid,
  sheetName?: string,
  visit?: RowVisitor<RosterField>,
  /** The clerk's header names for fields (policy `columns`). */
  named?: Partial<Record<RosterField, string>>,
): HeaderMatch<RosterField> {
  const sheets = wb.sheets.filter((s) => !isToolSheet(s, wb));
  if (sheets.length === 0) {
    throw new RosterError('no-sheets');
  }
  let pool = sheets;
  if (sheetName !== undefined) {
    pool = [namedSheet(wb, sheets, sheetName)];
  }
  let best: { sheet: SheetGrid; header: Candidate<RosterField>; listNamed: boolean } | undefined;
  const memberSheets: string[] = [];
  for (const sheet of pool) {
    const header = bestHeader(sheet, ROSTER_SPECS, { required: ROSTER_REQUIRED, columns: named });
    if (!header) continue;
    if (looksLikeMemberSheet(sheet)) {
      memberSheets.push(sheet.name);
      continue;
    }
    const listNamed = hasListName(sheet);
    const wins =
      !best || (best.listNamed && !listNamed) || (best.listNamed === listNamed && header.score > best.header.score);
    if (wins) best = { sheet, header, listNamed };
  }
  if (best) return withDataRows(best.sheet, ROSTER_SPECS, best.header, visit);
  throw noHeaderError(
    pool.map((s) => s.name),
    memberSheets,
  );
}

/**
 * The member sheet (家庭成员): a sheet not in `exclude` whose header has 户主身份证号,
 * 身份证号 and 与户主关系 (姓名 optional). Most fields wins; ties: the earlier sheet.
 */
export function findMemberSheet(
  wb: WorkbookGrid,
  exclude: string[],
  visit?: RowVisitor<MemberField>,
): HeaderMatch<MemberField> | null {
  let best: { sheet: SheetGrid; header: Candidate<MemberField> } | undefined;
  for (const sheet of wb.sheets) {
    if (isToolSheet(sheet, wb) || exclude.includes(sheet.name)) continue;
    const header = bestHeader(sheet, MEMBER_SPECS, { required: MEMBER_REQUIRED });
    if (header && (!best || header.score > best.header.score)) best = { sheet, header };
  }
  return best ? withDataRows(best.sheet, MEMBER_SPECS, best.header, visit) : null;
}

// ---------------------------------------------------------------------------------------------
// A field without a column

/** Stems shorter than this say too little to call another header "like" them (村, 组, 公示). */
const MIN_LIKE_STEM = 3;

/**
 * The roster's header cell that looks like `field` though it matched no field: its stem holds
 * the stem of the field's header or an alias, or is held in one ("保障金（元/户）" is like 月保障金).
 */
export function resemblingHeader(field: RosterField, unmatched: readonly ColumnHit[]): ColumnHit | undefined {
  const spec = specOf(field);
  const stems = [spec.header, ...spec.aliases].map((t) => headerStem(t, true)).filter((t) => t.length >= MIN_LIKE_STEM);
  return unmatched.find((hit) => {
    const stem = headerStem(hit.header, true);
    return stems.some((f) => stem.includes(f) || (stem.length >= MIN_LIKE_STEM && f.includes(stem)));
  });
}

/**
 * Why a roster field has no column, for the skipped-check reason: the header the clerk named in
 * the settings was not found (`asked`), or a header of the roster looks like it (`like`).
 */
export function missingColumnHint(
  field: RosterField,
  match: Pick<HeaderMatch<RosterField>, 'unmatched'>,
  named: Partial<Record<RosterField, string>> = {},
): { asked?: string; like?: string } {
  const asked = named[field];
  if (asked) return { asked };
  const like = resemblingHeader(field, match.unmatched);
  return like ? { like: like.header.replace(SPACES, '') } : {};
}

// ---------------------------------------------------------------------------------------------
// Reference lists (比对名单)

export interface ListMatch {
  kind: ListKind;
  sheet: string;
  idCol: number;
  nameCol?: number;
  dateCol?: number;
  bottomLineCol?: number;
  villageCol?: number;
  /** 0-based header row; absent when the ID column was found by its contents. */
  headerRow?: number;
  dataRows: number[];
}

/** The list kind a sheet name announces ("2017年死亡人员名单" → death), by LIST_KEYWORDS. */
export function listKindOf(sheetName: string): ListKind | null {
  const name = compact(sheetName);
  for (const kind of LIST_KINDS) {
    if (LIST_KEYWORDS[kind].some((word) => name.includes(word))) return kind;
  }
  return null;
}

const ID_HEADERS = new Set(['证件号码', '证件号', '公民身份号码', '身份号码']);

/** Longer text holding 身份证 is a title ("儒林镇死亡人员身份证号码名单"), not a column header. */
const MAX_ID_HEADER_LENGTH = 12;

function isIdHeader(n: string): boolean {
  if (ID_HEADERS.has(n)) return true;
  return n.includes('身份证') && !n.includes('复印件') && n.length <= MAX_ID_HEADER_LENGTH;
}

/**
 * Another person's ID in the same list (the cadre in a 近亲属 list, the clerk who filed it):
 * used only when the list has no other ID column.
 */
function isOtherPersonsId(n: string): boolean {
  return /干部|工作人员|经办|登记人/u.test(n);
}

const VILLAGE_HEADER = /村(社区|委会|居委会|居)?$/u;

interface ListColumns {
  idCol: number;
  nameCol?: number;
  dateCol?: number;
  bottomLineCol?: number;
  villageCol?: number;
}

function listColumns(texts: string[]): ListColumns | null {
  const normalized = texts.map((t) => normalizeHeader(t));
  const firstWhere = (test: (n: string) => boolean): number | undefined => {
    const i = normalized.findIndex((n) => n !== '' && test(n));
    return i < 0 ? undefined : i;
  };
  const idCol = firstWhere((n) => isIdHeader(n) && !isOtherPersonsId(n)) ?? firstWhere(isIdHeader);
  if (idCol === undefined) return null;
  const notOther = (test: (n: string) => boolean) => (n: string) => test(n) && !isOtherPersonsId(n);
  return {
    idCol,
    nameCol: firstWhere(notOther((n) => n.includes('姓名'))),
    dateCol: firstWhere((n) => n.includes('日期') || n.includes('时间')),
    bottomLineCol: firstWhere((n) => n.includes('兜底')),
    villageCol: firstWhere(notOther((n) => VILLAGE_HEADER.test(n))),
  };
}

/** 15 or 18 characters of digits (the last may be X) after trimming: what an ID looks like. */
export function looksLikeId(cell: Cell | undefined): boolean {
  if (!cell) return false;
  const text = cell.t === 'number' ? String(cell.v) : compact(cellText(cell));
  return /^(\d{15}|\d{17}[\dXx])$/u.test(text);
}

/** No header: the column where most cells look like IDs, and every row with an ID there. */
function listByContents(sheet: SheetGrid, kind: ListKind): ListMatch | null {
  const counts: number[] = [];
  for (const row of sheet.rows) {
    row?.forEach((cell, c) => {
      if (looksLikeId(cell)) counts[c] = (counts[c] ?? 0) + 1;
    });
  }
  let idCol = -1;
  counts.forEach((n, c) => {
    if (n > (counts[idCol] ?? 0)) idCol = c;
  });
  if (idCol < 0) return null;
  const dataRows: number[] = [];
  sheet.rows.forEach((row, r) => {
    if (looksLikeId(row?.[idCol])) dataRows.push(r);
  });
  return { kind, sheet: sheet.name, idCol, dataRows };
}

/**
 * A reference list of `kind`: the first of the top 30 rows with an ID header, or failing that
 * the column full of IDs. Works whatever the sheet is called (lists from other files).
 */
export function detectList(sheet: SheetGrid, kind: ListKind): ListMatch | null {
  const scan = Math.min(HEADER_SCAN_ROWS, sheet.rows.length);
  for (let r = 0; r < scan; r++) {
    const cols = listColumns(combinedHeader(sheet, [r]));
    if (!cols) continue;
    const headerCols = [cols.idCol, cols.nameCol, cols.dateCol, cols.bottomLineCol, cols.villageCol].filter(
      (c): c is number => c !== undefined,
    );
    const texts = combinedHeader(sheet, [r]);
    const dataRows = collectDataRows(sheet, r + 1, {
      headerCols,
      headerTexts: headerCols.map((c) => texts[c]),
      isHeaderText: (n) => isIdHeader(n) || n.includes('姓名') || n.includes('日期'),
      totalsUpTo: cols.nameCol,
    });
    const match: ListMatch = { kind, sheet: sheet.name, idCol: cols.idCol, headerRow: r, dataRows };
    if (cols.nameCol !== undefined) match.nameCol = cols.nameCol;
    if (cols.dateCol !== undefined) match.dateCol = cols.dateCol;
    if (cols.bottomLineCol !== undefined) match.bottomLineCol = cols.bottomLineCol;
    if (cols.villageCol !== undefined) match.villageCol = cols.villageCol;
    return match;
  }
  return listByContents(sheet, kind);
}

/** Every sheet named like a reference list, except `exclude` (the roster and member sheet). */
export function findLists(wb: WorkbookGrid, exclude: string[]): ListMatch[] {
  const out: ListMatch[] = [];
  for (const sheet of wb.sheets) {
    if (isToolSheet(sheet, wb) || exclude.includes(sheet.name)) continue;
    const kind = listKindOf(sheet.name);
    const match = kind && detectList(sheet, kind);
    if (match) out.push(match);
  }
  return out;
}

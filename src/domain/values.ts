/**
 * Cell values as township clerks type them: yes/no words, dates in five spellings, money with
 * 元 and commas, full-width digits from Chinese input methods. Pure functions, no host imports.
 * Hot path (called per cell on 100k-row rosters): module-level tables, no regex built per call.
 */
import type { Cell } from './grid';

// ---------------------------------------------------------------------------------------------
// Text

/** Full-width ASCII (U+FF01–FF5E) → ASCII, ideographic space (U+3000) → space. */
export function toHalfWidth(s: string): string {
  let i = 0;
  const n = s.length;
  // Fast path: most cells have nothing to convert; return the same string without allocating.
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 0x3000 || (c >= 0xff01 && c <= 0xff5e)) break;
    i++;
  }
  if (i === n) return s;
  let out = s.slice(0, i);
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3000) out += ' ';
    else if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else out += s[i];
  }
  return out;
}

/** Whitespace a clerk cannot see: spaces, tabs, line breaks, NBSP, ideographic and zero-width spaces. */
export function isInvisibleSpace(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0x0a ||
    c === 0x0d ||
    c === 0xa0 ||
    c === 0x3000 ||
    c === 0xfeff ||
    (c >= 0x2000 && c <= 0x200d)
  );
}

/** Removes every invisible space, also between characters ("已 签" → "已签"). */
export function stripSpaces(s: string): string {
  let i = 0;
  const n = s.length;
  while (i < n && !isInvisibleSpace(s.charCodeAt(i))) i++;
  if (i === n) return s;
  let out = s.slice(0, i);
  for (; i < n; i++) if (!isInvisibleSpace(s.charCodeAt(i))) out += s[i];
  return out;
}

/**
 * Dates already written, by yyyymmdd: a roster has a few tens of thousands of distinct dates
 * (birthdays, review dates), so millions of rows share these strings instead of each building one.
 */
const ISO_DATES = new Map<number, string>();
const MAX_ISO_DATES = 200_000;

/** Zero-padded yyyy-mm-dd from numbers (no validation). Years below 1000 get their leading zeros too. */
export function isoFromYmd(y: number, m: number, d: number): string {
  const ymd = y * 10000 + m * 100 + d;
  const known = Number.isSafeInteger(ymd) ? ISO_DATES.get(ymd) : undefined;
  if (known !== undefined) return known;
  const year = y >= 1000 ? String(y) : String(y).padStart(4, '0');
  const iso = `${year}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
  if (ISO_DATES.size < MAX_ISO_DATES && m >= 0 && m < 100 && d >= 0 && d < 100) ISO_DATES.set(ymd, iso);
  return iso;
}

function isoFromUtcDate(date: Date): string {
  return isoFromYmd(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * The trimmed, half-width text of a cell ('' for empty). Dates → YYYY-MM-DD; numbers → String(v)
 * (integers up to 2^53 never use exponent notation); booleans → TRUE/FALSE as Excel shows them.
 */
export function cellString(cell: Cell | undefined): string {
  if (!cell) return '';
  const v = cell.v;
  switch (cell.t) {
    case 'string':
      return toHalfWidth(v as string).trim();
    case 'number':
      return String(v);
    case 'boolean':
      return v ? 'TRUE' : 'FALSE';
    case 'date':
      return v instanceof Date ? (Number.isNaN(v.getTime()) ? '' : isoFromUtcDate(v)) : String(v).trim();
    default:
      return toHalfWidth(String(v)).trim();
  }
}

/**
 * "Nothing here" marks clerks put in cells that do not apply: / \ - — – _ 、 · (alone or
 * repeated). Treated like a blank cell by every parser here, never as a value.
 */
export function isPlaceholder(text: string): boolean {
  const n = text.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (
      c !== 0x2f && // /
      c !== 0x5c && // \
      c !== 0x2d && // -
      c !== 0x5f && // _
      c !== 0x2014 && // —
      c !== 0x2013 && // –
      c !== 0x2015 && // ―
      c !== 0x2500 && // ─
      c !== 0x3001 && // 、
      c !== 0xb7 // ·
    )
      return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Yes / no

export type YesNo = 'yes' | 'no' | 'blank' | 'other';

const YES_WORDS = [
  '是',
  '有',
  '√',
  '✓',
  '✔',
  '☑',
  'y',
  'yes',
  'true',
  '1',
  '已',
  '已签',
  '已签字',
  '已签名',
  '有签字',
  '有签名',
  '已提供',
  '齐全',
  '通过',
  '已通过',
  '合格',
];
const NO_WORDS = [
  '否',
  '无',
  '×',
  '✗',
  '✘',
  '☒',
  'n',
  'no',
  'false',
  '0',
  '未',
  '未签',
  '未签字',
  '未签名',
  '无签字',
  '无签名',
  '缺',
  '缺失',
  '没有',
  '未通过',
  '不通过',
  '不合格',
  '不是',
  '不齐全',
  '不全',
  '未提供',
];
const YES_NO_WORDS = new Map<string, 'yes' | 'no'>([
  ...YES_WORDS.map((w) => [w, 'yes'] as const),
  ...NO_WORDS.map((w) => [w, 'no'] as const),
]);

/** Characters that make a phrase negative ("未入户", "缺少签字", "没签"). */
function hasNegativeMarker(s: string, from: number): boolean {
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === '未' || c === '缺' || c === '无' || c === '没' || c === '不' || c === '否') return true;
  }
  return false;
}

/** Text normalized for word lookup: half-width, no spaces, lower case (Y/N/Yes/TRUE). */
function wordKey(text: string): string {
  return stripSpaces(toHalfWidth(text)).toLowerCase();
}

/**
 * Where a note starts after the leading word: an opening bracket ("是（外出务工）") or a
 * separator ("是，村主任之弟", "已签；未盖章"). Expects a word key (half-width, no spaces).
 */
function noteStart(key: string): number {
  for (let i = 0; i < key.length; i++) {
    const c = key[i];
    if (
      c === '(' ||
      c === '[' ||
      c === '{' ||
      c === '【' ||
      c === '〔' ||
      c === '<' ||
      c === '《' ||
      c === ',' ||
      c === '、' ||
      c === ';' ||
      c === ':' ||
      c === '。'
    )
      return i;
  }
  return -1;
}

/** Results of a check written as a phrase: "核对通过", "审核合格". */
const PASS_ENDINGS = ['通过', '合格'] as const;

/** One word (no note): the answer it gives, 'other' when it is no answer word or phrase. */
function wordAnswer(word: string): YesNo {
  const listed = YES_NO_WORDS.get(word);
  if (listed) return listed;
  const first = word[0];
  if (first === '未' || first === '没' || first === '无' || first === '缺' || first === '否') return 'no';
  if ((first === '已' || first === '有') && !hasNegativeMarker(word, 1)) return 'yes';
  for (const ending of PASS_ENDINGS) {
    if (!word.endsWith(ending)) continue;
    // "核对未通过", "审核不合格": the negative sits right before the result.
    return hasNegativeMarker(word, 0) ? 'no' : 'yes';
  }
  return 'other';
}

/**
 * Reads a yes/no cell by the answer grammar of docs/DECISIONS.md ("Answers (#10)"): the leading
 * word decides and a note after it, in brackets or after a comma, is ignored ("是（村主任之弟）",
 * "已签，未盖章"). Besides the word list (DOMAIN §3.1), a word starting with a negative
 * (未/没/无/缺/否: "未入户", "无车辆") is "no", one starting with 已/有 with no negative after it
 * ("已备案", "有签字") is "yes", and a check result ending in 通过/合格 is "yes" unless negated
 * ("核对通过" yes, "核对未通过" no).
 */
export function parseYesNo(cell: Cell | undefined): YesNo {
  if (!cell) return 'blank';
  switch (cell.t) {
    case 'boolean':
      return cell.v ? 'yes' : 'no';
    case 'number':
      return cell.v === 1 ? 'yes' : cell.v === 0 ? 'no' : 'other';
    case 'string':
      return yesNoOfText(cell.v as string);
    default:
      return 'other';
  }
}

/** parseYesNo for plain text (member sheet, lists). */
export function yesNoOfText(text: string): YesNo {
  // Most cells hold a word exactly as listed ("是", "√", "已签字"): one lookup, no allocation.
  const exact = YES_NO_WORDS.get(text);
  if (exact) return exact;
  const key = wordKey(text);
  if (key === '' || isPlaceholder(key)) return 'blank';
  const cut = noteStart(key);
  return wordAnswer(cut > 0 ? key.slice(0, cut) : key);
}

export function isYes(cell: Cell | undefined): boolean {
  return parseYesNo(cell) === 'yes';
}

/**
 * Paperwork present? Blank → false (DOMAIN §3.1: a blank paperwork cell means missing); "no"
 * word → false; "yes" word → true; other content (a date, "2017.12 入户", "见附件") → true unless
 * the text contains a negative marker (未 缺 无 没 不).
 */
export function docPresent(cell: Cell | undefined): boolean {
  const yn = parseYesNo(cell);
  if (yn === 'yes') return true;
  if (yn === 'no' || yn === 'blank') return false;
  if (cell && cell.t === 'string') return !hasNegativeMarker(wordKey(cell.v as string), 0);
  return true;
}

/** A "done" answer: done or not, and the date when the clerk wrote one. */
export interface Done {
  done: boolean;
  /** YYYY-MM-DD when the cell gives a whole date ("2018.1.5", a date cell, "已复核（2018年1月5日）"). */
  date?: string;
}

const NOT_DONE: Done = { done: false };
const DONE: Done = { done: true };

/** Years a clerk can have written into a "done" column; a small number is a count, not a date serial. */
const DONE_YEARS = { from: 1980, to: 2099 };

/**
 * A date at the start of a text or of its note: "2018.1.5", "2018年1月5日入户", "2018-01-05";
 * a year and month alone ("2018年1月复核") is a date without a day.
 */
const LEADING_DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\s*(?:[-/.]|月)\s*(\d{1,2})(?!\d))?/u;

function dateInText(text: string): Done | undefined {
  const m = LEADING_DATE.exec(text);
  if (!m) return undefined;
  const y = Number(m[1]);
  const month = Number(m[2]);
  if (y < DONE_YEARS.from || y > DONE_YEARS.to || month < 1 || month > 12) return undefined;
  if (m[3] === undefined) return DONE;
  const iso = isoIfReal(y, month, Number(m[3]));
  return iso ? { done: true, date: iso } : undefined;
}

function inDoneYears(iso: string): boolean {
  const y = Number(iso.slice(0, 4));
  return y >= DONE_YEARS.from && y <= DONE_YEARS.to;
}

/**
 * A column that records a step taken (入户复核): a yes answer is done, and so is a date — the
 * clerk writes the day of the visit instead of 是 ("2018.1.5", a date cell, 20180105, or an
 * Excel serial in a plain number cell). A yes with a dated note ("已复核（2018.1.5）") gives the
 * date too. Blank, no and other text are not done.
 */
export function parseDone(cell: Cell | undefined): Done {
  if (!cell) return NOT_DONE;
  const yn = parseYesNo(cell);
  if (yn === 'no' || yn === 'blank') return NOT_DONE;
  if (cell.t === 'string') {
    const text = toHalfWidth(cell.v as string).trim();
    const whole = isoFromDateText(text);
    if (whole && inDoneYears(whole)) return { done: true, date: whole };
    const dated = dateInText(text);
    if (dated) return dated;
    if (yn !== 'yes') return NOT_DONE;
    const key = wordKey(text);
    const cut = noteStart(key);
    return (cut > 0 && dateInText(key.slice(cut + 1))) || DONE;
  }
  if (yn === 'yes') return DONE;
  if (cell.t === 'date' || cell.t === 'number') {
    const d = parseDate(cell);
    if (d?.ok && inDoneYears(d.iso)) return { done: true, date: d.iso };
  }
  return NOT_DONE;
}

/**
 * Asset columns (vehicle, housing, business, payroll): any non-blank content that is not a
 * "no" word counts as yes ("小轿车一辆", "县城商品房", 2). Text starting with a negative
 * ("无车辆", "没有") is a no.
 */
export function assetClaimed(cell: Cell | undefined): boolean {
  const yn = parseYesNo(cell);
  return yn === 'yes' || yn === 'other';
}

/** Between the items of a list typed in one cell: "摩托车1辆、小轿车1辆", "农用车和面包车". */
const ITEM_SEPARATORS = /[、,，;；/／和及与+＋\n]+/u;
/** An item that only counts ("1辆", "两台"): it belongs to the items around it. */
const COUNT_ONLY = /^[\d一二两三四五六七八九十]+[辆台部个]?$/u;

/**
 * The items of an asset cell that claim an asset, one by one (#10: each vehicle is tested against
 * the policy's exception words on its own, so one motorcycle no longer hides a car). A bare yes
 * word or a count in front of other items ("有，摩托车1辆") is no item of its own; a "no" item
 * ("无") claims nothing. A number or yes cell is one item, its text.
 */
export function claimedItems(cell: Cell | undefined): string[] {
  if (!assetClaimed(cell)) return [];
  const text = cellString(cell);
  if (cell!.t !== 'string') return [text];
  const items = text
    .split(ITEM_SEPARATORS)
    .map((item) => item.trim())
    .filter((item) => item !== '' && !isPlaceholder(item));
  if (items.length <= 1) return [text];
  const named = items.filter((item) => yesNoOfText(item) === 'other' && !COUNT_ONLY.test(stripSpaces(item)));
  return named.length > 0 ? named : [text];
}

// ---------------------------------------------------------------------------------------------
// Dates

export type DateParse = { ok: true; iso: string } | { ok: false; raw: string } | undefined;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : MONTH_DAYS[m - 1];
}

/** A real calendar date (month 1–12, day within the month). Year range is the caller's concern. */
export function isRealDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Excel's 1900 date system: serial 1 = 1900-01-01 … 2958465 = 9999-12-31. */
export const MAX_EXCEL_SERIAL = 2958465;
const DAY_MS = 86400000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30); // serial 0 for serials ≥ 61
const MIN_YEAR = 1900;
const MAX_YEAR = 9999;

/**
 * Excel serial → ISO date, or null. Serial 60 is Excel's fictitious 1900-02-29 (kept for Lotus
 * compatibility), so it is not a date; serials 1–59 are one day off the plain epoch because of it.
 * A fractional part is the time of day and is dropped.
 */
export function isoFromExcelSerial(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial);
  if (day < 1 || day > MAX_EXCEL_SERIAL || day === 60) return null;
  const ms = EXCEL_EPOCH_MS + (day < 60 ? day + 1 : day) * DAY_MS;
  return isoFromUtcDate(new Date(ms));
}

/** An integer that reads as yyyymmdd (20171201) → ISO, else null. */
function isoFromYyyymmdd(n: number): string | null {
  if (!Number.isInteger(n) || n < MIN_YEAR * 10000 + 101 || n > MAX_YEAR * 10000 + 1231) return null;
  const y = Math.floor(n / 10000);
  const m = Math.floor(n / 100) % 100;
  const d = n % 100;
  return isRealDate(y, m, d) ? isoFromYmd(y, m, d) : null;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The decimal number in s[from, to) (callers have checked the digits). */
function digitsValue(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) v = v * 10 + (s.charCodeAt(i) - 48);
  return v;
}

function skipSpaces(s: string, i: number): number {
  while (s.charCodeAt(i) === 0x20) i++;
  return i;
}

/** End of a run of at most two digits starting at i. */
function endOfDayOrMonth(s: string, i: number): number {
  if (isDigit(s.charCodeAt(i))) i++;
  if (isDigit(s.charCodeAt(i))) i++;
  return i;
}

/** Optional trailing time after a space: "2017-12-01 00:00" or "2017-12-01 8:30:00". */
const TIME_SUFFIX = /^\s+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/;

function isDateEnd(s: string, i: number): boolean {
  return i === s.length || TIME_SUFFIX.test(s.slice(i));
}

function isoIfReal(y: number, m: number, d: number): string | null {
  return y >= MIN_YEAR && isRealDate(y, m, d) ? isoFromYmd(y, m, d) : null;
}

const DASH = 0x2d;
const SLASH = 0x2f;
const DOT = 0x2e;
const YEAR_CHAR = 0x5e74; // 年
const MONTH_CHAR = 0x6708; // 月
const DAY_CHAR = 0x65e5; // 日
const DAY_CHAR_SPOKEN = 0x53f7; // 号

/**
 * Text date → ISO, or null. Forms: 2017-12-01, 2017/12/1, 2017.12.1, 2017年12月1日 (日 or 号
 * optional, spaces allowed around the parts), 20171201; a time of day after a space is ignored.
 * Expects half-width, trimmed text. A char-code scanner: this runs on every date cell.
 */
export function isoFromDateText(s: string): string | null {
  let i = 0;
  while (isDigit(s.charCodeAt(i))) i++;
  if (i === 8) {
    if (!isDateEnd(s, i)) return null;
    return isoIfReal(digitsValue(s, 0, 4), digitsValue(s, 4, 6), digitsValue(s, 6, 8));
  }
  if (i !== 4) return null;
  i = skipSpaces(s, i);
  const sep = s.charCodeAt(i);
  if (sep !== DASH && sep !== SLASH && sep !== DOT && sep !== YEAR_CHAR) return null;
  const monthStart = skipSpaces(s, i + 1);
  const monthEnd = endOfDayOrMonth(s, monthStart);
  i = skipSpaces(s, monthEnd);
  if (monthEnd === monthStart || s.charCodeAt(i) !== (sep === YEAR_CHAR ? MONTH_CHAR : sep)) return null;
  const dayStart = skipSpaces(s, i + 1);
  const dayEnd = endOfDayOrMonth(s, dayStart);
  if (dayEnd === dayStart) return null;
  i = dayEnd;
  if (sep === YEAR_CHAR) {
    const after = skipSpaces(s, i);
    const c = s.charCodeAt(after);
    if (c === DAY_CHAR || c === DAY_CHAR_SPOKEN) i = after + 1;
  }
  if (!isDateEnd(s, i)) return null;
  return isoIfReal(digitsValue(s, 0, 4), digitsValue(s, monthStart, monthEnd), digitsValue(s, dayStart, dayEnd));
}

/**
 * A date cell → {ok, iso}; unreadable → {ok:false, raw}; blank or placeholder → undefined.
 * Number cells: a yyyymmdd-looking integer is that date, otherwise an Excel serial (1…2958465).
 */
export function parseDate(cell: Cell | undefined): DateParse {
  if (!cell) return undefined;
  const v = cell.v;
  switch (cell.t) {
    case 'date': {
      if (v instanceof Date && !Number.isNaN(v.getTime())) {
        const y = v.getUTCFullYear();
        if (y >= MIN_YEAR && y <= MAX_YEAR) return { ok: true, iso: isoFromUtcDate(v) };
      }
      return { ok: false, raw: cell.text ?? String(v) };
    }
    case 'number': {
      const num = v as number;
      const iso = isoFromYyyymmdd(num) ?? isoFromExcelSerial(num);
      return iso ? { ok: true, iso } : { ok: false, raw: String(num) };
    }
    case 'string': {
      const text = toHalfWidth(v as string).trim();
      if (text === '' || isPlaceholder(text)) return undefined;
      const iso = isoFromDateText(text);
      return iso ? { ok: true, iso } : { ok: false, raw: text };
    }
    default:
      return { ok: false, raw: cellString(cell) };
  }
}

/** Calendar months, day clamped to the month's end (2018-08-31 + 6 → 2019-02-28). */
export function addMonths(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return isoFromYmd(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** Today on the clerk's own machine (local calendar, not UTC: China is UTC+8). */
export function isoToday(): string {
  const now = new Date();
  return isoFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

// ---------------------------------------------------------------------------------------------
// Numbers

export type NumParse = number | 'invalid' | undefined;

/** Plain decimal, optional sign: "-1234.5", "300.", ".5". */
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;
/** Thousands grouping: "1,234", "12,345.67". */
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;
const COMMAS = /,/g;

/**
 * Money: number cells as they are; text with 元, ￥/¥, thousands commas (, ，), full-width digits
 * and spaces, an optional sign; anything else 'invalid'. Never rounded. Blank/placeholder → undefined.
 */
export function parseMoney(cell: Cell | undefined): NumParse {
  if (!cell) return undefined;
  if (cell.t === 'number') return Number.isFinite(cell.v as number) ? (cell.v as number) : 'invalid';
  if (cell.t !== 'string') return 'invalid';
  return moneyOfText(cell.v as string);
}

/** parseMoney for plain text. */
export function moneyOfText(text: string): NumParse {
  let s = stripSpaces(toHalfWidth(text));
  if (s === '' || isPlaceholder(s)) return undefined;
  // Sign may sit before or after the currency sign: "-¥300", "¥-300".
  let negative = false;
  if (s[0] === '-' || s[0] === '+') {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  const c0 = s.charCodeAt(0);
  if (c0 === 0xa5 || c0 === 0xffe5) s = s.slice(1); // ¥ ￥
  if (s.endsWith('元')) s = s.slice(0, -1);
  if (s === '') return 'invalid';
  if (s.indexOf(',') >= 0) {
    if (!GROUPED_NUMBER.test(s)) return 'invalid';
    s = s.replace(COMMAS, '');
  } else if (!PLAIN_NUMBER.test(s)) return 'invalid';
  if (negative && (s[0] === '-' || s[0] === '+')) return 'invalid'; // "--5"
  const value = Number(s);
  if (!Number.isFinite(value)) return 'invalid';
  return negative ? -value : value;
}

const CHINESE_DIGITS = new Map<string, number>([
  ['零', 0],
  ['一', 1],
  ['二', 2],
  ['两', 2],
  ['三', 3],
  ['四', 4],
  ['五', 5],
  ['六', 6],
  ['七', 7],
  ['八', 8],
  ['九', 9],
]);

/** 一 … 九十九 (两 for 2) → number, else undefined. Household sizes never need more. */
function chineseCount(s: string): number | undefined {
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 ? CHINESE_DIGITS.get(s) : undefined;
  if (ten !== s.lastIndexOf('十') || s.length > 3) return undefined;
  const tens = ten === 0 ? 1 : ten === 1 ? CHINESE_DIGITS.get(s[0]) : undefined;
  const ones = ten === s.length - 1 ? 0 : ten === s.length - 2 ? CHINESE_DIGITS.get(s[ten + 1]) : undefined;
  if (tens === undefined || ones === undefined || tens === 0) return undefined;
  return tens * 10 + ones;
}

/** Whole persons: "3", "3人", "3口", "三人", ３, 3.0 → 3; 2.5 → 'invalid'. Blank/placeholder → undefined. */
export function parseCount(cell: Cell | undefined): NumParse {
  if (!cell) return undefined;
  if (cell.t === 'number') return Number.isInteger(cell.v) ? (cell.v as number) : 'invalid';
  if (cell.t !== 'string') return 'invalid';
  return countOfText(cell.v as string);
}

const WHOLE_NUMBER = /^[+-]?\d+(\.0*)?$/;

/** parseCount for plain text. */
export function countOfText(text: string): NumParse {
  let s = stripSpaces(toHalfWidth(text));
  if (s === '' || isPlaceholder(s)) return undefined;
  if (s.endsWith('口人')) s = s.slice(0, -2);
  else if (s.endsWith('人') || s.endsWith('口')) s = s.slice(0, -1);
  if (WHOLE_NUMBER.test(s)) return Number(s);
  return chineseCount(s) ?? 'invalid';
}

// ---------------------------------------------------------------------------------------------
// Household status

export type Status = 'new' | 'existing' | 'stopped';

/** Words checked in this order: "已停保" and "取消新增" are stopped before anything else matches. */
const STATUS_WORDS: [string, Status][] = [
  ['停保', 'stopped'],
  ['退保', 'stopped'],
  ['取消', 'stopped'],
  ['停发', 'stopped'],
  ['注销', 'stopped'],
  ['退出', 'stopped'],
  ['新增', 'new'],
  ['新纳入', 'new'],
  ['原有', 'existing'],
  ['在保', 'existing'],
  ['续保', 'existing'],
  ['正常', 'existing'],
  ['保留', 'existing'],
  ['维持', 'existing'],
];

/**
 * 新增 → new; 原有/在保/续保/正常 → existing; 停保/退保/取消/已停保 → stopped (a word anywhere in
 * the text, e.g. "新增户", "已停保"); also "新" / "原" alone. Blank or unknown text → undefined.
 */
export function parseStatus(cell: Cell | undefined): Status | undefined {
  if (!cell || cell.t !== 'string') return undefined;
  return statusOfText(cell.v as string);
}

/** parseStatus for plain text. */
export function statusOfText(text: string): Status | undefined {
  const s = stripSpaces(toHalfWidth(text));
  if (s === '新') return 'new';
  if (s === '原') return 'existing';
  for (const [word, status] of STATUS_WORDS) if (s.includes(word)) return status;
  return undefined;
}

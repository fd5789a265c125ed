/**
 * Citizen ID numbers (GB 11643-1999) and second-generation disability certificate numbers.
 * Runs once per head and member on 100k-row rosters: char-code loops, no regex on the common
 * path, no intermediate arrays.
 */
import type { Cell } from './grid';
import { isInvisibleSpace, isoFromYmd, isRealDate, toHalfWidth } from './values';

const CHAR_X = 0x58;
const CHAR_x = 0x78;
const APOSTROPHE = 0x27;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function allDigits(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

/** Reads the decimal number in s[from, to) (callers have checked the digits). */
function digitsValue(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) v = v * 10 + (s.charCodeAt(i) - 48);
  return v;
}

function needsNormalizing(c: number): boolean {
  return c === CHAR_x || isInvisibleSpace(c) || (c >= 0xff01 && c <= 0xff5e);
}

/**
 * Trim, drop all inner whitespace, full-width → ASCII, x → X. Also drops leading apostrophes:
 * the text prefix Excel users type ("'4305…") survives as a character when pasted from CSV.
 */
export function normalizeIdText(s: string): string {
  const n = s.length;
  let i = 0;
  if (n > 0 && s.charCodeAt(0) !== APOSTROPHE) {
    while (i < n && !needsNormalizing(s.charCodeAt(i))) i++;
    if (i === n) return s; // already clean: no allocation
  }
  let out = '';
  for (let j = 0; j < n; j++) {
    let c = s.charCodeAt(j);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    if (isInvisibleSpace(c)) continue;
    if (c === APOSTROPHE && out === '') continue;
    if (c === CHAR_x) c = CHAR_X;
    out += String.fromCharCode(c);
  }
  return out;
}

/** 17 ASCII digits and a digit or X: an 18-character ID that needs no normalizing (its own key). */
export function isPlainId18(s: string): boolean {
  if (s.length !== 18 || !allDigits(s, 0, 17)) return false;
  const last = s.charCodeAt(17);
  return isDigit(last) || last === CHAR_X;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** Index in CHECK_CHARS of the check character for the first 17 characters of s (callers have checked they are digits). */
function checkIndexOf(s: string): number {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (s.charCodeAt(i) - 48) * WEIGHTS[i];
  return sum % 11;
}

/** Check character for the first 17 characters of s (callers have checked they are digits). */
function checkCharOf(s: string): string {
  return CHECK_CHARS[checkIndexOf(s)];
}

/** ISO 7064 MOD 11-2 check character of a 17-digit body: remainder 0..10 → 1 0 X 9 8 7 6 5 4 3 2. */
export function checkDigit(first17: string): string {
  if (first17.length !== 17 || !allDigits(first17, 0, 17)) {
    throw new RangeError('checkDigit needs exactly 17 digits');
  }
  return checkCharOf(first17);
}

/** Old 15-digit ID → 18 digits: insert "19" after the 6-digit area code, append the check digit. */
export function upgrade15to18(id15: string): string {
  if (id15.length !== 15 || !allDigits(id15, 0, 15)) {
    throw new RangeError('upgrade15to18 needs exactly 15 digits');
  }
  const body = id15.slice(0, 6) + '19' + id15.slice(6);
  return body + checkCharOf(body);
}

/** Whole years between two ISO dates (a birthday counts on the day itself). */
export function ageOn(birthIso: string, asOfIso: string): number {
  const by = digitsValue(birthIso, 0, 4);
  const ay = digitsValue(asOfIso, 0, 4);
  const bmd = digitsValue(birthIso, 5, 7) * 100 + digitsValue(birthIso, 8, 10);
  const amd = digitsValue(asOfIso, 5, 7) * 100 + digitsValue(asOfIso, 8, 10);
  return ay - by - (amd < bmd ? 1 : 0);
}

export type IdAnalysis =
  | { kind: 'blank' }
  | { kind: 'number'; raw: string }
  | { kind: 'old15'; id: string; suggested: string | null; birth: string | null }
  | { kind: 'bad-format'; text: string }
  | {
      kind: 'id18';
      id: string;
      checkOk: boolean;
      expectedCheck: string;
      actualCheck: string;
      birth: string | null;
      birthProblem?: 'invalid' | 'future' | 'before1900';
      sex: 'male' | 'female';
    };

const BLANK: IdAnalysis = Object.freeze({ kind: 'blank' });

/** ISO date from 8 digits yyyymmdd at s[from], or null when it is not a real date. */
function birthAt(s: string, from: number, centuryPrefix: number): string | null {
  const yDigits = centuryPrefix ? 2 : 4;
  const y = centuryPrefix * 100 + digitsValue(s, from, from + yDigits);
  const m = digitsValue(s, from + yDigits, from + yDigits + 2);
  const d = digitsValue(s, from + yDigits + 2, from + yDigits + 4);
  return isoOfBirth(y, m, d);
}

function isoOfBirth(y: number, m: number, d: number): string | null {
  return isRealDate(y, m, d) ? isoFromYmd(y, m, d) : null;
}

/** "4.30529E+17", "4.30529199001011e17": what Excel shows for a long number, copied as text. */
const SCIENTIFIC = /^[+-]?\d+(\.\d*)?[eE][+-]?\d+$/;

/** analyzeId for plain text (member sheet, lists). */
export function analyzeIdText(text: string, asOfIso: string): IdAnalysis {
  const id = normalizeIdText(text);
  const n = id.length;
  if (n === 0) return BLANK;
  if ((id.indexOf('E') >= 0 || id.indexOf('e') >= 0) && SCIENTIFIC.test(id)) {
    return { kind: 'number', raw: toHalfWidth(text).trim() };
  }
  if (n === 15 && allDigits(id, 0, 15)) {
    const birth = birthAt(id, 6, 19);
    return { kind: 'old15', id, suggested: birth ? upgrade15to18(id) : null, birth };
  }
  if (n !== 18 || !allDigits(id, 0, 17)) return { kind: 'bad-format', text: id };
  const last = id.charCodeAt(17);
  if (!isDigit(last) && last !== CHAR_X) return { kind: 'bad-format', text: id };

  const expectedCheck = checkCharOf(id);
  const actualCheck = id[17];
  const birth = birthAt(id, 6, 0);
  const result: IdAnalysis = {
    kind: 'id18',
    id,
    checkOk: expectedCheck === actualCheck,
    expectedCheck,
    actualCheck,
    birth,
    sex: (id.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female',
  };
  if (birth === null) result.birthProblem = 'invalid';
  else if (birth < '1900') result.birthProblem = 'before1900';
  else if (birth > asOfIso) result.birthProblem = 'future';
  return result;
}

/**
 * The analysis of a plain 18-character ID (isPlainId18) packed into one number, so that a member
 * table can keep millions of them without an object each: yyyymmdd × 256 + birth problem × 64 +
 * expected check character (index into CHECK_CHARS) × 4 + check ok × 2 + male. idFromFacts gives
 * back exactly what analyzeIdText gives.
 */
export function plainIdFacts(id: string, asOfIso: string): number {
  const expected = checkIndexOf(id);
  const birth = birthAt(id, 6, 0);
  const ymd = digitsValue(id, 6, 14);
  const problem = birth === null ? 1 : birth < '1900' ? 3 : birth > asOfIso ? 2 : 0;
  const checkOk = CHECK_CHARS[expected] === id[17] ? 1 : 0;
  const male = (id.charCodeAt(16) - 48) % 2 === 1 ? 1 : 0;
  return ymd * 256 + problem * 64 + expected * 4 + checkOk * 2 + male;
}

const PROBLEMS = [undefined, 'invalid', 'future', 'before1900'] as const;

/** The analysis of `id` from plainIdFacts(id), without reading the ID's characters again. */
export function idFromFacts(id: string, facts: number): IdAnalysis {
  const low = facts % 256;
  const ymd = (facts - low) / 256;
  const problem = PROBLEMS[low >> 6];
  const expectedCheck = CHECK_CHARS[(low >> 2) & 15];
  const checkOk = (low & 2) !== 0;
  const y = Math.floor(ymd / 10000);
  const result: IdAnalysis = {
    kind: 'id18',
    id,
    checkOk,
    expectedCheck,
    actualCheck: checkOk ? expectedCheck : id[17],
    birth: problem === 'invalid' ? null : isoOfBirth(y, Math.floor(ymd / 100) % 100, ymd % 100),
    sex: low & 1 ? 'male' : 'female',
  };
  if (problem) result.birthProblem = problem;
  return result;
}

/**
 * Classifies an ID cell. A number cell is always kind 'number' (ID-04): Excel keeps 15
 * significant digits, so the real ID is already lost and must never be "repaired" silently.
 */
export function analyzeId(cell: Cell | undefined, asOfIso: string): IdAnalysis {
  if (!cell) return BLANK;
  switch (cell.t) {
    case 'string':
      return analyzeIdText(cell.v as string, asOfIso);
    case 'number':
      return { kind: 'number', raw: cell.text ?? String(cell.v) };
    case 'date': {
      const v = cell.v;
      const text = v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : String(v);
      return { kind: 'bad-format', text: cell.text ?? text };
    }
    default:
      return { kind: 'bad-format', text: cell.text ?? String(cell.v) };
  }
}

export interface DisabilityCert {
  id: string;
  category: number;
  categoryName: string;
  grade: number;
  severe: boolean;
}

/** Category digit 1–7 of a disability certificate → its name (index = digit). */
export const DISABILITY_CATEGORIES = ['', '视力', '听力', '言语', '肢体', '智力', '精神', '多重'] as const;

/**
 * 20-character second-generation disability certificate: the holder's 18-character ID, a category
 * digit (1 视力 … 7 多重) and a grade digit 1–4 (1–2 are severe, 重度). null when not that shape;
 * the ID part's check digit is not judged here (analyzeIdText does that).
 */
export function parseDisabilityCert(text: string): DisabilityCert | null {
  const s = normalizeIdText(text);
  if (s.length !== 20 || !allDigits(s, 0, 17)) return null;
  const c17 = s.charCodeAt(17);
  if (!isDigit(c17) && c17 !== CHAR_X) return null;
  const category = s.charCodeAt(18) - 48;
  const grade = s.charCodeAt(19) - 48;
  if (category < 1 || category > 7 || grade < 1 || grade > 4) return null;
  return {
    id: s.slice(0, 18),
    category,
    categoryName: DISABILITY_CATEGORIES[category],
    grade,
    severe: grade <= 2,
  };
}

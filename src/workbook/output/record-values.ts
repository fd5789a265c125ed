/**
 * The fill and note before marking, between the record's forms (record.ts: the JSON of an ExcelJS
 * fill or note) and each host's terms. ExcelJS holds those forms already: the record is only
 * checked before use, as it may have been edited by hand. Office.js and WPS speak "#RRGGBB" and
 * pattern names like "Gray50", OOXML (ExcelJS) ARGB and "mediumGray": translated here for both.
 * (The xlsx patcher translates styles.xml's own <fill> in xlsx/patch-styles.ts.)
 */
import type ExcelJS from 'exceljs';

/** A fill as Office.js and WPS report it. */
export interface CellFill {
  /** Background, "#RRGGBB". */
  color: string;
  /** Excel.FillPattern: "None" (no fill), "Solid", "Gray50" … */
  pattern: string;
  /** Colour of the pattern's lines or dots, for patterns other than None and Solid. */
  patternColor?: string;
}

export const NO_FILL: CellFill = { color: '#FFFFFF', pattern: 'None' };

/** A note as ExcelJS holds it: plain text or rich text runs. */
export type RecordNote = string | ExcelJS.Comment;

/** Office.js FillPattern ↔ OOXML patternType (what ExcelJS writes). */
const PATTERNS: [string, string][] = [
  ['Solid', 'solid'],
  ['Gray75', 'darkGray'],
  ['Gray50', 'mediumGray'],
  ['Gray25', 'lightGray'],
  ['Gray16', 'gray125'],
  ['Gray8', 'gray0625'],
  ['Horizontal', 'darkHorizontal'],
  ['Vertical', 'darkVertical'],
  ['Down', 'darkDown'],
  ['Up', 'darkUp'],
  ['Checker', 'darkGrid'],
  ['SemiGray75', 'darkTrellis'],
  ['LightHorizontal', 'lightHorizontal'],
  ['LightVertical', 'lightVertical'],
  ['LightDown', 'lightDown'],
  ['LightUp', 'lightUp'],
  ['Grid', 'lightGrid'],
  ['CrissCross', 'lightTrellis'],
];
const TO_OOXML = new Map(PATTERNS);
const FROM_OOXML = new Map(PATTERNS.map(([o, x]) => [x, o]));

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;
const hex = (argbColor: string) => `#${argbColor.slice(-6).toUpperCase()}`;

/** An Office.js or WPS fill in the record's form; "" for none. */
export function fillToRecord(f: CellFill): string {
  // A gradient cannot be set through Office.js, so the host never paints over one (office-fills.ts).
  if (f.pattern === 'None' || /Gradient$/.test(f.pattern)) return '';
  if (f.pattern === 'Solid')
    return JSON.stringify({ type: 'pattern', pattern: 'solid', fgColor: { argb: argb(f.color) } });
  return JSON.stringify({
    type: 'pattern',
    pattern: TO_OOXML.get(f.pattern) ?? 'solid',
    fgColor: { argb: argb(f.patternColor ?? '#000000') },
    bgColor: { argb: argb(f.color) },
  });
}

/**
 * The recorded fill for Office.js or WPS. Fills they cannot set from the record (theme or indexed
 * colours written by other programs, gradients) come back as no fill.
 */
export function fillFromRecord(json: string | undefined): CellFill {
  const f = excelFillFromRecord(json);
  if (!f || f.type !== 'pattern' || !f.pattern || f.pattern === 'none') return NO_FILL;
  if (f.pattern === 'solid') return f.fgColor?.argb ? { color: hex(f.fgColor.argb), pattern: 'Solid' } : NO_FILL;
  const pattern = FROM_OOXML.get(f.pattern);
  if (!pattern) return NO_FILL;
  return {
    color: f.bgColor?.argb ? hex(f.bgColor.argb) : '#FFFFFF',
    pattern,
    patternColor: f.fgColor?.argb ? hex(f.fgColor.argb) : '#000000',
  };
}

/** An ExcelJS note in the record's form; undefined for none. */
export function noteToRecord(note: RecordNote | undefined): string | undefined {
  return note === undefined ? undefined : JSON.stringify(note);
}

/** The recorded fill for ExcelJS; undefined for none, or for one it could not write back. */
export function excelFillFromRecord(json: string | undefined): ExcelJS.Fill | undefined {
  return parseChecked<ExcelJS.Fill>(json, isFillLike);
}

/** The recorded note for ExcelJS; undefined for none, or for one it could not write back. */
export function noteFromRecord(json: string | undefined): RecordNote | undefined {
  return parseChecked<RecordNote>(json, isNoteLike);
}

function parseChecked<T>(json: string | undefined, ok: (v: unknown) => boolean): T | undefined {
  if (!json) return undefined;
  try {
    const v: unknown = JSON.parse(json);
    return ok(v) ? (v as T) : undefined;
  } catch {
    return undefined;
  }
}

// Only shapes ExcelJS can write back are taken (a gradient without stops, or a note run without
// text, made ExcelJS throw while saving).
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isColor = (v: unknown) =>
  v === undefined || (isObject(v) && Object.values(v).every((x) => typeof x !== 'object'));

const isFillLike = (v: unknown) => {
  if (!isObject(v)) return false;
  if (v.type === 'pattern') return typeof v.pattern === 'string' && isColor(v.fgColor) && isColor(v.bgColor);
  return (
    v.type === 'gradient' &&
    Array.isArray(v.stops) &&
    v.stops.every(
      (s: unknown) => isObject(s) && typeof s.position === 'number' && isObject(s.color) && isColor(s.color),
    )
  );
};

const isNoteLike = (v: unknown) =>
  typeof v === 'string' ||
  (isObject(v) &&
    Array.isArray(v.texts) &&
    v.texts.every(
      (t: unknown) => isObject(t) && typeof t.text === 'string' && (t.font === undefined || isObject(t.font)),
    ));

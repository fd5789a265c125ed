/**
 * The mark record as the Office host reads and writes it: the very hidden sheet MARK_RECORD_SHEET
 * with exactly the layout of record.ts (the file host), so that marks made in Excel can be cleared
 * on the command line and the other way round:
 *
 *   row 1: 工作表 sheet | 单元格 cell | 原填充 fill | 原批注 note
 *   then per marked cell: A sheet · B address ("N7") · C the fill before, as the JSON of an
 *   ExcelJS fill ("" = no fill) · D… the clerk's note before, as JSON ("" = none), split over
 *   columns of 32,000 characters (a cell holds at most 32,767).
 *
 * Office.js speaks "#RRGGBB" and pattern names like "Gray50"; ExcelJS (OOXML) speaks ARGB and
 * "mediumGray": this file translates. Every cell is written as text ('@').
 */
import { cellText, type SheetGrid } from '../../domain/grid';

export const RECORD_HEADERS = ['工作表 sheet', '单元格 cell', '原填充 fill', '原批注 note'];
const NOTE_CHUNK = 32_000;

/** A fill as Office.js reports it. */
export interface CellFill {
  /** Background, "#RRGGBB". */
  color: string;
  /** Excel.FillPattern: "None" (no fill), "Solid", "Gray50" … */
  pattern: string;
  /** Colour of the pattern's lines or dots, for patterns other than None and Solid. */
  patternColor?: string;
}

export const NO_FILL: CellFill = { color: '#FFFFFF', pattern: 'None' };

export interface MarkRecord {
  sheet: string;
  cell: string;
  fill: CellFill;
  /** The clerk's note text before marking, when there was one. */
  clerkNote?: string;
  /** Where parseRecord found it: the 0-based row of the record sheet. */
  at?: number;
}

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

/** The fill in the file host's record format: JSON of an ExcelJS fill, "" for none. */
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
 * The recorded fill for Office.js. Fills Office.js cannot set from the record (theme or indexed
 * colours written by other programs, gradients) come back as no fill.
 */
export function fillFromRecord(json: string): CellFill {
  if (!json) return NO_FILL;
  let f: { type?: string; pattern?: string; fgColor?: { argb?: string }; bgColor?: { argb?: string } };
  try {
    f = JSON.parse(json) as typeof f;
  } catch {
    return NO_FILL;
  }
  if (f.type !== 'pattern' || !f.pattern || f.pattern === 'none') return NO_FILL;
  if (f.pattern === 'solid') return f.fgColor?.argb ? { color: hex(f.fgColor.argb), pattern: 'Solid' } : NO_FILL;
  const pattern = FROM_OOXML.get(f.pattern);
  if (!pattern) return NO_FILL;
  return {
    color: f.bgColor?.argb ? hex(f.bgColor.argb) : '#FFFFFF',
    pattern,
    patternColor: f.fgColor?.argb ? hex(f.fgColor.argb) : '#000000',
  };
}

/** Rows to write, all the same width (the widest note decides); `headers` false to append. */
export function recordRows(records: MarkRecord[], headers = true): string[][] {
  const rows = [
    ...(headers ? [RECORD_HEADERS] : []),
    ...records.map((r) => {
      const row = [r.sheet, r.cell, fillToRecord(r.fill)];
      const note = r.clerkNote === undefined ? '' : JSON.stringify(r.clerkNote);
      for (let i = 0; i < note.length; i += NOTE_CHUNK) row.push(note.slice(i, i + NOTE_CHUNK));
      return row;
    }),
  ];
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
}

/** The record sheet as read back (by either host's writing). */
export function parseRecord(grid: SheetGrid): MarkRecord[] {
  const out: MarkRecord[] = [];
  for (let at = 1; at < grid.rows.length; at++) {
    const row = grid.rows[at];
    const texts = (row ?? []).map((c) => cellText(c));
    const [sheet, cell, fill = ''] = texts;
    if (!sheet || !cell) continue;
    const noteJson = texts.slice(3).join('');
    let clerkNote: string | undefined;
    if (noteJson) {
      try {
        const note = JSON.parse(noteJson) as string | { texts?: { text?: string }[] };
        clerkNote = typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text ?? '').join('');
      } catch {
        clerkNote = undefined;
      }
    }
    out.push({ sheet, cell, fill: fillFromRecord(fill), clerkNote, at });
  }
  return out;
}

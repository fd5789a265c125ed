/**
 * How every host recognizes its own marks: our fill colours and our note (its header, then one
 * line per finding, after the clerk's own note). The file, Office and WPS hosts use these, so a
 * copy marked by one is cleared by another.
 */
import type ExcelJS from 'exceljs';
import { MARK_FILLS, NOTE_HEADER } from '../host';
import type { CellFill } from './record-values';

/** Our fill colours as Office.js and WPS report them ("#FFC7CE"). */
const MARK_HEX = new Set(Object.values(MARK_FILLS).map((argb) => `#${argb.slice(2).toUpperCase()}`));

/** A fill as Office.js or WPS read it is one of ours. */
export function isOurHexFill(f: CellFill | undefined): boolean {
  return !!f && f.pattern === 'Solid' && MARK_HEX.has(f.color.toUpperCase());
}

/** A fill as ExcelJS reads it is one of ours. */
export function isOurArgbFill(fill: ExcelJS.Fill | undefined): boolean {
  if (!fill || fill.type !== 'pattern' || fill.pattern !== 'solid') return false;
  const argb = fill.fgColor?.argb;
  return argb === MARK_FILLS.error || argb === MARK_FILLS.warning;
}

/** Our note: the header, then one line per finding. After a clerk's note it follows a blank line. */
export function ourNoteText(lines: string[]): string {
  return [NOTE_HEADER, ...lines].join('\n');
}

/** The note with our part cut off: what the clerk wrote ("" when the note was ours alone). */
export function withoutOurNote(content: string): string {
  const at = content.lastIndexOf(NOTE_HEADER);
  return at < 0 ? content : content.slice(0, at).replace(/\n{1,2}$/, '');
}

/**
 * The content of a generated sheet (调整花名册, 抽查名单, 核查汇总, 公示名单), built once from the
 * check result and written by either host, so both produce the same sheet.
 */

export type GeneratedValue = string | number | null;

export interface GeneratedColumn {
  header: string;
  /** Width in characters. */
  width: number;
  /** Store as text (ID numbers): never a number, never a formula. */
  asText?: boolean;
  /** Number format for numbers, e.g. "0.00". */
  numFmt?: string;
}

export interface GeneratedSheet {
  /** Preferred name; the host appends (2), (3)… when it is taken by a sheet that is not ours. */
  name: string;
  /**
   * Which of our sheets this is (adjustments, sample …): the sheet generated earlier under the
   * same kind is replaced (generated-record.ts). Without it, the sheet is always added.
   */
  kind?: string;
  /** Title row, merged across all columns. */
  title: string;
  /** Lines under the title, e.g. "填报单位（盖章）：儒林镇人民政府    填报日期：2018年1月15日". */
  subtitle: string[];
  columns: GeneratedColumn[];
  body: GeneratedValue[][];
  /** A 合计 row, bold. */
  totals?: GeneratedValue[];
  /** Lines after the table, e.g. the signature line. */
  footer: string[];
  /** A4 landscape, fit to width, header row repeated. */
  landscape: boolean;
}

/** Text that Excel would take for a formula is written with a leading apostrophe-free guard. */
export function looksLikeFormula(s: string): boolean {
  return /^[=+\-@]/.test(s);
}

/** 1-based Excel row numbers of the parts of a generated sheet, the same in every host. */
export function layoutOf(sheet: GeneratedSheet): {
  titleRow: number;
  subtitleRows: number[];
  headerRow: number;
  firstBodyRow: number;
  totalsRow?: number;
  footerRows: number[];
} {
  const titleRow = 1;
  const subtitleRows = sheet.subtitle.map((_, i) => 2 + i);
  const headerRow = 2 + sheet.subtitle.length;
  const firstBodyRow = headerRow + 1;
  let next = firstBodyRow + sheet.body.length;
  const totalsRow = sheet.totals ? next++ : undefined;
  next++; // one blank row before the footer
  const footerRows = sheet.footer.map((_, i) => next + i);
  return { titleRow, subtitleRows, headerRow, firstBodyRow, totalsRow, footerRows };
}

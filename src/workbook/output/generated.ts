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

/** One printed form: title, lines under it, the table (header, body, 合计) and the lines after it. */
export interface GeneratedSection {
  /** Title row, merged across all columns. */
  title: string;
  /** Lines under the title, e.g. "填报单位（盖章）：儒林镇人民政府". */
  subtitle: string[];
  body: GeneratedValue[][];
  /** A 合计 row, bold. */
  totals?: GeneratedValue[];
  /** Lines after the table, e.g. the signature line. */
  footer: string[];
}

export interface GeneratedSheet extends GeneratedSection {
  /** Preferred name; the host appends (2), (3)… when it is taken by a sheet that is not ours. */
  name: string;
  /**
   * Which of our sheets this is (adjustments, sample …): the sheet generated earlier under the
   * same kind is replaced (generated-record.ts). Without it, the sheet is always added.
   */
  kind?: string;
  columns: GeneratedColumn[];
  /**
   * Further forms below the first, each starting on a new printed page with its own title,
   * header row and 合计 (公示名单: one per village, since each village posts its own).
   */
  sections?: GeneratedSection[];
  /** A4 landscape (else portrait), fit to width. */
  landscape: boolean;
  /**
   * Each form is posted on its own (公示名单): every printed page of it opens with its title
   * (（续） after the first page) and header row, laid out by sheetLayout. Otherwise the header
   * row repeats as print titles. A sheet of several forms is always laid out this way.
   */
  titleOnEveryPage?: boolean;
}

/** The sheet's forms in order: the sheet itself, then its further sections. */
export function sectionsOf(sheet: GeneratedSheet): GeneratedSection[] {
  return [sheet, ...(sheet.sections ?? [])];
}

/** 1-based Excel row numbers of the parts of one form. */
export interface SectionRows {
  titleRow: number;
  subtitleRows: number[];
  headerRow: number;
  firstBodyRow: number;
  totalsRow?: number;
  footerRows: number[];
  /** The form's last row (its last footer line, else its 合计 or last body row). */
  lastRow: number;
}

function sectionRows(section: GeneratedSection, titleRow: number): SectionRows {
  const subtitleRows = section.subtitle.map((_, i) => titleRow + 1 + i);
  const headerRow = titleRow + 1 + section.subtitle.length;
  const firstBodyRow = headerRow + 1;
  let next = firstBodyRow + section.body.length;
  const totalsRow = section.totals ? next++ : undefined;
  const lastTable = next - 1;
  next++; // one blank row before the footer
  const footerRows = section.footer.map((_, i) => next + i);
  return {
    titleRow,
    subtitleRows,
    headerRow,
    firstBodyRow,
    totalsRow,
    footerRows,
    lastRow: footerRows.at(-1) ?? lastTable,
  };
}

/**
 * 1-based Excel row numbers of the parts of a generated sheet's first form, the same in every
 * host, for a form printed with its header row as print titles (not titleOnEveryPage: such a
 * form may be continued on further pages, sheetLayout places its rows).
 */
export function layoutOf(sheet: GeneratedSheet): SectionRows {
  return sectionRows(sheet, 1);
}

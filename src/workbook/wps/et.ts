/**
 * The part of WPS 表格's ET object model this add-in uses, typed by hand: Kingsoft's
 * `wps-jsapi-declare` covers only WPS 文字, and `et-jsapi-declare` types nearly everything as
 * `any`. ET follows Excel's VBA object model: calls are synchronous, collections are 1-based
 * (`Item(1)` is the first), colours are BGR integers, fills have pattern constants.
 *
 * Each member names its page in the ET API reference (airsheet.wps.cn/docs/apiV2/excel/workbook/
 * {Object}/{属性|方法}/{Member}), which mirrors Microsoft's Excel VBA reference
 * (learn.microsoft.com/office/vba/api/excel.{object}.{member}); the add-in members (CreateTaskPane,
 * PluginStorage, ribbonUI) come from Kingsoft's JS add-in reference (open.wps.cn, WPS 加载项 ›
 * Application). Where WPS's behaviour could not be verified here, docs/WPS.md lists the assumption.
 */

/** XlPattern (枚举 › XlPattern). */
export const XL_PATTERN = {
  xlPatternNone: -4142,
  xlPatternSolid: 1,
  xlPatternGray75: -4126,
  xlPatternGray50: -4125,
  xlPatternGray25: -4124,
  xlPatternGray16: 17,
  xlPatternGray8: 18,
  xlPatternHorizontal: -4128,
  xlPatternVertical: -4166,
  xlPatternDown: -4121,
  xlPatternUp: -4162,
  xlPatternChecker: 9,
  xlPatternSemiGray75: 10,
  xlPatternLightHorizontal: 11,
  xlPatternLightVertical: 12,
  xlPatternLightDown: 13,
  xlPatternLightUp: 14,
  xlPatternGrid: 15,
  xlPatternCrissCross: 16,
} as const;

/** XlSheetVisibility (枚举 › XlSheetVisibility). */
export const XL_SHEET = { visible: -1, hidden: 0, veryHidden: 2 } as const;

/** XlPageOrientation, XlPaperSize, XlLineStyle, XlHAlign (枚举). */
export const XL_PAGE = { landscape: 2, portrait: 1, paperA4: 9 } as const;
export const XL_LINE = { continuous: 1, thin: 2 } as const;
export const XL_HALIGN = { left: -4131, center: -4108, right: -4152 } as const;

/** msoPropertyTypeString (Office 枚举 › MsoDocProperties). */
export const MSO_PROPERTY_STRING = 4;

/** Range (对象 › Range). */
export interface EtRange {
  /** Range › 属性 › Row: first row, 1-based. */
  readonly Row: number;
  /** Range › 属性 › Column: first column, 1-based. */
  readonly Column: number;
  /** Range › 属性 › Rows / Columns, each with Count (Range › 属性 › Count). */
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  /**
   * Range › 属性 › Value2: a scalar for one cell, a 2-D array (rows of values) for a block;
   * dates come back as serial numbers. Written the same way.
   */
  Value2: unknown;
  /** Range › 属性 › NumberFormat: the format, or null when the cells differ. */
  NumberFormat: unknown;
  /** Range › 属性 › Interior. */
  readonly Interior: EtInterior;
  /** Range › 属性 › Font. */
  readonly Font: EtFont;
  /** Range › 属性 › Borders (no index: every edge of every cell). */
  readonly Borders: EtBorders;
  /** Range › 属性 › HorizontalAlignment (XlHAlign). */
  HorizontalAlignment: unknown;
  /** Range › 属性 › WrapText. */
  WrapText: unknown;
  /** Range › 属性 › ColumnWidth, in characters of the standard font. */
  ColumnWidth: unknown;
  /** Range › 属性 › RowHeight, in points. */
  RowHeight: unknown;
  /** Range › 属性 › MergeCells: true, false, or null when the range is partly merged. */
  readonly MergeCells: unknown;
  /** Range › 属性 › MergeArea: the merged area holding the range's first cell. */
  readonly MergeArea: EtRange;
  /** Range › 方法 › Merge. */
  Merge(Across?: boolean): void;
  /** Range › 属性 › Comment: the cell's note, or null. */
  readonly Comment: EtComment | null;
  /** Range › 方法 › AddComment: a note (批注); throws when the cell already has one. */
  AddComment(Text?: string): EtComment;
  /** Range › 方法 › Select. */
  Select(): void;
}

/** Interior (对象 › Interior). */
export interface EtInterior {
  /** Interior › 属性 › Color: BGR integer (red is 255); null when the cells differ. */
  Color: unknown;
  /** Interior › 属性 › Pattern: an XlPattern constant; xlPatternNone is "no fill" (unlike white). */
  Pattern: unknown;
  /** Interior › 属性 › PatternColor: BGR colour of the pattern's lines or dots. */
  PatternColor: unknown;
}

/** Font (对象 › Font): 属性 Name, Size, Bold. */
export interface EtFont {
  Name: unknown;
  Size: unknown;
  Bold: unknown;
}

/** Borders (对象 › Borders): 属性 LineStyle (XlLineStyle), Weight (XlBorderWeight). */
export interface EtBorders {
  LineStyle: unknown;
  Weight: unknown;
}

/** Comment (对象 › Comment): a note, ET's 批注. */
export interface EtComment {
  /** Comment › 方法 › Text: returns the text; with an argument replaces it. */
  Text(Text?: string, Start?: number, Overwrite?: boolean): string;
  /** Comment › 方法 › Delete. */
  Delete(): void;
  /** Comment › 属性 › Parent: the cell the note belongs to. */
  readonly Parent: EtRange;
}

/** Comments (对象 › Comments): Count, Item(1…Count). */
export interface EtComments {
  readonly Count: number;
  Item(Index: number): EtComment;
}

/** PageSetup (对象 › PageSetup). */
export interface EtPageSetup {
  Orientation: number;
  PaperSize: number;
  /** false so that FitToPagesWide/Tall apply. */
  Zoom: number | false;
  FitToPagesWide: number | false;
  FitToPagesTall: number | false;
  /** e.g. "$3:$3": repeated on every printed page. */
  PrintTitleRows: string;
  CenterHorizontally: boolean;
  /** Margins in points. */
  LeftMargin: number;
  RightMargin: number;
  TopMargin: number;
  BottomMargin: number;
  CenterFooter: string;
}

/** Worksheet (对象 › Worksheet). */
export interface EtWorksheet {
  /** Worksheet › 属性 › Name (read/write). */
  Name: string;
  /** Worksheet › 属性 › Visible: XlSheetVisibility. */
  Visible: number;
  /** Worksheet › 属性 › Index: position among the sheets, 1-based. */
  readonly Index: number;
  /** Worksheet › 属性 › UsedRange. */
  readonly UsedRange: EtRange;
  /** Worksheet › 方法 › Range: one address ("A1", "B2:D9", "A1,C3:C5"), at most 255 characters. */
  Range(Cell1: string, Cell2?: string): EtRange;
  /** Worksheet › 属性 › Comments. */
  readonly Comments: EtComments;
  /** Worksheet › 属性 › PageSetup. */
  readonly PageSetup: EtPageSetup;
  /** Worksheet › 属性 › HPageBreaks: manual page breaks; Add(Before) puts one above that cell. */
  readonly HPageBreaks: { Add(Before: EtRange): unknown };
  /** Worksheet › 方法 › Activate. */
  Activate(): void;
  /** Worksheet › 方法 › Delete: asks the user first unless Application.DisplayAlerts is false. */
  Delete(): void;
}

/** Worksheets (对象 › Worksheets): Count, Item(1…Count or name), Add(Before, After). */
export interface EtWorksheets {
  readonly Count: number;
  Item(Index: number | string): EtWorksheet;
  Add(Before?: EtWorksheet, After?: EtWorksheet, Count?: number): EtWorksheet;
}

/** DocumentProperty (Office 对象 › DocumentProperty). */
export interface EtDocumentProperty {
  Value: unknown;
  Delete(): void;
}

/** DocumentProperties (Office 对象 › DocumentProperties): Count, Item(1…Count or name), Add. */
export interface EtDocumentProperties {
  readonly Count: number;
  Item(Index: number | string): EtDocumentProperty & { readonly Name: string };
  Add(Name: string, LinkToContent: boolean, Type: number, Value: unknown): EtDocumentProperty;
}

/** Workbook (对象 › Workbook). */
export interface EtWorkbook {
  readonly Name: string;
  readonly Worksheets: EtWorksheets;
  /** Workbook › 属性 › CustomDocumentProperties: saved with the file. */
  readonly CustomDocumentProperties: EtDocumentProperties;
}

/** Window (对象 › Window): freezing the header rows of the active sheet. */
export interface EtWindow {
  SplitRow: number;
  SplitColumn: number;
  FreezePanes: boolean;
}

/** The task pane (WPS 加载项 › CustomTaskpane). */
export interface EtTaskPane {
  readonly ID: number;
  Visible: boolean;
  Width: number;
}

/** Application (对象 › Application), with the JS add-in members. */
export interface EtApplication {
  /** Application › 属性 › Name / Version / Build. */
  readonly Name: string;
  readonly Version: string;
  readonly Build?: number | string;
  /** Application › 属性 › ActiveWorkbook: null when no workbook is open. */
  readonly ActiveWorkbook: EtWorkbook | null;
  /** Application › 属性 › ActiveSheet. */
  readonly ActiveSheet: EtWorksheet | null;
  /** Application › 属性 › ActiveWindow. */
  readonly ActiveWindow: EtWindow | null;
  /** Application › 方法 › Union: 2 to 30 ranges of one sheet → one multi-area range. */
  Union(...ranges: EtRange[]): EtRange;
  /** Application › 属性 › ScreenUpdating / DisplayAlerts. */
  ScreenUpdating: boolean;
  DisplayAlerts: boolean;
  /** WPS 加载项 › Application.CreateTaskPane(url) / GetTaskPane(id). */
  CreateTaskPane(url: string, title?: string): EtTaskPane;
  GetTaskPane(id: number): EtTaskPane | null;
  /** WPS 加载项 › PluginStorage: shared by the add-in's pages while WPS runs (not saved). */
  readonly PluginStorage: { getItem(key: string): unknown; setItem(key: string, value: unknown): void };
  /** WPS 加载项 › ribbonUI (set by OnAddinLoad): InvalidateControl refreshes a button's state. */
  ribbonUI?: { Invalidate(): void; InvalidateControl(id: string): void };
}

/** BGR integer (ET) ↔ "#RRGGBB" (Office.js, the mark record). */
export function bgrOf(hex: string): number {
  const n = parseInt(hex.replace('#', ''), 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
}

export function hexOf(bgr: number): string {
  const r = bgr & 0xff;
  const g = (bgr >> 8) & 0xff;
  const b = (bgr >> 16) & 0xff;
  return `#${[r, g, b]
    .map((x) => x.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase()}`;
}

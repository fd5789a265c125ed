/**
 * What the engine returns. Every shell (command line, add-in, web page) reads only these types.
 */
import type { RosterField, ListKind } from './fields';
import type { MergedRange, SheetGrid, WorkbookGrid } from './grid';
import type { Policy } from './policy';
import type { ExternalIdIndex } from './index/ids';
import type { MessageData, RuleFamily, Severity } from './rules/meta';
import type { RuleId } from './rules';

export type { Severity, RuleFamily, MessageData } from './rules/meta';
export { RULE_IDS, type RuleId } from './rules';

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** Sheet the row belongs to (the roster sheet for every household finding). */
  sheet: string;
  /** Worksheet row number as Excel shows it (1-based). */
  row: number;
  /** Field at fault, when there is one. */
  field?: RosterField | string;
  /** Header text as written in the sheet for that field. */
  column?: string;
  /** 1-based column number of the cell at fault (the head-name cell when no column is at fault). */
  col?: number;
  /** A1 address of the cell at fault, e.g. "N7". */
  cell?: string;
  /** Message id within the rule; the catalogue renders `${rule}.${messageId}`. */
  messageId: string;
  /** Observed values and expectations the message names. */
  data: MessageData;
  /** Index into CheckResult.households when the finding is about a household. */
  household?: number;
  /** Where the finding came from when not the roster itself (member sheet, a list, another file). */
  source?: string;
}

export type HouseholdStatus = 'new' | 'existing' | 'stopped';

/** A household as the report, pane and sheets need it (normalized, not raw). */
export interface HouseholdSummary {
  index: number;
  /** The roster sheet of the row. */
  sheet: string;
  row: number;
  village: string;
  township: string;
  headName: string;
  /** Normalized ID text as written (may be invalid). */
  idNumber: string;
  status: HouseholdStatus;
  householdSize?: number;
  coveredPersons?: number;
  benefit?: number;
  expectedBenefit?: number;
  bottomLine: boolean;
}

/** The adjustment kinds of DOMAIN §7, in the order the report and the sheets list them. */
export const ADJUSTMENT_TYPES = ['新增', '停保', '增发', '减发'] as const;
export type AdjustmentType = (typeof ADJUSTMENT_TYPES)[number];

/** A finding as an adjustment names it: the rule, its message id and data. */
export type FindingRef = Pick<Finding, 'rule' | 'messageId' | 'data'>;

/**
 * Why an adjustment is proposed: 'findings' — the findings in `because`; 'findingsRestReach' — those,
 * and the persons left reach the standard (data: persons, income, standard); 'newComplete' — a new
 * household with complete papers.
 */
export type AdjustmentReason = 'findings' | 'findingsRestReach' | 'newComplete';

export interface Adjustment {
  household: number;
  /** The roster sheet of the row. */
  sheet: string;
  row: number;
  type: AdjustmentType;
  village: string;
  headName: string;
  idNumber: string;
  before: { persons: number; amount: number };
  after: { persons: number; amount: number };
  /** Why, as a code and data; the text is made at the edge (messages.ts adjustmentReason). */
  messageId: AdjustmentReason;
  data: MessageData;
  /** The findings behind it, once each. */
  because: FindingRef[];
  /** Rules behind it. */
  rules: RuleId[];
}

export type SampleReason = 'wholeVillage' | 'new' | 'random';

export interface SampleEntry {
  household: number;
  /** The roster sheet of the row. */
  sheet: string;
  row: number;
  village: string;
  headName: string;
  idNumber: string;
  /** Why it is in the list: 随机抽取 / 新增对象 / 全村抽查 (messages.ts SAMPLE_REASONS). */
  reason: SampleReason;
}

/**
 * A need a rule lacks: a roster field, '@members', '@list:KIND' or '@policy:KEY'. For a column,
 * what the header row suggests: the header the clerk's settings name for it (not on the roster),
 * or a header of the roster that looks like it.
 */
export interface LackedNeed {
  need: string;
  asked?: string;
  like?: string;
}

/** What one sheet (or, without `sheet`, every roster sheet) lacks; each need is a list of alternatives. */
export interface Lacking {
  sheet?: string;
  needs: LackedNeed[][];
}

export interface SkippedCheck {
  rule: RuleId;
  /** Fields (or lists) whose absence skipped it. */
  missing: string[];
  /** 'missing': every roster sheet lacks the same; 'missingOnSheets': the sheets named in `data` do (messages.ts skippedReason). */
  messageId: 'missing' | 'missingOnSheets';
  data: { lacking: Lacking[] };
  /** The roster sheets it was skipped on, when the roster has several and not all lack the field. */
  sheets?: string[];
}

export interface VillageSummary {
  village: string;
  households: number;
  activeHouseholds: number;
  coveredPersons: number;
  monthlyTotal: number;
  errors: number;
  warnings: number;
  byRule: Partial<Record<RuleId, number>>;
}

export interface CheckSummary {
  households: number;
  activeHouseholds: number;
  coveredPersons: number;
  monthlyTotal: number;
  errors: number;
  warnings: number;
  infos: number;
  byRule: Partial<Record<RuleId, number>>;
  byFamily: Partial<Record<RuleFamily, number>>;
  villages: VillageSummary[];
  adjustments: Partial<Record<AdjustmentType, number>>;
  /** Households flagged 兜底 in the poverty register but absent from the roster (possible 漏保). */
  missingBottomLine: { idNumber: string; name: string; village: string }[];
}

export interface RosterLocation {
  sheet: string;
  /** Excel row numbers of the header rows (one or two). */
  headerRows: number[];
  /** Excel row numbers of the first and last household row. */
  firstRow: number;
  lastRow: number;
  /** Field → its header text and 1-based column. */
  columns: Partial<Record<RosterField, { header: string; col: number }>>;
  /** Optional fields with no column. */
  missingFields: RosterField[];
  /** Merged areas of the roster sheet below the header (0-based): marks go to their top-left cell. */
  merges: MergedRange[];
  /** Other sheets that look like a roster too (not checked in this run): see CheckResult.notChecked. */
  otherCandidates: string[];
  /** How many households this sheet holds. */
  households: number;
}

/** A sheet that looks like a roster but was not checked, and why (messages.ts notCheckedReason). */
export type SheetNotChecked = {
  sheet: string;
  /** 'other': a roster of its own (another period, another layout) that --sheet can check; 'unreadable': lacks a needed column. */
  kind: 'other' | 'unreadable';
} & (
  | { messageId: 'lacksColumns'; data: { fields: RosterField[] } }
  | { messageId: 'fewerColumns'; data: { matched: number; roster: number } }
  | { messageId: 'otherPeriod'; data: { period: string } }
);

export interface ListSource {
  kind: ListKind;
  /** Sheet name, or "file.xlsx!Sheet" for lists from other files. */
  source: string;
  entries: number;
}

export interface CheckResult {
  /** The policy as used: the clerk's settings completed from the roster's title lines (with sources). */
  policy: Policy;
  /** The first roster sheet (rosterSheets[0]). */
  roster: RosterLocation;
  /** Every roster sheet checked, in workbook order: one per village, group or page. */
  rosterSheets: RosterLocation[];
  /** Sheets that look like a roster but were not checked (named, never silently dropped). */
  notChecked: SheetNotChecked[];
  /** The member sheets' names, joined by 、 when there are several. */
  memberSheet?: string;
  lists: ListSource[];
  asOf: string;
  households: HouseholdSummary[];
  findings: Finding[];
  adjustments: Adjustment[];
  sample: SampleEntry[];
  skipped: SkippedCheck[];
  summary: CheckSummary;
}

/** A list given from outside the workbook (command line --list KIND=FILE). */
export interface ExternalList {
  kind: ListKind;
  sheet: SheetGrid;
  /** Shown in findings and the report, e.g. "deaths.xlsx". */
  source: string;
}

export type { ExternalIdIndex } from './index/ids';

export interface CheckInput {
  workbook: WorkbookGrid;
  policy: Policy;
  /** Use this sheet as the roster instead of the ones the engine would pick. */
  rosterSheet?: string;
  /** Use exactly these sheets as the roster (several: one per village). */
  rosterSheets?: string[];
  extraLists?: ExternalList[];
  externalIds?: ExternalIdIndex;
}

/**
 * The settings form's own state: text as typed, so that half-typed numbers ("30.", "") do not
 * jump around. It becomes the saved Settings (src/workbook/settings.ts) and, through them, the
 * policy only when the clerk saves or checks.
 */
import { parsePolicy, type Policy } from '../../domain/policy';
import type { RosterField } from '../../domain/fields';
import { parseSettings, settingsToPolicyInput, type Settings } from '../../workbook/settings';

/** One row of 表头对应: a field and the roster's own header for it, as typed. */
export interface ColumnName {
  field: RosterField;
  header: string;
}

export interface SettingsDraft {
  county: string;
  township: string;
  /** Blank = the policy's default standard. */
  standardValue: string;
  standardUnit: 'year' | 'month';
  /** YYYY-MM-DD; blank = today. */
  asOf: string;
  /** Blank = the policy's default (1 yuan). */
  tolerance: string;
  /** 行政区划代码 for ID-07; blank = not checked. */
  areaCode: string;
  /** 表头对应 (policy `columns`); a row with a blank header is dropped on saving. */
  columns: ColumnName[];
  /** 制表人 for the generated sheets' footers; blank = left to sign by hand. */
  preparer: string;
  /** Roster sheets the clerk left out (the sheet list's unticked boxes), remembered per workbook. */
  leftOut: string[];
}

/** Fields whose text is not a usable number (blank is fine: the default applies). */
export function draftProblems(d: SettingsDraft): Partial<Record<'standardValue' | 'tolerance' | 'areaCode', true>> {
  const bad = (t: string) => {
    const v = t.trim();
    if (v === '') return false;
    const n = Number(v);
    return !Number.isFinite(n) || n < 0;
  };
  const out: Partial<Record<'standardValue' | 'tolerance' | 'areaCode', true>> = {};
  if (bad(d.standardValue)) out.standardValue = true;
  if (bad(d.tolerance)) out.tolerance = true;
  if (d.areaCode.trim() !== '' && !/^\d{2,6}$/.test(d.areaCode.trim())) out.areaCode = true;
  return out;
}

export function draftFromSettings(s: Settings): SettingsDraft {
  return {
    county: s.county ?? '',
    township: s.township ?? '',
    standardValue: s.standard === undefined ? '' : String(s.standard),
    standardUnit: s.standardUnit,
    asOf: s.asOf ?? '',
    tolerance: s.tolerance === undefined ? '' : String(s.tolerance),
    areaCode: s.areaCode ?? '',
    columns: Object.entries(s.columns ?? {}).map(([field, header]) => ({
      field: field as RosterField,
      header: header!,
    })),
    preparer: s.preparer ?? '',
    leftOut: s.leftOut ?? [],
  };
}

/** Typed text → number; blank → undefined (the default applies); junk → NaN, which validation refuses. */
function numberOf(text: string): number | undefined {
  const t = text.trim();
  return t === '' ? undefined : Number(t);
}

/**
 * Throws SettingsError naming each bad field (shown in the message bar). Numbers are converted
 * here, so the schema sees numbers (it never relies on coercion).
 */
export function draftToSettings(d: SettingsDraft): Settings {
  return parseSettings({
    county: d.county,
    township: d.township,
    standard: numberOf(d.standardValue),
    standardUnit: d.standardUnit,
    asOf: d.asOf,
    tolerance: numberOf(d.tolerance),
    areaCode: d.areaCode,
    // A field given twice keeps its last row, as the clerk sees it last in the list.
    columns: Object.fromEntries(d.columns.map((c) => [c.field, c.header])),
    preparer: d.preparer,
    leftOut: d.leftOut,
  });
}

export function draftToPolicy(d: SettingsDraft): Policy {
  return parsePolicy(settingsToPolicyInput(draftToSettings(d)));
}

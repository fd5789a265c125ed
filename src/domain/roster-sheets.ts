/**
 * Which sheets of a workbook are the roster (花名册) and the member sheets (家庭成员). A township
 * often keeps one roster sheet per village, group or page: every sheet whose header maps to the
 * roster's fields about as well as the best one is a part of the same roster, checked together.
 */
import type { SheetGrid, WorkbookGrid } from './grid';
import type { MemberField, RosterField } from './fields';
import { MEMBER_SPECS, ROSTER_SPECS } from './fields';
import {
  bestHeader,
  hasListName,
  isToolSheet,
  looksLikeMemberSheet,
  MEMBER_REQUIRED,
  namedSheet,
  noHeaderError,
  ROSTER_REQUIRED,
  withDataRows,
  type Candidate,
  type HeaderMatch,
  type RowVisitor,
} from './columns';
import { RosterError } from './errors';
import type { SheetNotChecked } from './types';
import { periodOfName, readRosterTitle } from './roster-title';
import { isRecordSheet } from './tool-sheets';

/** A sheet with at least this many roster fields in its header looks like a roster. */
const LOOKS_LIKE_ROSTER = 4;

function resolveNames(wb: WorkbookGrid, sheets: SheetGrid[], names: readonly string[]): SheetGrid[] {
  const out: SheetGrid[] = [];
  for (const name of names) {
    const chosen = namedSheet(wb, sheets, name);
    if (!out.includes(chosen)) out.push(chosen);
  }
  return out;
}

/**
 * A sheet with a roster-like header that lacks 户主姓名 or 身份证号码 (the two columns every
 * check needs): named in the output so that a village is never silently left out.
 */
function unreadable(sheet: SheetGrid, named?: Partial<Record<RosterField, string>>): SheetNotChecked | undefined {
  const loose = bestHeader(sheet, ROSTER_SPECS, { columns: named });
  if (!loose || loose.score < LOOKS_LIKE_ROSTER) return undefined;
  if (!loose.columns.headName && !loose.columns.headId) return undefined;
  const missing = ROSTER_REQUIRED.filter((f) => !loose.columns[f]);
  return { sheet: sheet.name, kind: 'unreadable', messageId: 'lacksColumns', data: { fields: missing } };
}

/**
 * The roster's sheets in workbook order. With `names`, exactly those sheets (each must have a
 * roster header). Otherwise every sheet whose header has 户主姓名 and 身份证号码 and matches at
 * least half as many fields as the best one; sheets named like a reference list only when no
 * other sheet qualifies; member sheets never. `visit` is given each chosen sheet's data rows.
 */
export function findRosters(
  wb: WorkbookGrid,
  names: readonly string[] | undefined,
  visit: RowVisitor<RosterField>,
  /** The clerk's header names for fields (policy `columns`). */
  named?: Partial<Record<RosterField, string>>,
): { matches: HeaderMatch<RosterField>[]; notChecked: SheetNotChecked[] } {
  const visible = wb.sheets.filter((s) => !isRecordSheet(s));
  if (visible.length === 0) throw new RosterError('no-sheets');
  const chosenByName = names !== undefined && names.length > 0;
  // Our generated sheets are never taken for a roster, unless the clerk names one.
  const sheets = visible.filter((s) => !isToolSheet(s, wb));
  if (sheets.length === 0 && !chosenByName) {
    throw new RosterError('only-tool-sheets', { sheets: visible.map((s) => s.name) });
  }
  const pool = chosenByName ? resolveNames(wb, visible, names) : sheets;
  const found: { sheet: SheetGrid; header: Candidate<RosterField>; listNamed: boolean }[] = [];
  const memberSheets: string[] = [];
  const notChecked: SheetNotChecked[] = [];
  for (const sheet of pool) {
    const header = bestHeader(sheet, ROSTER_SPECS, { required: ROSTER_REQUIRED, columns: named });
    if (header && looksLikeMemberSheet(sheet)) {
      memberSheets.push(sheet.name);
      if (chosenByName) throw noHeaderError([sheet.name], memberSheets);
      continue;
    }
    if (!header) {
      if (chosenByName) throw noHeaderError([sheet.name], memberSheets);
      const unread = hasListName(sheet) ? undefined : unreadable(sheet, named);
      if (unread) notChecked.push(unread);
      continue;
    }
    found.push({ sheet, header, listNamed: !chosenByName && hasListName(sheet) });
  }
  const unlisted = found.filter((f) => !f.listNamed);
  // A sheet named like a list ("死亡名单") is the roster only when no other sheet can be.
  const bestListNamed = found.reduce<(typeof found)[number] | undefined>(
    (b, f) => (!b || f.header.score > b.header.score ? f : b),
    undefined,
  );
  const candidates = unlisted.length > 0 ? unlisted : bestListNamed ? [bestListNamed] : [];
  if (candidates.length === 0) {
    throw noHeaderError(
      pool.map((s) => s.name),
      memberSheets,
    );
  }
  const best = candidates.reduce((b, c) => (c.header.score > b.header.score ? c : b));
  // Two years' rosters side by side are editions, not parts: the best one's period is checked.
  const periodOf = (c: (typeof candidates)[number]) =>
    readRosterTitle(c.sheet, c.header.headerRows[0]).period ?? periodOfName(c.sheet.name);
  const period = chosenByName ? undefined : periodOf(best);
  const matches: HeaderMatch<RosterField>[] = [];
  for (const c of candidates) {
    const name = c.sheet.name;
    if (!chosenByName && c.header.score * 2 < best.header.score) {
      notChecked.push({
        sheet: name,
        kind: 'other',
        messageId: 'fewerColumns',
        data: { matched: c.header.score, roster: best.header.score },
      });
      continue;
    }
    const own = period === undefined ? undefined : periodOf(c);
    if (own !== undefined && own !== period) {
      notChecked.push({
        sheet: name,
        kind: 'other',
        messageId: 'otherPeriod',
        data: { period: own },
      });
      continue;
    }
    matches.push(withDataRows(c.sheet, ROSTER_SPECS, c.header, visit));
  }
  return { matches, notChecked };
}

/**
 * The member sheets (家庭成员): every sheet not in `exclude` whose header has 户主身份证号,
 * 身份证号 and 与户主关系. `start` is told how many rows they hold in all before any is read.
 */
export function findMemberSheets(
  wb: WorkbookGrid,
  exclude: readonly string[],
  start: (rows: number) => void,
  visit: RowVisitor<MemberField>,
): HeaderMatch<MemberField>[] {
  const found: { sheet: SheetGrid; header: Candidate<MemberField> }[] = [];
  for (const sheet of wb.sheets) {
    if (isToolSheet(sheet, wb) || exclude.includes(sheet.name)) continue;
    const header = bestHeader(sheet, MEMBER_SPECS, { required: MEMBER_REQUIRED });
    if (header) found.push({ sheet, header });
  }
  if (found.length === 0) return [];
  start(found.reduce((n, f) => n + f.sheet.rows.length, 0));
  return found.map((f) => withDataRows(f.sheet, MEMBER_SPECS, f.header, visit));
}

const GENERIC_SHEET = /^(sheet|工作表|表|page|页)?\d*$|^第.+[页张]$/i;

/**
 * The village a roster sheet's name gives, for a roster with one sheet per village and no 村
 * column: "白云村", "白云村花名册" → 白云村; names that say nothing ("Sheet2", "第3页") → ''.
 */
export function villageOfSheet(name: string): string {
  const t = name
    .replace(/\s+/g, '')
    .replace(/^\d{4}年?/, '')
    .replace(/(农村)?(最低生活保障|低保)?(对象)?(花名册|名册|名单)$/, '');
  return GENERIC_SHEET.test(t) ? '' : t;
}

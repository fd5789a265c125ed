/**
 * Findings → the rows of the 问题 list: grouped under their worksheet row ("第6行 杨秀英 · 白云村"),
 * filtered by severity, rule family and village, searched by name, ID, rule id or message.
 * Pure and fast: the text of each finding is rendered once per result and language, so
 * typing in the search box at 10,000 findings only scans prepared strings.
 */
import { formatFinding, RULE_INFO, type Lang } from '../../domain/messages';
import type { CheckResult, Finding, RuleFamily, Severity } from '../../domain/types';

export interface PreparedFinding {
  finding: Finding;
  /** Position in result.findings (stable key, and what 选择 reports back). */
  index: number;
  text: string;
  family: RuleFamily;
  village: string;
  name: string;
  /** Lower-cased name, ID, rule id and message, for the search box. */
  haystack: string;
}

export interface FindingFilter {
  severity?: Severity;
  family?: RuleFamily;
  village?: string;
  query: string;
}

export const NO_FILTER: FindingFilter = { query: '' };

export interface GroupItem {
  kind: 'group';
  key: string;
  sheet: string;
  row: number;
  name: string;
  village: string;
  /** Whether the row is on another sheet than the roster (member sheet, a list). */
  otherSheet: boolean;
}

export interface FindingItem {
  kind: 'finding';
  key: string;
  item: PreparedFinding;
  /** The group the finding belongs to, so screen readers hear the row with the message. */
  group: GroupItem;
}

export type ListItem = GroupItem | FindingItem;

export function prepareFindings(result: CheckResult, lang: Lang): PreparedFinding[] {
  return result.findings.map((finding, index) => {
    const hh = finding.household !== undefined ? result.households[finding.household] : undefined;
    const text = formatFinding(finding, lang);
    const name = hh?.headName ?? '';
    const village = hh?.village ?? '';
    const haystack = [name, hh?.idNumber ?? '', finding.rule, text, village].join('\u0001').toLowerCase();
    return { finding, index, text, family: RULE_INFO[finding.rule].family, village, name, haystack };
  });
}

export function matches(p: PreparedFinding, filter: FindingFilter): boolean {
  if (filter.severity && p.finding.severity !== filter.severity) return false;
  if (filter.family && p.family !== filter.family) return false;
  if (filter.village !== undefined && p.village !== filter.village) return false;
  const q = filter.query.trim().toLowerCase();
  return q === '' || p.haystack.includes(q);
}

/**
 * The flat list the virtual list renders: a group row per worksheet row, then its findings.
 * Roster rows come first in row order, then other sheets; within a row, errors first.
 */
export function listItems(prepared: PreparedFinding[], filter: FindingFilter, rosterSheet: string): ListItem[] {
  const kept = prepared.filter((p) => matches(p, filter));
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  kept.sort((a, b) => {
    const fa = a.finding;
    const fb = b.finding;
    const sa = fa.sheet === rosterSheet ? '' : fa.sheet;
    const sb = fb.sheet === rosterSheet ? '' : fb.sheet;
    if (sa !== sb) return sa < sb ? -1 : 1;
    if (fa.row !== fb.row) return fa.row - fb.row;
    if (fa.severity !== fb.severity) return rank[fa.severity] - rank[fb.severity];
    return a.index - b.index;
  });
  const items: ListItem[] = [];
  let group: GroupItem | undefined;
  for (const p of kept) {
    const f = p.finding;
    if (!group || group.sheet !== f.sheet || group.row !== f.row) {
      group = {
        kind: 'group',
        key: `g:${f.sheet}:${f.row}`,
        sheet: f.sheet,
        row: f.row,
        name: p.name,
        village: p.village,
        otherSheet: f.sheet !== rosterSheet,
      };
      items.push(group);
    }
    items.push({ kind: 'finding', key: `f:${p.index}`, item: p, group });
  }
  return items;
}

export function countFindings(items: ListItem[]): number {
  let n = 0;
  for (const it of items) if (it.kind === 'finding') n++;
  return n;
}

/** Villages in the order the summary lists them, for the 村 filter. */
export function villagesOf(result: CheckResult): string[] {
  const names = result.summary.villages.map((v) => v.village);
  return [...new Set(names)];
}

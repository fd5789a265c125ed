/**
 * Findings → the rows of the 问题 list: grouped under their worksheet row ("第6行 杨秀英 · 白云村"),
 * filtered by severity, rule family and village, searched by name, ID, rule id or message.
 *
 * The per-finding work (each message's text in the clerk's language, the list order, the filter
 * keys) is done once per result and language by findingsView() — on the web page inside its
 * worker, which sends the view with the result — so the page's thread never formats or sorts the
 * findings. A view is flat arrays in list order; filtering is one pass over them (typed keys, and
 * the search box scans prepared lower-case strings), and the list is positions, not objects.
 */
import { FAMILY_LABELS, formatFinding, RULE_INFO, type Lang } from '../../domain/messages';
import type { CheckResult, RuleFamily, Severity } from '../../domain/types';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
export const FAMILIES = Object.keys(FAMILY_LABELS) as RuleFamily[];

export interface FindingsView {
  lang: Lang;
  /** Position in result.findings of each row of the list (list order: see findingsView). */
  finding: Int32Array;
  /** The message in `lang`. */
  text: string[];
  /** Lower-cased name, ID, rule id, message and village, for the search box. */
  haystack: string[];
  /** Index into SEVERITIES. */
  severity: Uint8Array;
  /** Index into FAMILIES. */
  family: Uint8Array;
  /** Index into `villageKeys` ('' for a finding of no household). */
  village: Int32Array;
  villageKeys: string[];
  /** The villages the 村 filter offers, in the summary's order. */
  villages: string[];
  /** The worksheet row each finding is listed under (index into the group arrays). */
  group: Int32Array;
  groupRow: Int32Array;
  /** '' for the roster sheet (and its rows first), else the other sheet's name. */
  groupSheet: string[];
  groupName: string[];
  groupVillage: string[];
  counts: Record<Severity, number>;
}

export interface FindingFilter {
  severity?: Severity;
  family?: RuleFamily;
  village?: string;
  query: string;
}

export const NO_FILTER: FindingFilter = { query: '' };

/**
 * A row of the list: a finding's position in the view (≥ 0), or a group header `~g` (< 0) — plain
 * numbers, so the list at 100,000 findings is one number array, not 100,000 objects.
 */
export type ListItem = number;

export const isGroup = (it: ListItem) => it < 0;
export const groupOf = (it: ListItem) => ~it;

/**
 * Roster rows come first in row order, then other sheets (by name); within a row, errors first,
 * then the engine's order.
 */
export function findingsView(result: CheckResult, lang: Lang): FindingsView {
  const rosterSheet = result.roster.sheet;
  const findings = result.findings;
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  const sheetOf = (i: number) => (findings[i].sheet === rosterSheet ? '' : findings[i].sheet);
  const order = Array.from(findings, (_, i) => i).sort((a, b) => {
    const fa = findings[a];
    const fb = findings[b];
    const sa = sheetOf(a);
    const sb = sheetOf(b);
    if (sa !== sb) return sa < sb ? -1 : 1;
    if (fa.row !== fb.row) return fa.row - fb.row;
    if (fa.severity !== fb.severity) return rank[fa.severity] - rank[fb.severity];
    return a - b;
  });

  const n = order.length;
  const villages = [...new Set(result.summary.villages.map((v) => v.village))];
  const villageKeys = [...villages];
  const villageCode = new Map(villages.map((v, i) => [v, i]));
  const view: FindingsView = {
    lang,
    finding: Int32Array.from(order),
    text: new Array<string>(n),
    haystack: new Array<string>(n),
    severity: new Uint8Array(n),
    family: new Uint8Array(n),
    village: new Int32Array(n),
    villageKeys,
    villages,
    group: new Int32Array(n),
    groupRow: new Int32Array(0),
    groupSheet: [],
    groupName: [],
    groupVillage: [],
    counts: { error: 0, warning: 0, info: 0 },
  };
  const rows: number[] = [];
  for (let p = 0; p < n; p++) {
    const f = findings[order[p]];
    const hh = f.household !== undefined ? result.households[f.household] : undefined;
    const text = formatFinding(f, lang);
    const name = hh?.headName ?? '';
    const village = hh?.village ?? '';
    let code = villageCode.get(village);
    if (code === undefined) {
      code = villageKeys.push(village) - 1;
      villageCode.set(village, code);
    }
    view.text[p] = text;
    view.haystack[p] = [name, hh?.idNumber ?? '', f.rule, text, village].join('\u0001').toLowerCase();
    view.severity[p] = SEVERITIES.indexOf(f.severity);
    view.family[p] = FAMILIES.indexOf(RULE_INFO[f.rule].family);
    view.village[p] = code;
    view.counts[f.severity]++;
    const sheet = sheetOf(order[p]);
    const last = rows.length - 1;
    if (last < 0 || view.groupSheet[last] !== sheet || rows[last] !== f.row) {
      rows.push(f.row);
      view.groupSheet.push(sheet);
      view.groupName.push(name);
      view.groupVillage.push(village);
    }
    view.group[p] = rows.length - 1;
  }
  view.groupRow = Int32Array.from(rows);
  return view;
}

/**
 * The rows the virtual list shows for a filter: a group header before the first kept finding of
 * each worksheet row, then its kept findings, in the view's order. One pass over typed arrays;
 * only a search scans strings.
 */
export function listItems(view: FindingsView, filter: FindingFilter): ListItem[] {
  const severity = filter.severity ? SEVERITIES.indexOf(filter.severity) : -1;
  const family = filter.family ? FAMILIES.indexOf(filter.family) : -1;
  const village = filter.village === undefined ? -1 : villageCode(view, filter.village);
  const q = filter.query.trim().toLowerCase();
  const items: ListItem[] = [];
  let lastGroup = -1;
  for (let p = 0; p < view.finding.length; p++) {
    if (severity >= 0 && view.severity[p] !== severity) continue;
    if (family >= 0 && view.family[p] !== family) continue;
    if (village !== -1 && view.village[p] !== village) continue;
    if (q !== '' && !view.haystack[p].includes(q)) continue;
    const g = view.group[p];
    if (g !== lastGroup) {
      items.push(~g);
      lastGroup = g;
    }
    items.push(p);
  }
  return items;
}

/** A village's code in the view; -2 (no finding's code) for a village no finding names. */
function villageCode(view: FindingsView, village: string): number {
  const code = view.villageKeys.indexOf(village);
  return code < 0 ? -2 : code;
}

/**
 * Top of each row of the list (offsets[items.length] the total height): group headers and closed findings have fixed heights, the opened
 * finding (view position `openedAt`) its own. One tight loop: at 100,000 findings it runs on every
 * filter change.
 */
export function listOffsets(
  items: readonly ListItem[],
  heights: { group: number; finding: number },
  openedAt: number,
  openedHeight: number,
): Float64Array {
  const offsets = new Float64Array(items.length + 1);
  let y = 0;
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    y += it < 0 ? heights.group : it === openedAt ? openedHeight : heights.finding;
    offsets[i + 1] = y;
  }
  return offsets;
}

export function countFindings(items: readonly ListItem[]): number {
  let n = 0;
  for (const it of items) if (it >= 0) n++;
  return n;
}

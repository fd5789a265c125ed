import {
  countFindings,
  findingsView,
  groupOf,
  isGroup,
  listItems,
  NO_FILTER,
  type FindingsView,
  type ListItem,
} from '../../src/taskpane/model/findingRows';
import { smallResult } from './fixture';

const groupsOf = (view: FindingsView, items: ListItem[]) => items.filter(isGroup).map(groupOf);
const findingsOf = (view: FindingsView, items: ListItem[]) =>
  items.filter((it) => !isGroup(it)).map((p) => view.finding[p]);

describe('findings list rows', () => {
  const result = smallResult();
  const view = findingsView(result, 'zh');

  it('puts each worksheet row once, above its findings, in row order, errors first', () => {
    const items = listItems(view, NO_FILTER);
    const groups = groupsOf(view, items);
    expect(groups.map((g) => view.groupRow[g])).toEqual(
      [...new Set(result.findings.map((f) => f.row))].sort((a, b) => a - b),
    );
    expect(countFindings(items)).toBe(result.findings.length);
    expect(new Set(findingsOf(view, items)).size).toBe(result.findings.length);
    const first = groupOf(items[0]);
    expect(`${view.groupName[first]} · ${view.groupVillage[first]}`).toBe('龙春梅 · 白云村');
    // Each finding sits under its own row's header; within a row, errors come before warnings.
    let row = 0;
    let lastRank = 0;
    const rank = { error: 0, warning: 1, info: 2 };
    for (const it of items) {
      if (isGroup(it)) {
        row = view.groupRow[groupOf(it)];
        lastRank = 0;
        continue;
      }
      const f = result.findings[view.finding[it]];
      expect(f.row).toBe(row);
      expect(rank[f.severity]).toBeGreaterThanOrEqual(lastRank);
      lastRank = rank[f.severity];
    }
    expect(view.counts.error).toBe(result.findings.filter((f) => f.severity === 'error').length);
  });

  it('narrows by severity, family, village and search (name, rule id, ID number)', () => {
    const errors = listItems(view, { ...NO_FILTER, severity: 'error' });
    expect(findingsOf(view, errors).every((i) => result.findings[i].severity === 'error')).toBe(true);
    expect(countFindings(errors)).toBe(view.counts.error);

    const amt = listItems(view, { ...NO_FILTER, family: 'AMT' });
    expect(findingsOf(view, amt).every((i) => result.findings[i].rule.startsWith('AMT-'))).toBe(true);
    expect(countFindings(amt)).toBe(result.findings.filter((f) => f.rule.startsWith('AMT')).length);

    const qingxi = listItems(view, { ...NO_FILTER, village: '清溪村' });
    expect(groupsOf(view, qingxi).map((g) => view.groupName[g])).toEqual(['刘建国']);
    expect(listItems(view, { ...NO_FILTER, village: '没有的村' })).toEqual([]);

    expect(countFindings(listItems(view, { query: '刘建国' }))).toBe(
      result.findings.filter((f) => f.household === 2).length,
    );
    expect(countFindings(listItems(view, { query: 'doc-01' }))).toBe(1);
    const id = result.households[1].idNumber;
    expect(countFindings(listItems(view, { query: id.slice(-6) }))).toBe(
      result.findings.filter((f) => f.household === 1).length,
    );
  });

  it('renders messages in the chosen language, in the same order', () => {
    const en = findingsView(result, 'en');
    expect(en.lang).toBe('en');
    expect([...en.finding]).toEqual([...view.finding]);
    expect(en.text).not.toEqual(view.text);
    expect(en.text.every((t) => !/[\u4e00-\u9fff]{4}/.test(t) || /[A-Za-z]{3}/.test(t))).toBe(true);
  });
});

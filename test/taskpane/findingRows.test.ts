import { listItems, prepareFindings, NO_FILTER, countFindings } from '../../src/taskpane/model/findingRows';
import { smallResult } from './fixture';

describe('findings list rows', () => {
  const result = smallResult();
  const prepared = prepareFindings(result, 'zh');

  it('puts each worksheet row once, above its findings, in row order', () => {
    const items = listItems(prepared, NO_FILTER, '花名册');
    const groups = items.filter((i) => i.kind === 'group').map((i) => (i.kind === 'group' ? i.row : 0));
    expect(groups).toEqual([...new Set(result.findings.map((f) => f.row))].sort((a, b) => a - b));
    expect(countFindings(items)).toBe(result.findings.length);
    const first = items[0];
    expect(first.kind === 'group' && `${first.name} · ${first.village}`).toBe('龙春梅 · 白云村');
  });

  it('narrows by family, village and search (name, rule id, ID number)', () => {
    const amt = listItems(prepared, { ...NO_FILTER, family: 'AMT' }, '花名册');
    expect(amt.every((i) => i.kind === 'group' || i.item.finding.rule.startsWith('AMT-'))).toBe(true);
    expect(countFindings(amt)).toBe(result.findings.filter((f) => f.rule.startsWith('AMT')).length);

    const qingxi = listItems(prepared, { ...NO_FILTER, village: '清溪村' }, '花名册');
    expect(qingxi.filter((i) => i.kind === 'group').map((i) => (i.kind === 'group' ? i.name : ''))).toEqual(['刘建国']);

    expect(countFindings(listItems(prepared, { query: '刘建国' }, '花名册'))).toBe(
      result.findings.filter((f) => f.household === 2).length,
    );
    expect(countFindings(listItems(prepared, { query: 'doc-01' }, '花名册'))).toBe(1);
    const id = result.households[1].idNumber;
    expect(countFindings(listItems(prepared, { query: id.slice(-6) }, '花名册'))).toBe(
      result.findings.filter((f) => f.household === 1).length,
    );
  });

  it('renders messages in the chosen language', () => {
    const en = prepareFindings(result, 'en');
    expect(en.map((p) => p.text)).not.toEqual(prepared.map((p) => p.text));
  });
});

/** The bundled sample: deterministic, realistic, and a plant for every rule of DOMAIN §4. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_IDS } from '../../src/domain/types';
import { checkDigit } from '../../src/domain/idcard';
import {
  PLANTED,
  SAMPLE_POLICY,
  FIRST_DATA_ROW,
  buildSampleTownship,
  cleanRows,
  expectedAdjustments,
  plantedFindings,
} from '../../examples/make-sample';
import { checkChar, makeId } from '../../examples/sample/idnumber';
import { expectedBenefit } from '../../examples/sample/households';

describe('sample roster', () => {
  const t = buildSampleTownship();

  it('is the same on every run', () => {
    expect(JSON.stringify(buildSampleTownship())).toBe(JSON.stringify(t));
  });

  it('plants every rule of DOMAIN §4 at least once, and leaves clean rows', () => {
    const planted = new Set(PLANTED.map((p) => p.rule));
    expect(RULE_IDS.filter((r) => !planted.has(r))).toEqual([]);
    expect(cleanRows(t).length).toBeGreaterThanOrEqual(10);
    expect(t.households.length).toBeGreaterThanOrEqual(60);
    expect(new Set(t.households.map((h) => h.village)).size).toBeGreaterThanOrEqual(5);
  });

  it('computes check digits as GB 11643 does (agrees with the checker and the standard example)', () => {
    expect(checkChar('11010519491231002')).toBe('X');
    for (const h of t.households) {
      for (const m of h.members) {
        if (m.id.length === 18 && /^\d{17}/.test(m.id))
          expect([m.id, checkChar(m.id)]).toEqual([m.id, checkDigit(m.id.slice(0, 17))]);
      }
    }
    expect(makeId('430529', '1990-05-06', 12, '男')[16]).toMatch(/[13579]/);
    expect(makeId('430529', '1990-05-06', 12, '女')[16]).toMatch(/[02468]/);
  });

  it('gives only planted heads a broken ID', () => {
    const broken = new Set(['ID-01', 'ID-02', 'ID-03', 'ID-08']);
    t.plan.forEach((p) => {
      const id = t.households[p.index].members[0].id;
      const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
      const date = new Date(birth + 'T00:00:00Z');
      const realBirth = !Number.isNaN(date.getTime()) && date.toISOString().startsWith(birth);
      const ok = id.length === 18 && checkChar(id) === id[17] && realBirth;
      if (!broken.has(p.key ?? '')) expect([p.key, ok]).toEqual([p.key, true]);
    });
  });

  it('pays clean households exactly the standard minus income', () => {
    const clean = new Set(cleanRows(t));
    t.plan
      .filter((p) => clean.has(FIRST_DATA_ROW + p.index))
      .forEach((p) => {
        const h = t.households[p.index];
        expect(h.benefit).toBe(expectedBenefit(h.standard, h.monthlyIncome!, h.coveredPersons));
        expect(h.monthlyIncome!).toBeLessThan(h.standard);
      });
  });

  it('ships the policy it was made for', () => {
    const file = JSON.parse(readFileSync(join(__dirname, '../../examples/儒林镇.policy.json'), 'utf8'));
    expect(file).toEqual(SAMPLE_POLICY);
  });

  it('documents every planted problem in examples/README.md', () => {
    const readme = readFileSync(join(__dirname, '../../examples/README.md'), 'utf8');
    const rows = new Map<number, string[]>();
    for (const line of readme.split('\n')) {
      const m = /^\|\s*(\d+)\s*\|[^|]*\|([^|]*)\|/.exec(line);
      if (m) rows.set(Number(m[1]), m[2].trim() === '—' ? [] : m[2].split(',').map((s) => s.trim()));
    }
    const fromPlan = new Map<number, string[]>();
    for (const p of plantedFindings(t)) fromPlan.set(p.row, [...(fromPlan.get(p.row) ?? []), p.rule]);
    for (const p of t.plan)
      if (p.key && !fromPlan.has(FIRST_DATA_ROW + p.index)) fromPlan.set(FIRST_DATA_ROW + p.index, []);
    expect(new Map([...rows].sort((a, b) => a[0] - b[0]))).toEqual(new Map([...fromPlan].sort((a, b) => a[0] - b[0])));
    for (const a of expectedAdjustments(t)) expect(readme).toContain(`| ${a.row} |`);
  });
});

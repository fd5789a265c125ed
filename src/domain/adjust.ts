/**
 * Adjustments (DOMAIN §7): 新增, 停保, 增发, 减发 proposed from the findings. Rows whose errors
 * make the amount unreliable are left to the clerk: they stay in the findings.
 */
import type { Adjustment, Finding, RuleId } from './types';
import type { RuleContext } from './context';
import type { Household } from './household';
import { num } from './household';
import { formatFinding } from './messages';
import { yuan } from './money';

/** Errors that make persons or income unknown: no automatic 增发/减发 while they stand. */
const AMOUNT_UNRELIABLE: ReadonlySet<RuleId> = new Set(['HH-01', 'HH-02', 'AMT-04'] as RuleId[]);

/** The adjustment proposed for one household from its findings, if any. */
export function adjustmentFor(h: Household, ctx: RuleContext, findings: Finding[]): Adjustment | undefined {
  if (!h.active) return undefined;
  const facts = ctx.money(h);
  const before = { persons: num(h.coveredPersons) ?? 0, amount: num(h.benefit) ?? 0 };
  const base = {
    household: h.index,
    sheet: h.sheet,
    row: h.row,
    village: h.village,
    headName: h.headName,
    idNumber: h.idText,
  };
  const errors = findings.filter((f) => f.severity === 'error');
  const reasonOf = (rules: RuleId[]) =>
    findings
      .filter((f) => rules.includes(f.rule))
      .map((f) => formatFinding(f))
      .filter((t, i, all) => all.indexOf(t) === i)
      .join('；');

  const after = facts.afterDeaths;
  const allDeceased = after !== undefined && after.persons === 0;
  const amountReliable = !errors.some((f) => AMOUNT_UNRELIABLE.has(f.rule));
  // The persons left live on the same income: at or above the standard they no longer qualify.
  const incomeReached = after !== undefined && after.reachesStandard && amountReliable;
  const stopRules = errors
    .map((f) => f.rule)
    .filter((r) => r === 'ELIG-02' || r === 'AMT-02' || (r === 'ELIG-01' && (allDeceased || incomeReached)));
  if (stopRules.length > 0) {
    const rules = [...new Set(stopRules)];
    let reason = reasonOf(rules);
    if (incomeReached && !allDeceased && rules.includes('ELIG-01')) {
      reason += `；其余${after.persons}名保障对象月人均收入${yuan(after.income)}元，达到低保标准${yuan(facts.standard)}元`;
    }
    return { ...base, type: '停保', before, after: { persons: 0, amount: 0 }, reason, rules };
  }

  const amountRules = [...new Set(errors.map((f) => f.rule).filter((r) => r === 'AMT-01' || r === 'ELIG-01'))];
  if (amountRules.length > 0 && amountReliable) {
    const next = after
      ? { persons: after.persons, amount: after.amount }
      : { persons: before.persons, amount: facts.expected ?? before.amount };
    if (next.amount !== before.amount || next.persons !== before.persons) {
      const type = next.amount > before.amount ? '增发' : '减发';
      return { ...base, type, before, after: next, reason: reasonOf(amountRules), rules: amountRules };
    }
  }

  if (h.status === 'new' && errors.length === 0) {
    const amount = num(h.benefit) ?? facts.expected ?? 0;
    return {
      ...base,
      type: '新增',
      before: { persons: 0, amount: 0 },
      after: { persons: before.persons, amount },
      reason: '新增对象，审核材料齐全',
      rules: [],
    };
  }
  return undefined;
}

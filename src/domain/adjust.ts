/**
 * Adjustments (DOMAIN §7): 新增, 停保, 增发, 减发 proposed from the findings. Rows whose errors
 * make the amount unreliable are left to the clerk: they stay in the findings.
 */
import type { Adjustment, Finding, FindingRef, RuleId } from './types';
import type { RuleContext } from './context';
import type { Household } from './household';
import { householdRef, num } from './household';
import { yuan } from './money';

/** Errors that make persons or income unknown: no automatic 增发/减发 while they stand. */
const AMOUNT_UNRELIABLE: ReadonlySet<RuleId> = new Set(['HH-01', 'HH-02', 'AMT-04'] as RuleId[]);

/** The adjustment proposed for one household from its findings, if any. */
export function adjustmentFor(h: Household, ctx: RuleContext, findings: Finding[]): Adjustment | undefined {
  if (!h.active) return undefined;
  const facts = ctx.money(h);
  const before = { persons: num(h.coveredPersons) ?? 0, amount: num(h.benefit) ?? 0 };
  const base = householdRef(h);
  const errors = findings.filter((f) => f.severity === 'error');
  // The same fact reported twice (a death on the roster and in a list) is named once.
  const because = (rules: RuleId[]): FindingRef[] => {
    const seen = new Set<string>();
    const refs: FindingRef[] = [];
    for (const f of findings) {
      const key = `${f.rule}\u0000${f.messageId}\u0000${JSON.stringify(f.data)}`;
      if (!rules.includes(f.rule) || seen.has(key)) continue;
      seen.add(key);
      refs.push({ rule: f.rule, messageId: f.messageId, data: f.data });
    }
    return refs;
  };

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
    const rest = incomeReached && !allDeceased && rules.includes('ELIG-01');
    return {
      ...base,
      type: '停保',
      before,
      after: { persons: 0, amount: 0 },
      messageId: rest ? 'findingsRestReach' : 'findings',
      data: rest ? { persons: after.persons, income: yuan(after.income), standard: yuan(facts.standard) } : {},
      because: because(rules),
      rules,
    };
  }

  const amountRules = [...new Set(errors.map((f) => f.rule).filter((r) => r === 'AMT-01' || r === 'ELIG-01'))];
  if (amountRules.length > 0 && amountReliable) {
    const next = after
      ? { persons: after.persons, amount: after.amount }
      : { persons: before.persons, amount: facts.expected ?? before.amount };
    if (next.amount !== before.amount || next.persons !== before.persons) {
      const type = next.amount > before.amount ? '增发' : '减发';
      return {
        ...base,
        type,
        before,
        after: next,
        messageId: 'findings',
        data: {},
        because: because(amountRules),
        rules: amountRules,
      };
    }
  }

  if (h.status === 'new' && errors.length === 0) {
    const amount = num(h.benefit) ?? facts.expected ?? 0;
    return {
      ...base,
      type: '新增',
      before: { persons: 0, amount: 0 },
      after: { persons: before.persons, amount },
      messageId: 'newComplete',
      data: {},
      because: [],
      rules: [],
    };
  }
  return undefined;
}

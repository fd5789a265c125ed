/**
 * Money (DOMAIN §5): 按标施保、足额补差 — pay each covered person the gap between the standard
 * and the household's monthly per-capita income, plus the class supplement.
 */
import type { Policy } from './policy';
import type { Household } from './household';
import { num } from './household';
import { cellString } from './values';

export function roundMoney(x: number, rounding: Policy['rounding']): number {
  // Add a relative epsilon so 0.005 stored as 0.00499999… still rounds up to 0.01.
  const eps = Number.EPSILON * Math.max(1, Math.abs(x)) * 8;
  return rounding === 'yuan' ? Math.round(x + eps) : Math.round((x + eps) * 100) / 100;
}

/** Monthly standard S: the row's 低保标准 when given, else the policy's. */
export function monthlyStandard(h: Household, policy: Policy): number {
  const own = num(h.standard);
  return own !== undefined && own > 0 ? own : policy.monthlyStandardResolved;
}

/** Per-capita monthly income I: 家庭月人均收入, else 家庭年收入 ÷ 12 ÷ 家庭人口. */
export function perCapitaIncome(h: Household): number | undefined {
  const monthly = num(h.monthlyIncome);
  if (monthly !== undefined) return monthly;
  const annual = num(h.annualIncome);
  const size = num(h.householdSize);
  if (annual !== undefined && size !== undefined && size > 0) return annual / 12 / size;
  return undefined;
}

/** Class supplement per covered person per month (分类施保), by the row's 保障类别. */
export function supplementPerPerson(h: Household, policy: Policy): number {
  const cls = cellString(h.cells.category);
  if (!cls) return 0;
  const table = policy.supplements;
  const bare = cls.replace(/类$/, '');
  return table[cls] ?? table[bare] ?? table[bare + '类'] ?? 0;
}

export function expectedBenefit(
  standard: number,
  income: number,
  covered: number,
  supplement: number,
  rounding: Policy['rounding'],
): number {
  return roundMoney(Math.max(0, standard - income) * covered + supplement * covered, rounding);
}

export interface BenefitFacts {
  standard: number;
  income?: number;
  covered?: number;
  size?: number;
  /** Expected benefit with the roster's own persons; undefined when income or persons are unknown. */
  expected?: number;
  /**
   * After deceased covered members are taken out (only when some died). `reachesStandard`: the
   * income re-spread over the persons left is at or above the standard, so the household no
   * longer qualifies (停保, DOMAIN §5).
   */
  afterDeaths?: { persons: number; income: number; amount: number; deceased: number; reachesStandard: boolean };
}

/**
 * The household's money facts. `deceasedCovered` shrinks the household: total income stays,
 * so I' = I × 家庭人口 ÷ (家庭人口 − deceased) and covered persons drop by the deceased.
 */
export function benefitFacts(h: Household, policy: Policy, deceasedCovered: number): BenefitFacts {
  const standard = monthlyStandard(h, policy);
  const income = perCapitaIncome(h);
  const covered = num(h.coveredPersons);
  const size = num(h.householdSize);
  const supplement = supplementPerPerson(h, policy);
  const facts: BenefitFacts = { standard, income, covered, size };
  if (income === undefined || covered === undefined || covered < 0) return facts;
  facts.expected = expectedBenefit(standard, income, covered, supplement, policy.rounding);
  if (deceasedCovered > 0) {
    const persons = Math.max(0, covered - deceasedCovered);
    const remaining = size !== undefined ? size - deceasedCovered : 0;
    const income2 = remaining > 0 && size !== undefined ? (income * size) / remaining : income;
    facts.afterDeaths = {
      persons,
      income: income2,
      amount: persons === 0 ? 0 : expectedBenefit(standard, income2, persons, supplement, policy.rounding),
      deceased: deceasedCovered,
      reachesStandard: persons > 0 && income2 >= standard,
    };
  }
  return facts;
}

/** A yuan amount as messages show it: whole amounts without decimals ("300"), others to the fen ("252.17"). */
export function yuan(x: number): string {
  const r = Math.round(x * 100) / 100;
  return Number.isInteger(r) ? String(r) : r.toFixed(2);
}

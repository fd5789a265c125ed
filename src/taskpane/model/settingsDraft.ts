/**
 * The settings form's own state: text as typed, so that half-typed numbers ("30.", "") do not
 * jump around. Converted to and from the saved settings at the edges.
 */
import { parsePolicy, type Policy, type PolicyInput } from '../../domain/policy';

export interface SettingsDraft {
  county: string;
  township: string;
  /** Blank = the policy's default standard. */
  standardValue: string;
  standardUnit: 'year' | 'month';
  /** YYYY-MM-DD; blank = today. */
  asOf: string;
  tolerance: string;
}

/** Fields whose text is not a usable number. */
export function draftProblems(d: SettingsDraft): Partial<Record<'standardValue' | 'tolerance', true>> {
  const bad = (t: string, optional: boolean) => {
    const v = t.trim();
    if (v === '') return !optional;
    const n = Number(v);
    return !Number.isFinite(n) || n < 0;
  };
  const out: Partial<Record<'standardValue' | 'tolerance', true>> = {};
  if (bad(d.standardValue, true)) out.standardValue = true;
  if (bad(d.tolerance, false)) out.tolerance = true;
  return out;
}

/** A draft that cannot become a policy; zh/en for the message bar. */
export class DraftError extends Error {
  constructor(
    public readonly zh: string,
    public readonly en: string,
  ) {
    super(`${zh}（${en}）`);
    this.name = 'DraftError';
  }
}

/** The draft as policy input (blank fields take the policy's defaults). Throws DraftError. */
export function draftToPolicyInput(d: SettingsDraft): PolicyInput {
  const problems = draftProblems(d);
  if (problems.standardValue) throw new DraftError('低保标准应为数字', 'the dibao standard must be a number');
  if (problems.tolerance) throw new DraftError('误差应为数字', 'the tolerance must be a number');
  const input: PolicyInput = { tolerance: Number(d.tolerance) };
  if (d.county.trim()) input.county = d.county.trim();
  if (d.township.trim()) input.township = d.township.trim();
  if (d.asOf.trim()) input.asOf = d.asOf.trim();
  if (d.standardValue.trim()) {
    const v = Number(d.standardValue);
    if (d.standardUnit === 'year') input.annualStandard = v;
    else input.monthlyStandard = v;
  }
  return input;
}

export function draftToPolicy(d: SettingsDraft): Policy {
  return parsePolicy(draftToPolicyInput(d));
}

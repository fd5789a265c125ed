/**
 * The shape of a rule (after ESLint's rules): metadata plus a check that reports a message id and
 * the observed values. Text lives in the catalogue (catalogue.ts), never in the rule.
 */
import type { RosterField } from '../fields';
import type { Household } from '../household';
import type { RuleContext } from '../context';
import type { MessageData, RuleId, Severity } from '../types';

/** A field, '@members' (the member sheet), '@list:KIND', or '@policy:KEY'; an array means any one of them. */
export type Need = string | readonly string[];

export interface ReportOptions {
  /** The column at fault; omitted → the head-name cell. */
  field?: RosterField;
  /** Overrides the rule's severity (e.g. HH-02 exception with several persons is a warning). */
  severity?: Severity;
  /** Where the fact was found when not on this row (member sheet row, list, other file). */
  source?: string;
}

export type Report = (messageId: string, data?: MessageData, opts?: ReportOptions) => void;

export interface Rule {
  id: RuleId;
  severity: Severity;
  needs: readonly Need[];
  /** Message ids this rule reports (each must exist in both catalogues). */
  messages: readonly string[];
  check(h: Household, ctx: RuleContext, report: Report): void;
}

/** The needs that are not met, as names for the "skipped" report; [] when the rule can run. */
export function unmetNeeds(rule: Rule, available: Set<string>): string[] {
  const missing: string[] = [];
  for (const need of rule.needs) {
    const options = typeof need === 'string' ? [need] : need;
    if (!options.some((o) => available.has(o))) missing.push(options.join(' / '));
  }
  return missing;
}

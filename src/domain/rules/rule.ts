/**
 * The shape of a rule (after ESLint's rules): it describes itself — id, family, severity, title,
 * what it needs and its messages in Chinese and English — and its check reports a message id with
 * the observed values. RULE_IDS, RULE_INFO, the catalogue and docs/RULES.md are derived from it.
 */
import type { RosterField } from '../fields';
import type { Household } from '../household';
import type { RuleContext } from '../context';
import type { Bilingual, MessageData, RuleFamily, Severity, Terms } from './meta';

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

export type Report<M extends string = string> = (messageId: M, data?: MessageData, opts?: ReportOptions) => void;

export interface Rule<Id extends string = string, M extends string = string> {
  id: Id;
  family: RuleFamily;
  severity: Severity;
  /** The rule's short name, as the pane's statistics and the generated sheets show it. */
  title: Bilingual;
  needs: readonly Need[];
  /** Every message the rule reports, keyed by message id; {name} is replaced by the finding's data. */
  messages: Readonly<Record<M, Bilingual>>;
  /** Words for the codes this rule puts into its data, besides the shared ones (meta.ts). */
  terms?: Terms;
  check(h: Household, ctx: RuleContext, report: Report<M>): void;
}

/** A rule, with its id kept as a literal type (RuleId is the union of them) and its reports typed. */
export function defineRule<const Id extends string, M extends string>(rule: Rule<Id, M>): Rule<Id, M> {
  return rule;
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

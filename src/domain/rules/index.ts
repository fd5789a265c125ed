/**
 * Every rule of DOMAIN §4, in report order. The rule ids, their titles and the message catalogue
 * are derived from this list (types.ts, messages.ts, catalogue.ts), and so is docs/RULES.md.
 */
import { IDENTITY_RULES } from './identity';
import { HOUSEHOLD_RULES } from './household';
import { AMOUNT_RULES } from './amount';
import { ELIGIBILITY_RULES } from './eligibility';
import { DOCUMENT_RULES } from './documents';
import { PROCEDURE_RULES } from './procedure';
import { REVIEW_RULES } from './review';

export const RULES = [
  ...IDENTITY_RULES,
  ...HOUSEHOLD_RULES,
  ...AMOUNT_RULES,
  ...ELIGIBILITY_RULES,
  ...DOCUMENT_RULES,
  ...PROCEDURE_RULES,
  ...REVIEW_RULES,
] as const;

export type RuleId = (typeof RULES)[number]['id'];

export const RULE_IDS: readonly RuleId[] = RULES.map((r) => r.id);

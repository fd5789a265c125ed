/** Every rule of DOMAIN §4, in report order. */
import type { Rule } from './rule';
import { IDENTITY_RULES } from './identity';
import { HOUSEHOLD_RULES } from './household';
import { AMOUNT_RULES } from './amount';
import { ELIGIBILITY_RULES } from './eligibility';
import { DOCUMENT_RULES } from './documents';
import { PROCEDURE_RULES } from './procedure';
import { REVIEW_RULES } from './review';

export const RULES: readonly Rule[] = [
  ...IDENTITY_RULES,
  ...HOUSEHOLD_RULES,
  ...AMOUNT_RULES,
  ...ELIGIBILITY_RULES,
  ...DOCUMENT_RULES,
  ...PROCEDURE_RULES,
  ...REVIEW_RULES,
];

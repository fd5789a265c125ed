/**
 * The words a rule describes itself with (after ESLint's rule `meta`). A leaf: every layer may
 * import it, and the rule modules, which types.ts derives RuleId from, import nothing above it.
 */
export type Severity = 'error' | 'warning' | 'info';

/** Rule families (UX: 类别): 身份 家庭 金额 资格 材料 程序 复核. */
export type RuleFamily = 'ID' | 'HH' | 'AMT' | 'ELIG' | 'DOC' | 'PROC' | 'REV';

/** A message's observed values: codes, numbers, names and places as written, never words of ours. */
export type MessageData = Record<string, string | number>;

/** Text in the clerk's language and in English. */
export interface Bilingual {
  zh: string;
  en: string;
}

export const FAMILY_LABELS: Record<RuleFamily, Bilingual> = {
  ID: { zh: '身份', en: 'Identity' },
  HH: { zh: '家庭', en: 'Household' },
  AMT: { zh: '金额', en: 'Amount' },
  ELIG: { zh: '资格', en: 'Eligibility' },
  DOC: { zh: '材料', en: 'Documents' },
  PROC: { zh: '程序', en: 'Procedure' },
  REV: { zh: '复核', en: 'Review' },
};

export const SEVERITY_LABELS: Record<Severity, Bilingual> = {
  error: { zh: '错误', en: 'Error' },
  warning: { zh: '提醒', en: 'Warning' },
  info: { zh: '提示', en: 'Info' },
};

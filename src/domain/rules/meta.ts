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

/** Words for the codes a rule puts into its data: data key → code → text ({name}: another data value). */
export type Terms = Readonly<Record<string, Readonly<Record<string, Bilingual>>>>;

/** Codes every rule may use: the person, a role, a sex, and another row of the roster. */
export const SHARED_TERMS: Terms = {
  who: {
    head: { zh: '户主', en: 'Head of household' },
    member: { zh: '成员{person}', en: 'Member {person}' },
  },
  role: {
    head: { zh: '户主', en: 'head' },
    member: { zh: '成员', en: 'member' },
  },
  idSex: {
    male: { zh: '男', en: 'male' },
    female: { zh: '女', en: 'female' },
  },
  place: {
    row: { zh: '第{row}行', en: 'row {row}' },
    sheetRow: { zh: '工作表“{placeSheet}”第{row}行', en: 'sheet "{placeSheet}" row {row}' },
  },
};

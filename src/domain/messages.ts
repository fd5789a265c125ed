/**
 * The message catalogues: rules report a message id and observed values; this renders the text.
 * Chinese is the clerk's language; English sits beside it for the English UI and reports.
 */
import type { Finding, MessageData, RuleFamily, RuleId, Severity } from './types';
import { ZH_MESSAGES, EN_MESSAGES } from './catalogue';

export type Lang = 'zh' | 'en';

export interface RuleInfo {
  id: RuleId;
  family: RuleFamily;
  severity: Severity;
  title: { zh: string; en: string };
}

const T = (id: RuleId, severity: Severity, zh: string, en: string): RuleInfo => ({
  id,
  family: id.split('-')[0] as RuleFamily,
  severity,
  title: { zh, en },
});

/** Every rule of DOMAIN §4 with its default severity and title. */
export const RULE_INFO: Record<RuleId, RuleInfo> = Object.fromEntries(
  [
    T('ID-01', 'error', '身份证号格式', 'ID number format'),
    T('ID-02', 'error', '身份证校验码', 'ID check digit'),
    T('ID-03', 'error', '出生日期', 'Birth date in ID'),
    T('ID-04', 'error', '身份证精度丢失', 'ID stored as a number'),
    T('ID-05', 'warning', '性别不符', 'Sex does not match ID'),
    T('ID-06', 'error', '身份证重复', 'Duplicate ID'),
    T('ID-07', 'info', '行政区划', 'Area code'),
    T('ID-08', 'info', '15位旧号', 'Old 15-digit ID'),
    T('HH-01', 'error', '人数关系', 'Person counts'),
    T('HH-02', 'error', '不按家庭施保', 'Not covered as a household'),
    T('HH-03', 'error', '拆户保', 'Split household'),
    T('HH-04', 'warning', '未成年户主', 'Minor head of household'),
    T('HH-05', 'error', '户主记录', 'Head record in member sheet'),
    T('HH-06', 'warning', '成员数不符', 'Member count'),
    T('AMT-01', 'error', '不按标施保', 'Benefit not standard minus income'),
    T('AMT-02', 'error', '收入超标', 'Income above standard'),
    T('AMT-03', 'error', '保障金缺失', 'Benefit missing'),
    T('AMT-04', 'error', '未计算收入', 'Income not assessed'),
    T('AMT-05', 'error', '停保仍发放', 'Paid after stop'),
    T('ELIG-01', 'error', '死亡保', 'Deceased still covered'),
    T('ELIG-02', 'error', '四类人员', 'Four excluded kinds'),
    T('ELIG-03', 'warning', '近亲属未备案', 'Cadre relative not filed'),
    T('ELIG-04', 'warning', '兜底未建档立卡', 'Safety-net not in poverty register'),
    T('DOC-01', 'error', '入户调查', 'Home-visit form'),
    T('DOC-02', 'error', '授权委托书', 'Authorization letter'),
    T('DOC-03', 'error', '身份证复印件', 'ID copies'),
    T('DOC-04', 'error', '申报表', 'Income declaration'),
    T('DOC-05', 'error', '病残证明', 'Illness/disability proof'),
    T('DOC-06', 'warning', '申请书', 'Application'),
    T('PROC-01', 'error', '民主评议', 'Democratic review'),
    T('PROC-02', 'error', '公示', 'Public posting'),
    T('PROC-03', 'error', '新增未核对', 'New household not verified'),
    T('PROC-04', 'error', '新增未入户复核', 'New household not re-visited'),
    T('REV-01', 'warning', '复核逾期', 'Review overdue'),
  ].map((r) => [r.id, r]),
) as Record<RuleId, RuleInfo>;

export const FAMILY_LABELS: Record<RuleFamily, { zh: string; en: string }> = {
  ID: { zh: '身份', en: 'Identity' },
  HH: { zh: '家庭', en: 'Household' },
  AMT: { zh: '金额', en: 'Amount' },
  ELIG: { zh: '资格', en: 'Eligibility' },
  DOC: { zh: '材料', en: 'Documents' },
  PROC: { zh: '程序', en: 'Procedure' },
  REV: { zh: '复核', en: 'Review' },
};

export const SEVERITY_LABELS: Record<Severity, { zh: string; en: string }> = {
  error: { zh: '错误', en: 'Error' },
  warning: { zh: '提醒', en: 'Warning' },
  info: { zh: '提示', en: 'Info' },
};

function fill(template: string, data: MessageData): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (data[k] === undefined ? `{${k}}` : String(data[k])));
}

/** Render a message id with its data; unknown ids fall back to the rule title (never throw). */
export function renderMessage(rule: RuleId, messageId: string, data: MessageData, lang: Lang = 'zh'): string {
  const cat = lang === 'zh' ? ZH_MESSAGES : EN_MESSAGES;
  const t = cat[`${rule}.${messageId}`];
  return t ? fill(t, data) : RULE_INFO[rule].title[lang];
}

export function formatFinding(f: Finding, lang: Lang = 'zh'): string {
  return renderMessage(f.rule, f.messageId, f.data, lang);
}

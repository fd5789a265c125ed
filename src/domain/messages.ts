/**
 * The message catalogues: rules report a message id and observed values; this renders the text.
 * Chinese is the clerk's language; English sits beside it for the English UI and reports.
 */
import type {
  Adjustment,
  AdjustmentType,
  Finding,
  MessageData,
  RuleFamily,
  RuleId,
  SampleReason,
  Severity,
} from './types';
import { ZH_MESSAGES, EN_MESSAGES } from './catalogue';
import { RULES } from './rules';
import { SHARED_TERMS, type Terms } from './rules/meta';

export type Lang = 'zh' | 'en';

export interface RuleInfo {
  id: RuleId;
  family: RuleFamily;
  severity: Severity;
  title: { zh: string; en: string };
}

/** Every rule of DOMAIN §4 with its default severity and title, as the rules declare them. */
export const RULE_INFO = Object.fromEntries(
  RULES.map((r) => [r.id, { id: r.id, family: r.family, severity: r.severity, title: r.title }]),
) as Record<RuleId, RuleInfo>;

export { FAMILY_LABELS, SEVERITY_LABELS } from './rules/meta';

const TERMS = Object.fromEntries(RULES.map((r) => [r.id, r.terms ?? {}])) as Record<RuleId, Terms>;

function fill(template: string, data: MessageData): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (data[k] === undefined ? `{${k}}` : String(data[k])));
}

function wordsFor(terms: Terms, key: string, v: string | number) {
  const codes = Object.hasOwn(terms, key) ? terms[key] : undefined;
  return codes && Object.hasOwn(codes, v) ? codes[v] : undefined;
}

/** The text of a data value: a code the rule (or every rule) has words for, or the value as seen. */
function term(rule: RuleId, key: string, data: MessageData, lang: Lang): string | undefined {
  const v = data[key];
  if (v === undefined) return undefined;
  // Own properties only: a cell may hold "__proto__" or "constructor".
  const words = wordsFor(TERMS[rule], key, v) ?? wordsFor(SHARED_TERMS, key, v);
  return words ? fill(words[lang], data) : String(v);
}

/** Render a message id with its data; unknown ids fall back to the rule title (never throw). */
export function renderMessage(rule: RuleId, messageId: string, data: MessageData, lang: Lang = 'zh'): string {
  const cat = lang === 'zh' ? ZH_MESSAGES : EN_MESSAGES;
  const t = cat[`${rule}.${messageId}`];
  if (!t) return RULE_INFO[rule].title[lang];
  return t.replace(/\{(\w+)\}/g, (whole, k: string) => term(rule, k, data, lang) ?? whole);
}

export function formatFinding(f: Finding, lang: Lang = 'zh'): string {
  return renderMessage(f.rule, f.messageId, f.data, lang);
}

/** The adjustment kinds in words; the report and the sheets write the Chinese code itself. */
export const ADJUSTMENT_LABELS: Record<AdjustmentType, { zh: string; en: string }> = {
  新增: { zh: '新增', en: 'new' },
  停保: { zh: '停保', en: 'stop' },
  增发: { zh: '增发', en: 'raise' },
  减发: { zh: '减发', en: 'lower' },
};

/** Why a household is in the sampling list (抽查名单). */
export const SAMPLE_REASONS: Record<SampleReason, { zh: string; en: string }> = {
  wholeVillage: { zh: '全村抽查', en: 'whole village' },
  new: { zh: '新增对象', en: 'new household' },
  random: { zh: '随机抽取', en: 'random draw' },
};

const REST_REACH = {
  zh: '其余{persons}名保障对象月人均收入{income}元，达到低保标准{standard}元',
  en: 'the {persons} persons left have a monthly income of {income} per person, at or above the standard {standard}',
};

/** An adjustment's reason in words: the findings behind it, and what the code adds. */
export function adjustmentReason(a: Pick<Adjustment, 'messageId' | 'data' | 'because'>, lang: Lang = 'zh'): string {
  if (a.messageId === 'newComplete') return lang === 'zh' ? '新增对象，审核材料齐全' : 'New household, papers complete';
  const parts = a.because.map((f) => renderMessage(f.rule, f.messageId, f.data, lang));
  if (a.messageId === 'findingsRestReach') parts.push(fill(REST_REACH[lang], a.data));
  return parts.filter((t, i, all) => all.indexOf(t) === i).join(lang === 'zh' ? '；' : '; ');
}

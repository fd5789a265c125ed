/**
 * The message catalogues: rules report a message id and observed values; this renders the text.
 * Chinese is the clerk's language; English sits beside it for the English UI and reports.
 */
import type { Finding, MessageData, RuleFamily, RuleId, Severity } from './types';
import { ZH_MESSAGES, EN_MESSAGES } from './catalogue';
import { RULES } from './rules';

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

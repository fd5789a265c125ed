/**
 * The message catalogues, keyed "RULE.messageId", derived from the rules' own messages
 * (src/domain/rules/): {name} is replaced by the finding's data.
 */
import { RULES } from './rules';
import type { Bilingual } from './rules/meta';

function catalogue(lang: keyof Bilingual): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of RULES) {
    for (const [id, text] of Object.entries<Bilingual>(rule.messages)) out[`${rule.id}.${id}`] = text[lang];
  }
  return out;
}

export const ZH_MESSAGES: Record<string, string> = catalogue('zh');
export const EN_MESSAGES: Record<string, string> = catalogue('en');

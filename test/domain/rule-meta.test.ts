/**
 * Rules describe themselves (src/domain/rules/): what the pane, the sheets, the report and
 * docs/RULES.md show about a rule comes from its own declaration, so the declaration must be whole.
 */
import { RULES, RULE_IDS } from '../../src/domain/rules';
import { RULE_INFO, renderMessage } from '../../src/domain/messages';
import type { Bilingual } from '../../src/domain/rules/meta';

const placeholders = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('rule ids are unique, in report order, and name their family', () => {
  expect(new Set(RULE_IDS).size).toBe(RULES.length);
  expect(RULE_IDS).toEqual(RULES.map((r) => r.id));
  for (const r of RULES) expect(r.id).toMatch(new RegExp(`^${r.family}-\\d{2}$`));
});

test.each(RULES.map((r) => [r.id, r] as const))('%s has a title and messages in Chinese and English', (_id, rule) => {
  expect(rule.title.zh).toMatch(/\p{Script=Han}/u);
  expect(rule.title.en).toMatch(/^[\x20-\x7e–]+$/);
  const messages = Object.entries<Bilingual>(rule.messages);
  expect(messages.length).toBeGreaterThan(0);
  for (const [id, text] of messages) {
    expect([id, text.zh.length > 0, text.en.length > 0]).toEqual([id, true, true]);
    // The English text names the same values as the Chinese (ID-06 and HH-03 name the place in English).
    const en = placeholders(text.en).map((p) => p.replace(/En$/, ''));
    expect([id, en]).toEqual([id, placeholders(text.zh)]);
  }
});

test('the pane and the sheets read a rule as it declares itself', () => {
  const hh02 = RULES.find((r) => r.id === 'HH-02')!;
  expect(RULE_INFO['HH-02']).toEqual({ id: 'HH-02', family: 'HH', severity: 'error', title: hh02.title });
  expect(renderMessage('HH-06', 'count', { members: 3, size: 4, sheet: '家庭成员' }, 'en')).toBe(
    '3 members in "家庭成员" but household size 4',
  );
});

/**
 * docs/RULES.md is generated from the rules (npm run docs): a rule changed without regenerating it
 * fails here, and so in CI.
 */
import { readFileSync } from 'node:fs';
import { RULES } from '../../src/domain/rules';
import { RULES_DOC, rulesMarkdown } from '../../scripts/rules-doc';

test('docs/RULES.md is what `npm run docs` writes from the rules', () => {
  const committed = readFileSync(RULES_DOC, 'utf8');
  if (committed !== rulesMarkdown()) {
    throw new Error('docs/RULES.md is stale: run `npm run docs` and commit it');
  }
});

test('every table row of docs/RULES.md has its six cells (a "|" in a message is escaped)', () => {
  const rows = readFileSync(RULES_DOC, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| Rule '));
  expect(rows.length).toBeGreaterThan(RULES.length);
  for (const row of rows) expect([row, row.split(/(?<!\\)\|/).length - 2]).toEqual([row, 6]);
});

/**
 * Findings and adjustments carry codes and the values seen, never our words (issue 14): the
 * English pane once showed "户主: ID number missing". On the sample, which plants one problem per
 * rule, every Chinese text in a finding's data is something the workbook holds (a name, a cell, a
 * sheet), and the English text of every finding holds no Chinese word of ours.
 */
import { checkFile } from '../../src/cli/check-file';
import { parsePolicy } from '../../src/domain/policy';
import { adjustmentReason, formatFinding } from '../../src/domain/messages';
import { RULES } from '../../src/domain/rules';
import { SHARED_TERMS, type Terms } from '../../src/domain/rules/meta';
import { SAMPLE_POLICY } from '../../examples/make-sample';
import { tempDir, writeSampleFiles } from './helpers';

const HAN = /\p{Script=Han}/u;

/** Our own words for codes ("户主", "男", "空白", "机动车辆" …): they belong in the text, not in data. */
const OUR_WORDS = new Set(
  [SHARED_TERMS, ...RULES.map((r) => r.terms ?? ({} as Terms))].flatMap((terms) =>
    Object.values(terms).flatMap((codes) => Object.values(codes).map((w) => w.zh)),
  ),
);

it('the data of every finding holds codes and observed values only', async () => {
  const { roster } = await writeSampleFiles(tempDir());
  const { grid, result } = await checkFile(roster, {
    policy: parsePolicy(SAMPLE_POLICY),
    withWorkbook: false,
    io: { stdout() {}, stderr() {} },
  });
  const seen = new Set<string>();
  for (const sheet of grid.sheets) {
    seen.add(sheet.name);
    for (const row of sheet.rows) for (const cell of row) if (cell) seen.add(String(cell.v).trim());
  }
  const inWorkbook = (text: string) => [...seen].some((s) => s.includes(text));
  expect(new Set(result.findings.map((f) => f.rule)).size).toBeGreaterThan(25);
  for (const f of result.findings) {
    for (const [key, value] of Object.entries(f.data)) {
      const ours = OUR_WORDS.has(String(value)) && !seen.has(String(value)); // 性别 "男" is what the cell says
      expect([f.rule, key, ours]).toEqual([f.rule, key, false]);
      if (typeof value === 'string' && HAN.test(value))
        expect([f.rule, key, inWorkbook(value)]).toEqual([f.rule, key, true]);
    }
    englishIsEnglish(f.rule, formatFinding(f, 'en'));
  }
  expect(result.adjustments.length).toBeGreaterThan(5);
  for (const a of result.adjustments) englishIsEnglish(a.type, adjustmentReason(a, 'en'));

  // The English text's Chinese, if any, is the workbook's: a name, a sheet or what a cell says.
  function englishIsEnglish(what: string, en: string) {
    for (const run of en.match(/[\p{Script=Han}（）“”]+/gu) ?? []) {
      expect([what, run, inWorkbook(run.replace(/[（）“”]/g, ''))]).toEqual([what, run, true]);
    }
  }
});

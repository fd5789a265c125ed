/**
 * Our very hidden records (_dibao_sheets, _dibao_marks) never print: LibreOffice shows and prints
 * the active sheet even when it is very hidden, and a workbook without a recorded window has tab 0
 * active — which was our record in a workbook the tool made from nothing (the generated sheets
 * alone). Both writers now put the active tab on a visible sheet; the PDF's text is checked.
 */
import { makeSampleWorkbook, SAMPLE_POLICY } from '../../examples/make-sample';
import { parsePolicy } from '../../src/domain/policy';
import { buildSheet, runCheck, SHEET_KINDS } from '../../src/workbook/actions';
import { FileWorkbook } from '../../src/workbook/file/file';
import { marksFromResult } from '../../src/workbook/output/marks';
import { activeTabOnVisibleSheet } from '../../src/workbook/xlsx/active-tab';
import { nodeCodec } from '../../src/workbook/xlsx/codec-node';
import { patchWorkbook, XlsxPackage } from '../../src/workbook/xlsx/patch';
import { printedPages } from '../support/print-pdf';

const policy = parsePolicy(SAMPLE_POLICY);
/** Words only our records hold: their header rows. */
const RECORD_TEXT = ['类别 kind', '工作表 sheet', '原填充 fill', '原批注 note', '_dibao'];

const pdfText = (bytes: Uint8Array, name: string): string[] => printedPages(bytes, name).pages;

describe('a marked copy prints only the clerk’s sheets', () => {
  test('the generated sheets alone (ExcelJS writer, record first): the PDF starts with the 调整花名册', async () => {
    const { result } = await runCheck(
      await FileWorkbook.load(new Uint8Array(await makeSampleWorkbook().workbook.xlsx.writeBuffer())),
      policy,
    );
    const book = FileWorkbook.create();
    await book.addSheet(buildSheet('adjustments', result, policy));
    expect(book.workbook.worksheets[0].state).toBe('veryHidden'); // the record came first
    const pages = pdfText(await book.toBuffer(), 'alone');
    expect(pages[0]).toContain('农村低保调整花名册');
    for (const word of RECORD_TEXT) expect(pages.join('\n')).not.toContain(word);
  }, 300_000);

  test('the patched copy with marks and the four sheets (command line): no record page', async () => {
    const roster = new Uint8Array(await makeSampleWorkbook().workbook.xlsx.writeBuffer());
    const { result } = await runCheck(await FileWorkbook.load(roster), policy);
    const { bytes } = await patchWorkbook(new XlsxPackage(roster, nodeCodec), {
      marks: marksFromResult(result),
      sheets: SHEET_KINDS.map((k) => buildSheet(k, result, policy)),
    });
    // The copy made again from the ExcelJS-written file whose tab 0 is the record.
    const alone = FileWorkbook.create();
    await alone.addSheet(buildSheet('publicity', result, policy));
    const again = await patchWorkbook(new XlsxPackage(await alone.toBuffer(), nodeCodec), {
      marks: [],
      sheets: [buildSheet('summary', result, policy)],
    });
    for (const [name, out] of [
      ['marked', bytes],
      ['again', again.bytes],
    ] as const) {
      const text = pdfText(out, name).join('\n');
      expect(text).toContain('农村低保对象公示名单');
      for (const word of RECORD_TEXT) expect(text).not.toContain(word);
    }
  }, 400_000);
});

describe('activeTabOnVisibleSheet (workbook.xml)', () => {
  const sheets = (...states: string[]) =>
    `<sheets>${states.map((s, i) => `<sheet name="s${i}" sheetId="${i + 1}"${s ? ` state="${s}"` : ''} r:id="rId${i}"/>`).join('')}</sheets>`;

  test('no window and tab 0 very hidden: a window on the first visible sheet is added before <sheets>', () => {
    const xml = `<workbook><workbookPr/>${sheets('veryHidden', '', 'hidden')}</workbook>`;
    expect(activeTabOnVisibleSheet(xml, '')).toBe(
      `<workbook><workbookPr/><bookViews><workbookView activeTab="1"/></bookViews>${sheets('veryHidden', '', 'hidden')}</workbook>`,
    );
  });

  test('an active tab on a hidden sheet moves to the first visible one; a visible one stays', () => {
    const xml = (tab: string) =>
      `<x:workbook><x:bookViews><x:workbookView xWindow="5" ${tab}/></x:bookViews>${sheets('', 'veryHidden').replace(/<(\/?)sheet/g, '<$1x:sheet')}</x:workbook>`;
    expect(activeTabOnVisibleSheet(xml('activeTab="1" firstSheet="1"'), 'x:')).toBe(
      xml('activeTab="0" firstSheet="0"'),
    );
    expect(activeTabOnVisibleSheet(xml('activeTab="0"'), 'x:')).toBe(xml('activeTab="0"'));
  });
});

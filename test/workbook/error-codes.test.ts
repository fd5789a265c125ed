/**
 * Errors carry a message id and data; the words come from one catalogue, made by errorText() at
 * the edge. Every message renders in both languages, and the texts clerks have always read are
 * unchanged (the expected strings below are the ones the throw sites used to write out).
 */
import { sheetFromValues, type WorkbookGrid } from '../../src/domain/grid';
import { checkWorkbook } from '../../src/domain/engine';
import { parsePolicy } from '../../src/domain/policy';
import { ERROR_TEXTS, type DataOf, type ErrorMessageId } from '../../src/domain/error-texts';
import { RosterError } from '../../src/domain/errors';
import { errorText } from '../../src/workbook/error-text';
import { fromWireError, toWireError } from '../../src/taskpane/worker/protocol';

/** Data for every message: a message added to the catalogue without data here fails to compile. */
const SAMPLE_DATA: { [M in ErrorMessageId]: DataOf<typeof ERROR_TEXTS, M> } = {
  'no-sheets': {},
  'only-tool-sheets': { sheets: ['核查汇总', '调整花名册'] },
  'no-header': { sheets: ['Sheet1'], memberSheets: ['家庭成员'] },
  'sheet-not-found': { name: '二月', sheets: ['花名册', '草稿'] },
  uncomputed: { sheet: '花名册', row: 7, column: '月保障金' },
};

const policy = parsePolicy({ asOf: '2018-01-15' });

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  throw new Error('expected a refusal');
}

const refusal = (workbook: WorkbookGrid, more: { rosterSheet?: string } = {}) =>
  thrown(() => checkWorkbook({ workbook, policy, ...more }));

describe('the error catalogue', () => {
  test.each(Object.keys(ERROR_TEXTS) as ErrorMessageId[])('%s reads in Chinese and in English', (id) => {
    const data = SAMPLE_DATA[id];
    const text = errorText({ messageId: id, data }, 'pane');
    expect(text.zh).toMatch(/\p{Script=Han}/u);
    expect(text.en).toMatch(/[A-Za-z]{3}/);
    expect(text.en).not.toBe(text.zh);
    for (const t of [text.zh, text.en]) expect(t).not.toMatch(/undefined|NaN|\{\w+\}|\[object/);
    // Every value the error names reaches the clerk in both languages.
    for (const v of Object.values(data).flat()) {
      expect(text.zh).toContain(String(v));
      expect(text.en).toContain(String(v));
    }
  });
});

describe('roster refusals read as before', () => {
  test('a workbook without sheets', () => {
    const e = refusal({ sheets: [] });
    expect(e).toMatchObject({ code: 'no-sheets', messageId: 'no-sheets', data: {} });
    expect(errorText(e, 'cli')).toEqual({ zh: '工作簿中没有工作表', en: 'The workbook has no sheets' });
  });

  test('no roster header, naming the sheets looked at and the member sheet', () => {
    const e = refusal({
      sheets: [
        sheetFromValues('Sheet1', [['序号', '村', '金额']]),
        sheetFromValues('家庭成员', [['户主身份证号', '姓名', '身份证号', '与户主关系']]),
      ],
    });
    expect(e).toMatchObject({
      code: 'no-header',
      data: { sheets: ['Sheet1', '家庭成员'], memberSheets: ['家庭成员'] },
    });
    expect(errorText(e, 'pane')).toEqual({
      zh:
        '未找到花名册表头：请确认有“户主姓名”（或 户主、姓名、申请人、申请人姓名）和“身份证号码”' +
        '（或 户主身份证号、户主身份证号码、身份证号、公民身份号码、证件号码、身份证）两列。' +
        '已查看的工作表：Sheet1、家庭成员（“家庭成员”是家庭成员表，不作花名册）',
      en:
        'Roster header not found: looked for 户主姓名 (or 户主, 姓名, 申请人, 申请人姓名) and 身份证号码 ' +
        '(or 户主身份证号, 户主身份证号码, 身份证号, 公民身份号码, 证件号码, 身份证) in sheets: Sheet1, 家庭成员 ' +
        '(家庭成员: member sheet, not a roster)',
    });
  });

  test('a named sheet that is not there', () => {
    const e = refusal(
      { sheets: [sheetFromValues('花名册', [['户主姓名']]), sheetFromValues('草稿', [])] },
      { rosterSheet: '二月' },
    );
    expect(e).toMatchObject({ code: 'sheet-not-found', data: { name: '二月', sheets: ['花名册', '草稿'] } });
    expect(errorText(e, 'cli')).toEqual({
      zh: '找不到工作表“二月”。本工作簿的工作表：花名册、草稿',
      en: 'Sheet "二月" not found. Sheets in this workbook: 花名册, 草稿',
    });
  });

  test('a formula without a result names the sheet, row and column', () => {
    const e = new RosterError('uncomputed', { sheet: '花名册', row: 7, column: '月保障金' });
    expect(errorText(e, 'pane')).toEqual({
      zh: '工作表“花名册”第7行“月保障金”列的公式没有计算结果：请在 Excel 或 WPS 中打开此文件、保存后再核查',
      en: 'sheet "花名册" row 7 column "月保障金": the formula has no calculated result; open and save the file in Excel or WPS, then check again',
    });
    // The message a log or a stack shows is the same words, Chinese first.
    expect(e.message).toBe(`${errorText(e, 'pane').zh}（${errorText(e, 'pane').en}）`);
  });

  test('the code and data cross from the worker and the page makes the same words', () => {
    const e = new RosterError('sheet-not-found', { name: '二月', sheets: ['花名册'] });
    const wire = toWireError(e);
    expect(wire).toEqual({
      code: 'sheet-not-found',
      messageId: 'sheet-not-found',
      data: { name: '二月', sheets: ['花名册'] },
    });
    expect(errorText(fromWireError(structuredClone(wire)), 'pane')).toEqual(errorText(e, 'pane'));
  });
});

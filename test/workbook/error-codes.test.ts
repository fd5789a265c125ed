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
import { bufferSource, inspectWorkbookBytes } from '../../src/workbook/file/zip-guard';
import { FileError, fileSystemError } from '../../src/workbook/file/file-error';
import { checkFile } from '../../src/workbook/file/file-node';
import { beyondExcel, tooManyCells } from '../../src/workbook/limits';
import { legacyFormatOf } from '../../src/workbook/legacy/format';
import { tidyMerges } from '../../src/workbook/merges';
import { thrown } from '../support/thrown';

/** Data for every message: a message added to the catalogue without data here fails to compile. */
const SAMPLE_DATA: { [M in ErrorMessageId]: DataOf<typeof ERROR_TEXTS, M> } = {
  'no-sheets': {},
  'only-tool-sheets': { sheets: ['核查汇总', '调整花名册'] },
  'no-header': { sheets: ['Sheet1'], memberSheets: ['家庭成员'] },
  'sheet-not-found': { name: '二月', sheets: ['花名册', '草稿'] },
  uncomputed: { sheet: '花名册', row: 7, column: '月保障金' },
  'not-a-file': { file: '县花名册' },
  'file-not-found': { file: '县花名册.xlsx' },
  'output-exists': { file: '结果.xlsx' },
  'file-system': { cause: 'EBUSY', path: 'D:/核查/结果.xlsx' },
  'empty-file': {},
  'password-protected': {},
  'encrypted-part': {},
  'old-xls': {},
  'text-file': {},
  'not-a-workbook': {},
  'ods-file': {},
  'zip-not-workbook': {},
  truncated: {},
  unreadable: {},
  'declared-too-large': { maxBytes: 1.5 * 1024 ** 3, totalBytes: 2 * 1024 ** 3 },
  'expands-too-large': { maxBytes: 1.5 * 1024 ** 3 },
  'abnormal-compression': {},
  'beyond-excel': { sheet: '花名册', cell: 'XFE7' },
  'too-many-cells': { file: '县花名册.xlsx', budget: 4_000_000, sheet: '清溪村', sheetOption: true },
  'merges-overlap': { sheet: '花名册', first: 'A3:B4', second: 'B4:C5' },
  'areas-too-wide': { sheet: '花名册', range: 'A3:XFD1048576', cells: 17179852800 },
  'copy-too-large': { file: '县花名册.xlsx', bytes: 900 * 1048576 },
  'converted-too-large': { format: 'ods', bytes: 300 * 1048576 },
  'converted-password': { format: 'xls' },
  'converted-unreadable': { format: 'et' },
  'converted-sheet-name': { format: 'xlsb' },
  'converted-unwritable': { format: 'ods' },
  'policy-invalid': { issues: [{ keys: ['monthlyStandard'], reason: 'Too small' }, { keys: ['bogus'] }] },
  'settings-invalid': { issues: [{ keys: ['standard'], reason: 'Invalid input' }] },
  'settings-not-saved': { reason: 'read-only' },
  'out-of-time': { step: 'mark' },
  'wps-no-workbook': {},
  'wps-unknown-shape': {},
  'nothing-to-generate': {},
  'self-test-marked': {},
  'missing-command': {},
  'unknown-command': { command: 'mark' },
  'unknown-option': { option: '--colour', command: 'check' },
  'option-takes-no-value': { option: '--force' },
  'option-needs-value': { option: '--out' },
  'option-twice': { option: '--out' },
  'missing-input': { command: 'clear' },
  'one-input-only': { extra: ['b.xlsx', 'c.xlsx'] },
  'bad-as-of': { value: '2018-02-30' },
  'out-and-no-out': {},
  'bad-list-option': { value: 'pets=b.xlsx' },
  'input-not-found': { name: '县花名册.xlsx' },
  'output-is-input': { file: '花名册.xlsx' },
  'outputs-collide': { file: '结果.xlsx' },
  'output-is-folder': { path: 'D:/核查' },
  'folder-without-rosters': { folder: '十二月' },
  'folder-out-not-folder': {},
  'policy-not-object': { file: '儒林镇.json' },
  'policy-not-json': { file: '儒林镇.json', line: 2, column: 15 },
  'policy-keys': { file: '儒林镇.json', issues: [{ keys: ['asOf'], reason: '不是有效日期（not a real date）' }] },
  'policy-is-folder': { path: 'D:/参数' },
  'policy-not-found': { file: '儒林镇.json' },
  'policy-too-large': { path: 'D:/参数.json', bytes: 3 * 1048576 },
  'list-without-ids': { kind: 'vehicle', file: '车辆.xlsx' },
  'list-unreadable': { kind: 'death', file: '死亡.xlsx', cause: { messageId: 'empty-file', data: {} } },
};

/** Values the words show otherwise than as given: sizes in GB, MB or 万, codes as words. */
const SHOWN_OTHERWISE = new Set([
  'maxBytes',
  'totalBytes',
  'bytes',
  'budget',
  'sheetOption',
  'format',
  'cause',
  // Settings at fault and the step a host stopped at are told in words; the Chinese names the keys.
  'issues',
  'step',
  // A list's kind is its Chinese name in Chinese; a command and a value the English leaves out.
  'kind',
  'command',
  'value',
  'extra',
]);

const policy = parsePolicy({ asOf: '2018-01-15' });

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
    const named = Object.entries(data).filter(([k]) => !SHOWN_OTHERWISE.has(k));
    for (const v of named.map(([, v]) => v as unknown).flat()) {
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

const bytes = (text: string | number[]) =>
  bufferSource(typeof text === 'string' ? new TextEncoder().encode(text) : Uint8Array.from(text));
const inspect = (text: string | number[]) => thrown(() => inspectWorkbookBytes(bytes(text)));

describe('file refusals read as before', () => {
  test('an empty file, a text file, an old .xls and a stray binary', () => {
    expect(errorText(inspect(''), 'cli')).toEqual({ zh: '文件是空的（0 字节）', en: 'the file is empty (0 bytes)' });
    expect(inspect('')).toMatchObject({ code: 'empty', messageId: 'empty-file' });
    expect(errorText(inspect('户主姓名,身份证号码\n'), 'cli')).toEqual({
      zh: '这是文本或 CSV 文件，不是 Excel 工作簿；请在 Excel 中打开并另存为 .xlsx 后再试',
      en: 'this is a text/CSV file, not an Excel workbook; open it in Excel and save it as .xlsx',
    });
    expect(errorText(inspect([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'cli')).toEqual({
      zh: '这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再试',
      en: 'this is an old .xls file; save it as .xlsx in Excel and try again',
    });
    expect(inspect([0, 1, 2, 3, 4])).toMatchObject({ code: 'not-xlsx', messageId: 'not-a-workbook' });
  });

  test('a file that is not there names only the file, not the folder', () => {
    const e = thrown(() => checkFile('/no/such/folder/县花名册.xlsx'));
    expect(e).toMatchObject({ code: 'missing', data: { file: '县花名册.xlsx' } });
    expect(errorText(e, 'cli')).toEqual({ zh: '找不到文件：县花名册.xlsx', en: 'file not found: 县花名册.xlsx' });
  });

  test('a file system refusal names its cause and the path', () => {
    const e = fileSystemError('EISDIR', 'D:/核查');
    expect(e).toMatchObject({ code: 'write', messageId: 'file-system', data: { cause: 'EISDIR', path: 'D:/核查' } });
    expect(errorText(e, 'cli')).toEqual({
      zh: 'D:/核查 是文件夹，请写出文件名（如 结果.xlsx）',
      en: 'D:/核查 is a folder; give a file name',
    });
    expect(fileSystemError('EWHATEVER', 'D:/核查')).toBeUndefined();
    // A bare Node error still reads the same: the one function makes the words.
    expect(errorText(Object.assign(new Error('x'), { code: 'EISDIR', path: 'D:/核查' }), 'cli')).toEqual(
      errorText(e, 'cli'),
    );
  });

  test('a cell beyond Excel is named, a long reference cut short', () => {
    const e = beyondExcel('花名册', { cell: `${'Z'.repeat(40)}5` });
    expect(e.data).toEqual({ sheet: '花名册', cell: `${'Z'.repeat(40)}5` });
    expect(errorText(e, 'pane').zh).toBe(
      `工作表“花名册”的单元格 ${'Z'.repeat(20)}… 超出 Excel 的范围（最多 1048576 行、16384 列即到 XFD 列），文件可能已损坏或由其他程序生成；请在 Excel 或 WPS 中打开、删除多余内容并另存后再试`,
    );
    expect(errorText(beyondExcel('花名册', { row: '4000000000' }), 'pane').en).toBe(
      `row 4000000000 of sheet "花名册" is beyond Excel's limits (1,048,576 rows, 16,384 columns up to XFD); the file may be damaged — open it in Excel or WPS, delete the stray content and save it again`,
    );
  });

  test('too many cells, with and without --sheet', () => {
    expect(errorText(tooManyCells('县花名册.xlsx', 4_000_000, { sheet: '清溪村', sheetOption: true }), 'cli')).toEqual({
      zh: '县花名册.xlsx 中的单元格超过本工具一次能核查的 400 万个（读到工作表“清溪村”时）：请按村（社区）拆分花名册，或用 --sheet 只核查其中一张花名册（如 --sheet 白云村），其余工作表只在容得下时读取',
      en: '县花名册.xlsx holds more than the 4,000,000 cells one check can hold (reached in sheet "清溪村"): split the roster by village, or check one roster sheet with --sheet NAME (the other sheets are then read only as far as they fit)',
    });
    expect(errorText(tooManyCells(undefined, 123_456), 'pane')).toEqual({
      zh: '此工作簿的单元格超过本工具一次能核查的 12 万个：请按村（社区）拆分花名册，或删除花名册和成员表以外的工作表后再核查',
      en: 'the workbook holds more than the 123,456 cells one check can hold: split the roster by village, or remove the sheets other than the roster and the member sheet',
    });
  });

  test('overlapping merged areas name the sheet and both areas', () => {
    const e = thrown(() =>
      tidyMerges(
        '花名册',
        [
          { top: 2, left: 0, bottom: 3, right: 1 },
          { top: 3, left: 1, bottom: 4, right: 2 },
        ],
        Array.from({ length: 6 }, () => [undefined, undefined, undefined]),
      ),
    );
    expect(e).toBeInstanceOf(FileError);
    expect(errorText(e, 'cli')).toEqual({
      zh: '工作表“花名册”的合并单元格 A3:B4 与 B4:C5 互相重叠，文件已损坏；请在 Excel 或 WPS 中打开（会自动修复）并另存后再试',
      en: 'merged areas A3:B4 and B4:C5 of sheet "花名册" overlap: the file is damaged — open it in Excel or WPS (which repairs it) and save it again',
    });
  });

  test('an old-format file too large to convert names its format and size', () => {
    const ole = new Uint8Array(8).fill(0);
    [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((b, i) => (ole[i] = b));
    const huge = {
      size: 300 * 1048576,
      read: (o: number, n: number) => (o === 0 ? ole.subarray(0, n) : new Uint8Array(0)),
    };
    const e = thrown(() => legacyFormatOf(huge, '县花名册.et'));
    expect(e).toMatchObject({ code: 'too-large', data: { format: 'et', bytes: 300 * 1048576 } });
    expect(errorText(e, 'cli')).toEqual({
      zh: '这个WPS 表格（.et）文件太大（约 300 MB），无法转换读取；请在 Excel 或 WPS 中另存为 .xlsx 后再核查',
      en: 'this WPS (.et) file is too large to convert (about 300 MB); save it as .xlsx in Excel or WPS',
    });
  });

  test('the Error message is the words, Chinese first, for logs', () => {
    const e = new FileError('output-exists', { file: '结果.xlsx' });
    expect(e.message).toBe(
      '输出文件已存在：结果.xlsx；为免覆盖已停止，如确需覆盖请加 --force（output file already exists: 结果.xlsx; use --force to replace it）',
    );
  });
});

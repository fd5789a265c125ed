/**
 * The command line's, the settings', the hosts' and the pane's refusals carry a message id and
 * data like RosterError and FileError (test/workbook/error-codes.test.ts), and errorText() makes
 * their words. Each refusal is raised at its real throw site; the expected words are the exact
 * strings those sites wrote out before the errors became codes, so the clerk reads what she always
 * read, in both languages.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parseArgs } from '../../src/cli/args';
import { refusalLine } from '../../src/cli/errors';
import { checkFolder } from '../../src/cli/folder';
import { readExtraLists } from '../../src/cli/lists';
import { guardOutputs, statOrMissing } from '../../src/cli/paths';
import { loadPolicy } from '../../src/cli/policy-file';
import { parsePolicy } from '../../src/domain/policy';
import { NothingToGenerate } from '../../src/workbook/actions';
import { errorText, type Edge } from '../../src/workbook/error-text';
import { OutOfTimeError } from '../../src/workbook/office/office';
import { SelfTestRefused } from '../../src/workbook/self-test';
import { parseSettings } from '../../src/workbook/settings';
import { activeWorkbook, asMatrix } from '../../src/workbook/wps/wps-read';
import type { EtApplication } from '../../src/workbook/wps/et';
import { fromWireError, toWireError } from '../../src/taskpane/worker/protocol';
import type { CheckArgs } from '../../src/cli/args';
import { tempDir } from './helpers';
import { thrown } from '../support/thrown';

async function rejected(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (e) {
    return e;
  }
  throw new Error('expected a refusal');
}

const words = (e: unknown, edge: Edge = 'cli') => errorText(e, edge);

/** Every refusal here is coded: an id, data, and no words of its own for a consumer to print. */
function expectCoded(e: unknown): void {
  expect(e).toMatchObject({ messageId: expect.any(String), code: expect.any(String), data: expect.any(Object) });
  const wire = toWireError(e);
  expect(wire).toHaveProperty('messageId');
  expect(errorText(fromWireError(structuredClone(wire)), 'pane')).toEqual(errorText(e, 'pane'));
}

const args = (argv: string[]) => thrown(() => parseArgs(argv));

describe('command-line arguments read as before', () => {
  test.each([
    [[], '缺少命令，请用 check 或 clear，详见 --help', 'missing command: use check or clear, see --help'],
    [['mark', 'a.xlsx'], '未知命令 mark，请用 check 或 clear', 'unknown command mark: use check or clear'],
    [['check', 'a.xlsx', '--colour'], '未知参数 --colour', 'unknown option --colour for check'],
    [['check', 'a.xlsx', '--force=yes'], '参数 --force 不带值', 'option --force takes no value'],
    [['check', 'a.xlsx', '--out'], '参数 --out 缺少值', 'option --out needs a value'],
    [['check', 'a.xlsx', '--out', 'b.xlsx', '--out=c.xlsx'], '参数 --out 只能给一次', 'option --out given twice'],
    [['check'], '缺少花名册文件或文件夹', 'missing the roster file or folder'],
    [['clear'], '缺少已标注的工作簿', 'missing the marked workbook'],
    [['check', 'a.xlsx', 'b.xlsx', 'c.xlsx'], '只能给一个输入文件，多余的：b.xlsx c.xlsx', 'give one input only'],
    [
      ['check', 'a.xlsx', '--as-of', '2018-02-30'],
      '--as-of 应为有效日期 YYYY-MM-DD，收到 2018-02-30',
      '--as-of must be a real date YYYY-MM-DD',
    ],
    [
      ['check', 'a.xlsx', '--out', 'b.xlsx', '--no-out'],
      '--out 与 --no-out 不能同时使用',
      '--out and --no-out exclude each other',
    ],
    [
      ['check', 'a.xlsx', '--list', 'pets=b.xlsx'],
      '--list 应写成 类别=文件，类别为 death、payroll、vehicle、housing、business、poor、relatives，收到 pets=b.xlsx',
      '--list must be KIND=FILE with KIND one of death, payroll, vehicle, housing, business, poor, relatives',
    ],
  ])('%j', (argv, zh, en) => {
    const e = args(argv);
    expectCoded(e);
    expect(words(e)).toEqual({ zh, en });
  });

  test('the refusal line keeps its prefix, Chinese first', () => {
    expect(refusalLine('usage', args(['check', 'a.xlsx', '--colour']))).toBe(
      '参数错误：未知参数 --colour（Bad arguments: unknown option --colour for check）\n',
    );
  });
});

describe('paths and outputs read as before', () => {
  test('an input that is not there names the file only', () => {
    const e = thrown(() => statOrMissing('/no/such/folder/县花名册.xlsx'));
    expectCoded(e);
    expect(words(e)).toEqual({
      zh: '找不到文件或文件夹：县花名册.xlsx',
      en: 'file or folder not found: 县花名册.xlsx',
    });
  });

  test('outputs that are the input, collide, are a folder or exist', () => {
    const dir = tempDir();
    const input = join(dir, '花名册.xlsx');
    writeFileSync(input, 'x');
    const out = join(dir, '结果.xlsx');
    const folder = join(dir, '结果');
    mkdirSync(folder);
    const cases: [string[], boolean, string, string][] = [
      [
        [input],
        true,
        '输出文件不能是输入文件本身：花名册.xlsx（输入文件不会被修改）',
        'the output must not be the input file 花名册.xlsx; the input is never modified',
      ],
      [[out, out], false, '两个输出写到同一个文件：结果.xlsx', 'two outputs go to the same file 结果.xlsx'],
      [
        [folder],
        false,
        `输出 ${folder} 是文件夹，请写出文件名（如 结果.xlsx）`,
        `the output ${folder} is a folder; give a file name`,
      ],
    ];
    for (const [outputs, force, zh, en] of cases) {
      const e = thrown(() => guardOutputs([input], outputs, force));
      expectCoded(e);
      expect(words(e)).toEqual({ zh, en });
    }
    writeFileSync(out, 'y');
    const e = thrown(() => guardOutputs([input], [out], false));
    expect(words(e)).toEqual({
      zh: '输出文件已存在：结果.xlsx；为免覆盖已停止，如确需覆盖请加 --force',
      en: 'output file already exists: 结果.xlsx; use --force to replace it',
    });
  });
});

describe('the policy file reads as before', () => {
  const dir = tempDir();
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  test('not an object, not JSON, too large, a folder, missing', async () => {
    const cases: [string, string, string][] = [
      [
        file('数组.json', '[1]'),
        '核查参数文件 数组.json 应为一个 JSON 对象 {…}',
        'policy file 数组.json must hold a JSON object',
      ],
      [
        file('坏.json', '{\n  "asOf": 2018-01-15\n}'),
        '核查参数文件 坏.json 不是有效的 JSON（第2行第15列附近）',
        'policy file 坏.json is not valid JSON near line 2, column 15',
      ],
      [join(dir, '没有.json'), '找不到核查参数文件：没有.json', 'policy file not found: 没有.json'],
    ];
    for (const [path, zh, en] of cases) {
      const e = await rejected(() => loadPolicy(path, undefined));
      expectCoded(e);
      expect(words(e)).toEqual({ zh, en });
    }
    const big = file('大.json', `{"county":"${'县'.repeat(1024 * 1024)}"}`);
    expect(words(await rejected(() => loadPolicy(big, undefined)))).toEqual({
      zh: `核查参数文件 ${big} 太大（3.0 MB），不是核查参数文件（通常不到 1 KB）；请检查 --policy 给出的文件`,
      en: `policy file ${big} is too large (3.0 MB) to be a policy (usually under 1 KB); check the file given to --policy`,
    });
    const folder = join(dir, '参数');
    mkdirSync(folder);
    expect(words(await rejected(() => loadPolicy(folder, undefined)))).toEqual({
      zh: `核查参数文件 ${folder} 是文件夹，请给出 .json 文件`,
      en: `policy file ${folder} is a folder`,
    });
  });

  test('bad keys in the file, and in --as-of without a file', async () => {
    const e = await rejected(() => loadPolicy(file('键.json', '{"monthlyStandard": -5, "bogus": 1}'), undefined));
    expectCoded(e);
    expect(words(e)).toEqual({
      zh:
        '核查参数文件 键.json 有误：参数 monthlyStandard 不正确：Too small: expected number to be >=0（policy key "monthlyStandard" is invalid）；' +
        '未知的参数 bogus（unknown policy key: bogus）',
      en: 'bad policy in 键.json',
    });
    expect(words(await rejected(() => loadPolicy(undefined, '2018-02-30')))).toEqual({
      zh: '核查参数有误：参数 asOf 不正确：不是有效日期（not a real date）（policy key "asOf" is invalid）',
      en: 'bad policy',
    });
  });
});

describe('settings refusals in the pane and the ribbon read as before', () => {
  test('a policy with a bad and unknown keys', () => {
    const e = thrown(() => parsePolicy({ monthlyStandard: -5, bogus: 1, other: 2 }));
    expectCoded(e);
    const issues =
      '参数 monthlyStandard 不正确：Too small: expected number to be >=0（policy key "monthlyStandard" is invalid）；' +
      '未知的参数 bogus, other（unknown policy keys: bogus, other）';
    expect(words(e, 'pane')).toEqual({ zh: `核查参数有误：${issues}`, en: 'The check settings are invalid.' });
    expect(words(e, 'command')).toEqual({
      zh: `核查参数有误，请打开核查面板修改：${issues}`,
      en: 'The check settings are invalid; open the check pane to correct them.',
    });
  });

  test('settings the pane would save', () => {
    const e = thrown(() => parseSettings({ standard: 'x' }));
    expectCoded(e);
    expect(words(e, 'pane')).toEqual({
      zh: '核查参数有误：参数 standard 不正确：Invalid input: expected number, received string（setting "standard" is invalid）',
      en: 'The check settings are invalid.',
    });
  });
});

async function listFile(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('名单').addRows([
    ['姓名', '车牌'],
    ['张三', '湘E12345'],
  ]);
  const path = join(dir, '车辆.xlsx');
  await wb.xlsx.writeFile(path);
  return path;
}

describe('lists and folders read as before', () => {
  test('a list without an ID column, and one that cannot be opened', async () => {
    const dir = tempDir();
    const noIds = await rejected(async () => readExtraLists([{ kind: 'vehicle', file: await listFile(dir) }]));
    expectCoded(noIds);
    expect(words(noIds)).toEqual({
      zh: '车辆登记名单文件 车辆.xlsx 中找不到身份证号列',
      en: 'no ID number column found in the vehicle list 车辆.xlsx',
    });
    const empty = join(dir, '死亡.xlsx');
    writeFileSync(empty, '');
    const e = await rejected(() => readExtraLists([{ kind: 'death', file: empty }]));
    expectCoded(e);
    expect(words(e)).toEqual({
      zh: '死亡名单文件（--list death）死亡.xlsx：文件是空的（0 字节）',
      en: 'the death list (--list death) 死亡.xlsx: the file is empty (0 bytes)',
    });
  });

  test('a folder without rosters, and --out that is a file', async () => {
    const dir = tempDir();
    const io = { stdout() {}, stderr() {} };
    const folderArgs = (more: Partial<CheckArgs> = {}) =>
      ({
        command: 'check',
        input: dir,
        sheets: [],
        lists: [],
        noOut: false,
        maskIds: false,
        force: false,
        ...more,
      }) as CheckArgs;
    const none = await rejected(() => checkFolder(folderArgs(), io));
    expectCoded(none);
    expect(words(none)).toEqual({
      zh: `文件夹 ${dir.replace(/^.*\//, '')} 中没有花名册（.xlsx、.xls、.xlsb、.ods、.et）`,
      en: `no roster (.xlsx, .xls, .xlsb, .ods, .et) in folder ${dir.replace(/^.*\//, '')}`,
    });
    writeFileSync(join(dir, '花名册.xlsx'), 'x');
    const out = join(dir, '结果.txt');
    writeFileSync(out, 'x');
    expect(words(await rejected(() => checkFolder(folderArgs({ out }), io)))).toEqual({
      zh: '检查文件夹时 --out 应为文件夹',
      en: 'with a folder, --out must be a folder',
    });
  });
});

describe('the hosts and the pane read as before', () => {
  test('a ribbon command out of time, part-way or before any change', () => {
    const partial = new OutOfTimeError('mark');
    expectCoded(partial);
    expect(partial.step).toBe('mark');
    expect(words(partial, 'command')).toEqual({
      zh: '名单较大，未能在 Excel 允许的 5 分钟内做完，已停下（只完成了一部分）；请打开核查面板重新操作',
      en: 'The roster is too large to finish within the 5 minutes Excel allows a button; stopped part-way. Please use the check pane.',
    });
    expect(words(new OutOfTimeError('read'), 'command')).toEqual({
      zh: '名单较大，未能在 Excel 允许的 5 分钟内做完，已停下，表格未作改动；请打开核查面板操作',
      en: 'The roster is too large to finish within the 5 minutes Excel allows a button; nothing was changed. Please use the check pane.',
    });
  });

  test('WPS without a workbook, and WPS answering in an unknown shape', () => {
    const none = thrown(() => activeWorkbook({ ActiveWorkbook: null } as unknown as EtApplication));
    expectCoded(none);
    expect(words(none, 'command')).toEqual({
      zh: '没有打开的工作簿：请先打开花名册',
      en: 'No workbook is open: open the roster first.',
    });
    expect(
      words(
        thrown(() => asMatrix(5, 2, 2)),
        'pane',
      ),
    ).toEqual({
      zh: 'WPS 返回的数据格式无法识别',
      en: 'WPS returned values in an unknown shape.',
    });
  });

  test('every household left out, and a self-test on a marked workbook', () => {
    const left = new NothingToGenerate();
    expectCoded(left);
    expect(words(left, 'pane')).toEqual({
      zh: '所有拟调整的户都未勾选，未生成调整花名册：请在“调整”中至少勾选一户',
      en: 'Every household is left out, so no adjustment roster was written: tick at least one under Adjustments.',
    });
    const marked = new SelfTestRefused();
    expectCoded(marked);
    expect(words(marked, 'pane')).toEqual({
      zh: '工作簿中已有标注：请先“清除标注”，再运行自检',
      en: 'The workbook has marks: clear them first, then run the self-test.',
    });
  });
});

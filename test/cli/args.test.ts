import { parseArgs, type CheckArgs } from '../../src/cli/args';
import { CliError } from '../../src/cli/errors';

const check = (...argv: string[]) => parseArgs(['check', ...argv]) as CheckArgs;

function refusal(argv: string[]): string {
  try {
    parseArgs(argv);
  } catch (e) {
    if (e instanceof CliError) return `${e.zh} | ${e.en}`;
    throw e;
  }
  return 'accepted';
}

describe('command-line grammar', () => {
  it('--sheet may be given once per roster sheet to check', () => {
    expect(check('r.xlsx', '--sheet', '白云村', '--sheet=丹口村')).toMatchObject({ sheets: ['白云村', '丹口村'] });
    expect(check('r.xlsx')).toMatchObject({ sheets: [] });
  });

  it('reads every check option, in both --opt VALUE and --opt=VALUE forms', () => {
    const a = check(
      'r.xlsx',
      '--sheet',
      '花名册',
      '--policy=p.json',
      '--as-of',
      '2018-01-15',
      '--out',
      'o.xlsx',
      '--report',
      'r.json',
      '--list',
      'death=d.xlsx',
      '--list=vehicle=v.xlsx',
      '--mask-ids',
      '--force',
    );
    expect(a).toEqual({
      command: 'check',
      input: 'r.xlsx',
      sheets: ['花名册'],
      policy: 'p.json',
      asOf: '2018-01-15',
      out: 'o.xlsx',
      noOut: false,
      report: 'r.json',
      lists: [
        { kind: 'death', file: 'd.xlsx' },
        { kind: 'vehicle', file: 'v.xlsx' },
      ],
      maskIds: true,
      force: true,
    });
  });

  it('defaults: no options given', () => {
    expect(check('r.xlsx')).toMatchObject({ input: 'r.xlsx', noOut: false, lists: [], maskIds: false, force: false });
  });

  it('reads clear and help', () => {
    expect(parseArgs(['clear', 'm.xlsx', '--out', 'c.xlsx', '--force'])).toEqual({
      command: 'clear',
      input: 'm.xlsx',
      out: 'c.xlsx',
      force: true,
    });
    expect(parseArgs(['check', 'r.xlsx', '--help'])).toEqual({ command: 'help' });
    expect(parseArgs(['-h'])).toEqual({ command: 'help' });
  });

  it.each([
    [[], '缺少命令'],
    [['mark', 'r.xlsx'], '未知命令 mark'],
    [['check'], '缺少花名册文件或文件夹'],
    [['check', 'a.xlsx', 'b.xlsx'], '只能给一个输入文件'],
    [['check', 'r.xlsx', '--outt', 'x'], '未知参数 --outt'],
    [['clear', 'r.xlsx', '--report', 'x.json'], '未知参数 --report'],
    [['check', 'r.xlsx', '--out'], '参数 --out 缺少值'],
    [['check', 'r.xlsx', '--out', 'o.xlsx', '--no-out'], '--out 与 --no-out 不能同时使用'],
    [['check', 'r.xlsx', '--out', 'a.xlsx', '--out', 'b.xlsx'], '参数 --out 只能给一次'],
    [['check', 'r.xlsx', '--as-of', '2018-02-30'], '--as-of 应为有效日期'],
    [['check', 'r.xlsx', '--list', 'cars=v.xlsx'], '--list 应写成 类别=文件'],
    [['check', 'r.xlsx', '--list', 'death'], '--list 应写成 类别=文件'],
    [['check', 'r.xlsx', '--force=yes'], '参数 --force 不带值'],
  ])('refuses %j', (argv, zh) => {
    const text = refusal(argv);
    expect(text).toContain(zh);
    // English beside the Chinese.
    expect(text.split(' | ')[1]).toMatch(/[a-z]/);
  });
});

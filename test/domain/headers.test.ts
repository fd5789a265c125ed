/**
 * Header matching that survives real spellings (#10 point 2): county templates' headers with
 * units and notes in brackets, line breaks, 公民/户主 in front, 号码/金额/人口 endings; a hint in
 * the skipped-check reason when a header only looks like a field; and the clerk's own header
 * names (policy `columns`) when nothing else knows them.
 */
import { detectHeader, headerStem, rosterFieldOfHeader } from '../../src/domain/columns';
import { MEMBER_SPECS, ROSTER_SPECS, type RosterField } from '../../src/domain/fields';
import { sheetFromValues } from '../../src/domain/grid';
import { parsePolicy, PolicyError } from '../../src/domain/policy';
import { errorText } from '../../src/workbook/error-text';
import { skippedReason } from '../../src/domain/messages';
import { check, cleanRow, HEADERS, rowOf, workbook, type Header, type Row } from '../support/roster';

describe('county template headers', () => {
  test.each<[string, RosterField]>([
    ['身份证号码（18位）', 'headId'],
    ['公民身份证号码', 'headId'],
    ['居民身份证号码', 'headId'],
    ['户主身份证号码\n（18位）', 'headId'],
    ['月保障金（元）', 'benefit'],
    ['月保障金额（元）', 'benefit'],
    ['月低保金额', 'benefit'],
    ['保障金(月)', 'benefit'],
    ['月保障\n金额\n（元）', 'benefit'],
    ['享受低保人数', 'coveredPersons'],
    ['享受人口', 'coveredPersons'],
    ['保障人口（人）', 'coveredPersons'],
    ['享受低保人口数', 'coveredPersons'],
    ['家庭人均月收入（元）', 'monthlyIncome'],
    ['家庭月人均收入(元/人·月)', 'monthlyIncome'],
    ['共同生活家庭成员人数', 'householdSize'],
    ['家庭成员数', 'householdSize'],
    ['家庭人口（人）', 'householdSize'],
    ['户主性别', 'gender'],
    ['是否兜底对象', 'bottomLine'],
    ['是否建档立卡贫困户', 'registeredPoor'],
    ['低保标准（元/月）', 'standard'],
    ['残疾证号码', 'disabilityCert'],
    ['入户复核（是/否）', 'revisit'],
    ['村（居）', 'village'],
  ])('%j is %s', (header, field) => {
    expect(rosterFieldOfHeader(header)).toBe(field);
  });

  test('every header and alias of the roster and the member sheet finds its own field, also by its stem', () => {
    for (const specs of [ROSTER_SPECS, MEMBER_SPECS] as const) {
      const headers = specs.flatMap((s) => [s.header, ...s.aliases]);
      const sheet = sheetFromValues('表', [headers]);
      const match = detectHeader(sheet, specs)!;
      // The leftmost header of each field wins; all others are duplicates of the same field.
      for (const d of match.duplicates) {
        const own = specs.find((s) => s.header === d.header || s.aliases.includes(d.header))!;
        expect([d.header, d.field]).toEqual([d.header, own.field]);
      }
      expect(match.unmatched).toEqual([]);
    }
    // No two fields of the roster share a stem: a stem always finds one field.
    const owner = new Map<string, string>();
    for (const s of ROSTER_SPECS) {
      for (const text of [s.header, ...s.aliases]) {
        const stem = headerStem(text, true);
        expect([text, owner.get(stem) ?? s.field]).toEqual([text, s.field]);
        owner.set(stem, s.field);
      }
    }
  });

  test('on the member sheet 户主身份证号码（18位）is the link and 公民身份证号码 the member’s own ID', () => {
    const sheet = sheetFromValues('家庭成员', [['户主身份证号码（18位）', '成员姓名', '公民身份证号码', '与户主关系']]);
    const match = detectHeader(sheet, MEMBER_SPECS)!;
    expect(match.columns.headId?.col).toBe(0);
    expect(match.columns.id?.col).toBe(2);
  });
});

/** The test roster's headers with some renamed as a county template spells them. */
function renamed(names: Partial<Record<Header, string>>): string[] {
  return HEADERS.map((h) => names[h] ?? h);
}

/** A roster row written under renamed headers (cells keyed by the new header). */
function under(names: Partial<Record<Header, string>>, row: Row): Row {
  const out: Record<string, unknown> = {};
  for (const [h, v] of Object.entries(row)) out[names[h as Header] ?? h] = v;
  return out as Row;
}

describe('a roster with a county template header', () => {
  const TEMPLATE: Partial<Record<Header, string>> = {
    身份证号码: '公民身份证号码（18位）',
    家庭人口: '共同生活家庭成员人数',
    保障人数: '享受低保人数',
    家庭月人均收入: '家庭人均月收入（元）',
    月保障金: '月低保金额\n（元）',
  };

  test('is read whole: the money rules run and find the wrong amount', () => {
    const rows = [cleanRow(), cleanRow({ 月保障金: 300 })].map((r) => under(TEMPLATE, r));
    const result = check(workbook(rows, [], renamed(TEMPLATE)));
    expect(result.skipped.filter((s) => s.rule.startsWith('AMT-'))).toEqual([]);
    expect(result.findings.map((f) => [f.rule, f.row, f.column])).toEqual([['AMT-01', rowOf(1), '月低保金额（元）']]);
  });
});

describe('a field whose column is missing', () => {
  const LOOKALIKE: Partial<Record<Header, string>> = { 月保障金: '低保金发放数' };
  const rows = [cleanRow(), cleanRow({ 月保障金: 300 })].map((r) => under(LOOKALIKE, r));

  test('the skipped reason names the header that looks like it', () => {
    const result = check(workbook(rows, [], renamed(LOOKALIKE)));
    const amt01 = result.skipped.find((s) => s.rule === 'AMT-01')!;
    expect(skippedReason(amt01)).toBe(
      '缺少“月保障金”列（表中“低保金发放数”列可能就是此列，如是请在核查参数的表头对应中指定），未检查',
    );
  });

  test('named in the policy by field or by its header, the column is used and the rules run', () => {
    for (const columns of [{ benefit: '低保金发放数' }, { 月保障金: ' 低保金发放数 ' }] as Record<string, string>[]) {
      const result = check(workbook(rows, [], renamed(LOOKALIKE)), { columns });
      expect(result.roster.columns.benefit).toEqual({ header: '低保金发放数', col: HEADERS.indexOf('月保障金') + 1 });
      expect(result.findings.map((f) => [f.rule, f.row])).toEqual([['AMT-01', rowOf(1)]]);
    }
  });

  test('a named header wins over an alias elsewhere in the row', () => {
    const names: Partial<Record<Header, string>> = { 备注: '核定发放金额' };
    const both = [cleanRow({ 备注: 456.5 }), cleanRow({ 月保障金: 300, 备注: 456.5 })].map((r) => under(names, r));
    const result = check(workbook(both, [], renamed(names)), { columns: { benefit: '核定发放金额' } });
    expect(result.roster.columns.benefit?.header).toBe('核定发放金额');
    expect(result.findings.filter((f) => f.rule === 'AMT-01')).toEqual([]);
  });

  test('a named header that is not on the roster is said so in the skipped reason', () => {
    const result = check(workbook(rows, [], renamed(LOOKALIKE)), { columns: { benefit: '发放金额合计' } });
    const amt01 = result.skipped.find((s) => s.rule === 'AMT-01')!;
    expect(skippedReason(amt01)).toContain('核查参数指定的表头“发放金额合计”在花名册中未找到');
  });

  test('the roster itself can be found through named headers', () => {
    const names: Partial<Record<Header, string>> = { 户主姓名: '户名', 身份证号码: '证照号' };
    const result = check(
      workbook(
        [cleanRow()].map((r) => under(names, r)),
        [],
        renamed(names),
      ),
      {
        columns: { headName: '户名', headId: '证照号' },
      },
    );
    expect(result.households).toHaveLength(1);
    expect(result.findings).toEqual([]);
  });
});

describe('policy columns', () => {
  test('keys are field names or canonical headers; anything else is refused naming the key', () => {
    expect(parsePolicy({ columns: { 月保障金: '发放数', headId: '证照号' } }).columns).toEqual({
      benefit: '发放数',
      headId: '证照号',
    });
    const issuesOf = (columns: Record<string, string>) => {
      try {
        parsePolicy({ columns });
      } catch (e) {
        if (e instanceof PolicyError) return errorText(e, 'pane').zh;
      }
      throw new Error('expected a PolicyError');
    };
    expect(issuesOf({ 金额: '发放数' })).toMatch(/^核查参数有误：参数 columns\.金额 不正确：“金额”不是花名册的字段/);
    expect(issuesOf({ benefit: ' ' })).toContain('参数 columns.benefit 不正确：表头不能为空');
  });
});

/**
 * A township roster kept one sheet per village (#10 point 1): every village sheet is checked, the
 * findings land on their own sheet's rows, and IDs, totals, adjustments and the sample cover all.
 */
import { sheetFromValues, type SheetGrid } from '../../src/domain/grid';
import { checkWorkbook } from '../../src/domain/engine';
import { parsePolicy } from '../../src/domain/policy';
import { formatFinding, notCheckedReason, skippedReason } from '../../src/domain/messages';
import { villageOfSheet } from '../../src/domain/roster-sheets';
import { check, cleanRow, HEADERS, makeId, rosterSheet, rowOf, type Row } from '../support/roster';

/** The template without its 村 column: the sheet's name says the village. */
const NO_VILLAGE = HEADERS.filter((h) => h !== '村');
const village = (name: string, rows: Row[]) => rosterSheet(rows, NO_VILLAGE, name);

const memberSheet = (name: string, rows: string[][]): SheetGrid =>
  sheetFromValues(name, [['户主身份证号', '姓名', '身份证号', '与户主关系', '是否保障对象'], ...rows]);

describe('one roster sheet per village', () => {
  const twice = makeId('19700707', '771');
  const baiyun = [cleanRow({ 户主姓名: '杨一' }), cleanRow({ 户主姓名: '杨二', 入户调查签字: null })];
  const dankou = [
    cleanRow({ 户主姓名: '蓝一', 身份证号码: twice }),
    cleanRow({ 户主姓名: '蓝二', 家庭月人均收入: 300, 月保障金: 0 }),
  ];
  const changan = [cleanRow({ 户主姓名: '刘一', 状态: '新增' }), cleanRow({ 户主姓名: '刘二', 身份证号码: twice })];
  const wb = { sheets: [village('白云村', baiyun), village('丹口村', dankou), village('长安村花名册', changan)] };
  const r = check(wb);

  test('every village sheet is checked, each with its own header and households', () => {
    expect(r.rosterSheets.map((s) => [s.sheet, s.headerRows, s.households])).toEqual([
      ['白云村', [3], 2],
      ['丹口村', [3], 2],
      ['长安村花名册', [3], 2],
    ]);
    expect(r.roster).toBe(r.rosterSheets[0]);
    expect(r.notChecked).toEqual([]);
    expect(r.households.map((h) => [h.sheet, h.row, h.headName])).toEqual([
      ['白云村', rowOf(0), '杨一'],
      ['白云村', rowOf(1), '杨二'],
      ['丹口村', rowOf(0), '蓝一'],
      ['丹口村', rowOf(1), '蓝二'],
      ['长安村花名册', rowOf(0), '刘一'],
      ['长安村花名册', rowOf(1), '刘二'],
    ]);
  });

  test('with no 村 column the village is the sheet name', () => {
    expect([...new Set(r.households.map((h) => h.village))]).toEqual(['白云村', '丹口村', '长安村']);
    expect(r.summary.villages.map((v) => [v.village, v.households])).toEqual([
      ['白云村', 2],
      ['丹口村', 2],
      ['长安村', 2],
    ]);
  });

  test('each finding is on its own sheet and row', () => {
    const at = (rule: string) => r.findings.filter((f) => f.rule === rule).map((f) => [f.sheet, f.row]);
    expect(at('DOC-01')).toEqual([['白云村', rowOf(1)]]);
    expect(at('AMT-02')).toEqual([['丹口村', rowOf(1)]]);
  });

  test('a person enrolled in two villages is ID-06 on both sheets, each naming the other sheet', () => {
    const dup = r.findings.filter((f) => f.rule === 'ID-06');
    expect(dup.map((f) => [f.sheet, f.row, formatFinding(f)])).toEqual([
      ['丹口村', rowOf(0), expect.stringContaining(`与工作表“长安村花名册”第${rowOf(1)}行`)],
      ['长安村花名册', rowOf(1), expect.stringContaining(`与工作表“丹口村”第${rowOf(0)}行`)],
    ]);
    expect(formatFinding(dup[0], 'en')).toContain(`ID also on sheet "长安村花名册" row ${rowOf(1)}`);
  });

  test('totals, adjustments and the sample cover every sheet', () => {
    expect(r.summary.households).toBe(6);
    expect(r.adjustments.map((a) => [a.sheet, a.row, a.type])).toEqual([['丹口村', rowOf(1), '停保']]);
    expect(new Set(r.sample.map((s) => s.village))).toEqual(new Set(['白云村', '丹口村', '长安村']));
    for (const s of r.sample) expect(r.households[s.household].sheet).toBe(s.sheet);
  });

  test('--sheet restricts the check to the sheets named', () => {
    const policy = parsePolicy({ asOf: '2018-01-15' });
    const two = checkWorkbook({ workbook: wb, policy, rosterSheets: ['白云村', '长安村花名册'] });
    expect(two.rosterSheets.map((s) => s.sheet)).toEqual(['白云村', '长安村花名册']);
    expect(two.findings.filter((f) => f.rule === 'ID-06')).toEqual([]);
    expect(() => checkWorkbook({ workbook: wb, policy, rosterSheets: ['白云村', '红旗村'] })).toThrow(/红旗村/);
  });
});

test('a village sheet without a column skips that rule there only, and says where', () => {
  const without = HEADERS.filter((h) => h !== '身份证复印件');
  const wb = {
    sheets: [
      rosterSheet([cleanRow({ 身份证复印件: null })], HEADERS, '白云村'),
      rosterSheet([cleanRow({ 村: '丹口村' })], without, '丹口村'),
    ],
  };
  const r = check(wb);
  expect(r.findings.filter((f) => f.rule === 'DOC-03').map((f) => f.sheet)).toEqual(['白云村']);
  const skipped = r.skipped.find((s) => s.rule === 'DOC-03');
  expect(skipped?.sheets).toEqual(['丹口村']);
  expect(skippedReason(skipped!)).toContain('工作表“丹口村”缺少');
  expect(skipped).toMatchObject({ messageId: 'missingOnSheets', data: { lacking: [{ sheet: '丹口村' }] } });
  expect(skippedReason(skipped!, 'en')).toMatch(
    /^sheet "丹口村" is missing column ".+": those sheets were not checked$/,
  );
});

test('a sheet that looks like a roster but lacks the ID column is named, not dropped', () => {
  const noId = HEADERS.filter((h) => h !== '身份证号码');
  const r = check({
    sheets: [rosterSheet([cleanRow()], HEADERS, '白云村'), rosterSheet([cleanRow()], noId, '丹口村')],
  });
  expect(r.rosterSheets.map((s) => s.sheet)).toEqual(['白云村']);
  expect(r.notChecked).toEqual([expect.objectContaining({ sheet: '丹口村', kind: 'unreadable' })]);
  expect(notCheckedReason(r.notChecked[0])).toBe('工作表“丹口村”像是花名册，但缺少“身份证号码”列，未核查');
  expect(r.notChecked[0]).toMatchObject({ messageId: 'lacksColumns', data: { fields: ['headId'] } });
  expect(notCheckedReason(r.notChecked[0], 'en')).toBe(
    'sheet "丹口村" looks like a roster but has no 身份证号码 column: not checked',
  );
});

test('two periods of the same roster are editions, not villages: the other one is named, not checked', () => {
  const r = check({
    sheets: [rosterSheet([cleanRow()], HEADERS, '2017年花名册'), rosterSheet([cleanRow()], HEADERS, '2018年花名册')],
  });
  expect(r.rosterSheets.map((s) => s.sheet)).toEqual(['2017年花名册']);
  expect(r.roster.otherCandidates).toEqual(['2018年花名册']);
  expect(notCheckedReason(r.notChecked[0])).toContain('另一期：2018年');
});

test('several member sheets: each links to its households, and an orphan is reported on its own sheet', () => {
  const a = makeId('19600101', '101');
  const b = makeId('19610101', '111');
  const stray = makeId('19620101', '121');
  const r = check({
    sheets: [
      village('白云村', [cleanRow({ 身份证号码: a, 家庭人口: 2, 保障人数: 2, 月保障金: 304.34 })]),
      village('丹口村', [cleanRow({ 身份证号码: b, 家庭人口: 1, 保障人数: 1, 月保障金: 152.17 })]),
      memberSheet('白云村成员', [
        [a, '甲', a, '本人', '是'],
        [a, '甲妻', makeId('19630101', '132'), '配偶', '是'],
      ]),
      memberSheet('丹口村成员', [
        [b, '乙', b, '本人', '是'],
        [stray, '丙', stray, '本人', '是'],
      ]),
    ],
  });
  expect(r.memberSheet).toBe('白云村成员、丹口村成员');
  expect(r.findings.filter((f) => f.rule.startsWith('HH-')).map((f) => [f.rule, f.sheet, f.row])).toEqual([
    ['HH-05', '丹口村成员', 3],
  ]);
});

test.each([
  ['白云村', '白云村'],
  ['白云村花名册', '白云村'],
  ['2018年丹口村低保花名册', '丹口村'],
  ['一组', '一组'],
  ['Sheet2', ''],
  ['第3页', ''],
  ['花名册', ''],
])('the village of sheet %s is “%s”', (name, expected) => {
  expect(villageOfSheet(name)).toBe(expected);
});

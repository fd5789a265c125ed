/** The engine as a whole: refusals, skipped checks, money with deaths, adjustments, sample, summary. */
import fc from 'fast-check';
import { sheetFromValues, type CellValue, type SheetGrid } from '../../src/domain/grid';
import { RosterError } from '../../src/domain/engine';
import { adjustmentReason, formatFinding, skippedReason } from '../../src/domain/messages';
import { parsePolicy } from '../../src/domain/policy';
import { checkWorkbook } from '../../src/domain/engine';
import { check, cleanRow, makeId, rowOf, workbook } from '../support/roster';

const members = (rows: (string | null)[][]): SheetGrid =>
  sheetFromValues('家庭成员', [
    ['户主身份证号', '姓名', '身份证号', '与户主关系', '是否保障对象', '残疾证号', '死亡日期'],
    ...rows,
  ]);

describe('catalogue', () => {
  test('a finding names the observed value and the expectation', () => {
    const r = check(workbook([cleanRow({ 家庭月人均收入: 300, 月保障金: 0 })]));
    const f = r.findings.find((x) => x.rule === 'AMT-02')!;
    expect(formatFinding(f)).toBe('月人均收入 300 元 ≥ 低保标准 252.17 元，不符合低保条件');
    expect(formatFinding(f, 'en')).toContain('300');
  });
});

describe('refusals and skipped checks', () => {
  test('a sheet without 户主姓名 and 身份证号码 is refused, naming both', () => {
    const wb = {
      sheets: [
        sheetFromValues('Sheet1', [
          ['序号', '村', '金额'],
          [1, '白云村', 3],
        ]),
      ],
    };
    expect(() => check(wb)).toThrow(RosterError);
    try {
      check(wb);
    } catch (e) {
      expect((e as RosterError).zh).toContain('户主姓名');
      expect((e as RosterError).zh).toContain('身份证号码');
    }
  });
  test('absent columns skip their rules once, saying which columns', () => {
    const r = check(workbook([cleanRow(), cleanRow()], [], ['户主姓名', '身份证号码', '家庭人口', '保障人数']));
    const doc1 = r.skipped.find((s) => s.rule === 'DOC-01')!;
    expect(skippedReason(doc1)).toContain('入户调查表');
    // Codes and data, not words: the pane's English says it in English.
    expect(doc1).toMatchObject({
      messageId: 'missing',
      data: { lacking: [{ needs: [[{ need: 'visitForm' }, { need: 'visitSigned' }]] }] },
    });
    expect(skippedReason(doc1, 'en')).toBe('missing column "入户调查表" or column "入户调查签字": not checked');
    expect(r.skipped.filter((s) => s.rule === 'DOC-01')).toHaveLength(1);
    expect(r.skipped.map((s) => s.rule)).toContain('HH-05'); // no member sheet
    expect(r.skipped.map((s) => s.rule)).not.toContain('HH-01');
    expect(r.findings.some((f) => f.rule.startsWith('DOC'))).toBe(false);
  });
  test('the report locates the roster: sheet, header row, first and last household row', () => {
    const r = check(workbook([cleanRow(), cleanRow(), cleanRow()]));
    expect(r.roster).toMatchObject({ sheet: '花名册', headerRows: [3], firstRow: 4, lastRow: 6 });
    expect(r.roster.columns.headId).toEqual({ header: '身份证号码', col: 4 });
  });
});

describe('money and adjustments', () => {
  const HEAD = makeId('19600101', '111');
  const WIFE = makeId('19620202', '122');
  test('a covered member who died: income re-spread over fewer persons, benefit recomputed (减发)', () => {
    // 3 persons, income 100 each: total 300; wife died → 300 / 2 = 150 each; (252.17 − 150) × 2 = 204.33
    const r = check(
      workbook(
        [cleanRow({ 身份证号码: HEAD })],
        [
          members([
            [HEAD, '甲', HEAD, '本人'],
            [HEAD, '乙', WIFE, '妻', '是', null, '2017-08-01'],
            [HEAD, '丙', makeId('19900303', '133'), '子'],
          ]),
        ],
      ),
    );
    expect(r.findings.filter((f) => f.rule === 'ELIG-01')).toHaveLength(1);
    expect(r.adjustments).toEqual([
      expect.objectContaining({
        row: rowOf(0),
        type: '减发',
        before: { persons: 3, amount: 456.5 },
        after: { persons: 2, amount: 204.33 },
      }),
    ]);
  });
  test('all covered persons deceased → 停保', () => {
    const r = check(workbook([cleanRow({ 家庭人口: 1, 保障人数: 1, 月保障金: 152.17, 死亡日期: '2017-12-01' })]));
    expect(r.adjustments).toEqual([
      expect.objectContaining({ type: '停保', after: { persons: 0, amount: 0 }, rules: ['ELIG-01'] }),
    ]);
  });
  test('income above standard → 停保 with the reason naming income and standard', () => {
    const r = check(workbook([cleanRow({ 家庭月人均收入: 300, 月保障金: 200 })]));
    expect(r.adjustments).toHaveLength(1);
    expect(r.adjustments[0]).toMatchObject({
      type: '停保',
      before: { persons: 3, amount: 200 },
      after: { persons: 0, amount: 0 },
    });
    expect(adjustmentReason(r.adjustments[0])).toContain('300');
    expect(r.findings.some((f) => f.rule === 'AMT-01')).toBe(false);
  });
  test('a car → 停保; wrong amount → 增发 to the expected benefit', () => {
    const r = check(workbook([cleanRow({ 机动车辆: '小轿车一辆' }), cleanRow({ 月保障金: 400 })]));
    expect(r.adjustments.map((a) => [a.row, a.type, a.after.amount])).toEqual([
      [rowOf(0), '停保', 0],
      [rowOf(1), '增发', 456.5],
    ]);
  });
  test('a new household with no errors → 新增; with errors → left to the clerk', () => {
    const r = check(
      workbook([cleanRow({ 状态: '新增', 入户复核: '是' }), cleanRow({ 状态: '新增', 入户复核: '是', 公示: null })]),
    );
    expect(r.adjustments).toEqual([
      expect.objectContaining({
        row: rowOf(0),
        type: '新增',
        before: { persons: 0, amount: 0 },
        after: { persons: 3, amount: 456.5 },
      }),
    ]);
  });
  test('person counts in error: no automatic 增发/减发', () => {
    const r = check(workbook([cleanRow({ 家庭人口: 2, 保障人数: 3, 月保障金: 400 })]));
    expect(r.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['HH-01', 'AMT-01']));
    expect(r.adjustments).toEqual([]);
  });
  test('rounding to whole yuan by policy', () => {
    const r = check(workbook([cleanRow({ 月保障金: 457 })]), { rounding: 'yuan', tolerance: 0 });
    expect(r.households[0].expectedBenefit).toBe(457); // 456.5 → 457
    expect(r.findings.some((f) => f.rule === 'AMT-01')).toBe(false);
  });
  test('monthly standard from policy overrides the default', () => {
    const r = check(workbook([cleanRow({ 月保障金: 600 })]), { monthlyStandard: 300 });
    expect(r.findings.some((f) => f.rule === 'AMT-01')).toBe(false);
  });
});

describe('sample (抽查名单)', () => {
  const rows = () => [
    ...Array.from({ length: 10 }, () => cleanRow({ 村: '白云村' })),
    ...Array.from({ length: 7 }, () => cleanRow({ 村: '清溪村' })),
    cleanRow({ 村: '清溪村', 状态: '新增', 入户复核: '是' }),
    ...Array.from({ length: 4 }, () => cleanRow({ 村: '兰蓉村' })),
    cleanRow({ 村: '兰蓉村', 状态: '停保', 月保障金: 0 }),
  ];
  test('at least 30% of active households per village, rounded up, every 新增 household, reproducible', () => {
    const wb = workbook(rows());
    const a = check(wb);
    const count = (v: string) => a.sample.filter((s) => s.village === v).length;
    expect(count('白云村')).toBe(3);
    expect(count('清溪村')).toBe(3); // ceil(0.3 × 8)
    expect(count('兰蓉村')).toBe(2); // ceil(0.3 × 4); the stopped household does not count
    expect(a.sample.find((s) => s.reason === 'new')?.row).toBe(rowOf(17));
    expect(check(wb).sample).toEqual(a.sample);
    const other = check(wb, { sampleSeed: 'another seed' }).sample.map((s) => s.row);
    expect(other.length).toBe(a.sample.length);
  });
  test('villages sampled in full', () => {
    const r = check(workbook(rows()), { fullSampleVillages: ['兰蓉村'] });
    expect(r.sample.filter((s) => s.village === '兰蓉村')).toHaveLength(4);
  });
});

describe('summary', () => {
  test('per village and in total: households, covered persons, monthly total, errors, warnings', () => {
    const r = check(
      workbook([
        cleanRow({ 村: '白云村' }),
        cleanRow({ 村: '白云村', 公示: null }),
        cleanRow({ 村: '清溪村', 申请书: null }),
      ]),
    );
    expect(r.summary).toMatchObject({ households: 3, coveredPersons: 9, monthlyTotal: 1369.5, errors: 1, warnings: 1 });
    const byVillage = Object.fromEntries(r.summary.villages.map((v) => [v.village, v]));
    expect(byVillage['白云村']).toMatchObject({ households: 2, errors: 1, warnings: 0, byRule: { 'PROC-02': 1 } });
    expect(byVillage['清溪村']).toMatchObject({ households: 1, errors: 0, warnings: 1 });
  });
  test('safety-net households of the poverty register missing from the roster (漏保)', () => {
    const inRoster = makeId('19550505', '155');
    const missing = makeId('19560606', '166');
    const poor = sheetFromValues('建档立卡贫困户', [
      ['姓名', '身份证号码', '是否兜底'],
      ['甲', inRoster, '是'],
      ['乙', missing, '是'],
      ['丙', makeId('19570707', '177'), '否'],
    ]);
    const r = check(workbook([cleanRow({ 身份证号码: inRoster })], [poor]));
    expect(r.summary.missingBottomLine.map((m) => m.idNumber)).toEqual([missing]);
  });
});

describe('cross-file and layout', () => {
  test('an ID enrolled in another township file is ID-06', () => {
    const id = makeId('19660606', '166');
    const wb = workbook([cleanRow({ 身份证号码: id })]);
    const externalIds = new Map([[id, [{ file: '丹口镇.xlsx', sheet: '花名册', row: 9, name: '某' }]]]);
    const r = checkWorkbook({ workbook: wb, policy: parsePolicy({ asOf: '2018-01-15' }), externalIds });
    expect(r.findings.filter((f) => f.rule === 'ID-06')).toEqual([
      expect.objectContaining({
        messageId: 'external',
        row: rowOf(0),
        data: expect.objectContaining({ file: '丹口镇.xlsx' }),
      }),
    ]);
  });
  test('a village cell merged down over several households applies to each', () => {
    const wb = workbook([cleanRow({ 村: '白云村' }), cleanRow({ 村: null }), cleanRow({ 村: '清溪村' })]);
    wb.sheets[0].merges = [{ top: 3, left: 1, bottom: 4, right: 1 }];
    expect(check(wb).households.map((h) => h.village)).toEqual(['白云村', '白云村', '清溪村']);
  });
  test('a finding with no column at fault points at the head-name cell', () => {
    const r = check(workbook([cleanRow({ 死亡日期: null })], [sheetFromValues('死亡名单', [['姓名', '身份证号码']])]));
    expect(r.findings).toEqual([]);
    const id = makeId('19500101', '101');
    const r2 = check(
      workbook(
        [cleanRow({ 身份证号码: id })],
        [
          sheetFromValues('死亡人员', [
            ['姓名', '身份证号码'],
            ['某', id],
          ]),
        ],
      ),
    );
    const f = r2.findings.find((x) => x.rule === 'ELIG-01')!;
    expect(f).toMatchObject({ cell: 'C4', col: 3, column: undefined });
  });
});

describe('never throws on any grid; every finding points at a cell of the roster', () => {
  const cellValue = fc.oneof(
    fc.constant(null),
    fc.string({ maxLength: 12 }),
    fc.constantFrom('是', '否', '', '合计', '新增', '停保', '2017-12-01', '4.30529E+17', '__proto__', '=1+1', makeId()),
    fc.double({ noNaN: false }),
    fc.integer(),
    fc.boolean(),
    fc.date({ noInvalidDate: false }),
  );
  test('random rows under a real header', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cellValue, { maxLength: 42 }), { maxLength: 25 }), (rows) => {
        const sheet = sheetFromValues('花名册', [
          [
            '户主姓名',
            '身份证号码',
            '家庭人口',
            '保障人数',
            '家庭月人均收入',
            '月保障金',
            '状态',
            '最近复核日期',
            '死亡日期',
            '机动车辆',
          ],
          ...(rows as CellValue[][]),
        ]);
        const r = checkWorkbook({ workbook: { sheets: [sheet] }, policy: parsePolicy({ asOf: '2018-01-15' }) });
        for (const f of r.findings) {
          expect(f.row).toBeGreaterThan(1);
          expect(f.row).toBeLessThanOrEqual(sheet.rows.length);
          expect(f.col).toBeGreaterThanOrEqual(1);
          expect(f.col).toBeLessThanOrEqual(10);
          expect(typeof formatFinding(f)).toBe('string');
        }
      }),
      { numRuns: 150 },
    );
  });
  test('random grids: either a result or a RosterError, never anything else', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cellValue, { maxLength: 8 }), { maxLength: 12 }), (rows) => {
        try {
          checkWorkbook({
            workbook: { sheets: [sheetFromValues('S', rows as CellValue[][])] },
            policy: parsePolicy({ asOf: '2018-01-15' }),
          });
        } catch (e) {
          expect(e).toBeInstanceOf(RosterError);
        }
      }),
      { numRuns: 200 },
    );
  });
});

test('an invalid date cell anywhere is harmless (found by the property test)', () => {
  const wb = { sheets: [{ name: 'S', rows: [[{ v: new Date(NaN), t: 'date' as const }]] }] };
  expect(() => checkWorkbook({ workbook: wb, policy: parsePolicy({ asOf: '2018-01-15' }) })).toThrow(RosterError);
});

test('a death recorded on the roster row points at its 死亡日期 cell; one from the member sheet names that sheet', () => {
  const r = check(workbook([cleanRow({ 死亡日期: '2017-11-02' })]));
  const f = r.findings.find((x) => x.rule === 'ELIG-01')!;
  expect(f).toMatchObject({ column: '死亡日期', field: 'deathDate' });
  expect(formatFinding(f)).toBe('户主已死亡（2017-11-02，来源：花名册），仍在保');
});

test('absurd amounts and person counts are invalid values, not numbers that break the totals', () => {
  const r = check(workbook([cleanRow({ 月保障金: 1e308 }), cleanRow({ 保障人数: 1e308 }), cleanRow()]));
  expect(r.findings.map((f) => [f.row, f.rule, f.messageId])).toEqual(
    expect.arrayContaining([
      [rowOf(0), 'AMT-03', 'invalid'],
      [rowOf(1), 'HH-01', 'invalid'],
    ]),
  );
  expect(Number.isFinite(r.summary.monthlyTotal)).toBe(true);
  expect(r.summary.coveredPersons).toBe(6);
});

test('a second sheet with the same roster header is checked with the first (one sheet per village)', () => {
  const wb = workbook([cleanRow(), cleanRow()], [rosterSheetNamed('丹口镇')]);
  const r = check(wb);
  expect(r.rosterSheets.map((s) => [s.sheet, s.households])).toEqual([
    ['花名册', 2],
    ['丹口镇', 1],
  ]);
  expect(r.roster).toMatchObject({ sheet: '花名册', otherCandidates: [] });
  const one = checkWorkbook({ workbook: wb, policy: parsePolicy({ asOf: '2018-01-15' }), rosterSheet: '丹口镇' });
  expect(one.rosterSheets.map((s) => s.sheet)).toEqual(['丹口镇']);
  expect(one.households).toHaveLength(1);
});

function rosterSheetNamed(name: string) {
  return { ...workbook([cleanRow()]).sheets[0], name };
}

test('a member whose head is not on the roster is reported on the member sheet (HH-05, a warning)', () => {
  const head = makeId('19700101', '231');
  const stranger = makeId('19710101', '241');
  const r = check(
    workbook(
      [cleanRow({ 身份证号码: head, 家庭人口: 1, 保障人数: 1, 月保障金: 152.17 })],
      [
        members([
          [head, '甲', head, '本人'],
          [stranger, '乙', makeId('19720101', '251'), '本人'],
        ]),
      ],
    ),
  );
  expect(r.findings.filter((f) => f.rule === 'HH-05')).toEqual([
    expect.objectContaining({ sheet: '家庭成员', row: 3, cell: 'A3', severity: 'warning', messageId: 'orphan' }),
  ]);
  expect(formatFinding(r.findings.find((f) => f.rule === 'HH-05')!)).toBe(
    '家庭成员乙的户主身份证号在花名册中找不到，请核对',
  );
});

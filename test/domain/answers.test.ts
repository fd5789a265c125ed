/**
 * The answer grammar of issue #10 (docs/DECISIONS.md "Answers (#10)"): the leading word of a
 * cell decides yes / no, a note in brackets or after a comma does not, and a date in 入户复核 is
 * done. Checked word by word, by properties over generated answers, and through the engine on
 * rosters written the way township clerks annotate them.
 */
import fc from 'fast-check';
import type { Cell } from '../../src/domain/grid';
import { docPresent, parseDone, parseYesNo } from '../../src/domain/values';
import { check, cleanRow, makeId, rowOf, workbook } from '../support/roster';

const text = (v: string): Cell => ({ v, t: 'string' });

/** What clerks write in front of a note. */
const YES_LEADS = [
  '是',
  '有',
  '√',
  '✓',
  '已',
  '已签',
  '已签字',
  '齐全',
  '通过',
  '已备案',
  '已核对',
  '核对通过',
  '审核通过',
];
const NO_LEADS = ['否', '无', '未', '没有', '缺', '×', '未签', '未通过', '核对未通过', '不通过'];

/** Notes as they appear on real rosters, some holding yes or no words of their own. */
const NOTES = [
  '村主任之弟',
  '外出务工',
  '2017年12月备案',
  '2017年纳入兜底',
  '未盖章',
  '是户主',
  '无',
  '见档案第3页',
  '已补',
];

/** A note after the leading word, in any of the ways clerks set it off. */
const noteAfter = fc.tuple(
  fc.constantFrom(...NOTES),
  fc.constantFrom<[string, string]>(
    ['（', '）'],
    ['(', ')'],
    ['【', '】'],
    ['，', ''],
    [',', ''],
    ['；', ''],
    ['：', ''],
    ['、', ''],
  ),
);

/** Typing noise: spaces around, full-width letters, a space between word and note. */
const padding = fc.constantFrom('', ' ', '\u3000', '\u00a0');

const answer = (leads: string[]) =>
  fc
    .tuple(fc.constantFrom(...leads), noteAfter, padding, padding, padding)
    .map(
      ([lead, [note, [open, close]], before, middle, after]) => before + lead + middle + open + note + close + after,
    );

describe('yes / no with a note', () => {
  test.each([
    ['是（村主任之弟）', 'yes'],
    ['是（外出务工）', 'yes'],
    ['是（2017年12月备案）', 'yes'],
    ['是（2017年纳入兜底）', 'yes'],
    ['核对通过', 'yes'],
    ['已核对', 'yes'],
    ['审核合格', 'yes'],
    ['核对未通过', 'no'],
    ['审核不合格', 'no'],
    ['否（已迁出）', 'no'],
    ['无，已出售', 'no'],
    ['有，未签字', 'yes'],
    ['（空）', 'other'],
    ['见附件（已签）', 'other'],
  ])('%j is %s', (value, expected) => {
    expect(parseYesNo(text(value))).toBe(expected);
  });

  test('a yes word followed by any note is yes', () => {
    fc.assert(fc.property(answer(YES_LEADS), (value) => expect(parseYesNo(text(value))).toBe('yes')));
  });

  test('a no word followed by any note is no', () => {
    fc.assert(fc.property(answer(NO_LEADS), (value) => expect(parseYesNo(text(value))).toBe('no')));
  });

  test('a note never turns free text into an answer', () => {
    const free = fc.constantFrom('见附件', '户主本人', '张三', '2017年度', '村委会');
    fc.assert(
      fc.property(fc.tuple(free, noteAfter), ([lead, [note, [open, close]]]) =>
        expect(parseYesNo(text(lead + open + note + close))).toBe('other'),
      ),
    );
  });

  test('paperwork with a yes word and a note is present, with a no word it is missing', () => {
    fc.assert(fc.property(answer(YES_LEADS), (value) => expect(docPresent(text(value))).toBe(true)));
    fc.assert(fc.property(answer(NO_LEADS), (value) => expect(docPresent(text(value))).toBe(false)));
  });
});

describe('done (入户复核)', () => {
  const date = fc
    .record({
      y: fc.integer({ min: 1990, max: 2030 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 28 }),
    })
    .map(({ y, m, d }) => ({ y, m, d, iso: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` }));
  const spellings = fc.constantFrom(
    ({ y, m, d }: { y: number; m: number; d: number }) => `${y}.${m}.${d}`,
    ({ y, m, d }) => `${y}年${m}月${d}日`,
    ({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
    ({ y, m, d }) => `${y}/${m}/${d}`,
    ({ y, m, d }) => `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`,
    ({ y, m, d }) => `${y}年${m}月${d}日入户`,
    ({ y, m, d }) => `已复核（${y}.${m}.${d}）`,
    ({ y, m, d }) => `是，${y}年${m}月${d}日`,
  );

  test('a date in any spelling, alone or with a word, is done on that date', () => {
    fc.assert(
      fc.property(date, spellings, (dt, spell) => {
        expect(parseDone(text(spell(dt)))).toEqual({ done: true, date: dt.iso });
      }),
    );
  });

  test('a date cell and an Excel serial are done on that date', () => {
    expect(parseDone({ v: new Date(Date.UTC(2018, 0, 5)), t: 'date' })).toEqual({ done: true, date: '2018-01-05' });
    expect(parseDone({ v: 43105, t: 'number' })).toEqual({ done: true, date: '2018-01-05' });
  });

  test.each<[string, Cell | undefined, boolean]>([
    ['blank', undefined, false],
    ['是', text('是'), true],
    ['已复核', text('已复核'), true],
    ['a month without a day', text('2018年1月复核'), true],
    ['否', text('否'), false],
    ['未复核', text('未复核'), false],
    ['free text', text('待复核'), false],
    ['a count is not a date', { v: 2, t: 'number' }, false],
    ['a month 13', text('2018.13.5'), false],
  ])('%s', (_label, cell, done) => {
    expect(parseDone(cell).done).toBe(done);
  });
});

describe('annotated answers on a roster', () => {
  test('a cadre relative noted 是（村主任之弟）with no filing is ELIG-03; 是（2017年12月备案）as the filing clears it', () => {
    const result = check(
      workbook([
        cleanRow({ 干部近亲属: '是（村主任之弟）', 近亲属备案: '否' }),
        cleanRow({ 干部近亲属: '是（村主任之弟）', 近亲属备案: '是（2017年12月备案）' }),
      ]),
    );
    expect(result.findings.filter((f) => f.rule === 'ELIG-03').map((f) => f.row)).toEqual([rowOf(0)]);
  });

  test('是（外出务工）in 有劳动能力 is the six-month review; 是（2017年纳入兜底）is 兜底 and needs 建档立卡', () => {
    const result = check(
      workbook([
        cleanRow({ 有劳动能力: '是（外出务工）', 最近复核日期: '2017-06-01' }),
        cleanRow({ 兜底对象: '是（2017年纳入兜底）', 建档立卡: '否' }),
      ]),
    );
    const got = result.findings.filter((f) => f.rule === 'REV-01' || f.rule === 'ELIG-04');
    expect(got.map((f) => [f.rule, f.row])).toEqual([
      ['REV-01', rowOf(0)],
      ['ELIG-04', rowOf(1)],
    ]);
  });

  test('a new household with 核对通过 / 已核对 and a date in 入户复核 has no PROC-03 or PROC-04', () => {
    const result = check(
      workbook([
        cleanRow({ 状态: '新增', 核对结果: '核对通过', 入户复核: '2018.1.5' }),
        cleanRow({ 状态: '新增', 核对结果: '已核对', 入户复核: '2018年1月5日入户' }),
        cleanRow({ 状态: '新增', 核对结果: '核对未通过', 入户复核: '未复核', 身份证号码: makeId('19800101', '551') }),
      ]),
    );
    const proc = result.findings.filter((f) => f.rule.startsWith('PROC-'));
    expect(proc.map((f) => [f.rule, f.row])).toEqual([
      ['PROC-03', rowOf(2)],
      ['PROC-04', rowOf(2)],
    ]);
  });
});

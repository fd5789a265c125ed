/**
 * The engine never throws on any grid (only RosterError, when there is no roster to check), and
 * every finding points at a cell of the roster sheet. Grids are built the way hosts deliver them:
 * headers drawn from the real aliases (in any order, duplicated, under titles, on one or two
 * rows), cells of every type (invalid dates, NaN, errors, formulas, 10,000-character text,
 * "__proto__"), merges (also past the last row), hidden rows, member sheets and reference lists.
 */
import fc from 'fast-check';
import { EN_MESSAGES, ZH_MESSAGES } from '../../src/domain/catalogue';
import { checkWorkbook, RosterError, type ExternalList } from '../../src/domain/engine';
import { LIST_KEYWORDS, LIST_KINDS, MEMBER_SPECS, ROSTER_SPECS } from '../../src/domain/fields';
import { a1, type Cell, type MergedRange, type SheetGrid, type WorkbookGrid } from '../../src/domain/grid';
import { formatFinding } from '../../src/domain/messages';
import { parsePolicy, type PolicyInput } from '../../src/domain/policy';
import type { CheckResult } from '../../src/domain/types';
import { corpusId } from '../corpus/roster-book';

const aliasesOf = (specs: typeof ROSTER_SPECS | typeof MEMBER_SPECS, field: string) =>
  specs.filter((s) => s.field === field).flatMap((s) => [s.header, ...s.aliases]);
const ROSTER_HEADERS = ROSTER_SPECS.flatMap((s) => [s.header, ...s.aliases]);
const MEMBER_HEADERS = MEMBER_SPECS.flatMap((s) => [s.header, ...s.aliases]);
const ROSTER_REQUIRED = [aliasesOf(ROSTER_SPECS, 'headName'), aliasesOf(ROSTER_SPECS, 'headId')];
const MEMBER_REQUIRED = ['headId', 'name', 'id', 'relation'].map((f) => aliasesOf(MEMBER_SPECS, f));
const JUNK_HEADERS = ['__proto__', 'constructor', 'prototype', 'toString', '合计', '', '户主姓名（元）', '备\n注'];
const HEADER_DECOR = (h: string) => [h, ` ${h} `, `${h}：`, `*${h}`, `${h}（元）`, h.replace(/^(.)/, '$1\n')];

const WORDS = [
  '是',
  '否',
  '有',
  '无',
  '√',
  '×',
  '已签字',
  '未签',
  '新增',
  '原有',
  '停保',
  '本人',
  '配偶',
  '长子',
  '母亲',
  '其他',
  '合计',
  '制表人：',
  '重度残疾，单独立户',
  '宗教',
  '小轿车一辆',
  '电动车',
  '通过',
  '未通过',
  '/',
  '—',
  '2017-12-01',
  '2017/12/1',
  '2017.12.1',
  '2017年12月1日',
  '20171201',
  '2017-02-30',
  '去年',
  '4.30529E+17',
  '１２０元',
  '1,234.50元',
  'NaN',
  'Infinity',
  '__proto__',
  'constructor',
  '=1+1',
  '+86',
  '@x',
  '𠀀𪚥',
  '👨‍👩‍👧',
];

const idText = fc.oneof(
  fc.integer({ min: 0, max: 40 }).map(corpusId),
  fc.integer({ min: 0, max: 40 }).map((i) => corpusId(i).slice(0, 17) + 'X'),
  fc.integer({ min: 0, max: 40 }).map((i) => corpusId(i).slice(0, 6) + corpusId(i).slice(8, 17)),
  fc.integer({ min: 0, max: 40 }).map((i) => corpusId(i) + '42'),
  fc.stringMatching(/^\d{1,20}[Xx]?$/),
);

const cellArb: fc.Arbitrary<Cell | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: fc.constantFrom(...WORDS).map((v): Cell => ({ v, t: 'string' })) },
  { weight: 2, arbitrary: idText.map((v): Cell => ({ v, t: 'string' })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }).map((v): Cell => ({ v, t: 'string' })) },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 2000 }).map((v): Cell => ({ v, t: 'number' })) },
  {
    weight: 1,
    arbitrary: fc
      .double({ noNaN: false, min: -1e12, max: 1e12 })
      .chain((v) => fc.constantFrom<Cell>({ v, t: 'number' }, { v, t: 'number', text: String(v), fmt: '0.00' })),
  },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0).map((v): Cell => ({ v, t: 'number' })) },
  { weight: 1, arbitrary: fc.boolean().map((v): Cell => ({ v, t: 'boolean', text: v ? 'TRUE' : 'FALSE' })) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }).map((v): Cell => ({ v, t: 'date' })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('#N/A', '#REF!', '#VALUE!', '#DIV/0!').map((v): Cell => ({ v, t: 'error' })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('', 0, '杨秀英')
      .map((v): Cell => ({ v, t: typeof v === 'number' ? 'number' : 'string', formula: true })),
  },
  { weight: 1, arbitrary: fc.constant<Cell>({ v: '杨'.repeat(10_000), t: 'string' }) },
);

/** A sheet: optional title rows, one or two header rows, then data; merges, hidden rows. */
function sheetArb(
  name: fc.Arbitrary<string>,
  headers: readonly string[],
  required: readonly (readonly string[])[] = [],
): fc.Arbitrary<SheetGrid> {
  const decorated = (hs: readonly string[]) => fc.constantFrom(...hs).chain((h) => fc.constantFrom(...HEADER_DECOR(h)));
  // The headers a sheet needs to qualify, each present most of the time, at a random place.
  const must = fc.tuple(...required.map((hs) => fc.option(decorated(hs), { freq: 6, nil: undefined })));
  return fc
    .record({
      name,
      titleRows: fc.integer({ min: 0, max: 2 }),
      groupRow: fc.boolean(),
      header: fc
        .tuple(fc.array(decorated([...headers, ...JUNK_HEADERS]), { minLength: 1, maxLength: 16 }), must, fc.nat())
        .map(([hs, needed, at]) => {
          const out = [...hs];
          for (const h of needed) if (h !== undefined) out.splice((at += 7) % (out.length + 1), 0, h);
          return out;
        }),
      data: fc.array(fc.array(cellArb, { maxLength: 18 }), { maxLength: 14 }),
      merges: fc.array(
        fc.record({
          top: fc.nat(20),
          left: fc.nat(18),
          height: fc.nat(4),
          width: fc.nat(3),
        }),
        { maxLength: 4 },
      ),
      hidden: fc.array(fc.nat(20), { maxLength: 3 }),
      hiddenSheet: fc.boolean(),
    })
    .map((s) => {
      const rows: (Cell | undefined)[][] = [];
      for (let i = 0; i < s.titleRows; i++) rows.push([{ v: '城步苗族自治县儒林镇农村低保对象花名册', t: 'string' }]);
      if (s.groupRow) rows.push(s.header.map((_, c) => (c % 3 === 0 ? { v: '档案材料', t: 'string' } : undefined)));
      rows.push(s.header.map((v) => (v ? { v, t: 'string' } : undefined)));
      rows.push(...s.data);
      const merges: MergedRange[] = s.merges.map((m) => ({
        top: m.top,
        left: m.left,
        bottom: m.top + m.height,
        right: m.left + m.width,
      }));
      const grid: SheetGrid = { name: s.name, rows };
      if (merges.length) grid.merges = merges;
      if (s.hidden.length) grid.hiddenRows = s.hidden;
      if (s.hiddenSheet) grid.hidden = true;
      return grid;
    });
}

const rosterName = fc.constantFrom('花名册', '__proto__', 'Sheet1', '𪚥花名册😀', '2018年');
const memberName = fc.constantFrom('家庭成员', '成员', 'constructor');
const listName = fc.constantFrom(...LIST_KINDS.flatMap((k) => LIST_KEYWORDS[k].map((w) => `${w}名单`)));
const LIST_HEADERS = ['姓名', '身份证号', '身份证号码', '死亡日期', '是否兜底', '村'];

const workbookArb: fc.Arbitrary<WorkbookGrid> = fc
  .record({
    roster: sheetArb(rosterName, ROSTER_HEADERS, ROSTER_REQUIRED),
    second: fc.option(sheetArb(fc.constant('2017年花名册'), ROSTER_HEADERS, ROSTER_REQUIRED), { nil: undefined }),
    members: fc.option(sheetArb(memberName, MEMBER_HEADERS, MEMBER_REQUIRED), { nil: undefined }),
    lists: fc.array(sheetArb(listName, LIST_HEADERS), { maxLength: 2 }),
  })
  .map(({ roster, second, members, lists }) => ({
    sheets: [roster, ...(second ? [second] : []), ...(members ? [members] : []), ...lists].filter(
      // Excel does not allow two sheets with the same name.
      (s, i, all) => all.findIndex((t) => t.name === s.name) === i,
    ),
  }));

const policyArb: fc.Arbitrary<PolicyInput> = fc.record(
  {
    asOf: fc.constantFrom('2018-01-15', '2017-06-30', '2030-01-01'),
    areaCode: fc.constantFrom('430529', '43', '110105'),
    monthlyStandard: fc.constantFrom(0, 252.17, 400),
    rounding: fc.constantFrom('fen' as const, 'yuan' as const),
    tolerance: fc.constantFrom(0, 1, 50),
    supplements: fc.constant({ A: 30, B: 0 }),
    sampleRate: fc.constantFrom(0, 0.3, 1),
    fullSampleVillages: fc.constant(['白云村']),
    sampleSeed: fc.constantFrom('dibao', 7),
  },
  { requiredKeys: ['asOf'] },
);

const extraListArb: fc.Arbitrary<ExternalList[]> = fc.array(
  fc.record({
    kind: fc.constantFrom(...LIST_KINDS),
    sheet: sheetArb(fc.constant('Sheet1'), LIST_HEADERS),
    source: fc.constant('外部名单.xlsx'),
  }),
  { maxLength: 2 },
);

const placeholders = (template: string | undefined) => [...(template ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]);

/**
 * Every finding about a household on a cell of its row, on its own roster sheet, below that
 * sheet's header; the only others are member-sheet rows whose head is not on the roster (HH-05
 * orphan), on a cell of that sheet. Every message complete.
 */
function expectWellFormed(wb: WorkbookGrid, r: CheckResult): void {
  expect(r.rosterSheets[0]).toBe(r.roster);
  const located = new Map(r.rosterSheets.map((loc) => [loc.sheet, loc]));
  const rowsOf = (name: string) => new Set(r.households.filter((h) => h.sheet === name).map((h) => h.row));
  for (const loc of r.rosterSheets) {
    const sheet = wb.sheets.find((s) => s.name === loc.sheet);
    expect(sheet).toBeDefined();
    expect(r.households.filter((h) => h.sheet === loc.sheet)).toHaveLength(loc.households);
    for (const h of r.households) if (h.sheet === loc.sheet) expect(h.row).toBeLessThanOrEqual(sheet!.rows.length);
  }
  expect(r.rosterSheets.reduce((n, loc) => n + loc.households, 0)).toBe(r.households.length);
  const memberSheets = (r.memberSheet ?? '').split('、');
  for (const f of r.findings) {
    const loc = located.get(f.sheet);
    if (!loc || f.household === undefined) {
      expect([f.rule, f.messageId, memberSheets.includes(f.sheet)]).toEqual(['HH-05', 'orphan', true]);
      const members = wb.sheets.find((s) => s.name === f.sheet)!;
      expect(members.rows[f.row - 1]?.[f.col! - 1]).toBeDefined();
      expect(f.cell).toBe(a1(f.row - 1, f.col! - 1));
      continue;
    }
    const sheet = wb.sheets.find((s) => s.name === f.sheet)!;
    const width = Math.max(...sheet.rows.map((row) => row.length));
    expect(r.households[f.household].sheet).toBe(f.sheet);
    expect(f.row).toBeGreaterThan(Math.max(...loc.headerRows));
    expect(f.row).toBeLessThanOrEqual(sheet.rows.length);
    expect(rowsOf(f.sheet).has(f.row)).toBe(true);
    expect(f.col).toBeGreaterThanOrEqual(1);
    expect(f.col!).toBeLessThanOrEqual(width);
    expect(f.cell).toBe(a1(f.row - 1, f.col! - 1));
    const key = `${f.rule}.${f.messageId}`;
    expect(ZH_MESSAGES[key]).toBeDefined();
    for (const k of [...placeholders(ZH_MESSAGES[key]), ...placeholders(EN_MESSAGES[key])]) {
      expect([key, k, f.data[k] !== undefined]).toEqual([key, k, true]);
    }
    expect(formatFinding(f, 'zh').length).toBeGreaterThan(0);
    expect(formatFinding(f, 'en').length).toBeGreaterThan(0);
  }
  for (const a of r.adjustments) expect(rowsOf(a.sheet).has(a.row)).toBe(true);
  for (const s of r.sample) expect(rowsOf(s.sheet).has(s.row)).toBe(true);
}

const RUNS = { grids: 1000, withLists: 300 };

describe('the engine on any grid', () => {
  test(`never throws anything but RosterError, and findings point at roster cells (${RUNS.grids} runs)`, () => {
    let checked = 0;
    let findings = 0;
    fc.assert(
      fc.property(workbookArb, policyArb, (wb, policyInput) => {
        const policy = parsePolicy(policyInput);
        let r: CheckResult;
        try {
          r = checkWorkbook({ workbook: wb, policy });
        } catch (e) {
          expect(e).toBeInstanceOf(RosterError);
          return;
        }
        checked++;
        findings += r.findings.length;
        expectWellFormed(wb, r);
      }),
      { numRuns: RUNS.grids },
    );
    // Most random grids must reach the rules, or the property says little.
    expect(checked).toBeGreaterThan(RUNS.grids / 2);
    expect(findings).toBeGreaterThan(RUNS.grids);
  });

  test(`with lists from outside and a chosen roster sheet (${RUNS.withLists} runs)`, () => {
    fc.assert(
      fc.property(
        workbookArb,
        extraListArb,
        fc.constantFrom(undefined, '花名册', '2017年花名册', '不存在的表', '__proto__'),
        (wb, extraLists, rosterSheet) => {
          try {
            const r = checkWorkbook({
              workbook: wb,
              policy: parsePolicy({ asOf: '2018-01-15' }),
              extraLists,
              rosterSheet,
            });
            if (rosterSheet) expect(r.roster.sheet).toBe(rosterSheet);
            expectWellFormed(wb, r);
          } catch (e) {
            expect(e).toBeInstanceOf(RosterError);
          }
        },
      ),
      { numRuns: RUNS.withLists },
    );
  });

  test('prototype-named headers and values never leak into results as inherited properties', () => {
    const wb: WorkbookGrid = {
      sheets: [
        {
          name: '__proto__',
          rows: [
            ['户主姓名', '身份证号码', '__proto__', 'constructor', 'toString'].map((v) => ({
              v,
              t: 'string' as const,
            })),
            ['杨秀英', corpusId(1), '__proto__', 'constructor', 'hasOwnProperty'].map((v) => ({
              v,
              t: 'string' as const,
            })),
          ],
        },
      ],
    };
    const r = checkWorkbook({ workbook: wb, policy: parsePolicy({ asOf: '2018-01-15' }) });
    expect(Object.keys(r.roster.columns).sort()).toEqual(['headId', 'headName']);
    expect(r.households).toHaveLength(1);
    expect(({} as Record<string, unknown>).headName).toBeUndefined();
  });
});

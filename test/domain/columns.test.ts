import {
  detectHeader,
  detectList,
  findLists,
  findMemberSheet,
  findRoster,
  listKindOf,
  looksLikeId,
  MARK_RECORD_SHEET_NAME,
  normalizeHeader,
} from '../../src/domain/columns';
import { RosterError } from '../../src/domain/engine';
import { LIST_KEYWORDS, LIST_KINDS, MEMBER_SPECS, ROSTER_SPECS } from '../../src/domain/fields';
import type { RosterField } from '../../src/domain/fields';
import { toCell } from '../../src/domain/grid';
import type { WorkbookGrid } from '../../src/domain/grid';
import { MARK_RECORD_SHEET } from '../../src/workbook/host';
import {
  fakeId,
  household,
  memberSheet,
  messyRoster,
  SIMPLE_HEADER,
  sheetFromValues,
  twoRowHeaderRoster,
} from '../support/columns-fixtures';

function colOf<F extends string>(match: { columns: Partial<Record<F, { col: number }>> } | null, field: F) {
  return match?.columns[field]?.col;
}

function rosterError(fn: () => unknown): RosterError {
  try {
    fn();
  } catch (e) {
    if (e instanceof RosterError) return e;
    throw e;
  }
  throw new Error('expected a RosterError');
}

describe('normalizeHeader', () => {
  test.each([
    ['月保障金\n（元）', '月保障金'],
    ['家庭月人均收入（元/人·月）', '家庭月人均收入'],
    ['低保金(元/人/月)', '低保金'],
    ['家庭年收入（元/年）', '家庭年收入'],
    ['保障人数（人）', '保障人数'],
    ['家庭人口（户）', '家庭人口'],
    ['月保障金[元]', '月保障金'],
    ['月保障金【元】', '月保障金'],
    ['村（社区）', '村社区'],
    ['乡镇(街道)', '乡镇街道'],
    ['乡（镇）', '乡镇'],
    ['户 主\u3000姓 名：', '户主姓名'],
    ['身份证号码*', '身份证号码'],
    ['兜底对象★', '兜底对象'],
    ['月保障金（元）：', '月保障金'],
    ['ＩＤ号', 'ID号'],
  ])('%j → %s', (raw, expected) => {
    expect(normalizeHeader(raw)).toBe(expected);
  });
});

describe('detectHeader on messy rosters', () => {
  test('finds the header in row 3 under a merged title and a 填报单位 line', () => {
    const m = detectHeader(messyRoster(), ROSTER_SPECS)!;
    expect(m.headerRows).toEqual([3]);
    expect(colOf(m, 'headName')).toBe(2);
    expect(colOf(m, 'headId')).toBe(3);
    expect(m.columns.village).toEqual({ col: 1, header: '村（社区）' });
    expect(m.score).toBe(SIMPLE_HEADER.length);
  });

  test('data rows skip the column-number row, blank rows, the totals row and stop at signatures', () => {
    const m = detectHeader(messyRoster(), ROSTER_SPECS)!;
    // rows 5, 6, 8 are households; 4 is "1 2 3 …", 7 blank, 9 合计, 11-12 制表人 / 注：
    expect(m.dataRows).toEqual([5, 6, 8]);
  });

  test('headers with unit suffixes and line breaks map to their fields, header text kept as shown', () => {
    const m = detectHeader(messyRoster(), ROSTER_SPECS)!;
    expect(m.columns.benefit).toEqual({ col: 7, header: '月保障金\n（元）' });
    expect(colOf(m, 'monthlyIncome')).toBe(6);
    expect(m.unmatched).toEqual([]);
  });

  test('two header rows: sub-headers under a merged 档案材料, vertically merged columns from the upper row', () => {
    const m = detectHeader(twoRowHeaderRoster(), ROSTER_SPECS)!;
    expect(m.headerRows).toEqual([1, 2]);
    expect(colOf(m, 'seq')).toBe(0);
    expect(colOf(m, 'headName')).toBe(2);
    expect(colOf(m, 'headId')).toBe(3);
    expect(colOf(m, 'benefit')).toBe(4);
    expect(colOf(m, 'visitForm')).toBe(5);
    expect(colOf(m, 'visitSigned')).toBe(6);
    expect(colOf(m, 'authorization')).toBe(7);
    expect(colOf(m, 'authorizationSigned')).toBe(8);
    expect(colOf(m, 'note')).toBe(9);
    expect(m.score).toBe(10);
    // the group header is covered by its sub-headers, so it is not reported as unmatched
    expect(m.unmatched).toEqual([]);
    expect(m.dataRows).toEqual([3, 4]);
  });

  test('a host that repeats merged values into every cell of the merge gives the same result', () => {
    const sheet = twoRowHeaderRoster();
    for (const c of [0, 1, 2, 3, 4, 9]) sheet.rows[2][c] = sheet.rows[1][c];
    for (const c of [6, 7, 8]) sheet.rows[1][c] = sheet.rows[1][5];
    const m = detectHeader(sheet, ROSTER_SPECS)!;
    expect(m.score).toBe(10);
    expect(colOf(m, 'visitSigned')).toBe(6);
    expect(colOf(m, 'note')).toBe(9);
    expect(m.dataRows).toEqual([3, 4]);
  });

  test('a header printed again on the next page is not data', () => {
    const sheet = messyRoster();
    sheet.rows.splice(
      7,
      0,
      SIMPLE_HEADER.map((v) => toCell(v)),
    );
    const m = detectHeader(sheet, ROSTER_SPECS)!;
    expect(m.dataRows).toEqual([5, 6, 9]);
  });

  test('a two-row header printed again is not data either', () => {
    const sheet = twoRowHeaderRoster();
    sheet.rows.splice(4, 0, [...sheet.rows[1]], [...sheet.rows[2]]);
    const m = detectHeader(sheet, ROSTER_SPECS)!;
    expect(m.dataRows).toEqual([3, 6]);
  });

  test('totals words anywhere up to the name column; a name after it is still a household', () => {
    const sheet = sheetFromValues('s', [
      ['序号', '村', '户主姓名', '身份证号码'],
      [1, '儒林村', '张三', fakeId(1)],
      [null, '本页小计', null, null],
      [2, '儒林村', '李四', fakeId(2)],
      ['总计', null, null, null],
    ]);
    expect(detectHeader(sheet, ROSTER_SPECS)!.dataRows).toEqual([1, 3]);
  });

  test('honours maxScanRows: a header below the scanned rows is not found', () => {
    const rows = Array.from({ length: 40 }, () => ['说明文字']);
    rows.push(['户主姓名', '身份证号码']);
    const sheet = sheetFromValues('s', rows);
    expect(detectHeader(sheet, ROSTER_SPECS, { required: ['headName', 'headId'] })).toBeNull();
    expect(detectHeader(sheet, ROSTER_SPECS, { maxScanRows: 50 })!.headerRows).toEqual([40]);
  });

  test('duplicated headers: the leftmost column wins, the others are reported', () => {
    const sheet = sheetFromValues('s', [['户主姓名', '身份证号码', '姓名', '备注', '身份证号', '备注']]);
    const m = detectHeader(sheet, ROSTER_SPECS)!;
    expect(colOf(m, 'headName')).toBe(0);
    expect(colOf(m, 'headId')).toBe(1);
    expect(colOf(m, 'note')).toBe(3);
    expect(m.duplicates).toEqual([
      { field: 'headName', header: '姓名', col: 2 },
      { field: 'headId', header: '身份证号', col: 4 },
      { field: 'note', header: '备注', col: 5 },
    ]);
    expect(m.score).toBe(3);
  });

  test('"__proto__" and "constructor" headers are just unmatched headers', () => {
    const sheet = sheetFromValues('s', [
      ['__proto__', '户主姓名', 'constructor', '身份证号码', 'toString', 'hasOwnProperty'],
      ['x', '张三', 'y', fakeId(1), 'z', 'w'],
    ]);
    const m = detectHeader(sheet, ROSTER_SPECS)!;
    expect(m.score).toBe(2);
    expect(m.unmatched.map((h) => h.header)).toEqual(['__proto__', 'constructor', 'toString', 'hasOwnProperty']);
    expect(Object.keys(m.columns).sort()).toEqual(['headId', 'headName']);
    expect(m.dataRows).toEqual([1]);
    expect(Object.prototype).not.toHaveProperty('col');
  });

  test('a sheet without any known header gives null', () => {
    expect(
      detectHeader(
        sheetFromValues('s', [
          ['甲', '乙'],
          [1, 2],
        ]),
        ROSTER_SPECS,
      ),
    ).toBeNull();
    expect(detectHeader(sheetFromValues('s', []), ROSTER_SPECS)).toBeNull();
  });

  test('a large roster: every one of 50,000 data rows is found', () => {
    const rows = [['序号', '户主姓名', '身份证号码', '月保障金（元）']];
    for (let i = 1; i <= 50000; i++) rows.push([String(i), `户主${i}`, fakeId(i), '300']);
    const sheet = sheetFromValues('big', rows);
    const m = detectHeader(sheet, ROSTER_SPECS)!;
    expect(m.dataRows).toHaveLength(50000);
  });
});

describe('every alias maps to its field', () => {
  // DOMAIN §3.1, as the clerks write them (brackets and all).
  const domainTable: [RosterField, string[]][] = [
    ['seq', ['序号', '编号']],
    ['township', ['乡镇', '乡镇(街道)', '所在乡镇', '乡(镇)']],
    ['village', ['村', '村(社区)', '所在村', '村名']],
    ['group', ['组', '村民小组']],
    ['headName', ['户主姓名', '户主', '姓名', '申请人']],
    ['headId', ['身份证号码', '户主身份证号', '身份证号', '公民身份号码', '证件号码']],
    ['gender', ['性别']],
    ['householdSize', ['家庭人口', '家庭人口数', '家庭总人数', '共同生活人数']],
    ['coveredPersons', ['保障人数', '保障人口', '保障人口数', '享受人数']],
    ['monthlyIncome', ['家庭月人均收入', '月人均收入', '人均月收入']],
    ['annualIncome', ['家庭年收入', '家庭年纯收入', '年收入']],
    ['standard', ['低保标准', '保障标准']],
    ['category', ['保障类别', '分类施保类别', '低保类别', '救助类别']],
    ['benefit', ['月保障金', '户月保障金', '保障金额', '月低保金', '低保金']],
    ['supplement', ['分类施保金', '分类救助金']],
    ['status', ['状态', '对象类型', '新增/原有']],
    ['bottomLine', ['兜底对象', '是否兜底']],
    ['registeredPoor', ['建档立卡', '是否建档立卡', '建档立卡户']],
    ['singleReason', ['单人保原因', '单人户原因', '单独施保原因']],
    ['hardshipCause', ['致贫原因', '主要致贫原因', '困难原因']],
    ['disabilityCert', ['残疾证号']],
    ['vehicle', ['机动车辆', '车辆']],
    ['housing', ['商品房', '城镇商品房']],
    ['business', ['营业执照', '工商营业执照']],
    ['payroll', ['财政供养人员', '财政供养']],
    ['cadreRelative', ['干部近亲属', '经办人员或村干部近亲属']],
    ['relativeFiled', ['近亲属备案', '已备案']],
    ['application', ['申请书']],
    ['declaration', ['家庭经济状况申报表', '申报表']],
    ['visitForm', ['入户调查表', '入户调查']],
    ['visitSigned', ['入户调查签字', '被调查人签字']],
    ['authorization', ['授权委托书', '核对授权书', '授权书']],
    ['authorizationSigned', ['授权书签字', '直系亲属签字']],
    ['idCopies', ['身份证复印件', '直系亲属身份证复印件']],
    ['medicalProof', ['病残证明']],
    ['review', ['民主评议', '评议']],
    ['publicity', ['公示', '两榜公示']],
    ['verification', ['核对结果', '核对平台核对', '经济状况核对']],
    ['revisit', ['入户复核']],
    ['lastReview', ['最近复核日期', '复核日期', '核查日期']],
    ['ableBodied', ['有劳动能力', '收入不稳定']],
    ['deathDate', ['死亡日期']],
    ['note', ['备注', '说明']],
  ];
  const domainCases = domainTable.flatMap(([field, headers]) => headers.map((h) => [h, field] as const));

  test.each(domainCases)('DOMAIN §3.1: %s → %s', (header, field) => {
    const m = detectHeader(sheetFromValues('s', [['无关', header]]), ROSTER_SPECS)!;
    expect(m.columns[field]).toEqual({ col: 1, header });
    expect(m.score).toBe(1);
  });

  const specCases = ROSTER_SPECS.flatMap((s) => [s.header, ...s.aliases].map((h) => [h, s.field] as const));
  test.each(specCases)('ROSTER_SPECS: %s → %s', (header, field) => {
    // with a unit suffix and a line break, as printed forms have them
    const decorated = `${header.slice(0, 1)}\n${header.slice(1)}（元）`;
    const m = detectHeader(sheetFromValues('s', [[decorated]]), ROSTER_SPECS)!;
    expect(m.columns[field]?.col).toBe(0);
  });

  test.each(MEMBER_SPECS.flatMap((s) => [s.header, ...s.aliases].map((h) => [h, s.field] as const)))(
    'MEMBER_SPECS: %s → %s',
    (header, field) => {
      expect(detectHeader(sheetFromValues('s', [[header]]), MEMBER_SPECS)!.columns[field]?.col).toBe(0);
    },
  );
});

describe('findRoster', () => {
  const small = () =>
    sheetFromValues('草稿', [
      ['户主姓名', '身份证号码'],
      ['张三', fakeId(1)],
    ]);

  test('of two candidate sheets the one matching more fields wins', () => {
    const wb: WorkbookGrid = { sheets: [small(), messyRoster('花名册')] };
    expect(findRoster(wb).sheet).toBe('花名册');
  });

  test('on a tie the earlier sheet wins', () => {
    const wb: WorkbookGrid = { sheets: [messyRoster('一'), messyRoster('二')] };
    expect(findRoster(wb).sheet).toBe('一');
  });

  test('an explicit sheet name wins over a better sheet', () => {
    const wb: WorkbookGrid = { sheets: [messyRoster('花名册'), small()] };
    const m = findRoster(wb, '草稿');
    expect(m.sheet).toBe('草稿');
    expect(m.dataRows).toEqual([1]);
  });

  test('an unknown sheet name: sheet-not-found, naming the sheet and listing the sheets', () => {
    const wb: WorkbookGrid = { sheets: [messyRoster('花名册'), small()] };
    const e = rosterError(() => findRoster(wb, '二月'));
    expect(e.code).toBe('sheet-not-found');
    expect(e.zh).toContain('“二月”');
    expect(e.zh).toContain('花名册、草稿');
    expect(e.en).toContain('"二月"');
  });

  test('an explicit sheet without a roster header: no-header', () => {
    const wb: WorkbookGrid = { sheets: [messyRoster('花名册'), sheetFromValues('说明', [['本表说明']])] };
    expect(rosterError(() => findRoster(wb, '说明')).code).toBe('no-header');
  });

  test('no roster header anywhere: a message naming 户主姓名 and 身份证号码 and their aliases', () => {
    const wb: WorkbookGrid = {
      sheets: [
        sheetFromValues('Sheet1', [
          ['姓名', '电话'],
          ['张三', '123'],
        ]),
      ],
    };
    const e = rosterError(() => findRoster(wb));
    expect(e.code).toBe('no-header');
    expect(e.zh).toMatch(
      /^未找到花名册表头：请确认有“户主姓名”（或 户主、姓名、申请人.*）和“身份证号码”（或 .*身份证号、公民身份号码.*）两列/,
    );
    expect(e.zh).toContain('Sheet1');
    expect(e.en).toMatch(/^Roster header not found: looked for 户主姓名 .* and 身份证号码 /);
    expect(e.message).toContain(e.zh);
  });

  test('an empty workbook: no-sheets', () => {
    expect(rosterError(() => findRoster({ sheets: [] })).code).toBe('no-sheets');
  });

  test('the tool’s hidden mark record is never read', () => {
    expect(MARK_RECORD_SHEET_NAME).toBe(MARK_RECORD_SHEET);
    const marks = { ...messyRoster(MARK_RECORD_SHEET), hidden: true };
    expect(rosterError(() => findRoster({ sheets: [marks] })).code).toBe('no-sheets');
    expect(findRoster({ sheets: [marks, small()] }).sheet).toBe('草稿');
  });

  test('a member sheet is not mistaken for the roster, even when listed first', () => {
    const wb: WorkbookGrid = { sheets: [memberSheet(), small()] };
    expect(findRoster(wb).sheet).toBe('草稿');
  });

  test('a workbook with only a member sheet is refused, saying why', () => {
    const e = rosterError(() => findRoster({ sheets: [memberSheet()] }));
    expect(e.code).toBe('no-header');
    expect(e.zh).toContain('“家庭成员”是家庭成员表');
  });

  test('a reference list that happens to match more fields does not beat a plain roster', () => {
    const deaths = sheetFromValues('死亡人员名单', [
      ['序号', '村', '姓名', '身份证号码', '性别', '死亡日期'],
      [1, '儒林村', '赵六', fakeId(5), '男', '2017-05-01'],
    ]);
    const wb: WorkbookGrid = { sheets: [deaths, small()] };
    expect(findRoster(wb).sheet).toBe('草稿');
  });
});

describe('findMemberSheet', () => {
  test('finds the member sheet: 户主身份证号 is the link, 身份证号 the member’s own ID', () => {
    const wb: WorkbookGrid = { sheets: [messyRoster('花名册'), memberSheet()] };
    const roster = findRoster(wb);
    const m = findMemberSheet(wb, [roster.sheet])!;
    expect(m.sheet).toBe('家庭成员');
    expect(colOf(m, 'headId')).toBe(0);
    expect(colOf(m, 'name')).toBe(1);
    expect(colOf(m, 'id')).toBe(2);
    expect(colOf(m, 'relation')).toBe(3);
    expect(colOf(m, 'covered')).toBe(4);
    expect(m.dataRows).toEqual([1, 2, 3]);
  });

  test('the roster is not a member sheet, and excluded sheets are not looked at', () => {
    const wb: WorkbookGrid = { sheets: [messyRoster('花名册'), memberSheet()] };
    expect(findMemberSheet({ sheets: [messyRoster('花名册')] }, [])).toBeNull();
    expect(findMemberSheet(wb, ['家庭成员'])).toBeNull();
  });

  test('without a relation column there is no member sheet', () => {
    const sheet = sheetFromValues('成员', [['户主身份证号', '姓名', '身份证号']]);
    expect(findMemberSheet({ sheets: [sheet] }, [])).toBeNull();
  });
});

describe('reference lists', () => {
  test('listKindOf reads the kind from the sheet name', () => {
    expect(listKindOf('2017年死亡人员名单')).toBe('death');
    expect(listKindOf('财政供养人员')).toBe('payroll');
    expect(listKindOf('车辆登记')).toBe('vehicle');
    expect(listKindOf('房产登记')).toBe('housing');
    expect(listKindOf('工商 登记')).toBe('business');
    expect(listKindOf('建档立卡户')).toBe('poor');
    expect(listKindOf('村干部近亲属备案')).toBe('relatives');
    expect(listKindOf('花名册')).toBeNull();
    for (const kind of LIST_KINDS) for (const word of LIST_KEYWORDS[kind]) expect(listKindOf(word)).toBe(kind);
  });

  test('a list with a header: ID, name, date and village columns, and its data rows', () => {
    const sheet = sheetFromValues('死亡名单', [
      ['儒林镇2017年死亡人员身份证号码名单'],
      ['序号', '所在村', '姓名', '公民身份号码', '死亡日期'],
      [1, '儒林村', '赵六', fakeId(5), '2017-05-01'],
      [],
      [2, '清溪村', '钱七', fakeId(6), '2017-06-01'],
      ['制表人：王某'],
      [3, '清溪村', '孙八', fakeId(7), '2017-07-01'],
    ]);
    expect(detectList(sheet, 'death')).toEqual({
      kind: 'death',
      sheet: '死亡名单',
      idCol: 3,
      nameCol: 2,
      dateCol: 4,
      villageCol: 1,
      headerRow: 1,
      dataRows: [2, 4],
    });
  });

  test('a 建档立卡 list finds its 兜底 column', () => {
    const sheet = sheetFromValues('建档立卡', [
      ['户主姓名', '身份证号', '是否兜底'],
      ['张三', fakeId(1), '是'],
    ]);
    const m = detectList(sheet, 'poor')!;
    expect(m).toMatchObject({ idCol: 1, nameCol: 0, bottomLineCol: 2, dataRows: [1] });
  });

  test('a relatives list: the relative’s ID, not the cadre’s', () => {
    const sheet = sheetFromValues('近亲属', [
      ['村干部姓名', '村干部身份证号', '近亲属姓名', '近亲属身份证号'],
      ['甲', fakeId(1), '乙', fakeId(2)],
    ]);
    expect(detectList(sheet, 'relatives')).toMatchObject({ idCol: 3, nameCol: 2 });
  });

  test('a list without a header: the column full of IDs, every row with an ID is data', () => {
    const sheet = sheetFromValues('Sheet1', [
      ['车辆登记情况'],
      ['张三', fakeId(1), '湘E12345'],
      ['李四', ` ${fakeId(2).slice(0, 15)} `, '湘E22222'],
      ['合计：2辆'],
      ['王五', fakeId(3).toLowerCase(), '湘E33333'],
    ]);
    expect(detectList(sheet, 'vehicle')).toEqual({
      kind: 'vehicle',
      sheet: 'Sheet1',
      idCol: 1,
      dataRows: [1, 2, 4],
    });
  });

  test('a sheet with neither an ID header nor IDs is no list', () => {
    expect(detectList(sheetFromValues('死亡', [['姓名'], ['张三']]), 'death')).toBeNull();
  });

  test('looksLikeId: 15 or 18 characters of digits (last may be X)', () => {
    expect(looksLikeId(toCell(fakeId(1)))).toBe(true);
    expect(looksLikeId(toCell('43052919900101123'))).toBe(false);
    expect(looksLikeId(toCell(430529199001011))).toBe(true);
    expect(looksLikeId(toCell('４３０５２９１９９００１０１１２３Ｘ'))).toBe(true);
    expect(looksLikeId(undefined)).toBe(false);
  });

  test('findLists: every list-named sheet except the roster and member sheet', () => {
    const deaths = sheetFromValues('死亡名单', [
      ['姓名', '身份证号码'],
      ['赵六', fakeId(5)],
    ]);
    const cars = sheetFromValues('车辆', [['钱七', fakeId(6)]]);
    const rosterNamedLikeList = messyRoster('建档立卡户花名册');
    const wb: WorkbookGrid = {
      sheets: [rosterNamedLikeList, deaths, memberSheet(), cars, sheetFromValues('备注', [])],
    };
    const roster = findRoster(wb);
    expect(roster.sheet).toBe('建档立卡户花名册');
    const lists = findLists(wb, [roster.sheet, '家庭成员']);
    expect(lists.map((l) => [l.kind, l.sheet, l.idCol, l.dataRows])).toEqual([
      ['death', '死亡名单', 1, [1]],
      ['vehicle', '车辆', 1, [0]],
    ]);
  });

  test('household() rows carry an ID where the roster header says', () => {
    // guards the fixtures themselves: the simple header and household rows line up
    expect(SIMPLE_HEADER[3]).toBe('身份证号码');
    expect(looksLikeId(toCell(household(7)[3]))).toBe(true);
  });
});

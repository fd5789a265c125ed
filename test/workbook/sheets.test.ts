import { layoutOf, sectionsOf } from '../../src/workbook/output/generated';
import { linesOf, sheetLayout } from '../../src/workbook/output/sheet-layout';
import {
  adjustmentSheet,
  publicityHeldBack,
  chineseDate,
  publicitySheet,
  sampleSheet,
  summarySheet,
} from '../../src/workbook/output/sheets';
import { households, policy, result } from './result-fixture';

const headers = (s: { columns: { header: string }[] }) => s.columns.map((c) => c.header);
const FW = '\u3000';

describe('调整花名册', () => {
  const sheet = adjustmentSheet(result, policy);

  it('has the title, 填报单位 and 填报日期 lines of the form', () => {
    expect(sheet.name).toBe('调整花名册');
    expect(sheet.title).toBe('城步苗族自治县儒林镇农村低保调整花名册');
    expect(sheet.subtitle).toEqual(['填报单位（盖章）：儒林镇人民政府', '填报日期：2018年1月15日']);
    expect(adjustmentSheet(result, policy, { date: '2018-02-03' }).subtitle[1]).toBe('填报日期：2018年2月3日');
  });

  it('has the 12 columns, IDs as text, amounts with two decimals', () => {
    // Long headers break between words (a line each for 调整前 and 保障人数), never inside one.
    expect(headers(sheet)).toEqual([
      '序号',
      '村（社区）',
      '户主姓名',
      '身份证号码',
      '调整类型',
      '调整前\n保障人数',
      '调整前\n月保障金（元）',
      '调整后\n保障人数',
      '调整后\n月保障金（元）',
      '增减金额\n（元）',
      '调整原因',
      '备注',
    ]);
    // Each header line fits its column: a CJK character is two width units, plus padding.
    for (const c of sheet.columns) {
      for (const line of c.header.split('\n')) expect([...line].length * 2).toBeLessThanOrEqual(c.width);
    }
    expect(sheet.columns[3].asText).toBe(true);
    // Two decimals, padded by a space's width so the amount does not touch the right border.
    expect([6, 8, 9].map((c) => sheet.columns[c].numFmt)).toEqual(['0.00_ ', '0.00_ ', '0.00_ ']);
    expect(sheet.landscape).toBe(true);
  });

  it('lists one row per adjustment with 增减 = after − before', () => {
    expect(sheet.body).toHaveLength(5);
    expect(sheet.body[0]).toEqual([
      1,
      '丹口村',
      '杨秀英',
      '430529196003151236',
      '减发',
      2,
      300,
      2,
      250.34,
      -49.66,
      '月保障金 300.00 元与应发 250.34 元不符（标准 252.17 − 月人均收入 127.00，× 2人）',
      null,
    ]);
    expect(sheet.body[2].slice(4, 10)).toEqual(['新增', 0, 0, 1, 120, 120]);
    expect(sheet.body[1].slice(4, 10)).toEqual(['停保', 3, 450.5, 0, 0, -450.5]);
  });

  it('adds up households per type, persons and money in the 合计 row', () => {
    expect(sheet.totals).toEqual([
      '合计',
      '共5户',
      null,
      null,
      '新增1户\n停保1户\n增发1户\n减发2户',
      10,
      1450.5,
      7,
      998.01,
      -452.49,
      null,
      null,
    ]);
  });

  it('leaves out households the clerk excluded, and renumbers', () => {
    const s = adjustmentSheet(result, policy, { exclude: new Set([1]) });
    expect(s.body.map((r) => r[0])).toEqual([1, 2, 3, 4]);
    expect(s.body.map((r) => r[2])).not.toContain(households[1].headName);
    expect(s.totals?.[4]).toBe('新增1户\n增发1户\n减发2户');
    expect(s.totals?.[9]).toBe(-1.99);
  });

  it('ends with the signature and seal line, spread across the width of the table', () => {
    const [line] = sheet.footer;
    const parts = line.split(/\u3000{4,}/);
    expect(parts).toEqual([
      '制表人：',
      '审核人：',
      '分管领导：',
      '儒林镇人民政府（盖章）',
      '年\u3000\u3000月\u3000\u3000日',
    ]);
    const gaps = line.match(/\u3000{4,}/g)!.map((g) => g.length);
    expect(new Set(gaps.slice(0, 3)).size).toBe(1);
    expect(gaps[0]).toBeGreaterThan(4);
    // The whole line fills most of the table (90 % of its width, in CJK characters) and no more.
    const tableChars = sheet.columns.reduce((n, c) => n + c.width, 0) / 2;
    expect([...line].length).toBeGreaterThan(tableChars * 0.8);
    expect([...line].length).toBeLessThanOrEqual(tableChars * 0.9);
  });

  it('names the preparer (制表人) the settings give, in the adjustment roster and the summary', () => {
    const named = { ...policy, preparer: '杨秀英' };
    expect(adjustmentSheet(result, named).footer[0].split(/\u3000{4,}/)[0]).toBe('制表人：杨秀英');
    expect(summarySheet(result, named).footer.at(-1)!.startsWith('制表人：杨秀英\u3000')).toBe(true);
  });

  it('takes the township from the roster when the policy has none, else leaves a blank to fill in', () => {
    const noTownship = { ...policy, township: '' };
    expect(adjustmentSheet(result, noTownship).title).toBe('城步苗族自治县儒林镇农村低保调整花名册');
    const bare = { ...result, households: result.households.map((h) => ({ ...h, township: '' })) };
    expect(adjustmentSheet(bare, noTownship).subtitle[0]).toBe(`填报单位（盖章）：${FW.repeat(4)}人民政府`);
  });

  it('says so in the 合计 row when nothing is adjusted', () => {
    const s = adjustmentSheet({ ...result, adjustments: [] }, policy);
    expect(s.body).toEqual([]);
    expect(s.totals?.slice(0, 10)).toEqual(['合计', '共0户', null, null, '无调整', 0, 0, 0, 0, 0]);
  });
});

describe('抽查名单', () => {
  const sheet = sampleSheet(result, policy);

  it('has the title, the sample rate and blank columns for the checker', () => {
    expect(sheet.title).toBe('城步苗族自治县儒林镇农村低保对象抽查名单');
    expect(headers(sheet)).toEqual([
      '序号',
      '村（社区）',
      '户主姓名',
      '身份证号码',
      '抽查原因',
      '抽查人',
      '抽查日期',
      '抽查结果',
    ]);
    expect(sheet.subtitle[0]).toContain('各村在保户数的30%（向上取整），新增对象全部抽查');
    expect(sheet.subtitle[0]).toContain('共抽查2户，占在保5户的40%');
    expect(sheet.body[1]).toEqual([2, '白云村', '蓝桂花', '430529198807110048', '新增对象', null, null, null]);
    expect(sheet.columns[3].asText).toBe(true);
  });

  it('names the villages sampled in full', () => {
    const s = sampleSheet(result, { ...policy, fullSampleVillages: ['白云村', '丹口村'] });
    expect(s.subtitle[0]).toContain('全部抽查的村：白云村、丹口村');
  });
});

describe('核查汇总', () => {
  const sheet = summarySheet(result, policy);

  it('has one row per village with counts by rule family, and a 合计 row that adds them up', () => {
    expect(sheet.title).toBe('城步苗族自治县儒林镇农村低保核查汇总');
    expect(headers(sheet)).toEqual([
      '村（社区）',
      '户数',
      '保障人数',
      '月保障金合计（元）',
      '错误',
      '提醒',
      '身份类',
      '家庭类',
      '金额类',
      '资格类',
      '材料类',
      '程序类',
      '复核类',
    ]);
    expect(sheet.body).toEqual([
      ['丹口村', 3, 9, 1250.5, 4, 0, 1, 0, 2, 1, 1, 0, 0],
      ['白云村', 3, 2, 320, 0, 1, 0, 0, 0, 0, 0, 0, 1],
    ]);
    expect(sheet.totals).toEqual(['合计', 6, 11, 1570.5, 4, 1, 1, 0, 2, 1, 1, 0, 1]);
  });

  it('lists the skipped checks and the possible 漏保 below the table', () => {
    expect(sheet.footer).toEqual([
      '未执行的检查：1项',
      `${FW}DOC-06 申请书：缺少“申请书”列，未检查`,
      '可能漏保（建档立卡名单中的兜底户未在花名册中）：1户',
      `${FW}白云村${FW}龙老汉${FW}430529193002020012`,
      `制表人：${FW.repeat(4)}审核人：${FW.repeat(8)}${FW}${FW}年${FW}${FW}月${FW}${FW}日`,
    ]);
  });

  it('lists every finding with row, head, rule and severity when asked', () => {
    const s = summarySheet(result, policy, { includeFindings: true });
    expect(s.footer).toContain('核查发现明细：共6条');
    expect(s.footer).toContain(`${FW}第4行${FW}杨秀英${FW}AMT-01 不按标施保（错误）：不按标施保`);
    expect(s.footer).toContain(`${FW}第7行${FW}刘长生${FW}REV-01 复核逾期（提醒）：复核逾期`);
    expect(sheet.footer.some((l) => l.startsWith('核查发现明细'))).toBe(false);
  });

  it('says 无 when nothing was skipped or missed', () => {
    const clean = { ...result, skipped: [], summary: { ...result.summary, missingBottomLine: [] } };
    expect(summarySheet(clean, policy).footer.slice(0, 2)).toEqual([
      '未执行的检查：无',
      '可能漏保（建档立卡名单中的兜底户未在花名册中）：无',
    ]);
  });
});

describe('公示名单', () => {
  // Amounts and stops first, on a result whose errors are all resolved (none left to hold back).
  const resolved = { ...result, findings: result.findings.filter((f) => f.severity !== 'error') };
  const sheet = publicitySheet(resolved, policy);

  it('shows village, head, persons and benefit only: no ID, bank account or income', () => {
    expect(headers(sheet)).toEqual(['序号', '村（社区）', '户主姓名', '保障人数', '月保障金（元）']);
    const text = JSON.stringify(sheet);
    for (const h of households) expect(text).not.toContain(h.idNumber);
    expect(text).not.toMatch(/身份证|银行|账号|收入/);
  });

  it('lists active households at their amounts after this review, one form per village', () => {
    const forms = sectionsOf(sheet);
    expect(forms.map((f) => f.title)).toEqual([
      '城步苗族自治县儒林镇丹口村农村低保对象公示名单',
      '城步苗族自治县儒林镇白云村农村低保对象公示名单',
    ]);
    expect(forms.map((f) => f.body)).toEqual([
      [
        [1, '丹口村', '杨秀英', 2, 250.34],
        [2, '丹口村', '肖德明', 3, 375.5],
      ],
      [
        [1, '白云村', '蓝桂花', 1, 120],
        [2, '白云村', '刘长生', 1, 252.17],
      ],
    ]);
    expect(forms.map((f) => f.totals)).toEqual([
      ['合计', '共2户', null, 5, 625.84],
      ['合计', '共2户', null, 2, 372.17],
    ]);
    // Every village's form has the posting period, where to object, and the seal line.
    for (const f of forms) {
      expect(f.subtitle[0]).toMatch(/^公示时间：/);
      expect(f.footer).toHaveLength(2);
    }
  });

  it('starts each village on its own printed page, with its own header row', () => {
    const layout = sheetLayout(sheet);
    const titles = layout.rows.filter((r) => r.kind === 'title').map((r) => r.row);
    const headers = layout.rows.filter((r) => r.kind === 'header').map((r) => r.row);
    expect(titles).toEqual([1, 10]);
    expect(headers).toEqual([3, 12]);
    expect(layout.page.breaksBefore).toEqual([10]);
    // One range repeated on every page would print 丹口村's header above 白云村's title.
    expect(layout.page.printTitleRow).toBeUndefined();
    const one = sheetLayout(adjustmentSheet(result, policy)).page;
    expect([one.breaksBefore, one.printTitleRow]).toEqual([[], 4]);
  });

  it('keeps a household whose stop the clerk left out', () => {
    const s = publicitySheet(resolved, policy, { exclude: new Set([1]) });
    expect(s.body[1]).toEqual([2, '丹口村', '=HYPERLINK("x")', 3, 450.5]);
  });

  it('leaves out the households with an unresolved error, which publicityHeldBack names', () => {
    const held = publicityHeldBack(result);
    expect(held.length).toBeGreaterThan(0);
    const adjusted = new Set(result.adjustments.map((a) => a.household));
    // Amount errors this review's adjustment corrects do not hold a household back.
    const unresolved = result.findings.filter(
      (f) => f.severity === 'error' && !(f.rule.startsWith('AMT') && adjusted.has(f.household!)),
    );
    expect(held).toEqual([...new Set(unresolved.map((f) => f.household!))].sort((a, b) => a - b));
    const rows = (s: typeof sheet) => sectionsOf(s).flatMap((f) => f.body);
    const names = rows(publicitySheet(result, policy)).map((row) => row[2]);
    for (const h of held) expect(names).not.toContain(result.households[h].headName);
    expect(names.length).toBe(
      rows(sheet).length -
        held.filter((h) => rows(sheet).some((row) => row[2] === result.households[h].headName)).length,
    );
  });
});

describe('shared helpers', () => {
  it('writes dates the way forms do', () => {
    expect(chineseDate('2018-01-05')).toBe('2018年1月5日');
  });

  it('places the parts in the rows both hosts use', () => {
    const l = layoutOf(adjustmentSheet(result, policy));
    expect(l).toEqual({
      titleRow: 1,
      subtitleRows: [2, 3],
      headerRow: 4,
      firstBodyRow: 5,
      totalsRow: 10,
      footerRows: [12],
      lastRow: 12,
    });
  });

  it('counts the lines of wrapped text as a CJK font draws it: Chinese and full-width marks two widths, the rest one', () => {
    // A column 11.5 wide holds 10 width units.
    expect(linesOf('低保对象名', 11.5)).toBe(1);
    expect(linesOf('低保对象名单', 11.5)).toBe(2);
    expect(linesOf('abcdefghij', 11.5)).toBe(1);
    expect(linesOf('abcdefghijk', 11.5)).toBe(2);
    expect(linesOf('“——”（注）', 11.5)).toBe(2);
    // Half-width katakana and characters beyond the BMP (one each, as before).
    expect(linesOf('ｱｲｳｴｵｶｷｸｹｺ', 11.5)).toBe(1);
    expect(linesOf('😀'.repeat(10), 11.5)).toBe(1);
    expect(linesOf('😀'.repeat(11), 11.5)).toBe(2);
    expect(linesOf('村\n组', 11.5)).toBe(2);
  });
});

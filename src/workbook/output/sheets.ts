/**
 * The one builder of generated sheet content (DOMAIN §7): 调整花名册, 抽查名单, 核查汇总, 公示名单.
 * Both hosts write exactly what these return, so a sheet looks the same whether it was made on
 * the command line or in Excel. docs/generated-sheets.md explains the choices.
 */
import type { Policy } from '../../domain/policy';
import { ADJUSTMENT_TYPES, type CheckResult, type RuleFamily, type RuleId } from '../../domain/types';
import {
  FAMILY_LABELS,
  RULE_INFO,
  SAMPLE_REASONS,
  SEVERITY_LABELS,
  adjustmentReason,
  formatFinding,
  skippedReason,
} from '../../domain/messages';
import type { GeneratedColumn, GeneratedSection, GeneratedSheet, GeneratedValue } from './generated';
import { GENERATED_SHAPES } from '../../domain/tool-sheets';

/** Two decimals and a space's width of padding on the right, so amounts never touch the border. */
const MONEY = '0.00_ ';
const COUNT = '0';
/** Full-width space: keeps its width in CJK text, unlike an ASCII space. */
const FW = '\u3000';
/** A blank to fill in by hand on the printed form. */
const BLANK = FW.repeat(4);
/** A date written by hand next to the seal (year, month and day left blank). */
const PEN_DATE = `${FW}${FW}年${FW}${FW}月${FW}${FW}日`;
const FAMILIES: RuleFamily[] = ['ID', 'HH', 'AMT', 'ELIG', 'DOC', 'PROC', 'REV'];

/**
 * A signature line spread across the table: its parts (separated by runs of full-width spaces)
 * at even gaps, so each signature gets room to sign instead of all being crammed on the left.
 * Width: a column's width counts half-width characters; a CJK character takes two, and a tenth
 * is kept back for fonts that run wider than Calibri's measure.
 */
export function spreadLine(line: string, columns: GeneratedColumn[]): string {
  const parts = line.split(new RegExp(`${FW}{4,}`)).filter(Boolean);
  if (parts.length < 2) return line;
  const capacity = Math.floor((columns.reduce((n, c) => n + c.width, 0) * 0.9) / 2);
  const used = parts.reduce((n, p) => n + [...p].length, 0);
  const gap = Math.max(4, Math.floor((capacity - used) / (parts.length - 1)));
  return parts.join(FW.repeat(gap));
}

const col = (header: string, width: number, extra: Partial<GeneratedColumn> = {}): GeneratedColumn => ({
  header,
  width,
  ...extra,
});

export const round2 = (x: number): number => Math.round(x * 100) / 100;

/** "2018-01-15" → "2018年1月15日". */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** The township: the policy's, else the one most households name, else a blank for the pen. */
export function townshipOf(result: CheckResult, policy: Policy): string {
  if (policy.township) return policy.township;
  const counts = new Map<string, number>();
  for (const h of result.households) if (h.township) counts.set(h.township, (counts.get(h.township) ?? 0) + 1);
  let best = '';
  for (const [name, n] of counts) if (n > (counts.get(best) ?? 0)) best = name;
  return best;
}

function government(result: CheckResult, policy: Policy): string {
  return `${townshipOf(result, policy) || BLANK}人民政府`;
}

/** "制表人：杨秀英" when the settings name the preparer, else "制表人：" and room to sign. */
function preparedBy(policy: Policy): string {
  return `制表人：${policy.preparer ?? ''}`;
}

function titleOf(result: CheckResult, policy: Policy, what: string): string {
  return `${policy.county}${townshipOf(result, policy)}${what}`;
}

/** The roster sheets checked, as the 核查汇总 names them ("白云村、丹口村"). */
function rosterNames(result: CheckResult): string {
  return (result.rosterSheets ?? [result.roster]).map((s) => s.sheet).join('、');
}

function percent(rate: number): string {
  return String(Number((rate * 100).toFixed(1)));
}

// ---------------------------------------------------------------------------------------------
// 调整花名册

/** The sheet with its signature lines spread across the table's width. */
function spread(sheet: GeneratedSheet): GeneratedSheet {
  return { ...sheet, footer: sheet.footer.map((l) => spreadLine(l, sheet.columns)) };
}

export function adjustmentSheet(
  result: CheckResult,
  policy: Policy,
  opts: { exclude?: ReadonlySet<number>; date?: string } = {},
): GeneratedSheet {
  const rows = result.adjustments.filter((a) => !opts.exclude?.has(a.household));
  const body: GeneratedValue[][] = rows.map((a, i) => [
    i + 1,
    a.village,
    a.headName,
    a.idNumber,
    a.type,
    a.before.persons,
    round2(a.before.amount),
    a.after.persons,
    round2(a.after.amount),
    round2(a.after.amount - a.before.amount),
    adjustmentReason(a),
    null,
  ]);
  const sum = (pick: (a: (typeof rows)[number]) => number) => rows.reduce((n, a) => n + pick(a), 0);
  const perType = ADJUSTMENT_TYPES.map((t) => [t, rows.filter((a) => a.type === t).length] as const)
    .filter(([, n]) => n > 0)
    .map(([t, n]) => `${t}${n}户`)
    // One type per line: the 调整类型 column is narrow.
    .join('\n');
  return spread({
    name: '调整花名册',
    title: titleOf(result, policy, GENERATED_SHAPES.adjustments.title),
    subtitle: [`填报单位（盖章）：${government(result, policy)}`, `填报日期：${chineseDate(opts.date ?? policy.asOf)}`],
    columns: [
      col('序号', 6, { numFmt: COUNT }),
      col('村（社区）', 12),
      col('户主姓名', 10),
      col('身份证号码', 22, { asText: true }),
      col('调整类型', 10),
      col('调整前\n保障人数', 10, { numFmt: COUNT }),
      col('调整前\n月保障金（元）', 14, { numFmt: MONEY }),
      col('调整后\n保障人数', 10, { numFmt: COUNT }),
      col('调整后\n月保障金（元）', 14, { numFmt: MONEY }),
      col('增减金额\n（元）', 15, { numFmt: MONEY }),
      col('调整原因', 34),
      col('备注', 10),
    ],
    body,
    totals: [
      '合计',
      `共${rows.length}户`,
      null,
      null,
      perType || '无调整',
      sum((a) => a.before.persons),
      round2(sum((a) => a.before.amount)),
      sum((a) => a.after.persons),
      round2(sum((a) => a.after.amount)),
      round2(sum((a) => a.after.amount - a.before.amount)),
      null,
      null,
    ],
    footer: [
      `${preparedBy(policy)}${BLANK}审核人：${BLANK}分管领导：${BLANK}${government(result, policy)}（盖章）${BLANK}${PEN_DATE}`,
    ],
    landscape: true,
  });
}

// ---------------------------------------------------------------------------------------------
// 抽查名单

export function sampleSheet(result: CheckResult, policy: Policy): GeneratedSheet {
  const full = policy.fullSampleVillages.length ? `；全部抽查的村：${policy.fullSampleVillages.join('、')}` : '';
  const active = result.summary.activeHouseholds;
  const share = active ? `，占在保${active}户的${percent(result.sample.length / active)}%` : '';
  return {
    name: '抽查名单',
    title: titleOf(result, policy, GENERATED_SHAPES.sample.title),
    subtitle: [
      `抽查比例：各村在保户数的${percent(policy.sampleRate)}%（向上取整），新增对象全部抽查${full}。共抽查${result.sample.length}户${share}。`,
    ],
    columns: [
      col('序号', 6, { numFmt: COUNT }),
      col('村（社区）', 12),
      col('户主姓名', 10),
      col('身份证号码', 22, { asText: true }),
      col('抽查原因', 12),
      col('抽查人', 10),
      col('抽查日期', 12),
      col('抽查结果', 24),
    ],
    body: result.sample.map((s, i) => [
      i + 1,
      s.village,
      s.headName,
      s.idNumber,
      SAMPLE_REASONS[s.reason].zh,
      null,
      null,
      null,
    ]),
    footer: [`抽查单位：${government(result, policy)}${BLANK}负责人：${BLANK}${BLANK}${PEN_DATE}`],
    landscape: false,
  };
}

// ---------------------------------------------------------------------------------------------
// 核查汇总

function familyCount(byRule: Partial<Record<RuleId, number>>, family: RuleFamily): number {
  let n = 0;
  for (const [rule, count] of Object.entries(byRule) as [RuleId, number][]) {
    if (RULE_INFO[rule].family === family) n += count;
  }
  return n;
}

export function summarySheet(
  result: CheckResult,
  policy: Policy,
  opts: { includeFindings?: boolean } = {},
): GeneratedSheet {
  const villages = result.summary.villages;
  const body: GeneratedValue[][] = villages.map((v) => [
    v.village || '（未填村名）',
    v.households,
    v.coveredPersons,
    round2(v.monthlyTotal),
    v.errors,
    v.warnings,
    ...FAMILIES.map((f) => familyCount(v.byRule, f)),
  ]);
  // The 合计 row adds up the rows above it, so the printed table always balances.
  const totals: GeneratedValue[] = ['合计'];
  for (let c = 1; c < 6 + FAMILIES.length; c++) {
    const n = body.reduce((s, row) => s + (row[c] as number), 0);
    totals.push(c === 3 ? round2(n) : n);
  }
  return {
    name: '核查汇总',
    title: titleOf(result, policy, GENERATED_SHAPES.summary.title),
    subtitle: [
      `核查基准日：${chineseDate(result.asOf)}${FW}花名册：${rosterNames(result)}（共${result.summary.households}户，在保${result.summary.activeHouseholds}户）${FW}低保标准：每人每月${round2(policy.monthlyStandardResolved).toFixed(2)}元`,
    ],
    columns: [
      col('村（社区）', 14),
      col('户数', 7, { numFmt: COUNT }),
      col('保障人数', 10, { numFmt: COUNT }),
      col('月保障金合计（元）', 13, { numFmt: MONEY }),
      col('错误', 7, { numFmt: COUNT }),
      col('提醒', 7, { numFmt: COUNT }),
      ...FAMILIES.map((f) => col(`${FAMILY_LABELS[f].zh}类`, 7, { numFmt: COUNT })),
    ],
    body,
    totals,
    footer: [
      ...summaryNotes(result, opts.includeFindings ?? false),
      `${preparedBy(policy)}${BLANK}审核人：${BLANK}${BLANK}${PEN_DATE}`,
    ],
    landscape: true,
  };
}

/** What a table cannot show: checks skipped, possible 漏保, and (optionally) every finding. */
function summaryNotes(result: CheckResult, includeFindings: boolean): string[] {
  const lines: string[] = [];
  lines.push(`未执行的检查：${result.skipped.length ? `${result.skipped.length}项` : '无'}`);
  for (const s of result.skipped) lines.push(`${FW}${s.rule} ${RULE_INFO[s.rule].title.zh}：${skippedReason(s)}`);
  const missing = result.summary.missingBottomLine;
  lines.push(`可能漏保（建档立卡名单中的兜底户未在花名册中）：${missing.length ? `${missing.length}户` : '无'}`);
  for (const m of missing) lines.push(`${FW}${m.village || '（未填村名）'}${FW}${m.name}${FW}${m.idNumber}`);
  if (includeFindings) {
    lines.push(`核查发现明细：共${result.findings.length}条`);
    const severalSheets = (result.rosterSheets?.length ?? 1) > 1;
    for (const f of result.findings) {
      const where = f.sheet === result.roster.sheet && !severalSheets ? `第${f.row}行` : `${f.sheet}第${f.row}行`;
      const head = f.household !== undefined ? result.households[f.household]?.headName : undefined;
      const severity = SEVERITY_LABELS[f.severity].zh;
      lines.push(
        `${FW}${where}${head ? `${FW}${head}` : ''}${FW}${f.rule} ${RULE_INFO[f.rule].title.zh}（${severity}）：${formatFinding(f)}`,
      );
    }
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// 公示名单

/**
 * Households that still have an error (a failed 核对结果, a wrong ID …) are not posted: the list
 * would announce a payment nobody has confirmed. An amount error (AMT) that this review's
 * adjustment corrects is resolved: the household is posted at the new amount. The pane names
 * the held-back households for the clerk instead.
 */
export function publicityHeldBack(result: CheckResult, exclude?: ReadonlySet<number>): number[] {
  const adjusted = new Set(result.adjustments.filter((a) => !exclude?.has(a.household)).map((a) => a.household));
  const held = new Set<number>();
  for (const f of result.findings) {
    if (f.severity !== 'error' || f.household === undefined) continue;
    if (RULE_INFO[f.rule].family === 'AMT' && adjusted.has(f.household)) continue;
    held.add(f.household);
  }
  return [...held].sort((a, b) => a - b);
}

/**
 * For posting in the village: who receives how much, after this review's adjustments (停保
 * households left out, 增发/减发 at the new amount). No ID numbers, bank accounts or incomes.
 * Households with unresolved errors are left out (publicityHeldBack). Each village posts its own
 * list: one form per village (its own title, numbering and 合计), each on its own printed page,
 * and every page of a long village opens with its title (（续）) and header row.
 */
export function publicitySheet(
  result: CheckResult,
  policy: Policy,
  opts: { exclude?: ReadonlySet<number> } = {},
): GeneratedSheet {
  const adjusted = new Map(
    result.adjustments.filter((a) => !opts.exclude?.has(a.household)).map((a) => [a.household, a] as const),
  );
  const held = new Set(publicityHeldBack(result, opts.exclude));
  // Villages in the order the roster first names them.
  const byVillage = new Map<string, GeneratedValue[][]>();
  for (const h of result.households) {
    const a = adjusted.get(h.index);
    if (h.status === 'stopped' || a?.type === '停保' || held.has(h.index)) continue;
    const changed = a && a.type !== '新增';
    const persons = changed ? a.after.persons : (h.coveredPersons ?? null);
    const amount = changed ? a.after.amount : (h.benefit ?? null);
    let body = byVillage.get(h.village);
    if (!body) byVillage.set(h.village, (body = []));
    body.push([body.length + 1, h.village, h.headName, persons, amount === null ? null : round2(amount)]);
  }
  const gov = government(result, policy);
  const form = (village: string, body: GeneratedValue[][]): GeneratedSection => {
    const sum = (c: number) => body.reduce((s, row) => s + ((row[c] as number | null) ?? 0), 0);
    return {
      title: `${policy.county}${townshipOf(result, policy)}${village}${GENERATED_SHAPES.publicity.title}`,
      subtitle: [`公示时间：${PEN_DATE}至${PEN_DATE}${BLANK}监督电话：${BLANK}${BLANK}`],
      body,
      totals: ['合计', `共${body.length}户`, null, sum(3), round2(sum(4))],
      footer: [`如有异议，请在公示期内向村（居）民委员会或${gov}反映。`, `${gov}${BLANK}${PEN_DATE}`],
    };
  };
  const [first, ...more] = byVillage.size ? [...byVillage].map(([v, body]) => form(v, body)) : [form('', [])];
  return {
    name: '公示名单',
    ...first,
    ...(more.length ? { sections: more } : {}),
    columns: [
      col('序号', 8, { numFmt: COUNT }),
      col('村（社区）', 18),
      col('户主姓名', 16),
      col('保障人数', 12, { numFmt: COUNT }),
      col('月保障金（元）', 16, { numFmt: MONEY }),
    ],
    landscape: false,
    titleOnEveryPage: true,
  };
}

/** The short summary a clerk reads on stdout after a check. */
import type { Policy } from '../domain/policy';
import { sourceLabel } from '../domain/setting-sources';
import { notCheckedReason } from '../domain/messages';
import { ADJUSTMENT_TYPES, type AdjustmentType, type CheckResult } from '../domain/types';
import { FORMAT_LABEL, type LegacyFormat } from '../workbook/legacy/format';
import { formatTable, yuan } from './table';

export function adjustmentsText(counts: Partial<Record<AdjustmentType, number>>): string {
  const parts = ADJUSTMENT_TYPES.filter((t) => counts[t]).map((t) => `${t} ${counts[t]}`);
  return parts.length ? parts.join('，') : '无（none）';
}

export interface SummaryExtras {
  file: string;
  output?: string;
  report?: string;
  sheetsAdded?: string[];
  cellsMarked?: number;
  convertedFrom?: LegacyFormat;
  /** Sheets left out for the memory budget (with --sheet). */
  unread?: string[];
}

/** The line that says a legacy file was converted (and that the marked copy is an .xlsx). */
export function convertedRow(format: LegacyFormat, withCopy: boolean): [string, string] {
  const label = FORMAT_LABEL[format];
  return [
    '格式转换（format converted）',
    withCopy
      ? `${label} 已转换为 .xlsx，标注副本为 .xlsx，原文件未改动（converted from ${label}; the marked copy is .xlsx, the original is unchanged）`
      : `${label} 已转换读取，原文件未改动（read from ${label} through the converter; the original is unchanged）`,
  ];
}

/** 新宁县（花名册标题） 黄龙镇（花名册标题） · 低保标准 266.67 元/月（湖南省2018年指导标准） · 基准日 2018-01-10（花名册填报日期） */
export function settingsLine(p: Policy): string {
  const place =
    (p.county ? `${p.county}（${sourceLabel(p, 'county')}）` : '县名未知') +
    (p.township ? ` ${p.township}（${sourceLabel(p, 'township')}）` : '');
  const standard = `低保标准 ${p.monthlyStandardResolved.toFixed(2)} 元/月（${sourceLabel(p, 'standard')}）`;
  return `${place} · ${standard} · 基准日 ${p.asOf}（${sourceLabel(p, 'asOf')}）`;
}

export function summaryText(result: CheckResult, x: SummaryExtras): string {
  const s = result.summary;
  const rows: [string, string][] = [
    ['户数（households）', `${s.households}（在保 active ${s.activeHouseholds}）`],
    ['保障人数（covered persons）', String(s.coveredPersons)],
    ['月保障金合计（monthly total）', yuan(s.monthlyTotal)],
    ['错误（errors）', String(s.errors)],
    ['提醒（warnings）', String(s.warnings)],
    ['提示（notes）', String(s.infos)],
    ['调整（adjustments）', adjustmentsText(s.adjustments)],
  ];
  if (x.convertedFrom) rows.push(convertedRow(x.convertedFrom, x.output !== undefined));
  const p = result.policy;
  if (p) {
    rows.push(['核查参数（settings）', settingsLine(p)]);
    if (p.sources.county === 'unknown') {
      rows.push([
        '县名未知（county unknown）',
        '花名册标题中没有县名，生成的表格标题不含县名；请在核查参数文件中写 "county": "某某县"（--policy）' +
          ' / no county in the roster title: set "county" in the policy file',
      ]);
    }
  }
  if (result.skipped.length) {
    rows.push(['未执行的检查（skipped checks）', result.skipped.map((k) => k.rule).join(' ')]);
  }
  if (x.output) {
    rows.push(['标注工作簿（marked workbook）', x.output]);
    if (x.cellsMarked !== undefined) rows.push(['标注单元格（cells marked）', String(x.cellsMarked)]);
    if (x.sheetsAdded?.length) rows.push(['新增工作表（sheets added）', x.sheetsAdded.join('、')]);
  }
  if (x.report) rows.push(['核查报告（report）', x.report]);
  if (x.unread?.length) {
    rows.push([
      '未读取的工作表（sheets not read）',
      `${x.unread.map((n) => `“${n}”`).join('、')}：单元格过多，超出一次核查的内存限度，未读取；` +
        '其中若有家庭成员表或名单，相关检查未执行 / too many cells for one check: not read',
    ]);
  }
  for (const n of result.notChecked ?? []) {
    const hint = n.kind === 'other' ? `；如需核查请加 --sheet ${n.sheet}` : '';
    rows.push([
      n.kind === 'other' ? '另一份花名册？（another roster?）' : '未核查的工作表（sheet not checked）',
      notCheckedReason(n) + hint,
    ]);
  }
  const sheets = (result.rosterSheets ?? [result.roster]).map((s) => `“${s.sheet}”`).join('');
  const count =
    result.rosterSheets?.length > 1
      ? `（共${result.rosterSheets.length}张花名册 ${result.rosterSheets.length} roster sheets）`
      : '（sheet）';
  const head = `核查完成（checked）：${x.file}，工作表${sheets}${count}\n`;
  return head + formatTable(rows);
}

/**
 * 县汇总.xlsx (folder mode): one row per township file, for the county bureau. Built as a
 * GeneratedSheet so it prints like the other generated forms.
 */
import type { Policy } from '../domain/policy';
import { ADJUSTMENT_TYPES, type CheckResult } from '../domain/types';
import { FileWorkbook } from '../workbook/file/file';
import type { GeneratedSheet, GeneratedValue } from '../workbook/output/generated';
import { chineseDate } from '../workbook/output/sheets';

export const COUNTY_FILE = '县汇总.xlsx';

/**
 * What 县汇总 and the folder's stdout keep of a checked file: its counts, so that its findings
 * can go once its own outputs are written (a county folder holds many rosters).
 */
export type TownshipCounts = Pick<
  CheckResult['summary'],
  'households' | 'coveredPersons' | 'monthlyTotal' | 'errors' | 'warnings' | 'adjustments'
> & {
  /** ID-06 findings that point to another township's file. */
  crossFileDuplicates: number;
};

export type TownshipRow =
  { file: string; township: string; counts: TownshipCounts } | { file: string; township: string; failure: string };

const FW = '\u3000';
const round2 = (x: number) => Math.round(x * 100) / 100;

export function townshipCounts(result: CheckResult): TownshipCounts {
  const s = result.summary;
  return {
    households: s.households,
    coveredPersons: s.coveredPersons,
    monthlyTotal: s.monthlyTotal,
    errors: s.errors,
    warnings: s.warnings,
    adjustments: { ...s.adjustments },
    crossFileDuplicates: result.findings.filter((f) => f.rule === 'ID-06' && f.messageId === 'external').length,
  };
}

export function countySheet(rows: TownshipRow[], policy: Policy): GeneratedSheet {
  const body: GeneratedValue[][] = rows.map((r, i) => {
    if ('failure' in r) {
      return [
        i + 1,
        r.file,
        r.township,
        null,
        null,
        null,
        null,
        null,
        ...ADJUSTMENT_TYPES.map(() => null),
        null,
        r.failure,
      ];
    }
    const s = r.counts;
    return [
      i + 1,
      r.file,
      r.township,
      s.households,
      s.coveredPersons,
      round2(s.monthlyTotal),
      s.errors,
      s.warnings,
      ...ADJUSTMENT_TYPES.map((t) => s.adjustments[t] ?? 0),
      s.crossFileDuplicates,
      '已核查',
    ];
  });
  const totals: GeneratedValue[] = ['合计', `${rows.length}个文件`, null];
  for (let c = 3; c < 13; c++) {
    const n = body.reduce((sum, row) => sum + (typeof row[c] === 'number' ? (row[c] as number) : 0), 0);
    totals.push(c === 5 ? round2(n) : n);
  }
  totals.push(null);
  const count = { numFmt: '0' };
  return {
    name: '县汇总',
    title: `${policy.county}农村低保花名册核查汇总`,
    subtitle: [`核查基准日：${chineseDate(policy.asOf)}${FW}共${rows.length}个乡镇花名册文件`],
    columns: [
      { header: '序号', width: 6, ...count },
      { header: '文件', width: 30 },
      { header: '乡镇', width: 10 },
      { header: '户数', width: 7, ...count },
      { header: '保障人数', width: 8, ...count },
      { header: '月保障金合计（元）', width: 14, numFmt: '0.00' },
      { header: '错误', width: 7, ...count },
      { header: '提醒', width: 7, ...count },
      ...ADJUSTMENT_TYPES.map((t) => ({ header: `${t}户数`, width: 7, ...count })),
      { header: '跨乡镇重复身份证', width: 10, ...count },
      { header: '核查情况', width: 30 },
    ],
    body,
    totals,
    footer: [`制表人：${FW.repeat(4)}审核人：${FW.repeat(4)}${FW}${FW}年${FW}${FW}月${FW}${FW}日`],
    landscape: true,
  };
}

export async function countyWorkbook(rows: TownshipRow[], policy: Policy): Promise<Uint8Array> {
  const host = FileWorkbook.create();
  await host.addSheet(countySheet(rows, policy));
  return host.toBuffer();
}

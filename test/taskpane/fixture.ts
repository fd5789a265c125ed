/**
 * Test fixtures for the pane: real check results from the real engine over small rosters, and
 * an actions object that records what the pane asked for (the pane's only way out).
 */
import { checkWorkbook } from '../../src/domain/engine';
import { sheetFromValues, type CellValue } from '../../src/domain/grid';
import { parsePolicy, type Policy } from '../../src/domain/policy';
import type { CheckResult } from '../../src/domain/types';
import type { PaneActions } from '../../src/taskpane/actions';
import type { SettingsStore } from '../../src/taskpane/App';
import type { SettingsDraft } from '../../src/taskpane/model/settingsDraft';

export const POLICY: Policy = parsePolicy({ asOf: '2018-01-15', annualStandard: 3026 }); // the fixture's standard

const HEADER = [
  '序号',
  '村',
  '户主姓名',
  '身份证号码',
  '家庭人口',
  '保障人数',
  '家庭月人均收入',
  '月保障金',
  '入户调查表',
];

/** Valid GB 11643 ID for a birth date and sequence (check digit computed). */
export function validId(birth: string, seq: number): string {
  const body = `430529${birth}${String(seq).padStart(3, '0')}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * w[i], 0);
  return body + '10X98765432'[sum % 11];
}

export function check(rows: CellValue[][], policy: Policy = POLICY): CheckResult {
  return checkWorkbook({ workbook: { sheets: [sheetFromValues('花名册', [HEADER, ...rows])] }, policy });
}

/**
 * Three households: 杨秀英 clean, 龙春梅 paid too little and no home-visit form, 刘建国 with a
 * wrong check digit and income above the standard.
 */
export function smallResult(): CheckResult {
  const bad = validId('19700101', 1);
  const wrongDigit = bad.slice(0, 17) + (bad[17] === '1' ? '2' : '1');
  return check([
    [1, '白云村', '杨秀英', validId('19500315', 2), 2, 2, 100, 304.34, '是'],
    [2, '白云村', '龙春梅', validId('19600101', 4), 3, 3, 50, 400, ''],
    [3, '清溪村', '刘建国', wrongDigit, 1, 1, 300, 10, '是'],
  ]);
}

/** A roster with `households` rows, each missing its home-visit form and with a wrong check digit. */
export function bigResult(households: number): CheckResult {
  const rows: CellValue[][] = [];
  for (let i = 0; i < households; i++) {
    const id = validId('19600101', i % 1000);
    rows.push([
      i + 1,
      `第${(i % 12) + 1}村`,
      `户主${i}`,
      id.slice(0, 17) + (id[17] === '1' ? '2' : '1'),
      2,
      2,
      100,
      304.34,
      '',
    ]);
  }
  return check(rows);
}

export interface Recorded {
  calls: string[];
}

export function fakeActions(result: CheckResult, extra: Partial<PaneActions> = {}): PaneActions & Recorded {
  const calls: string[] = [];
  return {
    calls,
    ready: true,
    check: async (policy, onProgress, rosterSheet) => {
      calls.push(`check ${policy.asOf}` + (rosterSheet ? ` ${rosterSheet}` : ''));
      onProgress({ phase: 'read', done: 1, total: 2 });
      return { result, sheets: ['花名册', '家庭成员'] };
    },
    mark: async (r, lang) => {
      calls.push(`mark ${lang} ${r.findings.length}`);
      return { cells: 3, notes: true };
    },
    clear: async () => {
      calls.push('clear');
      return 3;
    },
    generate: async (kind, _r, _p, opts) => {
      calls.push(`generate ${kind} exclude=${[...(opts.exclude ?? [])].join(',')}`);
      return kind === 'adjustments' ? '调整花名册' : kind;
    },
    select: async (f) => {
      calls.push(`select ${f.sheet}!${f.cell ?? f.row}`);
    },
    ...extra,
  };
}

export function memorySettings(initial: Partial<SettingsDraft> = {}): SettingsStore & { saved: SettingsDraft[] } {
  const saved: SettingsDraft[] = [];
  return {
    saved,
    load: async () => ({
      county: '',
      township: '',
      // The fixture rows are computed under 3026 yuan/year (the 2018 default would be 3200).
      standardValue: '3026',
      standardUnit: 'year',
      asOf: '2018-01-15',
      tolerance: '1',
      areaCode: '',
      columns: [],
      preparer: '',
      leftOut: [],
      ...initial,
    }),
    save: async (d) => {
      saved.push(d);
    },
  };
}

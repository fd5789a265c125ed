/**
 * A hand-made check result for a small township (two villages, six households), so the sheet
 * builders and actions can be tested without the engine.
 */
import { parsePolicy, type Policy } from '../../src/domain/policy';
import type { Adjustment, CheckResult, Finding, FindingRef, HouseholdSummary } from '../../src/domain/types';

export const policy: Policy = parsePolicy(
  { county: '城步苗族自治县', township: '儒林镇', asOf: '2018-01-15', monthlyStandard: 252.17, sampleRate: 0.3 },
  '2018-01-20',
);

const household = (
  index: number,
  village: string,
  headName: string,
  idNumber: string,
  coveredPersons: number,
  benefit: number,
  status: HouseholdSummary['status'] = 'existing',
): HouseholdSummary => ({
  index,
  sheet: '花名册',
  row: index + 4,
  village,
  township: '儒林镇',
  headName,
  idNumber,
  status,
  householdSize: coveredPersons,
  coveredPersons,
  benefit,
  bottomLine: false,
});

export const households: HouseholdSummary[] = [
  household(0, '丹口村', '杨秀英', '430529196003151236', 2, 300),
  household(1, '丹口村', '=HYPERLINK("x")', '430529197512070021', 3, 450.5),
  household(2, '白云村', '蓝桂花', '430529198807110048', 1, 120, 'new'),
  household(3, '白云村', '刘长生', '430529194501020017', 1, 200),
  household(4, '白云村', '谢春梅', '430529196511230026', 2, 0, 'stopped'),
  household(5, '丹口村', '肖德明', '430529195808080035', 4, 500),
];

const adjustment = (
  h: HouseholdSummary,
  type: Adjustment['type'],
  after: { persons: number; amount: number },
  because: FindingRef[],
  before = { persons: h.coveredPersons ?? 0, amount: h.benefit ?? 0 },
): Adjustment => ({
  household: h.index,
  sheet: h.sheet,
  row: h.row,
  type,
  village: h.village,
  headName: h.headName,
  idNumber: h.idNumber,
  before,
  after,
  messageId: because.length ? 'findings' : 'newComplete',
  data: {},
  because,
  rules: because.map((f) => f.rule),
});

const mismatch = (benefit: string, expected: string, income: string, covered: number): FindingRef => ({
  rule: 'AMT-01',
  messageId: 'mismatch',
  data: { benefit, expected, standard: '252.17', income, covered },
});

export const adjustments: Adjustment[] = [
  adjustment(households[0], '减发', { persons: 2, amount: 250.34 }, [mismatch('300.00', '250.34', '127.00', 2)]),
  adjustment(households[1], '停保', { persons: 0, amount: 0 }, [
    { rule: 'AMT-02', messageId: 'over', data: { income: '300.00', standard: '252.17' } },
  ]),
  adjustment(households[2], '新增', { persons: 1, amount: 120 }, [], { persons: 0, amount: 0 }),
  adjustment(households[3], '增发', { persons: 1, amount: 252.17 }, [mismatch('200.00', '252.17', '0.00', 1)]),
  adjustment(households[5], '减发', { persons: 3, amount: 375.5 }, [
    {
      rule: 'ELIG-01',
      messageId: 'deceased',
      data: { who: 'member', person: '王某', date: '2017-11-02', source: '死亡名单' },
    },
  ]),
];

const finding = (h: HouseholdSummary, rule: Finding['rule'], severity: Finding['severity'], col = 2): Finding => ({
  rule,
  severity,
  sheet: '花名册',
  row: h.row,
  col,
  cell: `B${h.row}`,
  messageId: 'missing',
  data: {},
  household: h.index,
});

export const findings: Finding[] = [
  finding(households[0], 'AMT-01', 'error', 12),
  finding(households[0], 'DOC-01', 'error', 27),
  finding(households[1], 'AMT-02', 'error', 8),
  finding(households[3], 'REV-01', 'warning', 37),
  finding(households[5], 'ELIG-01', 'error'),
  finding(households[5], 'ID-07', 'info', 4),
];

const roster: CheckResult['roster'] = {
  sheet: '花名册',
  headerRows: [3],
  firstRow: 4,
  lastRow: 9,
  columns: {},
  missingFields: ['application'],
  merges: [],
  otherCandidates: [],
  households: 6,
};

export const result: CheckResult = {
  policy,
  roster,
  rosterSheets: [roster],
  notChecked: [],
  lists: [],
  asOf: '2018-01-15',
  households,
  findings,
  adjustments,
  sample: [
    {
      household: 0,
      sheet: '花名册',
      row: 4,
      village: '丹口村',
      headName: '杨秀英',
      idNumber: households[0].idNumber,
      reason: 'random',
    },
    {
      household: 2,
      sheet: '花名册',
      row: 6,
      village: '白云村',
      headName: '蓝桂花',
      idNumber: households[2].idNumber,
      reason: 'new',
    },
  ],
  skipped: [
    {
      rule: 'DOC-06',
      missing: ['application'],
      messageId: 'missing',
      data: { lacking: [{ needs: [[{ need: 'application' }]] }] },
    },
  ],
  summary: {
    households: 6,
    activeHouseholds: 5,
    coveredPersons: 11,
    monthlyTotal: 1570.5,
    errors: 4,
    warnings: 1,
    infos: 1,
    byRule: { 'AMT-01': 1, 'DOC-01': 1, 'AMT-02': 1, 'REV-01': 1, 'ELIG-01': 1, 'ID-07': 1 },
    byFamily: { AMT: 2, DOC: 1, REV: 1, ELIG: 1, ID: 1 },
    villages: [
      {
        village: '丹口村',
        households: 3,
        activeHouseholds: 3,
        coveredPersons: 9,
        monthlyTotal: 1250.5,
        errors: 4,
        warnings: 0,
        byRule: { 'AMT-01': 1, 'DOC-01': 1, 'AMT-02': 1, 'ELIG-01': 1, 'ID-07': 1 },
      },
      {
        village: '白云村',
        households: 3,
        activeHouseholds: 2,
        coveredPersons: 2,
        monthlyTotal: 320,
        errors: 0,
        warnings: 1,
        byRule: { 'REV-01': 1 },
      },
    ],
    adjustments: { 新增: 1, 停保: 1, 增发: 1, 减发: 2 },
    missingBottomLine: [{ idNumber: '430529193002020012', name: '龙老汉', village: '白云村' }],
  },
};

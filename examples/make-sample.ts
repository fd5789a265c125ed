/**
 * Makes the bundled sample: a synthetic township roster of 城步苗族自治县儒林镇 with a member
 * sheet, three reference lists and a documented set of planted problems (examples/README.md).
 * Deterministic: the same bytes of data on every run (seeded generator, fixed dates).
 *
 *   npx tsx examples/make-sample.ts [output.xlsx]
 */
import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildTownship, povertyRegister, type BuiltTownship, type VillagePlan } from './sample/township';
import { FIRST_DATA_ROW, HEADER_FILL, rosterColumn, writeRoster } from './sample/roster-layout';
import { writeDeaths, writeMembers, writePoor, writeVehicles } from './sample/lists-layout';
import type { ExpectedAdjustment } from './sample/plants';

export { buildTownship, type BuiltTownship, type VillagePlan } from './sample/township';
export { rosterColumn, FIRST_DATA_ROW, HEADER_ROWS } from './sample/roster-layout';
export type { Household, Township } from './sample/model';

export const SAMPLE_FILE = path.join(__dirname, '城步县儒林镇低保花名册.xlsx');
export const ROSTER_SHEET = '花名册';
export const MEMBER_SHEET = '家庭成员';

/** The policy the sample was made for (reference date five days after the roster was filled). */
export const SAMPLE_POLICY = {
  county: '城步苗族自治县',
  township: '儒林镇',
  areaCode: '430529',
  annualStandard: 3026,
  asOf: '2018-01-15',
};

/** Which plant sits on which household, village by village (see examples/README.md). */
export const SAMPLE_VILLAGES: VillagePlan[] = [
  {
    village: '白云村',
    rows: [
      null,
      'ID-01',
      'AMT-01up',
      'DOC-01',
      'NEW',
      'ID-06a',
      'ELIG-01head',
      'SINGLE-OK',
      'PROC-03',
      'ID-05',
      null,
      'REV-01able',
    ],
  },
  {
    village: '清溪村',
    rows: [null, 'ID-02', 'HH-01', 'ELIG-02car', 'EBIKE', 'DOC-02', 'HH-03a', 'HH-03b', 'AMT-02', 'FILED', 'DOC-05'],
  },
  {
    village: '金紫村',
    rows: [
      null,
      'ID-06b',
      'ID-03',
      'HH-02',
      'AMT-03',
      'TEXT-NUMBERS',
      'ELIG-01list',
      'DOC-03',
      'NEW',
      'ID-07',
      'PROC-01',
    ],
  },
  {
    village: '大竹村',
    rows: [null, 'HH-04', 'AMT-01down', 'ELIG-02list', 'DOC-04', null, 'ID-04', 'HH-05', 'PROC-02', 'AMT-04'],
  },
  {
    village: '杨柳村',
    rows: [null, 'ELIG-03', 'HH-06', 'DOC-06', 'ID-08', null, 'AMT-05', 'ELIG-01member', 'NEW', 'REV-01old'],
  },
  { village: '太平村', rows: [null, 'ELIG-04', 'PROC-04', 'ELIG-02house', 'CERT', null, null, null, null, null] },
];

export function buildSampleTownship(): BuiltTownship {
  return buildTownship({ township: '儒林镇', seed: 20180110, villages: SAMPLE_VILLAGES });
}

/** Fills and notes a clerk had put on the roster before the check (marks must give them back). */
export interface Presets {
  fills: { row: number; col: number; argb: string }[];
  notes: { row: number; col: number; text: string }[];
}

export interface SampleWorkbook {
  workbook: ExcelJS.Workbook;
  township: BuiltTownship;
  presets: Presets;
  /** Excel row of the 合计 row. */
  totalsRow: number;
}

/** Two ideographic spaces: how clerks space out the lines of a form. */
const GAP = '\u3000\u3000';
const CLERK_GREEN = 'FFC6EFCE';
const CLERK_BLUE = 'FFDDEBF7';

/** The sample workbook (or a variant built from another township plan). */
export function makeSampleWorkbook(township: BuiltTownship = buildSampleTownship()): SampleWorkbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = `${township.township}民政办`;
  wb.created = township.filledOn;
  wb.modified = township.filledOn;

  const roster = wb.addWorksheet(ROSTER_SHEET);
  const totalsRow = writeRoster(roster, township.households, {
    title: `${township.county}${township.township}农村低保对象花名册`,
    unitLine: `填报单位：${township.township}人民政府${GAP}填报日期：${chineseDate(township.filledOn)}`,
    signatureLine: `制表人：${GAP}${GAP}审核人：${GAP}${GAP}分管领导：${GAP}${GAP}${township.township}人民政府（盖章）`,
    township: township.township,
  });
  writeMembers(wb.addWorksheet(MEMBER_SHEET), township.township, township.households);
  writeDeaths(wb.addWorksheet('死亡名单'), `${township.township}2017年度死亡人员名单（县公安局提供）`, township.deaths);
  writePoor(wb.addWorksheet('建档立卡贫困户'), `${township.township}建档立卡贫困户名单`, povertyRegister(township));
  writeVehicles(wb.addWorksheet('车辆登记信息'), township.vehicles);

  const presets = clerkMarks(township);
  for (const f of presets.fills) {
    roster.getCell(f.row, f.col).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: f.argb } };
  }
  for (const n of presets.notes) roster.getCell(n.row, n.col).note = n.text;
  return { workbook: wb, township, presets, totalsRow };
}

/**
 * A clerk's own highlights: on cells the checker will mark (ID cells of the ID plants, the
 * benefit cell of an AMT-01 plant) and on cells it will not touch (a clean row's 备注).
 */
function clerkMarks(t: BuiltTownship): Presets {
  const rowOf = (key: string) => {
    const p = t.plan.find((x) => x.key === key);
    return p ? FIRST_DATA_ROW + p.index : undefined;
  };
  const fills: Presets['fills'] = [];
  const notes: Presets['notes'] = [];
  const add = (key: string, col: string, argb: string) => {
    const row = rowOf(key);
    if (row) fills.push({ row, col: rosterColumn(col), argb });
  };
  add('ID-01', 'headId', CLERK_GREEN);
  add('ID-02', 'headId', CLERK_GREEN);
  add('AMT-01up', 'benefit', CLERK_BLUE);
  const cleanRow = t.plan.find((p) => p.key === null);
  if (cleanRow) {
    fills.push({ row: FIRST_DATA_ROW + cleanRow.index, col: rosterColumn('note'), argb: CLERK_BLUE });
    notes.push({
      row: FIRST_DATA_ROW + cleanRow.index,
      col: rosterColumn('note'),
      text: '户主长期在外务工，已电话核实',
    });
  }
  const down = rowOf('AMT-01down');
  if (down) notes.push({ row: down, col: rosterColumn('benefit'), text: '村里报送的金额' });
  return { fills, notes };
}

export function chineseDate(d: Date): string {
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** Every planted (row, rule) pair the checker must report on the roster sheet. */
export function plantedFindings(t: BuiltTownship): { row: number; rule: string; what: string }[] {
  return t.plan.flatMap((p) => p.rules.map((rule) => ({ row: FIRST_DATA_ROW + p.index, rule, what: p.what })));
}

/** Rows planted with nothing (plain clean rows and trap rows): no error or warning expected. */
export function cleanRows(t: BuiltTownship): number[] {
  return t.plan.filter((p) => p.rules.length === 0).map((p) => FIRST_DATA_ROW + p.index);
}

export function expectedAdjustments(t: BuiltTownship): ({ row: number } & ExpectedAdjustment)[] {
  return t.plan.flatMap((p) => (p.adjustment ? [{ row: FIRST_DATA_ROW + p.index, ...p.adjustment }] : []));
}

const SAMPLE = buildSampleTownship();
/** The sample's planted problems: every (row, rule) pair (examples/README.md lists them). */
export const PLANTED: { row: number; rule: string }[] = plantedFindings(SAMPLE).map(({ row, rule }) => ({ row, rule }));
export const PRESET_HEADER_FILL = HEADER_FILL;

export async function writeSample(file = SAMPLE_FILE): Promise<string> {
  const { workbook } = makeSampleWorkbook();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await workbook.xlsx.writeFile(file);
  return file;
}

if (require.main === module) {
  writeSample(process.argv[2]).then(
    (file) =>
      process.stderr.write(`示例花名册已生成（sample roster written）：${path.relative(process.cwd(), file)}\n`),
    (e: unknown) => {
      process.stderr.write(`生成示例失败（could not write the sample）：${String(e)}\n`);
      process.exitCode = 1;
    },
  );
}

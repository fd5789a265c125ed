/**
 * Every string the pane shows, Chinese first. Rule messages come from the domain catalogue
 * (formatFinding); this file holds only the pane's own words. The English table is typed
 * against the Chinese one, so a missing translation is a compile error.
 */
import { createContext, useContext } from 'react';
import type { Lang } from '../domain/messages';
import type { AdjustmentType } from '../domain/types';

export type { Lang };

// One formatter each: toLocaleString makes a new one per call (measured: 380 ms of the web page's
// main thread while a 20,000-household roster was read, on a loaded machine).
const NUM = new Intl.NumberFormat('zh-CN');
const MONEY = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const num = (n: number) => NUM.format(n);
const money = (n: number) => MONEY.format(n);

const zh = {
  title: '低保花名册核查',
  langSwitch: '界面语言',
  rosterLabel: '花名册：',
  roster: (sheet: string, headerRow: number, households: number) =>
    `${sheet}（表头第${headerRow}行，${num(households)}户）`,
  rosterUnknown: '尚未核查：点击“开始核查”自动查找花名册',
  changeRoster: '更换',
  otherRosters: (names: string[]) =>
    `工作表${names.map((n) => `“${n}”`).join('、')}也像花名册，未核查；如需核查请点“更换”。`,
  rosterSheet: '花名册所在工作表',
  rosters: (sheets: number, households: number) => `${sheets}张工作表，共${num(households)}户`,
  rosterSheets: '核查的花名册工作表',
  rosterSheetsHint: '取消勾选即不核查该表（本工作簿记住此选择）',
  sheetChecked: (sheet: string, households: number) => `${sheet}（${num(households)}户）`,
  sheetLeftOut: (sheet: string) => `${sheet}（未核查）`,
  openFile: '打开 Excel 文件',
  openFileHint: '文件只在本机浏览器中处理，不会上传',
  fileChosen: (name: string) => `文件：${name}`,
  fileConverted: (format: string) => `已将 ${format} 转换为 .xlsx 核查，下载结果为 .xlsx，原文件不变`,
  noFile: '尚未选择文件',
  settings: '核查参数',
  county: '县（市、区）',
  township: '乡镇',
  standard: '低保标准',
  standardUnit: '单位',
  perYear: '元/年',
  perMonth: '元/月',
  standardPreset: '湖南省指导标准',
  presetOption: (year: number, yuan: number) => `${year}年 ${yuan}元/年`,
  presetNone: '自定义',
  asOf: '基准日',
  tolerance: '误差（元）',
  areaCode: '行政区划代码',
  areaCodeHint: '身份证前几位，如 430529；不填则不检查',
  preparer: '制表人',
  preparerHint: '写入生成表格页脚“制表人：”之后；不填则留空手签',
  invalidAreaCode: '请填写2至6位数字',
  columnNames: '表头对应',
  columnNamesHint: '花名册的列名本工具认不出时，选字段并填写表中的列名',
  columnField: '字段',
  columnHeader: '表中的列名',
  fieldName: (header: string, _en: string) => header,
  addColumnName: '添加',
  removeColumnName: (header: string) => `删除“${header}”的对应`,
  settingsSummary: (county: string, township: string, standard: string, asOf: string) =>
    [county, township].filter(Boolean).join(' ') + ` · ${standard} · 基准日 ${asOf || '今天'}`,
  standardText: (value: number | undefined, unit: 'year' | 'month') =>
    value === undefined ? '湖南省指导标准（按基准日年份）' : `${value}${unit === 'year' ? '元/年' : '元/月'}`,
  saveSettings: '保存参数',
  settingsSaved: '参数已保存',
  sourced: (value: string, source: string) => `${value}（${source}）`,
  countyUnknown: '县名未知（请在核查参数中填写）',
  standardUsed: (monthly: number) => `低保标准 ${money(monthly)}元/月`,
  asOfUsed: (asOf: string) => `基准日 ${asOf}`,
  check: '开始核查',
  recheck: '重新核查',
  checking: '正在核查…',
  progress: {
    read: (done: number, total: number) => `读取第 ${num(done)} / ${num(total)} 行`,
    check: (done: number, total: number) => `核查第 ${num(done)} / ${num(total)} 户`,
    mark: (done: number, total: number) => `标注第 ${num(done)} / ${num(total)} 处`,
    write: (done: number, total: number) => `写入第 ${num(done)} / ${num(total)} 行`,
  },
  households: '户数',
  coveredPersons: '保障人数',
  monthlyTotal: '月保障金（元）',
  yuan: (n: number) => money(n),
  hu: (n: number) => `${num(n)}户`,
  ren: (n: number) => `${num(n)}人`,
  errors: '错误',
  warnings: '提醒',
  infos: '提示',
  adjustments: '拟调整',
  adjustmentType: { 新增: '新增', 停保: '停保', 增发: '增发', 减发: '减发' } as Record<AdjustmentType, string>,
  adjustmentsBreakdown: (parts: [string, number][]) =>
    parts.length ? parts.map(([k, n]) => `${k}${n}`).join(' ') : '无',
  noProblems: (households: number) => `未发现问题：${num(households)}户全部符合要求`,
  mark: '一键标注',
  clear: '清除标注',
  generateAdjustment: '生成调整花名册',
  more: '更多',
  generateSample: '生成抽查名单',
  generateSummary: '生成汇总',
  generatePublicity: '生成公示名单',
  exportReport: '导出核查报告',
  selfTest: '自检',
  download: '下载结果',
  marked: (cells: number, notes: boolean) =>
    `已标注 ${num(cells)} 个单元格` + (notes ? '，原因已写入批注' : '，原因见“核查汇总”表'),
  cleared: (cells: number) => (cells ? `已清除标注，恢复 ${num(cells)} 个单元格` : '没有需要清除的标注'),
  sheetAdded: (name: string) => `已生成工作表“${name}”`,
  downloaded: (name: string) => `已下载 ${name}`,
  reportExported: (name: string) => `已导出 ${name}`,
  tabs: { findings: '问题', adjustments: '调整', stats: '统计' },
  tabsLabel: '核查结果',
  severity: '严重程度',
  family: '类别',
  village: '村',
  all: '全部',
  search: '搜索',
  searchPlaceholder: '姓名/身份证/规则',
  findingsList: '问题清单',
  shownOf: (shown: number, total: number) => `显示 ${num(shown)} / ${num(total)} 条`,
  noMatch: '没有符合筛选条件的问题',
  rowHeader: (row: number) => `第${row}行`,
  otherSheet: (sheet: string) => `（${sheet}）`,
  adjType: '类型',
  adjHead: '户主',
  adjBeforeAfter: '调整前 → 调整后',
  adjReason: '原因',
  adjInclude: (name: string) => `把 ${name} 列入调整花名册`,
  adjPersons: (n: number) => `${n}人`,
  adjIncluded: (n: number, total: number) => `列入调整花名册 ${num(n)} / ${num(total)} 户`,
  noAdjustments: '没有拟调整的户',
  adjKept: '（已列入）',
  adjLeftOut: '（未列入）',
  byFamily: '按类别',
  byVillage: '按村',
  villageTotals: '各村合计',
  villageRow: (households: number, persons: number, total: string) => `${households}户 ${persons}人 ${total}`,
  chartBar: (label: string, errors: number, warnings: number, infos: number) =>
    `${label}：错误 ${num(errors)}，提醒 ${num(warnings)}，提示 ${num(infos)}`,
  skipped: '未执行的检查',
  missingBottomLine: (n: number) => `建档立卡兜底户未在花名册中：${num(n)}户（可能漏保）`,
  failed: '操作未完成',
  dismiss: '关闭',
  busy: '请稍候…',
  standalone: '独立网页版：不需要 Excel，文件只在本机处理',
  invalidNumber: '请输入数字',
  // The clerk's loop (#11)
  markAndGenerate: '标注并生成调整花名册',
  markedAndGenerated: (cells: number, sheet: string | undefined) =>
    `已标注 ${num(cells)} 个单元格` + (sheet ? `，已生成“${sheet}”` : '；没有拟调整的户，未生成调整花名册'),
  downloadHolds: (marks: boolean, sheets: string[]) =>
    '下载的文件含：' + [marks ? '问题标注' : '', ...sheets.map((n) => `“${n}”表`)].filter(Boolean).join('、'),
  notDownloaded: '结果尚未下载：请点“下载结果”保存',
  otherLanguage: 'English',
  findingDetail: (rule: string, column: string | undefined, cell: string | undefined) =>
    [`规则 ${rule}`, column ? `列“${column}”` : '', cell ? `单元格 ${cell}` : ''].filter(Boolean).join(' · '),
  showCell: '在表格中查看',
  rowCells: (row: number) => `第${row}行的内容`,
  heldBack: (n: number, who: string) => `；${n}户有未解决的错误，未列入公示：${who}（改正后重新核查再生成）`,
  liveCheck: '边改边查',
  liveCheckHint: '改正单元格后自动重新核查这一户',
  liveUpdated: (row: number, errors: number, warnings: number) =>
    errors + warnings
      ? `第${row}行已重新核查：${errors} 处错误、${warnings} 处提醒`
      : `第${row}行已重新核查：没有问题了`,
} as const;

type Widen<T> = T extends string
  ? string
  : T extends Record<AdjustmentType, string>
    ? Record<AdjustmentType, string>
    : T extends (...args: infer A) => unknown
      ? (...args: A) => string
      : { [K in keyof T]: Widen<T[K]> };
export type Strings = Widen<typeof zh>;

const en: Strings = {
  title: 'Dibao roster check',
  langSwitch: 'Language',
  rosterLabel: 'Roster:',
  roster: (sheet, headerRow, households) => `${sheet} (header row ${headerRow}, ${households} households)`,
  rosterUnknown: 'Not checked yet: “Check” finds the roster sheet',
  changeRoster: 'Change',
  otherRosters: (names: string[]) =>
    `${names.join(', ')} also look${names.length > 1 ? '' : 's'} like a roster and was not checked; use Change to check it.`,
  rosterSheet: 'Sheet holding the roster',
  rosters: (sheets, households) => `${sheets} sheets, ${households.toLocaleString('en')} households`,
  rosterSheets: 'Roster sheets checked',
  rosterSheetsHint: 'Untick a sheet to leave it out (remembered in this workbook)',
  sheetChecked: (sheet, households) => `${sheet} (${households.toLocaleString('en')} households)`,
  sheetLeftOut: (sheet) => `${sheet} (left out)`,
  openFile: 'Open Excel file',
  openFileHint: 'The file is processed in this browser only, never uploaded',
  fileChosen: (name) => `File: ${name}`,
  fileConverted: (format) =>
    `Converted from ${format} to .xlsx for checking; the download is .xlsx, the original is unchanged`,
  noFile: 'No file chosen',
  settings: 'Check settings',
  county: 'County',
  township: 'Township',
  standard: 'Dibao standard',
  standardUnit: 'Unit',
  perYear: 'yuan/year',
  perMonth: 'yuan/month',
  standardPreset: 'Hunan guiding standard',
  presetOption: (year, yuan) => `${year}: ${yuan} yuan/year`,
  presetNone: 'Custom',
  asOf: 'Reference date',
  tolerance: 'Tolerance (yuan)',
  areaCode: 'Area code',
  areaCodeHint: 'First digits of local IDs, e.g. 430529; blank = not checked',
  preparer: 'Prepared by (制表人)',
  preparerHint: 'Written after “制表人：” in the generated sheets’ footer; blank = signed by hand',
  invalidAreaCode: 'Enter 2 to 6 digits',
  columnNames: 'Column names',
  columnNamesHint: 'When the roster names a column in a way the tool does not know: pick the field, type the header',
  columnField: 'Field',
  columnHeader: 'Header in the roster',
  fieldName: (header, en) => `${en} (${header})`,
  addColumnName: 'Add',
  removeColumnName: (header) => `Remove the mapping for ${header}`,
  settingsSummary: (county, township, standard, asOf) =>
    [county, township].filter(Boolean).join(' ') + ` · ${standard} · as of ${asOf || 'today'}`,
  standardText: (value, unit) =>
    value === undefined
      ? "Hunan standard of the reference date's year"
      : `${value} ${unit === 'year' ? 'yuan/year' : 'yuan/month'}`,
  saveSettings: 'Save settings',
  settingsSaved: 'Settings saved',
  sourced: (value, source) => `${value} (${source})`,
  countyUnknown: 'County unknown (enter it in the settings)',
  standardUsed: (monthly) => `standard ${monthly.toFixed(2)} yuan/month`,
  asOfUsed: (asOf) => `as of ${asOf}`,
  check: 'Check',
  recheck: 'Check again',
  checking: 'Checking…',
  progress: {
    read: (done, total) => `Reading row ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`,
    check: (done, total) => `Checking household ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`,
    mark: (done, total) => `Marking ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`,
    write: (done, total) => `Writing row ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`,
  },
  households: 'Households',
  coveredPersons: 'Covered persons',
  monthlyTotal: 'Monthly total (¥)',
  yuan: (n) => money(n),
  hu: (n) => n.toLocaleString('en'),
  ren: (n) => n.toLocaleString('en'),
  errors: 'Errors',
  warnings: 'Warnings',
  infos: 'Info',
  adjustments: 'Adjustments',
  adjustmentType: { 新增: 'new', 停保: 'stop', 增发: 'raise', 减发: 'lower' },
  adjustmentsBreakdown: (parts) => (parts.length ? parts.map(([k, n]) => `${k} ${n}`).join(', ') : 'none'),
  noProblems: (households) => `No problems found: all ${households} households comply`,
  mark: 'Mark cells',
  clear: 'Clear marks',
  generateAdjustment: 'Adjustment roster',
  more: 'More',
  generateSample: 'Sampling list',
  generateSummary: 'Summary sheet',
  generatePublicity: 'Public notice list',
  exportReport: 'Export report (JSON)',
  selfTest: 'Self-test',
  download: 'Download result',
  marked: (cells, notes) => `Marked ${cells} cells` + (notes ? ', reasons in notes' : ', reasons in the summary sheet'),
  cleared: (cells) => (cells ? `Marks cleared, ${cells} cells restored` : 'There were no marks to clear'),
  sheetAdded: (name) => `Sheet “${name}” added`,
  downloaded: (name) => `Downloaded ${name}`,
  reportExported: (name) => `Exported ${name}`,
  tabs: { findings: 'Findings', adjustments: 'Adjustments', stats: 'Statistics' },
  tabsLabel: 'Check results',
  severity: 'Severity',
  family: 'Category',
  village: 'Village',
  all: 'All',
  search: 'Search',
  searchPlaceholder: 'Name / ID / rule',
  findingsList: 'Findings',
  shownOf: (shown, total) => `Showing ${shown} of ${total}`,
  noMatch: 'No findings match the filters',
  rowHeader: (row) => `Row ${row}`,
  otherSheet: (sheet) => `(${sheet})`,
  adjType: 'Type',
  adjHead: 'Head',
  adjBeforeAfter: 'Before → after',
  adjReason: 'Reason',
  adjInclude: (name) => `Include ${name} in the adjustment roster`,
  adjPersons: (n) => `${n} p.`,
  adjIncluded: (n, total) => `${n} of ${total} households in the adjustment roster`,
  noAdjustments: 'No adjustments proposed',
  adjKept: '(included)',
  adjLeftOut: '(left out)',
  byFamily: 'By category',
  byVillage: 'By village',
  villageTotals: 'Village totals',
  villageRow: (households, persons, total) => `${households} hh, ${persons} p., ${total}`,
  chartBar: (label, errors, warnings, infos) => `${label}: ${errors} errors, ${warnings} warnings, ${infos} info`,
  skipped: 'Checks skipped',
  missingBottomLine: (n) => `Safety-net households not in the roster: ${n} (possibly missed)`,
  failed: 'Not completed',
  dismiss: 'Dismiss',
  busy: 'Please wait…',
  standalone: 'Web page: no Excel needed; the file stays on this computer',
  invalidNumber: 'Enter a number',
  // The clerk's loop (#11)
  markAndGenerate: 'Mark and write adjustment roster',
  markedAndGenerated: (cells, sheet) =>
    `Marked ${cells} cells` + (sheet ? `, wrote “${sheet}”` : '; no household to adjust, no adjustment roster'),
  downloadHolds: (marks, sheets) =>
    'The file holds: ' + [marks ? 'the marks' : '', ...sheets.map((n) => `sheet “${n}”`)].filter(Boolean).join(', '),
  notDownloaded: 'Not downloaded yet: use “Download result” to save',
  otherLanguage: '中文',
  findingDetail: (rule, column, cell) =>
    [`rule ${rule}`, column ? `column “${column}”` : '', cell ? `cell ${cell}` : ''].filter(Boolean).join(' · '),
  showCell: 'Show in the sheet',
  rowCells: (row) => `Row ${row} as written`,
  heldBack: (n, who) =>
    `; ${n} households with unresolved errors were left out: ${who} (correct them, check again, regenerate)`,
  liveCheck: 'Re-check as I edit',
  liveCheckHint: 'After you correct a cell, that household is checked again',
  liveUpdated: (row, errors, warnings) =>
    errors + warnings
      ? `Row ${row} checked again: ${errors} errors, ${warnings} warnings`
      : `Row ${row} checked again: no problems left`,
};

export const STRINGS: Record<Lang, Strings> = { zh, en };

export const LangContext = createContext<Lang>('zh');

/** The strings of the pane's current language. */
export function useStrings(): Strings {
  return STRINGS[useContext(LangContext)];
}

export function useLang(): Lang {
  return useContext(LangContext);
}

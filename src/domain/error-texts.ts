/**
 * The words of every error the clerk can meet, in one catalogue: an error carries a message id
 * and the values it names (sheet, row, column, file name, sizes), never text. The text is made
 * from them at the edge (src/workbook/error-text.ts) in the clerk's language, Chinese first.
 *
 * An entry is a pair of functions rather than a template with {name} placeholders, because an
 * error's words depend on its values (a row or a cell, a size in GB, a list joined by 、 or ,).
 */
import { LIST_KINDS, LIST_LABELS, ROSTER_SPECS, type ListKind, type RosterField } from './fields';

export type Lang = 'zh' | 'en';

/** Where the words are shown: the task pane, a ribbon command's dialog, or the command line. */
export type Edge = 'pane' | 'command' | 'cli';

/** One setting at fault: keys nobody knows (no reason), or one key and zod's reason. */
export interface SettingIssue {
  readonly keys: readonly string[];
  readonly reason?: string;
}

/** The error an error wraps (a list file that could not be opened): its message id and data. */
export interface ErrorCause {
  readonly messageId: string;
  readonly data: ErrorData;
}

/** A value an error names: data from the workbook, the file system or the command, never our words. */
export type ErrorValue =
  string | number | boolean | readonly string[] | readonly SettingIssue[] | ErrorCause | undefined;
export type ErrorData = Readonly<Record<string, ErrorValue>>;

export interface ErrorEntry<Code extends string, D extends ErrorData> {
  /** The kind of failure callers branch on (exit code, fallback host); several messages share one. */
  code: Code;
  zh(d: D, edge: Edge): string;
  en(d: D, edge: Edge): string;
}

function entry<const Code extends string, D extends ErrorData = Record<never, never>>(
  code: Code,
  zh: (d: D, edge: Edge) => string,
  en: (d: D, edge: Edge) => string,
): ErrorEntry<Code, D> {
  return { code, zh, en };
}

const spec = (field: RosterField) => ROSTER_SPECS.find((s) => s.field === field)!;

/** A roster that cannot be checked at all (src/domain/errors.ts RosterError). */
export const ROSTER_ERRORS = {
  'no-sheets': entry(
    'no-sheets',
    () => '工作簿中没有工作表',
    () => 'The workbook has no sheets',
  ),
  'only-tool-sheets': entry(
    'no-header',
    (d: { sheets: readonly string[] }) => `工作簿中只有本工具生成的工作表（${d.sheets.join('、')}），没有花名册`,
    (d) => `The workbook holds only sheets this tool generated (${d.sheets.join(', ')}), no roster`,
  ),
  'no-header': entry(
    'no-header',
    (d: { sheets: readonly string[]; memberSheets: readonly string[] }) => {
      const [name, id] = [spec('headName'), spec('headId')];
      const members = d.memberSheets.length
        ? `（${d.memberSheets.map((s) => `“${s}”`).join('、')}是家庭成员表，不作花名册）`
        : '';
      return (
        `未找到花名册表头：请确认有“${name.header}”（或 ${name.aliases.join('、')}）` +
        `和“${id.header}”（或 ${id.aliases.join('、')}）两列。已查看的工作表：${d.sheets.join('、')}${members}`
      );
    },
    (d) => {
      const [name, id] = [spec('headName'), spec('headId')];
      const members = d.memberSheets.length ? ` (${d.memberSheets.join(', ')}: member sheet, not a roster)` : '';
      return (
        `Roster header not found: looked for ${name.header} (or ${name.aliases.join(', ')}) ` +
        `and ${id.header} (or ${id.aliases.join(', ')}) in sheets: ${d.sheets.join(', ')}${members}`
      );
    },
  ),
  'sheet-not-found': entry(
    'sheet-not-found',
    (d: { name: string; sheets: readonly string[] }) =>
      `找不到工作表“${d.name}”。本工作簿的工作表：${d.sheets.join('、')}`,
    (d) => `Sheet "${d.name}" not found. Sheets in this workbook: ${d.sheets.join(', ')}`,
  ),
  uncomputed: entry(
    'uncomputed',
    (d: { sheet: string; row: number; column: string }) =>
      `工作表“${d.sheet}”第${d.row}行“${d.column}”列的公式没有计算结果：请在 Excel 或 WPS 中打开此文件、保存后再核查`,
    (d) =>
      `sheet "${d.sheet}" row ${d.row} column "${d.column}": the formula has no calculated result; open and save the file in Excel or WPS, then check again`,
  ),
};

export type RosterMessageId = keyof typeof ROSTER_ERRORS;

/** The formats read by conversion (src/workbook/legacy/), as a file error names them. */
export const FORMAT_WORDS = {
  xls: { zh: '旧版 .xls 文件', en: 'old .xls file' },
  xlsb: { zh: '.xlsb 文件', en: '.xlsb file' },
  ods: { zh: 'OpenDocument（.ods）文件', en: 'OpenDocument (.ods) file' },
  et: { zh: 'WPS 表格（.et）文件', en: 'WPS (.et) file' },
} as const;

export type ConvertedFormat = keyof typeof FORMAT_WORDS;

/** The file system's refusals, by Node's error code; the path is the clerk's own. */
const FS_WORDS = {
  EACCES: { zh: (p: string) => `没有权限读写 ${p}`, en: (p: string) => `permission denied: ${p}` },
  EPERM: { zh: (p: string) => `没有权限读写 ${p}`, en: (p: string) => `permission denied: ${p}` },
  EROFS: { zh: (p: string) => `${p} 所在的磁盘是只读的，无法写入`, en: (p: string) => `${p} is on a read-only disk` },
  ENOTDIR: {
    zh: (p: string) => `${p} 的上级路径中有一项是文件而不是文件夹`,
    en: (p: string) => `part of the path ${p} is a file, not a folder`,
  },
  EISDIR: {
    zh: (p: string) => `${p} 是文件夹，请写出文件名（如 结果.xlsx）`,
    en: (p: string) => `${p} is a folder; give a file name`,
  },
  ENOSPC: { zh: (p: string) => `磁盘空间不足，无法写入 ${p}`, en: (p: string) => `no space left on the disk for ${p}` },
  EDQUOT: { zh: (p: string) => `磁盘配额已用完，无法写入 ${p}`, en: (p: string) => `disk quota exceeded writing ${p}` },
  EFBIG: {
    zh: (p: string) => `${p} 太大，超过系统允许的文件大小`,
    en: (p: string) => `${p} is too large for the file system`,
  },
  ERR_FS_FILE_TOO_LARGE: { zh: (p: string) => `${p} 太大，无法读取`, en: (p: string) => `${p} is too large to read` },
  ENAMETOOLONG: { zh: (p: string) => `路径过长：${p}`, en: (p: string) => `the path is too long: ${p}` },
  ENOENT: { zh: (p: string) => `找不到 ${p}`, en: (p: string) => `not found: ${p}` },
  ELOOP: {
    zh: (p: string) => `${p} 的快捷方式（链接）循环指向自身`,
    en: (p: string) => `${p}: too many levels of links`,
  },
  EBUSY: {
    zh: (p: string) => `${p} 正被其他程序占用，请关闭后再试`,
    en: (p: string) => `${p} is in use by another program`,
  },
  EMFILE: { zh: (p: string) => `打开的文件过多，无法打开 ${p}`, en: (p: string) => `too many open files: ${p}` },
  EIO: { zh: (p: string) => `读写 ${p} 时磁盘出错`, en: (p: string) => `disk error on ${p}` },
};

export type FileSystemCause = keyof typeof FS_WORDS;

export function isFileSystemCause(code: unknown): code is FileSystemCause {
  return typeof code === 'string' && Object.hasOwn(FS_WORDS, code);
}

const gb = (bytes: number) => (bytes / 1024 ** 3).toFixed(1);
const mb = (bytes: number) => Math.round(bytes / 1048576);
/** A reference or range as written in the file, kept short: it may be a thousand characters long. */
const clip = (text: string, max: number, keep: number) => (text.length > max ? `${text.slice(0, keep)}…` : text);

/** A workbook file that cannot be opened, read or written (src/workbook/file/file-error.ts FileError). */
export const FILE_ERRORS = {
  'not-a-file': entry(
    'not-xlsx',
    (d: { file: string }) => `不是文件：${d.file}`,
    (d) => `not a file: ${d.file}`,
  ),
  'file-not-found': entry(
    'missing',
    (d: { file: string }) => `找不到文件：${d.file}`,
    (d) => `file not found: ${d.file}`,
  ),
  'output-exists': entry(
    'exists',
    (d: { file: string }) => `输出文件已存在：${d.file}；为免覆盖已停止，如确需覆盖请加 --force`,
    (d) => `output file already exists: ${d.file}; use --force to replace it`,
  ),
  'file-system': entry(
    'write',
    (d: { cause: FileSystemCause; path: string }) => FS_WORDS[d.cause].zh(d.path),
    (d) => FS_WORDS[d.cause].en(d.path),
  ),
  'empty-file': entry(
    'empty',
    () => '文件是空的（0 字节）',
    () => 'the file is empty (0 bytes)',
  ),
  'password-protected': entry(
    'encrypted',
    () => '工作簿设置了打开密码，请在 Excel 中取消密码（文件→信息→保护工作簿）后另存再试',
    () => 'the workbook is password-protected; remove the password in Excel and save it again',
  ),
  'encrypted-part': entry(
    'encrypted',
    () => '工作簿的内容已加密，请在 Excel 中取消密码后另存再试',
    () => 'the workbook content is encrypted; remove the password in Excel and save it again',
  ),
  'old-xls': entry(
    'not-xlsx',
    () => '这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再试',
    () => 'this is an old .xls file; save it as .xlsx in Excel and try again',
  ),
  'text-file': entry(
    'not-xlsx',
    () => '这是文本或 CSV 文件，不是 Excel 工作簿；请在 Excel 中打开并另存为 .xlsx 后再试',
    () => 'this is a text/CSV file, not an Excel workbook; open it in Excel and save it as .xlsx',
  ),
  'not-a-workbook': entry(
    'not-xlsx',
    () => '不是 Excel 工作簿（.xlsx），请选择 Excel 保存的 .xlsx 文件',
    () => 'not an Excel workbook (.xlsx)',
  ),
  'ods-file': entry(
    'not-xlsx',
    () => '这是 OpenDocument（.ods）表格，请在 WPS 或 Excel 中另存为 .xlsx 后再试',
    () => 'this is an OpenDocument (.ods) spreadsheet; save it as .xlsx in WPS or Excel',
  ),
  'zip-not-workbook': entry(
    'not-xlsx',
    () => '这是压缩文件，但不是 Excel 工作簿（.xlsx），请选择 Excel 保存的 .xlsx 文件',
    () => 'this is a zip file but not an Excel workbook (.xlsx)',
  ),
  truncated: entry(
    'corrupt',
    () => '文件不完整或已损坏，请重新下载或从 Excel 另存一份再试',
    () => 'the file is truncated or damaged; download it again or re-save it from Excel',
  ),
  unreadable: entry(
    'corrupt',
    () => '无法读取工作簿，文件可能已损坏；请在 Excel 中打开并另存后再试',
    () => 'the workbook could not be read; it may be damaged — open it in Excel and save it again',
  ),
  'declared-too-large': entry(
    'too-large',
    (d: { maxBytes: number; totalBytes: number }) =>
      `文件解压后超过 ${gb(d.maxBytes)} GB（至少 ${gb(d.totalBytes)} GB），过大或可能是“压缩炸弹”，已拒绝打开；请拆分工作簿后再试`,
    (d) => `the file expands to more than ${gb(d.maxBytes)} GB; refused (too large or a zip bomb)`,
  ),
  'expands-too-large': entry(
    'too-large',
    (d: { maxBytes: number }) =>
      `文件解压后超过 ${gb(d.maxBytes)} GB，过大或可能是“压缩炸弹”，已拒绝打开；请拆分工作簿后再试`,
    (d) => `the file expands to more than ${gb(d.maxBytes)} GB; refused (too large or a zip bomb)`,
  ),
  'abnormal-compression': entry(
    'too-large',
    () => '文件中有内容压缩比异常（可能是“压缩炸弹”）或部件过多，已拒绝打开',
    () => 'a part of the file expands abnormally (possible zip bomb) or there are too many parts; refused',
  ),
  'beyond-excel': entry(
    'beyond-limits',
    (d: { sheet: string; cell?: string; row?: string }) => {
      const place = d.cell !== undefined ? `单元格 ${clip(d.cell, 24, 20)} ` : `第 ${clip(d.row ?? '', 24, 20)} 行`;
      return `工作表“${d.sheet}”的${place}超出 Excel 的范围（最多 1048576 行、16384 列即到 XFD 列），文件可能已损坏或由其他程序生成；请在 Excel 或 WPS 中打开、删除多余内容并另存后再试`;
    },
    (d) => {
      const place = d.cell !== undefined ? `cell ${clip(d.cell, 24, 20)}` : `row ${clip(d.row ?? '', 24, 20)}`;
      return `${place} of sheet "${d.sheet}" is beyond Excel's limits (1,048,576 rows, 16,384 columns up to XFD); the file may be damaged — open it in Excel or WPS, delete the stray content and save it again`;
    },
  ),
  'too-many-cells': entry(
    'too-large',
    (d: { file?: string; budget: number; sheet?: string; sheetOption: boolean }) => {
      const where = d.sheet ? `（读到工作表“${d.sheet}”时）` : '';
      const way = d.sheetOption
        ? '请按村（社区）拆分花名册，或用 --sheet 只核查其中一张花名册（如 --sheet 白云村），其余工作表只在容得下时读取'
        : '请按村（社区）拆分花名册，或删除花名册和成员表以外的工作表后再核查';
      return `${d.file ? `${d.file} 中` : '此工作簿'}的单元格超过本工具一次能核查的 ${Math.floor(d.budget / 1e4)} 万个${where}：${way}`;
    },
    (d) => {
      const where = d.sheet ? ` (reached in sheet "${d.sheet}")` : '';
      const way = d.sheetOption
        ? 'split the roster by village, or check one roster sheet with --sheet NAME (the other sheets are then read only as far as they fit)'
        : 'split the roster by village, or remove the sheets other than the roster and the member sheet';
      return `${d.file ?? 'the workbook'} holds more than the ${d.budget.toLocaleString('en-US')} cells one check can hold${where}: ${way}`;
    },
  ),
  'merges-overlap': entry(
    'corrupt',
    (d: { sheet: string; first: string; second: string }) =>
      `工作表“${d.sheet}”的合并单元格 ${d.first} 与 ${d.second} 互相重叠，文件已损坏；请在 Excel 或 WPS 中打开（会自动修复）并另存后再试`,
    (d) =>
      `merged areas ${d.first} and ${d.second} of sheet "${d.sheet}" overlap: the file is damaged — open it in Excel or WPS (which repairs it) and save it again`,
  ),
  'areas-too-wide': entry(
    'too-large',
    (d: { sheet: string; range: string; cells: number }) =>
      `工作表“${d.sheet}”的合并单元格或下拉列表（数据验证）范围过大（如 ${clip(d.range, 30, 27)}，${d.cells} 个单元格），生成标注副本时需逐格展开，超出本工具的限度：请在 Excel 中把这些范围缩小到有数据的行后再试；命令行也可加 --no-out 只生成核查报告`,
    (d) =>
      `merged areas or dropdown lists (data validation) of sheet "${d.sheet}" cover too many cells (e.g. ${clip(d.range, 30, 27)}, ${d.cells} cells) for a marked copy: shrink them to the rows with data in Excel, or use --no-out for a report only`,
  ),
  'copy-too-large': entry(
    'too-large',
    (d: { file: string; bytes: number }) =>
      `${d.file} 太大（解压后约 ${mb(d.bytes)} MB），生成标注副本所需内存超过本工具的限度：请加 --no-out 只生成核查报告（--report），或按乡镇、村拆分后再核查`,
    (d) =>
      `${d.file} is too large for a marked copy (about ${mb(d.bytes)} MB unzipped): use --no-out with --report, or split the roster`,
  ),
  'converted-too-large': entry(
    'too-large',
    (d: { format: ConvertedFormat; bytes: number }) =>
      `这个${FORMAT_WORDS[d.format].zh}太大（约 ${mb(d.bytes)} MB），无法转换读取；请在 Excel 或 WPS 中另存为 .xlsx 后再核查`,
    (d) =>
      `this ${FORMAT_WORDS[d.format].en} is too large to convert (about ${mb(d.bytes)} MB); save it as .xlsx in Excel or WPS`,
  ),
  'converted-password': entry(
    'encrypted',
    (d: { format: ConvertedFormat }) =>
      `这个${FORMAT_WORDS[d.format].zh}设置了密码，请在 Excel 或 WPS 中取消密码后另存再试`,
    (d) => `this ${FORMAT_WORDS[d.format].en} is password-protected; remove the password and save it again`,
  ),
  'converted-unreadable': entry(
    'corrupt',
    (d: { format: ConvertedFormat }) =>
      `无法读取这个${FORMAT_WORDS[d.format].zh}，文件可能已损坏；请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试`,
    (d) =>
      `this ${FORMAT_WORDS[d.format].en} could not be read; it may be damaged — open it in Excel or WPS and save it as .xlsx`,
  ),
  'converted-sheet-name': entry(
    'not-xlsx',
    (d: { format: ConvertedFormat }) =>
      `这个${FORMAT_WORDS[d.format].zh}的工作表名称过长（超过 31 个字）或含有 : \\ / ? * [ ] 等字符，Excel 不允许，无法生成 .xlsx 标注副本；请在 WPS 或 LibreOffice 中改名后再试`,
    (d) =>
      `this ${FORMAT_WORDS[d.format].en} has a sheet name Excel does not allow (over 31 characters, or : \\ / ? * [ ]), so no .xlsx copy can be made; rename the sheet and try again`,
  ),
  'converted-unwritable': entry(
    'corrupt',
    (d: { format: ConvertedFormat }) =>
      `这个${FORMAT_WORDS[d.format].zh}无法转换为 .xlsx 标注副本；请在 Excel 或 WPS 中另存为 .xlsx 后再试`,
    (d) =>
      `this ${FORMAT_WORDS[d.format].en} could not be converted to an .xlsx copy; save it as .xlsx in Excel or WPS`,
  ),
};

export type FileMessageId = keyof typeof FILE_ERRORS;

/** Settings at fault, each issue written "中文（English）" as the pane has always shown them. */
function issueWords(issues: readonly SettingIssue[], noun: 'policy key' | 'setting'): string {
  return issues
    .map(({ keys, reason }) =>
      reason === undefined
        ? `未知的参数 ${keys.join(', ')}（unknown ${noun}${keys.length > 1 ? 's' : ''}: ${keys.join(', ')}）`
        : `参数 ${keys.join('.')} 不正确：${reason}（${noun} "${keys.join('.')}" is invalid）`,
    )
    .join('；');
}

/** A ribbon command's dialog says where the settings are corrected; the pane is that place. */
const FIX_IN_PANE = {
  zh: (edge: Edge) => (edge === 'command' ? '，请打开核查面板修改' : ''),
  en: (edge: Edge) => (edge === 'command' ? '; open the check pane to correct them' : ''),
};

/** The host steps (src/workbook/office/office.ts HostStep) that may stop with part of the work done. */
const PARTIAL_STEPS = new Set(['mark', 'clear', 'sheet']);

/** Settings that do not validate, and what the add-in, WPS and the pane refuse to do. */
export const HOST_ERRORS = {
  'policy-invalid': entry(
    'bad-settings',
    (d: { issues: readonly SettingIssue[] }, edge) =>
      `核查参数有误${FIX_IN_PANE.zh(edge)}：${issueWords(d.issues, 'policy key')}`,
    (_d, edge) => `The check settings are invalid${FIX_IN_PANE.en(edge)}.`,
  ),
  'settings-invalid': entry(
    'bad-settings',
    (d: { issues: readonly SettingIssue[] }, edge) =>
      `核查参数有误${FIX_IN_PANE.zh(edge)}：${issueWords(d.issues, 'setting')}`,
    (_d, edge) => `The check settings are invalid${FIX_IN_PANE.en(edge)}.`,
  ),
  'settings-not-saved': entry(
    'not-saved',
    // The reason is the host's own words (Office.AsyncResult's error), shown as it gave them.
    (d: { reason?: string }) => `无法把参数保存到工作簿${d.reason ? `：${d.reason}` : ''}`,
    (d) => `The settings could not be saved in the workbook${d.reason ? `: ${d.reason}` : ''}.`,
  ),
  'out-of-time': entry(
    'out-of-time',
    // Marks stopped half-way are recorded like whole ones: 清除标注 or marking again from the pane
    // (which has no time limit) puts everything right.
    (d: { step: string }) =>
      PARTIAL_STEPS.has(d.step)
        ? '名单较大，未能在 Excel 允许的 5 分钟内做完，已停下（只完成了一部分）；请打开核查面板重新操作'
        : '名单较大，未能在 Excel 允许的 5 分钟内做完，已停下，表格未作改动；请打开核查面板操作',
    (d) =>
      PARTIAL_STEPS.has(d.step)
        ? 'The roster is too large to finish within the 5 minutes Excel allows a button; stopped part-way. Please use the check pane.'
        : 'The roster is too large to finish within the 5 minutes Excel allows a button; nothing was changed. Please use the check pane.',
  ),
  'wps-no-workbook': entry(
    'wps',
    () => '没有打开的工作簿：请先打开花名册',
    () => 'No workbook is open: open the roster first.',
  ),
  'wps-unknown-shape': entry(
    'wps',
    () => 'WPS 返回的数据格式无法识别',
    () => 'WPS returned values in an unknown shape.',
  ),
  'nothing-to-generate': entry(
    'nothing-to-generate',
    () => '所有拟调整的户都未勾选，未生成调整花名册：请在“调整”中至少勾选一户',
    () => 'Every household is left out, so no adjustment roster was written: tick at least one under Adjustments.',
  ),
  'self-test-marked': entry(
    'marks-present',
    () => '工作簿中已有标注：请先“清除标注”，再运行自检',
    () => 'The workbook has marks: clear them first, then run the self-test.',
  ),
};

export type HostMessageId = keyof typeof HOST_ERRORS;

const policyWhere = (file: string | undefined) => ({
  zh: file !== undefined ? `核查参数文件 ${file} ` : '核查参数',
  en: file !== undefined ? ` in ${file}` : '',
});

/** The command line's refusals (src/cli/errors.ts CliError): its arguments, paths and the policy file. */
export const CLI_ERRORS = {
  'missing-command': entry(
    'bad-arguments',
    () => '缺少命令，请用 check 或 clear，详见 --help',
    () => 'missing command: use check or clear, see --help',
  ),
  'unknown-command': entry(
    'bad-arguments',
    (d: { command: string }) => `未知命令 ${d.command}，请用 check 或 clear`,
    (d) => `unknown command ${d.command}: use check or clear`,
  ),
  'unknown-option': entry(
    'bad-arguments',
    (d: { option: string; command: string }) => `未知参数 ${d.option}`,
    (d) => `unknown option ${d.option} for ${d.command}`,
  ),
  'option-takes-no-value': entry(
    'bad-arguments',
    (d: { option: string }) => `参数 ${d.option} 不带值`,
    (d) => `option ${d.option} takes no value`,
  ),
  'option-needs-value': entry(
    'bad-arguments',
    (d: { option: string }) => `参数 ${d.option} 缺少值`,
    (d) => `option ${d.option} needs a value`,
  ),
  'option-twice': entry(
    'bad-arguments',
    (d: { option: string }) => `参数 ${d.option} 只能给一次`,
    (d) => `option ${d.option} given twice`,
  ),
  'missing-input': entry(
    'bad-arguments',
    (d: { command: 'check' | 'clear' }) => `缺少${d.command === 'check' ? '花名册文件或文件夹' : '已标注的工作簿'}`,
    (d) => `missing the ${d.command === 'check' ? 'roster file or folder' : 'marked workbook'}`,
  ),
  'one-input-only': entry(
    'bad-arguments',
    (d: { extra: readonly string[] }) => `只能给一个输入文件，多余的：${d.extra.join(' ')}`,
    () => 'give one input only',
  ),
  'bad-as-of': entry(
    'bad-arguments',
    (d: { value: string }) => `--as-of 应为有效日期 YYYY-MM-DD，收到 ${d.value}`,
    () => '--as-of must be a real date YYYY-MM-DD',
  ),
  'out-and-no-out': entry(
    'bad-arguments',
    () => '--out 与 --no-out 不能同时使用',
    () => '--out and --no-out exclude each other',
  ),
  'bad-list-option': entry(
    'bad-arguments',
    (d: { value: string }) => `--list 应写成 类别=文件，类别为 ${LIST_KINDS.join('、')}，收到 ${d.value}`,
    () => `--list must be KIND=FILE with KIND one of ${LIST_KINDS.join(', ')}`,
  ),
  'input-not-found': entry(
    'missing',
    (d: { name: string }) => `找不到文件或文件夹：${d.name}`,
    (d) => `file or folder not found: ${d.name}`,
  ),
  'output-is-input': entry(
    'bad-output',
    (d: { file: string }) => `输出文件不能是输入文件本身：${d.file}（输入文件不会被修改）`,
    (d) => `the output must not be the input file ${d.file}; the input is never modified`,
  ),
  'outputs-collide': entry(
    'bad-output',
    (d: { file: string }) => `两个输出写到同一个文件：${d.file}`,
    (d) => `two outputs go to the same file ${d.file}`,
  ),
  'output-is-folder': entry(
    'bad-output',
    (d: { path: string }) => `输出 ${d.path} 是文件夹，请写出文件名（如 结果.xlsx）`,
    (d) => `the output ${d.path} is a folder; give a file name`,
  ),
  'folder-without-rosters': entry(
    'no-roster',
    (d: { folder: string }) => `文件夹 ${d.folder} 中没有花名册（.xlsx、.xls、.xlsb、.ods、.et）`,
    (d) => `no roster (.xlsx, .xls, .xlsb, .ods, .et) in folder ${d.folder}`,
  ),
  'folder-out-not-folder': entry(
    'bad-output',
    () => '检查文件夹时 --out 应为文件夹',
    () => 'with a folder, --out must be a folder',
  ),
  'policy-not-object': entry(
    'bad-policy',
    (d: { file: string }) => `核查参数文件 ${d.file} 应为一个 JSON 对象 {…}`,
    (d) => `policy file ${d.file} must hold a JSON object`,
  ),
  'policy-not-json': entry(
    'bad-policy',
    (d: { file: string; line: number; column: number }) =>
      `核查参数文件 ${d.file} 不是有效的 JSON（第${d.line}行第${d.column}列附近）`,
    (d) => `policy file ${d.file} is not valid JSON near line ${d.line}, column ${d.column}`,
  ),
  'policy-keys': entry(
    'bad-policy',
    (d: { file?: string; issues: readonly SettingIssue[] }) =>
      `${policyWhere(d.file).zh}有误：${issueWords(d.issues, 'policy key')}`,
    (d) => `bad policy${policyWhere(d.file).en}`,
  ),
  'policy-is-folder': entry(
    'bad-policy',
    (d: { path: string }) => `核查参数文件 ${d.path} 是文件夹，请给出 .json 文件`,
    (d) => `policy file ${d.path} is a folder`,
  ),
  'policy-not-found': entry(
    'missing',
    (d: { file: string }) => `找不到核查参数文件：${d.file}`,
    (d) => `policy file not found: ${d.file}`,
  ),
  'policy-too-large': entry(
    'bad-policy',
    (d: { path: string; bytes: number }) =>
      `核查参数文件 ${d.path} 太大（${(d.bytes / 1048576).toFixed(1)} MB），不是核查参数文件（通常不到 1 KB）；请检查 --policy 给出的文件`,
    (d) =>
      `policy file ${d.path} is too large (${(d.bytes / 1048576).toFixed(1)} MB) to be a policy (usually under 1 KB); check the file given to --policy`,
  ),
  'list-without-ids': entry(
    'bad-list',
    (d: { kind: ListKind; file: string }) => `${LIST_LABELS[d.kind]}文件 ${d.file} 中找不到身份证号列`,
    (d) => `no ID number column found in the ${d.kind} list ${d.file}`,
  ),
  'list-unreadable': entry(
    'bad-list',
    (d: { kind: ListKind; file: string; cause: ErrorCause }, edge) =>
      `${LIST_LABELS[d.kind]}文件（--list ${d.kind}）${d.file}：${causeWords(d.cause, 'zh', edge)}`,
    (d, edge) => `the ${d.kind} list (--list ${d.kind}) ${d.file}: ${causeWords(d.cause, 'en', edge)}`,
  ),
};

export type CliMessageId = keyof typeof CLI_ERRORS;

/** Every error entry by message id. */
export const ERROR_TEXTS = { ...ROSTER_ERRORS, ...FILE_ERRORS, ...HOST_ERRORS, ...CLI_ERRORS };

export type ErrorMessageId = keyof typeof ERROR_TEXTS;

type Catalogue = Record<string, ErrorEntry<string, never>>;

/** The data an entry's message takes. */
export type DataOf<T extends Catalogue, M extends keyof T> = T[M] extends ErrorEntry<string, infer D> ? D : never;

/** The constructor's data argument: optional for a message that names nothing. */
export type DataArgs<T extends Catalogue, M extends keyof T> =
  Record<never, never> extends DataOf<T, M> ? [data?: DataOf<T, M>] : [data: DataOf<T, M>];

export function isErrorMessageId(id: unknown): id is ErrorMessageId {
  return typeof id === 'string' && Object.hasOwn(ERROR_TEXTS, id);
}

/** An error's words in one language, from its message id and data, for where they are shown. */
export function errorWords(messageId: ErrorMessageId, data: ErrorData, lang: Lang, edge: Edge = 'pane'): string {
  const e = ERROR_TEXTS[messageId] as ErrorEntry<string, ErrorData>;
  return e[lang](data, edge);
}

/** The words of a wrapped error (kept as an id and data, so it too is made in the clerk's language). */
function causeWords(cause: ErrorCause, lang: Lang, edge: Edge): string {
  const entries: Readonly<Record<string, ErrorEntry<string, ErrorData>>> = ERROR_TEXTS;
  return Object.hasOwn(entries, cause.messageId) ? entries[cause.messageId][lang](cause.data, edge) : '';
}

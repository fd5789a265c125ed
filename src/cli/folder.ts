/**
 * `dibao check <folder>`: a county's township workbooks. Two passes: first every file's IDs are
 * collected (so a person in two townships is reported in both), then each file is checked against
 * the others' IDs and written. Files are read twice rather than kept in memory: a county folder
 * can hold dozens of large workbooks. A file that cannot be checked is reported and skipped.
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ExternalIdIndex } from '../domain/engine';
import type { Policy } from '../domain/policy';
import { WORKBOOK_NAME, type LegacyFormat } from '../workbook/legacy/format';
import { townshipOf } from '../workbook/output/sheets';
import type { CheckArgs } from './args';
import { checkFile } from './check-file';
import { COUNTY_FILE, countyWorkbook, townshipCounts, type TownshipRow } from './county';
import { collectIds, othersOf } from './cross-ids';
import { CliError, describe, fileRefusalLine } from './errors';
import { errorCode } from '../workbook/error-text';
import { progress, type Io } from './io';
import { readExtraLists } from './lists';
import { defaultCheckedPath, exists, guardOutputs, statOrMissing } from './paths';
import { loadPolicy } from './policy-file';
import { folderReportPieces, type FolderReportFile } from '../workbook/output/report';
import { adjustmentsText, convertedRow } from './summary';
import { formatTable } from './table';
import { writeOutput, writeOutputs } from './write';
import type { OutputData } from '../workbook/file/file-node';

/** Township workbooks: .xlsx (or .xls, .xlsb, .ods, .et), not our outputs, not Office lock files (~$…). */
export function rosterFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((d) => d.isFile() && WORKBOOK_NAME.test(d.name))
    .map((d) => d.name)
    .filter((n) => !n.startsWith('~$') && !n.startsWith('.') && !/\.(checked|cleared)\.xlsx$/i.test(n))
    .filter((n) => n !== COUNTY_FILE)
    .sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** "城步县儒林镇低保花名册.xlsx" → "儒林镇": for a roster without a 乡镇 column. */
export function townshipFromFileName(file: string): string {
  const name = basename(file)
    .replace(WORKBOOK_NAME, '')
    .replace(/^.*?[县市区]/, '');
  return /^[\u4e00-\u9fa5]{1,6}?(?:镇|乡|街道)/.exec(name)?.[0] ?? '';
}

/** What is kept of a file once its outputs are written: its county row, never its findings. */
interface FileOutcome {
  file: string;
  township: string;
  output?: string;
  failure?: { zh: string; en: string; code?: string; messageId?: string; data?: Record<string, unknown> };
  row: TownshipRow;
  convertedFrom?: LegacyFormat;
}

export async function checkFolder(args: CheckArgs, io: Io): Promise<number> {
  const folder = args.input;
  const files = rosterFiles(folder);
  if (files.length === 0) {
    throw new CliError('folder-without-rosters', { folder: basename(folder) });
  }
  const outDir = args.noOut ? undefined : (args.out ?? folder);
  if (outDir && exists(outDir) && !statOrMissing(outDir).isDirectory()) {
    throw new CliError('folder-out-not-folder');
  }
  const outputOf = (file: string) => (outDir ? join(outDir, defaultCheckedPath(file)) : undefined);
  const countyPath = outDir ? join(outDir, COUNTY_FILE) : undefined;
  const outputs = [...files.map(outputOf), countyPath, args.report].filter((p): p is string => p !== undefined);
  guardOutputs(
    [...files.map((f) => join(folder, f)), ...args.lists.map((l) => l.file), ...(args.policy ? [args.policy] : [])],
    outputs,
    args.force,
  );

  const policy = await loadPolicy(args.policy, args.asOf);
  const extraLists = await readExtraLists(args.lists);
  const engine = { sheets: args.sheets, extraLists };

  // Pass 1: IDs of every file (and which files can be checked at all).
  const index: ExternalIdIndex = new Map();
  const townships = new Map<string, string>();
  const failures = new Map<string, unknown>();
  for (const file of files) {
    try {
      const { grid, result } = await checkFile(join(folder, file), { policy, ...engine, withWorkbook: false, io });
      collectIds(index, file, grid, result);
      // One policy serves many townships: each file's township comes from its own roster.
      townships.set(file, townshipOf(result, { ...policy, township: '' }) || townshipFromFileName(file));
    } catch (e) {
      failures.set(file, e);
    }
  }

  // Pass 2: check each file against the others, write its outputs. A file's result lives until
  // its marked copy is written and its entry is in the report's temporary file; then only its
  // counts stay, so memory does not grow with the number of files.
  const outcomes: FileOutcome[] = [];
  /** Checks one file, writes its marked copy, keeps its counts; its report entry is returned. */
  async function checkOne(file: string): Promise<FolderReportFile> {
    const township = townships.get(file) ?? townshipFromFileName(file);
    try {
      if (failures.has(file)) throw failures.get(file);
      progress(io, `核查 ${file}（${outcomes.length + 1}/${files.length}）`, `checking ${file}`);
      const filePolicy: Policy = { ...policy, township };
      const checked = await checkFile(join(folder, file), {
        policy: filePolicy,
        ...engine,
        externalIds: othersOf(index, file),
        withWorkbook: outDir !== undefined,
        io,
      });
      const output = outputOf(file);
      if (output && checked.workbook) await writeOutput(output, checked.workbook, args.force);
      outcomes.push({
        file,
        township,
        output,
        row: { file, township, counts: townshipCounts(checked.result) },
        convertedFrom: checked.convertedFrom,
      });
      return { file, township, output: output ?? null, result: checked.result, policy: filePolicy };
    } catch (e) {
      io.stderr(fileRefusalLine(file, e));
      const failure = { ...describe(e), ...errorCode(e) };
      outcomes.push({ file, township, failure, row: { file, township, failure: `未能核查：${failure.zh}` } });
      return { file, error: failure };
    }
  }
  async function* checkEach(): AsyncGenerator<FolderReportFile> {
    for (const file of files) yield checkOne(file);
  }

  // The report is written as the files are checked (each file's findings rendered one by one, as
  // the single-file report); 县汇总 is made when they all are, and both are put in place together.
  const written: { path: string; data: OutputData }[] = [];
  if (args.report) {
    const head = { folder: basename(folder), asOf: policy.asOf };
    written.push({ path: args.report, data: folderReportPieces(head, checkEach(), { maskIds: args.maskIds }) });
  } else {
    for (const file of files) await checkOne(file);
  }
  // Made when the report above has checked every file (writeOutputs writes the files in order).
  async function* countySummary(): AsyncGenerator<Uint8Array> {
    yield await countyWorkbook(
      outcomes.map((o) => o.row),
      policy,
    );
  }
  if (countyPath) written.push({ path: countyPath, data: countySummary() });
  if (written.length) await writeOutputs(written, args.force);

  io.stdout(folderSummary(folder, outcomes, countyPath, args.report));
  if (outcomes.some((o) => o.failure)) return 2;
  return outcomes.some((o) => 'counts' in o.row && o.row.counts.errors > 0) ? 1 : 0;
}

function folderSummary(folder: string, outcomes: FileOutcome[], countyPath?: string, report?: string): string {
  const checked = outcomes.filter((o) => !o.failure).length;
  let text = `核查完成（checked）：文件夹 ${basename(folder)}，${checked}/${outcomes.length} 个文件已核查（files checked）\n`;
  for (const o of outcomes) {
    text += `${o.file}\n`;
    if ('failure' in o.row) {
      text += formatTable([['未能核查（not checked）', o.failure!.zh]]);
      continue;
    }
    const s = o.row.counts;
    const rows: [string, string][] = [
      ['户数（households）', String(s.households)],
      ['错误 / 提醒（errors / warnings）', `${s.errors} / ${s.warnings}`],
      ['调整（adjustments）', adjustmentsText(s.adjustments)],
    ];
    if (o.output) rows.push(['标注工作簿（marked workbook）', o.output]);
    if (o.convertedFrom) rows.push(convertedRow(o.convertedFrom, o.output !== undefined));
    text += formatTable(rows);
  }
  const tail: [string, string][] = [];
  if (countyPath) tail.push(['县汇总（county summary）', countyPath]);
  if (report) tail.push(['核查报告（report）', report]);
  return text + (tail.length ? formatTable(tail, '') : '');
}

/**
 * Output paths and the refusals that must happen before any work: an output that exists
 * (without --force) or that would overwrite the input. Nothing is written when these fail.
 */
import { lstatSync, statSync, type Stats } from 'node:fs';
import { basename, resolve } from 'node:path';
import { WORKBOOK_NAME } from '../workbook/legacy/format';
import { CliError } from './errors';

const XLSX = /\.xlsx$/i;

/**
 * "a/城步县儒林镇.xlsx" → "a/城步县儒林镇.checked.xlsx"; an .xls, .xlsb, .ods or .et gets the same
 * name: the marked copy is always an .xlsx.
 */
export function defaultCheckedPath(input: string): string {
  return input.replace(WORKBOOK_NAME, '') + '.checked.xlsx';
}

/** "a/x.checked.xlsx" → "a/x.cleared.xlsx"; "a/x.xlsx" → "a/x.cleared.xlsx". */
export function defaultClearedPath(input: string): string {
  return input.replace(XLSX, '').replace(/\.checked$/i, '') + '.cleared.xlsx';
}

export function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

export function statOrMissing(path: string): Stats {
  try {
    return statSync(path);
  } catch {
    throw new CliError(`找不到文件或文件夹：${basename(path)}`, `file or folder not found: ${basename(path)}`);
  }
}

/**
 * Refuse outputs that exist (unless `force`), that are the input, or that collide with each
 * other. `outputs` are the paths this run would write.
 */
export function guardOutputs(inputs: readonly string[], outputs: readonly string[], force: boolean): void {
  const ins = new Set(inputs.map((p) => resolve(p)));
  const seen = new Set<string>();
  for (const out of outputs) {
    const full = resolve(out);
    if (ins.has(full)) {
      throw new CliError(
        `输出文件不能是输入文件本身：${basename(out)}（输入文件不会被修改）`,
        `the output must not be the input file ${basename(out)}; the input is never modified`,
      );
    }
    if (seen.has(full)) {
      throw new CliError(
        `两个输出写到同一个文件：${basename(out)}`,
        `two outputs go to the same file ${basename(out)}`,
      );
    }
    seen.add(full);
    if (!force && exists(full)) {
      throw new CliError(
        `输出文件已存在：${basename(out)}；为免覆盖已停止，如确需覆盖请加 --force`,
        `output file already exists: ${basename(out)}; use --force to replace it`,
      );
    }
  }
}

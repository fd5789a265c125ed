/** Shared by the command-line tests: temp folders, an in-process run, workbook inspection. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { makeSampleWorkbook, SAMPLE_POLICY, type BuiltTownship } from '../../examples/make-sample';

export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'dibao-cli-'));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export async function run(...argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    progress: false,
  });
  return { code, stdout, stderr };
}

export const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/**
 * A policy file with the standard the generated fixtures' households are computed under (3026
 * yuan/year, the 2017 Hunan figure a county may keep); without one the 2018 default is 3200.
 */
export function fixturePolicy(dir: string, more: Record<string, unknown> = {}): string {
  const path = join(dir, 'fixture-policy.json');
  writeFileSync(path, JSON.stringify({ annualStandard: 3026, ...more }));
  return path;
}

/** Writes the sample (or a variant township) and the sample's policy into `dir`. */
export async function writeSampleFiles(
  dir: string,
  township?: BuiltTownship,
  name = '城步县儒林镇低保花名册.xlsx',
): Promise<{ roster: string; policy: string }> {
  const { workbook } = makeSampleWorkbook(township);
  const roster = join(dir, name);
  await workbook.xlsx.writeFile(roster);
  const policy = join(dir, 'policy.json');
  writeFileSync(policy, JSON.stringify(SAMPLE_POLICY));
  return { roster, policy };
}

export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** The solid fill colour of a cell (ARGB), or undefined when it has none. */
export function fillOf(ws: ExcelJS.Worksheet, row: number, col: number): string | undefined {
  const fill = ws.getCell(row, col).fill as ExcelJS.FillPattern | undefined;
  return fill && fill.type === 'pattern' && fill.pattern !== 'none' ? fill.fgColor?.argb : undefined;
}

export function noteText(ws: ExcelJS.Worksheet, row: number, col: number): string {
  const note = ws.getCell(row, col).note as ExcelJS.Comment | string | undefined;
  if (!note) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

/**
 * --policy FILE.json and --as-of → the resolved policy. A file that is not JSON is refused with
 * the line and column of the mistake; a bad key is refused with zod's message naming it.
 */
import { promises as fsp } from 'node:fs';
import { basename } from 'node:path';
import { parsePolicy, PolicyError, type Policy } from '../domain/policy';
import { CliError } from './errors';

export async function loadPolicy(file: string | undefined, asOf: string | undefined): Promise<Policy> {
  let raw: unknown = {};
  if (file !== undefined) {
    const name = basename(file);
    let text: string;
    try {
      text = await fsp.readFile(file, 'utf8');
    } catch {
      throw new CliError(`找不到核查参数文件：${name}`, `policy file not found: ${name}`);
    }
    raw = parseJson(text.replace(/^\uFEFF/, ''), name);
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      throw new CliError(`核查参数文件 ${name} 应为一个 JSON 对象 {…}`, `policy file ${name} must hold a JSON object`);
    }
  }
  const input = asOf !== undefined ? { ...(raw as object), asOf } : raw;
  try {
    return parsePolicy(input);
  } catch (e) {
    if (e instanceof PolicyError) {
      const where = file !== undefined ? `核查参数文件 ${basename(file)} ` : '核查参数';
      throw new CliError(`${where}有误：${e.issues.join('；')}`, `bad policy${file ? ` in ${basename(file)}` : ''}`);
    }
    throw e;
  }
}

function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec(String((e as Error).message));
    const { line, column } = m ? lineColumn(text, Number(m[1])) : lineColumn(text, text.length);
    throw new CliError(
      `核查参数文件 ${name} 不是有效的 JSON（第${line}行第${column}列附近）`,
      `policy file ${name} is not valid JSON near line ${line}, column ${column}`,
    );
  }
}

export function lineColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return { line, column };
}

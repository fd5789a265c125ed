/**
 * --policy FILE.json and --as-of → the resolved policy. A file that is not JSON is refused with
 * the line and column of the mistake; a bad key is refused with zod's message naming it.
 */
import { promises as fsp } from 'node:fs';
import { basename } from 'node:path';
import { parsePolicy, PolicyError, type Policy } from '../domain/policy';
import { fileSystemError } from '../workbook/file/file-error';
import { CliError } from './errors';

export async function loadPolicy(file: string | undefined, asOf: string | undefined): Promise<Policy> {
  let raw: unknown = {};
  if (file !== undefined) {
    const name = basename(file);
    const text = await readPolicyText(file);
    raw = parseJson(text.replace(/^\uFEFF/, ''), name);
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      throw new CliError('policy-not-object', { file: name });
    }
  }
  const input = asOf !== undefined ? { ...(raw as object), asOf } : raw;
  try {
    return parsePolicy(input);
  } catch (e) {
    if (e instanceof PolicyError) {
      throw new CliError('policy-keys', {
        file: file !== undefined ? basename(file) : undefined,
        issues: e.data.issues,
      });
    }
    throw e;
  }
}

/** A policy is a few hundred bytes: anything near this size is not one (and is not read). */
const MAX_POLICY_BYTES = 1024 * 1024;

async function readPolicyText(file: string): Promise<string> {
  const name = basename(file);
  let size: number;
  try {
    const st = await fsp.stat(file);
    if (st.isDirectory()) {
      throw new CliError('policy-is-folder', { path: file });
    }
    size = st.size;
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError('policy-not-found', { file: name });
    throw fileSystemError(code, file) ?? e;
  }
  if (size > MAX_POLICY_BYTES) {
    throw new CliError('policy-too-large', { path: file, bytes: size });
  }
  try {
    return await fsp.readFile(file, 'utf8');
  } catch (e) {
    throw fileSystemError((e as NodeJS.ErrnoException).code, file) ?? e;
  }
}

function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec(String((e as Error).message));
    const { line, column } = m ? lineColumn(text, Number(m[1])) : lineColumn(text, text.length);
    throw new CliError('policy-not-json', { file: name, line, column });
  }
}

export function lineColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return { line, column };
}

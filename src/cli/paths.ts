/**
 * Output paths and the refusals that must happen before any work: an output that exists
 * (without --force) or that would overwrite the input. Nothing is written when these fail.
 */
import { lstatSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { WORKBOOK_NAME } from '../workbook/legacy/format';
import { FileError } from '../workbook/file/file-error';
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

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function statOrMissing(path: string): Stats {
  try {
    return statSync(path);
  } catch {
    throw new CliError('input-not-found', { name: basename(path) });
  }
}

/** Where a path really leads: the file itself when it exists (device and inode), else its real folder. */
interface Place {
  real: string;
  file?: { dev: number; ino: number };
}

/** Windows' and macOS's usual file systems ignore case: "Roster.xlsx" is "roster.xlsx" there. */
const IGNORES_CASE = process.platform === 'win32' || process.platform === 'darwin';

function placeOf(path: string): Place {
  const full = resolve(path);
  try {
    const st = statSync(full);
    return { real: realpathSync.native(full), file: { dev: st.dev, ino: st.ino } };
  } catch {
    // Not there yet: the nearest folder that exists, through its links, and the rest as written.
    const rest = [basename(full)];
    for (let dir = dirname(full); ; dir = dirname(dir)) {
      try {
        return { real: join(realpathSync.native(dir), ...rest) };
      } catch {
        if (dirname(dir) === dir) return { real: full };
        rest.unshift(basename(dir));
      }
    }
  }
}

const textKey = (p: Place) => (IGNORES_CASE ? p.real.toLowerCase() : p.real);

function samePlace(a: Place, b: Place): boolean {
  if (a.file && b.file) return a.file.dev === b.file.dev && a.file.ino === b.file.ino;
  return textKey(a) === textKey(b);
}

/**
 * Refuse outputs that exist (unless `force`), that are an input however they are reached (a link,
 * a linked folder, another case of the name, a hard link), or that collide with each other.
 * `outputs` are the paths this run would write. The input check holds even with --force.
 */
export function guardOutputs(inputs: readonly string[], outputs: readonly string[], force: boolean): void {
  const ins = inputs.map(placeOf);
  const seen: Place[] = [];
  for (const out of outputs) {
    const place = placeOf(out);
    if (ins.some((i) => samePlace(i, place))) {
      throw new CliError('output-is-input', { file: basename(out) });
    }
    if (seen.some((o) => samePlace(o, place))) {
      throw new CliError('outputs-collide', { file: basename(out) });
    }
    seen.push(place);
    if (isFolder(out)) {
      throw new CliError('output-is-folder', { path: out });
    }
    if (!force && exists(resolve(out))) {
      throw new FileError('output-exists', { file: basename(out) });
    }
  }
}

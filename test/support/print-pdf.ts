/**
 * A workbook printed by LibreOffice, as the clerk's printer would get it: the text of each page
 * (pdftotext). Needs soffice and pdftotext (.ci/run installs them).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../cli/helpers';

export interface PrintedPages {
  pages: string[];
  /** The PDF's first bytes, to tell it is one. */
  magic: string;
}

/** `layout` keeps the page's columns apart (pdftotext -layout). */
export function printedPages(bytes: Uint8Array, name: string, opts: { layout?: boolean } = {}): PrintedPages {
  const dir = tempDir();
  const input = join(dir, `${name}.xlsx`);
  writeFileSync(input, bytes);
  mkdirSync(join(dir, 'pdf'));
  const soffice = [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf'];
  execFileSync('soffice', [...soffice, '--outdir', join(dir, 'pdf'), input], { timeout: 180_000, stdio: 'ignore' });
  const pdf = join(dir, 'pdf', `${name}.pdf`);
  const text = execFileSync('pdftotext', [...(opts.layout ? ['-layout'] : []), pdf, '-'], { encoding: 'utf8' });
  return {
    pages: text.split('\f').filter((p) => p.trim()),
    magic: readFileSync(pdf).subarray(0, 5).toString(),
  };
}

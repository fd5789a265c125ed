/**
 * The pictures of the printed sheets in docs/img/: the sample roster checked with its policy,
 * the 调整花名册 and the 公示名单 written by the file host, printed to PDF by LibreOffice and the
 * first page of each turned into a PNG by pdftoppm (docs/generated-sheets.md, "How the picture
 * was made"). Needs soffice and pdftoppm (Debian: libreoffice-calc, poppler-utils, fonts-noto-cjk).
 *
 *   npx tsx examples/print-pictures.ts
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parsePolicy } from '../src/domain/policy';
import { buildSheet, runCheck, type SheetKind } from '../src/workbook/actions';
import { FileWorkbook } from '../src/workbook/file';
import { writeSample } from './make-sample';

const DOCS_IMG = path.join(__dirname, '..', 'docs', 'img');
const PICTURES: [SheetKind, string][] = [
  ['adjustments', 'adjustment-roster.png'],
  ['publicity', 'publicity.png'],
];

async function main(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-print-'));
  try {
    const sample = await writeSample(path.join(tmp, 'sample.xlsx'));
    const policy = parsePolicy(JSON.parse(fs.readFileSync(path.join(__dirname, '儒林镇.policy.json'), 'utf8')));
    const { result } = await runCheck(await FileWorkbook.load(fs.readFileSync(sample)), policy);
    for (const [kind, png] of PICTURES) {
      // One sheet per workbook: LibreOffice prints every sheet of a workbook into one PDF.
      const book = FileWorkbook.create();
      // Without its kind: no record sheet (LibreOffice prints a very hidden sheet too).
      await book.addSheet({ ...buildSheet(kind, result, policy), kind: undefined });
      const xlsx = path.join(tmp, `${kind}.xlsx`);
      fs.writeFileSync(xlsx, await book.toBuffer());
      execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', tmp, xlsx], { stdio: 'ignore' });
      const base = path.join(tmp, kind);
      execFileSync('pdftoppm', ['-png', '-r', '100', '-f', '1', '-l', '1', '-singlefile', `${base}.pdf`, base]);
      fs.copyFileSync(`${base}.png`, path.join(DOCS_IMG, png));
      console.log(`wrote docs/img/${png}`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

void main();

/**
 * The pictures of the printed sheets in docs/img/: the sample roster checked with its policy,
 * the 调整花名册 and the 公示名单 written by both file writers — ExcelJS (file-sheet.ts: the web
 * page, the fallback) and the package patcher (xlsx/patch-generated.ts: the command line's copy)
 * — each printed to PDF by LibreOffice and the first page turned into a PNG by pdftoppm
 * (docs/generated-sheets.md, "How the picture was made"). Both render one layout description
 * (sheet-layout.ts), so each pair of pictures should be the same. Needs soffice and pdftoppm
 * (Debian: libreoffice-calc, poppler-utils, fonts-noto-cjk).
 *
 *   npx tsx examples/print-pictures.ts
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parsePolicy } from '../src/domain/policy';
import { buildSheet, runCheck, type SheetKind } from '../src/workbook/actions';
import { FileWorkbook } from '../src/workbook/file/file';
import { nodeCodec } from '../src/workbook/xlsx/codec-node';
import { patchWorkbook, XlsxPackage } from '../src/workbook/xlsx/patch';
import { writeSample } from './make-sample';

const DOCS_IMG = path.join(__dirname, '..', 'docs', 'img');
const PICTURES: [SheetKind, string][] = [
  ['adjustments', 'adjustment-roster'],
  ['publicity', 'publicity'],
];

async function main(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-print-'));
  try {
    const sample = await writeSample(path.join(tmp, 'sample.xlsx'));
    const policy = parsePolicy(JSON.parse(fs.readFileSync(path.join(__dirname, '儒林镇.policy.json'), 'utf8')));
    const { result } = await runCheck(await FileWorkbook.load(fs.readFileSync(sample)), policy);
    for (const [kind, png] of PICTURES) {
      // One sheet per workbook: LibreOffice prints every visible sheet of a workbook into one PDF.
      const book = FileWorkbook.create();
      await book.addSheet(buildSheet(kind, result, policy));
      const viaExcelJs = await book.toBuffer();
      // The patcher replaces the sheet ExcelJS wrote (found through the record) with its own.
      const { bytes: patched } = await patchWorkbook(new XlsxPackage(viaExcelJs, nodeCodec), {
        marks: [],
        sheets: [buildSheet(kind, result, policy)],
      });
      for (const [bytes, name] of [
        [viaExcelJs, png],
        [patched, `${png}.patched`],
      ] as const) {
        const xlsx = path.join(tmp, `${name}.xlsx`);
        fs.writeFileSync(xlsx, bytes);
        execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', tmp, xlsx], { stdio: 'ignore' });
        const base = path.join(tmp, name);
        execFileSync('pdftoppm', ['-png', '-r', '100', '-f', '1', '-l', '1', '-singlefile', `${base}.pdf`, base]);
        fs.copyFileSync(`${base}.png`, path.join(DOCS_IMG, `${name}.png`));
        console.log(`wrote docs/img/${name}.png`);
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

void main();

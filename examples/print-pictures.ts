/**
 * The pictures of the printed sheets in docs/img/: the sample roster checked with its policy,
 * the 调整花名册 and the 公示名单 written by both file writers — ExcelJS (file-sheet.ts: the web
 * page, the fallback) and the package patcher (xlsx/patch-generated.ts: the command line's copy)
 * — each printed to PDF by LibreOffice and the first page turned into a PNG by pdftoppm
 * (docs/generated-sheets.md, "How the picture was made"). Then the 公示名单 of a township whose
 * first village has 60 households (clean rows made by the sample's generator): its second and
 * last pages, which open with the village's title （续） and the header row. Both writers render
 * one layout description (sheet-layout.ts), so each pair of pictures should be the same. Needs
 * soffice and pdftoppm (Debian: libreoffice-calc, poppler-utils, fonts-noto-cjk).
 *
 *   npx tsx examples/print-pictures.ts
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parsePolicy, type Policy } from '../src/domain/policy';
import type { CheckResult } from '../src/domain/types';
import { buildSheet, runCheck, type SheetKind } from '../src/workbook/actions';
import { FileWorkbook } from '../src/workbook/file/file';
import { nodeCodec } from '../src/workbook/xlsx/codec-node';
import { patchWorkbook, XlsxPackage } from '../src/workbook/xlsx/patch';
import { buildTownship, makeSampleWorkbook, writeSample } from './make-sample';

const DOCS_IMG = path.join(__dirname, '..', 'docs', 'img');

interface Picture {
  kind: SheetKind;
  /** docs/img/{png}.png, and {png}.patched.png for the patcher's copy. */
  png: string;
  /** Which printed page (1-based; negative counts from the end). */
  page: number;
  long?: boolean;
}

const PICTURES: Picture[] = [
  { kind: 'adjustments', png: 'adjustment-roster', page: 1 },
  { kind: 'publicity', png: 'publicity', page: 1 },
  { kind: 'publicity', png: 'publicity-continued', page: 2, long: true },
  // The long village's last page: the 3-household village after it takes the very last.
  { kind: 'publicity', png: 'publicity-village-end', page: -2, long: true },
];

/** A village of 60 households with nothing to correct, then one of 3. */
const LONG_VILLAGE = buildTownship({
  township: '儒林镇',
  seed: 20180110,
  villages: [
    { village: '大坪村', rows: Array<null>(60).fill(null) },
    { village: '白云村', rows: [null, null, null] },
  ],
});

async function checked(book: Uint8Array, policy: Policy): Promise<CheckResult> {
  return (await runCheck(await FileWorkbook.load(book), policy)).result;
}

function pdfPages(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
}

async function main(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-print-'));
  try {
    const sample = await writeSample(path.join(tmp, 'sample.xlsx'));
    const policy = parsePolicy(JSON.parse(fs.readFileSync(path.join(__dirname, '儒林镇.policy.json'), 'utf8')));
    const results = {
      sample: await checked(fs.readFileSync(sample), policy),
      long: await checked(new Uint8Array(await makeSampleWorkbook(LONG_VILLAGE).workbook.xlsx.writeBuffer()), policy),
    };
    for (const { kind, png, page, long } of PICTURES) {
      const result = long ? results.long : results.sample;
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
        const n = page > 0 ? page : pdfPages(`${base}.pdf`) + 1 + page;
        execFileSync('pdftoppm', ['-png', '-r', '100', '-f', `${n}`, '-l', `${n}`, '-singlefile', `${base}.pdf`, base]);
        fs.copyFileSync(`${base}.png`, path.join(DOCS_IMG, `${name}.png`));
        console.log(`wrote docs/img/${name}.png (page ${n})`);
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

void main();

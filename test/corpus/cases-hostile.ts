/**
 * The hostile corpus (issue 13): small files that claim huge things — a cell past Excel's last
 * row or column, dropdown lists and merges over whole columns or the whole sheet, thousands of
 * overlapping merges, a part that inflates far beyond its declared size, more cells than a check
 * can hold — and text that looks like a formula once trimmed. Each is a few KB to a few MB.
 * test/hostile/hostile.test.ts runs each through the command line in a child process with a heap
 * limit (`npm run test:hostile`); docs/RELIABILITY.md lists them.
 */
import { deflateRawSync, constants } from 'node:zlib';
import ExcelJS from 'exceljs';
import { MARK_FILLS, MARK_RECORD_SHEET } from '../../src/workbook/host';
import { rosterParts, roster, utf8, type CorpusCase } from './case-kit';
import { zipOf, type ZipEntry } from './zip';

const SHEET = 'xl/worksheets/sheet1.xml';

/** The corpus roster with its first sheet's XML changed by `edit`. */
async function rosterWithSheet(edit: (xml: string) => string): Promise<Uint8Array> {
  const parts = await rosterParts();
  const sheet = parts.find((p) => p.name === SHEET)!;
  sheet.data = utf8(edit(Buffer.from(sheet.data).toString('utf8')));
  return zipOf(parts);
}

const beforeSheetDataEnd = (extra: string) => (xml: string) => xml.replace('</sheetData>', `${extra}</sheetData>`);

/** Merges added to the roster's own (the title's). */
const withMerges = (refs: string[]) => (xml: string) =>
  xml.replace('</mergeCells>', `${refs.map((r) => `<mergeCell ref="${r}"/>`).join('')}</mergeCells>`);

/** Dropdown lists (list validations) over `refs`, after the merges as OOXML orders them. */
const withValidations = (refs: string[]) => (xml: string) =>
  xml.replace(
    '</mergeCells>',
    `</mergeCells><dataValidations count="${refs.length}">${refs
      .map(
        (r) => `<dataValidation type="list" allowBlank="1" sqref="${r}"><formula1>"是,否"</formula1></dataValidation>`,
      )
      .join('')}</dataValidations>`,
  );

const strayCell = (ref: string, row: number) =>
  beforeSheetDataEnd(`<row r="${row}"><c r="${ref}" t="inlineStr"><is><t>杨秀英</t></is></c></row>`);

/**
 * Raw deflate of `head` then `repeat` × `times` then `tail`, built from full-flush blocks (each
 * independent of what came before), so a stream that inflates to gigabytes costs megabytes and
 * milliseconds to make.
 */
function deflateRepeated(head: string, block: Buffer, times: number, tail: string): Uint8Array {
  const flushed = (b: Buffer) => deflateRawSync(b, { finishFlush: constants.Z_FULL_FLUSH });
  const one = flushed(block);
  return new Uint8Array(
    Buffer.concat([
      flushed(Buffer.from(head)),
      ...Array.from({ length: times }, () => one),
      deflateRawSync(Buffer.from(tail)),
    ]),
  );
}

/** `sheets` sheets of `cells` cells each, all showing one shared string: tiny zipped, huge as a grid. */
function manyCells(sheets: number, cellsPerSheet: number): Uint8Array {
  const perRow = 50;
  const rows: string[] = [];
  for (let r = 1; r <= cellsPerSheet / perRow; r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < perRow; c++) row += `<c t="s"><v>0</v></c>`;
    rows.push(row + '</row>');
  }
  const sheetXml = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
  const names = Array.from({ length: sheets }, (_, i) => `表${i + 1}`);
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const entries: ZipEntry[] = [
    {
      name: '[Content_Types].xml',
      data: utf8(
        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${names
          .map(
            (_, i) =>
              `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join(
            '',
          )}<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
      ),
    },
    {
      name: '_rels/.rels',
      data: utf8(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: utf8(
        `<?xml version="1.0" encoding="UTF-8"?><workbook ${ns} xmlns:r="${rel}"><sheets>${names
          .map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
          .join('')}</sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: utf8(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names
          .map(
            (_, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
          )
          .join('')}<Relationship Id="rIdS" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ),
    },
    { name: 'xl/sharedStrings.xml', data: utf8(`<sst ${ns} count="1" uniqueCount="1"><si><t>是</t></si></sst>`) },
    ...names.map((_, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: utf8(sheetXml) })),
  ];
  return zipOf(entries);
}

/** Names and places that start like a formula once trimmed or made half-width. */
export const FORMULA_LOOKING = [
  '\u3000＝1+1',
  ' =SUM(A1:A9)',
  '\t+白云村',
  '＠龙春梅',
  '\n-阳光明',
  '－无',
  '＋白云村二组',
];

export const HOSTILE_CASES: CorpusCase[] = [
  {
    file: 'row-400000000.xlsx',
    what: '一个单元格在第 400,000,000 行（a stray cell in row 400,000,000, 7 KB）',
    build: () => rosterWithSheet(strayCell('C400000000', 400_000_000)),
  },
  {
    file: 'column-zzzzzz.xlsx',
    what: '一个单元格在 ZZZZZZ 列（a stray cell in column ZZZZZZ）',
    build: () => rosterWithSheet(strayCell('ZZZZZZ5', 5)),
  },
  {
    file: 'row-1048577.xlsx',
    what: '一户在第 1,048,577 行，Excel 最后一行之后（a household just past Excel’s last row）',
    build: () =>
      rosterWithSheet(
        beforeSheetDataEnd(
          `<row r="1048577"><c r="B1048577" t="inlineStr"><is><t>杨秀英</t></is></c><c r="D1048577" t="inlineStr"><is><t>430529198001011237</t></is></c></row>`,
        ),
      ),
  },
  {
    file: 'validation-whole-columns.xlsx',
    what: '八整列设了下拉列表（data validation on eight whole columns, a normal template set-up）',
    build: () =>
      rosterWithSheet(withValidations(['J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q'].map((c) => `${c}3:${c}1048576`))),
  },
  {
    file: 'validation-whole-sheet.xlsx',
    what: '整张表设了下拉列表（data validation on A1:XFD1048576）',
    build: () => rosterWithSheet(withValidations(['A1:XFD1048576'])),
  },
  {
    file: 'merge-whole-column.xlsx',
    what: '合并了一整列（a merge over a whole column, T1:T1048576）',
    build: () => rosterWithSheet(withMerges(['T1:T1048576'])),
  },
  {
    file: 'merge-to-xfd1048576.xlsx',
    what: '合并到 XFD1048576（a merge from below the data to the sheet’s last cell）',
    build: () => rosterWithSheet(withMerges(['A20:XFD1048576'])),
  },
  {
    file: 'overlapping-merges.xlsx',
    what: '3,000 个互相重叠的合并区域，都到最后一行（3,000 overlapping merges A3:B1048576, A4:B1048576, …）',
    build: () => rosterWithSheet(withMerges(Array.from({ length: 3000 }, (_, i) => `A${3 + i}:B1048576`))),
  },
  {
    file: 'understated-part.xlsx',
    what: '工作表部件声明 5 MB，实际解压 1.5 GB（a part declaring 5 MB that inflates to 1.5 GB）',
    build: async () => {
      const parts = await rosterParts();
      const i = parts.findIndex((p) => p.name === SHEET);
      const xml = Buffer.from(parts[i].data).toString('utf8');
      const at = xml.indexOf('<sheetData>');
      const compressed = deflateRepeated(xml.slice(0, at), Buffer.alloc(1 << 20, 0x20), 1536, xml.slice(at));
      const entries: ZipEntry[] = parts.map((p, j) =>
        j === i ? { name: p.name, data: new Uint8Array(0), compressed, claimedSize: 5 * 1024 * 1024 } : p,
      );
      return zipOf(entries);
    },
  },
  {
    file: 'many-cells.xlsx',
    what: '30 张工作表共 300 万个单元格，压缩后不到 1 MB（3 million cells in 30 sheets, under 1 MB zipped）',
    build: () => manyCells(30, 100_000),
  },
  {
    file: 'formula-looking-text.xlsx',
    what: '姓名、村以空格、制表符、换行或全角 ＝＋－＠ 开头，去掉空格或转成半角后像公式（text that looks like a formula once trimmed）',
    build: () =>
      roster({
        households: FORMULA_LOOKING.length,
        edit: (row, i) => {
          if (i % 2 === 0) row.户主姓名 = FORMULA_LOOKING[i];
          else row.村 = FORMULA_LOOKING[i];
          // Income above the standard → 停保: the names and villages reach the 调整花名册.
          row.家庭月人均收入 = 300;
        },
      }),
  },
  {
    file: 'damaged-restore-record.xlsx',
    what: '标注记录被手工改坏：渐变填充没有色标、批注段落不是文字（a mark record edited into shapes ExcelJS cannot write）',
    build: () =>
      roster({}, (wb: ExcelJS.Workbook) => {
        const ws = wb.getWorksheet('花名册')!;
        ws.getCell('L3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: MARK_FILLS.error } };
        const record = wb.addWorksheet(MARK_RECORD_SHEET, { state: 'veryHidden' });
        record.addRow(['工作表 sheet', '单元格 cell', '原填充 fill', '原批注 note']);
        record.addRow(['花名册', 'L3', '{"type":"gradient","gradient":"angle"}', '{"texts":[null,{"text":1}]}']);
        record.addRow([
          '花名册',
          'C4',
          '{"type":"pattern","pattern":"solid","fgColor":{"argb":{"x":1}}}',
          '{"texts":"x"}',
        ]);
      }),
  },
  {
    file: 'list-is-csv.xlsx',
    what: '给 --list 的死亡名单其实是 CSV 文本（a --list file that is CSV text）',
    build: () => utf8('姓名,身份证号码,死亡日期\n杨秀英,430529198001011237,2017-05-01\n'),
  },
];

/**
 * The bad-input corpus (issue 6): workbooks the way clerks and their systems really make them,
 * broken in every way we could think of. Deterministic: the same bytes on every run. Nothing
 * generated is committed; tests build it into a temporary folder.
 *
 *   npx tsx test/corpus/make-corpus.ts <folder>     writes every file into <folder>
 *
 * test/reliability/corpus.test.ts says what the tool must do with each file, and
 * docs/RELIABILITY.md lists them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import type ExcelJS from 'exceljs';
import { oleFile } from './ole';
import {
  CORPUS_NAMES,
  ROSTER_HEADERS,
  addRoster,
  bytesOf,
  corpusId,
  household,
  newWorkbook,
  type RosterRow,
} from './roster-book';
import { zipOf, zipParts, type ZipEntry } from './zip';

export { CORPUS_NAMES, corpusId } from './roster-book';

export interface CorpusCase {
  /** File name in the corpus folder (every one ends in .xlsx: that is what the clerk was given). */
  file: string;
  /** What is wrong with it, for docs/RELIABILITY.md. */
  what: string;
  build(): Promise<Uint8Array> | Uint8Array;
}

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const LONG = 10_000;
const DATE_FORMS = ['2017-12-01', '2017/12/1', '2017.12.1', '2017年12月1日', '20171201'];
const NONSENSE_DATES = ['去年十月', '2017-13-45', '0000-00-00', '12/1', '2017年', '——', '2017-02-30'];

async function roster(opts: Parameters<typeof addRoster>[1] = {}, more?: (wb: ExcelJS.Workbook) => void) {
  const wb = newWorkbook();
  addRoster(wb, opts);
  more?.(wb);
  return bytesOf(wb);
}

/** The parts of a real roster workbook, expanded, so a case can swap one of them. */
async function rosterParts(): Promise<ZipEntry[]> {
  const bytes = await roster();
  return zipParts(bytes).map((p) => {
    const raw = bytes.subarray(p.dataOffset, p.dataOffset + p.compressedSize);
    const deflate = p.method === 8;
    return { name: p.name, data: deflate ? new Uint8Array(inflateRawSync(raw)) : raw, deflate };
  });
}

/** Every value as a formula with its cached result (or without, as scripts write them). */
function asFormula(v: ExcelJS.CellValue, withResult: boolean): ExcelJS.CellValue {
  if (v === null || v === undefined || v === '') return v;
  let formula: string;
  if (typeof v === 'number') formula = `${v}+0`;
  else if (v instanceof Date) formula = `DATE(${v.getUTCFullYear()},${v.getUTCMonth() + 1},${v.getUTCDate()})`;
  else formula = `"${String(v).replace(/"/g, '""')}"`;
  return withResult ? { formula, result: v as number | string | Date } : { formula, result: undefined };
}

const cells = (ws: ExcelJS.Worksheet, r: number, values: ExcelJS.CellValue[]) =>
  values.forEach((v, c) => (ws.getCell(r, c + 1).value = v));

export const CORPUS: CorpusCase[] = [
  {
    file: 'zero-bytes.xlsx',
    what: '0 字节的文件（a file of 0 bytes）',
    build: () => new Uint8Array(0),
  },
  {
    file: 'no-sheets.xlsx',
    what: '没有任何工作表的工作簿（a workbook without sheets）',
    build: () => bytesOf(newWorkbook()),
  },
  {
    file: 'blank-sheet.xlsx',
    what: '只有一张空白工作表（one empty sheet）',
    build: () => {
      const wb = newWorkbook();
      wb.addWorksheet('Sheet1');
      return bytesOf(wb);
    },
  },
  {
    file: 'no-header.xlsx',
    what: '有数据但没有可识别的表头（data without a recognizable header）',
    build: () => {
      const wb = newWorkbook();
      const ws = wb.addWorksheet('Sheet1');
      cells(ws, 1, ['A', 'B', 'C', 'D']);
      for (let r = 2; r < 8; r++) cells(ws, r, [r, `第${r}户`, r * 100, '是']);
      return bytesOf(wb);
    },
  },
  {
    file: 'header-only.xlsx',
    what: '只有标题和表头，没有一户数据（title and header, no household）',
    build: () => roster({ households: 0 }),
  },
  {
    file: 'name-without-id.xlsx',
    what: '有“户主姓名”没有“身份证号码”列（no ID column）',
    build: () => roster({ headers: ROSTER_HEADERS.filter((h) => h !== '身份证号码') }),
  },
  {
    file: 'duplicate-headers.xlsx',
    what: '表头重复：两列“户主姓名”、两列“身份证号码”（duplicated header names）',
    build: () =>
      roster({ headers: [...ROSTER_HEADERS, '户主姓名', '身份证号码', '月保障金'] }, (wb) => {
        const ws = wb.getWorksheet('花名册')!;
        // The second copies hold something else, as when a clerk pastes a column twice.
        for (let r = 3; r < 9; r++) {
          ws.getCell(r, 15).value = `旧户主${r}`;
          ws.getCell(r, 16).value = corpusId(100 + r);
          ws.getCell(r, 17).value = 'abc';
        }
      }),
  },
  {
    file: 'proto-headers.xlsx',
    what: '表头与单元格为 __proto__、constructor 等，工作表名 __proto__（prototype-polluting names）',
    build: () =>
      roster({
        sheetName: '__proto__',
        headers: [...ROSTER_HEADERS, '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'],
        edit: (row, i) => {
          if (i === 1) row.村 = '__proto__';
          if (i === 2) row.状态 = 'constructor';
          if (i === 3) row.入户调查表 = 'toString';
        },
      }),
  },
  {
    file: 'proto-only-headers.xlsx',
    what: '只有 __proto__、constructor 表头（only prototype-like headers）',
    build: () => {
      const wb = newWorkbook();
      const ws = wb.addWorksheet('constructor');
      cells(ws, 1, ['__proto__', 'constructor', 'prototype', 'valueOf']);
      cells(ws, 2, ['{}', '[]', 'null', '__proto__']);
      return bytesOf(wb);
    },
  },
  {
    file: 'merged-data.xlsx',
    what: '数据区有合并单元格：村名纵向合并、姓名与身份证横向合并、金额跨两行（merged cells in the data）',
    build: () =>
      roster({ households: 9 }, (wb) => {
        const ws = wb.getWorksheet('花名册')!;
        ws.mergeCells('B3:B5');
        ws.mergeCells('B6:B8');
        ws.getCell('C9').value = '户主已死亡，待核实';
        ws.mergeCells('C9:D9');
        ws.mergeCells('I10:I11');
      }),
  },
  {
    file: 'hidden-rows-filter.xlsx',
    what: '隐藏行、隐藏列和启用的自动筛选（hidden rows and columns, an active auto-filter）',
    build: () =>
      roster({ households: 10, edit: (row, i) => i === 3 && (row.入户调查签字 = '未签') }, (wb) => {
        const ws = wb.getWorksheet('花名册')!;
        ws.autoFilter = 'A2:N12';
        for (const r of [4, 6, 7]) ws.getRow(r).hidden = true;
        ws.getColumn(14).hidden = true;
      }),
  },
  {
    file: 'formula-errors.xlsx',
    what: '公式和公式错误：#N/A、#REF!、#DIV/0!、#VALUE!（formulas and formula errors）',
    build: () =>
      roster({
        edit: (row, i) => {
          if (i === 0) row.户主姓名 = { formula: '"杨"&"秀英"', result: '杨秀英' };
          if (i === 1) row.家庭月人均收入 = { formula: 'VLOOKUP(D4,收入!A:B,2,0)', result: { error: '#N/A' } };
          if (i === 2) row.月保障金 = { formula: '#REF!*3', result: { error: '#REF!' } };
          if (i === 3) row.身份证号码 = { error: '#REF!' };
          if (i === 4) row.保障人数 = { formula: 'F7/0', result: { error: '#DIV/0!' } };
          if (i === 5) row.最近复核日期 = { error: '#VALUE!' };
        },
      }),
  },
  {
    file: 'all-formulas.xlsx',
    what: '每个单元格都是公式（带计算结果）（every cell a formula, results cached）',
    build: () =>
      roster({
        edit: (row) => {
          for (const k of Object.keys(row) as (keyof RosterRow)[]) row[k] = asFormula(row[k], true);
        },
      }),
  },
  {
    file: 'formulas-no-cache.xlsx',
    what: '公式没有缓存结果（程序生成、未在 Excel 中保存过）（formulas without cached results）',
    build: () =>
      roster({
        edit: (row) => {
          for (const k of Object.keys(row) as (keyof RosterRow)[]) {
            if (k !== '户主姓名' && k !== '身份证号码') row[k] = asFormula(row[k], false);
          }
        },
      }),
  },
  {
    file: 'ids-as-numbers.xlsx',
    what: '18 位身份证号存成数字（已丢失末几位）（18-digit IDs stored as numbers）',
    build: () =>
      roster({ edit: (row, i) => i % 2 === 0 && (row.身份证号码 = Number(row.身份证号码)) }, (wb) => {
        wb.getWorksheet('花名册')!.getCell('D5').numFmt = '0';
      }),
  },
  {
    file: 'dates-as-text.xlsx',
    what: `日期写成文字：${DATE_FORMS.join('、')}，以及无法识别的“${NONSENSE_DATES.join('”“')}”（dates as text）`,
    build: () =>
      roster({
        households: DATE_FORMS.length + NONSENSE_DATES.length + 1,
        edit: (row, i) => {
          const all = [...DATE_FORMS, 43070, ...NONSENSE_DATES];
          row.最近复核日期 = all[i];
        },
      }),
  },
  {
    file: 'long-cells.xlsx',
    what: `${LONG.toLocaleString('en-US')} 字的单元格：姓名、村、身份证号、备注、表头（10,000-character cells）`,
    build: () =>
      roster({
        headers: [...ROSTER_HEADERS, '说'.repeat(LONG)],
        edit: (row, i) => {
          if (i === 0) row.户主姓名 = '杨'.repeat(LONG);
          if (i === 1) row.村 = '村'.repeat(LONG);
          if (i === 2) row.身份证号码 = '4'.repeat(LONG);
          if (i === 3) row.备注 = '备注很长'.repeat(LONG / 4);
          if (i === 4) row.状态 = 'x'.repeat(LONG);
        },
      }),
  },
  {
    file: 'emoji-rare-cjk.xlsx',
    what: '姓名、村名、备注里有表情符号和生僻字 𠀀 𪚥（emoji and rare CJK characters）',
    build: () =>
      roster({
        edit: (row, i) => {
          if (i < 3) row.户主姓名 = CORPUS_NAMES[10 + i];
          if (i === 3) row.村 = '🏔️山村';
          if (i === 4) row.备注 = '👍 已核实，𠀀𪚥';
          if (i === 5) row.入户调查签字 = '✔️';
        },
      }),
  },
  {
    file: 'non-bmp-sheet-name.xlsx',
    what: '工作表名含生僻字和表情符号“𪚥花名册😀”（non-BMP characters in the sheet name）',
    build: () => roster({ sheetName: '𪚥花名册😀', edit: (row, i) => i === 0 && (row.入户调查签字 = '') }),
  },
  {
    file: 'truncated.xlsx',
    what: '下载中断、只剩前 60% 的文件（a truncated download）',
    build: async () => {
      const bytes = await roster();
      return bytes.slice(0, Math.floor(bytes.length * 0.6));
    },
  },
  {
    file: 'corrupt-part.xlsx',
    what: '压缩包结构完好，但工作表部件的数据损坏（a damaged part inside an intact zip）',
    build: async () => {
      const bytes = await roster();
      const part = zipParts(bytes).find((p) => p.name === 'xl/worksheets/sheet1.xml')!;
      const mid = part.dataOffset + Math.floor(part.compressedSize / 3);
      for (let i = 0; i < 24; i++) bytes[mid + i] ^= 0xa5;
      return bytes;
    },
  },
  {
    file: 'xls-renamed.xlsx',
    what: '旧版 .xls（OLE 复合文档）改了扩展名（an .xls renamed to .xlsx）',
    build: () => oleFile(['Workbook', '\u0005SummaryInformation']),
  },
  {
    file: 'csv-renamed.xlsx',
    what: 'UTF-8 的 CSV 文本改了扩展名（a CSV renamed to .xlsx）',
    build: () =>
      utf8(
        `\ufeff序号,村,户主姓名,身份证号码\n1,白云村,${CORPUS_NAMES[0]},${corpusId(0)}\n2,清溪村,${CORPUS_NAMES[1]},${corpusId(1)}\n`,
      ),
  },
  {
    file: 'unicode-text-renamed.xlsx',
    what: 'Excel“Unicode 文本”（UTF-16、制表符分隔）改了扩展名（UTF-16 text renamed）',
    build: () =>
      new Uint8Array(Buffer.from(`\ufeff户主姓名\t身份证号码\r\n${CORPUS_NAMES[0]}\t${corpusId(0)}\r\n`, 'utf16le')),
  },
  {
    file: 'html-renamed.xlsx',
    what: '业务系统导出的 HTML 表格冒充 Excel（an HTML table saved as .xlsx）',
    build: () =>
      utf8(
        '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta charset="utf-8"></head><body><table>' +
          `<tr><td>户主姓名</td><td>身份证号码</td></tr><tr><td>${CORPUS_NAMES[0]}</td><td>${corpusId(0)}</td></tr>` +
          '</table></body></html>\n',
      ),
  },
  {
    file: 'password-protected.xlsx',
    what: '设置了打开密码的工作簿（OLE 复合文档内含 EncryptedPackage）（password-protected）',
    build: () => oleFile(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']),
  },
  {
    file: 'zip-bomb-declared.xlsx',
    what: '压缩炸弹：目录声明工作表解压后 1 TB（a zip whose directory declares 1 TB）',
    build: () =>
      zipOf([
        { name: '[Content_Types].xml', data: utf8('<Types/>') },
        { name: 'xl/workbook.xml', data: utf8('<workbook/>') },
        { name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(2048), claimedSize: 2 ** 40 },
      ]),
  },
  {
    file: 'zip-bomb-real.xlsx',
    what: '压缩炸弹：真实工作簿，工作表部件压缩比超过 1000 倍（a real part expanding > 1000×）',
    build: async () => {
      const parts = await rosterParts();
      const sheet = parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')!;
      const xml = Buffer.from(sheet.data).toString('utf8');
      // 32 MiB of whitespace inside the sheet: valid XML, deflates to ~32 KB.
      const at = xml.indexOf('<sheetData>');
      sheet.data = new Uint8Array(
        Buffer.concat([
          Buffer.from(xml.slice(0, at)),
          Buffer.alloc(32 * 1024 * 1024, 0x20),
          Buffer.from(xml.slice(at)),
        ]),
      );
      return zipOf(parts);
    },
  },
  {
    file: 'zip-not-workbook.xlsx',
    what: 'Word 文档（.docx）改了扩展名（a zip that is not a workbook）',
    build: () =>
      zipOf([
        { name: '[Content_Types].xml', data: utf8('<Types/>') },
        { name: 'word/document.xml', data: utf8('<w:document/>') },
      ]),
  },
  {
    file: 'last-row-1048576.xlsx',
    what: '第 1,048,576 行（最后一行）有内容，工作表范围到表底（a cell in row 1,048,576）',
    build: () =>
      roster({}, (wb) => {
        const ws = wb.getWorksheet('花名册')!;
        ws.getCell(1_048_576, 1).value = '末行';
        ws.getCell(1_048_576, 3).value = CORPUS_NAMES[9];
      }),
  },
  {
    file: 'two-rosters.xlsx',
    what: '两张都像花名册的工作表（2017 年和 2018 年）（two candidate roster sheets）',
    build: () => {
      const wb = newWorkbook();
      addRoster(wb, { sheetName: '2017年花名册', households: 5 });
      addRoster(wb, { sheetName: '2018年花名册', households: 7 });
      return bytesOf(wb);
    },
  },
  {
    file: 'hidden-roster-sheet.xlsx',
    what: '花名册工作表被隐藏，只显示一张说明页（the roster sheet is hidden）',
    build: () => {
      const wb = newWorkbook();
      const note = wb.addWorksheet('说明');
      note.getCell('A1').value = '本表由儒林镇民政办填报，请勿修改表头。';
      addRoster(wb).ws.state = 'hidden';
      return bytesOf(wb);
    },
  },
  {
    file: 'second-header-block.xlsx',
    what: '表中间又出现一段表头（第二组另起一块）（a second header block inside the data）',
    build: () =>
      roster({ households: 4 }, (wb) => {
        const ws = wb.getWorksheet('花名册')!;
        ws.getCell(8, 1).value = '二组';
        ROSTER_HEADERS.forEach((h, c) => (ws.getCell(9, c + 1).value = h));
        for (let i = 4; i < 8; i++) {
          const row = household(i);
          ROSTER_HEADERS.forEach((h, c) => row[h] !== '' && (ws.getCell(6 + i, c + 1).value = row[h] ?? null));
        }
      }),
  },
  {
    file: 'formula-like-text.xlsx',
    what: '姓名、村、备注以 = + - @ 开头的文字（formula-like text in names, villages, notes）',
    build: () =>
      roster({
        edit: (row, i) => {
          if (i === 0) row.户主姓名 = '=HYPERLINK("http://example.invalid","杨秀英")';
          if (i === 1) row.村 = '+白云村';
          if (i === 2) row.备注 = '-无';
          if (i === 3) row.户主姓名 = '@龙春梅';
          // Income above the standard → 停保: names and villages reach the 调整花名册.
          if (i === 0 || i === 1 || i === 3) row.家庭月人均收入 = 300;
          // A wrong amount → 增发, still active: also on the 公示名单.
          if (i === 4) Object.assign(row, { 户主姓名: '-阳光明', 村: '=1+1', 月保障金: 1 });
        },
      }),
  },
  {
    file: 'existing-generated-sheets.xlsx',
    what: '工作簿里已有“调整花名册”“抽查名单”“核查汇总”“公示名单”（sheets with the generated names exist）',
    build: () =>
      roster({ edit: (row, i) => i === 0 && (row.家庭月人均收入 = 300) }, (wb) => {
        for (const name of ['调整花名册', '抽查名单', '核查汇总', '公示名单']) {
          wb.addWorksheet(name).getCell('A1').value = `${name}（镇里手工做的，不能被覆盖）`;
        }
      }),
  },
  {
    file: 'tampered-mark-record.xlsx',
    what: '本工具的隐藏标注记录表被改坏（the tool’s hidden mark record, damaged）',
    build: () =>
      roster({}, (wb) => {
        const ws = wb.addWorksheet('_dibao_marks', { state: 'veryHidden' });
        cells(ws, 1, ['工作表 sheet', '单元格 cell', '原填充 fill', '原批注 note']);
        cells(ws, 2, ['花名册', 'C3', '{not json', '{"texts":']);
        cells(ws, 3, ['花名册', 'ZZZZ99999999', '', '']);
        cells(ws, 4, ['不存在的表', 'A1', '', '']);
        cells(ws, 5, ['花名册', 'D4', '42', '"旧批注"']);
      }),
  },
  {
    file: 'death-list-only.xlsx',
    what: '只有一张“死亡名单”（姓名、身份证号、死亡日期）（only a reference list）',
    build: () => {
      const wb = newWorkbook();
      const ws = wb.addWorksheet('死亡名单');
      cells(ws, 1, ['姓名', '身份证号', '死亡日期']);
      for (let i = 0; i < 3; i++) cells(ws, i + 2, [CORPUS_NAMES[i], corpusId(i), '2017-10-01']);
      return bytesOf(wb);
    },
  },
  {
    file: 'messy-headers.xlsx',
    what: '表头换行、全角括号、单位后缀、全角空格，两行表头（messy two-row headers）',
    build: () => {
      const wb = newWorkbook();
      const messy: Record<string, string> = {
        户主姓名: '户主\n姓名',
        身份证号码: '身份证\r\n号码',
        家庭月人均收入: '家庭月人均收入（元）',
        月保障金: '月保障金(元)',
        村: '村\u3000名',
      };
      const { ws } = addRoster(wb, { title: false, label: (h) => messy[h] ?? h });
      ws.spliceRows(1, 0, ['填报单位：儒林镇民政办\u3000\u3000日期：2018年1月10日'], []);
      ws.getCell(2, 11).value = '档案材料';
      ws.mergeCells(2, 11, 2, 12);
      return bytesOf(wb);
    },
  },
  {
    file: 'far-column.xlsx',
    what: '最后一列（XFD，第 16,384 列）有内容（a cell in the last column）',
    build: () =>
      roster({}, (wb) => {
        wb.getWorksheet('花名册')!.getCell(3, 16_384).value = '最右边';
      }),
  },
  {
    file: 'member-sheet-garbage.xlsx',
    what: '家庭成员表里有错误值、日期、数字和空行（a member sheet full of odd values）',
    build: () =>
      roster({}, (wb) => {
        const ws = wb.addWorksheet('家庭成员');
        cells(ws, 1, ['户主身份证号', '姓名', '身份证号', '与户主关系', '是否保障对象', '死亡日期']);
        cells(ws, 2, [corpusId(0), CORPUS_NAMES[0], corpusId(0), '本人', '是', null]);
        cells(ws, 3, [{ error: '#N/A' }, 42, new Date(Date.UTC(2017, 0, 1)), true, '?', '昨天']);
        cells(ws, 5, [Number(corpusId(1)), '', '', '配偶', '', { error: '#REF!' }]);
        cells(ws, 6, [corpusId(1), CORPUS_NAMES[1], corpusId(1), '__proto__', 'constructor', 20171301]);
      }),
  },
  {
    file: 'rich-text-and-booleans.xlsx',
    what: '富文本姓名、超链接身份证号、TRUE/FALSE 与 √ × 的材料列（rich text, hyperlinks, booleans）',
    build: () =>
      roster({
        edit: (row, i) => {
          if (i === 0) row.户主姓名 = { richText: [{ text: '杨', font: { bold: true } }, { text: '秀英' }] };
          if (i === 1) row.身份证号码 = { text: corpusId(1), hyperlink: 'mailto:x@example.invalid' };
          if (i === 2) row.入户调查表 = true;
          if (i === 3) row.入户调查签字 = false;
          if (i === 4) row.入户调查表 = '√';
          if (i === 5) row.入户调查签字 = '×';
        },
      }),
  },
  {
    file: 'full-width-values.xlsx',
    what: '全角数字的身份证号、带“元”和千位分隔的金额、全角空格（full-width digits, 元, commas）',
    build: () =>
      roster({
        edit: (row, i) => {
          const toFull = (s: string) => s.replace(/[0-9X]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
          if (i === 0) row.身份证号码 = toFull(String(row.身份证号码));
          if (i === 1) row.月保障金 = `${row.月保障金}元`;
          if (i === 2) row.家庭月人均收入 = `１２０元`;
          if (i === 3) row.月保障金 = '1,234.50';
          if (i === 4) row.户主姓名 = `\u3000${row.户主姓名}\u3000`;
        },
      }),
  },
  {
    file: 'odd-numbers.xlsx',
    what: '负收入、0.5 人、“三”人、1e308 元、NaN 式文字（odd numbers）',
    build: () =>
      roster({
        edit: (row, i) => {
          if (i === 0) row.家庭月人均收入 = -50;
          if (i === 1) row.保障人数 = 0.5;
          if (i === 2) row.家庭人口 = '三';
          if (i === 3) row.月保障金 = 1e308;
          if (i === 4) row.家庭月人均收入 = 'NaN';
          if (i === 5) row.保障人数 = 'Infinity';
        },
      }),
  },
  {
    file: 'instructions-first.xlsx',
    what: '第一张是填表说明，花名册在第二张，还有空白的第三张（the roster is not the first sheet）',
    build: () => {
      const wb = newWorkbook();
      const help = wb.addWorksheet('填表说明');
      cells(help, 1, ['填表说明：户主姓名、身份证号码必填；身份证号码请设为文本格式。']);
      addRoster(wb);
      wb.addWorksheet('Sheet3');
      return bytesOf(wb);
    },
  },
  {
    file: 'totals-and-signatures.xlsx',
    what: '合计行、列序号行、签字行与空行夹在数据中（totals, column-number and signature rows）',
    build: () =>
      roster({ households: 6 }, (wb) => {
        const ws = wb.getWorksheet('花名册')!;
        ws.spliceRows(
          3,
          0,
          ROSTER_HEADERS.map((_, c) => c + 1),
        );
        ws.spliceRows(7, 0, []);
        cells(ws, 11, ['合计', null, null, null, null, 12, 12, null, 2000]);
        cells(ws, 13, ['制表人：', null, '审核人：', null, '分管领导：']);
        cells(ws, 14, [null, null, CORPUS_NAMES[5], corpusId(50)]);
      }),
  },
];

/** Every corpus file, built in memory: file name → bytes. */
export async function buildCorpus(): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  for (const c of CORPUS) out.set(c.file, await c.build());
  return out;
}

/** Writes the corpus into `dir` (made if needed); returns the paths written. */
export async function writeCorpus(dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const paths: string[] = [];
  for (const [file, bytes] of await buildCorpus()) {
    const path = join(dir, file);
    writeFileSync(path, bytes);
    paths.push(path);
  }
  return paths;
}

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('用法（usage）：npx tsx test/corpus/make-corpus.ts <folder>\n');
    process.exitCode = 2;
  } else {
    writeCorpus(dir).then((paths) => process.stdout.write(`${paths.length} files → ${dir}\n`));
  }
}

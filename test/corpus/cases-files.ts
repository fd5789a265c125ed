/**
 * Files that are not a usable .xlsx at all: empty, cut short, damaged, another format under the
 * .xlsx name, password-protected, zip bombs. Each must be refused before ExcelJS expands it.
 */
import { rosterParts, roster, utf8, type CorpusCase } from './case-kit';
import { oleFile } from './ole';
import { CORPUS_NAMES, corpusId } from './roster-book';
import { zipOf, zipParts } from './zip';

export const FILE_CASES: CorpusCase[] = [
  {
    file: 'zero-bytes.xlsx',
    what: '0 字节的文件（a file of 0 bytes）',
    build: () => new Uint8Array(0),
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
];

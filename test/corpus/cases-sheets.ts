/**
 * Workbooks whose sheets and layout are unusual: no sheet, no header, odd headers, merges,
 * hidden rows and sheets, several candidate rosters, stray cells at the sheet's far edges,
 * sheets that clash with the ones the tool adds, a damaged mark record.
 */
import { cells, roster, type CorpusCase } from './case-kit';
import { CORPUS_NAMES, ROSTER_HEADERS, addRoster, bytesOf, corpusId, household, newWorkbook } from './roster-book';

export const SHEET_CASES: CorpusCase[] = [
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
    file: 'non-bmp-sheet-name.xlsx',
    what: '工作表名含生僻字和表情符号“𪚥花名册😀”（non-BMP characters in the sheet name）',
    build: () => roster({ sheetName: '𪚥花名册😀', edit: (row, i) => i === 0 && (row.入户调查签字 = '') }),
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

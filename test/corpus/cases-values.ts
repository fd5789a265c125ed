/**
 * Rosters whose cell values are unusual: formulas and their errors, IDs as numbers, dates as
 * text, very long text, rare characters, text that looks like a formula, rich text, full-width
 * digits, absurd numbers.
 */
import type ExcelJS from 'exceljs';
import { roster, type CorpusCase } from './case-kit';
import { CORPUS_NAMES, ROSTER_HEADERS, corpusId, type RosterRow } from './roster-book';

const LONG = 10_000;
const DATE_FORMS = ['2017-12-01', '2017/12/1', '2017.12.1', '2017年12月1日', '20171201'];
const NONSENSE_DATES = ['去年十月', '2017-13-45', '0000-00-00', '12/1', '2017年', '——', '2017-02-30'];

/** Every value as a formula with its cached result (or without, as scripts write them). */
function asFormula(v: ExcelJS.CellValue, withResult: boolean): ExcelJS.CellValue {
  if (v === null || v === undefined || v === '') return v;
  let formula: string;
  if (typeof v === 'number') formula = `${v}+0`;
  else if (v instanceof Date) formula = `DATE(${v.getUTCFullYear()},${v.getUTCMonth() + 1},${v.getUTCDate()})`;
  else formula = `"${String(v).replace(/"/g, '""')}"`;
  return withResult ? { formula, result: v as number | string | Date } : { formula, result: undefined };
}

export const VALUE_CASES: CorpusCase[] = [
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
];

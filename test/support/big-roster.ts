/**
 * A county-sized roster straight into the Excel double's state (no workbook file in between):
 * `rows` households × `cols` columns of realistic text (Chinese names and villages, 18-digit IDs
 * as text, amounts, dates, 是/否), seeded so every run measures the same workbook.
 */
import type { CellMark } from '../../src/workbook/host';
import { BookState, dateToSerial } from './excel-double-book';

const SURNAMES = [...'杨龙刘李王张陈吴蒋彭邓肖罗谢周唐'];
const GIVEN = [...'秀英春梅建国志明桂花玉兰德成光辉海燕金凤'];
const VILLAGES = ['白云村', '清溪村', '长安营村', '大阳村', '桃林村', '金水村', '茶园村', '兰蓉村'];

function lcg(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

export const BIG_SHEET = '花名册';

export function bigRosterBook(rows: number, cols: number, seed = 7): BookState {
  const rnd = lcg(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const book = new BookState();
  const s = book.add(BIG_SHEET);
  const header = ['序号', '村', '户主姓名', '身份证号码', '家庭人口', '保障人数', '月保障金', '复核日期', '兜底对象'];
  for (let c = header.length; c < cols; c++) header.push(`备注${c - header.length + 1}`);
  s.values[0] = header.slice(0, cols);
  for (let r = 1; r <= rows; r++) {
    const row: (string | number)[] = [];
    const id = `4305291${String(1950 + Math.floor(rnd() * 60))}0${1 + Math.floor(rnd() * 9)}1${Math.floor(rnd() * 10)}${String(Math.floor(rnd() * 10000)).padStart(4, '0')}`;
    const base = [
      r,
      pick(VILLAGES),
      pick(SURNAMES) + pick(GIVEN) + (rnd() < 0.6 ? pick(GIVEN) : ''),
      id.slice(0, 18),
      1 + Math.floor(rnd() * 6),
      1 + Math.floor(rnd() * 4),
      Math.round(rnd() * 90000) / 100,
      dateToSerial(new Date(Date.UTC(2016 + Math.floor(rnd() * 3), Math.floor(rnd() * 12), 1))),
      rnd() < 0.2 ? '是' : '否',
    ];
    for (let c = 0; c < cols; c++) {
      if (c < base.length) row.push(base[c]);
      else
        row.push(
          c % 3 === 0 ? Math.floor(rnd() * 1000) : c % 3 === 1 ? pick(['有', '无', '是', '否']) : pick(VILLAGES),
        );
    }
    s.values[r] = row;
    s.setFormat(r, 7, 'yyyy-mm-dd');
  }
  return book;
}

/** Every tenth household flagged in one to three cells; errors and warnings mixed. */
export function bigRosterMarks(rows: number, cols: number, seed = 11): CellMark[] {
  const rnd = lcg(seed);
  const marks: CellMark[] = [];
  const candidates = [2, 3, 4, 5, 6, 7, 8, 9].filter((c) => c <= cols);
  for (let r = 2; r <= rows + 1; r += 10) {
    const n = 1 + Math.floor(rnd() * 3);
    const taken = new Set<number>();
    for (let i = 0; i < n; i++) {
      const col = candidates[Math.floor(rnd() * candidates.length)];
      if (taken.has(col)) continue;
      taken.add(col);
      const error = rnd() < 0.7;
      marks.push({
        sheet: BIG_SHEET,
        row: r,
        col,
        severity: error ? 'error' : 'warning',
        lines: [error ? 'AMT-01 保障金与标准不符（应为 252.17，实为 300）' : 'REV-01 复核逾期'],
      });
    }
  }
  return marks;
}

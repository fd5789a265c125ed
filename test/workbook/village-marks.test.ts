/**
 * Marks on a roster kept one sheet per village land on each village's own sheet, in the file host
 * and the Office host alike, and the restore record gives every sheet's fills back.
 */
import { describe, expect, test } from '@jest/globals';
import { parsePolicy } from '../../src/domain/policy';
import { markResult, runCheck } from '../../src/workbook/actions';
import { MARK_FILLS } from '../../src/workbook/host';
import { GREEN, makeFileHost, makeOfficeHost, type MakeHost } from '../support/host-contract';
import type { SpecCell, WorkbookSpec } from '../support/workbook-spec';
import { cleanRow, HEADERS, rosterSheet, rowOf, type Row } from '../support/roster';

const NO_VILLAGE = HEADERS.filter((h) => h !== '村');
const SIGNED = NO_VILLAGE.indexOf('入户调查签字') + 1;
const NAME = NO_VILLAGE.indexOf('户主姓名') + 1;

function villageSheet(name: string, rows: Row[], paint?: { row: number; col: number }) {
  const grid = rosterSheet(rows, NO_VILLAGE, name);
  return {
    name,
    rows: grid.rows.map((row, r) =>
      row.map((cell, c): SpecCell => {
        if (!cell) return null;
        const v = cell.v as string | number;
        return paint && paint.row === r + 1 && paint.col === c + 1 ? { v, fill: GREEN } : v;
      }),
    ),
  };
}

const spec: WorkbookSpec = {
  sheets: [
    villageSheet('白云村', [cleanRow(), cleanRow({ 入户调查签字: '未签字' })], { row: rowOf(1), col: SIGNED }),
    villageSheet('丹口村', [cleanRow({ 户主姓名: '', 身份证号码: '43052919' }), cleanRow()]),
  ],
};

describe.each<[string, MakeHost]>([
  ['file host', makeFileHost],
  ['Office host', makeOfficeHost()],
])('%s: a roster with one sheet per village', (_name, make) => {
  test('each mark is on its own sheet, and clearing after reopen restores both sheets', async () => {
    const h = await make(spec);
    const { result } = await runCheck(h.host, parsePolicy({ asOf: '2018-01-15' }));
    expect(result.rosterSheets.map((s) => s.sheet)).toEqual(['白云村', '丹口村']);
    const outcome = await markResult(h.host, result);
    expect(outcome.cells).toBeGreaterThan(0);
    const marked = await h.reopen();
    expect(marked.fillOf('白云村', rowOf(1), SIGNED)).toBe(MARK_FILLS.error);
    expect(marked.fillOf('丹口村', rowOf(1), SIGNED)).toBeUndefined();
    // The second village's first row: the ID is wrong (the head-name cell is blank but marked there).
    expect(marked.fillOf('丹口村', rowOf(0), NO_VILLAGE.indexOf('身份证号码') + 1)).toBe(MARK_FILLS.error);
    expect(marked.fillOf('白云村', rowOf(0), NAME)).toBeUndefined();

    expect(await marked.host.clearMarks()).toBe(outcome.cells);
    const after = await marked.reopen();
    expect(after.fillOf('白云村', rowOf(1), SIGNED)).toBe(GREEN);
    expect(after.fillOf('丹口村', rowOf(0), NO_VILLAGE.indexOf('身份证号码') + 1)).toBeUndefined();
  });
});

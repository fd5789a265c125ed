/** Findings → cells to mark: one mark per cell, worst severity, and merged areas marked where Excel shows them. */
import { marksFromResult } from '../../src/workbook/output/marks';
import { check, cleanRow, rowOf, workbook } from '../support/roster';

describe('marks from findings', () => {
  test('one mark per cell listing every reason; error beats warning; info is not painted', () => {
    const r = check(workbook([cleanRow({ 入户调查签字: null, 申请书: null, 身份证号码: '430529600315123' })]));
    const marks = marksFromResult(r);
    const signature = marks.find((m) => m.col === 28)!; // 入户调查签字
    expect(signature).toMatchObject({ row: rowOf(0), severity: 'error', lines: ['DOC-01 入户调查表未签字'] });
    expect(marks.find((m) => m.col === 25)).toMatchObject({ severity: 'warning' }); // 申请书
    expect(marks.some((m) => m.lines.some((l) => l.startsWith('ID-08')))).toBe(false);
  });

  test('a finding inside a merged area is marked on the area’s top-left cell', () => {
    const wb = workbook([cleanRow(), cleanRow({ 身份证号码: '4305291960' })]);
    // 户主姓名 and 身份证号码 merged across on the second household's row (C5:D5)
    wb.sheets[0].merges = [{ top: 4, left: 2, bottom: 4, right: 3 }];
    const r = check(wb);
    expect(r.findings.find((f) => f.rule === 'ID-01')).toMatchObject({ cell: 'D5' });
    const marks = marksFromResult(r);
    expect(marks.map((m) => [m.row, m.col])).toContainEqual([5, 3]);
    expect(marks.map((m) => [m.row, m.col])).not.toContainEqual([5, 4]);
  });
});

/**
 * The mark record (issue #14): one layout for every host. The rows written are exactly the
 * layout workbooks already carry, a record written by the earlier hosts (as literal rows here:
 * the file host's rich notes, the Office host's padded rows, a note split over columns, rows
 * emptied by 边改边查, rows edited by hand) is cleared by the file host, the xlsx patcher, the
 * Office host and the WPS host, and the record moves with cells inserted or deleted.
 */
import { describe, expect, test } from '@jest/globals';
import { shiftedCell, type CellShift } from '../../src/workbook/cell-shift';
import { FileWorkbook } from '../../src/workbook/file/file';
import { MARK_FILLS, MARK_RECORD_SHEET, NOTE_HEADER } from '../../src/workbook/host';
import { parseRecordRows, RECORD_HEADERS, recordRows, shiftRecord } from '../../src/workbook/output/record';
import { fillFromRecord, fillToRecord } from '../../src/workbook/output/record-values';
import { nodeCodec } from '../../src/workbook/xlsx/codec-node';
import { patchWorkbook, XlsxPackage } from '../../src/workbook/xlsx/patch';
import {
  BLUE,
  CLERK_NOTE,
  fileUnderTest,
  GREEN,
  makeFileHost,
  makeOfficeHost,
  xlsxFromSpec,
  type MakeHost,
} from '../support/host-contract';
import { makeWpsHost } from '../support/wps-under-test';
import type { WorkbookSpec } from '../support/workbook-spec';

const ROSTER = '花名册';
const solid = (argb: string) => `{"type":"pattern","pattern":"solid","fgColor":{"argb":"${argb}"}}`;

describe('the layout written', () => {
  test('is the one workbooks already carry: headers, then sheet · address · fill · note split in 32,000s', () => {
    const long = `"${'备注'.repeat(20_000)}"`;
    const rows = recordRows([
      { sheet: ROSTER, address: 'B3', fill: solid(GREEN) },
      { sheet: ROSTER, address: 'B4', note: '"户主已搬迁"' },
      { sheet: '第二页', address: 'AA10', note: long },
    ]);
    expect(rows).toEqual([
      ['工作表 sheet', '单元格 cell', '原填充 fill', '原批注 note'],
      [ROSTER, 'B3', solid(GREEN)],
      [ROSTER, 'B4', '', '"户主已搬迁"'],
      ['第二页', 'AA10', '', long.slice(0, 32_000), long.slice(32_000)],
    ]);
    // Office and WPS write one block: every row as wide as the widest, nothing else changes.
    const block = recordRows([{ sheet: ROSTER, address: 'B3' }], { headers: false, rectangular: true });
    expect(block).toEqual([[ROSTER, 'B3', '', '']]);
  });

  test('reads back what it wrote, with each cell where it is', () => {
    const cells = [
      { sheet: ROSTER, address: 'B3', fill: solid(GREEN), note: undefined },
      { sheet: ROSTER, address: 'XFD1048576', fill: undefined, note: `"${'注'.repeat(40_000)}"` },
    ];
    expect(parseRecordRows(recordRows(cells, { rectangular: true }))).toEqual([
      { ...cells[0], row: 3, col: 2, at: 1 },
      { ...cells[1], row: 1_048_576, col: 16_384, at: 2 },
    ]);
  });

  test('Office and WPS fills go into the record as ExcelJS fills and come back the same', () => {
    const fills = [
      { color: '#00B050', pattern: 'Solid' },
      { color: '#FFFF00', pattern: 'Gray50', patternColor: '#FF0000' },
      { color: '#FFFFFF', pattern: 'None' },
    ];
    for (const f of fills) expect(fillFromRecord(fillToRecord(f))).toEqual(f);
    expect(fillToRecord(fills[1])).toBe(
      '{"type":"pattern","pattern":"mediumGray","fgColor":{"argb":"FFFF0000"},"bgColor":{"argb":"FFFFFF00"}}',
    );
  });
});

/**
 * A marked roster and its record as the hosts before this change wrote it: B3 (the clerk's green
 * fill) and B4 (the clerk's note, recorded as the file host's rich note, split over two columns)
 * marked as errors, C5 (the clerk's blue fill) as a warning, recorded in an Office host's padded
 * row; an emptied row and rows a hand edit spoiled in between.
 */
const ours = (line: string) => `${NOTE_HEADER}\n${line}`;
const OLD_RECORD: WorkbookSpec = {
  sheets: [
    {
      name: ROSTER,
      rows: [
        ['标题'],
        ['序号', '户主姓名', '身份证号码'],
        [1, { v: '张三', fill: MARK_FILLS.error, note: ours('ID-02 身份证校验码错误') }, '430529198001011237'],
        [2, { v: '李四', fill: MARK_FILLS.error, note: `${CLERK_NOTE}\n\n${ours('DOC-01 入户调查表未签字')}` }, 'x'],
        [3, '王五', { v: '43052919800101123X', fill: MARK_FILLS.warning, note: ours('REV-01 复核逾期') }],
      ],
    },
    {
      name: MARK_RECORD_SHEET,
      hidden: true,
      rows: [
        [...RECORD_HEADERS],
        [ROSTER, 'B3', solid(GREEN)],
        [ROSTER, 'B4', '', `{"texts":[{"text":"${CLERK_NOTE.slice(0, 4)}`, `${CLERK_NOTE.slice(4)}"}]}`],
        [],
        ['花名册', 'ZZZZ99999999', '', ''],
        ['不存在的表', 'A1', '', ''],
        [ROSTER, 'C5', solid(BLUE), '', '', ''],
      ],
    },
  ],
};

const hosts: [string, MakeHost][] = [
  ['the file host', makeFileHost],
  ['the Office host', makeOfficeHost('1.18')],
  ['the WPS host', makeWpsHost],
];

describe('a record written before restores in every host', () => {
  test.each(hosts)('%s: the clerk’s fills and note come back, our marks and the record go', async (_, makeHost) => {
    const h = await makeHost(OLD_RECORD);
    expect(await h.host.clearMarks()).toBe(3);
    expect([h.fillOf(ROSTER, 3, 2), h.fillOf(ROSTER, 4, 2), h.fillOf(ROSTER, 5, 3)]).toEqual([GREEN, undefined, BLUE]);
    expect([h.noteOf(ROSTER, 3, 2), h.noteOf(ROSTER, 4, 2), h.noteOf(ROSTER, 5, 3)]).toEqual([
      undefined,
      CLERK_NOTE,
      undefined,
    ]);
    expect(h.sheetNames()).not.toContain(MARK_RECORD_SHEET);
  });

  test('the xlsx patcher: the same', async () => {
    const cleared = await patchWorkbook(new XlsxPackage(await xlsxFromSpec(OLD_RECORD), nodeCodec), {
      marks: [],
      sheets: [],
    });
    expect(cleared.cellsRestored).toBe(3);
    const h = fileUnderTest(await FileWorkbook.load(cleared.bytes));
    expect([h.fillOf(ROSTER, 3, 2), h.fillOf(ROSTER, 4, 2), h.fillOf(ROSTER, 5, 3)]).toEqual([GREEN, undefined, BLUE]);
    expect([h.noteOf(ROSTER, 3, 2), h.noteOf(ROSTER, 4, 2)]).toEqual([undefined, CLERK_NOTE]);
    expect(h.sheetNames()).not.toContain(MARK_RECORD_SHEET);
  });
});

describe('cells inserted or deleted: each recorded cell goes where Excel moves it', () => {
  const at = (shift: CellShift, cells: [number, number][]) =>
    cells.map(([r, c]) => {
      const to = shiftedCell(r, c, shift);
      return to ? [to.row, to.col] : null;
    });

  test('whole rows and columns', () => {
    expect(
      at({ axis: 'rows', at: 5, count: 2 }, [
        [4, 1],
        [5, 1],
        [9, 30],
      ]),
    ).toEqual([
      [4, 1],
      [7, 1],
      [11, 30],
    ]);
    expect(
      at({ axis: 'rows', at: 5, count: -2 }, [
        [4, 1],
        [5, 1],
        [6, 9],
        [7, 1],
      ]),
    ).toEqual([[4, 1], null, null, [5, 1]]);
    expect(
      at({ axis: 'columns', at: 3, count: -1 }, [
        [9, 2],
        [9, 3],
        [9, 4],
      ]),
    ).toEqual([[9, 2], null, [9, 3]]);
  });

  test('cells of an area, only in its columns (down, up) or rows (right, left)', () => {
    const area = { top: 5, left: 3, bottom: 6, right: 4 };
    const cells: [number, number][] = [
      [4, 3],
      [5, 3],
      [7, 4],
      [7, 5],
      [5, 2],
    ];
    expect(at({ axis: 'cells', area, direction: 'down' }, cells)).toEqual([
      [4, 3],
      [7, 3],
      [9, 4],
      [7, 5],
      [5, 2],
    ]);
    expect(at({ axis: 'cells', area, direction: 'up' }, cells)).toEqual([[4, 3], null, [5, 4], [7, 5], [5, 2]]);
    expect(
      at({ axis: 'cells', area, direction: 'right' }, [
        [5, 2],
        [5, 3],
        [6, 9],
        [7, 3],
      ]),
    ).toEqual([
      [5, 2],
      [5, 5],
      [6, 11],
      [7, 3],
    ]);
    expect(
      at({ axis: 'cells', area, direction: 'left' }, [
        [5, 4],
        [6, 5],
        [7, 5],
      ]),
    ).toEqual([null, [6, 3], [7, 5]]);
  });

  test('the record: moved rows get their new address, deleted cells’ rows are emptied, other sheets stay', () => {
    const entries = parseRecordRows([
      [...RECORD_HEADERS],
      [ROSTER, 'C5'],
      ['其他', 'C5'],
      [ROSTER, 'C7'],
      [ROSTER, 'A9'],
    ]);
    const shift: CellShift = { axis: 'cells', area: { top: 5, left: 3, bottom: 5, right: 3 }, direction: 'up' };
    expect(shiftRecord(entries, '花名册', shift)).toEqual({ moved: [{ at: 3, address: 'C6' }], gone: [1] });
  });
});

/**
 * 边改边查 (issue #11) over the Excel double's change events and the real Office host: an edit
 * changes the marks and counts of its household (and of households sharing its ID) and of no
 * other row; undoing it brings them back; edits elsewhere and our own writes re-check nothing;
 * a burst is one re-check; inserted rows keep the record right, so 清除标注 restores everything.
 */
import { parsePolicy } from '../../src/domain/policy';
import type { WorkbookGrid } from '../../src/domain/grid';
import { LiveRecheck, type LiveState } from '../../src/taskpane/state/liveRecheck';
import * as actions from '../../src/workbook/actions';
import { addGeneratedSheet, markResult, runCheck } from '../../src/workbook/actions';
import { MARK_FILLS, MARK_RECORD_SHEET, NOTE_HEADER } from '../../src/workbook/host';
import { OfficeHost } from '../../src/workbook/office/office';
import { ExcelDouble, type ExcelApiVersion } from '../support/excel-double';
import { colLetters } from '../support/excel-double-book';
import { cleanRow, makeId, rowOf, workbook, HEADERS } from '../support/roster';

const POLICY = parsePolicy({ asOf: '2018-01-15' });
const errorFill = `#${MARK_FILLS.error.slice(2)}`;
const col = (h: (typeof HEADERS)[number]) => HEADERS.indexOf(h) + 1;
const letter = (h: (typeof HEADERS)[number]) => colLetters(col(h) - 1);
const dupId = makeId('19600315', '451');

/** Five households: 0 clean, 1 without 入户调查表 (DOC-01), 2 and 3 sharing an ID (ID-06), 4 clean. */
const roster = (): WorkbookGrid =>
  workbook([
    cleanRow({ 户主姓名: '杨秀英' }),
    cleanRow({ 户主姓名: '龙春梅', 入户调查表: '无' }),
    cleanRow({ 户主姓名: '刘长生', 身份证号码: dupId }),
    cleanRow({ 户主姓名: '刘长根', 身份证号码: dupId }),
    cleanRow({ 户主姓名: '吴玉兰' }),
  ]);

function doubleOf(grid: WorkbookGrid, api: ExcelApiVersion) {
  const double = ExcelDouble.fromSpec(
    {
      sheets: [
        ...grid.sheets.map((s) => ({
          name: s.name,
          rows: s.rows.map((row) => [...row].map((c) => (c ? { v: c.v } : null))),
        })),
        { name: '备忘', rows: [['随手记']] },
      ],
    },
    api,
  );
  // A clerk's own fill and note on the DOC-01 cell: marking and clearing must give them back.
  double.sheet('花名册').setFill(rowOf(1) - 1, col('入户调查表') - 1, { color: '#C6EFCE', pattern: 'Solid' });
  double.sheet('花名册').notes.set(`${letter('入户调查表')}${rowOf(1)}`, '待补材料');
  return double;
}

async function setUp(api: ExcelApiVersion = '1.18', mark = true, grid = roster()) {
  const double = doubleOf(grid, api);
  const host = new OfficeHost({ run: double.run, runIn: double.runIn, isSetSupported: double.isSetSupported });
  const original = JSON.parse(double.book.save()) as unknown;
  /** The same workbook, never checked or marked: what a clerk's change alone does to it. */
  const unmarked = double.reopen();
  const first = await runCheck(host, POLICY);
  let state: LiveState = { ...first, policy: POLICY };
  if (mark) await markResult(host, state.result);
  let busy = false;
  const errors: unknown[] = [];
  const live = new LiveRecheck({
    host,
    state: () => state,
    lang: () => 'zh',
    apply: (next) => (state = { ...state, ...next }),
    checkAll: async () => {
      const again = await runCheck(host, POLICY);
      state = { ...state, ...again };
    },
    exclusive: async (work) => {
      if (busy) return false;
      busy = true;
      try {
        await work();
      } finally {
        busy = false;
      }
      return true;
    },
    onError: (e) => errors.push(e),
    debounceMs: 20,
  });
  await live.start();
  /** Wait for Excel's events to be delivered and the controller to be idle. */
  const settle = async () => {
    await double.events.delivered();
    await live.idle();
    await double.events.delivered();
    await live.idle();
  };
  /** A command of the pane: the controller may not run meanwhile. */
  const command = async <T>(work: () => Promise<T>) => {
    busy = true;
    try {
      return await work();
    } finally {
      busy = false;
    }
  };
  return { double, host, live, state: () => state, errors, settle, original, unmarked, command };
}

const roster_ = (d: ExcelDouble) => d.sheet('花名册');
const fillAt = (d: ExcelDouble, row: number, h: (typeof HEADERS)[number]) => roster_(d).fill(row - 1, col(h) - 1);
const noteAt = (d: ExcelDouble, row: number, h: (typeof HEADERS)[number]) => roster_(d).notes.get(`${letter(h)}${row}`);
const count = (s: LiveState, rule: string) => s.result.findings.filter((f) => f.rule === rule).length;
const recordRows = (d: ExcelDouble) =>
  d
    .sheet(MARK_RECORD_SHEET)
    .values.slice(1)
    .filter((r) => r?.[0])
    .map((r) => `${String(r[0])}!${String(r[1])}`)
    .sort();

test.each(['1.18', '1.13', '1.9'] as const)(
  'ExcelApi %s: an edit re-marks its household; undoing it brings the marks back; 清除标注 restores all',
  async (api) => {
    const t = await setUp(api);
    const docRow = rowOf(1);
    expect(fillAt(t.double, docRow, '入户调查表')?.color).toBe(errorFill);
    const before = count(t.state(), 'DOC-01');
    const recordBefore = recordRows(t.double);
    const otherRow = rowOf(2);
    const otherFill = fillAt(t.double, otherRow, '身份证号码');
    const otherNote = noteAt(t.double, otherRow, '身份证号码');
    t.double.resetStats();

    // The clerk fills in the form: the mark goes, the clerk's own fill and note come back.
    t.double.edit('花名册', `${letter('入户调查表')}${docRow}`, [['有']]);
    await t.settle();
    expect(t.live.rechecks).toBe(1);
    expect(count(t.state(), 'DOC-01')).toBe(before - 1);
    expect(fillAt(t.double, docRow, '入户调查表')).toEqual({ color: '#C6EFCE', pattern: 'Solid' });
    if (api === '1.18') expect(noteAt(t.double, docRow, '入户调查表')).toBe('待补材料');
    expect(recordRows(t.double)).toEqual(recordBefore.filter((r) => r !== `花名册!${letter('入户调查表')}${docRow}`));
    // Rows the edit does not concern keep their marks untouched.
    expect(fillAt(t.double, otherRow, '身份证号码')).toEqual(otherFill);
    expect(noteAt(t.double, otherRow, '身份证号码')).toBe(otherNote);

    // Undo: the old value again → the finding, the count and the mark are back.
    t.double.edit('花名册', `${letter('入户调查表')}${docRow}`, [['无']]);
    await t.settle();
    expect(t.live.rechecks).toBe(2);
    expect(count(t.state(), 'DOC-01')).toBe(before);
    expect(fillAt(t.double, docRow, '入户调查表')?.color).toBe(errorFill);
    if (api === '1.18')
      expect(noteAt(t.double, docRow, '入户调查表')).toMatch(new RegExp(`^待补材料\\n\\n${NOTE_HEADER}`));
    expect(recordRows(t.double)).toEqual(recordBefore);
    expect(t.errors).toEqual([]);

    // 清除标注 after live re-marking gives back exactly the workbook as it was before any mark.
    await t.command(() => t.host.clearMarks());
    expect(JSON.parse(t.double.book.save())).toEqual(t.original);
    await t.live.stop();
  },
);

test('fixing one of two shared IDs removes the marks of both households, and of no other row', async () => {
  const t = await setUp();
  const [a, b] = [rowOf(2), rowOf(3)];
  expect(fillAt(t.double, a, '身份证号码')?.color).toBe(errorFill);
  expect(fillAt(t.double, b, '身份证号码')?.color).toBe(errorFill);
  const docFill = fillAt(t.double, rowOf(1), '入户调查表');
  const docNote = noteAt(t.double, rowOf(1), '入户调查表');
  const errorsBefore = t.state().result.findings.filter((f) => f.severity === 'error').length;

  // The ID column is text, as on a real roster (typed into General, 18 digits become a number).
  roster_(t.double).setFormat(b - 1, col('身份证号码') - 1, '@');
  t.double.edit('花名册', `${letter('身份证号码')}${b}`, [[makeId('19611202', '671')]]);
  await t.settle();
  expect(t.state().result.findings.filter((f) => f.rule === 'ID-06')).toEqual([]);
  expect(t.state().result.findings.filter((f) => f.severity === 'error').length).toBeLessThan(errorsBefore);
  // Household a was not edited, but shared the ID: its mark goes too.
  expect(fillAt(t.double, a, '身份证号码')).toBeUndefined();
  expect(fillAt(t.double, b, '身份证号码')).toBeUndefined();
  expect(noteAt(t.double, a, '身份证号码')).toBeUndefined();
  expect(fillAt(t.double, rowOf(1), '入户调查表')).toEqual(docFill);
  expect(noteAt(t.double, rowOf(1), '入户调查表')).toBe(docNote);
  await t.live.stop();
});

test('below the first 30 rows an edit is re-checked from the last check: same marks and counts as a whole check', async () => {
  // 30 clean households first: the five of roster() sit where the header can no longer be looked for.
  const PAD = 30;
  const grid = workbook([
    ...Array.from({ length: PAD }, () => cleanRow()),
    cleanRow({ 户主姓名: '杨秀英' }),
    cleanRow({ 户主姓名: '龙春梅', 入户调查表: '无' }),
    cleanRow({ 户主姓名: '刘长生', 身份证号码: dupId }),
    cleanRow({ 户主姓名: '刘长根', 身份证号码: dupId }),
    cleanRow({ 户主姓名: '吴玉兰' }),
  ]);
  const t = await setUp('1.18', true, grid);
  const whole = jest.spyOn(actions, 'checkGrid');
  const remarked = jest.spyOn(t.host, 'markRows');
  const [doc, a, b, other] = [rowOf(PAD + 1), rowOf(PAD + 2), rowOf(PAD + 3), rowOf(PAD + 4)];
  const before = t.state().result;
  const otherNote = noteAt(t.double, doc, '入户调查表');
  t.double.resetStats();

  // The shared ID fixed on one row: both households lose ID-06, the DOC-01 row keeps its mark.
  roster_(t.double).setFormat(b - 1, col('身份证号码') - 1, '@');
  t.double.edit('花名册', `${letter('身份证号码')}${b}`, [[makeId('19611202', '671')]]);
  await t.settle();
  expect(whole).not.toHaveBeenCalled();
  expect(t.state().result.findings.filter((f) => f.rule === 'ID-06')).toEqual([]);
  expect(fillAt(t.double, a, '身份证号码')).toBeUndefined();
  expect(fillAt(t.double, b, '身份证号码')).toBeUndefined();
  expect(fillAt(t.double, doc, '入户调查表')?.color).toBe(errorFill);
  expect(noteAt(t.double, doc, '入户调查表')).toBe(otherNote);
  expect(fillAt(t.double, other, '身份证号码')).toBeUndefined();
  // Only the two rows whose marks change are re-marked; no other row is written.
  expect(remarked.mock.calls.map(([, rows]) => rows)).toEqual([new Map([['花名册', new Set([a, b])]])]);
  const { result: fresh } = await runCheck(t.host, POLICY);
  expect(t.state().result).toEqual(fresh);
  whole.mockClear();

  // Undo: the same ID again → both marks and the counts are back as they were.
  t.double.edit('花名册', `${letter('身份证号码')}${b}`, [[dupId]]);
  await t.settle();
  expect(whole).not.toHaveBeenCalled();
  expect(t.state().result.summary).toEqual(before.summary);
  expect(t.state().result.findings).toEqual(before.findings);
  expect(fillAt(t.double, a, '身份证号码')?.color).toBe(errorFill);
  expect(fillAt(t.double, b, '身份证号码')?.color).toBe(errorFill);
  expect(t.errors).toEqual([]);
  whole.mockRestore();

  // 清除标注 gives back exactly the workbook as it was before any mark (the text format set above aside).
  await t.command(() => t.host.clearMarks());
  roster_(t.double).setFormat(b - 1, col('身份证号码') - 1, 'General');
  expect(JSON.parse(t.double.book.save())).toEqual(t.original);
  await t.live.stop();
});

test('edits on another sheet or on a generated sheet re-check nothing and change no mark', async () => {
  const t = await setUp();
  await t.command(() => addGeneratedSheet(t.host, 'adjustments', t.state().result, POLICY));
  await t.settle();
  const result = t.state().result;
  const saved = t.double.book.save();
  t.double.resetStats();

  t.double.edit('备忘', 'A2', [['明天去白云村']]);
  t.double.edit('调整花名册', 'B5', [['改一改']]);
  await t.settle();
  expect(t.live.rechecks).toBe(0);
  expect(t.state().result).toBe(result);
  // One sync to learn which sheets were edited; no row read, nothing written.
  expect(t.double.syncs).toBe(1);
  expect(Object.keys(t.double.stats.kinds).filter((k) => /^set (color|pattern|values)/.test(k))).toEqual([]);
  const now = JSON.parse(t.double.book.save()) as { sheets: { name: string }[] };
  const was = JSON.parse(saved) as { sheets: { name: string }[] };
  expect(now.sheets.find((s) => s.name === '花名册')).toEqual(was.sheets.find((s) => s.name === '花名册'));
  await t.live.stop();
});

test.each(['1.18', '1.13'] as const)(
  'ExcelApi %s: our own marking, clearing and generating trigger no re-check',
  async (api) => {
    const t = await setUp(api, false);
    await t.command(() => markResult(t.host, t.state().result));
    await t.command(() => addGeneratedSheet(t.host, 'summary', t.state().result, POLICY));
    await t.command(() => t.host.clearMarks());
    await t.command(() => markResult(t.host, t.state().result));
    await t.settle();
    // Excel did report our writes (the record sheet, the generated sheet) …
    expect(t.double.events.raised.filter((e) => e.name === 'onChanged').length).toBeGreaterThan(0);
    if (api === '1.18')
      expect(
        t.double.events.raised.every((e) => e.name !== 'onChanged' || e.args.triggerSource === 'ThisLocalAddin'),
      ).toBe(true);
    // … and nothing was re-checked or re-marked for them.
    expect(t.live.rechecks).toBe(0);
    expect(t.errors).toEqual([]);
    await t.live.stop();
  },
);

test('a paste of 500 rows, and a burst of single edits, are one re-check each', async () => {
  // One household marked already: the workbook holds our marks, so the live re-check marks too.
  const rows = Array.from({ length: 500 }, (_, i) =>
    cleanRow({ 户主姓名: `户${i}`, 入户调查表: i === 0 ? '无' : '有' }),
  );
  const double = ExcelDouble.fromSpec({
    sheets: workbook(rows).sheets.map((s) => ({
      name: s.name,
      rows: s.rows.map((row) => [...row].map((c) => (c ? { v: c.v } : null))),
    })),
  });
  const host = new OfficeHost({ run: double.run, runIn: double.runIn, isSetSupported: double.isSetSupported });
  let state: LiveState = { ...(await runCheck(host, POLICY)), policy: POLICY };
  await markResult(host, state.result);
  const live = new LiveRecheck({
    host,
    state: () => state,
    lang: () => 'zh',
    apply: (next) => (state = { ...state, ...next }),
    checkAll: async () => undefined,
    exclusive: async (work) => (await work(), true),
    onError: (e) => {
      throw e;
    },
    debounceMs: 20,
  });
  await live.start();
  const c = col('入户调查表');
  double.edit(
    '花名册',
    `${letter('入户调查表')}${rowOf(0)}:${letter('入户调查表')}${rowOf(499)}`,
    rows.map(() => ['无']),
  );
  await double.events.delivered();
  await live.idle();
  expect(live.rechecks).toBe(1);
  expect(state.result.findings.filter((f) => f.rule === 'DOC-01')).toHaveLength(500);
  expect(double.sheet('花名册').fill(rowOf(499) - 1, c - 1)?.color).toBe(errorFill);

  for (let i = 0; i < 30; i++) double.edit('花名册', `${letter('入户调查表')}${rowOf(i)}`, [['有']]);
  await double.events.delivered();
  await live.idle();
  expect(live.rechecks).toBe(2);
  expect(state.result.findings.filter((f) => f.rule === 'DOC-01')).toHaveLength(470);
  await live.stop();
});

test('rows inserted above marked rows: the whole roster is read again and 清除标注 still restores everything', async () => {
  const t = await setUp();
  const docRow = rowOf(1);
  t.double.shiftRows('花名册', docRow - 1, 2);
  await t.settle();
  expect(t.live.rechecks).toBe(1);
  const moved = docRow + 2;
  expect(t.state().result.findings.find((f) => f.rule === 'DOC-01')?.row).toBe(moved);
  expect(fillAt(t.double, moved, '入户调查表')?.color).toBe(errorFill);
  expect(recordRows(t.double)).toContain(`花名册!${letter('入户调查表')}${moved}`);

  // The moved row is edited: re-marked where it is now.
  t.double.edit('花名册', `${letter('入户调查表')}${moved}`, [['有']]);
  await t.settle();
  expect(fillAt(t.double, moved, '入户调查表')).toEqual({ color: '#C6EFCE', pattern: 'Solid' });

  await t.command(() => t.host.clearMarks());
  const sheet = roster_(t.double);
  expect([...sheet.fills.values()].filter((f) => f.color === errorFill)).toEqual([]);
  expect([...sheet.notes.values()].filter((n) => n.includes(NOTE_HEADER))).toEqual([]);
  expect(noteAt(t.double, moved, '入户调查表')).toBe('待补材料');
  await t.live.stop();
});

test('a coauthor’s edit updates the result but is not marked by this pane', async () => {
  const t = await setUp();
  const docRow = rowOf(1);
  t.double.edit('花名册', `${letter('入户调查表')}${docRow}`, [['有']], { remote: true });
  await t.settle();
  expect(count(t.state(), 'DOC-01')).toBe(0);
  expect(fillAt(t.double, docRow, '入户调查表')?.color).toBe(errorFill);
  await t.live.stop();
});

test('stop removes the handlers in the context they were added in', async () => {
  const t = await setUp();
  expect(t.double.events.count()).toBeGreaterThanOrEqual(3);
  await t.live.stop();
  expect(t.double.events.count()).toBe(0);
  t.double.edit('花名册', `${letter('入户调查表')}${rowOf(1)}`, [['有']]);
  await t.settle();
  expect(t.live.rechecks).toBe(0);
});

test('while the clerk is typing in a cell Excel refuses every batch: the re-check waits, says nothing, then runs', async () => {
  const t = await setUp();
  const docRow = rowOf(1);
  t.double.edit('花名册', `${letter('入户调查表')}${docRow}`, [['有']]);
  t.double.cellEditMode = true;
  await t.double.events.delivered();
  await new Promise((r) => setTimeout(r, 150));
  expect(t.live.rechecks).toBe(0);
  expect(fillAt(t.double, docRow, '入户调查表')?.color).toBe(errorFill);
  t.double.cellEditMode = false;
  await t.settle();
  expect(t.errors).toEqual([]);
  expect(t.live.rechecks).toBe(1);
  expect(count(t.state(), 'DOC-01')).toBe(0);
  expect(fillAt(t.double, docRow, '入户调查表')).toEqual({ color: '#C6EFCE', pattern: 'Solid' });
  await t.live.stop();
});

test('a marked roster sheet renamed: the record follows the name, marks stay right and 清除标注 restores all', async () => {
  const t = await setUp();
  const docRow = rowOf(1);
  t.double.clerkRenamesSheet('花名册', '儒林镇花名册');
  await t.settle();
  expect(t.live.rechecks).toBe(1);
  expect(t.state().result.roster.sheet).toBe('儒林镇花名册');
  expect(recordRows(t.double).every((r) => r.startsWith('儒林镇花名册!'))).toBe(true);

  // Edit and undo on the renamed sheet: re-marked there.
  const sheet = () => t.double.sheet('儒林镇花名册');
  const fill = () => sheet().fill(docRow - 1, col('入户调查表') - 1);
  t.double.edit('儒林镇花名册', `${letter('入户调查表')}${docRow}`, [['有']]);
  await t.settle();
  expect(fill()).toEqual({ color: '#C6EFCE', pattern: 'Solid' });
  t.double.edit('儒林镇花名册', `${letter('入户调查表')}${docRow}`, [['无']]);
  await t.settle();
  expect(fill()?.color).toBe(errorFill);

  await t.command(() => t.host.clearMarks());
  const was = (t.original as { sheets: { name: string; fills: unknown; notes: unknown }[] }).sheets[0];
  const now = (JSON.parse(t.double.book.save()) as typeof t.original as { sheets: (typeof was)[] }).sheets[0];
  expect(now.name).toBe('儒林镇花名册');
  expect(now.fills).toEqual(was.fills);
  expect(now.notes).toEqual(was.notes);
  await t.live.stop();
});

test('rows inserted on a sheet the check did not read re-check nothing', async () => {
  const t = await setUp();
  t.double.shiftRows('备忘', 1, 3);
  await t.settle();
  expect(t.live.rechecks).toBe(0);
  expect(t.errors).toEqual([]);
  await t.live.stop();
});

/** The workbook's sheets as saved, without their ids (two doubles number their sheets apart). */
const sheetsOf = (d: ExcelDouble) =>
  (JSON.parse(d.book.save()) as { sheets: Record<string, unknown>[] }).sheets.map(({ id: _id, ...s }) => s);

describe('the clerk inserts or deletes rows, columns or cells after marking (#11): the record follows its cells', () => {
  const doc = () => `${letter('入户调查表')}${rowOf(1)}`;
  /** Each change, and where the DOC-01 cell (the clerk's fill and note under our mark) is after it. */
  const changes: [string, (d: ExcelDouble) => void, string | undefined][] = [
    ['two rows inserted above', (d) => d.shiftRows('花名册', rowOf(1) - 1, 2), `${letter('入户调查表')}${rowOf(3)}`],
    [
      'a column deleted left of the marked cells',
      (d) => d.shiftColumns('花名册', col('致贫原因'), -1),
      `${colLetters(col('入户调查表') - 2)}${rowOf(1)}`,
    ],
    [
      'cells inserted in the marked column, shifting down',
      (d) => d.shiftCells('花名册', `${letter('入户调查表')}${rowOf(0)}`, 'down'),
      `${letter('入户调查表')}${rowOf(2)}`,
    ],
    [
      'cells inserted left of a marked cell, shifting right',
      (d) => d.shiftCells('花名册', `${letter('家庭经济状况申报表')}${rowOf(1)}`, 'right'),
      `${colLetters(col('入户调查表'))}${rowOf(1)}`,
    ],
    ['the marked cell deleted, the cells below shifting up', (d) => d.shiftCells('花名册', doc(), 'up'), undefined],
  ];

  test.each(changes)(
    '%s: marks follow, and 清除标注 gives back exactly the original look there',
    async (_, change, moved) => {
      const t = await setUp();
      // What the clerk's change alone does to the unmarked workbook: the look 清除标注 must give back.
      const reference = t.unmarked;
      change(reference);
      change(t.double);
      await t.settle();
      expect(t.errors).toEqual([]);
      expect(recordRows(t.double)).not.toContain(`花名册!${doc()}`);
      if (moved) {
        expect(recordRows(t.double)).toContain(`花名册!${moved}`);
        // Excel moved the mark with the cell; the pane's re-check keeps it there.
        expect(roster_(t.double).notes.get(moved)).toMatch(new RegExp(`^待补材料\\n\\n${NOTE_HEADER}`));
      }
      for (const r of recordRows(t.double)) {
        const address = r.slice(r.indexOf('!') + 1);
        expect(roster_(t.double).notes.get(address) ?? '').toContain(NOTE_HEADER);
      }

      await t.command(() => t.host.clearMarks());
      expect(sheetsOf(t.double)).toEqual(sheetsOf(reference));
      await t.live.stop();
    },
  );

  test('before ExcelApi 1.14 Excel does not say which way cells moved: the record stays, nothing fails', async () => {
    const t = await setUp('1.13');
    const before = recordRows(t.double);
    t.double.shiftCells('花名册', `${letter('入户调查表')}${rowOf(0)}`, 'down');
    await t.settle();
    expect(t.errors).toEqual([]);
    expect(t.live.rechecks).toBe(1);
    expect(recordRows(t.double)).toEqual(
      expect.arrayContaining(before.filter((r) => !r.includes(letter('入户调查表')))),
    );
    await t.live.stop();
  });
});

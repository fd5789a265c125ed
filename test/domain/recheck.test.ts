/**
 * 边改边查's incremental re-check (pipeline/recheck.ts) against the whole check: for random edits of
 * a roster whose households share IDs (a spouse listed in two households, a head listed as another
 * household's member, the same head twice), each edit applied on top of the last, the result made
 * from the last check must equal a whole check of the edited workbook — findings, adjustments,
 * totals, sample and summary rows alike.
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import type { Cell, SheetGrid, WorkbookGrid } from '../../src/domain/grid';
import type { CheckResult } from '../../src/domain/types';
import { parsePolicy } from '../../src/domain/policy';
import { checkKept, recheckEdited } from '../../src/domain/pipeline/recheck';
import { checkWorkbook } from '../../src/domain/engine';
import { syntheticWorkbook } from '../../bench/synthetic';
import { HEADERS, type Header } from '../support/roster';

const s = (v: string): Cell => ({ v, t: 'string' });
const n = (v: number): Cell => ({ v, t: 'number' });
const policy = parsePolicy({ asOf: '2018-01-15', annualStandard: 3026, sampleRate: 0.2 });
const HOUSEHOLDS = 70;
/** Synthetic rows: title, 填报单位, header, then one household per row. */
const FIRST = 3;
const col = (h: Header) => HEADERS.indexOf(h);

/** The bench roster with IDs shared across households, as the cross-household rules look for. */
function sharedRoster(): WorkbookGrid {
  const wb = syntheticWorkbook(HOUSEHOLDS);
  const [roster, members] = wb.sheets;
  const head = (i: number) => roster.rows[FIRST + i][col('身份证号码')]!;
  const memberRow = (headOf: number, id: Cell, relation: string): (Cell | undefined)[] => [
    head(headOf),
    s(`某${headOf}`),
    id,
    s(relation),
    s('是'),
  ];
  // Household 40's head is also listed as 41's spouse (HH-03, ID-06); 50's head is 45's child;
  // 60 and 61 have the same head (ID-06 on the roster itself).
  members.rows.push(memberRow(41, head(40), '配偶'), memberRow(45, head(50), '子'));
  roster.rows[FIRST + 61][col('身份证号码')] = head(60);
  return wb;
}

function withCell(wb: WorkbookGrid, r: number, c: number, cell: Cell | undefined): WorkbookGrid {
  const [roster, ...rest] = wb.sheets;
  const rows = roster.rows.slice();
  rows[r] = rows[r].slice();
  rows[r][c] = cell;
  const sheet: SheetGrid = { ...roster, rows };
  return { ...wb, sheets: [sheet, ...rest] };
}

const ORIGINAL = sharedRoster();
/** The households whose head IDs are edited: those sharing IDs, two neighbours, one before them. */
const ID_EDITED = [33, 40, 41, 44, 45, 50, 60, 61];
/** Valid IDs no one on the roster holds (heads of a longer synthetic roster). */
const UNHELD = syntheticWorkbook(HOUSEHOLDS + 5)
  .sheets[0].rows.slice(FIRST + HOUSEHOLDS)
  .map((r) => r[col('身份证号码')]);
const text = (c: Cell | undefined) => String(c?.v ?? '');
/** The old 15-digit form of an 18-digit ID: the same person, the same key. */
const old15 = (c: Cell | undefined) => s(text(c).slice(0, 6) + text(c).slice(8, 17));

/**
 * A head ID a clerk might type into household `h`: another household's (shared; before or after
 * `h`, so members may move to or from it), in its old 15-digit form, a member's, one no one holds,
 * blank, invalid (members linked by the old ID lose their household), or its own again.
 */
function headIdFor(wb: WorkbookGrid, h: number, pick: number): Cell | undefined {
  const roster = wb.sheets[0];
  const members = wb.sheets[1];
  // Half the time one of the few households whose IDs are edited: an ID given up earlier (its
  // members orphaned) comes back.
  const o = pick & 1 ? ID_EDITED[(pick >> 1) % ID_EDITED.length] : pick % HOUSEHOLDS;
  const ids = [
    roster.rows[FIRST + o][col('身份证号码')],
    ORIGINAL.sheets[0].rows[FIRST + o][col('身份证号码')],
    old15(ORIGINAL.sheets[0].rows[FIRST + o][col('身份证号码')]),
    members.rows[1 + ((pick * 7) % (members.rows.length - 1))][2],
    UNHELD[pick % UNHELD.length],
    undefined,
    s('43052919800101123'),
    s('430529198001011234'),
    ORIGINAL.sheets[0].rows[FIRST + h][col('身份证号码')],
  ];
  return ids[(pick >> 3) % ids.length];
}

/** Values a clerk might type into each kind of column. */
function valueFor(wb: WorkbookGrid, h: number, field: Header, pick: number): Cell | undefined {
  switch (field) {
    case '身份证号码':
      return headIdFor(wb, h, pick);
    case '户主姓名':
      return [s('杨新名'), undefined, s('龙某1')][pick % 3];
    case '家庭人口':
    case '保障人数':
      return [n(1), n(3), n(0), s('两'), undefined][pick % 5];
    case '月保障金':
      return [n(100), n(404.33), undefined, n(1e9)][pick % 4];
    case '状态':
      return [s('新增'), s('停保'), s('原有')][pick % 3];
    case '村':
      return [s('白云村'), s('新村'), undefined][pick % 3];
    case '入户调查签字':
      return [undefined, s('已签')][pick % 2];
    case '机动车辆':
      return [s('小轿车'), s('无')][pick % 2];
    default:
      return [s('无'), s('有'), undefined][pick % 3];
  }
}

/** Fields other than the head's ID (which two edits in five change). */
const FIELDS: Header[] = [
  '户主姓名',
  '家庭人口',
  '保障人数',
  '月保障金',
  '状态',
  '村',
  '入户调查签字',
  '机动车辆',
  '入户调查表',
];

describe('边改边查: re-checking the edited households gives what a whole check gives', () => {
  test('random edits, each on top of the last', () => {
    const ways = { incremental: 0, idMoved: 0, othersChanged: 0, orphansChanged: 0, whole: 0, households: 0 };
    const hh05 = (r: CheckResult) => r.findings.filter((f) => f.rule === 'HH-05').length;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            household: fc.integer({ min: 30 - FIRST, max: HOUSEHOLDS - 1 }),
            field: fc.oneof(
              { arbitrary: fc.constant<Header>('身份证号码'), weight: 2 },
              { arbitrary: fc.constantFrom(...FIELDS), weight: 3 },
            ),
            pick: fc.nat(1000),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        (edits) => {
          let wb = sharedRoster();
          let result = checkKept({ workbook: wb, policy });
          for (const e of edits) {
            const h = e.field === '身份证号码' ? ID_EDITED[e.household % ID_EDITED.length] : e.household;
            const r = FIRST + h;
            wb = withCell(wb, r, col(e.field), valueFor(wb, h, e.field, e.pick));
            const whole = checkWorkbook({ workbook: wb, policy });
            const again = recheckEdited(result, wb, new Map([['花名册', [r]]]));
            if (!again) {
              ways.whole++;
              result = checkKept({ workbook: wb, policy });
              continue;
            }
            expect(again.result).toEqual(whole);
            ways.incremental++;
            if (again.orphans) ways.idMoved++;
            const others = (x: CheckResult) => x.findings.filter((f) => f.household !== undefined && f.household !== h);
            if (JSON.stringify(others(result)) !== JSON.stringify(others(whole))) ways.othersChanged++;
            if (hh05(result) !== hh05(whole)) ways.orphansChanged++;
            ways.households += again.households.length;
            result = again.result;
          }
        },
      ),
      { numRuns: 100, seed: 11 },
    );
    // The property says something only if most edits went the incremental way, head-ID edits
    // among them (two in five), some moving members to or from other households or the orphans, and
    // only a few households were run again each time.
    expect(ways.incremental).toBeGreaterThan(ways.whole * 4);
    expect(ways.idMoved).toBeGreaterThan(90);
    expect(ways.othersChanged).toBeGreaterThan(20);
    expect(ways.orphansChanged).toBeGreaterThan(10);
    expect(ways.households / ways.incremental).toBeLessThan(4);
  });

  test('edits a whole check must see are left to it', () => {
    const wb = sharedRoster();
    const result = checkKept({ workbook: wb, policy });
    const r = FIRST + 50;
    // A totals row typed over a household ends the roster there; a household emptied is no household.
    const totals = withCell(wb, r, col('村'), s('合计'));
    expect(recheckEdited(result, totals, new Map([['花名册', [r]]]))).toBeUndefined();
    let emptied = withCell(wb, r, col('户主姓名'), undefined);
    emptied = withCell(emptied, r, col('身份证号码'), undefined);
    expect(recheckEdited(result, emptied, new Map([['花名册', [r]]]))).toBeUndefined();
    // The header is looked for in the first 30 rows; the member sheet links households.
    const top = withCell(wb, FIRST + 5, col('户主姓名'), s('户主姓名'));
    expect(recheckEdited(result, top, new Map([['花名册', [FIRST + 5]]]))).toBeUndefined();
    expect(recheckEdited(result, wb, new Map([['家庭成员', [5]]]))).toBeUndefined();
    // A result the engine did not keep (a whole check of its own) cannot be built on.
    expect(recheckEdited(checkWorkbook({ workbook: wb, policy }), wb, new Map([['花名册', [r]]]))).toBeUndefined();
  });

  test('an edited head ID moves the household in the ID index: the old sharer is clean, the new one flagged', () => {
    const wb = sharedRoster();
    const result = checkKept({ workbook: wb, policy });
    const r61 = FIRST + 61;
    const dup = (res: typeof result, i: number) =>
      res.findings.filter((f) => f.household === i && f.rule === 'ID-06').length;
    expect(dup(result, 60)).toBeGreaterThan(0);
    // 61's head typed as 33's: 60 no longer shares its ID, 33 does now.
    const moved = withCell(wb, r61, col('身份证号码'), wb.sheets[0].rows[FIRST + 33][col('身份证号码')]);
    const again = recheckEdited(result, moved, new Map([['花名册', [r61]]]))!;
    expect(again.households).toEqual(expect.arrayContaining([33, 60, 61]));
    expect(dup(again.result, 60)).toBe(0);
    expect(dup(again.result, 33)).toBeGreaterThan(0);
    expect(again.result).toEqual(checkWorkbook({ workbook: moved, policy }));
  });

  test('a head ID blanked orphans its members; typed again (15 digits), they are its members again', () => {
    const wb = sharedRoster();
    const r = FIRST + 44;
    const id = wb.sheets[0].rows[r][col('身份证号码')];
    const orphans = (res: CheckResult) => res.findings.filter((f) => f.rule === 'HH-05').map((f) => f.row);
    const first = checkKept({ workbook: wb, policy });
    const before = orphans(first);

    const blanked = withCell(wb, r, col('身份证号码'), undefined);
    const gone = recheckEdited(first, blanked, new Map([['花名册', [r]]]))!;
    // Household 44 has 4 persons (2 + 44 % 3), all now on a link that names no household.
    expect(orphans(gone.result)).toHaveLength(before.length + 4);
    expect(gone.result).toEqual(checkWorkbook({ workbook: blanked, policy }));

    const back = withCell(blanked, r, col('身份证号码'), old15(id));
    const again = recheckEdited(gone.result, back, new Map([['花名册', [r]]]))!;
    expect(orphans(again.result)).toEqual(before);
    expect(again.result).toEqual(checkWorkbook({ workbook: back, policy }));
  });
});

/**
 * The JSON report of `check --report`: its shape is a contract (scripts at the county read it),
 * so it is defined once as a zod schema and every report is validated before it is written.
 * No Node imports here: the task pane bundles this file to offer the same report for download.
 */
import { z } from 'zod';
import type { Policy } from '../../domain/policy';
import { adjustmentReason, formatFinding, notCheckedReason, skippedReason } from '../../domain/messages';
import { LIST_KINDS } from '../../domain/fields';
import {
  ADJUSTMENT_TYPES,
  RULE_IDS,
  type Adjustment,
  type CheckResult,
  type Finding,
  type MessageData,
} from '../../domain/types';
import { maskId, maskIdsInText } from './mask';

const count = z.number().int().nonnegative();
const money = z.number().finite();
const rule = z.enum(RULE_IDS);
const severity = z.enum(['error', 'warning', 'info']);
const byRule = z.partialRecord(rule, count);
const messageData = z.record(z.string(), z.union([z.string(), z.number()]));

export const ReportFindingSchema = z.strictObject({
  sheet: z.string(),
  /** Worksheet row as Excel shows it. */
  row: z.number().int().positive(),
  /** Header text of the column at fault; null when the finding is about the whole household. */
  column: z.string().nullable(),
  /** A1 address of the marked cell. */
  cell: z.string().nullable(),
  rule,
  severity,
  /** Chinese message naming the observed value and the expectation. */
  message: z.string().min(1),
  /** The rule's message id (docs/RULES.md) and the values it names: the message without its words. */
  messageId: z.string().min(1),
  data: messageData,
});

const persons = z.strictObject({ persons: count, amount: money });

export const ReportAdjustmentSchema = z.strictObject({
  /** The roster sheet of the row. */
  sheet: z.string(),
  row: z.number().int().positive(),
  type: z.enum(ADJUSTMENT_TYPES),
  village: z.string(),
  headName: z.string(),
  idNumber: z.string(),
  before: persons,
  after: persons,
  reason: z.string(),
  /** Why, as a code: 'findings', 'findingsRestReach' (data: persons, income, standard) or 'newComplete'. */
  messageId: z.enum(['findings', 'findingsRestReach', 'newComplete']),
  data: messageData,
});

/**
 * The counts a township and each of its villages both give. Keys are written in schema order, so
 * each summary spreads these where they have always stood (a county's scripts read the report).
 */
const SummaryCountsSchema = z.strictObject({
  households: count,
  activeHouseholds: count,
  coveredPersons: count,
  monthlyTotal: money,
  errors: count,
  warnings: count,
});

const VillageSummarySchema = z.strictObject({ village: z.string() }).extend({ ...SummaryCountsSchema.shape, byRule });

/** Loose: the engine may add totals later; the keys listed here are the ones promised. */
export const ReportSummarySchema = SummaryCountsSchema.loose().extend({
  infos: count,
  byRule,
  byFamily: z.partialRecord(z.enum(['ID', 'HH', 'AMT', 'ELIG', 'DOC', 'PROC', 'REV']), count),
  villages: z.array(VillageSummarySchema),
  adjustments: z.partialRecord(z.enum(ADJUSTMENT_TYPES), count),
  missingBottomLine: z.array(z.strictObject({ idNumber: z.string(), name: z.string(), village: z.string() })),
  /** The member sheet used (家庭成员), or null. */
  memberSheet: z.string().nullable(),
  /** Reference lists compared: in the workbook (sheet name) or from --list (file name). */
  lists: z.array(z.strictObject({ kind: z.enum(LIST_KINDS), source: z.string(), entries: count })),
  /** Households in the sampling list (抽查名单). */
  sampled: count,
});

/** What a skipped check lacks on a sheet (or on every sheet): each need a list of alternatives. */
const LackingSchema = z.strictObject({
  sheet: z.string().optional(),
  needs: z.array(
    z.array(z.strictObject({ need: z.string(), asked: z.string().optional(), like: z.string().optional() })),
  ),
});

export const ReportSchema = z.strictObject({
  /** The first roster sheet (sheets[0].name). */
  sheet: z.string(),
  /** Excel row of the first roster sheet's (lower) header row. */
  headerRow: z.number().int().positive(),
  households: count,
  /** Every roster sheet checked (one per village, group or page), in workbook order. */
  sheets: z.array(z.strictObject({ name: z.string(), headerRow: z.number().int().positive(), households: count })),
  /** Sheets that look like a roster but were not checked, and why. */
  notChecked: z.array(
    z.strictObject({
      sheet: z.string(),
      reason: z.string(),
      /** Why, as a code and the values it names (messages.ts notCheckedReason). */
      messageId: z.enum(['lacksColumns', 'fewerColumns', 'otherPeriod']),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  policy: z.record(z.string(), z.unknown()),
  findings: z.array(ReportFindingSchema),
  adjustments: z.array(ReportAdjustmentSchema),
  skipped: z.array(
    z.strictObject({
      rule,
      reason: z.string(),
      /** Why, as a code and what each sheet lacks (messages.ts skippedReason). */
      messageId: z.enum(['missing', 'missingOnSheets']),
      data: z.strictObject({ lacking: z.array(LackingSchema) }),
    }),
  ),
  summary: ReportSummarySchema,
});

export type Report = z.infer<typeof ReportSchema>;

/** A township file of `check <folder> --report` that was checked: its single-file report inside. */
const FolderCheckedSchema = z.strictObject({
  file: z.string(),
  township: z.string(),
  output: z.string().nullable(),
  report: ReportSchema,
});

/** A township file that could not be checked. */
const FolderFailureSchema = z.strictObject({
  file: z.string(),
  error: z.strictObject({
    zh: z.string(),
    en: z.string(),
    /** For a RosterError or FileError: its kind, message id and the values it names. */
    code: z.string().optional(),
    messageId: z.string().optional(),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
});

/** `check <folder> --report`: one entry per township file, the single-file report inside. */
export const FolderReportSchema = z.strictObject({
  folder: z.string(),
  asOf: z.string(),
  files: z.array(z.union([FolderCheckedSchema, FolderFailureSchema])),
});

export type FolderReport = z.infer<typeof FolderReportSchema>;

type ReportFinding = z.infer<typeof ReportFindingSchema>;

/** A finding as the report writes it: the message is rendered here, at the edge. */
function reportFinding(f: Finding, text: (s: string) => string): ReportFinding {
  return {
    sheet: f.sheet,
    row: f.row,
    column: f.column ?? null,
    cell: f.cell ?? null,
    rule: f.rule,
    severity: f.severity,
    message: text(formatFinding(f, 'zh')),
    messageId: f.messageId,
    data: maskData(f.data, text),
  };
}

/** The values a message names, ID numbers in them masked like the message's (--mask-ids). */
function maskData(data: MessageData, text: (s: string) => string): MessageData {
  const out: MessageData = {};
  for (const k in data) {
    const v = data[k];
    out[k] = typeof v === 'string' ? text(v) : v;
  }
  return out;
}

export function buildReport(result: CheckResult, policy: Policy, opts: { maskIds: boolean }): Report {
  const edit = editors(opts);
  return {
    ...buildReportWithout(result, policy, opts),
    findings: result.findings.map((f) => ReportFindingSchema.parse(reportFinding(f, edit.text))),
    adjustments: result.adjustments.map((a) => ReportAdjustmentSchema.parse(reportAdjustment(a, edit))),
  };
}

/** What --mask-ids changes: an ID number, and the ID numbers inside a text. */
function editors(opts: { maskIds: boolean }): { id: (s: string) => string; text: (s: string) => string } {
  const same = (s: string) => s;
  return opts.maskIds ? { id: maskId, text: maskIdsInText } : { id: same, text: same };
}

function reportAdjustment(a: Adjustment, edit: ReturnType<typeof editors>): z.infer<typeof ReportAdjustmentSchema> {
  return {
    sheet: a.sheet,
    row: a.row,
    type: a.type,
    village: a.village,
    headName: a.headName,
    idNumber: edit.id(a.idNumber),
    before: { ...a.before },
    after: { ...a.after },
    reason: edit.text(adjustmentReason(a, 'zh')),
    messageId: a.messageId,
    data: maskData(a.data, edit.text),
  };
}

/**
 * The report without its findings and adjustments, validated (those two lists are checked one
 * entry at a time where they are written).
 */
function buildReportWithout(result: CheckResult, policy: Policy, opts: { maskIds: boolean }): Report {
  const { id } = editors(opts);
  const report = {
    sheet: result.roster.sheet,
    headerRow: Math.max(...result.roster.headerRows),
    households: result.households.length,
    sheets: result.rosterSheets.map((s) => ({
      name: s.sheet,
      headerRow: Math.max(...s.headerRows),
      households: s.households,
    })),
    notChecked: result.notChecked.map((n) => ({
      sheet: n.sheet,
      reason: notCheckedReason(n),
      messageId: n.messageId,
      data: { ...n.data },
    })),
    asOf: result.asOf,
    policy: { ...(result.policy ?? policy) },
    findings: [] as ReportFinding[],
    adjustments: [] as z.infer<typeof ReportAdjustmentSchema>[],
    skipped: result.skipped.map((s) => ({
      rule: s.rule,
      reason: skippedReason(s),
      messageId: s.messageId,
      data: s.data,
    })),
    summary: {
      ...result.summary,
      missingBottomLine: result.summary.missingBottomLine.map((m) => ({ ...m, idNumber: id(m.idNumber) })),
      memberSheet: result.memberSheet ?? null,
      lists: result.lists.map((l) => ({ kind: l.kind, source: l.source, entries: l.entries })),
      sampled: result.sample.length,
    },
  };
  // Validating what we built keeps the written shape and the documented one the same.
  return ReportSchema.parse(report);
}

/**
 * The report's bytes as `reportJson(buildReport(…))` gives them, made a piece at a time while
 * they are written: a roster with several findings per household (and an adjustment for many of
 * them) would otherwise hold every finding and adjustment three times over (the report's
 * objects, their validated copy, one string of the whole JSON) besides the result.
 */
export function* reportPieces(
  result: CheckResult,
  policy: Policy,
  opts: { maskIds: boolean },
  /** Nested in the folder report: every line after the first indented by this, no final newline. */
  nested?: string,
): Generator<Uint8Array> {
  const edit = editors(opts);
  const json = JSON.stringify(buildReportWithout(result, policy, opts), null, 2) + '\n';
  const lists = [
    {
      key: 'findings',
      count: result.findings.length,
      entry: (i: number) => ReportFindingSchema.parse(reportFinding(result.findings[i], edit.text)),
    },
    {
      key: 'adjustments',
      count: result.adjustments.length,
      entry: (i: number) => ReportAdjustmentSchema.parse(reportAdjustment(result.adjustments[i], edit)),
    },
  ];
  const encoder = new TextEncoder();
  // Newlines are never inside a JSON string, so each piece may be indented on its own.
  const encode = (text: string) => encoder.encode(nested ? indent(text, nested) : text);
  let from = 0;
  let piece = '';
  for (const list of lists) {
    // An empty list stays as JSON.stringify wrote it.
    if (list.count === 0) continue;
    const slot = `\n  "${list.key}": [],`;
    const at = json.indexOf(slot, from);
    piece += json.slice(from, at) + `\n  "${list.key}": [`;
    for (let i = 0; i < list.count; i++) {
      piece += (i ? ',\n    ' : '\n    ') + indent(JSON.stringify(list.entry(i), null, 2), '    ');
      if (piece.length >= 1 << 18) {
        yield encode(piece);
        piece = '';
      }
    }
    piece += '\n  ],';
    from = at + slot.length;
  }
  const rest = piece + json.slice(from);
  // The report ends with a newline the nested one does not have.
  yield encode(nested ? rest.slice(0, -1) : rest);
}

/** A township file of the folder report: checked (its result, and the policy it was checked with) or not. */
export type FolderReportFile =
  | { file: string; township: string; output: string | null; result: CheckResult; policy: Policy }
  | { file: string; error: { zh: string; en: string } };

/**
 * The folder report's bytes as `reportJson(FolderReportSchema.parse(…))` of every file's
 * `buildReport` gives them, made a piece at a time while they are written: each file's report is
 * `reportPieces` of its result, indented into place, so no file's findings are held as report
 * objects, validated copies or one string of the whole JSON (a county's folder holds many
 * rosters). `files` may come one at a time as they are checked (the command line's folder mode):
 * a file's result is let go once its pieces are written.
 */
export async function* folderReportPieces(
  head: { folder: string; asOf: string },
  files: Iterable<FolderReportFile> | AsyncIterable<FolderReportFile>,
  opts: { maskIds: boolean },
): AsyncGenerator<Uint8Array> {
  const top = JSON.stringify(FolderReportSchema.parse({ ...head, files: [] }), null, 2);
  const slot = '"files": []';
  const at = top.lastIndexOf(slot);
  let written = 0;
  // Not `for await … yield*`: a suspended generator keeps the loop's value and a finished
  // generator its arguments, which would hold the previous file's result while the next file is
  // checked. Dropped by hand, each result can go as soon as its entry is written.
  const iterator = Symbol.asyncIterator in files ? files[Symbol.asyncIterator]() : files[Symbol.iterator]();
  try {
    for (;;) {
      let step: IteratorResult<FolderReportFile> | undefined = await iterator.next();
      if (step.done) break;
      const before = written ? ',\n    ' : top.slice(0, at) + '"files": [\n    ';
      let pieces: Generator<Uint8Array> | undefined = folderEntryPieces(step.value, before, opts);
      step = undefined;
      yield* pieces;
      pieces = undefined;
      written++;
    }
  } finally {
    // As `for await` would: a write that failed stops the files' source too.
    await iterator.return?.();
  }
  const end = written ? '\n  ]' + top.slice(at + slot.length) : top;
  yield new TextEncoder().encode(end + '\n');
}

/** One file's entry of the folder report, after `before` (what precedes it in the JSON). */
function* folderEntryPieces(f: FolderReportFile, before: string, opts: { maskIds: boolean }): Generator<Uint8Array> {
  const encoder = new TextEncoder();
  if ('error' in f) {
    yield encoder.encode(before + indent(JSON.stringify(FolderFailureSchema.parse(f), null, 2), '    '));
    return;
  }
  const wrapper = FolderCheckedSchema.omit({ report: true }).parse({
    file: f.file,
    township: f.township,
    output: f.output,
  });
  // The report's place in the file's entry: its key last, as the schema orders it.
  const entry = JSON.stringify({ ...wrapper, report: null }, null, 2);
  const hole = entry.lastIndexOf('null');
  yield encoder.encode(before + indent(entry.slice(0, hole), '    '));
  yield* reportPieces(f.result, f.policy, opts, '      ');
  yield encoder.encode(indent(entry.slice(hole + 'null'.length), '    '));
}

const indent = (json: string, by: string) => json.replace(/\n/g, '\n' + by);

export function reportJson(report: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(report, null, 2) + '\n');
}

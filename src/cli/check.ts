/**
 * `dibao check <roster.xlsx>`: refuse bad outputs first, then read, check, mark, and only when
 * everything succeeded write the marked copy and the report. Exit code 0 (no errors) or 1.
 */
import { basename } from 'node:path';
import type { CheckArgs } from './args';
import { checkFile } from './check-file';
import { progress, type Io } from './io';
import { readExtraLists } from './lists';
import { defaultCheckedPath, guardOutputs } from './paths';
import { loadPolicy } from './policy-file';
import { reportPieces } from '../workbook/output/report';
import { summaryText } from './summary';
import { writeOutputs } from './write';

export async function checkCommand(args: CheckArgs, io: Io): Promise<number> {
  const out = args.noOut ? undefined : (args.out ?? defaultCheckedPath(args.input));
  const outputs = [out, args.report].filter((p): p is string => p !== undefined);
  guardOutputs(
    [args.input, ...args.lists.map((l) => l.file), ...(args.policy ? [args.policy] : [])],
    outputs,
    args.force,
  );

  const policy = await loadPolicy(args.policy, args.asOf);
  const extraLists = await readExtraLists(args.lists);
  const checked = await checkFile(args.input, {
    policy,
    sheets: args.sheets,
    extraLists,
    withWorkbook: out !== undefined,
    io,
  });
  // Written as it is made: the findings' messages are rendered one by one into the file.
  const report = args.report ? reportPieces(checked.result, policy, { maskIds: args.maskIds }) : undefined;

  progress(io, '正在写出结果…', 'writing the outputs…');
  const files = [
    ...(out && checked.workbook ? [{ path: out, data: checked.workbook }] : []),
    ...(args.report && report ? [{ path: args.report, data: report }] : []),
  ];
  await writeOutputs(files, args.force);

  io.stdout(
    summaryText(checked.result, {
      file: basename(args.input),
      output: out,
      report: args.report,
      sheetsAdded: checked.sheetsAdded,
      cellsMarked: out ? checked.cellsMarked : undefined,
      convertedFrom: checked.convertedFrom,
      unread: checked.unread,
    }),
  );
  return checked.result.summary.errors > 0 ? 1 : 0;
}

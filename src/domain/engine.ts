/**
 * The engine: workbook grid in; findings, adjustments, sample and summary out. Pure: no Office,
 * DOM or file system. A pipeline of four phases, each a function of the ones before:
 * read (households and members) → index (IDs, lists, deaths) → run rules → assemble.
 * Cross-row indices are built once per run, so work grows linearly.
 */
import type { CheckInput, CheckResult } from './types';
import { readWorkbook } from './pipeline/read';
import { crossIndex } from './pipeline/cross-index';
import { runRules } from './pipeline/run-rules';
import { assemble } from './pipeline/assemble';

export { RosterError } from './errors';
export type { CheckInput, ExternalIdIndex, ExternalList } from './types';

export function checkWorkbook(input: CheckInput): CheckResult {
  const read = readWorkbook(input);
  const index = crossIndex(read, input);
  const run = runRules(read, index, input);
  return assemble(read, index, run, input);
}

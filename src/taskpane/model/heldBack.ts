/** The households 公示名单 leaves out, named for the clerk (row and head's name), in row order. */
import type { CheckResult } from '../../domain/types';
import { publicityHeldBack } from '../../workbook/output/sheets';
import type { HeldBack } from '../actions';

export function heldBackHouseholds(result: CheckResult, exclude?: ReadonlySet<number>): HeldBack[] {
  return publicityHeldBack(result, exclude).map((h) => ({
    row: result.households[h].row,
    headName: result.households[h].headName,
  }));
}

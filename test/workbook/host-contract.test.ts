/**
 * The same contract for both hosts: the Office host over the Excel double at the requirement sets
 * that matter (1.9 the manifest's minimum: fills only; 1.10 threaded comments; 1.13 merged areas,
 * perpetual Office 2021; 1.18 notes, Microsoft 365) and the file host over an .xlsx built by
 * ExcelJS. The large roster has more merged areas than Excel answers for in one call and
 * thousands of the clerk's notes.
 */
import { describe } from '@jest/globals';
import {
  describeHostContract,
  describeLargeRosterContract,
  makeFileHost,
  makeOfficeHost,
} from '../support/host-contract';

const LEVELS = ['1.9', '1.10', '1.13', '1.18'] as const;

describe('WorkbookHost contract', () => {
  for (const api of LEVELS) describeHostContract(`Office host (ExcelApi ${api})`, makeOfficeHost(api));
  describeHostContract('file host', makeFileHost);
});

describe('WorkbookHost contract on a township roster', () => {
  for (const api of LEVELS) describeLargeRosterContract(`Office host (ExcelApi ${api})`, makeOfficeHost(api));
  describeLargeRosterContract('file host', makeFileHost);
});

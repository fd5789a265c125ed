/**
 * The same contract for both hosts: the Office host over the Excel double (as Excel 365 with
 * notes, ExcelApi 1.18) and the file host over an .xlsx built by ExcelJS.
 */
import { describe } from '@jest/globals';
import { describeHostContract, makeFileHost, makeOfficeHost } from '../support/host-contract';

describe('WorkbookHost contract', () => {
  describeHostContract('Office host', makeOfficeHost('1.18'));
  describeHostContract('file host', makeFileHost);
});

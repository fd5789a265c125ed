/** The WorkbookHost contract over the WPS host and the WPS double (ET object model). */
import { describe } from '@jest/globals';
import { describeHostContract } from '../support/host-contract';
import { makeWpsHost } from '../support/wps-under-test';

describe('WorkbookHost contract', () => {
  describeHostContract('WPS host', makeWpsHost);
});

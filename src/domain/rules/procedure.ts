/** 程序 (PROC-01 … PROC-04): democratic review, public posting, and the checks every new household needs. */
import type { Rule } from './rule';
import { cellString, docPresent, isYes, parseDone } from '../values';

export const PROC01: Rule = {
  id: 'PROC-01',
  severity: 'error',
  needs: ['review'],
  messages: ['missing'],
  check(h, _ctx, report) {
    if (h.active && !docPresent(h.cells.review)) report('missing', {}, { field: 'review' });
  },
};

export const PROC02: Rule = {
  id: 'PROC-02',
  severity: 'error',
  needs: ['publicity'],
  messages: ['missing'],
  check(h, _ctx, report) {
    if (h.active && !docPresent(h.cells.publicity)) report('missing', {}, { field: 'publicity' });
  },
};

export const PROC03: Rule = {
  id: 'PROC-03',
  severity: 'error',
  needs: ['status', 'verification'],
  messages: ['notPassed'],
  check(h, _ctx, report) {
    if (h.status !== 'new') return;
    // Only an explicit pass counts: 未通过, blank and anything else are not a valid check.
    if (!isYes(h.cells.verification)) {
      report('notPassed', { value: cellString(h.cells.verification) || '空白' }, { field: 'verification' });
    }
  },
};

export const PROC04: Rule = {
  id: 'PROC-04',
  severity: 'error',
  needs: ['status', 'revisit'],
  messages: ['missing'],
  check(h, _ctx, report) {
    // A date typed in 入户复核 is the day of the visit: done (DECISIONS "Answers (#10)").
    if (h.status === 'new' && !parseDone(h.cells.revisit).done) report('missing', {}, { field: 'revisit' });
  },
};

export const PROCEDURE_RULES = [PROC01, PROC02, PROC03, PROC04];

/** 程序 (PROC-01 … PROC-04): democratic review, public posting, and the checks every new household needs. */
import { defineRule } from './rule';
import { cellString, docPresent, isYes, parseDone } from '../values';

export const PROC01 = defineRule({
  id: 'PROC-01',
  family: 'PROC',
  severity: 'error',
  title: { zh: '民主评议', en: 'Democratic review' },
  needs: ['review'],
  messages: {
    missing: {
      zh: '未经民主评议',
      en: 'No democratic review',
    },
  },
  check(h, _ctx, report) {
    if (h.active && !docPresent(h.cells.review)) report('missing', {}, { field: 'review' });
  },
});

export const PROC02 = defineRule({
  id: 'PROC-02',
  family: 'PROC',
  severity: 'error',
  title: { zh: '公示', en: 'Public posting' },
  needs: ['publicity'],
  messages: {
    missing: {
      zh: '未公示',
      en: 'Not publicly posted',
    },
  },
  check(h, _ctx, report) {
    if (h.active && !docPresent(h.cells.publicity)) report('missing', {}, { field: 'publicity' });
  },
});

export const PROC03 = defineRule({
  id: 'PROC-03',
  family: 'PROC',
  severity: 'error',
  title: { zh: '新增未核对', en: 'New household not verified' },
  needs: ['status', 'verification'],
  messages: {
    notPassed: {
      zh: '新增对象经济状况核对结果为“{value}”，未通过核对不得审批',
      en: 'New household with verification result "{value}": may not be approved',
    },
  },
  terms: { value: { '': { zh: '空白', en: 'blank' } } },
  check(h, _ctx, report) {
    if (h.status !== 'new') return;
    // Only an explicit pass counts: 未通过, blank and anything else are not a valid check.
    if (!isYes(h.cells.verification)) {
      report('notPassed', { value: cellString(h.cells.verification) }, { field: 'verification' });
    }
  },
});

export const PROC04 = defineRule({
  id: 'PROC-04',
  family: 'PROC',
  severity: 'error',
  title: { zh: '新增未入户复核', en: 'New household not re-visited' },
  needs: ['status', 'revisit'],
  messages: {
    missing: {
      zh: '新增对象未入户复核',
      en: 'New household not re-visited',
    },
  },
  check(h, _ctx, report) {
    // A date typed in 入户复核 is the day of the visit: done (DECISIONS "Answers (#10)").
    if (h.status === 'new' && !parseDone(h.cells.revisit).done) report('missing', {}, { field: 'revisit' });
  },
});

export const PROCEDURE_RULES = [PROC01, PROC02, PROC03, PROC04] as const;

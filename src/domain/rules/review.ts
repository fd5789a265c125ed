/** 复核 (REV-01): periodic re-checks — 兜底 yearly, households with working capacity every six months. */
import type { Rule } from './rule';
import { addMonths, cellString, isYes, parseDate } from '../values';

export const REV01: Rule = {
  id: 'REV-01',
  severity: 'warning',
  needs: ['lastReview'],
  messages: ['blank', 'invalid', 'overdue'],
  check(h, ctx, report) {
    if (!h.active) return;
    const d = parseDate(h.cells.lastReview);
    if (d === undefined) return report('blank', {}, { field: 'lastReview' });
    if (!d.ok) return report('invalid', { value: cellString(h.cells.lastReview) }, { field: 'lastReview' });
    const m = ctx.policy.reviewMonths;
    const [months, kind] = isYes(h.cells.bottomLine)
      ? [m.bottomLine, '兜底对象']
      : isYes(h.cells.ableBodied)
        ? [m.ableBodied, '有劳动能力或收入不稳定']
        : [m.other, '一般低保户'];
    const due = addMonths(d.iso, months);
    if (due < ctx.asOf) report('overdue', { date: d.iso, months, kind, due }, { field: 'lastReview' });
  },
};

export const REVIEW_RULES = [REV01];

/** 复核 (REV-01): periodic re-checks — 兜底 yearly, households with working capacity every six months. */
import { defineRule } from './rule';
import { addMonths, cellString, isYes, parseDate } from '../values';

export const REV01 = defineRule({
  id: 'REV-01',
  family: 'REV',
  severity: 'warning',
  title: { zh: '复核逾期', en: 'Review overdue' },
  needs: ['lastReview'],
  messages: {
    blank: {
      zh: '未填写最近复核日期',
      en: 'Last review date missing',
    },
    invalid: {
      zh: '最近复核日期“{value}”无法识别',
      en: 'Last review date "{value}" not understood',
    },
    overdue: {
      zh: '最近复核日期 {date}，{kind}应每{months}个月复核一次，已于 {due} 到期',
      en: 'Last reviewed {date}; {kind} households are reviewed every {months} months, due {due}',
    },
  },
  terms: {
    kind: {
      bottomLine: { zh: '兜底对象', en: 'safety-net' },
      ableBodied: { zh: '有劳动能力或收入不稳定', en: 'able-bodied or unstable-income' },
      other: { zh: '一般低保户', en: 'other' },
    },
  },
  check(h, ctx, report) {
    if (!h.active) return;
    const d = parseDate(h.cells.lastReview);
    if (d === undefined) return report('blank', {}, { field: 'lastReview' });
    if (!d.ok) return report('invalid', { value: cellString(h.cells.lastReview) }, { field: 'lastReview' });
    const m = ctx.policy.reviewMonths;
    const [months, kind] = isYes(h.cells.bottomLine)
      ? [m.bottomLine, 'bottomLine']
      : isYes(h.cells.ableBodied)
        ? [m.ableBodied, 'ableBodied']
        : [m.other, 'other'];
    const due = addMonths(d.iso, months);
    if (due < ctx.asOf) report('overdue', { date: d.iso, months, kind, due }, { field: 'lastReview' });
  },
});

export const REVIEW_RULES = [REV01] as const;

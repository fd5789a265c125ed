/** 金额 (AMT-01 … AMT-05): 按标施保、足额补差 — the benefit is standard minus income, topped up in full. */
import { defineRule } from './rule';
import { num } from '../household';
import { yuan } from '../money';

const INCOME = ['monthlyIncome', 'annualIncome'] as const;

/** Income at or above the standard: the household is wrongly covered (错保). */
function overStandard(income: number | undefined, standard: number): boolean {
  return income !== undefined && income >= standard;
}

export const AMT01 = defineRule({
  id: 'AMT-01',
  family: 'AMT',
  severity: 'error',
  title: { zh: '不按标施保', en: 'Benefit not standard minus income' },
  needs: ['benefit', INCOME, 'coveredPersons'],
  messages: {
    mismatch: {
      zh: '月保障金 {benefit} 元与应发 {expected} 元不符（标准 {standard} − 月人均收入 {income}，× {covered}人）',
      en: 'Benefit {benefit} differs from the expected {expected} (standard {standard} − income {income}, × {covered})',
    },
  },
  check(h, ctx, report) {
    const facts = ctx.money(h);
    const benefit = num(h.benefit);
    if (!h.active || facts.expected === undefined || benefit === undefined || benefit <= 0) return;
    if (overStandard(facts.income, facts.standard)) return; // AMT-02 says it: stop, not adjust
    const diff = benefit - facts.expected;
    if (Math.abs(diff) > ctx.policy.tolerance + 1e-9) {
      report(
        'mismatch',
        {
          benefit: yuan(benefit),
          expected: yuan(facts.expected),
          standard: yuan(facts.standard),
          income: yuan(facts.income!),
          covered: facts.covered!,
          diff: yuan(diff),
        },
        { field: 'benefit' },
      );
    }
  },
});

export const AMT02 = defineRule({
  id: 'AMT-02',
  family: 'AMT',
  severity: 'error',
  title: { zh: '收入超标', en: 'Income above standard' },
  needs: [INCOME],
  messages: {
    over: {
      zh: '月人均收入 {income} 元 ≥ 低保标准 {standard} 元，不符合低保条件',
      en: 'Monthly income per person {income} ≥ standard {standard}: not eligible',
    },
  },
  check(h, ctx, report) {
    if (!h.active) return;
    const facts = ctx.money(h);
    const income = facts.income;
    if (overStandard(income, facts.standard)) {
      const field = num(h.monthlyIncome) !== undefined ? 'monthlyIncome' : 'annualIncome';
      report('over', { income: yuan(income!), standard: yuan(facts.standard) }, { field });
    }
  },
});

export const AMT03 = defineRule({
  id: 'AMT-03',
  family: 'AMT',
  severity: 'error',
  title: { zh: '保障金缺失', en: 'Benefit missing' },
  needs: ['benefit'],
  messages: {
    missing: {
      zh: '在保户月保障金为 {value}，未发放',
      en: 'Active household with benefit {value}',
    },
    invalid: {
      zh: '月保障金“{value}”不是有效金额',
      en: 'Benefit "{value}" is not an amount',
    },
  },
  terms: { value: { '': { zh: '空白', en: 'blank' } } },
  check(h, ctx, report) {
    if (!h.active) return;
    const facts = ctx.money(h);
    if (overStandard(facts.income, facts.standard)) return; // nothing is owed; AMT-02 reports it
    if (h.benefit === 'invalid')
      return report('invalid', { value: String(h.cells.benefit?.v ?? '') }, { field: 'benefit' });
    const b = num(h.benefit);
    if (b === undefined || b <= 0) report('missing', { value: b === undefined ? '' : yuan(b) }, { field: 'benefit' });
  },
});

export const AMT04 = defineRule({
  id: 'AMT-04',
  family: 'AMT',
  severity: 'error',
  title: { zh: '未计算收入', en: 'Income not assessed' },
  needs: [INCOME],
  messages: {
    missing: {
      zh: '未计算家庭收入（月人均收入和年收入均为空）',
      en: 'Income not assessed (monthly and annual income both blank)',
    },
    invalid: {
      zh: '收入“{value}”不是有效金额',
      en: 'Income "{value}" is not an amount',
    },
  },
  check(h, ctx, report) {
    if (!h.active) return;
    const field = ctx.columns.monthlyIncome ? 'monthlyIncome' : 'annualIncome';
    if (h.monthlyIncome === 'invalid' || h.annualIncome === 'invalid') {
      const bad = h.monthlyIncome === 'invalid' ? 'monthlyIncome' : 'annualIncome';
      return report('invalid', { value: String(h.cells[bad]?.v ?? '') }, { field: bad });
    }
    if (h.monthlyIncome === undefined && h.annualIncome === undefined) report('missing', {}, { field });
  },
});

export const AMT05 = defineRule({
  id: 'AMT-05',
  family: 'AMT',
  severity: 'error',
  title: { zh: '停保仍发放', en: 'Paid after stop' },
  needs: ['status', 'benefit'],
  messages: {
    paid: {
      zh: '已停保，仍发放月保障金 {benefit} 元',
      en: 'Stopped, but still paid {benefit} a month',
    },
  },
  check(h, _ctx, report) {
    const b = num(h.benefit);
    if (h.status === 'stopped' && b !== undefined && b > 0) report('paid', { benefit: yuan(b) }, { field: 'benefit' });
  },
});

export const AMOUNT_RULES = [AMT01, AMT02, AMT03, AMT04, AMT05] as const;

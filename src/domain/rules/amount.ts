/** 金额 (AMT-01 … AMT-05): 按标施保、足额补差 — the benefit is standard minus income, topped up in full. */
import type { Rule } from './rule';
import { num } from '../household';
import { yuan } from '../money';

const INCOME = ['monthlyIncome', 'annualIncome'] as const;

/** Income at or above the standard: the household is wrongly covered (错保). */
function overStandard(income: number | undefined, standard: number): boolean {
  return income !== undefined && income >= standard;
}

export const AMT01: Rule = {
  id: 'AMT-01',
  severity: 'error',
  needs: ['benefit', INCOME, 'coveredPersons'],
  messages: ['mismatch'],
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
};

export const AMT02: Rule = {
  id: 'AMT-02',
  severity: 'error',
  needs: [INCOME],
  messages: ['over'],
  check(h, ctx, report) {
    if (!h.active) return;
    const facts = ctx.money(h);
    const income = facts.income;
    if (overStandard(income, facts.standard)) {
      const field = num(h.monthlyIncome) !== undefined ? 'monthlyIncome' : 'annualIncome';
      report('over', { income: yuan(income!), standard: yuan(facts.standard) }, { field });
    }
  },
};

export const AMT03: Rule = {
  id: 'AMT-03',
  severity: 'error',
  needs: ['benefit'],
  messages: ['missing', 'invalid'],
  check(h, ctx, report) {
    if (!h.active) return;
    const facts = ctx.money(h);
    if (overStandard(facts.income, facts.standard)) return; // nothing is owed; AMT-02 reports it
    if (h.benefit === 'invalid')
      return report('invalid', { value: String(h.cells.benefit?.v ?? '') }, { field: 'benefit' });
    const b = num(h.benefit);
    if (b === undefined || b <= 0)
      report('missing', { value: b === undefined ? '空白' : yuan(b) }, { field: 'benefit' });
  },
};

export const AMT04: Rule = {
  id: 'AMT-04',
  severity: 'error',
  needs: [INCOME],
  messages: ['missing', 'invalid'],
  check(h, ctx, report) {
    if (!h.active) return;
    const field = ctx.columns.monthlyIncome ? 'monthlyIncome' : 'annualIncome';
    if (h.monthlyIncome === 'invalid' || h.annualIncome === 'invalid') {
      const bad = h.monthlyIncome === 'invalid' ? 'monthlyIncome' : 'annualIncome';
      return report('invalid', { value: String(h.cells[bad]?.v ?? '') }, { field: bad });
    }
    if (h.monthlyIncome === undefined && h.annualIncome === undefined) report('missing', {}, { field });
  },
};

export const AMT05: Rule = {
  id: 'AMT-05',
  severity: 'error',
  needs: ['status', 'benefit'],
  messages: ['paid'],
  check(h, _ctx, report) {
    const b = num(h.benefit);
    if (h.status === 'stopped' && b !== undefined && b > 0) report('paid', { benefit: yuan(b) }, { field: 'benefit' });
  },
};

export const AMOUNT_RULES = [AMT01, AMT02, AMT03, AMT04, AMT05];

/** Totals for the pane, the report and the 核查汇总 sheet: per village and for the roster. */
import type { Adjustment, CheckSummary, Finding, VillageSummary } from './types';
import type { Household } from './household';
import type { RuleContext } from './context';
import { num } from './household';
import { RULE_INFO } from './messages';

/**
 * The totals, counted as the engine goes: each household once with its findings (in roster
 * order), then the findings that belong to no household, then the adjustments.
 */
/** The counts a village and the whole roster both have, at zero. */
const zeroCounts = () => ({
  households: 0,
  activeHouseholds: 0,
  coveredPersons: 0,
  monthlyTotal: 0,
  errors: 0,
  warnings: 0,
});

export class SummaryTally {
  private readonly villages = new Map<string, VillageSummary>();
  private readonly s: CheckSummary = {
    ...zeroCounts(),
    infos: 0,
    byRule: {},
    byFamily: {},
    villages: [],
    adjustments: {},
    missingBottomLine: [],
  };

  private village(name: string): VillageSummary {
    let v = this.villages.get(name);
    if (!v) {
      v = { village: name, ...zeroCounts(), byRule: {} };
      this.villages.set(name, v);
    }
    return v;
  }

  household(h: Household, findings: readonly Finding[] | undefined): void {
    const s = this.s;
    const v = this.village(h.village);
    v.households++;
    if (h.active) {
      const persons = num(h.coveredPersons) ?? 0;
      const benefit = num(h.benefit) ?? 0;
      v.activeHouseholds++;
      v.coveredPersons += persons;
      v.monthlyTotal += benefit;
      s.activeHouseholds++;
      s.coveredPersons += persons;
      s.monthlyTotal += benefit;
    }
    if (!findings) return;
    for (let i = 0; i < findings.length; i++) {
      const f = findings[i];
      this.finding(f);
      v.byRule[f.rule] = (v.byRule[f.rule] ?? 0) + 1;
      if (f.severity === 'error') v.errors++;
      else if (f.severity === 'warning') v.warnings++;
    }
  }

  /** Counts a finding in the roster's totals (a household's findings come through household()). */
  finding(f: Finding): void {
    const s = this.s;
    const family = RULE_INFO[f.rule].family;
    s.byRule[f.rule] = (s.byRule[f.rule] ?? 0) + 1;
    s.byFamily[family] = (s.byFamily[family] ?? 0) + 1;
    if (f.severity === 'error') s.errors++;
    else if (f.severity === 'warning') s.warnings++;
    else s.infos++;
  }

  finish(households: number, adjustments: Adjustment[], ctx: RuleContext): CheckSummary {
    const s = this.s;
    s.households = households;
    for (const a of adjustments) s.adjustments[a.type] = (s.adjustments[a.type] ?? 0) + 1;
    const round2 = (x: number) => Math.round(x * 100) / 100;
    s.monthlyTotal = round2(s.monthlyTotal);
    s.villages = [...this.villages.values()].map((v) => ({ ...v, monthlyTotal: round2(v.monthlyTotal) }));
    const poor = ctx.lists.poor;
    if (poor) {
      for (const [key, entry] of poor.poor) {
        if (entry.bottomLine && !ctx.ids.has(key))
          s.missingBottomLine.push({ idNumber: key, name: entry.name, village: entry.village });
      }
    }
    return s;
  }
}

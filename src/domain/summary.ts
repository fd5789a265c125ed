/** Totals for the pane, the report and the 核查汇总 sheet: per village and for the roster. */
import type { Adjustment, CheckSummary, Finding, VillageSummary } from './types';
import type { Household } from './household';
import type { RuleContext } from './context';
import { num } from './household';
import { RULE_INFO } from './messages';

export function summarize(
  households: Household[],
  findings: Finding[],
  adjustments: Adjustment[],
  ctx: RuleContext,
): CheckSummary {
  const villages = new Map<string, VillageSummary>();
  const village = (name: string) => {
    let v = villages.get(name);
    if (!v) {
      v = {
        village: name,
        households: 0,
        activeHouseholds: 0,
        coveredPersons: 0,
        monthlyTotal: 0,
        errors: 0,
        warnings: 0,
        byRule: {},
      };
      villages.set(name, v);
    }
    return v;
  };
  const s: CheckSummary = {
    households: households.length,
    activeHouseholds: 0,
    coveredPersons: 0,
    monthlyTotal: 0,
    errors: 0,
    warnings: 0,
    infos: 0,
    byRule: {},
    byFamily: {},
    villages: [],
    adjustments: {},
    missingBottomLine: [],
  };
  for (let i = 0; i < households.length; i++) {
    const h = households[i];
    const v = village(h.village);
    v.households++;
    if (!h.active) continue;
    const persons = num(h.coveredPersons) ?? 0;
    const benefit = num(h.benefit) ?? 0;
    v.activeHouseholds++;
    v.coveredPersons += persons;
    v.monthlyTotal += benefit;
    s.activeHouseholds++;
    s.coveredPersons += persons;
    s.monthlyTotal += benefit;
  }
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    const family = RULE_INFO[f.rule].family;
    s.byRule[f.rule] = (s.byRule[f.rule] ?? 0) + 1;
    s.byFamily[family] = (s.byFamily[family] ?? 0) + 1;
    if (f.severity === 'error') s.errors++;
    else if (f.severity === 'warning') s.warnings++;
    else s.infos++;
    if (f.household === undefined) continue;
    const v = village(households[f.household].village);
    v.byRule[f.rule] = (v.byRule[f.rule] ?? 0) + 1;
    if (f.severity === 'error') v.errors++;
    else if (f.severity === 'warning') v.warnings++;
  }
  for (const a of adjustments) s.adjustments[a.type] = (s.adjustments[a.type] ?? 0) + 1;
  const round2 = (x: number) => Math.round(x * 100) / 100;
  s.monthlyTotal = round2(s.monthlyTotal);
  s.villages = [...villages.values()].map((v) => ({ ...v, monthlyTotal: round2(v.monthlyTotal) }));
  const poor = ctx.lists.poor;
  if (poor) {
    for (const [key, entry] of poor.poor) {
      if (entry.bottomLine && !ctx.ids.has(key))
        s.missingBottomLine.push({ idNumber: key, name: entry.name, village: entry.village });
    }
  }
  return s;
}

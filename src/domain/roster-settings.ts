/**
 * Settings the roster gives itself (#10 point 7): county, township and period from its title row
 * and 填报单位 line, the reference date from its 填报日期. The clerk's settings always win; a
 * county named nowhere stays unknown (never a silent default).
 */
import { withDefaultStandard, type Policy } from './policy';
import type { RosterTitle } from './roster-title';

export function settingsFromRoster(policy: Policy, title: RosterTitle, standardColumn: boolean): Policy {
  const sources = { ...policy.sources };
  const out: Policy = { ...policy, sources };
  if (sources.county === 'unknown' && title.county) {
    out.county = title.county;
    sources.county = 'title';
  }
  if (sources.township === 'unknown' && title.township) {
    out.township = title.township;
    sources.township = 'title';
  }
  if (sources.asOf === 'today' && title.filledOn) {
    out.asOf = title.filledOn;
    sources.asOf = 'filled';
  }
  if (standardColumn) sources.standard = 'column';
  if (title.period) out.period = title.period;
  // The default standard is the Hunan one of the reference date's year, now perhaps the roster's.
  return withDefaultStandard(out);
}

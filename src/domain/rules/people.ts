/** The persons of a household a rule looks at: the head (from the roster) and the other members. */
import type { Household } from '../household';
import type { RuleContext } from '../context';
import type { IdAnalysis } from '../idcard';

export interface Person {
  name: string;
  id: IdAnalysis;
  key: string;
  isHead: boolean;
  /** "户主" or "成员张三" — how messages name the person. */
  who: string;
  /** Member sheet row as "家庭成员!12", undefined for the head. */
  source?: string;
}

// Rules ask for the same household's persons several times in a row: keep the last answer.
let lastHousehold: Household | undefined;
let lastContext: RuleContext | undefined;
let lastPeople: Person[] = [];

export function people(h: Household, ctx: RuleContext): Person[] {
  if (h === lastHousehold && ctx === lastContext) return lastPeople;
  lastHousehold = h;
  lastContext = ctx;
  lastPeople = listPeople(h, ctx);
  return lastPeople;
}

function listPeople(h: Household, ctx: RuleContext): Person[] {
  const list: Person[] = [{ name: h.headName, id: h.id, key: h.key, isHead: true, who: '户主' }];
  for (const m of ctx.members[h.index]) {
    if (m.relation === 'head' || (m.key && m.key === h.key)) continue;
    list.push({
      name: m.name,
      id: m.id,
      key: m.key,
      isHead: false,
      who: `成员${m.name}`,
      source: `${ctx.memberSheet}!${m.row}`,
    });
  }
  return list;
}

/** The persons of a household a rule looks at: the head (from the roster) and the other members. */
import type { Household } from '../household';
import type { RuleContext } from '../context';
import { Person } from './person';

export { Person } from './person';

/**
 * Rules ask for the same household's persons several times in a row: the last answer is kept on
 * the run's context (not in module state, which would keep a whole roster alive after its check).
 */
export function people(h: Household, ctx: RuleContext): Person[] {
  const cached = ctx.lastPeople;
  if (cached && cached.household === h) return cached.persons;
  const persons = listPeople(h, ctx);
  ctx.lastPeople = { household: h, persons };
  return persons;
}

function listPeople(h: Household, ctx: RuleContext): Person[] {
  const list: Person[] = [new Person(h.id, h.key, true, h.headName)];
  const members = ctx.members;
  for (let k = 0, n = members.countOf(h.index); k < n; k++) {
    const m = members.at(h.index, k);
    const key = members.key(m);
    if (members.relation(m) === 'head' || (key && key === h.key)) continue;
    list.push(new Person(members.id(m), key, false, '', members, m));
  }
  return list;
}

/**
 * Where another household's row is, as codes for the shared term `place`: 第12行 on the same roster
 * sheet, or 工作表“丹口村”第12行 on another (a roster kept one sheet per village).
 */
export function rowPlace(other: Household, from: Household): { place: string; row: number; placeSheet?: string } {
  if (other.sheet === from.sheet) return { place: 'row', row: other.row };
  return { place: 'sheetRow', row: other.row, placeSheet: other.sheet };
}

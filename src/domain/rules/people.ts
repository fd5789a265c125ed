/** The persons of a household a rule looks at: the head (from the roster) and the other members. */
import type { Household } from '../household';
import type { MemberTable, RuleContext } from '../context';
import type { IdAnalysis } from '../idcard';

/**
 * A person of the household. A member's name and place (`who`, `source`) are read from the member
 * table only when a rule reports: most persons are never reported.
 */
export class Person {
  constructor(
    readonly id: IdAnalysis,
    readonly key: string,
    readonly isHead: boolean,
    /** The head's name, or '' for a member (read from the table). */
    private readonly headName: string,
    private readonly members?: MemberTable,
    private readonly member = -1,
  ) {}
  get name(): string {
    return this.members ? this.members.name(this.member) : this.headName;
  }
  /** "户主" or "成员张三" — how messages name the person. */
  get who(): string {
    return this.isHead ? '户主' : `成员${this.name}`;
  }
  /** Member sheet row as "家庭成员!12", undefined for the head. */
  get source(): string | undefined {
    return this.members ? `${this.members.sheet?.name}!${this.members.row(this.member)}` : undefined;
  }
}

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

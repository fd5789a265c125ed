/** The persons of a household a rule looks at: the head (from the roster) and the other members. */
import type { Household } from '../household';
import type { RuleContext } from '../context';
import type { IdAnalysis } from '../idcard';

/** A person of the household; `who` and `source` are only built when a rule reports. */
export class Person {
  constructor(
    readonly name: string,
    readonly id: IdAnalysis,
    readonly key: string,
    readonly isHead: boolean,
    private readonly memberSheet?: string,
    private readonly memberRow?: number,
  ) {}
  /** "户主" or "成员张三" — how messages name the person. */
  get who(): string {
    return this.isHead ? '户主' : `成员${this.name}`;
  }
  /** Member sheet row as "家庭成员!12", undefined for the head. */
  get source(): string | undefined {
    return this.isHead ? undefined : `${this.memberSheet}!${this.memberRow}`;
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
  const list: Person[] = [new Person(h.headName, h.id, h.key, true)];
  const members = ctx.members;
  for (let k = 0, n = members.countOf(h.index); k < n; k++) {
    const m = members.at(h.index, k);
    const key = members.key(m);
    if (members.relation(m) === 'head' || (key && key === h.key)) continue;
    list.push(new Person(members.name(m), members.id(m), key, false, ctx.memberSheet, members.row(m)));
  }
  return list;
}

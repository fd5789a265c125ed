/**
 * What rules see besides their own row: the policy, the roster's columns, and the cross-row
 * indices (IDs, members, reference lists), each built once per run in one linear pass.
 */
import type { ListKind, RosterField } from './fields';
import type { ColumnHit } from './columns';
import type { Policy } from './policy';
import type { Household } from './household';
import type { BenefitFacts } from './money';
import type { Person } from './rules/person';
import type { ExternalIdIndex, IdIndex } from './index/ids';
import type { MemberTable } from './index/members';
import type { ListIndex } from './index/lists';

export { IdIndex, headIndex, type IdOccurrence } from './index/ids';
export { MemberTable, MemberReader, addMembers, relationOf, type Relation } from './index/members';
export { buildList, type ListIndex } from './index/lists';

export interface RuleContext {
  policy: Policy;
  asOf: string;
  sheet: string;
  columns: Partial<Record<RosterField, ColumnHit>>;
  households: Household[];
  /** The member sheet's rows by household (none when there is no member sheet). */
  members: MemberTable;
  memberSheet?: string;
  /** Every ID of the roster (heads and members) → where it occurs. */
  ids: IdIndex;
  externalIds?: ExternalIdIndex;
  lists: Partial<Record<ListKind, ListIndex>>;
  /** Fields, '@members' and '@list:KIND' that are available. */
  available: Set<string>;
  /** Covered persons of each household who died on or before the reference date. */
  deceased: (readonly Deceased[])[];
  /** Money facts of a household (expected benefit, after deaths), computed when asked. */
  money: (h: Household) => BenefitFacts;
  /** The persons of the household the rules are looking at (rules/people.ts). */
  lastPeople?: { household: Household; persons: Person[] };
}

export interface Deceased {
  name: string;
  /** The person's ID key ('' when unusable). */
  key: string;
  date?: string;
  /** Where the death is recorded: the roster's 死亡日期, the member sheet, or a death list. */
  via: 'roster' | 'members' | 'list';
  /** That place as the clerk knows it: the sheet or list name. */
  source: string;
  isHead: boolean;
}

/** A person of a household as the rules see it: the head (from the roster) or a member. */
import type { MemberTable } from '../index/members';
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
  /** How messages name the person, as codes: the shared term `who` says "户主" or "成员张三". */
  get who(): { who: 'head' } | { who: 'member'; person: string } {
    return this.isHead ? { who: 'head' } : { who: 'member', person: this.name };
  }
  /** Member sheet row as "家庭成员!12", undefined for the head. */
  get source(): string | undefined {
    return this.members ? `${this.members.sheetName(this.member)}!${this.members.row(this.member)}` : undefined;
  }
}

/**
 * A head's ID edited (边改边查): the ID index and the member sheet's links made as a whole read of
 * the edited roster would make them, changing only what the edit moves.
 *
 * The member sheet links a member to the first household (roster order) whose head has the ID in
 * its 户主身份证号, so a household's members are exactly those linked by its head's ID when it is
 * the first holder of that ID, and none otherwise. An edit from ID `was` to ID `now` can therefore
 * move two groups of members, whole: those linked by `was`, from the edited household to the next
 * holder of `was` (or to the orphans, HH-05, when there is none); and those linked by `now`, from
 * its first holder (or from the orphans) to the edited household, when that one comes first now.
 * The moved members' IDs change household in the ID index; a member with its head's own ID (本人)
 * stays out of it, as in addMembers.
 */
import { firstHead, type IdIndex, type IdMove } from '../index/ids';
import type { MemberTable } from '../index/members';
import { splitIdKeyInto } from '../id-table';

/** What links persons to households: the ID index, the members of each household, the orphans. */
export interface Links {
  ids: IdIndex;
  members: MemberTable;
  /** Members whose 户主身份证号 names no household, in sheet order. */
  orphans: number[];
}

/**
 * The links once household `i`'s head ID is `now` instead of `was` (keys; '' for none), and the
 * households whose members changed. `links` is left as it was.
 */
export function relinkHead(links: Links, i: number, was: string, now: string): { links: Links; regrouped: number[] } {
  const { ids, members } = links;
  let { orphans } = links;
  const moves: IdMove[] = [];
  const groups = new Map<number, readonly number[]>();
  const regrouped: number[] = [];
  const move = (group: readonly number[], headKey: string, from: number, to: number) => {
    for (const m of group) {
      const key = members.key(m);
      if (!key || key === headKey) continue; // not in the index (blank, or the head's own record)
      if (from >= 0) moves.push({ key, household: from, role: 'member', add: false });
      if (to >= 0) moves.push({ key, household: to, role: 'member', add: true });
    }
  };

  if (was) {
    const holders = ids.get(was);
    const group = firstHead(holders) === i ? members.of(i) : [];
    if (group.length > 0) {
      const to = firstHead(holders.filter((o) => !(o.household === i && o.role === 'head')));
      move(group, was, i, to);
      groups.set(i, []);
      regrouped.push(i);
      if (to >= 0) {
        groups.set(to, group);
        regrouped.push(to);
      } else orphans = [...orphans, ...group].sort((a, b) => a - b);
    }
    moves.push({ key: was, household: i, role: 'head', add: false });
  }

  if (now) {
    const from = firstHead(ids.get(now));
    if (from < 0 || i < from) {
      const group = from >= 0 ? members.of(from) : orphans.filter((m) => members.headKey(m) === now);
      if (group.length > 0) {
        move(group, now, from, i);
        groups.set(i, group);
        regrouped.push(i);
        if (from >= 0) {
          groups.set(from, []);
          regrouped.push(from);
        } else {
          const linked = new Set(group);
          orphans = orphans.filter((m) => !linked.has(m));
        }
      }
    }
    moves.push({ key: now, household: i, role: 'head', add: true });
  }

  const heads = ids.headParts.slice();
  heads[i * 2] = -1;
  if (now) splitIdKeyInto(now, heads, i * 2);
  return {
    links: { ids: ids.moved(moves, heads), members: groups.size > 0 ? members.relinked(groups) : members, orphans },
    regrouped,
  };
}

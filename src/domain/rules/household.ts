/** 家庭 (HH-01 … HH-06): the household is the unit — person counts, single-person exceptions, splits. */
import { defineRule } from './rule';
import type { Household } from '../household';
import type { RuleContext } from '../context';
import { num } from '../household';
import { ageOn, parseDisabilityCert } from '../idcard';
import { cellString, docPresent } from '../values';
import { people, rowPlace } from './people';

export const HH01 = defineRule({
  id: 'HH-01',
  family: 'HH',
  severity: 'error',
  title: { zh: '人数关系', en: 'Person counts' },
  needs: ['coveredPersons', 'householdSize'],
  messages: {
    invalid: {
      zh: '{label}“{value}”不是有效人数',
      en: '{label} "{value}" is not a valid number of persons',
    },
    coveredBelowOne: {
      zh: '保障人数为 {covered}，应至少为1',
      en: 'Covered persons {covered}: must be at least 1',
    },
    sizeBelowOne: {
      zh: '家庭人口为 {size}，应至少为1',
      en: 'Household size {size}: must be at least 1',
    },
    coveredAboveSize: {
      zh: '保障人数 {covered} 大于家庭人口 {size}',
      en: 'Covered persons {covered} exceed household size {size}',
    },
  },
  terms: {
    label: {
      coveredPersons: { zh: '保障人数', en: 'Covered persons' },
      householdSize: { zh: '家庭人口', en: 'Household size' },
    },
  },
  check(h, _ctx, report) {
    const { coveredPersons: c, householdSize: s } = h;
    if (c === 'invalid')
      return report(
        'invalid',
        { label: 'coveredPersons', value: cellString(h.cells.coveredPersons) },
        { field: 'coveredPersons' },
      );
    if (s === 'invalid')
      return report(
        'invalid',
        { label: 'householdSize', value: cellString(h.cells.householdSize) },
        { field: 'householdSize' },
      );
    if (c === undefined || s === undefined) return;
    if (s < 1) return report('sizeBelowOne', { size: s }, { field: 'householdSize' });
    if (c < 1 && h.active) return report('coveredBelowOne', { covered: c }, { field: 'coveredPersons' });
    if (c > s) report('coveredAboveSize', { covered: c, size: s }, { field: 'coveredPersons' });
  },
});

/** Which single-person exception (单人保) the 单人保原因 text claims, per the county plan. */
export type SingleException = 'disabledSeparate' | 'religious' | 'disabledDependent';

export function singleException(text: string): SingleException | undefined {
  const severe = text.includes('重度残疾');
  if (severe && text.includes('单独立户') && !text.includes('无法单独立户')) return 'disabledSeparate';
  if (text.includes('宗教')) return 'religious';
  if (severe && (text.includes('供养') || text.includes('无法单独立户'))) return 'disabledDependent';
  return undefined;
}

/** Proof of severe disability: a 残疾证号 of grade 1–2 (row or a member), or a 病残证明. */
export function hasSevereProof(h: Household, ctx: RuleContext): boolean {
  if (docPresent(h.cells.medicalProof)) return true;
  return hasDisabilityCert(h, ctx, true);
}

export function hasDisabilityCert(h: Household, ctx: RuleContext, severeOnly: boolean): boolean {
  const rowCert = certOfRow(h);
  if (rowCert && (!severeOnly || rowCert.severe)) return true;
  const members = ctx.members;
  for (let k = 0, n = members.countOf(h.index); k < n; k++) {
    const cert = members.cert(members.at(h.index, k));
    if (cert !== null && (!severeOnly || cert.severe)) return true;
  }
  return false;
}

function certOfRow(h: Household) {
  const t = cellString(h.cells.disabilityCert);
  return t ? parseDisabilityCert(t) : null;
}

export const HH02 = defineRule({
  id: 'HH-02',
  family: 'HH',
  severity: 'error',
  title: { zh: '不按家庭施保', en: 'Not covered as a household' },
  needs: ['coveredPersons', 'householdSize'],
  messages: {
    partial: {
      zh: '未按家庭整户施保：保障人数 {covered} 少于家庭人口 {size}，单人保原因（{reason}）不符合例外情形',
      en: 'Not covered as a household: {covered} of {size} persons, and the single-person reason ({reason}) is no valid exception',
    },
    exceptionMany: {
      zh: '单人保例外情形下保障人数为 {covered}（家庭人口 {size}），请核实',
      en: 'Single-person exception with {covered} covered persons (household of {size}): please check',
    },
  },
  terms: { reason: { '': { zh: '未填写', en: 'blank' } } },
  check(h, _ctx, report) {
    const c = num(h.coveredPersons);
    const s = num(h.householdSize);
    if (!h.active || c === undefined || s === undefined || c < 1 || c >= s) return;
    const reason = cellString(h.cells.singleReason);
    const exception = singleException(reason);
    if (!exception) {
      report('partial', { covered: c, size: s, reason }, { field: 'coveredPersons' });
    } else if (c > 1) {
      report('exceptionMany', { covered: c, size: s }, { field: 'coveredPersons', severity: 'warning' });
    }
  },
});

const isMinor = (birth: string | null, asOf: string) => birth !== null && ageOn(birth, asOf) < 18;

/**
 * How a person is bound to household `index`, when that bond may never be split (夫妻之间、未成年
 *子女与父母不能拆户保): spouse of the head, minor child, or parent of a minor head.
 */
function bondIn(index: number, key: string, ctx: RuleContext): 'spouse' | 'child' | 'parent' | undefined {
  const h = ctx.households[index];
  if (key === h.key) return undefined;
  const members = ctx.members;
  for (let k = 0, n = members.countOf(index); k < n; k++) {
    const m = members.at(index, k);
    const relation = members.relation(m);
    if (members.key(m) !== key || relation === 'head') continue;
    // The first member with that ID decides, as it is listed.
    if (relation === 'spouse') return 'spouse';
    const id = members.id(m);
    if (relation === 'child' && id.kind === 'id18' && isMinor(id.birth, ctx.asOf)) return 'child';
    if (relation === 'parent' && h.id.kind === 'id18' && isMinor(h.id.birth, ctx.asOf)) return 'parent';
    return undefined;
  }
  return undefined;
}

export const HH03 = defineRule({
  id: 'HH-03',
  family: 'HH',
  severity: 'error',
  title: { zh: '拆户保', en: 'Split household' },
  needs: ['@members'],
  messages: {
    spouse: {
      zh: '拆户保：配偶 {name} 登记在{place}（{otherHead}户）',
      en: 'Split household: spouse {name} is in household {otherHead} ({place})',
    },
    child: {
      zh: '拆户保：未成年子女 {name} 与父母分在{place}（{otherHead}户）',
      en: 'Split household: minor child {name} is apart from a parent, in household {otherHead} ({place})',
    },
    parent: {
      zh: '拆户保：未成年户主的父母 {name} 登记在{place}（{otherHead}户）',
      en: 'Split household: parent {name} of a minor head is in household {otherHead} ({place})',
    },
  },
  check(h, ctx, report) {
    if (!ctx.ids.hasRepeats(h.index)) return; // the common case: no ID of this household is repeated
    let flagged: Set<number> | undefined;
    for (const p of people(h, ctx)) {
      if (!p.key || !ctx.ids.isRepeated(p.key)) continue;
      flagged ??= new Set<number>();
      for (const o of ctx.ids.get(p.key)) {
        if (o.household === h.index || flagged.has(o.household)) continue;
        // The bond may be written on either side: this household's list or the other's.
        const bond = bondIn(h.index, p.key, ctx) ?? bondIn(o.household, p.key, ctx);
        if (!bond) continue;
        flagged.add(o.household);
        const other = ctx.households[o.household];
        report(bond, { name: p.name, ...rowPlace(other, h), otherHead: other.headName }, { source: p.source });
      }
    }
  },
});

export const HH04 = defineRule({
  id: 'HH-04',
  family: 'HH',
  severity: 'warning',
  title: { zh: '未成年户主', en: 'Minor head of household' },
  needs: ['headId'],
  messages: {
    minor: {
      zh: '户主在基准日 {asOf} 未满18周岁（{age}岁）',
      en: 'Head of household is under 18 on {asOf} ({age})',
    },
  },
  check(h, ctx, report) {
    if (h.id.kind !== 'id18' || h.id.birth === null || h.id.birthProblem) return;
    const age = ageOn(h.id.birth, ctx.asOf);
    if (age < 18) report('minor', { age, asOf: ctx.asOf }, { field: 'headId' });
  },
});

export const HH05 = defineRule({
  id: 'HH-05',
  family: 'HH',
  severity: 'error',
  title: { zh: '户主记录', en: 'Head record in member sheet' },
  needs: ['@members'],
  // 'orphan' is reported by the engine on the member sheet (a member whose head is not on the roster).
  messages: {
    noMembers: {
      zh: '“{sheet}”中没有该户的家庭成员',
      en: 'No members of this household in "{sheet}"',
    },
    noHead: {
      zh: '“{sheet}”中该户没有“本人/户主”记录',
      en: 'No 本人/户主 record for this household in "{sheet}"',
    },
    manyHeads: {
      zh: '“{sheet}”中该户有 {count} 条“本人/户主”记录，应只有1条',
      en: '{count} 本人/户主 records for this household in "{sheet}"; there must be one',
    },
    orphan: {
      zh: '家庭成员{name}的户主身份证号在花名册中找不到，请核对',
      en: "Member {name}: the head's ID is not on the roster",
    },
  },
  check(h, ctx, report) {
    const members = ctx.members;
    // Members link by the head's ID: with an unusable ID the ID rules already speak for the row.
    if (!h.key) return;
    const n = members.countOf(h.index);
    if (n === 0) return report('noMembers', { sheet: ctx.memberSheet ?? '' });
    let heads = 0;
    for (let k = 0; k < n; k++) if (members.relation(members.at(h.index, k)) === 'head') heads++;
    if (heads === 0) report('noHead', { sheet: ctx.memberSheet ?? '' });
    else if (heads > 1) report('manyHeads', { count: heads, sheet: ctx.memberSheet ?? '' });
  },
});

export const HH06 = defineRule({
  id: 'HH-06',
  family: 'HH',
  severity: 'warning',
  title: { zh: '成员数不符', en: 'Member count' },
  needs: ['@members', 'householdSize'],
  messages: {
    count: {
      zh: '“{sheet}”中该户有 {members} 名成员，与家庭人口 {size} 不符',
      en: '{members} members in "{sheet}" but household size {size}',
    },
  },
  check(h, ctx, report) {
    const count = ctx.members.countOf(h.index);
    const size = num(h.householdSize);
    if (count === 0 || size === undefined) return;
    if (count !== size)
      report('count', { members: count, size, sheet: ctx.memberSheet ?? '' }, { field: 'householdSize' });
  },
});

export const HOUSEHOLD_RULES = [HH01, HH02, HH03, HH04, HH05, HH06] as const;

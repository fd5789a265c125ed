/** 资格 (ELIG-01 … ELIG-04): 死亡保, 四类人员, 人情保 filing, 兜底 and the poverty register. */
import { defineRule } from './rule';
import type { ListKind, RosterField } from '../fields';
import { people } from './people';
import { assetClaimed, cellString, claimedItems, isYes } from '../values';

export const ELIG01 = defineRule({
  id: 'ELIG-01',
  family: 'ELIG',
  severity: 'error',
  title: { zh: '死亡保', en: 'Deceased still covered' },
  needs: [['deathDate', '@members', '@list:death']],
  messages: {
    deceased: {
      zh: '{who}已死亡（{date}，来源：{source}），仍在保',
      en: '{who} died ({date}, source: {source}) and is still covered',
    },
  },
  terms: { date: { '': { zh: '日期不详', en: 'date unknown' } } },
  check(h, ctx, report) {
    if (!h.active) return;
    for (const d of ctx.deceased[h.index]) {
      report(
        'deceased',
        { ...(d.isHead ? { who: 'head' } : { who: 'member', person: d.name }), date: d.date ?? '', source: d.source },
        {
          field: d.via === 'roster' ? 'deathDate' : undefined,
          source: d.via === 'roster' ? undefined : d.source,
        },
      );
    }
  },
});

/** The four kinds of households to remove (四类人员): column and reference list per kind. */
const FOUR_KINDS: { field: RosterField; list: ListKind }[] = [
  { field: 'payroll', list: 'payroll' },
  { field: 'vehicle', list: 'vehicle' },
  { field: 'housing', list: 'housing' },
  { field: 'business', list: 'business' },
];

export const ELIG02 = defineRule({
  id: 'ELIG-02',
  family: 'ELIG',
  severity: 'error',
  title: { zh: '四类人员', en: 'Four excluded kinds' },
  needs: [
    ['payroll', 'vehicle', 'housing', 'business', '@list:payroll', '@list:vehicle', '@list:housing', '@list:business'],
  ],
  messages: {
    column: {
      zh: '有{kind}（{value}），属“四类人员”，应予清退',
      en: '{kind} ({value}): one of the four excluded kinds',
    },
    list: {
      zh: '{who}在“{list}”中（{kind}），属“四类人员”，应予清退',
      en: '{who} is in "{list}" ({kind}): one of the four excluded kinds',
    },
  },
  terms: {
    kind: {
      payroll: { zh: '财政供养人员', en: 'Public payroll' },
      vehicle: { zh: '机动车辆', en: 'Motor vehicle' },
      housing: { zh: '城镇商品房', en: 'Commercial housing in town' },
      business: { zh: '工商营业执照', en: 'Business licence' },
    },
  },
  check(h, ctx, report) {
    if (!h.active) return;
    const persons = people(h, ctx);
    for (const kind of FOUR_KINDS) {
      const cell = h.cells[kind.field];
      if (kind.field === 'vehicle') {
        // Each vehicle on its own: "摩托车1辆、小轿车1辆" is a car (DECISIONS "Vehicles (#10)").
        const exceptions = ctx.policy.vehicleExceptions;
        const owned = claimedItems(cell).filter((item) => !exceptions.some((w) => item.includes(w)));
        if (owned.length > 0) report('column', { kind: kind.list, value: owned.join('、') }, { field: kind.field });
      } else if (assetClaimed(cell)) {
        report('column', { kind: kind.list, value: cellString(cell) }, { field: kind.field });
      }
      const list = ctx.lists[kind.list];
      if (!list) continue;
      for (const p of persons) {
        if (p.key && list.keys.has(p.key))
          report('list', { kind: kind.list, ...p.who, list: list.source }, { source: list.source });
      }
    }
  },
});

export const ELIG03 = defineRule({
  id: 'ELIG-03',
  family: 'ELIG',
  severity: 'warning',
  title: { zh: '近亲属未备案', en: 'Cadre relative not filed' },
  needs: [['cadreRelative', '@list:relatives']],
  messages: {
    notFiled: {
      zh: '为经办人员或村干部近亲属（{basis}），未备案',
      en: 'Relative of dibao staff or village cadre ({basis}), not filed',
    },
  },
  terms: {
    basis: { column: { zh: '干部近亲属栏', en: 'cadre-relative column' }, list: { zh: '{list}', en: '{list}' } },
  },
  check(h, ctx, report) {
    if (!h.active) return;
    const list = ctx.lists.relatives;
    const inList = list !== undefined && people(h, ctx).some((p) => p.key && list.keys.has(p.key));
    if (!isYes(h.cells.cadreRelative) && !inList) return;
    if (isYes(h.cells.relativeFiled)) return;
    const field = ctx.columns.relativeFiled ? 'relativeFiled' : ctx.columns.cadreRelative ? 'cadreRelative' : undefined;
    report('notFiled', inList ? { basis: 'list', list: list!.source } : { basis: 'column' }, { field });
  },
});

export const ELIG04 = defineRule({
  id: 'ELIG-04',
  family: 'ELIG',
  severity: 'warning',
  title: { zh: '兜底未建档立卡', en: 'Safety-net not in poverty register' },
  needs: ['bottomLine', ['registeredPoor', '@list:poor']],
  messages: {
    notRegistered: {
      zh: '兜底对象未纳入建档立卡（{basis}）',
      en: 'Safety-net household not in the poverty register ({basis})',
    },
  },
  terms: {
    basis: {
      column: { zh: '建档立卡栏', en: 'poverty-register column' },
      columnAndList: { zh: '建档立卡栏 / {list}', en: 'poverty-register column / {list}' },
    },
  },
  check(h, ctx, report) {
    if (!h.active || !isYes(h.cells.bottomLine)) return;
    const poor = ctx.lists.poor;
    const inColumn = ctx.columns.registeredPoor ? isYes(h.cells.registeredPoor) : undefined;
    const inList = poor ? people(h, ctx).some((p) => p.key && poor.keys.has(p.key)) : undefined;
    // Registered when either source says so; not registered when the sources given all say no.
    if (inColumn === true || inList === true) return;
    report('notRegistered', poor ? { basis: 'columnAndList', list: poor.source } : { basis: 'column' }, {
      field: ctx.columns.registeredPoor ? 'registeredPoor' : 'bottomLine',
    });
  },
});

export const ELIGIBILITY_RULES = [ELIG01, ELIG02, ELIG03, ELIG04] as const;

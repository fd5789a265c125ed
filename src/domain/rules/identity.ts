/** 身份 (ID-01 … ID-08): GB 11643 ID numbers of heads and members. */
import { defineRule } from './rule';
import { people, rowPlace } from './people';

const onIdCell = (isHead: boolean) => (isHead ? ({ field: 'headId' } as const) : {});

export const ID01 = defineRule({
  id: 'ID-01',
  family: 'ID',
  severity: 'error',
  title: { zh: '身份证号格式', en: 'ID number format' },
  needs: ['headId'],
  messages: {
    blank: {
      zh: '{who}身份证号码未填写',
      en: '{who}: ID number missing',
    },
    format: {
      zh: '{who}身份证号码格式不对（{value}），应为17位数字加1位数字或X',
      en: '{who}: ID number "{value}" is not 17 digits plus a digit or X',
    },
  },
  check(h, ctx, report) {
    for (const p of people(h, ctx)) {
      if (p.id.kind === 'blank') report('blank', { ...p.who }, { ...onIdCell(p.isHead), source: p.source });
      else if (p.id.kind === 'bad-format') {
        report('format', { ...p.who, value: p.id.text }, { ...onIdCell(p.isHead), source: p.source });
      }
    }
  },
});

export const ID02 = defineRule({
  id: 'ID-02',
  family: 'ID',
  severity: 'error',
  title: { zh: '身份证校验码', en: 'ID check digit' },
  needs: ['headId'],
  messages: {
    checkDigit: {
      zh: '{who}身份证校验码错误（应为 {expected}，实为 {actual}）',
      en: '{who}: ID check digit should be {expected}, is {actual}',
    },
  },
  check(h, ctx, report) {
    for (const p of people(h, ctx)) {
      if (p.id.kind === 'id18' && !p.id.checkOk) {
        report(
          'checkDigit',
          { ...p.who, expected: p.id.expectedCheck, actual: p.id.actualCheck },
          { ...onIdCell(p.isHead), source: p.source },
        );
      }
    }
  },
});

export const ID03 = defineRule({
  id: 'ID-03',
  family: 'ID',
  severity: 'error',
  title: { zh: '出生日期', en: 'Birth date in ID' },
  needs: ['headId'],
  messages: {
    invalid: {
      zh: '{who}身份证中的出生日期 {birth} 不是有效日期',
      en: '{who}: birth date {birth} in the ID is not a real date',
    },
    future: {
      zh: '{who}身份证中的出生日期 {birth} 晚于基准日 {asOf}',
      en: '{who}: birth date {birth} in the ID is after the reference date {asOf}',
    },
    before1900: {
      zh: '{who}身份证中的出生日期 {birth} 早于1900年',
      en: '{who}: birth date {birth} in the ID is before 1900',
    },
  },
  check(h, ctx, report) {
    for (const p of people(h, ctx)) {
      if (p.id.kind === 'id18' && p.id.birthProblem) {
        report(
          p.id.birthProblem,
          { ...p.who, birth: p.id.id.slice(6, 14), asOf: ctx.asOf },
          { ...onIdCell(p.isHead), source: p.source },
        );
      }
    }
  },
});

export const ID04 = defineRule({
  id: 'ID-04',
  family: 'ID',
  severity: 'error',
  title: { zh: '身份证精度丢失', en: 'ID stored as a number' },
  needs: ['headId'],
  messages: {
    number: {
      zh: '{who}身份证号码被存成了数字（{value}），后几位已丢失，请按原件以文本重新录入',
      en: '{who}: ID stored as a number ({value}); its last digits are lost — re-enter it as text',
    },
  },
  check(h, ctx, report) {
    for (const p of people(h, ctx)) {
      if (p.id.kind === 'number')
        report('number', { ...p.who, value: p.id.raw }, { ...onIdCell(p.isHead), source: p.source });
    }
  },
});

const MALE = /^(男|m|male)$/i;
const FEMALE = /^(女|f|female)$/i;

export const ID05 = defineRule({
  id: 'ID-05',
  family: 'ID',
  severity: 'warning',
  title: { zh: '性别不符', en: 'Sex does not match ID' },
  needs: ['headId', 'gender'],
  messages: {
    mismatch: {
      zh: '性别填“{gender}”，与身份证号码（{idSex}）不符',
      en: 'Sex "{gender}" does not match the ID ({idSex})',
    },
  },
  check(h, _ctx, report) {
    if (h.id.kind !== 'id18') return;
    const g = String(h.cells.gender?.v ?? '').trim();
    const written = MALE.test(g) ? 'male' : FEMALE.test(g) ? 'female' : undefined;
    if (written && written !== h.id.sex) {
      report('mismatch', { gender: g, idSex: h.id.sex }, { field: 'gender' });
    }
  },
});

export const ID06 = defineRule({
  id: 'ID-06',
  family: 'ID',
  severity: 'error',
  title: { zh: '身份证重复', en: 'Duplicate ID' },
  needs: ['headId'],
  messages: {
    duplicate: {
      zh: '{who}身份证号码与{place}（{name}户，{role}）重复',
      en: '{who}: ID also on {place} (household {name}, {role})',
    },
    external: {
      zh: '{who}身份证号码在“{file}”第{row}行（{name}户）也有登记',
      en: '{who}: ID also in "{file}" row {row} (household {name})',
    },
  },
  check(h, ctx, report) {
    // The common case, no ID of the household repeated on this roster or in other files: no lookups.
    if (!ctx.externalIds && !ctx.ids.hasRepeats(h.index)) return;
    for (const p of people(h, ctx)) {
      if (!p.key) continue;
      const external = ctx.externalIds?.get(p.key);
      if (!ctx.ids.isRepeated(p.key) && !external) continue; // the common case: a unique ID
      const opts = { ...onIdCell(p.isHead), source: p.source };
      for (const o of ctx.ids.get(p.key)) {
        if (o.household === h.index) continue;
        const other = ctx.households[o.household];
        report(
          'duplicate',
          {
            ...p.who,
            ...rowPlace(other, h),
            name: other.headName,
            role: o.role,
          },
          opts,
        );
      }
      for (const e of external ?? []) {
        report('external', { ...p.who, file: e.file, row: e.row, name: e.name }, opts);
      }
    }
  },
});

export const ID07 = defineRule({
  id: 'ID-07',
  family: 'ID',
  severity: 'info',
  title: { zh: '行政区划', en: 'Area code' },
  needs: ['headId', '@policy:areaCode'],
  messages: {
    area: {
      zh: '身份证号码行政区划为 {area}，不是本地代码 {expected}',
      en: 'ID area code {area} is not the local code {expected}',
    },
  },
  check(h, ctx, report) {
    const code = ctx.policy.areaCode;
    if (!code || !h.key || h.key.startsWith(code)) return;
    report('area', { area: h.key.slice(0, 6), expected: code }, { field: 'headId' });
  },
});

export const ID08 = defineRule({
  id: 'ID-08',
  family: 'ID',
  severity: 'info',
  title: { zh: '15位旧号', en: 'Old 15-digit ID' },
  needs: ['headId'],
  messages: {
    old15: {
      zh: '{who}为15位旧身份证号 {value}，建议换为18位：{suggested}',
      en: '{who}: old 15-digit ID {value}; 18-digit form: {suggested}',
    },
  },
  terms: {
    suggested: { '': { zh: '（出生日期无效，无法换算）', en: '(its birth date is invalid: no 18-digit form)' } },
  },
  check(h, ctx, report) {
    for (const p of people(h, ctx)) {
      if (p.id.kind === 'old15') {
        report(
          'old15',
          { ...p.who, value: p.id.id, suggested: p.id.suggested ?? '' },
          { ...onIdCell(p.isHead), source: p.source },
        );
      }
    }
  },
});

export const IDENTITY_RULES = [ID01, ID02, ID03, ID04, ID05, ID06, ID07, ID08] as const;

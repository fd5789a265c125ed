/** 身份 (ID-01 … ID-08): GB 11643 ID numbers of heads and members. */
import type { Rule } from './rule';
import { people, rowPlace } from './people';

const onIdCell = (isHead: boolean) => (isHead ? ({ field: 'headId' } as const) : {});

export const ID01: Rule = {
  id: 'ID-01',
  severity: 'error',
  needs: ['headId'],
  messages: ['blank', 'format'],
  check(h, ctx, report) {
    for (const p of people(h, ctx)) {
      if (p.id.kind === 'blank') report('blank', { who: p.who }, { ...onIdCell(p.isHead), source: p.source });
      else if (p.id.kind === 'bad-format') {
        report('format', { who: p.who, value: p.id.text }, { ...onIdCell(p.isHead), source: p.source });
      }
    }
  },
};

export const ID02: Rule = {
  id: 'ID-02',
  severity: 'error',
  needs: ['headId'],
  messages: ['checkDigit'],
  check(h, ctx, report) {
    for (const p of people(h, ctx)) {
      if (p.id.kind === 'id18' && !p.id.checkOk) {
        report(
          'checkDigit',
          { who: p.who, expected: p.id.expectedCheck, actual: p.id.actualCheck },
          { ...onIdCell(p.isHead), source: p.source },
        );
      }
    }
  },
};

export const ID03: Rule = {
  id: 'ID-03',
  severity: 'error',
  needs: ['headId'],
  messages: ['invalid', 'future', 'before1900'],
  check(h, ctx, report) {
    for (const p of people(h, ctx)) {
      if (p.id.kind === 'id18' && p.id.birthProblem) {
        report(
          p.id.birthProblem,
          { who: p.who, birth: p.id.id.slice(6, 14), asOf: ctx.asOf },
          { ...onIdCell(p.isHead), source: p.source },
        );
      }
    }
  },
};

export const ID04: Rule = {
  id: 'ID-04',
  severity: 'error',
  needs: ['headId'],
  messages: ['number'],
  check(h, ctx, report) {
    for (const p of people(h, ctx)) {
      if (p.id.kind === 'number')
        report('number', { who: p.who, value: p.id.raw }, { ...onIdCell(p.isHead), source: p.source });
    }
  },
};

const MALE = /^(男|m|male)$/i;
const FEMALE = /^(女|f|female)$/i;

export const ID05: Rule = {
  id: 'ID-05',
  severity: 'warning',
  needs: ['headId', 'gender'],
  messages: ['mismatch'],
  check(h, _ctx, report) {
    if (h.id.kind !== 'id18') return;
    const g = String(h.cells.gender?.v ?? '').trim();
    const written = MALE.test(g) ? 'male' : FEMALE.test(g) ? 'female' : undefined;
    if (written && written !== h.id.sex) {
      report('mismatch', { gender: g, idSex: h.id.sex === 'male' ? '男' : '女' }, { field: 'gender' });
    }
  },
};

export const ID06: Rule = {
  id: 'ID-06',
  severity: 'error',
  needs: ['headId'],
  messages: ['duplicate', 'external'],
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
            who: p.who,
            row: other.row,
            ...rowPlace(other, h),
            name: other.headName,
            role: o.role === 'head' ? '户主' : '成员',
          },
          opts,
        );
      }
      for (const e of external ?? []) {
        report('external', { who: p.who, file: e.file, row: e.row, name: e.name }, opts);
      }
    }
  },
};

export const ID07: Rule = {
  id: 'ID-07',
  severity: 'info',
  needs: ['headId', '@policy:areaCode'],
  messages: ['area'],
  check(h, ctx, report) {
    const code = ctx.policy.areaCode;
    if (!code || !h.key || h.key.startsWith(code)) return;
    report('area', { area: h.key.slice(0, 6), expected: code }, { field: 'headId' });
  },
};

export const ID08: Rule = {
  id: 'ID-08',
  severity: 'info',
  needs: ['headId'],
  messages: ['old15'],
  check(h, ctx, report) {
    for (const p of people(h, ctx)) {
      if (p.id.kind === 'old15') {
        report(
          'old15',
          { who: p.who, value: p.id.id, suggested: p.id.suggested ?? '（出生日期无效，无法换算）' },
          { ...onIdCell(p.isHead), source: p.source },
        );
      }
    }
  },
};

export const IDENTITY_RULES = [ID01, ID02, ID03, ID04, ID05, ID06, ID07, ID08];

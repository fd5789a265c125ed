/** 材料 (DOC-01 … DOC-06): the paperwork of each household's file. A blank paperwork cell means missing. */
import { defineRule, type Rule } from './rule';
import type { RosterField } from '../fields';
import { cellString, docPresent } from '../values';
import { hasDisabilityCert, hasSevereProof, singleException } from './household';

/** A document with an optional signature column: missing form, or form without signature. */
function formAndSignature(form: RosterField, signed: RosterField): Rule['check'] {
  return (h, ctx, report) => {
    if (!h.active) return;
    const hasForm = ctx.columns[form] !== undefined;
    if (hasForm && !docPresent(h.cells[form])) return report('missing', {}, { field: form });
    if (ctx.columns[signed] !== undefined && !docPresent(h.cells[signed])) report('unsigned', {}, { field: signed });
  };
}

function single(field: RosterField): Rule['check'] {
  return (h, _ctx, report) => {
    if (h.active && !docPresent(h.cells[field])) report('missing', {}, { field });
  };
}

export const DOC01 = defineRule({
  id: 'DOC-01',
  family: 'DOC',
  severity: 'error',
  title: { zh: '入户调查', en: 'Home-visit form' },
  needs: [['visitForm', 'visitSigned']],
  messages: {
    missing: {
      zh: '缺入户调查表',
      en: 'Home-visit form missing',
    },
    unsigned: {
      zh: '入户调查表未签字',
      en: 'Home-visit form not signed',
    },
  },
  check: formAndSignature('visitForm', 'visitSigned'),
});

export const DOC02 = defineRule({
  id: 'DOC-02',
  family: 'DOC',
  severity: 'error',
  title: { zh: '授权委托书', en: 'Authorization letter' },
  needs: [['authorization', 'authorizationSigned']],
  messages: {
    missing: {
      zh: '缺授权委托书',
      en: 'Authorization letter missing',
    },
    unsigned: {
      zh: '授权委托书缺直系亲属签字',
      en: 'Authorization letter not signed by lineal relatives',
    },
  },
  check: formAndSignature('authorization', 'authorizationSigned'),
});

export const DOC03 = defineRule({
  id: 'DOC-03',
  family: 'DOC',
  severity: 'error',
  title: { zh: '身份证复印件', en: 'ID copies' },
  needs: ['idCopies'],
  messages: {
    missing: {
      zh: '缺直系亲属身份证复印件',
      en: 'ID copies missing',
    },
  },
  check: single('idCopies'),
});

export const DOC04 = defineRule({
  id: 'DOC-04',
  family: 'DOC',
  severity: 'error',
  title: { zh: '申报表', en: 'Income declaration' },
  needs: ['declaration'],
  messages: {
    missing: {
      zh: '缺家庭经济状况申报表',
      en: 'Income and asset declaration missing',
    },
  },
  check: single('declaration'),
});

export const DOC05 = defineRule({
  id: 'DOC-05',
  family: 'DOC',
  severity: 'error',
  title: { zh: '病残证明', en: 'Illness/disability proof' },
  needs: [
    ['hardshipCause', 'singleReason'],
    ['medicalProof', 'disabilityCert', '@members'],
  ],
  messages: {
    illness: {
      zh: '致贫原因为“{cause}”，缺病残证明或残疾证号',
      en: 'Cause "{cause}" without illness/disability proof or disability certificate',
    },
    severe: {
      zh: '以重度残疾申请单人保，缺重度残疾证明（一、二级残疾证或病残证明）',
      en: 'Single-person exception for severe disability without proof (grade 1–2 certificate or medical proof)',
    },
  },
  check(h, ctx, report) {
    if (!h.active) return;
    const exception = singleException(cellString(h.cells.singleReason));
    if ((exception === 'disabledSeparate' || exception === 'disabledDependent') && !hasSevereProof(h, ctx)) {
      return report('severe', {}, { field: ctx.columns.medicalProof ? 'medicalProof' : 'singleReason' });
    }
    const cause = cellString(h.cells.hardshipCause);
    if (!/[病残]/.test(cause)) return;
    if (docPresent(h.cells.medicalProof) || hasDisabilityCert(h, ctx, false)) return;
    report('illness', { cause }, { field: ctx.columns.medicalProof ? 'medicalProof' : 'hardshipCause' });
  },
});

export const DOC06 = defineRule({
  id: 'DOC-06',
  family: 'DOC',
  severity: 'warning',
  title: { zh: '申请书', en: 'Application' },
  needs: ['application'],
  messages: {
    missing: {
      zh: '缺申请书',
      en: 'Application missing',
    },
  },
  check: single('application'),
});

export const DOCUMENT_RULES = [DOC01, DOC02, DOC03, DOC04, DOC05, DOC06] as const;

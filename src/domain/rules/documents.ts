/** 材料 (DOC-01 … DOC-06): the paperwork of each household's file. A blank paperwork cell means missing. */
import type { Rule } from './rule';
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

export const DOC01: Rule = {
  id: 'DOC-01',
  severity: 'error',
  needs: [['visitForm', 'visitSigned']],
  messages: ['missing', 'unsigned'],
  check: formAndSignature('visitForm', 'visitSigned'),
};

export const DOC02: Rule = {
  id: 'DOC-02',
  severity: 'error',
  needs: [['authorization', 'authorizationSigned']],
  messages: ['missing', 'unsigned'],
  check: formAndSignature('authorization', 'authorizationSigned'),
};

export const DOC03: Rule = {
  id: 'DOC-03',
  severity: 'error',
  needs: ['idCopies'],
  messages: ['missing'],
  check: single('idCopies'),
};

export const DOC04: Rule = {
  id: 'DOC-04',
  severity: 'error',
  needs: ['declaration'],
  messages: ['missing'],
  check: single('declaration'),
};

export const DOC05: Rule = {
  id: 'DOC-05',
  severity: 'error',
  needs: [
    ['hardshipCause', 'singleReason'],
    ['medicalProof', 'disabilityCert', '@members'],
  ],
  messages: ['illness', 'severe'],
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
};

export const DOC06: Rule = {
  id: 'DOC-06',
  severity: 'warning',
  needs: ['application'],
  messages: ['missing'],
  check: single('application'),
};

export const DOCUMENT_RULES = [DOC01, DOC02, DOC03, DOC04, DOC05, DOC06];

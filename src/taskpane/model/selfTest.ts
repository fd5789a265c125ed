/** The self-test's report (自检) as the message bar's two lines. */
import type { CapabilityId, SelfTestReport } from '../../workbook/self-test';
import type { Bilingual } from '../../domain/rules/meta';

const NAMES: Record<CapabilityId, { zh: string; en: string }> = {
  write: { zh: '写入工作表', en: 'write a sheet' },
  read: { zh: '读回数据', en: 'read it back' },
  check: { zh: '核查', en: 'check' },
  mark: { zh: '标注', en: 'mark' },
  notes: { zh: '批注', en: 'notes' },
  clear: { zh: '清除标注', en: 'clear marks' },
  unchanged: { zh: '数据不变', en: 'values unchanged' },
  generate: { zh: '生成工作表', en: 'generate a sheet' },
  cleanup: { zh: '删除临时表', en: 'clean up' },
};

export function selfTestText(r: SelfTestReport): Bilingual {
  const failed = r.capabilities.filter((c) => !c.ok);
  const passed = r.capabilities.length - failed.length;
  const host = `${r.host} ${r.version}`.trim();
  const zh =
    `自检（${host}）：${passed}/${r.capabilities.length} 项通过` +
    (failed.length ? `；未通过：${failed.map((c) => NAMES[c.id].zh).join('、')}` : '，可以正常使用');
  const en =
    `Self-test (${host}): ${passed}/${r.capabilities.length} passed` +
    (failed.length
      ? `; failed: ${failed.map((c) => `${NAMES[c.id].en}${c.detail ? ` (${c.detail})` : ''}`).join('; ')}`
      : '.');
  return { zh, en };
}

import { lastCommandNotice } from '../../src/taskpane/model/lastCommand';
import { readLastCommand, LAST_COMMAND_KEY } from '../../src/workbook/settings';

const settingsWith = (value: unknown) => ({ get: (k: string) => (k === LAST_COMMAND_KEY ? value : undefined) });

describe('the last ribbon command, shown when the pane opens', () => {
  test('a failure of 一键标注 is shown as an error with its time', () => {
    const last = readLastCommand(
      settingsWith({ ok: false, zh: '未找到花名册表头', en: 'Roster header not found', at: '2018-01-15T08:05:00Z' }),
    );
    const notice = lastCommandNotice(last)!;
    expect(notice.ok).toBe(false);
    expect(notice.zh).toMatch(/^上次功能区操作（1月15日 \d\d:05）：未找到花名册表头$/);
    expect(notice.en).toContain('Roster header not found');
  });
  test('a success is shown as such; nothing stored or something unreadable shows nothing', () => {
    expect(
      lastCommandNotice(
        readLastCommand(settingsWith({ ok: true, zh: '已标注', en: 'marked', at: '2018-01-15T08:05:00Z' })),
      )?.ok,
    ).toBe(true);
    expect(lastCommandNotice(readLastCommand(settingsWith(undefined)))).toBeUndefined();
    expect(lastCommandNotice(readLastCommand(settingsWith({ ok: 'yes' })))).toBeUndefined();
  });
});

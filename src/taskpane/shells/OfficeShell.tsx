/**
 * Inside Excel: the pane over the live workbook through the Office host. It checks as it opens;
 * clicking a finding activates its sheet and selects its cell, which also scrolls Excel to it; the
 * host also watches the clerk's edits (边改边查).
 */
import { useMemo } from 'react';
import { OfficeHost } from '../../workbook/office/office';
import { runSelfTest } from '../../workbook/self-test';
import { OfficeSelfTestHost } from '../../workbook/office/self-test-office';
import { hostActions } from './hostActions';
import { App, type SettingsStore } from '../App';
import type { Lang } from '../i18n';
import { readLastCommand } from '../../workbook/settings';
import { lastCommandNotice } from '../model/lastCommand';

export function OfficeShell(props: { settings: SettingsStore; initialLang?: Lang }) {
  const actions = useMemo(() => {
    const host = new OfficeHost();
    return { ...hostActions(host), live: host, selfTest: () => runSelfTest(new OfficeSelfTestHost()) };
  }, []);
  const notice = useMemo(() => lastCommandNotice(readLastCommand(Office.context.document.settings)), []);
  // The workbook is already open: the pane checks as it opens (核查面板 is the only click).
  return (
    <App
      actions={actions}
      settings={props.settings}
      initialLang={props.initialLang}
      initialNotice={notice}
      checkOnOpen
    />
  );
}

/**
 * The task pane inside WPS 表格 (taskpane.html, opened by Application.CreateTaskPane): the same
 * React pane as in Excel, with its actions over the WPS host. Without WPS's Application (the page
 * opened in a plain browser) it says so instead of failing.
 */
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../taskpane/App';
import { settingsStore } from '../taskpane/shells/settingsStore';
import { wpsSettingsBackend } from '../workbook/wps/wps-settings';
import { paneActions, wpsApplication } from './actions';

const CJK_FONTS = `'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif`;

function main(): void {
  const container = document.getElementById('root');
  if (!container) return;
  const app = wpsApplication();
  if (!app) {
    container.textContent = '请在 WPS 表格中打开本页（Open this page from WPS Spreadsheets）';
    return;
  }
  createRoot(container).render(
    <FluentProvider theme={{ ...webLightTheme, fontFamilyBase: CJK_FONTS }} style={{ minHeight: '100vh' }}>
      <App actions={paneActions(app)} settings={settingsStore(wpsSettingsBackend(app))} initialLang="zh" checkOnOpen />
    </FluentProvider>,
  );
}

main();

/**
 * Entry of taskpane.html and index.html: decide where we are (bootstrap.ts: inside Excel, or the
 * standalone page), then render the pane inside Fluent UI with Office's light or dark theme.
 * Each shell is its own chunk: inside Excel the pane never downloads ExcelJS (~1 MB), which
 * only the standalone page needs.
 */
import { createRoot } from 'react-dom/client';
import { FluentProvider, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import { detectEnvironment } from './bootstrap';
import { settingsStore } from './shells/settingsStore';

/** Fluent's Segoe UI stack, with the Chinese UI fonts of Windows, macOS and Linux after it. */
const CJK_FONTS = `'Segoe UI', 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif`;

function withChineseFonts(theme: Theme): Theme {
  return { ...theme, fontFamilyBase: CJK_FONTS };
}

async function main(): Promise<void> {
  const env = await detectEnvironment();
  const container = document.getElementById('root');
  if (!container) return;
  const theme = withChineseFonts(env.kind === 'office' && env.dark ? webDarkTheme : webLightTheme);
  const lang = env.kind === 'office' && !env.chinese ? 'en' : 'zh';
  // Dynamic import() is an ES import even in this CommonJS project, hence the ".js" (TypeScript
  // maps it to the .tsx file; webpack's resolve.extensionAlias does the same).
  const Shell =
    env.kind === 'office'
      ? (await import(/* webpackChunkName: "office" */ './shells/OfficeShell.js')).OfficeShell
      : (await import(/* webpackChunkName: "standalone" */ './shells/StandaloneShell.js')).StandaloneShell;
  createRoot(container).render(
    <FluentProvider theme={theme} style={{ minHeight: '100vh' }}>
      <Shell settings={settingsStore()} initialLang={lang} />
    </FluentProvider>,
  );
}

void main();

/**
 * @jest-environment jsdom
 */
import { detectEnvironment, isDarkColor } from '../../src/taskpane/bootstrap';

type OfficeLike = {
  onReady: () => Promise<{ host: string | null }>;
  context?: { officeTheme?: { bodyBackgroundColor: string }; displayLanguage?: string };
};
const g = globalThis as unknown as { Office?: OfficeLike };

afterEach(() => {
  delete g.Office;
  delete document.documentElement.dataset.mode;
  document.head.innerHTML = '';
});

describe('where the pane runs', () => {
  it('the standalone page says so itself and loads no office.js', async () => {
    document.documentElement.dataset.mode = 'standalone';
    expect(await detectEnvironment(50)).toEqual({ kind: 'standalone' });
    expect(document.head.querySelector('script')).toBeNull();
  });

  it('without office.js (offline) tries the local copy once, then gives up in time', async () => {
    const cdn = document.createElement('script');
    cdn.src = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
    document.head.appendChild(cdn);
    const started = Date.now();
    expect(await detectEnvironment(50)).toEqual({ kind: 'standalone' });
    expect(Date.now() - started).toBeLessThan(1000);
    // Only the local copy is left, so office.js looks for its helper files next to itself.
    const scripts = [...document.head.querySelectorAll('script')].map((s) => s.getAttribute('src'));
    expect(scripts).toEqual(['office/office.js']);
  });

  it('a plain browser (onReady without a host) is standalone', async () => {
    g.Office = { onReady: async () => ({ host: null }) };
    expect(await detectEnvironment(50)).toEqual({ kind: 'standalone' });
  });

  it('never waits forever for onReady', async () => {
    g.Office = { onReady: () => new Promise(() => undefined) };
    expect(await detectEnvironment(50)).toEqual({ kind: 'standalone' });
  });

  it('inside Excel follows the Office theme and language', async () => {
    g.Office = {
      onReady: async () => ({ host: 'Excel' }),
      context: { officeTheme: { bodyBackgroundColor: '#262626' }, displayLanguage: 'en-US' },
    };
    expect(await detectEnvironment(50)).toEqual({ kind: 'office', dark: true, chinese: false });
    g.Office.context = { officeTheme: { bodyBackgroundColor: '#ffffff' }, displayLanguage: 'zh-CN' };
    expect(await detectEnvironment(50)).toEqual({ kind: 'office', dark: false, chinese: true });
  });

  it('tells dark from light backgrounds', () => {
    expect(isDarkColor('#000000')).toBe(true);
    expect(isDarkColor('#FFFFFF')).toBe(false);
    expect(isDarkColor(undefined)).toBe(false);
  });
});

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

  it('opened by Office on a slow link: waits longer than 3 s for onReady instead of showing the standalone page', async () => {
    window.history.replaceState(null, '', '/taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0');
    g.Office = { onReady: () => new Promise((resolve) => setTimeout(() => resolve({ host: 'Excel' }), 200)) };
    try {
      expect(await detectEnvironment(50, 2000)).toMatchObject({ kind: 'office' });
    } finally {
      window.history.replaceState(null, '', '/');
    }
    // The same slow answer in a plain browser tab is not waited for.
    expect(await detectEnvironment(50, 2000)).toEqual({ kind: 'standalone' });
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

/**
 * Inside Excel or not? The page decides within a few seconds and never waits forever:
 * - taskpane.html loads office.js from Microsoft's CDN (the supported way inside Excel). If that
 *   failed (offline township office), the local copy shipped in dist/office/ is tried once.
 * - Office.onReady must then report a host: within ~3 s in a plain browser, where it answers at
 *   once with no host; but within a minute when the page is plainly inside Office (Office adds
 *   `_host_Info` to the add-in's address; Excel on the web shows it in a frame), where a slow
 *   township link can take longer than 3 s and the pane must not fall back to the standalone
 *   page inside Excel. No host, no office.js, or no answer → the standalone page over a file.
 * - index.html (the standalone page) says so itself and skips all of this.
 */

export interface OfficeEnvironment {
  kind: 'office';
  dark: boolean;
  /** Office's UI language starts with "zh" (or is unknown). */
  chinese: boolean;
}
export interface StandaloneEnvironment {
  kind: 'standalone';
}
export type Environment = OfficeEnvironment | StandaloneEnvironment;

export const READY_TIMEOUT_MS = 3000;
/** How long Office.onReady may take when the page is known to be inside Office. */
export const INSIDE_OFFICE_READY_TIMEOUT_MS = 60_000;
/** Where the build puts the local office.js (see webpack.config.js). */
export const LOCAL_OFFICE_JS = 'office/office.js';

function officeGlobal(): typeof Office | undefined {
  return typeof Office === 'undefined' ? undefined : Office;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | 'timeout'> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve('timeout'), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = () => resolve();
    s.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.appendChild(s);
  });
}

/** Office's theme is dark when its body background is dark (Office.context.officeTheme). */
export function isDarkColor(hex: string | undefined): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

/** Signs that Office opened this page: the `_host_Info` parameter Office adds, or a frame (the web). */
export function openedByOffice(): boolean {
  if (/[?&]_host_Info=/i.test(window.location.search)) return true;
  try {
    return window.self !== window.top;
  } catch {
    // A cross-origin parent (Excel on the web) cannot even be compared.
    return true;
  }
}

export async function detectEnvironment(
  timeoutMs = READY_TIMEOUT_MS,
  insideTimeoutMs = INSIDE_OFFICE_READY_TIMEOUT_MS,
): Promise<Environment> {
  if (document.documentElement.dataset.mode === 'standalone') return { kind: 'standalone' };
  if (openedByOffice()) timeoutMs = Math.max(timeoutMs, insideTimeoutMs);
  try {
    if (!officeGlobal()) {
      // office.js finds its own folder from the first office.js <script> on the page; drop the
      // CDN tag that failed, or the local copy would fetch its helper files from the CDN again.
      document.querySelectorAll('script[src$="/office.js"]').forEach((s) => s.remove());
      const loaded = await withTimeout(loadScript(LOCAL_OFFICE_JS), timeoutMs);
      if (loaded === 'timeout') return { kind: 'standalone' };
    }
    const office = officeGlobal();
    if (!office) return { kind: 'standalone' };
    const info = await withTimeout(office.onReady(), timeoutMs);
    if (info === 'timeout' || !info.host) return { kind: 'standalone' };
    const ctx = office.context;
    return {
      kind: 'office',
      dark: isDarkColor(ctx?.officeTheme?.bodyBackgroundColor),
      chinese: !ctx?.displayLanguage || ctx.displayLanguage.toLowerCase().startsWith('zh'),
    };
  } catch {
    return { kind: 'standalone' };
  }
}

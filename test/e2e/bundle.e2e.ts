/**
 * Rosters never leave the machine: the built add-in loads code only from its own folder and from
 * Microsoft's office.js CDN, makes no network request of its own, and every page carries a
 * Content-Security-Policy that allows nothing else.
 *
 * Reads dist/ as `npm run build` leaves it. Without dist/ the test fails (it is never skipped):
 * run it after the build, as `npm run test:e2e` does.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIST = join(__dirname, '../../dist');
const OFFICE_CDN = 'https://appsforoffice.microsoft.com';

/**
 * Absolute URLs that appear in the bundled libraries as plain strings — XML namespaces of the
 * .xlsx format, links in error messages and licence headers — never as an address to load.
 * A new origin here fails the test until someone has looked at where it is used.
 */
const STRING_ONLY_ORIGINS: Record<string, string> = {
  'http://schemas.openxmlformats.org': 'exceljs: OOXML namespaces written into .xlsx parts',
  'http://schemas.microsoft.com': 'exceljs: Office namespaces written into .xlsx parts',
  'http://purl.org': 'exceljs: Dublin Core namespaces in docProps/core.xml',
  'http://www.w3.org': 'exceljs, React DOM: XML/SVG/XHTML namespaces',
  'https://github.com': 'exceljs, core-js, crypto polyfills: links in error messages and licences',
  'https://stuk.github.io': 'JSZip: documentation link in an error message',
  'https://react.dev': 'React: link to the error decoder in production error messages',
  'http://json-schema.org': 'zod: $schema value when converting to JSON Schema (never fetched)',
  'https://json-schema.org': 'zod: $schema value when converting to JSON Schema (never fetched)',
  'http://docs.oasis-open.org': 'SheetJS (sheetjs chunk): OpenDocument metadata namespaces',
  'http://openoffice.org': 'SheetJS (sheetjs chunk): OpenOffice namespaces of .ods content',
  'http://purl.oclc.org': 'SheetJS (sheetjs chunk): strict OOXML namespaces it recognises',
  'http://macVmlSchemaUri': 'SheetJS (sheetjs chunk): a VML namespace written with comments',
  'http://sheetjs.openxmlformats.org': 'SheetJS (sheetjs chunk): a relationship type it recognises',
  'https://sheetjs.com': 'SheetJS (sheetjs chunk): a hyperlink in its Numbers export template',
};

/** Browser APIs that send data over the network. */
const NETWORK_APIS = /\b(fetch|XMLHttpRequest|sendBeacon|WebSocket|EventSource|RTCPeerConnection)\b/g;

function distFiles(ext: string): string[] {
  if (!existsSync(join(DIST, 'taskpane.html'))) {
    throw new Error('dist/ is missing: run npm run build first (this test inspects the built add-in)');
  }
  return readdirSync(DIST).filter((f) => f.endsWith(ext));
}

const read = (f: string) => readFileSync(join(DIST, f), 'utf8');

function csp(html: string): Map<string, string[]> {
  const m = /<meta[^>]+http-equiv=["']?Content-Security-Policy["']?[^>]+content="([^"]+)"/i.exec(html);
  if (!m) return new Map();
  return new Map(
    m[1]
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

describe('the built add-in (dist/)', () => {
  test('has the pages: task pane, standalone page, ribbon commands', () => {
    expect(distFiles('.html').sort()).toEqual(expect.arrayContaining(['commands.html', 'index.html', 'taskpane.html']));
  });

  test.each(['taskpane.html', 'index.html', 'commands.html'])(
    '%s: scripts only from here or office.js’s CDN',
    (page) => {
      const html = read(page);
      const sources = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/gi)].map((m) => m[1]);
      expect(sources.length).toBeGreaterThan(0);
      for (const src of sources) {
        expect([src, /^https?:|^\/\//.test(src) ? src.startsWith(`${OFFICE_CDN}/`) : true]).toEqual([src, true]);
      }
      // Nothing else on the page points outside: no stylesheet, image, frame or form elsewhere.
      const links = [...html.matchAll(/\s(?:href|src|action)=["']?((?:https?:)?\/\/[^"'\s>]+)/gi)].map((m) => m[1]);
      expect(links.filter((l) => !l.startsWith(`${OFFICE_CDN}/`))).toEqual([]);
    },
  );

  test('the standalone page loads no script from any other site (it works offline)', () => {
    expect(read('index.html')).not.toMatch(/<script[^>]*\ssrc=["']?(https?:)?\/\//i);
  });

  test.each(['taskpane.html', 'index.html', 'commands.html'])(
    '%s: a Content-Security-Policy that allows nothing else',
    (page) => {
      const policy = csp(read(page));
      expect(policy.get('default-src')).toEqual(["'self'"]);
      expect(policy.get('connect-src')).toEqual(["'self'"]);
      const scripts = policy.get('script-src') ?? [];
      expect(scripts).toContain("'self'");
      expect(scripts.filter((s) => s !== "'self'" && s !== OFFICE_CDN)).toEqual([]);
      expect(policy.get('object-src')).toEqual(["'none'"]);
      expect(policy.get('frame-src')).toEqual(["'none'"]);
      expect(policy.get('form-action')).toEqual(["'none'"]);
      for (const [name, values] of policy) {
        expect([name, values.filter((v) => v === '*' || v === "'unsafe-eval'" || /^https?:$|^http:/.test(v))]).toEqual([
          name,
          [],
        ]);
      }
    },
  );

  test('no script bundle calls a network API (fetch, XMLHttpRequest, sendBeacon, WebSocket…)', () => {
    const found = distFiles('.js').flatMap((f) => [...read(f).matchAll(NETWORK_APIS)].map((m) => `${f}: ${m[1]}`));
    expect(found).toEqual([]);
  });

  test('absolute URLs in the bundles are only namespaces and links in messages, never loaded', () => {
    const origins = new Map<string, string[]>();
    for (const f of distFiles('.js')) {
      const code = read(f);
      for (const m of code.matchAll(/\b(?:https?|wss?):\/\/[A-Za-z0-9.-]+/g)) {
        origins.set(m[0], [...new Set([...(origins.get(m[0]) ?? []), f])]);
      }
      // A script, image or frame given an absolute address, or a request opened to one.
      expect([f, code.match(/\.(?:src|href)\s*=\s*["'`](?:https?:)?\/\//g) ?? []]).toEqual([f, []]);
      expect([f, code.match(/\.open\(\s*["'][A-Z]+["']\s*,\s*["'`]https?:/g) ?? []]).toEqual([f, []]);
    }
    const unexplained = [...origins.keys()].filter((o) => !(o in STRING_ONLY_ORIGINS));
    expect(unexplained).toEqual([]);
  });

  test('the fallback when the CDN is unreachable is the local copy of office.js, by relative path', () => {
    const pane = distFiles('.js').filter((f) => f.startsWith('taskpane.'));
    expect(pane.some((f) => read(f).includes('"office/office.js"'))).toBe(true);
    expect(existsSync(join(DIST, 'office', 'office.js'))).toBe(true);
  });
});

/**
 * Offline manifest checks (`npm run validate`): what Microsoft's validation service and Office
 * would refuse, checked without network: well-formed XML, element order, a GUID, https URLs,
 * every resid defined once, icons of the declared size, the three ribbon buttons and the
 * function names the commands page really registers.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { childrenNamed, descendants, firstNamed, parseXml, xsiType, type XmlElement } from './support/xml-tree';
import { registerCommands } from '../src/commands/commands';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkAddinUrl, productionManifest, PRODUCTION_ID } = require('../manifest.production.js') as {
  checkAddinUrl(raw: string | undefined): { url?: string; error?: string };
  productionManifest(xml: string, url: string): string;
  PRODUCTION_ID: string;
};

const ROOT = join(__dirname, '..');
const DEV_PREFIX = 'https://localhost:3000/';
const APP_NS = 'http://schemas.microsoft.com/office/appforoffice/1.1';
const OVERRIDES_NS = 'http://schemas.microsoft.com/office/taskpaneappversionoverrides';
const BT_NS = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';

const xml = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const root = parseXml(xml);
const all = descendants(root);

/** Resources by id: the <bt:Image>/<bt:Url>/<bt:String> elements under <Resources>. */
const resources = all.filter((e) => e.uri === BT_NS && e.attrs.id && ['Image', 'Url', 'String'].includes(e.name));
function resource(id: string): XmlElement {
  const found = resources.filter((r) => r.attrs.id.value === id);
  if (found.length !== 1) throw new Error(`resid ${id} defined ${found.length} times`);
  return found[0];
}
const resValue = (id: string) => resource(id).attrs.DefaultValue.value;

function pngSize(file: string): { width: number; height: number } {
  const buf = readFileSync(file);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(buf.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** A URL of the dev build → the committed file it serves (assets are copied as they are). */
function localFileOf(url: string): string {
  return join(ROOT, url.slice(DEV_PREFIX.length));
}

describe('manifest.xml', () => {
  test('is a task pane add-in manifest with the elements in schema order', () => {
    expect(root.name).toBe('OfficeApp');
    expect(root.uri).toBe(APP_NS);
    expect(xsiType(root)).toBe('TaskPaneApp');
    const order = [
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'VersionOverrides',
    ];
    expect(root.children.map((c) => c.name)).toEqual(order);
  });

  test('has a fixed GUID id, a four-part version and Chinese as the default locale', () => {
    expect(firstNamed(root, 'Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(firstNamed(root, 'Version').text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(firstNamed(root, 'DefaultLocale').text).toBe('zh-CN');
    const name = childrenNamed(root, 'DisplayName')[0];
    expect(name.attrs.DefaultValue.value).toBe('低保花名册核查助手');
    expect(name.children.map((o) => o.attrs.Locale.value)).toEqual(['en-US']);
    expect(name.attrs.DefaultValue.value.length).toBeLessThanOrEqual(125);
    expect(childrenNamed(root, 'Description')[0].attrs.DefaultValue.value.length).toBeLessThanOrEqual(250);
  });

  test('targets Excel only, with read/write access and ExcelApi 1.9 as the minimum', () => {
    const hosts = childrenNamed(childrenNamed(root, 'Hosts')[0], 'Host');
    expect(hosts.map((h) => h.attrs.Name.value)).toEqual(['Workbook']);
    expect(firstNamed(root, 'Permissions').text).toBe('ReadWriteDocument');
    const sets = childrenNamed(firstNamed(root, 'Sets'), 'Set');
    expect(sets.map((s) => [s.attrs.Name.value, s.attrs.MinVersion.value])).toEqual([['ExcelApi', '1.9']]);
  });

  test('every URL is https on the dev server prefix the production build rewrites', () => {
    const urls: string[] = [];
    for (const el of all) {
      for (const a of Object.values(el.attrs)) if (/^[a-z]+:\/\//i.test(a.value)) urls.push(a.value);
      if (/^[a-z]+:\/\//i.test(el.text.trim())) urls.push(el.text.trim());
    }
    expect(urls.length).toBeGreaterThan(10);
    for (const u of urls.filter((u) => !u.startsWith('http://schemas.') && !u.startsWith('http://www.w3.org'))) {
      expect(u.startsWith(DEV_PREFIX)).toBe(true);
    }
    for (const name of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation']) {
      expect(childrenNamed(root, name).concat(all.filter((e) => e.name === name)).length).toBeGreaterThan(0);
      for (const el of all.filter((e) => e.name === name && e.uri === APP_NS)) {
        expect(el.attrs.DefaultValue.value.startsWith(DEV_PREFIX)).toBe(true);
      }
    }
  });

  test('every resid referenced is defined exactly once, within the length limits, and none is unused', () => {
    const referenced = all.filter((e) => e.attrs.resid).map((e) => e.attrs.resid.value);
    expect(referenced.length).toBeGreaterThan(10);
    for (const id of referenced) {
      expect(id.length).toBeLessThanOrEqual(32);
      expect(() => resource(id)).not.toThrow();
    }
    const ids = resources.map((r) => r.attrs.id.value);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !referenced.includes(id))).toEqual([]);
    for (const s of resources.filter((r) => r.name === 'String')) {
      const limit = s.parent?.name === 'ShortStrings' ? 125 : 250;
      const texts = [s.attrs.DefaultValue.value, ...s.children.map((o) => o.attrs.Value.value)];
      for (const t of texts) expect(t.length).toBeLessThanOrEqual(limit);
      expect(s.children.map((o) => o.attrs.Locale.value)).toEqual(['en-US']);
    }
  });

  test('every icon exists in assets/ with the pixel size it is declared at', () => {
    const declared: [string, number][] = [
      [childrenNamed(root, 'IconUrl')[0].attrs.DefaultValue.value, 32],
      [childrenNamed(root, 'HighResolutionIconUrl')[0].attrs.DefaultValue.value, 64],
    ];
    for (const img of all.filter((e) => e.name === 'Image' && e.attrs.resid)) {
      declared.push([resValue(img.attrs.resid.value), Number(img.attrs.size.value)]);
    }
    expect(declared.length).toBeGreaterThanOrEqual(2 + 5 * 8);
    for (const [url, size] of declared) {
      const file = localFileOf(url);
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });

  test('the committed icon set has every size the store and ribbon use', () => {
    for (const name of ['icon', 'mark', 'generate', 'clear']) {
      for (const size of [16, 20, 24, 32, 40, 48, 64, 80, 128]) {
        expect(pngSize(join(ROOT, 'assets', `${name}-${size}.png`))).toEqual({ width: size, height: size });
      }
    }
  });

  describe('ribbon', () => {
    const overrides = firstNamed(root, 'VersionOverrides');
    const host = firstNamed(overrides, 'Host');
    const group = firstNamed(host, 'Group');
    const buttons = childrenNamed(group, 'Control');
    const labelOf = (el: XmlElement) => resValue(childrenNamed(el, 'Label')[0].attrs.resid.value);
    const actionOf = (button: XmlElement) => childrenNamed(button, 'Action')[0];

    test('sits in a 低保核查 group on the Home tab of Excel', () => {
      expect(overrides.uri).toBe(OVERRIDES_NS);
      expect(xsiType(overrides)).toBe('VersionOverridesV1_0');
      expect(xsiType(host)).toBe('Workbook');
      expect(xsiType(firstNamed(host, 'ExtensionPoint'))).toBe('PrimaryCommandSurface');
      expect(firstNamed(host, 'OfficeTab').attrs.id.value).toBe('TabHome');
      expect(labelOf(group)).toBe('低保核查');
    });

    test('has the four buttons with their actions', () => {
      expect(buttons.map((b) => [labelOf(b), xsiType(b), xsiType(actionOf(b))])).toEqual([
        ['核查面板', 'Button', 'ShowTaskpane'],
        ['一键标注', 'Button', 'ExecuteFunction'],
        ['生成调整花名册', 'Button', 'ExecuteFunction'],
        ['清除标注', 'Button', 'ExecuteFunction'],
      ]);
      const pane = actionOf(buttons[0]);
      expect(resValue(childrenNamed(pane, 'SourceLocation')[0].attrs.resid.value)).toBe(`${DEV_PREFIX}taskpane.html`);
      expect(firstNamed(root, 'SourceLocation').attrs.DefaultValue.value).toBe(`${DEV_PREFIX}taskpane.html`);
      for (const b of buttons) {
        expect(childrenNamed(b, 'Supertip')).toHaveLength(1);
        // Every size Office asks for at 100–250 % display scaling.
        expect(childrenNamed(childrenNamed(b, 'Icon')[0], 'Image').map((i) => i.attrs.size.value)).toEqual([
          '16',
          '20',
          '24',
          '32',
          '40',
          '48',
          '64',
          '80',
        ]);
      }
      const ids = all.filter((e) => e.name === 'Control' || e.name === 'Group').map((e) => e.attrs.id.value);
      expect(new Set(ids).size).toBe(ids.length);
    });

    test('the function file is the commands page, which registers exactly the functions the buttons call', () => {
      expect(resValue(firstNamed(host, 'FunctionFile').attrs.resid.value)).toBe(`${DEV_PREFIX}commands.html`);
      expect(existsSync(join(ROOT, 'src/commands/commands.html'))).toBe(true);
      const functionNames = buttons
        .map(actionOf)
        .filter((a) => xsiType(a) === 'ExecuteFunction')
        .map((a) => childrenNamed(a, 'FunctionName')[0].text);
      expect(functionNames).toEqual(['markRoster', 'generateRoster', 'clearMarks']);
      const registered: string[] = [];
      registerCommands({ associate: (name: string) => void registered.push(name) }, () => {
        throw new Error('not called while registering');
      });
      expect(registered.sort()).toEqual([...functionNames].sort());
    });
  });

  test('SupportUrl and the GetStarted link go to the help page shipped with the add-in', () => {
    const support = childrenNamed(root, 'SupportUrl')[0].attrs.DefaultValue.value;
    expect(support).toBe(`${DEV_PREFIX}help.html`);
    expect(resValue('GetStarted.LearnMoreUrl')).toBe(support);
    const help = readFileSync(join(ROOT, 'src/help/help.html'), 'utf8');
    expect(help).toMatch(/一键标注[\s\S]*生成调整花名册/);
    expect(help).not.toMatch(/<script|https?:\/\/(?!localhost)/);
  });
});

describe('production manifest (manifest.production.js)', () => {
  test('needs the hosting address: https, not this machine', () => {
    expect(checkAddinUrl(undefined).error).toMatch(/^未设置 ADDIN_URL/);
    expect(checkAddinUrl('http://intranet.example/dibao/').error).toMatch(/https/);
    expect(checkAddinUrl('https://localhost:3000/').error).toMatch(/本机/);
    expect(checkAddinUrl('not a url').error).toMatch(/不是网址/);
    expect(checkAddinUrl('https://intranet.example/dibao')).toEqual({ url: 'https://intranet.example/dibao/' });
  });

  test('points every URL at the hosting address and has its own add-in id', () => {
    const prod = productionManifest(xml, 'https://intranet.example/dibao/');
    expect(prod).not.toContain(DEV_PREFIX);
    const tree = parseXml(prod);
    const id = firstNamed(tree, 'Id').text;
    expect(id).toBe(PRODUCTION_ID);
    expect(id).not.toBe(firstNamed(root, 'Id').text);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(childrenNamed(tree, 'SupportUrl')[0].attrs.DefaultValue.value).toBe(
      'https://intranet.example/dibao/help.html',
    );
  });
});

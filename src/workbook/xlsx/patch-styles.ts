/**
 * styles.xml for the patching writer: the marked cells' new cell formats (each one the cell's own
 * format with our fill), the formats that give a cleared cell its own fill back, and the formats
 * of grafted sheets, all appended: no existing format changes its number, so every cell we do not
 * touch keeps its look. Fills are also translated to and from the JSON of an ExcelJS fill, the
 * form the mark record keeps them in (output/record.ts).
 */
import { MARK_FILLS } from '../host';
import { Unpatchable } from './package';
import { elements, escapeAttr, getAttr, removeAttr, rootPrefix, setAttr, startTag } from './patch-xml';

type Severity = keyof typeof MARK_FILLS;

interface Section {
  name: string;
  items: string[];
  added: string[];
}

const SECTIONS = ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs'] as const;
type SectionName = (typeof SECTIONS)[number];

export class StylesPatch {
  readonly prefix: string;
  private readonly sections = new Map<SectionName, Section>();
  private readonly markFill = new Map<Severity, number>();
  private readonly markedXf = new Map<string, number>();
  private readonly xfIndex = new Map<string, number>();
  private readonly fillJsonCache = new Map<number, string>();
  private readonly restoredFill = new Map<string, number>();
  private readonly formats = new Map<string, number>();
  private readonly formatParts = new Map<string, number>();

  constructor(private readonly xml: string) {
    this.prefix = rootPrefix(xml, 'styleSheet');
    for (const name of SECTIONS) {
      const [section] = elements(xml, this.prefix, name);
      const item = name === 'numFmts' ? 'numFmt' : name === 'cellXfs' ? 'xf' : name.slice(0, -1);
      const items = section ? elements(section.xml, this.prefix, item).map((e) => e.xml) : [];
      this.sections.set(name, { name, items, added: [] });
    }
    if (!this.get('cellXfs').items.length || !this.get('fills').items.length) {
      throw new Unpatchable('styles without cell formats or fills');
    }
    this.get('cellXfs').items.forEach((xf, i) => {
      const key = xfKey(xf);
      if (!this.xfIndex.has(key)) this.xfIndex.set(key, i);
    });
  }

  get changed(): boolean {
    return SECTIONS.some((s) => this.get(s).added.length > 0);
  }

  private get(name: SectionName): Section {
    return this.sections.get(name)!;
  }

  private all(name: SectionName): string[] {
    const s = this.get(name);
    return s.added.length ? [...s.items, ...s.added] : s.items;
  }

  private count(name: SectionName): number {
    const s = this.get(name);
    return s.items.length + s.added.length;
  }

  private item(name: SectionName, i: number): string | undefined {
    const s = this.get(name);
    return i < s.items.length ? s.items[i] : s.added[i - s.items.length];
  }

  private append(name: SectionName, xml: string): number {
    this.get(name).added.push(xml);
    return this.count(name) - 1;
  }

  /** A cell's format: an unknown number counts as the default format, as Excel shows it. */
  private xf(s: number): string {
    return this.item('cellXfs', s) ?? this.item('cellXfs', 0)!;
  }

  private fillOf(s: number): number {
    return Number(getAttr(startTag(this.xf(s)), 'fillId') ?? 0);
  }

  /** The fill of cell format s as the JSON of an ExcelJS fill; "" for none. */
  fillJson(s: number): string {
    const id = this.fillOf(s);
    let json = this.fillJsonCache.get(id);
    if (json === undefined) {
      const fill = this.item('fills', id);
      json = fill ? fillToJson(fill, this.prefix) : '';
      this.fillJsonCache.set(id, json);
    }
    return json;
  }

  /** Whether cell format s shows one of our mark fills. */
  isMarked(s: number): boolean {
    const json = this.fillJson(s);
    if (!json) return false;
    const f = JSON.parse(json) as { pattern?: string; fgColor?: { argb?: string } };
    return f.pattern === 'solid' && Object.values(MARK_FILLS).includes(f.fgColor?.argb ?? '');
  }

  /** Cell format s with our fill for the severity. */
  marked(s: number, severity: Severity): number {
    const key = `${s}:${severity}`;
    let out = this.markedXf.get(key);
    if (out === undefined) {
      let fill = this.markFill.get(severity);
      if (fill === undefined) {
        fill = this.append('fills', jsonToFill(markFillJson(severity), this.prefix)!);
        this.markFill.set(severity, fill);
      }
      out = this.withFill(s, fill);
      this.markedXf.set(key, out);
    }
    return out;
  }

  /** Cell format s with the recorded fill (ExcelJS JSON, "" = none) in place of ours. */
  restored(s: number, recordedFill: string): number {
    let fill = this.restoredFill.get(recordedFill);
    if (fill === undefined) {
      const fills = this.all('fills');
      fill = recordedFill
        ? fills.findIndex((f) => sameJson(fillToJson(f, this.prefix), recordedFill))
        : fills.findIndex((f) => fillToJson(f, this.prefix) === '');
      if (fill < 0) {
        const xml = recordedFill ? jsonToFill(recordedFill, this.prefix) : undefined;
        fill = xml ? this.append('fills', xml) : 0;
      }
      this.restoredFill.set(recordedFill, fill);
    }
    return this.withFill(s, fill);
  }

  /** Format s with another fill: an existing format when one is the same in all else (the cell's own, after clearing). */
  private withFill(s: number, fill: number): number {
    const base = this.xf(s);
    const key = `${xfBase(base)}|${fill}`;
    let out = this.xfIndex.get(key);
    if (out === undefined) {
      const tag = startTag(base);
      let next = setAttr(tag, 'fillId', String(fill));
      next = fill === 0 ? removeAttr(next, 'applyFill') : setAttr(next, 'applyFill', '1');
      out = this.append('cellXfs', next + base.slice(tag.length));
      this.xfIndex.set(key, out);
    }
    return out;
  }

  /**
   * Takes in another workbook's styles (a grafted sheet's): its fonts, fills, borders, number
   * formats and cell formats appended here; returns the map of its format numbers to ours.
   */
  graft(other: StylesPatch): number[] {
    const fontBase = this.count('fonts');
    const fillBase = this.count('fills');
    const borderBase = this.count('borders');
    const p = this.prefix;
    const retag = (el: string) =>
      other.prefix === p ? el : el.replace(new RegExp(`(</?)${escapeRe(other.prefix)}`, 'g'), `$1${p}`);
    for (const f of other.all('fonts')) this.append('fonts', retag(f));
    for (const f of other.all('fills')) this.append('fills', retag(f));
    for (const b of other.all('borders')) this.append('borders', retag(b));
    let nextFmt = Math.max(163, ...this.all('numFmts').map((n) => Number(getAttr(n, 'numFmtId') ?? 0))) + 1;
    const fmtMap = new Map<number, number>();
    for (const n of other.all('numFmts')) {
      const id = Number(getAttr(n, 'numFmtId'));
      const code = getAttr(n, 'formatCode') ?? '';
      const mine = nextFmt++;
      fmtMap.set(id, mine);
      this.append('numFmts', `<${p}numFmt numFmtId="${mine}" formatCode="${escapeAttr(code)}"/>`);
    }
    return other.all('cellXfs').map((xf) => {
      const x = retag(xf);
      let tag = startTag(x);
      const num = Number(getAttr(tag, 'numFmtId') ?? 0);
      tag = setAttr(tag, 'numFmtId', String(fmtMap.get(num) ?? num));
      tag = setAttr(tag, 'fontId', String(fontBase + Number(getAttr(tag, 'fontId') ?? 0)));
      tag = setAttr(tag, 'fillId', String(fillBase + Number(getAttr(tag, 'fillId') ?? 0)));
      tag = setAttr(tag, 'borderId', String(borderBase + Number(getAttr(tag, 'borderId') ?? 0)));
      tag = setAttr(tag, 'xfId', '0');
      return this.append('cellXfs', tag + x.slice(startTag(x).length));
    });
  }

  /**
   * A cell format for a sheet the patcher writes (patch-generated.ts): font, fill, border and
   * number format are given as XML without prefix; made once, then reused.
   */
  format(spec: { font: string; fill?: string; border?: string; numFmt?: string; alignment?: string }): number {
    // Asked once per cell of a generated sheet (a million times for a county): a plain join, not
    // JSON, whose escaping of the XML's quotes cost seconds.
    const key = `${spec.font}\u0001${spec.fill ?? ''}\u0001${spec.border ?? ''}\u0001${spec.numFmt ?? ''}\u0001${spec.alignment ?? ''}`;
    let out = this.formats.get(key);
    if (out !== undefined) return out;
    const p = this.prefix;
    const withPrefix = (xml: string) => (p ? xml.replace(/<(\/?)([a-zA-Z])/g, `<$1${p}$2`) : xml);
    const part = (name: SectionName, xml: string) => {
      const k = `${name}:${xml}`;
      let id = this.formatParts.get(k);
      if (id === undefined) this.formatParts.set(k, (id = this.append(name, withPrefix(xml))));
      return id;
    };
    let numFmtId = 0;
    if (spec.numFmt) {
      numFmtId = BUILT_IN_FORMATS[spec.numFmt] ?? -1;
      if (numFmtId < 0) {
        const k = `numFmt:${spec.numFmt}`;
        numFmtId =
          this.formatParts.get(k) ??
          Math.max(163, ...this.all('numFmts').map((n) => Number(getAttr(n, 'numFmtId') ?? 0))) + 1;
        if (!this.formatParts.has(k)) {
          this.formatParts.set(k, numFmtId);
          this.append(
            'numFmts',
            withPrefix(`<numFmt numFmtId="${numFmtId}" formatCode="${escapeAttr(spec.numFmt)}"/>`),
          );
        }
      }
    }
    const font = part('fonts', spec.font);
    const fill = spec.fill ? part('fills', spec.fill) : 0;
    const border = spec.border ? part('borders', spec.border) : 0;
    const xf =
      `<xf numFmtId="${numFmtId}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0" applyNumberFormat="1" applyFont="1"` +
      `${fill ? ' applyFill="1"' : ''}${border ? ' applyBorder="1"' : ''}${spec.alignment ? ' applyAlignment="1"' : ''}>` +
      `${spec.alignment ?? ''}</xf>`;
    out = this.append('cellXfs', withPrefix(xf));
    this.formats.set(key, out);
    return out;
  }

  toXml(): string {
    let xml = this.xml;
    const p = this.prefix;
    // Sections in reverse document order, so earlier positions stay valid; a missing one is added.
    const spans = SECTIONS.map((name) => ({ name, el: elements(xml, p, name)[0] }))
      .filter((s) => this.get(s.name).added.length)
      .sort((a, b) => (b.el?.start ?? -1) - (a.el?.start ?? -1));
    for (const { name, el } of spans) {
      const s = this.get(name);
      const body = [...s.items, ...s.added].join('');
      const section = `<${p}${name} count="${s.items.length + s.added.length}">${body}</${p}${name}>`;
      if (el) xml = xml.slice(0, el.start) + section + xml.slice(el.end);
      else if (name === 'numFmts') {
        const at = xml.indexOf('>', xml.search(new RegExp(`<${p}styleSheet[\\s>]`))) + 1;
        xml = xml.slice(0, at) + section + xml.slice(at);
      } else throw new Unpatchable(`styles without ${name}`);
    }
    return xml;
  }
}

/** Built-in number formats the written sheets use. */
const BUILT_IN_FORMATS: Record<string, number> = { '0': 1, '0.00': 2, '@': 49 };

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function xfBase(xf: string): string {
  const tag = startTag(xf);
  return removeAttr(removeAttr(tag, 'fillId'), 'applyFill') + xf.slice(tag.length);
}

function xfKey(xf: string): string {
  return `${xfBase(xf)}|${Number(getAttr(startTag(xf), 'fillId') ?? 0)}`;
}

export function markFillJson(severity: Severity): string {
  return JSON.stringify({ type: 'pattern', pattern: 'solid', fgColor: { argb: MARK_FILLS[severity] } });
}

type Color = { argb?: string; theme?: number; tint?: number; indexed?: number };

function colorOf(tag: string | undefined): Color | undefined {
  if (!tag) return undefined;
  const rgb = getAttr(tag, 'rgb');
  if (rgb) return { argb: rgb };
  const theme = getAttr(tag, 'theme');
  if (theme) {
    const tint = getAttr(tag, 'tint');
    return tint ? { theme: parseInt(theme, 10), tint: parseFloat(tint) } : { theme: parseInt(theme, 10) };
  }
  const indexed = getAttr(tag, 'indexed');
  if (indexed) return { indexed: parseInt(indexed, 10) };
  return undefined;
}

function colorXml(p: string, name: string, c: Color | undefined): string {
  if (!c) return '';
  if (c.argb) return `<${p}${name} rgb="${escapeAttr(c.argb)}"/>`;
  if (c.theme !== undefined)
    return `<${p}${name} theme="${c.theme}"${c.tint !== undefined ? ` tint="${c.tint}"` : ''}/>`;
  if (c.indexed !== undefined) return `<${p}${name} indexed="${c.indexed}"/>`;
  return `<${p}${name} auto="1"/>`;
}

/** A <fill> as ExcelJS reads it, as JSON; "" for no fill (pattern none, or nothing). */
export function fillToJson(fill: string, p: string): string {
  const [pattern] = elements(fill, p, 'patternFill');
  if (pattern) {
    const type = getAttr(startTag(pattern.xml), 'patternType');
    if (!type || type === 'none') return '';
    const model: Record<string, unknown> = { type: 'pattern', pattern: type };
    for (const el of elements(pattern.xml, p, 'fgColor').concat(elements(pattern.xml, p, 'bgColor'))) {
      const name = /fgColor/.test(startTag(el.xml)) ? 'fgColor' : 'bgColor';
      const c = colorOf(startTag(el.xml));
      if (c) model[name] = c;
    }
    return JSON.stringify(model);
  }
  const [gradient] = elements(fill, p, 'gradientFill');
  if (!gradient) return '';
  const tag = startTag(gradient.xml);
  const model: Record<string, unknown> = { type: 'gradient' };
  const degree = getAttr(tag, 'degree');
  if (degree) Object.assign(model, { gradient: 'angle', degree: parseInt(degree, 10) });
  else if (getAttr(tag, 'type') === 'path') {
    const num = (n: string) => (getAttr(tag, n) ? parseFloat(getAttr(tag, n)!) : 0);
    const center: Record<string, number> = { left: num('left'), top: num('top') };
    if (getAttr(tag, 'right') !== getAttr(tag, 'left')) center.right = num('right');
    if (getAttr(tag, 'bottom') !== getAttr(tag, 'top')) center.bottom = num('bottom');
    Object.assign(model, { gradient: 'path', center });
  }
  model.stops = elements(gradient.xml, p, 'stop').map((s) => ({
    position: parseFloat(getAttr(startTag(s.xml), 'position') ?? '0'),
    color: colorOf(elements(s.xml, p, 'color')[0] && startTag(elements(s.xml, p, 'color')[0].xml)),
  }));
  return JSON.stringify(model);
}

/** The JSON of an ExcelJS fill as a <fill>; undefined when it is not one. */
export function jsonToFill(json: string, p: string): string | undefined {
  let f: {
    type?: string;
    pattern?: string;
    fgColor?: Color;
    bgColor?: Color;
    gradient?: string;
    degree?: number;
    center?: { left?: number; right?: number; top?: number; bottom?: number };
    stops?: { position: number; color?: Color }[];
  };
  try {
    f = JSON.parse(json) as typeof f;
  } catch {
    return undefined;
  }
  if (f?.type === 'pattern') {
    return (
      `<${p}fill><${p}patternFill patternType="${escapeAttr(f.pattern ?? 'none')}">` +
      colorXml(p, 'fgColor', f.fgColor) +
      colorXml(p, 'bgColor', f.bgColor) +
      `</${p}patternFill></${p}fill>`
    );
  }
  if (f?.type === 'gradient' && Array.isArray(f.stops)) {
    let attrs = '';
    if (f.gradient === 'angle') attrs = ` degree="${Number(f.degree ?? 0)}"`;
    else if (f.gradient === 'path') {
      const c = f.center ?? {};
      attrs = ` type="path" left="${c.left ?? 0}" right="${c.right ?? c.left ?? 0}" top="${c.top ?? 0}" bottom="${c.bottom ?? c.top ?? 0}"`;
    }
    const stops = f.stops
      .map((s) => `<${p}stop position="${Number(s.position)}">${colorXml(p, 'color', s.color)}</${p}stop>`)
      .join('');
    return `<${p}fill><${p}gradientFill${attrs}>${stops}</${p}gradientFill></${p}fill>`;
  }
  return undefined;
}

/** Two JSON texts of the same object, whatever the order of the keys. */
export function sameJson(a: string, b: string): boolean {
  try {
    return canonical(JSON.parse(a)) === canonical(JSON.parse(b));
  } catch {
    return false;
  }
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

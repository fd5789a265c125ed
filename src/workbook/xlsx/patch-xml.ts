/** Small helpers for the patching writer, which edits XML text in place rather than rebuilding it. */

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e]!;
  });
}

/** Excel's _xHHHH_ escapes of characters XML cannot carry. */
export function unescapeOoxml(s: string): string {
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** An attribute of a start tag (the text from '<' to '>'), decoded; the name may carry a prefix in the tag. */
export function getAttr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s(?:[\\w.-]+:)?${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  if (!m) return undefined;
  return unescapeXml(m[2] ?? m[3]);
}

/** The start tag with the attribute set (added before the tag's end when missing). */
export function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${escapeAttr(value)}"`);
  const end = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, end)} ${name}="${escapeAttr(value)}"${tag.slice(end)}`;
}

export function removeAttr(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*')`), '');
}

/** The namespace prefix of a part's root element, with its colon ("" when none), e.g. "x:". */
export function rootPrefix(xml: string, local: string): string {
  const m = new RegExp(`<([\\w.-]+:)?${local}[\\s>/]`).exec(xml);
  return m?.[1] ?? '';
}

/** Every element `<p:name …/>` or `<p:name …>…</p:name>` (not nested in itself) in text, with its place. */
export function elements(xml: string, prefix: string, name: string): { xml: string; start: number; end: number }[] {
  const out: { xml: string; start: number; end: number }[] = [];
  const open = new RegExp(`<${prefix}${name}(?=[\\s/>])`, 'g');
  const close = `</${prefix}${name}>`;
  for (let m = open.exec(xml); m; m = open.exec(xml)) {
    const gt = tagEnd(xml, m.index);
    let end: number;
    if (xml[gt - 1] === '/') end = gt + 1;
    else {
      const c = xml.indexOf(close, gt);
      if (c < 0) break;
      end = c + close.length;
    }
    out.push({ xml: xml.slice(m.index, end), start: m.index, end });
    open.lastIndex = end;
  }
  return out;
}

/** The index of the '>' ending the tag that starts at `lt`, quotes respected. */
export function tagEnd(xml: string, lt: number): number {
  let q = '';
  for (let i = lt + 1; i < xml.length; i++) {
    const c = xml[i];
    if (q) {
      if (c === q) q = '';
    } else if (c === '"' || c === "'") q = c;
    else if (c === '>') return i;
  }
  return -1;
}

/** The start tag of an element's text. */
export function startTag(el: string): string {
  return el.slice(0, tagEnd(el, 0) + 1);
}

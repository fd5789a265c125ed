/**
 * A namespace-aware element tree over saxes (a conforming XML parser), for the offline manifest
 * checks: parsing fails on anything that is not well-formed XML.
 */
import { SaxesParser } from 'saxes';

export interface XmlElement {
  /** Local name, e.g. "Image" for <bt:Image>. */
  name: string;
  /** Namespace URI of the element. */
  uri: string;
  /** Attributes by local name (the manifest has no two attributes with the same local name). */
  attrs: Record<string, { uri: string; value: string }>;
  children: XmlElement[];
  text: string;
  parent?: XmlElement;
}

export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('opentag', (tag) => {
    const el: XmlElement = { name: tag.local, uri: tag.uri, attrs: {}, children: [], text: '' };
    for (const a of Object.values(tag.attributes)) {
      if (a.prefix === 'xmlns' || a.name === 'xmlns') continue;
      el.attrs[a.local] = { uri: a.uri, value: a.value };
    }
    const parent = stack[stack.length - 1];
    if (parent) {
      el.parent = parent;
      parent.children.push(el);
    } else {
      root = el;
    }
    stack.push(el);
  });
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  if (!root) throw new Error('no root element');
  return root;
}

/** Every element below (and including) `el`, depth first. */
export function descendants(el: XmlElement): XmlElement[] {
  return [el, ...el.children.flatMap(descendants)];
}

export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

export function firstNamed(el: XmlElement, name: string): XmlElement {
  const found = descendants(el).find((d) => d.name === name);
  if (!found) throw new Error(`<${name}> not found under <${el.name}>`);
  return found;
}

/** The value of xsi:type (schema instance type), without a namespace prefix. */
export function xsiType(el: XmlElement): string | undefined {
  const a = el.attrs.type;
  return a && a.uri === 'http://www.w3.org/2001/XMLSchema-instance' ? a.value.replace(/^.*:/, '') : undefined;
}

/** workbook.xml, its relationships and [Content_Types].xml, as the patcher reads and changes them. */
import { REL_NS } from './ooxml';
import { elements, escapeAttr, getAttr, rootPrefix, startTag } from './patch-xml';

export const WORKSHEET_TYPE = `${REL_NS}/worksheet`;

export interface ListedSheet {
  name: string;
  state?: string;
  rid: string;
  /** Zip part name, e.g. "xl/worksheets/sheet1.xml" ("" when the relationship is missing). */
  part: string;
  /** The relationship's type. */
  type: string;
  /** The <sheet> element as it stands in workbook.xml. */
  xml: string;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  xml: string;
}

export function relationships(xml: string): Relationship[] {
  const p = rootPrefix(xml, 'Relationships');
  return elements(xml, p, 'Relationship').map((r) => {
    const tag = startTag(r.xml);
    return {
      id: getAttr(tag, 'Id') ?? '',
      type: getAttr(tag, 'Type') ?? '',
      target: getAttr(tag, 'Target') ?? '',
      xml: r.xml,
    };
  });
}

/** The relationship target as a part name, `base` being the folder of the part whose rels these are. */
export function resolvePart(base: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `${base}/${target}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

export function workbookSheets(workbookXml: string, relsXml: string): ListedSheet[] {
  const rels = new Map(relationships(relsXml).map((r) => [r.id, r]));
  const p = rootPrefix(workbookXml, 'workbook');
  const sheets = elements(workbookXml, p, 'sheets')[0];
  if (!sheets) return [];
  return elements(sheets.xml, p, 'sheet').map((s) => {
    const tag = startTag(s.xml);
    const rid = getAttr(tag, 'id') ?? '';
    const rel = rels.get(rid);
    return {
      name: getAttr(tag, 'name') ?? '',
      state: getAttr(tag, 'state'),
      rid,
      part: rel ? resolvePart('xl', rel.target) : '',
      type: rel?.type ?? '',
      xml: s.xml,
    };
  });
}

/** A relationships part with some added (and some removed, by id). */
export function editRelationships(
  xml: string | undefined,
  add: { id: string; type: string; target: string }[],
  remove: string[] = [],
): string {
  const base =
    xml ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  const p = rootPrefix(base, 'Relationships');
  let out = base;
  for (const r of relationships(base)) if (remove.includes(r.id)) out = out.replace(r.xml, '');
  const added = add
    .map(
      (r) =>
        `<${p}Relationship Id="${escapeAttr(r.id)}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.target)}"/>`,
    )
    .join('');
  out = out.replace(/<([\w.-]+:)?Relationships\b([^>]*?)\/>/, `<$1Relationships$2></$1Relationships>`);
  const end = out.lastIndexOf(`</${p}Relationships>`);
  return out.slice(0, end) + added + out.slice(end);
}

/** A free relationship id ("rId7") among those taken. */
export function freeRelId(taken: Set<string>): string {
  for (let n = taken.size + 1; ; n++) {
    const id = `rId${n}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

/** [Content_Types].xml with overrides added and removed and a default for an extension. */
export function editContentTypes(
  xml: string,
  add: { part: string; type: string }[],
  remove: string[],
  defaults: { ext: string; type: string }[],
): string {
  const p = rootPrefix(xml, 'Types');
  let out = xml;
  const gone = new Set(remove.map((r) => `/${r}`.toLowerCase()));
  for (const o of elements(xml, p, 'Override')) {
    if (gone.has((getAttr(startTag(o.xml), 'PartName') ?? '').toLowerCase())) out = out.replace(o.xml, '');
  }
  const has = new Set(
    elements(out, p, 'Default').map((d) => (getAttr(startTag(d.xml), 'Extension') ?? '').toLowerCase()),
  );
  let extra = defaults
    .filter((d) => !has.has(d.ext))
    .map((d) => `<${p}Default Extension="${d.ext}" ContentType="${d.type}"/>`)
    .join('');
  extra += add.map((a) => `<${p}Override PartName="/${escapeAttr(a.part)}" ContentType="${a.type}"/>`).join('');
  const end = out.lastIndexOf(`</${p}Types>`);
  return out.slice(0, end) + extra + out.slice(end);
}

/**
 * The notes of one sheet for the patching writer: its comments part and the VML drawing that
 * holds the notes' boxes. A clerk's own note keeps its text runs, formatting and box; ours is a
 * run appended after a blank line (file-marks.ts does the same through ExcelJS), and clearing
 * cuts from our header to the end. A note that had only our text is removed with its box.
 */
import { a1, parseA1 } from '../../domain/grid';
import { NOTE_HEADER } from '../host';
import { withoutOurNote } from '../output/mark-primitives';
import { MAIN_NS, REL_NS } from './ooxml';
import {
  elements,
  escapeAttr,
  escapeText,
  getAttr,
  rootPrefix,
  startTag,
  unescapeOoxml,
  unescapeXml,
} from './patch-xml';

interface Run {
  /** The run's <rPr> as it was, "" for none. */
  rPr: string;
  text: string;
}

interface Note {
  ref: string;
  /** The original element, kept as it was while the note is not changed. */
  xml?: string;
  authorId: string;
  runs: Run[];
}

export const COMMENTS_TYPE = `${REL_NS}/comments`;
export const VML_TYPE = `${REL_NS}/vmlDrawing`;

export class SheetNotes {
  private readonly notes = new Map<string, Note>();
  private readonly order: string[] = [];
  private readonly listed = new Set<string>();
  private readonly head: string;
  private readonly prefix: string;
  private readonly removed = new Set<string>();
  private readonly addedShapes: { row: number; col: number; lines: number }[] = [];
  changed = false;

  /** `block` numbers the shapes of a new VML part (unique per sheet of the workbook). */
  constructor(
    comments: string | undefined,
    private readonly vml: string | undefined,
    private readonly block: number,
  ) {
    this.prefix = comments ? rootPrefix(comments, 'comments') : '';
    const p = this.prefix;
    if (comments) {
      const list = elements(comments, p, 'commentList')[0];
      this.head = list ? comments.slice(0, list.start) : comments.replace(/<\/[\w.:-]*comments>\s*$/, '');
      for (const el of list ? elements(list.xml, p, 'comment') : []) {
        const tag = startTag(el.xml);
        const ref = (getAttr(tag, 'ref') ?? '').toUpperCase();
        this.notes.set(ref, { ref, xml: el.xml, authorId: getAttr(tag, 'authorId') ?? '0', runs: runsOf(el.xml, p) });
        this.order.push(ref);
        this.listed.add(ref);
      }
    } else {
      this.head =
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
        `<comments xmlns="${MAIN_NS}"><authors><author>低保核查</author></authors>`;
    }
  }

  /** The cell's note now as the JSON of an ExcelJS note (the record's form), undefined when none. */
  noteJson(ref: string): string | undefined {
    const note = this.notes.get(ref);
    if (!note || !note.runs.length) return undefined;
    return JSON.stringify({
      texts: note.runs.map((r) => (r.rPr ? { font: fontOf(r.rPr, this.prefix), text: r.text } : { text: r.text })),
    });
  }

  /** Our text cut from the cell's note (clearing); the note goes when nothing else is left. */
  removeOurs(ref: string): void {
    const note = this.notes.get(ref);
    if (!note) return;
    const text = note.runs.map((r) => r.text).join('');
    if (!text.includes(NOTE_HEADER)) return;
    // The clerk's part is what is left before ours: a prefix of the runs' text.
    const keep = withoutOurNote(text).length;
    const runs: Run[] = [];
    let pos = 0;
    for (const r of note.runs) {
      if (pos + r.text.length <= keep) runs.push(r);
      else if (pos < keep) runs.push({ rPr: r.rPr, text: r.text.slice(0, keep - pos) });
      pos += r.text.length;
    }
    this.changed = true;
    if (runs.length) {
      note.runs = runs;
      note.xml = undefined;
    } else {
      this.notes.delete(ref);
      this.removed.add(ref);
    }
  }

  /** Our text after the clerk's note, or a new note. */
  addOurs(ref: string, text: string): void {
    this.changed = true;
    const note = this.notes.get(ref);
    const ours = text.split('\n').length;
    if (note && note.runs.some((r) => r.text)) {
      note.runs.push({ rPr: '', text: `\n\n${text}` });
      note.xml = undefined;
      return;
    }
    if (note) {
      note.runs = [{ rPr: '', text }];
      note.xml = undefined;
      return;
    }
    this.notes.set(ref, { ref, authorId: '0', runs: [{ rPr: '', text }] });
    if (!this.listed.has(ref)) {
      this.order.push(ref);
      this.listed.add(ref);
    }
    if (this.removed.delete(ref)) return; // its box is still there
    const [col, row] = splitRef(ref);
    this.addedShapes.push({ row, col, lines: ours });
  }

  commentsXml(): string {
    const p = this.prefix;
    const list = this.order
      .filter((ref) => this.notes.has(ref))
      .map((ref) => {
        const n = this.notes.get(ref)!;
        if (n.xml) return n.xml;
        const runs = n.runs
          .map((r) => `<${p}r>${r.rPr}<${p}t xml:space="preserve">${escapeText(r.text)}</${p}t></${p}r>`)
          .join('');
        return `<${p}comment ref="${escapeAttr(n.ref)}" authorId="${escapeAttr(n.authorId)}"><${p}text>${runs}</${p}text></${p}comment>`;
      })
      .join('');
    return `${this.head}<${p}commentList>${list}</${p}commentList></${p}comments>`;
  }

  vmlXml(): string {
    let vml =
      this.vml ??
      `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
        `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${this.block}"/></o:shapelayout></xml>`;
    // Boxes of notes that are gone.
    if (this.removed.size) {
      vml = vml.replace(/<v:shape\b[\s\S]*?<\/v:shape>/g, (shape) => {
        if (!/ObjectType\s*=\s*"Note"/.test(shape)) return shape;
        const row = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(shape)?.[1];
        const col = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(shape)?.[1];
        if (row === undefined || col === undefined) return shape;
        return this.removed.has(a1(Number(row), Number(col))) ? '' : shape;
      });
    }
    if (!this.addedShapes.length) return vml;
    let next = Math.max(this.block * 1024, ...[...vml.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1]))) + 1;
    const type = /id="_x0000_t202"/.test(vml)
      ? ''
      : `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>`;
    const shapes = this.addedShapes.map(({ row, col, lines }) => {
      const left = col;
      const top = Math.max(0, row - 2);
      const anchor = `${left}, 15, ${top}, 10, ${left + 3}, 15, ${top + Math.min(12, 2 + lines)}, 4`;
      return (
        `<v:shape id="_x0000_s${next++}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:180pt;height:${Math.min(12, 2 + lines) * 15}pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
        `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>` +
        `<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
        `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill>` +
        `<x:Row>${row - 1}</x:Row><x:Column>${col - 1}</x:Column></x:ClientData></v:shape>`
      );
    });
    const end = vml.lastIndexOf('</xml>');
    return vml.slice(0, end) + type + shapes.join('') + vml.slice(end);
  }
}

function splitRef(ref: string): [number, number] {
  const at = parseA1(ref);
  return at ? [at.c + 1, at.r + 1] : [1, 1];
}

function textOf(el: string, p: string): string {
  return elements(el, p, 't')
    .map((t) => {
      const inner = t.xml.slice(startTag(t.xml).length, t.xml.length - `</${p}t>`.length);
      return t.xml.endsWith('/>') ? '' : unescapeOoxml(unescapeXml(inner));
    })
    .join('');
}

/** A comment's text as runs (a plain <t> is one run without formatting); phonetic guides left out. */
function runsOf(comment: string, p: string): Run[] {
  const text = elements(comment, p, 'text')[0]?.xml ?? '';
  const runs = elements(text, p, 'r');
  if (!runs.length) {
    const plain = elements(text.replace(/<([\w.-]+:)?rPh\b[\s\S]*?<\/([\w.-]+:)?rPh>/g, ''), p, 't')[0];
    return plain ? [{ rPr: '', text: textOf(plain.xml, p) }] : [];
  }
  return runs.map((r) => ({ rPr: elements(r.xml, p, 'rPr')[0]?.xml ?? '', text: textOf(r.xml, p) }));
}

/** The font of a run as ExcelJS describes it (only for the record: what a clerk would notice). */
function fontOf(rPr: string, p: string): Record<string, unknown> {
  const font: Record<string, unknown> = {};
  const val = (name: string) => {
    const el = elements(rPr, p, name)[0];
    return el ? (getAttr(startTag(el.xml), 'val') ?? '') : undefined;
  };
  if (val('b') !== undefined && val('b') !== '0' && val('b') !== 'false') font.bold = true;
  if (val('i') !== undefined && val('i') !== '0' && val('i') !== 'false') font.italic = true;
  if (val('u') !== undefined) font.underline = val('u') || true;
  if (val('strike') !== undefined && val('strike') !== '0') font.strike = true;
  if (val('sz')) font.size = Number(val('sz'));
  if (val('rFont')) font.name = val('rFont');
  const color = elements(rPr, p, 'color')[0];
  if (color) {
    const tag = startTag(color.xml);
    const rgb = getAttr(tag, 'rgb');
    const theme = getAttr(tag, 'theme');
    if (rgb) font.color = { argb: rgb };
    else if (theme) font.color = { theme: Number(theme) };
  }
  return font;
}

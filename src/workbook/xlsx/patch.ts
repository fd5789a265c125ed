/**
 * The marked copy, written by patching the .xlsx package instead of loading it into ExcelJS
 * (docs/PERFORMANCE.md §2): every part that holds no mark is copied compressed, byte for byte;
 * each sheet with marks is streamed and only its marked cells' formats change (cells added where
 * a marked cell did not exist); styles.xml gains our fills and formats; notes are added to the
 * sheet's comments and VML parts; the generated sheets and the mark record are grafted in; the
 * workbook, its relationships and the content types list them. Memory grows with the marks, not
 * with the workbook. Clearing is the same walk with the record's cells restored and no new marks.
 * The record keeps record.ts's layout, so a copy marked here clears in Excel and the other way round.
 */
import { a1 } from '../../domain/grid';
import type { GeneratedSheet } from '../output/generated';
import { GENERATED_RECORD_SHEET, readGeneratedRecord, sheetToReplace } from '../output/generated-record';
import { activeTabOnVisibleSheet } from './active-tab';
import { freeSheetName } from '../output/sheet-name';
import { MARK_RECORD_SHEET, type CellMark } from '../host';
import { ourNoteText } from '../output/mark-primitives';
import type { RecordEntry, RecordedCell } from '../output/record';
import { PackageWriter, Unpatchable, type Compressed, type XlsxPackage } from './package';
import { graftSheets } from './patch-graft';
import { COMMENTS_TYPE, SheetNotes, VML_TYPE } from './patch-notes';
import { readRecordPart, readSheetRows } from './patch-record';
import { patchSheet, type SheetPatchResult } from './patch-sheet';
import { StylesPatch } from './patch-styles';
import { elements, escapeAttr, getAttr, rootPrefix, startTag } from './patch-xml';
import { REL_NS, WORKSHEET_CONTENT_TYPE } from './ooxml';
import {
  WORKSHEET_TYPE,
  editContentTypes,
  editRelationships,
  freeRelId,
  relationships,
  resolvePart,
  workbookSheets,
  type ListedSheet,
} from './patch-workbook';

export { XlsxPackage, Unpatchable } from './package';

export interface PatchRequest {
  /**
   * Cells to mark (earlier marks of the tool are cleared first, as every host does); undefined
   * leaves the earlier marks as they are (the web page's 下载结果 when the clerk did not mark).
   */
  marks?: CellMark[];
  /** Sheets to add after the workbook's own (names made free). */
  sheets: GeneratedSheet[];
}

export interface PatchOutcome {
  bytes: Uint8Array;
  cellsMarked: number;
  /** Cells given back their earlier fill and note (from an earlier record). */
  cellsRestored: number;
  sheetsAdded: string[];
}

interface Target {
  row: number;
  col: number;
  mark?: CellMark;
  recorded?: RecordEntry;
  /** Filled in while the sheet is streamed: the cell's fill before our mark (ExcelJS JSON). */
  fillBefore?: string;
}

const CT_COMMENTS = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
const CT_VML = 'application/vnd.openxmlformats-officedocument.vmlDrawing';

export async function patchWorkbook(pkg: XlsxPackage, req: PatchRequest): Promise<PatchOutcome> {
  const text = async (name: string) => {
    const part = pkg.part(name);
    return part ? pkg.text(part) : undefined;
  };
  const workbookXml = await text('xl/workbook.xml');
  const workbookRels = await text('xl/_rels/workbook.xml.rels');
  const contentTypes = await text('[Content_Types].xml');
  const stylesXml = await text('xl/styles.xml');
  if (!workbookXml || !workbookRels || !contentTypes || !stylesXml) throw new Unpatchable('missing workbook parts');
  if (/purl\.oclc\.org\/ooxml/.test(workbookXml)) throw new Unpatchable('strict OOXML');
  const styles = new StylesPatch(stylesXml);
  const listed = workbookSheets(workbookXml, workbookRels);
  const oldRecord = req.marks ? listed.find((s) => s.name === MARK_RECORD_SHEET) : undefined;
  const recorded = oldRecord ? await readRecordPart(pkg, oldRecord.part) : [];
  const oldGenerated = listed.find((s) => s.name === GENERATED_RECORD_SHEET);
  const generated = readGeneratedRecord(oldGenerated ? await readSheetRows(pkg, oldGenerated.part) : []);
  const sheets = listed.filter((s) => s !== oldRecord && s !== oldGenerated);

  const { named, replaced: replacedSheets } = nameSheets(sheets, generated, req.sheets);

  // Every cell to touch, per sheet, keyed by its address.
  const bySheet = new Map<string, Map<string, Target>>();
  const sheetByName = new Map(sheets.filter((s) => s.type === WORKSHEET_TYPE && s.part).map((s) => [s.name, s]));
  const target = (sheet: string, row: number, col: number) => {
    if (!sheetByName.has(sheet)) return undefined;
    const address = a1(row - 1, col - 1);
    let cells = bySheet.get(sheet);
    if (!cells) bySheet.set(sheet, (cells = new Map()));
    let t = cells.get(address);
    if (!t) cells.set(address, (t = { row, col }));
    return t;
  };
  let cellsRestored = 0;
  for (const r of recorded) {
    const t = target(r.sheet, r.row, r.col);
    if (t) {
      t.recorded = r;
      cellsRestored++;
    }
  }
  let cellsMarked = 0;
  for (const m of req.marks ?? []) {
    const t = target(m.sheet, m.row, m.col);
    if (t && !t.mark) {
      t.mark = m;
      cellsMarked++;
    }
  }

  const writer = new PackageWriter(pkg.codec);
  const replaced = new Map<string, Compressed>();
  const added: { name: string; data: Compressed }[] = [];
  const removed = new Set<string>();
  const ctAdd: { part: string; type: string }[] = [];
  const ctDefaults: { ext: string; type: string }[] = [];
  const newRecord: RecordedCell[] = [];
  const taken = new Set(pkg.parts.map((p) => p.name.toLowerCase()));
  const freePart = (pattern: (n: number) => string) => {
    for (let n = 1; ; n++) {
      const name = pattern(n);
      if (!taken.has(name.toLowerCase())) {
        taken.add(name.toLowerCase());
        return name;
      }
    }
  };

  for (const [block, sheet] of sheets.entries()) {
    const cells = bySheet.get(sheet.name);
    if (!cells) continue;
    const part = pkg.part(sheet.part);
    if (!part) throw new Unpatchable('missing sheet part');
    const relsName = sheet.part.replace(/([^/]+)$/, '_rels/$1.rels');
    const relsXml = await text(relsName);
    const rels = relsXml ? relationships(relsXml) : [];
    const relIds = new Set(rels.map((r) => r.id));
    const needsNotes = [...cells.values()].some((t) => t.mark);
    const newVmlId = needsNotes ? freeRelId(relIds) : undefined;
    const rows = new Map<number, number[]>();
    for (const t of cells.values()) {
      const list = rows.get(t.row);
      if (list) list.push(t.col);
      else rows.set(t.row, [t.col]);
    }
    for (const list of rows.values()) list.sort((a, b) => a - b);
    const at = (row: number, col: number) => cells.get(a1(row - 1, col - 1))!;
    const result: SheetPatchResult = { addedLegacyDrawing: false };
    const data = await writer.compress(
      patchSheet(
        pkg.chunks(part),
        {
          rows,
          legacyDrawingId: newVmlId,
          style(row, col, s) {
            const t = at(row, col);
            let now = s;
            if (t.recorded && styles.isMarked(now)) now = styles.restored(now, t.recorded.fill ?? '');
            if (!t.mark) return now;
            t.fillBefore = styles.fillJson(now);
            return styles.marked(now, t.mark.severity);
          },
        },
        result,
      ),
    );
    replaced.set(part.name, data);

    // Notes: the sheet's own comments and VML parts, or new ones.
    const base = sheet.part.replace(/\/[^/]+$/, '');
    const vmlRel = result.legacyDrawingId ? rels.find((r) => r.id === result.legacyDrawingId) : undefined;
    const commentsRel = rels.find((r) => r.type === COMMENTS_TYPE);
    const commentsPart = commentsRel ? resolvePart(base, commentsRel.target) : undefined;
    const vmlPart = vmlRel ? resolvePart(base, vmlRel.target) : undefined;
    const notes = new SheetNotes(
      commentsPart ? await text(commentsPart) : undefined,
      vmlPart ? await text(vmlPart) : undefined,
      1000 + block,
    );
    for (const [ref, t] of cells) {
      if (t.recorded) notes.removeOurs(ref);
      if (!t.mark) continue;
      newRecord.push({ sheet: sheet.name, address: ref, fill: t.fillBefore || undefined, note: notes.noteJson(ref) });
      notes.addOurs(ref, ourNoteText(t.mark.lines));
    }
    if (!notes.changed && !result.addedLegacyDrawing) continue;
    const newRels: { id: string; type: string; target: string }[] = [];
    const relTarget = (partName: string) => `../${partName.replace(/^xl\//, '')}`;
    if (commentsPart) replaced.set(pkg.part(commentsPart)!.name, await writer.compress(notes.commentsXml()));
    else {
      const name = freePart((n) => `xl/comments${n}.xml`);
      added.push({ name, data: await writer.compress(notes.commentsXml()) });
      ctAdd.push({ part: name, type: CT_COMMENTS });
      newRels.push({ id: freeRelId(relIds), type: COMMENTS_TYPE, target: relTarget(name) });
    }
    if (vmlPart) replaced.set(pkg.part(vmlPart)?.name ?? vmlPart, await writer.compress(notes.vmlXml()));
    else if (result.addedLegacyDrawing && newVmlId) {
      const name = freePart((n) => `xl/drawings/vmlDrawing${n}.vml`);
      added.push({ name, data: await writer.compress(notes.vmlXml()) });
      ctDefaults.push({ ext: 'vml', type: CT_VML });
      newRels.push({ id: newVmlId, type: VML_TYPE, target: relTarget(name) });
    } else throw new Unpatchable('notes without a VML drawing');
    if (newRels.length) {
      const relsPart = pkg.part(relsName);
      const xml = editRelationships(relsXml, newRels);
      if (relsPart) replaced.set(relsPart.name, await writer.compress(xml));
      else added.push({ name: relsName, data: await writer.compress(xml) });
    }
  }

  // The old records and the sheets being replaced go; the new ones come in, after the rest.
  const wbPrefix = rootPrefix(workbookXml, 'workbook');
  let wbXml = workbookXml;
  const wbRelRemove: string[] = [];
  const ctRemove: string[] = [];
  const gone = [oldRecord, oldGenerated, ...replacedSheets].filter((s): s is ListedSheet => !!s);
  for (const sheet of gone.sort((a, b) => listed.indexOf(b) - listed.indexOf(a))) {
    wbXml = wbXml.replace(sheet.xml, '');
    wbXml = renumberLocalNames(wbXml, wbPrefix, listed.indexOf(sheet));
    wbRelRemove.push(sheet.rid);
    const part = pkg.part(sheet.part);
    if (part) removed.add(part.name);
    ctRemove.push(sheet.part);
    const rels = pkg.part(sheet.part.replace(/([^/]+)$/, '_rels/$1.rels'));
    if (rels) removed.add(rels.name);
  }
  const kept = listed.length - gone.length;
  if (gone.length) wbXml = keepTabsInRange(wbXml, wbPrefix, kept);
  const grafted = graftSheets(named, newRecord, generated, styles);
  const wbRelIds = new Set(relationships(workbookRels).map((r) => r.id));
  const wbRelAdd: { id: string; type: string; target: string }[] = [];
  const relPrefix = namespacePrefix(wbXml, REL_NS);
  let sheetId = Math.max(0, ...listed.map((s) => Number(getAttr(startTag(s.xml), 'sheetId') ?? 0)));
  let sheetEls = '';
  let names = '';
  let position = kept;
  let graftedCount = 0;
  for (const g of grafted) {
    graftedCount++;
    const name = freePart((n) => `xl/worksheets/sheet${n}.xml`);
    added.push({ name, data: await writer.compress(g.xml) });
    ctAdd.push({ part: name, type: WORKSHEET_CONTENT_TYPE });
    const rid = freeRelId(wbRelIds);
    wbRelAdd.push({ id: rid, type: WORKSHEET_TYPE, target: name.replace(/^xl\//, '') });
    const ridAttr = relPrefix ? `${relPrefix}:id="${rid}"` : `xmlns:r="${REL_NS}" r:id="${rid}"`;
    sheetEls +=
      `<${wbPrefix}sheet name="${escapeAttr(g.name)}" sheetId="${++sheetId}"` +
      `${g.veryHidden ? ' state="veryHidden"' : ''} ${ridAttr}/>`;
    for (const d of g.definedNames) {
      names += `<${wbPrefix}definedName name="${escapeAttr(d.name)}" localSheetId="${position}">${d.formula}</${wbPrefix}definedName>`;
    }
    position++;
  }
  wbXml = wbXml.replace(new RegExp(`</${wbPrefix}sheets>`), `${sheetEls}</${wbPrefix}sheets>`);
  if (names) wbXml = addDefinedNames(wbXml, wbPrefix, names);
  wbXml = activeTabOnVisibleSheet(wbXml, wbPrefix);
  if (gone.length || graftedCount) {
    replaced.set(pkg.part('xl/workbook.xml')!.name, await writer.compress(wbXml));
    replaced.set(
      pkg.part('xl/_rels/workbook.xml.rels')!.name,
      await writer.compress(editRelationships(workbookRels, wbRelAdd, wbRelRemove)),
    );
  }
  if (styles.changed) replaced.set(pkg.part('xl/styles.xml')!.name, await writer.compress(styles.toXml()));
  if (ctAdd.length || ctRemove.length || ctDefaults.length) {
    replaced.set(
      pkg.part('[Content_Types].xml')!.name,
      await writer.compress(editContentTypes(contentTypes, ctAdd, ctRemove, ctDefaults)),
    );
  }

  for (const part of pkg.parts) {
    if (removed.has(part.name)) continue;
    const data = replaced.get(part.name);
    if (data) writer.place(part.name, data);
    else writer.copy(pkg, part);
  }
  for (const a of added) writer.place(a.name, a.data);
  return {
    bytes: writer.finish(),
    cellsMarked,
    cellsRestored,
    sheetsAdded: named.map((n) => n.name),
  };
}

/**
 * Each generated sheet replaces our earlier one of its kind (generated-record.ts), or gets a free
 * name; `generated` (kind → name) is updated to the new names. `sheets`: the workbook's own.
 */
export function nameSheets(
  sheets: ListedSheet[],
  generated: Map<string, string>,
  add: GeneratedSheet[],
): { named: { sheet: GeneratedSheet; name: string }[]; replaced: ListedSheet[] } {
  const replaced: ListedSheet[] = [];
  const named: { sheet: GeneratedSheet; name: string }[] = [];
  for (const sheet of add) {
    const names = sheets.filter((s) => !replaced.includes(s)).map((s) => s.name);
    const earlier = sheetToReplace(generated, sheet.kind, names);
    if (earlier) replaced.push(sheets.find((s) => s.name === earlier)!);
    const name = earlier ?? freeSheetName(sheet.name, [...names, ...named.map((n) => n.name)]);
    named.push({ sheet, name });
    if (sheet.kind) generated.set(sheet.kind, name);
  }
  return { named, replaced };
}

/** The prefix the workbook declares for a namespace ("" when it declares none). */
function namespacePrefix(xml: string, ns: string): string {
  const m = new RegExp(`xmlns:([\\w.-]+)="${ns.replace(/[.]/g, '\\.')}"`).exec(xml);
  return m?.[1] ?? '';
}

/** After the sheet at `removedAt` is taken out: names local to it go, later ones move up. */
function renumberLocalNames(xml: string, p: string, removedAt: number): string {
  let out = xml;
  for (const d of elements(xml, p, 'definedName')) {
    const tag = startTag(d.xml);
    const local = getAttr(tag, 'localSheetId');
    if (local === undefined) continue;
    const n = Number(local);
    if (n === removedAt) out = out.replace(d.xml, '');
    else if (n > removedAt) out = out.replace(d.xml, d.xml.replace(/localSheetId="\d+"/, `localSheetId="${n - 1}"`));
  }
  return out.replace(new RegExp(`<${p}definedNames>\\s*</${p}definedNames>`), '');
}

/** The active and first tab of the window must name a sheet that is still there. */
function keepTabsInRange(xml: string, p: string, count: number): string {
  return xml.replace(new RegExp(`<${p}workbookView\\b[^>]*>`, 'g'), (tag) =>
    tag.replace(/\s(activeTab|firstSheet)="(\d+)"/g, (all, name: string, n: string) =>
      Number(n) >= count ? ` ${name}="0"` : all,
    ),
  );
}

/** Defined names appended to <definedNames>, made where the schema puts it when there is none. */
function addDefinedNames(xml: string, p: string, names: string): string {
  const close = `</${p}definedNames>`;
  if (xml.includes(close)) return xml.replace(close, names + close);
  const section = `<${p}definedNames>${names}</${p}definedNames>`;
  // After sheets, functionGroups and externalReferences; before calcPr and the rest.
  for (const after of ['externalReferences', 'functionGroups', 'sheets']) {
    const end = `</${p}${after}>`;
    const at = xml.indexOf(end);
    if (at >= 0) return xml.slice(0, at + end.length) + section + xml.slice(at + end.length);
  }
  return xml;
}

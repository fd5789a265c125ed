/**
 * The window's active tab must be a sheet the clerk can see. A workbook whose active (or only
 * default, tab 0) sheet is one of our very hidden records is shown and printed with that record
 * by LibreOffice (it makes the active sheet visible), so a marked copy converted to PDF started
 * with "_dibao_sheets". Excel itself never shows it, but repairs nothing either.
 */
import { elements, getAttr, setAttr, startTag } from './patch-xml';

/** workbook.xml with its active tab (and first shown tab) on the first visible sheet when it named a hidden one. */
export function activeTabOnVisibleSheet(xml: string, p: string): string {
  const states = elements(xml, p, 'sheet').map((s) => getAttr(startTag(s.xml), 'state') ?? 'visible');
  const visible = states.indexOf('visible');
  if (visible < 0) return xml;
  const view = elements(xml, p, 'workbookView')[0];
  if (!view) {
    if (visible === 0) return xml;
    // No window recorded: tab 0 is active. The window goes before <sheets>, as the schema orders it.
    const sheets = xml.indexOf(`<${p}sheets>`);
    return `${xml.slice(0, sheets)}<${p}bookViews><${p}workbookView activeTab="${visible}"/></${p}bookViews>${xml.slice(sheets)}`;
  }
  const tag = startTag(view.xml);
  const active = Number(getAttr(tag, 'activeTab') ?? 0);
  if (states[active] === 'visible') return xml;
  let fixed = setAttr(tag, 'activeTab', String(visible));
  if (Number(getAttr(tag, 'firstSheet') ?? 0) > visible) fixed = setAttr(fixed, 'firstSheet', String(visible));
  return xml.slice(0, view.start) + fixed + xml.slice(view.start + tag.length);
}

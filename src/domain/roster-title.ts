/**
 * What a roster says about itself above its header (and in its signature lines below the table):
 * the title row "新宁县黄龙镇农村低保对象花名册（2018年1月）" and the lines
 * "填报单位：黄龙镇人民政府  填报日期：2018年1月10日".
 */
import type { Cell, SheetGrid } from './grid';
import { toHalfWidth } from './columns';
import { cellString, parseDate } from './values';

export interface RosterTitle {
  county?: string;
  township?: string;
  /** The period the roster is for, "2018年1月" or "2018年", as the title writes it. */
  period?: string;
  /** ISO date of the 填报日期 line. */
  filledOn?: string;
}

/** Lines below the table read for a 填报日期 (the signature block is a few rows at most). */
const FOOTER_LINES = 12;

function lineText(row: readonly (Cell | undefined)[] | undefined): string {
  if (!row) return '';
  let text = '';
  for (const cell of row) {
    const t = cellString(cell);
    if (t) text += (text ? ' ' : '') + t;
  }
  return text;
}

/** A province or prefecture before the county is not the county ("湖南省邵阳市新宁县…"). */
const PROVINCE = /^.{2,8}?(?:省|自治区)/;
const PREFECTURE = /^.{2,8}?(?:市|自治州|地区)(?=.{1,12}?(?:自治县|县|区|市|旗))/;
const COUNTY = /^.{1,10}?(?:自治县|县|区|市|旗)/;
const TOWNSHIP = /^.{1,10}?(?:民族乡|镇|乡|街道|办事处)/;
const PERIOD = /(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:份)?)?/;
/** A title names the roster (and maybe its place); anything else above the header is not a title. */
const TITLE_WORDS = /花名册|名册|名单|低保|最低生活保障/;

/** County and township at the start of a title or unit ("城步苗族自治县儒林镇…", "黄龙镇人民政府"). */
function placeOf(text: string): { county?: string; township?: string } {
  let rest = text.replace(/\s+/g, '');
  rest = rest.replace(PROVINCE, '');
  rest = rest.replace(PREFECTURE, '');
  const out: { county?: string; township?: string } = {};
  const county = COUNTY.exec(rest);
  // "…镇" first means no county in the text: a township alone.
  const township0 = TOWNSHIP.exec(rest);
  if (county && !(township0 && township0[0].length < county[0].length)) {
    out.county = county[0];
    rest = rest.slice(county[0].length);
  }
  const township = TOWNSHIP.exec(rest);
  if (township && !TITLE_WORDS.test(township[0])) out.township = township[0];
  return out;
}

function valueAfter(text: string, label: RegExp): string | undefined {
  const m = label.exec(text);
  if (!m) return undefined;
  return text
    .slice(m.index + m[0].length)
    .replace(/^[\s:：]+/, '')
    .split(/\s+|(?=填报|日期|制表|审核)/)[0];
}

function dateAfter(text: string): string | undefined {
  const raw = valueAfter(text, /(?:填报|制表|报送)?日期/);
  if (!raw) return undefined;
  const d = parseDate({ v: raw, t: 'string' } as Cell);
  return d && d.ok ? d.iso : undefined;
}

/**
 * The title facts of a roster sheet whose (first) header row is `headerRow` (0-based): the rows
 * above it, and for the 填报日期 also the last lines of the sheet.
 */
export function readRosterTitle(sheet: SheetGrid, headerRow: number): RosterTitle {
  const out: RosterTitle = {};
  const lines: string[] = [];
  for (let r = 0; r < headerRow; r++) lines.push(toHalfWidth(lineText(sheet.rows[r])));
  for (const line of lines) {
    const unit = valueAfter(line, /填报单位|报送单位|单位(?:名称)?(?=[:：])/);
    if (unit !== undefined) {
      const place = placeOf(unit);
      out.county ??= place.county;
      out.township ??= place.township;
    } else if (TITLE_WORDS.test(line) && !out.period) {
      const place = placeOf(line);
      if (place.county) out.county = place.county;
      if (place.township) out.township = place.township;
      const period = PERIOD.exec(line);
      if (period) out.period = period[2] ? `${period[1]}年${Number(period[2])}月` : `${period[1]}年`;
    }
    out.filledOn ??= dateAfter(line);
  }
  if (!out.filledOn) {
    for (let r = Math.max(headerRow + 1, sheet.rows.length - FOOTER_LINES); r < sheet.rows.length; r++) {
      const line = toHalfWidth(lineText(sheet.rows[r]));
      if (/填报日期|制表日期|报送日期/.test(line)) out.filledOn ??= dateAfter(line);
    }
  }
  for (const k of Object.keys(out) as (keyof RosterTitle)[]) if (out[k] === undefined) delete out[k];
  return out;
}

/** The period a sheet's name gives ("2018年花名册" → 2018年), for telling a year's roster from another's. */
export function periodOfName(name: string): string | undefined {
  const m = PERIOD.exec(toHalfWidth(name));
  return m ? (m[2] ? `${m[1]}年${Number(m[2])}月` : `${m[1]}年`) : undefined;
}

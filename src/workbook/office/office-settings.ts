/**
 * The clerk's settings inside Excel, kept twice in the workbook (#16 point 8):
 *
 * - in the add-in's document settings (Office.context.document.settings), as before — but these
 *   belong to one add-in id, so a sideloaded and a deployed add-in never see each other's;
 * - in the workbook's custom document properties (ExcelApi 1.7), which every add-in and the
 *   clerk (文件 → 属性 → 自定义) see: one property per value ("dibao.county", "dibao.column.benefit",
 *   "dibao.leftOut.1"), each far below the 255 characters Excel on Windows and Mac cuts values to.
 *
 * Each save writes both with the same time stamp (dibao.savedAt); reading takes the newer copy
 * whole (a value cleared in the newer copy stays cleared), the properties on a tie. Only our own
 * keys are ever read: Excel on Windows crashes loading a longer value another program wrote
 * (office-js #4378) — WPS's single JSON property among them.
 */
import { ROSTER_FIELDS } from '../../domain/fields';
import {
  MAX_LEFT_OUT,
  SCALAR_SETTINGS,
  documentBackend,
  type DocumentSettings,
  type Settings,
  type SettingsBackend,
} from '../settings';

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export const PROPERTY_PREFIX = 'dibao.';
/** Excel on Windows and Mac cuts longer property values (and keys) without a word. */
export const PROPERTY_VALUE_LIMIT = 255;

const SCALARS = SCALAR_SETTINGS;
const SAVED_AT = `${PROPERTY_PREFIX}savedAt`;
const columnKey = (field: string) => `${PROPERTY_PREFIX}column.${field}`;
const leftOutKey = (i: number) => `${PROPERTY_PREFIX}leftOut.${i + 1}`;

/** Every key we may have written: read by name, never by listing the collection. */
export const PROPERTY_KEYS: readonly string[] = [
  SAVED_AT,
  ...SCALARS.map((k) => PROPERTY_PREFIX + k),
  ...ROSTER_FIELDS.map(columnKey),
  ...Array.from({ length: MAX_LEFT_OUT }, (_, i) => leftOutKey(i)),
];

/** The properties one save writes: only values that are set. */
export function settingsToProperties(s: Settings, savedAt: string): Map<string, string> {
  const out = new Map<string, string>([[SAVED_AT, savedAt]]);
  const record = s as Record<string, unknown>;
  for (const k of SCALARS) {
    const v = record[k];
    if (v !== undefined && v !== null && v !== '') out.set(PROPERTY_PREFIX + k, String(v));
  }
  for (const [field, header] of Object.entries(s.columns ?? {})) if (header) out.set(columnKey(field), header);
  const leftOut = (record.leftOut as string[] | undefined) ?? [];
  leftOut.slice(0, MAX_LEFT_OUT).forEach((name, i) => out.set(leftOutKey(i), name));
  for (const [key, value] of out) {
    // The schema keeps every value far shorter; a longer one would be cut by Excel, not refused.
    if (value.length > PROPERTY_VALUE_LIMIT)
      throw new Error(`${key} is longer than ${PROPERTY_VALUE_LIMIT} characters`);
  }
  return out;
}

/** Stored settings (as readStoredSettings takes them) from the properties found. */
export function settingsFromProperties(found: Map<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of SCALARS) if (found.has(PROPERTY_PREFIX + k)) out[k] = found.get(PROPERTY_PREFIX + k);
  const columns: Record<string, string> = {};
  for (const f of ROSTER_FIELDS) if (found.has(columnKey(f))) columns[f] = found.get(columnKey(f))!;
  if (Object.keys(columns).length) out.columns = columns;
  const leftOut: string[] = [];
  for (let i = 0; i < MAX_LEFT_OUT && found.has(leftOutKey(i)); i++) leftOut.push(found.get(leftOutKey(i))!);
  if (leftOut.length) out.leftOut = leftOut;
  if (found.has(SAVED_AT)) out.savedAt = found.get(SAVED_AT);
  return out;
}

/** Our properties as they are in the workbook; empty when none. */
export async function readProperties(run: Run): Promise<Map<string, string>> {
  return run(async (context) => {
    const custom = context.workbook.properties.custom;
    const items = PROPERTY_KEYS.map((key) => [key, custom.getItemOrNullObject(key).load('value')] as const);
    await context.sync();
    const found = new Map<string, string>();
    for (const [key, item] of items) {
      // Typed by hand in 文件 → 属性 a number stays a number: keep its text.
      if (!item.isNullObject && item.value !== null && item.value !== undefined) found.set(key, String(item.value));
    }
    return found;
  });
}

/** Writes the settings' properties and deletes ours that the settings no longer hold. */
export async function writeProperties(run: Run, s: Settings, savedAt: string): Promise<void> {
  const next = settingsToProperties(s, savedAt);
  await run(async (context) => {
    const custom = context.workbook.properties.custom;
    const items = PROPERTY_KEYS.map((key) => [key, custom.getItemOrNullObject(key).load('key')] as const);
    await context.sync();
    for (const [key, item] of items) if (!item.isNullObject && !next.has(key)) item.delete();
    for (const [key, value] of next) custom.add(key, value);
    await context.sync();
  });
}

const savedAtOf = (v: unknown) =>
  v && typeof v === 'object' && typeof (v as { savedAt?: unknown }).savedAt === 'string'
    ? (v as { savedAt: string }).savedAt
    : '';

/** Both copies: the newer is read, both are written. `now` is for tests. */
export function officeSettingsBackend(
  doc: DocumentSettings,
  run: Run,
  now: () => Date = () => new Date(),
): SettingsBackend {
  const document = documentBackend(doc);
  return {
    read: async () => {
      const own = await document.read();
      let shared: Map<string, string>;
      try {
        shared = await readProperties(run);
      } catch {
        return own; // the document settings alone, as before #16
      }
      if (shared.size === 0) return own;
      const fromProperties = settingsFromProperties(shared);
      return own && savedAtOf(own) > savedAtOf(fromProperties) ? own : fromProperties;
    },
    write: async (value) => {
      const savedAt = now().toISOString();
      try {
        await writeProperties(run, value, savedAt);
      } catch {
        // Properties refused (a protected workbook, an older Excel): the document settings, newer
        // than whatever the properties hold, win when read back here.
      }
      await document.write({ ...value, savedAt } as Settings);
    },
  };
}

/** Inside Excel: both copies where custom properties exist (ExcelApi 1.7), else the document settings. */
export function excelSettingsBackend(doc: DocumentSettings): SettingsBackend {
  const properties =
    typeof Excel !== 'undefined' && Office.context?.requirements?.isSetSupported?.('ExcelApi', '1.7') === true;
  return properties ? officeSettingsBackend(doc, (batch) => Excel.run(batch)) : documentBackend(doc);
}

/**
 * The clerk's check settings (核查参数): county, township, the dibao standard per year or per
 * month, the reference date and the tolerance. Inside Excel they are kept in the workbook's own
 * settings (Office.context.document.settings), so they travel with the file to the next computer;
 * on the standalone page (no Office) in the browser's localStorage.
 */
import * as z from 'zod';
import { CodedError } from '../domain/coded-error';
import type { SettingIssue } from '../domain/error-texts';
import { SETTING_FIELDS, type PolicyInput } from '../domain/policy';

/** The key in the document settings and in localStorage. */
export const SETTINGS_KEY = 'dibao.settings';

const blankToUndefined = (v: unknown) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v);
/** Numbers typed as text ("3026") become numbers here, explicitly: no schema coercion. */
const toNumber = (v: unknown) => {
  const b = blankToUndefined(v);
  return typeof b === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(b) ? Number(b) : b;
};

/** Blank headers are no mapping: a cleared row of the form simply goes away. */
const withoutBlanks = (v: unknown) => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
  const kept = Object.entries(v as Record<string, unknown>).filter(([, h]) => typeof h !== 'string' || h.trim() !== '');
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
};

/** A policy field as a form gives it: blank is absent. */
const typed = <T extends z.ZodType>(schema: T, prepare: (v: unknown) => unknown = blankToUndefined) =>
  z.preprocess(prepare, schema.optional());

/** At most this many sheets left out are kept (a township has a few dozen villages at most). */
export const MAX_LEFT_OUT = 60;

/** The policy's settings (SETTING_FIELDS) as the form gives them, and the pane's own two. */
const FIELDS = {
  county: typed(SETTING_FIELDS.county),
  township: typed(SETTING_FIELDS.township),
  /** Absent = the policy default. */
  standard: typed(SETTING_FIELDS.standard, toNumber),
  standardUnit: z.enum(['year', 'month']).default('year'),
  /** Absent = today. */
  asOf: typed(SETTING_FIELDS.asOf),
  /** Absent = the policy default (1). */
  tolerance: typed(SETTING_FIELDS.tolerance, toNumber),
  /** Absent = not checked. */
  areaCode: typed(SETTING_FIELDS.areaCode),
  /** Absent = a blank to sign. */
  preparer: typed(SETTING_FIELDS.preparer),
  /**
   * Roster sheets the clerk left out of the check (the pane's sheet list), by name; remembered
   * per workbook, never as a per-user default.
   */
  leftOut: z.preprocess(
    (v) => (Array.isArray(v) && v.length === 0 ? undefined : v),
    z.array(z.string().min(1).max(31)).max(MAX_LEFT_OUT).optional(),
  ),
  columns: typed(SETTING_FIELDS.columns, withoutBlanks),
};

/** The settings kept as one value each (the rest: columns by field, leftOut by position). */
export const SCALAR_SETTINGS = Object.keys(FIELDS).filter((k) => k !== 'columns' && k !== 'leftOut');

/** The settings passed to the policy under their own name (standard goes by its unit). */
const POLICY_KEYS = (Object.keys(SETTING_FIELDS) as (keyof typeof SETTING_FIELDS)[]).filter((k) => k !== 'standard');

export const SettingsSchema = z.object(FIELDS);
export type Settings = z.output<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/** Settings the pane would save that do not validate: the fields at fault and zod's reasons. */
export class SettingsError extends CodedError<'settings-invalid'> {
  constructor(issues: readonly SettingIssue[]) {
    super('SettingsError', 'settings-invalid', { issues });
  }
}

/** The workbook refused to keep the settings (Office.Settings.saveAsync failed): the host's reason. */
export class SettingsNotSaved extends CodedError<'settings-not-saved'> {
  constructor(reason: string | undefined) {
    super('SettingsNotSaved', 'settings-not-saved', { reason });
  }
}

/** Validates settings to save; throws SettingsError naming each bad field. */
export function parseSettings(input: unknown): Settings {
  const res = SettingsSchema.safeParse(input ?? {});
  if (res.success) return res.data;
  throw new SettingsError(res.error.issues.map((i) => ({ keys: i.path.map(String), reason: i.message })));
}

/**
 * Settings as stored, leniently: a field that no longer validates (edited by hand, written by an
 * older version) falls back to its default instead of losing the others.
 */
export function readStoredSettings(stored: unknown): Settings {
  const raw = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(FIELDS)) {
    const r = schema.safeParse(raw[key]);
    if (r.success && r.data !== undefined) out[key] = r.data;
  }
  return SettingsSchema.parse(out);
}

export function settingsToPolicyInput(s: Settings): PolicyInput {
  const input: Record<string, unknown> = {};
  for (const key of POLICY_KEYS) {
    const v = s[key];
    if (v !== undefined && v !== '') input[key] = typeof v === 'object' ? { ...v } : v;
  }
  if (s.standard !== undefined) input[s.standardUnit === 'month' ? 'monthlyStandard' : 'annualStandard'] = s.standard;
  return input as PolicyInput;
}

/** Where settings live. Reading is asynchronous: inside Excel it asks the workbook (Excel.run). */
export interface SettingsBackend {
  read(): Promise<unknown>;
  write(value: Settings): Promise<void>;
}

/** The part of Office.Settings used here (a fake in tests). */
export type DocumentSettings = Pick<Office.Settings, 'get' | 'set' | 'saveAsync'>;

export function documentBackend(settings: DocumentSettings): SettingsBackend {
  return {
    read: async () => settings.get(SETTINGS_KEY),
    write: (value) =>
      new Promise<void>((resolve, reject) => {
        settings.set(SETTINGS_KEY, value);
        settings.saveAsync((r) => {
          if (String(r.status) === 'failed') {
            reject(new SettingsNotSaved(r.error?.message));
          } else resolve();
        });
      }),
  };
}

export function localStorageBackend(storage: Pick<Storage, 'getItem' | 'setItem'>): SettingsBackend {
  return {
    read: async () => {
      try {
        return JSON.parse(storage.getItem(SETTINGS_KEY) ?? 'null');
      } catch {
        return null;
      }
    },
    write: async (value) => storage.setItem(SETTINGS_KEY, JSON.stringify(value)),
  };
}

/** Document settings inside Office; localStorage on the standalone page; memory as a last resort. */
export function defaultBackend(): SettingsBackend {
  const doc = typeof Office !== 'undefined' ? Office.context?.document?.settings : undefined;
  if (doc) return documentBackend(doc);
  try {
    if (typeof localStorage !== 'undefined') return localStorageBackend(localStorage);
  } catch {
    // localStorage can throw in sandboxed frames; fall through to memory.
  }
  let memory: unknown = null;
  return {
    read: async () => memory,
    write: async (v) => {
      memory = v;
    },
  };
}

export async function loadSettings(backend: SettingsBackend = defaultBackend()): Promise<Settings> {
  return readStoredSettings(await backend.read());
}

export async function saveSettings(s: Settings, backend: SettingsBackend = defaultBackend()): Promise<void> {
  await backend.write(parseSettings(s));
}

/** Where a ribbon command (一键标注 / 清除标注) leaves its result, for the task pane to show. */
export const LAST_COMMAND_KEY = 'dibao.lastCommand';

const LastCommandSchema = z.object({ ok: z.boolean(), zh: z.string(), en: z.string(), at: z.string() });
export type LastCommand = z.output<typeof LastCommandSchema>;

/** The last ribbon command's result as stored in the document settings; undefined when none or unreadable. */
export function readLastCommand(settings: { get(name: string): unknown }): LastCommand | undefined {
  const r = LastCommandSchema.safeParse(settings.get(LAST_COMMAND_KEY));
  return r.success ? r.data : undefined;
}

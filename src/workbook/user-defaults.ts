/**
 * Per-user defaults: the county, township, area code, standard and 制表人 the clerk last used, kept in
 * this computer's browser storage (localStorage of the add-in's origin, which Excel's pane and
 * the ribbon share), so that a new roster file needs nothing typed. The workbook's own settings
 * win wherever they name a value; the reference date and the tolerance belong to one review and
 * are never remembered across files.
 */
import type { Settings, SettingsBackend } from './settings';

export const USER_DEFAULTS_KEY = 'dibao.userDefaults';

/** What is remembered: values that stay the same from one roster to the next. */
export const REMEMBERED = ['county', 'township', 'areaCode', 'standard', 'standardUnit', 'preparer'] as const;
type Remembered = (typeof REMEMBERED)[number];

export interface UserDefaultsStore {
  read(): Partial<Pick<Settings, Remembered>>;
  write(s: Settings): void;
}

const isSet = (v: unknown) => v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '');

export function localUserDefaults(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined): UserDefaultsStore {
  return {
    read: () => {
      try {
        const raw: unknown = JSON.parse(storage?.getItem(USER_DEFAULTS_KEY) ?? 'null');
        if (!raw || typeof raw !== 'object') return {};
        const out: Record<string, unknown> = {};
        for (const k of REMEMBERED)
          if (isSet((raw as Record<string, unknown>)[k])) out[k] = (raw as Record<string, unknown>)[k];
        return out as Partial<Pick<Settings, Remembered>>;
      } catch {
        return {};
      }
    },
    write: (s) => {
      const out: Record<string, unknown> = {};
      for (const k of REMEMBERED) if (isSet(s[k])) out[k] = s[k];
      try {
        storage?.setItem(USER_DEFAULTS_KEY, JSON.stringify(out));
      } catch {
        // Storage full or blocked: the workbook's settings were still saved.
      }
    },
  };
}

/** The browser's storage where there is one (never throws: sandboxed frames refuse access). */
export function browserUserDefaults(): UserDefaultsStore {
  try {
    return localUserDefaults(typeof localStorage !== 'undefined' ? localStorage : undefined);
  } catch {
    return localUserDefaults(undefined);
  }
}

/**
 * The workbook's stored settings over the user's defaults: a value the workbook stores wins, a
 * value it leaves blank comes from the defaults. `fromUser` names the keys the defaults gave.
 */
export function mergeUserDefaults(
  stored: unknown,
  defaults: Record<string, unknown>,
): { merged: Record<string, unknown>; fromUser: Set<string> } {
  const own = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const merged: Record<string, unknown> = { ...defaults };
  for (const [k, v] of Object.entries(own)) {
    // The unit goes with the standard: a workbook without a standard keeps the user's unit.
    if (k === 'standardUnit' && !isSet(own.standard)) continue;
    if (isSet(v)) merged[k] = v;
  }
  const fromUser = new Set(Object.keys(defaults).filter((k) => !isSet(own[k]) && isSet(defaults[k])));
  return { merged, fromUser };
}

/** The workbook's settings over the user's defaults (mergeUserDefaults). Saving writes both. */
export function withUserDefaults(backend: SettingsBackend, user: UserDefaultsStore): SettingsBackend {
  return {
    read: async () => mergeUserDefaults(await backend.read(), user.read()).merged,
    write: async (value) => {
      await backend.write(value);
      user.write(value);
    },
  };
}

/**
 * 边改边查 on or off, remembered per user (this computer's storage of the add-in's origin, as the
 * per-user defaults are): on unless the clerk turned it off.
 */
export const LIVE_PREF_KEY = 'dibao.liveRecheck';

type Store = Pick<Storage, 'getItem' | 'setItem'> | undefined;

function browserStore(): Store {
  try {
    return typeof localStorage !== 'undefined' ? localStorage : undefined;
  } catch {
    return undefined; // a sandboxed frame refuses access
  }
}

export function readLivePref(store: Store = browserStore()): boolean {
  try {
    return store?.getItem(LIVE_PREF_KEY) !== 'off';
  } catch {
    return true;
  }
}

export function writeLivePref(on: boolean, store: Store = browserStore()): void {
  try {
    store?.setItem(LIVE_PREF_KEY, on ? 'on' : 'off');
  } catch {
    // Storage full or blocked: the switch still works for this session.
  }
}

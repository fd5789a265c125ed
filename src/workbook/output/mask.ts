/**
 * --mask-ids: an ID number keeps its first 6 (area) and last 4 characters, the rest becomes *,
 * so a report can be shared without exposing who is who. Applied to ID fields and to any run of
 * ID-like digits inside message text (IDs, old 15-digit IDs, disability certificate numbers).
 */

export function maskId(id: string): string {
  if (id.length <= 10) return id;
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);
}

/** 14 or more digits, optionally ending in X: every ID-like run in free text. */
const ID_RUN = /\d{14,}[\dXx]*/g;

export function maskIdsInText(text: string): string {
  return text.replace(ID_RUN, maskId);
}

/**
 * Resident ID numbers for the synthetic roster (GB 11643-1999). Implemented here rather than
 * imported from src/domain so the sample stays an independent oracle for the checker.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** Check character for the first 17 digits (ISO 7064 MOD 11-2). */
export function checkChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/**
 * An 18-digit ID: area code, birth date (YYYYMMDD), a 3-digit sequence whose last digit is odd
 * for men and even for women, then the check character.
 */
export function makeId(area: string, birth: string, seq: number, sex: '男' | '女'): string {
  let s = seq % 1000;
  const odd = s % 2 === 1;
  if ((sex === '男') !== odd) s = s === 999 ? 998 : s + 1;
  const first17 = area + birth.replace(/-/g, '') + String(s).padStart(3, '0');
  return first17 + checkChar(first17);
}

/** Same as makeId, but for a birth date that does not exist (the check character is still right). */
export function makeIdRaw(first17: string): string {
  return first17 + checkChar(first17);
}

/** The old 15-digit form of an 18-digit ID: century and check character dropped. */
export function toOldId(id18: string): string {
  return id18.slice(0, 6) + id18.slice(8, 17);
}

/** A second-generation disability certificate number: ID + category (1–7) + grade (1–4). */
export function disabilityCertificate(id18: string, category: number, grade: number): string {
  return `${id18}${category}${grade}`;
}

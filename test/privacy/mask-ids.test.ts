/**
 * --mask-ids: a report that can be passed on without exposing who is who. Every ID number in it
 * — in ID fields and inside messages and reasons, 18-digit, broken or old 15-digit — keeps only
 * its first 6 (area) and last 4 characters; everything else in the report stays the same.
 */
import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../../src/workbook/output/report';
import { run, tempDir, writeSampleFiles } from '../cli/helpers';

/** The rule of the issue, written out independently of src/workbook/output/mask.ts. */
const ID_RUN = /\d{14,}[\dXx]?/g;
const masked = (id: string) => id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);
const maskAll = (text: string) => text.replace(ID_RUN, masked);
/** 14 digits or more, not the decimals of a number such as the standard 252.16666666666666. */
const LONG_DIGITS = /(?<![\d.])\d{14,}/g;

let plain: Report;
let hidden: Report;
let hiddenText: string;
let dir: string;
let files: { roster: string; policy: string };

beforeAll(async () => {
  dir = tempDir();
  files = await writeSampleFiles(dir);
  const args = ['check', files.roster, '--no-out', '--policy', files.policy];
  await run(...args, '--report', join(dir, 'plain.json'));
  await run(...args, '--report', join(dir, 'masked.json'), '--mask-ids');
  plain = JSON.parse(readFileSync(join(dir, 'plain.json'), 'utf8'));
  hiddenText = readFileSync(join(dir, 'masked.json'), 'utf8');
  hidden = JSON.parse(hiddenText);
});

describe('--mask-ids', () => {
  test('the unmasked report does hold ID numbers (in fields and in messages)', () => {
    expect(plain.adjustments.length).toBeGreaterThan(0);
    expect(plain.findings.filter((f) => /\d{14,}/.test(f.message)).length).toBeGreaterThan(0);
    expect(JSON.stringify(plain)).toMatch(/\d{17}[\dX]/);
  });

  test('no run of 14 or more digits (other than decimals) is left anywhere in the masked report', () => {
    expect(hiddenText.match(LONG_DIGITS)).toBeNull();
  });

  test('ID fields keep the first 6 and the last 4 characters', () => {
    expect(hidden.adjustments.map((a) => a.idNumber)).toEqual(plain.adjustments.map((a) => masked(a.idNumber)));
    expect(hidden.summary.missingBottomLine.map((m) => m.idNumber)).toEqual(
      plain.summary.missingBottomLine.map((m) => masked(m.idNumber)),
    );
    expect(hidden.adjustments[0].idNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
  });

  test('inside messages and reasons, every ID-like number is masked the same way, nothing else changes', () => {
    expect(hidden.findings.map((f) => f.message)).toEqual(plain.findings.map((f) => maskAll(f.message)));
    expect(hidden.adjustments.map((a) => a.reason)).toEqual(plain.adjustments.map((a) => maskAll(a.reason)));
    const maskData = (d: Record<string, string | number>) =>
      Object.fromEntries(Object.entries(d).map(([k, v]) => [k, typeof v === 'string' ? maskAll(v) : v]));
    expect(hidden.findings.map((f) => f.data)).toEqual(plain.findings.map((f) => maskData(f.data)));
    const strip = (r: Report) => ({
      ...r,
      findings: r.findings.map((f) => ({ ...f, message: '', data: {} })),
      adjustments: r.adjustments.map((a) => ({ ...a, idNumber: '', reason: '' })),
      summary: { ...r.summary, missingBottomLine: r.summary.missingBottomLine.map((m) => ({ ...m, idNumber: '' })) },
    });
    expect(strip(hidden)).toEqual(strip(plain));
  });

  test('a broken 17-digit ID and an old 15-digit ID inside messages are masked too', () => {
    const messages = hidden.findings.filter((f) => f.rule === 'ID-01' || f.rule === 'ID-08').map((f) => f.message);
    expect(messages.join('\n')).toMatch(/\d{6}\*{7}\d{4}/); // 17 digits
    expect(messages.join('\n')).toMatch(/\d{6}\*{5}\d{4}/); // 15 digits
  });

  test('folder mode: the county report is masked as well', async () => {
    const folder = join(dir, 'county');
    mkdirSync(folder);
    renameSync(files.roster, join(folder, '城步县儒林镇低保花名册.xlsx'));
    const r = await run(
      'check',
      folder,
      '--out',
      join(dir, 'county-out'),
      '--report',
      join(dir, 'county.json'),
      '--policy',
      files.policy,
      '--mask-ids',
    );
    expect(r.code).toBe(1);
    const text = readFileSync(join(dir, 'county.json'), 'utf8');
    expect(text).toMatch(/\d{6}\*{8}[\dX]{4}/);
    expect(text.match(LONG_DIGITS)).toBeNull();
  });
});

/**
 * Saving a file from the page: a Blob behind a temporary link with `download`. Nothing leaves
 * the machine; the browser writes the file where the clerk's downloads go.
 */
import { WORKBOOK_NAME } from '../../workbook/legacy/format';

export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "儒林镇.xlsx" (or .xls, .xlsb, .ods, .et) → "儒林镇.checked.xlsx" (the command line's default name too). */
export function checkedFileName(original: string | undefined): string {
  const base = (original ?? '花名册').replace(WORKBOOK_NAME, '');
  return `${base}.checked.xlsx`;
}

/** "儒林镇.xlsx" → "儒林镇.report.json". */
export function reportFileName(original: string | undefined): string {
  const base = (original ?? '核查报告').replace(WORKBOOK_NAME, '');
  return `${base}.report.json`;
}

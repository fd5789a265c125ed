/**
 * Which sheets the tool generated, so that generating again replaces our own earlier sheet
 * instead of adding 调整花名册(2), (3)… and never touches a sheet the clerk made under the same
 * name. Kept in the very hidden sheet GENERATED_RECORD_SHEET, one row per kind:
 *   A kind (adjustments, sample, summary, publicity) | B sheet name
 * Both hosts read and write it through these helpers, so a sheet made in Excel is replaced on the
 * web page or the command line and the other way round.
 */
export const GENERATED_RECORD_SHEET = '_dibao_sheets';

const HEADERS = ['类别 kind', '工作表 sheet'];

/** The record's rows → kind → sheet name; the header and rows that are not ours are skipped. */
export function readGeneratedRecord(rows: readonly (readonly unknown[])[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const row of rows) {
    const [kind, name] = row ?? [];
    if (kind === HEADERS[0]) continue;
    if (typeof kind === 'string' && kind && typeof name === 'string' && name) out.set(kind, name);
  }
  return out;
}

export function generatedRecordRows(record: ReadonlyMap<string, string>): string[][] {
  return [HEADERS, ...[...record].map(([kind, name]) => [kind, name])];
}

/**
 * The sheet to replace for this kind: the one our record names, if it is still there (matched
 * as Excel does, ignoring case). A record naming a sheet that is gone replaces nothing.
 */
export function sheetToReplace(
  record: ReadonlyMap<string, string>,
  kind: string | undefined,
  existing: readonly string[],
): string | undefined {
  const recorded = kind && record.get(kind);
  if (!recorded) return undefined;
  return existing.find((n) => n.toLowerCase() === recorded.toLowerCase());
}

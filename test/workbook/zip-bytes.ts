/**
 * Hand-made zip files for the size and format guards: local headers, central directory and end
 * record written byte by byte, with whatever sizes the test wants the directory to claim.
 */

export interface FakeEntry {
  name: string;
  /** Bytes actually stored (the "compressed" data). */
  stored: Uint8Array;
  /** Size the central directory claims after expansion. */
  claimedSize: number;
}

const le = (n: number, bytes: number): number[] => {
  const out: number[] = [];
  for (let i = 0; i < bytes; i++) {
    out.push(Math.floor(n / 2 ** (8 * i)) & 0xff);
  }
  return out;
};

const ascii = (s: string) => [...Buffer.from(s, 'utf8')];

/** A zip whose directory claims `claimedSize` per entry; sizes ≥ 4 GiB use zip64 fields. */
export function craftZip(entries: FakeEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: number[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = ascii(e.name);
    const big = e.claimedSize >= 0xffffffff;
    const claimed = big ? 0xffffffff : e.claimedSize;
    const local = Uint8Array.from([
      ...le(0x04034b50, 4),
      ...[...le(20, 2), ...le(0, 2), ...le(8, 2), ...le(0, 4), ...le(0, 4)],
      ...[...le(e.stored.length, 4), ...le(claimed, 4), ...le(name.length, 2), ...le(0, 2)],
      ...name,
    ]);
    // Stored bytes go in as they are (spreading a megabyte would overflow the stack).
    parts.push(local, e.stored);
    const extra = big ? [...le(0x0001, 2), ...le(8, 2), ...le(e.claimedSize, 8)] : [];
    central.push(...le(0x02014b50, 4), ...le(45, 2), ...le(20, 2), ...le(0, 2), ...le(8, 2), ...le(0, 4));
    central.push(...le(0, 4), ...le(e.stored.length, 4), ...le(claimed, 4));
    central.push(...le(name.length, 2), ...le(extra.length, 2), ...le(0, 2), ...le(0, 2), ...le(0, 2));
    central.push(...le(0, 4), ...le(offset, 4), ...name, ...extra);
    offset += local.length + e.stored.length;
  }
  const eocd = [
    ...le(0x06054b50, 4),
    ...le(0, 2),
    ...le(0, 2),
    ...le(entries.length, 2),
    ...le(entries.length, 2),
    ...le(central.length, 4),
    ...le(offset, 4),
    ...le(0, 2),
  ];
  return new Uint8Array(Buffer.concat([...parts, Uint8Array.from([...central, ...eocd])]));
}

/** The parts every .xlsx has, so only the sizes make the difference. */
export function workbookEntries(claimedSheetSize: number, stored = 100): FakeEntry[] {
  return [
    { name: '[Content_Types].xml', stored: new Uint8Array(50), claimedSize: 500 },
    { name: 'xl/workbook.xml', stored: new Uint8Array(50), claimedSize: 500 },
    { name: 'xl/worksheets/sheet1.xml', stored: new Uint8Array(stored), claimedSize: claimedSheetSize },
  ];
}

/** An OLE compound file header (old .xls, or an encrypted .xlsx when it names EncryptedPackage). */
export function oleBytes(withEncryptedPackage: boolean): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  if (withEncryptedPackage) bytes.set(Buffer.from('EncryptedPackage', 'utf16le'), 1024 + 3000);
  else bytes.set(Buffer.from('Workbook', 'utf16le'), 1024);
  return bytes;
}

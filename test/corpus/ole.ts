/**
 * A minimal OLE compound file (the container of old .xls files and of password-protected .xlsx):
 * a header, one FAT sector and one directory sector naming the streams, no stream data. Enough
 * for any reader to recognise what the file is; nothing a clerk's file would hold.
 */

const SECTOR = 512;
const FREESECT = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;

/** Streams named in the root storage, e.g. ["Workbook"] or ["EncryptionInfo", "EncryptedPackage"]. */
export function oleFile(streams: string[]): Uint8Array {
  const bytes = new Uint8Array(SECTOR * 3);
  const view = new DataView(bytes.buffer);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  view.setUint16(0x18, 0x003e, true); // minor version
  view.setUint16(0x1a, 0x0003, true); // major version 3: 512-byte sectors
  view.setUint16(0x1c, 0xfffe, true); // little-endian
  view.setUint16(0x1e, 9, true); // sector shift
  view.setUint16(0x20, 6, true); // mini sector shift
  view.setUint32(0x2c, 1, true); // FAT sectors
  view.setUint32(0x30, 1, true); // first directory sector
  view.setUint32(0x38, 0x1000, true); // mini stream cutoff
  view.setUint32(0x3c, ENDOFCHAIN, true); // no mini FAT
  view.setUint32(0x44, ENDOFCHAIN, true); // no DIFAT sectors
  view.setUint32(0x4c, 0, true); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) view.setUint32(0x4c + 4 * i, FREESECT, true);

  const fat = SECTOR; // sector 0
  view.setUint32(fat, FATSECT, true);
  view.setUint32(fat + 4, ENDOFCHAIN, true);
  for (let i = 2; i < SECTOR / 4; i++) view.setUint32(fat + 4 * i, FREESECT, true);

  const dir = SECTOR * 2; // sector 1
  const entries = ['Root Entry', ...streams];
  entries.forEach((name, i) => {
    const at = dir + i * 128;
    bytes.set(Buffer.from(name, 'utf16le'), at);
    view.setUint16(at + 0x40, (name.length + 1) * 2, true);
    bytes[at + 0x42] = i === 0 ? 5 : 2; // root storage / stream
    bytes[at + 0x43] = 1; // black
    view.setUint32(at + 0x44, NOSTREAM, true); // left sibling
    view.setUint32(at + 0x48, i > 0 && i < entries.length - 1 ? i + 1 : NOSTREAM, true); // right sibling
    view.setUint32(at + 0x4c, i === 0 && streams.length ? 1 : NOSTREAM, true); // child
    view.setUint32(at + 0x74, ENDOFCHAIN, true); // start sector: empty stream
  });
  return bytes;
}

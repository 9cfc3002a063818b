/**
 * A minimal OLE2 compound file (MS-CFB, version 3, 512-byte sectors) whose directory names the given
 * streams, for the refusals of an old .xls (`Workbook`) and of a password-protected .xlsx
 * (`EncryptionInfo`, `EncryptedPackage`: what Excel writes when a workbook is encrypted with a
 * password, MS-OFFCRYPTO). The streams are empty: only the directory is read. The directory spans
 * two sectors, stored in reverse order (sector 2, then sector 1), so its FAT chain must be followed.
 */
const SECTOR = 512;
const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;
const NO_STREAM = 0xffffffff;

export function compoundFile(streams: string[]): Buffer {
  const names = ['Root Entry', ...streams];
  if (names.length > 8) throw new Error('two directory sectors hold 8 entries');
  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18); // minor version
  header.writeUInt16LE(3, 0x1a); // major version: 512-byte sectors
  header.writeUInt16LE(0xfffe, 0x1c); // byte order
  header.writeUInt16LE(9, 0x1e); // sector shift
  header.writeUInt16LE(6, 0x20); // mini sector shift
  header.writeUInt32LE(1, 0x2c); // FAT sectors
  header.writeUInt32LE(2, 0x30); // first directory sector
  header.writeUInt32LE(4096, 0x38); // mini stream cutoff
  header.writeUInt32LE(END_OF_CHAIN, 0x3c); // no mini FAT
  header.writeUInt32LE(END_OF_CHAIN, 0x44); // no DIFAT sector
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREE, 0x4c + 4 * i);

  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FAT_SECTOR, 0);
  fat.writeUInt32LE(END_OF_CHAIN, 4); // directory's second sector: the last
  fat.writeUInt32LE(1, 8); // directory's first sector (2) continues in sector 1

  const entries = names.map((name, i) => {
    const entry = Buffer.alloc(128);
    entry.write(name, 0, 'utf16le');
    entry.writeUInt16LE((name.length + 1) * 2, 0x40);
    entry[0x42] = i === 0 ? 5 : 2; // root, stream
    entry[0x43] = 1; // black
    entry.writeUInt32LE(NO_STREAM, 0x44);
    entry.writeUInt32LE(i > 0 && i < names.length - 1 ? i + 1 : NO_STREAM, 0x48); // a right-leaning chain of siblings
    entry.writeUInt32LE(i === 0 && names.length > 1 ? 1 : NO_STREAM, 0x4c);
    entry.writeUInt32LE(END_OF_CHAIN, 0x74); // start sector: empty stream
    return entry;
  });
  const unused = Buffer.alloc(128);
  const directory = [...entries, ...Array(8 - entries.length).fill(unused)];
  const first = Buffer.concat(directory.slice(0, 4));
  const second = Buffer.concat(directory.slice(4, 8));
  return Buffer.concat([header, fat, second, first]);
}

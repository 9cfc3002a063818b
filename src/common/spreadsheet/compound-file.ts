/**
 * Just enough of an OLE2 compound file (MS-CFB) to list the names in its directory. Both an old
 * Excel workbook (.xls, a `Workbook` stream) and a password-protected .xlsx are compound files: Excel
 * encrypts an .xlsx into the streams `EncryptionInfo` and `EncryptedPackage` (MS-OFFCRYPTO §2.3.4),
 * so the two are told apart by their directory, not by their first bytes.
 *
 * Layout (MS-CFB §2.2): a 512-byte header; sector n starts at (n + 1) << sectorShift. The FAT's
 * sectors are listed by the header's DIFAT (109 entries) and then a chain of DIFAT sectors; the
 * directory is a FAT chain of 128-byte entries, each naming a stream or storage in UTF-16LE.
 */
import { open, type FileHandle } from 'node:fs/promises';

const SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const HEADER_DIFAT = 109;
const END_OF_CHAIN = 0xfffffffe;
/** Above this a sector number is a marker (free, end of chain, FAT, DIFAT), not a sector. */
const MAX_SECTOR = 0xfffffffa;
const ENTRY_BYTES = 128;
/** Directory sectors followed at most: a workbook's directory has a handful; a loop in a damaged FAT stops here. */
const MAX_DIRECTORY_SECTORS = 4096;

/** The names of a compound file's streams and storages (Root Entry first), or undefined when it is not one or cannot be read. */
export async function compoundFileNames(path: string): Promise<string[] | undefined> {
  const handle = await open(path, 'r');
  try {
    return await directoryNames(handle);
  } finally {
    await handle.close();
  }
}

/** The compound file holds an encrypted Office document (a password-protected .xlsx, MS-OFFCRYPTO). */
export async function isEncryptedPackage(path: string): Promise<boolean> {
  const names = await compoundFileNames(path);
  return !!names?.some((name) => name === 'EncryptionInfo' || name === 'EncryptedPackage');
}

async function directoryNames(handle: FileHandle): Promise<string[] | undefined> {
  const { size } = await handle.stat();
  const header = await readAt(handle, 0, 512);
  if (header.length < 512 || !header.subarray(0, 8).equals(SIGNATURE)) return undefined;
  const shift = header.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return undefined;
  const sectorSize = 1 << shift;
  const sectors = Math.floor(size / sectorSize) - 1;
  const sector = async (n: number) => (n < sectors ? readAt(handle, (n + 1) * sectorSize, sectorSize) : undefined);

  // The FAT's sectors: the header's DIFAT, then the DIFAT chain (its last entry points to the next DIFAT sector).
  const fatCount = header.readUInt32LE(0x2c);
  if (fatCount > sectors) return undefined;
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT && fatSectors.length < fatCount; i++) fatSectors.push(header.readUInt32LE(0x4c + 4 * i));
  let difat = header.readUInt32LE(0x44);
  for (let hops = 0; fatSectors.length < fatCount && difat <= MAX_SECTOR && hops < sectors; hops++) {
    const bytes = await sector(difat);
    if (!bytes) return undefined;
    for (let i = 0; i < sectorSize / 4 - 1 && fatSectors.length < fatCount; i++) fatSectors.push(bytes.readUInt32LE(4 * i));
    difat = bytes.readUInt32LE(sectorSize - 4);
  }
  const fat: number[] = [];
  for (const n of fatSectors) {
    const bytes = n <= MAX_SECTOR ? await sector(n) : undefined;
    if (!bytes) return undefined;
    for (let i = 0; i < sectorSize / 4; i++) fat.push(bytes.readUInt32LE(4 * i));
  }

  const names: string[] = [];
  let next = header.readUInt32LE(0x30);
  for (let hops = 0; next !== END_OF_CHAIN && hops < MAX_DIRECTORY_SECTORS; hops++) {
    const bytes = next <= MAX_SECTOR ? await sector(next) : undefined;
    if (!bytes) return names.length ? names : undefined;
    for (let at = 0; at + ENTRY_BYTES <= sectorSize; at += ENTRY_BYTES) {
      const length = bytes.readUInt16LE(at + 0x40); // bytes, the terminating NUL included
      const type = bytes[at + 0x42]; // 0 unused, 1 storage, 2 stream, 5 root
      if (type === 0 || length < 2 || length > 64) continue;
      names.push(bytes.toString('utf16le', at, at + length - 2));
    }
    next = fat[next] ?? END_OF_CHAIN;
  }
  return names;
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/**
 * The part of unzipper 0.10 (ExcelJS's own zip reader) that xlsx-rows.ts uses: the central directory
 * (entries are inflated by zip-entry.ts, which counts what they inflate to). The package ships no types.
 */
declare module 'unzipper' {
  import type { Readable } from 'node:stream';

  export interface CentralDirectoryFile {
    path: string;
    type: 'File' | 'Directory';
    compressedSize: number;
    uncompressedSize: number;
    flags: number;
    compressionMethod: number;
    offsetToLocalFileHeader: number;
    /** Inflates without limits: the upload reader uses openEntry (zip-entry.ts) instead. */
    stream(): Readable;
  }

  export interface CentralDirectory {
    files: CentralDirectoryFile[];
  }

  const unzipper: { Open: { file(path: string): Promise<CentralDirectory> } };
  export default unzipper;
}

/** The part of unzipper 0.10 (ExcelJS's own zip reader) that xlsx-rows.ts uses; the package ships no types. */
declare module 'unzipper' {
  import type { Readable } from 'node:stream';

  export interface CentralDirectoryFile {
    path: string;
    type: 'File' | 'Directory';
    compressedSize: number;
    uncompressedSize: number;
    stream(): Readable;
  }

  export interface CentralDirectory {
    files: CentralDirectoryFile[];
  }

  const unzipper: { Open: { file(path: string): Promise<CentralDirectory> } };
  export default unzipper;
}

/**
 * `COPY ... TO STDOUT` read straight off a `pg` connection's socket: each CopyData message (the
 * server sends one per row) is handed to `onData` as a range of the socket's own chunk, with no
 * Buffer, stream push or object per row. pg-copy-streams made three Buffers and a push per row,
 * which at a million candidates cost more than reading them.
 *
 * How (the same hand-over as pg-copy-streams' copy-to): once the statement is sent, the socket's
 * data go to this reader instead of `pg`'s protocol parser, up to the end of the copy (CopyDone) or
 * an error from the server (ErrorResponse); from there on the bytes go back to `pg`, which reads
 * the statement's end (CommandComplete, ReadyForQuery) or the error as for any query and calls the
 * handlers below. The promise settles when the connection is ready for the next statement.
 */
import type pg from 'pg';

/** Called once per CopyData message, with its payload `chunk[start, end)`; valid only during the call. */
export type CopyDataHandler = (chunk: Buffer, start: number, end: number) => void;

const COPY_DATA = 0x64; // 'd'
const COPY_DONE = 0x63; // 'c'
/** Messages the server may send within a copy (PostgreSQL manual, "COPY Operations"), skipped. */
const SKIPPED = new Set([0x48 /* H CopyOutResponse */, 0x4e /* N Notice */, 0x53 /* S ParameterStatus */, 0x41 /* A Notification */]);

interface Connection {
  stream: NodeJS.ReadableStream;
  query(text: string): void;
}

/** Runs `sql` (a `COPY ... TO STDOUT`) on `client` and hands each CopyData payload to `onData`. */
export function copyOut(client: pg.ClientBase, sql: string, onData: CopyDataHandler): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    client.query(new CopyOutQuery(sql, onData, resolve, reject) as unknown as pg.QueryConfig);
  });
}

/** A `pg` submittable (`submit(connection)` + the handlers `pg` calls on the active query). */
class CopyOutQuery {
  private connection?: Connection;
  private pgData?: (chunk: Buffer) => void;
  /** the start of a message that the last chunk cut short */
  private partial: Buffer | null = null;
  private failure: Error | null = null;

  constructor(
    private readonly text: string,
    private readonly onData: CopyDataHandler,
    private readonly resolve: () => void,
    private readonly reject: (err: Error) => void,
  ) {}

  /** Sends the statement; an Error returned instead is how pg lets a query refuse to start (it then calls handleError). */
  submit(connection: Connection): Error | undefined {
    this.connection = connection;
    const listeners = connection.stream.listeners('data') as ((chunk: Buffer) => void)[];
    if (listeners.length !== 1) return new Error(`COPY: expected pg's one data listener, found ${listeners.length}`);
    this.pgData = listeners[0];
    connection.stream.removeListener('data', this.pgData);
    connection.stream.on('data', this.read);
    connection.query(this.text);
    return undefined;
  }

  private readonly read = (data: Buffer): void => {
    const chunk = this.partial ? Buffer.concat([this.partial, data]) : data;
    this.partial = null;
    let at = 0;
    while (at + 5 <= chunk.length) {
      const code = chunk[at];
      const end = at + 1 + chunk.readUInt32BE(at + 1);
      if (code !== COPY_DATA && code !== COPY_DONE && !SKIPPED.has(code)) return this.handBack(chunk, at); // an ErrorResponse: pg reads it
      if (end > chunk.length) break;
      if (code === COPY_DATA && !this.failure) {
        try {
          this.onData(chunk, at + 5, end);
        } catch (err) {
          this.failure = err as Error; // the rest of the copy is read and dropped; the query then fails
        }
      }
      at = end;
      if (code === COPY_DONE) return this.handBack(chunk, at);
    }
    if (at < chunk.length) this.partial = Buffer.from(chunk.subarray(at));
  };

  /** From `chunk[at]` on, the socket's bytes are pg's again. */
  private handBack(chunk: Buffer, at: number): void {
    const { stream } = this.connection!;
    stream.removeListener('data', this.read);
    stream.on('data', this.pgData!);
    if (at < chunk.length) this.pgData!(chunk.subarray(at));
  }

  handleCommandComplete(): void {}

  handleReadyForQuery(): void {
    if (this.failure) this.reject(this.failure);
    else this.resolve();
  }

  handleError(err: Error): void {
    this.reject(err);
  }

  // A statement that is not a COPY TO STDOUT: pg reads its answer; the query fails once it is over.
  handleRowDescription(): void {
    this.failure ??= new Error(`not a COPY TO STDOUT: ${this.text.slice(0, 60)}`);
  }

  handleDataRow(): void {}

  handleEmptyQuery(): void {
    this.handleRowDescription();
  }

  handleCopyInResponse(connection: { sendCopyFail(message: string): void }): void {
    this.handleRowDescription();
    connection.sendCopyFail(this.failure!.message);
  }
}

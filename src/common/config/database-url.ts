/**
 * The shape of DATABASE_URL, checked at start-up so a badly formed one stops the service at once with the config
 * errors (exit 78) instead of failing to connect for half a minute (QA: a password with "/", "#" or "%zz" was retried
 * ~27 s, then a stack trace "Invalid URL" or "URI malformed", or a connection to host `ss`). The URL is read by two
 * parsers: TypeORM's (splits at the first "/" after "//" and the last "@", then decodeURIComponent) and pg's (WHATWG
 * URL, for the month-build pool); a URL passes only when both would read the same host, user and database from it.
 * PostgreSQL's Unix socket is named as pg (and libpq) read it: its directory as a `host` parameter
 * (`postgres://jamkesda@/jamkesda?host=/var/run/postgresql`) or percent-encoded in place of the host
 * (`postgres://jamkesda@%2Fvar%2Frun%2Fpostgresql/jamkesda`); pg's reading is the one that connects (TypeORM hands it
 * the whole URL), TypeORM's gives only the database name, the same in both forms.
 * The message never repeats the URL: it holds the password.
 */

const ENCODE_HINT =
  'special characters in the password (or user name) must be percent-encoded, e.g. "/" as %2F, "#" as %23, "@" as %40, "?" as %3F, "%" as %25';

/** What is wrong with `url`'s shape, or undefined when it is a usable PostgreSQL URL. */
export function databaseUrlProblem(url: string): string | undefined {
  const scheme = /^postgres(ql)?:\/\//.exec(url);
  if (!scheme || url.length === scheme[0].length) return 'DATABASE_URL must be a PostgreSQL URL such as postgres://user:pass@host:5432/db';
  const bad = (reason: string) => `DATABASE_URL is not a usable PostgreSQL URL (postgres://user:pass@host:5432/db): ${reason}; ${ENCODE_HINT}`;

  if (url.includes('#')) return bad('it contains "#", which ends a URL there');
  if (/%(?![0-9a-f]{2})/i.test(url)) return bad('a "%" is not followed by two hexadecimal digits');
  const rest = url.slice(scheme[0].length);
  const authority = rest.slice(0, rest.search(/[/?]/) === -1 ? rest.length : rest.search(/[/?]/));
  if (rest.lastIndexOf('@') >= authority.length) return bad('an "@" comes after a "/" or "?", so the host would be read from the password');
  const at = authority.lastIndexOf('@');
  try {
    decodeURIComponent(authority.slice(0, Math.max(at, 0)));
  } catch {
    return bad('a percent-escape in the user name or password is not UTF-8 text');
  }
  const hostAndPort = authority.slice(at + 1);
  const host = hostAndPort.startsWith('[') ? hostAndPort.slice(1, hostAndPort.indexOf(']')) : hostAndPort.split(':')[0];
  if (!host && !hostParameter(rest)) return bad('it names no host (…@db:5432/…, or a Unix socket\'s directory: …@/jamkesda?host=/var/run/postgresql)');
  let parsed: URL;
  // a socket's directory given as `host=` leaves the host empty, which a URL with a user may not: pg reads it with a
  // stand-in host, and so is it checked here
  const readable = host ? url : `${scheme[0]}${authority.slice(0, at + 1)}localhost${hostAndPort}${rest.slice(authority.length)}`;
  try {
    parsed = new URL(readable);
  } catch {
    return bad('it cannot be read as a URL (check the host and the port, a number from 1 to 65535)');
  }
  if (!parsed.pathname.slice(1)) return bad('it names no database after the host (…:5432/jamkesda)');
  return undefined;
}

/** The `host` query parameter of the URL's part after the scheme (a Unix socket's directory, as pg reads it), if any. */
function hostParameter(rest: string): string | undefined {
  const query = rest.indexOf('?');
  return query === -1 ? undefined : new URLSearchParams(rest.slice(query + 1)).get('host')?.trim() || undefined;
}

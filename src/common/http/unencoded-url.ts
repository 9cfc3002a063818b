/**
 * An address sent with characters outside ASCII as they are, not percent-encoded (a NIK typed in
 * Arabic-Indic or full-width digits, sent by `curl -g` or a script: a browser encodes them) is
 * refused by Node's HTTP parser before there is a request (HPE_INVALID_URL, `insecureHTTPParser`
 * too), so no route and no field's validation ever sees it. This names what was sent unencoded, in
 * Indonesian: the query parameters holding such characters, else the path.
 */
export const URL_NOT_ENCODED = 'URL_NOT_ENCODED';

export interface UnencodedUrl {
  message: string;
  details: { parameters?: string[]; path?: string };
}

/** Request line: method, target, version, as the bytes came (latin1: one character a byte). */
const REQUEST_LINE = /^[A-Za-z]+ ([^ ]+) HTTP\/\d\.\d$/; // not \S: byte A0 (in ٠, U+0660) reads as a no-break space
const NON_ASCII = /[\u0080-\uffff]/;
const SHOWN_PATH = 100;

/** What the refused bytes (`rawPacket` of the parser's error) sent unencoded, or undefined if no address holds such characters. */
export function unencodedUrl(rawPacket: Buffer | undefined): UnencodedUrl | undefined {
  const target = rawPacket
    ?.toString('latin1')
    .split(/\r?\n/)
    .map((line) => REQUEST_LINE.exec(line)?.[1])
    .find((candidate) => candidate !== undefined && NON_ASCII.test(candidate));
  if (!target) return undefined;
  const url = Buffer.from(target, 'latin1').toString('utf8');
  const queryAt = url.indexOf('?');
  const path = queryAt < 0 ? url : url.slice(0, queryAt);
  const pairs = queryAt < 0 ? [] : url.slice(queryAt + 1).split('&');
  const parameters = [...new Set(pairs.filter((pair) => NON_ASCII.test(pair)).map((pair) => decoded(pair.split('=')[0])))];
  const places = [
    ...(NON_ASCII.test(path) ? [`jalurnya (${path.length > SHOWN_PATH ? `${path.slice(0, SHOWN_PATH)}…` : path})`] : []),
    ...(parameters.length ? [`parameter ${parameters.join(', ')}`] : []),
  ];
  const example = [...url].find((char) => NON_ASCII.test(char) && char !== '\ufffd');
  const message =
    `Alamat (URL) memuat karakter bukan ASCII yang tidak dikodekan pada ${places.join(' dan ')}. ` +
    `Kodekan dengan percent-encoding UTF-8 (encodeURIComponent), seperti yang dilakukan peramban` +
    (example ? `: ${example} menjadi ${encodeURIComponent(example)}.` : '.');
  return { message, details: { ...(NON_ASCII.test(path) && { path }), ...(parameters.length && { parameters }) } };
}

/** A parameter's name as the query parser would read it (`+` a space, escapes decoded where valid). */
function decoded(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

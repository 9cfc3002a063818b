/**
 * TRUST_PROXY: which proxies' `X-Forwarded-For` names the client (Fastify's `trustProxy`, through proxy-addr). The
 * client address keys the login rate limit and is recorded in the audit trail (`clientAddress`), so behind a reverse
 * proxy not on the same host every user would otherwise share the proxy's address (QA). Default `loopback`: a proxy
 * on the same host. The values Fastify 5 takes from an environment variable are accepted: true/false and
 * comma-separated addresses, CIDRs and the names loopback, linklocal, uniquelocal. A number of proxies in front (hop
 * count) is refused: Fastify 5.12 no longer trusts by count (it cannot tell a proxy from a client reaching the service
 * directly, so it would trust no one, silently), and says to name the proxies instead. A bad value is a configuration
 * error (proxy-addr would otherwise throw when the server starts, or trust what was not meant).
 */
import { isIP } from 'node:net';

export type TrustProxy = boolean | string;

export const TRUST_PROXY_DEFAULT = 'loopback';
const NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** An address, a CIDR (10.0.0.0/8, fd00::/8) or an IPv4 netmask (10.0.0.0/255.0.0.0), as proxy-addr reads them. */
function isAddressOrRange(item: string): boolean {
  const [address, range, ...more] = item.split('/');
  const kind = isIP(address);
  if (!kind || more.length) return false;
  if (range === undefined) return true;
  if (/^\d{1,3}$/.test(range)) return Number(range) >= 1 && Number(range) <= (kind === 4 ? 32 : 128);
  return kind === 4 && isIP(range) === 4 && isNetmask(range);
}

/** 255.255.255.0 is; 255.0.255.0 and 0.0.0.0 are not (proxy-addr refuses them when the server starts). */
function isNetmask(mask: string): boolean {
  const bits = mask.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
  const hosts = 0xffffffff - bits; // the host part: ones at the end only
  return bits !== 0 && (hosts & (hosts + 1)) === 0;
}

/** The value for Fastify's `trustProxy`; when `raw` is not one, a problem is pushed (and the default returned). */
export function parseTrustProxy(raw: string | undefined, problems: string[]): TrustProxy {
  const value = raw?.trim();
  if (!value) return TRUST_PROXY_DEFAULT;
  if (/^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  if (/^\d+$/.test(value)) {
    problems.push(`TRUST_PROXY must name the proxies (their addresses or CIDRs), not count them: Fastify does not trust by hop count (got "${raw}")`);
    return TRUST_PROXY_DEFAULT;
  }
  const items = value.split(',').map((item) => item.trim());
  if (items.every((item) => NAMES.includes(item.toLowerCase()) || isAddressOrRange(item))) {
    return items.map((item) => (NAMES.includes(item.toLowerCase()) ? item.toLowerCase() : item)).join(',');
  }
  problems.push(
    `TRUST_PROXY must be true, false, or comma-separated proxy addresses or CIDRs (or loopback, linklocal, uniquelocal) (got "${raw}")`,
  );
  return TRUST_PROXY_DEFAULT;
}

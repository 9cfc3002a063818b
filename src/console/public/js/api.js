/**
 * Talking to /api/v1. The access token lives in sessionStorage (never a cookie, so there is no CSRF
 * surface) and goes out as `Authorization: Bearer`. Errors become ApiError with the API's Indonesian
 * message and its `details` ([{ field, messages }]) for showing next to form fields.
 */
const TOKEN_KEY = 'jamkesda.accessToken';
const NOT_FOUND_ROUTE_MESSAGE = 'Alamat tidak ditemukan.';

let onUnauthorized = () => {};
let onForbidden = () => {};

export const session = {
  get token() {
    return sessionStorage.getItem(TOKEN_KEY);
  },
  save(token) {
    sessionStorage.setItem(TOKEN_KEY, token);
  },
  clear() {
    sessionStorage.removeItem(TOKEN_KEY);
  },
  /** Called when the server says the token is no longer valid (expired, user deactivated). */
  onUnauthorized(handler) {
    onUnauthorized = handler;
  },
  /** Called on a 403: the user's role may have changed since the page was drawn (app.js reads /auth/me again). */
  onForbidden(handler) {
    onForbidden = handler;
  },
};

/**
 * The body's `details` as [{ field, messages }]: the validation list as it is, and a domain error
 * that names one field (`details: { field: 'adjustsMonth' }`) as that field with the error's message,
 * so the form shows it next to the field too; one that names several (`details.problems`, the same
 * [{ field, messages }]) as those.
 */
export function detailsOf(body) {
  if (!body || typeof body !== 'object') return [];
  if (Array.isArray(body.details)) return body.details;
  if (Array.isArray(body.details?.problems)) return body.details.problems;
  const field = body.details && typeof body.details === 'object' ? body.details.field : undefined;
  return typeof field === 'string' && typeof body.message === 'string' ? [{ field, messages: [body.message] }] : [];
}

export class ApiError extends Error {
  constructor(status, body, method, path) {
    super(messageFor(status, body, method, path));
    this.name = 'ApiError';
    this.status = status;
    this.code = body && typeof body === 'object' ? body.code : undefined;
    this.details = detailsOf(body);
    this.body = body;
    /** True when the server has no such route (yet): the feature is not available on this server. */
    // (the router's 404 says NOT_FOUND_ROUTE_MESSAGE, with code NOT_FOUND or, from older servers, none)
    this.missingRoute = status === 404 && (!body || ((!body.code || body.code === 'NOT_FOUND') && body.message === NOT_FOUND_ROUTE_MESSAGE));
    if (this.missingRoute) this.message = `Fitur ini belum tersedia di server ini (${method} ${path.split('?')[0]} belum ada). Hubungi admin sistem.`;
  }
}

function messageFor(status, body, _method, _path) {
  if (body && typeof body === 'object' && typeof body.message === 'string' && body.message) return body.message;
  if (status === 0) return 'Tidak dapat menghubungi server. Periksa koneksi lalu coba lagi.';
  if (status === 401) return 'Sesi Anda berakhir. Silakan masuk lagi.';
  if (status === 403) return 'Anda tidak memiliki akses untuk tindakan ini.';
  if (status >= 500) return 'Terjadi kesalahan pada server. Silakan coba lagi atau hubungi admin.';
  return `Permintaan gagal (kode ${status}).`;
}

/**
 * "/api/v1/splits" + { month: '2026-11', nik: '' } → "/api/v1/splits?month=2026-11": empty values (and
 * spaces only) are dropped, as the API refuses an empty filter (400 "… tidak boleh kosong").
 */
export function withQuery(path, query) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || String(value).trim() === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}

function authHeaders(extra = {}) {
  const token = session.token;
  return token ? { ...extra, Authorization: `Bearer ${token}` } : extra;
}

async function readBody(res) {
  const type = res.headers.get('content-type') ?? '';
  if (res.status === 204) return null;
  if (type.includes('application/json')) return res.json().catch(() => null);
  const text = await res.text().catch(() => '');
  return text ? { message: text.slice(0, 300) } : null;
}

function fail(status, body, method, path) {
  if (status === 401 && !path.startsWith('/api/v1/auth/login')) {
    // once per session: a page's other requests answered 401 too would draw the login page again, without its
    // message (QA: Komitmen, with three requests at once, showed the bare login page; Pengguna, with one, did not)
    const ended = Boolean(session.token);
    session.clear();
    if (ended) onUnauthorized();
  }
  if (status === 403 && session.token) onForbidden();
  return new ApiError(status, body, method, path);
}

/** JSON request. `json` is sent as the body; `form` (FormData) as multipart. Resolves to the parsed body. */
export async function api(path, { method = 'GET', json, form, query, signal } = {}) {
  const url = withQuery(path, query);
  const init = { method, signal, headers: authHeaders({ Accept: 'application/json' }) };
  if (json !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(json);
  } else if (form) {
    init.body = form;
  }
  let res;
  try {
    res = await fetch(url, init);
  } catch (err) {
    if (err && err.name === 'AbortError') throw err;
    throw new ApiError(0, null, method, url);
  }
  const body = await readBody(res);
  if (!res.ok) throw fail(res.status, body, method, url);
  return body;
}

/**
 * Multipart upload with upload progress (fetch cannot report it). `onProgress(fraction)` gets 0..1 of
 * the bytes sent. Resolves to the JSON answer; rejects with ApiError.
 */
export function upload(path, form, { onProgress, signal } = {}) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    for (const [name, value] of Object.entries(authHeaders({ Accept: 'application/json' }))) xhr.setRequestHeader(name, value);
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable && onProgress) onProgress(e.loaded / e.total);
    });
    xhr.addEventListener('load', () => {
      let body = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = { message: xhr.responseText.slice(0, 300) };
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(fail(xhr.status, body, 'POST', path));
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, null, 'POST', path)));
    xhr.addEventListener('abort', () => reject(new DOMException('Dibatalkan', 'AbortError')));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
}

/** "attachment; filename=\"rekon-2026-11.xlsx\"" → "rekon-2026-11.xlsx". */
export function filenameFrom(disposition, fallback) {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      /* fall through to the plain form */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1].trim() : fallback;
}

/** Downloads a file behind the bearer token: fetch → Blob → a temporary <a download>. Resolves to the file name. */
export async function download(path, { query, fallbackName = 'unduhan' } = {}) {
  const url = withQuery(path, query);
  let res;
  try {
    res = await fetch(url, { headers: authHeaders() });
  } catch {
    throw new ApiError(0, null, 'GET', url);
  }
  if (!res.ok) throw fail(res.status, await readBody(res), 'GET', url);
  const name = filenameFrom(res.headers.get('content-disposition'), fallbackName);
  saveBlob(await res.blob(), name);
  return name;
}

/** Offers a Blob (e.g. a CSV built in the browser) as a file download. */
export function saveBlob(blob, name) {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

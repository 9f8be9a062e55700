// Talks to the server: JSON in and out, the signed-in token as a bearer token, errors as exceptions
// carrying the server's {error, detail}.
const KEY = 'refgrade.token', ME = 'refgrade.me';

/**
 * The signed-in token and who it is, kept in localStorage so that a link opened in a new tab is
 * still signed in; signing out forgets both (and every tab then signs in again).
 */
export const session = {
  token: () => localStorage.getItem(KEY),
  signIn: t => localStorage.setItem(KEY, t),
  remember: me => localStorage.setItem(ME, JSON.stringify(me)),
  me: () => {
    try {
      return JSON.parse(localStorage.getItem(ME) ?? 'null');
    } catch {
      return null;
    }
  },
  signOut: () => { localStorage.removeItem(KEY); localStorage.removeItem(ME); },
};

export class ApiError extends Error {
  constructor(status, error, detail, field) {
    super(detail || error || `HTTP ${status}`);
    this.status = status;
    this.error = error;
    this.field = field;
  }
}

/** body: an object is sent as JSON, a string as text/csv; the answer is parsed JSON, or text when it is not JSON. */
export async function api(method, path, body) {
  const headers = {};
  const t = session.token();
  if (t) headers.Authorization = 'Bearer ' + t;
  let payload;
  if (typeof body === 'string') { headers['Content-Type'] = 'text/csv'; payload = body; }
  else if (body !== undefined) { headers['Content-Type'] = 'application/json'; payload = JSON.stringify(body); }
  const res = await fetch(path, { method, headers, body: payload });
  const text = await res.text();
  let data = text;
  if ((res.headers.get('Content-Type') || '').includes('json') && text) data = JSON.parse(text);
  if (!res.ok) throw new ApiError(res.status, data?.error, data?.detail ?? (typeof data === 'string' ? data : ''), data?.field);
  return data;
}

/** Fetches a file the API serves (a CSV) and hands it to the browser as a download named filename. */
export async function download(path, filename) {
  const res = await fetch(path, { headers: { Authorization: 'Bearer ' + session.token() } });
  if (!res.ok) throw new ApiError(res.status, 'download_failed', `the server answered ${res.status}`);
  const url = URL.createObjectURL(await res.blob());
  const a = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

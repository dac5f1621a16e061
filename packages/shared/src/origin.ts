// Cross-site request forgery: a browser sends the session cookie along with a form or fetch
// that another site starts. A write is refused when the browser says it came from elsewhere:
// Sec-Fetch-Site (set by the browser, not by page scripts) other than same-origin, else an
// Origin whose host is not the request's Host. No Origin and no Sec-Fetch-Site means no
// browser (curl, the dashboard's own server) — those cannot carry a victim's cookie.
// The same rule as Go's net/http CrossOriginProtection.

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface WriteRequest {
  method: string;
  /** The Sec-Fetch-Site header, if any. */
  secFetchSite?: string | null;
  /** The Origin header, if any. */
  origin?: string | null;
  /** The Host header (host[:port]). */
  host?: string | null;
}

/** True when a state-changing request was started by another site. */
export function isCrossOriginWrite(r: WriteRequest): boolean {
  if (SAFE.has(r.method.toUpperCase())) return false;
  const site = r.secFetchSite?.trim().toLowerCase();
  if (site) return site !== 'same-origin' && site !== 'none';
  if (!r.origin) return false;
  try {
    return r.origin === 'null' || new URL(r.origin).host !== (r.host ?? '').toLowerCase();
  } catch {
    return true;
  }
}

// Calls to the management HTTP API (RabbitMQ's dialect), with the session's basic-auth credentials.
import * as session from './session.js';

/**
 * kind: 'unauthorized' (401: wrong login, or the broker no longer accepts the session's user),
 * 'expired' (the session's time is over), 'unreachable' (no answer: network error or 502/503/504
 * from the console's proxy), 'http' (any other error status; reason from the API's JSON body).
 */
export class ApiError extends Error {
  constructor(kind, status, reason, error = '') {
    super(reason || kind);
    this.kind = kind;
    this.status = status;
    this.reason = reason || '';
    this.error = error;
  }
}

let onSessionEnd = () => {};
let onReachability = () => {};

/** Called with (kind, reason) when the session ends: 'expired' or 'unauthorized'. */
export function whenSessionEnds(handler) {
  onSessionEnd = handler;
}

/** Called with (reachable, reason) after every call. */
export function whenReachabilityChanges(handler) {
  onReachability = handler;
}

export function enc(segment) {
  return encodeURIComponent(segment);
}

/** 'api/queues/%2F/q' from segments. */
export function path(...segments) {
  return 'api/' + segments.map((s, i) => (i === 0 ? s : enc(s))).join('/');
}

/** Adds query parameters (skipping undefined and empty strings) to a path. */
export function withQuery(p, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${p}${p.includes('?') ? '&' : '?'}${s}` : p;
}

/** A call with explicit credentials (the login uses it); no session handling. */
export async function request(p, {method = 'GET', body, headers = {}, auth, raw = false} = {}) {
  const init = {method, headers: {...headers}, cache: 'no-store', credentials: 'omit'};
  if (auth) init.headers.Authorization = `Basic ${auth}`;
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(p, init);
  } catch (e) {
    throw new ApiError('unreachable', 0, e.message);
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) {
    let reason = '';
    let error = '';
    try {
      const parsed = JSON.parse(text);
      reason = parsed.reason || parsed.error || '';
      error = parsed.error || '';
    } catch (e) {
      reason = text.trim().slice(0, 300);
    }
    if (response.status === 401) throw new ApiError('unauthorized', 401, reason);
    if ([502, 503, 504].includes(response.status) && (error === 'bad_gateway' || !error)) {
      throw new ApiError('unreachable', response.status, reason || `HTTP ${response.status}`);
    }
    throw new ApiError('http', response.status, reason || `HTTP ${response.status} ${response.statusText}`, error);
  }
  if (raw) return text;
  return text ? JSON.parse(text) : null;
}

/** A call as the logged-in user. Ends the session on 401 or when its time is over. */
export async function api(p, options = {}) {
  const current = session.current();
  if (!current) throw new ApiError('unauthorized', 401, '');
  if (session.isExpired(current)) {
    session.end();
    onSessionEnd('expired', '');
    throw new ApiError('expired', 0, '');
  }
  try {
    const result = await request(p, {...options, auth: current.auth});
    onReachability(true, '');
    return result;
  } catch (e) {
    if (e.kind === 'unreachable') {
      onReachability(false, e.reason);
    } else {
      onReachability(true, '');
    }
    if (e.kind === 'unauthorized' && session.current()) {
      session.end();
      onSessionEnd('unauthorized', e.reason);
    }
    throw e;
  }
}

export const get = (p) => api(p);
export const put = (p, body) => api(p, {method: 'PUT', body: body === undefined ? {} : body});
export const post = (p, body, headers) => api(p, {method: 'POST', body: body === undefined ? {} : body, headers});
export const del = (p, headers) => api(p, {method: 'DELETE', headers});

// The logged-in user: credentials kept for this browser tab's session (sessionStorage), as
// RabbitMQ's UI keeps them, and sent as HTTP basic auth on every API call.
const KEY = 'mensajero.console.session';
/** RabbitMQ's management.login_session_timeout default: 8 hours. */
const LIFETIME_MS = 8 * 60 * 60 * 1000;

/** user:password as basic auth wants it (UTF-8, then base64). */
export function basic(user, password) {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Tags as a list, whether the API sent a list or a comma-separated string. */
export function tagList(tags) {
  if (Array.isArray(tags)) return tags.map(String).filter(Boolean);
  return String(tags || '').split(',').map((s) => s.trim()).filter(Boolean);
}

export function start(user, auth, tags) {
  const s = {user, auth, tags: tagList(tags), expiresAt: Date.now() + LIFETIME_MS};
  sessionStorage.setItem(KEY, JSON.stringify(s));
  return s;
}

export function current() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) || 'null');
  } catch (e) {
    return null;
  }
}

export function isExpired(s) {
  return !s || Date.now() >= s.expiresAt;
}

export function end() {
  sessionStorage.removeItem(KEY);
}

export function isAdmin() {
  const s = current();
  return !!s && s.tags.includes('administrator');
}

/** Policies are for administrators and policymakers, as in RabbitMQ. */
export function canManagePolicies() {
  const s = current();
  return !!s && (s.tags.includes('administrator') || s.tags.includes('policymaker'));
}

// Texts in Spanish and English: messages/<lang>.json, chosen by the switch or the browser's language.
const LANGUAGES = ['en', 'es'];
const STORAGE_KEY = 'mensajero.console.lang';
let lang = 'en';
let texts = {};
let numbers = new Intl.NumberFormat('en');
let decimals = new Intl.NumberFormat('en', {maximumFractionDigits: 1, minimumFractionDigits: 1});

export function languages() {
  return LANGUAGES;
}

export function language() {
  return lang;
}

/** The saved choice, else the first of the browser's languages we speak, else English. */
export function preferredLanguage() {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (LANGUAGES.includes(saved)) return saved;
  for (const l of navigator.languages || [navigator.language || 'en']) {
    const base = String(l).toLowerCase().split('-')[0];
    if (LANGUAGES.includes(base)) return base;
  }
  return 'en';
}

export async function load(wanted, remember = false) {
  const l = LANGUAGES.includes(wanted) ? wanted : 'en';
  const response = await fetch(`messages/${l}.json`, {cache: 'no-cache'});
  if (!response.ok) throw new Error(`messages/${l}.json: HTTP ${response.status}`);
  texts = await response.json();
  lang = l;
  numbers = new Intl.NumberFormat(l);
  decimals = new Intl.NumberFormat(l, {maximumFractionDigits: 1, minimumFractionDigits: 1});
  document.documentElement.lang = l;
  if (remember) localStorage.setItem(STORAGE_KEY, l);
  translate(document);
}

/** The text for key, with {name} replaced from params. A missing key shows as itself. */
export function t(key, params = {}) {
  let text = texts[key];
  if (text === undefined) {
    console.warn(`no ${lang} text for ${key}`);
    text = key;
  }
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

/** Fills data-i18n (text), data-i18n-placeholder, data-i18n-title and data-i18n-label (aria-label). */
export function translate(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
  for (const el of root.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
}

export function num(n) {
  return n === undefined || n === null || Number.isNaN(n) ? '' : numbers.format(n);
}

/** A per-second rate, e.g. "12.5/s". */
export function rate(r) {
  return `${decimals.format(r || 0)}/s`;
}

export function bytes(n) {
  if (n === undefined || n === null) return '';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u += 1;
  }
  return u === 0 ? `${numbers.format(v)} B` : `${decimals.format(v)} ${units[u]}`;
}

export function time(date) {
  return new Intl.DateTimeFormat(lang, {hour: '2-digit', minute: '2-digit', second: '2-digit'}).format(date);
}

export function dateTime(value) {
  const date = typeof value === 'number' ? new Date(value) : new Date(String(value));
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(lang, {dateStyle: 'medium', timeStyle: 'medium'}).format(date);
}

export function yesNo(value) {
  return t(value ? 'common.yes' : 'common.no');
}

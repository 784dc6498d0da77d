// What several pages share: sections with headings, feature badges, error texts.
import {h, uid} from '../dom.js';
import {t, rate} from '../i18n.js';
import {statRate} from '../chart.js';

/** <section aria-labelledby><h2>title</h2>…</section> */
export function section(titleKey, ...children) {
  const id = uid('s');
  return h('section', {class: 'panel', 'aria-labelledby': id}, h('h2', {id}, t(titleKey)), ...children);
}

/** What went wrong with an API call, in words for the page. */
export function errorText(e) {
  if (!e || !e.kind) return t('error.unexpected', {reason: String(e)});
  switch (e.kind) {
    case 'unreachable': return t('error.unreachable', {reason: e.reason});
    case 'unauthorized': return t('error.unauthorized');
    case 'expired': return t('login.expired');
    default:
      if (e.status === 403) return t('error.forbidden', {reason: e.reason});
      if (e.status === 404) return t('error.notFound', {reason: e.reason});
      return t('error.http', {status: e.status, reason: e.reason});
  }
}

/** Short badges for durable, auto-delete, exclusive, internal and arguments, with full names. */
export function features(row) {
  const list = [];
  if (row.durable) list.push(['D', 'feature.durable']);
  if (row.auto_delete) list.push(['AD', 'feature.autoDelete']);
  if (row.exclusive) list.push(['Excl', 'feature.exclusive']);
  if (row.internal) list.push(['I', 'feature.internal']);
  const args = Object.keys(row.arguments || {});
  if (args.length) list.push(['Args', null, args.join(', ')]);
  return h('span', {class: 'features'}, list.map(([short, key, literal]) => {
    const full = literal ? `${t('feature.arguments')}: ${literal}` : t(key);
    return h('abbr', {class: 'badge', title: full, 'aria-label': full}, short);
  }));
}

/** A message-stats rate cell. */
export function rateOf(row, name) {
  return rate(statRate(row.message_stats, name));
}

/** The default exchange's name in paths and lists (RabbitMQ's UI calls it amq.default). */
export function exchangePathName(name) {
  return name === '' ? 'amq.default' : name;
}

export function exchangeLabel(name) {
  return name === '' || name === 'amq.default' ? t('exchange.default') : name;
}

/** A JSON-ish value as text for a cell. */
export function plain(value) {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A table of an object's keys and values (arguments, client properties); nested objects as JSON. */
export function keyValueTable(captionKey, object) {
  const entries = Object.entries(object || {});
  if (!entries.length) return h('p', {class: 'empty'}, t('common.none'));
  return h('table', {class: 'kv-table'}, h('caption', {class: 'visually-hidden'}, t(captionKey)),
    h('tbody', {}, entries.map(([k, v]) => h('tr', {}, h('th', {scope: 'row'}, k), h('td', {}, plain(v))))));
}

/** The line a details page shows when its object does not exist (any more). */
export function missingNotice() {
  return h('p', {class: 'notice', role: 'alert', hidden: true});
}

/** Loads a page's object; on 404 shows `goneText` in the notice and gives null. */
export async function loadOrGone(load, notice, goneText) {
  try {
    const value = await load();
    notice.hidden = true;
    return value;
  } catch (e) {
    if (e.status !== 404) throw e;
    notice.hidden = false;
    notice.textContent = goneText;
    return null;
  }
}

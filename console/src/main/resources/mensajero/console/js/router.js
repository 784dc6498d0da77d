// Hash routes (#/queues/%2F/orders) to pages, and the live refresh of the page on screen.
import {h, fill} from './dom.js';
import {t, time} from './i18n.js';
import * as session from './session.js';
import overview from './views/overview.js';
import {connectionsView, channelsView} from './views/connections.js';
import connectionView from './views/connection.js';
import exchangesView from './views/exchanges.js';
import exchangeView from './views/exchange.js';
import queuesView from './views/queues.js';
import queueView from './views/queue.js';
import {usersView, userView} from './views/users.js';
import {vhostsView, permissionsView} from './views/vhosts.js';
import policiesView from './views/policies.js';
import definitionsView from './views/definitions.js';

const ROUTES = [
  [[], overview, 'overview'],
  [['connections'], connectionsView, 'connections'],
  [['connections', ':name'], connectionView, 'connections'],
  [['channels'], channelsView, 'channels'],
  [['exchanges'], exchangesView, 'exchanges'],
  [['exchanges', ':vhost', ':name'], exchangeView, 'exchanges'],
  [['queues'], queuesView, 'queues'],
  [['queues', ':vhost', ':name'], queueView, 'queues'],
  [['users'], usersView, 'users'],
  [['users', ':name'], userView, 'users'],
  [['vhosts'], vhostsView, 'vhosts'],
  [['permissions'], permissionsView, 'permissions'],
  [['policies'], policiesView, 'policies'],
  [['definitions'], definitionsView, 'definitions'],
];

let current = null;
let timer = null;
let intervalSeconds = 5;
let container = null;
let refreshing = false;

function segments() {
  const raw = location.hash.replace(/^#\/?/, '');
  if (!raw) return [];
  try {
    return raw.split('/').map((s) => decodeURIComponent(s));
  } catch (e) {
    return ['?'];
  }
}

function match(parts) {
  for (const [pattern, view, nav] of ROUTES) {
    if (pattern.length !== parts.length) continue;
    const params = {};
    if (pattern.every((p, i) => (p.startsWith(':') ? ((params[p.slice(1)] = parts[i]), true) : p === parts[i]))) {
      return {view, params, nav};
    }
  }
  return null;
}

function allowed(view) {
  if (view.access === 'admin') return session.isAdmin();
  if (view.access === 'policies') return session.canManagePolicies();
  return true;
}

/** Shows the page for the current hash. */
export async function show() {
  stop();
  if (current?.controller?.dispose) current.controller.dispose();
  current = null;
  const found = match(segments());
  for (const a of document.querySelectorAll('#nav a')) {
    if (found && a.dataset.route === found.nav) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const heading = h('h1', {tabindex: '-1'});
  fill(container, heading);
  if (!found) {
    heading.textContent = t('page.notFound');
    container.append(h('p', {}, t('page.notFoundText'), ' ', h('a', {href: '#/'}, t('nav.overview'))));
  } else if (!allowed(found.view)) {
    heading.textContent = t(found.view.title);
    container.append(h('p', {class: 'notice', role: 'alert', id: 'not-allowed'}, t('page.adminOnly')));
  } else {
    heading.textContent = found.view.heading ? found.view.heading(found.params) : t(found.view.title);
    current = {view: found.view, controller: found.view.render(container, found.params)};
  }
  document.title = `${heading.textContent} · Mensajero`;
  heading.focus();
  await refresh();
  schedule();
}

/** Refreshes the page on screen now (the API errors are shown by whoever handles them). */
export async function refresh() {
  if (!current?.controller?.refresh || refreshing) return;
  refreshing = true;
  try {
    await current.controller.refresh();
    document.getElementById('updated').textContent = t('app.updated', {time: time(new Date())});
  } catch (e) {
    if (!['unreachable', 'unauthorized', 'expired'].includes(e.kind)) console.warn(e);
  } finally {
    refreshing = false;
  }
}

function schedule() {
  stop();
  if (intervalSeconds > 0) {
    timer = setInterval(() => {
      if (!document.hidden) refresh();
    }, intervalSeconds * 1000);
  }
}

function stop() {
  if (timer) clearInterval(timer);
  timer = null;
}

export function setRefreshSeconds(seconds) {
  intervalSeconds = seconds;
  if (current) schedule();
}

export function interval() {
  return intervalSeconds;
}

export function start(element) {
  container = element;
  window.addEventListener('hashchange', show);
  return show();
}

export function halt() {
  stop();
  window.removeEventListener('hashchange', show);
  if (current?.controller?.dispose) current.controller.dispose();
  current = null;
  if (container) fill(container);
}

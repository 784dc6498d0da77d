// Starts the console: language, login, the header's controls, then the pages.
import * as i18n from './i18n.js';
import {t} from './i18n.js';
import * as session from './session.js';
import {request, whenSessionEnds, whenReachabilityChanges, ApiError} from './api.js';
import * as router from './router.js';
import * as vhostChoice from './vhost-choice.js';
import {forgetHistories} from './chart.js';

const $ = (id) => document.getElementById(id);
const REFRESH_KEY = 'mensajero.console.refresh';

function setSessionVisible(loggedIn) {
  for (const el of document.querySelectorAll('.session-only')) el.hidden = !loggedIn;
  for (const el of document.querySelectorAll('.admin-only')) el.hidden = !(loggedIn && session.isAdmin());
  for (const el of document.querySelectorAll('.policy-only')) el.hidden = !(loggedIn && session.canManagePolicies());
  $('login').hidden = loggedIn;
}

function banner(text) {
  const el = $('banner');
  el.hidden = !text;
  el.textContent = text || '';
}

function showLogin(kind = '', reason = '') {
  router.halt();
  forgetHistories();
  setSessionVisible(false);
  banner('');
  $('product').textContent = '';
  const message = $('login-message');
  message.textContent = kind ? loginMessage(kind, reason) : '';
  message.className = kind ? 'form-msg error' : 'form-msg';
  document.title = `${t('login.title')} · Mensajero`;
  $('login-user').focus();
}

function loginMessage(kind, reason) {
  switch (kind) {
    case 'expired': return t('login.expired');
    case 'unauthorized': return t('login.rejected', {reason: reason || t('login.noReason')});
    case 'failed': return reason && reason !== 'Login failed' ? t('login.failedWhy', {reason}) : t('login.failed');
    case 'unreachable': return t('login.unreachable', {reason});
    case 'required': return t('login.required');
    default: return t('login.error', {reason});
  }
}

async function showApp() {
  const s = session.current();
  setSessionVisible(true);
  $('user-name').textContent = s.user;
  try {
    await vhostChoice.load($('vhost-select'));
  } catch (e) {
    if (e.kind === 'unauthorized' || e.kind === 'expired') return;
  }
  overviewProduct();
  await router.start($('view'));
}

async function login(event) {
  event.preventDefault();
  const user = $('login-user').value.trim();
  const password = $('login-password').value;
  if (!user) {
    showLoginMessage('required');
    $('login-user').setAttribute('aria-invalid', 'true');
    $('login-user').focus();
    return;
  }
  $('login-user').removeAttribute('aria-invalid');
  const auth = session.basic(user, password);
  $('login-submit').disabled = true;
  try {
    const me = await request('api/whoami', {auth});
    session.start(me.name || user, auth, me.tags);
    $('login-password').value = '';
    $('login-message').textContent = '';
    if (!location.hash) location.hash = '#/';
    await showApp();
  } catch (e) {
    const kind = e instanceof ApiError && e.kind === 'unauthorized' ? 'failed' : e.kind === 'unreachable' ? 'unreachable' : 'error';
    showLoginMessage(kind, e.reason);
  } finally {
    $('login-submit').disabled = false;
  }
}

function showLoginMessage(kind, reason) {
  const message = $('login-message');
  message.className = 'form-msg error';
  message.textContent = loginMessage(kind, reason);
}

async function overviewProduct() {
  try {
    const o = await request('api/overview', {auth: session.current().auth});
    $('product').textContent = [o.product_name || 'RabbitMQ', o.product_version || o.rabbitmq_version].filter(Boolean).join(' ');
  } catch (e) {
    // shown by the pages
  }
}

async function main() {
  await i18n.load(i18n.preferredLanguage());
  $('lang-select').value = i18n.language();
  $('lang-select').addEventListener('change', async (e) => {
    await i18n.load(e.target.value, true);
    if (session.current() && $('login').hidden) {
      await vhostChoice.load($('vhost-select')).catch(() => {});
      await router.show();
    }
  });
  const saved = Number(localStorage.getItem(REFRESH_KEY) ?? 5);
  $('refresh-select').value = String([0, 5, 10, 30].includes(saved) ? saved : 5);
  router.setRefreshSeconds(Number($('refresh-select').value));
  $('refresh-select').addEventListener('change', (e) => {
    localStorage.setItem(REFRESH_KEY, e.target.value);
    router.setRefreshSeconds(Number(e.target.value));
  });
  $('vhost-select').addEventListener('change', (e) => {
    vhostChoice.choose(e.target.value);
    router.show();
  });
  $('logout').addEventListener('click', () => {
    session.end();
    showLogin();
  });
  $('skip').addEventListener('click', (e) => {
    e.preventDefault();
    document.querySelector('#view h1')?.focus();
  });
  $('login-form').addEventListener('submit', login);
  whenSessionEnds((kind, reason) => showLogin(kind, reason));
  whenReachabilityChanges((reachable, reason) => {
    banner(reachable ? '' : t('app.unreachable', {reason, seconds: router.interval() || 5}));
  });
  const s = session.current();
  if (s && session.isExpired(s)) {
    session.end();
    showLogin('expired');
  } else if (s) {
    await showApp();
  } else {
    showLogin();
  }
  document.body.dataset.ready = 'true';
}

main();

// The virtual host the lists show ('' for all), chosen in the header, and the vhosts the user sees.
import {get, path} from './api.js';
import {h, fill} from './dom.js';
import {t} from './i18n.js';

const KEY = 'mensajero.console.vhost';
let names = [];

export function selected() {
  return sessionStorage.getItem(KEY) || '';
}

export function choose(name) {
  if (name) sessionStorage.setItem(KEY, name);
  else sessionStorage.removeItem(KEY);
}

/** The vhosts the logged-in user can see, as last loaded. */
export function known() {
  return names;
}

/** Loads the vhosts and fills the header's selector. */
export async function load(selectEl) {
  const list = await get(path('vhosts'));
  names = list.map((v) => v.name).sort();
  if (selected() && !names.includes(selected())) choose('');
  fill(selectEl, h('option', {value: ''}, t('app.allVhosts')),
    names.map((n) => h('option', {value: n, selected: n === selected()}, n)));
  return names;
}

/** 'api/queues' or 'api/queues/<vhost>' for the chosen vhost. */
export function listPath(kind) {
  return selected() ? path(kind, selected()) : path(kind);
}

/** A select of the known vhosts for a form, the chosen one (or '/') first. */
export function vhostSelect(props = {}) {
  const preferred = selected() || (names.includes('/') ? '/' : names[0]);
  return h('select', props, names.map((n) => h('option', {value: n, selected: n === preferred}, n)));
}

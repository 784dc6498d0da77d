// Virtual hosts and permissions (administrators only).
import {h, link, announce} from '../dom.js';
import {t} from '../i18n.js';
import {get, put, del, path} from '../api.js';
import {DataTable, localRows} from '../table.js';
import {field, input, messageLine, clearInvalid, required, regex} from '../forms.js';
import {section, errorText, rateOf} from './common.js';
import {vhostSelect, load as loadVhostChoice} from '../vhost-choice.js';

export const vhostsView = {
  title: 'nav.vhosts',
  access: 'admin',
  render(main) {
    const msg = messageLine();
    const table = new DataTable({
      id: 'vhosts', caption: 'vhosts.caption', noun: 'noun.vhosts',
      source: localRows(() => get(path('vhosts'))),
      columns: [
        {key: 'name', label: 'col.name', sort: 'name', header: true},
        {key: 'description', label: 'vhosts.description', render: (v) => v.description || ''},
        {key: 'messages_ready', label: 'col.ready', sort: 'messages_ready', numeric: true, render: (v) => v.messages_ready ?? 0},
        {key: 'messages_unacknowledged', label: 'col.unacked', sort: 'messages_unacknowledged', numeric: true, render: (v) => v.messages_unacknowledged ?? 0},
        {key: 'messages', label: 'col.total', sort: 'messages', numeric: true, render: (v) => v.messages ?? 0},
        {key: 'publish', label: 'col.publishRate', numeric: true, render: (v) => rateOf(v, 'publish')},
        {key: 'deliver', label: 'col.deliverRate', numeric: true, render: (v) => rateOf(v, 'deliver_get')},
        {key: 'action', label: 'col.action', render: (v) => h('button', {type: 'button', class: 'small danger', on: {click: async () => {
          if (!window.confirm(t('vhosts.confirmDelete', {name: v.name}))) return;
          try {
            await del(path('vhosts', v.name));
            msg.show('ok', t('vhosts.deleted', {name: v.name}));
            announce(t('vhosts.deleted', {name: v.name}));
            table.refresh();
            loadVhostChoice(document.getElementById('vhost-select')).catch(() => {});
          } catch (e) {
            msg.show('error', errorText(e));
          }
        }}}, t('vhosts.delete'))},
      ],
    });
    const name = input({id: 'vhost-name'});
    const description = input({id: 'vhost-description'});
    const form = h('form', {id: 'add-vhost', class: 'grid-form', novalidate: true, on: {submit: async (e) => {
      e.preventDefault();
      clearInvalid(form);
      if (!required(name)) {
        msg.show('error', t('form.fix'));
        name.focus();
        return;
      }
      try {
        await put(path('vhosts', name.value.trim()), description.value.trim() ? {description: description.value.trim()} : {});
        msg.show('ok', t('vhosts.added', {name: name.value.trim()}));
        announce(t('vhosts.added', {name: name.value.trim()}));
        name.value = '';
        description.value = '';
        table.refresh();
        loadVhostChoice(document.getElementById('vhost-select')).catch(() => {});
      } catch (err) {
        msg.show('error', errorText(err));
      }
    }}}, field('col.name', name), field('vhosts.description', description), h('button', {type: 'submit', class: 'primary'}, t('vhosts.add')));
    main.append(table.element, msg, section('vhosts.addTitle', form));
    return {refresh: () => table.refresh()};
  },
};

/** Columns of a permissions table, with a clear button per row. */
export function permissionColumns({showUser, msg, onDone}) {
  return [
    showUser ? {key: 'user', label: 'col.user', sort: 'user', header: true, render: (p) => link(p.user, 'users', p.user)} : null,
    {key: 'vhost', label: 'col.vhost', sort: 'vhost', header: !showUser},
    {key: 'configure', label: 'permissions.configure'},
    {key: 'write', label: 'permissions.write'},
    {key: 'read', label: 'permissions.read'},
    {key: 'action', label: 'col.action', render: (p) => h('button', {type: 'button', class: 'small danger', on: {click: async () => {
      try {
        await del(path('permissions', p.vhost, p.user));
        msg.show('ok', t('permissions.cleared', {user: p.user, vhost: p.vhost}));
        onDone();
      } catch (e) {
        msg.show('error', errorText(e));
      }
    }}}, t('permissions.clear'))},
  ].filter(Boolean);
}


/** Sets a user's permissions on a vhost (the user fixed, or chosen from a field). */
export function permissionForm({user, msg, onDone}) {
  const who = user === undefined ? input({id: 'permission-user'}) : null;
  const vhost = vhostSelect({id: 'permission-vhost'});
  const configure = input({id: 'permission-configure', value: '.*'});
  const write = input({id: 'permission-write', value: '.*'});
  const read = input({id: 'permission-read', value: '.*'});
  const form = h('form', {id: 'permission-form', class: 'grid-form', novalidate: true, on: {submit: async (e) => {
    e.preventDefault();
    clearInvalid(form);
    const checks = [who ? required(who) : true, regex(configure), regex(write), regex(read)];
    if (!checks.every(Boolean)) {
      msg.show('error', t('form.fix'));
      form.querySelector('[aria-invalid]')?.focus();
      return;
    }
    const name = user ?? who.value.trim();
    try {
      await put(path('permissions', vhost.value, name), {configure: configure.value, write: write.value, read: read.value});
      msg.show('ok', t('permissions.saved', {user: name, vhost: vhost.value}));
      announce(t('permissions.saved', {user: name, vhost: vhost.value}));
      onDone();
    } catch (err) {
      msg.show('error', errorText(err));
    }
  }}}, who ? field('col.user', who) : null, field('col.vhost', vhost),
  field('permissions.configure', configure, 'permissions.regexHint'), field('permissions.write', write), field('permissions.read', read),
  h('button', {type: 'submit', class: 'primary'}, t('permissions.setButton')));
  return form;
}

export const permissionsView = {
  title: 'nav.permissions',
  access: 'admin',
  render(main) {
    const msg = messageLine();
    const table = new DataTable({
      id: 'permissions', caption: 'permissions.caption', noun: 'noun.permissions', sort: 'user',
      rowKey: (p) => `${p.user}|${p.vhost}`, source: localRows(async () => (await get(path('permissions'))).map((p) => ({...p, name: p.user}))),
      columns: permissionColumns({showUser: true, msg, onDone: () => table.refresh()}),
    });
    main.append(table.element, msg, section('permissions.set', h('p', {class: 'hint'}, t('permissions.help')),
      permissionForm({msg, onDone: () => table.refresh()})));
    return {refresh: () => table.refresh()};
  },
};


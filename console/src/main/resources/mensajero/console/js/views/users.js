// Users (administrators only): the list with tags, adding one, and a user's page with tags,
// password, permissions per vhost, and deleting.
import {h, fill, link, dl, announce} from '../dom.js';
import {t} from '../i18n.js';
import {get, put, del, path} from '../api.js';
import {DataTable, localRows} from '../table.js';
import {field, input, messageLine, clearInvalid, required, invalid, confirmButton} from '../forms.js';
import {section, errorText, missingNotice, loadOrGone} from './common.js';
import {tagList} from '../session.js';
import {permissionForm, permissionColumns} from './vhosts.js';

const TAGS = ['administrator', 'monitoring', 'management', 'policymaker', 'impersonator'];

/** A tags text field with a button per known tag that adds it. */
function tagsField(id, value = '') {
  const tags = input({id, value, placeholder: 'management'});
  const buttons = h('p', {class: 'suggest'}, t('users.addTag'), ' ', TAGS.map((tag) => h('button', {type: 'button', class: 'link', on: {click: () => {
    const list = tagList(tags.value);
    if (!list.includes(tag)) tags.value = [...list, tag].join(', ');
  }}}, tag)));
  return [field('users.tags', tags, 'users.tagsHint'), buttons, tags];
}

export const usersView = {
  title: 'nav.users',
  access: 'admin',
  render(main) {
    const table = new DataTable({
      id: 'users', caption: 'users.caption', noun: 'noun.users', pageSize: 100,
      source: localRows(() => get(path('users'))),
      columns: [
        {key: 'name', label: 'col.name', sort: 'name', header: true, render: (u) => link(u.name, 'users', u.name)},
        {key: 'tags', label: 'users.tags', render: (u) => tagList(u.tags).join(', ')},
        {key: 'password', label: 'users.hasPassword', render: (u) => t(u.password_hash ? 'common.yes' : 'common.no')},
      ],
    });
    const name = input({id: 'user-name-new', autocomplete: 'off'});
    const password = input({id: 'user-password-new', type: 'password', autocomplete: 'new-password'});
    const [tagsBlock, tagsButtons, tags] = tagsField('user-tags-new');
    const msg = messageLine();
    const form = h('form', {id: 'add-user', class: 'grid-form', novalidate: true, on: {submit: async (e) => {
      e.preventDefault();
      clearInvalid(form);
      let ok = required(name);
      if (!password.value) ok = invalid(password, t('users.passwordRequired'));
      if (!ok) {
        msg.show('error', t('form.fix'));
        form.querySelector('[aria-invalid]')?.focus();
        return;
      }
      try {
        await put(path('users', name.value.trim()), {password: password.value, tags: tagList(tags.value).join(',')});
        const text = t('users.added', {name: name.value.trim()});
        msg.show('ok', text);
        announce(text);
        name.value = '';
        password.value = '';
        tags.value = '';
        table.refresh();
      } catch (err) {
        msg.show('error', errorText(err));
      }
    }}}, field('col.name', name), field('users.password', password), tagsBlock, tagsButtons,
    h('button', {type: 'submit', class: 'primary'}, t('users.add')), msg);
    main.append(table.element, section('users.addTitle', h('p', {class: 'hint'}, t('users.addHelp')), form));
    return {refresh: () => table.refresh()};
  },
};

export const userView = {
  title: 'users.title',
  access: 'admin',
  heading: (p) => t('users.heading', {name: p.name}),
  render(main, {name}) {
    let user = null;
    const facts = h('div');
    const missing = missingNotice();
    const [tagsBlock, tagsButtons, tags] = tagsField('user-tags');
    const tagsMsg = messageLine();
    const tagsForm = h('form', {id: 'user-tags-form', class: 'grid-form', on: {submit: async (e) => {
      e.preventDefault();
      try {
        // Without password or password_hash RabbitMQ would clear the password: keep the hash.
        await put(path('users', name), {password_hash: user?.password_hash ?? '', hashing_algorithm: user?.hashing_algorithm,
          tags: tagList(tags.value).join(',')});
        tagsMsg.show('ok', t('users.tagsSaved'));
        announce(t('users.tagsSaved'));
      } catch (err) {
        tagsMsg.show('error', errorText(err));
      }
    }}}, tagsBlock, tagsButtons, h('button', {type: 'submit'}, t('users.saveTags')), tagsMsg);
    const password = input({id: 'user-password', type: 'password', autocomplete: 'new-password'});
    const passwordMsg = messageLine();
    const passwordForm = h('form', {id: 'user-password-form', class: 'grid-form', novalidate: true, on: {submit: async (e) => {
      e.preventDefault();
      clearInvalid(passwordForm);
      if (!password.value) {
        invalid(password, t('users.passwordRequired'));
        passwordMsg.show('error', t('form.fix'));
        return;
      }
      try {
        await put(path('users', name), {password: password.value, tags: tagList(user?.tags).join(',')});
        password.value = '';
        passwordMsg.show('ok', t('users.passwordChanged'));
      } catch (err) {
        passwordMsg.show('error', errorText(err));
      }
    }}}, field('users.newPassword', password), h('button', {type: 'submit'}, t('users.changePassword')), passwordMsg);
    const permMsg = messageLine();
    const permissions = new DataTable({
      id: 'user-permissions', caption: 'permissions.caption', noun: 'noun.permissions', filterable: false, sort: 'vhost',
      rowKey: (p) => p.vhost, source: localRows(() => get(path('users', name, 'permissions'))),
      columns: permissionColumns({showUser: false, msg: permMsg, onDone: () => permissions.refresh()}),
    });
    const deleteMsg = messageLine();
    const remove = confirmButton('users.delete', () => t('users.confirmDelete', {name}), async () => {
      try {
        await del(path('users', name));
        announce(t('users.deleted', {name}));
        location.hash = '#/users';
      } catch (err) {
        deleteMsg.show('error', errorText(err));
      }
    });
    main.append(missing, section('users.details', facts), section('users.tagsTitle', tagsForm),
      section('permissions.title', permissions.element, h('h3', {}, t('permissions.set')),
        permissionForm({user: name, msg: permMsg, onDone: () => permissions.refresh()}), permMsg),
      section('users.passwordTitle', passwordForm), section('users.deleteTitle', remove, deleteMsg));
    let first = true;
    return {
      async refresh() {
        user = await loadOrGone(() => get(path('users', name)), missing, t('users.gone', {name}));
        if (!user) return;
        fill(facts, dl([[t('col.name'), user.name], [t('users.tags'), tagList(user.tags).join(', ') || t('common.none')],
          [t('users.hasPassword'), t(user.password_hash ? 'common.yes' : 'common.no')]]));
        if (first) tags.value = tagList(user.tags).join(', ');
        first = false;
        await permissions.refresh();
      },
    };
  },
};

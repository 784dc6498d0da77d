// Bindings of an exchange (as source or destination) or of a queue, with bind and unbind.
import {h, link, announce} from '../dom.js';
import {t} from '../i18n.js';
import {get, post, del, path} from '../api.js';
import {DataTable, localRows} from '../table.js';
import {field, input, select, messageLine, keyValueEditor, clearInvalid, required} from '../forms.js';
import {errorText, exchangeLabel, exchangePathName, plain} from './common.js';

function endpoint(vhost, name, type) {
  if (type === 'queue') return link(name, 'queues', vhost, name);
  return link(exchangeLabel(name), 'exchanges', vhost, exchangePathName(name));
}

function unbind(b, onDone, msg) {
  if (b.source === '') return h('span', {class: 'hint'}, t('bindings.defaultBinding'));
  return h('button', {type: 'button', class: 'small danger', on: {click: async () => {
    try {
      await del(path('bindings', b.vhost, 'e', b.source, b.destination_type === 'queue' ? 'q' : 'e', b.destination, b.properties_key));
      announce(t('bindings.removed'));
      msg.show('ok', t('bindings.removed'));
      onDone();
    } catch (e) {
      msg.show('error', errorText(e));
    }
  }}}, t('bindings.unbind'));
}

/** A table of bindings loaded from apiPath; `show` is the other end: 'from' (the source) or 'to' (the destination). */
export function bindingsTable({id, caption, apiPath, show, msg}) {
  let table;
  const columns = [
    show === 'from' ? {key: 'source', label: 'bindings.from', sort: 'source', render: (b) => endpoint(b.vhost, b.source, 'exchange')} : null,
    show === 'to' ? {key: 'destination', label: 'bindings.to', sort: 'destination', render: (b) => h('span', {},
      endpoint(b.vhost, b.destination, b.destination_type), ' ', h('small', {}, t(`bindings.type.${b.destination_type}`)))} : null,
    {key: 'routing_key', label: 'bindings.routingKey', sort: 'routing_key'},
    {key: 'arguments', label: 'bindings.arguments', render: (b) => (Object.keys(b.arguments || {}).length ? plain(b.arguments) : '')},
    {key: 'action', label: 'bindings.action', render: (b) => unbind(b, () => table.refresh(), msg)},
  ].filter(Boolean);
  table = new DataTable({id, caption, columns, noun: 'noun.bindings', sort: show === 'to' ? 'destination' : 'source', filterable: false,
    source: localRows(() => get(apiPath)), rowKey: (b) => `${b.source}|${b.destination_type}|${b.destination}|${b.properties_key}`});
  return table;
}

/**
 * A form that adds a binding. From an exchange page: to a queue or exchange named in the form.
 * From a queue page: from an exchange named in the form to this queue.
 */
export function bindForm({vhost, exchange, queue, onDone, msg}) {
  const other = input({id: 'bind-other', name: 'other'});
  const type = select([['q', 'bindings.type.queue'], ['e', 'bindings.type.exchange']], {id: 'bind-type', value: 'q'});
  const key = input({id: 'bind-key', name: 'routing_key'});
  const args = keyValueEditor('bindings.arguments', [['x-match', 'string']]);
  const form = h('form', {class: 'bind-form', id: 'bind-form', novalidate: true, on: {submit: async (e) => {
    e.preventDefault();
    clearInvalid(form);
    const a = args.read();
    if (!required(other) || !a.ok) {
      msg.show('error', t('form.fix'));
      return;
    }
    const target = queue !== undefined
      ? path('bindings', vhost, 'e', other.value.trim(), 'q', queue)
      : path('bindings', vhost, 'e', exchange, type.value, other.value.trim());
    try {
      await post(target, {routing_key: key.value, arguments: a.value});
      msg.show('ok', t('bindings.added'));
      announce(t('bindings.added'));
      other.value = '';
      key.value = '';
      args.reset();
      onDone();
    } catch (err) {
      msg.show('error', errorText(err));
    }
  }}},
  queue !== undefined ? field('bindings.fromExchange', other) : [field('bindings.destinationType', type), field('bindings.destination', other)],
  field('bindings.routingKey', key), args, h('button', {type: 'submit'}, t('bindings.bind')));
  return form;
}


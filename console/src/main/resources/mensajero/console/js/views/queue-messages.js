// Getting messages from a queue (to look at them) and moving them to another queue.
import {h, fill, announce} from '../dom.js';
import {t, num, bytes, dateTime} from '../i18n.js';
import {get, post, path} from '../api.js';
import {field, input, select, messageLine, clearInvalid, integer, required, invalid} from '../forms.js';
import {errorText, plain} from './common.js';

const ACK_MODES = [['ack_requeue_true', 'get.requeue'], ['ack_requeue_false', 'get.ack'],
  ['reject_requeue_true', 'get.rejectRequeue'], ['reject_requeue_false', 'get.rejectDrop']];

export function getForm({vhost, queue}) {
  const mode = select(ACK_MODES, {id: 'get-ackmode', value: 'ack_requeue_true'});
  const encoding = select([['auto', 'get.auto'], ['base64', 'get.base64']], {id: 'get-encoding', value: 'auto'});
  const count = input({id: 'get-count', value: '1', inputmode: 'numeric'});
  const msg = messageLine();
  const results = h('div', {id: 'get-results', class: 'messages'});
  const form = h('form', {id: 'get-form', class: 'grid-form', novalidate: true, on: {submit: async (e) => {
    e.preventDefault();
    clearInvalid(form);
    if (!integer(count, 1, 1000)) {
      msg.show('error', t('form.fix'));
      count.focus();
      return;
    }
    try {
      const messages = await post(path('queues', vhost, queue, 'get'),
        {count: Number(count.value), ackmode: mode.value, encoding: encoding.value, truncate: 50000});
      fill(results, messages.map((m, i) => messageView(m, i + 1)));
      const text = messages.length ? t('get.got', {count: num(messages.length)}) : t('get.empty');
      msg.show(messages.length ? 'ok' : 'info', text);
      announce(text);
    } catch (err) {
      msg.show('error', errorText(err));
    }
  }}},
  h('p', {class: 'hint'}, t('get.help')),
  field('get.mode', mode), field('get.encoding', encoding), field('get.count', count),
  h('button', {type: 'submit', class: 'primary'}, t('get.submit')), msg);
  return h('div', {}, form, results);
}

function messageView(m, n) {
  const props = {...(m.properties || {})};
  const headers = props.headers || {};
  delete props.headers;
  const deaths = Array.isArray(headers['x-death']) ? headers['x-death'] : [];
  const otherHeaders = Object.fromEntries(Object.entries(headers).filter(([k]) => k !== 'x-death'));
  return h('article', {class: 'message', dataset: {n}},
    h('h3', {}, t('get.message', {n})),
    h('dl', {class: 'facts'},
      h('dt', {}, t('get.exchange')), h('dd', {}, m.exchange === '' ? t('exchange.default') : m.exchange),
      h('dt', {}, t('get.routingKey')), h('dd', {}, m.routing_key),
      h('dt', {}, t('get.redelivered')), h('dd', {}, t(m.redelivered ? 'common.yes' : 'common.no')),
      h('dt', {}, t('get.remaining')), h('dd', {}, num(m.message_count))),
    h('h4', {}, t('get.properties')), table('get.properties', props, 'message-properties'),
    h('h4', {}, t('get.headers')), table('get.headers', otherHeaders, 'message-headers'),
    deaths.length ? [h('h4', {}, t('get.xDeath')), deathTable(deaths)] : null,
    h('h4', {}, t('get.payload', {size: bytes(m.payload_bytes), encoding: m.payload_encoding})),
    h('pre', {class: 'payload', tabindex: '0'}, m.payload));
}

function table(captionKey, object, className) {
  const entries = Object.entries(object);
  if (!entries.length) return h('p', {class: `empty ${className}`}, t('common.none'));
  return h('table', {class: `kv-table ${className}`}, h('caption', {class: 'visually-hidden'}, t(captionKey)),
    h('tbody', {}, entries.map(([k, v]) => h('tr', {}, h('th', {scope: 'row'}, k), h('td', {}, plain(v))))));
}

function deathTable(deaths) {
  const cols = ['queue', 'reason', 'count', 'exchange', 'routing-keys', 'time'];
  return h('table', {class: 'data x-death'}, h('caption', {class: 'visually-hidden'}, t('get.xDeath')),
    h('thead', {}, h('tr', {}, cols.map((c) => h('th', {scope: 'col'}, c)))),
    h('tbody', {}, deaths.map((d) => h('tr', {}, cols.map((c) => h('td', {},
      c === 'time' && typeof d.time === 'number' ? dateTime(d.time * 1000) : plain(d[c])))))));
}

/**
 * Moves messages the way the console can with the management API alone (RabbitMQ's UI uses a
 * shovel instead): one at a time, get with ack from this queue, then publish to the destination
 * through the default exchange with the same properties and headers. A message the destination
 * does not take is published back to this queue (at its tail) and the move stops. A message in
 * flight when the page is closed mid-move is lost: at most one.
 */
export function moveForm({vhost, queue, ready}) {
  const destination = input({id: 'move-destination'});
  const count = input({id: 'move-count', inputmode: 'numeric', placeholder: t('move.all')});
  const msg = messageLine();
  const button = h('button', {type: 'submit'}, t('move.submit'));
  const form = h('form', {id: 'move-form', class: 'grid-form', novalidate: true, on: {submit: async (e) => {
    e.preventDefault();
    clearInvalid(form);
    const to = destination.value.trim();
    let ok = required(destination);
    if (ok && to === queue) ok = invalid(destination, t('move.sameQueue'));
    if (count.value.trim() !== '' && !integer(count, 1)) ok = false;
    if (!ok) {
      msg.show('error', t('form.fix'));
      form.querySelector('[aria-invalid]')?.focus();
      return;
    }
    try {
      await get(path('queues', vhost, to));
    } catch (err) {
      msg.show('error', err.status === 404 ? t('move.noDestination', {queue: to, vhost}) : errorText(err));
      return;
    }
    const limit = count.value.trim() === '' ? ready() : Number(count.value);
    button.disabled = true;
    try {
      const moved = await move(vhost, queue, to, limit, (n) => msg.show('info', t('move.progress', {moved: num(n), limit: num(limit)})));
      msg.show('ok', t('move.done', {moved: num(moved), queue: to}));
      announce(t('move.done', {moved: num(moved), queue: to}));
    } catch (err) {
      msg.show('error', t('move.stopped', {moved: num(err.moved ?? 0), reason: err.text || errorText(err)}));
    } finally {
      button.disabled = false;
    }
  }}},
  h('p', {class: 'hint', id: 'move-semantics'}, t('move.semantics')),
  field('move.destination', destination), field('move.count', count, 'move.countHint'), button, msg);
  return form;
}

async function move(vhost, from, to, limit, progress) {
  let moved = 0;
  while (moved < limit) {
    let got;
    try {
      got = await post(path('queues', vhost, from, 'get'), {count: 1, ackmode: 'ack_requeue_false', encoding: 'auto'});
    } catch (e) {
      e.moved = moved;
      throw e;
    }
    if (!got.length) break;
    const m = got[0];
    const body = {properties: m.properties || {}, payload: m.payload, payload_encoding: m.payload_encoding};
    let routed = false;
    let failure = null;
    try {
      routed = (await post(path('exchanges', vhost, 'amq.default', 'publish'), {...body, routing_key: to})).routed;
    } catch (e) {
      failure = e;
    }
    if (!routed) {
      const back = await post(path('exchanges', vhost, 'amq.default', 'publish'), {...body, routing_key: from}).catch(() => ({routed: false}));
      const error = new Error('move stopped');
      error.moved = moved;
      error.text = `${failure ? errorText(failure) : t('move.notRouted', {queue: to})} ${back.routed ? t('move.putBack') : t('move.lost')}`;
      throw error;
    }
    moved += 1;
    progress(moved);
  }
  return moved;
}

// The publish form of the exchange and queue pages: routing key, delivery mode, headers,
// properties and payload, sent with POST /api/exchanges/<vhost>/<exchange>/publish.
import {h, uid, announce} from '../dom.js';
import {t} from '../i18n.js';
import {post, path} from '../api.js';
import {field, input, select, messageLine, keyValueEditor, clearInvalid, invalid} from '../forms.js';
import {errorText, exchangePathName} from './common.js';

const PROPERTIES = [['content_type', 'string'], ['correlation_id', 'string'], ['message_id', 'string'],
  ['reply_to', 'string'], ['expiration', 'string'], ['priority', 'number'], ['type', 'string'],
  ['app_id', 'string'], ['user_id', 'string'], ['timestamp', 'number'], ['content_encoding', 'string']];

/** fixedRoutingKey: the queue page publishes to the default exchange with the queue's name. */
export function publishForm({vhost, exchange, fixedRoutingKey}) {
  const id = uid('publish');
  const routingKey = input({id: `${id}-rk`, name: 'routing_key'});
  const mode = select([['1', 'publish.transient'], ['2', 'publish.persistent']], {id: `${id}-mode`, value: '1'});
  const headers = keyValueEditor('publish.headers');
  const properties = keyValueEditor('publish.properties', PROPERTIES);
  const payload = h('textarea', {id: `${id}-payload`, name: 'payload', rows: 5, spellcheck: 'false'});
  const encoding = select([['string', 'publish.asString'], ['base64', 'publish.asBase64']], {id: `${id}-enc`, value: 'string'});
  const msg = messageLine();
  const form = h('form', {class: 'publish-form', id: 'publish-form', novalidate: true, on: {submit: async (e) => {
    e.preventDefault();
    clearInvalid(form);
    msg.clear();
    const h1 = headers.read();
    const p1 = properties.read();
    let ok = h1.ok && p1.ok;
    if (encoding.value === 'base64' && !isBase64(payload.value.trim())) ok = invalid(payload, t('publish.badBase64'));
    if (!ok) {
      msg.show('error', t('form.fix'));
      form.querySelector('[aria-invalid]')?.focus();
      return;
    }
    const props = {delivery_mode: Number(mode.value), ...p1.value};
    if (Object.keys(h1.value).length) props.headers = h1.value;
    try {
      const result = await post(path('exchanges', vhost, exchangePathName(exchange), 'publish'), {
        properties: props, routing_key: fixedRoutingKey ?? routingKey.value,
        payload: encoding.value === 'base64' ? payload.value.trim() : payload.value, payload_encoding: encoding.value,
      });
      const text = result && result.routed ? t('publish.routed') : t('publish.notRouted');
      msg.show(result && result.routed ? 'ok' : 'error', text);
      announce(text);
    } catch (err) {
      msg.show('error', errorText(err));
    }
  }}},
  fixedRoutingKey === undefined ? field('publish.routingKey', routingKey) : h('p', {class: 'hint'}, t('publish.toQueue', {queue: fixedRoutingKey})),
  field('publish.deliveryMode', mode), headers, properties,
  field('publish.payload', payload), field('publish.encoding', encoding),
  h('button', {type: 'submit', class: 'primary'}, t('publish.submit')), msg);
  return form;
}

function isBase64(text) {
  if (!/^[A-Za-z0-9+/\s]*={0,2}$/.test(text)) return false;
  try {
    atob(text.replace(/\s/g, ''));
    return true;
  } catch (e) {
    return false;
  }
}

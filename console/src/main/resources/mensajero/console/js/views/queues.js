// Queues: the list (paged and sorted by the API) and a form to declare one.
import {h, link, announce} from '../dom.js';
import {t} from '../i18n.js';
import {put, path} from '../api.js';
import {DataTable, apiPaged} from '../table.js';
import {listPath, vhostSelect, selected} from '../vhost-choice.js';
import {field, input, select, messageLine, keyValueEditor, clearInvalid, required, invalid} from '../forms.js';
import {section, errorText, features, rateOf} from './common.js';
import {stateBadge} from './connections.js';

const SUGGESTED = [['x-message-ttl', 'number'], ['x-expires', 'number'], ['x-max-length', 'number'],
  ['x-max-length-bytes', 'number'], ['x-overflow', 'string'], ['x-dead-letter-exchange', 'string'],
  ['x-dead-letter-routing-key', 'string'], ['x-max-priority', 'number'], ['x-single-active-consumer', 'boolean']];

export default {
  title: 'nav.queues',
  render(main) {
    const table = new DataTable({
      id: 'queues', caption: 'queues.caption', noun: 'noun.queues',
      source: apiPaged(() => listPath('queues')),
      rowKey: (q) => `${q.vhost}|${q.name}`,
      columns: [
        {key: 'name', label: 'col.name', sort: 'name', header: true, render: (q) => link(q.name, 'queues', q.vhost, q.name)},
        selected() ? null : {key: 'vhost', label: 'col.vhost', sort: 'vhost'},
        {key: 'type', label: 'col.type', sort: 'type', render: (q) => q.type || 'classic'},
        {key: 'features', label: 'col.features', render: features},
        {key: 'policy', label: 'col.policy', sort: 'policy', render: (q) => q.policy || ''},
        {key: 'state', label: 'col.state', sort: 'state', render: (q) => stateBadge(q.state)},
        {key: 'messages_ready', label: 'col.ready', sort: 'messages_ready', numeric: true},
        {key: 'messages_unacknowledged', label: 'col.unacked', sort: 'messages_unacknowledged', numeric: true},
        {key: 'messages', label: 'col.total', sort: 'messages', numeric: true},
        {key: 'consumers', label: 'col.consumers', sort: 'consumers', numeric: true},
        {key: 'in', label: 'col.incoming', sort: 'message_stats.publish_details.rate', numeric: true, render: (q) => rateOf(q, 'publish')},
        {key: 'deliver', label: 'col.deliverRate', sort: 'message_stats.deliver_get_details.rate', numeric: true, render: (q) => rateOf(q, 'deliver_get')},
        {key: 'ack', label: 'col.ackRate', sort: 'message_stats.ack_details.rate', numeric: true, render: (q) => rateOf(q, 'ack')},
      ].filter(Boolean),
    });
    main.append(table.element, section('queues.declare', declareForm(() => table.refresh())));
    return {refresh: () => table.refresh()};
  },
};

function declareForm(onDone) {
  const vhost = vhostSelect({id: 'queue-vhost'});
  const name = input({id: 'queue-name', name: 'name'});
  const type = select([['classic', 'classic', true], ['quorum', 'quorum', true], ['stream', 'stream', true]], {id: 'queue-type', value: 'classic'});
  const durable = select([['true', 'declare.durable'], ['false', 'declare.transient']], {id: 'queue-durable', value: 'true'});
  const autoDelete = select([['false', 'common.no'], ['true', 'common.yes']], {id: 'queue-autodelete', value: 'false'});
  const args = keyValueEditor('declare.arguments', SUGGESTED);
  const msg = messageLine();
  const form = h('form', {id: 'declare-queue', class: 'grid-form', novalidate: true, on: {submit: async (e) => {
    e.preventDefault();
    clearInvalid(form);
    const a = args.read();
    let ok = [required(name), a.ok].every(Boolean);
    if (ok && name.value.trim().length > 255) ok = invalid(name, t('declare.tooLong'));
    if (!ok) {
      msg.show('error', t('form.fix'));
      form.querySelector('[aria-invalid]')?.focus();
      return;
    }
    const argumentsValue = {...a.value};
    if (type.value !== 'classic') argumentsValue['x-queue-type'] = type.value;
    try {
      await put(path('queues', vhost.value, name.value.trim()), {
        durable: durable.value === 'true', auto_delete: autoDelete.value === 'true', arguments: argumentsValue,
      });
      const text = t('queues.declared', {name: name.value.trim()});
      msg.show('ok', text);
      announce(text);
      name.value = '';
      args.reset();
      onDone();
    } catch (err) {
      msg.show('error', errorText(err));
    }
  }}},
  field('col.vhost', vhost), field('col.type', type), field('col.name', name), field('declare.durability', durable),
  field('declare.autoDelete', autoDelete, 'declare.queueAutoDeleteHint'), args,
  h('button', {type: 'submit', class: 'primary'}, t('queues.add')), msg);
  return form;
}

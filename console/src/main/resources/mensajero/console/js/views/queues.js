// Queues: the list (paged and sorted by the API) and a form to declare one.
import {link} from '../dom.js';
import {DataTable, apiPaged} from '../table.js';
import {listPath, selected} from '../vhost-choice.js';
import {section, features, rateOf} from './common.js';
import {declareForm} from './declare.js';
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
    main.append(table.element, section('queues.declare', queueForm(() => table.refresh())));
    return {refresh: () => table.refresh()};
  },
};

function queueForm(onDone) {
  return declareForm({kind: 'queues', prefix: 'queue', types: ['classic', 'quorum', 'stream'], suggestions: SUGGESTED,
    internal: false, autoDeleteHint: 'declare.queueAutoDeleteHint', doneKey: 'queues.declared', buttonKey: 'queues.add', onDone,
    body: (v) => ({durable: v.durable, auto_delete: v.autoDelete,
      arguments: v.type === 'classic' ? v.args : {...v.args, 'x-queue-type': v.type}})});
}

// One queue: depth chart, details, consumers, bindings, get/move/publish messages, purge, delete.
import {h, fill, dl, announce, link} from '../dom.js';
import {t, num} from '../i18n.js';
import {get, del, path, withQuery} from '../api.js';
import {DataTable, localRows} from '../table.js';
import {LiveChart, history, record, seed} from '../chart.js';
import {messageLine, confirmButton} from '../forms.js';
import {section, errorText, features, rateOf, keyValueTable, missingNotice, loadOrGone} from './common.js';
import {stateBadge} from './connections.js';
import {bindingsTable, bindForm} from './bindings.js';
import {publishForm} from './publish.js';
import {getForm, moveForm} from './queue-messages.js';
import {QUEUED} from './overview.js';

export default {
  title: 'queue.title',
  heading: (p) => t('queue.heading', {name: p.name, vhost: p.vhost}),
  render(main, {vhost, name}) {
    const store = history(`queue:${vhost}/${name}`, QUEUED.map((s) => s.key));
    const depth = new LiveChart({title: 'chart.depth', series: QUEUED, kind: 'count', store});
    const facts = h('div');
    const args = h('div');
    const missing = missingNotice();
    let ready = 0;
    let consumerRows = [];
    const consumers = new DataTable({
      id: 'queue-consumers', caption: 'queue.consumers', noun: 'noun.consumers', filterable: false, sort: 'consumer_tag',
      rowKey: (c) => `${c.channel_details?.name}|${c.consumer_tag}`,
      source: localRows(async () => consumerRows),
      columns: [
        {key: 'consumer_tag', label: 'col.consumerTag', sort: 'consumer_tag', header: true},
        {key: 'channel', label: 'col.channel', render: (c) => (c.channel_details?.connection_name
          ? h('span', {}, c.channel_details.name, ' ', link(t('queue.connection'), 'connections', c.channel_details.connection_name))
          : c.channel_details?.name || '')},
        {key: 'ack_required', label: 'col.ackRequired', render: (c) => t(c.ack_required ? 'common.yes' : 'common.no')},
        {key: 'exclusive', label: 'col.exclusive', render: (c) => t(c.exclusive ? 'common.yes' : 'common.no')},
        {key: 'prefetch_count', label: 'col.prefetch', sort: 'prefetch_count', numeric: true},
        {key: 'arguments', label: 'col.arguments', render: (c) => (Object.keys(c.arguments || {}).length ? JSON.stringify(c.arguments) : '')},
      ],
    });
    const bindMsg = messageLine();
    const bindings = bindingsTable({id: 'queue-bindings', caption: 'queue.bindings', show: 'from', msg: bindMsg,
      apiPath: path('queues', vhost, name, 'bindings')});
    const dangerMsg = messageLine();
    const purge = confirmButton('queue.purge', () => t('queue.confirmPurge', {name}), async () => {
      try {
        await del(path('queues', vhost, name, 'contents'));
        dangerMsg.show('ok', t('queue.purged', {name}));
        announce(t('queue.purged', {name}));
      } catch (e) {
        dangerMsg.show('error', errorText(e));
      }
    }, 'warning');
    const remove = confirmButton('queue.delete', () => t('queue.confirmDelete', {name}), async () => {
      try {
        await del(path('queues', vhost, name));
        announce(t('queue.deleted', {name}));
        location.hash = '#/queues';
      } catch (e) {
        dangerMsg.show('error', errorText(e));
      }
    });
    main.append(missing, h('div', {class: 'split'}, depth.element, section('queue.details', facts)),
      section('queue.arguments', args),
      section('queue.consumers', consumers.element),
      section('queue.bindings', bindings.element, h('h3', {}, t('queue.addBinding')),
        bindForm({vhost, queue: name, msg: bindMsg, onDone: () => bindings.refresh()}), bindMsg),
      section('queue.getTitle', getForm({vhost, queue: name})),
      section('queue.publish', publishForm({vhost, exchange: '', fixedRoutingKey: name})),
      section('queue.moveTitle', moveForm({vhost, queue: name, ready: () => ready})),
      section('queue.dangerTitle', h('div', {class: 'buttons'}, purge, remove), dangerMsg));
    return {
      async refresh() {
        const q = await loadOrGone(() => get(withQuery(path('queues', vhost, name), {lengths_age: 600, lengths_incr: 5})),
          missing, t('queue.gone', {name}));
        if (!q) return;
        ready = q.messages_ready ?? 0;
        consumerRows = q.consumer_details || [];
        seed(store, {ready: q.messages_ready_details?.samples, unacked: q.messages_unacknowledged_details?.samples,
          total: q.messages_details?.samples});
        record(store, Math.round(Date.now() / 1000), {ready, unacked: q.messages_unacknowledged ?? 0, total: q.messages ?? 0});
        depth.update();
        fill(facts, dl([
          [t('col.ready'), h('span', {id: 'queue-ready'}, num(ready))],
          [t('col.unacked'), h('span', {id: 'queue-unacked'}, num(q.messages_unacknowledged ?? 0))],
          [t('col.total'), h('span', {id: 'queue-total'}, num(q.messages ?? 0))],
          [t('col.consumers'), num(q.consumers ?? 0)],
          [t('col.type'), q.type || 'classic'], [t('col.features'), features(q)], [t('col.state'), stateBadge(q.state)],
          [t('col.policy'), q.policy || t('common.none')],
          [t('queue.exclusiveOwner'), q.owner_pid_details?.name || ''],
          [t('col.incoming'), rateOf(q, 'publish')], [t('col.deliverRate'), rateOf(q, 'deliver_get')],
          [t('col.ackRate'), rateOf(q, 'ack')], [t('col.redeliverRate'), rateOf(q, 'redeliver')],
        ]));
        fill(args, keyValueTable('queue.arguments', q.arguments),
          q.effective_policy_definition && Object.keys(q.effective_policy_definition).length
            ? [h('h3', {}, t('queue.effectivePolicy')), keyValueTable('queue.effectivePolicy', q.effective_policy_definition)] : null);
        await Promise.all([consumers.refresh(), bindings.refresh()]);
      },
      dispose() {
        depth.destroy();
      },
    };
  },
};

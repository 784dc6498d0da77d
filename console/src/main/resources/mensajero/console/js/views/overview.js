// Overview: totals, and live charts of queued messages and message rates.
import {h, fill} from '../dom.js';
import {t, num} from '../i18n.js';
import {get, path} from '../api.js';
import {LiveChart, history, record, statRate} from '../chart.js';
import {section} from './common.js';

const TOTALS = [
  ['object_totals', 'connections', 'totals.connections', '#/connections'],
  ['object_totals', 'channels', 'totals.channels', '#/channels'],
  ['object_totals', 'exchanges', 'totals.exchanges', '#/exchanges'],
  ['object_totals', 'queues', 'totals.queues', '#/queues'],
  ['object_totals', 'consumers', 'totals.consumers', null],
  ['queue_totals', 'messages_ready', 'totals.ready', null],
  ['queue_totals', 'messages_unacknowledged', 'totals.unacked', null],
  ['queue_totals', 'messages', 'totals.messages', null],
];

export const QUEUED = [
  {key: 'ready', label: 'series.ready', color: '#b35900'},
  {key: 'unacked', label: 'series.unacked', color: '#6a3d9a'},
  {key: 'total', label: 'series.total', color: '#1d4f91'},
];

export const RATES = [
  {key: 'publish', label: 'series.publish', color: '#1d4f91'},
  {key: 'deliver', label: 'series.deliver', color: '#2e7d32'},
  {key: 'ack', label: 'series.ack', color: '#6a3d9a'},
  {key: 'redeliver', label: 'series.redeliver', color: '#c0392b'},
];

/** The rate series from message_stats. */
export function rates(stats) {
  return {
    publish: statRate(stats, 'publish'), deliver: statRate(stats, 'deliver_get'),
    ack: statRate(stats, 'ack'), redeliver: statRate(stats, 'redeliver'),
  };
}

export default {
  title: 'nav.overview',
  render(main) {
    const totals = h('div', {class: 'totals', id: 'totals'});
    const queued = new LiveChart({title: 'chart.queued', series: QUEUED, kind: 'count',
      store: history('overview.queued', QUEUED.map((s) => s.key))});
    const rateChart = new LiveChart({title: 'chart.rates', series: RATES, kind: 'rate',
      store: history('overview.rates', RATES.map((s) => s.key))});
    const about = h('div');
    main.append(section('overview.totals', totals), h('div', {class: 'charts'}, queued.element, rateChart.element),
      section('overview.broker', about));
    return {
      async refresh() {
        const o = await get(path('overview'));
        fill(totals, TOTALS.map(([group, key, label, link]) => {
          const value = num(o[group]?.[key] ?? 0);
          return h('div', {class: 'total', dataset: {total: key}},
            h('span', {class: 'label'}, t(label)),
            link ? h('a', {class: 'value', href: link}, value) : h('span', {class: 'value'}, value));
        }));
        const now = Math.round(Date.now() / 1000);
        const q = o.queue_totals || {};
        record(queued.store, now, {ready: q.messages_ready ?? 0, unacked: q.messages_unacknowledged ?? 0, total: q.messages ?? 0});
        record(rateChart.store, now, rates(o.message_stats));
        queued.update();
        rateChart.update();
        const listeners = (o.listeners || []).map((l) => `${l.protocol} ${String(l.ip_address ?? '').includes(':') ? `[${l.ip_address}]` : l.ip_address ?? ''}:${l.port}`);
        fill(about, h('dl', {class: 'facts'},
          h('dt', {}, t('overview.product')), h('dd', {}, [o.product_name || 'RabbitMQ', o.product_version || o.rabbitmq_version].filter(Boolean).join(' ')),
          h('dt', {}, t('overview.node')), h('dd', {}, o.node || ''),
          o.cluster_name ? [h('dt', {}, t('overview.cluster')), h('dd', {}, o.cluster_name)] : null,
          listeners.length ? [h('dt', {}, t('overview.listeners')), h('dd', {}, listeners.join(' · '))] : null));
      },
      dispose() {
        queued.destroy();
        rateChart.destroy();
      },
    };
  },
};

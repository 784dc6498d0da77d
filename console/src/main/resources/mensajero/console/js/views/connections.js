// Connections and channels: lists paged by the API.
import {h, link} from '../dom.js';
import {t, num} from '../i18n.js';
import {DataTable, apiPaged} from '../table.js';
import {listPath} from '../vhost-choice.js';
import {rateOf} from './common.js';

/** The name a client gave its connection, else the broker's name for it. */
export function connectionLabel(c) {
  return c.user_provided_name || c.client_properties?.connection_name || c.name;
}

export function stateBadge(state) {
  const s = String(state || 'running');
  return h('span', {class: `state state-${s}`}, t(`state.${s}`) === `state.${s}` ? s : t(`state.${s}`));
}

function client(c) {
  const p = c.client_properties || {};
  return [p.product, p.version].filter(Boolean).join(' ');
}

export const connectionsView = {
  title: 'nav.connections',
  render(main) {
    const table = new DataTable({
      id: 'connections', caption: 'connections.caption', noun: 'noun.connections',
      source: apiPaged(() => listPath('connections')),
      columns: [
        {key: 'name', label: 'col.name', sort: 'name', header: true, render: (c) => h('span', {class: 'stack'},
          link(connectionLabel(c), 'connections', c.name), connectionLabel(c) !== c.name ? h('small', {}, c.name) : null)},
        {key: 'user', label: 'col.user', sort: 'user'},
        {key: 'vhost', label: 'col.vhost', sort: 'vhost'},
        {key: 'state', label: 'col.state', sort: 'state', render: (c) => stateBadge(c.state)},
        {key: 'channels', label: 'col.channels', sort: 'channels', numeric: true},
        {key: 'client', label: 'col.client', sort: 'client_properties.product', render: client},
        {key: 'protocol', label: 'col.protocol', sort: 'protocol'},
        {key: 'recv', label: 'col.fromClient', sort: 'recv_oct_details.rate', numeric: true, render: (c) => `${num(Math.round(c.recv_oct_details?.rate ?? 0))} B/s`},
        {key: 'send', label: 'col.toClient', sort: 'send_oct_details.rate', numeric: true, render: (c) => `${num(Math.round(c.send_oct_details?.rate ?? 0))} B/s`},
      ],
    });
    main.append(h('p', {class: 'lead'}, t('connections.lead')), table.element);
    return {refresh: () => table.refresh()};
  },
};

export function channelColumns(withConnection) {
  return [
    {key: 'name', label: 'col.channel', sort: 'name', header: true},
    withConnection ? {key: 'connection', label: 'col.connection', sort: 'connection_details.name',
      render: (c) => (c.connection_details ? link(c.connection_details.name, 'connections', c.connection_details.name) : '')} : null,
    {key: 'user', label: 'col.user', sort: 'user'},
    {key: 'vhost', label: 'col.vhost', sort: 'vhost'},
    {key: 'mode', label: 'col.mode', render: (c) => [c.confirm ? 'C' : '', c.transactional ? 'T' : ''].join(' ').trim()},
    {key: 'state', label: 'col.state', sort: 'state', render: (c) => stateBadge(c.state)},
    {key: 'prefetch_count', label: 'col.prefetch', sort: 'prefetch_count', numeric: true,
      render: (c) => (c.global_prefetch_count ? `${num(c.prefetch_count ?? 0)} / ${num(c.global_prefetch_count)} ${t('channel.global')}` : num(c.prefetch_count ?? 0))},
    {key: 'messages_unacknowledged', label: 'col.unacked', sort: 'messages_unacknowledged', numeric: true},
    {key: 'messages_unconfirmed', label: 'col.unconfirmed', sort: 'messages_unconfirmed', numeric: true},
    {key: 'consumer_count', label: 'col.consumers', sort: 'consumer_count', numeric: true},
    {key: 'publish', label: 'col.publishRate', sort: 'message_stats.publish_details.rate', numeric: true, render: (c) => rateOf(c, 'publish')},
    {key: 'deliver', label: 'col.deliverRate', sort: 'message_stats.deliver_get_details.rate', numeric: true, render: (c) => rateOf(c, 'deliver_get')},
    {key: 'ack', label: 'col.ackRate', sort: 'message_stats.ack_details.rate', numeric: true, render: (c) => rateOf(c, 'ack')},
  ].filter(Boolean);
}

export const channelsView = {
  title: 'nav.channels',
  render(main) {
    const table = new DataTable({
      id: 'channels', caption: 'channels.caption', noun: 'noun.channels',
      source: apiPaged(() => listPath('channels')), columns: channelColumns(true),
    });
    main.append(h('p', {class: 'lead'}, t('channels.lead')), table.element);
    return {refresh: () => table.refresh()};
  },
};


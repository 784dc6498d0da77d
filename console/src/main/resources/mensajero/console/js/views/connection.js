// One connection: what it is, its client's properties, its channels, and closing it with a reason.
import {h, fill, dl, announce} from '../dom.js';
import {t, num, dateTime} from '../i18n.js';
import {get, del, path} from '../api.js';
import {DataTable, localRows} from '../table.js';
import {field, input, messageLine} from '../forms.js';
import {section, errorText, keyValueTable, missingNotice, loadOrGone} from './common.js';
import {connectionLabel, stateBadge, channelColumns} from './connections.js';

export default {
  title: 'connection.title',
  heading: (p) => t('connection.heading', {name: p.name}),
  render(main, {name}) {
    const facts = h('div');
    const props = h('div');
    const channels = new DataTable({
      id: 'connection-channels', caption: 'connection.channels', noun: 'noun.channels', filterable: false,
      source: localRows(() => get(path('connections', name, 'channels'))), columns: channelColumns(false),
    });
    const reason = input({value: t('connection.defaultReason'), id: 'close-reason'});
    const msg = messageLine();
    const close = h('form', {class: 'inline-form', id: 'close-connection', on: {submit: async (e) => {
      e.preventDefault();
      if (!window.confirm(t('connection.confirmClose', {name}))) return;
      try {
        await del(path('connections', name), {'X-Reason': reason.value.trim() || t('connection.defaultReason')});
        announce(t('connection.closed', {name}));
        msg.show('ok', t('connection.closed', {name}));
        setTimeout(() => { location.hash = '#/connections'; }, 600);
      } catch (err) {
        msg.show('error', errorText(err));
      }
    }}}, field('connection.reason', reason), h('button', {type: 'submit', class: 'danger'}, t('connection.close')), msg);
    const missing = missingNotice();
    main.append(missing, section('connection.details', facts), section('connection.channels', channels.element),
      section('connection.clientProperties', props), section('connection.closeTitle', h('p', {}, t('connection.closeHelp')), close));
    return {
      async refresh() {
        const c = await loadOrGone(() => get(path('connections', name)), missing, t('connection.gone', {name}));
        if (!c) return;
        fill(facts, dl([
          [t('col.name'), connectionLabel(c)],
          [t('col.user'), c.user], [t('col.vhost'), c.vhost], [t('col.state'), stateBadge(c.state)],
          [t('col.protocol'), c.protocol], [t('connection.peer'), c.peer_host !== undefined ? `${c.peer_host}:${c.peer_port}` : ''],
          [t('connection.connectedAt'), c.connected_at ? dateTime(c.connected_at) : ''],
          [t('connection.auth'), c.auth_mechanism], [t('connection.heartbeat'), c.timeout !== undefined ? `${num(c.timeout)} s` : ''],
          [t('connection.frameMax'), c.frame_max !== undefined ? num(c.frame_max) : ''],
          [t('connection.channelMax'), c.channel_max !== undefined ? num(c.channel_max) : ''],
          [t('connection.tls'), c.ssl === undefined ? '' : t(c.ssl ? 'common.yes' : 'common.no')],
        ]));
        fill(props, keyValueTable('connection.clientProperties', c.client_properties));
        await channels.refresh();
      },
    };
  },
};

// One exchange: what it is, its bindings both ways, binding, publishing, deleting.
import {h, fill, dl, announce} from '../dom.js';
import {t} from '../i18n.js';
import {get, del, path} from '../api.js';
import {messageLine, confirmButton} from '../forms.js';
import {section, errorText, features, rateOf, exchangeLabel, exchangePathName, keyValueTable, missingNotice, loadOrGone} from './common.js';
import {bindingsTable, bindForm} from './bindings.js';
import {publishForm} from './publish.js';

export default {
  title: 'exchange.title',
  heading: (p) => t('exchange.heading', {name: exchangeLabel(p.name), vhost: p.vhost}),
  render(main, {vhost, name}) {
    const isDefault = name === 'amq.default' || name === '';
    const apiName = exchangePathName(isDefault ? '' : name);
    const facts = h('div');
    const args = h('div');
    const msg = messageLine();
    const out = bindingsTable({id: 'bindings-source', caption: 'exchange.bindingsOut', show: 'to', msg,
      apiPath: path('exchanges', vhost, apiName, 'bindings', 'source')});
    const into = bindingsTable({id: 'bindings-destination', caption: 'exchange.bindingsIn', show: 'from', msg,
      apiPath: path('exchanges', vhost, apiName, 'bindings', 'destination')});
    const deleteMsg = messageLine();
    const remove = confirmButton('exchange.delete', () => t('exchange.confirmDelete', {name}), async () => {
      try {
        await del(path('exchanges', vhost, apiName));
        announce(t('exchange.deleted', {name}));
        location.hash = '#/exchanges';
      } catch (e) {
        deleteMsg.show('error', errorText(e));
      }
    });
    const missing = missingNotice();
    main.append(missing, section('exchange.details', facts, args),
      section('exchange.bindingsTitle', isDefault ? h('p', {}, t('exchange.defaultBindings')) : [out.element, into.element,
        h('h3', {}, t('exchange.addBinding')), bindForm({vhost, exchange: apiName, msg, onDone: () => out.refresh()}), msg]),
      section('exchange.publish', publishForm({vhost, exchange: isDefault ? '' : name})),
      isDefault ? null : section('exchange.deleteTitle', remove, deleteMsg));
    return {
      async refresh() {
        const x = await loadOrGone(() => get(path('exchanges', vhost, apiName)), missing, t('exchange.gone', {name}));
        if (!x) return;
        fill(facts, dl([
          [t('col.type'), x.type], [t('col.features'), features(x)], [t('col.policy'), x.policy || t('common.none')],
          [t('col.rateIn'), rateOf(x, 'publish_in')], [t('col.rateOut'), rateOf(x, 'publish_out')],
        ]));
        fill(args, h('h3', {}, t('declare.arguments')), keyValueTable('declare.arguments', x.arguments));
        if (!isDefault) await Promise.all([out.refresh(), into.refresh()]);
      },
    };
  },
};

// Exchanges: the list (paged by the API) and a form to declare one.
import {h, link} from '../dom.js';
import {DataTable, apiPaged} from '../table.js';
import {listPath, selected} from '../vhost-choice.js';
import {section, features, rateOf, exchangeLabel, exchangePathName} from './common.js';
import {declareForm} from './declare.js';

export default {
  title: 'nav.exchanges',
  render(main) {
    const table = new DataTable({
      id: 'exchanges', caption: 'exchanges.caption', noun: 'noun.exchanges',
      source: apiPaged(() => listPath('exchanges')),
      rowKey: (x) => `${x.vhost}|${x.name}`,
      columns: [
        {key: 'name', label: 'col.name', sort: 'name', header: true, render: (x) => link(exchangeLabel(x.name), 'exchanges', x.vhost, exchangePathName(x.name))},
        selected() ? null : {key: 'vhost', label: 'col.vhost', sort: 'vhost'},
        {key: 'type', label: 'col.type', sort: 'type'},
        {key: 'features', label: 'col.features', render: features},
        {key: 'policy', label: 'col.policy', sort: 'policy', render: (x) => x.policy || ''},
        {key: 'in', label: 'col.rateIn', sort: 'message_stats.publish_in_details.rate', numeric: true, render: (x) => rateOf(x, 'publish_in')},
        {key: 'out', label: 'col.rateOut', sort: 'message_stats.publish_out_details.rate', numeric: true, render: (x) => rateOf(x, 'publish_out')},
      ].filter(Boolean),
    });
    main.append(table.element, section('exchanges.declare', exchangeForm(() => table.refresh())));
    return {refresh: () => table.refresh()};
  },
};

function exchangeForm(onDone) {
  return declareForm({kind: 'exchanges', prefix: 'exchange', types: ['direct', 'fanout', 'topic', 'headers'],
    suggestions: [['alternate-exchange', 'string']], internal: true, autoDeleteHint: 'declare.autoDeleteHint',
    doneKey: 'exchanges.declared', buttonKey: 'exchanges.add', onDone,
    body: (v) => ({type: v.type, durable: v.durable, auto_delete: v.autoDelete, internal: v.internal, arguments: v.args})});
}

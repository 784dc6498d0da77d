// Exchanges: the list (paged by the API) and a form to declare one.
import {h, link, announce} from '../dom.js';
import {t} from '../i18n.js';
import {put, path} from '../api.js';
import {DataTable, apiPaged} from '../table.js';
import {listPath, vhostSelect, selected} from '../vhost-choice.js';
import {field, input, select, messageLine, keyValueEditor, clearInvalid, required, invalid} from '../forms.js';
import {section, errorText, features, rateOf, exchangeLabel, exchangePathName} from './common.js';

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
    main.append(table.element, section('exchanges.declare', declareForm(() => table.refresh())));
    return {refresh: () => table.refresh()};
  },
};

function declareForm(onDone) {
  const vhost = vhostSelect({id: 'exchange-vhost'});
  const name = input({id: 'exchange-name', name: 'name'});
  const type = select([['direct', 'direct', true], ['fanout', 'fanout', true], ['topic', 'topic', true], ['headers', 'headers', true]], {id: 'exchange-type', value: 'direct'});
  const durable = select([['true', 'declare.durable'], ['false', 'declare.transient']], {id: 'exchange-durable', value: 'true'});
  const autoDelete = select([['false', 'common.no'], ['true', 'common.yes']], {id: 'exchange-autodelete', value: 'false'});
  const internal = select([['false', 'common.no'], ['true', 'common.yes']], {id: 'exchange-internal', value: 'false'});
  const args = keyValueEditor('declare.arguments', [['alternate-exchange', 'string']]);
  const msg = messageLine();
  const form = h('form', {id: 'declare-exchange', class: 'grid-form', novalidate: true, on: {submit: async (e) => {
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
    try {
      await put(path('exchanges', vhost.value, name.value.trim()), {
        type: type.value, durable: durable.value === 'true', auto_delete: autoDelete.value === 'true',
        internal: internal.value === 'true', arguments: a.value,
      });
      const text = t('exchanges.declared', {name: name.value.trim()});
      msg.show('ok', text);
      announce(text);
      name.value = '';
      args.reset();
      onDone();
    } catch (err) {
      msg.show('error', errorText(err));
    }
  }}},
  field('col.vhost', vhost), field('col.name', name), field('col.type', type), field('declare.durability', durable),
  field('declare.autoDelete', autoDelete, 'declare.autoDeleteHint'), field('declare.internal', internal, 'declare.internalHint'), args,
  h('button', {type: 'submit', class: 'primary'}, t('exchanges.add')), msg);
  return form;
}

// Policies (administrators and policymakers): list, add or update, delete.
import {h, announce} from '../dom.js';
import {t} from '../i18n.js';
import {get, put, del, path} from '../api.js';
import {DataTable, localRows} from '../table.js';
import {listPath, vhostSelect, selected} from '../vhost-choice.js';
import {field, input, select, messageLine, keyValueEditor, clearInvalid, required, integer, invalid, regex} from '../forms.js';
import {section, errorText, plain} from './common.js';

const DEFINITION_KEYS = [['message-ttl', 'number'], ['expires', 'number'], ['max-length', 'number'],
  ['max-length-bytes', 'number'], ['overflow', 'string'], ['dead-letter-exchange', 'string'],
  ['dead-letter-routing-key', 'string'], ['alternate-exchange', 'string']];

export default {
  title: 'nav.policies',
  access: 'policies',
  render(main) {
    const msg = messageLine();
    const table = new DataTable({
      id: 'policies', caption: 'policies.caption', noun: 'noun.policies',
      rowKey: (p) => `${p.vhost}|${p.name}`, source: localRows(() => get(listPath('policies'))),
      columns: [
        {key: 'name', label: 'col.name', sort: 'name', header: true},
        selected() ? null : {key: 'vhost', label: 'col.vhost', sort: 'vhost'},
        {key: 'pattern', label: 'policies.pattern', sort: 'pattern'},
        {key: 'apply-to', label: 'policies.applyTo', sort: 'apply-to'},
        {key: 'definition', label: 'policies.definition', render: (p) => plain(p.definition)},
        {key: 'priority', label: 'policies.priority', sort: 'priority', numeric: true},
        {key: 'action', label: 'col.action', render: (p) => h('button', {type: 'button', class: 'small danger', on: {click: async () => {
          if (!window.confirm(t('policies.confirmDelete', {name: p.name}))) return;
          try {
            await del(path('policies', p.vhost, p.name));
            msg.show('ok', t('policies.deleted', {name: p.name}));
            table.refresh();
          } catch (e) {
            msg.show('error', errorText(e));
          }
        }}}, t('policies.delete'))},
      ].filter(Boolean),
    });
    const vhost = vhostSelect({id: 'policy-vhost'});
    const name = input({id: 'policy-name'});
    const pattern = input({id: 'policy-pattern', placeholder: '^orders\\.'});
    const applyTo = select([['all', 'policies.all'], ['queues', 'policies.queues'], ['exchanges', 'policies.exchanges']], {id: 'policy-apply', value: 'all'});
    const priority = input({id: 'policy-priority', value: '0', inputmode: 'numeric'});
    const definition = keyValueEditor('policies.definition', DEFINITION_KEYS);
    const form = h('form', {id: 'add-policy', class: 'grid-form', novalidate: true, on: {submit: async (e) => {
      e.preventDefault();
      clearInvalid(form);
      const d = definition.read();
      const checks = [required(name), required(pattern) && regex(pattern), integer(priority, -1000000, 1000000), d.ok];
      if (checks.every(Boolean) && !Object.keys(d.value).length) {
        checks.push(invalid(definition.querySelector('.kv-key'), t('policies.definitionRequired')));
      }
      if (!checks.every(Boolean)) {
        msg.show('error', t('form.fix'));
        form.querySelector('[aria-invalid]')?.focus();
        return;
      }
      try {
        await put(path('policies', vhost.value, name.value.trim()), {pattern: pattern.value, definition: d.value,
          priority: Number(priority.value), 'apply-to': applyTo.value});
        msg.show('ok', t('policies.saved', {name: name.value.trim()}));
        announce(t('policies.saved', {name: name.value.trim()}));
        table.refresh();
      } catch (err) {
        msg.show('error', errorText(err));
      }
    }}}, field('col.vhost', vhost), field('col.name', name), field('policies.pattern', pattern, 'policies.patternHint'),
    field('policies.applyTo', applyTo), field('policies.priority', priority), definition,
    h('button', {type: 'submit', class: 'primary'}, t('policies.add')));
    main.append(table.element, msg, section('policies.addTitle', form));
    return {refresh: () => table.refresh()};
  },
};


// The form that declares an exchange or a queue: vhost, type, name, durability, auto-delete,
// arguments (and, for exchanges, internal), sent with PUT /api/<kind>/<vhost>/<name>.
import {h, announce} from '../dom.js';
import {t} from '../i18n.js';
import {put, path} from '../api.js';
import {vhostSelect} from '../vhost-choice.js';
import {field, input, select, messageLine, keyValueEditor, clearInvalid, required, invalid} from '../forms.js';
import {errorText} from './common.js';

const YES_NO = [['false', 'common.no'], ['true', 'common.yes']];

/**
 * kind: 'exchanges' or 'queues'; prefix: the ids' prefix ('exchange', 'queue'); types: [value]
 * of the type select; body(values) → the API's body from {type, durable, autoDelete, internal, args}.
 */
export function declareForm({kind, prefix, types, suggestions, internal, autoDeleteHint, doneKey, buttonKey, body, onDone}) {
  const vhost = vhostSelect({id: `${prefix}-vhost`});
  const name = input({id: `${prefix}-name`, name: 'name'});
  const type = select(types.map((v) => [v, v, true]), {id: `${prefix}-type`, value: types[0]});
  const durable = select([['true', 'declare.durable'], ['false', 'declare.transient']], {id: `${prefix}-durable`, value: 'true'});
  const autoDelete = select(YES_NO, {id: `${prefix}-autodelete`, value: 'false'});
  const isInternal = internal ? select(YES_NO, {id: `${prefix}-internal`, value: 'false'}) : null;
  const args = keyValueEditor('declare.arguments', suggestions);
  const msg = messageLine();
  const form = h('form', {id: `declare-${prefix}`, class: 'grid-form', novalidate: true, on: {submit: async (e) => {
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
    const declared = name.value.trim();
    try {
      await put(path(kind, vhost.value, declared), body({type: type.value, durable: durable.value === 'true',
        autoDelete: autoDelete.value === 'true', internal: isInternal?.value === 'true', args: a.value}));
      msg.show('ok', t(doneKey, {name: declared}));
      announce(t(doneKey, {name: declared}));
      name.value = '';
      args.reset();
      onDone();
    } catch (err) {
      msg.show('error', errorText(err));
    }
  }}},
  field('col.vhost', vhost), field('col.type', type), field('col.name', name), field('declare.durability', durable),
  field('declare.autoDelete', autoDelete, autoDeleteHint), isInternal ? field('declare.internal', isInternal, 'declare.internalHint') : null,
  args, h('button', {type: 'submit', class: 'primary'}, t(buttonKey)), msg);
  return form;
}

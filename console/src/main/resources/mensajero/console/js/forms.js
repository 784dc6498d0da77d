// Form pieces shared by the pages: labelled fields, a typed key/value editor (arguments, headers,
// policy definitions), field errors, and a message line per form.
import {h, uid, fill} from './dom.js';
import {t} from './i18n.js';

/** A labelled field: <div class="field"><label for=id>…</label>control hint?</div>. */
export function field(labelKey, control, hintKey) {
  if (!control.id) control.id = uid('f');
  const hint = hintKey ? h('p', {class: 'hint', id: `${control.id}-hint`}, t(hintKey)) : null;
  if (hint) control.setAttribute('aria-describedby', hint.id);
  return h('div', {class: 'field'}, h('label', {for: control.id}, t(labelKey)), control, hint);
}

export function input(props = {}) {
  return h('input', {type: 'text', autocomplete: 'off', spellcheck: 'false', ...props});
}

/** A select of [value, text key or literal] options. */
export function select(options, props = {}) {
  return h('select', props, options.map(([value, label, literal]) =>
    h('option', {value, selected: props.value === value}, literal ? label : t(label))));
}

/** The line under a form that says what happened: kind 'ok' or 'error'. */
export function messageLine() {
  const el = h('p', {class: 'form-msg', role: 'status', 'aria-live': 'polite'});
  el.show = (kind, text) => {
    el.className = `form-msg ${kind}`;
    el.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    el.textContent = text;
  };
  el.clear = () => {
    el.className = 'form-msg';
    el.textContent = '';
  };
  return el;
}

/** Marks a control invalid with a message next to it; returns false for chaining in checks. */
export function invalid(control, text) {
  const id = `${control.id}-error`;
  let note = document.getElementById(id);
  if (!note) {
    note = h('p', {class: 'field-error', id});
    control.insertAdjacentElement('afterend', note);
  }
  note.textContent = text;
  control.setAttribute('aria-invalid', 'true');
  const described = (control.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
  if (!described.includes(id)) control.setAttribute('aria-describedby', [...described, id].join(' '));
  return false;
}

export function clearInvalid(form) {
  for (const note of form.querySelectorAll('.field-error')) note.remove();
  for (const c of form.querySelectorAll('[aria-invalid]')) c.removeAttribute('aria-invalid');
}

/** Checks a required text control; true when it has a value. */
export function required(control) {
  return control.value.trim() !== '' || invalid(control, t('form.required'));
}

/** An integer within bounds, or an error on the control. */
export function integer(control, min, max) {
  const text = control.value.trim();
  if (!/^-?\d+$/.test(text)) return invalid(control, t('form.integer'));
  const n = Number(text);
  if (n < min || (max !== undefined && n > max)) {
    return invalid(control, max === undefined ? t('form.atLeast', {min}) : t('form.between', {min, max}));
  }
  return true;
}

const TYPES = [['string', 'kv.string'], ['number', 'kv.number'], ['boolean', 'kv.boolean'], ['list', 'kv.list']];

/**
 * Rows of key, value and type, one more empty row whenever the last is filled; read() gives
 * {ok, value: {key: typed value}} and marks bad values (a number that is not one, a list that is
 * not a JSON array).
 */
export function keyValueEditor(legendKey, suggestions = []) {
  const rows = h('div', {class: 'kv-rows'});
  const box = h('fieldset', {class: 'kv'}, h('legend', {}, t(legendKey)), rows);
  const addRow = (key = '', value = '', type = 'string') => {
    const k = input({value: key, 'aria-label': t('kv.key'), class: 'kv-key', placeholder: t('kv.key')});
    const v = input({value, 'aria-label': t('kv.value'), class: 'kv-value', placeholder: t('kv.value')});
    k.id = uid('kvk');
    v.id = uid('kvv');
    const ty = select(TYPES, {'aria-label': t('kv.type'), class: 'kv-type', value: type});
    const row = h('div', {class: 'kv-row'}, k, v, ty);
    const grow = () => {
      if (rows.lastElementChild === row && (k.value || v.value)) addRow();
    };
    k.addEventListener('input', grow);
    v.addEventListener('input', grow);
    rows.append(row);
    return row;
  };
  addRow();
  if (suggestions.length) {
    box.append(h('p', {class: 'suggest'}, t('kv.add'), ' ', suggestions.map(([key, type]) =>
      h('button', {type: 'button', class: 'link', on: {click: () => {
        const last = rows.lastElementChild;
        const target = last.querySelector('.kv-key').value ? addRow() : last;
        target.querySelector('.kv-key').value = key;
        target.querySelector('.kv-type').value = type;
        target.querySelector('.kv-value').focus();
        addRow();
      }}}, key))));
  }
  box.read = () => {
    const value = {};
    let ok = true;
    for (const row of rows.children) {
      const k = row.querySelector('.kv-key');
      const v = row.querySelector('.kv-value');
      const type = row.querySelector('.kv-type').value;
      if (!k.value.trim() && !v.value.trim()) continue;
      if (!k.value.trim()) {
        ok = invalid(k, t('form.required'));
        continue;
      }
      const text = v.value.trim();
      if (type === 'number') {
        if (text === '' || Number.isNaN(Number(text))) ok = invalid(v, t('kv.notNumber', {key: k.value.trim()}));
        else value[k.value.trim()] = Number(text);
      } else if (type === 'boolean') {
        if (!['true', 'false'].includes(text.toLowerCase())) ok = invalid(v, t('kv.notBoolean', {key: k.value.trim()}));
        else value[k.value.trim()] = text.toLowerCase() === 'true';
      } else if (type === 'list') {
        try {
          const parsed = JSON.parse(text);
          if (!Array.isArray(parsed)) throw new Error('not a list');
          value[k.value.trim()] = parsed;
        } catch (e) {
          ok = invalid(v, t('kv.notList', {key: k.value.trim()}));
        }
      } else {
        value[k.value.trim()] = v.value;
      }
    }
    return {ok, value};
  };
  box.reset = () => {
    fill(rows);
    addRow();
  };
  return box;
}

/** A button that asks first (the browser's own confirm dialog: keyboard and screen reader friendly). */
export function confirmButton(labelKey, questionFn, action, className = 'danger') {
  return h('button', {type: 'button', class: className, on: {click: () => {
    if (window.confirm(questionFn())) action();
  }}}, t(labelKey));
}

/** Renders a value as text: objects as JSON, others as they are. */
export function show(value) {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A regular expression the browser can read (the broker's syntax is close enough to catch typos). */
export function regex(control) {
  try {
    new RegExp(control.value);
    return true;
  } catch (e) {
    return invalid(control, t('permissions.badRegex'));
  }
}

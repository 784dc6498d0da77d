// Definitions (administrators only): export to a file, import from one.
import {h, announce} from '../dom.js';
import {t} from '../i18n.js';
import {get, post, path} from '../api.js';
import {field, messageLine, clearInvalid, invalid} from '../forms.js';
import {section, errorText} from './common.js';

export default {
  title: 'nav.definitions',
  access: 'admin',
  render(main) {
    const exportMsg = messageLine();
    const exportButton = h('button', {type: 'button', id: 'export-definitions', class: 'primary', on: {click: async () => {
      try {
        const definitions = await get(path('definitions'));
        const blob = new Blob([JSON.stringify(definitions, null, 2)], {type: 'application/json'});
        const a = h('a', {href: URL.createObjectURL(blob), download: `definitions-${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}.json`});
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(a.href), 10000);
        const counts = ['users', 'vhosts', 'permissions', 'queues', 'exchanges', 'bindings', 'policies']
          .map((k) => `${(definitions[k] || []).length} ${k}`).join(', ');
        exportMsg.show('ok', t('definitions.exported', {counts}));
      } catch (e) {
        exportMsg.show('error', errorText(e));
      }
    }}}, t('definitions.export'));
    const file = h('input', {type: 'file', id: 'definitions-file', accept: 'application/json,.json'});
    const importMsg = messageLine();
    const form = h('form', {id: 'import-definitions', class: 'grid-form', novalidate: true, on: {submit: async (e) => {
      e.preventDefault();
      clearInvalid(form);
      importMsg.clear();
      if (!file.files.length) {
        invalid(file, t('definitions.chooseFile'));
        importMsg.show('error', t('form.fix'));
        return;
      }
      let text;
      try {
        text = await file.files[0].text();
        const parsed = JSON.parse(text);
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(t('definitions.notObject'));
      } catch (err) {
        invalid(file, t('definitions.badJson', {reason: err.message}));
        importMsg.show('error', t('form.fix'));
        return;
      }
      try {
        await post(path('definitions'), text);
        importMsg.show('ok', t('definitions.imported', {file: file.files[0].name}));
        announce(t('definitions.imported', {file: file.files[0].name}));
      } catch (err) {
        importMsg.show('error', errorText(err));
      }
    }}}, field('definitions.file', file, 'definitions.fileHint'), h('button', {type: 'submit'}, t('definitions.import')), importMsg);
    main.append(section('definitions.exportTitle', h('p', {}, t('definitions.exportHelp')), exportButton, exportMsg),
      section('definitions.importTitle', h('p', {}, t('definitions.importHelp')), form));
    return {};
  },
};

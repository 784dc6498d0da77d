// A sortable, filterable, paged table. The management API does the sorting, filtering and paging
// (page, page_size, name, use_regex, sort, sort_reverse), so 10k queues cost one page of rows.
// Small lists the API does not page (users, bindings, policies) use localRows(), which does the
// same three things on the array the API returned.
import {h, fill, uid} from './dom.js';
import {t, num} from './i18n.js';
import {get, withQuery} from './api.js';

const PAGE_SIZES = [20, 50, 100, 500];

/** A page source for an API list that pages on the server; falls back to local paging if it does not. */
export function apiPaged(pathFn) {
  return async (state) => {
    const p = pathFn();
    const result = await get(withQuery(p, {
      page: state.page, page_size: state.pageSize, name: state.filter, use_regex: state.regex ? 'true' : 'false',
      sort: state.sort, sort_reverse: state.reverse ? 'true' : 'false', pagination: 'true',
    }));
    if (Array.isArray(result)) return pageLocally(result, state);
    return {
      items: result.items || [], total: result.total_count ?? 0, filtered: result.filtered_count ?? 0,
      pageCount: result.page_count ?? 1,
    };
  };
}

/** A page source for a list the API returns whole. */
export function localRows(loadFn) {
  return async (state) => pageLocally(await loadFn(), state);
}

function valueAt(row, key) {
  return key.split('.').reduce((v, k) => (v === undefined || v === null ? undefined : v[k]), row);
}

function pageLocally(rows, state) {
  let matcher = () => true;
  if (state.filter) {
    if (state.regex) {
      let re;
      try {
        re = new RegExp(state.filter);
      } catch (e) {
        re = null;
      }
      matcher = (r) => re !== null && re.test(String(r.name ?? ''));
    } else {
      const f = state.filter.toLowerCase();
      matcher = (r) => String(r.name ?? '').toLowerCase().includes(f);
    }
  }
  const filtered = rows.filter(matcher);
  if (state.sort) {
    const dir = state.reverse ? -1 : 1;
    filtered.sort((a, b) => {
      const x = valueAt(a, state.sort);
      const y = valueAt(b, state.sort);
      if (typeof x === 'number' || typeof y === 'number') return dir * ((x ?? -Infinity) - (y ?? -Infinity));
      return dir * String(x ?? '').localeCompare(String(y ?? ''));
    });
  }
  const pageCount = Math.max(1, Math.ceil(filtered.length / state.pageSize));
  const start = (state.page - 1) * state.pageSize;
  return {items: filtered.slice(start, start + state.pageSize), total: rows.length, filtered: filtered.length, pageCount};
}

export class DataTable {
  /**
   * columns: [{key, label (text key), sort (API sort key or false), render(row) → node|string, numeric}]
   * source: apiPaged(...) or localRows(...); rowKey(row) → string; noun: text key for the count.
   */
  constructor({id, caption, columns, source, rowKey, noun = 'table.rows', sort = 'name', pageSize = 100, filterable = true}) {
    this.columns = columns;
    this.source = source;
    this.rowKey = rowKey || ((r) => r.name);
    this.noun = noun;
    this.state = {page: 1, pageSize, filter: '', regex: false, sort, reverse: false};
    this.sequence = 0;
    const tableId = id || uid('table');
    this.body = h('tbody');
    this.headRow = h('tr');
    this.count = h('p', {class: 'count', 'aria-live': 'polite', id: `${tableId}-count`});
    this.table = h('table', {id: tableId, class: 'data', 'aria-describedby': `${tableId}-count`},
      h('caption', {}, t(caption)), h('thead', {}, this.headRow), this.body);
    this.pager = this.buildPager(tableId);
    this.element = h('section', {class: 'table-block'},
      filterable ? this.buildFilter(tableId) : null, h('div', {class: 'table-scroll'}, this.table), h('div', {class: 'table-foot'}, this.count, this.pager));
    this.renderHead();
  }

  buildFilter(tableId) {
    const input = h('input', {type: 'search', id: `${tableId}-filter`, autocomplete: 'off', spellcheck: 'false'});
    const regex = h('input', {type: 'checkbox', id: `${tableId}-regex`});
    let timer = null;
    const apply = () => {
      this.state.filter = input.value.trim();
      this.state.regex = regex.checked;
      this.state.page = 1;
      this.refresh({user: true});
    };
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(apply, 250);
    });
    regex.addEventListener('change', apply);
    return h('div', {class: 'table-tools'},
      h('label', {for: input.id}, t('table.filter')), input,
      h('label', {class: 'inline'}, regex, ' ', t('table.regex')));
  }

  buildPager(tableId) {
    this.prev = h('button', {type: 'button', class: 'pager-prev', on: {click: () => this.go(this.state.page - 1)}}, t('table.previous'));
    this.next = h('button', {type: 'button', class: 'pager-next', on: {click: () => this.go(this.state.page + 1)}}, t('table.next'));
    this.pageText = h('span', {class: 'page-of'});
    const size = h('select', {id: `${tableId}-size`, on: {change: (e) => {
      this.state.pageSize = Number(e.target.value);
      this.state.page = 1;
      this.refresh({user: true});
    }}}, PAGE_SIZES.map((n) => h('option', {value: n, selected: n === this.state.pageSize}, num(n))));
    return h('nav', {class: 'pager', 'aria-label': t('table.pages')}, this.prev, this.pageText, this.next,
      h('label', {for: size.id}, t('table.pageSize')), size);
  }

  go(page) {
    this.state.page = Math.max(1, page);
    this.refresh({user: true});
  }

  renderHead() {
    fill(this.headRow, this.columns.map((c) => {
      const th = h('th', {scope: 'col', class: c.numeric ? 'num' : null});
      if (!c.sort) {
        th.textContent = t(c.label);
        return th;
      }
      const active = this.state.sort === c.sort;
      th.setAttribute('aria-sort', active ? (this.state.reverse ? 'descending' : 'ascending') : 'none');
      th.append(h('button', {type: 'button', class: 'sort', dataset: {sort: c.sort}, on: {click: () => this.sortBy(c.sort)}},
        t(c.label), h('span', {class: 'arrow', 'aria-hidden': 'true'}, active ? (this.state.reverse ? ' ▼' : ' ▲') : '')));
      return th;
    }));
  }

  sortBy(key) {
    if (this.state.sort === key) this.state.reverse = !this.state.reverse;
    else {
      this.state.sort = key;
      this.state.reverse = false;
    }
    this.state.page = 1;
    this.renderHead();
    this.headRow.querySelector(`button[data-sort="${CSS.escape(key)}"]`)?.focus();
    return this.refresh({user: true});
  }

  /**
   * Fetches the current page and replaces the rows, keeping keyboard focus where it was. A
   * refresh by the timer waits for a call still in flight instead of starting another (a slow API
   * would otherwise never answer in time to be shown); a change the user made (sort, filter,
   * page) starts a new call, and an older answer that comes later is dropped.
   */
  refresh({user = false} = {}) {
    if (!user && this.inFlight) return this.inFlight;
    const call = this.load();
    this.inFlight = call;
    const clear = () => {
      if (this.inFlight === call) this.inFlight = null;
    };
    call.then(clear, clear);
    return call;
  }

  async load() {
    const mine = ++this.sequence;
    this.table.setAttribute('aria-busy', 'true');
    try {
      const page = await this.source({...this.state});
      if (mine !== this.sequence) return;
      if (this.state.page > page.pageCount && page.pageCount >= 1) {
        this.state.page = page.pageCount;
        this.refresh({user: true});
        return;
      }
      this.renderRows(page);
    } catch (e) {
      if (mine !== this.sequence) return;
      if (e.error === 'page_out_of_range' && this.state.page > 1) {
        this.state.page = 1;
        this.refresh({user: true});
        return;
      }
      if (e.kind !== 'unreachable' && e.kind !== 'unauthorized' && e.kind !== 'expired') {
        fill(this.body, h('tr', {}, h('td', {colspan: this.columns.length, class: 'error', role: 'alert'}, t('table.failed', {reason: e.reason}))));
      }
      throw e;
    } finally {
      if (mine === this.sequence) this.table.removeAttribute('aria-busy');
    }
  }

  renderRows(page) {
    const focused = this.body.contains(document.activeElement) ? document.activeElement.dataset.focus : null;
    const rows = page.items.map((row) => {
      const key = String(this.rowKey(row));
      const tr = h('tr', {dataset: {key}});
      for (const c of this.columns) {
        const content = c.render ? c.render(row) : valueAt(row, c.key);
        const td = h(c.header ? 'th' : 'td', {class: c.numeric ? 'num' : null, scope: c.header ? 'row' : null});
        if (content instanceof Node) td.append(content);
        else td.textContent = content === undefined || content === null ? '' : (c.numeric && typeof content === 'number' ? num(content) : String(content));
        tr.append(td);
      }
      for (const el of tr.querySelectorAll('a, button, input')) el.dataset.focus = `${key}|${el.textContent}`;
      return tr;
    });
    if (rows.length === 0) rows.push(h('tr', {}, h('td', {colspan: this.columns.length, class: 'empty'}, t('table.empty'))));
    fill(this.body, rows);
    if (focused) this.body.querySelector(`[data-focus="${CSS.escape(focused)}"]`)?.focus();
    const from = page.filtered === 0 ? 0 : (this.state.page - 1) * this.state.pageSize + 1;
    const to = (this.state.page - 1) * this.state.pageSize + page.items.length;
    const noun = t(this.noun);
    this.count.textContent = page.filtered === page.total
      ? t('table.count', {from: num(from), to: num(to), total: num(page.total), noun})
      : t('table.countFiltered', {from: num(from), to: num(to), filtered: num(page.filtered), total: num(page.total), noun});
    this.table.dataset.total = String(page.total);
    this.table.dataset.renderedAt = String(Math.round(performance.now()));
    this.table.dataset.filtered = String(page.filtered);
    this.pageText.textContent = t('table.pageOf', {page: num(this.state.page), pages: num(Math.max(1, page.pageCount))});
    this.pager.hidden = page.filtered <= PAGE_SIZES[0] && this.state.page === 1;
    this.prev.disabled = this.state.page <= 1;
    this.next.disabled = this.state.page >= page.pageCount;
  }
}

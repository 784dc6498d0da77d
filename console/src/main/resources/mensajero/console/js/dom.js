// Small DOM helpers: build elements without innerHTML (so nothing the broker sends can inject markup).

/**
 * h('button', {class: 'x', on: {click: f}, type: 'button'}, 'text', child, ...)
 * Props: class, text, html is not supported; on: {event: handler}; dataset: {...};
 * anything else becomes an attribute (false/null/undefined skipped, true = empty attribute).
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key === 'on') for (const [ev, fn] of Object.entries(value)) el.addEventListener(ev, fn);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'value') el.value = value;
    else if (key === 'checked') el.checked = !!value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/** Replaces the element's children. */
export function fill(el, ...children) {
  return append(clear(el), children);
}

let ids = 0;
/** A unique element id with a readable prefix. */
export function uid(prefix = 'id') {
  ids += 1;
  return `${prefix}-${ids}`;
}

/** A definition list from [term, value] pairs (values may be nodes); empty values are skipped. */
export function dl(pairs, className = 'facts') {
  const list = h('dl', {class: className});
  for (const [term, value] of pairs) {
    if (value === undefined || value === null || value === '') continue;
    list.append(h('dt', {}, term), h('dd', {}, value));
  }
  return list;
}

/** '#/queues/%2F/name' from route segments, each percent-encoded. */
export function href(...segments) {
  return '#/' + segments.map((s) => encodeURIComponent(s)).join('/');
}

export function link(text, ...segments) {
  return h('a', {href: href(...segments)}, text);
}

/** Says something in the page's status line (an action's success), for screen readers too. */
let announced = null;
export function announce(text) {
  const status = document.getElementById('status');
  status.textContent = '';
  clearTimeout(announced);
  setTimeout(() => {
    status.textContent = text;
  }, 30);
  announced = setTimeout(() => {
    status.textContent = '';
  }, 6000);
}

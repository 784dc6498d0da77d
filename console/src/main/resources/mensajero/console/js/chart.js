// Live line charts on uPlot (from its WebJar). Each chart keeps its points in a store that
// outlives the page, so going back to a page shows the history gathered so far.
import uPlot from '../webjars/uplot/1.6.30/dist/uPlot.esm.js';
import {h} from './dom.js';
import {t, num, rate, time} from './i18n.js';

const MAX_POINTS = 720; // an hour at one point per 5 s
const histories = new Map();

/** The points gathered under a key: {times: [], values: {series: []}}. */
export function history(key, seriesKeys) {
  if (!histories.has(key)) {
    histories.set(key, {times: [], values: Object.fromEntries(seriesKeys.map((s) => [s, []]))});
  }
  return histories.get(key);
}

export function forgetHistories() {
  histories.clear();
}

/** Adds a point (seconds since the epoch) unless it repeats the last time. */
export function record(store, seconds, point) {
  if (store.times.length && store.times[store.times.length - 1] >= seconds) return;
  store.times.push(seconds);
  for (const [k, arr] of Object.entries(store.values)) arr.push(point[k] ?? 0);
  if (store.times.length > MAX_POINTS) {
    store.times.shift();
    for (const arr of Object.values(store.values)) arr.shift();
  }
}

/** Seeds a store from the API's samples ([{sample, timestamp ms}], newest first), if it has none yet. */
export function seed(store, samplesBySeries) {
  if (store.times.length) return;
  const first = Object.values(samplesBySeries).find((s) => Array.isArray(s) && s.length);
  if (!first) return;
  const times = first.map((s) => Math.round(s.timestamp / 1000)).reverse();
  store.times.push(...times);
  for (const [k, arr] of Object.entries(store.values)) {
    const samples = (samplesBySeries[k] || []).slice().reverse();
    arr.push(...times.map((_, i) => (samples[i] ? samples[i].sample : 0)));
  }
}

export class LiveChart {
  /** series: [{key, label (text key), color}]; kind: 'rate' or 'count'. */
  constructor({title, series, kind, store}) {
    this.series = series;
    this.kind = kind;
    this.store = store;
    this.plotBox = h('div', {class: 'plot', role: 'img'});
    this.current = h('ul', {class: 'current'});
    this.element = h('figure', {class: 'chart'}, h('figcaption', {}, t(title)), this.plotBox, this.current);
    this.plot = null;
    this.resize = new ResizeObserver(() => this.fit());
    this.resize.observe(this.plotBox);
  }

  /** The x range: everything gathered, at least the last minute. */
  window() {
    const times = this.store.times;
    const last = times.length ? times[times.length - 1] : Math.round(Date.now() / 1000);
    return [Math.min(times.length ? times[0] : last, last - 60), last];
  }

  format(v) {
    return this.kind === 'rate' ? rate(v) : num(Math.round(v ?? 0));
  }

  data() {
    return [this.store.times, ...this.series.map((s) => this.store.values[s.key])];
  }

  build(width) {
    const opts = {
      width, height: 170,
      legend: {show: false},
      cursor: {drag: {x: false, y: false}},
      scales: {x: {time: true, range: () => this.window()}, y: {range: (u, min, max) => [0, Math.max(max * 1.1, this.kind === 'rate' ? 1 : 5)]}},
      axes: [{stroke: '#333', grid: {stroke: '#e2e2e2'}, space: 100, values: (u, ticks) => ticks.map((v) => time(new Date(v * 1000)))}, {stroke: '#333', grid: {stroke: '#e2e2e2'}, size: 60,
        values: (u, ticks) => ticks.map((v) => (this.kind === 'rate' ? `${num(v)}/s` : num(v)))}],
      series: [{}, ...this.series.map((s) => ({label: t(s.label), stroke: s.color, width: 2, points: {show: false}}))],
    };
    this.plot = new uPlot(opts, this.data(), this.plotBox);
  }

  fit() {
    const width = Math.max(200, Math.floor(this.plotBox.clientWidth));
    if (!this.plot) {
      if (this.plotBox.isConnected && this.plotBox.clientWidth > 0) this.build(width);
    } else if (Math.abs(this.plot.width - width) > 2) {
      this.plot.setSize({width, height: 170});
    }
  }

  /** Redraws from the store and says the latest values in words (for screen readers and tests). */
  update() {
    this.fit();
    if (this.plot) this.plot.setData(this.data());
    this.plotBox.dataset.points = String(this.store.times.length);
    const latest = this.series.map((s) => {
      const arr = this.store.values[s.key];
      return {s, value: arr.length ? arr[arr.length - 1] : 0};
    });
    this.current.replaceChildren(...latest.map(({s, value}) => h('li', {dataset: {series: s.key}},
      h('span', {class: 'swatch', style: `background:${s.color}`, 'aria-hidden': 'true'}), `${t(s.label)}: `,
      h('strong', {class: 'value'}, this.format(value)))));
    this.plotBox.setAttribute('aria-label', latest.map(({s, value}) => `${t(s.label)} ${this.format(value)}`).join(', '));
  }

  destroy() {
    this.resize.disconnect();
    if (this.plot) this.plot.destroy();
  }
}

/** The API's rate for a stat (message_stats.<name>_details.rate), 0 when absent. */
export function statRate(stats, name) {
  return stats?.[`${name}_details`]?.rate ?? 0;
}

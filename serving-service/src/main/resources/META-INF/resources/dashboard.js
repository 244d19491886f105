// The dashboard: the metrics API's answers, kept current by its Server-Sent Events stream, as a chart over time and
// a table of totals, drilled down one dimension at a time. Numbers in the table are the API's text, never re-summed.
import uPlot from './webjars/uplot/1.6.30/dist/uPlot.esm.js';

const params = new URLSearchParams(location.search);
const pipeline = params.get('pipeline') || 'sales';
const drill = (params.get('drill') || 'region,state,category,product_id').split(',');
const state = { path: [], streams: [], currentAsOf: null, chart: null, objectives: [], bound: null };
const $ = (id) => document.getElementById(id);
/**
 * How old an answer may be and still be shown as current when no freshness requirement applies to the page (decision
 * 0059): an hour.
 */
const DEFAULT_MAX_STALENESS_SECONDS = 3600;

/** JSON with every measure kept as the text sent, so that "100.0000" stays "100.0000". */
export function parseAnswer(text) {
  const quoted = text.replace(/"measures":\{[^}]*\}/g,
    (measures) => measures.replace(/:(-?[0-9][0-9.eE+-]*)/g, ':"$1"'));
  return JSON.parse(quoted);
}

/**
 * The age beyond which the page's answers are not current: the strictest freshness requirement that applies to what
 * it shows, else the default. The page asks with it (maxStaleness) and marks older numbers as not current.
 */
function bound() {
  const limits = state.objectives.filter((o) => o.maxAgeSeconds != null);
  if (limits.length === 0) return { seconds: DEFAULT_MAX_STALENESS_SECONDS, from: 'the page\'s default' };
  const strictest = limits.reduce((a, b) => (a.maxAgeSeconds <= b.maxAgeSeconds ? a : b));
  return { seconds: strictest.maxAgeSeconds, from: `requirement #${strictest.requirement}` };
}

/** An ISO-8601 duration of whole milliseconds, as maxStaleness takes it: 60 -> "PT60S", 0.5 -> "PT0.5S". */
function isoSeconds(seconds) {
  return `PT${Math.max(0.001, Math.round(seconds * 1000) / 1000)}S`;
}

function query(grain) {
  const q = new URLSearchParams({ groupBy: drill.slice(0, state.path.length + 1).join(','), grain, tz: $('tz').value,
    maxStaleness: isoSeconds(state.bound.seconds) });
  if ($('from').value) q.set('from', $('from').value);
  if ($('to').value) q.set('to', $('to').value);
  return `api/metrics/${encodeURIComponent(pipeline)}/stream?${q}`;
}

/** The rows below the current drill-down path. */
function inPath(rows) {
  return rows.filter((row) => state.path.every((value, i) => row.dimensions[drill[i]] === value));
}

function open() {
  state.streams.forEach((s) => s.close());
  state.bound = bound();
  $('problem').textContent = '';
  const level = drill[state.path.length];
  $('level').textContent = level;
  renderPath();
  state.streams = [
    listen(query('total'), (answer) => renderTable(answer, level)),
    listen(query($('grain').value), (answer) => renderChart(answer, level)),
  ];
  // what each view asks, for whoever inspects the page
  $('totals').dataset.stream = state.streams[0].url;
  $('chart').dataset.stream = state.streams[1].url;
  renderAge();
}

function listen(url, render) {
  const source = new EventSource(url);
  source.onmessage = (event) => {
    const answer = parseAnswer(event.data);
    state.currentAsOf = answer.currentAsOf ? new Date(answer.currentAsOf) : null;
    $('current-as-of').textContent = answer.currentAsOf || 'never written';
    $('current-as-of').dateTime = answer.currentAsOf || '';
    renderAge();
    render(answer);
    refreshQuality();
  };
  source.onerror = async () => {
    if (source.readyState === EventSource.CLOSED) {
      // The stream was refused: ask the query itself for the reason.
      const response = await fetch(url.replace('/stream?', '?'));
      if (response.status === 401) {
        $('sign-in').hidden = false;
        return;
      }
      if (!response.ok) {
        const problem = await response.json();
        $('problem').textContent = [problem.detail || problem.error, ...(problem.problems || problem.details || [])].join(': ');
      }
    }
  };
  return source;
}

function renderPath() {
  const nav = $('path');
  nav.replaceChildren();
  const crumbs = ['all', ...state.path];
  crumbs.forEach((label, depth) => {
    if (depth > 0) nav.append(Object.assign(document.createElement('span'), { className: 'sep', textContent: '›' }));
    if (depth < crumbs.length - 1) {
      const a = Object.assign(document.createElement('a'), { textContent: label });
      a.dataset.depth = depth;
      a.onclick = () => { state.path = state.path.slice(0, depth); open(); };
      nav.append(a);
    } else {
      nav.append(Object.assign(document.createElement('strong'), { textContent: label }));
    }
  });
}

function renderTable(answer, level) {
  const head = $('totals').tHead;
  const body = $('totals').tBodies[0];
  head.replaceChildren(row('th', [level, ...answer.measures, 'lines'], 1));
  body.replaceChildren(...inPath(answer.rows).map((r) => {
    const key = r.dimensions[level];
    const tr = row('td', [key === '' ? '(not known yet)' : key, ...answer.measures.map((m) => r.measures[m]), r.lines], 1);
    tr.dataset.key = key;
    tr.cells[0].className = 'key';
    answer.measures.forEach((m, i) => { tr.cells[i + 1].dataset.measure = m; });
    if (state.path.length + 1 < drill.length) {
      tr.className = 'drillable';
      tr.cells[0].onclick = () => { state.path = [...state.path, key]; open(); };
    }
    return tr;
  }));
}

function row(tag, values, numbersFrom) {
  const tr = document.createElement('tr');
  values.forEach((value, i) => {
    const cell = Object.assign(document.createElement(tag), { textContent: String(value) });
    if (i >= numbersFrom) cell.className = 'number';
    tr.append(cell);
  });
  return tr;
}

/** One line per group of the current level over the periods, of the first measure. */
function renderChart(answer, level) {
  const measure = answer.measures[0];
  const rows = inPath(answer.rows);
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const groups = [...new Set(rows.map((r) => r.dimensions[level]))];
  const index = new Map(periods.map((p, i) => [p, i]));
  const series = groups.map(() => periods.map(() => null));
  rows.forEach((r) => { series[groups.indexOf(r.dimensions[level])][index.get(r.period)] = Number(r.measures[measure]); });
  const x = periods.map((p) => Date.UTC(+p.slice(0, 4), +p.slice(5, 7) - 1, p.length > 7 ? +p.slice(8, 10) : 1) / 1000);
  const palette = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];
  const options = {
    width: Math.min(1000, document.body.clientWidth - 40), height: 300, tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'),
    title: `${measure} per ${answer.grain} (${answer.timeZone})`,
    // One period alone gets a day either side: uPlot would stretch it over years.
    scales: { x: { time: true, range: () => (x.length === 0 ? [0, 86400] : [x[0] - (x.length === 1 ? 86400 : 0), x[x.length - 1] + (x.length === 1 ? 86400 : 0)]) } },
    series: [{}, ...groups.map((g, i) => ({ label: g || '(not known yet)', stroke: palette[i % palette.length] }))],
  };
  if (state.chart) state.chart.destroy();
  state.chart = new uPlot(options, [x, ...series], $('chart'));
}

/** The sources' latest batches and those held, read again at most every 2 s while the aggregate changes. */
let qualityDue = null;
function refreshQuality() {
  if (qualityDue) return;
  qualityDue = setTimeout(async () => {
    qualityDue = null;
    const [quality, objectives] = await Promise.all(['quality', 'objectives']
      .map((what) => fetch(`api/dashboard/${encodeURIComponent(pipeline)}/${what}`)));
    if (quality.ok) renderQuality(await quality.json());
    // a requirement that changes how old the answers may be: ask again with the new bound
    if (objectives.ok && renderObjectives(await objectives.json())) open();
  }, state.qualityShown ? 2000 : 0);
  state.qualityShown = true;
}

function renderQuality(quality) {
  $('dataset').textContent = quality.dataset;
  const rows = [];
  quality.sources.forEach((source) => {
    if (source.latest.length === 0) rows.push(row('td', [source.source, 'no batch yet', '', '', '', '', '', ''], 4));
    source.latest.forEach((b) => {
      const tr = row('td', [b.source, b.fileName, b.status, b.createdAt, b.received, b.accepted, b.quarantined, b.duplicates], 4);
      tr.dataset.batch = b.id;
      if (b.status === 'AWAITING_REVIEW') tr.className = 'held';
      tr.append(link(b.quarantine, 'quarantine'));
      rows.push(tr);
    });
  });
  $('batches').tBodies[0].replaceChildren(...rows);
  $('held').replaceChildren(...(quality.held.length === 0 ? [Object.assign(document.createElement('li'), { textContent: 'none' })]
    : quality.held.map((b) => {
      const li = Object.assign(document.createElement('li'), { textContent: `${b.source} ${b.fileName} (${b.createdAt}): ${b.holdReason} ` });
      li.dataset.batch = b.id;
      li.append(link(b.quarantine, 'quarantine').firstChild);
      return li;
    })));
}

function link(href, text) {
  const td = document.createElement('td');
  td.append(Object.assign(document.createElement('a'), { href, textContent: text }));
  return td;
}

/** The requirements that apply before the first answers are asked for, so that they are asked with their bound. */
async function loadObjectives() {
  const response = await fetch(`api/dashboard/${encodeURIComponent(pipeline)}/objectives`);
  if (response.ok) renderObjectives(await response.json());
}

/**
 * Each objective's requirement, what it is on, its objective and SLO state, as the requirements service found;
 * whether the bound the answers are asked with changed.
 */
function renderObjectives(objectives) {
  state.objectives = objectives;
  const percent = (share) => (share == null ? '' : `${(share * 100).toFixed(1)} %`);
  $('objectives').tBodies[0].replaceChildren(...(objectives.length === 0
    ? [row('td', ['no requirement concerns this pipeline yet'], 9)]
    : objectives.map((o) => {
      const { kind, ...terms } = o.objective || {};
      const tr = row('td', [`#${o.requirement} ${o.statement}`, `${o.targetType.toLowerCase()} ${o.targetName}`,
        describe(o.objective), o.confirmation,
        o.state || 'not evaluated', o.value == null ? '' : o.value, percent(o.goodShare), percent(o.budgetLeft)], 5);
      tr.dataset.requirement = o.requirement;
      tr.title = o.readBack || o.statement;
      tr.cells[4].className = o.state || '';
      return tr;
    })));
  renderAge();
  return state.bound != null && bound().seconds !== state.bound.seconds;
}

/** "freshness: at most 60 s", "latency: at most 5 s, percentile 99, over PT5M". */
function describe(objective) {
  const { kind, maximum, minimum, unit, ...rest } = objective || {};
  const amount = (value) => (unit ? `${value} ${unit}` : `${value}`);
  const terms = [...(maximum != null ? [`at most ${amount(maximum)}`] : []),
    ...(minimum != null ? [`at least ${amount(minimum)}`] : []),
    ...Object.entries(rest).map(([k, v]) => `${k} ${v}`)];
  return `${kind}: ${terms.join(', ')}`;
}

/**
 * The strictest freshness objective that applies: met while the data is younger than 80 % of its limit, at risk up
 * to the limit, violated beyond it; its read-back is shown on hover.
 */
function renderFreshness(seconds) {
  const limits = state.objectives.filter((o) => o.maxAgeSeconds != null);
  const badge = $('freshness');
  if (limits.length === 0 || seconds == null) {
    badge.className = 'freshness unknown';
    badge.title = limits.length === 0 ? 'no freshness requirement applies' : '';
    return;
  }
  const strictest = limits.reduce((a, b) => (a.maxAgeSeconds <= b.maxAgeSeconds ? a : b));
  const verdict = seconds > strictest.maxAgeSeconds ? 'violated' : seconds > 0.8 * strictest.maxAgeSeconds ? 'at-risk' : 'met';
  badge.className = `freshness ${verdict}`;
  badge.dataset.requirement = strictest.requirement;
  badge.title = `${verdict.replace('-', ' ')}: at most ${strictest.maxAgeSeconds} s old. ${strictest.readBack || strictest.statement}`;
}

/**
 * Numbers older than the bound the page asks with stay on the page to be read, but marked as not current, never shown
 * as if they were.
 */
function renderStale(seconds) {
  const stale = seconds != null && state.bound != null && seconds > state.bound.seconds;
  ['totals', 'chart'].forEach((id) => $(id).classList.toggle('stale', stale));
  $('stale').hidden = !stale;
  $('stale').textContent = stale ? `Not current: these numbers are ${age(seconds)} old, more than the `
    + `${age(state.bound.seconds)} allowed (${state.bound.from}).` : '';
}

function age(seconds) {
  return seconds < 120 ? `${seconds} s` : seconds < 7200 ? `${Math.round(seconds / 60)} min`
    : seconds < 172800 ? `${Math.round(seconds / 3600)} h` : `${Math.round(seconds / 86400)} days`;
}

function renderAge() {
  if (!state.currentAsOf) { $('age').textContent = '–'; renderFreshness(null); renderStale(null); return; }
  const seconds = Math.max(0, Math.round((Date.now() - state.currentAsOf.getTime()) / 1000));
  renderFreshness(seconds);
  renderStale(seconds);
  $('age').textContent = age(seconds);
}

async function start() {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  $('zones').replaceChildren(...['UTC', ...zones].map((z) => Object.assign(document.createElement('option'), { value: z })));
  if (params.get('tz')) $('tz').value = params.get('tz');
  if (params.get('from')) $('from').value = params.get('from');
  if (params.get('to')) $('to').value = params.get('to');
  if (params.get('grain')) $('grain').value = params.get('grain');
  $('pipeline').textContent = pipeline;
  $('controls').addEventListener('change', open);
  // The token goes in a cookie of this origin: the browser's EventSource cannot send an Authorization header.
  $('sign-in').addEventListener('submit', (e) => {
    e.preventDefault();
    document.cookie = `tributary-token=${encodeURIComponent($('token').value.trim())}; path=/; SameSite=Strict`;
    $('sign-in').hidden = true;
    loadObjectives().catch(() => {}).then(open);
  });
  $('controls').addEventListener('submit', (e) => { e.preventDefault(); open(); });
  setInterval(renderAge, 1000);
  // without a token the objectives are refused too, and the first stream asks the person to sign in
  await loadObjectives().catch(() => {});
  open();
}

start();

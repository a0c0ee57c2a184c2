#!/usr/bin/env node
// `make bench`: the app against a plain-JavaScript baseline, in headless
// Chromium, on the large plan. Every row is the median of BENCH_RUNS runs,
// each in fresh browser contexts; every time is taken inside the page, from
// the start of the action (run at the start of an animation frame) to the
// end of the first frame that shows its result. For every row the longest
// main-thread task meanwhile is recorded too (PerformanceObserver
// 'longtask'), and a limit: the smallest time this browser needs for the
// work at all, measured alone in the baseline page (bench/baseline/limits.js).
//
// Environment (defaults are what `make bench` serves and writes):
//   APP_URL        the app (dist/)                     http://127.0.0.1:8191
//   BASELINE_URL   bench/baseline/ (another origin)     http://127.0.0.1:8192
//   BENCH_DATA     where large_plan wrote its files     target/bench
//   BENCH_STORED   what to seed localStorage with       BENCH_DATA/large-plan.stored.json
//                  (or a JSON object {key: value, …} of several keys to seed)
//   BENCH_EXCHANGE the exchange file to import          BENCH_DATA/large.plan.json
//   BENCH_RUNS     runs per measure                     5
//   BENCH_LIGHT    the light the light filter picks    red
//   BENCH_TYPE     what is typed in the search box      the first 6 characters of a task's title
//   BENCH_OUT      results.md and results.json go here  target/bench
//   BENCH_STRICT   1: exit 1 when a budget is over
//   BENCH_HEADED   1: show the browser (debugging)
//   BENCH_DEBUG    1: print each step

import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(ROOT, 'tests/e2e/package.json'));
const { chromium } = require('playwright-core');
const { gongjianRead } = require(join(ROOT, 'bench/baseline/lz4.js'));

const env = process.env;
const APP = (env.APP_URL || 'http://127.0.0.1:8191').replace(/\/$/, '');
const BASE = (env.BASELINE_URL || 'http://127.0.0.1:8192').replace(/\/$/, '');
const DATA = resolve(ROOT, env.BENCH_DATA || 'target/bench');
const RUNS = Math.max(1, Number(env.BENCH_RUNS || 5));
const OUT = resolve(ROOT, env.BENCH_OUT || 'target/bench');
const STRICT = env.BENCH_STRICT === '1';
const DEBUG = env.BENCH_DEBUG === '1';
const LIGHT = env.BENCH_LIGHT || 'red';
const QUOTA_CHARS = 5_242_880; // Chromium's localStorage, per origin, in UTF-16 code units
const PLAN_KEY = 'gongjian.plan';

// The budgets (issue 19): app ÷ baseline in the same run; a row without a
// baseline: its median and its longest main-thread task.
const ABSOLUTE = { ms: 100, longTask: 200 };
const BUDGETS = { cold: 1.2, filter: 1.2, light: 1.2, unit: 1.2, board: 1.5, import: 2.5, saveEdit: 2, saveMove: 2 };

// The plan in parts, as the app stores it after its first save.
const storedPath = resolve(ROOT, env.BENCH_STORED || join(DATA, 'large-plan.stored.json'));
const exchangePath = resolve(ROOT, env.BENCH_EXCHANGE || join(DATA, 'large.plan.json'));
for (const p of [storedPath, exchangePath]) {
  if (!existsSync(p)) fail(`${p} is missing: run \`cargo run --release --example large_plan -- --out ${DATA}\` (or set BENCH_STORED / BENCH_EXCHANGE)`);
}
// What is seeded into the app's (and the baseline's) localStorage: one
// value under gongjian.plan, or several keys when the file is a JSON
// object whose keys are all gongjian.* (a plan stored in parts).
const storedText = readFileSync(storedPath, 'utf8');
const seedMap = (() => {
  try {
    const o = JSON.parse(storedText);
    const keys = o && typeof o === 'object' && !Array.isArray(o) ? Object.keys(o) : [];
    if (keys.length && keys.every((k) => k.startsWith('gongjian.') && typeof o[k] === 'string')) return o;
  } catch {}
  return { [PLAN_KEY]: storedText };
})();
const seedChars = Object.entries(seedMap).reduce((n, [k, v]) => n + k.length + v.length, 0);
if (seedChars > QUOTA_CHARS) {
  fail(`${storedPath} is ${seedChars.toLocaleString('en')} characters, more than localStorage holds (${QUOTA_CHARS.toLocaleString('en')}).\n` +
    `Seed a plan that fits: BENCH_STORED=target/e2e-large-plan.json (written by \`cargo test -q --lib write_large_fixture -- --ignored\`), or a compact .stored.txt.`);
}
const exchangeBytes = statSync(exchangePath).size;
const exchangePlan = (() => {
  const f = JSON.parse(readFileSync(exchangePath, 'utf8'));
  return f.body?.plan ?? f.plan;
})();
// The plan the pages open with: the seeded one when it can be read here,
// else the exchange file's (large_plan writes the same plan into both).
const plan = (() => {
  try {
    return gongjianRead((k) => seedMap[k], PLAN_KEY).plan ?? exchangePlan;
  } catch {
    return exchangePlan;
  }
})();
const live = (xs) => (xs || []).filter((x) => !x.meta?.deleted);
const TASKS = live(plan.tasks).length;
const exchangeTasks = live(exchangePlan.tasks).length;

function fail(why) {
  console.error(`bench: ${why}`);
  process.exit(2);
}

// ---- what the table should show (the app's rules, src/domain/filter.rs) ---------
//
// Used to know when a keystroke or a unit's filter has been rendered: the
// first frame whose "Tasks shown" says this count. A frame later the count
// is checked again, so a wrong model fails loudly instead of timing early.

function tableModel(p) {
  const units = new Map(live(p.units).map((u) => [u.id, u]));
  const people = new Map(live(p.people).map((x) => [x.id, x]));
  const has = (t, n) => !!t && ((t.zh || '').toLowerCase().includes(n) || (t.en || '').toLowerCase().includes(n));
  const actions = live(p.actions).sort((a, b) => a.order - b.order).map((a, i) => ({
    a,
    number: p.numbers?.[a.id] ?? String(i + 1),
    tasks: live(p.tasks).filter((t) => t.action === a.id).sort((x, y) => x.order - y.order),
  }));
  const actionText = (a, number, n) =>
    has(a.title, n) || (number != null && number === n) ||
    (a.leading_units || []).some((u) => has(units.get(u)?.name, n)) || (a.leaders || []).some((x) => has(people.get(x)?.name, n));
  return {
    // Tasks shown for the search text `q`.
    text(q) {
      const n = q.trim().toLowerCase();
      let count = 0;
      for (const { a, number, tasks } of actions) {
        const whole = !n || actionText(a, number, n);
        tasks.forEach((t, j) => {
          const no = p.numbers?.[t.id] ?? `${number}.${j + 1}`;
          if (whole || no === n || has(t.title, n) ||
            [...(t.responsible || []), ...(t.co_organizers || [])].some((u) => has(units.get(u)?.name, n)) ||
            (t.person && has(people.get(t.person)?.name, n)) || actionText(a, null, n)) count++;
        });
      }
      return count;
    },
    // Tasks shown for the unit `u`: it leads the action, or is responsible for or co-organizes the task.
    unit(u) {
      let count = 0;
      for (const { a, tasks } of actions) {
        for (const t of tasks) if ((a.leading_units || []).includes(u) || (t.responsible || []).includes(u) || (t.co_organizers || []).includes(u)) count++;
      }
      return count;
    },
    units: [...units.values()],
    tasks: actions.flatMap((g) => g.tasks),
  };
}
const model = tableModel(plan);

// The unit with the most tasks, so its filter shows many rows.
const UNIT = (() => {
  const best = model.units.map((u) => ({ id: u.id, name: u.name.en || u.name.zh, shown: model.unit(u.id) })).sort((x, y) => y.shown - x.shown)[0];
  if (!best || !best.shown) fail('the plan has no unit with tasks: the unit filter row needs one');
  return best;
})();

// What is typed: BENCH_TYPE, or the first six characters of the title that
// (of the first fifty tasks) shows the most rows at the first keystroke.
const TYPED = (() => {
  let text = env.BENCH_TYPE;
  if (!text) {
    const titles = model.tasks.slice(0, 50).map((t) => [...(t.title.en || t.title.zh)].slice(0, 6).join(''));
    text = titles.map((s) => ({ s, first: model.text([...s][0]) })).sort((x, y) => y.first - x.first)[0]?.s;
  }
  if (!text) fail('no task title to type');
  const chars = [...text];
  return { text, keys: chars.map((ch, i) => ({ ch, value: chars.slice(0, i + 1).join(''), shown: model.text(chars.slice(0, i + 1).join('')) })) };
})();

// ---- in-page code -------------------------------------------------------------

// Installed in every page before its own scripts:
// - `measure`: run an action at the start of an animation frame and resolve
//   after the first frame in which `done()` holds has been rendered (rAF,
//   then a message posted from it: the message runs after that frame's
//   style, layout and paint), with the longest gap between frames meanwhile;
// - a PerformanceObserver of long tasks (observing from the start), and
//   `longest(t0, t1)`: the longest task that overlaps that window;
// - a hook on localStorage's setItem / removeItem that records every write
//   while `recordWrites()` is on (key, value, time).
function installHelpers() {
  const afterFrame = (f) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = f;
    ch.port2.postMessage(0);
  };
  const frame = () => new Promise((r) => requestAnimationFrame(() => afterFrame(r)));
  const until = (done, t0, timeout, resolve, reject, what) => {
    let last = t0, maxGap = 0;
    const tick = () => {
      const now = performance.now();
      maxGap = Math.max(maxGap, now - last);
      last = now;
      let ok = false;
      try { ok = done(); } catch (e) { reject(e); return; }
      if (ok) afterFrame(() => resolve({
        ms: performance.now() - t0, t0, end: performance.now(), maxGap,
        // What that frame showed: the task rows, the elements under <main>.
        rows: document.querySelectorAll('tr.task-row').length,
        elements: document.querySelectorAll('main *').length,
      }));
      else if (now - t0 > timeout) reject(new Error(`${what || 'waiting'}: timed out after ${timeout} ms${window.__bench.statusText() ? ` (status: "${window.__bench.statusText()}")` : ''}`));
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
  const statusText = () => {
    for (const s of document.querySelectorAll('[role=status]')) if (s.textContent.includes('Tasks shown')) return s.textContent.replace(/\s+/g, ' ').trim();
    return '';
  };
  const shown = () => {
    const m = /Tasks shown: (\d+) \/ (\d+)/.exec(statusText());
    return m ? { shown: Number(m[1]), total: Number(m[2]) } : null;
  };

  const longtasks = [];
  let observer = null;
  try {
    observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) longtasks.push({ start: e.startTime, dur: e.duration }); });
    observer.observe({ type: 'longtask', buffered: false });
  } catch (e) {
    window.__longtaskError = String(e);
  }

  const writes = { on: false, list: [] };
  const setItem = Storage.prototype.setItem;
  const removeItem = Storage.prototype.removeItem;
  Storage.prototype.setItem = function (k, v) {
    if (!writes.on || this !== window.localStorage) return setItem.call(this, k, v);
    const t = performance.now();
    try {
      return setItem.call(this, k, v);
    } finally {
      writes.list.push({ op: 'set', key: String(k), value: String(v), start: t, end: performance.now() });
    }
  };
  Storage.prototype.removeItem = function (k) {
    if (!writes.on || this !== window.localStorage) return removeItem.call(this, k);
    const t = performance.now();
    try {
      return removeItem.call(this, k);
    } finally {
      writes.list.push({ op: 'remove', key: String(k), start: t, end: performance.now() });
    }
  };

  window.__bench = {
    statusText,
    shown,
    afterFrame,
    frame,
    // A link of the header's navigation, by the path it leads to.
    navLink: (path) => [...document.querySelectorAll('header nav a[href]')].find((a) => new URL(a.href).pathname === path) ?? null,
    // The title of the task row numbered `n` ("1.2").
    titleOf(n) {
      const tr = [...document.querySelectorAll('tr.task-row')].find((x) => x.querySelector('td.num')?.textContent.trim() === n);
      return tr?.querySelector('td.title')?.textContent.trim() ?? null;
    },
    // The task rows in the page, and the elements under <main>.
    taskRows: () => [...document.querySelectorAll('tr.task-row')],
    elements: () => document.querySelectorAll('main *').length,
    // Run `action` in a frame, then wait as above.
    measure(action, done, timeout = 120000, what = '') {
      return new Promise((resolve, reject) => requestAnimationFrame(() => {
        const t0 = performance.now();
        try { action(); } catch (e) { reject(e); return; }
        until(done, t0, timeout, resolve, reject, what);
      }));
    },
    // Wait from t0 (0: navigation start) until `done()` shows in a frame.
    since(t0, done, timeout = 120000, what = '') {
      return new Promise((resolve, reject) => until(done, t0, timeout, resolve, reject, what));
    },
    // The longest task overlapping [t0, t1], 0 when none took 50 ms or more.
    async longest(t0, t1) {
      if (!observer) throw new Error(`no long-task observer in this browser: ${window.__longtaskError}`);
      await new Promise((r) => setTimeout(r, 120));
      for (const e of observer.takeRecords()) longtasks.push({ start: e.startTime, dur: e.duration });
      return longtasks.filter((t) => t.start < t1 && t.start + t.dur > t0).reduce((m, t) => Math.max(m, t.dur), 0);
    },
    recordWrites() {
      writes.list = [];
      writes.on = true;
    },
    writes: () => writes.list,
    stopWrites() {
      writes.on = false;
      const out = writes.list;
      writes.list = [];
      return out;
    },
    // Every key and value in localStorage now.
    storage: () => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])),
    // The table is still: "Tasks shown" says n, n task rows are in the
    // page (the app adds them a slice per frame), for three frames.
    async settle(what = 'the table to settle', timeout = 60000) {
      const t0 = performance.now();
      let still = 0, last = '';
      while (still < 3) {
        await frame();
        const s = shown();
        const now = `${statusText()}|${document.querySelectorAll('tr.task-row').length}`;
        still = s && s.shown === document.querySelectorAll('tr.task-row').length && now === last ? still + 1 : 0;
        last = now;
        if (performance.now() - t0 > timeout) throw new Error(`${what}: not still after ${timeout} ms (status "${statusText()}", ${document.querySelectorAll('tr.task-row').length} task rows)`);
      }
    },
  };
}

// Cold start: from navigation start to the first rendered frame that shows
// the table's rows. rAF polling, recorded in the page.
function watchColdStart(total) {
  window.__bench.cold = window.__bench.since(0, () =>
    window.__bench.statusText().includes(`${total} / ${total}`) && document.querySelector('td.title') !== null, 180000, 'cold start');
  window.__bench.cold.then((r) => (window.__bench.coldResult = r), (e) => (window.__bench.coldResult = { error: String(e) }));
}

function seed(map) {
  if (!sessionStorage.getItem('bench-seeded')) {
    try {
      for (const [k, v] of Object.entries(map)) localStorage.setItem(k, v);
    } catch (e) {
      window.__seedError = String(e);
    }
    sessionStorage.setItem('bench-seeded', '1');
  }
}

// ---- one browser context ------------------------------------------------------

async function newContext(browser, ...inits) {
  const ctx = await browser.newContext({
    locale: 'en-US',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 900 },
    // The app's service worker would fetch every file again in the
    // background while we measure, and could answer /bench-data itself.
    serviceWorkers: 'block',
  });
  await ctx.route('**/bench-data/large.plan.json', (route) => route.fulfill({ path: exchangePath, contentType: 'application/json' }));
  await ctx.addInitScript(installHelpers);
  for (const [f, arg] of inits) await ctx.addInitScript(f, arg);
  return ctx;
}

async function newPage(ctx, side) {
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error(`[${side}] page error: ${e.message}`));
  return page;
}

const step = (what) => DEBUG && console.log(`  · ${what}`);

// ---- the rows, each timed in the page ---------------------------------------------

// Cold start: navigation start → the first frame with "Tasks shown: n / n"
// and a task's title cell.
async function coldStart(page, origin) {
  await page.goto(`${origin}/table?lang=en`, { waitUntil: 'commit' });
  const r = await page.evaluate(async () => {
    const r = await window.__bench.cold;
    return { ...r, longest: await window.__bench.longest(0, r.end) };
  });
  const seedError = await page.evaluate(() => window.__seedError);
  if (seedError) throw new Error(`seeding localStorage failed on ${origin}: ${seedError}`);
  return r;
}

const settle = (page, what) => page.evaluate((what) => window.__bench.settle(what), what);

// Type "99", let it settle, then time the "9" that makes it "999": the
// first frame whose status says one task is shown.
async function filterKeystroke(page) {
  await page.evaluate(async () => {
    const box = document.querySelector('form[role=search] input[type=search]');
    if (!box) throw new Error('no search box (form[role=search] input[type=search])');
    box.value = '99';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    await window.__bench.settle('the table after "99"');
  });
  const r = await page.evaluate(async () => {
    const box = document.querySelector('form[role=search] input[type=search]');
    const b = window.__bench;
    const r = await b.measure(() => {
      box.value += '9';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }, () => b.statusText().includes(': 1 / '), 30000, 'the "9" of "999"');
    r.longest = await b.longest(r.t0, r.end);
    return { ...r, value: box.value, status: b.statusText(), titles: document.querySelectorAll('td.title').length };
  });
  if (DEBUG) console.log('filter:', JSON.stringify(r));
  if (r.titles !== 1) throw new Error(`after "${r.value}" the table shows ${r.titles} task rows, not 1 (status: ${r.status})`);
  return r;
}

// Every filter back to "All" and the search box empty, until the whole
// table is in the page again.
async function resetFilters(page) {
  await page.evaluate(async (total) => {
    const b = window.__bench;
    const form = document.querySelector('form[role=search]');
    for (const s of form.querySelectorAll('select')) {
      if (s.value === '') continue;
      s.value = '';
      s.dispatchEvent(new Event('change', { bubbles: true }));
      await b.frame();
    }
    const box = form.querySelector('input[type=search]');
    if (box.value !== '') {
      box.value = '';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }
    await b.since(performance.now(), () => b.statusText().includes(`${total} / ${total}`), 60000, 'clearing the filters');
    await b.settle('the whole table after clearing the filters');
  }, TASKS);
}

// Typing in the search box: one character at a time, each timed from its
// input event to the first frame whose status says the count the app's
// rule gives for the text so far (checked again two frames later); the
// table settles (every row in) before the next character.
async function typing(page) {
  return page.evaluate(async ({ keys, total }) => {
    const b = window.__bench;
    const box = document.querySelector('form[role=search] input[type=search]');
    if (!box) throw new Error('no search box (form[role=search] input[type=search])');
    if (box.value !== '') throw new Error(`the search box holds "${box.value}" before typing`);
    const out = [];
    for (const k of keys) {
      const want = `Tasks shown: ${k.shown} / ${total}`;
      const r = await b.measure(() => {
        box.value = k.value;
        box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: k.ch }));
      }, () => b.statusText() === want && (k.shown === 0 || document.querySelector('tr.task-row') !== null), 30000, `typing "${k.value}" (expecting "${want}")`);
      await b.frame();
      await b.frame();
      if (b.statusText() !== want) throw new Error(`after typing "${k.value}" the status went on from "${want}" to "${b.statusText()}": the frame timed was not the result`);
      r.longest = await b.longest(r.t0, r.end);
      await b.settle(`the table after typing "${k.value}"`);
      out.push({ value: k.value, shown: k.shown, ms: r.ms, longest: r.longest, rows: r.rows });
    }
    return out;
  }, { keys: TYPED.keys, total: TASKS });
}

// A filter's select set to `value`: timed to the first frame whose status
// has changed (to `expect` when given) and whose task rows all show the
// light `light` (when given); then on to the frame with every row in (the
// app adds rows a slice per frame), whose time is kept as `allMs` and whose
// window the longest task is taken over.
async function selectFilter(page, { label, value, expect = null, light = null }) {
  return page.evaluate(async ({ label, value, expect, light }) => {
    const b = window.__bench;
    const l = [...document.querySelectorAll('form[role=search] label')].find((x) => x.textContent.trim().startsWith(label));
    const sel = l?.querySelector('select');
    if (!sel) throw new Error(`no select labelled "${label}" in form[role=search]`);
    if (![...sel.options].some((o) => o.value === value)) throw new Error(`the select "${label}" has no option "${value}"`);
    const before = b.statusText();
    const rowsOk = () => {
      const rows = b.taskRows();
      return rows.length > 0 && (!light || rows.every((tr) => tr.querySelector('[data-light]')?.getAttribute('data-light') === light));
    };
    const r = await b.measure(() => {
      sel.value = value;
      sel.dispatchEvent(new Event('change', { bubbles: true }));
    }, () => {
      const s = b.shown();
      return s !== null && b.statusText() !== before && (expect === null || s.shown === expect) && rowsOk();
    }, 30000, `the filter "${label}" = ${value}${expect === null ? '' : ` (expecting ${expect} tasks)`}`);
    const shown = b.shown().shown;
    const all = await b.since(r.t0, () => b.taskRows().length === b.shown()?.shown, 60000, 'every row of the filter');
    await b.settle(`the table filtered by ${label}`);
    if (b.shown().shown !== shown) throw new Error(`the filter "${label}" showed ${shown} tasks in the frame timed, then ${b.shown().shown}`);
    if (!rowsOk()) throw new Error(`the filter "${label}" = ${value} shows rows that are not ${light}`);
    const ids = b.taskRows().map((tr) => (tr.querySelector('td.title a')?.getAttribute('href') || '').split('?')[0].split('/').pop());
    return { ms: r.ms, t0: r.t0, end: r.end, rows: r.rows, shown, allMs: all.ms, longest: await b.longest(r.t0, all.end), ids };
  }, { label, value, expect, light });
}

// A save: `open` is clicked (and a field changed), then `go` in a frame;
// timed to the first frame after the dialog (if any) has closed and the
// plan's key has been written. Every localStorage write meanwhile is kept
// (key and value) with the storage as it was before, for the baseline.
async function appSave(page, kind, title) {
  return page.evaluate(async ({ kind, title, key }) => {
    const b = window.__bench;
    const rowTitle = b.titleOf;
    let go;
    if (kind === 'edit') {
      const edit = document.querySelector('button[aria-label="Edit Task 1.1"]');
      if (!edit) throw new Error('no "Edit Task 1.1" button on the table');
      edit.click();
      await b.since(performance.now(), () => document.querySelector('dialog[open]') !== null, 30000, 'the Edit dialog to open');
      const dialog = document.querySelector('dialog[open]');
      const input = [...dialog.querySelectorAll('label')].find((l) => l.textContent.trim().startsWith('Title (English)'))?.querySelector('input');
      if (!input) throw new Error('no "Title (English)" field in the Edit dialog');
      go = [...dialog.querySelectorAll('button[type=submit]')].find((x) => x.textContent.trim() === 'Save');
      if (!go) throw new Error('no "Save" button in the Edit dialog');
      input.value = title;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    } else {
      go = document.querySelector('button[aria-label="Move up Task 1.2"]');
      if (!go) throw new Error('no "Move up Task 1.2" button on the table');
    }
    await b.frame();
    const before = b.storage();
    const measures = performance.getEntriesByName('gongjian:save', 'measure').length;
    b.recordWrites();
    const r = await b.measure(() => go.click(), () =>
      document.querySelector('dialog[open]') === null && b.writes().some((w) => w.op === 'set' && w.key === key), 60000, `the ${kind} save to close its dialog and write ${key}`);
    const writes = b.stopWrites();
    r.longest = await b.longest(r.t0, r.end);
    const want = kind === 'edit' ? '1.1' : '1.2';
    if (rowTitle(want) !== title) throw new Error(`after the ${kind} save, task ${want}'s title is "${rowTitle(want)}", not "${title}"`);
    const last = (name) => (performance.getEntriesByName(name, 'measure').length > measures ? performance.getEntriesByName(name, 'measure').at(-1).duration : null);
    return {
      ms: r.ms, t0: r.t0, end: r.end, longest: r.longest, rows: r.rows,
      measure: last('gongjian:save'), encode: last('gongjian:save-encode'), write: last('gongjian:save-write'),
      before,
      writes: writes.map((w) => ({ op: w.op, key: w.key, value: w.value, chars: w.value?.length ?? 0, ms: w.end - w.start, at: w.start - r.t0 })),
    };
  }, { kind, title, key: PLAN_KEY });
}

// The baseline's save: storage put back as the app's was before its save
// (untimed), then the same writes, timed to the frame after; `setItemMs`
// is the writes alone (the limit).
async function replaySave(page, save) {
  return page.evaluate(async ({ before, writes }) => {
    const b = window.__bench;
    window.__limits.restore(before);
    await b.frame();
    let setItemMs = null;
    const r = await b.measure(() => {
      const t = performance.now();
      window.__limits.replay(writes);
      setItemMs = performance.now() - t;
    }, () => true, 60000, 'replaying the writes');
    return { ms: r.ms, setItemMs, longest: await b.longest(r.t0, r.end) };
  }, { before: save.before, writes: save.writes });
}

// Table → board: the header's Board link, until the light counts and the
// units' table.
async function board(page) {
  return page.evaluate(async () => {
    const link = window.__bench.navLink('/');
    if (!link) throw new Error('no Board link (to /) in the header nav');
    const b = window.__bench;
    const r = await b.measure(() => link.click(), () =>
      document.querySelector('[data-testid=count-red]') !== null &&
      document.querySelector('section[aria-labelledby=units-heading] table tbody tr') !== null, 60000, 'the board');
    r.longest = await b.longest(r.t0, r.end);
    return r;
  });
}

// Board → table: the header's table link, until "Tasks shown: n / n" and a
// task row.
async function toTable(page) {
  return page.evaluate(async (total) => {
    const link = window.__bench.navLink('/table');
    if (!link) throw new Error('no table link (to /table) in the header nav');
    const b = window.__bench;
    const r = await b.measure(() => link.click(), () =>
      b.statusText().includes(`${total} / ${total}`) && document.querySelector('tr.task-row td.title') !== null, 60000, 'the table');
    r.longest = await b.longest(r.t0, r.end);
    await b.settle('the table after the switch');
    return r;
  }, TASKS);
}

// Table → timeline: the header's Timeline link, until the chart has its
// task rows and its today line (the page's chunk is fetched on the first
// visit, as a person's would be).
async function toTimeline(page) {
  return page.evaluate(async () => {
    const link = window.__bench.navLink('/timeline');
    if (!link) throw new Error('no Timeline link (to /timeline) in the header nav');
    const b = window.__bench;
    const r = await b.measure(() => link.click(), () =>
      document.querySelector('.timeline-page table.gantt tr[data-kind=task]') !== null &&
      document.querySelector('.timeline-page [data-testid=today-line]') !== null, 60000, 'the timeline');
    r.longest = await b.longest(r.t0, r.end);
    r.taskRows = document.querySelectorAll('.timeline-page table.gantt tr[data-kind=task]').length;
    return r;
  });
}

// The timeline's zoom: its "Month" link (in the navigation named "Zoom"),
// until that link is the current one and the span shown has changed.
async function zoom(page) {
  return page.evaluate(async () => {
    const b = window.__bench;
    const nav = document.querySelector('.timeline-page nav[aria-label="Zoom"]');
    if (!nav) throw new Error('no navigation named "Zoom" on the timeline');
    const link = [...nav.querySelectorAll('a')].find((a) => a.textContent.trim() === 'Month');
    if (!link) throw new Error('no "Month" link in the timeline\'s Zoom navigation');
    if (link.getAttribute('aria-current') === 'true') throw new Error('the timeline is already at "Month"');
    const span = () => document.querySelector('.timeline-page .timeline-span strong')?.textContent ?? '';
    const before = span();
    if (!before) throw new Error('no span shown (.timeline-span) on the timeline');
    const r = await b.measure(() => link.click(), () =>
      link.isConnected && link.getAttribute('aria-current') === 'true' && span() !== before &&
      document.querySelector('.timeline-page table.gantt tr[data-kind=task]') !== null, 60000, 'the zoom to Month');
    r.longest = await b.longest(r.t0, r.end);
    r.span = `${before} → ${span()}`;
    r.bars = document.querySelectorAll('.timeline-page table.gantt [style]').length;
    return r;
  });
}

// Timeline → a task's sheet: the first task row's link, until the sheet's
// title has that task's number and its last section (the trail) is there.
async function toSheet(page) {
  return page.evaluate(async () => {
    const b = window.__bench;
    const link = document.querySelector('.timeline-page tr[data-kind=task] a.gantt-label');
    if (!link) throw new Error('no task link (tr[data-kind=task] a.gantt-label) on the timeline');
    const number = link.querySelector('.gantt-no')?.textContent.trim();
    if (!number) throw new Error('the timeline\'s task link has no number (.gantt-no)');
    const r = await b.measure(() => link.click(), () =>
      document.querySelector('article.sheet #sheet-title .num')?.textContent.trim() === number &&
      document.getElementById('trail-heading') !== null, 60000, `the sheet of task ${number}`);
    r.longest = await b.longest(r.t0, r.end);
    r.task = number;
    return r;
  });
}

async function waitTable(page) {
  await page.waitForFunction(() => window.__bench && window.__bench.statusText() !== '' && document.querySelector('td.title, table'), null, { timeout: 120000 });
}

// Import the exchange file through the header's file input; then apply it.
async function importApply(page) {
  const preview = await page.evaluate(async () => {
    const blob = await (await fetch('/bench-data/large.plan.json')).blob();
    const file = new File([blob], 'large.plan.json', { type: 'application/json' });
    const input = document.querySelector('label.import-control input[type=file]');
    if (!input) throw new Error('no file input (label.import-control input[type=file]) in the header');
    const dt = new DataTransfer();
    dt.items.add(file);
    input.files = dt.files;
    const b = window.__bench;
    const r = await b.measure(() => input.dispatchEvent(new Event('change', { bubbles: true })), () => {
      const h = document.getElementById('import-preview-title');
      return h !== null && h.textContent.includes('Import preview');
    }, 120000, 'the import preview');
    const apply = [...document.querySelectorAll('.import-preview button')].find((x) => x.textContent.trim() === 'Apply import');
    return {
      ms: r.ms,
      maxGap: r.maxGap,
      longest: await b.longest(r.t0, r.end),
      replaces: document.querySelector('.import-preview .replaces') !== null,
      nothingNew: document.querySelector('.import-preview .nothing-new') !== null,
      applyEnabled: !!apply && !apply.disabled,
      inPage: window.__baseline ? { ...window.__baseline } : null,
    };
  });
  if (!preview.applyEnabled) return { preview, apply: null };
  const apply = await page.evaluate(async () => {
    const b = window.__bench;
    const button = [...document.querySelectorAll('.import-preview button')].find((x) => x.textContent.trim() === 'Apply import');
    b.recordWrites();
    const r = await b.measure(() => button.click(), () =>
      [...document.querySelectorAll('button')].some((x) => x.textContent.trim() === 'Undo import'), 180000, 'the applied import ("Undo import")');
    const writes = b.stopWrites();
    return {
      ms: r.ms, maxGap: r.maxGap, rows: r.rows, longest: await b.longest(r.t0, r.end),
      writes: writes.map((w) => ({ op: w.op, key: w.key, value: w.value, chars: w.value?.length ?? 0 })),
    };
  });
  return { preview, apply };
}

// ---- one run ------------------------------------------------------------------

const lightsOf = (r) => ({ light: LIGHT, ids: r.ids });

// The app, seeded with the large plan: the table's rows, the saves, then
// board → table → timeline → zoom → a task's sheet, in one visit.
async function appSide(browser) {
  const ctx = await newContext(browser, [seed, seedMap], [watchColdStart, TASKS]);
  const page = await newPage(ctx, 'app');
  const r = {};
  try {
    step('app: cold start');
    r.cold = await coldStart(page, APP);
    await settle(page, 'the table after the cold start');
    step('app: filter keystroke');
    r.filter = await filterKeystroke(page);
    await resetFilters(page);
    step(`app: typing "${TYPED.text}"`);
    r.typing = await typing(page);
    await resetFilters(page);
    step(`app: light ${LIGHT}`);
    r.light = await selectFilter(page, { label: 'Status light', value: LIGHT, light: LIGHT });
    await resetFilters(page);
    step(`app: unit ${UNIT.name}`);
    r.unit = await selectFilter(page, { label: 'Unit (leading, responsible or co-organizing)', value: UNIT.id, expect: UNIT.shown });
    await resetFilters(page);
    step('app: save from the Edit dialog');
    r.saveEdit = await appSave(page, 'edit', `Bench edit ${Date.now()}`);
    await settle(page, 'the table after the edit');
    step('app: save after Move up');
    const moved = await page.evaluate(() => window.__bench.titleOf('1.1'));
    r.saveMove = await appSave(page, 'move', moved);
    await settle(page, 'the table after Move up');
    step('app: board');
    r.board = await board(page);
    step('app: board → table');
    r.toTable = await toTable(page);
    step('app: table → timeline');
    r.toTimeline = await toTimeline(page);
    step('app: zoom');
    r.zoom = await zoom(page);
    step('app: timeline → sheet');
    r.toSheet = await toSheet(page);
  } finally {
    await ctx.close();
  }
  return r;
}

// The baseline, seeded the same way, doing what it can of the same: the
// light filter with the app's lights handed over (its own are a sketch).
async function baselineSide(browser, app) {
  const ctx = await newContext(browser, [seed, seedMap], [watchColdStart, TASKS], [(x) => (window.__benchLights = x), lightsOf(app.light)]);
  const page = await newPage(ctx, 'baseline');
  const r = {};
  try {
    step('baseline: cold start');
    r.cold = await coldStart(page, BASE);
    step('baseline: filter keystroke');
    r.filter = await filterKeystroke(page);
    await resetFilters(page);
    step('baseline: light');
    r.light = await selectFilter(page, { label: 'Status light', value: LIGHT, light: LIGHT });
    if (r.light.shown !== app.light.shown) throw new Error(`the baseline's light filter shows ${r.light.shown} tasks, the app's ${app.light.shown}`);
    await resetFilters(page);
    step('baseline: unit');
    r.unit = await selectFilter(page, { label: 'Unit (leading, responsible or co-organizing)', value: UNIT.id, expect: UNIT.shown });
    await resetFilters(page);
    step('baseline: the saves replayed');
    r.saveEdit = await replaySave(page, app.saveEdit);
    r.saveMove = await replaySave(page, app.saveMove);
    step('baseline: board');
    r.board = await board(page);
  } finally {
    await ctx.close();
  }
  return r;
}

// Import and apply, from a browser that holds the small example plan (the
// baseline: no plan), so that the file replaces it.
async function importSide(browser, side, origin) {
  const ctx = await newContext(browser);
  const page = await newPage(ctx, side);
  try {
    step(`${side}: import`);
    await page.goto(`${origin}/table?lang=en`);
    await waitTable(page);
    const { preview, apply } = await importApply(page);
    const r = { importPreview: preview, apply };
    if (side === 'app') {
      // The app's own steps (performance measures): reading the file
      // (format, checksum, types) and comparing it with the table.
      r.steps = await page.evaluate(() => Object.fromEntries(['gongjian:import-read', 'gongjian:import-check', 'gongjian:import-digest', 'gongjian:import-body', 'gongjian:import-compare']
        .map((n) => [n, performance.getEntriesByName(n, 'measure').at(-1)?.duration ?? null])));
    }
    return r;
  } finally {
    await ctx.close();
  }
}

// The limits, alone in the baseline page (its <main> emptied first): the
// same number of rows / elements the app showed, the same writes, the
// same parse.
async function limitSide(browser, app, imp) {
  const ctx = await newContext(browser, [seed, seedMap]);
  const page = await newPage(ctx, 'limits');
  const lim = (kind, arg) => page.evaluate(async ({ kind, arg, key }) => {
    const b = window.__bench, l = window.__limits;
    if (!l) throw new Error('the baseline page has no window.__limits (bench/baseline/limits.js)');
    document.getElementById('main').replaceChildren();
    await b.frame();
    await b.frame();
    const timed = (f) => b.measure(f, () => true, 120000, `the limit ${kind}`);
    if (kind === 'cold') return (await timed(() => { l.readStored(key); l.rows(arg); })).ms;
    if (kind === 'rows') return (await timed(() => l.rows(arg))).ms;
    if (kind === 'elements') return (await timed(() => l.elements(arg))).ms;
    if (kind === 'restyle') {
      l.prepareBars(arg);
      await b.frame();
      return (await timed(() => l.restyle())).ms;
    }
    if (kind === 'parse') {
      const text = await (await fetch('/bench-data/large.plan.json')).text();
      await b.frame();
      const t = performance.now();
      JSON.parse(text);
      return performance.now() - t;
    }
    if (kind === 'apply') {
      l.restore({});
      await b.frame();
      return (await timed(() => { l.replay(arg.writes); l.rows(arg.rows); })).ms;
    }
    throw new Error(`no limit ${kind}`);
  }, { kind, arg, key: PLAN_KEY });
  const r = {};
  try {
    await page.goto(`${BASE}/?lang=en`);
    await page.waitForFunction(() => window.__limits && window.__bench, null, { timeout: 60000 });
    step('limits');
    r.cold = await lim('cold', app.cold.rows);
    r.filter = await lim('rows', app.filter.rows);
    const typed = [];
    for (const k of app.typing) typed.push(await lim('rows', k.rows));
    r.typingMedian = median(typed);
    r.typingWorst = Math.max(...typed);
    r.light = await lim('rows', app.light.rows);
    r.unit = await lim('rows', app.unit.rows);
    r.board = await lim('elements', app.board.elements);
    r.toTable = await lim('rows', app.toTable.rows);
    r.toTimeline = await lim('elements', app.toTimeline.elements);
    r.zoom = await lim('restyle', app.zoom.bars);
    r.toSheet = await lim('elements', app.toSheet.elements);
    r.import = await lim('parse');
    if (imp.app.apply) r.apply = await lim('apply', { writes: imp.app.apply.writes, rows: imp.app.apply.rows });
  } finally {
    await ctx.close();
  }
  return r;
}

// Values are megabytes: keep the keys and lengths only in results.json.
function stripValues(r) {
  for (const s of [r.app.saveEdit, r.app.saveMove, r.imp.app.apply].filter(Boolean)) {
    delete s.before;
    for (const w of s.writes ?? []) delete w.value;
  }
  for (const s of [r.app.light, r.baseline.light]) delete s.ids;
  return r;
}

async function run(browser, i) {
  const app = await appSide(browser);
  const baseline = await baselineSide(browser, app);
  const imp = { app: await importSide(browser, 'app', APP), baseline: await importSide(browser, 'baseline', BASE) };
  const limit = await limitSide(browser, app, imp);
  // Baseline and limit of the saves: the app's writes replayed.
  limit.saveEdit = baseline.saveEdit.setItemMs;
  limit.saveMove = baseline.saveMove.setItemMs;
  const out = stripValues({ app, baseline, imp, limit });
  const f = (x) => (x == null ? '—' : Math.round(x));
  const ks = app.typing.map((k) => k.ms);
  console.log(`run ${i + 1}/${RUNS}: app cold ${f(app.cold.ms)} filter ${f(app.filter.ms)} typing ${f(median(ks))}/${f(Math.max(...ks))} light ${f(app.light.ms)} unit ${f(app.unit.ms)} ` +
    `save ${f(app.saveEdit.ms)}/${f(app.saveMove.ms)} board ${f(app.board.ms)} table ${f(app.toTable.ms)} timeline ${f(app.toTimeline.ms)} zoom ${f(app.zoom.ms)} sheet ${f(app.toSheet.ms)} ` +
    `import ${f(imp.app.importPreview.ms)} apply ${f(imp.app.apply?.ms)} | baseline cold ${f(baseline.cold.ms)} filter ${f(baseline.filter.ms)} light ${f(baseline.light.ms)} unit ${f(baseline.unit.ms)} ` +
    `save ${f(baseline.saveEdit.ms)}/${f(baseline.saveMove.ms)} board ${f(baseline.board.ms)} text+parse ${f(imp.baseline.importPreview.inPage?.importTextParse)} apply ${f(imp.baseline.apply?.ms)} (ms)`);
  return out;
}

// ---- report -------------------------------------------------------------------

const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const max = (xs) => {
  const v = xs.filter((x) => typeof x === 'number');
  return v.length ? Math.max(...v) : null;
};

// Every row: what the app took, its longest task, the baseline's time and
// the limit, from one run.
const ROWS = [
  { key: 'cold', measure: 'cold start → table', get: (r) => [r.app.cold.ms, r.app.cold.longest, r.baseline.cold.ms, r.limit.cold] },
  { key: 'filter', measure: 'filter keystroke → table ("99" + "9": 1 task)', get: (r) => [r.app.filter.ms, r.app.filter.longest, r.baseline.filter.ms, r.limit.filter] },
  { key: 'typingMedian', measure: `typing in the search box, median keystroke (${TYPED.keys.length} keys)`, get: (r) => [median(r.app.typing.map((k) => k.ms)), max(r.app.typing.map((k) => k.longest)), null, r.limit.typingMedian] },
  { key: 'typingWorst', measure: 'typing in the search box, worst keystroke', get: (r) => [max(r.app.typing.map((k) => k.ms)), max(r.app.typing.map((k) => k.longest)), null, r.limit.typingWorst] },
  { key: 'light', measure: `filter by light (${LIGHT})`, get: (r) => [r.app.light.ms, r.app.light.longest, r.baseline.light.ms, r.limit.light] },
  { key: 'unit', measure: 'filter by unit', get: (r) => [r.app.unit.ms, r.app.unit.longest, r.baseline.unit.ms, r.limit.unit] },
  { key: 'saveEdit', measure: 'save an Edit dialog (title changed)', get: (r) => [r.app.saveEdit.ms, r.app.saveEdit.longest, r.baseline.saveEdit.ms, r.limit.saveEdit] },
  { key: 'saveMove', measure: 'save after "Move up"', get: (r) => [r.app.saveMove.ms, r.app.saveMove.longest, r.baseline.saveMove.ms, r.limit.saveMove] },
  { key: 'board', measure: 'table → board', get: (r) => [r.app.board.ms, r.app.board.longest, r.baseline.board.ms, r.limit.board] },
  { key: 'toTable', measure: 'board → table', get: (r) => [r.app.toTable.ms, r.app.toTable.longest, null, r.limit.toTable] },
  { key: 'toTimeline', measure: 'table → timeline', get: (r) => [r.app.toTimeline.ms, r.app.toTimeline.longest, null, r.limit.toTimeline] },
  { key: 'zoom', measure: 'timeline zoom (year → month)', get: (r) => [r.app.zoom.ms, r.app.zoom.longest, null, r.limit.zoom] },
  { key: 'toSheet', measure: 'timeline → task sheet', get: (r) => [r.app.toSheet.ms, r.app.toSheet.longest, null, r.limit.toSheet] },
  { key: 'import', measure: 'import → preview (baseline: file.text() + JSON.parse)', get: (r) => [r.imp.app.importPreview.ms, r.imp.app.importPreview.longest, r.imp.baseline.importPreview.inPage?.importTextParse, r.limit.import] },
  { key: 'apply', measure: 'apply import', get: (r) => [r.imp.app.apply?.ms, r.imp.app.apply?.longest, r.imp.baseline.apply?.ms, r.limit.apply] },
];

function summarize(runs) {
  return ROWS.map(({ key, measure, get }) => {
    const per = runs.map(get);
    const row = {
      key,
      measure,
      app: median(per.map((x) => x[0])),
      longest: median(per.map((x) => x[1])),
      longestMax: max(per.map((x) => x[1])),
      base: median(per.map((x) => x[2])),
      limit: median(per.map((x) => x[3])),
      budget: BUDGETS[key] != null ? { ratio: BUDGETS[key] } : key === 'apply' ? null : { ...ABSOLUTE },
    };
    if (row.app == null) throw new Error(`no figure for ${key}`);
    row.ratio = row.base ? row.app / row.base : null;
    if (!row.budget) row.verdict = '—';
    else if (row.budget.ratio != null) {
      if (row.ratio == null) throw new Error(`${key} has a ratio budget but no baseline figure`);
      row.verdict = row.ratio <= row.budget.ratio ? 'ok' : 'OVER';
    } else row.verdict = row.app <= row.budget.ms && row.longestMax <= row.budget.longTask ? 'ok' : 'OVER';
    return row;
  });
}

async function main() {
  console.log(`bench: ${TASKS} tasks; typing "${TYPED.text}" (tasks shown: ${TYPED.keys.map((k) => k.shown).join(', ')}); ` +
    `unit "${UNIT.name}" (${UNIT.shown} tasks); light ${LIGHT}; ${RUNS} run${RUNS === 1 ? '' : 's'}`);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: env.BENCH_HEADED !== '1',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const version = browser.version();
  const runs = [];
  try {
    for (let i = 0; i < RUNS; i++) runs.push(await run(browser, i));
  } finally {
    await browser.close();
  }

  const rows = summarize(runs);
  const m = (f) => median(runs.map(f));
  const r0 = runs[0];
  const writes = (s) => s.writes.map((w) => (w.op === 'remove' ? `removeItem ${w.key}` : `setItem ${w.key} (${w.chars.toLocaleString('en')} chars, ${n(w.ms)} ms)`)).join(', ');
  const extra = {
    typed: TYPED.text,
    typed_shown: TYPED.keys.map((k) => k.shown),
    typed_ms: TYPED.keys.map((_, i) => m((r) => r.app.typing[i].ms)),
    light: LIGHT,
    light_shown: r0.app.light.shown,
    light_rows_first_frame: m((r) => r.app.light.rows),
    light_all_rows_ms: m((r) => r.app.light.allMs),
    unit: UNIT,
    unit_rows_first_frame: m((r) => r.app.unit.rows),
    unit_all_rows_ms: m((r) => r.app.unit.allMs),
    save_edit_writes: r0.app.saveEdit.writes,
    save_move_writes: r0.app.saveMove.writes,
    save_edit_measure_ms: m((r) => r.app.saveEdit.measure),
    save_move_measure_ms: m((r) => r.app.saveMove.measure),
    save_move_encode_ms: m((r) => r.app.saveMove.encode),
    save_move_write_ms: m((r) => r.app.saveMove.write),
    timeline_task_rows: r0.app.toTimeline.taskRows,
    zoom_span: r0.app.zoom.span,
    zoom_bars: r0.app.zoom.bars,
    sheet_task: r0.app.toSheet.task,
    cold_rows_first_frame: m((r) => r.app.cold.rows),
    import_longest_frame_gap_ms: m((r) => r.imp.app.importPreview.maxGap),
    apply_longest_frame_gap_ms: m((r) => r.imp.app.apply?.maxGap),
    baseline_json_parse_ms: m((r) => r.imp.baseline.importPreview.inPage?.importParse),
    baseline_file_text_ms: m((r) => r.imp.baseline.importPreview.inPage?.importText),
    baseline_import_to_frame_ms: m((r) => r.imp.baseline.importPreview.ms),
    app_import_read_ms: m((r) => r.imp.app.steps['gongjian:import-read']),
    app_import_check_ms: m((r) => r.imp.app.steps['gongjian:import-check']),
    app_import_digest_ms: m((r) => r.imp.app.steps['gongjian:import-digest']),
    app_import_body_ms: m((r) => r.imp.app.steps['gongjian:import-body']),
    app_import_compare_ms: m((r) => r.imp.app.steps['gongjian:import-compare']),
    apply_writes: r0.imp.app.apply?.writes ?? [],
    import_replaces: runs.every((r) => r.imp.app.importPreview.replaces),
    import_nothing_new: runs.some((r) => r.imp.app.importPreview.nothingNew),
  };
  const date = new Date().toISOString();
  const files = {
    stored: { path: storedPath, keys: Object.keys(seedMap), chars: seedChars, form: seedMap[PLAN_KEY]?.startsWith('gongjian-lz4:') ? 'compact (lz4)' : 'plain JSON', tasks: TASKS },
    exchange: { path: exchangePath, bytes: exchangeBytes, tasks: exchangeTasks },
  };

  const lt = (x) => (x == null ? '—' : x < 50 ? '< 50' : String(Math.round(x)));
  const budgetText = (b) => (!b ? '—' : b.ratio != null ? `≤ ${b.ratio}×` : `≤ ${b.ms} ms, no task > ${b.longTask} ms`);
  const lines = [
    `# Gongjian benchmark`,
    '',
    `${date} · Chromium ${version} · median of ${RUNS} run${RUNS === 1 ? '' : 's'} · app ${APP} · baseline ${BASE}`,
    '',
    '| measure | app median ms | app longest task ms (median / max) | baseline (or limit) ms | limit ms | ratio | budget | verdict |',
    '|---|---:|---:|---:|---:|---:|---|---|',
    ...rows.map((r) => `| ${r.measure} | ${n(r.app)} | ${lt(r.longest)} / ${lt(r.longestMax)} | ${r.base != null ? n(r.base) : `*${n(r.limit)}* (limit)`} | ${n(r.limit)} | ` +
      `${r.ratio != null ? r.ratio.toFixed(2) + '×' : r.limit ? `*${(r.app / r.limit).toFixed(1)}× limit*` : '—'} | ${budgetText(r.budget)} | ${r.verdict} |`),
    '',
    `- ratio: app ÷ baseline in the same run (in italics, where there is no baseline: app ÷ limit, not budgeted); longest task: PerformanceObserver 'longtask' entries overlapping the row's window (Chromium reports tasks of 50 ms and more), the median of each run's longest and the longest of all runs`,
    `- typing "${extra.typed}", one character at a time: tasks shown ${extra.typed_shown.join(', ')}; each keystroke's median ms ${extra.typed_ms.map(n).join(', ')}`,
    `- filter by light ${LIGHT}: ${extra.light_shown} tasks shown, ${n(extra.light_rows_first_frame)} rows in the frame timed, all rows in after ${n(extra.light_all_rows_ms)} ms; ` +
      `by unit "${UNIT.name}": ${UNIT.shown} tasks shown, ${n(extra.unit_rows_first_frame)} rows in the frame timed, all rows in after ${n(extra.unit_all_rows_ms)} ms (the longest task is taken up to all rows)`,
    `- save an Edit dialog wrote: ${writes(r0.app.saveEdit)}; the app's \`gongjian:save\` measure ${n(extra.save_edit_measure_ms)} ms`,
    `- save after "Move up Task 1.2" wrote: ${writes(r0.app.saveMove)}; \`gongjian:save\` ${n(extra.save_move_measure_ms)} ms (serializing and packing ${n(extra.save_move_encode_ms)}, writing ${n(extra.save_move_write_ms)})`,
    `- cold start: ${n(extra.cold_rows_first_frame)} task rows in the frame timed; timeline: ${extra.timeline_task_rows} task rows; zoom ${extra.zoom_span} (${extra.zoom_bars} styled elements); sheet of task ${extra.sheet_task}`,
    `- import: longest gap between animation frames ${n(extra.import_longest_frame_gap_ms)} ms (apply: ${n(extra.apply_longest_frame_gap_ms)} ms); ` +
      `baseline JSON.parse alone ${n(extra.baseline_json_parse_ms)} ms, file.text() ${n(extra.baseline_file_text_ms)} ms, change → first frame with its preview ${n(extra.baseline_import_to_frame_ms)} ms; ` +
      `the preview said ${extra.import_replaces ? '"replaces"' : 'no "replaces"'}${extra.import_nothing_new ? ' and "nothing new"' : ''}; ` +
      `the app's steps: reading the bytes ${n(extra.app_import_read_ms)} ms, the header ${n(extra.app_import_check_ms)} ms, the checksum (WebCrypto) ${n(extra.app_import_digest_ms)} ms, the body's types ${n(extra.app_import_body_ms)} ms, comparing it with the table ${n(extra.app_import_compare_ms)} ms; ` +
      `apply wrote ${extra.apply_writes.map((w) => w.op === 'remove' ? `removeItem ${w.key}` : `${w.key} (${w.chars.toLocaleString('en')} chars)`).join(', ') || 'nothing'} before "Undo import" showed`,
    `- stored plan seeded: ${files.stored.path} (${files.stored.keys.join(', ')}; ${files.stored.form}, ${files.stored.chars.toLocaleString('en')} characters, ${TASKS} tasks)`,
    `- exchange file imported: ${files.exchange.path} (${files.exchange.bytes.toLocaleString('en')} bytes, ${exchangeTasks} tasks)`,
    '',
  ];
  const md = lines.join('\n');
  console.log('\n' + md);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'results.md'), md);
  writeFileSync(join(OUT, 'results.json'), JSON.stringify({ date, chromium: version, runs: RUNS, app_url: APP, baseline_url: BASE, budgets: { ratio: BUDGETS, absolute: ABSOLUTE }, files, rows, extra, raw: runs }, null, 2) + '\n');
  console.log(`written: ${join(OUT, 'results.md')}, ${join(OUT, 'results.json')}`);
  const over = rows.filter((r) => r.verdict === 'OVER');
  if (STRICT && over.length) {
    console.error(`bench: over budget: ${over.map((r) => r.key).join(', ')}`);
    process.exit(1);
  }
}

function n(x) {
  return x == null ? '—' : x < 10 ? x.toFixed(1) : String(Math.round(x));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

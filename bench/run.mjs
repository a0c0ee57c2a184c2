#!/usr/bin/env node
// `make bench`: the app against a plain-JavaScript baseline, in headless
// Chromium, on the large plan. Every row is the median of BENCH_RUNS runs,
// each in fresh browser contexts; every time is taken inside the page.
//
// Environment (defaults are what `make bench` serves and writes):
//   APP_URL        the app (dist/)                     http://127.0.0.1:8191
//   BASELINE_URL   bench/baseline/ (another origin)     http://127.0.0.1:8192
//   BENCH_DATA     where large_plan wrote its files     target/bench
//   BENCH_STORED   the localStorage value to seed       BENCH_DATA/large-plan.stored.txt
//   BENCH_EXCHANGE the exchange file to import          BENCH_DATA/large.plan.json
//   BENCH_RUNS     runs per measure                     5
//   BENCH_OUT      results.md and results.json go here  target/bench
//   BENCH_STRICT   1: exit 1 when a budget is over
//   BENCH_HEADED   1: show the browser (debugging)

import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(ROOT, 'tests/e2e/package.json'));
const { chromium } = require('playwright-core');
const { gongjianUnpack } = require(join(ROOT, 'bench/baseline/lz4.js'));

const env = process.env;
const APP = (env.APP_URL || 'http://127.0.0.1:8191').replace(/\/$/, '');
const BASE = (env.BASELINE_URL || 'http://127.0.0.1:8192').replace(/\/$/, '');
const DATA = resolve(ROOT, env.BENCH_DATA || 'target/bench');
const RUNS = Math.max(1, Number(env.BENCH_RUNS || 5));
const OUT = resolve(ROOT, env.BENCH_OUT || 'target/bench');
const STRICT = env.BENCH_STRICT === '1';
const QUOTA_CHARS = 5_242_880; // Chromium's localStorage, per origin, in UTF-16 code units

const storedPath = resolve(ROOT, env.BENCH_STORED || join(DATA, 'large-plan.stored.txt'));
const exchangePath = resolve(ROOT, env.BENCH_EXCHANGE || join(DATA, 'large.plan.json'));
for (const p of [storedPath, exchangePath]) {
  if (!existsSync(p)) fail(`${p} is missing: run \`cargo run --release --example large_plan -- --out ${DATA}\` (or set BENCH_STORED / BENCH_EXCHANGE)`);
}
const stored = readFileSync(storedPath, 'utf8');
if (!stored.startsWith('gongjian-lz4:') && stored.length > QUOTA_CHARS) {
  fail(`${storedPath} is ${stored.length.toLocaleString('en')} characters of plain JSON, more than localStorage holds (${QUOTA_CHARS.toLocaleString('en')}).\n` +
    `Seed a plan that fits: BENCH_STORED=target/e2e-large-plan.json (written by \`cargo test -q --lib write_large_fixture -- --ignored\`), or a compact .stored.txt.`);
}
const storedPlan = JSON.parse(gongjianUnpack(stored)).plan;
const TASKS = storedPlan.tasks.filter((t) => !t.meta?.deleted).length;
const exchangeBytes = statSync(exchangePath).size;
const exchangeTasks = (() => {
  const f = JSON.parse(readFileSync(exchangePath, 'utf8'));
  return (f.body?.plan ?? f.plan).tasks.filter((t) => !t.meta?.deleted).length;
})();

function fail(why) {
  console.error(`bench: ${why}`);
  process.exit(2);
}

// ---- in-page code -------------------------------------------------------------

// Installed in every page before its own scripts: a helper that runs an
// action at the start of an animation frame and resolves after the first
// frame in which `done()` holds has been rendered (rAF, then a message posted
// from it: the message runs after that frame's style, layout and paint). It
// also reports the longest gap between animation frames meanwhile.
function installHelpers() {
  const afterFrame = (f) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = f;
    ch.port2.postMessage(0);
  };
  const until = (done, t0, timeout, resolve, reject) => {
    let last = t0, maxGap = 0;
    const tick = () => {
      const now = performance.now();
      maxGap = Math.max(maxGap, now - last);
      last = now;
      let ok = false;
      try { ok = done(); } catch (e) { reject(e); return; }
      if (ok) afterFrame(() => resolve({ ms: performance.now() - t0, end: performance.now(), maxGap }));
      else if (now - t0 > timeout) reject(new Error(`timed out after ${timeout} ms`));
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
  const statusText = () => {
    for (const s of document.querySelectorAll('[role=status]')) if (s.textContent.includes('Tasks shown')) return s.textContent;
    return '';
  };
  window.__bench = {
    statusText,
    afterFrame,
    // Run `action` in a frame, then wait as above.
    measure(action, done, timeout = 120000) {
      return new Promise((resolve, reject) => requestAnimationFrame(() => {
        const t0 = performance.now();
        try { action(); } catch (e) { reject(e); return; }
        until(done, t0, timeout, resolve, reject);
      }));
    },
    // Wait from navigation start (performance.now() is 0 there).
    since(t0, done, timeout = 120000) {
      return new Promise((resolve, reject) => until(done, t0, timeout, resolve, reject));
    },
  };
}

// Cold start: from navigation start to the first rendered frame that shows
// the table's rows. rAF polling, recorded in the page.
function watchColdStart(total) {
  window.__bench.cold = window.__bench.since(0, () =>
    window.__bench.statusText().includes(`${total} / ${total}`) && document.querySelector('td.title') !== null, 180000);
  window.__bench.cold.then((r) => (window.__bench.coldResult = r), (e) => (window.__bench.coldResult = { error: String(e) }));
}

function seed(text) {
  if (!sessionStorage.getItem('bench-seeded')) {
    try {
      localStorage.setItem('gongjian.plan', text);
    } catch (e) {
      window.__seedError = String(e);
    }
    sessionStorage.setItem('bench-seeded', '1');
  }
}

// ---- one run ------------------------------------------------------------------

async function newContext(browser) {
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
  return ctx;
}

async function coldStart(page, origin) {
  await page.goto(`${origin}/table?lang=en`, { waitUntil: 'commit' });
  const r = await page.evaluate(() => window.__bench.cold);
  const seedError = await page.evaluate(() => window.__seedError);
  if (seedError) throw new Error(`seeding localStorage failed on ${origin}: ${seedError}`);
  return r.ms;
}

// Type "99", let it settle, then time the "9" that makes it "999".
async function filterKeystroke(page) {
  await page.evaluate(async () => {
    const box = document.querySelector('input[type=search]');
    const b = window.__bench;
    let stable = 0, last = '';
    await b.measure(() => {
      box.value = '99';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }, () => {
      const s = b.statusText();
      stable = s === last && !/: (\d+) \/ \1\b/.test(s) ? stable + 1 : 0;
      last = s;
      return stable >= 5;
    });
  });
  const r = await page.evaluate(async () => {
    const box = document.querySelector('input[type=search]');
    const b = window.__bench;
    const r = await b.measure(() => {
      box.value += '9';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }, () => b.statusText().includes(': 1 / '));
    return { ms: r.ms, value: box.value, status: b.statusText(), titles: document.querySelectorAll('td.title').length };
  });
  if (env.BENCH_DEBUG) console.log('filter:', JSON.stringify(r));
  if (r.titles !== 1) throw new Error(`after "${r.value}" the table shows ${r.titles} task rows, not 1 (status: ${r.status})`);
  return r.ms;
}

async function clearFilter(page, total) {
  await page.evaluate(async (total) => {
    const box = document.querySelector('input[type=search]');
    await window.__bench.measure(() => {
      box.value = '';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }, () => window.__bench.statusText().includes(`${total} / ${total}`));
  }, total);
}

// The app's save: the newest `gongjian:save` measure after an edit, or (when
// the app records none) the time from the click to the end of the
// localStorage write of `gongjian.plan`.
async function appSave(page) {
  return page.evaluate(async () => {
    const writes = [];
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      const t = performance.now();
      try {
        return setItem.call(this, k, v);
      } finally {
        writes.push({ key: k, start: t, end: performance.now() });
      }
    };
    const before = performance.getEntriesByName('gongjian:save', 'measure').length;
    const button = document.querySelector('button[aria-label="Move up Task 1.2"]');
    if (!button) throw new Error('no "Move up Task 1.2" button');
    const t0 = performance.now();
    button.click();
    const wrote = () => writes.some((w) => w.key === 'gongjian.plan');
    const saved = () => performance.getEntriesByName('gongjian:save', 'measure').length > before;
    const deadline = t0 + 60000;
    while (!wrote() && !saved() && performance.now() < deadline) await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => requestAnimationFrame(() => window.__bench.afterFrame(r)));
    Storage.prototype.setItem = setItem;
    const entries = performance.getEntriesByName('gongjian:save', 'measure');
    const last = (name) => performance.getEntriesByName(name, 'measure').at(-1)?.duration ?? null;
    if (entries.length > before) {
      return { ms: entries[entries.length - 1].duration, how: 'measure', encode: last('gongjian:save-encode'), write: last('gongjian:save-write') };
    }
    const w = writes.find((w) => w.key === 'gongjian.plan');
    if (!w) throw new Error('the edit wrote nothing to gongjian.plan within 60 s');
    return { ms: w.end - t0, how: 'fallback', setItemMs: w.end - w.start };
  });
}

async function baselineSave(page, payload) {
  return page.evaluate((payload) => {
    const t0 = performance.now();
    localStorage.setItem('gongjian.plan', payload);
    return performance.now() - t0;
  }, payload);
}

async function board(page) {
  return page.evaluate(async () => {
    const link = [...document.querySelectorAll('header nav a[href]')].find((a) => new URL(a.href).pathname === '/');
    if (!link) throw new Error('no Board link in the header');
    const r = await window.__bench.measure(() => link.click(), () =>
      document.querySelector('[data-testid=count-red]') !== null &&
      document.querySelector('section[aria-labelledby=units-heading] table tbody tr') !== null);
    return r.ms;
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
    const dt = new DataTransfer();
    dt.items.add(file);
    input.files = dt.files;
    const r = await window.__bench.measure(() => input.dispatchEvent(new Event('change', { bubbles: true })), () => {
      const h = document.getElementById('import-preview-title');
      return h !== null && h.textContent.includes('Import preview');
    });
    const apply = [...document.querySelectorAll('.import-preview button')].find((b) => b.textContent.trim() === 'Apply import');
    return {
      ms: r.ms,
      maxGap: r.maxGap,
      replaces: document.querySelector('.import-preview .replaces') !== null,
      nothingNew: document.querySelector('.import-preview .nothing-new') !== null,
      applyEnabled: !!apply && !apply.disabled,
      inPage: window.__baseline ? { ...window.__baseline } : null,
    };
  });
  if (!preview.applyEnabled) return { preview, apply: null };
  const apply = await page.evaluate(async () => {
    const button = [...document.querySelectorAll('.import-preview button')].find((b) => b.textContent.trim() === 'Apply import');
    const r = await window.__bench.measure(() => button.click(), () =>
      [...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Undo import'), 180000);
    return { ms: r.ms, maxGap: r.maxGap };
  });
  return { preview, apply };
}

async function run(browser, i) {
  const out = {};
  // The app, then the baseline, each seeded with the large plan.
  let payload;
  for (const [side, origin] of [['app', APP], ['baseline', BASE]]) {
    const ctx = await newContext(browser);
    await ctx.addInitScript(seed, stored);
    await ctx.addInitScript(watchColdStart, TASKS);
    const page = await ctx.newPage();
    page.on('pageerror', (e) => console.error(`[${side}] page error: ${e.message}`));
    const r = (out[side] = {});
    r.cold = await coldStart(page, origin);
    r.elements = await page.evaluate(() => ({ all: document.getElementsByTagName('*').length, rows: document.querySelectorAll('tr').length }));
    r.filter = await filterKeystroke(page);
    await clearFilter(page, TASKS);
    if (side === 'app') {
      const s = await appSave(page);
      r.save = s.ms;
      r.saveHow = s.how;
      if (s.setItemMs != null) r.saveSetItem = s.setItemMs;
      r.saveEncode = s.encode;
      r.saveWrite = s.write;
      payload = await page.evaluate(() => localStorage.getItem('gongjian.plan'));
      r.savedChars = payload.length;
    } else {
      r.save = await baselineSave(page, payload);
    }
    r.board = await board(page);
    await ctx.close();
  }
  // Import and apply, from a browser that holds the small example plan (the
  // baseline: no plan), so that the file replaces it.
  for (const [side, origin] of [['app', APP], ['baseline', BASE]]) {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${origin}/table?lang=en`);
    await waitTable(page);
    const { preview, apply } = await importApply(page);
    const r = out[side];
    r.importPreview = preview.ms;
    r.importMaxGap = preview.maxGap;
    r.importReplaces = preview.replaces;
    r.importNothingNew = preview.nothingNew;
    r.apply = apply ? apply.ms : null;
    r.applyMaxGap = apply ? apply.maxGap : null;
    if (preview.inPage) Object.assign(r, preview.inPage);
    if (side === 'app') {
      // The app's own steps (performance measures): reading the file
      // (format, checksum, types) and comparing it with the table.
      const steps = await page.evaluate(() => Object.fromEntries(['gongjian:import-check', 'gongjian:import-compare']
        .map((n) => [n, performance.getEntriesByName(n, 'measure').at(-1)?.duration ?? null])));
      r.importCheck = steps['gongjian:import-check'];
      r.importCompare = steps['gongjian:import-compare'];
    }
    await ctx.close();
  }
  const f = (x) => (x == null ? '—' : Math.round(x));
  console.log(`run ${i + 1}/${RUNS}: app cold ${f(out.app.cold)} filter ${f(out.app.filter)} save ${f(out.app.save)} board ${f(out.app.board)} import ${f(out.app.importPreview)} apply ${f(out.app.apply)} | ` +
    `baseline cold ${f(out.baseline.cold)} filter ${f(out.baseline.filter)} save ${f(out.baseline.save)} board ${f(out.baseline.board)} text+parse ${f(out.baseline.importTextParse)} apply ${f(out.baseline.apply)} (ms)`);
  return out;
}

// ---- report -------------------------------------------------------------------

const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};

async function main() {
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

  const m = (side, key) => median(runs.map((r) => r[side][key]));
  const saveHow = runs.every((r) => r.app.saveHow === 'measure') ? 'measure' : 'fallback';
  const rows = [
    { key: 'cold', measure: 'cold start → table', app: m('app', 'cold'), base: m('baseline', 'cold'), budget: 1.5 },
    { key: 'filter', measure: 'filter keystroke → table', app: m('app', 'filter'), base: m('baseline', 'filter'), budget: 1.5 },
    { key: 'board', measure: 'board render', app: m('app', 'board'), base: m('baseline', 'board'), budget: null },
    { key: 'import', measure: 'import → preview (baseline: file.text() + JSON.parse)', app: m('app', 'importPreview'), base: m('baseline', 'importTextParse'), budget: 2 },
    { key: 'apply', measure: 'apply import', app: m('app', 'apply'), base: m('baseline', 'apply'), budget: null },
    {
      key: 'save',
      measure: saveHow === 'measure' ? 'save (gongjian:save measure; baseline: setItem of the same text)' : 'save (FALLBACK: click → end of setItem; baseline: setItem of the same text)',
      app: m('app', 'save'), base: m('baseline', 'save'), budget: 1.5,
    },
  ];
  for (const r of rows) {
    r.ratio = r.app != null && r.base ? r.app / r.base : null;
    r.verdict = r.budget == null || r.ratio == null ? '—' : r.ratio <= r.budget ? 'ok' : 'OVER';
  }
  const extra = {
    import_longest_frame_gap_ms: m('app', 'importMaxGap'),
    apply_longest_frame_gap_ms: m('app', 'applyMaxGap'),
    baseline_json_parse_ms: m('baseline', 'importParse'),
    baseline_file_text_ms: m('baseline', 'importText'),
    baseline_import_to_frame_ms: m('baseline', 'importPreview'),
    app_save_set_item_ms: m('app', 'saveSetItem'),
    app_saved_chars: runs[0].app.savedChars,
    app_save_encode_ms: m('app', 'saveEncode'),
    app_save_write_ms: m('app', 'saveWrite'),
    app_import_check_ms: m('app', 'importCheck'),
    app_import_compare_ms: m('app', 'importCompare'),
    import_replaces: runs.every((r) => r.app.importReplaces),
    import_nothing_new: runs.some((r) => r.app.importNothingNew),
  };
  const date = new Date().toISOString();
  const files = {
    stored: { path: storedPath, chars: stored.length, form: stored.startsWith('gongjian-lz4:') ? 'compact (lz4)' : 'plain JSON', tasks: TASKS },
    exchange: { path: exchangePath, bytes: exchangeBytes, tasks: exchangeTasks },
  };

  const n = (x) => (x == null ? '—' : x < 10 ? x.toFixed(1) : String(Math.round(x)));
  const lines = [
    `# Gongjian benchmark`,
    '',
    `${date} · Chromium ${version} · median of ${RUNS} run${RUNS === 1 ? '' : 's'} · app ${APP} · baseline ${BASE}`,
    '',
    '| measure | app median ms | baseline median ms | ratio app÷baseline | budget | verdict |',
    '|---|---:|---:|---:|---:|---|',
    ...rows.map((r) => `| ${r.measure} | ${n(r.app)} | ${n(r.base)} | ${r.ratio == null ? '—' : r.ratio.toFixed(2) + '×'} | ${r.budget == null ? '—' : '≤ ' + r.budget + '×'} | ${r.verdict} |`),
    '',
    `- import: longest gap between animation frames ${n(extra.import_longest_frame_gap_ms)} ms (apply: ${n(extra.apply_longest_frame_gap_ms)} ms); ` +
      `baseline JSON.parse alone ${n(extra.baseline_json_parse_ms)} ms, file.text() ${n(extra.baseline_file_text_ms)} ms, change → first frame with its preview ${n(extra.baseline_import_to_frame_ms)} ms; ` +
      `the preview said ${extra.import_replaces ? '"replaces"' : 'no "replaces"'}${extra.import_nothing_new ? ' and "nothing new"' : ''}; ` +
      `the app's steps: reading the file (JSON, checksum, types) ${n(extra.app_import_check_ms)} ms, comparing it with the table ${n(extra.app_import_compare_ms)} ms`,
    saveHow === 'measure'
      ? `- save: the app's \`gongjian:save\` performance measure: serializing and packing ${n(extra.app_save_encode_ms)} ms, writing ${n(extra.app_save_write_ms)} ms; it stored ${extra.app_saved_chars?.toLocaleString('en')} characters`
      : `- save: the app recorded no \`gongjian:save\` measure, so its figure is the FALLBACK: from the click on "Move up Task 1.2" to the end of localStorage.setItem('gongjian.plan') (setItem alone ${n(extra.app_save_set_item_ms)} ms); it stored ${extra.app_saved_chars?.toLocaleString('en')} characters`,
    `- stored plan seeded: ${files.stored.path} (${files.stored.form}, ${files.stored.chars.toLocaleString('en')} characters, ${TASKS} tasks)`,
    `- exchange file imported: ${files.exchange.path} (${files.exchange.bytes.toLocaleString('en')} bytes, ${exchangeTasks} tasks)`,
    '',
  ];
  const md = lines.join('\n');
  console.log('\n' + md);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'results.md'), md);
  writeFileSync(join(OUT, 'results.json'), JSON.stringify({ date, chromium: version, runs: RUNS, app_url: APP, baseline_url: BASE, save_how: saveHow, files, rows, extra, raw: runs }, null, 2) + '\n');
  console.log(`written: ${join(OUT, 'results.md')}, ${join(OUT, 'results.json')}`);
  const over = rows.filter((r) => r.verdict === 'OVER');
  if (STRICT && over.length) {
    console.error(`bench: over budget: ${over.map((r) => r.key).join(', ')}`);
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

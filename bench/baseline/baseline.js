// The benchmark's baseline: what the app does for each measured job, in
// plain JavaScript with DOM calls, no framework and no build step. It uses
// the same selectors and texts the harness waits for in the app, so
// bench/run.mjs measures both pages with the same in-page code.
//
// Lights and progress are computed simply (the DOM work is what matters).
(function () {
  'use strict';
  const KEY = 'gongjian.plan';
  const LIGHTS = ['red', 'yellow', 'green', 'grey', 'done'];
  const LIGHT_NAME = { red: 'Red', yellow: 'Yellow', green: 'Green', grey: 'Not started', done: 'Done' };
  const main = document.getElementById('main');
  const importBox = document.getElementById('import');

  // ---- the plan and what is derived from it ---------------------------------

  let plan = null; // the plan object, as in the stored envelope's "plan"
  let view = null; // { actions: [{ a, number, tasks: [{ t, number, light, reason }] }], total, unitName, personName }

  const live = (xs) => (xs || []).filter((x) => !(x.meta && x.meta.deleted));
  const text = (t) => (t ? (t.en && t.en.trim() ? t.en : t.zh || '') : '');
  const days = (a, b) => Math.round((Date.parse(b) - Date.parse(a)) / 86400000);

  function derive(p) {
    const unitName = new Map(live(p.units).map((u) => [u.id, text(u.name)]));
    const personName = new Map(live(p.people).map((x) => [x.id, text(x.name)]));
    const s = p.settings || {};
    const asOf = s.as_of || new Date().toISOString().slice(0, 10);
    const latest = new Map(); // task id -> newest report
    for (const r of live(p.reports)) {
      if (r.date > asOf) continue;
      const old = latest.get(r.task);
      if (!old || r.date > old.date) latest.set(r.task, r);
    }
    const tasksOf = new Map();
    for (const t of live(p.tasks)) {
      if (!tasksOf.has(t.action)) tasksOf.set(t.action, []);
      tasksOf.get(t.action).push(t);
    }
    const actions = live(p.actions).sort((x, y) => x.order - y.order);
    let total = 0;
    const groups = actions.map((a, i) => {
      const number = i + 1;
      const tasks = (tasksOf.get(a.id) || []).sort((x, y) => x.order - y.order).map((t, j) => {
        total++;
        const r = latest.get(t.id);
        const ms = live(t.milestones);
        const doneMs = ms.filter((m) => m.done_on && m.done_on <= asOf).length;
        const progress = r && r.progress != null ? r.progress : ms.length ? (100 * doneMs) / ms.length : 0;
        let light, why;
        if (ms.length && doneMs === ms.length) [light, why] = ['done', 'all milestones done'];
        else if (t.start && t.start > asOf) [light, why] = ['grey', `starts ${t.start}`];
        else if (t.due && t.due < asOf) [light, why] = ['red', `overdue since ${t.due}`];
        else if (ms.some((m) => !m.done_on && m.due < asOf)) [light, why] = ['red', 'a milestone is overdue'];
        else if (!r || days(r.date, asOf) > (s.report_interval_days || 7)) [light, why] = ['yellow', r ? `no report for ${days(r.date, asOf)} days` : 'never reported'];
        else if (t.due && days(asOf, t.due) <= (s.warning_days || 7)) [light, why] = ['yellow', `due ${t.due}`];
        else [light, why] = ['green', 'on track'];
        // The light filter must show the app's rows: the harness may hand
        // over the tasks the app showed for one light (window.__benchLights),
        // since the lights above are only a sketch of the app's rules.
        const given = window.__benchLights;
        if (given && given.ids.includes(t.id)) light = given.light;
        else if (given && light === given.light) light = given.light === 'grey' ? 'green' : 'grey';
        const reason = `${why} · progress ${Math.round(progress)}% · last report ${r ? r.date : '—'}`;
        return { t, number: `${number}.${j + 1}`, light, reason };
      });
      return { a, number, tasks };
    });
    return { actions: groups, total, unitName, personName };
  }

  function setPlan(p) {
    plan = p;
    view = derive(p);
  }

  // ---- DOM helpers ----------------------------------------------------------

  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    if (attrs) for (const k in attrs) e.setAttribute(k, attrs[k]);
    for (const k of kids) e.append(k);
    return e;
  }

  function badge(light, reason) {
    const td = el('td', { class: 'status' });
    const span = el('span', { class: `light light-${light}`, 'data-light': light });
    span.append(el('span', { class: 'dot', 'aria-hidden': 'true' }), el('span', { class: 'light-name' }, LIGHT_NAME[light]));
    td.append(span, el('span', { class: 'reason' }, reason));
    return td;
  }

  function rowButtons(what, extra) {
    const td = el('td', { class: 'row-buttons' });
    if (extra) td.append(extra);
    td.append(
      el('button', { type: 'button', 'aria-label': `Edit ${what}` }, 'Edit'),
      el('button', { type: 'button', class: 'icon', 'aria-label': `Move up ${what}`, title: `Move up ${what}` }, '↑'),
      el('button', { type: 'button', class: 'icon', 'aria-label': `Move down ${what}`, title: `Move down ${what}` }, '↓'),
      el('button', { type: 'button', class: 'danger', 'aria-label': `Delete ${what}` }, 'Delete'),
    );
    return td;
  }

  const names = (ids, map) => (ids || []).map((id) => map.get(id) || id).join('、');

  // ---- the table --------------------------------------------------------------

  let tableEl = null, statusEl = null, search = null, lightSel = null, unitSel = null;

  // As the app's filter: a unit matches a task it is responsible for or
  // co-organizes, or whose key action it leads.
  function matchesUnit(t, a, unit) {
    return !unit || (t.responsible || []).includes(unit) || (t.co_organizers || []).includes(unit) || (a.leading_units || []).includes(unit);
  }

  function matches(t, a, needle) {
    if (!needle) return true;
    const has = (x) => x.zh.toLowerCase().includes(needle) || x.en.toLowerCase().includes(needle);
    return has(t.title) || has(a.title) || (t.responsible || []).concat(t.co_organizers || []).some((u) => (view.unitName.get(u) || '').toLowerCase().includes(needle));
  }

  // One <tbody> per key action with a row for it and one per shown task.
  function renderRows() {
    const needle = search.value.trim().toLowerCase();
    const light = lightSel.value, unit = unitSel.value;
    for (const b of tableEl.querySelectorAll('tbody')) b.remove();
    let shown = 0;
    const frag = document.createDocumentFragment();
    for (const g of view.actions) {
      const tasks = g.tasks.filter((x) => matches(x.t, g.a, needle) && matchesUnit(x.t, g.a, unit) && (!light || x.light === light));
      if ((needle || light || unit) && !tasks.length) continue;
      shown += tasks.length;
      const body = el('tbody', { class: 'action-group' });
      const what = `Key action ${g.number}`;
      const head = el('tr', { class: 'action-row' },
        el('td', { class: 'num' }, String(g.number)),
        el('th', { scope: 'row', class: 'title' }, text(g.a.title)),
        el('td', null, names(g.a.leaders, view.personName)),
        el('td', null, names(g.a.leading_units, view.unitName)),
        el('td', { colspan: '3' }),
        badge('green', ''),
        rowButtons(what, el('button', { type: 'button', 'aria-label': `Add task ${what}` }, 'Add task')));
      body.append(head);
      for (const x of tasks) {
        const t = x.t;
        const resp = el('td', null, names(t.responsible, view.unitName));
        if (t.person) resp.append(el('span', { class: 'person' }, ` · ${view.personName.get(t.person) || ''}`));
        body.append(el('tr', { class: 'task-row' },
          el('td', { class: 'num' }, x.number),
          el('td', { class: 'title' }, el('a', { href: `/task/${t.id}` }, text(t.title))),
          el('td'), el('td'),
          resp,
          el('td', null, names(t.co_organizers, view.unitName)),
          el('td', { class: 'date' }, t.due || ''),
          badge(x.light, x.reason),
          rowButtons(`Task ${x.number}`)));
      }
      frag.append(body);
    }
    tableEl.append(frag);
    statusEl.replaceChildren('Tasks shown: ', el('strong', { 'data-testid': 'shown' }, String(shown)), ` / ${view.total}`);
  }

  // A select of (value, words) with "All" first, set from the URL's `key`,
  // that writes its choice back to the URL and re-renders the rows.
  function select(key, choices) {
    const s = el('select', null, el('option', { value: '' }, 'All'), ...choices.map(([v, words]) => el('option', { value: v }, words)));
    s.value = new URLSearchParams(location.search).get(key) || '';
    s.addEventListener('change', () => {
      const u = new URL(location.href);
      if (s.value) u.searchParams.set(key, s.value); else u.searchParams.delete(key);
      history.replaceState(null, '', u);
      renderRows();
    });
    return s;
  }

  function renderTable() {
    const q = new URLSearchParams(location.search).get('q') || '';
    search = el('input', { type: 'search', 'aria-label': 'Search' });
    search.value = q;
    search.addEventListener('input', () => {
      const u = new URL(location.href);
      if (search.value.trim()) u.searchParams.set('q', search.value); else u.searchParams.delete('q');
      history.replaceState(null, '', u);
      renderRows();
    });
    unitSel = select('unit', [...view.unitName].sort((x, y) => x[1].localeCompare(y[1])));
    lightSel = select('light', LIGHTS.map((l) => [l, LIGHT_NAME[l]]));
    statusEl = el('p', { role: 'status', class: 'count' });
    const cols = ['No.', 'Task', 'Leader', 'Leading unit', 'Responsible', 'Co-organizers', 'Due', 'Light', 'Actions'];
    tableEl = el('table', { class: 'resp-table' }, el('thead', null, el('tr', null, ...cols.map((c) => el('th', { scope: 'col' }, c)))));
    const form = el('form', { class: 'filters', role: 'search', 'aria-label': 'Filters' },
      el('label', null, 'Unit (leading, responsible or co-organizing) ', unitSel),
      el('label', null, 'Status light ', lightSel),
      el('label', null, 'Search ', search));
    form.addEventListener('submit', (e) => e.preventDefault());
    main.replaceChildren(el('section', { class: 'table-page' }, form, el('div', { class: 'toolbar' }, statusEl), el('div', { class: 'table-wrap' }, tableEl)));
    renderRows();
  }

  // ---- the board ------------------------------------------------------------

  function renderBoard() {
    const counts = Object.fromEntries(LIGHTS.map((l) => [l, 0]));
    const byUnit = new Map(); // unit id -> counts per light and total
    for (const g of view.actions) {
      for (const x of g.tasks) {
        counts[x.light]++;
        for (const u of x.t.responsible || []) {
          if (!byUnit.has(u)) byUnit.set(u, Object.fromEntries(LIGHTS.concat('total').map((l) => [l, 0])));
          const c = byUnit.get(u);
          c[x.light]++;
          c.total++;
        }
      }
    }
    const list = el('ul', { class: 'light-counts' }, ...LIGHTS.map((l) =>
      el('li', null, el('span', { class: `light light-${l}` }, LIGHT_NAME[l]), ' ', el('a', { href: `/table?light=${l}` }, el('span', { 'data-testid': `count-${l}` }, String(counts[l]))))));
    const body = el('tbody');
    for (const [u, c] of [...byUnit].sort((x, y) => y[1].total - x[1].total)) {
      body.append(el('tr', null, el('th', { scope: 'row' }, view.unitName.get(u) || u), ...['total'].concat(LIGHTS).map((l) => el('td', null, String(c[l])))));
    }
    const head = el('thead', null, el('tr', null, ...['Unit', 'Tasks'].concat(LIGHTS.map((l) => LIGHT_NAME[l])).map((c) => el('th', { scope: 'col' }, c))));
    main.replaceChildren(el('section', { class: 'board' },
      el('h2', null, 'Board'),
      list,
      el('section', { class: 'board-section', 'aria-labelledby': 'units-heading' }, el('h3', { id: 'units-heading' }, 'Units'), el('table', { class: 'sheet-table' }, head, body))));
  }

  // ---- routing ----------------------------------------------------------------

  function route() {
    if (!view) setPlan({ units: [], people: [], actions: [], tasks: [], reports: [], settings: {} });
    if (location.pathname === '/') renderBoard(); else renderTable();
  }

  document.querySelector('header nav').addEventListener('click', (e) => {
    const a = e.target.closest('a[data-route]');
    if (!a) return;
    e.preventDefault();
    history.pushState(null, '', a.getAttribute('href'));
    route();
  });
  addEventListener('popstate', route);

  // ---- import: read, parse, preview; apply replaces the plan ------------------

  const timings = (window.__baseline = {});
  let pending = null;

  document.querySelector('label.import-control input[type=file]').addEventListener('change', async (e) => {
    const input = e.target;
    const file = input.files && input.files[0];
    if (!file) return;
    const t0 = performance.now();
    const raw = await file.text();
    const t1 = performance.now();
    const parsed = JSON.parse(raw);
    const t2 = performance.now();
    Object.assign(timings, { importText: t1 - t0, importParse: t2 - t1, importTextParse: t2 - t0 });
    input.value = '';
    pending = { name: file.name, plan: parsed.body ? parsed.body.plan : parsed.plan };
    const p = pending.plan;
    const apply = el('button', { type: 'button', class: 'primary' }, 'Apply import');
    apply.addEventListener('click', applyImport);
    importBox.replaceChildren(el('section', { class: 'import-preview', 'aria-labelledby': 'import-preview-title' },
      el('h2', { id: 'import-preview-title' }, 'Import preview ', el('code', null, file.name)),
      el('p', { class: 'replaces' }, 'The file replaces the table.'),
      el('p', null, `${live(p.actions).length} key actions, ${live(p.tasks).length} tasks, ${live(p.reports).length} reports`),
      el('div', { class: 'form-buttons' }, apply)));
  });

  function applyImport() {
    const previous = plan;
    setPlan(pending.plan);
    pending = null;
    route();
    const undo = el('button', { type: 'button' }, 'Undo import');
    undo.addEventListener('click', () => { setPlan(previous); importBox.replaceChildren(); route(); });
    importBox.replaceChildren(el('section', { class: 'banner import-done', role: 'status' }, el('p', null, 'Imported.'), undo));
  }

  // ---- start: read the stored plan (one value or parts) ------------------------

  const stored = window.gongjianRead((k) => localStorage.getItem(k), KEY);
  if (stored) setPlan(stored.plan);
  route();
})();

// The benchmark's limits: the smallest work this browser must do for a row
// at all, done alone with plain DOM calls (bench/run.mjs times each from
// the start of a frame to the end of the first frame that shows it). They
// build generic elements of the same count as the app showed, so they say
// what the browser needs, not what a better app could skip.
(function () {
  'use strict';
  const main = () => document.getElementById('main');

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  // `n` table rows of nine cells, shaped like a task row (a link in the
  // title, a light badge with its reason, four buttons).
  function rows(n) {
    const table = el('table', 'resp-table');
    const body = el('tbody');
    for (let i = 0; i < n; i++) {
      const tr = el('tr', 'task-row');
      tr.append(el('td', 'num', `${(i / 10) | 0}.${i % 10}`));
      const title = el('td', 'title');
      const a = el('a', null, `任务 ${i} 推进完成启动建设`);
      a.href = `#t${i}`;
      title.append(a);
      tr.append(title, el('td', null, 'leader'), el('td', null, 'unit'), el('td', null, '单位1、单位2'), el('td', null, '单位3'), el('td', 'date', '2024-06-30'));
      const status = el('td', 'status');
      const badge = el('span', 'light light-red');
      badge.append(el('span', 'dot'), el('span', 'light-name', 'Red'));
      status.append(badge, el('span', 'reason', 'overdue since 2024-05-31'));
      const buttons = el('td', 'row-buttons');
      for (const w of ['Edit', '↑', '↓', 'Delete']) buttons.append(el('button', null, w));
      tr.append(status, buttons);
      body.append(tr);
    }
    table.append(body);
    main().replaceChildren(table);
  }

  // `n` elements, ten to a line, each with a few characters of text.
  function elements(n) {
    const box = el('div');
    let line = null;
    for (let i = 0; i < n; i++) {
      if (i % 10 === 0) box.append((line = el('div')));
      line.append(el('span', null, `e${i} `));
    }
    main().replaceChildren(box);
  }

  // `n` positioned bars, as a chart's; `restyle` moves every one.
  let bars = [];
  function prepareBars(n) {
    const box = el('div');
    box.style.position = 'relative';
    bars = [];
    for (let i = 0; i < n; i++) {
      const b = el('span');
      b.style.cssText = `position:absolute;top:${i * 4}px;left:${i % 100}%;width:1%;height:3px;background:#2e8b57`;
      box.append(b);
      bars.push(b);
    }
    main().replaceChildren(box);
  }
  function restyle() {
    for (let i = 0; i < bars.length; i++) {
      bars[i].style.left = `${(i * 7) % 100}%`;
      bars[i].style.width = `${1 + (i % 5)}%`;
    }
  }

  // What the stored plan costs to read at all: getItem, unpack, JSON.parse
  // (of the index and each part, when it is stored in parts).
  function readStored(key) {
    return window.gongjianRead((k) => localStorage.getItem(k), key);
  }

  // Storage exactly as it was (untimed), then the writes (timed by the caller).
  function restore(state) {
    localStorage.clear();
    for (const [k, v] of Object.entries(state)) localStorage.setItem(k, v);
  }
  function replay(writes) {
    for (const w of writes) {
      if (w.op === 'remove') localStorage.removeItem(w.key);
      else localStorage.setItem(w.key, w.value);
    }
  }

  window.__limits = { rows, elements, prepareBars, restyle, readStored, restore, replay };
})();

#!/usr/bin/env node
// Unit test of bench/baseline/lz4.js, the baseline's decoder of the app's
// compact stored form. `node bench/lz4.test.mjs [DIR]`:
// 1. a fixed vector packed by lz4_flex 0.14 (literals, a run, an
//    overlapping match, multi-byte UTF-8, a long literal tail);
// 2. when DIR (default target/bench) holds large-plan.stored.txt from the
//    app's Rust side (examples/large_plan.rs), that file decodes to the
//    store envelope, and large-plan.stored.json (the same plan in parts: an
//    index and its parts) reads back (gongjianRead) as the same plan.
import { deepStrictEqual } from 'node:assert';
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { gongjianRead, gongjianUnpack } = createRequire(import.meta.url)('./baseline/lz4.js');
let failed = 0;
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failed++;
};

// 1. The fixed vector.
const want = 'a'.repeat(40) + 'abc'.repeat(10) + '{"title":"罗湖区2022年攻坚任务"}'.repeat(3) + 'x'.repeat(300) + 'end';
const packed = 'gongjian-lz4:7:73:纀䠀௬᠐ࢩ䖉丆ࠈ螌曈嚍὆欩შ䷏䖗筜涹㦗⬣঑厖筩溔旲潦撗䎾㑕ಉ艐࠽ូࡀ⟢渇䯃榕擈';
check(gongjianUnpack(packed) === want, 'fixed vector (lz4_flex 0.14)');
check(gongjianUnpack('{"plain":true}') === '{"plain":true}', 'plain JSON passes through');
let threw = false;
try { gongjianUnpack(packed.slice(0, -3)); } catch { threw = true; }
check(threw, 'a cut-short value is an error, not garbage');

// 2. The app's own file, when it exists.
const dir = resolve(ROOT, process.argv[2] || 'target/bench');
const txt = join(dir, 'large-plan.stored.txt');
if (existsSync(txt)) {
  const raw = readFileSync(txt, 'utf8');
  const t = performance.now();
  const json = gongjianUnpack(raw);
  const ms = performance.now() - t;
  const env = JSON.parse(json);
  check(raw.startsWith('gongjian-lz4:'), `${txt} is in the compact form`);
  check(env.format === 'gongjian-store' && Array.isArray(env.plan?.tasks) && env.plan.tasks.length > 0,
    `it decodes (${raw.length} chars → ${json.length} chars in ${ms.toFixed(0)} ms) to a store envelope with ${env.plan?.tasks?.length} tasks`);
  const parted = join(dir, 'large-plan.stored.json');
  if (existsSync(parted)) {
    const keys = JSON.parse(readFileSync(parted, 'utf8'));
    const t = performance.now();
    const read = gongjianRead((k) => keys[k], 'gongjian.plan');
    const ms = performance.now() - t;
    // Lists the one-value form leaves out when empty are there, empty.
    for (const l of ['rulings', 'instructions', 'trail']) if (read.plan[l]?.length === 0 && env.plan[l] === undefined) delete read.plan[l];
    let same = true;
    try { deepStrictEqual(read.plan, env.plan); } catch { same = false; }
    check(same, `${parted} (${Object.keys(keys).length} keys) reads back in ${ms.toFixed(0)} ms as the same plan`);
  }
} else {
  console.log(`skip ${txt} does not exist (yet)`);
}
process.exit(failed ? 1 : 0);

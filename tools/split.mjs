// Trunk post-build hook: splits the app's wasm so that the pages marked as
// split points in src/app/shell.rs (`#[wasm_split]`) are fetched on their
// first visit instead of at start-up. Runs in trunk's staging directory
// (TRUNK_STAGING_DIR), before tools/precache.mjs lists the files for the
// service worker (Trunk.toml runs the two in this order).
//
// Trunk has already built the app with cargo and run wasm-bindgen on it. This
// script starts again from cargo's output, which carries its relocations
// (`-C link-arg=--emit-relocs`, .cargo/config.toml), and
//   1. wasm-split-cli: the main module, one wasm per split point and per
//      piece of code several split points share, and the loader
//      `__wasm_split.js` (which imports `initSync` from the main module's JS);
//   2. wasm-bindgen --target web --keep-lld-exports on the main module (the
//      chunks use the exports lld made);
//   3. wasm-opt -Oz (binaryen 132) on every wasm, in a release build;
//   4. replaces trunk's `<stem>.js` and `<stem>_bg.wasm` in the staging
//      directory (same names, so index.html's loader is unchanged), adds the
//      loader and the chunks under names that carry the same hash
//      (`<stem>.split.js`, `<stem>.<chunk>.wasm`), and rewrites index.html's
//      `integrity` for the two replaced files.
// Every URL is relative to the module that uses it, so a sub-path build
// (`--public-url /gongjian/`) works unchanged.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const APP = 'gongjian';
const WASM_OPT_VERSION = 'version 132';
const WASM_OPT_ARGS = ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int'];

const staging = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR || process.cwd();
const release = process.env.TRUNK_PROFILE === 'release';
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this as a trunk post_build hook');

function fail(msg) {
  console.error(`split: ${msg}`);
  process.exit(1);
}

function run(cmd, args) {
  try {
    execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  } catch (e) {
    fail(`${cmd} ${args.join(' ')} failed${e.code === 'ENOENT' ? ': not installed (make tools installs it)' : ''}`);
  }
}

// Up to `n` commands at a time.
async function runAll(jobs, n) {
  const queue = [...jobs];
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const [cmd, args] = job;
      await new Promise((resolve, reject) => {
        const p = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'pipe'] });
        let err = '';
        p.stderr.on('data', (d) => (err += d));
        p.on('error', reject);
        p.on('close', (code) => {
          // wasm-opt does not know the name subsection wasm-split-cli writes
          // (local names): one harmless warning per chunk.
          const rest = err
            .split('\n')
            .filter((l) => l && !/^warning: unknown name subsection/.test(l))
            .join('\n');
          if (rest) console.error(rest);
          if (code === 0) resolve();
          else reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}`));
        });
      });
    }
  };
  await Promise.all(Array.from({ length: n }, worker));
}

// The wasm cargo built: `<target dir>/wasm32-unknown-unknown/<profile>/gongjian.wasm`.
function cargoWasm() {
  let targetDir = process.env.CARGO_TARGET_DIR;
  if (!targetDir) {
    const meta = execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps', '--offline'], {
      cwd: source,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    targetDir = JSON.parse(meta).target_directory;
  }
  const path = join(targetDir, 'wasm32-unknown-unknown', release ? 'release' : 'debug', `${APP}.wasm`);
  if (!existsSync(path)) fail(`cargo's output ${path} is missing`);
  return path;
}

// A wasm file's sections after its 8-byte header: the id, where the section
// starts and ends in `bytes`, and a custom section's (id 0) name.
function sections(bytes) {
  const out = [];
  let p = 8;
  const uleb = () => {
    let r = 0;
    let shift = 0;
    let b;
    do {
      b = bytes[p++];
      r += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    return r;
  };
  while (p < bytes.length) {
    const start = p;
    const id = bytes[p++];
    const len = uleb();
    const end = p + len;
    let name = null;
    if (id === 0) {
      const n = uleb();
      name = bytes.subarray(p, p + n).toString('utf8');
    }
    out.push({ id, start, end, name });
    p = end;
  }
  return out;
}

// The names of a wasm file's custom sections.
function customSections(bytes) {
  return sections(bytes).filter((s) => s.id === 0).map((s) => s.name);
}

// The wasm without the custom sections `linking` and `reloc.*`, which
// --emit-relocs adds to every wasm32 binary of the workspace: the XLSX worker
// has no use for them, and wasm-opt keeps them.
function withoutRelocs(bytes) {
  const kept = sections(bytes).filter((s) => !(s.id === 0 && (s.name === 'linking' || s.name.startsWith('reloc.'))));
  return Buffer.concat([bytes.subarray(0, 8), ...kept.map((s) => bytes.subarray(s.start, s.end))]);
}

// ---- the small chunks, packed ---------------------------------------------
//
// wasm-split-cli writes a chunk for every set of pages that share some code:
// hundreds, most under 2 KB, and a page needs up to two hundred of them. As
// files, a first visit to a page waits for that many requests (six at a time
// over HTTP/1.1, each a round trip), and the service worker keeps as many
// files. The shared chunks under PACK_BELOW bytes are therefore packed, one
// after another, into one file (`<stem>.chunks.<hash of its bytes>.bin`), fetched once, the first
// time any of them is needed; each is instantiated from its bytes in it.
// The pages' own chunks (`split_<name>.wasm`) and the large shared ones stay
// files of their own. The loader's fetch of each packed chunk is rewritten to
// read its slice of the pack.
const PACK_BELOW = 8 * 1024;

function packSmallChunks(loaderJs, dir, names) {
  const packed = names.filter((f) => /\.chunk_\d+\.wasm$/.test(f) && statSync(join(dir, f)).size < PACK_BELOW).sort();
  if (packed.length === 0) return loaderJs;
  const at = new Map();
  const parts = [];
  let offset = 0;
  for (const f of packed) {
    const bytes = readFileSync(join(dir, f));
    at.set(f, [offset, bytes.length]);
    parts.push(bytes);
    offset += bytes.length;
  }
  const pack = Buffer.concat(parts);
  const packName = `${stem}.chunks.${createHash('sha256').update(pack).digest('hex').slice(0, 16)}.bin`;
  writeFileSync(join(dir, packName), pack);
  for (const f of packed) rmSync(join(dir, f));

  const fetchRe =
    /const src = fetch\(new URL\("\.\/([^"]+)", import\.meta\.url\)\);(\s*)src\.catch\(\(\) => \{\}\);(\s*)return async \(imports\) => \(WebAssembly\.instantiateStreaming\(src, imports\)\);/g;
  let rewritten = 0;
  const js = loaderJs.replace(fetchRe, (whole, file, gap1, gap2) => {
    const slice = at.get(file);
    if (!slice) return whole;
    rewritten += 1;
    return (
      `const src = __packed(${slice[0]}, ${slice[1]});${gap1}src.catch(() => {});${gap2}` +
      `return async (imports) => (WebAssembly.instantiate(await src, imports));`
    );
  });
  if (rewritten !== packed.length) fail(`the loader fetches ${rewritten} of the ${packed.length} packed chunks the way split.mjs expects`);
  const helper = `
// The small shared chunks, packed into one file by tools/split.mjs: fetched
// once, the first time one of them is needed (a failed fetch is tried again
// at the next need), and each instantiated from its slice.
let __pack = undefined;
function __packed(at, len) {
    if (__pack === undefined) {
        const thisPack = fetch(new URL("./${packName}", import.meta.url)).then((r) => {
            if (!r.ok) throw new Error("${packName}: " + r.status);
            return r.arrayBuffer();
        });
        thisPack.catch(() => {
            if (__pack === thisPack) __pack = undefined;
        });
        __pack = thisPack;
    }
    return __pack.then((bytes) => new Uint8Array(bytes, at, len));
}
`;
  // After the loader's imports (the first line imports initSync).
  const firstLineEnd = js.indexOf('\n') + 1;
  console.log(`split: ${packed.length} chunks under ${PACK_BELOW / 1024} KB packed into ${packName} (${(pack.length / 1024).toFixed(1)} KB)`);
  return js.slice(0, firstLineEnd) + helper + js.slice(firstLineEnd);
}

// wasm-opt from binaryen 132 (tests/e2e/node_modules first: Debian's 108
// breaks the wasm).
function wasmOpt() {
  const local = join(source, 'tests/e2e/node_modules/.bin/wasm-opt');
  const cmd = existsSync(local) ? local : 'wasm-opt';
  let version = '';
  try {
    version = execFileSync(cmd, ['--version'], { encoding: 'utf8' });
  } catch {
    fail('wasm-opt is not installed (make tools installs binaryen 132)');
  }
  if (!version.includes(WASM_OPT_VERSION)) fail(`${cmd} is not binaryen 132: ${version.trim()}`);
  return cmd;
}

const sri = (bytes) => 'sha384-' + createHash('sha384').update(bytes).digest('base64');

// ---- trunk's output --------------------------------------------------------

const stemRe = new RegExp(`^(${APP}-[0-9a-f]+)_bg\\.wasm$`);
const stems = readdirSync(staging)
  .map((f) => stemRe.exec(f)?.[1])
  .filter(Boolean);
if (stems.length !== 1) fail(`expected one ${APP}-<hash>_bg.wasm in ${staging}, found ${stems.length}`);
const stem = stems[0];
if (!existsSync(join(staging, `${stem}.js`))) fail(`${stem}.js is missing in ${staging}`);

const input = cargoWasm();
if (!customSections(readFileSync(input)).some((s) => s.startsWith('reloc.'))) {
  fail(`${input} has no relocations: build it with -C link-arg=--emit-relocs (.cargo/config.toml)`);
}

// ---- split, bindgen, optimize ----------------------------------------------

const work = mkdtempSync(join(tmpdir(), 'gongjian-split-'));
try {
  const split = join(work, 'split');
  const bound = join(work, 'bound');
  run('wasm-split-cli', ['--target', 'web', '--out-name', stem, input, split]);
  run('wasm-bindgen', [
    '--target',
    'web',
    '--keep-lld-exports',
    '--no-demangle',
    '--no-typescript',
    '--out-name',
    stem,
    '--out-dir',
    bound,
    join(split, `${stem}.wasm`),
  ]);

  const loader = '__wasm_split.js';
  const chunks = readdirSync(split).filter((f) => f.endsWith('.wasm') && f !== `${stem}.wasm`);
  const chunkName = (f) => `${stem}.${f}`;
  const loaderName = `${stem}.split.js`;

  // The files as they will be served, in the work directory first.
  const out = join(work, 'out');
  mkdirSync(out);
  copyFileSync(join(bound, `${stem}_bg.wasm`), join(out, `${stem}_bg.wasm`));
  for (const c of chunks) copyFileSync(join(split, c), join(out, chunkName(c)));

  if (release) {
    const opt = wasmOpt();
    const files = [`${stem}_bg.wasm`, ...chunks.map(chunkName)].map((f) => join(out, f));
    // Largest first, two at a time (the build machines have two cores).
    files.sort((a, b) => statSync(b).size - statSync(a).size);
    await runAll(
      files.map((f) => [opt, [...WASM_OPT_ARGS, f, '-o', f]]),
      2,
    );
  }

  // The loader, with the chunks' new names. It imports `initSync` from
  // `./<stem>.js` (wasm-split-cli's --out-name), which is trunk's name.
  let loaderJs = readFileSync(join(split, loader), 'utf8');
  for (const c of chunks) {
    const from = `"./${c}"`;
    if (!loaderJs.includes(from)) fail(`${loader} does not load ${c}`);
    loaderJs = loaderJs.replaceAll(from, `"./${chunkName(c)}"`);
  }
  loaderJs = packSmallChunks(loaderJs, out, chunks.map(chunkName));
  writeFileSync(join(out, loaderName), loaderJs);

  // The main module's JS imports the loader (the wasm's import module
  // "./__wasm_split.js" stays the key of the imports object).
  let mainJs = readFileSync(join(bound, `${stem}.js`), 'utf8');
  const importFrom = /(\bfrom\s*)(["'])\.\/__wasm_split\.js\2/g;
  if (!importFrom.test(mainJs)) fail(`${stem}.js does not import ./${loader}`);
  mainJs = mainJs.replace(importFrom, `$1"./${loaderName}"`);
  writeFileSync(join(out, `${stem}.js`), mainJs);

  // ---- into the staging directory ------------------------------------------

  // Other wasm binaries trunk built (the XLSX worker): drop the relocations.
  for (const f of readdirSync(staging).filter((f) => f.endsWith('.wasm') && !f.startsWith(`${stem}`))) {
    const bytes = readFileSync(join(staging, f));
    const stripped = withoutRelocs(bytes);
    if (stripped.length !== bytes.length) writeFileSync(join(staging, f), stripped);
  }

  for (const f of readdirSync(out)) copyFileSync(join(out, f), join(staging, f));

  const htmlPath = join(staging, 'index.html');
  let html = readFileSync(htmlPath, 'utf8');
  const integrity = {
    [`${stem}.js`]: sri(readFileSync(join(staging, `${stem}.js`))),
    [`${stem}_bg.wasm`]: sri(readFileSync(join(staging, `${stem}_bg.wasm`))),
  };
  let preloadHref = null;
  html = html.replace(/<link\b[^>]*>/g, (tag) => {
    const href = /\bhref="([^"]*)"/.exec(tag)?.[1] ?? '';
    const file = href.split('/').pop();
    if (!(file in integrity)) return tag;
    if (file === `${stem}.js`) preloadHref = href;
    return tag.replace(/\bintegrity="[^"]*"/, `integrity="${integrity[file]}"`);
  });
  // The loader is imported by the main module at once: fetch it beside.
  if (preloadHref) {
    const loaderHref = preloadHref.slice(0, preloadHref.length - `${stem}.js`.length) + loaderName;
    const integrityAttr = ` integrity="${sri(Buffer.from(loaderJs))}"`;
    html = html.replace(
      /<link\b[^>]*rel="modulepreload"[^>]*>/,
      (tag) => `${tag}\n<link rel="modulepreload" href="${loaderHref}" crossorigin="anonymous"${integrityAttr}>`,
    );
  }
  writeFileSync(htmlPath, html);

  const kb = (f) => (statSync(join(staging, f)).size / 1024).toFixed(1);
  console.log(
    `split: ${stem}_bg.wasm ${kb(`${stem}_bg.wasm`)} KB and ${chunks.length} chunks loaded on demand` +
      (release ? '' : ' (debug: not optimized)'),
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}

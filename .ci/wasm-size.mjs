// Prints the release wasm sizes (brotli) and fails when the start-up wasm,
// the one every visit loads, is above the budget. The app is split
// (tools/split.mjs): the start-up wasm is the main module
// (`gongjian-<hash>_bg.wasm`); the pages' chunks (`gongjian-<hash>.<name>.wasm`)
// are fetched on a page's first visit and printed beside, with the total;
// the small shared chunks packed into one file (`gongjian-<hash>.chunks.<hash>.bin`)
// count as one.
// The XLSX writer, the spreadsheet reader and the Word writer are web workers
// of their own, loaded only when a spreadsheet is exported or imported or a
// document downloaded; their sizes are
// printed too, and count in no budget.
// Usage: node .ci/wasm-size.mjs <dist dir> <budget KB brotli>
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const [dir = "dist", budgetKb = "300"] = process.argv.slice(2);
const all = readdirSync(dir).filter((f) => f.endsWith(".wasm"));
// Each worker's wasm, and when the app loads it.
const WORKERS = { "gongjian-xlsx": "on export only", "gongjian-sheets": "on import only", "gongjian-docx": "on a Word download only" };
const workerOf = (f) => Object.keys(WORKERS).find((w) => f.startsWith(`${w}-`) || f.startsWith(`${w}_`));
const workers = all.filter((f) => workerOf(f));
const main = all.filter((f) => /^gongjian-[0-9a-f]+_bg\.wasm$/.test(f));
if (main.length !== 1) {
  console.error(`wasm-size: expected one app gongjian-<hash>_bg.wasm in ${dir}, found ${main.length}: ${main.join(", ")}`);
  process.exit(1);
}
const stem = main[0].slice(0, -"_bg.wasm".length);
const packs = readdirSync(dir).filter((f) => f.startsWith(`${stem}.chunks.`) && f.endsWith(".bin"));
const chunks = [...all.filter((f) => f.startsWith(`${stem}.`)), ...packs];
const others = all.filter((f) => !workers.includes(f) && !main.includes(f) && !chunks.includes(f));
if (others.length) {
  console.error(`wasm-size: wasm files of no known kind in ${dir}: ${others.join(", ")}`);
  process.exit(1);
}
const kb = (n) => (n / 1024).toFixed(1);
const size = (f) => {
  const bytes = readFileSync(join(dir, f));
  const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return { raw: bytes.length, br };
};
const app = size(main[0]);
const ok = app.br <= Number(budgetKb) * 1024;
// The chunks, largest first: the pages' own ("split_page_timeline"), and the
// pieces several pages share ("chunk_12").
const sized = chunks
  .map((f) => ({ name: f.slice(stem.length + 1).replace(/\.(wasm|bin)$/, ""), ...size(f) }))
  .sort((a, b) => b.br - a.br);
const sum = (list) => list.reduce((t, c) => t + c.br, 0);
const own = sized.filter((c) => c.name.startsWith("split_"));
const shared = sized.filter((c) => !c.name.startsWith("split_"));
console.log(
  `release wasm: ${kb(app.br)} KB brotli (budget ${budgetKb} KB) ${ok ? "OK" : "OVER BUDGET"}, loaded at start (${main[0]}, ${kb(app.raw)} KB raw); ` +
    `chunks: ${sized.length}, ${kb(sum(sized))} KB brotli, fetched on a page's first visit; app total ${kb(app.br + sum(sized))} KB brotli`,
);
if (own.length) console.log(`  split points (KB brotli): ${own.map((c) => `${c.name.replace(/^split_/, "")} ${kb(c.br)}`).join(", ")}`);
if (shared.length) console.log(`  shared by several: ${shared.length} chunks, ${kb(sum(shared))} KB brotli (largest ${kb(shared[0].br)})`);
for (const p of packs) {
  const s = size(p);
  console.log(`  small shared chunks packed in one file: ${p} ${kb(s.raw)} KB raw, ${kb(s.br)} KB brotli`);
}
for (const w of workers) {
  const s = size(w);
  console.log(`worker wasm (loaded ${WORKERS[workerOf(w)]}): ${w} ${kb(s.raw)} KB raw, ${kb(s.br)} KB brotli`);
}
process.exit(ok ? 0 : 1);

// Prints the release wasm sizes (raw and brotli) and fails when the app's
// wasm, the one every visit loads, is above the budget. The XLSX writer is a
// web worker of its own, loaded only when a spreadsheet is exported; its size
// is printed beside.
// Usage: node .ci/wasm-size.mjs <dist dir> <budget KB brotli>
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const [dir = "dist", budgetKb = "350"] = process.argv.slice(2);
const all = readdirSync(dir).filter((f) => f.endsWith(".wasm"));
const workers = all.filter((f) => f.startsWith("gongjian-xlsx"));
const main = all.filter((f) => !workers.includes(f));
if (main.length !== 1) {
  console.error(`wasm-size: expected one app .wasm in ${dir}, found ${main.length}: ${main.join(", ")}`);
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
console.log(`wasm size: ${main[0]} ${kb(app.raw)} KB raw, ${kb(app.br)} KB brotli (budget ${budgetKb} KB) ${ok ? "OK" : "OVER BUDGET"}`);
for (const w of workers) {
  const s = size(w);
  console.log(`worker wasm (loaded on export only): ${w} ${kb(s.raw)} KB raw, ${kb(s.br)} KB brotli`);
}
process.exit(ok ? 0 : 1);

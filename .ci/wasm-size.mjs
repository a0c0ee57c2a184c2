// Prints the release wasm's size (raw and brotli) and fails above the budget.
// Usage: node .ci/wasm-size.mjs <dist dir> <budget KB brotli>
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const [dir = "dist", budgetKb = "350"] = process.argv.slice(2);
const wasm = readdirSync(dir).filter((f) => f.endsWith(".wasm"));
if (wasm.length !== 1) {
  console.error(`wasm-size: expected one .wasm in ${dir}, found ${wasm.length}`);
  process.exit(1);
}
const bytes = readFileSync(join(dir, wasm[0]));
const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => (n / 1024).toFixed(1);
const ok = br <= Number(budgetKb) * 1024;
console.log(`wasm size: ${wasm[0]} ${kb(bytes.length)} KB raw, ${kb(br)} KB brotli (budget ${budgetKb} KB) ${ok ? "OK" : "OVER BUDGET"}`);
process.exit(ok ? 0 : 1);

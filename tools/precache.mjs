// Trunk post-build hook: writes the service worker (sw.js) with the list of
// every file of this build and a version derived from their contents, and
// 404.html (a copy of index.html) so that a static host serves the app for
// deep links. Runs in trunk's staging directory (TRUNK_STAGING_DIR).
import { createHash } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this as a trunk post_build hook');
const here = dirname(fileURLToPath(import.meta.url));
const generated = new Set(['sw.js', '404.html']);

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const files = walk(staging)
  .map((p) => relative(staging, p).split(sep).join('/'))
  .filter((p) => !generated.has(p))
  .sort();
const hash = createHash('sha256');
for (const f of files) {
  hash.update(f);
  hash.update(readFileSync(join(staging, f)));
}
const version = hash.digest('hex').slice(0, 16);
const assets = files;
const sw = readFileSync(join(here, 'sw.template.js'), 'utf8')
  .replace('__VERSION__', version)
  .replace('__ASSETS__', JSON.stringify(assets));
writeFileSync(join(staging, 'sw.js'), sw);
copyFileSync(join(staging, 'index.html'), join(staging, '404.html'));
console.log(`sw.js: version ${version}, ${assets.length} files; 404.html written`);

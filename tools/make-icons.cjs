// Renders public/icons/icon.svg to the PNG icons the web manifest lists
// (run from the repository root: node tools/make-icons.cjs).
const { chromium } = require(require('path').resolve('tests/e2e/node_modules/playwright-core'));
const fs = require('fs');
(async () => {
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const svg = fs.readFileSync('./public/icons/icon.svg', 'utf8');
  for (const [size, pad, name] of [[192, 0, 'icon-192.png'], [512, 0, 'icon-512.png'], [512, 0.1, 'icon-maskable-512.png']]) {
    const p = await b.newPage({ viewport: { width: size, height: size } });
    const inner = Math.round(size * (1 - 2 * pad));
    const bg = pad ? '#9f1d16' : 'transparent';
    await p.setContent(`<html><body style="margin:0;background:${bg};display:grid;place-items:center;height:${size}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</body></html>`);
    await p.screenshot({ path: `./public/icons/${name}`, omitBackground: !pad });
    await p.close();
  }
  await b.close();
})();

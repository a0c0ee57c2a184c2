import { expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SERVE = join(__dirname, '..', '..', '..', '.ci', 'serve.py');
const PYTHON = '/usr/bin/python3';

/** A port that nothing listens on now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function accepting(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** A copy of a build, served by `.ci/serve.py` on a port of its own. */
export interface Served {
  /** The copy's directory (change its files to publish a "new version"). */
  dir: string;
  port: number;
  /** `http://127.0.0.1:<port>/` (or the base under it). */
  url: string;
  /** Stop the server (by its process id) and delete the copy. */
  stop: () => Promise<void>;
}

/**
 * Copy `build` (such as /work/main/dist) to a temporary directory and serve
 * it with `.ci/serve.py` (and its `args`, such as `--no-fallback`); the
 * server is started here and stopped by its own process id.
 */
export async function serveCopy(build: string, args: string[] = []): Promise<Served> {
  const dir = await mkdtemp(join(tmpdir(), 'gongjian-e2e-'));
  await cp(build, dir, { recursive: true });
  const port = await freePort();
  const child: ChildProcess = spawn(PYTHON, [SERVE, '--port', String(port), '--dir', dir, ...args], { stdio: 'ignore' });
  const stop = async () => {
    if (child.exitCode === null && child.pid !== undefined) {
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(child.pid, 'SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await expect.poll(() => accepting(port), { timeout: 10_000, message: `serve.py on port ${port}` }).toBe(true);
  } catch (e) {
    await stop();
    throw e;
  }
  return { dir, port, url: `http://127.0.0.1:${port}/`, stop };
}

/**
 * Wait until the service worker is active and controls the page (after the
 * first visit it claims the page; reload once if it has not yet).
 */
export async function waitForControl(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  const controlled = () => page.evaluate(() => navigator.serviceWorker.controller !== null);
  try {
    await expect.poll(controlled, { timeout: 5_000 }).toBe(true);
  } catch {
    await page.reload();
    await expect.poll(controlled, { timeout: 10_000 }).toBe(true);
  }
}

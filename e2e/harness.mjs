// Browser-test harness: starts the real `jobunivers demo` on a free port with a fresh data
// folder, drives Debian's Chromium through playwright-core, and checks pages with axe-core.
import { spawn } from 'node:child_process';
import { before, after } from 'node:test';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/// The moment every test server's clock starts at: Monday 7 December 2026, 09:00 in
/// Copenhagen. The demo world is generated from it, so it is the same on every run and every
/// day; tests read and move the server's clock (`serverNow`, `setClock`), never the wall clock.
export const DEMO_NOW = '2026-12-07T08:00:00Z';

/// The demo world seeded once per build of the binary, for every server that starts on a SQLite
/// file of its own: seeding takes seconds, copying the folder milliseconds, and the world is the
/// same (seeded at `DEMO_NOW` by `jobunivers demo --seed-only`, which runs no background work).
/// A lock folder makes test files that start at once seed it once.
async function seededTemplate(bin, env) {
  const { mtimeMs, size } = statSync(bin);
  const name = `jobunivers-e2e-template-${Math.round(mtimeMs)}-${size}`;
  const dir = join(tmpdir(), name);
  const done = join(dir, 'done');
  if (existsSync(done)) return join(dir, 'data');
  const lock = `${dir}.lock`;
  // A lock left by a run that died while seeding is older than any seeding takes.
  if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
  let mine = false;
  try { mkdirSync(lock); mine = true; } catch { /* another test file is seeding it */ }
  if (mine) {
    try {
      for (const old of readdirSync(tmpdir()).filter((d) => d.startsWith('jobunivers-e2e-template-') && d !== name)) {
        rmSync(join(tmpdir(), old), { recursive: true, force: true });
      }
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir);
      await new Promise((resolve, reject) => {
        const child = spawn(bin, ['demo', '--seed-only', '--data', join(dir, 'data')], { env, stdio: 'ignore' });
        child.once('error', reject);
        child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seeding the demo exited with ${code}`))));
      });
      writeFileSync(done, '');
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  for (let i = 0; i < 1200 && !existsSync(done); i++) await new Promise((r) => setTimeout(r, 100));
  if (!existsSync(done)) throw new Error('the demo world was not seeded');
  return join(dir, 'data');
}

/// Starts `jobunivers demo`. By default on its own SQLite file; `databaseUrl` and `data` let
/// several servers share one PostgreSQL database and one CPR key (the data folder keeps it).
/// `port` (from `freePort`) when the address must be known beforehand; `env` adds variables;
/// `wallClock` runs on the real clock instead of `DEMO_NOW` (for data `bench-seed` made, which
/// places its slots from the real now).
export async function startServer({ databaseUrl, data: shared, port: chosen, env: extra = {}, wallClock = false } = {}) {
  const port = chosen ?? await freePort();
  const data = shared ?? mkdtempSync(join(tmpdir(), 'jobunivers-e2e-'));
  const bin = process.env.JOBUNIVERS_BIN ?? join(root, 'target', 'debug', 'jobunivers');
  const env = {
    ...process.env,
    JOBUNIVERS_DKFDS_DIR: join(root, 'node_modules', 'dkfds', 'dist'),
    JOBUNIVERS_DEMO_NOW: DEMO_NOW,
    ...extra,
  };
  delete env.DATABASE_URL;
  if (wallClock) delete env.JOBUNIVERS_DEMO_NOW;
  // Its own SQLite file at the usual moment: a copy of the world seeded once.
  if (!shared && !databaseUrl && !wallClock && Object.keys(extra).length === 0) {
    cpSync(await seededTemplate(bin, env), data, { recursive: true });
  }
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  const child = spawn(bin, ['demo', '--listen', `127.0.0.1:${port}`, '--data', data], {
    env, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${output}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch { /* not yet listening */ }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    output: () => output,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      if (!shared) rmSync(data, { recursive: true, force: true });
    },
  };
}

/// A test file's demo server and browser: started before its first test, stopped after its
/// last; `ready(server, browser)` hands them to the file.
export function serverAndBrowser(ready) {
  let server;
  let browser;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ready(server, browser);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
}

/// What the demo server's clock shows now, as a Date.
export async function serverNow(url) {
  const r = await fetch(`${url}/api/v1/dev/clock`);
  if (!r.ok) throw new Error(`GET /api/v1/dev/clock: ${r.status}`);
  return new Date((await r.json()).now);
}

/// Sets the demo server's clock to `at` (a Date); it runs on from there.
export async function setClock(url, at) {
  const r = await fetch(`${url}/api/v1/dev/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ now: at.toISOString() }),
  });
  if (!r.ok) throw new Error(`POST /api/v1/dev/clock: ${r.status} ${await r.text()}`);
}

/// The test identity provider (`crates/test-idp`) for `clients` (`id:secret:redirect_uri`);
/// resolves once it prints the address it listens on.
export async function startTestIdp(clients) {
  const bin = process.env.TEST_IDP_BIN ?? join(root, 'target', 'debug', 'test-idp');
  const args = clients.flatMap((c) => ['--client', c]);
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      output += d;
      const m = output.match(/listening on (\S+)/);
      if (m) resolve(m[1]);
    });
    child.stderr.on('data', (d) => { output += d; });
    child.once('exit', () => reject(new Error(`test-idp exited:\n${output}`)));
  });
  return {
    url,
    async stop() {
      child.removeAllListeners('exit');
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

/// Debian's Chromium, headless; `args` adds flags (e.g. a fake camera for video tests).
export async function launchBrowser({ args = [] } = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync', ...args],
  });
}

/// A fresh browser context (its own cookies) with JavaScript off: every page must work without.
export async function newPage(browser, { javaScript = false } = {}) {
  const context = await browser.newContext({ javaScriptEnabled: javaScript, locale: 'da-DK' });
  return context.newPage();
}

/// Signs in through the demo sign-in page by clicking the user's button.
/// A call to the JSON API of the server at `url`, so a test can make the data it needs: POST
/// when there is a body, GET otherwise, or `method`. Answers `{ status, json }`.
export async function api(url, path, { token, body, method } = {}) {
  const r = await fetch(`${url}${path}`, {
    method: method ?? (body ? 'POST' : 'GET'),
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await r.text();
  return { status: r.status, json: text ? JSON.parse(text) : null };
}

export async function signIn(page, url, login) {
  await page.goto(`${url}/logind`);
  await page.locator(`form:has(input[name="login"][value="${login}"]) button`).click();
  await page.waitForLoadState('load');
}

/// WCAG 2.1 AA with axe-core. axe runs as JavaScript in the page, and our pages are checked
/// with JavaScript off, so the exact HTML the user got is copied into a twin page (same address,
/// so styles load and colour contrast is judged) and checked there.
export async function expectNoAxeViolations(page, assert) {
  const html = await page.content();
  const twin = await page.context().browser().newContext({ locale: 'da-DK' });
  const p = await twin.newPage();
  await p.goto(new URL('/healthz', page.url()).href);
  await p.setContent(html, { waitUntil: 'load' });
  const results = await new AxeBuilder({ page: p })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  await twin.close();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  assert.deepEqual(summary, [], `axe violations on ${page.url()}`);
}

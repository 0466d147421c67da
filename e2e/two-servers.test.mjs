// More than one server: two `jobunivers` processes on one PostgreSQL database. A citizen has
// their thread open in the browser on server B; a caseworker writes through server A's API; the
// message appears live on B's page, carried between the processes by PostgreSQL LISTEN/NOTIFY.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launchBrowser, newPage, signIn } from './harness.mjs';

const admin = process.env.JOBUNIVERS_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `ju_t_e2e_${process.pid}_${Date.now()}`;
const databaseUrl = `${admin.slice(0, admin.lastIndexOf('/'))}/${name}`;
const data = mkdtempSync(join(tmpdir(), 'jobunivers-e2e-shared-'));
let a;
let b;
let browser;

before(async () => {
  execFileSync('psql', [admin, '-qc', `CREATE DATABASE "${name}"`]);
  a = await startServer({ databaseUrl, data });
  // The second starts once the first has migrated and seeded the shared database.
  b = await startServer({ databaseUrl, data });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await a?.stop();
  await b?.stop();
  execFileSync('psql', [admin, '-qc', `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`]);
  rmSync(data, { recursive: true, force: true });
});

async function api(server, path, { token, body } = {}) {
  const r = await fetch(`${server.url}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: r.status, json: await r.json() };
}

test('a message written through one server appears live on a page served by the other', async () => {
  assert.notEqual(a.url, b.url);
  const page = await newPage(browser, { javaScript: true });
  await signIn(page, b.url, 'borger.aalborg4');
  await page.goto(`${b.url}/borger/beskeder`);
  await page.waitForSelector('#thread[data-connected="true"]', { state: 'attached' });
  const citizenId = (await page.locator('#thread').getAttribute('data-live')).split('/')[3];

  const { json: { token } } = await api(a, '/api/v1/dev/session', { body: { login: 'aalborg.jk1' } });
  const text = `Hilsen fra server A (${Date.now()})`;
  const sent = await api(a, `/api/v1/citizens/${citizenId}/messages`, { token, body: { body: text } });
  assert.equal(sent.status, 201, JSON.stringify(sent.json));

  await page.waitForSelector(`.ju-msg-body:has-text("${text}")`, { timeout: 5000 });
  // And it is one message in one database, whichever server is asked.
  const onB = await api(b, `/api/v1/citizens/${citizenId}/messages`, { token });
  assert.equal(onB.json.messages.at(-1).body, text);
});

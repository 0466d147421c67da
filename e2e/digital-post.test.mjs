// Digital Post (issue 19 item 3): a call-in to a citizen who receives digital mail goes to a
// Digital Post gateway — here a receiver this test starts, like the SMTP one the Rust tests
// start — as a MeMo message whose main document is the letter's PDF. One the gateway refuses
// is printed instead, and "Breve" says why; the one delivered is listed as sent by Digital Post.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { startServer, launchBrowser, signIn, expectNoAxeViolations, api as harnessApi, serverNow, freePort } from './harness.mjs';

const ACCEPTED = '0303881234';
const REFUSED = '0404891234';

/// The gateway: keeps each request; refuses (422) messages to the REFUSED number.
const received = [];
let gateway;
let server;
let browser;

before(async () => {
  const port = await freePort();
  gateway = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => { body += d; });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = body.includes(`<memo:recipientID>${REFUSED}<`) ? 422 : 200;
      res.end();
    });
  });
  await new Promise((r) => gateway.listen(port, '127.0.0.1', r));
  server = await startServer({ env: {
    JOBUNIVERS_DIGITAL_POST_URL: `http://127.0.0.1:${port}/memo`,
    JOBUNIVERS_DIGITAL_POST_TOKEN: 'e2e-token',
  } });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise((r) => gateway.close(r));
});

/// The text of MeMo element `name` (the first one).
const element = (xml, name) => xml.match(new RegExp(`<memo:${name}>([^<]*)</memo:${name}>`))?.[1];

test('a call-in goes to Digital Post with its PDF; one refused is printed, saying why', async () => {
  const api = (path, options) => harnessApi(server.url, path, options);
  const admin = (await api('/api/v1/dev/session', { body: { login: 'admin' } })).json.token;
  const org = await api('/api/v1/municipalities', { token: admin, body: { code: '0860', name: 'Hjørring', phone: '+4572333333', phone_hours: 'mandag–fredag kl. 9–15', cvr: '11 22 33 44' } });
  assert.equal(org.status, 201, JSON.stringify(org.json));
  const staff = await api('/api/v1/staff', { token: admin, body: { login: 'hjoerring.jk1', name: 'Hanne Hjørring', role: 'caseworker', municipality: '0860' } });
  assert.equal(staff.status, 201, JSON.stringify(staff.json));
  const token = (await api('/api/v1/dev/session', { body: { login: 'hjoerring.jk1' } })).json.token;
  const day = new Date((await serverNow(server.url)).getTime() + 7 * 24 * 3600 * 1000);
  const book = async (cpr, name, hour) => {
    const citizen = await api('/api/v1/citizens', { token, body: { cpr, name, municipality: '0860', target_group: 'job_ready_cash_benefit', unemployed_since: '2026-11-30' } });
    assert.equal(citizen.status, 201, JSON.stringify(citizen.json));
    // An address, so that a letter printed instead can be posted.
    const address = await api(`/api/v1/citizens/${citizen.json.id}`, { method: 'PATCH', token, body: { postal_address: { street: 'Østergade 4', postcode: '9800', town: 'Hjørring' } } });
    assert.equal(address.status, 200, JSON.stringify(address.json));
    const start = new Date(day);
    start.setUTCHours(hour, 0, 0, 0);
    const slot = await api('/api/v1/slots', { token, body: { start: start.toISOString(), end: new Date(start.getTime() + 30 * 60000).toISOString(), channels: ['in_person'], location: 'Jobcenter Hjørring, Springvandspladsen 5, 9800 Hjørring' } });
    assert.equal(slot.status, 201, JSON.stringify(slot.json));
    const meeting = await api('/api/v1/meetings', { token, body: { citizen_id: citizen.json.id, slot_id: slot.json.id, channel: 'in_person' } });
    assert.equal(meeting.status, 201, JSON.stringify(meeting.json));
  };
  await book(ACCEPTED, 'Łukasz Nguyễn', 9);
  await book(REFUSED, 'Rikke Refuseret', 10);

  // The worker sends within seconds.
  const to = (cpr) => received.filter((r) => element(r.body, 'recipientID') === cpr);
  for (let i = 0; i < 120 && (to(ACCEPTED).length === 0 || to(REFUSED).length === 0); i++) {
    await new Promise((r) => setTimeout(r, 500));
  }
  assert.equal(to(ACCEPTED).length, 1, 'one message, once');
  const { headers, body } = to(ACCEPTED)[0];
  assert.equal(headers.authorization, 'Bearer e2e-token');
  assert.match(headers['content-type'], /^application\/xml/);
  assert.equal(headers['idempotency-key'], element(body, 'messageUUID'));
  assert.match(body, /<memo:Message xmlns:memo="https:\/\/DigitalPost\.dk\/MeMo-1" memoVersion="1\.1"/);
  assert.equal(element(body, 'messageType'), 'DIGITALPOST');
  assert.equal(element(body, 'senderID'), '11223344');
  assert.equal(element(body, 'encodingFormat'), 'application/pdf');
  const file = join(mkdtempSync(join(tmpdir(), 'ju-memo-')), 'brev.pdf');
  writeFileSync(file, Buffer.from(element(body, 'content'), 'base64'));
  const text = execFileSync('pdftotext', [file, '-']).toString();
  assert.match(text, /Łukasz Nguyễn/);
  const reference = text.match(/Vores reference: ([0-9A-Z]{4}-[0-9A-Z]{4})/);
  assert.ok(reference, text);
  assert.match(text, /Ring til os på/);

  // On "Breve": the refused letter waits to be printed, saying why; the other is sent.
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'da-DK', javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, server.url, 'hjoerring.jk1');
  const waiting = page.locator('#waiting tbody tr', { hasText: 'Rikke Refuseret' });
  for (let i = 0; i < 40 && (await waiting.count()) === 0; i++) {
    await page.goto(`${server.url}/medarbejder/breve`);
    if ((await waiting.count()) === 0) await new Promise((r) => setTimeout(r, 500));
  }
  assert.match(await waiting.textContent(), /Skulle til Digital Post, men Digital Post tog ikke imod brevet/);
  assert.equal(await waiting.locator('a[href$="brev.pdf"]').count(), 1, 'ready to print');
  const sent = page.locator('main tr', { hasText: 'Łukasz Nguyễn' });
  assert.match(await sent.textContent(), /Digital Post/);
  assert.match(await sent.textContent(), new RegExp(reference[1]), 'the reference the citizen quotes is found');
  await expectNoAxeViolations(page, assert);
  await context.close();
});

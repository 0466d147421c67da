// Every kind of letter a citizen without digital access gets reads completely (issue 19, done
// when): a call-in, a move, a cancellation, a no-show and a survey, each printed from "Breve".
// Page 1 of each PDF is rendered with pdftoppm and its text read back with pdftotext: the name
// and address for the window, the reference, what the letter is about and the phone to call.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { signIn, expectNoAxeViolations, api as harnessApi, serverNow, setClock, serverAndBrowser } from './harness.mjs';

let server;
let browser;
serverAndBrowser((s, b) => { server = s; browser = b; });

test('each letter kind to a citizen on paper prints and reads completely', async () => {
  const api = (path, options) => harnessApi(server.url, path, options);
  const { json: { token } } = await api('/api/v1/dev/session', { body: { login: 'aalborg.jk5' } });
  const made = await api('/api/v1/citizens', { token, body: { cpr: '0909861234', name: 'Åse Papirbrev', municipality: '0851', target_group: 'job_ready_cash_benefit', unemployed_since: '2026-11-23' } });
  assert.equal(made.status, 201, JSON.stringify(made.json));
  const citizen = made.json.id;
  // Times 60 and 63 days ahead (a Friday and a Monday), 14:00 and 15:00 Copenhagen (winter
  // time), clear of the demo's own.
  const day = (n, hour) => {
    const d = new Date(now.getTime() + n * 24 * 3600 * 1000);
    d.setUTCHours(hour, 0, 0, 0);
    return d;
  };
  const now = await serverNow(server.url);
  const slots = [];
  for (const start of [day(60, 13), day(60, 14), day(63, 13)]) {
    const slot = await api('/api/v1/slots', { token, body: { start: start.toISOString(), end: new Date(start.getTime() + 30 * 60000).toISOString(), channels: ['in_person'], location: 'Jobcentret, Boulevarden 13, 9000 Aalborg' } });
    assert.equal(slot.status, 201, JSON.stringify(slot.json));
    slots.push({ ...slot.json, start });
  }
  const paper = await api(`/api/v1/citizens/${citizen}`, { token, method: 'PATCH', body: { digital_mail: false, caseworker_id: slots[0].caseworker_id, postal_address: { street: 'Vestergade 7, 1. th.', postcode: '9000', town: 'Aalborg' } } });
  assert.equal(paper.status, 200, JSON.stringify(paper.json));

  // A call-in, moved; another booked and cancelled; the first not attended; the third held.
  const first = await api('/api/v1/meetings', { token, body: { citizen_id: citizen, slot_id: slots[0].id, channel: 'in_person' } });
  assert.equal(first.status, 201, JSON.stringify(first.json));
  const moved = await api(`/api/v1/meetings/${first.json.id}/move`, { token, body: { slot_id: slots[1].id } });
  assert.equal(moved.status, 200, JSON.stringify(moved.json));
  const second = await api('/api/v1/meetings', { token, body: { citizen_id: citizen, slot_id: slots[2].id, channel: 'in_person' } });
  assert.equal(second.status, 201, JSON.stringify(second.json));
  const cancelled = await api(`/api/v1/meetings/${second.json.id}/cancel`, { token, body: { reason: 'Sagsbehandleren er syg' } });
  assert.equal(cancelled.status, 200, JSON.stringify(cancelled.json));
  await setClock(server.url, new Date(slots[1].start.getTime() + 40 * 60000));
  const missed = await api(`/api/v1/meetings/${first.json.id}/outcome`, { token, body: { status: 'no_show' } });
  assert.equal(missed.status, 200, JSON.stringify(missed.json));
  const third = await api('/api/v1/meetings', { token, body: { citizen_id: citizen, slot_id: slots[2].id, channel: 'in_person' } });
  assert.equal(third.status, 201, JSON.stringify(third.json));
  await setClock(server.url, new Date(slots[2].start.getTime() + 35 * 60000));
  const held = await api(`/api/v1/meetings/${third.json.id}/outcome`, { token, body: { status: 'held' } });
  assert.equal(held.status, 200, JSON.stringify(held.json));

  const kinds = [
    [/Du har en samtale/, /Mød op/],
    [/Din samtale er flyttet til/, /flyttet/],
    [/er aflyst/, /aflyst/],
    [/Du kom ikke til din samtale/, /Ring til os i dag/],
    [/Hvordan gik din samtale\?/, /kode/i],
  ];
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'da-DK', javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, server.url, 'aalborg.jk5');
  const rows = page.locator('#waiting tbody tr', { hasText: 'Åse Papirbrev' });
  // The notification worker writes the letters within seconds: three call-ins (one for each
  // booking), the move, the cancellation, the no-show and the survey — and no reminder, which
  // would arrive after the meeting.
  const letters = 7;
  for (let i = 0; i < 60; i++) {
    await page.goto(`${server.url}/medarbejder/breve`);
    if ((await rows.count()) >= letters) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  assert.equal(await rows.count(), letters, await page.locator('main').textContent());
  await expectNoAxeViolations(page, assert);
  const dir = mkdtempSync(join(tmpdir(), 'ju-letters-'));
  const texts = [];
  for (let i = 0; i < letters; i++) {
    const row = rows.nth(i);
    const href = await row.locator('a[href$="brev.pdf"]').getAttribute('href');
    const file = join(dir, `brev-${i}.pdf`);
    writeFileSync(file, await (await page.request.get(`${server.url}${href}`)).body());
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', file, join(dir, `side-${i}`)]);
    const png = readdirSync(dir).find((f) => f.startsWith(`side-${i}`) && f.endsWith('.png'));
    assert.ok(png && statSync(join(dir, png)).size > 2000, `page 1 of letter ${i} renders`);
    const text = execFileSync('pdftotext', [file, '-']).toString();
    assert.match(text, /Åse Papirbrev/);
    assert.match(text, /Vestergade 7, 1\. th\./);
    assert.match(text, /9000 Aalborg/);
    assert.match(text, /Vores reference: [0-9A-Z]{4}-[0-9A-Z]{4}/);
    assert.match(text, /\d\d \d\d \d\d \d\d/, 'a phone number to call');
    texts.push(text);
  }
  for (const [subject, body] of kinds) {
    const letter = texts.find((t) => subject.test(t));
    assert.ok(letter, `a letter ${subject}`);
    assert.match(letter, body);
  }
  await context.close();
});

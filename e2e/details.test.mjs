// "Mine oplysninger" (issue 19 item 6) and letters a person can act on (item 1): a citizen
// keeps how to reach them, their postal address, letters on paper and what they need; a letter
// to a citizen without an address waits on "Breve" and the worklist until staff give one, and
// then reads the time in words with a reference. On a phone, without JavaScript, axe-checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { signIn, expectNoAxeViolations, api as harnessApi, serverNow, serverAndBrowser } from './harness.mjs';

let server;
let browser;
serverAndBrowser((s, b) => { server = s; browser = b; });

const phone = { viewport: { width: 390, height: 844 }, locale: 'da-DK', javaScriptEnabled: false };

test('a citizen keeps their own details; a bad postcode is refused at its field and nothing is lost', async () => {
  const api = (path, options) => harnessApi(server.url, path, options);
  const { json: { token } } = await api('/api/v1/dev/session', { body: { login: 'aalborg.jk3' } });
  const made = await api('/api/v1/citizens', { token, body: { cpr: '0707861234', name: 'Dorthe Detalje', municipality: '0851', target_group: 'job_ready_cash_benefit', unemployed_since: '2026-11-23', login: 'dorthe.detalje' } });
  assert.equal(made.status, 201, JSON.stringify(made.json));

  const context = await browser.newContext(phone);
  const page = await context.newPage();
  await signIn(page, server.url, 'dorthe.detalje');
  await page.goto(`${server.url}/borger`);
  await page.click('nav >> text=Mine oplysninger');
  assert.equal(await page.locator('h1').textContent(), 'Mine oplysninger');
  await expectNoAxeViolations(page, assert);

  await page.fill('#street', 'Şahin Allé 3, 2. tv.');
  await page.fill('#postcode', '90000');
  await page.fill('#town', 'Aalborg');
  await page.check('#letters-paper');
  await page.selectOption('#interpreter_language', 'ti');
  await page.check('#step_free');
  await page.click('button:has-text("Gem oplysningerne")');
  assert.match(await page.title(), /^Fejl: Mine oplysninger/);
  assert.equal(await page.locator('#postcode').getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#postcode').getAttribute('aria-describedby'), /postcode-error/);
  assert.match(await page.locator('#postcode-error').textContent(), /\S/);
  assert.equal(await page.locator('[role="alert"] a[href="#postcode"]').count(), 1, 'the summary links to the field');
  // What was typed is kept, the choices too.
  assert.equal(await page.locator('#street').inputValue(), 'Şahin Allé 3, 2. tv.');
  assert.equal(await page.locator('#postcode').inputValue(), '90000');
  assert.equal(await page.locator('#interpreter_language').inputValue(), 'ti');
  assert.ok(await page.locator('#letters-paper').isChecked());
  assert.ok(await page.locator('#step_free').isChecked());
  await expectNoAxeViolations(page, assert);
  const unchanged = await api(`/api/v1/citizens/${made.json.id}`, { token });
  assert.equal(unchanged.json.postal_address, null, 'nothing saved');
  assert.equal(unchanged.json.interpreter_language, null, 'nothing saved');

  await page.fill('#postcode', '9000');
  await page.click('button:has-text("Gem oplysningerne")');
  assert.match(await page.locator('[data-testid="receipt"]').textContent(), /Oplysningerne er gemt/);
  assert.equal(await page.locator('#postcode').inputValue(), '9000');
  assert.equal(await page.locator('#interpreter_language').inputValue(), 'ti');
  const saved = await api(`/api/v1/citizens/${made.json.id}`, { token });
  assert.deepEqual(saved.json.postal_address, { street: 'Şahin Allé 3, 2. tv.', postcode: '9000', town: 'Aalborg' });
  assert.equal(saved.json.digital_mail, false);
  assert.equal(saved.json.interpreter_language, 'ti');
  assert.equal(saved.json.step_free_access, true);
  assert.equal(saved.json.in_person_requested, false, 'an unticked box is no');
  await expectNoAxeViolations(page, assert);
  await context.close();

  // Staff read it on the citizen's page.
  const staff = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'da-DK' });
  const desk = await staff.newPage();
  await signIn(desk, server.url, 'aalborg.jk3');
  await desk.goto(`${server.url}/medarbejder/borgere/${made.json.id}`);
  const details = await desk.locator('dl.ju-details').first().textContent();
  assert.match(details, /Tigrinya/);
  assert.match(details, /Adgang uden trin\s*Ja/);
  assert.match(details, /På papir/);
  await staff.close();
});

test('a letter waiting for an address is on Breve and the worklist until staff give one, then reads the time in words', async () => {
  const api = (path, options) => harnessApi(server.url, path, options);
  const { json: { token } } = await api('/api/v1/dev/session', { body: { login: 'aalborg.jk3' } });
  const made = await api('/api/v1/citizens', { token, body: { cpr: '0808861234', name: 'Lars Læsebrev', municipality: '0851', target_group: 'job_ready_cash_benefit', unemployed_since: '2026-11-23' } });
  assert.equal(made.status, 201, JSON.stringify(made.json));
  // A time 80 days ahead at 14:00 Copenhagen (winter time), clear of the demo's own.
  const start = new Date((await serverNow(server.url)).getTime() + 80 * 24 * 3600 * 1000);
  start.setUTCHours(13, 0, 0, 0);
  const slot = await api('/api/v1/slots', { token, body: { start: start.toISOString(), end: new Date(start.getTime() + 30 * 60000).toISOString(), channels: ['in_person'], location: 'Jobcentret' } });
  assert.equal(slot.status, 201, JSON.stringify(slot.json));
  const paper = await api(`/api/v1/citizens/${made.json.id}`, { token, method: 'PATCH', body: { digital_mail: false, caseworker_id: slot.json.caseworker_id } });
  assert.equal(paper.status, 200, JSON.stringify(paper.json));
  const meeting = await api('/api/v1/meetings', { token, body: { citizen_id: made.json.id, slot_id: slot.json.id, channel: 'in_person' } });
  assert.equal(meeting.status, 201, JSON.stringify(meeting.json));

  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'da-DK', javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, server.url, 'aalborg.jk3');
  const row = page.locator('#waiting tbody tr', { hasText: 'Lars Læsebrev' });
  // The notification worker writes the letter within seconds.
  for (let i = 0; i < 40 && (await row.count()) === 0; i++) {
    await new Promise((r) => setTimeout(r, 500));
    await page.goto(`${server.url}/medarbejder/breve`);
  }
  assert.match(await row.textContent(), /Mangler adresse/);
  await page.goto(`${server.url}/medarbejder/arbejdsliste`);
  const listed = page.locator('main tr', { hasText: 'Lars Læsebrev' });
  assert.equal(await listed.filter({ hasText: 'Brev venter: mangler adresse' }).count(), 1, await page.locator('main').textContent());

  await page.goto(`${server.url}/medarbejder/breve`);
  await row.locator('a:has-text("Skriv adressen")').click();
  assert.equal(await page.locator('h1').textContent(), 'Kontakt og behov for Lars Læsebrev');
  await page.fill('#street', 'Nørregade 7');
  await page.fill('#postcode', '9000');
  await page.fill('#town', 'Aalborg');
  await page.click('button:has-text("Gem oplysningerne")');
  assert.match(await page.locator('[data-testid="receipt"]').textContent(), /Oplysningerne er gemt/);
  await expectNoAxeViolations(page, assert);

  await page.goto(`${server.url}/medarbejder/breve`);
  const href = await row.locator('a[href$="brev.pdf"]').getAttribute('href');
  const pdf = await page.request.get(`${server.url}${href}`);
  const file = join(mkdtempSync(join(tmpdir(), 'ju-letter-')), 'brev.pdf');
  writeFileSync(file, await pdf.body());
  const text = execFileSync('pdftotext', [file, '-']).toString();
  assert.match(text, /Nørregade 7/);
  assert.match(text, /den \d{1,2}\. [a-z]+ \d{4} kl\. 14\.00/, text);
  assert.match(text, /Samtalen varer 30 minutter\./);
  const reference = text.match(/Vores reference: ([0-9A-Z]{4}-[0-9A-Z]{4})/);
  assert.ok(reference, text);
  assert.match(await row.textContent(), new RegExp(reference[1]));
  await page.goto(`${server.url}/medarbejder/arbejdsliste`);
  assert.equal(await listed.filter({ hasText: 'Brev venter: mangler adresse' }).count(), 0, 'gone with the address');
  await context.close();
});

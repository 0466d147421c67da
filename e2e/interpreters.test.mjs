// Interpreters and companions (issue 19 item 4): a caseworker books a meeting for a citizen
// who asked for an interpreter under "Mine oplysninger"; the booking step proposes the
// language, refuses one no provider offers at its field, and the meeting then shows the
// interpreter and the companion to staff and citizen alike. Without JavaScript, axe-checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signIn, expectNoAxeViolations, api as harnessApi, serverAndBrowser } from './harness.mjs';

let server;
let browser;
serverAndBrowser((s, b) => { server = s; browser = b; });

test('a caseworker books an interpreter the citizen asked for, and a companion; both are on the meeting', async () => {
  const api = (path, options) => harnessApi(server.url, path, options);
  const { json: { token } } = await api('/api/v1/dev/session', { body: { login: 'aalborg.jk4' } });
  const made = await api('/api/v1/citizens', { token, body: { cpr: '0909861234', name: 'Tesfay Tolk', municipality: '0851', target_group: 'job_ready_cash_benefit', unemployed_since: '2026-11-23', login: 'tesfay.tolk' } });
  assert.equal(made.status, 201, JSON.stringify(made.json));
  const needs = await api(`/api/v1/citizens/${made.json.id}`, { token, method: 'PATCH', body: { interpreter_language: 'ti' } });
  assert.equal(needs.status, 200, JSON.stringify(needs.json));

  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'da-DK', javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, server.url, 'aalborg.jk4');
  await page.goto(`${server.url}/samtaler/ny?borger=${made.json.id}`);
  await page.locator('main ul.ju-choices a').first().click();
  await page.locator('input[name="tid"]').first().check();
  await page.click('button:has-text("Fortsæt")');
  assert.equal(await page.locator('[data-testid="interpreter-proposal"]').textContent(), 'Borgeren har bedt om tolk. Sprog: Tigrinya.');
  assert.equal(await page.locator('#interpreter_language').inputValue(), 'ti', 'the language the citizen asked for is proposed');
  await expectNoAxeViolations(page, assert);

  // Italian: no provider of Aalborg's offers it — said at the field, nothing booked.
  await page.selectOption('#interpreter_language', 'it');
  await page.check('#channel-in_person');
  await page.fill('#companion', 'Hans Hansen');
  await page.click('button:has-text("Book samtalen")');
  assert.match(await page.title(), /^Fejl: /);
  assert.equal(await page.locator('#interpreter_language').getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#interpreter_language-error').textContent(), /Ingen af kommunens tolkebureauer tilbyder det sprog/);
  assert.equal(await page.locator('#companion').inputValue(), 'Hans Hansen', 'what was typed is kept');
  await expectNoAxeViolations(page, assert);

  await page.selectOption('#interpreter_language', 'ti');
  await page.check('#channel-in_person');
  await page.click('button:has-text("Book samtalen")');
  assert.equal(await page.locator('h1').textContent(), 'Samtale');
  assert.equal(await page.locator('[data-testid="interpreter"]').first().textContent(), 'Tigrinya, i lokalet – Tolkeservice Nord, 70 20 30 40');
  assert.match(await page.locator('main').textContent(), /Bisidder\s*Hans Hansen/);
  await expectNoAxeViolations(page, assert);
  const meetingUrl = page.url().split('?')[0];
  await context.close();

  // The citizen sees the same.
  const own = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'da-DK', javaScriptEnabled: false });
  const citizen = await own.newPage();
  await signIn(citizen, server.url, 'tesfay.tolk');
  await citizen.goto(meetingUrl);
  assert.equal(await citizen.locator('[data-testid="interpreter"]').first().textContent(), 'Tigrinya, i lokalet – Tolkeservice Nord, 70 20 30 40');
  assert.match(await citizen.locator('main').textContent(), /Bisidder\s*Hans Hansen/);
  await expectNoAxeViolations(citizen, assert);
  await own.close();
});

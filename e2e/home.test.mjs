// The next step first (issue 20 item 3): a citizen's home leads with what to do next — book
// the conversation the law asks for, or the meeting already booked — with one primary button,
// and the registry details below. On a phone, without JavaScript, axe-checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signIn, expectNoAxeViolations, api as harnessApi, serverNow, serverAndBrowser } from './harness.mjs';

let server;
let browser;
serverAndBrowser((s, b) => { server = s; browser = b; });

test('the citizen home leads with the next step: book first, then the booked meeting', async () => {
  const api = (path, options) => harnessApi(server.url, path, options);
  const { json: { token } } = await api('/api/v1/dev/session', { body: { login: 'aalborg.jk3' } });
  const made = await api('/api/v1/citizens', { token, body: { cpr: '0606861234', name: 'Nina Næste', municipality: '0851', target_group: 'job_ready_cash_benefit', unemployed_since: '2026-11-23', login: 'nina.naeste' } });
  assert.equal(made.status, 201, JSON.stringify(made.json));

  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'da-DK', javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, server.url, 'nina.naeste');
  await page.goto(`${server.url}/borger`);
  const next = page.locator('[data-testid="next-step"]');
  assert.equal(await page.locator('main h2').first().textContent(), 'Book din næste samtale');
  assert.match(await next.textContent(), /samtale/);
  assert.equal(await next.locator('a.button-primary').count(), 1);
  assert.equal(await page.locator('main a.button-primary').count(), 1, 'one primary button on the page');
  assert.match(await next.locator('a.button-primary').getAttribute('href'), /^\/samtaler\/ny\?borger=/);
  await expectNoAxeViolations(page, assert);

  // Booked: the meeting leads, with its time and a way to it (a time of the caseworker 75
  // days ahead, in winter time, clear of the demo's own).
  const start = new Date((await serverNow(server.url)).getTime() + 75 * 24 * 3600 * 1000);
  start.setUTCHours(13, 0, 0, 0);
  const slot = await api('/api/v1/slots', { token, body: { start: start.toISOString(), end: new Date(start.getTime() + 30 * 60000).toISOString(), channels: ['in_person'], location: 'Jobcentret' } });
  assert.equal(slot.status, 201, JSON.stringify(slot.json));
  const meeting = await api('/api/v1/meetings', { token, body: { citizen_id: made.json.id, slot_id: slot.json.id, channel: 'in_person' } });
  assert.equal(meeting.status, 201, JSON.stringify(meeting.json));
  await page.reload();
  assert.equal(await page.locator('main h2').first().textContent(), 'Din næste samtale');
  assert.match(await next.textContent(), /kl\. 14:00–14:30/);
  assert.match(await next.textContent(), /Fremmøde/, 'the first conversation in person, as the law asks');
  assert.equal(await next.locator('a.button-primary').getAttribute('href'), `/samtaler/${meeting.json.id}`);
  assert.equal(await page.locator('main a.button-primary').count(), 1, 'one primary button on the page');
  // The registry details come after the next step.
  const order = await page.locator('main').evaluate((main) => {
    const step = main.querySelector('[data-testid="next-step"]');
    const details = main.querySelector('dl.ju-details:not([data-testid="next-step"] dl)');
    return Boolean(step.compareDocumentPosition(details) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  assert.ok(order, 'details below the next step');
  await expectNoAxeViolations(page, assert);
  await context.close();
});

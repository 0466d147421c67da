// After a no-show, in the browser with JavaScript off (issue 18, item 4): the caseworker
// records that an insured citizen did not come and had no reasonable excuse; the a-kasse reads
// the availability notice in "Underretninger", the citizen is told in plain Danish what to do,
// and the caseworker withdraws the notice when the excuse arrives. Axe-checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, signIn, expectNoAxeViolations, api as harnessApi, serverNow, setClock, serverAndBrowser } from './harness.mjs';

let server;
let browser;
serverAndBrowser((s, b) => { server = s; browser = b; });

test('a no-show reaches the a-kasse, the citizen is told, and the notice is withdrawn', async () => {
  const api = (path, options) => harnessApi(server.url, path, options);
  let { json: { token } } = await api('/api/v1/dev/session', { body: { login: 'aalborg.jk4' } });
  const made = await api('/api/v1/citizens', { token, body: { cpr: '0502871234', name: 'Ulrik Udeblevet', municipality: '0851', target_group: 'insured_unemployed', unemployment_fund: 'HK', unemployed_since: '2026-11-02', login: 'ulrik.udeblevet' } });
  assert.equal(made.status, 201, JSON.stringify(made.json));
  // A time 62 days ahead, before the caseworker's published hours.
  const start = new Date((await serverNow(server.url)).getTime() + 62 * 24 * 3600 * 1000);
  start.setUTCHours(7, 0, 0, 0);
  const slot = await api('/api/v1/slots', { token, body: { start: start.toISOString(), end: new Date(start.getTime() + 30 * 60000).toISOString(), channels: ['in_person'], location: 'Jobcentret' } });
  assert.equal(slot.status, 201, JSON.stringify(slot.json));
  const meeting = await api('/api/v1/meetings', { token, body: { citizen_id: made.json.id, slot_id: slot.json.id, channel: 'in_person' } });
  assert.equal(meeting.status, 201, JSON.stringify(meeting.json));
  // The meeting has begun and the citizen is not there.
  await setClock(server.url, new Date(start.getTime() + 40 * 60000));
  const url = `${server.url}/samtaler/${meeting.json.id}`;

  const staff = await newPage(browser);
  await signIn(staff, server.url, 'aalborg.jk4');
  await staff.goto(url);
  await expectNoAxeViolations(staff, assert);
  // Nothing is chosen beforehand (issue 20 item 5: a careless click must not record
  // attendance); saving without a choice says what to do beside the question.
  assert.equal(await staff.locator('input[name="status"]:checked').count(), 0);
  await staff.click('button:has-text("Gem udfald")');
  assert.match(await staff.locator('#status-error').textContent(), /Vælg, om samtalen blev holdt/);
  assert.match(await staff.locator('#status').getAttribute('aria-describedby'), /status-error/);
  // An excuse is asked for when the caseworker says there was one.
  await staff.check('#status-no_show_excused');
  await staff.click('button:has-text("Gem udfald")');
  // Said beside the field, linked from the summary, and in the page title.
  assert.match(await staff.locator('#excuse-error').textContent(), /Skriv borgerens rimelige grund/);
  assert.equal(await staff.locator('#excuse').getAttribute('aria-invalid'), 'true');
  assert.match(await staff.locator('#excuse').getAttribute('aria-describedby'), /excuse-error/);
  assert.equal(await staff.locator('[role="alert"] a[href="#excuse"]').count(), 1);
  assert.match(await staff.title(), /^Fejl: /);
  await expectNoAxeViolations(staff, assert);
  await staff.check('#status-no_show');
  await staff.click('button:has-text("Gem udfald")');
  assert.match(await staff.locator('main').textContent(), /Underretning sendt til a-kassen/);
  await expectNoAxeViolations(staff, assert);

  const fund = await newPage(browser);
  await signIn(fund, server.url, 'hk.raadgiver1');
  await fund.goto(`${server.url}/medarbejder/underretninger`);
  const inbox = await fund.locator('main').textContent();
  assert.match(inbox, /Ulrik Udeblevet/);
  assert.match(inbox, /Fremmøde/);
  await expectNoAxeViolations(fund, assert);

  const citizen = await newPage(browser);
  await signIn(citizen, server.url, 'ulrik.udeblevet');
  await citizen.goto(`${server.url}/borger/beskeder`);
  assert.match(await citizen.locator('main').textContent(), /Du kom ikke til din samtale .* Kontakt os i dag/);
  await citizen.goto(url);
  assert.match(await citizen.locator('main').textContent(), /Vi har givet din a-kasse besked/);
  await expectNoAxeViolations(citizen, assert);

  // The excuse arrives: the caseworker withdraws the notice, and everyone reads that.
  await staff.goto(url);
  await staff.fill('#withdraw-reason', 'Indlagt akut, har sendt dokumentation');
  await staff.click('button:has-text("Træk underretningen tilbage")');
  const after = await staff.locator('main').textContent();
  assert.match(after, /Underretningen blev trukket tilbage .*: Indlagt akut/);
  assert.match(after, /Udeblevet med rimelig grund: Indlagt akut/);
  await fund.goto(`${server.url}/medarbejder/underretninger`);
  assert.match(await fund.locator('main').textContent(), /Trukket tilbage: Indlagt akut/);
  await citizen.goto(url);
  assert.match(await citizen.locator('main').textContent(), /er trukket tilbage: Indlagt akut/);
  await expectNoAxeViolations(citizen, assert);
});

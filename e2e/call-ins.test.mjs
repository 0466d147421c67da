// Call-ins in the browser with JavaScript off (issue 18, BEK 442/2023 § 20): a caseworker
// calls a citizen in to the jobcentre's address, is told beside the form what is missing, and
// the citizen reads where to go, how to get in and whether they may move it. Axe-checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, signIn, expectNoAxeViolations, api as harnessApi, serverNow, serverAndBrowser } from './harness.mjs';

let server;
let browser;
serverAndBrowser((s, b) => { server = s; browser = b; });

test('a caseworker calls a citizen in to the jobcentre and the citizen reads where and how', async () => {
  const api = (path, options) => harnessApi(server.url, path, options);
  const { json: { token } } = await api('/api/v1/dev/session', { body: { login: 'aalborg.jk4' } });
  const made = await api('/api/v1/citizens', { token, body: { cpr: '0302851234', name: 'Ivan Indkaldt', municipality: '0851', target_group: 'job_ready_cash_benefit', unemployed_since: '2026-11-02', login: 'ivan.indkaldt' } });
  assert.equal(made.status, 201, JSON.stringify(made.json));
  // A time of the caseworker's 60 days ahead, clear of everything else.
  const start = new Date((await serverNow(server.url)).getTime() + 60 * 24 * 3600 * 1000);
  start.setUTCHours(9, 0, 0, 0);
  const slot = await api('/api/v1/slots', { token, body: { start: start.toISOString(), end: new Date(start.getTime() + 30 * 60000).toISOString(), channels: ['in_person', 'phone'], location: 'Jobcentret' } });
  assert.equal(slot.status, 201, JSON.stringify(slot.json));
  const { json: { locations } } = await api('/api/v1/locations', { token });
  assert.equal(locations[0].name, 'Jobcenter Aalborg', 'the demo has the jobcentre\'s address');

  const page = await newPage(browser);
  await signIn(page, server.url, 'aalborg.jk4');
  // Straight to the last step for that time (the steps before are tested in booking.test.mjs).
  await page.goto(`${server.url}/samtaler/ny?borger=${made.json.id}&tid=${encodeURIComponent(`${slot.json.start}/${slot.json.end}`)}`);
  await page.check('#channel-in_person');
  await page.fill('#purpose', 'Jobsamtale om dine ønsker');
  await page.check('#call_in');
  await expectNoAxeViolations(page, assert);
  // Without a place the call-in is refused with what to do, and nothing is booked.
  await page.click('form[action="/samtaler/ny"] button[type="submit"]');
  assert.match(await page.locator('[role="alert"]').textContent(), /Vælg mødestedet/);
  // Beside the place's field too, which says so to a screen reader.
  assert.match(await page.locator('#location_id-error').textContent(), /Vælg mødestedet/);
  assert.equal(await page.locator('#location_id').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#location_id').getAttribute('aria-describedby'), 'location_id-error');
  assert.equal((await api(`/api/v1/citizens/${made.json.id}/meetings`, { token })).json.meetings.length, 0);
  await page.check('#channel-in_person');
  await page.selectOption('#location_id', locations[0].id);
  await page.click('form[action="/samtaler/ny"] button[type="submit"]');
  assert.equal(await page.locator('h1').textContent(), 'Samtale');
  const meetingUrl = page.url().split('?')[0];
  assert.equal(await page.locator('a:has-text("Vælg en anden tid")').count(), 1, 'staff may move it');
  const staffView = await page.locator('main').textContent();
  assert.match(staffView, /Indkaldelse/);
  assert.match(staffView, /Kjellerups Torv 5/);
  await expectNoAxeViolations(page, assert);

  // The citizen reads the whole address, the way in, step-free access, and that it cannot be
  // moved by them.
  const citizenPage = await newPage(browser);
  await signIn(citizenPage, server.url, 'ivan.indkaldt');
  await citizenPage.goto(`${server.url}/borger/samtaler`);
  const mine = await citizenPage.locator('main').textContent();
  assert.match(mine, /Du er indkaldt til denne samtale/);
  assert.match(mine, /Jobcenter Aalborg/);
  assert.match(mine, /Kjellerups Torv 5/);
  assert.match(mine, /9000 Aalborg/);
  assert.match(mine, /Indgang fra torvet/);
  assert.match(mine, /Der er adgang uden trin/);
  assert.match(mine, /Du kan ikke selv flytte tiden/);
  await expectNoAxeViolations(citizenPage, assert);
  // Nor is it offered: the meeting page has no "Vælg en anden tid" for them.
  await citizenPage.goto(meetingUrl);
  assert.match(await citizenPage.locator('main').textContent(), /Kjellerups Torv 5/);
  assert.equal(await citizenPage.locator('a:has-text("Vælg en anden tid")').count(), 0);
  await expectNoAxeViolations(citizenPage, assert);
});

test('a citizen who cannot come says why, and the caseworker refuses with a reason', async () => {
  const api = (path, options) => harnessApi(server.url, path, options);
  const { json: { token } } = await api('/api/v1/dev/session', { body: { login: 'aalborg.jk5' } });
  const made = await api('/api/v1/citizens', { token, body: { cpr: '0403861234', name: 'Alma Afbud', municipality: '0851', target_group: 'job_ready_cash_benefit', unemployed_since: '2026-11-02', login: 'alma.afbud' } });
  assert.equal(made.status, 201, JSON.stringify(made.json));
  const start = new Date((await serverNow(server.url)).getTime() + 61 * 24 * 3600 * 1000);
  start.setUTCHours(9, 0, 0, 0);
  const slot = await api('/api/v1/slots', { token, body: { start: start.toISOString(), end: new Date(start.getTime() + 30 * 60000).toISOString(), channels: ['in_person'], location: 'Jobcentret' } });
  const { json: { locations } } = await api('/api/v1/locations', { token });
  const meeting = await api('/api/v1/meetings', { token, body: { citizen_id: made.json.id, slot_id: slot.json.id, channel: 'in_person', call_in: { location_id: locations[0].id } } });
  assert.equal(meeting.status, 201, JSON.stringify(meeting.json));
  const url = `${server.url}/samtaler/${meeting.json.id}`;

  const citizen = await newPage(browser);
  await signIn(citizen, server.url, 'alma.afbud');
  await citizen.goto(url);
  assert.equal(await citizen.locator('button:has-text("Aflys samtalen")').count(), 0, 'a call-in is not cancelled by the citizen');
  await expectNoAxeViolations(citizen, assert);
  await citizen.click('button:has-text("Send afbud")');
  assert.match(await citizen.locator('[role="alert"]').textContent(), /Vælg hvorfor du ikke kan komme/);
  assert.match(await citizen.locator('#absence_reason-error').textContent(), /Vælg hvorfor du ikke kan komme/);
  await expectNoAxeViolations(citizen, assert);
  await citizen.check('#absence-illness');
  await citizen.click('button:has-text("Send afbud")');
  assert.match(await citizen.locator('main').textContent(), /Du har meldt afbud: Jeg er syg/);
  await expectNoAxeViolations(citizen, assert);

  const staff = await newPage(browser);
  await signIn(staff, server.url, 'aalborg.jk5');
  await staff.goto(url);
  assert.match(await staff.locator('main').textContent(), /Borgerens begrundelse: Jeg er syg/);
  await expectNoAxeViolations(staff, assert);
  await staff.check('#decision-refuse');
  await staff.click('button:has-text("Gem afgørelse")');
  assert.match(await staff.locator('[role="alert"]').textContent(), /Skriv hvorfor afbuddet ikke godkendes/);
  assert.equal(await staff.locator('#decision_note').getAttribute('aria-invalid'), 'true');
  await staff.check('#decision-refuse');
  await staff.fill('#decision_note', 'Du kan få hjælp til at komme, ring til os.');
  await staff.click('button:has-text("Gem afgørelse")');
  assert.match(await staff.locator('main').textContent(), /Afbuddet er ikke godkendt/);

  await citizen.goto(url);
  assert.match(await citizen.locator('main').textContent(), /Dit afbud er ikke godkendt, og samtalen står ved magt. Begrundelse: »Du kan få hjælp til at komme, ring til os.«/);
  await expectNoAxeViolations(citizen, assert);
});

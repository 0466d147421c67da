// A video meeting in two real browsers: two headless Chromium instances with a fake camera and
// microphone. The caseworker opens the room; the citizen checks their devices and waits in the
// waiting room until let in; then each receives the other's video frames. A citizen who is not
// part of the meeting gets no room. The page without JavaScript says how else to reach us.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, signIn, expectNoAxeViolations, serverNow } from './harness.mjs';

const fakeMedia = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];
let server;
let staffBrowser;
let citizenBrowser;

before(async () => {
  server = await startServer();
  staffBrowser = await launchBrowser({ args: fakeMedia });
  citizenBrowser = await launchBrowser({ args: fakeMedia });
});

after(async () => {
  await staffBrowser?.close();
  await citizenBrowser?.close();
  await server?.stop();
});

async function api(path, { token, body } = {}) {
  const r = await fetch(`${server.url}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: r.status, json: await r.json() };
}

/// Books a video meeting of `aalborg.jk1` with the citizen signed in on `page`, 60 days ahead
/// (clear of the demo's availability); returns its join_url.
async function bookVideo(page) {
  await page.goto(`${server.url}/borger/beskeder`);
  const citizenId = (await page.locator('#thread').getAttribute('data-live')).split('/')[3];
  const { json: { token } } = await api('/api/v1/dev/session', { body: { login: 'aalborg.jk1' } });
  const start = new Date((await serverNow(server.url)).getTime() + 60 * 24 * 3600 * 1000);
  start.setUTCHours(6, 0, 0, 0);
  const end = new Date(start.getTime() + 30 * 60 * 1000);
  // The first conversation is in person by law (LAB § 33), so one is booked the hour before.
  const before = new Date(start.getTime() - 60 * 60 * 1000);
  const inPerson = await api('/api/v1/slots', { token, body: { start: before.toISOString(), end: new Date(before.getTime() + 30 * 60 * 1000).toISOString(), channels: ['in_person'], location: 'Jobcenter Aalborg, Kjellerups Torv 5' } });
  assert.equal(inPerson.status, 201, JSON.stringify(inPerson.json));
  const first = await api('/api/v1/meetings', { token, body: { citizen_id: citizenId, slot_id: inPerson.json.id, channel: 'in_person' } });
  assert.equal(first.status, 201, JSON.stringify(first.json));
  const slot = await api('/api/v1/slots', { token, body: { start: start.toISOString(), end: end.toISOString(), channels: ['video'] } });
  assert.equal(slot.status, 201, JSON.stringify(slot.json));
  const meeting = await api('/api/v1/meetings', { token, body: { citizen_id: citizenId, slot_id: slot.json.id, channel: 'video' } });
  assert.equal(meeting.status, 201, JSON.stringify(meeting.json));
  return meeting.json.join_url;
}

async function framesArrive(page) {
  await page.waitForFunction(() => {
    const v = document.querySelector('#remotes video');
    return v && v.videoWidth > 0 && v.getVideoPlaybackQuality().totalVideoFrames > 2;
  }, null, { timeout: 20_000 });
}

test('caseworker and citizen meet by video after the waiting room', async () => {
  const citizenContext = await citizenBrowser.newContext({ locale: 'da-DK' });
  const citizen = await citizenContext.newPage();
  await signIn(citizen, server.url, 'borger.aalborg5');
  const joinUrl = await bookVideo(citizen);
  assert.ok(joinUrl.startsWith(server.url), joinUrl);

  // Without JavaScript the room says what video needs; the page passes axe.
  const plain = await newPage(citizenBrowser);
  await signIn(plain, server.url, 'borger.aalborg5');
  await plain.goto(joinUrl);
  assert.equal(await plain.locator('h1').textContent(), 'Videosamtale');
  assert.match(await plain.locator('noscript').innerHTML(), /kræver JavaScript/);
  await expectNoAxeViolations(plain, assert);

  // The citizen checks camera and microphone, then waits.
  await citizen.goto(joinUrl);
  await citizen.waitForSelector('#check-status:has-text("virker")');
  await citizen.click('#enter');
  await citizen.waitForSelector('#waiting-room:not([hidden])');

  // The caseworker opens the room and lets the citizen in.
  const staffContext = await staffBrowser.newContext({ locale: 'da-DK' });
  const staff = await staffContext.newPage();
  await signIn(staff, server.url, 'aalborg.jk1');
  await staff.goto(joinUrl);
  await staff.waitForSelector('#check-status:has-text("virker")');
  await staff.click('#enter');
  const admit = staff.locator('#waiting button');
  await admit.waitFor();
  assert.match(await admit.textContent(), /^Luk ind: /);
  assert.equal(await citizen.locator('#remotes video').count(), 0, 'nothing before being let in');
  await admit.click();

  // Each browser receives the other's video.
  await framesArrive(citizen);
  await framesArrive(staff);
  assert.ok(await citizen.locator('#waiting-room').isHidden());

  // Someone who is not part of the meeting finds no room.
  const stranger = await newPage(citizenBrowser);
  await signIn(stranger, server.url, 'borger.aalborg1');
  const response = await stranger.goto(joinUrl);
  assert.equal(response.status(), 404);
  // A colleague who may read the meeting is told who can join, and is offered no button
  // into a room that would turn them away (issue 20).
  const colleague = await newPage(staffBrowser);
  await signIn(colleague, server.url, 'aalborg.jk2');
  const meetingId = new URL(joinUrl).pathname.split('/')[2];
  await colleague.goto(`${server.url}/samtaler/${meetingId}`);
  assert.equal(await colleague.locator('a:has-text("Gå til videosamtalen")').count(), 0);
  assert.match(await colleague.locator('[data-testid="video-participants"]').textContent(), /^Kun .+ og borgeren kan deltage i videosamtalen\.$/);
  await expectNoAxeViolations(colleague, assert);

  // Leaving tells the other side.
  await citizen.click('#leave');
  await staff.waitForFunction(() => document.querySelectorAll('#remotes video').length === 0);
});

test('an interpreter enters the video meeting by the link staff send, waits, and is let in', async () => {
  const { json: { token } } = await api('/api/v1/dev/session', { body: { login: 'aalborg.jk1' } });
  const made = await api('/api/v1/citizens', { token, body: { cpr: '1010861234', name: 'Amal Arabi', municipality: '0851', target_group: 'job_ready_cash_benefit', unemployed_since: '2026-11-23', login: 'amal.arabi' } });
  assert.equal(made.status, 201, JSON.stringify(made.json));
  // The first conversation in person (LAB § 33), then the video meeting with an interpreter,
  // 64 days ahead, clear of the other test's times.
  const start = new Date((await serverNow(server.url)).getTime() + 64 * 24 * 3600 * 1000);
  start.setUTCHours(9, 0, 0, 0);
  const before = new Date(start.getTime() - 60 * 60 * 1000);
  const inPerson = await api('/api/v1/slots', { token, body: { start: before.toISOString(), end: new Date(before.getTime() + 30 * 60 * 1000).toISOString(), channels: ['in_person'], location: 'Jobcenter Aalborg, Kjellerups Torv 5' } });
  assert.equal(inPerson.status, 201, JSON.stringify(inPerson.json));
  const first = await api('/api/v1/meetings', { token, body: { citizen_id: made.json.id, slot_id: inPerson.json.id, channel: 'in_person' } });
  assert.equal(first.status, 201, JSON.stringify(first.json));
  const slot = await api('/api/v1/slots', { token, body: { start: start.toISOString(), end: new Date(start.getTime() + 30 * 60 * 1000).toISOString(), channels: ['video'] } });
  assert.equal(slot.status, 201, JSON.stringify(slot.json));
  const meeting = await api('/api/v1/meetings', { token, body: { citizen_id: made.json.id, slot_id: slot.json.id, channel: 'video', interpreter: { language: 'ar', mode: 'video' } } });
  assert.equal(meeting.status, 201, JSON.stringify(meeting.json));
  assert.equal(meeting.json.interpreter.mode, 'video');

  // Staff read the link on the meeting page.
  const staffContext = await staffBrowser.newContext({ locale: 'da-DK' });
  const staff = await staffContext.newPage();
  await signIn(staff, server.url, 'aalborg.jk1');
  await staff.goto(`${server.url}/samtaler/${meeting.json.id}`);
  assert.match(await staff.locator('[data-testid="interpreter"]').textContent(), /^Arabisk, i videosamtalen – Tolkeservice Nord/);
  const link = await staff.locator('[data-testid="interpreter-link"]').textContent();
  assert.match(link, new RegExp(`/moeder/${meeting.json.id}/video/tolk/[0-9a-f]{32}$`));

  // The interpreter, signed in nowhere, checks their devices and waits.
  const interpreterContext = await citizenBrowser.newContext({ locale: 'da-DK' });
  const interpreter = await interpreterContext.newPage();
  await interpreter.goto(link);
  assert.equal(await interpreter.locator('h1').textContent(), 'Videosamtale');
  await expectNoAxeViolations(interpreter, assert);
  await interpreter.waitForSelector('#check-status:has-text("virker")');
  await interpreter.click('#enter');
  await interpreter.waitForSelector('#waiting-room:not([hidden])');
  // A wrong secret opens nothing.
  const wrong = await (await citizenBrowser.newContext()).newPage();
  assert.equal((await wrong.goto(link.replace(/[0-9a-f]{32}$/, '0'.repeat(32)))).status(), 404);

  await staff.goto(meeting.json.join_url);
  await staff.waitForSelector('#check-status:has-text("virker")');
  await staff.click('#enter');
  const admit = staff.locator('#waiting button');
  await admit.waitFor();
  assert.match(await admit.textContent(), /Tolkeservice Nord/);
  await admit.click();
  await framesArrive(interpreter);
  await framesArrive(staff);
  await interpreterContext.close();
  await staffContext.close();
});

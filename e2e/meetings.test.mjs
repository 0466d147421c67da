// Meetings in the browser with JavaScript off: a citizen books, adds to calendar and cancels; a
// caseworker publishes times, books for a citizen with a call-in, and sees refusals beside the
// form. Every page is checked for WCAG 2.1 AA violations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, signIn, expectNoAxeViolations, api as harnessApi, serverNow, serverAndBrowser } from './harness.mjs';

let server;
let browser;
serverAndBrowser((s, b) => { server = s; browser = b; });

const isoDate = (d) => d.toISOString().slice(0, 10);

test('a citizen books a meeting, adds it to their calendar and cancels it', async () => {
  const page = await newPage(browser);
  await signIn(page, server.url, 'borger.aalborg2');
  await page.click('nav >> text=Mine samtaler');
  assert.equal(await page.locator('h1').textContent(), 'Mine samtaler');
  await expectNoAxeViolations(page, assert);

  await page.click('text=Book en samtale');
  assert.equal(await page.locator('h1').textContent(), 'Book en samtale');
  await expectNoAxeViolations(page, assert);
  // A day, then a time, then how (the steps are tested in full in booking.test.mjs).
  await page.locator('main ul.ju-choices a').first().click();
  const label = await page.locator('label[for="tid-1"]').textContent();
  await page.check('#tid-1');
  await page.click('button:has-text("Fortsæt")');
  assert.match(await page.locator('main').textContent(), /Du har valgt/);
  await expectNoAxeViolations(page, assert);

  // Submitting without a channel keeps the choice and says what to do.
  await page.click('button:has-text("Book samtalen")');
  assert.match(await page.locator('[role="alert"]').textContent(), /Vælg hvordan samtalen skal foregå/);
  await expectNoAxeViolations(page, assert);

  await page.locator('input[name="channel"]:not([disabled])').first().check();
  await page.click('button:has-text("Book samtalen")');
  assert.equal(await page.locator('h1').textContent(), 'Samtale');
  const details = await page.locator('dl').first().textContent();
  assert.ok(details.includes(label.split(' ')[0].split('–')[0]), `${details} has the chosen time ${label}`);
  assert.match(details, /Booket/);
  await expectNoAxeViolations(page, assert);

  const meetingUrl = page.url().split('?')[0];
  const ics = await page.request.get(`${meetingUrl}/kalender.ics`);
  assert.equal(ics.status(), 200);
  assert.match(await ics.text(), /BEGIN:VEVENT[\s\S]*DTSTART;TZID=Europe\/Copenhagen:/);

  // A cancellation needs a reason; the refusal says what to do beside the field, and nothing
  // changes.
  await page.click('button:has-text("Aflys samtalen")');
  assert.match(await page.locator('#reason-error').textContent(), /Skriv hvorfor du aflyser samtalen/);
  assert.equal(await page.locator('#reason').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('[role="alert"] a[href="#reason"]').count(), 1);
  assert.match(await page.locator('dl').first().textContent(), /Booket/);
  await expectNoAxeViolations(page, assert);
  await page.fill('#reason', 'Jeg skal til jobsamtale <b>hos Vestas</b>');
  await page.click('button:has-text("Aflys samtalen")');
  const after = await page.locator('dl').first().textContent();
  assert.match(after, /Aflyst af borger: Jeg skal til jobsamtale <b>hos Vestas<\/b>/, 'the reason is shown as typed, escaped');

  // Cancelled before its time, it is listed as cancelled, not as an earlier meeting.
  await page.click('nav >> text=Mine samtaler');
  const cancelled = page.locator('h2:has-text("Aflyste samtaler") + ul');
  assert.match(await cancelled.textContent(), /Aflyst af borger: Jeg skal til jobsamtale/);
  const earlier = await page.locator('table').count() ? await page.locator('table').textContent() : '';
  assert.doesNotMatch(earlier, /Aflyst/);
  await expectNoAxeViolations(page, assert);
});

test('a caseworker publishes times and books a citizen in with a call-in', async () => {
  const page = await newPage(browser);
  await signIn(page, server.url, 'aalborg.jk3');
  await page.click('nav >> text=Min kalender');
  assert.match(await page.locator('h1').textContent(), /Min kalender: Uge \d+/);
  assert.ok(await page.locator('.ju-times li').count() > 0, 'the demo has published times');
  await expectNoAxeViolations(page, assert);

  // The private feed for Outlook: no sign-in, the meetings, no citizen's name.
  const feedUrl = (await page.locator('.ju-feed').textContent()).trim();
  const bookedName = (await page.locator('.ju-times a').first().textContent()).split(' – ')[0];
  const feed = await fetch(feedUrl);
  assert.equal(feed.status, 200);
  const ics = await feed.text();
  assert.match(ics, /BEGIN:VEVENT/);
  assert.ok(!ics.includes(bookedName), 'citizens are not named in the feed');
  assert.equal((await fetch(feedUrl.replace(/\.[0-9a-f]+\.ics$/, '.0000.ics'))).status, 404, 'a guessed token finds nothing');

  // A new address: the old one stops at once.
  await page.click('button:has-text("Lav en ny adresse")');
  assert.match(await page.locator('[role="status"]').textContent(), /ny adresse/);
  const renewed = (await page.locator('.ju-feed').textContent()).trim();
  assert.notEqual(renewed, feedUrl);
  assert.equal((await fetch(feedUrl)).status, 404, 'the old address no longer works');
  assert.equal((await fetch(renewed)).status, 200);
  await expectNoAxeViolations(page, assert);

  // Weekly times without weekdays or channels: refused beside the fields, nothing created.
  await page.fill('#w-day_start', '13:00');
  await page.fill('#w-day_end', '14:00');
  await page.fill('#w-slot_minutes', '30');
  await page.click('form[action="/medarbejder/tider/ugentlig"] button');
  const summary = await page.locator('[role="alert"]').textContent();
  assert.match(summary, /Ugedage: Vælg mindst én/);
  assert.match(summary, /Kontaktformer/);
  assert.equal(await page.inputValue('#w-day_start'), '13:00', 'what was typed is kept');
  // The message sits at the checkbox group too, and the group says so to a screen reader.
  assert.match(await page.title(), /^Fejl: /);
  assert.match(await page.locator('#w-weekdays-error').textContent(), /Vælg mindst én/);
  assert.equal(await page.locator('#w-weekdays').getAttribute('aria-describedby'), 'w-weekdays-error');
  assert.equal(await page.locator('#w-wd-monday').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#w-channels').getAttribute('aria-describedby'), 'w-channels-error');
  await expectNoAxeViolations(page, assert);

  const start = new Date((await serverNow(server.url)).getTime() + 24 * 3600 * 1000);
  const end = new Date((await serverNow(server.url)).getTime() + 29 * 24 * 3600 * 1000);
  await page.check('#w-wd-friday');
  await page.check('#w-ch-video');
  await page.check('#w-ch-phone');
  await page.fill('#w-first_day', isoDate(start));
  await page.fill('#w-last_day', isoDate(end));
  await page.click('form[action="/medarbejder/tider/ugentlig"] button');
  assert.match(await page.locator('[role="status"]').textContent(), /tider er oprettet/);
  // "Fjern" on a later week removes the time and stays on that week.
  const friday = new Date(start.getTime() + 14 * 24 * 3600 * 1000);
  await page.goto(`${server.url}/medarbejder/kalender?uge=${isoDate(friday)}`);
  const week = await page.locator('h1').textContent();
  const free = await page.locator('button:has-text("Fjern")').count();
  assert.ok(free > 0, 'the week has free times');
  await page.locator('button:has-text("Fjern")').first().click();
  assert.equal(await page.locator('h1').textContent(), week);
  assert.match(await page.locator('[role="status"]').textContent(), /Tiden er fjernet fra din kalender/);
  assert.equal(await page.locator('button:has-text("Fjern")').count(), free - 1);

  // Book for one of the citizens, calling them in.
  await page.goto(`${server.url}/medarbejder`);
  await page.locator('tbody a').first().click();
  await page.click('text=Book en samtale');
  await page.locator('main ul.ju-choices a').first().click();
  await page.locator('input[name="tid"]').first().check();
  await page.click('button:has-text("Fortsæt")');
  await page.check('#channel-in_person');
  await page.check('#attendance');
  await page.click('button:has-text("Book samtalen")');
  assert.match(await page.locator('[role="alert"]').textContent(), /Skriv hvorfor borgeren skal møde personligt op/);
  await page.fill('#attendance_reason', 'Vi skal lave din jobplan sammen');
  await page.check('#channel-in_person');
  await page.click('button:has-text("Book samtalen")');
  assert.equal(await page.locator('h1').textContent(), 'Samtale');
  assert.match(await page.locator('main').textContent(), /Vi skal lave din jobplan sammen/);
  await expectNoAxeViolations(page, assert);
  await page.click('text=Tilbage til borgeren');
  assert.match(await page.locator('table').last().textContent(), /Fremmøde/);
  await expectNoAxeViolations(page, assert);
});

test('the jobcenter prints letters for citizens without digital mail', async () => {
  const page = await newPage(browser);
  await signIn(page, server.url, 'aalborg.jk5');
  await page.click('nav >> text=Breve');
  assert.equal(await page.locator('h1').textContent(), 'Breve til udskrivning');
  // The demo's booked meetings give letters once the notification worker has run (every 5 s).
  for (let i = 0; i < 30 && (await page.locator('#waiting tbody tr').count()) === 0; i++) {
    await new Promise((r) => setTimeout(r, 500));
    await page.reload();
  }
  const waiting = page.locator('#waiting tbody tr');
  const before = await waiting.count();
  assert.ok(before > 0, 'letters are waiting');
  await expectNoAxeViolations(page, assert);
  // A letter to a citizen without a postal address is not printed: it says so instead.
  const missing = page.locator('#waiting tbody tr:has(.ju-address-missing)');
  if ((await missing.count()) > 0) {
    assert.match(await missing.first().textContent(), /Mangler adresse/);
    assert.equal(await missing.first().locator('a[href$="brev.pdf"], button').count(), 0, 'nothing to print');
    assert.match(await missing.first().locator('a').getAttribute('href'), /^\/medarbejder\/borgere\/[^/]+\/oplysninger$/, 'the way to give the address');
  }
  const rows = page.locator('#waiting tbody tr:has(a[href$="brev.pdf"])');

  const href = await rows.first().locator('a').getAttribute('href');
  const pdf = await page.request.get(`${server.url}${href}`);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  const bytes = await pdf.body();
  assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
  const { execFileSync } = await import('node:child_process');
  const { writeFileSync, mkdtempSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const file = join(mkdtempSync(join(tmpdir(), 'ju-pdf-')), 'brev.pdf');
  writeFileSync(file, bytes);
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
  assert.match(text, /Kære /);
  assert.match(text, /Jobcenter Aalborg/);
  assert.match(text, /samtale/);
  // The reference the letter gives is the one "Breve" shows, to find it when the citizen calls.
  const reference = text.match(/Vores reference: ([0-9A-Z]{4}-[0-9A-Z]{4})/);
  assert.ok(reference, text);
  assert.match(await rows.first().textContent(), new RegExp(`Reference ${reference[1]}`));

  await rows.first().locator('button').click();
  assert.equal(await page.locator('#waiting tbody tr').count(), before - 1);
  assert.match(await page.locator('h2').last().textContent(), /Senest sendte/);
  // Printed, not sent by Digital Post: the list says which.
  assert.match(await page.locator('main table').last().locator('tbody tr').first().textContent(), /Udskrevet/);
});

test('bad addresses get a Danish page that says what to do, never a server error', async () => {
  const page = await newPage(browser);
  await signIn(page, server.url, 'aalborg.jk2');
  await page.goto(`${server.url}/medarbejder`);
  const citizen = (await page.locator('tbody a').first().getAttribute('href')).split('/').pop();
  for (const [path, status] of [
    ['/samtaler/ny', 400],
    [`/samtaler/ny?borger=${citizen}&tid=findes-ikke`, 400],
    ['/samtaler/ny?borger=findes-ikke', 404],
    ['/screening', 400],
    ['/samtaler/findes-ikke', 404],
    ['/kalender/nogen.gaet.ics', 404],
    ['/medarbejder/kalender?uge=ikke-en-dato', 200],
  ]) {
    const r = await page.goto(`${server.url}${path}`);
    assert.equal(r.status(), status, path);
    if (status !== 200) assert.match(await page.locator('main').textContent(), /Gå tilbage|findes ikke/, path);
  }
  await page.goto(`${server.url}/samtaler/ny`);
  await expectNoAxeViolations(page, assert);
});

test('a first conversation is offered in person only, with the law as the reason', async () => {
  const api = (path, options) => harnessApi(server.url, path, options);
  const { json: { token } } = await api('/api/v1/dev/session', { body: { login: 'aalborg.jk1' } });
  const made = await api('/api/v1/citizens', { token, body: { cpr: '0404884321', name: 'Første Førstegang', municipality: '0851', target_group: 'job_ready_cash_benefit', unemployed_since: '2026-11-02' } });
  assert.equal(made.status, 201, JSON.stringify(made.json));
  // A time 90 days ahead, clear of the demo's availability, offered in person and by video.
  const start = new Date((await serverNow(server.url)).getTime() + 90 * 24 * 3600 * 1000);
  start.setUTCHours(8, 0, 0, 0);
  const slot = await api('/api/v1/slots', { token, body: { start: start.toISOString(), end: new Date(start.getTime() + 30 * 60000).toISOString(), channels: ['in_person', 'video'], location: 'Jobcenter Aalborg, Kjellerups Torv 5' } });
  assert.equal(slot.status, 201, JSON.stringify(slot.json));

  const page = await newPage(browser);
  await signIn(page, server.url, 'aalborg.jk1');
  await page.goto(`${server.url}/samtaler/ny?borger=${made.json.id}&tid=${encodeURIComponent(`${slot.json.start}/${slot.json.end}`)}`);
  assert.ok(await page.locator('#channel-video').isDisabled(), 'video is not offered');
  // Staff read the reason about the citizen, not as if it were their own meeting.
  assert.match(await page.locator('#channel-video-why').textContent(), /^Borgerens første samtale skal efter loven holdes ved personligt fremmøde/);
  assert.ok(!(await page.locator('#channel-in_person').isDisabled()));
  await expectNoAxeViolations(page, assert);

  // Staff book for him from now on, for a reason of the executive order (BEK 1216/2023 § 45).
  await page.goto(`${server.url}/medarbejder/borgere/${made.json.id}`);
  await page.selectOption('#grund', 'language');
  await page.click('form[action$="/selvbooking"] button');
  assert.equal(await page.inputValue('#grund'), 'language');
  await expectNoAxeViolations(page, assert);
  const after = await api(`/api/v1/citizens/${made.json.id}`, { token });
  assert.equal(after.json.self_booking_exempt, true);
  assert.equal(after.json.self_booking_exempt_reason, 'language');
});

test('an insured citizen books a meeting with their a-kasse', async () => {
  const api = (path, options) => harnessApi(server.url, path, options);
  const { json: { token } } = await api('/api/v1/dev/session', { body: { login: 'aalborg.jk1' } });
  const made = await api('/api/v1/citizens', { token, body: { cpr: '1507884321', name: 'Karla Kassemedlem', municipality: '0851', target_group: 'insured_unemployed', unemployed_since: '2026-11-23', unemployment_fund: '3F', login: 'karla.kasse' } });
  assert.equal(made.status, 201, JSON.stringify(made.json));
  // The a-kasse's adviser has a time 95 days ahead, clear of everything else.
  const adviser = (await api('/api/v1/dev/session', { body: { login: '3f.raadgiver1' } })).json.token;
  const start = new Date((await serverNow(server.url)).getTime() + 95 * 24 * 3600 * 1000);
  start.setUTCHours(9, 0, 0, 0);
  const slot = await api('/api/v1/slots', { token: adviser, body: { start: start.toISOString(), end: new Date(start.getTime() + 30 * 60000).toISOString(), channels: ['in_person', 'phone'], location: '3F Aalborg, Vesterbro 1' } });
  assert.equal(slot.status, 201, JSON.stringify(slot.json));

  const page = await newPage(browser);
  await signIn(page, server.url, 'karla.kasse');
  // Her next conversation is the a-kasse's first: the home page books with the a-kasse.
  await page.goto(`${server.url}/borger`);
  assert.match(await page.locator('main a.button-primary').first().getAttribute('href'), /med=akasse/);
  await page.goto(`${server.url}/borger/samtaler`);
  await page.click('a:has-text("Book samtale med din a-kasse")');
  assert.equal(await page.locator('h2:has-text("Vælg en dag hos din a-kasse")').count(), 1);
  await expectNoAxeViolations(page, assert);
  await page.goto(`${server.url}/samtaler/ny?borger=${made.json.id}&med=akasse&tid=${encodeURIComponent(`${slot.json.start}/${slot.json.end}`)}`);
  // Her first conversation with anyone: in person, by law; the a-kasse's meeting is not joint.
  assert.ok(await page.locator('#channel-phone').isDisabled());
  assert.equal(await page.locator('input[name="with_fund"]').count(), 0);
  await page.check('#channel-in_person');
  await page.click('form[action="/samtaler/ny"] button[type="submit"]');
  assert.match(await page.locator('main').textContent(), /3F Aalborg, Vesterbro 1/, page.url());
  await expectNoAxeViolations(page, assert);
  const mine = await api(`/api/v1/citizens/${made.json.id}/meetings`, { token });
  assert.equal(mine.json.meetings.length, 1);
  assert.equal(mine.json.meetings[0].location, '3F Aalborg, Vesterbro 1');
});

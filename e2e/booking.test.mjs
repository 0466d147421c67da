// Booking that fits in a hand (issue 20 item 1): a citizen on a phone books, moves and cancels
// through steps — a day, a time shown once however many caseworkers have it, then how, with whom
// and where — in at most five screens, none listing more than 40 choices, with a receipt after
// each change. The server picks the caseworker, the citizen's own first. A caseworker at a desk
// books on a citizen's behalf the same way. The test runs in a municipality of its own, so the
// demo's times never mix in. Without JavaScript, axe-checked at every step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signIn, expectNoAxeViolations, api as harnessApi, serverNow, serverAndBrowser } from './harness.mjs';

let server;
let browser;
serverAndBrowser((s, b) => { server = s; browser = b; });

const PLACE = 'Jobcenter Læsø, Doktorvejen 2, 9940 Læsø';

/// Links, visible form controls and buttons in the page's main part: what a person chooses from.
async function choices(page) {
  return page.locator('main a[href], main input:not([type="hidden"]), main button, main select').count();
}

/// The municipality, its three caseworkers (each with the same two times three weeks ahead,
/// and one earlier time for the first), and a citizen whose own caseworker is the second.
async function world(api) {
  const admin = (await api('/api/v1/dev/session', { body: { login: 'admin' } })).json.token;
  const org = await api('/api/v1/municipalities', { token: admin, body: { code: '0825', name: 'Læsø', phone: '+4598491100', phone_hours: 'mandag–fredag kl. 9–14' } });
  assert.equal(org.status, 201, JSON.stringify(org.json));
  const names = ['Anna Andersen', 'Bent Bertelsen', 'Carla Christensen'];
  const workers = [];
  for (const [i, name] of names.entries()) {
    const made = await api('/api/v1/staff', { token: admin, body: { login: `laesoe.jk${i + 1}`, name, role: 'caseworker', municipality: '0825' } });
    assert.equal(made.status, 201, JSON.stringify(made.json));
    workers.push({ ...made.json, token: (await api('/api/v1/dev/session', { body: { login: `laesoe.jk${i + 1}` } })).json.token });
  }
  const day = new Date((await serverNow(server.url)).getTime() + 21 * 24 * 3600 * 1000);
  const at = (h, m) => { const d = new Date(day); d.setUTCHours(h, m, 0, 0); return d; };
  for (const w of workers) {
    for (const start of [at(8, 0), at(8, 30)]) {
      const slot = await api('/api/v1/slots', { token: w.token, body: { start: start.toISOString(), end: new Date(start.getTime() + 30 * 60000).toISOString(), channels: ['in_person', 'phone'], location: PLACE } });
      assert.equal(slot.status, 201, JSON.stringify(slot.json));
    }
  }
  const citizen = await api('/api/v1/citizens', { token: workers[0].token, body: { cpr: '1212914321', name: 'Lise Læsø', municipality: '0825', target_group: 'job_ready_cash_benefit', unemployed_since: '2026-11-30', login: 'lise.laesoe' } });
  assert.equal(citizen.status, 201, JSON.stringify(citizen.json));
  const own = await api(`/api/v1/citizens/${citizen.json.id}`, { method: 'PATCH', token: workers[0].token, body: { caseworker_id: workers[1].id } });
  assert.equal(own.status, 200, JSON.stringify(own.json));
  return { workers, citizen: citizen.json, names };
}

test('a citizen books on a phone in five screens, moves and cancels with a receipt', async () => {
  const api = (path, options) => harnessApi(server.url, path, options);
  const { citizen, names } = await world(api);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'da-DK', javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, server.url, 'lise.laesoe');

  // Screen 1: the home page's one primary button.
  await page.goto(`${server.url}/borger`);
  await page.locator('[data-testid="next-step"] a.button-primary').click();
  // Screen 2: the days of the first week that has times — the empty weeks before are skipped.
  assert.match(await page.locator('[data-testid="book-step"]').textContent(), /Trin 1 af 3/);
  const days = page.locator('main ul.ju-choices a');
  assert.equal(await days.count(), 1, 'one day has times');
  assert.match(await page.locator('main ul.ju-choices').textContent(), /\(2 ledige tider\)/, 'each time counted once, not once per caseworker');
  assert.ok(await choices(page) <= 40, `${await choices(page)} choices`);
  await expectNoAxeViolations(page, assert);
  await days.first().click();
  // Screen 3: the day's times, once each, as radio buttons. "Fortsæt" without one says what to do
  // beside the question.
  assert.equal(await page.locator('input[name="tid"]').count(), 2);
  assert.deepEqual(await page.locator('label[for^="tid-"]').allTextContents(), ['09:00–09:30', '09:30–10:00']);
  assert.ok(await choices(page) <= 40);
  await page.click('button:has-text("Fortsæt")');
  assert.match(await page.title(), /^Fejl: /);
  assert.match(await page.locator('#tid-error').textContent(), /Vælg det tidspunkt, du vil have/);
  assert.equal(await page.locator('#tid').getAttribute('aria-describedby'), 'tid-error');
  assert.equal(await page.locator('input[name="tid"]').first().getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('[role="alert"] a[href="#tid"]').count(), 1, 'the summary links to the question');
  await expectNoAxeViolations(page, assert);
  await page.check('label:has-text("09:30–10:00")');
  await page.click('button:has-text("Fortsæt")');
  // Screen 4: how, with whom and where. The server picked her own caseworker; the first
  // conversation is in person by law, so the phone is offered with the reason it cannot be used.
  const inPerson = await page.locator('#channel-in_person-with').textContent();
  assert.equal(inPerson, `Med ${names[1]}, ${PLACE}`);
  assert.ok(await page.locator('#channel-phone').isDisabled());
  assert.ok(await choices(page) <= 40);
  await page.click('button:has-text("Book samtalen")');
  assert.match(await page.title(), /^Fejl: /, 'no channel chosen');
  assert.match(await page.locator('#channel-error').textContent(), /Vælg hvordan samtalen skal foregå/);
  assert.equal(await page.locator('#channel-in_person').getAttribute('aria-invalid'), 'true');
  await expectNoAxeViolations(page, assert);
  await page.check('#channel-in_person');
  await page.click('button:has-text("Book samtalen")');
  // Screen 5: the receipt.
  assert.match(await page.locator('[data-testid="receipt"]').textContent(), /Samtalen er booket: .*kl\. 09:30–10:00/);
  await expectNoAxeViolations(page, assert);
  const mine = (await api(`/api/v1/citizens/${citizen.id}/meetings`, { token: (await api('/api/v1/dev/session', { body: { login: 'laesoe.jk1' } })).json.token })).json.meetings;
  assert.equal(mine.length, 1);
  assert.equal(mine[0].caseworker_name, names[1]);

  // Moving keeps the caseworker when they have the new time, and says so before it happens.
  await page.click('a:has-text("Vælg en anden tid")');
  await page.locator('main ul.ju-choices a').first().click();
  await page.check('label:has-text("09:00–09:30")');
  await page.click('button:has-text("Fortsæt")');
  assert.equal(await page.locator('#channel-in_person-with').textContent(), `Med ${names[1]}, ${PLACE}`);
  await page.check('#channel-in_person');
  await page.click('button:has-text("Flyt samtalen hertil")');
  assert.match(await page.locator('[data-testid="receipt"]').textContent(), /Samtalen er flyttet til .*kl\. 09:00–09:30/);

  // Cancelling: a reason, then the receipt; the cancelled meeting is not a past one.
  await page.fill('#reason', 'Jeg har fået arbejde');
  await page.click('form[action$="/aflys"] button');
  assert.match(await page.locator('[data-testid="receipt"]').textContent(), /er aflyst/);
  await expectNoAxeViolations(page, assert);
  // A cancelled meeting whose time has not come is not one of "Tidligere samtaler".
  await page.goto(`${server.url}/borger/samtaler`);
  assert.match(await page.locator('main').textContent(), /Tidligere samtaler/);
  assert.equal(await page.locator('main table a', { hasText: /09:00–09:30/ }).count(), 0);
  assert.equal(await page.locator('main li a', { hasText: /09:00–09:30/ }).count(), 1, 'listed as cancelled');
  await context.close();
});

test('a caseworker books on behalf of a citizen through the same steps at a desk', async () => {
  const api = (path, options) => harnessApi(server.url, path, options);
  const token = (await api('/api/v1/dev/session', { body: { login: 'laesoe.jk3' } })).json.token;
  const other = await api('/api/v1/citizens', { token, body: { cpr: '0101924321', name: 'Ole Øboer', municipality: '0825', target_group: 'job_ready_cash_benefit', unemployed_since: '2026-11-30' } });
  assert.equal(other.status, 201, JSON.stringify(other.json));
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'da-DK', javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, server.url, 'laesoe.jk3');
  await page.goto(`${server.url}/medarbejder/borgere/${other.json.id}`);
  await page.locator('main a.button-primary:has-text("Book")').first().click();
  assert.match(await page.locator('[data-testid="book-step"]').textContent(), /Trin 1 af 3/);
  await page.locator('main ul.ju-choices a').first().click();
  await page.locator('input[name="tid"]').first().check();
  await page.click('button:has-text("Fortsæt")');
  // Ole has no caseworker: the one booking meets him.
  assert.equal(await page.locator('#channel-in_person-with').textContent(), `Med Carla Christensen, ${PLACE}`);
  // Requiring attendance without a reason: the message sits at the reason field.
  await page.check('#channel-in_person');
  await page.check('#attendance');
  await page.click('button:has-text("Book samtalen")');
  assert.match(await page.locator('#attendance_reason-error').textContent(), /Skriv hvorfor borgeren skal møde personligt op/);
  assert.equal(await page.locator('#attendance_reason').getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#attendance_reason').getAttribute('aria-describedby'), /attendance_reason-error/);
  assert.equal(await page.inputValue('#attendance_reason'), '');
  await expectNoAxeViolations(page, assert);
  await page.fill('#attendance_reason', 'Vi skal lave din jobplan sammen');
  await page.check('#channel-in_person');
  await page.click('button:has-text("Book samtalen")');
  assert.match(await page.locator('[data-testid="receipt"]').textContent(), /Samtalen er booket/);
  assert.match(await page.locator('main').textContent(), /Carla Christensen/);
  await context.close();
});

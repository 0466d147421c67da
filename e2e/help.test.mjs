// Self-help answers (issue 21, item 5): a caseworker writes an answer (a blank question is
// refused beside its field), a citizen on a phone without JavaScript finds it by another
// form of the word ("bookede" finds "booke"), a search that finds nothing offers a message,
// and once five citizens have searched for the same thing in vain the manager's report lists
// it. Axe-checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signIn, expectNoAxeViolations, api as harnessApi, serverAndBrowser, setClock } from './harness.mjs';

let server;
let browser;
serverAndBrowser((s, b) => { server = s; browser = b; });

const phone = { viewport: { width: 390, height: 844 }, locale: 'da-DK', javaScriptEnabled: false };
const desk = { viewport: { width: 1366, height: 900 }, locale: 'da-DK', javaScriptEnabled: false };

test('a citizen finds an answer by a Danish word form; searches nobody answered reach the report', async () => {
  const api = (path, options) => harnessApi(server.url, path, options);
  // Sunday 6 December 2026, 22:00 in Copenhagen: no chat, but answers around the clock.
  await setClock(server.url, new Date('2026-12-06T21:00:00Z'));
  const admin = (await api('/api/v1/dev/session', { body: { login: 'admin' } })).json.token;
  const org = await api('/api/v1/municipalities', { token: admin, body: { code: '0410', name: 'Middelfart' } });
  assert.equal(org.status, 201, JSON.stringify(org.json));
  for (const [login, name, role] of [['middelfart.leder', 'Mette Leder', 'manager'], ['middelfart.jk1', 'Jonas Jensen', 'caseworker']]) {
    const made = await api('/api/v1/staff', { token: admin, body: { login, name, role, municipality: '0410' } });
    assert.equal(made.status, 201, JSON.stringify(made.json));
  }
  const token = (await api('/api/v1/dev/session', { body: { login: 'middelfart.jk1' } })).json.token;
  const citizens = [];
  for (let i = 1; i <= 5; i++) {
    const login = `middelfart.borger${i}`;
    const made = await api('/api/v1/citizens', { token, body: { cpr: `1${i}0588123${i}`, name: `Borger ${i} Hansen`, municipality: '0410', target_group: 'job_ready_cash_benefit', unemployed_since: '2026-11-23', login } });
    assert.equal(made.status, 201, JSON.stringify(made.json));
    citizens.push({ id: made.json.id, login });
  }

  // The caseworker writes an answer; a blank question is said beside its field.
  const staff = await (await browser.newContext(desk)).newPage();
  await signIn(staff, server.url, 'middelfart.jk1');
  await staff.goto(`${server.url}/medarbejder/chat`);
  await staff.click('a:has-text("Svar til borgerne")');
  await staff.fill('#answer', 'Vælg „Book en samtale“ under Mine samtaler, og vælg en tid, der passer dig.');
  await staff.click('button:has-text("Gem svaret")');
  assert.match(await staff.title(), /^Fejl:/);
  assert.equal(await staff.getAttribute('#question', 'aria-invalid'), 'true');
  assert.ok((await staff.locator('#question-error').textContent()).length > 5);
  assert.match(await staff.inputValue('#answer'), /Book en samtale/, 'what was typed is kept');
  await expectNoAxeViolations(staff, assert);
  await staff.fill('#question', 'Hvordan booker jeg en samtale?');
  await staff.click('button:has-text("Gem svaret")');
  assert.match(await staff.locator('[data-testid="receipt"]').textContent(), /gemt/);
  assert.match(await staff.locator('[data-testid="help-answers"]').textContent(), /Hvordan booker jeg en samtale\?/);
  await expectNoAxeViolations(staff, assert);

  // A citizen on a phone, without JavaScript, finds it by the past tense.
  const citizen = await (await browser.newContext(phone)).newPage();
  await signIn(citizen, server.url, citizens[0].login);
  await citizen.goto(`${server.url}/borger`);
  assert.match(await citizen.locator('[data-testid="home-chat"]').textContent(), /Skriv en besked – vi svarer inden for to arbejdsdage/);
  await citizen.click('a:has-text("Find svar selv")');
  assert.ok(citizen.url().endsWith('/borger/beskeder#hjaelp'));
  assert.match(await citizen.locator('#chat-status').textContent(), /vi svarer inden for to arbejdsdage/);
  await citizen.fill('#q', 'Jeg bookede forkert');
  await citizen.click('#hjaelp button:has-text("Søg")');
  assert.match(await citizen.locator('[data-testid="help-outcome"]').textContent(), /Vi fandt 1 svar/);
  assert.match(await citizen.locator('#hjaelp h3').first().textContent(), /Hvordan booker jeg en samtale\?/);
  assert.match(await citizen.locator('#hjaelp').textContent(), /under Mine samtaler/);
  await expectNoAxeViolations(citizen, assert);

  // Nothing about pensions: the citizen is offered a message instead (the chat is closed).
  await citizen.fill('#q', 'Pension');
  await citizen.click('#hjaelp button:has-text("Søg")');
  assert.match(await citizen.locator('[data-testid="help-outcome"]').textContent(), /Vi fandt ikke noget svar på „Pension“/);
  assert.equal(await citizen.locator('#hjaelp a:has-text("Start en chat")').count(), 0);
  await citizen.click('#hjaelp a:has-text("Skriv en besked")');
  assert.ok(citizen.url().endsWith('#ny'));
  await expectNoAxeViolations(citizen, assert);
  // Words too long are said beside the field.
  await citizen.goto(`${server.url}/borger/beskeder?q=${'a'.repeat(201)}#hjaelp`);
  assert.equal(await citizen.getAttribute('#q', 'aria-invalid'), 'true');
  assert.match(await citizen.locator('#q-error').textContent(), /200/);

  // Four more citizens search for it in vain: five now, so the report lists it.
  const manager = await (await browser.newContext(desk)).newPage();
  await signIn(manager, server.url, 'middelfart.leder');
  const report = `${server.url}/leder/rapporter?fra=2026-12-06&til=2026-12-06`;
  for (const c of citizens.slice(1, 4)) {
    const t = (await api('/api/v1/dev/session', { body: { login: c.login } })).json.token;
    const r = await api(`/api/v1/citizens/${c.id}/help?q=pension%3F`, { token: t });
    assert.deepEqual(r.json.answers, []);
  }
  await manager.goto(report);
  assert.match(await manager.locator('[data-testid="help-misses-none"]').textContent(), /fem eller flere/);
  const last = citizens[4];
  const t = (await api('/api/v1/dev/session', { body: { login: last.login } })).json.token;
  await api(`/api/v1/citizens/${last.id}/help?q=PENSION`, { token: t });
  await manager.goto(report);
  const row = manager.locator('[data-testid="help-misses"] tbody tr').first();
  assert.match(await row.textContent(), /pension\s*5/);
  await expectNoAxeViolations(manager, assert);
});

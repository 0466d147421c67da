// The contact plan and the worklist in the browser with JavaScript off: the caseworker's
// worklist with its filters, the plan on the citizen's page with "book the next conversation"
// and the exemption form (a missing reason is named beside the field), the manager's counts,
// a long list a page at a time, and the citizen's plan in plain Danish. Every page checked
// with axe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, signIn, expectNoAxeViolations, api as harnessApi, serverNow, serverAndBrowser } from './harness.mjs';

let server;
let browser;
serverAndBrowser((s, b) => { server = s; browser = b; });

// The test's own citizen: insured, unemployed 200 days, so the municipality's conversations
// (months three to six) are overdue; assigned to aalborg.jk1, whose id a slot answers with.
async function overdueCitizen() {
  const api = (path, options) => harnessApi(server.url, path, options);
  const { json: { token } } = await api('/api/v1/dev/session', { body: { login: 'aalborg.jk1' } });
  const since = new Date((await serverNow(server.url)).getTime() - 200 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  const made = await api('/api/v1/citizens', { token, body: { cpr: '3112694321', name: 'Ulla Overskredet', municipality: '0851', target_group: 'insured_unemployed', unemployed_since: since, unemployment_fund: '3F' } });
  assert.equal(made.status, 201, JSON.stringify(made.json));
  const start = new Date((await serverNow(server.url)).getTime() + 400 * 24 * 3600 * 1000);
  start.setUTCHours(8, 0, 0, 0);
  const slot = await api('/api/v1/slots', { token, body: { start: start.toISOString(), end: new Date(start.getTime() + 30 * 60000).toISOString(), channels: ['phone'] } });
  assert.equal(slot.status, 201, JSON.stringify(slot.json));
  await api(`/api/v1/slots/${slot.json.id}`, { token, method: 'DELETE' });
  const assigned = await api(`/api/v1/citizens/${made.json.id}`, { token, method: 'PATCH', body: { caseworker_id: slot.json.caseworker_id } });
  assert.equal(assigned.status, 200, JSON.stringify(assigned.json));
}

test('a caseworker works through the worklist and exempts a citizen', async () => {
  await overdueCitizen();
  const page = await newPage(browser);
  await signIn(page, server.url, 'aalborg.jk1');
  await page.click('nav >> text=Arbejdsliste');
  assert.equal(await page.locator('h1').textContent(), 'Arbejdsliste');
  assert.ok(await page.locator('tbody tr').count() > 0, 'the demo gives the caseworker work');
  await expectNoAxeViolations(page, assert);

  // Only insured unemployed citizens who did not book an overdue conversation themselves.
  await page.selectOption('#aarsag', 'booking_overdue');
  await page.selectOption('#gruppe', 'insured_unemployed');
  await page.click('button:has-text("Vis")');
  const reasons = await page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.reason));
  assert.ok(reasons.length > 0, 'someone is overdue');
  assert.deepEqual([...new Set(reasons)], ['booking_overdue']);
  assert.equal(await page.inputValue('#aarsag'), 'booking_overdue', 'the filter is kept');

  await page.locator('tbody a:has-text("Ulla Overskredet")').click();
  assert.equal(await page.locator('#plan').textContent(), 'Kontaktforløb');
  assert.ok(await page.locator('tr[data-status="overdue"]').count() > 0);
  assert.match(await page.locator('main').textContent(), /Regler: lab-2026-07-01/);
  assert.ok(await page.locator('a:has-text("Book næste samtale")').isVisible());
  await expectNoAxeViolations(page, assert);

  // She was to book it herself and did not: the a-kasse is told, once.
  await page.click('button:has-text("Giv a-kassen besked")');
  assert.match(await page.locator('main').textContent(), /A-kassen har fået besked om den manglende booking/);
  assert.equal(await page.locator('button:has-text("Giv a-kassen besked")').count(), 0);

  // An exemption needs a reason; the refusal is shown beside the field and nothing changes.
  const before = await page.locator('tr[data-status]').count();
  await page.selectOption('#exempt', 'yes');
  await page.click('form[action$="/fritagelse"] button');
  assert.match(await page.locator('#exemption_reason-error').textContent(), /Udfyld feltet/);
  assert.equal(await page.locator('tr[data-status]').count(), before);
  await expectNoAxeViolations(page, assert);
  await page.selectOption('#exempt', 'yes');
  await page.fill('#exemption_reason', 'Starter i job 1. december');
  await page.click('form[action$="/fritagelse"] button');
  assert.match(await page.locator('main').textContent(), /Fritaget for kommunens samtaler: Starter i job 1. december/);
  assert.ok(await page.locator('tr[data-status]').count() < before, 'exempted conversations leave the plan');

  await page.click('a:has-text("Book næste samtale")');
  assert.match(await page.locator('h1').textContent(), /samtale/i);
});

test('an a-kasse adviser\'s worklist holds the a-kasse\'s own conversations', async () => {
  const page = await newPage(browser);
  await signIn(page, server.url, '3f.raadgiver1');
  assert.match(await page.locator('body').textContent(), /A-kasserådgiver/, 'named as an a-kasse adviser');
  await page.click('nav >> text=Arbejdsliste');
  assert.equal(await page.locator('h1').textContent(), 'Arbejdsliste');
  // The first test's citizen is a 3F member whose a-kasse conversations she did not book.
  await page.selectOption('#aarsag', 'booking_overdue');
  await page.click('button:has-text("Vis")');
  assert.ok(await page.locator('tbody a:has-text("Ulla Overskredet")').count() > 0, 'the a-kasse sees its member');
  await expectNoAxeViolations(page, assert);
  // The first test told the a-kasse that she did not book: it is in "Underretninger".
  await page.click('nav >> text=Underretninger');
  const row = page.locator('tbody tr', { hasText: 'Ulla Overskredet' });
  assert.match(await row.textContent(), /Ikke booket: skulle holdes senest/);
  await expectNoAxeViolations(page, assert);
});

test('a manager sees the municipality and each caseworker\'s counts', async () => {
  const page = await newPage(browser);
  await signIn(page, server.url, 'aalborg.leder');
  await page.goto(`${server.url}/medarbejder/arbejdsliste?aarsag=unassigned`);
  const reasons = await page.locator('tbody tr[data-reason]').evaluateAll((rows) => rows.map((r) => r.dataset.reason));
  assert.ok(reasons.length > 0, 'the demo has citizens without a caseworker');
  assert.deepEqual([...new Set(reasons)], ['unassigned']);
  const counts = page.locator('table', { hasText: 'Jobkonsulent' });
  assert.ok(await counts.locator('tbody tr').count() >= 10);
  await expectNoAxeViolations(page, assert);
  await page.click('nav >> text=Kontaktkrav');
  assert.equal(await page.locator('h1').textContent(), 'Kontaktkrav');
  assert.match(await page.locator('table', { hasText: 'Pr. kommune' }).textContent(), /0851/);
  await expectNoAxeViolations(page, assert);
  // An address edited by hand with an unknown reason shows everything rather than failing.
  const r = await page.goto(`${server.url}/medarbejder/arbejdsliste?aarsag=%3Cscript%3E`);
  assert.equal(r.status(), 200);
});

test('the citizen reads their plan in plain Danish', async () => {
  const page = await newPage(browser);
  await signIn(page, server.url, 'borger.aalborg1');
  assert.equal(await page.locator('#plan').textContent(), 'Dine samtaler fremover');
  const items = await page.locator('.ju-plan li').allTextContents();
  assert.ok(items.length >= 4, `a plan: ${items}`);
  for (const item of items) {
    assert.match(item, /^(Du skal have|Du har|Du havde|Book) .* (med din a-kasse|med jobcentret) /);
  }
  await expectNoAxeViolations(page, assert);
});

test('a manager reads a long worklist a page at a time, the filter kept', async () => {
  const api = (path, options) => harnessApi(server.url, path, options);
  // Læsø, with a manager and 55 citizens nobody is assigned to yet.
  const admin = (await api('/api/v1/dev/session', { body: { login: 'admin' } })).json.token;
  const org = await api('/api/v1/municipalities', { token: admin, body: { code: '0825', name: 'Læsø' } });
  assert.equal(org.status, 201, JSON.stringify(org.json));
  const staff = await api('/api/v1/staff', { token: admin, body: { login: 'laesoe.leder', name: 'Lise Læsø', role: 'manager', municipality: '0825' } });
  assert.equal(staff.status, 201, JSON.stringify(staff.json));
  const since = new Date((await serverNow(server.url)).getTime() - 10 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  for (let i = 0; i < 55; i++) {
    const cpr = `${String(1 + (i % 28)).padStart(2, '0')}0${1 + Math.floor(i / 28)}88${String(4100 + i)}`;
    const made = await api('/api/v1/citizens', { token: admin, body: { cpr, name: `Borger ${String(i + 1).padStart(2, '0')} Læsø`, municipality: '0825', target_group: 'job_ready_cash_benefit', unemployed_since: since } });
    assert.equal(made.status, 201, JSON.stringify(made.json));
  }
  const page = await newPage(browser);
  await signIn(page, server.url, 'laesoe.leder');
  await page.goto(`${server.url}/medarbejder/arbejdsliste`);
  await page.selectOption('#aarsag', 'unassigned');
  await page.click('button:has-text("Vis")');
  assert.equal(await page.locator('[data-testid="worklist-shown"]').textContent(), 'Viser 1–50 af 55 opgaver');
  assert.equal(await page.locator('tbody tr[data-reason="unassigned"]').count(), 50);
  const pages = page.locator('nav[data-testid="worklist-pages"]');
  assert.match(await pages.textContent(), /Side 1 af 2/);
  assert.equal(await pages.locator('a[rel="prev"]').count(), 0);
  await expectNoAxeViolations(page, assert);
  await pages.locator('a:has-text("Næste side")').click();
  assert.match(page.url(), /aarsag=unassigned&.*side=2/);
  assert.equal(await page.locator('[data-testid="worklist-shown"]').textContent(), 'Viser 51–55 af 55 opgaver');
  assert.equal(await page.locator('tbody tr[data-reason="unassigned"]').count(), 5);
  assert.equal(await page.locator('#aarsag').inputValue(), 'unassigned', 'the filter is kept');
  await expectNoAxeViolations(page, assert);
  await page.locator('a:has-text("Forrige side")').click();
  assert.match(await page.locator('[data-testid="worklist-shown"]').textContent(), /^Viser 1–50/);
  // A page number edited by hand that is none shows the first page.
  const r = await page.goto(`${server.url}/medarbejder/arbejdsliste?aarsag=unassigned&side=nul`);
  assert.equal(r.status(), 200);
  assert.match(await page.locator('[data-testid="worklist-shown"]').textContent(), /^Viser 1–50/);
});

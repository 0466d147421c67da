// Every page built so far, as a citizen, a caseworker and an administrator would use it, with
// JavaScript off, and each page checked for WCAG 2.1 AA violations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, signIn, expectNoAxeViolations, api as harnessApi, serverAndBrowser } from './harness.mjs';

let server;
let browser;
serverAndBrowser((s, b) => { server = s; browser = b; });

test('the sign-in page lists demo users and is accessible', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/`);
  assert.match(page.url(), /\/logind$/);
  assert.equal(await page.locator('h1').textContent(), 'Log ind');
  assert.ok(await page.locator('input[name="login"][value="admin"]').count() === 1);
  await expectNoAxeViolations(page, assert);
});

test('a caseworker searches, filters and pages through their own citizens', async () => {
  const page = await newPage(browser);
  await signIn(page, server.url, 'aalborg.jk1');
  // A caseworker lands on the worklist with the inbox count (issue 20); the list of citizens
  // is one click away.
  assert.match(page.url(), /\/medarbejder\/arbejdsliste$/);
  assert.match(await page.locator('[data-testid="inbox-count"]').textContent(), /\d+ /);
  await page.click('nav >> text=Borgere');
  assert.match(page.url(), /\/medarbejder$/);
  assert.match(await page.locator('h1').textContent(), /Borgere – Aalborg/);
  await expectNoAxeViolations(page, assert);
  const status = async () => Number((await page.locator('p[role="status"]').textContent()).split(' ')[0]);
  assert.equal(await status(), 100, 'all of Aalborg, nobody from Aarhus or København');

  await page.selectOption('#gruppe', 'sickness_benefit');
  await page.click('button:has-text("Søg")');
  const sick = await status();
  assert.ok(sick > 0 && sick < 100);
  const groups = await page.locator('tbody td:nth-child(3)').allTextContents();
  assert.ok(groups.every((g) => g === 'Sygedagpenge'), groups.join());

  await page.goto(`${server.url}/medarbejder`);
  await page.click('a[rel="next"]');
  assert.match(await page.locator('.ju-pager span').textContent(), /Side 2 af 4/);
  await expectNoAxeViolations(page, assert);

  const first = page.locator('tbody a').first();
  const name = await first.textContent();
  await first.click();
  assert.equal(await page.locator('h1').textContent(), name);
  assert.match(await page.locator('dl').textContent(), /\d{6}-\*\*\*\*/);
  await expectNoAxeViolations(page, assert);
});

test('a citizen sees their details and who has looked at them', async () => {
  // A caseworker looks first, so the log has that visit in it.
  const caseworker = await newPage(browser);
  await signIn(caseworker, server.url, 'aalborg.jk2');
  const caseworkerName = (await caseworker.locator('.ju-user strong').textContent()).trim();

  const page = await newPage(browser);
  await signIn(page, server.url, 'borger.aalborg1');
  assert.match(page.url(), /\/borger$/);
  assert.equal(await page.locator('h1').textContent(), 'Dine oplysninger');
  const myName = (await page.locator('.ju-user strong').textContent()).trim();
  await expectNoAxeViolations(page, assert);

  await caseworker.goto(`${server.url}/medarbejder`);
  await caseworker.fill('#q', myName);
  await caseworker.click('button:has-text("Søg")');
  await caseworker.locator('tbody a', { hasText: myName }).first().click();

  await page.click('text=Se hvem der har set dine oplysninger');
  assert.equal(await page.locator('h1').textContent(), 'Hvem har set dine oplysninger');
  const rows = await page.locator('tbody tr').allTextContents();
  assert.ok(rows.some((r) => r.includes(caseworkerName) && r.includes('Så dine oplysninger')), rows.join('\n'));
  // One Danish date format everywhere (issue 20): "7. december 2026 kl. 09:00".
  assert.ok(rows.every((r) => /\d{1,2}\. (januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december) \d{4} kl\. \d\d:\d\d/.test(r)), rows[0]);
  await expectNoAxeViolations(page, assert);

  // A citizen has no business on staff pages.
  const response = await page.goto(`${server.url}/medarbejder`);
  assert.equal(response.status(), 403);
});

test('the language switch shows the page in English and back', async () => {
  const page = await newPage(browser);
  await signIn(page, server.url, 'borger.aarhus1');
  await page.click('a[hreflang="en"]');
  assert.match(page.url(), /\/borger$/);
  assert.equal(await page.locator('h1').textContent(), 'Your details');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await expectNoAxeViolations(page, assert);
  await page.click('a[hreflang="da"]');
  assert.equal(await page.locator('h1').textContent(), 'Dine oplysninger');
});

test('admin forms show Danish errors beside the fields and keep what was typed', async () => {
  const page = await newPage(browser);
  await signIn(page, server.url, 'admin');
  assert.match(page.url(), /\/admin$/);
  await expectNoAxeViolations(page, assert);

  await page.goto(`${server.url}/borgere/ny`);
  await expectNoAxeViolations(page, assert);
  await page.fill('#cpr', '3213901234');
  await page.fill('#name', 'Karen Blixen');
  await page.click('button:has-text("Opret")');
  assert.match(await page.locator('#cpr-error').textContent(), /CPR-nummer med 10 cifre/);
  assert.match(await page.locator('#municipality-error').textContent(), /Vælg en af mulighederne/, 'a list says choose, not fill in');
  assert.equal(await page.inputValue('#name'), 'Karen Blixen');
  assert.equal(await page.inputValue('#cpr'), '3213901234');
  assert.equal(await page.getAttribute('#cpr', 'aria-invalid'), 'true');
  await expectNoAxeViolations(page, assert);

  await page.fill('#cpr', '121185-4321');
  await page.selectOption('#municipality', '0751');
  await page.selectOption('#target_group', 'education_benefit');
  await page.fill('#unemployed_since', '2026-08-03');
  await page.click('button:has-text("Opret")');
  assert.match(page.url(), /\/medarbejder\/borgere\//);
  assert.equal(await page.locator('h1').textContent(), 'Karen Blixen');
  assert.match(await page.locator('dl').textContent(), /121185-\*\*\*\*/);

  await page.goto(`${server.url}/admin/kommuner/ny`);
  await page.fill('#code', '0851');
  await page.fill('#name', 'Aalborg igen');
  await page.fill('#cvr', '1234');
  await page.click('button:has-text("Opret")');
  // A CVR number that is none is refused at its field, whose hint says the form.
  assert.match(await page.locator('#cvr-error').textContent(), /\S/);
  assert.match(await page.locator('#cvr-hint').textContent(), /8 cifre/);
  assert.equal(await page.inputValue('#cvr'), '1234');
  await expectNoAxeViolations(page, assert);
  await page.fill('#cvr', '11 11 22 22');
  await page.click('button:has-text("Opret")');
  assert.match(await page.locator('#code-error').textContent(), /Findes allerede/);
  await expectNoAxeViolations(page, assert);
  await page.fill('#code', '0461');
  await page.fill('#name', 'Odense');
  await page.click('button:has-text("Opret")');
  assert.match(await page.locator('.alert-success').textContent(), /0461 Odense/);

  await page.goto(`${server.url}/admin/medarbejdere/ny`);
  await page.fill('#login', 'Ny Bruger');
  await page.selectOption('#role', 'caseworker');
  await page.click('button:has-text("Opret")');
  assert.ok(await page.locator('#login-error').count() === 1);
  assert.ok(await page.locator('#name-error').count() === 1);
  await expectNoAxeViolations(page, assert);
});

test('pages work under the Content-Security-Policy with JavaScript on, without a console error', async () => {
  const errors = [];
  const watch = (page) => {
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`); });
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  };
  const citizen = await newPage(browser, { javaScript: true });
  watch(citizen);
  await signIn(citizen, server.url, 'borger.aalborg1');
  for (const path of ['/borger', '/borger/samtaler', '/borger/adgangslog', '/borger/beskeder']) {
    const r = await citizen.goto(`${server.url}${path}`);
    assert.match(r.headers()['content-security-policy'], /script-src 'self'/, path);
  }
  // The live thread's script (last page) opens its WebSocket under `connect-src 'self'`; a
  // refusal would be a console error.
  await citizen.waitForTimeout(1000);
  const staff = await newPage(browser, { javaScript: true });
  watch(staff);
  await signIn(staff, server.url, 'aalborg.jk1');
  for (const path of ['/medarbejder', '/medarbejder/kalender', '/medarbejder/arbejdsliste', '/medarbejder/indbakke', '/medarbejder/breve', '/medarbejder/underretninger']) {
    await staff.goto(`${server.url}${path}`);
  }
  assert.deepEqual(errors, []);
});

test('a citizen who moved: the new municipality asks for the case, the old one moves it', async () => {
  // The case is Aalborg's (made here over the API, so the test owns it).
  const api = (path, options) => harnessApi(server.url, path, options);
  const { json: { token } } = await api('/api/v1/dev/session', { body: { login: 'aalborg.jk1' } });
  const cpr = '0303851234';
  const made = await api('/api/v1/citizens', { token, body: { cpr, name: 'Flemming Flyttemand', municipality: '0851', target_group: 'job_ready_cash_benefit', unemployed_since: '2026-10-01' } });
  assert.equal(made.status, 201, JSON.stringify(made.json));

  // Aarhus registers him: told the number is registered elsewhere (not where) and offered to ask.
  const aarhus = await newPage(browser);
  await signIn(aarhus, server.url, 'aarhus.jk1');
  await aarhus.goto(`${server.url}/borgere/ny`);
  await aarhus.fill('#cpr', cpr);
  await aarhus.fill('#name', 'Flemming Flyttemand');
  await aarhus.selectOption('#municipality', '0751');
  await aarhus.selectOption('#target_group', 'job_ready_cash_benefit');
  await aarhus.fill('#unemployed_since', '2026-10-01');
  await aarhus.click('button:has-text("Opret")');
  const said = await aarhus.locator('#cpr-error').textContent();
  assert.match(said, /registreret i en anden kommune/);
  assert.ok(!/Aalborg/.test(await aarhus.locator('main').textContent()), 'where is not said');
  await expectNoAxeViolations(aarhus, assert);
  await aarhus.click('button:has-text("Send anmodningen")');
  assert.match(await aarhus.locator('#reason-error').textContent(), /Skriv hvorfor/);
  await aarhus.fill('#reason', 'Flyttet til Aarhus 1. december');
  await aarhus.click('button:has-text("Send anmodningen")');
  assert.match(await aarhus.locator('[role="status"]').textContent(), /Anmodningen er sendt/);
  await expectNoAxeViolations(aarhus, assert);

  // Aalborg sees the request under "Flytninger" and moves the case.
  const aalborg = await newPage(browser);
  await signIn(aalborg, server.url, 'aalborg.jk1');
  await aalborg.click('nav >> text=Flytninger');
  const row = aalborg.locator('#transfers tr', { hasText: 'Flemming Flyttemand' });
  assert.match(await row.textContent(), /Aarhus.*Flyttet til Aarhus 1\. december/s);
  await expectNoAxeViolations(aalborg, assert);
  await row.locator('button:has-text("Flyt sagen")').click();
  assert.equal(await aalborg.locator('#transfers tr', { hasText: 'Flemming Flyttemand' }).count(), 0);
  const now = await api(`/api/v1/citizens/${made.json.id}`, { token });
  assert.equal(now.status, 404, 'no longer Aalborg\'s');
});

test('every page links to contact, privacy and the accessibility statement, readable without signing in', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/logind`);
  const footer = page.locator('footer');
  for (const text of ['Kontakt', 'Sådan behandler vi dine oplysninger', 'Tilgængelighedserklæring']) {
    assert.equal(await footer.locator(`a:has-text("${text}")`).count(), 1, text);
  }
  await footer.locator('a:has-text("Kontakt")').click();
  assert.equal(await page.locator('h1').textContent(), 'Kontakt');
  const aalborg = page.locator('section', { hasText: 'Aalborg' });
  assert.match(await aalborg.textContent(), /Telefon.*\d\d \d\d \d\d \d\d, mandag–fredag kl\. 9–15/s);
  assert.match(await aalborg.locator('a[href^="tel:+45"]').getAttribute('href'), /^tel:\+45\d{8}$/);
  await expectNoAxeViolations(page, assert);
  await page.locator('footer a:has-text("Sådan behandler vi dine oplysninger")').click();
  assert.equal(await page.locator('h1').textContent(), 'Sådan behandler vi dine oplysninger');
  assert.match(await page.locator('main').textContent(), /Hele CPR-nummeret gemmer vi kun krypteret, så vi kan sende breve til din Digital Post/);
  // The data protection officer of each organisation (GDPR art. 13(1)(b)), and how long
  // information is kept, by the Archives Act (art. 13(2)(a)).
  assert.match(await page.locator('[data-testid="dpo"] li', { hasText: 'Aalborg' }).textContent(), /databeskyttelse@aalborg\.example/);
  assert.match(await page.locator('main').textContent(), /arkivloven/);
  await expectNoAxeViolations(page, assert);
  // No statement published in the demo: /was leads to our own account of accessibility.
  await page.locator('footer a:has-text("Tilgængelighedserklæring")').click();
  assert.equal(new URL(page.url()).pathname, '/tilgaengelighed');
  assert.equal(await page.locator('h1').textContent(), 'Tilgængelighed');
  await expectNoAxeViolations(page, assert);

  // A citizen finds their own jobcentre first.
  const citizen = await newPage(browser);
  await signIn(citizen, server.url, 'borger.aalborg1');
  await citizen.goto(`${server.url}/kontakt`);
  assert.match(await citizen.locator('section').first().textContent(), /Aalborg.*jobcenter, dit/s);
  await expectNoAxeViolations(citizen, assert);
});

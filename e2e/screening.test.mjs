// Screening in the browser with JavaScript off: the citizen answers the questions (a missing
// answer is named beside its question and what was chosen is kept), sees the suggestion and
// why; the caseworker sees answers and suggestion and decides, with a reason when differing;
// the citizen sees the decision and adds their own view. Every page checked with axe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, signIn, expectNoAxeViolations, serverAndBrowser } from './harness.mjs';

let server;
let browser;
serverAndBrowser((s, b) => { server = s; browser = b; });

test('a citizen is screened, a caseworker decides and the citizen adds their view', async () => {
  const citizen = await newPage(browser);
  await signIn(citizen, server.url, 'borger.aarhus2');
  const name = (await citizen.locator('.ju-user strong').textContent()).trim();
  // Demo citizens with a login are left unscreened, so the first visit shows no decision.
  assert.match(await citizen.locator('main').textContent(), /Jobcentret har endnu ikke besluttet/);
  await citizen.click('text=Svar på spørgsmål om din situation');
  assert.equal(await citizen.locator('h1').textContent(), 'Spørgsmål om din situation');
  await expectNoAxeViolations(citizen, assert);

  await citizen.fill('#worked_months_last_12', '14');
  await citizen.check('#education-vocational');
  await citizen.check('#health_limits_work-no');
  await citizen.click('button:has-text("Send svarene")');
  const summary = await citizen.locator('[role="alert"]').textContent();
  assert.match(summary, /lønnet arbejde\?: Tallet er uden for det tilladte område/);
  assert.match(summary, /andet i dit liv.*Vælg en af mulighederne/s, 'a radio question says choose, not fill in');
  assert.ok(await citizen.isChecked('#education-vocational'), 'choices are kept');
  await expectNoAxeViolations(citizen, assert);

  await citizen.fill('#worked_months_last_12', '9');
  for (const id of ['#other_obstacles-no', '#digital_comfort-some', '#needs_interpreter-no', '#own_assessment-soon', '#wants_in_person-no']) {
    await citizen.check(id);
  }
  await citizen.click('button:has-text("Send svarene")');
  assert.equal(await citizen.locator('h1').textContent(), 'Tak for dine svar');
  assert.match(await citizen.locator('main').textContent(), /Du klarer meget selv på nettet/);
  await expectNoAxeViolations(citizen, assert);

  const caseworker = await newPage(browser);
  await signIn(caseworker, server.url, 'aarhus.jk1');
  await caseworker.goto(`${server.url}/medarbejder`);
  await caseworker.fill('#q', name);
  await caseworker.click('button:has-text("Søg")');
  await caseworker.locator('tbody a', { hasText: name }).first().click();
  assert.match(await caseworker.locator('main').textContent(), /Anbefalet indsats: Selvbetjening/);
  await caseworker.selectOption('#track', 'intensive');
  await caseworker.click('button:has-text("Gem beslutning")');
  assert.match(await caseworker.locator('#reason-error').textContent(), /Skriv en begrundelse/);
  await expectNoAxeViolations(caseworker, assert);
  await caseworker.selectOption('#track', 'intensive');
  await caseworker.fill('#reason', 'Vi aftalte tæt kontakt i de første uger');
  await caseworker.click('button:has-text("Gem beslutning")');
  assert.match(await caseworker.locator('table').filter({ hasText: 'Tidligere beslutninger' }).or(caseworker.locator('table', { hasText: 'Vi aftalte' })).first().textContent(), /Vi aftalte tæt kontakt/);

  await citizen.goto(`${server.url}/borger`);
  const home = await citizen.locator('main').textContent();
  assert.match(home, /Du har tæt kontakt med en jobkonsulent/);
  assert.match(home, /Vi aftalte tæt kontakt i de første uger/);
  await citizen.fill('#view', 'Jeg vil gerne have tæt kontakt i starten');
  await citizen.click('button:has-text("Gem din vurdering")');
  assert.equal(await citizen.inputValue('#view'), 'Jeg vil gerne have tæt kontakt i starten');
  await expectNoAxeViolations(citizen, assert);

  await caseworker.reload();
  assert.match(await caseworker.locator('main').textContent(), /Jeg vil gerne have tæt kontakt i starten/);
});

test('a manager follows the decisions against the recommendations', async () => {
  const page = await newPage(browser);
  await signIn(page, server.url, 'aalborg.leder');
  await page.click('nav >> text=Visitation');
  assert.equal(await page.locator('h1').textContent(), 'Screening og visitation: opfølgning');
  const groups = await page.locator('table').first().textContent();
  assert.match(groups, /Dagpengemodtager/);
  assert.match(groups, /\d+ %/);
  const municipalities = await page.locator('table').nth(1).locator('tbody th').allTextContents();
  assert.deepEqual(municipalities, ['Aalborg'], 'a manager sees their own municipality only');
  await expectNoAxeViolations(page, assert);

  // A date field cannot hold a wrong date, but a hand-edited address can.
  await page.goto(`${server.url}/leder/visitation?fra=2026-13-01&til=`);
  assert.match(await page.locator('[role="alert"]').textContent(), /Fra dato/);
  await expectNoAxeViolations(page, assert);

  // The municipality's choice: every first meeting in person.
  await page.goto(`${server.url}/leder/visitation`);
  await page.check('#policy-everyone');
  await page.click('button:has-text("Gem indstilling")');
  assert.ok(await page.isChecked('#policy-everyone'));
  await expectNoAxeViolations(page, assert);

  const caseworker = await newPage(browser);
  await signIn(caseworker, server.url, 'aalborg.jk1');
  const r = await caseworker.goto(`${server.url}/leder/visitation`);
  assert.equal(r.status(), 403);
});

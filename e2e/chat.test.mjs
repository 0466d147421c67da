// The staffed live chat (issue 21): a manager sets the opening hours, a caseworker goes on
// duty, a citizen on a phone starts a chat and sees their place in the queue, the caseworker
// takes it, both see the other typing and the answer arrives live; ended, the transcript is in
// the thread, and a survey follows as after a meeting. A chat nobody takes before closing time
// stays as a message. Axe-checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signIn, expectNoAxeViolations, api as harnessApi, serverAndBrowser, setClock } from './harness.mjs';

let server;
let browser;
serverAndBrowser((s, b) => { server = s; browser = b; });

const phone = { viewport: { width: 390, height: 844 }, locale: 'da-DK' };
const desk = { viewport: { width: 1366, height: 900 }, locale: 'da-DK' };

/// Waits until `locator`'s text matches `pattern` (live updates take a moment).
async function until(locator, pattern, what) {
  for (let i = 0; i < 60; i++) {
    const text = (await locator.count()) ? await locator.first().textContent() : '';
    if (pattern.test(text)) return text;
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.fail(`${what}: ${await locator.first().textContent().catch(() => '(none)')}`);
}

/// Bornholm with a manager and a caseworker, and two citizens who sign in.
async function world() {
  const api = (path, options) => harnessApi(server.url, path, options);
  // Monday 7 December 2026, 10:00 in Copenhagen.
  await setClock(server.url, new Date('2026-12-07T09:00:00Z'));
  const admin = (await api('/api/v1/dev/session', { body: { login: 'admin' } })).json.token;
  const org = await api('/api/v1/municipalities', { token: admin, body: { code: '0400', name: 'Bornholm', phone: '+4556920000', phone_hours: 'mandag–fredag kl. 9–15' } });
  assert.equal(org.status, 201, JSON.stringify(org.json));
  for (const [login, name, role] of [['bornholm.leder', 'Lene Leder', 'manager'], ['bornholm.jk1', 'Kasper Klausen', 'caseworker']]) {
    const made = await api('/api/v1/staff', { token: admin, body: { login, name, role, municipality: '0400' } });
    assert.equal(made.status, 201, JSON.stringify(made.json));
  }
  const token = (await api('/api/v1/dev/session', { body: { login: 'bornholm.jk1' } })).json.token;
  for (const [cpr, name, login] of [['0606861234', 'Cecilie Chat', 'cecilie.chat'], ['0707871234', 'Emil Efter', 'emil.efter']]) {
    const made = await api('/api/v1/citizens', { token, body: { cpr, name, municipality: '0400', target_group: 'job_ready_cash_benefit', unemployed_since: '2026-11-23', login } });
    assert.equal(made.status, 201, JSON.stringify(made.json));
  }
}

test('a citizen chats with a caseworker through the queue; the transcript stays in the thread', async () => {
  await world();
  // The manager sets the hours: a time that is none is refused beside its field.
  const manager = await (await browser.newContext({ ...desk, javaScriptEnabled: false })).newPage();
  await signIn(manager, server.url, 'bornholm.leder');
  await manager.goto(`${server.url}/medarbejder/chat`);
  await manager.click('a:has-text("Chattens åbningstider")');
  await manager.fill('#monday_opens', '25');
  await manager.fill('#monday_closes', '16');
  await manager.click('button:has-text("Gem åbningstiderne")');
  assert.match(await manager.title(), /^Fejl:/);
  assert.equal(await manager.getAttribute('#monday_opens', 'aria-invalid'), 'true');
  assert.match(await manager.locator('#monday_opens-error').textContent(), /klokkeslæt/);
  assert.equal(await manager.inputValue('#monday_opens'), '25', 'what was typed is kept');
  await expectNoAxeViolations(manager, assert);
  for (const day of ['monday', 'tuesday', 'wednesday', 'thursday', 'friday']) {
    await manager.fill(`#${day}_opens`, '8');
    await manager.fill(`#${day}_closes`, '16');
  }
  await manager.click('button:has-text("Gem åbningstiderne")');
  assert.match(await manager.locator('[data-testid="receipt"]').textContent(), /gemt/);
  assert.equal(await manager.inputValue('#monday_opens'), '08.00');

  // Nobody on duty yet: the citizen is told to write instead.
  const citizenContext = await browser.newContext(phone);
  const citizen = await citizenContext.newPage();
  await signIn(citizen, server.url, 'cecilie.chat');
  await citizen.goto(`${server.url}/borger/beskeder`);
  assert.match(await citizen.locator('#chat-status').textContent(), /ingen medarbejder er ved chatten lige nu/);
  assert.equal(await citizen.locator('button:has-text("Start en chat")').count(), 0);

  // The caseworker goes on duty.
  const staffContext = await browser.newContext(desk);
  const staff = await staffContext.newPage();
  await signIn(staff, server.url, 'bornholm.jk1');
  await staff.goto(`${server.url}/medarbejder/chat`);
  await staff.click('button:has-text("Sæt mig på chat")');
  assert.match(await staff.locator('main').textContent(), /Du er på chat\./);
  assert.match(await staff.locator('[data-testid="chat-status"]').textContent(), /1 medarbejder er på chat/);
  await expectNoAxeViolations(staff, assert);

  // The citizen's home page says the chat is open now; they start one and see their place.
  await citizen.goto(`${server.url}/borger`);
  assert.match(await citizen.locator('[data-testid="home-chat"]').textContent(), /Chat med en medarbejder nu – chatten er åben til kl\. 16\.00/);
  await citizen.click('a:has-text("Gå til chatten")');
  assert.match(await citizen.locator('#chat-status').textContent(), /Chatten er åben til kl\. 16\.00/);
  await citizen.click('button:has-text("Start en chat")');
  assert.match(await citizen.locator('#chat-status').textContent(), /Du er nummer 1 i køen/);
  await expectNoAxeViolations(citizen, assert);
  await citizen.goto(`${server.url}/borger`);
  assert.match(await citizen.locator('[data-testid="home-chat"]').textContent(), /Du er nummer 1 i køen til chatten/);
  await citizen.click('a:has-text("Gå til chatten")');
  await citizen.fill('#body', 'Hvad skal jeg have med til mødet?');
  await citizen.click('button:has-text("Send besked")');
  await until(citizen.locator('#thread li'), /Hvad skal jeg have med/, 'own message shown');

  // The caseworker sees her in the queue and takes the chat.
  await staff.goto(`${server.url}/medarbejder/chat`);
  assert.match(await staff.locator('#waiting').textContent(), /Cecilie Chat/);
  await staff.click('button:has-text("Tag næste chat")');
  assert.match(staff.url(), /\/beskeder/);
  assert.match(await staff.locator('#chat-status').textContent(), /Du chatter med borgeren/);
  // Live, without a reload, the citizen sees who took it.
  await until(citizen.locator('#chat-status'), /Du chatter med Kasper Klausen/, 'taken, live');

  // Typing shows on the other side; the answer arrives live.
  await staff.locator('#body').pressSequentially('Husk dit sygesikringskort', { delay: 20 });
  await until(citizen.locator('#chat-typing'), /Kasper Klausen skriver/, 'typing sign');
  await staff.click('button:has-text("Send besked")');
  await until(citizen.locator('#thread li').last(), /Husk dit sygesikringskort/, 'answer, live');
  // A typing sign is not kept: it reaches only a page that is listening when it is sent. So the
  // citizen answers once the caseworker's page shows its own message and is connected (a page
  // that had to reload to show it would otherwise miss the sign while loading).
  await until(staff.locator('#thread li').last(), /Husk dit sygesikringskort/, 'own answer shown');
  for (const page of [staff, citizen]) {
    await page.waitForSelector('#thread[data-connected="true"]', { state: 'attached' });
  }
  await citizen.locator('#body').pressSequentially('Tak', { delay: 20 });
  await until(staff.locator('#chat-typing'), /Borgeren skriver/, 'typing sign to staff');

  // The caseworker ends it as a conversation; the citizen's panel says so, live, and the
  // transcript with both names is in the thread.
  await staff.check('#conversation');
  await staff.click('button:has-text("Afslut chatten")');
  assert.match(await staff.locator('main').textContent(), /Chatten er afsluttet/);
  await until(citizen.locator('#chat-status'), /Chatten er åben til kl\. 16\.00/, 'ended, live');
  await citizen.reload();
  const thread = await citizen.locator('#thread').textContent();
  assert.match(thread, /Hvad skal jeg have med til mødet\?/);
  assert.match(thread, /Kasper Klausen[\s\S]*Husk dit sygesikringskort/);
  await expectNoAxeViolations(citizen, assert);

  // A conversation by chat has its survey, as a held meeting has: on the home page, about the
  // chat, answered the same way.
  await citizen.goto(`${server.url}/borger`);
  const survey = citizen.locator('[data-testid="surveys"] a');
  assert.equal(await survey.count(), 1);
  assert.equal((await survey.textContent()).trim(), 'Om din chat mandag 7. december 2026');
  await survey.click();
  assert.match(await citizen.locator('main').textContent(), /Om din chat mandag 7\. december 2026 med Kasper Klausen\./);
  assert.match(await citizen.locator('main').textContent(), /fremmøde, telefon, video eller chat/);
  await expectNoAxeViolations(citizen, assert);
  for (const choice of ['#satisfaction-4', '#channel_fit-5', '#personal-same', '#helpful-4', '#more_remote-3', '#callback-no']) {
    await citizen.check(choice);
  }
  await citizen.click('button:has-text("Send svar")');
  assert.match(await citizen.locator('main').textContent(), /Tak for dit svar/);
  const api = (path, options) => harnessApi(server.url, path, options);
  const token = (await api('/api/v1/dev/session', { body: { login: 'bornholm.jk1' } })).json.token;
  const queue = await api('/api/v1/chat/queue', { token });
  assert.equal(queue.json.mine.length, 0, 'nothing left open');
  await citizenContext.close();
  await staffContext.close();

  // Without JavaScript a citizen in a chat is told that answers need a reload.
  const plain = await (await browser.newContext({ ...phone, javaScriptEnabled: false })).newPage();
  await signIn(plain, server.url, 'emil.efter');
  await plain.goto(`${server.url}/borger/beskeder`);
  await plain.click('button:has-text("Start en chat")');
  assert.match(await plain.locator('#chat-status').textContent(), /Du er nummer 1 i køen/);
  assert.match(await plain.locator('#chat').textContent(), /Uden JavaScript kommer svar først, når du genindlæser siden/);
  await plain.fill('#body', 'Kan I ringe mig op?');
  await plain.click('button:has-text("Send besked")');

  // Closing time comes before anyone takes it: the chat ends, the question waits as a message.
  await setClock(server.url, new Date('2026-12-07T15:00:30Z'));
  for (let i = 0; i < 60; i++) {
    await plain.goto(`${server.url}/borger/beskeder`);
    if (/Chatten er lukket/.test(await plain.locator('#chat-status').textContent())) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  assert.match(await plain.locator('#chat-status').textContent(), /Chatten er lukket\. Den åbner igen tirsdag den 8\. december 2026 kl\. 8\.00/);
  assert.match(await plain.locator('#thread').textContent(), /Kan I ringe mig op\?/);
  await expectNoAxeViolations(plain, assert);

  // The manager's report counts both chats: one a conversation, one left at closing time.
  // (Six hours on, the manager signs in again.)
  await signIn(manager, server.url, 'bornholm.leder');
  await manager.goto(`${server.url}/leder/rapporter?fra=2026-12-07&til=2026-12-07`);
  const figures = await manager.locator('[data-testid="chat-figures"]').textContent();
  assert.match(figures, /Bad om en chat\s*2/);
  assert.match(figures, /Heraf samtaler \(kontakt via chat\)\s*1/);
  assert.match(figures, /Ikke nået før lukketid \(blev til en besked\)\s*1/);
  // Per hour of the day: both were asked for between 10 and 11, one of them answered.
  const hours = (await manager.locator('[data-testid="chat-hours"] tbody tr').allTextContents()).map((r) => r.replace(/\s+/g, ' ').trim());
  assert.equal(hours.length, 1, `${hours}`);
  assert.match(hours[0], /^10\.00–10\.59 ?2 ?1 ?0/);
  // Chat is a channel among the meetings': one taken, one a conversation (a contact).
  const chatRow = manager.locator('#report-table tbody tr', { hasText: 'Chat (skriftlig)' });
  assert.equal(await chatRow.count(), 1);
  const cells = (await chatRow.locator('td').allTextContents()).map((c) => c.trim());
  assert.deepEqual(cells.slice(0, 2), ['1', '1'], `chat row ${cells}`);
  await expectNoAxeViolations(manager, assert);
});

// The survey after a held meeting, in the browser without JavaScript: the citizen finds it on
// the home page, a missing answer is named beside its question and what was chosen is kept,
// then the answer is sent once and thanked for. Then the manager's side: the report page with
// its chart and table, the CSV, and the committee PDF (its text read back, its first page
// rendered). Checked with axe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newPage, signIn, expectNoAxeViolations, serverNow, setClock, serverAndBrowser } from './harness.mjs';

let server;
let browser;
serverAndBrowser((s, b) => { server = s; browser = b; });

async function api(path, { token, body } = {}) {
  const r = await fetch(`${server.url}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: r.status, json: await r.json() };
}

test('a citizen answers the survey after a held meeting', async () => {
  const page = await newPage(browser);
  await signIn(page, server.url, 'borger.kbh1');
  await page.goto(`${server.url}/borger/beskeder`);
  const citizenId = (await page.locator('#thread').getAttribute('data-live')).split('/')[3];

  // A meeting in person an hour from the server's now (it may be the citizen's first
  // conversation, which the law holds in person), held once it has begun: the test moves the
  // demo's clock there instead of waiting.
  const { json: { token } } = await api('/api/v1/dev/session', { body: { login: 'kbh.jk1' } });
  const start = new Date(Math.ceil(((await serverNow(server.url)).getTime() + 3600_000) / 60000) * 60000);
  const end = new Date(start.getTime() + 30 * 60000);
  const slot = await api('/api/v1/slots', { token, body: { start: start.toISOString(), end: end.toISOString(), channels: ['in_person'], location: 'Jobcenter København, Kalvebod Brygge 45' } });
  assert.equal(slot.status, 201, JSON.stringify(slot.json));
  const meeting = await api('/api/v1/meetings', { token, body: { citizen_id: citizenId, slot_id: slot.json.id, channel: 'in_person' } });
  assert.equal(meeting.status, 201, JSON.stringify(meeting.json));
  await setClock(server.url, new Date(start.getTime() + 60_000));
  const held = await api(`/api/v1/meetings/${meeting.json.id}/outcome`, { token, body: { status: 'held' } });
  assert.equal(held.status, 200, JSON.stringify(held.json));

  await page.goto(`${server.url}/borger`);
  // Newest meeting first: ours (the demo's older ones may wait below it).
  const link = page.locator('[data-testid="surveys"] a').first();
  const href = await link.getAttribute('href');
  await link.click();
  assert.equal(await page.locator('h1').textContent(), 'Hvordan gik din samtale?');
  await expectNoAxeViolations(page, assert);

  // One answer missing: named beside its question; the other choices are kept.
  await page.check('#satisfaction-5');
  await page.check('#channel_fit-4');
  await page.check('#personal-same');
  await page.check('#helpful-4');
  await page.check('#more_remote-5');
  await page.fill('#comment', 'Rart at slippe for bussen');
  await page.click('button:has-text("Send svar")');
  assert.match(await page.locator('#callback-error').textContent(), /Vælg en af mulighederne/);
  assert.ok(await page.isChecked('#satisfaction-5'), 'kept');
  assert.equal(await page.inputValue('#comment'), 'Rart at slippe for bussen');
  await expectNoAxeViolations(page, assert);

  await page.check('#callback-yes');
  await page.click('button:has-text("Send svar")');
  assert.match(await page.locator('main').textContent(), /Tak for dit svar/);
  await page.goto(`${server.url}/borger`);
  assert.equal(await page.locator(`a[href="${href}"]`).count(), 0, 'answered once');

  // The caseworker's municipality sees "ring mig op" on the worklist, never the answer.
  const { json: { token: leder } } = await api('/api/v1/dev/session', { body: { login: 'kbh.leder' } });
  const list = await api('/api/v1/worklist?reason=callback_requested', { token: leder });
  assert.ok(list.json.items.some((i) => i.citizen_id === citizenId), JSON.stringify(list.json));
});

test('a manager reads the contact report, with its chart and table, and exports CSV', async () => {
  const page = await newPage(browser);
  await signIn(page, server.url, 'aalborg.leder');
  await page.click('nav >> text=Rapporter');
  assert.equal(await page.locator('h1').textContent(), 'Kontakter og tilfredshed');
  const rows = page.locator('#report-table tbody tr');
  assert.ok(await rows.count() >= 2, 'the demo has meetings on several channels');
  assert.match(await page.locator('#report-table').textContent(), /Telefon|Video|Fremmøde/i);
  // The chart is drawn on the server and says what it shows.
  assert.ok(await page.locator('svg[role="img"] rect').count() >= 1);
  // No name is cut or covered: each sits on its own line, clear of every bar, inside the chart
  // ("Aktivitetsparat kontanthjæ" was cut at the bar, issue 20). By target group,
  // whose names are the longest.
  const byChannel = page.url();
  await page.selectOption('#gruppe', 'target_group');
  await page.click('button:has-text("Vis")');
  assert.match(await page.locator('svg[role="img"]').textContent(), /Aktivitetsparat kontanthjælp/);
  const rowNames = await page.locator('#report-table tbody th').allTextContents();
  assert.ok(rowNames.some((n) => n.length > 30), 'a long name to try it with');
  const clash = await page.locator('svg[role="img"]').evaluate((svg, rowNames) => {
    const width = svg.viewBox.baseVal.width;
    const wanted = new Set(rowNames.map((n) => n.trim()));
    const all = [...svg.querySelectorAll('text, rect')];
    const names = all.filter((e) => e.tagName === 'text' && wanted.has(e.textContent.trim()));
    const overlap = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    // A name that runs out of the chart or under a bar, a share or "færre end 5" is cut.
    return names.filter((t) => {
      const b = t.getBBox();
      return b.x + b.width > width || all.some((o) => o !== t && overlap(b, o.getBBox()));
    }).map((t) => t.textContent);
  }, rowNames);
  assert.deepEqual(clash, []);
  await page.goto(byChannel);
  await expectNoAxeViolations(page, assert);

  // By municipality: a manager sees only their own.
  await page.selectOption('#gruppe', 'municipality');
  await page.click('button:has-text("Vis")');
  assert.equal(await page.locator('#report-table tbody tr').count(), 1);
  assert.match(await page.locator('#report-table tbody th').textContent(), /Aalborg/);

  // By team: the demo's three teams.
  await page.selectOption('#gruppe', 'team');
  await page.click('button:has-text("Vis")');
  const teams = await page.locator('#report-table tbody th').allTextContents();
  assert.ok(teams.includes('Team Forsikrede'), teams.join(', '));
  // Meetings the a-kasse held jointly or alone count under the a-kasse.
  // Answers of teams too small on their own that month are gathered as "Øvrige" (anonymity).
  assert.ok(teams.every((t) => /^(Team |A-kasse |Øvrige )/.test(t) || t === 'Uden team'), teams.join(', '));
  assert.match(await page.locator('#answers-months').textContent(), /hele måneder.*Svar fra \S+ \d{4} – \S+ \d{4}\./);
  await expectNoAxeViolations(page, assert);

  // A period that ends before it starts is named beside the field.
  await page.fill('#fra', '2026-06-01');
  await page.fill('#til', '2026-05-01');
  await page.click('button:has-text("Vis")');
  assert.ok(await page.locator('#til-error').count() === 1);
  await expectNoAxeViolations(page, assert);

  await page.goto(`${server.url}/leder/rapporter?gruppe=channel`);
  const href = await page.locator('a:has-text("CSV")').getAttribute('href');
  // The download, with the page's session cookie.
  const response = await page.context().request.get(`${server.url}${href}`);
  assert.match(response.headers()['content-type'], /^text\/csv/);
  const csv = await response.text();
  const lines = csv.replace(/^\uFEFF/, '').trim().split(/\r\n/);
  assert.match(lines[0], /^Gruppe;Samtaler;Holdt;/);
  assert.equal(lines.length, await page.locator('#report-table tbody tr').count() + 1);
});

test('a manager downloads the orientation to the employment committee as a PDF', async () => {
  const page = await newPage(browser);
  await signIn(page, server.url, 'aalborg.leder');
  await page.goto(`${server.url}/leder/rapporter`);
  const href = await page.locator('a:has-text("Beskæftigelsesudvalget")').getAttribute('href');
  const response = await page.context().request.get(`${server.url}${href}`);
  assert.equal(response.headers()['content-type'], 'application/pdf');
  const dir = mkdtempSync(join(tmpdir(), 'ju-pdf-'));
  const file = join(dir, 'udvalg.pdf');
  writeFileSync(file, await response.body());
  // Its text holds the tables; rendered to an image, the first page is a real page.
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
  assert.match(text, /Orientering til Beskæftigelsesudvalget/);
  assert.match(text, /Jobcenter Aalborg/);
  assert.match(text, /Efter kontaktform/);
  assert.match(text, /Telefon\s+\d+\s+\d+/);
  assert.match(text, /Efter målgruppe/);
  assert.match(text, /Efter team/);
  // Months read as words ("december 2026"), never "2026-12" (issue 20).
  assert.doesNotMatch(text, /\b20\d\d-(0[1-9]|1[0-2])\b(?!-)/);
  assert.match(text, /Team Forsikrede\s+\d+/);
  assert.match(text, /Udvikling måned for måned/);
  assert.match(text, /(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december) \d{4}\s+\d+/);
  assert.match(text, /temaer i fritekstsvar/);
  // A public document: tagged PDF/UA-1 in Danish, a table a screen reader reads by its headers.
  const info = execFileSync('pdfinfo', ['-meta', file]).toString();
  assert.match(info, /<pdfuaid:part>1<\/pdfuaid:part>/);
  assert.match(info, /<rdf:li>da<\/rdf:li>/);
  const tree = execFileSync('pdfinfo', ['-struct-text', file]).toString();
  // (pdfinfo prints the heading's /T title raw, so the heading is matched by the text under it.)
  assert.match(tree, /H1 [^\n]*\n\s+"Orientering til Beskæftigelsesudvalget"/);
  assert.match(tree, /TH:\s+\/Scope \/Column\s+"Kontaktform"/);
  assert.match(tree, /TH:\s+\/Scope \/Row\s+"Telefon"/);
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', file, join(dir, 'page')]);
  const png = readdirSync(dir).find((f) => f.endsWith('.png'));
  assert.ok(png, 'the first page renders');
  assert.ok(statSync(join(dir, png)).size > 2000, 'and has something on it');
  rmSync(dir, { recursive: true, force: true });
});

test('an administrator chooses the municipality of the report and of the committee PDF', async () => {
  const page = await newPage(browser);
  await signIn(page, server.url, 'admin');
  await page.goto(`${server.url}/leder/rapporter?gruppe=municipality`);
  assert.ok(await page.locator('#report-table tbody tr').count() >= 3, 'all municipalities');
  // Teams need one municipality: said beside the grouping.
  await page.selectOption('#gruppe', 'team');
  await page.click('button:has-text("Vis")');
  assert.match(await page.locator('#gruppe-error').textContent(), /én kommune/);
  await expectNoAxeViolations(page, assert);

  await page.selectOption('#kommune', { label: 'Aarhus' });
  await page.click('button:has-text("Vis")');
  assert.equal(await page.locator('#gruppe-error').count(), 0);
  assert.ok(await page.locator('#report-table tbody tr').count() >= 1);
  await page.selectOption('#gruppe', 'municipality');
  await page.click('button:has-text("Vis")');
  assert.deepEqual(await page.locator('#report-table tbody th').allTextContents(), ['Aarhus']);
  await expectNoAxeViolations(page, assert);

  const href = await page.locator('a:has-text("Beskæftigelsesudvalget")').getAttribute('href');
  assert.match(href, /kommune=0751/);
  const response = await page.context().request.get(`${server.url}${href}`);
  const dir = mkdtempSync(join(tmpdir(), 'ju-pdf-'));
  const file = join(dir, 'udvalg.pdf');
  writeFileSync(file, await response.body());
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
  assert.match(text, /Jobcenter Aarhus/);
  assert.match(text, /Efter team/);
  rmSync(dir, { recursive: true, force: true });
});

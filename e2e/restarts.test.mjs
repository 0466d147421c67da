// Restarts under load (issue 22 item 7), on PostgreSQL. A country runs several `jobunivers`
// processes on one database, and both restart: an upgrade rolls through the instances one at a
// time, and PostgreSQL restarts for a minor version or a failover. Clients book all the while,
// as a load balancer's would: a connection refused or cut goes to the other instance. What must
// hold: no booking acknowledged (201) is lost, no slot is booked twice, no 5xx other than 503
// while the database is down, and the instances go on by themselves afterwards.
//
// No browser: these drive the API. The database restart runs its own PostgreSQL cluster
// (initdb on a free port), so restarting it disturbs no other test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startServer } from './harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = process.env.JOBUNIVERS_BIN ?? join(root, 'target', 'debug', 'jobunivers');
const admin = process.env.JOBUNIVERS_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/// A fresh database on the server `serverAdmin` names, seeded by `jobunivers bench-seed` with
/// `slots` free slots of Aalborg's caseworkers, each paired with a citizen (never two at once).
function seeded(serverAdmin, slots) {
  const name = `ju_t_e2e_restart_${process.pid}_${Date.now()}`;
  execFileSync('psql', [serverAdmin, '-qc', `CREATE DATABASE "${name}"`]);
  const databaseUrl = `${serverAdmin.slice(0, serverAdmin.lastIndexOf('/'))}/${name}`;
  const data = mkdtempSync(join(tmpdir(), 'jobunivers-e2e-restart-'));
  const out = join(data, 'slots.txt');
  execFileSync(bin, ['bench-seed', '--data', data, '--slots', String(slots), '--days-ahead', '2', '--out', out], {
    env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: 'ignore',
  });
  const pairs = readFileSync(out, 'utf8').trim().split('\n').map((line) => {
    const [slot, citizen] = line.split(' ');
    return { slot, citizen };
  });
  return {
    databaseUrl,
    data,
    pairs,
    query: (sql) => execFileSync('psql', [databaseUrl, '-Atqc', sql], { encoding: 'utf8' }).trim(),
    drop() {
      execFileSync('psql', [serverAdmin, '-qc', `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`]);
      rmSync(data, { recursive: true, force: true });
    },
  };
}

/// Books the pairs from `clients` concurrent clients until `stop()` or the pairs run out. Each
/// client takes the instances in turn; a refused or cut connection, or a 503, is tried again on
/// the next one (a 503 after a pause). Every answer is kept with the time it came.
async function storm(urls, token, pairs, stop, clients = 16) {
  const seen = { booked: [], conflicts: 0, cut: 0, unavailable: [], errors: [] };
  let next = 0;
  async function client(k) {
    let turn = k;
    while (!stop() && next < pairs.length) {
      const { slot, citizen } = pairs[next++];
      for (let attempt = 0; attempt < 20 && !stop(); attempt++) {
        const url = urls()[turn++ % urls().length];
        let r;
        try {
          r = await fetch(`${url}/api/v1/meetings`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ citizen_id: citizen, slot_id: slot, channel: 'in_person' }),
            signal: AbortSignal.timeout(15_000),
          });
        } catch {
          seen.cut += 1;
          await sleep(20);
          continue;
        }
        const at = Date.now();
        const body = await r.json().catch(() => ({}));
        if (r.status === 201) {
          seen.booked.push({ id: body.id, url, at });
        } else if (r.status === 409) {
          seen.conflicts += 1;
        } else if (r.status === 503) {
          seen.unavailable.push({ at, retryAfter: r.headers.get('retry-after'), code: body.code });
          await sleep(200);
          continue;
        } else {
          seen.errors.push({ status: r.status, code: body.code, detail: body.detail, at });
        }
        break;
      }
    }
  }
  await Promise.all(Array.from({ length: clients }, (_, k) => client(k)));
  return seen;
}

/// Books over the instances `urls()` names from 16 clients; 1.5 s in, `disturb()` runs (what it
/// returns is handed back), and `after` ms later the clients stop. A session made on the first
/// instance is used on all: sessions are in the database.
async function stormAround(urls, db, disturb, after) {
  const token = await devToken(urls()[0]);
  let stopping = false;
  const running = storm(urls, token, db.pairs, () => stopping);
  await sleep(1500);
  const marks = await disturb();
  await sleep(after);
  stopping = true;
  return { seen: await running, ...marks };
}

async function devToken(url) {
  const r = await fetch(`${url}/api/v1/dev/session`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'aalborg.jk1' }),
  });
  assert.equal(r.status, 200);
  return (await r.json()).token;
}

/// Every acknowledged booking is in the database as booked, and no slot is booked twice.
function assertNothingLost(db, seen) {
  const stored = new Set(db.query("SELECT id FROM meetings WHERE status = 'booked'").split('\n'));
  const lost = seen.booked.filter((b) => !stored.has(b.id));
  assert.deepEqual(lost, [], `${lost.length} of ${seen.booked.length} acknowledged bookings are not in the database`);
  const twice = db.query("SELECT COUNT(*) FROM (SELECT slot_id FROM meetings WHERE status = 'booked' AND slot_id IS NOT NULL GROUP BY slot_id HAVING COUNT(*) > 1) d");
  assert.equal(twice, '0', 'no slot booked twice');
}

test('one of two instances restarts mid-storm: it finishes what it began, and nothing acknowledged is lost', async () => {
  const db = seeded(admin, 4000);
  const portA = await freePort();
  const start = (port) => startServer({ databaseUrl: db.databaseUrl, data: db.data, port, wallClock: true });
  let a = await start(portA);
  const b = await start();
  try {
    const { seen, stoppedAt, backAt } = await stormAround(() => [a.url, b.url], db, async () => {
      // SIGTERM, as an orchestrator sends: A stops taking connections, answers what it has
      // begun, and exits; then the new version starts on the same port.
      const stopped = Date.now();
      await a.stop();
      a = await start(portA);
      return { stoppedAt: stopped, backAt: Date.now() };
    }, 2000);
    assert.deepEqual(seen.errors, [], 'no error answers');
    assert.deepEqual(seen.unavailable, [], 'the database stayed up');
    assert.ok(seen.booked.length > 100, `bookings went on: ${seen.booked.length}`);
    assert.ok(seen.booked.some((x) => x.at > stoppedAt && x.at < backAt), 'B booked while A was away');
    assert.ok(seen.booked.some((x) => x.url === a.url && x.at > backAt), 'the new A books');
    assertNothingLost(db, seen);
  } finally {
    await a.stop();
    await b.stop();
    db.drop();
  }
});

/// The directory of PostgreSQL's server programs (initdb, pg_ctl), newest version first.
function postgresBin() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'pg_ctl')));
  versions.sort((x, y) => Number(y) - Number(x));
  return versions.length ? join(base, versions[0], 'bin') : null;
}

/// A PostgreSQL cluster of its own on a free port, in a temporary folder. PostgreSQL refuses to
/// run as root, so as root it runs as the `postgres` user.
async function privatePostgres() {
  const pgBin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'jobunivers-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (program, args) => {
    const [cmd, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(pgBin, program), ...args]]
      : [join(pgBin, program), args];
    execFileSync(cmd, argv, { stdio: 'ignore' });
  };
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), 0);
  const port = await freePort();
  const data = join(dir, 'cluster');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`;
  const ctl = (...args) => run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', ...args]);
  ctl('-o', options, 'start');
  return {
    admin: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => ctl('-m', 'fast', 'stop'),
    start: () => ctl('-o', options, 'start'),
    destroy() {
      try { ctl('-m', 'immediate', 'stop'); } catch { /* already stopped */ }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

test('PostgreSQL restarts mid-storm: requests wait or get 503 while it is down, then both instances book again by themselves', { skip: !postgresBin() && 'PostgreSQL server programs not installed' }, async () => {
  const pg = await privatePostgres();
  const db = seeded(pg.admin, 4000);
  const start = () => startServer({ databaseUrl: db.databaseUrl, data: db.data, wallClock: true });
  const a = await start();
  const b = await start();
  try {
    const { seen, downAt, upAt } = await stormAround(() => [a.url, b.url], db, async () => {
      // A fast shutdown ends every connection at once (SQLSTATE 57P01); down for two seconds.
      const down = Date.now();
      pg.stop();
      await sleep(2000);
      pg.start();
      return { downAt: down, upAt: Date.now() };
    }, 3000);
    assert.deepEqual(seen.errors, [], 'no 5xx but 503, nothing else refused');
    // While it is down nothing is acknowledged: a request waits for the database (up to the
    // pool's 10 s) and is answered once it is back, or 503 with Retry-After.
    const whileDown = seen.booked.filter((x) => x.at > downAt + 500 && x.at < upAt - 100);
    assert.deepEqual(whileDown, [], 'nothing acknowledged while the database was down');
    for (const u of seen.unavailable) {
      assert.equal(u.code, 'unavailable');
      assert.equal(u.retryAfter, '5');
    }
    const late = seen.unavailable.filter((u) => u.at < downAt || u.at > upAt + 1500);
    assert.deepEqual(late, [], 'no 503 outside the restart window');
    for (const url of [a.url, b.url]) {
      assert.ok(seen.booked.some((x) => x.url === url && x.at > upAt + 1500), `${url} books again`);
    }
    assertNothingLost(db, seen);
  } finally {
    await a.stop();
    await b.stop();
    db.drop();
    pg.destroy();
  }
});

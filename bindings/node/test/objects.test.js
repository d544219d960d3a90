'use strict';
// The object path: Roster, Holder, Credential, Credit, Policy, Catalog and
// Report over the library's handles, built without JSON.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const recert = require('..');
const { EXAMPLES } = require('./helpers');
const { Roster, Holder, Credential, Credit, Policy, Catalog, RecertError, codes } = recert;

const example06 = JSON.parse(fs.readFileSync(path.join(EXAMPLES, '06-nasm-petitions.json'), 'utf8'));

// Example 06 (petitions), built with setters: the same records document.
function buildExample06() {
  const holder = new Holder('h1');
  holder.addCprAed({ completed: '2025-01-15', expires: '2027-01-15', handsOn: true });
  const credential = new Credential('nasm', 'nasm-cpt', '2022-06-30');
  credential.cycleStart = '2024-06-30';
  holder.addCredential(credential);
  credential.close(); // added as a copy: ours to close
  const k1 = new Credit('k1', '2024-09-01').setAmount(1.0, 'ceu');
  holder.addCredit(k1);
  const petitions = [['p1', '2025-01-05', 4, '2025-01-20', 'approved'],
    ['p2', '2025-02-05', 3, '2025-02-20', 'pending'],
    ['p3', '2025-03-05', 2, '2025-03-20', 'denied'],
    ['p4', '2025-04-05', 2, null, null]];
  for (const [id, completed, hours, filed, status] of petitions) {
    const credit = new Credit(id, completed).setHours(hours);
    credit.approval = 'not_preapproved';
    if (status) credit.petition = { status, filed };
    holder.addCredit(credit);
    credit.close();
  }
  const roster = new Roster();
  roster.addHolder(holder);
  holder.close();
  k1.close();
  return roster;
}

test('a roster built with setters equals the imported document and evaluates the same', () => {
  const roster = buildExample06();
  try {
    assert.deepEqual(roster.toJSON(), example06.records);
    const report = roster.evaluate(example06.as_of);
    try {
      assert.equal(report.toJSONText(), recert.evaluateJSON(example06.records, example06.as_of));
      // docs/rules.md §4: approved p1 (4 h) counts; p2 pending (3 h = 0.3 CEU) apart.
      // Earned 1.0 CEU + 0.4 CEU + CPR/AED 0.1 CEU = 1.5 CEU = 1500 centihours.
      const e = report.entry(0, 0);
      assert.equal(e.status, 'in_progress');
      assert.equal(e.certified, true);
      assert.equal(e.path, null);
      assert.deepEqual(e.credits, {
        unit: 'CEU', unitPerHour: 100000, required: 2000, earned: 1500, pending: 300, shortfall: 500,
        counted: ['k1', 'p1'], cprAed: 'current', categories: [],
      });
      assert.deepEqual(e.amounts, {
        unit: 'CEU', required: '2.0', earned: '1.5', pending: '0.3', shortfall: '0.5', categories: [],
      });
      // Three petitions filed at $25: 7500 cents, apart from the total.
      assert.equal(e.fees.petitionCents, 7500);
      assert.equal(e.fees.renewalCents, 9900);
      assert.equal(e.fees.totalCents, 9900);
      assert.equal(e.fees.tier, 'on_time');
      assert.equal(e.fees.tierKind, 'on_time');
      assert.equal(e.fees.currency, 'USD');
      assert.deepEqual(e.notices.map((n) => [n.code, n.credit]),
        [['petition_denied', 'p3'], ['petition_pending', 'p2'], ['petition_required', 'p4']]);
      for (const n of e.notices) assert.equal(typeof n.message, 'string');
      // S = 2024-06-30, E = S + 2 years = 2026-06-30 (docs/rules.md §3).
      assert.deepEqual(e.dates.cycleStart, new Date(Date.UTC(2024, 5, 30)));
      assert.deepEqual(e.dates.expires, new Date('2026-06-30'));
      assert.equal(e.days.expires, recert.dates.fromISO('2026-06-30'));
      assert.equal(e.dates.examDeadline, null);
      assert.equal(e.renewalGroup, null);
      assert.equal(e.nextCycle, null);
      assert.deepEqual(e.audit, { state: 'none', documentsDue: null });
      assert.equal(report.asOfDay, recert.dates.fromISO('2026-05-01'));
      assert.deepEqual(report.asOf, new Date('2026-05-01'));
      assert.equal(report.holderCount, 1);
      assert.equal(report.holderId(0), 'h1');
      assert.equal(report.credentialCount(0), 1);
      assert.equal(e.holderId, 'h1');
      assert.equal(report.entries.length, 1);
      assert.equal(JSON.parse(JSON.stringify(e)).status, 'in_progress');
      // Why each credit counts or not (docs/rules.md §4): k1 and p1 (approved)
      // count; p2 pending; p3 denied; p4 needs a petition. 4 h = 0.4 CEU.
      assert.deepEqual(e.creditReasons.map((r) => [r.credit, r.centihours, r.amount, r.reason]), [
        ['k1', 1000, '1.0', 'counted'], ['p1', 400, '0.4', 'counted'], ['p2', 300, '0.3', 'pending'],
        ['p3', 200, '0.2', 'petition_denied'], ['p4', 200, '0.2', 'petition_required']]);
      // R (docs/rules.md §7): no application, so as_of.
      assert.equal(e.days.reference, report.asOfDay);
      assert.equal(report.toJSON().holders[0].credentials[0].fees.petition_cents, 7500);
      assert.match(report.toJSONText({ pretty: true }), /\n {2}"as_of": "2026-05-01"/);
    } finally {
      report.close();
    }
  } finally {
    roster.close();
  }
});

test('credit getters and setters', () => {
  const c = new Credit('k2', new Date(Date.UTC(2025, 8, 14)));
  try {
    assert.equal(c.id, 'k2');
    assert.deepEqual(c.completed, new Date('2025-09-14'));
    assert.equal(c.amount, null);
    c.setHours('4');
    assert.deepEqual(c.amount, { value: '4.0', hundredths: 400, unit: 'hours' });
    c.setAmount('1.25', 'CEU');
    assert.equal(c.amount.value, '1.25');
    assert.equal(c.amount.hundredths, 125);
    assert.equal(c.amount.unit.toLowerCase(), 'ceu');
    assert.equal(c.title, null);
    c.title = 'Kettlebell workshop';
    c.provider = 'Local studio';
    assert.equal(c.title, 'Kettlebell workshop');
    assert.equal(c.provider, 'Local studio');
    c.title = null;
    assert.equal(c.title, null);
    assert.equal(c.approval, 'preapproved');
    c.approval = 'not_preapproved';
    assert.equal(c.approval, 'not_preapproved');
    assert.equal(c.petition, null);
    c.petition = { status: 'pending', filed: '2025-09-20', decided: null };
    assert.deepEqual(c.petition, { status: 'pending', filed: new Date('2025-09-20'), decided: null });
    c.petition = null;
    assert.equal(c.petition, null);
    assert.equal(c.appliesTo, null);
    c.appliesTo = ['nasm'];
    assert.deepEqual(c.appliesTo, ['nasm']);
    c.appliesTo = [];
    assert.deepEqual(c.appliesTo, []);
    c.appliesTo = null;
    assert.equal(c.appliesTo, null);
    c.completed = 20000; // a day number: 2024-10-04
    assert.equal(recert.dates.toISO(recert.dates.fromDate(c.completed)), '2024-10-04');
    const copy = c.copy();
    assert.equal(copy.id, 'k2');
    copy.close();
  } finally {
    c.close();
  }
});

test('x- members cross as JSON', () => {
  const c = new Credit('k', '2025-01-01');
  try {
    assert.equal(c.xGet('x-crm'), undefined);
    c.xSet('x-crm', { id: 42, tags: ['a', 'b'], ratio: 0.5 });
    assert.deepEqual(c.xGet('x-crm'), { id: 42, tags: ['a', 'b'], ratio: 0.5 });
    c.xSetText('x-raw', '12345');
    assert.equal(c.xGetText('x-raw'), '12345');
    assert.deepEqual(c.xKeys(), ['x-crm', 'x-raw']);
    c.xSet('x-raw', undefined);
    assert.deepEqual(c.xKeys(), ['x-crm']);
    assert.throws(() => c.xSet('crm', 1), (e) => e instanceof RecertError && e.code === codes.EINVAL);
    assert.throws(() => c.xSetText('x-bad', '{nope'), (e) => e instanceof RecertError && e.code === codes.EPARSE);
  } finally {
    c.close();
  }
  const r = new Roster();
  r.xSet('x-source', 'crm');
  assert.equal(r.xGet('x-source'), 'crm');
  assert.equal(r.toJSON()['x-source'], 'crm');
  r.close();
});

test('credential getters and setters', () => {
  const c = new Credential('nasm', 'nasm-cpt', '2022-04-10');
  try {
    assert.equal(c.id, 'nasm');
    assert.equal(c.policy, 'nasm-cpt');
    assert.deepEqual(c.certified, new Date('2022-04-10'));
    assert.equal(c.number, null);
    c.number = '1234567';
    assert.equal(c.number, '1234567');
    assert.equal(c.cycleStart, null);
    c.cycleStart = '2024-04-10';
    c.expires = '2026-04-10';
    assert.deepEqual(c.expires, new Date('2026-04-10'));
    c.expires = null;
    assert.equal(c.expires, null);
    assert.equal(c.application, null);
    c.application = { received: '2026-03-30' };
    assert.deepEqual(c.application, { received: new Date('2026-03-30'), decision: 'pending', decided: null });
    c.application = { received: '2026-03-30', decision: 'accepted', decided: '2026-04-05' };
    assert.equal(c.application.decision, 'accepted');
    c.application = null;
    assert.equal(c.application, null);
    c.audit = { selected: '2026-04-02', documentsReceived: '2026-04-20' };
    assert.deepEqual(c.audit, { selected: new Date('2026-04-02'), documentsReceived: new Date('2026-04-20'), outcome: null, decided: null });
    c.audit = { selected: '2026-04-02', outcome: 'passed', decided: '2026-05-01' };
    assert.equal(c.audit.outcome, 'passed');
    c.audit = null;
    assert.equal(c.audit, null);
    assert.equal(c.examPassed, null);
    c.examPassed = '2026-10-01';
    assert.deepEqual(c.examPassed, new Date('2026-10-01'));
    c.policy = 'acsm-cpt';
    assert.equal(c.policy, 'acsm-cpt');
    c.xSet('x-note', 'hi');
    assert.deepEqual(c.xKeys(), ['x-note']);
  } finally {
    c.close();
  }
});

test('holder children are borrowed, read-only, and stale after a change', () => {
  const h = new Holder('trainer-0042', { name: 'Jane Doe' });
  try {
    assert.equal(h.id, 'trainer-0042');
    assert.equal(h.name, 'Jane Doe');
    const cred = new Credential('nasm', 'nasm-cpt', '2022-04-10');
    h.addCredential(cred);
    cred.close();
    h.addCredit(new Credit('k1', '2025-02-01').setAmount(1.5, 'ceu'));
    h.addCprAed({ completed: '2025-06-01', expires: '2027-06-01', handsOn: false, adultCprAed: true });
    assert.deepEqual(h.cprAed, [{ completed: new Date('2025-06-01'), expires: new Date('2027-06-01'), handsOn: false, adultCprAed: true }]);
    const [borrowed] = h.credentials;
    assert.equal(borrowed.borrowed, true);
    assert.equal(borrowed.id, 'nasm');
    assert.throws(() => { borrowed.number = '1'; }, (e) => e.code === codes.EINVAL && /read-only/.test(e.message));
    const own = borrowed.copy();
    own.number = '1';
    assert.equal(own.number, '1');
    own.close();
    assert.equal(h.credits[0].amount.value, '1.5');
    // A change to the holder makes the borrowed children stale.
    h.addCredit(new Credit('k2', '2025-03-01').setHours(2));
    assert.throws(() => borrowed.id, (e) => e.code === codes.EINVAL && /stale/.test(e.message));
    assert.equal(h.credits.length, 2);
    h.removeCredit(0);
    assert.deepEqual(h.credits.map((c) => c.id), ['k2']);
    h.removeCprAed(0);
    assert.deepEqual(h.cprAed, []);
    h.removeCredential(0);
    assert.deepEqual(h.credentials, []);
    assert.throws(() => h.removeCredential(0), (e) => e.code === codes.ERANGE);
  } finally {
    h.close();
  }
});

test('a roster: holders, policies, find, remove, close', () => {
  const roster = recert.Roster.fromJSON(example06.records);
  const holder = roster.findHolder('h1');
  assert.equal(holder.name, null);
  assert.equal(roster.holderCount, 1);
  assert.equal(roster.holderAt(0).id, 'h1');
  assert.equal(roster.holderAt(5), null);
  assert.equal(roster.findHolder('nobody'), null);
  assert.equal(roster.findPolicy('nasm-cpt').organization, 'NASM');
  assert.equal(roster.findPolicy('nope'), null);
  assert.deepEqual(roster.policies, []);
  const credential = holder.credentials[0];
  roster.removeHolder('h1');
  assert.equal(roster.holderCount, 0);
  assert.throws(() => credential.id, (e) => e.code === codes.EINVAL && /stale/.test(e.message));
  roster.close();
  assert.equal(roster.closed, true);
  roster.close(); // twice: nothing
  assert.throws(() => roster.holderCount, (e) => e.code === codes.EINVAL && /closed/.test(e.message));
  assert.throws(() => holder.id, (e) => e.code === codes.EINVAL && /closed/.test(e.message));
});

test('a roster with its own policy, and a catalog', () => {
  const doc = recert.policies().find((p) => p.id === 'nasm-cpt');
  doc.id = 'nasm-local';
  doc.fees.renewal_cents = 12345;
  delete doc.recert;
  const roster = new Roster();
  roster.addPolicy(doc);
  assert.deepEqual(roster.policies.map((p) => p.id), ['nasm-local']);
  const holder = new Holder('h');
  holder.addCredential(new Credential('c', 'nasm-local', '2024-01-10'));
  roster.addHolder(holder);
  assert.throws(() => roster.addPolicy(doc), (e) => e.code === codes.EBUSY);
  const report = roster.evaluate('2025-06-01');
  assert.equal(report.entry(0, 0).fees.renewalCents, 12345);
  report.close();
  roster.close();
  holder.close();

  const catalog = new Catalog();
  assert.equal(catalog.count, 0);
  catalog.add(Policy.fromJSON(doc));
  assert.equal(catalog.count, 1);
  assert.equal(catalog.find('nasm-local').fees.renewal, 12345);
  assert.equal(catalog.at(1), null);
  const r2 = new Roster({ catalog });
  assert.equal(r2.findPolicy('nasm-local').id, 'nasm-local');
  assert.equal(r2.findPolicy('nasm-cpt'), null);
  assert.throws(() => catalog.add(Policy.fromJSON(doc)), (e) => e.code === codes.EBUSY);
  catalog.close(); // the roster keeps its catalog alive
  assert.equal(r2.findPolicy('nasm-local').id, 'nasm-local');
  r2.close();

  const builtin = Catalog.builtin();
  assert.deepEqual(builtin.policies.map((p) => p.id), recert.policies().map((p) => p.id));
  assert.equal(builtin.toJSON().length, builtin.count);
  builtin.close();
  const def = Catalog.default();
  assert.equal(def.find('acsm-cpt').combineGroup, 'acsm');
  assert.throws(() => def.add(doc), (e) => e.code === codes.EINVAL);
  const r3 = Roster.fromJSON({ recert: 1, holders: [] }, { catalog: def });
  assert.equal(r3.holderCount, 0);
  r3.close();
});

test('policy getters', () => {
  const p = Catalog.default().find('nasm-cpt');
  assert.equal(p.id, 'nasm-cpt');
  assert.equal(p.organization, 'NASM');
  assert.equal(p.name, 'NASM Certified Personal Trainer');
  assert.equal(typeof p.source, 'string');
  assert.ok(p.checked instanceof Date);
  assert.equal(p.currency, 'USD');
  assert.equal(p.unit, 'CEU');
  assert.equal(p.unitPerHour, 100000);
  assert.equal(p.cycleYears, 2);
  assert.equal(p.cycleKind, 'anniversary');
  assert.equal(p.creditsRequired, 1900); // 1.9 CEU = 19 hours
  assert.equal(p.creditGraceDays, 90);
  assert.equal(p.cprAedRequired, true);
  assert.equal(p.cprAedCredit, 100); // 0.1 CEU = 1 hour
  assert.equal(p.unapprovedCredits, 'petition');
  assert.equal(p.examPath, false);
  assert.equal(p.combineGroup, null);
  assert.deepEqual(p.fees, { renewal: 9900, petition: 2500, combineExtra: 0 });
  // docs/rules.md §7: late through E + 90 days, late_additional through the final
  // deadline E + 1 year - 1 day.
  assert.deepEqual(p.lateWindows, [
    { tier: 'late', feeCents: 3000, through: { years: 0, months: 0, days: 90 } },
    { tier: 'late_additional', feeCents: 5000, through: null },
  ]);
  assert.deepEqual(p.finalDeadline, { years: 1, months: 0, days: -1 });
  assert.equal(p.audits, true);
  assert.equal(p.auditDocumentsDays, 30);
  assert.equal(p.toJSON().credits_required, 1.9);
  const own = p.copy();
  assert.equal(own.borrowed, false);
  own.close();
  const acsm = Policy.fromJSON(recert.policies().find((d) => d.id === 'acsm-cpt'));
  assert.equal(acsm.cycleKind, 'year_end');
  assert.equal(acsm.examPath, true);
  assert.equal(acsm.unapprovedCredits, 'accepted');
  assert.equal(acsm.audits, false);
  acsm.close();
});

test('evaluate accepts a Roster, a Date and a day number', () => {
  const roster = Roster.fromJSON(example06.records);
  const expected = recert.evaluateJSON(example06.records, '2026-05-01');
  assert.equal(recert.evaluateJSON(roster, '2026-05-01'), expected);
  assert.equal(recert.evaluateJSON(example06.records, new Date('2026-05-01')), expected);
  assert.equal(recert.evaluateJSON(example06.records, new Date(2026, 4, 1)), expected);
  assert.equal(recert.evaluateJSON(example06.records, recert.dates.fromISO('2026-05-01')), expected);
  // Dates inside a records object are written as "YYYY-MM-DD".
  const withDates = JSON.parse(JSON.stringify(example06.records));
  withDates.holders[0].credentials[0].certified = new Date('2022-06-30');
  withDates.holders[0].credits[0].completed = new Date(2024, 8, 1);
  assert.equal(recert.evaluateJSON(withDates, '2026-05-01'), expected);
  // Default: today, local.
  assert.equal(recert.evaluate(example06.records).as_of, recert.dates.toISO(recert.dates.today()));
  roster.close();
});

test('auditSelect: deterministic, monotone in the rate, checked', () => {
  const ids = Array.from({ length: 2000 }, (_, i) => `app-${i}`);
  const at10 = ids.filter((id) => recert.auditSelect(id, 100000, 2026));
  // 10% of 2000 is 200; the binomial standard deviation is about 13.
  assert.ok(at10.length > 130 && at10.length < 270, `${at10.length} selected`);
  assert.deepEqual(ids.filter((id) => recert.auditSelect(id, 100000, 2026)), at10);
  for (const id of at10) assert.equal(recert.auditSelect(id, 200000, 2026), true);
  assert.equal(recert.auditSelect('app-1', 0, 1), false);
  assert.equal(recert.auditSelect('app-1', 1000000, 2n ** 64n - 1n), true);
  assert.equal(recert.auditSelect('app-7', 100000, 5n), recert.auditSelect('app-7', 100000, 5));
  assert.throws(() => recert.auditSelect('app-1', 1000001, 1), (e) => e instanceof RecertError && e.code === codes.EINVAL);
  assert.throws(() => recert.auditSelect('app-1', 100000, -1), (e) => e instanceof RecertError && e.code === codes.EINVAL);
  assert.throws(() => recert.auditSelect('app-1', 100000, 2n ** 64n), (e) => e instanceof RecertError && e.code === codes.EINVAL);
});

test('finalizers free what close() was not called on', () => {
  // A child process with --expose-gc: make many unclosed objects, collect.
  const script = `
    const recert = require(${JSON.stringify(path.resolve(__dirname, '..'))});
    const doc = ${JSON.stringify(example06.records)};
    for (let i = 0; i < 2000; i++) {
      const r = recert.Roster.fromJSON(doc);
      r.evaluate('2026-05-01');
      r.holders[0].credentials;
    }
    (async () => {
      for (let i = 0; i < 5; i++) { global.gc(); await new Promise((ok) => setTimeout(ok, 10)); }
      console.log('ok');
    })();`;
  const run = spawnSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8', env: process.env });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout.trim(), 'ok');
});

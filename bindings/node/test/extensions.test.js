'use strict';
// The policy-format extensions (issue 8) through the object API: fixed cycle
// periods (docs/rules.md §3a), proration (§3b), credit categories (§4a), the
// CPR/AED validity margin (§5a) and dated versions (§11a). Every expected
// value is worked out by hand from those rules in the comments.

const test = require('node:test');
const assert = require('node:assert/strict');
const recert = require('..');
const { codes, Catalog, Credit, Credential, Holder, Policy, Roster, RecertError } = recert;

// 3-year fixed periods ending 2026-12-31 (and every 3 years before and
// after), a prorated first cycle, two categories, a 30-day CPR/AED margin,
// and two dated versions. Version 0 (2025-06-01) raises the renewal fee,
// widens the margin to 60 days, replaces the categories (arrays replace, RFC
// 7386) and the late windows with one through the final deadline, now E + 6
// months. Version 1 (2030-01-01) removes categories and proration (null).
// JSON text, so that 6.0 and 0.1 stay decimals.
const POLICY_TEXT = `{
  "id": "gym-fixed", "organization": "Gym", "name": "Fixed-period test certification",
  "currency": "USD", "unit": {"name": "NSCA-CEU", "per_hour": 0.1},
  "cycle": {"years": 3, "expires": "fixed", "ends": "2026-12-31"},
  "credits_required": 6.0,
  "proration": [
    {"from": {"days": 1}, "credits_required": 4.0},
    {"from": {"years": 1}, "credits_required": 2.0},
    {"from": {"years": 2}, "credits_required": 0}
  ],
  "credit_grace_days": 0,
  "cpr_aed": {"required": true, "credit": 0, "valid_days_after": 30},
  "unapproved_credits": "accepted",
  "fees": {"renewal_cents": 7500, "petition_cents": 0, "combine_extra_cents": 0},
  "categories": [{"id": "ethics", "name": "Ethics", "min": 0.5}, {"id": "online", "max": 3.0}],
  "late_windows": [
    {"tier": "late", "through": {"days": 30}, "fee_cents": 2500},
    {"tier": "late_additional", "through": null, "fee_cents": 5000}
  ],
  "final_deadline": {"months": 3},
  "versions": [
    {"effective": "2025-06-01", "fees": {"renewal_cents": 9000}, "cpr_aed": {"valid_days_after": 60},
     "categories": [{"id": "ethics", "min": 1.0}, {"id": "online", "max": 2.0}],
     "late_windows": [{"tier": "late", "through": null, "fee_cents": 4000}],
     "final_deadline": {"months": 6}},
    {"effective": "2030-01-01", "categories": null, "proration": null}
  ]
}`;

// 1 NSCA-CEU = 10 contact hours (per_hour 0.1), so 100 centihours = 0.1.
const HOLDERS = [
  {
    id: 'h1',
    cpr_aed: { completed: '2025-01-01', expires: '2027-06-01' },
    credentials: [{ id: 'c1', policy: 'gym-fixed', certified: '2024-03-10' }],
    credits: [
      { id: 'k1', completed: '2024-05-01', hours: 10, category: 'online' },
      { id: 'k2', completed: '2024-08-01', hours: 15, category: 'ONLINE' },
      { id: 'k3', completed: '2025-02-01', hours: 5, category: 'online' },
      { id: 'k4', completed: '2025-03-01', hours: 20 },
      { id: 'k5', completed: '2025-04-01', hours: 5, category: 'ethics' },
      { id: 'k6', completed: '2025-05-01', hours: 3, category: 'nutrition' },
    ],
  },
  {
    id: 'h2',
    credentials: [{ id: 'c2', policy: 'gym-fixed', certified: '2021-05-01', expires: '2023-12-31' }],
    credits: [{ id: 'j1', completed: '2022-01-01', hours: 10, category: 'Ethics' }],
  },
  {
    id: 'h3',
    cpr_aed: { completed: '2024-07-01', expires: '2026-07-01' },
    credentials: [{ id: 'c3', policy: 'gym-fixed', certified: '2024-01-01' }],
  },
];
const RECORDS_TEXT = `{"recert": 1, "policies": [${POLICY_TEXT}], "holders": ${JSON.stringify(HOLDERS)}}`;
const AS_OF = '2026-06-01';

const iso = (d) => (d === null ? null : d.toISOString().slice(0, 10));

function withPolicy(fn) {
  const p = Policy.fromJSON(POLICY_TEXT);
  try {
    fn(p);
  } finally {
    p.close();
  }
}

test('policy: fixed cycle, CPR/AED margin, late-window and final-deadline offsets', () => withPolicy((p) => {
  assert.equal(p.cycleKind, 'fixed');
  assert.equal(p.cycleYears, 3);
  assert.equal(iso(p.cycleEnds), '2026-12-31');
  assert.equal(p.cprAedValidDays, 30);
  assert.equal(p.creditsRequired, 6000); // 6.0 NSCA-CEU = 60 hours
  assert.deepEqual(p.lateWindows, [
    { tier: 'late', feeCents: 2500, through: { years: 0, months: 0, days: 30 } },
    { tier: 'late_additional', feeCents: 5000, through: null }, // "through": null
  ]);
  assert.deepEqual(p.finalDeadline, { years: 0, months: 3, days: 0 });
  // ACSM (built in): no late window, no final_deadline (the final deadline
  // is E); not fixed: no period end; no margin: 0; no extensions at all.
  const acsm = Catalog.default().find('acsm-cpt');
  assert.deepEqual(acsm.lateWindows, []);
  assert.equal(acsm.finalDeadline, null);
  assert.equal(acsm.cycleEnds, null);
  assert.equal(acsm.cprAedValidDays, 0);
  assert.deepEqual([acsm.categories, acsm.proration, acsm.versions, acsm.effective], [[], [], [], null]);
}));

test('policy: categories and proration, in centihours', () => withPolicy((p) => {
  assert.deepEqual(p.categories, [
    { id: 'ethics', min: 500, max: null }, // no max: no cap
    { id: 'online', min: 0, max: 3000 }, // no min: 0
  ]);
  assert.deepEqual(p.proration, [
    { from: { years: 0, months: 0, days: 1 }, creditsRequired: 4000 },
    { from: { years: 1, months: 0, days: 0 }, creditsRequired: 2000 },
    { from: { years: 2, months: 0, days: 0 }, creditsRequired: 0 },
  ]);
}));

test('policy: versions are complete policies, merged in order', () => withPolicy((p) => {
  assert.equal(p.effective, null); // the base terms
  const [v0, v1, more] = p.versions;
  assert.equal(more, undefined);
  assert.equal(v0.borrowed, true);
  assert.deepEqual([iso(v0.effective), iso(v1.effective)], ['2025-06-01', '2030-01-01']);
  // version 0 = base + patch 0: the fee replaced, the other fees kept (an
  // object merges), cpr_aed.required kept, the margin 60; the id, unit and
  // cycle are the base's
  assert.deepEqual([v0.id, v0.unit, v0.cycleKind, iso(v0.cycleEnds)], ['gym-fixed', 'NSCA-CEU', 'fixed', '2026-12-31']);
  assert.deepEqual(v0.fees, { renewal: 9000, petition: 0, combineExtra: 0 });
  assert.deepEqual([v0.cprAedRequired, v0.cprAedValidDays], [true, 60]);
  assert.deepEqual(v0.categories, [{ id: 'ethics', min: 1000, max: null }, { id: 'online', min: 0, max: 2000 }]);
  assert.deepEqual(v0.proration, p.proration); // not in the patch: the base's
  assert.deepEqual(v0.lateWindows, [{ tier: 'late', feeCents: 4000, through: null }]);
  assert.deepEqual(v0.finalDeadline, { years: 0, months: 6, days: 0 });
  // version 1 = base + patch 0 + patch 1: null removed categories and proration
  assert.deepEqual([v1.categories, v1.proration, v1.fees.renewal, v1.cprAedValidDays], [[], [], 9000, 60]);
  // a version has no versions; its document is the merged terms
  assert.deepEqual([v0.versions, v1.versions], [[], []]);
  const doc = v0.toJSON();
  assert.equal('versions' in doc, false);
  assert.equal('effective' in doc, false);
  assert.equal(doc.fees.renewal_cents, 9000);
}));

test('policy: inForce(day), the terms in force on a day', () => withPolicy((p) => {
  assert.equal(p.inForce('2025-05-31'), p); // before the first version: the base itself
  assert.equal(iso(p.inForce('2025-06-01').effective), '2025-06-01');
  assert.equal(iso(p.inForce(new Date('2026-12-31')).effective), '2025-06-01'); // E of the current period
  assert.equal(iso(p.inForce('2029-12-31').effective), '2025-06-01');
  assert.equal(iso(p.inForce('2030-01-01').effective), '2030-01-01');
  assert.deepEqual(p.inForce(recert.dates.fromISO('2030-01-01')).categories, []);
  const v0 = p.versions[0];
  assert.equal(v0.inForce('2031-01-01'), v0); // a version is its own terms
  assert.throws(() => p.inForce('1899-12-31'), (e) => e instanceof RecertError && e.code === codes.ERANGE);
}));

test('policy: versions belong to their policy', () => {
  const p = Policy.fromJSON(POLICY_TEXT);
  const v0 = p.versions[0];
  const later = p.inForce('2030-06-01');
  // a copy of a version is refused by the library (EINVAL), and so is adding
  // one (adding copies); the whole policy copies, versions and all
  assert.throws(() => v0.copy(), (e) => e instanceof RecertError && e.code === codes.EINVAL);
  const catalog = new Catalog();
  assert.throws(() => catalog.add(v0), (e) => e instanceof RecertError && e.code === codes.EINVAL);
  catalog.close();
  const own = p.copy();
  assert.deepEqual(own.versions.map((v) => iso(v.effective)), ['2025-06-01', '2030-01-01']);
  own.close();
  // the merged document stands alone as a policy of its own
  const alone = Policy.fromJSON(v0.toJSONText());
  assert.deepEqual([alone.effective, alone.fees.renewal], [null, 9000]);
  alone.close();
  // the views keep the policy (they hold it); closed, they throw
  assert.equal(later.fees.renewal, 9000);
  p.close();
  assert.throws(() => v0.fees, (e) => e instanceof RecertError && e.code === codes.EINVAL);
  assert.throws(() => later.effective, (e) => e instanceof RecertError && e.code === codes.EINVAL);
});

test('policy: version errors name their path', () => {
  const doc = JSON.parse(POLICY_TEXT);
  doc.versions[1].unit = { name: 'CEU', per_hour: 0.1 };
  assert.throws(() => Policy.fromJSON(doc),
    (e) => e instanceof RecertError && e.code === codes.EDATA && e.path === 'versions[1].unit');
  const order = JSON.parse(POLICY_TEXT);
  order.versions[1].effective = '2025-06-01'; // not strictly increasing
  assert.throws(() => Policy.fromJSON(order),
    (e) => e instanceof RecertError && e.code === codes.EDATA && e.path === 'versions[1].effective');
  const many = JSON.parse(POLICY_TEXT);
  many.versions = Array.from({ length: 65 }, (_, i) => ({ effective: recert.dates.toISO(10957 + i) })); // 2000-01-01 + i
  assert.throws(() => Policy.fromJSON(many), (e) => e instanceof RecertError && e.code === codes.ELIMIT);
});

function withReport(fn) {
  const roster = Roster.fromJSON(RECORDS_TEXT);
  const report = roster.evaluate(AS_OF);
  try {
    fn(report, roster);
  } finally {
    report.close();
    roster.close();
  }
}

test('report: categories capped and short, the version in force on E', () => withReport((report) => {
  // c1: certified 2024-03-10, fixed 3-year periods ending 2026-12-31 (§3a):
  // S = 2024-03-10, E = 2026-12-31, the first end after S. Terms in force on
  // E: version 0 (2025-06-01 <= E < 2030-01-01).
  const e = report.entry(0, 0);
  assert.deepEqual([iso(e.dates.cycleStart), iso(e.dates.expires)], ['2024-03-10', '2026-12-31']);
  assert.equal(iso(e.policyEffective), '2025-06-01');
  // Proration (§3b): P = E - 3 years + 1 day = 2024-01-01 < S = certified;
  // P + 1 day <= S < P + 1 year = 2025-01-01: 4.0 = 4000 centihours.
  // Categories of version 0 (§4a), input order: online (max 2.0): k1 1.0,
  // k2 "ONLINE" 1.5 -> 1.0 (cut), k3 0.5 -> 0 (full); k4 2.0 and k6
  // "nutrition" 0.3 uncategorised; k5 ethics 0.5. earned = 1.0 + 1.0 + 2.0
  // + 0.5 + 0.3 = 4.8 >= 4.0, but ethics 0.5 < min 1.0: shortfall =
  // max(4.0 - 4.8, 1.0 - 0.5) = 0.5.
  const c = e.credits;
  assert.deepEqual([c.required, c.earned, c.shortfall, c.cprAed], [4000, 4800, 500, 'current']);
  assert.deepEqual(c.counted, ['k1', 'k2', 'k4', 'k5', 'k6']);
  assert.deepEqual(c.categories, [
    { id: 'ethics', earned: 500, min: 1000, max: null },
    { id: 'online', earned: 2000, min: 0, max: 2000 },
  ]);
  assert.deepEqual(e.amounts.categories, [
    { id: 'ethics', earned: '0.5', min: '1.0', max: null },
    { id: 'online', earned: '2.0', min: '0.0', max: '2.0' },
  ]);
  assert.equal(e.status, 'in_progress');
  assert.deepEqual(e.creditReasons.map((r) => [r.credit, r.amount, r.reason]), [
    ['k1', '1.0', 'counted'],
    ['k2', '1.5', 'counted'], // counted in part
    ['k3', '0.5', 'over_category_max'],
    ['k4', '2.0', 'counted'],
    ['k5', '0.5', 'counted'],
    ['k6', '0.3', 'counted'],
  ]);
  assert.deepEqual(e.notices.map((n) => [n.code, n.credit]).sort(),
    [['category_maximum', 'k2'], ['category_maximum', 'k3'], ['category_minimum', null]]);
  assert.equal(e.notices.find((n) => n.code === 'category_minimum').message,
    '0.5 NSCA-CEU of category "ethics" still needed (minimum 1.0 NSCA-CEU, 0.5 NSCA-CEU counted)');
  // version 0's fee and final deadline: E + 6 months = 2027-06-30 (clamped)
  assert.deepEqual([e.fees.renewalCents, e.fees.tier], [9000, 'on_time']);
  assert.equal(iso(e.dates.finalDeadline), '2027-06-30');
}));

test('report: the base terms before the first version', () => withReport((report) => {
  // c2: expires 2023-12-31 given; the first cycle counted from certified
  // 2021-05-01 ends then, so S = 2021-05-01. E < 2025-06-01: the base terms
  // (policyEffective null): ethics min 0.5, online max 3.0; proration P =
  // 2021-01-01 < S, P + 1 day <= S < P + 1 year: 4.0; final deadline E + 3
  // months = 2024-03-31 < T: lapsed. j1 "Ethics" 1.0 >= 0.5.
  const e = report.entry(1, 0);
  assert.equal(e.policyEffective, null);
  assert.deepEqual([e.credits.required, e.credits.earned, e.credits.shortfall], [4000, 1000, 3000]);
  assert.deepEqual(e.credits.categories, [
    { id: 'ethics', earned: 1000, min: 500, max: null },
    { id: 'online', earned: 0, min: 0, max: 3000 },
  ]);
  assert.equal(e.status, 'lapsed');
  assert.equal(iso(e.dates.lateFeeDeadline), '2024-01-30'); // E + 30 days: the base's first window
  assert.equal(iso(e.dates.finalDeadline), '2024-03-31');
  assert.deepEqual(e.notices, []); // no category_minimum for a lapsed credential
  // The document has "policy_effective": null here (the policy has
  // versions), and the version's day for c1.
  const doc = report.toJSON();
  assert.equal(doc.holders[1].credentials[0].policy_effective, null);
  assert.equal(doc.holders[0].credentials[0].policy_effective, '2025-06-01');
}));

test('report: CPR/AED expiring within the margin; no proration from the period start', () => withReport((report) => {
  // c3: certified 2024-01-01 = P: S == P, no proration, 6.0. CPR/AED valid on
  // R = T = 2026-06-01 but expires 2026-07-01 < R + 60 (version 0): expiring
  // (§5a); the notice fires since 2026-07-01 < E + 60. shortfall =
  // max(6.0 - 0, 1.0 - 0) + CPR/AED credit 0 = 6.0.
  const e = report.entry(2, 0);
  assert.deepEqual([e.credits.required, e.credits.earned, e.credits.shortfall], [6000, 0, 6000]);
  assert.equal(e.credits.cprAed, 'expiring');
  assert.equal(e.status, 'in_progress');
  assert.deepEqual(e.notices.map((n) => [n.code, n.message]), [
    ['category_minimum',
      '1.0 NSCA-CEU of category "ethics" still needed (minimum 1.0 NSCA-CEU, 0.0 NSCA-CEU counted)'],
    ['cpr_aed_expires_before_deadline',
      'CPR/AED expires on 2026-07-01: it must still be valid 60 days after the application, so renew it before applying'],
  ]);
}));

test('report: no categories and no policyEffective without the extensions', () => {
  const roster = new Roster();
  const h = new Holder('h');
  const c = new Credential('nasm', 'nasm-cpt', '2024-01-10');
  h.addCredential(c);
  roster.addHolder(h);
  const report = roster.evaluate('2025-01-01');
  try {
    const e = report.entry(0, 0);
    assert.deepEqual([e.credits.categories, e.amounts.categories, e.policyEffective], [[], [], null]);
    const entry = report.toJSON().holders[0].credentials[0];
    assert.equal('categories' in entry.credits, false); // existing reports unchanged
    assert.equal('policy_effective' in entry, false);
  } finally {
    report.close();
    roster.close();
    h.close();
    c.close();
  }
});

test('Credit.category: set, removed, and through export and import', () => {
  const k = new Credit('k1', '2025-04-01').setHours(5);
  assert.equal(k.category, null);
  k.category = 'Ethics';
  assert.equal(k.category, 'Ethics');
  const h = new Holder('h1');
  h.addCredit(k);
  k.category = null; // removed; the holder has its own copy
  assert.equal(k.category, null);
  k.category = 'online';
  k.category = undefined; // also removes
  assert.equal(k.category, null);
  assert.throws(() => { k.category = ''; }, (e) => e instanceof RecertError && e.code === codes.EINVAL);
  assert.throws(() => { k.category = 7; }, (e) => e instanceof RecertError && e.code === codes.EINVAL);
  assert.equal(k.category, null); // nothing changed
  const k2 = new Credit('k2', '2025-04-02').setHours(1);
  h.addCredit(k2);
  const roster = new Roster();
  roster.addHolder(h);
  const exported = roster.toJSON();
  assert.equal(exported.holders[0].credits[0].category, 'Ethics'); // as given
  assert.equal('category' in exported.holders[0].credits[1], false);
  assert.deepEqual(roster.holders[0].credits.map((c) => c.category), ['Ethics', null]);
  // a borrowed credit is read-only
  assert.throws(() => { roster.holders[0].credits[0].category = 'x'; }, (e) => e instanceof RecertError);
  const again = Roster.fromJSON(exported);
  assert.deepEqual(again.holders[0].credits.map((c) => c.category), ['Ethics', null]);
  assert.deepEqual(again.toJSON(), exported);
  const mine = again.holders[0].credits[0].copy();
  assert.equal(mine.category, 'Ethics');
  for (const o of [mine, again, roster, h, k, k2]) o.close();
});

test('validate against a catalog (recert_validate_json_catalog)', () => {
  // the records without their own policies name gym-fixed, which only the
  // catalog has
  const records = { recert: 1, holders: HOLDERS };
  assert.equal(recert.validate(records)[0].path, 'holders[0].credentials[0].policy');
  const catalog = Catalog.builtin();
  catalog.addJSON(POLICY_TEXT);
  assert.deepEqual(recert.validate(records, { catalog }), []);
  const bad = JSON.parse(JSON.stringify(records));
  bad.holders[0].credits[0].category = ''; // must not be empty
  assert.deepEqual(recert.validate(bad, { catalog }).map((e) => e.path), ['holders[0].credits[0].category']);
  assert.throws(() => recert.validate(records, { catalog: 'builtin' }),
    (e) => e instanceof RecertError && e.code === codes.EINVAL);
  const roster = Roster.fromJSON(records, { catalog });
  const report = roster.evaluate(AS_OF);
  assert.deepEqual([iso(report.entry(0, 0).policyEffective), report.entry(0, 0).credits.shortfall], ['2025-06-01', 500]);
  report.close();
  roster.close();
  catalog.close();
});

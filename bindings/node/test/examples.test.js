'use strict';
// The worked examples (tests/data/examples/*.json): every member of each
// expected report must be in the actual report with the same value, amounts
// compared as exact decimals. Three routes to the same report: the one-call
// JSON text, the one-call object, and the object path's getters.

const test = require('node:test');
const assert = require('node:assert/strict');
const recert = require('..');
const { parseDecimals } = require('../lib/json');
const { examples, compareSubset } = require('./helpers');

const all = examples();

function iso(day) {
  return day === null ? null : recert.dates.toISO(day);
}

// The report document rebuilt from the Report getters alone.
function documentFromGetters(report) {
  return {
    recert: 1,
    as_of: iso(report.asOfDay),
    holders: report.holders.map((h) => ({
      id: h.id,
      credentials: h.credentials.map((e) => {
        const days = e.days;
        const credits = e.credits;
        const amounts = e.amounts;
        const fees = e.fees;
        const doc = {
          id: e.id,
          policy: e.policy,
          status: e.status,
          certified: e.certified,
          path: e.path,
          dates: {
            cycle_start: iso(days.cycleStart),
            expires: iso(days.expires),
            credit_deadline: iso(days.creditDeadline),
            on_time_deadline: iso(days.onTimeDeadline),
            late_fee_deadline: iso(days.lateFeeDeadline),
            final_deadline: iso(days.finalDeadline),
            cpr_aed_expires: iso(days.cprAedExpires),
            audit_documents_due: iso(days.auditDocumentsDue),
            exam_deadline: iso(days.examDeadline),
          },
          credits: {
            unit: amounts.unit,
            required: { $decimal: amounts.required },
            earned: { $decimal: amounts.earned },
            pending: { $decimal: amounts.pending },
            shortfall: { $decimal: amounts.shortfall },
            counted: credits.counted,
            cpr_aed: credits.cprAed,
          },
          fees: {
            currency: fees.currency,
            tier: fees.tier,
            renewal_cents: { $decimal: String(fees.renewalCents) },
            late_cents: { $decimal: String(fees.lateCents) },
            total_cents: { $decimal: String(fees.totalCents) },
            petition_cents: { $decimal: String(fees.petitionCents) },
          },
          audit: { state: e.audit.state, documents_due: iso(days.auditDocumentsDue) },
          notices: e.notices.map((n) => (n.credit === null
            ? { code: n.code, message: n.message }
            : { code: n.code, credit: n.credit, message: n.message })),
        };
        if (amounts.categories.length) {
          doc.credits.categories = amounts.categories.map((k) => ({
            id: k.id,
            earned: { $decimal: k.earned },
            min: { $decimal: k.min },
            max: k.max === null ? null : { $decimal: k.max },
          }));
        }
        if (e.policyEffective) doc.policy_effective = iso(recert.dates.fromDate(e.policyEffective));
        if (e.renewalGroup) doc.renewal_group = e.renewalGroup;
        if (e.nextCycle) doc.next_cycle = { cycle_start: iso(days.nextCycleStart), expires: iso(days.nextCycleExpires) };
        return doc;
      }),
    })),
  };
}

test('there are worked examples', () => {
  assert.ok(all.length >= 17, `found ${all.length} examples`);
});

for (const ex of all) {
  test(`${ex.name}: evaluateJSON, digit for digit`, () => {
    const text = recert.evaluateJSON(ex.plain.records, ex.plain.as_of);
    assert.deepEqual(compareSubset(ex.doc.report, parseDecimals(text)), []);
  });

  test(`${ex.name}: evaluate() object`, () => {
    const report = recert.evaluate(ex.plain.records, ex.plain.as_of);
    assert.deepEqual(compareSubset(ex.doc.report, report), []);
  });

  test(`${ex.name}: JSON text and file path give the same report`, () => {
    const fromObject = recert.evaluateJSON(ex.plain.records, ex.plain.as_of);
    assert.equal(recert.evaluateJSON(JSON.stringify(ex.plain.records), ex.plain.as_of), fromObject);
    // The example file itself is not a records document: its records member is.
    assert.equal(recert.evaluateJSON(Buffer.from(JSON.stringify(ex.plain.records)), ex.plain.as_of), fromObject);
  });

  test(`${ex.name}: object path getters`, () => {
    const roster = recert.Roster.fromJSON(ex.plain.records);
    const report = roster.evaluate(ex.plain.as_of);
    try {
      assert.deepEqual(compareSubset(ex.doc.report, documentFromGetters(report)), []);
      // The same report as the one-call path, byte for byte.
      assert.equal(report.toJSONText(), recert.evaluateJSON(ex.plain.records, ex.plain.as_of));
      // Export and import again: the same report.
      assert.equal(recert.evaluateJSON(roster.toJSON(), ex.plain.as_of), report.toJSONText());
    } finally {
      report.close();
      roster.close();
    }
  });
}

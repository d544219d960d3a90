'use strict';
// A gym's back end: which trainers must act on their certifications, by
// when, and what it costs.
//
// The gym keeps trainers, certifications and courses in its own tables
// (plain arrays here, standing in for its database). The object path hands
// them to librecert without writing JSON; the report comes back as plain
// values: Dates, centihours and exact decimal text, cents.
//
// Run it from the repository root (RECERT_LIBRARY names the built library
// when librecert is not installed):
//
//     RECERT_LIBRARY=build/lib/librecert.so.0 node bindings/node/examples/gym-backend.js 2026-11-23

const recert = require('librecert');

const trainers = [
  { id: 't-001', name: 'Maria Alvarez', email: 'maria@example.com', cpr: ['2025-01-11', '2027-01-11', true] },
  { id: 't-002', name: 'Tomasz Kowalski', email: 'tomasz@example.com', cpr: ['2025-02-22', '2027-02-22', true] },
  { id: 't-003', name: 'Marcus Hill', email: 'marcus@example.com', cpr: ['2025-01-15', '2027-01-15', true] },
  { id: 't-004', name: 'Ines Duarte', email: 'ines@example.com', cpr: null },
];

const certifications = [
  { trainer: 't-001', id: 'nasm', policy: 'nasm-cpt', number: '1048271', certified: '2019-01-28', cycleStart: '2025-01-28' },
  { trainer: 't-002', id: 'nasm', policy: 'nasm-cpt', number: '1093311', certified: '2020-09-15', cycleStart: '2024-09-15' },
  { trainer: 't-003', id: 'cpt', policy: 'acsm-cpt', number: '771204', certified: '2023-05-10' },
  { trainer: 't-003', id: 'ep', policy: 'acsm-ep', number: '771987', certified: '2023-09-01' },
  { trainer: 't-004', id: 'ace', policy: 'ace-cpt', number: 'A-5521', certified: '2024-03-01' },
];

const courses = [
  { trainer: 't-001', id: 'm1', title: 'Golf Fitness Specialist', completed: '2025-04-06', amount: '0.8', unit: 'ceu' },
  { trainer: 't-001', id: 'm2', title: 'TRX Suspension Training', completed: '2025-09-13', amount: '0.7', unit: 'ceu' },
  { trainer: 't-001', id: 'm3', title: 'Mobility Workshop', completed: '2026-02-21', amount: '4', unit: 'hours',
    preapproved: false, petition: { status: 'approved', filed: '2026-03-02' } },
  { trainer: 't-002', id: 'k1', title: 'Youth Exercise Specialist', completed: '2025-01-10', amount: '1.0', unit: 'ceu' },
  { trainer: 't-002', id: 'k2', title: 'Kettlebell Workshop', completed: '2026-10-01', amount: '5', unit: 'hours' },
  { trainer: 't-002', id: 'k3', title: 'Pilates Mat I', completed: '2026-10-20', amount: '6', unit: 'hours', preapproved: false },
  { trainer: 't-003', id: 'a', title: 'ACSM Annual Meeting', completed: '2023-11-01', amount: '20', unit: 'cec' },
  { trainer: 't-003', id: 'b', title: 'Exercise is Medicine', completed: '2024-06-01', amount: '2.5', unit: 'ceu' },
  { trainer: 't-003', id: 'c', title: 'Strength Coaching Clinic', completed: '2025-02-01', amount: '16', unit: 'hours' },
];

// One trainer as a Holder (the caller closes it: adding copies).
function holderOf(trainer) {
  const holder = new recert.Holder(trainer.id, { name: trainer.name });
  holder.xSet('x-email', trainer.email); // the gym's own data travels along
  if (trainer.cpr) {
    const [completed, expires, handsOn] = trainer.cpr;
    holder.addCprAed({ completed, expires, handsOn });
  }
  for (const row of certifications.filter((c) => c.trainer === trainer.id)) {
    const credential = new recert.Credential(row.id, row.policy, row.certified);
    try {
      credential.number = row.number;
      if (row.cycleStart) credential.cycleStart = row.cycleStart;
      holder.addCredential(credential);
    } finally {
      credential.close();
    }
  }
  for (const row of courses.filter((c) => c.trainer === trainer.id)) {
    const credit = new recert.Credit(row.id, row.completed);
    try {
      credit.title = row.title;
      credit.setAmount(row.amount, row.unit);
      if (row.preapproved === false) credit.approval = 'not_preapproved';
      if (row.petition) credit.petition = row.petition;
      holder.addCredit(credit);
    } finally {
      credit.close();
    }
  }
  return holder;
}

// The gym's records as a roster. A trainer the library refuses (here, a
// certification whose policy it does not know) is reported and left out.
function buildRoster() {
  const roster = new recert.Roster();
  const refused = [];
  for (const trainer of trainers) {
    const holder = holderOf(trainer);
    try {
      roster.addHolder(holder);
    } catch (e) {
      if (!(e instanceof recert.RecertError)) throw e;
      refused.push(`${trainer.name} (${e.codeName}) ${e.message}`);
    } finally {
      holder.close();
    }
  }
  return { roster, refused };
}

const TODO = {
  renewed: null,
  submitted: 'wait for the decision',
  eligible: 'apply',
  in_progress: 'earn the missing credits',
  late: 'apply now, late fee due',
  lapsed: 'lapsed: certify again',
};

function money(cents, currency) {
  return `${(cents / 100).toFixed(2)} ${currency}`;
}

function iso(date) {
  return date ? date.toISOString().slice(0, 10) : '-';
}

function main(asOf) {
  const { roster, refused } = buildRoster();
  try {
    const report = roster.evaluate(asOf);
    try {
      console.log(`Recertification as of ${iso(report.asOf)}`);
      const rows = [];
      for (const holder of report.holders) {
        const name = roster.findHolder(holder.id).name;
        for (const entry of holder.credentials) {
          const todo = TODO[entry.status];
          if (!todo) continue;
          const { shortfall, unit } = entry.amounts;
          const fees = entry.fees;
          const deadline = entry.dates.onTimeDeadline || entry.dates.finalDeadline;
          rows.push({
            deadline,
            line: `${iso(deadline)}  ${name.padEnd(16)} ${entry.policy.padEnd(9)} ${entry.status.padEnd(12)}` +
              ` ${todo}` +
              (entry.credits.shortfall > 0 ? ` (${shortfall} ${unit} short)` : '') +
              (fees.totalCents > 0 ? `, ${money(fees.totalCents, fees.currency)}` : '') +
              (entry.renewalGroup ? `, renewed with ${entry.renewalGroup.join(' + ')}` : ''),
          });
          for (const notice of entry.notices) rows.push({ deadline, line: `            - ${notice.message}` });
        }
      }
      rows.sort((a, b) => (a.deadline || 0) - (b.deadline || 0));
      for (const row of rows) console.log(row.line);
      for (const line of refused) console.log(`not evaluated: ${line}`);
    } finally {
      report.close();
    }
  } finally {
    roster.close();
  }
}

main(process.argv[2] || undefined);

'use strict';
// Memory stays flat: 10,000 evaluations after a warm-up of 2,000, measured
// by process.memoryUsage().rss in a child with --expose-gc, in one
// synchronous loop (a batch job's) unless said otherwise. Each evaluation
// reads a 5-holder roster (~2 KB) and writes a ~7 KB report, so leaking
// either would grow the process by 20 to 70 MB, or more (the 10,000 reports
// alone are 70 MB); the margin is 16 MB.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { EXAMPLES } = require('./helpers');

const MARGIN = 16 * 1024 * 1024;

function run(body, yieldEvery = 0) {
  const ex = JSON.parse(fs.readFileSync(path.join(EXAMPLES, '10-acsm-two-renewed-together.json'), 'utf8'));
  const template = ex.records.holders[0];
  const records = { recert: 1, holders: Array.from({ length: 5 }, (_, i) => ({ ...template, id: `h${i}` })) };
  const script = `
    const recert = require(${JSON.stringify(path.resolve(__dirname, '..'))});
    const text = ${JSON.stringify(JSON.stringify(records))};
    const asOf = ${JSON.stringify(ex.as_of)};
    const step = (i) => { ${body} };
    (async () => {
      const settle = async () => {
        for (let k = 0; k < 3; k++) { global.gc(); await new Promise((ok) => setImmediate(ok)); }
      };
      for (let i = 0; i < 2000; i++) {
        step(i);
        if (i % 500 === 499) await settle();
      }
      await settle();
      const before = process.memoryUsage().rss;
      const every = ${yieldEvery};
      for (let i = 0; i < 10000; i++) {
        step(i);
        if (every && i % every === every - 1) await settle();
      }
      await settle();
      const after = process.memoryUsage().rss;
      console.log(JSON.stringify({ before, after }));
    })();`;
  const child = spawnSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8', env: process.env });
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout);
}

function assertFlat(t, { before, after }) {
  const grew = after - before;
  t.diagnostic(`rss ${(before / 1048576).toFixed(1)} MB -> ${(after / 1048576).toFixed(1)} MB`);
  assert.ok(grew < MARGIN, `rss grew by ${(grew / 1048576).toFixed(1)} MB (from ${(before / 1048576).toFixed(1)} MB)`);
}

test('10,000 one-call evaluations: flat memory', (t) => {
  assertFlat(t, run(`
    const r = recert.evaluate(text, asOf);
    if (r.holders.length !== 5) throw new Error('bad report');`));
});

test('10,000 validations: flat memory', (t) => {
  assertFlat(t, run(`
    if (recert.validate(text).length !== 0) throw new Error('invalid');`));
});

test('10,000 object-path evaluations with close(): flat memory', (t) => {
  assertFlat(t, run(`
    const roster = recert.Roster.fromJSON(text);
    const report = roster.evaluate(asOf);
    try {
      if (report.entry(4, 1).credits.earned !== 6100) throw new Error('bad entry');
      roster.holders[0].credentials[0].id;
    } finally {
      report.close();
      roster.close();
    }`));
});

test('10,000 object-path evaluations left to the finalizers: flat memory', (t) => {
  // FinalizationRegistry callbacks run when the event loop turns: yield.
  assertFlat(t, run(`
    const report = recert.Roster.fromJSON(text).evaluate(asOf);
    if (report.holderCount !== 5) throw new Error('bad report');`, 500));
});

'use strict';
// Day numbers, ISO text and Dates (docs/rules.md §1): the binding's own exact code
// agrees with recert_date_parse / recert_date_format on every day it tries.

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('path');
const { spawnSync } = require('child_process');
const { dates, RecertError, codes } = require('..');
const C = require('../lib/native').lib();

test('ISO text and day numbers agree with the library', () => {
  // Day 0 is 1970-01-01; -25567 is 1900-01-01; 2932896 is 9999-12-31.
  const fixed = [[0, '1970-01-01'], [-1, '1969-12-31'], [dates.DAY_MIN, '1900-01-01'],
    [dates.DAY_MAX, '9999-12-31'], [11016, '2000-02-29'], [-25508, '1900-03-01'],
    [47540, '2100-02-28'], [47541, '2100-03-01'], [19782, '2024-02-29']];
  for (const [day, iso] of fixed) {
    assert.equal(dates.toISO(day), iso);
    assert.equal(dates.fromISO(iso), day);
    assert.equal(C.recert_date_format(day), iso);
    assert.equal(C.recert_date_parse(iso), day);
  }
  for (let day = dates.DAY_MIN; day <= dates.DAY_MAX; day += 97) {
    const iso = C.recert_date_format(day);
    assert.equal(dates.toISO(day), iso);
    assert.equal(dates.fromISO(iso), day);
  }
});

test('invalid and out-of-range text is refused like the library refuses it', () => {
  for (const bad of ['2025-02-29', '1900-02-29', '1000-02-29', '2025-04-31', '2025-1-1', ' 2025-01-01', '2025-01-01T00:00', '2025-13-01', '2025-00-10', '']) {
    assert.throws(() => dates.fromISO(bad), (e) => e instanceof RecertError && e.code === codes.EINVAL, bad);
    assert.throws(() => C.recert_date_parse(bad), (e) => e.code === codes.EINVAL, bad);
  }
  for (const far of ['1899-12-31', '0001-01-01', '0000-01-01', '1600-02-29']) {
    assert.throws(() => dates.fromISO(far), (e) => e.code === codes.ERANGE, far);
    assert.throws(() => C.recert_date_parse(far), (e) => e.code === codes.ERANGE, far);
  }
  assert.throws(() => dates.toISO(dates.DAY_NONE), (e) => e.code === codes.ERANGE);
  assert.throws(() => C.recert_date_format(dates.DAY_NONE), (e) => e.code === codes.ERANGE);
});

test('Dates: midnight UTC is its UTC day, any other instant its local day', () => {
  assert.deepEqual(dates.toDate(0), new Date(Date.UTC(1970, 0, 1)));
  assert.equal(dates.toDate(dates.DAY_NONE), null);
  assert.equal(dates.fromDate(new Date('2026-11-23')), dates.fromISO('2026-11-23'));
  assert.equal(dates.fromDate(dates.toDate(-25567)), -25567);
  // In zones west and east of UTC, local midnight and midday are the local day.
  const script = `
    const { dates } = require(${JSON.stringify(path.resolve(__dirname, '..'))});
    const out = [
      dates.fromDate(new Date(2026, 10, 23)),
      dates.fromDate(new Date(2026, 10, 23, 23, 59)),
      dates.fromDate(new Date('2026-11-23')),
      dates.fromDate(dates.toDate(20000)),
      dates.today() === dates.fromDate(new Date(new Date().setHours(12, 0, 0, 0))),
    ];
    console.log(JSON.stringify(out));`;
  const day = dates.fromISO('2026-11-23');
  for (const tz of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Tokyo']) {
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, TZ: tz } });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), [day, day, day, 20000, true], tz);
  }
});

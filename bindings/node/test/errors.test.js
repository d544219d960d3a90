'use strict';
// Every error: a RecertError (an Error) with the C code, its name, the path
// in the document and the library's message, which starts with the path.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const recert = require('..');
const { RecertError, codes, Credit, Credential, Holder, Roster, Policy } = recert;

function records(credential = {}, extra = {}) {
  return {
    recert: 1,
    holders: [{
      id: 'h1',
      credentials: [{ id: 'nasm', policy: 'nasm-cpt', certified: '2024-01-10', ...credential }],
      ...extra,
    }],
  };
}

// assert.throws with a RecertError of this code (and path, when given).
function throwsRecert(fn, code, where) {
  let caught = null;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof RecertError, `expected a RecertError, got ${caught}`);
  assert.ok(caught instanceof Error);
  assert.equal(caught.name, 'RecertError');
  if (code !== undefined) assert.equal(caught.code, code, `code ${caught.code} (${caught.message})`);
  assert.equal(codes[caught.codeName], caught.code);
  assert.equal(typeof caught.message, 'string');
  assert.ok(caught.message.length > 0);
  if (where !== undefined) {
    assert.equal(caught.path, where);
    if (where) assert.ok(caught.message.startsWith(where), caught.message);
  }
  return caught;
}

test('EPARSE: text that is not JSON', () => {
  throwsRecert(() => recert.evaluate('{"recert": 1,', '2026-01-01'), codes.EPARSE);
  throwsRecert(() => Roster.fromJSON('{nope'), codes.EPARSE);
  throwsRecert(() => Policy.fromJSON('{nope'), codes.EPARSE);
});

test('EDATA: an unknown member, a wrong type, a duplicate key', () => {
  const e = throwsRecert(() => recert.evaluate(records({ expries: '2026-01-01' }), '2026-01-01'),
    codes.EDATA, 'holders[0].credentials[0].expries');
  assert.match(e.message, /unknown member/);
  throwsRecert(() => recert.evaluate({ recert: 2, holders: [] }, '2026-01-01'), codes.EDATA, 'recert');
  // A duplicate key: jansson's JSON_REJECT_DUPLICATES, a parse error.
  const dup = throwsRecert(() => recert.evaluate('{"recert": 1, "recert": 1, "holders": []}', '2026-01-01'));
  assert.ok([codes.EPARSE, codes.EDATA].includes(dup.code), dup.message);
  assert.match(dup.message, /duplicate/);
  throwsRecert(() => recert.evaluate(records({ certified: 20240110 }), '2026-01-01'),
    codes.EDATA, 'holders[0].credentials[0].certified');
});

test('EINVAL from the library: an invalid date, an empty id, a bad as_of', () => {
  // In a document, a bad date makes the document invalid (EDATA) with its path.
  const e = throwsRecert(() => recert.evaluate(records({ certified: '2025-02-30' }), '2026-01-01'),
    codes.EDATA, 'holders[0].credentials[0].certified');
  assert.match(e.message, /not a valid date: "2025-02-30"/);
  throwsRecert(() => recert.evaluate(records(), '2026-1-1'), codes.EINVAL);
  throwsRecert(() => recert.evaluate(records(), '2026-02-30'), codes.EINVAL);
  throwsRecert(() => new Credit('', '2025-01-01'), codes.EINVAL);
  throwsRecert(() => new Holder(''), codes.EINVAL);
  throwsRecert(() => new Credit('k', '2025-01-01').setHours(-1), codes.EINVAL);
  throwsRecert(() => new Credit('k', '2025-01-01').setHours('1.234'), codes.EINVAL);
  throwsRecert(() => new Credit('k', '2025-01-01').setHours(0.1 + 0.2), codes.EINVAL);
});

test('EINVAL from the binding: bad arguments are refused, never coerced', () => {
  throwsRecert(() => recert.evaluate(42, '2026-01-01'), codes.EINVAL);
  throwsRecert(() => recert.evaluate(records(), new Date('nope')), codes.EINVAL);
  throwsRecert(() => recert.evaluate(records(), 1.5), codes.EINVAL);
  throwsRecert(() => recert.evaluate(records(), {}), codes.EINVAL);
  throwsRecert(() => new Holder('a\u0000b'), codes.EINVAL);
  throwsRecert(() => new Credit('k', 'yesterday'), codes.EINVAL);
  const c = new Credit('k', '2025-01-01');
  throwsRecert(() => { c.approval = 'maybe'; }, codes.EINVAL);
  throwsRecert(() => { c.petition = { status: 'unknown', filed: '2025-01-02' }; }, codes.EINVAL);
  throwsRecert(() => { c.appliesTo = 'nasm'; }, codes.EINVAL);
  throwsRecert(() => c.xSet('x-big', 10n ** 30n), codes.EINVAL);
  c.close();
  throwsRecert(() => c.id, codes.EINVAL);
  throwsRecert(() => new Holder('h').addCredit({}), codes.EINVAL);
  throwsRecert(() => new Roster({ catalog: {} }), codes.EINVAL);
  throwsRecert(() => new Policy(), codes.EINVAL);
  throwsRecert(() => new recert.Report(), codes.EINVAL);
});

test('ENOTFOUND: an unknown policy, a missing file', () => {
  // In a document an unknown policy makes it invalid (EDATA), with its path;
  // adding a holder with one to a roster is ENOTFOUND (roster.h).
  const e = throwsRecert(() => recert.evaluate(records({ policy: 'ace-cpt' }), '2026-01-01'),
    codes.EDATA, 'holders[0].credentials[0].policy');
  assert.match(e.message, /ace-cpt/);
  throwsRecert(() => recert.evaluate(path.join(os.tmpdir(), 'no-such-records.json'), '2026-01-01'), codes.ENOTFOUND);
  const h = new Holder('h');
  h.addCredential(new Credential('c', 'ace-cpt', '2024-01-01'));
  const r = new Roster();
  throwsRecert(() => r.addHolder(h), codes.ENOTFOUND);
  throwsRecert(() => r.removeHolder('nobody'), codes.ENOTFOUND);
  r.close();
  h.close();
});

test('ERANGE: dates outside 1900..9999, indices out of range', () => {
  const e = throwsRecert(() => recert.evaluate(records({ certified: '1899-12-31' }), '2026-01-01'),
    undefined, 'holders[0].credentials[0].certified');
  assert.ok([codes.ERANGE, codes.EDATA].includes(e.code), e.message);
  assert.match(e.message, /before 1900-01-01 \(the supported range is 1900-01-01 to 9999-12-31\)/);
  throwsRecert(() => recert.evaluate(records(), '1899-12-31'), codes.ERANGE);
  throwsRecert(() => recert.evaluate(records(), new Date(Date.UTC(1899, 11, 31))), codes.ERANGE);
  throwsRecert(() => new Credit('k', recert.dates.DAY_MAX + 1), codes.ERANGE);
  const r = Roster.fromJSON(records());
  throwsRecert(() => r.removeHolder(3), codes.ERANGE);
  throwsRecert(() => r.evaluate('9999-12-31').entry(0, 1), codes.ERANGE);
  r.close();
});

test('ERANGE: a 64-bit value beyond 2^53 is never silently rounded', () => {
  // An x- member holding a CRM id beyond 2^53: the JSON text keeps it, the
  // object path refuses to round it.
  const c = new Credit('k', '2025-01-01').setHours(1);
  c.xSetText('x-crm-id', '9007199254740993');
  assert.equal(c.xGetText('x-crm-id'), '9007199254740993');
  throwsRecert(() => c.xGet('x-crm-id'), codes.ERANGE);
  c.xSetText('x-crm-id', '9007199254740991'); // 2^53 - 1: exact
  assert.equal(c.xGet('x-crm-id'), 9007199254740991);
  const h = new Holder('h');
  h.addCredit(c);
  const r = new Roster();
  r.addHolder(h);
  r.xSetText('x-batch', '[1, 9223372036854775807]');
  assert.match(r.toJSONText(), /9223372036854775807/);
  throwsRecert(() => r.toJSON(), codes.ERANGE);
  r.close();
  h.close();
  c.close();
  // An int64 result beyond 2^53 (ref-napi hands it over as text): refused.
  // 10^13 hundredths of a unit worth 0.001 per hour = 10^16 centihours.
  const C = require('../lib/native').lib();
  assert.equal(C.recert_amount_to_centihours(150, 100000), 1500);
  throwsRecert(() => C.recert_amount_to_centihours(1e13, 1000), codes.ERANGE);
  // Arguments too: an unsafe number is refused, not rounded.
  throwsRecert(() => C.recert_amount_to_centihours(2 ** 53 + 2, 1000000), codes.EINVAL);
  throwsRecert(() => C.recert_date_format(1.5), codes.EINVAL);
});

// Policy "versions", once EUNSUPPORTED, are read since issue 8; what is left
// of EUNSUPPORTED is a library without a function the binding declares (an
// older librecert). A stand-in with only the version functions, built with
// the C compiler, plays it.
const cc = process.env.CC || 'cc';
const haveCc = spawnSync(cc, ['--version'], { encoding: 'utf8' }).status === 0;

test('EUNSUPPORTED: a function the loaded library lacks', { skip: !haveCc && `no C compiler (${cc})` }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'librecert-older-'));
  try {
    const src = path.join(dir, 'older.c');
    const so = path.join(dir, 'librecert.so.0');
    fs.writeFileSync(src, 'unsigned recert_version(void) { return 0x000100u; }\n' +
      'const char *recert_version_string(void) { return "0.1.0"; }\n');
    const built = spawnSync(cc, ['-shared', '-fPIC', '-o', so, src], { encoding: 'utf8' });
    assert.equal(built.status, 0, built.stderr);
    const script = `const r = require(${JSON.stringify(path.resolve(__dirname, '..'))});
      const out = { version: r.version().string };
      try { r.policies(); } catch (e) { Object.assign(out, { name: e.name, code: e.code, codeName: e.codeName, message: e.message }); }
      console.log(JSON.stringify(out));`;
    const run = spawnSync(process.execPath, ['-e', script], {
      encoding: 'utf8', env: { ...process.env, RECERT_LIBRARY: so },
    });
    assert.equal(run.status, 0, run.stderr);
    const out = JSON.parse(run.stdout);
    assert.equal(out.version, '0.1.0'); // what it has works
    assert.equal(out.name, 'RecertError');
    assert.equal(out.code, codes.EUNSUPPORTED);
    assert.equal(out.codeName, 'EUNSUPPORTED');
    assert.match(out.message, /^recert_policies_json: not in the loaded librecert/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('EEXISTS: duplicate ids', () => {
  const h = new Holder('h');
  h.addCredential(new Credential('c', 'nasm-cpt', '2024-01-01'));
  throwsRecert(() => h.addCredential(new Credential('c', 'nasm-cpt', '2024-01-01')), codes.EEXISTS);
  const r = new Roster();
  r.addHolder(h);
  throwsRecert(() => r.addHolder(h), codes.EEXISTS);
  r.close();
  h.close();
  const dup = records();
  dup.holders.push(dup.holders[0]);
  const e = throwsRecert(() => recert.evaluate(dup, '2026-01-01'), undefined, 'holders[1].id');
  assert.ok([codes.EEXISTS, codes.EDATA].includes(e.code), e.message);
});

test('EBUSY: a catalog in use, policies after holders', () => {
  const catalog = recert.Catalog.builtin();
  const roster = new Roster({ catalog });
  throwsRecert(() => catalog.addJSON({ ...recert.policies()[0], recert: undefined }), codes.EBUSY);
  const h = new Holder('h');
  roster.addHolder(h);
  throwsRecert(() => roster.addPolicy(catalog.at(0)), codes.EBUSY);
  roster.close();
  catalog.close();
  h.close();
});

test('ELIMIT: more CPR/AED records than the format allows', () => {
  const cpr = Array.from({ length: 1001 }, () => ({ completed: '2025-01-01', expires: '2027-01-01' }));
  const e = throwsRecert(() => recert.evaluate(records({}, { cpr_aed: cpr }), '2026-01-01'), codes.ELIMIT);
  assert.match(e.path, /^holders\[0\]\.cpr_aed/);
});

test('validate lists every error with its path; [] when valid', () => {
  assert.deepEqual(recert.validate(records()), []);
  const errors = recert.validate({
    recert: 1,
    holders: [
      { id: 'a', credentials: [{ id: 'x', policy: 'nasm-cpt', certified: '2025-02-30' }] },
      { id: 'b', credits: [{ id: 'k', completed: '2025-01-01', hours: -1 }], colour: 'red' },
    ],
  });
  assert.ok(errors.length >= 3, JSON.stringify(errors));
  for (const e of errors) {
    assert.equal(typeof e.path, 'string');
    assert.ok(e.message.startsWith(e.path), e.message);
  }
  assert.equal(errors[0].path, 'holders[0].credentials[0].certified');
  assert.ok(errors.some((e) => e.path === 'holders[1].colour'));
  const parse = recert.validate('{"recert": ');
  assert.equal(parse.length, 1);
});

test('a library that cannot be loaded: a clear error saying what was tried', () => {
  const script = `try { require(${JSON.stringify(path.resolve(__dirname, '..'))}).policies(); }
    catch (e) { console.log(JSON.stringify({ code: e.code, message: e.message })); }`;
  const env = { ...process.env, RECERT_LIBRARY: '/nonexistent/librecert.so.0' };
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env });
  const out = JSON.parse(run.stdout);
  assert.equal(out.code, 'ERR_RECERT_LIBRARY');
  assert.match(out.message, /RECERT_LIBRARY=\/nonexistent\/librecert\.so\.0/);
  assert.match(out.message, /cannot open shared object file/);
  // Not a shared object at all.
  const bogus = path.join(os.tmpdir(), `librecert-bogus-${process.pid}.so`);
  fs.writeFileSync(bogus, 'not an ELF file');
  try {
    const run2 = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...env, RECERT_LIBRARY: bogus } });
    const out2 = JSON.parse(run2.stdout);
    assert.equal(out2.code, 'ERR_RECERT_LIBRARY');
    assert.ok(out2.message.includes(bogus), out2.message);
  } finally {
    fs.unlinkSync(bogus);
  }
});

'use strict';
// JSON from the library to JavaScript: no number is ever silently rounded.

const test = require('node:test');
const assert = require('node:assert/strict');
const { parseExact, parseDecimals, canonicalDecimal } = require('../lib/json');
const { RecertError, codes } = require('..');

function rangeError(e) {
  return e instanceof RecertError && e.code === codes.ERANGE;
}

test('canonical decimals: equal values, equal forms', () => {
  assert.equal(canonicalDecimal('2.0'), canonicalDecimal('2'));
  assert.equal(canonicalDecimal('2.00'), canonicalDecimal('20e-1'));
  assert.equal(canonicalDecimal('0.025'), canonicalDecimal(String(0.025)));
  assert.equal(canonicalDecimal('0'), canonicalDecimal('0.0'));
  assert.notEqual(canonicalDecimal('0.1'), canonicalDecimal('0.10000000000000001'));
  assert.notEqual(canonicalDecimal('1.9'), canonicalDecimal('19'));
  assert.notEqual(canonicalDecimal('-1'), canonicalDecimal('1'));
});

test('safe integers and exact decimals pass; anything else is RECERT_ERANGE', () => {
  assert.deepEqual(parseExact('{"a": 9007199254740991, "b": -9007199254740991, "c": [2.0, 0.025, 1.9]}'),
    { a: 9007199254740991, b: -9007199254740991, c: [2, 0.025, 1.9] });
  assert.deepEqual(parseExact('{"s": "12345678901234567890 and 0.10000000000000001"}'),
    { s: '12345678901234567890 and 0.10000000000000001' });
  assert.throws(() => parseExact('[9007199254740992]'), rangeError);
  assert.throws(() => parseExact('{"x": 9223372036854775807}'), rangeError);
  assert.throws(() => parseExact('[-9007199254740993]'), rangeError);
  assert.throws(() => parseExact('[0.10000000000000001]'), rangeError);
  assert.throws(() => parseExact('[1e400]'), rangeError);
  assert.throws(() => parseExact('{"k\\"": 12345678901234567890}'), rangeError);
});

test('parseDecimals keeps every number as its text', () => {
  assert.deepEqual(parseDecimals('{"a": 2.0, "b": [0.025, 9007199254740993], "c": "1.0"}'),
    { a: { $decimal: '2.0' }, b: [{ $decimal: '0.025' }, { $decimal: '9007199254740993' }], c: '1.0' });
});

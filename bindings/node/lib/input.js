'use strict';
// Arguments as the library takes them: records documents, days, amounts.

const fs = require('fs');
const { lib } = require('./native');
const { codes, fail } = require('./errors');
const { toDay, dayToISO, today, DAY_NONE, dateToDay } = require('./dates');

// A records document as JSON text (or bytes): an object (Dates inside become
// "YYYY-MM-DD"), a JSON string (its first non-blank character is "{" or
// "["), a Buffer of JSON, or else the path of a JSON file.
function recordsText(records, what = 'records') {
  if (typeof records === 'string') {
    if (/^[\s\uFEFF]*[{[]/.test(records)) return records;
    try {
      return fs.readFileSync(records);
    } catch (e) {
      const code = e.code === 'ENOENT' ? codes.ENOTFOUND : codes.EINVAL;
      throw fail(code, `${records}: cannot read the records file: ${e.message}`, '', e);
    }
  }
  if (Buffer.isBuffer(records) || records instanceof Uint8Array) return records;
  if (records !== null && typeof records === 'object') return stringify(records, what);
  throw fail(codes.EINVAL, `${what}: expected an object, JSON text or a file path, got ${records === null ? 'null' : typeof records}`);
}

// JSON.stringify, with Dates written as the library's "YYYY-MM-DD" and no
// value dropped silently.
function stringify(value, what) {
  try {
    return JSON.stringify(value, function replacer(key, v) {
      const original = this[key];
      if (original instanceof Date) return dayToISO(dateToDay(original, key || what));
      if (typeof v === 'bigint') {
        if (v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(v);
        if (typeof JSON.rawJSON === 'function') return JSON.rawJSON(v.toString());
        throw fail(codes.EINVAL, `${key || what}: ${v} is beyond what JSON.stringify can write exactly here`);
      }
      return v;
    });
  } catch (e) {
    if (e && e.name === 'RecertError') throw e;
    throw fail(codes.EINVAL, `${what}: cannot be written as JSON: ${e.message}`, '', e);
  }
}

// as_of for recert_evaluate_json: "YYYY-MM-DD" (checked by the library), or a
// Date or day number, or today (local) when not given.
function asOfText(asOf) {
  if (asOf === undefined || asOf === null) return dayToISO(today());
  if (typeof asOf === 'string') return asOf;
  return dayToISO(toDay(asOf, 'asOf'));
}

// as_of as a day number.
function asOfDay(asOf) {
  if (asOf === undefined || asOf === null) return today();
  return toDay(asOf, 'asOf');
}

// A decimal amount (a number such as 1.5, or exact text such as "1.5"), in
// hundredths, parsed by the library: at most two decimals, no exponent.
function hundredths(value, what) {
  let text;
  if (typeof value === 'number') text = String(value);
  else if (typeof value === 'string') text = value;
  else if (typeof value === 'bigint') text = value.toString();
  else throw fail(codes.EINVAL, `${what}: expected a decimal number or text, got ${typeof value}`);
  try {
    return lib().recert_amount_parse(text);
  } catch (e) {
    if (e.name === 'RecertError' && !e.path) {
      throw fail(e.code, `${what}: ${e.message}`, '', e);
    }
    throw e;
  }
}

// Hundredths of a unit as exact decimal text, with at least one decimal:
// 150 -> "1.5", 100 -> "1.0", 25 -> "0.25".
function hundredthsText(n) {
  const sign = n < 0 ? '-' : '';
  const a = Math.abs(n);
  const frac = String(a % 100).padStart(2, '0').replace(/0$/, '');
  return `${sign}${Math.floor(a / 100)}.${frac || '0'}`;
}

module.exports = { recordsText, stringify, asOfText, asOfDay, hundredths, hundredthsText, toDay, DAY_NONE };

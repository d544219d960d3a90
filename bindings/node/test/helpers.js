'use strict';
// Shared by the tests: where the data is, and comparing documents exactly.

const fs = require('fs');
const path = require('path');
const { parseDecimals, canonicalDecimal } = require('../lib/json');

// tests/data of the source tree (meson sets RECERT_TEST_DATA).
const DATA = process.env.RECERT_TEST_DATA || path.resolve(__dirname, '..', '..', '..', 'tests', 'data');
const EXAMPLES = path.join(DATA, 'examples');

// The worked examples: [{ name, file, text, doc }]; doc keeps every number
// as its exact decimal text ({ $decimal: "2.0" }).
function examples() {
  return fs.readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const file = path.join(EXAMPLES, f);
      const text = fs.readFileSync(file, 'utf8');
      return { name: f, file, text, plain: JSON.parse(text), doc: parseDecimals(text) };
    });
}

function isDecimal(v) {
  return v !== null && typeof v === 'object' && typeof v.$decimal === 'string' && Object.keys(v).length === 1;
}

// Every member of expected (numbers as { $decimal }) must be in actual with
// the same value: numbers compare as exact decimals (2.0 == 2.00, 0.1 !=
// 0.1000000001); actual numbers may be { $decimal } or JavaScript numbers
// (then their shortest decimal form, String(x), must be the same decimal).
// Returns the list of differences, each "path: expected X, got Y".
function compareSubset(expected, actual, where = '', out = []) {
  if (isDecimal(expected)) {
    let got = null;
    if (isDecimal(actual)) got = actual.$decimal;
    else if (typeof actual === 'number') got = String(actual);
    if (got === null || canonicalDecimal(got) !== canonicalDecimal(expected.$decimal)) {
      out.push(`${where}: expected ${expected.$decimal}, got ${JSON.stringify(actual)}`);
    }
  } else if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      out.push(`${where}: expected ${expected.length} elements, got ${JSON.stringify(actual)}`);
    } else {
      expected.forEach((e, i) => compareSubset(e, actual[i], `${where}[${i}]`, out));
    }
  } else if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) {
      out.push(`${where}: expected an object, got ${JSON.stringify(actual)}`);
    } else {
      for (const k of Object.keys(expected)) {
        if (!(k in actual)) out.push(`${where}.${k}: missing`);
        else compareSubset(expected[k], actual[k], where ? `${where}.${k}` : k, out);
      }
    }
  } else if (expected !== actual) {
    out.push(`${where}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
  return out;
}

module.exports = { DATA, EXAMPLES, examples, compareSubset, isDecimal };

'use strict';
// JSON text from the library to JavaScript values, with no silently rounded
// number: JSON.parse would turn a 64-bit integer above 2^53 into a nearby
// double without a word. parseExact() first checks every number of the text:
// an integer must be a safe integer (Number.isSafeInteger), and a decimal
// must come back as the same decimal (the shortest form of the double, which
// is what String(x) gives, equals it: 0.025 stays "0.025"). Otherwise it
// throws a RecertError (RECERT_ERANGE) instead of returning a wrong value.

const { codes, fail } = require('./errors');

// A JSON string or a JSON number (for parseDecimals): on valid JSON, every
// number outside a string is matched by the second arm.
const TOKEN = /"[^"\\]*(?:\\.[^"\\]*)*"|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/g;
const NUMBER = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

// A canonical form of decimal text, so that "2.0", "2", "2.00" and "20e-1"
// are equal and "0.1" and "0.10000000000000001" are not: sign, digits without
// leading or trailing zeros, and the exponent of the last digit.
function canonicalDecimal(text) {
  const m = NUMBER.exec(String(text));
  if (!m) return null;
  let digits = (m[2] + (m[3] || '')).replace(/^0+/, '');
  let exp = Number(m[4] || 0) - (m[3] || '').length;
  if (digits === '') return '0';
  const trail = /0+$/.exec(digits);
  if (trail) {
    digits = digits.slice(0, trail.index);
    exp += trail[0].length;
  }
  return `${m[1]}${digits}e${exp}`;
}

function checkNumber(token) {
  if (/^-?\d+$/.test(token)) {
    if (!Number.isSafeInteger(Number(token))) {
      throw fail(codes.ERANGE, `integer ${token} is beyond Number.MAX_SAFE_INTEGER and cannot be a JavaScript number exactly`);
    }
    return;
  }
  const value = Number(token);
  if (!Number.isFinite(value) || canonicalDecimal(String(value)) !== canonicalDecimal(token)) {
    throw fail(codes.ERANGE, `decimal ${token} cannot be a JavaScript number exactly`);
  }
}

// Every number outside a string: a plain scan (faster than a regular
// expression over the strings, which are most of a report).
function checkNumbers(text) {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22) { // a string: to its closing quote, not an escaped one
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) return; // not JSON: JSON.parse says so
        let b = q - 1;
        while (text.charCodeAt(b) === 0x5c) b--;
        from = q + 1;
        if ((q - 1 - b) % 2 === 0) break;
      }
      i = from;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) { // a number
      let j = i + 1;
      let exponent = false;
      for (; j < n; j++) {
        const d = text.charCodeAt(j);
        if (d === 0x65 || d === 0x45) exponent = true;
        else if (!((d >= 0x30 && d <= 0x39) || d === 0x2e || d === 0x2b || d === 0x2d)) break;
      }
      // Up to 15 characters without an exponent: at most 15 significant
      // digits, which a double always holds exactly (DBL_DIG), below 2^53.
      if (exponent || j - i > 15) checkNumber(text.slice(i, j));
      i = j;
    } else {
      i++;
    }
  }
}

function parseExact(text) {
  checkNumbers(text);
  return JSON.parse(text);
}

// The same text with every number kept as its exact decimal text, wrapped as
// {"$decimal": "2.0"}: for comparing documents digit for digit.
function parseDecimals(text) {
  return JSON.parse(text.replace(TOKEN, (t) => (t.charCodeAt(0) === 0x22 ? t : `{"$decimal":"${t}"}`)));
}

module.exports = { parseExact, parseDecimals, canonicalDecimal };

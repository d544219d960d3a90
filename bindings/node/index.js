'use strict';
// librecert for Node: recertification rules for fitness professionals.
//
// The one-call path: evaluate(records, asOf), validate(records), policies().
// The object path: Roster, Holder, Credential, Credit, Policy, Catalog and
// Report over the library's handles. Errors: RecertError. See README.md.

const native = require('./lib/native');
const { RecertError, codes, fail } = require('./lib/errors');
const { parseExact } = require('./lib/json');
const { recordsText, asOfText } = require('./lib/input');
const dates = require('./lib/dates');
const { Policy, Catalog } = require('./lib/policy');
const { Report, ReportEntry } = require('./lib/report');
const { Credit, Credential, Holder, Roster } = require('./lib/records');

// The report document (docs/format.md) as JSON text, for records (an object, JSON
// text, a Buffer, a file path, or a Roster) as of asOf ("YYYY-MM-DD", a Date
// or a day number; default: today in the local time zone).
function evaluateJSON(records, asOf) {
  if (records instanceof Roster) {
    const report = records.evaluate(asOf);
    try {
      return report.toJSONText();
    } finally {
      report.close();
    }
  }
  return native.lib().recert_evaluate_json(recordsText(records), asOfText(asOf));
}

// The report document as an object. Amounts are numbers whose decimal form is
// exactly the library's (2.0 reads as 2, 0.025 as 0.025); cents are safe
// integers; dates are "YYYY-MM-DD" text. Anything that could not be a number
// exactly throws RECERT_ERANGE instead of being rounded.
function evaluate(records, asOf) {
  return parseExact(evaluateJSON(records, asOf));
}

// Check a records document in full: the list of its errors, each
// { path, message }, in document order ([] when it is valid), read against
// options.catalog (a Catalog; default: the built-in policies).
function validate(records, options) {
  const catalog = options && options.catalog;
  if (catalog !== undefined && catalog !== null && !(catalog instanceof Catalog)) {
    throw fail(codes.EINVAL, 'catalog: expected a Catalog');
  }
  const { rc, out } = catalog
    ? native.lib().recert_validate_json_catalog(recordsText(records), catalog._ptr())
    : native.lib().recert_validate_json(recordsText(records));
  if (out === null) {
    throw fail(rc, native.lib().recert_error_message() || native.lib().recert_strerror(rc),
      native.lib().recert_error_path() || '');
  }
  return parseExact(out);
}

// The built-in policies, as policy documents.
function policies() {
  return parseExact(native.lib().recert_policies_json());
}

// Is the application with this id selected for audit at this rate (parts
// per million: 10% is 100000) with this seed (a uint64: a safe integer or a
// BigInt)? Deterministic and monotone in the rate (recert_audit_select).
function auditSelect(id, ratePpm, seed) {
  const C = native.lib();
  const r = C.recert_audit_select(id, ratePpm, seed);
  if (r < 0) {
    throw new RecertError(r, C.recert_error_message() || C.recert_strerror(r), C.recert_error_path() || '');
  }
  return r === 1;
}

// The version of the loaded library: { number, string, major, minor, patch }.
function version() {
  const C = native.lib();
  const n = C.recert_version();
  return { number: n, string: C.recert_version_string(), major: n >>> 16, minor: (n >>> 8) & 0xff, patch: n & 0xff };
}

module.exports = {
  evaluate,
  evaluateJSON,
  validate,
  policies,
  auditSelect,
  version,
  libraryPath: native.libraryPath,
  RecertError,
  codes,
  Roster,
  Holder,
  Credential,
  Credit,
  Policy,
  Catalog,
  Report,
  ReportEntry,
  dates: {
    DAY_NONE: dates.DAY_NONE,
    DAY_MIN: dates.DAY_MIN,
    DAY_MAX: dates.DAY_MAX,
    fromISO: dates.isoToDay,
    toISO: dates.dayToISO,
    toDate: dates.dayToDate,
    fromDate: dates.dateToDay,
    today: dates.today,
  },
};

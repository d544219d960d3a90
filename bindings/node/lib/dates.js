'use strict';
// Calendar days, exactly as the C library counts them (docs/rules.md §1): a day
// number is the count of days since 1970-01-01 (day 0), proleptic Gregorian,
// valid from 1900-01-01 to 9999-12-31. Everything here is integer arithmetic
// on UTC milliseconds, which is exact for those years (no time zone, no DST).
//
// Dates this package returns are JavaScript Dates at midnight UTC of the day.
// A Date given to this package means: its UTC day when it is exactly midnight
// UTC (the Dates this package returns, new Date('2026-11-23')), otherwise its
// local calendar day (new Date(2026, 10, 23), new Date()).

const { codes, fail } = require('./errors');

const DAY_NONE = -2147483648; // RECERT_DAY_NONE, INT32_MIN
const DAY_MIN = -25567; // 1900-01-01
const DAY_MAX = 2932896; // 9999-12-31
const MS_PER_DAY = 86400000;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function inRange(day) {
  return Number.isInteger(day) && day >= DAY_MIN && day <= DAY_MAX;
}

function rangeError(what, shown) {
  return fail(codes.ERANGE, `${what}: date outside 1900-01-01..9999-12-31: ${shown}`);
}

function isLeap(y) {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
// days_from_civil), in integers.
function daysFromCivil(y, m, d) {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

// Strict "YYYY-MM-DD" (as recert_date_parse): a day number. A date that
// does not exist is RECERT_EINVAL; a real one outside 1900..9999 RECERT_ERANGE.
function isoToDay(text, what = 'date') {
  const m = typeof text === 'string' ? ISO.exec(text) : null;
  if (!m) {
    throw fail(codes.EINVAL, `${what}: not a valid date: ${JSON.stringify(String(text))}`);
  }
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const last = mo === 2 && isLeap(y) ? 29 : MONTH_DAYS[mo - 1];
  if (mo < 1 || mo > 12 || d < 1 || d > last) {
    throw fail(codes.EINVAL, `${what}: not a valid date: ${JSON.stringify(text)}`);
  }
  const day = daysFromCivil(y, mo, d);
  if (!inRange(day)) throw rangeError(what, JSON.stringify(text));
  return day;
}

// A day number as "YYYY-MM-DD" (as recert_date_format).
function dayToISO(day, what = 'day') {
  if (!inRange(day)) throw rangeError(what, String(day));
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

// A day number as a Date at midnight UTC; RECERT_DAY_NONE is null.
function dayToDate(day) {
  if (day === DAY_NONE) return null;
  return new Date(Date.UTC(1970, 0, 1) + day * MS_PER_DAY);
}

function localDay(date) {
  return Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / MS_PER_DAY;
}

// A Date's day number (see the rule at the top of this file).
function dateToDay(date, what = 'date') {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw fail(codes.EINVAL, `${what}: not a valid date: Invalid Date`);
  const day = ms % MS_PER_DAY === 0 ? ms / MS_PER_DAY : localDay(date);
  if (!inRange(day)) throw rangeError(what, date.toISOString());
  return day;
}

// Today in the local time zone, as a day number.
function today() {
  return localDay(new Date());
}

// Any accepted form of a date as a day number: a Date, "YYYY-MM-DD" or an
// integer day number. null and undefined are RECERT_DAY_NONE when optional.
function toDay(value, what = 'date', optional = false) {
  if (value === null || value === undefined) {
    if (optional) return DAY_NONE;
    throw fail(codes.EINVAL, `${what}: a date is required`);
  }
  if (value instanceof Date) return dateToDay(value, what);
  if (typeof value === 'string') return isoToDay(value, what);
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) {
      throw fail(codes.EINVAL, `${what}: a day number must be an integer: ${value}`);
    }
    if (!inRange(value)) throw rangeError(what, String(value));
    return value;
  }
  throw fail(codes.EINVAL, `${what}: expected a Date, "YYYY-MM-DD" or a day number, got ${typeof value}`);
}

module.exports = {
  DAY_NONE, DAY_MIN, DAY_MAX,
  isoToDay, dayToISO, dayToDate, dateToDay, today, toDay,
};

'use strict';
// RecertError: every failure of the library, and every bad argument the
// binding refuses before calling it, is one of these. code is the C API's
// numeric code (RECERT_EDATA is -3, ...), codeName its name ("EDATA"), path
// the place in the document ("holders[2].credits[0].completed"; "" when the
// error has no place) and message the library's own text, which starts with
// the path.

const codes = Object.freeze({
  OK: 0,
  EINVAL: -1,
  EPARSE: -2,
  EDATA: -3,
  ENOTFOUND: -4,
  ERANGE: -5,
  ENOMEM: -6,
  EUNSUPPORTED: -7,
  EEXISTS: -8,
  EBUSY: -9,
  ELIMIT: -10,
});

const names = new Map(Object.entries(codes).map(([k, v]) => [v, k]));

class RecertError extends Error {
  constructor(code, message, path = '', options = undefined) {
    super(message, options);
    this.name = 'RecertError';
    this.code = code;
    this.codeName = names.get(code) || 'EUNKNOWN';
    this.path = path || '';
  }
}

// A RecertError raised by the binding itself (no library call failed).
function fail(code, message, path = '', cause = undefined) {
  return new RecertError(code, message, path, cause === undefined ? undefined : { cause });
}

module.exports = { RecertError, codes, fail };

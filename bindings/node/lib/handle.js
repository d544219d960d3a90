'use strict';
// The base of every class over a C handle.
//
// An owned handle (made with new, copy(), an import or an evaluation) is freed
// by close(); a FinalizationRegistry frees it when the object is garbage
// collected without close() (a safety net: close() is the way, since the
// collector knows nothing of the C memory behind a handle).
//
// A borrowed handle (a holder of a roster, a credential of a holder, a policy
// of a catalog) belongs to its parent: the object keeps its parent alive, and
// becomes unusable (RECERT_EINVAL) once the parent is closed or changed (the C
// API lends children only while the parent lives unchanged). Borrowed objects
// are read-only; copy() gives an owned one.

const { lib } = require('./native');
const { codes, fail } = require('./errors');

const WRAP = Symbol('librecert.wrap');

const registry = new FinalizationRegistry(({ free, ptr }) => {
  try {
    lib()[free](ptr);
  } catch {
    // nothing can be reported from a finalizer
  }
});

class Handle {
  // opts: { ptr, free } for an owned handle, { ptr, parent } for a borrowed one.
  constructor(opts) {
    this._p = opts.ptr;
    this._free = opts.free || null;
    this._parent = opts.parent || null;
    this._pgen = this._parent ? this._parent._gen : 0;
    this._gen = 0; // bumped on every change, which invalidates borrowed children
    this._closed = false;
    if (this._free) registry.register(this, { free: this._free, ptr: this._p }, this);
  }

  // The pointer for reading: checks that the object and its parents are open
  // and that no parent changed since the object was borrowed.
  _ptr() {
    if (this._closed) throw fail(codes.EINVAL, `${this.constructor.name} is closed`);
    if (this._parent) {
      this._parent._ptr();
      if (this._parent._gen !== this._pgen) {
        throw fail(codes.EINVAL, `${this.constructor.name} is stale: its ${this._parent.constructor.name} ` +
          'changed after it was taken; take it again');
      }
    }
    return this._p;
  }

  // The pointer for a change: refused on a borrowed object.
  _mut() {
    const p = this._ptr();
    if (this._parent) {
      throw fail(codes.EINVAL, `${this.constructor.name} is read-only: it belongs to its ` +
        `${this._parent.constructor.name}; copy() it to change it`);
    }
    this._gen += 1;
    return p;
  }

  // True for an object borrowed from a parent.
  get borrowed() {
    return this._parent !== null;
  }

  get closed() {
    return this._closed;
  }

  // Free the handle now (owned), or let go of the parent (borrowed). Closing
  // twice does nothing.
  close() {
    if (this._closed) return;
    this._closed = true;
    if (this._free) {
      registry.unregister(this);
      lib()[this._free](this._p);
    }
    this._p = null;
    this._parent = null;
  }
}

if (typeof Symbol.dispose === 'symbol') {
  Handle.prototype[Symbol.dispose] = function dispose() {
    this.close();
  };
}

// Names of the C enums' values, in value order.
function enumName(table, value, what) {
  if (Number.isInteger(value) && value >= 0 && value < table.length) return table[value];
  throw fail(codes.ERANGE, `${what}: unknown value ${value}`);
}

function enumValue(table, value, what) {
  const i = table.indexOf(value);
  if (i >= 0 && value !== null) return i;
  throw fail(codes.EINVAL, `${what}: expected one of ${table.filter((v) => v !== null).map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(value)}`);
}

module.exports = { Handle, WRAP, enumName, enumValue };

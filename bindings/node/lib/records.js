'use strict';
// The records a program keeps, as handles: Credit, Credential, Holder and
// Roster (docs/format.md "Records document"). Days are given as Dates,
// "YYYY-MM-DD" or day numbers, and read back as Dates (midnight UTC) or null.

const { lib } = require('./native');
const { Handle, WRAP, enumName, enumValue } = require('./handle');
const { parseExact } = require('./json');
const { recordsText, stringify, asOfDay, hundredths, hundredthsText, toDay, DAY_NONE } = require('./input');
const { dayToDate } = require('./dates');
const { codes, fail } = require('./errors');
const { Policy, Catalog, jsonFlags } = require('./policy');
const { Report } = require('./report');

const APPROVALS = ['preapproved', 'not_preapproved'];
const PETITIONS = [null, 'pending', 'approved', 'denied'];
const DECISIONS = ['pending', 'accepted', 'rejected'];
const OUTCOMES = [null, 'passed', 'failed'];

// x- members: values cross as JSON text (docs/format.md).
const xMembers = {
  xGetText(key) {
    try {
      return lib()[`recert_${this._x}_x_get`](this._ptr(), key);
    } catch (e) {
      if (e.name === 'RecertError' && e.code === codes.ENOTFOUND) return undefined;
      throw e;
    }
  },
  // The value of an x- member (undefined when absent).
  xGet(key) {
    const text = this.xGetText(key);
    return text === undefined ? undefined : parseExact(text);
  },
  // Set an x- member to a value (undefined removes it).
  xSet(key, value) {
    const json = value === undefined ? null : stringify(value, key);
    lib()[`recert_${this._x}_x_set`](this._mut(), key, json);
    return this;
  },
  xSetText(key, json) {
    lib()[`recert_${this._x}_x_set`](this._mut(), key, json === undefined ? null : json);
    return this;
  },
  // The x- member names, in order.
  xKeys() {
    const p = this._ptr();
    const n = lib()[`recert_${this._x}_x_count`](p);
    const out = [];
    for (let i = 0; i < n; i++) out.push(lib()[`recert_${this._x}_x_key`](p, i));
    return out;
  },
};

function day(value, what) {
  return toDay(value, what, true);
}

class Credit extends Handle {
  // new Credit(id, completed): a credit entry worth nothing until setHours()
  // or setAmount().
  constructor(id, completed) {
    if (id === WRAP) {
      super(completed);
      return;
    }
    super({ ptr: lib().recert_credit_new(id, toDay(completed, 'completed')), free: 'recert_credit_free' });
  }

  static _borrow(ptr, parent) {
    return new Credit(WRAP, { ptr, parent });
  }

  copy() {
    return new Credit(WRAP, { ptr: lib().recert_credit_copy(this._ptr()), free: 'recert_credit_free' });
  }

  get id() { return lib().recert_credit_id(this._ptr()); }
  get title() { return lib().recert_credit_title(this._ptr()); }
  set title(v) { lib().recert_credit_set_title(this._mut(), v); }
  get provider() { return lib().recert_credit_provider(this._ptr()); }
  set provider(v) { lib().recert_credit_set_provider(this._mut(), v); }
  get completed() { return dayToDate(lib().recert_credit_completed(this._ptr())); }
  set completed(v) { lib().recert_credit_set_completed(this._mut(), toDay(v, 'completed')); }

  // Contact hours: a number with at most two decimals (1.5) or its text.
  setHours(hours) {
    lib().recert_credit_set_hours(this._mut(), hundredths(hours, 'hours'));
    return this;
  }

  // An amount in a unit ("ceu", "cec", "hours" or a policy's own unit).
  setAmount(amount, unit) {
    lib().recert_credit_set_amount(this._mut(), hundredths(amount, 'amount'), unit);
    return this;
  }

  // The amount as given: { value: exact decimal text, hundredths, unit }
  // (unit "hours" when it was given in hours); null before one is set.
  get amount() {
    const p = this._ptr();
    const n = lib().recert_credit_amount(p);
    if (n <= 0) return null;
    return { value: hundredthsText(n), hundredths: n, unit: lib().recert_credit_unit(p) || 'hours' };
  }

  get approval() { return enumName(APPROVALS, lib().recert_credit_approval(this._ptr()), 'approval'); }
  set approval(v) { lib().recert_credit_set_approval(this._mut(), enumValue(APPROVALS, v, 'approval')); }

  // { status, filed, decided } or null.
  get petition() {
    const p = this._ptr();
    const status = enumName(PETITIONS, lib().recert_credit_petition_status(p), 'petition status');
    if (status === null) return null;
    return {
      status,
      filed: dayToDate(lib().recert_credit_petition_filed(p)),
      decided: dayToDate(lib().recert_credit_petition_decided(p)),
    };
  }

  set petition(v) {
    if (v === null || v === undefined) {
      lib().recert_credit_set_petition(this._mut(), 0, DAY_NONE, DAY_NONE);
      return;
    }
    lib().recert_credit_set_petition(this._mut(), enumValue(PETITIONS, v.status, 'petition.status'),
      toDay(v.filed, 'petition.filed'), day(v.decided, 'petition.decided'));
  }

  // The ids of the credentials the credit is limited to, or null: all of them.
  get appliesTo() {
    const p = this._ptr();
    const n = lib().recert_credit_applies_to_count(p);
    if (n < 0) return null;
    const out = [];
    for (let i = 0; i < n; i++) out.push(lib().recert_credit_applies_to_at(p, i));
    return out;
  }

  set appliesTo(ids) {
    if (ids === null || ids === undefined) lib().recert_credit_set_applies_to_all(this._mut());
    else lib().recert_credit_set_applies_to(this._mut(), ids);
  }

  // The credit's category ("category"), matched against a policy's category
  // ids ignoring ASCII case, or null. null (or undefined) removes it; '' is
  // refused (EINVAL).
  get category() { return lib().recert_credit_category(this._ptr()); }
  set category(v) { lib().recert_credit_set_category(this._mut(), v === undefined ? null : v); }
}
Object.assign(Credit.prototype, xMembers, { _x: 'credit' });

class Credential extends Handle {
  // new Credential(id, policyId, certified).
  constructor(id, policy, certified) {
    if (id === WRAP) {
      super(policy);
      return;
    }
    super({
      ptr: lib().recert_credential_new(id, policy, toDay(certified, 'certified')),
      free: 'recert_credential_free',
    });
  }

  static _borrow(ptr, parent) {
    return new Credential(WRAP, { ptr, parent });
  }

  copy() {
    return new Credential(WRAP, { ptr: lib().recert_credential_copy(this._ptr()), free: 'recert_credential_free' });
  }

  get id() { return lib().recert_credential_id(this._ptr()); }
  get policy() { return lib().recert_credential_policy(this._ptr()); }
  set policy(v) { lib().recert_credential_set_policy(this._mut(), v); }
  get number() { return lib().recert_credential_number(this._ptr()); }
  set number(v) { lib().recert_credential_set_number(this._mut(), v === undefined ? null : v); }
  get certified() { return dayToDate(lib().recert_credential_certified(this._ptr())); }
  set certified(v) { lib().recert_credential_set_certified(this._mut(), toDay(v, 'certified')); }
  get cycleStart() { return dayToDate(lib().recert_credential_cycle_start(this._ptr())); }
  set cycleStart(v) { lib().recert_credential_set_cycle_start(this._mut(), day(v, 'cycleStart')); }
  get expires() { return dayToDate(lib().recert_credential_expires(this._ptr())); }
  set expires(v) { lib().recert_credential_set_expires(this._mut(), day(v, 'expires')); }

  // { received, decision, decided } or null.
  get application() {
    const p = this._ptr();
    const received = lib().recert_credential_application_received(p);
    if (received === DAY_NONE) return null;
    return {
      received: dayToDate(received),
      decision: enumName(DECISIONS, lib().recert_credential_application_decision(p), 'decision'),
      decided: dayToDate(lib().recert_credential_application_decided(p)),
    };
  }

  set application(v) {
    if (v === null || v === undefined) {
      lib().recert_credential_set_application(this._mut(), DAY_NONE, 0, DAY_NONE);
      return;
    }
    const decision = v.decision === undefined || v.decision === null ? 0 : enumValue(DECISIONS, v.decision, 'application.decision');
    lib().recert_credential_set_application(this._mut(), toDay(v.received, 'application.received'),
      decision, day(v.decided, 'application.decided'));
  }

  // { selected, documentsReceived, outcome, decided } or null.
  get audit() {
    const p = this._ptr();
    const selected = lib().recert_credential_audit_selected(p);
    if (selected === DAY_NONE) return null;
    return {
      selected: dayToDate(selected),
      documentsReceived: dayToDate(lib().recert_credential_audit_documents_received(p)),
      outcome: enumName(OUTCOMES, lib().recert_credential_audit_outcome(p), 'audit outcome'),
      decided: dayToDate(lib().recert_credential_audit_decided(p)),
    };
  }

  set audit(v) {
    if (v === null || v === undefined) {
      lib().recert_credential_set_audit(this._mut(), DAY_NONE, DAY_NONE, 0, DAY_NONE);
      return;
    }
    const outcome = v.outcome === undefined || v.outcome === null ? 0 : enumValue(OUTCOMES, v.outcome, 'audit.outcome');
    lib().recert_credential_set_audit(this._mut(), toDay(v.selected, 'audit.selected'),
      day(v.documentsReceived, 'audit.documentsReceived'), outcome, day(v.decided, 'audit.decided'));
  }

  // The day the exam was passed for renewal, or null.
  get examPassed() { return dayToDate(lib().recert_credential_exam_passed(this._ptr())); }
  set examPassed(v) { lib().recert_credential_set_exam(this._mut(), day(v, 'examPassed')); }
}
Object.assign(Credential.prototype, xMembers, { _x: 'credential' });

class Holder extends Handle {
  // new Holder(id, { name }).
  constructor(id, options) {
    if (id === WRAP) {
      super(options);
      return;
    }
    super({ ptr: lib().recert_holder_new(id), free: 'recert_holder_free' });
    if (options && options.name !== undefined) {
      try {
        this.name = options.name;
      } catch (e) {
        this.close();
        throw e;
      }
    }
  }

  static _borrow(ptr, parent) {
    return new Holder(WRAP, { ptr, parent });
  }

  copy() {
    return new Holder(WRAP, { ptr: lib().recert_holder_copy(this._ptr()), free: 'recert_holder_free' });
  }

  get id() { return lib().recert_holder_id(this._ptr()); }
  get name() { return lib().recert_holder_name(this._ptr()); }
  set name(v) { lib().recert_holder_set_name(this._mut(), v === undefined ? null : v); }

  // Adding copies: the caller keeps (and closes) what it passed.
  addCredential(credential) {
    if (!(credential instanceof Credential)) throw fail(codes.EINVAL, 'addCredential: expected a Credential');
    lib().recert_holder_add_credential(this._mut(), credential._ptr());
    return this;
  }

  addCredit(credit) {
    if (!(credit instanceof Credit)) throw fail(codes.EINVAL, 'addCredit: expected a Credit');
    lib().recert_holder_add_credit(this._mut(), credit._ptr());
    return this;
  }

  removeCredential(i) {
    lib().recert_holder_remove_credential(this._mut(), i);
    return this;
  }

  removeCredit(i) {
    lib().recert_holder_remove_credit(this._mut(), i);
    return this;
  }

  // Borrowed, read-only; stale once the holder changes.
  get credentials() {
    const p = this._ptr();
    const out = [];
    for (let i = 0, n = lib().recert_holder_credential_count(p); i < n; i++) {
      out.push(Credential._borrow(lib().recert_holder_credential_at(p, i), this));
    }
    return out;
  }

  get credits() {
    const p = this._ptr();
    const out = [];
    for (let i = 0, n = lib().recert_holder_credit_count(p); i < n; i++) {
      out.push(Credit._borrow(lib().recert_holder_credit_at(p, i), this));
    }
    return out;
  }

  // A CPR/AED record: { completed, expires, handsOn = true, adultCprAed = true }.
  addCprAed(record) {
    const tri = (v, what) => {
      if (v === undefined || v === null) return -1;
      if (typeof v !== 'boolean') throw fail(codes.EINVAL, `${what}: expected true or false`);
      return v ? 1 : 0;
    };
    lib().recert_holder_add_cpr_aed(this._mut(), toDay(record.completed, 'cpr_aed.completed'),
      toDay(record.expires, 'cpr_aed.expires'), tri(record.handsOn, 'cpr_aed.handsOn'),
      tri(record.adultCprAed, 'cpr_aed.adultCprAed'));
    return this;
  }

  removeCprAed(i) {
    lib().recert_holder_remove_cpr_aed(this._mut(), i);
    return this;
  }

  get cprAed() {
    const p = this._ptr();
    const out = [];
    for (let i = 0, n = lib().recert_holder_cpr_aed_count(p); i < n; i++) {
      out.push({
        completed: dayToDate(lib().recert_holder_cpr_aed_completed(p, i)),
        expires: dayToDate(lib().recert_holder_cpr_aed_expires(p, i)),
        handsOn: lib().recert_holder_cpr_aed_hands_on(p, i) === 1,
        adultCprAed: lib().recert_holder_cpr_aed_adult(p, i) === 1,
      });
    }
    return out;
  }
}
Object.assign(Holder.prototype, xMembers, { _x: 'holder' });

class Roster extends Handle {
  // new Roster({ catalog }): an empty roster read against a Catalog (default:
  // the built-in policies).
  constructor(options, opts) {
    if (options === WRAP) {
      super(opts);
      return;
    }
    const catalog = options && options.catalog;
    if (catalog !== undefined && catalog !== null && !(catalog instanceof Catalog)) {
      throw fail(codes.EINVAL, 'catalog: expected a Catalog');
    }
    super({ ptr: lib().recert_roster_new(catalog ? catalog._ptr() : null), free: 'recert_roster_free' });
  }

  // Import a records document (an object, JSON text or a file path), all or
  // nothing, read against options.catalog (default: the built-ins).
  static fromJSON(records, options) {
    const text = recordsText(records);
    const catalog = options && options.catalog;
    let ptr;
    if (catalog) {
      if (!(catalog instanceof Catalog)) throw fail(codes.EINVAL, 'catalog: expected a Catalog');
      ptr = lib().recert_roster_from_json_catalog(text, catalog._ptr());
    } else {
      ptr = lib().recert_roster_from_json(text);
    }
    return new Roster(WRAP, { ptr, free: 'recert_roster_free' });
  }

  // The document's own policies come before holders (RECERT_EBUSY after).
  addPolicy(policy) {
    if (!(policy instanceof Policy)) policy = Policy.fromJSON(policy);
    lib().recert_roster_add_policy(this._mut(), policy._ptr());
    return this;
  }

  get policies() {
    const p = this._ptr();
    const out = [];
    for (let i = 0, n = lib().recert_roster_policy_count(p); i < n; i++) {
      out.push(Policy._borrow(lib().recert_roster_policy_at(p, i), this));
    }
    return out;
  }

  // The policy an id means in this roster (its own, else the catalog's).
  findPolicy(id) {
    const p = lib().recert_roster_find_policy(this._ptr(), id);
    return p === null ? null : Policy._borrow(p, this);
  }

  // Add a copy of a holder, checked as an import checks it.
  addHolder(holder) {
    if (!(holder instanceof Holder)) throw fail(codes.EINVAL, 'addHolder: expected a Holder');
    lib().recert_roster_add_holder(this._mut(), holder._ptr());
    return this;
  }

  // Remove a holder by index or id.
  removeHolder(which) {
    let i = which;
    if (typeof which === 'string') {
      i = this.holders.findIndex((h) => h.id === which);
      if (i < 0) throw fail(codes.ENOTFOUND, `no holder with id ${JSON.stringify(which)}`);
    }
    lib().recert_roster_remove_holder(this._mut(), i);
    return this;
  }

  get holderCount() { return lib().recert_roster_holder_count(this._ptr()); }

  // Borrowed, read-only; stale once the roster changes.
  get holders() {
    const p = this._ptr();
    const out = [];
    for (let i = 0, n = lib().recert_roster_holder_count(p); i < n; i++) {
      out.push(Holder._borrow(lib().recert_roster_holder_at(p, i), this));
    }
    return out;
  }

  holderAt(i) {
    const p = lib().recert_roster_holder_at(this._ptr(), i);
    return p === null ? null : Holder._borrow(p, this);
  }

  findHolder(id) {
    const p = lib().recert_roster_find_holder(this._ptr(), id);
    return p === null ? null : Holder._borrow(p, this);
  }

  // Evaluate every credential as of a day (a Date, "YYYY-MM-DD" or a day
  // number; default: today, local). The Report is independent of the roster.
  evaluate(asOf) {
    return Report._own(lib().recert_roster_evaluate(this._ptr(), asOfDay(asOf)));
  }

  // The records document again, as an object / as JSON text.
  toJSON() {
    return parseExact(this.toJSONText());
  }

  toJSONText(options) {
    return lib().recert_roster_to_json(this._ptr(), jsonFlags(options));
  }
}
Object.assign(Roster.prototype, xMembers, { _x: 'roster' });
// A roster has top-level x- members but no way to list them in the C API.
delete Roster.prototype.xKeys;

module.exports = { Credit, Credential, Holder, Roster };

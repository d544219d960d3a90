'use strict';
// Policy and Catalog: the rules of one certification, and a set of them.

const { lib } = require('./native');
const { Handle, WRAP, enumName } = require('./handle');
const { parseExact } = require('./json');
const { recordsText } = require('./input');
const { dayToDate } = require('./dates');
const { codes, fail } = require('./errors');

const CYCLE_KINDS = ['anniversary', 'year_end'];
const UNAPPROVED = ['accepted', 'petition'];
const POLICY_FEES = { renewal: 0, petition: 1, combineExtra: 2 };
const PRETTY = 0x1; // RECERT_JSON_PRETTY

function jsonFlags(options) {
  return options && options.pretty ? PRETTY : 0;
}

class Policy extends Handle {
  // Policy.fromJSON(document): one policy document, as an object or JSON text.
  constructor(token, opts) {
    if (token !== WRAP) {
      throw fail(codes.EINVAL, 'use Policy.fromJSON(document) to make a Policy');
    }
    super(opts);
  }

  static fromJSON(document) {
    const ptr = lib().recert_policy_from_json(recordsText(document, 'policy'));
    return new Policy(WRAP, { ptr, free: 'recert_policy_free' });
  }

  static _borrow(ptr, parent) {
    return new Policy(WRAP, { ptr, parent });
  }

  copy() {
    return new Policy(WRAP, { ptr: lib().recert_policy_copy(this._ptr()), free: 'recert_policy_free' });
  }

  get id() { return lib().recert_policy_id(this._ptr()); }
  get organization() { return lib().recert_policy_organization(this._ptr()); }
  get name() { return lib().recert_policy_name(this._ptr()); }
  get source() { return lib().recert_policy_source(this._ptr()); }
  get checked() { return dayToDate(lib().recert_policy_checked(this._ptr())); }
  get currency() { return lib().recert_policy_currency(this._ptr()); }
  get unit() { return lib().recert_policy_unit(this._ptr()); }
  // The unit's size: units per contact hour, in millionths (CEU: 100000).
  get unitPerHour() { return lib().recert_policy_unit_per_hour(this._ptr()); }
  get cycleYears() { return lib().recert_policy_cycle_years(this._ptr()); }
  get cycleKind() { return enumName(CYCLE_KINDS, lib().recert_policy_cycle_kind(this._ptr()), 'cycle kind'); }
  // Centihours (hundredths of a contact hour).
  get creditsRequired() { return lib().recert_policy_credits_required(this._ptr()); }
  get creditGraceDays() { return lib().recert_policy_credit_grace_days(this._ptr()); }
  get cprAedRequired() { return lib().recert_policy_cpr_aed_required(this._ptr()) === 1; }
  get cprAedCredit() { return lib().recert_policy_cpr_aed_credit(this._ptr()); }
  get unapprovedCredits() {
    return enumName(UNAPPROVED, lib().recert_policy_unapproved_credits(this._ptr()), 'unapproved_credits');
  }
  get examPath() { return lib().recert_policy_exam_path(this._ptr()) === 1; }
  get combineGroup() { return lib().recert_policy_combine_group(this._ptr()); }
  // Cents: { renewal, petition, combineExtra }.
  get fees() {
    const p = this._ptr();
    const out = {};
    for (const [k, v] of Object.entries(POLICY_FEES)) out[k] = lib().recert_policy_fee(p, v);
    return out;
  }
  // [{ tier, feeCents }] in order.
  get lateWindows() {
    const p = this._ptr();
    const n = lib().recert_policy_late_window_count(p);
    const out = [];
    for (let i = 0; i < n; i++) {
      out.push({ tier: lib().recert_policy_late_window_tier(p, i), feeCents: lib().recert_policy_late_window_fee(p, i) });
    }
    return out;
  }
  get audits() { return lib().recert_policy_audits(this._ptr()) === 1; }
  get auditDocumentsDays() { return lib().recert_policy_audit_documents_days(this._ptr()); }

  // The policy document (without "recert") as an object; JSON.stringify uses it.
  toJSON() {
    return parseExact(this.toJSONText());
  }

  toJSONText(options) {
    return lib().recert_policy_to_json(this._ptr(), jsonFlags(options));
  }
}

class Catalog extends Handle {
  // new Catalog(): an empty catalog. Catalog.builtin(): a copy of the built-in
  // policies, to add to. Catalog.default(): the shared built-in catalog
  // (read-only; close() does nothing to it).
  constructor(token, opts) {
    if (token === WRAP) {
      super(opts);
      return;
    }
    super({ ptr: lib().recert_catalog_new(), free: 'recert_catalog_free' });
  }

  static builtin() {
    return new Catalog(WRAP, { ptr: lib().recert_catalog_new_builtin(), free: 'recert_catalog_free' });
  }

  static default() {
    const c = new Catalog(WRAP, { ptr: lib().recert_catalog_default() });
    c._readOnly = true;
    return c;
  }

  _mut() {
    if (this._readOnly) throw fail(codes.EINVAL, 'the default catalog is read-only; use Catalog.builtin()');
    return super._mut();
  }

  // Add a copy of a Policy (or of a policy document), replacing the policy
  // with the same id. RECERT_EBUSY once a roster uses the catalog.
  add(policy) {
    if (policy instanceof Policy) {
      lib().recert_catalog_add(this._mut(), policy._ptr());
    } else {
      this.addJSON(policy);
    }
    return this;
  }

  // Add every policy of a document: one policy document or an array of them.
  addJSON(document) {
    lib().recert_catalog_add_json(this._mut(), recordsText(document, 'policies'));
    return this;
  }

  get count() { return lib().recert_catalog_count(this._ptr()); }

  at(i) {
    const p = lib().recert_catalog_at(this._ptr(), i);
    return p === null ? null : Policy._borrow(p, this);
  }

  find(id) {
    const p = lib().recert_catalog_find(this._ptr(), id);
    return p === null ? null : Policy._borrow(p, this);
  }

  // Every policy, borrowed, in order.
  get policies() {
    const out = [];
    for (let i = 0, n = this.count; i < n; i++) out.push(this.at(i));
    return out;
  }

  toJSON() {
    return parseExact(this.toJSONText());
  }

  toJSONText(options) {
    return lib().recert_catalog_to_json(this._ptr(), jsonFlags(options));
  }
}

module.exports = { Policy, Catalog, jsonFlags };

'use strict';
// Policy and Catalog: the rules of one certification, and a set of them.

const { lib } = require('./native');
const { Handle, WRAP, enumName } = require('./handle');
const { parseExact } = require('./json');
const { recordsText } = require('./input');
const { dayToDate, toDay } = require('./dates');
const { codes, fail } = require('./errors');

const CYCLE_KINDS = ['anniversary', 'year_end', 'fixed'];
const UNAPPROVED = ['accepted', 'petition'];
const POLICY_FEES = { renewal: 0, petition: 1, combineExtra: 2 };
const PRETTY = 0x1; // RECERT_JSON_PRETTY

function jsonFlags(options) {
  return options && options.pretty ? PRETTY : 0;
}

// An offset's parts as the C getters give them ({ rc, out: [years, months,
// days, ...] }): { years, months, days } when rc is 1, else null.
function offsetOf({ rc, out }) {
  return rc === 1 ? { years: out[0], months: out[1], days: out[2] } : null;
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
  // [{ tier, feeCents, through }] in order: through is the offset from E the
  // window ends on ({ years, months, days }), or null for a window that runs
  // through the final deadline ("through": null).
  get lateWindows() {
    const p = this._ptr();
    const n = lib().recert_policy_late_window_count(p);
    const out = [];
    for (let i = 0; i < n; i++) {
      out.push({
        tier: lib().recert_policy_late_window_tier(p, i),
        feeCents: lib().recert_policy_late_window_fee(p, i),
        through: offsetOf(lib().recert_policy_late_window_through(p, i)),
      });
    }
    return out;
  }
  // The final deadline's offset from E ({ years, months, days }), or null
  // when the policy gives none (the final deadline is then E).
  get finalDeadline() { return offsetOf(lib().recert_policy_final_deadline(this._ptr())); }
  get audits() { return lib().recert_policy_audits(this._ptr()) === 1; }
  get auditDocumentsDays() { return lib().recert_policy_audit_documents_days(this._ptr()); }
  // A "fixed" cycle's named period end (a Date; every other end is it + k
  // cycle years); null for the other kinds.
  get cycleEnds() { return dayToDate(lib().recert_policy_cycle_ends(this._ptr())); }
  // Days past the reference day a CPR/AED record must still be valid
  // ("cpr_aed.valid_days_after"); 0 when not given.
  get cprAedValidDays() { return lib().recert_policy_cpr_aed_valid_days(this._ptr()); }
  // The credit categories in document order: [{ id, min, max }] in
  // centihours, min 0 when not given, max null when there is no cap.
  get categories() {
    const p = this._ptr();
    const out = [];
    for (let i = 0, n = lib().recert_policy_category_count(p); i < n; i++) {
      const max = lib().recert_policy_category_max(p, i);
      out.push({
        id: lib().recert_policy_category_id(p, i),
        min: lib().recert_policy_category_min(p, i),
        max: max < 0 ? null : max,
      });
    }
    return out;
  }
  // The proration steps of a first cycle in document order: [{ from:
  // { years, months, days }, creditsRequired }], the requirement in
  // centihours; [] without proration.
  get proration() {
    const p = this._ptr();
    const out = [];
    for (let i = 0, n = lib().recert_policy_proration_count(p); i < n; i++) {
      const step = lib().recert_policy_proration_step(p, i);
      if (step.rc === 1) out.push({ from: offsetOf(step), creditsRequired: step.out[3] });
    }
    return out;
  }
  // The dated versions in effective order, each a complete Policy (the base
  // with every version up to it applied). They belong to this policy:
  // borrowed, they keep it alive and throw once it is closed; copy() of one
  // is refused (EINVAL: copy the whole policy). [] without versions, and for
  // a version itself.
  get versions() {
    const p = this._ptr();
    const out = [];
    for (let i = 0, n = lib().recert_policy_version_count(p); i < n; i++) {
      out.push(Policy._borrow(lib().recert_policy_version_at(p, i), this));
    }
    return out;
  }
  // The first day a version is in force (a Date); null for base terms.
  get effective() { return dayToDate(lib().recert_policy_effective(this._ptr())); }
  // The terms in force on a day (a Date, "YYYY-MM-DD" or a day number): the
  // last version whose effective day is on or before it, else this policy
  // itself (its base terms).
  inForce(day) {
    const p = this._ptr();
    const v = lib().recert_policy_in_force(p, toDay(day, 'day'));
    return v === null || v === p ? this : Policy._borrow(v, this);
  }

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

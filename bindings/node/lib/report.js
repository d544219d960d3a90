'use strict';
// Report: what an evaluation computed, read through getters (no JSON), one
// ReportEntry per credential of every holder (docs/format.md "Report document").
// Credits are centihours and fees cents, as safe integers; amounts (in the
// policy's unit) are also given as exact decimal text; days as Dates at
// midnight UTC, or day numbers.

const { lib } = require('./native');
const { Handle, WRAP } = require('./handle');
const { parseExact } = require('./json');
const { dayToDate, DAY_NONE } = require('./dates');
const { codes, fail } = require('./errors');

const PRETTY = 0x1;
// recert_date_kind, in value order.
const DATE_KINDS = ['cycleStart', 'expires', 'creditDeadline', 'onTimeDeadline', 'lateFeeDeadline',
  'finalDeadline', 'cprAedExpires', 'auditDocumentsDue', 'examDeadline', 'nextCycleStart', 'nextCycleExpires',
  'reference'];
// recert_credits_kind.
const CREDITS_KINDS = ['required', 'earned', 'pending', 'shortfall'];
// recert_fee_kind.
const FEE_KINDS = ['renewalCents', 'lateCents', 'totalCents', 'petitionCents'];
// recert_tier_kind.
const TIER_KINDS = ['on_time', 'late', 'closed'];
// recert_category_field.
const CATEGORY_FIELDS = ['earned', 'min', 'max'];

function nameOf(fn, value, what) {
  const name = lib()[fn](value);
  if (name === null) throw fail(codes.ERANGE, `${what}: unknown value ${value}`);
  return name;
}

class ReportEntry {
  constructor(report, h, c) {
    this._report = report;
    this.holderIndex = h;
    this.index = c;
  }

  _args() {
    return [this._report._ptr(), this.holderIndex, this.index];
  }

  get holderId() { return lib().recert_report_holder_id(this._report._ptr(), this.holderIndex); }
  get id() { return lib().recert_report_credential_id(...this._args()); }
  get policy() { return lib().recert_report_policy_id(...this._args()); }
  // "renewed", "submitted", "eligible", "in_progress", "late" or "lapsed".
  get status() { return nameOf('recert_status_name', lib().recert_report_status(...this._args()), 'status'); }
  get certified() { return lib().recert_report_certified(...this._args()) === 1; }
  // "credits", "exam" or null.
  get path() { return lib().recert_path_name(lib().recert_report_path(...this._args())); }
  // The effective day of the policy version whose terms applied (the one in
  // force on E), a Date; null when the base terms applied or the policy has
  // no versions.
  get policyEffective() { return dayToDate(lib().recert_report_policy_effective(...this._args())); }

  // The credit categories of the policy version that applied, in its order:
  // [{ id, earned, min, max }] in centihours (max null: no cap); [] when it
  // has none.
  _categories() {
    const a = this._args();
    const out = [];
    for (let i = 0, n = lib().recert_report_category_count(...a); i < n; i++) {
      const k = { id: lib().recert_report_category_id(...a, i) };
      CATEGORY_FIELDS.forEach((f, which) => { k[f] = lib().recert_report_category_amount(...a, i, which); });
      if (k.max < 0) k.max = null;
      out.push(k);
    }
    return out;
  }

  // Day numbers of the key dates (null where a date does not apply).
  get days() {
    const out = {};
    DATE_KINDS.forEach((k, i) => {
      const d = lib().recert_report_date(...this._args(), i);
      out[k] = d === DAY_NONE ? null : d;
    });
    return out;
  }

  // The key dates as Dates (midnight UTC), or null.
  get dates() {
    const out = {};
    for (const [k, d] of Object.entries(this.days)) out[k] = d === null ? null : dayToDate(d);
    return out;
  }

  // Credits in centihours (hundredths of a contact hour).
  get credits() {
    const a = this._args();
    const out = {
      unit: lib().recert_report_unit(...a),
      unitPerHour: lib().recert_report_unit_per_hour(...a),
    };
    CREDITS_KINDS.forEach((k, i) => { out[k] = lib().recert_report_credits(...a, i); });
    const counted = [];
    for (let i = 0, n = lib().recert_report_counted_count(...a); i < n; i++) {
      counted.push(lib().recert_report_counted_at(...a, i));
    }
    out.counted = counted;
    out.cprAed = nameOf('recert_cpr_aed_state_name', lib().recert_report_cpr_aed(...a), 'cpr_aed');
    out.categories = this._categories();
    return out;
  }

  // The same amounts in the policy's unit, as exact decimal text ("1.9",
  // "0.025"), the way the report document writes them.
  get amounts() {
    const a = this._args();
    const perHour = lib().recert_report_unit_per_hour(...a);
    const out = { unit: lib().recert_report_unit(...a) };
    CREDITS_KINDS.forEach((k, i) => {
      out[k] = lib().recert_amount_format(lib().recert_report_credits(...a, i), perHour);
    });
    out.categories = this._categories().map((k) => ({
      id: k.id,
      earned: lib().recert_amount_format(k.earned, perHour),
      min: lib().recert_amount_format(k.min, perHour),
      max: k.max === null ? null : lib().recert_amount_format(k.max, perHour),
    }));
    return out;
  }

  // Fees in cents; tier is "on_time", "closed" or a late window's name.
  get fees() {
    const a = this._args();
    const kind = lib().recert_report_tier_kind(...a);
    const out = {
      currency: lib().recert_report_currency(...a),
      tier: lib().recert_report_tier(...a),
      tierKind: kind >= 0 && kind < TIER_KINDS.length ? TIER_KINDS[kind] : null,
    };
    FEE_KINDS.forEach((k, i) => { out[k] = lib().recert_report_fee(...a, i); });
    return out;
  }

  get audit() {
    const a = this._args();
    const due = lib().recert_report_date(...a, DATE_KINDS.indexOf('auditDocumentsDue'));
    return {
      state: nameOf('recert_audit_state_name', lib().recert_report_audit(...a), 'audit'),
      documentsDue: dayToDate(due),
    };
  }

  // The sorted ids of the credentials renewed together, or null.
  get renewalGroup() {
    const a = this._args();
    const n = lib().recert_report_group_count(...a);
    if (n === 0) return null;
    const out = [];
    for (let i = 0; i < n; i++) out.push(lib().recert_report_group_at(...a, i));
    return out;
  }

  // { cycleStart, expires } for a renewed credential, else null.
  get nextCycle() {
    const d = this.dates;
    return d.nextCycleStart === null ? null : { cycleStart: d.nextCycleStart, expires: d.nextCycleExpires };
  }

  // For every credit entry of the holder (input order), why it counts for
  // this credential or not: [{ credit, centihours, amount, reason }], amount
  // being exact decimal text in this credential's unit and reason
  // "counted", "counted_in_group", "pending", "not_applicable", "not_yet",
  // "before_cycle", "after_deadline", "after_application",
  // "petition_required", "petition_denied" or "over_category_max".
  get creditReasons() {
    const [p, h, c] = this._args();
    const perHour = lib().recert_report_unit_per_hour(p, h, c);
    const out = [];
    for (let k = 0, n = lib().recert_report_credit_count(p, h); k < n; k++) {
      const centihours = lib().recert_report_credit_amount(p, h, k);
      out.push({
        credit: lib().recert_report_credit_id(p, h, k),
        centihours,
        amount: lib().recert_amount_format(centihours, perHour),
        reason: nameOf('recert_credit_reason_name', lib().recert_report_credit_reason(p, h, c, k), 'credit reason'),
      });
    }
    return out;
  }

  // [{ code, credit, message }]: credit is null for a notice not about one
  // credit entry.
  get notices() {
    const a = this._args();
    const out = [];
    for (let i = 0, n = lib().recert_report_notice_count(...a); i < n; i++) {
      out.push({
        code: nameOf('recert_notice_code_name', lib().recert_report_notice_code(...a, i), 'notice'),
        credit: lib().recert_report_notice_credit(...a, i),
        message: lib().recert_report_notice_message(...a, i),
      });
    }
    return out;
  }

  toJSON() {
    return {
      id: this.id, policy: this.policy, policyEffective: this.policyEffective, status: this.status,
      certified: this.certified, path: this.path,
      dates: this.dates, credits: this.credits, amounts: this.amounts, fees: this.fees, audit: this.audit,
      renewalGroup: this.renewalGroup, nextCycle: this.nextCycle, notices: this.notices,
      creditReasons: this.creditReasons,
    };
  }
}

class Report extends Handle {
  constructor(token, opts) {
    if (token !== WRAP) throw fail(codes.EINVAL, 'a Report comes from Roster.evaluate()');
    super(opts);
  }

  static _own(ptr) {
    return new Report(WRAP, { ptr, free: 'recert_report_free' });
  }

  get asOfDay() { return lib().recert_report_as_of(this._ptr()); }
  get asOf() { return dayToDate(this.asOfDay); }
  get holderCount() { return lib().recert_report_holder_count(this._ptr()); }

  holderId(h) {
    this._check(h, 0, false);
    return lib().recert_report_holder_id(this._ptr(), h);
  }

  credentialCount(h) {
    this._check(h, 0, false);
    return lib().recert_report_credential_count(this._ptr(), h);
  }

  _check(h, c, withC = true) {
    const p = this._ptr();
    const nh = lib().recert_report_holder_count(p);
    if (!Number.isInteger(h) || h < 0 || h >= nh) throw fail(codes.ERANGE, `holder index ${h} out of range (${nh} holders)`);
    if (!withC) return;
    const nc = lib().recert_report_credential_count(p, h);
    if (!Number.isInteger(c) || c < 0 || c >= nc) {
      throw fail(codes.ERANGE, `credential index ${c} out of range (${nc} credentials in holder ${h})`);
    }
  }

  // The entry of credential c of holder h (input order).
  entry(h, c) {
    this._check(h, c);
    return new ReportEntry(this, h, c);
  }

  // [{ id, credentials: [ReportEntry] }], in input order.
  get holders() {
    const p = this._ptr();
    const out = [];
    for (let h = 0, nh = lib().recert_report_holder_count(p); h < nh; h++) {
      const credentials = [];
      for (let c = 0, nc = lib().recert_report_credential_count(p, h); c < nc; c++) {
        credentials.push(new ReportEntry(this, h, c));
      }
      out.push({ id: lib().recert_report_holder_id(p, h), credentials });
    }
    return out;
  }

  // Every entry, flat.
  get entries() {
    return this.holders.flatMap((h) => h.credentials);
  }

  // The report document (docs/format.md) as an object / as JSON text.
  toJSON() {
    return parseExact(this.toJSONText());
  }

  toJSONText(options) {
    return lib().recert_report_to_json(this._ptr(), options && options.pretty ? PRETTY : 0);
  }
}

module.exports = { Report, ReportEntry, DATE_KINDS };

// Type definitions for librecert (the Node binding of the librecert C library).

/// <reference types="node" />

/** A day: a Date (its UTC day at exactly midnight UTC, else its local day),
 * "YYYY-MM-DD" text, or a day number (days since 1970-01-01). */
export type DayInput = Date | string | number;

/** A records document: an object, JSON text, a Buffer of JSON, or the path of
 * a JSON file (a string whose first non-blank character is not "{" or "["). */
export type RecordsInput = object | string | Buffer | Uint8Array;

/** A decimal amount with at most two decimals: 1.5 or "1.5". */
export type AmountInput = number | string | bigint;

/** The C API's error codes (error.h). */
export declare const codes: Readonly<{
  OK: 0;
  EINVAL: -1;
  EPARSE: -2;
  EDATA: -3;
  ENOTFOUND: -4;
  ERANGE: -5;
  ENOMEM: -6;
  EUNSUPPORTED: -7;
  EEXISTS: -8;
  EBUSY: -9;
  ELIMIT: -10;
}>;

export type RecertCodeName = keyof typeof codes | 'EUNKNOWN';

/** Every failure of the library, and every argument the binding refuses. */
export declare class RecertError extends Error {
  readonly name: 'RecertError';
  /** The C API's code: codes.EDATA is -3, ... */
  readonly code: number;
  /** The code's name: "EDATA", ... */
  readonly codeName: RecertCodeName;
  /** The place in the document ("holders[2].credits[0].completed"), or "". */
  readonly path: string;
}

// ---------------------------------------------------------------------------
// The documents (docs/format.md), as the one-call path returns them.

export type Status = 'renewed' | 'submitted' | 'eligible' | 'in_progress' | 'late' | 'lapsed';
export type RenewalPath = 'credits' | 'exam';
export type CprAedState = 'current' | 'expiring' | 'not_hands_on' | 'expired' | 'missing' | 'not_required';
export type AuditState = 'none' | 'documents_due' | 'overdue' | 'under_review' | 'passed' | 'failed';
export type NoticeCode =
  | 'petition_required' | 'petition_pending' | 'petition_denied' | 'credit_outside_window'
  | 'cpr_aed_expires_before_deadline' | 'hands_on_assessment_recommended'
  | 'audit_documents_due' | 'audit_overdue' | 'category_minimum' | 'category_maximum';

/** "YYYY-MM-DD" text. */
export type ISODate = string;

export interface ReportDocument {
  recert: 1;
  as_of: ISODate;
  holders: Array<{
    id: string;
    credentials: ReportCredential[];
  }>;
}

export interface ReportCredential {
  id: string;
  policy: string;
  /** Only for a policy with dated versions: the effective day of the version
   * that applied, null for its base terms. */
  policy_effective?: ISODate | null;
  status: Status;
  certified: boolean;
  path: RenewalPath | null;
  dates: {
    cycle_start: ISODate | null;
    expires: ISODate | null;
    credit_deadline: ISODate | null;
    on_time_deadline: ISODate | null;
    late_fee_deadline: ISODate | null;
    final_deadline: ISODate | null;
    cpr_aed_expires: ISODate | null;
    audit_documents_due: ISODate | null;
    exam_deadline: ISODate | null;
    [more: string]: ISODate | null;
  };
  /** Amounts in the policy's unit: numbers whose decimal form is exactly the
   * library's (2.0 reads as 2, 0.025 as 0.025). */
  credits: {
    unit: string;
    required: number;
    earned: number;
    pending: number;
    shortfall: number;
    counted: string[];
    cpr_aed: CprAedState;
    /** Only when the policy version that applied has credit categories. */
    categories?: Array<{ id: string; earned: number; min: number; max: number | null }>;
  };
  /** Cents, as safe integers. */
  fees: {
    currency: string;
    tier: string;
    renewal_cents: number;
    late_cents: number;
    total_cents: number;
    petition_cents: number;
  };
  audit: { state: AuditState; documents_due: ISODate | null };
  notices: Array<{ code: NoticeCode | string; credit?: string; message: string }>;
  next_cycle?: { cycle_start: ISODate; expires: ISODate };
  renewal_group?: string[];
  [more: string]: unknown;
}

export interface ValidationError {
  path: string;
  message: string;
}

/** A policy document (docs/format.md "Policy document"). */
export interface PolicyDocument {
  id: string;
  organization: string;
  name: string;
  currency: string;
  unit: { name: string; per_hour: number };
  cycle: { years: number; expires: CycleKind; ends?: ISODate };
  credits_required: number;
  [member: string]: unknown;
}

// ---------------------------------------------------------------------------
// The one-call path.

/** The report document as of asOf (default: today, local). */
export declare function evaluate(records: RecordsInput | Roster, asOf?: DayInput | null): ReportDocument;

/** The report document as JSON text, exactly as the library writes it. */
export declare function evaluateJSON(records: RecordsInput | Roster, asOf?: DayInput | null): string;

/** Every error of a records document, in document order ([] when valid),
 * read against a catalog (default: the built-in policies). */
export declare function validate(records: RecordsInput, options?: { catalog?: Catalog | null }): ValidationError[];

/** The built-in policies, as policy documents. */
export declare function policies(): PolicyDocument[];

/** Is the application with this id selected for audit at this rate (parts
 * per million: 10% is 100000) with this seed (a uint64)? Deterministic, and
 * monotone in the rate (recert_audit_select, docs/rules.md §9). */
export declare function auditSelect(id: string, ratePpm: number, seed: number | bigint): boolean;

/** The version of the loaded library. */
export declare function version(): { number: number; string: string; major: number; minor: number; patch: number };

/** The file the library was loaded from. */
export declare function libraryPath(): string;

// ---------------------------------------------------------------------------
// The object path.

/** The base of every class over a C handle. */
export declare abstract class Handle {
  /** True for an object borrowed from its parent (read-only). */
  readonly borrowed: boolean;
  readonly closed: boolean;
  /** Free the handle now (owned), or let go of the parent (borrowed). */
  close(): void;
}

interface XMembers {
  /** The value of an x- member (undefined when absent). */
  xGet(key: string): unknown;
  /** The JSON text of an x- member (undefined when absent). */
  xGetText(key: string): string | undefined;
  /** Set an x- member to a value (undefined removes it). */
  xSet(key: string, value: unknown): this;
  xSetText(key: string, json: string | null | undefined): this;
}

export type CycleKind = 'anniversary' | 'year_end' | 'fixed';

/** An offset of the policy document (docs/format.md): the parts as written, 0 for
 * a part not given. */
export interface Offset {
  years: number;
  months: number;
  days: number;
}

export declare class Policy extends Handle {
  private constructor();
  /** Parse one policy document (an object, JSON text or a file path). */
  static fromJSON(document: RecordsInput): Policy;
  copy(): Policy;
  readonly id: string;
  readonly organization: string;
  readonly name: string;
  readonly source: string | null;
  readonly checked: Date | null;
  readonly currency: string;
  readonly unit: string;
  /** Units per contact hour, in millionths (CEU: 100000). */
  readonly unitPerHour: number;
  readonly cycleYears: number;
  readonly cycleKind: CycleKind;
  /** A "fixed" cycle's named period end; null for the other kinds. */
  readonly cycleEnds: Date | null;
  /** Centihours. */
  readonly creditsRequired: number;
  readonly creditGraceDays: number;
  readonly cprAedRequired: boolean;
  /** Centihours. */
  readonly cprAedCredit: number;
  readonly unapprovedCredits: 'accepted' | 'petition';
  readonly examPath: boolean;
  readonly combineGroup: string | null;
  /** Cents. */
  readonly fees: { renewal: number; petition: number; combineExtra: number };
  /** through: the window's end as an offset from E; null: through the final deadline. */
  readonly lateWindows: Array<{ tier: string; feeCents: number; through: Offset | null }>;
  /** The final deadline as an offset from E; null: none given (it is E). */
  readonly finalDeadline: Offset | null;
  readonly audits: boolean;
  readonly auditDocumentsDays: number;
  /** "cpr_aed.valid_days_after"; 0 when not given. */
  readonly cprAedValidDays: number;
  /** Credit categories in document order, centihours; max null: no cap. */
  readonly categories: Array<{ id: string; min: number; max: number | null }>;
  /** Proration steps of a first cycle in document order; creditsRequired in centihours. */
  readonly proration: Array<{ from: Offset; creditsRequired: number }>;
  /** The dated versions in effective order: complete policies borrowed from
   * this one (they keep it alive; copy() of one is refused). */
  readonly versions: Policy[];
  /** The first day a version is in force; null for base terms. */
  readonly effective: Date | null;
  /** The terms in force on day: the last version effective on or before
   * it, else this policy itself. */
  inForce(day: DayInput): Policy;
  toJSON(): PolicyDocument;
  toJSONText(options?: { pretty?: boolean }): string;
}

export declare class Catalog extends Handle {
  /** An empty catalog. */
  constructor();
  /** A new catalog holding a copy of the built-in policies. */
  static builtin(): Catalog;
  /** The shared, read-only catalog of the built-in policies. */
  static default(): Catalog;
  /** Add a copy of a policy (or of a policy document). */
  add(policy: Policy | RecordsInput): this;
  /** Add one policy document or an array of them, all or nothing. */
  addJSON(document: RecordsInput): this;
  readonly count: number;
  at(i: number): Policy | null;
  find(id: string): Policy | null;
  readonly policies: Policy[];
  toJSON(): PolicyDocument[];
  toJSONText(options?: { pretty?: boolean }): string;
}

export declare class Credit extends Handle implements XMembers {
  constructor(id: string, completed: DayInput);
  copy(): Credit;
  readonly id: string;
  title: string | null;
  provider: string | null;
  get completed(): Date;
  set completed(day: DayInput);
  /** Contact hours (at most two decimals). */
  setHours(hours: AmountInput): this;
  /** An amount in "ceu", "cec", "hours" or a policy's own unit. */
  setAmount(amount: AmountInput, unit: string): this;
  /** The amount as given, or null before one is set. */
  readonly amount: { value: string; hundredths: number; unit: string } | null;
  approval: 'preapproved' | 'not_preapproved';
  get petition(): { status: 'pending' | 'approved' | 'denied'; filed: Date; decided: Date | null } | null;
  set petition(value: { status: 'pending' | 'approved' | 'denied'; filed: DayInput; decided?: DayInput | null } | null);
  /** Credential ids the credit is limited to; null: all of them. */
  appliesTo: string[] | null;
  /** Its category, matched against a policy's category ids ignoring ASCII
   * case; null (or undefined) removes it. */
  get category(): string | null;
  set category(value: string | null | undefined);
  xKeys(): string[];
  xGet(key: string): unknown;
  xGetText(key: string): string | undefined;
  xSet(key: string, value: unknown): this;
  xSetText(key: string, json: string | null | undefined): this;
}

export declare class Credential extends Handle implements XMembers {
  constructor(id: string, policy: string, certified: DayInput);
  copy(): Credential;
  readonly id: string;
  policy: string;
  number: string | null;
  get certified(): Date;
  set certified(day: DayInput);
  get cycleStart(): Date | null;
  set cycleStart(day: DayInput | null);
  get expires(): Date | null;
  set expires(day: DayInput | null);
  get application(): { received: Date; decision: 'pending' | 'accepted' | 'rejected'; decided: Date | null } | null;
  set application(value: { received: DayInput; decision?: 'pending' | 'accepted' | 'rejected' | null; decided?: DayInput | null } | null);
  get audit(): { selected: Date; documentsReceived: Date | null; outcome: 'passed' | 'failed' | null; decided: Date | null } | null;
  set audit(value: { selected: DayInput; documentsReceived?: DayInput | null; outcome?: 'passed' | 'failed' | null; decided?: DayInput | null } | null);
  get examPassed(): Date | null;
  set examPassed(day: DayInput | null);
  xKeys(): string[];
  xGet(key: string): unknown;
  xGetText(key: string): string | undefined;
  xSet(key: string, value: unknown): this;
  xSetText(key: string, json: string | null | undefined): this;
}

export interface CprAedRecord {
  completed: DayInput;
  expires: DayInput;
  /** Default true. */
  handsOn?: boolean | null;
  /** Default true. */
  adultCprAed?: boolean | null;
}

export declare class Holder extends Handle implements XMembers {
  constructor(id: string, options?: { name?: string | null });
  copy(): Holder;
  readonly id: string;
  name: string | null;
  /** Adds a copy: the caller still closes what it passed. */
  addCredential(credential: Credential): this;
  addCredit(credit: Credit): this;
  removeCredential(i: number): this;
  removeCredit(i: number): this;
  /** Borrowed and read-only; stale once the holder changes. */
  readonly credentials: Credential[];
  readonly credits: Credit[];
  addCprAed(record: CprAedRecord): this;
  removeCprAed(i: number): this;
  readonly cprAed: Array<{ completed: Date; expires: Date; handsOn: boolean; adultCprAed: boolean }>;
  xKeys(): string[];
  xGet(key: string): unknown;
  xGetText(key: string): string | undefined;
  xSet(key: string, value: unknown): this;
  xSetText(key: string, json: string | null | undefined): this;
}

export declare class Roster extends Handle {
  /** An empty roster read against a catalog (default: the built-ins). */
  constructor(options?: { catalog?: Catalog | null });
  /** Import a records document, all or nothing. */
  static fromJSON(records: RecordsInput, options?: { catalog?: Catalog | null }): Roster;
  /** The document's own policies come before holders. */
  addPolicy(policy: Policy | RecordsInput): this;
  readonly policies: Policy[];
  findPolicy(id: string): Policy | null;
  /** Adds a copy, checked as an import checks it. */
  addHolder(holder: Holder): this;
  removeHolder(which: number | string): this;
  readonly holderCount: number;
  /** Borrowed and read-only; stale once the roster changes. */
  readonly holders: Holder[];
  holderAt(i: number): Holder | null;
  findHolder(id: string): Holder | null;
  /** Evaluate as of a day (default: today, local). */
  evaluate(asOf?: DayInput | null): Report;
  xGet(key: string): unknown;
  xGetText(key: string): string | undefined;
  xSet(key: string, value: unknown): this;
  xSetText(key: string, json: string | null | undefined): this;
  toJSON(): object;
  toJSONText(options?: { pretty?: boolean }): string;
}

export interface EntryDays<T> {
  cycleStart: T | null;
  expires: T | null;
  creditDeadline: T | null;
  onTimeDeadline: T | null;
  lateFeeDeadline: T | null;
  finalDeadline: T | null;
  cprAedExpires: T | null;
  auditDocumentsDue: T | null;
  examDeadline: T | null;
  nextCycleStart: T | null;
  nextCycleExpires: T | null;
  /** R (docs/rules.md §7): the day the application was received, else as_of. */
  reference: T | null;
}

export type CreditReason =
  | 'counted' | 'counted_in_group' | 'pending' | 'not_applicable' | 'not_yet'
  | 'before_cycle' | 'after_deadline' | 'after_application' | 'petition_required' | 'petition_denied'
  | 'over_category_max';

/** One credential's result, read from its Report. */
export declare class ReportEntry {
  private constructor();
  readonly holderIndex: number;
  readonly index: number;
  readonly holderId: string;
  readonly id: string;
  readonly policy: string;
  /** The effective day of the policy version that applied; null for base
   * terms or a policy without versions. */
  readonly policyEffective: Date | null;
  readonly status: Status;
  readonly certified: boolean;
  readonly path: RenewalPath | null;
  /** Day numbers. */
  readonly days: EntryDays<number>;
  /** Dates at midnight UTC. */
  readonly dates: EntryDays<Date>;
  /** Centihours (hundredths of a contact hour). */
  readonly credits: {
    unit: string;
    unitPerHour: number;
    required: number;
    earned: number;
    pending: number;
    shortfall: number;
    counted: string[];
    cprAed: CprAedState;
    /** The categories of the policy version that applied (max null: no cap); [] when none. */
    categories: Array<{ id: string; earned: number; min: number; max: number | null }>;
  };
  /** The same, in the policy's unit, as exact decimal text ("1.9"). */
  readonly amounts: {
    unit: string;
    required: string;
    earned: string;
    pending: string;
    shortfall: string;
    categories: Array<{ id: string; earned: string; min: string; max: string | null }>;
  };
  /** Cents. */
  readonly fees: {
    currency: string;
    tier: string;
    tierKind: 'on_time' | 'late' | 'closed' | null;
    renewalCents: number;
    lateCents: number;
    totalCents: number;
    petitionCents: number;
  };
  readonly audit: { state: AuditState; documentsDue: Date | null };
  readonly renewalGroup: string[] | null;
  readonly nextCycle: { cycleStart: Date; expires: Date | null } | null;
  readonly notices: Array<{ code: NoticeCode | string; credit: string | null; message: string }>;
  /** For every credit entry of the holder (input order), why it counts for
   * this credential or not; amount is exact decimal text in this unit. */
  readonly creditReasons: Array<{ credit: string; centihours: number; amount: string; reason: CreditReason | string }>;
  toJSON(): object;
}

export declare class Report extends Handle {
  private constructor();
  readonly asOf: Date;
  readonly asOfDay: number;
  readonly holderCount: number;
  holderId(h: number): string;
  credentialCount(h: number): number;
  entry(h: number, c: number): ReportEntry;
  readonly holders: Array<{ id: string; credentials: ReportEntry[] }>;
  readonly entries: ReportEntry[];
  toJSON(): ReportDocument;
  toJSONText(options?: { pretty?: boolean }): string;
}

/** Day numbers, "YYYY-MM-DD" text and Dates, as the library counts days. */
export declare const dates: {
  /** RECERT_DAY_NONE: "no date". */
  readonly DAY_NONE: -2147483648;
  /** 1900-01-01. */
  readonly DAY_MIN: -25567;
  /** 9999-12-31. */
  readonly DAY_MAX: 2932896;
  fromISO(text: string): number;
  toISO(day: number): string;
  /** A Date at midnight UTC; null for DAY_NONE. */
  toDate(day: number): Date | null;
  fromDate(date: Date): number;
  /** Today in the local time zone. */
  today(): number;
};

/*
 * librecert — internal declarations shared by the files of lib/.
 * Nothing here is API. Plain values cross module borders: day numbers,
 * centihours, cents, enums; never jansson objects (only json_in.c and
 * json_out.c include jansson.h).
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef RECERT_INTERNAL_H
#define RECERT_INTERNAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "recert.h"

#if defined(__GNUC__)
#define RC_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define RC_PRINTF(a, b)
#endif

/* ---- error.c: the calling thread's last error ------------------------ */

/* Set the thread's last error and return code. path may be NULL or "";
 * the stored message is "path: <formatted>" (or just the formatted text
 * without a path), cut to a bounded length. */
int rc_fail(int code, const char *path, const char *fmt, ...) RC_PRINTF(3, 4);
int rc_failv(int code, const char *path, const char *fmt, va_list ap) RC_PRINTF(3, 0);
/* The message rc_failv() stores for (path, fmt, ap): "path: text", both
 * cut to bounded lengths; and setting the last error to a message made so. */
#define RC_MESSAGE_MAX 1024
void rc_message_text(char out[RC_MESSAGE_MAX], const char *path, const char *fmt, va_list ap) RC_PRINTF(3, 0);
int rc_fail_message(int code, const char *path, const char *message);
/* RECERT_ENOMEM with a fixed message; never allocates. */
int rc_oom(void);

/* ---- small helpers (util.c) ----------------------------------------- */

char *rc_strdup(const char *s);          /* NULL for NULL or no memory */
char *rc_strndup(const char *s, size_t n);
/* Replace *dst by a copy of src (NULL clears). RECERT_OK or RECERT_ENOMEM;
 * *dst unchanged on failure. */
int rc_set_string(char **dst, const char *src);
int rc_strcasecmp(const char *a, const char *b); /* ASCII only, locale-free */

/* UTF-8 (RFC 3629: no overlong form, no surrogate, nothing past U+10FFFF).
 * Every cut of a text the library writes goes through these, so that a cut
 * never ends inside a character (docs/format.md "Errors").
 * rc_utf8_seq: the length (1 to 4) of the valid character at s[0..n), 0 if
 * the bytes there are not one (n > 0).
 * rc_utf8_valid: whether s[0..n) is valid UTF-8.
 * rc_utf8_cut: the largest length <= n at which s[0..n) can be cut without
 * splitting a character: n itself unless s[0..n) ends with an incomplete
 * character (only s[0..n) is read).
 * rc_utf8_copy: s[0..n) into dst (size >= 4 bytes, NUL-terminated), each
 * byte that does not belong to a valid character replaced by U+FFFD; when
 * it does not fit it is cut at a character boundary and ends with "...".
 * Returns the length written.
 * rc_snprintf: snprintf (size >= 1), cut at a character boundary when the
 * text does not fit; returns the length written. */
size_t rc_utf8_seq(const char *s, size_t n);
bool rc_utf8_valid(const char *s, size_t n);
size_t rc_utf8_cut(const char *s, size_t n);
size_t rc_utf8_copy(char *dst, size_t size, const char *s, size_t n);
size_t rc_snprintf(char *buf, size_t size, const char *fmt, ...) RC_PRINTF(3, 4);
/* A caller's text shown in a message, "%.*s": its first 40 bytes at most,
 * cut at a character boundary (error.c replaces bytes that are not UTF-8). */
#define RC_SHOWN(s) (int)rc_utf8_cut((s), strnlen((s), 40)), (s)

/* A growable byte buffer for text output. On allocation failure it sets
 * failed and ignores further appends. */
typedef struct rc_buf {
    char *data;
    size_t len, cap;
    bool failed;
} rc_buf;
void rc_buf_put(rc_buf *b, const char *s, size_t n);
void rc_buf_puts(rc_buf *b, const char *s);
void rc_buf_putc(rc_buf *b, char c);
/* Hand the NUL-terminated text to the caller (*out) or fail with ENOMEM;
 * the buffer is emptied either way. */
int rc_buf_finish(rc_buf *b, char **out);
void rc_buf_free(rc_buf *b);

/* ---- date.c (besides the public functions) --------------------------- */

static inline bool rc_day_valid(int32_t d) { return d >= RECERT_DAY_MIN && d <= RECERT_DAY_MAX; }
/* An offset of docs/rules.md §1 and docs/format.md ("through", "final_deadline"). */
typedef struct rc_offset {
    int years, months, days;
} rc_offset;
/* d + offset, clamped as docs/rules.md §1; RECERT_ERANGE outside 1900..9999
 * (sets no error: the caller names the place). */
int rc_date_add(int32_t *out, int32_t d, int years, int months, int days);
/* "before 1900-01-01" or "after 9999-12-31": the end this thread's last
 * failed rc_date_add() crossed. */
const char *rc_date_crossed(void);
/* Quick formatting for messages: writes "YYYY-MM-DD" (or "none"). */
void rc_date_text(char buf[RECERT_DATE_BUFSIZE], int32_t d);

/* ---- x- members ----------------------------------------------------- */

typedef struct rc_xmember {
    char *key;  /* "x-..." */
    char *json; /* compact JSON text of the value */
} rc_xmember;
typedef struct rc_xlist {
    rc_xmember *v;
    size_t n;
} rc_xlist;
void rc_xlist_free(rc_xlist *x);
int rc_xlist_copy(rc_xlist *dst, const rc_xlist *src);
/* Set (json != NULL, already validated) or remove (json == NULL) a member. */
int rc_xlist_set(rc_xlist *x, const char *key, const char *json);
const char *rc_xlist_get(const rc_xlist *x, const char *key);
/* The public x_set/x_get of every handle share these (they validate the key
 * and the JSON text through json_in.c's rc_json_check_value()). */
int rc_x_set(rc_xlist *x, const char *key, const char *json);
int rc_x_get(char **out, const rc_xlist *x, const char *key);

/* ---- limits.c: the limits of a records document's values ------------ */

/* One check per kind of value, shared by import and the setters
 * (docs/format.md "Values"): RECERT_OK, or the code an import gives
 * (RECERT_ELIMIT for a size limit, RECERT_EDATA for a value the format
 * does not allow; rc_limit_day: RECERT_ERANGE) with the reason, without a
 * path, in why. They set no error. */
enum { RC_WHY_MAX = 192 };
/* len bytes: at most RECERT_MAX_STRING_BYTES, no NUL, valid UTF-8. */
int rc_limit_string(const char *s, size_t len, char why[RC_WHY_MAX]);
/* The same for a NUL-terminated string, reading at most the limit + 1. */
int rc_limit_cstring(const char *s, char why[RC_WHY_MAX]);
int rc_limit_nonempty(const char *s, char why[RC_WHY_MAX]);          /* "must not be empty" */
int rc_limit_count(size_t n, size_t max, char why[RC_WHY_MAX]);      /* "more than max entries" */
/* A credit amount in hundredths (or centihours): 0 < v <= RECERT_AMOUNT_MAX. */
int rc_limit_amount(int64_t hundredths, char why[RC_WHY_MAX]);
/* The amount converted, rounded down, into *ch: at most
 * RECERT_CREDIT_CENTIHOURS_MAX, so that no sum of a holder's credits
 * overflows (docs/rules.md "Limits"). */
int rc_limit_credit_centihours(int64_t *ch, int64_t hundredths, int64_t per_hour, char why[RC_WHY_MAX]);
/* A day: 1900..9999; RECERT_DAY_NONE allowed when not required. */
int rc_limit_day(int32_t day, bool required, char why[RC_WHY_MAX]);
/* The nesting of JSON text as the parser counts it (every value one, keys
 * none: "1" is 1, "[]" 1, "{\"a\":[1]}" 3); the text is valid JSON. */
size_t rc_json_depth(const char *json);
/* JSON text (valid) placed at document depth depth (the top-level value is
 * 1) stays within the parser's depth, RC_JSON_MAX_DEPTH (RECERT_ELIMIT). */
int rc_limit_nested(const char *json, size_t depth, char why[RC_WHY_MAX]);
/* An x- member set on an object at document depth depth: a UTF-8 name, and
 * a value within rc_limit_nested. json NULL: the name only. */
int rc_limit_x(const char *key, const char *json, size_t depth, char why[RC_WHY_MAX]);
/* A setter's error from a check: "what: why", RECERT_EDATA made
 * RECERT_EINVAL (a bad argument); other codes kept. Returns it. */
int rc_limit_fail(int code, const char *what, const char *why);
/* A setter's string argument: NULL is allowed unless RC_TEXT_REQUIRED
 * (RECERT_EINVAL); RC_TEXT_NONEMPTY refuses "" (RECERT_EINVAL); then
 * rc_limit_cstring (RECERT_ELIMIT, RECERT_EINVAL). Error set. */
#define RC_TEXT_REQUIRED 1u
#define RC_TEXT_NONEMPTY 2u
#define RC_TEXT_ID (RC_TEXT_REQUIRED | RC_TEXT_NONEMPTY)
int rc_check_text(const char *s, const char *what, unsigned flags);
/* A setter's day (RECERT_ERANGE, error set). */
int rc_check_day(int32_t day, bool required, const char *what);
/* A setter's x- member (before rc_x_set, which checks the rest): error set. */
int rc_check_x(const char *key, const char *json, size_t depth);
/* Depth of the objects that hold x- members in a records document. */
enum { RC_DEPTH_ROSTER = 1, RC_DEPTH_HOLDER = 3, RC_DEPTH_CREDENTIAL = 5, RC_DEPTH_CREDIT = 5,
       RC_DEPTH_POLICY = 3 };

/* ---- the policy model (policy.c, catalog.c) -------------------------- */

typedef struct rc_late_window {
    char *tier;        /* "late", "late_additional", ... */
    bool has_through;  /* false: through the final deadline */
    rc_offset through; /* from E */
    int64_t fee_cents;
} rc_late_window;

typedef struct rc_waiver {
    char *id;
    int32_t from, through; /* through RECERT_DAY_NONE: open-ended */
} rc_waiver;

typedef struct rc_category {
    char *id;
    int64_t min; /* centihours; 0 when not given */
    int64_t max; /* centihours; -1 when not given */
} rc_category;

typedef struct rc_prorate {
    rc_offset from;   /* from P, the start of the full period ending on E */
    int64_t required; /* centihours */
} rc_prorate;

struct recert_policy {
    char *id, *organization, *name, *source, *currency;
    int32_t checked; /* RECERT_DAY_NONE when absent */
    char *unit;      /* unit name as written ("CEU") */
    int64_t per_hour; /* millionths of a unit per contact hour */
    int cycle_years;
    recert_cycle_kind cycle_kind;
    int64_t required;   /* centihours */
    int32_t grace_days; /* credit_grace_days */
    bool cpr_required;
    int64_t cpr_credit; /* centihours */
    recert_unapproved unapproved;
    bool exam_path;
    char *combine_group; /* NULL: none */
    int64_t renewal_cents, petition_cents, combine_extra_cents;
    rc_late_window *late;
    size_t late_n;
    bool has_final;
    rc_offset final_deadline; /* from E */
    bool audit;
    int32_t documents_days;
    rc_waiver *waivers;
    size_t waiver_n;
    int32_t cycle_ends;     /* RECERT_CYCLE_FIXED: one period end; else NONE */
    int32_t cpr_valid_days; /* cpr_aed.valid_days_after */
    rc_category *cat;
    size_t cat_n;
    rc_prorate *pro;
    size_t pro_n;
    /* Dated versions: complete policies owned by this one, in effective
     * order; a version has effective set and no versions of its own. A
     * version's strings equal to the policy before it (the base or the
     * previous version) are that policy's; those it changes are kept in
     * the base's pool; a version frees none of its strings (issue 13: a
     * version costs what it changes, not a copy of the whole policy). */
    recert_policy **ver;
    size_t ver_n;
    char **pool;       /* the base: the strings its versions changed */
    size_t pool_n;
    const recert_policy *base; /* a version: its policy; NULL for a base */
    size_t ver_index;          /* a version: its place in base->ver */
    int32_t effective; /* a version's first day; NONE for a base document */
    char *json; /* the document as given (compact, without "recert"); NULL
                 * for a version: made on request (rc_policy_version_json) */
};
/* A version's document: its base's with versions 0..ver_index merged in
 * (docs/format.md), compact, to free(); NULL: no memory. */
char *rc_policy_version_json(const recert_policy *v);
/* The longest unit, currency, late-window tier and category id a policy
 * may give: names every report line repeats (docs/format.md "Limits"). */
#define RC_MAX_NAME_BYTES 32
/* The most categories a policy may give: every report entry of the policy
 * lists them all, each with a notice (docs/format.md "Limits"). */
#define RC_MAX_CATEGORIES 8

/* The base policy or the version of it in force on day (RULES §11a). */
const recert_policy *rc_policy_in_force(const recert_policy *p, int32_t day);
/* The index of the policy category a credit's category names (ASCII case
 * ignored), or -1. */
int rc_policy_category_index(const recert_policy *p, const char *category);

/* A hash index over an array of policies (catalog.c): by id, or by unit
 * name with ASCII case ignored (the first policy of each unit). Lookups
 * are O(1) while it covers the whole array (n == the array's length),
 * else a linear search: an index that could not be allocated is no
 * error. */
typedef struct rc_polindex {
    uint32_t *slot; /* position + 1; 0: empty */
    size_t cap;     /* a power of two, or 0: none */
    size_t n;       /* pol[0..n) are indexed */
    size_t used;    /* slots in use */
} rc_polindex;
/* Index pol[x->n..n) (all of it when x has none yet); on no memory the
 * index is dropped (lookups search linearly). */
void rc_polindex_sync(rc_polindex *x, bool unit, recert_policy *const *pol, size_t n);
void rc_polindex_free(rc_polindex *x);
/* The position of the policy with that id (unit: the first with that
 * unit) in pol[0..n), or -1. */
long rc_polindex_find(const rc_polindex *x, bool unit, recert_policy *const *pol, size_t n, const char *key);

struct recert_catalog {
    int refs;       /* atomic; the caller's reference + one per roster */
    bool immortal;  /* the default catalog */
    recert_policy **pol;
    size_t n, cap;
    rc_polindex by_id, by_unit;
};
void rc_catalog_ref(const recert_catalog *c);
void rc_catalog_unref(const recert_catalog *c);
/* A unit name's per_hour among the standard units and the given policy
 * lists (first list searched first); 0 when unknown. */
int64_t rc_unit_per_hour(const char *unit, recert_policy *const *a, size_t an,
                         const recert_catalog *cat);
/* The same for a roster: the standard units, its policies, its catalog;
 * through their indexes. */
int64_t rc_roster_unit_per_hour(const recert_roster *r, const char *unit);
/* Index the roster's policies (after import has filled r->pol). */
void rc_roster_index_policies(recert_roster *r);
/* rc_policy_unit_check against a set that is consistent already (every
 * two of its policies with one unit have one per_hour), through its unit
 * index: O(1) but when a conflict is possible. */
int rc_policy_unit_check_indexed(const recert_policy *p, recert_policy *const *others, size_t n,
                                 const rc_polindex *by_unit, const char *path);
/* Is the policy's unit consistent with the others of a set (docs/rules.md §2)?
 * RECERT_OK or RECERT_EDATA (error set, with path). */
int rc_policy_unit_check(const recert_policy *p, recert_policy *const *others, size_t n,
                         const char *path);
void rc_policy_destroy(recert_policy *p); /* frees members, not p */

/* ---- the records model (credit.c, credential.c, holder.c, roster.c) --- */

typedef struct rc_cpr {
    int32_t completed, expires;
    signed char hands_on; /* -1 not given (means true), 0, 1 */
    signed char adult;    /* -1 not given (means true), 0, 1 */
    rc_xlist x;
} rc_cpr;

struct recert_credit {
    char *id, *title, *provider;
    int32_t completed;
    int64_t amount;          /* hundredths of unit; centihours when unit is NULL */
    char *unit;              /* NULL: given as "hours" */
    char *category;          /* NULL when not given */
    bool amount_real;        /* the JSON number had a decimal point (export) */
    signed char approval;    /* -1 not given (preapproved), else recert_approval */
    signed char petition;    /* recert_petition_status; NONE: no petition */
    int32_t petition_filed, petition_decided; /* decided: NONE when not given */
    rc_xlist petition_x;
    char **applies_to;
    long applies_n;          /* -1: all credentials (member absent) */
    rc_xlist x;
    int64_t ch;              /* resolved in a roster: centihours, rounded down */
    uint32_t id_at;          /* in a roster: where its id is in the holder's ids */
};

struct recert_credential {
    /* What evaluation reads first (two cache lines), the rest after. */
    char *id;
    const recert_policy *pol; /* resolved in a roster; NULL outside one */
    /* The cycle (rc_cycle) under cyc_pol, computed when the credential is
     * resolved in a roster: it does not depend on the evaluation day.
     * Under cyc_pol, also fixed: the terms in force on E (§11a), the credit
     * deadline, the final deadline, the end of the first late window (NONE
     * without one). */
    const recert_policy *cyc_pol;
    const recert_policy *cyc_in_force;
    int32_t certified, cycle_start, expires; /* NONE when not given */
    int32_t app_received, app_decided;
    int32_t audit_selected, audit_docs, audit_decided;
    int32_t exam_passed;
    int32_t cyc_S, cyc_E;
    int32_t cyc_credit_deadline, cyc_final_deadline, cyc_late_end;
    uint32_t id_at; /* in a roster: where its id is in the holder's ids */
    bool has_app;
    signed char app_decision; /* -1 not given (pending), else recert_decision */
    bool has_audit;
    signed char audit_outcome; /* recert_audit_outcome */
    bool has_exam;
    char *policy, *number;
    rc_xlist app_x;
    rc_xlist audit_x;
    rc_xlist exam_x;
    rc_xlist x;
};

/* What evaluation reads of a credit entry, packed when its holder joins a
 * roster (recert_holder.hot): a few bytes a credit, one after the other. */
typedef struct rc_credit_hot {
    int64_t ch;                               /* recert_credit.ch */
    uint64_t applies;                         /* applies_to: bit c for credential c */
    int32_t completed;
    int32_t petition_filed, petition_decided;
    uint32_t id_at;                           /* recert_credit.id_at */
    signed char approval, petition;
    bool applies_listed;                      /* applies_n >= 0: applies_to decides */
} rc_credit_hot;

struct recert_holder {
    char *id, *name;
    rc_cpr *cpr;
    size_t cpr_n, cpr_cap;
    bool cpr_list;        /* cpr_aed was given as an array (export) */
    bool has_credentials; /* the member was given (export) */
    bool has_credits;
    recert_credential *cred;
    size_t cred_n, cred_cap;
    recert_credit *credit;
    size_t credit_n, credit_cap;
    rc_xlist x;
    /* In a roster (NULL outside one), in one allocation owned by hot: a
     * packed copy of what evaluation reads of each credit entry, then the
     * holder's id, its credentials' ids and its credits' ids, each
     * NUL-terminated, one after the other (id_at gives each one's place),
     * for a report to copy at once (ids NULL if they would pass 4 GiB). */
    rc_credit_hot *hot;
    char *ids;
    size_t ids_len;
};

struct recert_roster {
    const recert_catalog *catalog; /* referenced */
    recert_policy **pol;           /* the document's own policies */
    size_t pol_n;
    bool has_policies;             /* the member was given (export) */
    rc_polindex pol_by_id, pol_by_unit; /* over pol */
    recert_holder *holders;
    size_t n, cap;
    uint32_t *index;               /* open-addressing hash of holder ids */
    size_t index_cap;
    rc_xlist x;
};

/* Deep copy into *dst (zeroed first) / free the members (not the struct). */
int rc_credit_copy_into(recert_credit *dst, const recert_credit *src);
void rc_credit_clear(recert_credit *k);
int rc_credential_copy_into(recert_credential *dst, const recert_credential *src);
void rc_credential_clear(recert_credential *c);
int rc_holder_copy_into(recert_holder *dst, const recert_holder *src);
void rc_holder_clear(recert_holder *h);
/* Initialise a zeroed struct's "not given" markers. */
void rc_credit_init(recert_credit *k);
void rc_credential_init(recert_credential *c);
void rc_holder_init(recert_holder *h);

/* ---- cycle.c: docs/rules.md §3 -------------------------------------------- */

/* The cycle of a credential under a policy: S and E. RECERT_EDATA for
 * cycle_start before certified or expires not after S, RECERT_ERANGE for a
 * day beyond 9999-12-31; the error is set with path (the credential's). */
int rc_cycle(int32_t *S, int32_t *E, const recert_credential *c, const recert_policy *p,
             const char *path);
/* The next cycle after an accepted renewal. */
int rc_next_cycle(int32_t *S2, int32_t *E2, int32_t E, const recert_policy *p);
/* §3b: P, the first day of the full period ending on E; *full when a cycle
 * starting on S is a full one. RECERT_ERANGE out of range. */
int rc_period_start(int32_t *P, bool *full, int32_t S, int32_t E, const recert_policy *p);
/* E for a cycle starting on S under the policy's rule. */
int rc_cycle_end(int32_t *E, int32_t S, const recert_policy *p);

/* ---- report.c -------------------------------------------------------- */

typedef struct rc_arena_chunk rc_arena_chunk;
typedef struct rc_arena {
    rc_arena_chunk *head;
    char *cur;
    size_t left;
} rc_arena;
void *rc_arena_alloc(rc_arena *a, size_t size); /* 8-aligned; NULL: no memory */
char *rc_arena_strdup(rc_arena *a, const char *s);
void rc_arena_free(rc_arena *a);

typedef struct rc_category_out {
    const char *id;
    int64_t earned, min, max; /* centihours; max -1: none */
} rc_category_out;

/* A notice keeps its code and the values its message names; the English
 * text is written when it is read (evaluate.c: rc_notice_text() for the
 * report document, rc_notice_message() for the getter). */
typedef struct rc_notice {
    int code;           /* recert_notice_code */
    int form;           /* which wording of the code */
    int cat;            /* the index of the category it names in the entry's cats, or -1 */
    const char *credit; /* NULL when not about one credit */
    size_t credit_pos;  /* the credit's input position, for ordering */
    int64_t arg[3];     /* days, centihours, cents: by code (evaluate.c) */
    char *message;      /* NULL until first read (atomic; freed with the report) */
} rc_notice;

enum { RC_DATE_N = 12, RC_CREDITS_N = 4, RC_FEES_N = 4 };

typedef struct rc_entry {
    const char *id, *policy, *unit, *currency, *tier; /* tier: on_time, closed, a window's */
    int64_t per_hour;
    int status, certified, path, cpr, audit, tier_kind;
    int32_t dates[RC_DATE_N];     /* by recert_date_kind */
    int64_t credits[RC_CREDITS_N]; /* by recert_credits_kind, centihours */
    int64_t fees[RC_FEES_N];       /* by recert_fee_kind, cents */
    const char **counted;
    size_t counted_n;
    const char **group;
    size_t group_n;
    rc_notice *notices;
    size_t notice_n;
    unsigned char *why; /* per credit entry of the holder: recert_credit_reason */
    rc_category_out *cats;
    size_t cat_n;
    bool versioned;    /* the policy has dated versions: report policy_effective */
    int32_t effective; /* the effective day of the version that applied, or NONE */
} rc_entry;

typedef struct rc_report_holder {
    const char *id;
    const char **credit_ids; /* the holder's credit entries, input order */
    int64_t *credit_ch;
    size_t credit_n;
    rc_entry *entries;
    size_t n;
} rc_report_holder;

/* The policy strings a report names (ids, units, currencies, tiers,
 * category ids), each copied into the report's arena once: a hash map
 * from the policy's string (its address: the policies stay alive while
 * the report is built, and a version shares the strings it does not
 * change) to the copy (evaluate.c). Issue 13: no fixed-size cache. */
typedef struct rc_intern_slot {
    const char *from, *copy;
} rc_intern_slot;
typedef struct rc_intern {
    rc_intern_slot *slot;
    size_t cap, used;
} rc_intern;
/* The report's copy of s (a policy string); NULL: no memory. */
const char *rc_intern_string(recert_report *r, const char *s);
void rc_intern_free(rc_intern *x);

struct recert_report {
    int32_t as_of;
    rc_report_holder *holders;
    size_t n;
    rc_arena arena; /* every string and array of the report */
    rc_intern strings; /* while the report is built (zeroed by calloc) */
    int messages; /* atomic: a notice's message was written (report_free frees them) */
};

/* ---- evaluate.c ------------------------------------------------------ */

/* Evaluate one holder (whose credentials have resolved policies) as of T
 * into out, allocating from the report's arena. */
int rc_evaluate_holder(recert_report *r, rc_report_holder *out, const recert_holder *h, size_t hi, int32_t T);
/* A notice's English text, cut to RC_NOTICE_TEXT_MAX - 1 bytes, into buf;
 * returns its length. */
enum { RC_NOTICE_TEXT_MAX = 512 };
size_t rc_notice_text(char buf[RC_NOTICE_TEXT_MAX], const rc_entry *e, const rc_notice *n);
/* The same, written on first request and kept in the notice until the report
 * is freed; any number of threads may ask at once. NULL: no memory. */
const char *rc_notice_message(const recert_report *r, const rc_entry *e, const rc_notice *n);
/* Check that every fixed date of a credential (cycle, deadlines, next
 * cycle, audit due day) stays in 1900..9999; error with path. */
int rc_credential_check(const recert_credential *c, const recert_policy *p, const char *path);
/* Compute and keep in c what does not depend on the evaluation day (the
 * cycle, the version in force, the deadlines) under c->pol, which passed
 * rc_credential_check(); on failure c->cyc_pol stays NULL. */
void rc_credential_prepare(recert_credential *c);

/* ---- the document reader's place and errors (json_reader.c) ----------- */

#define RD_PATH_MAX 480

typedef struct rd_error {
    int code;
    char *path, *message;
} rd_error;

typedef struct rc_reader {
    char path[RD_PATH_MAX + 32];
    size_t path_len;
    int first_code;  /* RECERT_OK until the first error */
    bool collect;    /* keep every error (recert_validate_json) */
    bool oom;        /* an allocation failed: the result is RECERT_ENOMEM */
    rd_error *errors;
    size_t error_n;
    size_t count;    /* errors seen, collected or not */
    /* The first error, kept whatever later calls do to the thread's last
     * error; rd_finish() makes it the thread's last error again. */
    char first_path[RD_PATH_MAX + 32];
    char first_message[RC_MESSAGE_MAX]; /* as rc_message_text() made it */
} rc_reader;
/* Return the reader's first error code, made the thread's last error. */
int rd_finish(rc_reader *rd);

void rd_init(rc_reader *rd, bool collect);
void rd_free(rc_reader *rd);

/* Path stack: push returns the length to restore with rd_pop. */
size_t rd_push_key(rc_reader *rd, const char *key);
size_t rd_push_index(rc_reader *rd, size_t i);
void rd_pop(rc_reader *rd, size_t saved);

/* Record an error at the current path (the first one also becomes the
 * thread's last error). Returns code. */
int rd_error_at(rc_reader *rd, int code, const char *fmt, ...) RC_PRINTF(3, 4);
/* The same at current path + "." + key. */
int rd_error_key(rc_reader *rd, const char *key, int code, const char *fmt, ...) RC_PRINTF(4, 5);
int rd_nomem(rc_reader *rd);


/* Resolve a holder for a roster (roster.c): policies, units, applies_to,
 * cycle dates, unique id; errors with the holder's path "holders[hi]".
 * import: document error codes (RECERT_EDATA, RECERT_ERANGE). */
int rc_roster_resolve_holder(const recert_roster *r, recert_holder *h, size_t hi, rc_reader *rd, bool import);
/* Append a resolved holder, taking its contents over (h is zeroed). */
int rc_roster_append_holder(recert_roster *r, recert_holder *h);

/* ---- json_in.c / json_out.c ------------------------------------------ */

/* Is text one JSON value? RECERT_OK, or RECERT_EPARSE (error set). On
 * success *compact (if not NULL) receives its compact form (free()). */
int rc_json_check_value(const char *text, char **compact);

/* Limits (docs/format.md). */
#define RC_MAX_ERRORS 1000 /* recert_validate_json lists at most this many */

#endif /* RECERT_INTERNAL_H */

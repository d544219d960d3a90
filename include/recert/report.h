/*
 * librecert — a report: what evaluation computed as of a day, for every
 * credential of every holder (docs/format.md "Report document", docs/rules.md §3–§10).
 *
 * Entries are addressed by holder index h (input order) and credential index
 * c within the holder (input order). Getters given a NULL report, an index
 * out of range or a `which` that is not a value of its enum (-1,
 * RECERT_DAY_NONE, ...) return the "nothing" value of their type: NULL, -1
 * (int and int64_t getters), RECERT_DAY_NONE (dates), or 0 for counts and
 * for recert_report_unit_per_hour(). A report is read-only: any number of
 * threads may read one report at once, and its strings stay valid until
 * recert_report_free().
 *
 * Every enum's values are fixed and only ever appended to.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef RECERT_REPORT_H
#define RECERT_REPORT_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum recert_status { /* docs/rules.md §8 */
    RECERT_STATUS_RENEWED = 0,
    RECERT_STATUS_SUBMITTED = 1,
    RECERT_STATUS_ELIGIBLE = 2,
    RECERT_STATUS_IN_PROGRESS = 3,
    RECERT_STATUS_LATE = 4,
    RECERT_STATUS_LAPSED = 5
} recert_status;

typedef enum recert_path { /* docs/rules.md §6 */
    RECERT_PATH_NONE = 0,
    RECERT_PATH_CREDITS = 1,
    RECERT_PATH_EXAM = 2
} recert_path;

typedef enum recert_tier_kind { /* docs/rules.md §7 */
    RECERT_TIER_ON_TIME = 0,
    RECERT_TIER_LATE = 1, /* one of the policy's late windows: see recert_report_tier() */
    RECERT_TIER_CLOSED = 2
} recert_tier_kind;

typedef enum recert_cpr_aed_state { /* docs/rules.md §5 */
    RECERT_CPR_AED_CURRENT = 0,
    RECERT_CPR_AED_NOT_HANDS_ON = 1,
    RECERT_CPR_AED_EXPIRED = 2,
    RECERT_CPR_AED_MISSING = 3,
    RECERT_CPR_AED_NOT_REQUIRED = 4,
    RECERT_CPR_AED_EXPIRING = 5 /* valid on R but not through R + the policy's valid_days_after */
} recert_cpr_aed_state;

typedef enum recert_audit_state { /* docs/rules.md §9 */
    RECERT_AUDIT_NONE = 0,
    RECERT_AUDIT_DOCUMENTS_DUE = 1,
    RECERT_AUDIT_OVERDUE = 2,
    RECERT_AUDIT_UNDER_REVIEW = 3,
    RECERT_AUDIT_PASSED = 4,
    RECERT_AUDIT_FAILED = 5
} recert_audit_state;

typedef enum recert_notice_code { /* docs/format.md "notices" */
    RECERT_NOTICE_PETITION_REQUIRED = 0,
    RECERT_NOTICE_PETITION_PENDING = 1,
    RECERT_NOTICE_PETITION_DENIED = 2,
    RECERT_NOTICE_CREDIT_OUTSIDE_WINDOW = 3,
    RECERT_NOTICE_CPR_AED_EXPIRES_BEFORE_DEADLINE = 4,
    RECERT_NOTICE_HANDS_ON_ASSESSMENT_RECOMMENDED = 5,
    RECERT_NOTICE_AUDIT_DOCUMENTS_DUE = 6,
    RECERT_NOTICE_AUDIT_OVERDUE = 7,
    RECERT_NOTICE_CATEGORY_MINIMUM = 8, /* a category's minimum is not met yet */
    RECERT_NOTICE_CATEGORY_MAXIMUM = 9  /* a credit counts in part or not at all: its category is full */
} recert_notice_code;

typedef enum recert_date_kind { /* docs/rules.md §10, the report's "dates" */
    RECERT_DATE_CYCLE_START = 0,
    RECERT_DATE_EXPIRES = 1,
    RECERT_DATE_CREDIT_DEADLINE = 2,
    RECERT_DATE_ON_TIME_DEADLINE = 3,
    RECERT_DATE_LATE_FEE_DEADLINE = 4,
    RECERT_DATE_FINAL_DEADLINE = 5,
    RECERT_DATE_CPR_AED_EXPIRES = 6,
    RECERT_DATE_AUDIT_DOCUMENTS_DUE = 7,
    RECERT_DATE_EXAM_DEADLINE = 8,
    RECERT_DATE_NEXT_CYCLE_START = 9,  /* renewed credentials only */
    RECERT_DATE_NEXT_CYCLE_EXPIRES = 10,
    RECERT_DATE_REFERENCE = 11 /* R (docs/rules.md §7): the application's receipt, else as_of */
} recert_date_kind;

/* Why a credit entry counts for a credential or not (docs/rules.md §4, §6), in
 * the order the rules are applied: the first that holds is given. */
typedef enum recert_credit_reason {
    RECERT_CREDIT_COUNTED = 0,            /* counts */
    RECERT_CREDIT_COUNTED_IN_GROUP = 1,   /* counts through the renewal group's pool */
    RECERT_CREDIT_PENDING = 2,            /* its petition is pending */
    RECERT_CREDIT_NOT_APPLICABLE = 3,     /* applies_to leaves this credential out */
    RECERT_CREDIT_NOT_YET = 4,            /* completed after as_of */
    RECERT_CREDIT_BEFORE_CYCLE = 5,       /* completed before the cycle start S */
    RECERT_CREDIT_AFTER_DEADLINE = 6,     /* completed after the credit deadline E + grace */
    RECERT_CREDIT_AFTER_APPLICATION = 7,  /* completed after the application was received */
    RECERT_CREDIT_PETITION_REQUIRED = 8,  /* not preapproved, no petition filed by as_of */
    RECERT_CREDIT_PETITION_DENIED = 9,    /* its petition was denied */
    RECERT_CREDIT_OVER_CATEGORY_MAX = 10, /* its category's maximum was reached before it */
    RECERT_CREDIT_NO_CREDENTIAL = 11      /* the holder has no credential: it counts towards nothing */
} recert_credit_reason;

typedef enum recert_category_field { /* docs/rules.md §4a, centihours */
    RECERT_CATEGORY_EARNED = 0, /* what the category's counted credits contribute, after the cap */
    RECERT_CATEGORY_MIN = 1,    /* 0 when the policy gives none */
    RECERT_CATEGORY_MAX = 2     /* -1 when the policy gives none */
} recert_category_field;

typedef enum recert_credits_kind { /* docs/rules.md §10, centihours */
    RECERT_CREDITS_REQUIRED = 0,
    RECERT_CREDITS_EARNED = 1,
    RECERT_CREDITS_PENDING = 2,
    RECERT_CREDITS_SHORTFALL = 3
} recert_credits_kind;

typedef enum recert_fee_kind { /* docs/rules.md §7, cents */
    RECERT_FEE_RENEWAL = 0,
    RECERT_FEE_LATE = 1,
    RECERT_FEE_TOTAL = 2,
    RECERT_FEE_PETITION = 3
} recert_fee_kind;

RECERT_API void recert_report_free(recert_report *report);

/* The report document (docs/format.md). flags: 0 or RECERT_JSON_PRETTY. Release
 * *out with recert_free(). */
RECERT_API int recert_report_to_json(char **out, const recert_report *report, unsigned flags);

RECERT_API int32_t recert_report_as_of(const recert_report *report); /* RECERT_DAY_NONE for NULL */
RECERT_API size_t recert_report_holder_count(const recert_report *report);
RECERT_API const char *recert_report_holder_id(const recert_report *report, size_t h);
RECERT_API size_t recert_report_credential_count(const recert_report *report, size_t h);

RECERT_API const char *recert_report_credential_id(const recert_report *report, size_t h, size_t c);
RECERT_API const char *recert_report_policy_id(const recert_report *report, size_t h, size_t c);
RECERT_API int recert_report_status(const recert_report *report, size_t h, size_t c); /* recert_status, -1 */
RECERT_API int recert_report_certified(const recert_report *report, size_t h, size_t c); /* 1, 0, -1 */
RECERT_API int recert_report_path(const recert_report *report, size_t h, size_t c);   /* recert_path, -1 */
/* One of the dates (docs/rules.md §10); RECERT_DAY_NONE for a date that does not
 * apply (null in the report document) and for a bad `which`. */
RECERT_API int32_t recert_report_date(const recert_report *report, size_t h, size_t c, recert_date_kind which);

/* Credits in centihours (-1 for a bad `which`); the unit to write them in is
 * recert_report_unit() with its recert_report_unit_per_hour() (millionths; 0
 * out of range; see recert_amount_format()). The counted credits' ids come
 * in input order (for a renewal group, the pooled entries). */
RECERT_API int64_t recert_report_credits(const recert_report *report, size_t h, size_t c, recert_credits_kind which);
RECERT_API const char *recert_report_unit(const recert_report *report, size_t h, size_t c);
RECERT_API int64_t recert_report_unit_per_hour(const recert_report *report, size_t h, size_t c);
RECERT_API size_t recert_report_counted_count(const recert_report *report, size_t h, size_t c);
RECERT_API const char *recert_report_counted_at(const recert_report *report, size_t h, size_t c, size_t i);
RECERT_API int recert_report_cpr_aed(const recert_report *report, size_t h, size_t c); /* recert_cpr_aed_state, -1 */

/* Fees in cents (-1 for a bad `which`). The tier's name is "on_time",
 * "closed" or the name of the policy's late window. */
RECERT_API int64_t recert_report_fee(const recert_report *report, size_t h, size_t c, recert_fee_kind which);
RECERT_API const char *recert_report_currency(const recert_report *report, size_t h, size_t c);
RECERT_API int recert_report_tier_kind(const recert_report *report, size_t h, size_t c); /* recert_tier_kind, -1 */
RECERT_API const char *recert_report_tier(const recert_report *report, size_t h, size_t c);

RECERT_API int recert_report_audit(const recert_report *report, size_t h, size_t c); /* recert_audit_state, -1 */

/* The renewal group (docs/rules.md §6): the sorted ids of the credentials renewed
 * together; count 0 when the credential is not in a group. */
RECERT_API size_t recert_report_group_count(const recert_report *report, size_t h, size_t c);
RECERT_API const char *recert_report_group_at(const recert_report *report, size_t h, size_t c, size_t i);

/* Notices, ordered by code name then by the credit's input order. The credit
 * id is NULL for a notice that is not about one credit entry. The message is
 * English text (docs/rules.md decisions: docs/rules.md); amounts in it are
 * written in the policy's unit, money as "25.00 USD". The message is
 * written on its first request (evaluation stores the notice's values
 * only); any thread may ask, and it stays valid until recert_report_free().
 * NULL out of range, or when memory runs out while writing it
 * (RECERT_ENOMEM is then the thread's last error; a later call may succeed). */
RECERT_API size_t recert_report_notice_count(const recert_report *report, size_t h, size_t c);
RECERT_API int recert_report_notice_code(const recert_report *report, size_t h, size_t c, size_t i); /* -1 */
RECERT_API const char *recert_report_notice_credit(const recert_report *report, size_t h, size_t c, size_t i);
RECERT_API const char *recert_report_notice_message(const recert_report *report, size_t h, size_t c, size_t i);

/* The holder's credit entries as evaluation saw them (input order): their
 * number, id, amount in centihours (rounded down), and, for credential c,
 * why each one counts or not (recert_credit_reason; -1 out of range). Every
 * holder has its credits here, one without credentials too: for such a
 * holder ask with c = 0, and every entry's reason is
 * RECERT_CREDIT_NO_CREDENTIAL (its credits count towards nothing; the
 * report document lists them in the holder's "credits"). */
RECERT_API size_t recert_report_credit_count(const recert_report *report, size_t h);
RECERT_API const char *recert_report_credit_id(const recert_report *report, size_t h, size_t k);
RECERT_API int64_t recert_report_credit_amount(const recert_report *report, size_t h, size_t k);
RECERT_API int recert_report_credit_reason(const recert_report *report, size_t h, size_t c, size_t k);

/* Credential c's credit categories (docs/rules.md §4a): one per category of
 * the policy version that applied, in its order; 0 when it has none. The
 * id belongs to the report (NULL out of range); the amount is centihours
 * (recert_category_field), -1 out of range or a bad field. */
RECERT_API size_t recert_report_category_count(const recert_report *report, size_t h, size_t c);
RECERT_API const char *recert_report_category_id(const recert_report *report, size_t h, size_t c, size_t i);
RECERT_API int64_t recert_report_category_amount(const recert_report *report, size_t h, size_t c, size_t i,
                                                 recert_category_field which);

/* The effective day of the policy version that applied to credential c
 * (docs/rules.md §11a): RECERT_DAY_NONE when the policy has no versions or
 * its base terms applied, or out of range. */
RECERT_API int32_t recert_report_policy_effective(const recert_report *report, size_t h, size_t c);

/* The fixed names of the enums' values, as the report document writes them
 * ("in_progress", "not_hands_on", "petition_required", ...); NULL for a value
 * out of range. */
RECERT_API const char *recert_status_name(int status);
RECERT_API const char *recert_path_name(int path); /* NULL for RECERT_PATH_NONE */
RECERT_API const char *recert_cpr_aed_state_name(int state);
RECERT_API const char *recert_audit_state_name(int state);
RECERT_API const char *recert_notice_code_name(int code);
RECERT_API const char *recert_credit_reason_name(int reason); /* "counted", "before_cycle", ... */

#ifdef __cplusplus
}
#endif

#endif /* RECERT_REPORT_H */

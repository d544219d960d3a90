/*
 * Reading a records document into the model (docs/format.md "Records document"):
 * shape and types only, every error with its path; the cross-checks that
 * need policies are roster.c's rc_roster_resolve_holder(). Also the one-call
 * entry points recert_evaluate_json() and recert_validate_json().
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "json_reader.h"

static const char *const top_members[] = {"recert", "policies", "holders", NULL};
static const char *const holder_members[] = {"id", "name", "credentials", "credits", "cpr_aed", NULL};
static const char *const cpr_members[] = {"completed", "expires", "hands_on", "adult_cpr_aed", NULL};
static const char *const credential_members[] = {"id", "policy", "number", "certified", "cycle_start",
                                                 "expires", "application", "audit", "exam", NULL};
static const char *const application_members[] = {"received", "decision", "decided", NULL};
static const char *const audit_members[] = {"selected", "documents_received", "outcome", "decided", NULL};
static const char *const exam_members[] = {"passed", NULL};
static const char *const credit_members[] = {"id", "title", "provider", "completed", "hours", "amount",
                                             "unit", "approval", "petition", "applies_to", "category", NULL};
static const char *const petition_members[] = {"filed", "status", "decided", NULL};

/* Limits (docs/format.md): bounded memory whatever the input. */
#define MAX_CREDENTIALS RECERT_MAX_CREDENTIALS
#define MAX_CREDITS RECERT_MAX_CREDITS
#define MAX_CPR RECERT_MAX_CPR_AED

/* An id read (rd_string > 0) must not be empty (limits.c, as the setters). */
static void nonempty(rc_reader *rd, const char *key, const char *s)
{
    char why[RC_WHY_MAX];
    if (rc_limit_nonempty(s, why) != RECERT_OK)
        rd_error_key(rd, key, RECERT_EDATA, "%s", why);
}

/* Sub-object of a credential or credit; returns it when present. */
static const json_t *object_member(rc_reader *rd, const json_t *obj, const char *key,
                                   const char *const *known, rc_xlist *x, size_t *saved)
{
    const json_t *v = json_object_get(obj, key);
    if (!v || json_is_null(v))
        return NULL;
    *saved = rd_push_key(rd, key);
    if (!rd_object(rd, v, known, x)) {
        rd_pop(rd, *saved);
        return NULL;
    }
    return v;
}

static void read_cpr(rc_reader *rd, const json_t *v, rc_cpr *r)
{
    r->completed = r->expires = RECERT_DAY_NONE;
    r->hands_on = r->adult = -1;
    if (!rd_object(rd, v, cpr_members, &r->x))
        return;
    rd_date(rd, v, "completed", true, &r->completed);
    rd_date(rd, v, "expires", true, &r->expires);
    bool b;
    if (rd_bool(rd, v, "hands_on", false, &b) > 0)
        r->hands_on = b;
    if (rd_bool(rd, v, "adult_cpr_aed", false, &b) > 0)
        r->adult = b;
    if (r->completed != RECERT_DAY_NONE && r->expires != RECERT_DAY_NONE && r->expires < r->completed)
        rd_error_key(rd, "expires", RECERT_EDATA, "expires before it was completed");
}

static void read_credential(rc_reader *rd, const json_t *v, recert_credential *c)
{
    static const char *const decisions[] = {"pending", "accepted", "rejected", NULL};
    static const char *const outcomes[] = {"", "passed", "failed", NULL};
    rc_credential_init(c);
    if (!rd_object(rd, v, credential_members, &c->x))
        return;
    if (rd_string(rd, v, "id", true, &c->id) > 0)
        nonempty(rd, "id", c->id);
    rd_string(rd, v, "policy", true, &c->policy);
    rd_string(rd, v, "number", false, &c->number);
    rd_date(rd, v, "certified", true, &c->certified);
    rd_date(rd, v, "cycle_start", false, &c->cycle_start);
    rd_date(rd, v, "expires", false, &c->expires);
    size_t saved;
    const json_t *o;
    if ((o = object_member(rd, v, "application", application_members, &c->app_x, &saved))) {
        int d = 0;
        c->has_app = rd_date(rd, o, "received", true, &c->app_received) > 0;
        if (rd_enum(rd, o, "decision", false, decisions, &d) > 0)
            c->app_decision = (signed char)d;
        rd_date(rd, o, "decided", false, &c->app_decided);
        rd_pop(rd, saved);
    }
    if ((o = object_member(rd, v, "audit", audit_members, &c->audit_x, &saved))) {
        int d = 0;
        c->has_audit = rd_date(rd, o, "selected", true, &c->audit_selected) > 0;
        rd_date(rd, o, "documents_received", false, &c->audit_docs);
        if (rd_enum(rd, o, "outcome", false, outcomes, &d) > 0) {
            if (d == 0)
                rd_error_key(rd, "outcome", RECERT_EDATA, "expected one of passed, failed, got \"\"");
            c->audit_outcome = (signed char)d;
        }
        rd_date(rd, o, "decided", false, &c->audit_decided);
        rd_pop(rd, saved);
    }
    if ((o = object_member(rd, v, "exam", exam_members, &c->exam_x, &saved))) {
        c->has_exam = rd_date(rd, o, "passed", true, &c->exam_passed) > 0;
        rd_pop(rd, saved);
    }
}

static void read_credit(rc_reader *rd, const json_t *v, recert_credit *k)
{
    static const char *const approvals[] = {"preapproved", "not_preapproved", NULL};
    static const char *const statuses[] = {"", "pending", "approved", "denied", NULL};
    rc_credit_init(k);
    if (!rd_object(rd, v, credit_members, &k->x))
        return;
    if (rd_string(rd, v, "id", true, &k->id) > 0)
        nonempty(rd, "id", k->id);
    rd_string(rd, v, "title", false, &k->title);
    rd_string(rd, v, "provider", false, &k->provider);
    rd_date(rd, v, "completed", true, &k->completed);
    bool has_hours = json_object_get(v, "hours") && !json_is_null(json_object_get(v, "hours"));
    bool has_amount = json_object_get(v, "amount") && !json_is_null(json_object_get(v, "amount"));
    bool has_unit = json_object_get(v, "unit") && !json_is_null(json_object_get(v, "unit"));
    const char *amount_key = has_hours ? "hours" : "amount";
    if (has_hours && (has_amount || has_unit)) {
        rd_error_key(rd, has_amount ? "amount" : "unit", RECERT_EDATA, "give either hours or amount and unit");
    } else if (!has_hours && !has_amount) {
        rd_error_at(rd, RECERT_EDATA, "missing member: hours, or amount and unit");
    } else {
        char why[RC_WHY_MAX]; /* the bounds the setters apply too (limits.c) */
        int st = rd_decimal(rd, v, amount_key, true, 2, &k->amount, &k->amount_real);
        if (st > 0 && rc_limit_amount(k->amount, why) != RECERT_OK)
            rd_error_key(rd, amount_key, RECERT_EDATA, "%s", why);
        if (has_amount && rd_string(rd, v, "unit", true, &k->unit) > 0)
            nonempty(rd, "unit", k->unit);
    }
    int d = 0;
    if (rd_enum(rd, v, "approval", false, approvals, &d) > 0)
        k->approval = (signed char)d;
    size_t saved;
    const json_t *o;
    if ((o = object_member(rd, v, "petition", petition_members, &k->petition_x, &saved))) {
        rd_date(rd, o, "filed", true, &k->petition_filed);
        if (rd_enum(rd, o, "status", true, statuses, &d) > 0) {
            if (d == 0)
                rd_error_key(rd, "status", RECERT_EDATA, "expected one of pending, approved, denied, got \"\"");
            k->petition = (signed char)d;
        }
        rd_date(rd, o, "decided", false, &k->petition_decided);
        if (k->petition_filed == RECERT_DAY_NONE || k->petition == RECERT_PETITION_NONE)
            k->petition = RECERT_PETITION_NONE;
        rd_pop(rd, saved);
    }
    if (rd_string(rd, v, "category", false, &k->category) > 0 && !k->category[0])
        rd_error_key(rd, "category", RECERT_EDATA, "must not be empty (leave it out for none)");
    const json_t *a = rd_array(rd, v, "applies_to", RECERT_MAX_APPLIES_TO);
    if (a) {
        size_t n = json_array_size(a);
        k->applies_to = calloc(n ? n : 1, sizeof *k->applies_to);
        if (!k->applies_to) {
            rd_nomem(rd);
            return;
        }
        k->applies_n = 0;
        size_t s2 = rd_push_key(rd, "applies_to");
        for (size_t i = 0; i < n; i++) {
            const json_t *id = json_array_get(a, i);
            size_t s3 = rd_push_index(rd, i);
            char why[RC_WHY_MAX];
            int code;
            if (!rd_is_string(id)) {
                rd_error_at(rd, RECERT_EDATA, "expected a credential id (a string)");
            } else if ((code = rc_limit_string(json_string_value(id), json_string_length(id), why)) != RECERT_OK) {
                rd_error_at(rd, code, "%s", why); /* as any string member (rd_string) */
            } else if (!(k->applies_to[k->applies_n] = rc_strdup(json_string_value(id)))) {
                rd_nomem(rd);
            } else {
                k->applies_n++;
            }
            rd_pop(rd, s3);
        }
        rd_pop(rd, s2);
    }
}

static int cmp_str_ptr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* "credential id: unique within its holder", "credit id: unique within its
 * holder". Reports the second of two equal ids. */
static void unique_ids(rc_reader *rd, const char *member, const char **ids, size_t n)
{
    if (n > 64) { /* large lists: sort a copy instead of comparing all pairs */
        const char **sorted = malloc(n * sizeof *sorted);
        if (!sorted) {
            rd_nomem(rd);
            return;
        }
        size_t m = 0;
        for (size_t x = 0; x < n; x++)
            if (ids[x])
                sorted[m++] = ids[x];
        qsort(sorted, m, sizeof *sorted, cmp_str_ptr);
        for (size_t x = 1; x < m; x++)
            if (strcmp(sorted[x - 1], sorted[x]) == 0) {
                size_t s = rd_push_key(rd, member);
                rd_error_at(rd, RECERT_EDATA, "duplicate id \"%s\"", sorted[x]);
                rd_pop(rd, s);
            }
        free(sorted);
        return;
    }
    for (size_t i = 1; i < n; i++) {
        if (!ids[i])
            continue;
        for (size_t j = 0; j < i; j++)
            if (ids[j] && strcmp(ids[i], ids[j]) == 0) {
                size_t s = rd_push_key(rd, member);
                rd_push_index(rd, i);
                rd_error_key(rd, "id", RECERT_EDATA, "duplicate id \"%s\" (also at %s[%zu])", ids[i], member, j);
                rd_pop(rd, s);
                break;
            }
    }
}

static void read_holder(rc_reader *rd, const json_t *v, recert_holder *h)
{
    memset(h, 0, sizeof *h);
    rc_holder_init(h);
    if (!rd_object(rd, v, holder_members, &h->x))
        return;
    if (rd_string(rd, v, "id", true, &h->id) > 0)
        nonempty(rd, "id", h->id);
    rd_string(rd, v, "name", false, &h->name);

    const json_t *cpr = json_object_get(v, "cpr_aed");
    if (cpr && !json_is_null(cpr)) {
        size_t s = rd_push_key(rd, "cpr_aed");
        h->cpr_list = json_is_array(cpr);
        size_t n = h->cpr_list ? json_array_size(cpr) : 1;
        if (n > MAX_CPR) {
            rd_error_at(rd, RECERT_ELIMIT, "more than %d records", MAX_CPR);
            n = 0;
        }
        h->cpr = n ? calloc(n, sizeof *h->cpr) : NULL;
        if (n && !h->cpr) {
            rd_nomem(rd);
            n = 0;
        }
        h->cpr_cap = n;
        for (size_t i = 0; i < n; i++) {
            size_t s2 = h->cpr_list ? rd_push_index(rd, i) : rd->path_len;
            read_cpr(rd, h->cpr_list ? json_array_get(cpr, i) : cpr, &h->cpr[i]);
            h->cpr_n = i + 1;
            rd_pop(rd, s2);
        }
        rd_pop(rd, s);
    }

    const json_t *a = rd_array(rd, v, "credentials", MAX_CREDENTIALS);
    h->has_credentials = json_object_get(v, "credentials") && !json_is_null(json_object_get(v, "credentials"));
    if (a && json_array_size(a)) {
        size_t n = json_array_size(a);
        h->cred = calloc(n, sizeof *h->cred);
        const char **ids = malloc(n * sizeof *ids);
        if (!h->cred || !ids) {
            free(ids);
            rd_nomem(rd);
            return;
        }
        h->cred_cap = n;
        size_t s = rd_push_key(rd, "credentials");
        for (size_t i = 0; i < n; i++) {
            size_t s2 = rd_push_index(rd, i);
            read_credential(rd, json_array_get(a, i), &h->cred[i]);
            h->cred_n = i + 1;
            ids[i] = h->cred[i].id;
            rd_pop(rd, s2);
        }
        rd_pop(rd, s);
        unique_ids(rd, "credentials", ids, n);
        free(ids);
    }

    a = rd_array(rd, v, "credits", MAX_CREDITS);
    h->has_credits = json_object_get(v, "credits") && !json_is_null(json_object_get(v, "credits"));
    if (a && json_array_size(a)) {
        size_t n = json_array_size(a);
        h->credit = calloc(n, sizeof *h->credit);
        const char **ids = malloc(n * sizeof *ids);
        if (!h->credit || !ids) {
            free(ids);
            rd_nomem(rd);
            return;
        }
        h->credit_cap = n;
        size_t s = rd_push_key(rd, "credits");
        for (size_t i = 0; i < n; i++) {
            size_t s2 = rd_push_index(rd, i);
            read_credit(rd, json_array_get(a, i), &h->credit[i]);
            h->credit_n = i + 1;
            ids[i] = h->credit[i].id;
            rd_pop(rd, s2);
        }
        rd_pop(rd, s);
        unique_ids(rd, "credits", ids, n);
        free(ids);
    }
}

static void read_policies(rc_reader *rd, const json_t *root, recert_roster *r)
{
    const json_t *a = rd_array(rd, root, "policies", RECERT_MAX_POLICIES);
    r->has_policies = json_object_get(root, "policies") && !json_is_null(json_object_get(root, "policies"));
    if (!a || !json_array_size(a))
        return;
    size_t n = json_array_size(a);
    r->pol = calloc(n, sizeof *r->pol);
    if (!r->pol) {
        rd_nomem(rd);
        return;
    }
    size_t s = rd_push_key(rd, "policies");
    for (size_t i = 0; i < n; i++) {
        size_t s2 = rd_push_index(rd, i);
        recert_policy *p = NULL;
        if (rc_policy_read(rd, json_array_get(a, i), true, &p) == RECERT_OK) {
            bool dup = false;
            for (size_t j = 0; j < r->pol_n; j++)
                if (strcmp(r->pol[j]->id, p->id) == 0)
                    dup = true;
            if (dup) {
                rd_error_key(rd, "id", RECERT_EDATA, "duplicate policy id \"%s\"", p->id);
                recert_policy_free(p);
            } else if (rc_policy_unit_check(p, r->pol, r->pol_n, rd->path) != RECERT_OK ||
                       (r->catalog && rc_policy_unit_check_indexed(p, r->catalog->pol, r->catalog->n, &r->catalog->by_unit, rd->path) != RECERT_OK)) {
                rd_error_at(rd, RECERT_EDATA, "%s", strchr(recert_error_message(), ':') ?
                            strchr(recert_error_message(), ':') + 2 : recert_error_message());
                recert_policy_free(p);
            } else {
                r->pol[r->pol_n++] = p;
            }
        }
        rd_pop(rd, s2);
    }
    rd_pop(rd, s);
}

/* recert_validate_json lists every error: for a holder that already has a
 * shape or type error, the cross-checks that are safe on what was read
 * still run (unknown policy, unknown unit), so that fixing the first error
 * does not reveal the next one. The full checks need a whole holder. */
static void partial_checks(rc_reader *rd, const recert_roster *r, const recert_holder *h)
{
    for (size_t i = 0; i < h->cred_n; i++) {
        const recert_credential *c = &h->cred[i];
        if (!c->policy || recert_roster_find_policy(r, c->policy))
            continue;
        size_t s = rd_push_key(rd, "credentials");
        rd_push_index(rd, i);
        rd_error_key(rd, "policy", RECERT_EDATA, "unknown policy: \"%s\"", c->policy);
        rd_pop(rd, s);
    }
    for (size_t i = 0; i < h->credit_n; i++) {
        const recert_credit *k = &h->credit[i];
        if (!k->unit || rc_roster_unit_per_hour(r, k->unit))
            continue;
        size_t s = rd_push_key(rd, "credits");
        rd_push_index(rd, i);
        rd_error_key(rd, "unit", RECERT_EDATA, "unknown unit: \"%s\" (hours, ceu, cec or a policy's unit)", k->unit);
        rd_pop(rd, s);
    }
}

/* Read a whole records document into a new roster. All or nothing. */
static int read_records(rc_reader *rd, const char *text, size_t len, const recert_catalog *catalog,
                        recert_roster **out)
{
    *out = NULL;
    json_t *root = NULL;
    int rc = rd_load(rd, text, len, &root);
    if (rc != RECERT_OK)
        return rc;
    recert_roster *r = NULL;
    if ((rc = recert_roster_new(&r, catalog)) != RECERT_OK) {
        json_decref(root);
        return rd_nomem(rd);
    }
    if (rd_object(rd, root, top_members, &r->x)) {
        int64_t version = 0;
        if (rd_int(rd, root, "recert", true, INT64_MIN, INT64_MAX, &version) > 0 && version != 1)
            rd_error_key(rd, "recert", RECERT_EDATA, "unsupported format version %lld (this library reads 1)",
                         (long long)version);
        read_policies(rd, root, r);
        rc_roster_index_policies(r); /* lookups per credential and credit: O(1) */
        const json_t *a = json_object_get(root, "holders");
        if (!a || json_is_null(a)) {
            rd_error_key(rd, "holders", RECERT_EDATA, "missing member");
        } else if (!json_is_array(a)) {
            rd_error_key(rd, "holders", RECERT_EDATA, "expected an array");
        } else if (json_array_size(a) > RECERT_MAX_HOLDERS) {
            rd_error_key(rd, "holders", RECERT_ELIMIT, "more than %d holders in one document (split it, or use "
                         "the command-line tool's --ndjson)", RECERT_MAX_HOLDERS);
        } else {
            size_t n = json_array_size(a);
            size_t s = rd_push_key(rd, "holders");
            for (size_t i = 0; i < n && !rd->oom; i++) {
                size_t s2 = rd_push_index(rd, i);
                recert_holder h;
                size_t before = rd->count;
                read_holder(rd, json_array_get(a, i), &h);
                if (rd->count == before && !rd->oom)
                    rc_roster_resolve_holder(r, &h, i, rd, true);
                else if (rd->collect && !rd->oom)
                    partial_checks(rd, r, &h);
                if (rd->count == before && !rd->oom && rc_roster_append_holder(r, &h) != RECERT_OK)
                    rd_nomem(rd);
                rc_holder_clear(&h);
                rd_pop(rd, s2);
                if (!rd->collect && rd->count)
                    break; /* an import stops at the first error */
            }
            rd_pop(rd, s);
        }
    }
    json_decref(root);
    if (rd->count || rd->oom) {
        recert_roster_free(r);
        return rd->oom ? RECERT_ENOMEM : rd->first_code;
    }
    *out = r;
    return RECERT_OK;
}

int recert_roster_from_json_catalog(recert_roster **out, const char *text, size_t len,
                                    const recert_catalog *catalog)
{
    if (!out)
        return rc_fail(RECERT_EINVAL, NULL, "out is NULL");
    *out = NULL;
    rc_reader rd;
    rd_init(&rd, false);
    int rc = read_records(&rd, text, len, catalog, out);
    if (rc != RECERT_OK)
        rc = rd_finish(&rd);
    rd_free(&rd);
    return rc;
}

int recert_roster_from_json(recert_roster **out, const char *text, size_t len)
{
    return recert_roster_from_json_catalog(out, text, len, NULL);
}

int recert_evaluate_json(char **out, const char *records, size_t len, const char *as_of)
{
    if (!out)
        return rc_fail(RECERT_EINVAL, NULL, "out is NULL");
    *out = NULL;
    if (!as_of)
        return rc_fail(RECERT_EINVAL, NULL, "as_of is NULL: give the evaluation day as YYYY-MM-DD");
    int32_t T;
    int rc = recert_date_parse(&T, as_of);
    if (rc == RECERT_ERANGE)
        return rc_fail(RECERT_ERANGE, NULL, "as_of: out of range 1900-01-01..9999-12-31: \"%.*s\"", RC_SHOWN(as_of));
    if (rc != RECERT_OK)
        return rc_fail(RECERT_EINVAL, NULL, "as_of: not a valid date: \"%.*s\"", RC_SHOWN(as_of));
    recert_roster *r;
    if ((rc = recert_roster_from_json(&r, records, len)) != RECERT_OK)
        return rc;
    recert_report *rep;
    rc = recert_roster_evaluate(&rep, r, T);
    recert_roster_free(r);
    if (rc != RECERT_OK)
        return rc;
    rc = recert_report_to_json(out, rep, 0);
    recert_report_free(rep);
    return rc;
}

int recert_validate_json(char **out, const char *records, size_t len)
{
    return recert_validate_json_catalog(out, records, len, NULL);
}

int recert_validate_json_catalog(char **out, const char *records, size_t len, const recert_catalog *catalog)
{
    if (!out)
        return rc_fail(RECERT_EINVAL, NULL, "out is NULL");
    *out = NULL;
    if (!records)
        return rc_fail(RECERT_EINVAL, NULL, "records is NULL");
    rc_reader rd;
    rd_init(&rd, true);
    recert_roster *r = NULL;
    int rc = read_records(&rd, records, len, catalog, &r);
    recert_roster_free(r);
    if (rd.oom || rc == RECERT_ENOMEM) {
        rd_free(&rd);
        return rc_oom();
    }
    /* "out of memory" only when memory ran out: json_pack also fails on a
     * string that is not UTF-8, which the library never writes (error.c
     * makes every path and message valid UTF-8), so that would be a bug of
     * its own, said as such. The dump cannot fail otherwise: its strings
     * were checked by json_pack. */
    json_t *list = json_array();
    bool internal = false;
    for (size_t i = 0; list && i < rd.error_n; i++) {
        const rd_error *re = &rd.errors[i];
        json_t *e = json_pack("{s:s, s:s}", "path", re->path, "message", re->message);
        if (!e && (!rc_utf8_valid(re->path, strlen(re->path)) || !rc_utf8_valid(re->message, strlen(re->message))))
            internal = true;
        if (!e || json_array_append_new(list, e) != 0) {
            json_decref(list);
            list = NULL;
        }
    }
    if (list)
        *out = rd_dumps(list, JSON_COMPACT);
    json_decref(list);
    int first = rd_finish(&rd);
    rd_free(&rd);
    if (internal)
        return rc_fail(RECERT_EINVAL, NULL, "internal error: an error message is not valid UTF-8 (a librecert bug)");
    if (!*out)
        return rc_oom();
    return first;
}

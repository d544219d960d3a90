/*
 * Writing JSON text: the report document (docs/format.md "Report document") and
 * the records document again (export: exactly the members given, in the
 * format's order, x- members after the known ones). A small streaming writer
 * of our own, so that amounts are exact decimals ("2.0", "0.025").
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"

typedef struct jw {
    rc_buf b;
    bool pretty;
    int depth;
    bool first;     /* no element yet at this level */
    bool after_key; /* a value follows its key */
} jw;

static void jw_newline(jw *w)
{
    if (!w->pretty)
        return;
    rc_buf_putc(&w->b, '\n');
    for (int i = 0; i < w->depth; i++)
        rc_buf_put(&w->b, "  ", 2);
}

/* Before a value: a comma and a new line, unless it follows its key. */
static void jw_value(jw *w)
{
    if (w->after_key) {
        w->after_key = false;
        return;
    }
    if (!w->first)
        rc_buf_putc(&w->b, ',');
    if (w->depth)
        jw_newline(w);
    w->first = false;
}

static void jw_string_raw(jw *w, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    rc_buf_putc(&w->b, '"');
    const char *run = s;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        rc_buf_put(&w->b, run, (size_t)(s - run));
        run = s + 1;
        switch (c) {
        case '"': rc_buf_put(&w->b, "\\\"", 2); break;
        case '\\': rc_buf_put(&w->b, "\\\\", 2); break;
        case '\n': rc_buf_put(&w->b, "\\n", 2); break;
        case '\r': rc_buf_put(&w->b, "\\r", 2); break;
        case '\t': rc_buf_put(&w->b, "\\t", 2); break;
        default: {
            char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            rc_buf_put(&w->b, u, 6);
        }
        }
    }
    rc_buf_put(&w->b, run, (size_t)(s - run));
    rc_buf_putc(&w->b, '"');
}

static void jw_key(jw *w, const char *k)
{
    jw_value(w);
    jw_string_raw(w, k);
    rc_buf_put(&w->b, w->pretty ? ": " : ":", w->pretty ? 2 : 1);
    w->after_key = true;
}

static void jw_open(jw *w, char c)
{
    jw_value(w);
    rc_buf_putc(&w->b, c);
    w->depth++;
    w->first = true;
}

static void jw_close(jw *w, char c)
{
    w->depth--;
    if (!w->first)
        jw_newline(w);
    rc_buf_putc(&w->b, c);
    w->first = false;
}

static void jw_str(jw *w, const char *s)
{
    jw_value(w);
    if (s)
        jw_string_raw(w, s);
    else
        rc_buf_put(&w->b, "null", 4);
}

static void jw_raw(jw *w, const char *text)
{
    jw_value(w);
    rc_buf_puts(&w->b, text);
}

static void jw_int(jw *w, int64_t v)
{
    char t[32];
    snprintf(t, sizeof t, "%lld", (long long)v);
    jw_raw(w, t);
}

static void jw_bool(jw *w, bool v)
{
    jw_raw(w, v ? "true" : "false");
}

static void jw_date(jw *w, int32_t d)
{
    char t[RECERT_DATE_BUFSIZE];
    if (d == RECERT_DAY_NONE || recert_date_format(t, sizeof t, d) != RECERT_OK)
        jw_raw(w, "null");
    else
        jw_str(w, t);
}

static void jw_amount(jw *w, int64_t centihours, int64_t per_hour)
{
    char t[64];
    if (recert_amount_format(t, sizeof t, centihours, per_hour) != RECERT_OK)
        w->b.failed = true;
    jw_raw(w, t);
}

static void kv_str(jw *w, const char *k, const char *v)
{
    jw_key(w, k);
    jw_str(w, v);
}

static void kv_date(jw *w, const char *k, int32_t d)
{
    jw_key(w, k);
    jw_date(w, d);
}

static void kv_int(jw *w, const char *k, int64_t v)
{
    jw_key(w, k);
    jw_int(w, v);
}

static void kv_x(jw *w, const rc_xlist *x)
{
    for (size_t i = 0; i < x->n; i++) {
        jw_key(w, x->v[i].key);
        jw_raw(w, x->v[i].json);
    }
}

static int jw_finish(jw *w, char **out)
{
    if (w->pretty)
        rc_buf_putc(&w->b, '\n');
    return rc_buf_finish(&w->b, out);
}

/* ---- the report document ------------------------------------------------------- */

static void write_entry(jw *w, const rc_entry *e)
{
    static const char *const date_names[] = {"cycle_start", "expires", "credit_deadline", "on_time_deadline",
                                             "late_fee_deadline", "final_deadline", "cpr_aed_expires",
                                             "audit_documents_due", "exam_deadline"};
    jw_open(w, '{');
    kv_str(w, "id", e->id);
    kv_str(w, "policy", e->policy);
    if (e->versioned) /* only for a policy with dated versions (§11a) */
        kv_date(w, "policy_effective", e->effective);
    kv_str(w, "status", recert_status_name(e->status));
    jw_key(w, "certified");
    jw_bool(w, e->certified);
    kv_str(w, "path", recert_path_name(e->path));

    jw_key(w, "dates");
    jw_open(w, '{');
    for (int i = 0; i < 9; i++)
        kv_date(w, date_names[i], e->dates[i]);
    jw_close(w, '}');

    jw_key(w, "credits");
    jw_open(w, '{');
    kv_str(w, "unit", e->unit);
    static const char *const credit_names[] = {"required", "earned", "pending", "shortfall"};
    for (int i = 0; i < RC_CREDITS_N; i++) {
        jw_key(w, credit_names[i]);
        jw_amount(w, e->credits[i], e->per_hour);
    }
    jw_key(w, "counted");
    jw_open(w, '[');
    for (size_t i = 0; i < e->counted_n; i++)
        jw_str(w, e->counted[i]);
    jw_close(w, ']');
    kv_str(w, "cpr_aed", recert_cpr_aed_state_name(e->cpr));
    if (e->cat_n) { /* only for a policy with credit categories (§4a) */
        jw_key(w, "categories");
        jw_open(w, '[');
        for (size_t i = 0; i < e->cat_n; i++) {
            const rc_category_out *k = &e->cats[i];
            jw_open(w, '{');
            kv_str(w, "id", k->id);
            jw_key(w, "earned");
            jw_amount(w, k->earned, e->per_hour);
            jw_key(w, "min");
            jw_amount(w, k->min, e->per_hour);
            jw_key(w, "max");
            if (k->max < 0)
                jw_raw(w, "null");
            else
                jw_amount(w, k->max, e->per_hour);
            jw_close(w, '}');
        }
        jw_close(w, ']');
    }
    jw_close(w, '}');

    jw_key(w, "fees");
    jw_open(w, '{');
    kv_str(w, "currency", e->currency);
    kv_str(w, "tier", e->tier);
    kv_int(w, "renewal_cents", e->fees[RECERT_FEE_RENEWAL]);
    kv_int(w, "late_cents", e->fees[RECERT_FEE_LATE]);
    kv_int(w, "total_cents", e->fees[RECERT_FEE_TOTAL]);
    kv_int(w, "petition_cents", e->fees[RECERT_FEE_PETITION]);
    jw_close(w, '}');

    jw_key(w, "audit");
    jw_open(w, '{');
    kv_str(w, "state", recert_audit_state_name(e->audit));
    kv_date(w, "documents_due", e->dates[RECERT_DATE_AUDIT_DOCUMENTS_DUE]);
    jw_close(w, '}');

    jw_key(w, "notices");
    jw_open(w, '[');
    for (size_t i = 0; i < e->notice_n; i++) {
        const rc_notice *n = &e->notices[i];
        jw_open(w, '{');
        kv_str(w, "code", recert_notice_code_name(n->code));
        if (n->credit)
            kv_str(w, "credit", n->credit);
        char text[RC_NOTICE_TEXT_MAX];
        rc_notice_text(text, e, n);
        kv_str(w, "message", text);
        jw_close(w, '}');
    }
    jw_close(w, ']');

    if (e->status == RECERT_STATUS_RENEWED) {
        jw_key(w, "next_cycle");
        jw_open(w, '{');
        kv_date(w, "cycle_start", e->dates[RECERT_DATE_NEXT_CYCLE_START]);
        kv_date(w, "expires", e->dates[RECERT_DATE_NEXT_CYCLE_EXPIRES]);
        jw_close(w, '}');
    }
    if (e->group_n) {
        jw_key(w, "renewal_group");
        jw_open(w, '[');
        for (size_t i = 0; i < e->group_n; i++)
            jw_str(w, e->group[i]);
        jw_close(w, ']');
    }
    jw_close(w, '}');
}

int recert_report_to_json(char **out, const recert_report *report, unsigned flags)
{
    if (!out)
        return rc_fail(RECERT_EINVAL, NULL, "out is NULL");
    *out = NULL;
    if (!report)
        return rc_fail(RECERT_EINVAL, NULL, "report is NULL");
    jw w = {.pretty = (flags & RECERT_JSON_PRETTY) != 0, .first = true};
    jw_open(&w, '{');
    kv_int(&w, "recert", 1);
    kv_date(&w, "as_of", report->as_of);
    jw_key(&w, "holders");
    jw_open(&w, '[');
    for (size_t h = 0; h < report->n; h++) {
        const rc_report_holder *rh = &report->holders[h];
        jw_open(&w, '{');
        kv_str(&w, "id", rh->id);
        jw_key(&w, "credentials");
        jw_open(&w, '[');
        for (size_t c = 0; c < rh->n; c++)
            write_entry(&w, &rh->entries[c]);
        jw_close(&w, ']');
        if (!rh->n && rh->credit_n) { /* credits that count towards nothing */
            jw_key(&w, "credits");
            jw_open(&w, '[');
            for (size_t k = 0; k < rh->credit_n; k++) {
                jw_open(&w, '{');
                kv_str(&w, "id", rh->credit_ids[k]);
                kv_str(&w, "reason", recert_credit_reason_name(RECERT_CREDIT_NO_CREDENTIAL));
                jw_close(&w, '}');
            }
            jw_close(&w, ']');
        }
        jw_close(&w, '}');
    }
    jw_close(&w, ']');
    jw_close(&w, '}');
    return jw_finish(&w, out);
}

/* ---- the records document (export) -------------------------------------------- */

/* An amount as it was given: hundredths, an integer unless it was written
 * with a decimal point. */
static void jw_given_amount(jw *w, int64_t hundredths, bool real)
{
    char t[48];
    int64_t whole = hundredths / 100, frac = hundredths % 100;
    if (!real && frac == 0)
        snprintf(t, sizeof t, "%lld", (long long)whole);
    else if (frac % 10 == 0)
        snprintf(t, sizeof t, "%lld.%lld", (long long)whole, (long long)(frac / 10));
    else
        snprintf(t, sizeof t, "%lld.%02lld", (long long)whole, (long long)frac);
    jw_raw(w, t);
}

static void write_credential(jw *w, const recert_credential *c)
{
    static const char *const decisions[] = {"pending", "accepted", "rejected"};
    static const char *const outcomes[] = {NULL, "passed", "failed"};
    jw_open(w, '{');
    kv_str(w, "id", c->id);
    kv_str(w, "policy", c->policy);
    if (c->number)
        kv_str(w, "number", c->number);
    kv_date(w, "certified", c->certified);
    if (c->cycle_start != RECERT_DAY_NONE)
        kv_date(w, "cycle_start", c->cycle_start);
    if (c->expires != RECERT_DAY_NONE)
        kv_date(w, "expires", c->expires);
    if (c->has_app) {
        jw_key(w, "application");
        jw_open(w, '{');
        kv_date(w, "received", c->app_received);
        if (c->app_decision >= 0)
            kv_str(w, "decision", decisions[c->app_decision]);
        if (c->app_decided != RECERT_DAY_NONE)
            kv_date(w, "decided", c->app_decided);
        kv_x(w, &c->app_x);
        jw_close(w, '}');
    }
    if (c->has_audit) {
        jw_key(w, "audit");
        jw_open(w, '{');
        kv_date(w, "selected", c->audit_selected);
        if (c->audit_docs != RECERT_DAY_NONE)
            kv_date(w, "documents_received", c->audit_docs);
        if (c->audit_outcome > 0)
            kv_str(w, "outcome", outcomes[c->audit_outcome]);
        if (c->audit_decided != RECERT_DAY_NONE)
            kv_date(w, "decided", c->audit_decided);
        kv_x(w, &c->audit_x);
        jw_close(w, '}');
    }
    if (c->has_exam) {
        jw_key(w, "exam");
        jw_open(w, '{');
        kv_date(w, "passed", c->exam_passed);
        kv_x(w, &c->exam_x);
        jw_close(w, '}');
    }
    kv_x(w, &c->x);
    jw_close(w, '}');
}

static void write_credit(jw *w, const recert_credit *k)
{
    static const char *const statuses[] = {NULL, "pending", "approved", "denied"};
    jw_open(w, '{');
    kv_str(w, "id", k->id);
    if (k->title)
        kv_str(w, "title", k->title);
    if (k->provider)
        kv_str(w, "provider", k->provider);
    kv_date(w, "completed", k->completed);
    if (!k->unit) {
        jw_key(w, "hours");
        jw_given_amount(w, k->amount, k->amount_real);
    } else {
        jw_key(w, "amount");
        jw_given_amount(w, k->amount, k->amount_real);
        kv_str(w, "unit", k->unit);
    }
    if (k->approval >= 0)
        kv_str(w, "approval", k->approval ? "not_preapproved" : "preapproved");
    if (k->petition != RECERT_PETITION_NONE) {
        jw_key(w, "petition");
        jw_open(w, '{');
        kv_date(w, "filed", k->petition_filed);
        kv_str(w, "status", statuses[k->petition]);
        if (k->petition_decided != RECERT_DAY_NONE)
            kv_date(w, "decided", k->petition_decided);
        kv_x(w, &k->petition_x);
        jw_close(w, '}');
    }
    if (k->applies_n >= 0) {
        jw_key(w, "applies_to");
        jw_open(w, '[');
        for (long i = 0; i < k->applies_n; i++)
            jw_str(w, k->applies_to[i]);
        jw_close(w, ']');
    }
    if (k->category)
        kv_str(w, "category", k->category);
    kv_x(w, &k->x);
    jw_close(w, '}');
}

static void write_cpr(jw *w, const rc_cpr *r)
{
    jw_open(w, '{');
    kv_date(w, "completed", r->completed);
    kv_date(w, "expires", r->expires);
    if (r->hands_on >= 0) {
        jw_key(w, "hands_on");
        jw_bool(w, r->hands_on);
    }
    if (r->adult >= 0) {
        jw_key(w, "adult_cpr_aed");
        jw_bool(w, r->adult);
    }
    kv_x(w, &r->x);
    jw_close(w, '}');
}

int recert_roster_to_json(char **out, const recert_roster *roster, unsigned flags)
{
    if (!out)
        return rc_fail(RECERT_EINVAL, NULL, "out is NULL");
    *out = NULL;
    if (!roster)
        return rc_fail(RECERT_EINVAL, NULL, "roster is NULL");
    jw w = {.pretty = (flags & RECERT_JSON_PRETTY) != 0, .first = true};
    jw_open(&w, '{');
    kv_int(&w, "recert", 1);
    if (roster->has_policies || roster->pol_n) {
        jw_key(&w, "policies");
        jw_open(&w, '[');
        for (size_t i = 0; i < roster->pol_n; i++)
            jw_raw(&w, roster->pol[i]->json);
        jw_close(&w, ']');
    }
    jw_key(&w, "holders");
    jw_open(&w, '[');
    for (size_t i = 0; i < roster->n; i++) {
        const recert_holder *h = &roster->holders[i];
        jw_open(&w, '{');
        kv_str(&w, "id", h->id);
        if (h->name)
            kv_str(&w, "name", h->name);
        if (h->has_credentials || h->cred_n) {
            jw_key(&w, "credentials");
            jw_open(&w, '[');
            for (size_t c = 0; c < h->cred_n; c++)
                write_credential(&w, &h->cred[c]);
            jw_close(&w, ']');
        }
        if (h->has_credits || h->credit_n) {
            jw_key(&w, "credits");
            jw_open(&w, '[');
            for (size_t k = 0; k < h->credit_n; k++)
                write_credit(&w, &h->credit[k]);
            jw_close(&w, ']');
        }
        if (h->cpr_n) {
            bool list = h->cpr_list || h->cpr_n > 1; /* one object stays an object */
            jw_key(&w, "cpr_aed");
            if (list)
                jw_open(&w, '[');
            for (size_t k = 0; k < h->cpr_n; k++)
                write_cpr(&w, &h->cpr[k]);
            if (list)
                jw_close(&w, ']');
        } else if (h->cpr_list) {
            jw_key(&w, "cpr_aed");
            jw_open(&w, '[');
            jw_close(&w, ']');
        }
        kv_x(&w, &h->x);
        jw_close(&w, '}');
    }
    jw_close(&w, ']');
    kv_x(&w, &roster->x);
    jw_close(&w, '}');
    return jw_finish(&w, out);
}

/*
 * The report handle: plain values (day numbers, centihours, cents, enums)
 * in one arena per report, and their getters. The names of the enums'
 * values, as the report document writes them.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ---- arena ---------------------------------------------------------------- */

struct rc_arena_chunk {
    rc_arena_chunk *next;
    size_t size;
    /* data follows, 16-aligned */
};

#define CHUNK_HEADER ((sizeof(rc_arena_chunk) + 15u) & ~(size_t)15u)

void *rc_arena_alloc(rc_arena *a, size_t size)
{
    size = (size + 7u) & ~(size_t)7u;
    if (size > a->left) {
        /* Chunks grow geometrically (32 KB .. 4 MB): few large mallocs, so
         * glibc rarely consolidates its fast bins. */
        size_t want = a->head ? a->head->size * 2 : 32768;
        if (want > 4u << 20)
            want = 4u << 20;
        if (want < size)
            want = size;
        rc_arena_chunk *c = malloc(CHUNK_HEADER + want);
        if (!c)
            return NULL;
        c->next = a->head;
        c->size = want;
        a->head = c;
        a->cur = (char *)c + CHUNK_HEADER;
        a->left = want;
    }
    void *p = a->cur;
    a->cur += size;
    a->left -= size;
    return p;
}

char *rc_arena_strdup(rc_arena *a, const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = rc_arena_alloc(a, n);
    if (d)
        memcpy(d, s, n);
    return d;
}

void rc_arena_free(rc_arena *a)
{
    rc_arena_chunk *c = a->head;
    while (c) {
        rc_arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    memset(a, 0, sizeof *a);
}

void recert_report_free(recert_report *report)
{
    if (!report)
        return;
    if (report->messages) /* notice messages written on request */
        for (size_t h = 0; h < report->n; h++)
            for (size_t c = 0; c < report->holders[h].n; c++) {
                const rc_entry *e = &report->holders[h].entries[c];
                for (size_t i = 0; i < e->notice_n; i++)
                    free(e->notices[i].message);
            }
    rc_arena_free(&report->arena);
    rc_intern_free(&report->strings);
    free(report);
}

/* ---- names ---------------------------------------------------------------- */

#define NAME_TABLE(fn, ...)                                             \
    const char *fn(int v)                                               \
    {                                                                   \
        static const char *const names[] = {__VA_ARGS__};               \
        return v >= 0 && (size_t)v < sizeof names / sizeof *names ? names[v] : NULL; \
    }

NAME_TABLE(recert_status_name, "renewed", "submitted", "eligible", "in_progress", "late", "lapsed")
NAME_TABLE(recert_path_name, NULL, "credits", "exam")
NAME_TABLE(recert_cpr_aed_state_name, "current", "not_hands_on", "expired", "missing", "not_required", "expiring")
NAME_TABLE(recert_audit_state_name, "none", "documents_due", "overdue", "under_review", "passed", "failed")
NAME_TABLE(recert_credit_reason_name, "counted", "counted_in_group", "pending", "not_applicable", "not_yet",
           "before_cycle", "after_deadline", "after_application", "petition_required", "petition_denied",
           "over_category_max", "no_credential")
NAME_TABLE(recert_notice_code_name, "petition_required", "petition_pending", "petition_denied",
           "credit_outside_window", "cpr_aed_expires_before_deadline", "hands_on_assessment_recommended",
           "audit_documents_due", "audit_overdue", "category_minimum", "category_maximum")

/* ---- getters -------------------------------------------------------------- */

static const rc_entry *entry(const recert_report *r, size_t h, size_t c)
{
    if (!r || h >= r->n || c >= r->holders[h].n)
        return NULL;
    return &r->holders[h].entries[c];
}

int32_t recert_report_as_of(const recert_report *report)
{
    return report ? report->as_of : RECERT_DAY_NONE;
}

size_t recert_report_holder_count(const recert_report *report)
{
    return report ? report->n : 0;
}

const char *recert_report_holder_id(const recert_report *report, size_t h)
{
    return report && h < report->n ? report->holders[h].id : NULL;
}

size_t recert_report_credential_count(const recert_report *report, size_t h)
{
    return report && h < report->n ? report->holders[h].n : 0;
}

#define ENTRY_GET(type, name, expr, none)                                        \
    type recert_report_##name(const recert_report *report, size_t h, size_t c) \
    {                                                                          \
        const rc_entry *e = entry(report, h, c);                               \
        return e ? (expr) : (none);                                            \
    }

ENTRY_GET(const char *, credential_id, e->id, NULL)
ENTRY_GET(const char *, policy_id, e->policy, NULL)
ENTRY_GET(int, status, e->status, -1)
ENTRY_GET(int, certified, e->certified, -1)
ENTRY_GET(int, path, e->path, -1)
ENTRY_GET(const char *, unit, e->unit, NULL)
ENTRY_GET(int64_t, unit_per_hour, e->per_hour, 0)
ENTRY_GET(size_t, counted_count, e->counted_n, 0)
ENTRY_GET(int, cpr_aed, e->cpr, -1)
ENTRY_GET(const char *, currency, e->currency, NULL)
ENTRY_GET(int, tier_kind, e->tier_kind, -1)
ENTRY_GET(const char *, tier, e->tier, NULL)
ENTRY_GET(int, audit, e->audit, -1)
ENTRY_GET(size_t, group_count, e->group_n, 0)
ENTRY_GET(size_t, notice_count, e->notice_n, 0)

int32_t recert_report_date(const recert_report *report, size_t h, size_t c, recert_date_kind which)
{
    const rc_entry *e = entry(report, h, c);
    return e && (unsigned)which < RC_DATE_N ? e->dates[which] : RECERT_DAY_NONE;
}

int64_t recert_report_credits(const recert_report *report, size_t h, size_t c, recert_credits_kind which)
{
    const rc_entry *e = entry(report, h, c);
    return e && (unsigned)which < RC_CREDITS_N ? e->credits[which] : -1;
}

int64_t recert_report_fee(const recert_report *report, size_t h, size_t c, recert_fee_kind which)
{
    const rc_entry *e = entry(report, h, c);
    return e && (unsigned)which < RC_FEES_N ? e->fees[which] : -1;
}

const char *recert_report_counted_at(const recert_report *report, size_t h, size_t c, size_t i)
{
    const rc_entry *e = entry(report, h, c);
    return e && i < e->counted_n ? e->counted[i] : NULL;
}

const char *recert_report_group_at(const recert_report *report, size_t h, size_t c, size_t i)
{
    const rc_entry *e = entry(report, h, c);
    return e && i < e->group_n ? e->group[i] : NULL;
}

int recert_report_notice_code(const recert_report *report, size_t h, size_t c, size_t i)
{
    const rc_entry *e = entry(report, h, c);
    return e && i < e->notice_n ? e->notices[i].code : -1;
}

const char *recert_report_notice_credit(const recert_report *report, size_t h, size_t c, size_t i)
{
    const rc_entry *e = entry(report, h, c);
    return e && i < e->notice_n ? e->notices[i].credit : NULL;
}

const char *recert_report_notice_message(const recert_report *report, size_t h, size_t c, size_t i)
{
    const rc_entry *e = entry(report, h, c);
    return e && i < e->notice_n ? rc_notice_message(report, e, &e->notices[i]) : NULL;
}

size_t recert_report_credit_count(const recert_report *report, size_t h)
{
    return report && h < report->n ? report->holders[h].credit_n : 0;
}

const char *recert_report_credit_id(const recert_report *report, size_t h, size_t k)
{
    return report && h < report->n && k < report->holders[h].credit_n ? report->holders[h].credit_ids[k] : NULL;
}

int64_t recert_report_credit_amount(const recert_report *report, size_t h, size_t k)
{
    return report && h < report->n && k < report->holders[h].credit_n ? report->holders[h].credit_ch[k] : -1;
}

int recert_report_credit_reason(const recert_report *report, size_t h, size_t c, size_t k)
{
    if (report && h < report->n && !report->holders[h].n) /* no credential: c = 0 stands for none */
        return c == 0 && k < report->holders[h].credit_n ? RECERT_CREDIT_NO_CREDENTIAL : -1;
    const rc_entry *e = entry(report, h, c);
    return e && k < report->holders[h].credit_n ? e->why[k] : -1;
}

/* ---- §4a categories and §11a versions ---------------------------------------- */

size_t recert_report_category_count(const recert_report *report, size_t h, size_t c)
{
    const rc_entry *e = entry(report, h, c);
    return e ? e->cat_n : 0;
}

const char *recert_report_category_id(const recert_report *report, size_t h, size_t c, size_t i)
{
    const rc_entry *e = entry(report, h, c);
    return e && i < e->cat_n ? e->cats[i].id : NULL;
}

int64_t recert_report_category_amount(const recert_report *report, size_t h, size_t c, size_t i,
                                      recert_category_field which)
{
    const rc_entry *e = entry(report, h, c);
    if (!e || i >= e->cat_n)
        return -1;
    switch (which) {
    case RECERT_CATEGORY_EARNED: return e->cats[i].earned;
    case RECERT_CATEGORY_MIN: return e->cats[i].min;
    case RECERT_CATEGORY_MAX: return e->cats[i].max;
    default: return -1;
    }
}

int32_t recert_report_policy_effective(const recert_report *report, size_t h, size_t c)
{
    const rc_entry *e = entry(report, h, c);
    return e ? e->effective : RECERT_DAY_NONE;
}

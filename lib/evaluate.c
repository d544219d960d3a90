/*
 * The rules (docs/rules.md §3–§10), one holder at a time: for each credential
 * the cycle, the credits that count, CPR/AED, the paths; then renewal
 * groups; then status, fees, audit and notices. Each step is a small
 * function named after its section. Nothing here knows JSON.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

enum { F_COUNTED = 1, F_PENDING = 2 };

/* The notice an entry gives, found while its credits are counted (§4),
 * before renewal groups and categories change why it counts. */
enum { NOTE_NONE = 0, NOTE_OUTSIDE_WINDOW, NOTE_PETITION_REQUIRED, NOTE_PETITION_PENDING, NOTE_PETITION_DENIED };

/* What one credential's evaluation knows before it is written out. */
typedef struct cred_state {
    const recert_credential *c;
    const recert_policy *p;
    int32_t S, E, T, R;
    int32_t credit_deadline;   /* E + grace */
    int32_t final_deadline;    /* E + final offset, or E */
    int32_t window_end;        /* min(E + grace, R): credits count up to here */
    int32_t late_end;          /* the end of the first late window (NONE: none) */
    bool app;                  /* an application recorded as of T, not rejected */
    bool accepted, decided;    /* its decision as of T */
    bool exam;                 /* the exam path holds (§6) */
    int cpr;                   /* recert_cpr_aed_state on R */
    int32_t cpr_expires;
    bool cpr_hands_on;         /* a current record is hands-on */
    int64_t requirement;       /* credits required, without CPR/AED (group: highest) */
    int64_t *cat_earned;       /* §4a: per category of p, after the caps (report arena) */
    int64_t cat_short;         /* §4a: what the category minimums still need */
    int64_t counted, pending;  /* centihours (group: pooled) */
    int64_t petition_cents;
    unsigned char *flags;      /* per credit entry: F_COUNTED, F_PENDING (group: pooled) */
    unsigned char *why;        /* per credit entry: recert_credit_reason */
    unsigned char *note;       /* per credit entry: NOTE_* */
    size_t note_n;             /* entries with a note */
    size_t counted_n;          /* entries with F_COUNTED */
    int group;                 /* -1, or the index of the group's first member */
    size_t group_n;
    int status, path, tier_kind, audit;
    const char *tier;
    int64_t renewal_cents, late_cents;
} cred_state;

static int32_t min32(int32_t a, int32_t b)
{
    return a < b ? a : b;
}

/* ---- §1 and §7: the application and the reference day R --------------- */

/* "R is the day the renewal application was received when one is recorded
 * (and not rejected) as of T; otherwise R = T." An outcome with no date
 * counts from the application's receipt. */
static void application_as_of(cred_state *s)
{
    const recert_credential *c = s->c;
    s->R = s->T;
    if (!c->has_app || c->app_received > s->T)
        return;
    int32_t day = c->app_decided != RECERT_DAY_NONE ? c->app_decided : c->app_received;
    int decision = c->app_decision < 0 ? RECERT_DECISION_PENDING : c->app_decision;
    s->decided = decision != RECERT_DECISION_PENDING && day <= s->T;
    if (s->decided && decision == RECERT_DECISION_REJECTED)
        return; /* "as if none was received" */
    s->app = true;
    s->accepted = s->decided && decision == RECERT_DECISION_ACCEPTED;
    s->R = c->app_received;
}

/* ---- §7: deadlines ---------------------------------------------------- */

static int window_end_day(int32_t *end, const cred_state *s, const rc_late_window *w)
{
    if (!w->has_through) {
        *end = s->final_deadline;
        return RECERT_OK;
    }
    int rc = rc_date_add(end, s->E, w->through.years, w->through.months, w->through.days);
    if (rc == RECERT_OK && *end > s->final_deadline) /* "none runs past it" */
        *end = s->final_deadline;
    return rc;
}

static int deadlines(cred_state *s)
{
    const recert_policy *p = s->p;
    int rc = rc_date_add(&s->credit_deadline, s->E, 0, 0, p->grace_days);
    if (rc == RECERT_OK) {
        s->final_deadline = s->E;
        if (p->has_final)
            rc = rc_date_add(&s->final_deadline, s->E, p->final_deadline.years, p->final_deadline.months,
                             p->final_deadline.days);
    }
    return rc;
}

/* ---- §5: CPR/AED on the reference day ------------------------------------ */

static bool waiver_accepts(const recert_policy *p, int32_t completed)
{
    for (size_t i = 0; i < p->waiver_n; i++) {
        const rc_waiver *w = &p->waivers[i];
        if (completed >= w->from && (w->through == RECERT_DAY_NONE || completed <= w->through))
            return true;
    }
    return false;
}

static void cpr_aed_state(cred_state *s, const recert_holder *h)
{
    if (!s->p->cpr_required) {
        s->cpr = RECERT_CPR_AED_NOT_REQUIRED;
        s->cpr_expires = RECERT_DAY_NONE;
        return;
    }
    /* current, expiring (§5a), not_hands_on, expired: the first one held wins */
    int32_t best[4] = {RECERT_DAY_NONE, RECERT_DAY_NONE, RECERT_DAY_NONE, RECERT_DAY_NONE};
    int64_t valid_through = (int64_t)s->R + s->p->cpr_valid_days; /* §5a: valid at least this long */
    bool any = false;
    for (size_t i = 0; i < h->cpr_n; i++) {
        const rc_cpr *r = &h->cpr[i];
        if (r->completed > s->R)
            continue; /* not yet taken on R */
        any = true;
        bool hands_on = r->hands_on != 0;
        bool adult = r->adult != 0;
        int state;
        if (r->expires < s->R)
            state = 3;
        else if (hands_on || (adult && waiver_accepts(s->p, r->completed)))
            state = r->expires < valid_through ? 1 : 0;
        else
            state = 2;
        if (best[state] == RECERT_DAY_NONE || r->expires > best[state])
            best[state] = r->expires;
        if (state == 0 && hands_on)
            s->cpr_hands_on = true;
    }
    static const int states[4] = {RECERT_CPR_AED_CURRENT, RECERT_CPR_AED_EXPIRING, RECERT_CPR_AED_NOT_HANDS_ON,
                                  RECERT_CPR_AED_EXPIRED};
    s->cpr = RECERT_CPR_AED_MISSING;
    s->cpr_expires = RECERT_DAY_NONE;
    for (int i = 0; any && i < 4; i++)
        if (best[i] != RECERT_DAY_NONE) {
            s->cpr = states[i];
            s->cpr_expires = best[i];
            break;
        }
}

/* ---- §4: credits that count -------------------------------------------- */

/* The petition of a not-preapproved entry as of T: NONE when none was
 * filed by T; a decision dated after T is still pending. */
static int petition_as_of(const rc_credit_hot *k, int32_t T)
{
    if (k->petition == RECERT_PETITION_NONE || k->petition_filed > T)
        return RECERT_PETITION_NONE;
    if (k->petition != RECERT_PETITION_PENDING && k->petition_decided != RECERT_DAY_NONE &&
        k->petition_decided > T)
        return RECERT_PETITION_PENDING;
    return k->petition;
}

/* "Its completion day C is in the window S <= C <= min(E + grace, R, T)"
 * and "it is approved for that policy". The values are kept in locals: the
 * stores through the byte arrays could alias anything. */
static void credits_that_count(cred_state *s, const recert_holder *h)
{
    const int32_t S = s->S, T = s->T, deadline = s->credit_deadline;
    const int32_t window_end = s->window_end = min32(deadline, s->R);
    const int32_t fee_end = min32(deadline, T);
    const bool petitions = s->p->unapproved == RECERT_UNAPPROVED_PETITION, app = s->app;
    const int64_t fee = s->p->petition_cents;
    const uint64_t cbit = (uint64_t)1 << (s->c - h->cred); /* the credential's bit in applies_to */
    unsigned char *flags = s->flags, *why = s->why, *note = s->note;
    int64_t counted = 0, pending = 0, petition_cents = 0;
    size_t counted_n = 0, note_n = 0;
    for (size_t i = 0, n = h->credit_n; i < n; i++) {
        const rc_credit_hot *k = &h->hot[i];
        const int32_t C = k->completed;
        unsigned char f = 0, w, nt = NOTE_NONE;
        if (k->applies_listed && !(k->applies & cbit)) {
            w = RECERT_CREDIT_NOT_APPLICABLE;
        } else if (C > T) {
            w = RECERT_CREDIT_NOT_YET;
        } else {
            /* "gets the notice credit_outside_window while no application is recorded" */
            if (C > deadline && !app)
                nt = NOTE_OUTSIDE_WINDOW;
            bool petition = petitions && k->approval == RECERT_APPROVAL_NOT_PREAPPROVED;
            int pst = petition ? petition_as_of(k, T) : RECERT_PETITION_NONE;
            /* §7: petition fees of petitions filed by T, completed S..min(E+grace, T). */
            if (petition && pst != RECERT_PETITION_NONE && C >= S && C <= fee_end)
                petition_cents += fee;
            if (C < S) {
                w = RECERT_CREDIT_BEFORE_CYCLE;
            } else if (C > deadline) {
                w = RECERT_CREDIT_AFTER_DEADLINE;
            } else if (C > window_end) {
                w = RECERT_CREDIT_AFTER_APPLICATION;
            } else if (!petition || pst == RECERT_PETITION_APPROVED) {
                f = F_COUNTED;
                w = RECERT_CREDIT_COUNTED;
                counted += k->ch;
                counted_n++;
            } else if (pst == RECERT_PETITION_PENDING) {
                f = F_PENDING;
                w = RECERT_CREDIT_PENDING;
                pending += k->ch;
                nt = NOTE_PETITION_PENDING; /* petition notices: entries inside the window */
            } else if (pst == RECERT_PETITION_DENIED) {
                w = RECERT_CREDIT_PETITION_DENIED;
                nt = NOTE_PETITION_DENIED;
            } else {
                w = RECERT_CREDIT_PETITION_REQUIRED;
                nt = NOTE_PETITION_REQUIRED;
            }
        }
        flags[i] = f;
        why[i] = w;
        note[i] = nt;
        note_n += nt != NOTE_NONE;
    }
    s->counted += counted;
    s->pending += pending;
    s->petition_cents += petition_cents;
    s->counted_n = counted_n;
    s->note_n = note_n;
}

/* ---- §6: the exam path and renewal groups ------------------------------ */

/* "the exam was passed on a day P with S <= P <= E (and P <= T)" */
static bool exam_path(const cred_state *s)
{
    const recert_credential *c = s->c;
    return s->p->exam_path && c->has_exam && c->exam_passed >= s->S && c->exam_passed <= s->E &&
           c->exam_passed <= s->T;
}

static bool may_group(const cred_state *a)
{
    return a->p->combine_group && !a->exam && a->R <= a->final_deadline;
}

static bool same_group(const cred_state *a, const cred_state *b)
{
    return strcmp(a->p->combine_group, b->p->combine_group) == 0 && a->E == b->E && a->R == b->R;
}

/* "Their counted credits are pooled, each entry once; the requirement of
 * every member is the highest requirement among them." An entry pending for
 * one member and counted for another is counted. */
static void renewal_groups(cred_state *st, size_t n, size_t credit_n)
{
    for (size_t i = 0; i < n; i++) {
        if (st[i].group >= 0 || !may_group(&st[i]))
            continue;
        size_t members = 1;
        for (size_t j = i + 1; j < n; j++)
            if (st[j].group < 0 && may_group(&st[j]) && same_group(&st[i], &st[j]))
                members++;
        if (members < 2)
            continue;
        int64_t highest = st[i].requirement;
        st[i].group = (int)i;
        for (size_t j = i + 1; j < n; j++)
            if (st[j].group < 0 && may_group(&st[j]) && same_group(&st[i], &st[j])) {
                st[j].group = (int)i;
                if (st[j].requirement > highest)
                    highest = st[j].requirement;
            }
        /* Pool into member i's flags, then share. */
        unsigned char *pool = st[i].flags;
        for (size_t j = i + 1; j < n; j++) {
            if (st[j].group != (int)i)
                continue;
            for (size_t k = 0; k < credit_n; k++)
                pool[k] |= st[j].flags[k];
        }
        for (size_t k = 0; k < credit_n; k++)
            if (pool[k] & F_COUNTED)
                pool[k] = F_COUNTED;
        for (size_t j = i; j < n; j++) {
            if (st[j].group != (int)i)
                continue;
            if (j != i)
                memcpy(st[j].flags, pool, credit_n);
            for (size_t k = 0; k < credit_n; k++) {
                if ((pool[k] & F_COUNTED) && st[j].why[k] != RECERT_CREDIT_COUNTED)
                    st[j].why[k] = RECERT_CREDIT_COUNTED_IN_GROUP;
                else if (pool[k] == F_PENDING)
                    st[j].why[k] = RECERT_CREDIT_PENDING;
            }
            st[j].requirement = highest;
            st[j].group_n = members;
        }
    }
}

/* ---- §3b: proration ---------------------------------------------------- */

/* A first cycle (S = certified) that starts after P, the start of the full
 * period ending on E, requires the credits_required of the last step whose
 * day P + from is <= S; otherwise the policy's credits_required. */
static int64_t requirement_of(const cred_state *s)
{
    const recert_policy *p = s->p;
    if (!p->pro_n || s->S != s->c->certified)
        return p->required;
    int32_t P, day;
    bool full;
    if (rc_period_start(&P, &full, s->S, s->E, p) != RECERT_OK || full || s->S <= P)
        return p->required;
    int64_t required = p->required;
    for (size_t i = 0; i < p->pro_n; i++) {
        const rc_offset *o = &p->pro[i].from;
        if (rc_date_add(&day, P, o->years, o->months, o->days) == RECERT_OK && day <= s->S)
            required = p->pro[i].required;
    }
    return required;
}

/* ---- §4a: credit categories ---------------------------------------------- */

/* Among the entries that count, a category's entries contribute, in input
 * order, at most its max; an entry with no room left does not count. The
 * minimums not yet met add up in cat_short. false: no memory. */
static bool categories(cred_state *s, const recert_holder *h, rc_arena *a)
{
    const recert_policy *p = s->p;
    s->cat_short = 0;
    if (!p->cat_n)
        return true;
    s->cat_earned = rc_arena_alloc(a, p->cat_n * sizeof *s->cat_earned);
    if (!s->cat_earned)
        return false;
    memset(s->cat_earned, 0, p->cat_n * sizeof *s->cat_earned);
    for (size_t i = 0; i < h->credit_n; i++) {
        if (!(s->flags[i] & F_COUNTED))
            continue;
        int j = rc_policy_category_index(p, h->credit[i].category);
        if (j < 0)
            continue;
        int64_t ch = h->hot[i].ch, max = p->cat[j].max;
        if (max >= 0 && ch > max - s->cat_earned[j]) {
            int64_t room = max - s->cat_earned[j];
            s->counted -= ch - room;
            ch = room;
            if (room == 0) {
                s->flags[i] &= (unsigned char)~F_COUNTED;
                s->counted_n--;
                s->why[i] = RECERT_CREDIT_OVER_CATEGORY_MAX;
            }
        }
        s->cat_earned[j] += ch;
    }
    for (size_t j = 0; !s->exam && j < p->cat_n; j++)
        if (s->cat_earned[j] < p->cat[j].min)
            s->cat_short += p->cat[j].min - s->cat_earned[j];
    return true;
}

/* ---- §8: status -------------------------------------------------------- */

static int status_of(const cred_state *s)
{
    if (s->accepted)
        return RECERT_STATUS_RENEWED;
    if (s->app)
        return RECERT_STATUS_SUBMITTED;
    if (s->T <= s->E)
        return s->path != RECERT_PATH_NONE ? RECERT_STATUS_ELIGIBLE : RECERT_STATUS_IN_PROGRESS;
    bool met = (s->counted >= s->requirement && s->cat_short == 0) || s->exam;
    if (s->T <= s->final_deadline && (met || s->T <= s->credit_deadline))
        return RECERT_STATUS_LATE;
    return RECERT_STATUS_LAPSED;
}

/* ---- §7: the fee tier of R ------------------------------------------------- */

static int fee_tier(cred_state *s)
{
    const recert_policy *p = s->p;
    s->renewal_cents = s->late_cents = 0;
    if (s->status == RECERT_STATUS_LAPSED) { /* "A lapsed credential is always closed" */
        s->tier_kind = RECERT_TIER_CLOSED;
        s->tier = "closed";
        return RECERT_OK;
    }
    if (s->R <= s->E) {
        s->tier_kind = RECERT_TIER_ON_TIME;
        s->tier = "on_time";
        s->renewal_cents = s->exam ? 0 : p->renewal_cents;
        return RECERT_OK;
    }
    int32_t start = s->E + 1;
    for (size_t i = 0; i < p->late_n; i++) {
        int32_t end;
        int rc = window_end_day(&end, s, &p->late[i]);
        if (rc != RECERT_OK)
            return rc;
        if (s->R >= start && s->R <= end) {
            s->tier_kind = RECERT_TIER_LATE;
            s->tier = p->late[i].tier;
            s->renewal_cents = s->exam ? 0 : p->renewal_cents;
            s->late_cents = s->exam ? 0 : p->late[i].fee_cents;
            return RECERT_OK;
        }
        if (end >= start)
            start = end + 1;
    }
    s->tier_kind = RECERT_TIER_CLOSED;
    s->tier = "closed";
    return RECERT_OK;
}

/* "A renewal group pays one invoice: the highest renewal fee among its
 * members plus combine_extra for each further member. The member with the
 * highest fee (ties: the smallest id) reports that fee; every other member
 * reports its policy's combine_extra_cents. A lapsed member is not renewed:
 * it pays nothing and is left out of the invoice." */
static void group_invoice(cred_state *st, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (st[i].group != (int)i)
            continue;
        int top = -1;
        for (size_t j = i; j < n; j++) {
            if (st[j].group != (int)i || st[j].status == RECERT_STATUS_LAPSED)
                continue;
            if (top < 0 || st[j].renewal_cents > st[top].renewal_cents ||
                (st[j].renewal_cents == st[top].renewal_cents && strcmp(st[j].c->id, st[top].c->id) < 0))
                top = (int)j;
        }
        for (size_t j = i; j < n; j++)
            if (st[j].group == (int)i && st[j].status != RECERT_STATUS_LAPSED && (int)j != top &&
                st[j].tier_kind != RECERT_TIER_CLOSED)
                st[j].renewal_cents = st[j].p->combine_extra_cents;
    }
}

/* ---- §9: audit ------------------------------------------------------------ */

static int32_t audit_state(cred_state *s)
{
    const recert_credential *c = s->c;
    s->audit = RECERT_AUDIT_NONE;
    if (!s->p->audit || !s->app || !c->has_audit || c->audit_selected > s->T)
        return RECERT_DAY_NONE;
    int32_t due = c->audit_selected + s->p->documents_days;
    bool outcome = c->audit_outcome != RECERT_OUTCOME_NONE &&
                   (c->audit_decided == RECERT_DAY_NONE || c->audit_decided <= s->T);
    if (outcome)
        s->audit = c->audit_outcome == RECERT_OUTCOME_PASSED ? RECERT_AUDIT_PASSED : RECERT_AUDIT_FAILED;
    else if (c->audit_docs != RECERT_DAY_NONE && c->audit_docs <= s->T)
        s->audit = RECERT_AUDIT_UNDER_REVIEW;
    else if (s->T <= due)
        s->audit = RECERT_AUDIT_DOCUMENTS_DUE;
    else
        s->audit = RECERT_AUDIT_OVERDUE;
    return due;
}

/* ---- notices ------------------------------------------------------------- */

/* Evaluation keeps a notice's code and the values its message names
 * (rc_notice.arg, by code and form below); the English text is written
 * only when it is read: rc_notice_text() for the report document,
 * rc_notice_message() for the getter. */
enum {
    FORM_PLAIN = 0,
    FORM_CPR_MARGIN = 1,   /* cpr_aed_expires_before_deadline with valid_days_after */
    FORM_CAT_NOTHING = 1   /* category_maximum: the entry does not count at all */
};

/* Notices of one credential: on the stack, on the heap past NOTICE_SMALL. */
enum { NOTICE_SMALL = 32 };
typedef struct notice_list {
    rc_notice *v;
    size_t n, cap;
    bool oom;
    rc_notice small[NOTICE_SMALL];
} notice_list;

static void add_notice(notice_list *l, int code, int form, const char *credit, size_t pos, int cat, int64_t a0,
                       int64_t a1, int64_t a2)
{
    if (l->n == l->cap) {
        size_t cap = l->cap * 2;
        rc_notice *v = l->v == l->small ? malloc(cap * sizeof *v) : realloc(l->v, cap * sizeof *v);
        if (!v) {
            l->oom = true;
            return;
        }
        if (l->v == l->small)
            memcpy(v, l->small, l->n * sizeof *v);
        l->v = v;
        l->cap = cap;
    }
    rc_notice *x = &l->v[l->n++];
    x->code = code;
    x->form = form;
    x->cat = cat;
    x->credit = credit;
    x->credit_pos = pos;
    x->arg[0] = a0;
    x->arg[1] = a1;
    x->arg[2] = a2;
    x->message = NULL;
}

/* A code's place when the codes are sorted by name (recert_notice_code_name):
 * audit_documents_due, audit_overdue, category_maximum, category_minimum,
 * cpr_aed_expires_before_deadline, credit_outside_window,
 * hands_on_assessment_recommended, petition_denied, petition_pending,
 * petition_required. */
static const unsigned char notice_rank[] = {
    [RECERT_NOTICE_PETITION_REQUIRED] = 9,
    [RECERT_NOTICE_PETITION_PENDING] = 8,
    [RECERT_NOTICE_PETITION_DENIED] = 7,
    [RECERT_NOTICE_CREDIT_OUTSIDE_WINDOW] = 5,
    [RECERT_NOTICE_CPR_AED_EXPIRES_BEFORE_DEADLINE] = 4,
    [RECERT_NOTICE_HANDS_ON_ASSESSMENT_RECOMMENDED] = 6,
    [RECERT_NOTICE_AUDIT_DOCUMENTS_DUE] = 0,
    [RECERT_NOTICE_AUDIT_OVERDUE] = 1,
    [RECERT_NOTICE_CATEGORY_MINIMUM] = 3,
    [RECERT_NOTICE_CATEGORY_MAXIMUM] = 2,
};

static bool notice_before(const rc_notice *x, const rc_notice *y)
{
    unsigned rx = notice_rank[x->code], ry = notice_rank[y->code];
    return rx < ry || (rx == ry && x->credit_pos < y->credit_pos);
}

/* By code name, then by the credit's input order; stable, as the merge
 * sort of glibc's qsort was for notices of one code and position. An
 * insertion sort for a few notices; past them a merge sort, since a
 * credential can have a notice for each of 10000 credits and insertion is
 * quadratic (issue 13). tmp: room for n notices, or NULL (then insertion). */
static void sort_notices(rc_notice *v, size_t n, rc_notice *tmp)
{
    if (n <= 16 || !tmp) {
        for (size_t i = 1; i < n; i++) {
            if (!notice_before(&v[i], &v[i - 1]))
                continue;
            rc_notice t = v[i];
            size_t j = i;
            for (; j > 0 && notice_before(&t, &v[j - 1]); j--)
                v[j] = v[j - 1];
            v[j] = t;
        }
        return;
    }
    size_t half = n / 2;
    sort_notices(v, half, tmp);
    sort_notices(v + half, n - half, tmp);
    if (!notice_before(&v[half], &v[half - 1]))
        return; /* in order already: the usual case */
    size_t i = 0, j = half, k = 0;
    while (i < half && j < n) /* the left one first on ties: stable */
        tmp[k++] = notice_before(&v[j], &v[i]) ? v[j++] : v[i++];
    while (i < half)
        tmp[k++] = v[i++];
    memcpy(v, tmp, k * sizeof *v); /* v[j..n) is in place */
}

/* §4a: an entry its category's max cuts, wholly or in part; a category
 * short of its min (not for a renewed, lapsed or exam-path credential).
 * The caps are replayed in input order as categories() applied them. */
static void category_notices(notice_list *l, const cred_state *s, const recert_holder *h, const char **ids)
{
    const recert_policy *p = s->p;
    int64_t run[64] = {0};
    for (size_t i = 0; i < h->credit_n; i++) {
        if (!(s->flags[i] & F_COUNTED) && s->why[i] != RECERT_CREDIT_OVER_CATEGORY_MAX)
            continue;
        int j = rc_policy_category_index(p, h->credit[i].category);
        if (j < 0 || j >= 64)
            continue;
        int64_t ch = h->hot[i].ch, cap = p->cat[j].max;
        int64_t room = cap >= 0 ? cap - run[j] : ch;
        if (ch <= room) {
            run[j] += ch;
            continue;
        }
        run[j] += room;
        add_notice(l, RECERT_NOTICE_CATEGORY_MAXIMUM, room > 0 ? FORM_PLAIN : FORM_CAT_NOTHING, ids[i], i, j, room,
                   ch, cap);
    }
    if (s->exam || s->status == RECERT_STATUS_RENEWED || s->status == RECERT_STATUS_LAPSED)
        return;
    for (size_t j = 0; j < p->cat_n; j++)
        if (s->cat_earned[j] < p->cat[j].min)
            add_notice(l, RECERT_NOTICE_CATEGORY_MINIMUM, FORM_PLAIN, NULL, 0, (int)j,
                       p->cat[j].min - s->cat_earned[j], p->cat[j].min, s->cat_earned[j]);
}

/* The notices of §4, §5 and §9 for one credential. */
static void notices(notice_list *l, const cred_state *s, const recert_holder *h, const char **ids,
                    int32_t audit_due)
{
    const recert_policy *p = s->p;
    for (size_t i = 0, left = s->note_n; left; i++) {
        const rc_credit_hot *k = &h->hot[i];
        switch (s->note[i]) {
        case NOTE_NONE:
            continue;
        case NOTE_OUTSIDE_WINDOW:
            add_notice(l, RECERT_NOTICE_CREDIT_OUTSIDE_WINDOW, FORM_PLAIN, ids[i], i, -1, k->completed,
                       s->credit_deadline, 0);
            break;
        case NOTE_PETITION_REQUIRED:
            add_notice(l, RECERT_NOTICE_PETITION_REQUIRED, FORM_PLAIN, ids[i], i, -1, k->ch, p->petition_cents, 0);
            break;
        case NOTE_PETITION_PENDING:
            add_notice(l, RECERT_NOTICE_PETITION_PENDING, FORM_PLAIN, ids[i], i, -1, k->ch, 0, 0);
            break;
        default:
            add_notice(l, RECERT_NOTICE_PETITION_DENIED, FORM_PLAIN, ids[i], i, -1, k->ch, 0, 0);
            break;
        }
        left--;
    }
    if (s->cpr == RECERT_CPR_AED_CURRENT && !s->cpr_hands_on)
        add_notice(l, RECERT_NOTICE_HANDS_ON_ASSESSMENT_RECOMMENDED, FORM_PLAIN, NULL, 0, -1, 0, 0, 0);
    if (!s->app && s->T <= s->E && (s->cpr == RECERT_CPR_AED_CURRENT || s->cpr == RECERT_CPR_AED_EXPIRING) &&
        (int64_t)s->cpr_expires < (int64_t)s->E + p->cpr_valid_days)
        add_notice(l, RECERT_NOTICE_CPR_AED_EXPIRES_BEFORE_DEADLINE,
                   p->cpr_valid_days == 0 ? FORM_PLAIN : FORM_CPR_MARGIN, NULL, 0, -1, s->cpr_expires, s->E,
                   p->cpr_valid_days);
    if (p->cat_n)
        category_notices(l, s, h, ids);
    if (s->audit == RECERT_AUDIT_DOCUMENTS_DUE)
        add_notice(l, RECERT_NOTICE_AUDIT_DOCUMENTS_DUE, FORM_PLAIN, NULL, 0, -1, audit_due, 0, 0);
    else if (s->audit == RECERT_AUDIT_OVERDUE)
        add_notice(l, RECERT_NOTICE_AUDIT_OVERDUE, FORM_PLAIN, NULL, 0, -1, audit_due, 0, 0);
    if (l->n > 16) {
        rc_notice *tmp = malloc(l->n * sizeof *tmp);
        if (!tmp) {
            l->oom = true;
            return;
        }
        sort_notices(l->v, l->n, tmp);
        free(tmp);
    } else if (l->n > 1) {
        sort_notices(l->v, l->n, NULL);
    }
}

/* ---- notice messages --------------------------------------------------------- */

static void amount_text(char *buf, size_t size, int64_t ch, int64_t per_hour)
{
    if (recert_amount_format(buf, size, ch, per_hour) != RECERT_OK)
        snprintf(buf, size, "?");
}

static void money_text(char *buf, size_t size, int64_t cents, const char *currency)
{
    size_t cl = strlen(currency);
    if (cents >= 0 && size >= 24 + cl + 1) { /* "%lld.%02lld %s" by hand */
        char digits[24];
        size_t nd = 0;
        int64_t whole = cents / 100;
        do {
            digits[nd++] = (char)('0' + whole % 10);
            whole /= 10;
        } while (whole);
        size_t at = 0;
        while (nd)
            buf[at++] = digits[--nd];
        buf[at++] = '.';
        buf[at++] = (char)('0' + cents % 100 / 10);
        buf[at++] = (char)('0' + cents % 10);
        buf[at++] = ' ';
        memcpy(buf + at, currency, cl + 1);
        return;
    }
    rc_snprintf(buf, size, "%lld.%02lld %s", (long long)(cents / 100), (long long)(cents % 100), currency);
}

/* The concatenation of the pieces (a NULL ends them) into buf, cut to
 * RC_NOTICE_TEXT_MAX - 1 bytes (as the 512-byte buffer of the former
 * vsnprintf) at a character boundary; returns the length. */
static size_t join(char *buf, ...)
{
    size_t at = 0;
    va_list ap;
    va_start(ap, buf);
    for (const char *t; (t = va_arg(ap, const char *)) != NULL;) {
        size_t n = strlen(t), room = RC_NOTICE_TEXT_MAX - 1 - at;
        bool cut = n > room;
        if (cut) /* the text ends here, whole characters only */
            n = rc_utf8_cut(t, room);
        memcpy(buf + at, t, n);
        at += n;
        if (cut)
            break;
    }
    va_end(ap);
    buf[at] = '\0';
    return at;
}

size_t rc_notice_text(char buf[RC_NOTICE_TEXT_MAX], const rc_entry *e, const rc_notice *n)
{
    char amt[64], of[64], max[64], quoted[200], fee[64], d1[RECERT_DATE_BUFSIZE], d2[RECERT_DATE_BUFSIZE];
    const char *id = n->credit, *unit = e->unit;
    switch (n->code) {
    case RECERT_NOTICE_CREDIT_OUTSIDE_WINDOW:
        rc_date_text(d1, (int32_t)n->arg[0]);
        rc_date_text(d2, (int32_t)n->arg[1]);
        return join(buf, id, " was completed on ", d1, ", after the credit deadline ", d2,
                    ": it does not count for this cycle", (char *)NULL);
    case RECERT_NOTICE_PETITION_REQUIRED:
        amount_text(amt, sizeof amt, n->arg[0], e->per_hour);
        money_text(fee, sizeof fee, n->arg[1], e->currency);
        return join(buf, id, " is not preapproved: a petition (", fee, ", nonrefundable) is needed for its ", amt,
                    " ", unit, " to count", (char *)NULL);
    case RECERT_NOTICE_PETITION_PENDING:
        amount_text(amt, sizeof amt, n->arg[0], e->per_hour);
        return join(buf, "petition for ", id, " is pending: ", amt, " ", unit, " will count if it is approved",
                    (char *)NULL);
    case RECERT_NOTICE_PETITION_DENIED:
        amount_text(amt, sizeof amt, n->arg[0], e->per_hour);
        return join(buf, "petition for ", id, " was denied: its ", amt, " ", unit, " do not count", (char *)NULL);
    case RECERT_NOTICE_HANDS_ON_ASSESSMENT_RECOMMENDED:
        return join(buf,
                    "the current CPR/AED was online only, accepted under a waiver: a hands-on skills assessment "
                    "is recommended",
                    (char *)NULL);
    case RECERT_NOTICE_CPR_AED_EXPIRES_BEFORE_DEADLINE:
        rc_date_text(d1, (int32_t)n->arg[0]);
        if (n->form != FORM_CPR_MARGIN) {
            rc_date_text(d2, (int32_t)n->arg[1]);
            return join(buf, "CPR/AED expires on ", d1, ", before the renewal deadline ", d2, (char *)NULL);
        } else { /* §5a */
            char days[24];
            snprintf(days, sizeof days, "%ld", (long)n->arg[2]);
            return join(buf, "CPR/AED expires on ", d1, ": it must still be valid ", days,
                        " days after the application, so renew it before applying", (char *)NULL);
        }
    case RECERT_NOTICE_AUDIT_DOCUMENTS_DUE:
        rc_date_text(d1, (int32_t)n->arg[0]);
        return join(buf, "the application was selected for audit: documents are due by ", d1, (char *)NULL);
    case RECERT_NOTICE_AUDIT_OVERDUE:
        rc_date_text(d1, (int32_t)n->arg[0]);
        return join(buf, "audit documents were due by ", d1, " and have not been received", (char *)NULL);
    case RECERT_NOTICE_CATEGORY_MAXIMUM:
        rc_snprintf(quoted, sizeof quoted, "\"%s\"", e->cats[n->cat].id);
        amount_text(max, sizeof max, n->arg[2], e->per_hour);
        if (n->form != FORM_CAT_NOTHING) {
            amount_text(amt, sizeof amt, n->arg[0], e->per_hour);
            amount_text(of, sizeof of, n->arg[1], e->per_hour);
            return join(buf, id, " counts ", amt, " of its ", of, " ", unit, ": the ", max, " ", unit,
                        " maximum of category ", quoted, " is reached", (char *)NULL);
        }
        return join(buf, id, " does not count: the ", max, " ", unit, " maximum of category ", quoted,
                    " is reached", (char *)NULL);
    case RECERT_NOTICE_CATEGORY_MINIMUM:
        rc_snprintf(quoted, sizeof quoted, "\"%s\"", e->cats[n->cat].id);
        amount_text(amt, sizeof amt, n->arg[0], e->per_hour);
        amount_text(of, sizeof of, n->arg[1], e->per_hour);
        amount_text(max, sizeof max, n->arg[2], e->per_hour);
        return join(buf, amt, " ", unit, " of category ", quoted, " still needed (minimum ", of, " ", unit, ", ",
                    max, " ", unit, " counted)", (char *)NULL);
    default:
        buf[0] = '\0';
        return 0;
    }
}

/* Written on first request and kept in the notice: the first thread to
 * publish its copy wins (compare-and-swap), another one frees its own. */
const char *rc_notice_message(const recert_report *r, const rc_entry *e, const rc_notice *n)
{
    /* The message is a cache, not part of the report's value: the report's
     * memory is never const (malloc and its arena). */
    char **slot = (char **)&((rc_notice *)n)->message;
    char *msg = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
    if (msg)
        return msg;
    char buf[RC_NOTICE_TEXT_MAX];
    size_t len = rc_notice_text(buf, e, n);
    char *mine = malloc(len + 1);
    if (!mine) {
        rc_oom();
        return NULL;
    }
    memcpy(mine, buf, len + 1);
    char *expected = NULL;
    if (__atomic_compare_exchange_n(slot, &expected, mine, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        __atomic_store_n(&((recert_report *)r)->messages, 1, __ATOMIC_RELEASE);
        return mine;
    }
    free(mine);
    return expected;
}

/* ---- one credential, written out ---------------------------------------------- */

static int date_error(const recert_holder *h, size_t hi, size_t ci)
{
    char path[64];
    snprintf(path, sizeof path, "holders[%zu].credentials[%zu]", hi, ci);
    return rc_fail(RECERT_ERANGE, path, "a date of credential \"%s\" of holder \"%s\" falls %s (the supported range "
                   "is 1900-01-01 to 9999-12-31)", h->cred[ci].id, h->id, rc_date_crossed());
}

static size_t ptr_hash(const void *p)
{
    uint64_t x = (uint64_t)(uintptr_t)p;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return (size_t)x;
}

void rc_intern_free(rc_intern *x)
{
    free(x->slot);
    memset(x, 0, sizeof *x);
}

static rc_intern_slot *intern_slot(rc_intern_slot *v, size_t cap, const char *s)
{
    size_t mask = cap - 1, i = ptr_hash(s) & mask;
    while (v[i].from && v[i].from != s)
        i = (i + 1) & mask;
    return &v[i];
}

const char *rc_intern_string(recert_report *r, const char *s)
{
    rc_intern *x = &r->strings;
    if ((x->used + 1) * 2 > x->cap) { /* at most half full */
        size_t cap = x->cap ? x->cap * 2 : 64;
        rc_intern_slot *v = calloc(cap, sizeof *v);
        if (!v)
            return NULL;
        for (size_t i = 0; i < x->cap; i++)
            if (x->slot[i].from)
                *intern_slot(v, cap, x->slot[i].from) = x->slot[i];
        free(x->slot);
        x->slot = v;
        x->cap = cap;
    }
    rc_intern_slot *e = intern_slot(x->slot, x->cap, s);
    if (!e->from) {
        if (!(e->copy = rc_arena_strdup(&r->arena, s)))
            return NULL;
        e->from = s;
        x->used++;
    }
    return e->copy;
}

static int write_entry(recert_report *r, rc_entry *e, cred_state *s, cred_state *all, const recert_holder *h,
                       const char **ids, const rc_entry *entries)
{
    rc_arena *a = &r->arena;
    const recert_policy *p = s->p;
    /* e->id was copied by the caller (every entry's first, for the groups). */
    /* Each policy string once a report, however many entries name it. */
    e->policy = rc_intern_string(r, p->id);
    e->unit = rc_intern_string(r, p->unit);
    e->currency = rc_intern_string(r, p->currency);
    /* "on_time" and "closed" are literals: they outlive the report. */
    e->tier = s->tier_kind == RECERT_TIER_LATE ? rc_intern_string(r, s->tier) : s->tier;
    if (!e->policy || !e->unit || !e->currency || !e->tier)
        return rc_oom();
    e->per_hour = p->per_hour;
    e->status = s->status;
    e->certified = s->c->certified <= s->T && s->T <= s->E;
    e->path = s->path;
    e->cpr = s->cpr;
    e->tier_kind = s->tier_kind;

    for (int i = 0; i < RC_DATE_N; i++)
        e->dates[i] = RECERT_DAY_NONE;
    e->dates[RECERT_DATE_CYCLE_START] = s->S;
    e->dates[RECERT_DATE_EXPIRES] = s->E;
    e->dates[RECERT_DATE_CREDIT_DEADLINE] = s->credit_deadline;
    e->dates[RECERT_DATE_ON_TIME_DEADLINE] = s->E;
    if (p->late_n)
        e->dates[RECERT_DATE_LATE_FEE_DEADLINE] = s->late_end;
    e->dates[RECERT_DATE_FINAL_DEADLINE] = s->final_deadline;
    e->dates[RECERT_DATE_CPR_AED_EXPIRES] = s->cpr_expires;
    e->dates[RECERT_DATE_REFERENCE] = s->R;
    if (h->credit_n) {
        e->why = rc_arena_alloc(a, h->credit_n);
        if (!e->why)
            return rc_oom();
        memcpy(e->why, s->why, h->credit_n);
    }
    if (p->exam_path)
        e->dates[RECERT_DATE_EXAM_DEADLINE] = s->E;
    int32_t due = audit_state(s);
    e->audit = s->audit;
    if (s->audit != RECERT_AUDIT_NONE)
        e->dates[RECERT_DATE_AUDIT_DOCUMENTS_DUE] = due;
    if (s->status == RECERT_STATUS_RENEWED) {
        int32_t S2, E2;
        if (rc_next_cycle(&S2, &E2, s->E, p) != RECERT_OK)
            return RECERT_ERANGE;
        e->dates[RECERT_DATE_NEXT_CYCLE_START] = S2;
        e->dates[RECERT_DATE_NEXT_CYCLE_EXPIRES] = E2;
        /* §8: certified while T <= E' once renewed */
        e->certified = s->c->certified <= s->T && s->T <= E2;
    }

    /* §10: amounts. */
    bool cpr_current = s->cpr == RECERT_CPR_AED_CURRENT;
    int64_t cpr_credit = p->cpr_required ? p->cpr_credit : 0;
    int64_t missing = s->requirement - s->counted;
    if (missing < s->cat_short) /* §4a */
        missing = s->cat_short;
    e->credits[RECERT_CREDITS_REQUIRED] = s->requirement + cpr_credit;
    e->credits[RECERT_CREDITS_EARNED] = s->counted + (cpr_current ? cpr_credit : 0);
    e->credits[RECERT_CREDITS_PENDING] = s->pending;
    e->credits[RECERT_CREDITS_SHORTFALL] = (missing > 0 ? missing : 0) + (cpr_current ? 0 : cpr_credit);

    e->versioned = s->c->pol->ver_n > 0;
    e->effective = p->effective;
    if (p->cat_n) {
        e->cats = rc_arena_alloc(a, p->cat_n * sizeof *e->cats);
        if (!e->cats)
            return rc_oom();
        for (size_t j = 0; j < p->cat_n; j++) {
            rc_category_out *k = &e->cats[j];
            if (!(k->id = rc_intern_string(r, p->cat[j].id)))
                return rc_oom();
            k->earned = s->cat_earned[j];
            k->min = p->cat[j].min;
            k->max = p->cat[j].max;
        }
        e->cat_n = p->cat_n;
    }

    e->fees[RECERT_FEE_RENEWAL] = s->renewal_cents;
    e->fees[RECERT_FEE_LATE] = s->late_cents;
    e->fees[RECERT_FEE_TOTAL] = s->renewal_cents + s->late_cents;
    e->fees[RECERT_FEE_PETITION] = s->petition_cents;

    size_t n = s->counted_n;
    e->counted_n = n;
    e->counted = n ? rc_arena_alloc(a, n * sizeof *e->counted) : NULL;
    if (n && !e->counted)
        return rc_oom();
    for (size_t i = 0, m = 0; m < n; i++)
        if (s->flags[i] & F_COUNTED)
            e->counted[m++] = ids[i];

    if (s->group >= 0) {
        e->group_n = s->group_n;
        e->group = rc_arena_alloc(a, s->group_n * sizeof *e->group);
        if (!e->group)
            return rc_oom();
        size_t m = 0;
        for (size_t j = (size_t)s->group; j < h->cred_n && m < s->group_n; j++)
            if (all[j].group == s->group)
                e->group[m++] = entries[j].id;
        /* "the sorted ids of the group" */
        for (size_t x = 1; x < m; x++)
            for (size_t y = x; y > 0 && strcmp(e->group[y - 1], e->group[y]) > 0; y--) {
                const char *t = e->group[y];
                e->group[y] = e->group[y - 1];
                e->group[y - 1] = t;
            }
    }

    notice_list l;
    l.v = l.small;
    l.n = 0;
    l.cap = NOTICE_SMALL;
    l.oom = false;
    notices(&l, s, h, ids, due);
    int rc = RECERT_OK;
    if (l.oom)
        rc = rc_oom();
    else if (l.n) {
        e->notices = rc_arena_alloc(a, l.n * sizeof *e->notices);
        if (e->notices) {
            memcpy(e->notices, l.v, l.n * sizeof *e->notices);
            e->notice_n = l.n;
        } else {
            rc = rc_oom();
        }
    }
    if (l.v != l.small)
        free(l.v);
    return rc;
}

/* ---- one holder --------------------------------------------------------------- */

int rc_evaluate_holder(recert_report *r, rc_report_holder *out, const recert_holder *h, size_t hi, int32_t T)
{
    rc_arena *a = &r->arena;
    size_t n = h->cred_n, kn = h->credit_n;
    if (!h->hot) /* packed when the holder joined the roster */
        return rc_fail(RECERT_EINVAL, NULL, "holder \"%s\" is not in a roster", h->id);
    /* The ids: at once when the roster packed them, else one by one. */
    char *packed = h->ids ? rc_arena_alloc(a, h->ids_len) : NULL;
    if (packed)
        memcpy(packed, h->ids, h->ids_len);
    else if (h->ids)
        return rc_oom();
    /* Every member of out is set before anything can fail or return: a
     * holder without credentials still has its credits (issue 13). */
    out->id = packed ? packed : rc_arena_strdup(a, h->id);
    out->credit_ids = NULL;
    out->credit_ch = NULL;
    out->credit_n = 0;
    out->n = 0;
    out->entries = n ? rc_arena_alloc(a, n * sizeof *out->entries) : NULL;
    if (!out->id || (n && !out->entries))
        return rc_oom();
    if (n)
        memset(out->entries, 0, n * sizeof *out->entries);
    out->n = n;

    const char **ids = kn ? rc_arena_alloc(a, kn * sizeof *ids) : NULL;
    if (kn && !ids)
        return rc_oom();
    int64_t *ch = kn ? rc_arena_alloc(a, kn * sizeof *ch) : NULL;
    if (kn && !ch)
        return rc_oom();
    if (packed) {
        for (size_t i = 0; i < kn; i++) {
            ids[i] = packed + h->hot[i].id_at;
            ch[i] = h->hot[i].ch;
        }
    } else {
        for (size_t i = 0; i < kn; i++) {
            if (!(ids[i] = rc_arena_strdup(a, h->credit[i].id)))
                return rc_oom();
            ch[i] = h->hot[i].ch;
        }
    }
    out->credit_ids = ids;
    out->credit_ch = ch;
    out->credit_n = kn;
    if (!n) /* its credits count towards nothing: RECERT_CREDIT_NO_CREDENTIAL */
        return RECERT_OK;

    /* Scratch: one state per credential and one flag per (credential, credit). */
    cred_state small_st[8];
    unsigned char small_flags[3 * 8 * 64];
    cred_state *st = n <= 8 ? small_st : malloc(n * sizeof *st);
    unsigned char *flags = 3 * n * kn <= sizeof small_flags ? small_flags : malloc(3 * n * kn + 1);
    int rc = RECERT_OK;
    if (!st || !flags) {
        rc = rc_oom();
        goto done;
    }
    memset(st, 0, n * sizeof *st);

    for (size_t i = 0; i < n; i++) {
        cred_state *s = &st[i];
        s->c = &h->cred[i];
        s->p = s->c->pol;
        s->T = T;
        s->group = -1;
        s->flags = flags + i * kn;
        s->why = flags + (n + i) * kn;
        s->note = flags + (2 * n + i) * kn;
        if (!s->p) {
            rc = rc_fail(RECERT_EINVAL, NULL, "credential \"%s\" of holder \"%s\" has no resolved policy",
                         s->c->id, h->id);
            goto done;
        }
        if (s->c->cyc_pol == s->p) { /* computed when it joined the roster */
            s->S = s->c->cyc_S;
            s->E = s->c->cyc_E;
            s->p = s->c->cyc_in_force;
            s->credit_deadline = s->c->cyc_credit_deadline;
            s->final_deadline = s->c->cyc_final_deadline;
            s->late_end = s->c->cyc_late_end;
        } else {
            if ((rc = rc_cycle(&s->S, &s->E, s->c, s->p, NULL)) != RECERT_OK) {
                /* again, to give the error its path (built only on failure) */
                char path[64];
                snprintf(path, sizeof path, "holders[%zu].credentials[%zu]", hi, i);
                rc = rc_cycle(&s->S, &s->E, s->c, s->p, path);
                goto done;
            }
            s->p = rc_policy_in_force(s->c->pol, s->E); /* §11a: the terms in force on E */
            s->late_end = RECERT_DAY_NONE;
            if (deadlines(s) != RECERT_OK ||
                (s->p->late_n && window_end_day(&s->late_end, s, &s->p->late[0]) != RECERT_OK)) {
                rc = date_error(h, hi, i);
                goto done;
            }
        }
        application_as_of(s);
        cpr_aed_state(s, h);
        credits_that_count(s, h);
        s->exam = exam_path(s);
        s->requirement = s->exam ? 0 : requirement_of(s);
    }
    renewal_groups(st, n, kn);
    for (size_t i = 0; i < n; i++) {
        cred_state *s = &st[i];
        if (s->group >= 0) { /* pooled amounts */
            s->counted = s->pending = 0;
            s->counted_n = 0;
            for (size_t k = 0; k < kn; k++) {
                if (s->flags[k] & F_COUNTED) {
                    s->counted += h->hot[k].ch;
                    s->counted_n++;
                } else if (s->flags[k] & F_PENDING)
                    s->pending += h->hot[k].ch;
            }
        }
        if (!categories(s, h, a)) {
            rc = rc_oom();
            goto done;
        }
        bool cpr_ok = s->cpr == RECERT_CPR_AED_CURRENT || s->cpr == RECERT_CPR_AED_NOT_REQUIRED;
        if (s->exam)
            s->path = cpr_ok ? RECERT_PATH_EXAM : RECERT_PATH_NONE;
        else
            s->path = cpr_ok && s->counted >= s->requirement && s->cat_short == 0 ? RECERT_PATH_CREDITS
                                                                                   : RECERT_PATH_NONE;
        s->status = status_of(s);
        if (fee_tier(s) != RECERT_OK) {
            rc = date_error(h, hi, i);
            goto done;
        }
    }
    group_invoice(st, n);
    for (size_t i = 0; i < n; i++)
        if (!(out->entries[i].id = packed ? packed + h->cred[i].id_at : rc_arena_strdup(a, h->cred[i].id))) {
            rc = rc_oom();
            goto done;
        }
    for (size_t i = 0; i < n; i++) {
        rc = write_entry(r, &out->entries[i], &st[i], st, h, ids, out->entries);
        if (rc == RECERT_ERANGE)
            rc = date_error(h, hi, i);
        if (rc != RECERT_OK)
            goto done;
    }
done:
    if (st != small_st)
        free(st);
    if (flags != small_flags)
        free(flags);
    return rc;
}

/* Every fixed date of a credential must stay inside 1900..9999 (docs/rules.md §1),
 * checked when a holder joins a roster so that evaluation cannot fail on it. */
int rc_credential_check(const recert_credential *c, const recert_policy *p, const char *path)
{
    cred_state s;
    memset(&s, 0, sizeof s);
    s.c = c;
    s.p = p;
    int rc = rc_cycle(&s.S, &s.E, c, p, path);
    if (rc != RECERT_OK)
        return rc;
    s.p = p = rc_policy_in_force(p, s.E);
    int32_t d;
    bool ok = deadlines(&s) == RECERT_OK;
    for (size_t i = 0; ok && i < p->late_n; i++)
        ok = window_end_day(&d, &s, &p->late[i]) == RECERT_OK;
    int32_t S2, E2;
    ok = ok && rc_next_cycle(&S2, &E2, s.E, p) == RECERT_OK;
    if (ok && c->has_audit && p->audit)
        ok = rc_date_add(&d, c->audit_selected, 0, 0, p->documents_days) == RECERT_OK;
    if (!ok)
        return rc_fail(RECERT_ERANGE, path, "a date of credential \"%s\" falls %s (the supported range is "
                       "1900-01-01 to 9999-12-31)", c->id, rc_date_crossed());
    return RECERT_OK;
}

void rc_credential_prepare(recert_credential *c)
{
    cred_state s;
    memset(&s, 0, sizeof s);
    s.c = c;
    s.p = c->pol;
    c->cyc_pol = NULL;
    if (!c->pol || rc_cycle(&s.S, &s.E, c, c->pol, NULL) != RECERT_OK)
        return;
    s.p = rc_policy_in_force(c->pol, s.E);
    s.late_end = RECERT_DAY_NONE;
    if (deadlines(&s) != RECERT_OK || (s.p->late_n && window_end_day(&s.late_end, &s, &s.p->late[0]) != RECERT_OK))
        return;
    c->cyc_S = s.S;
    c->cyc_E = s.E;
    c->cyc_in_force = s.p;
    c->cyc_credit_deadline = s.credit_deadline;
    c->cyc_final_deadline = s.final_deadline;
    c->cyc_late_end = s.late_end;
    c->cyc_pol = c->pol;
}

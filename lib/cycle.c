/*
 * The cycle of a credential (docs/rules.md §3): its start S and expiration E,
 * the walk from `certified` when only the portal's Thru Date is known, and
 * the next cycle after an accepted renewal.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>

#include "internal.h"

static int year_of(int32_t d)
{
    int y = 0;
    recert_date_to_ymd(d, &y, NULL, NULL);
    return y;
}

/* §3a: the j-th end of a fixed period, "ends + j*N years", each computed
 * from "ends" itself. */
static int fixed_end(int32_t *out, const recert_policy *p, long j)
{
    long years = j * p->cycle_years;
    if (years < -20000 || years > 20000)
        return RECERT_ERANGE;
    return rc_date_add(out, p->cycle_ends, (int)years, 0, 0);
}

/* §3a: the index j of the first period end strictly after day. */
static int fixed_index_after(long *j, int32_t day, const recert_policy *p)
{
    long k = (long)(year_of(day) - year_of(p->cycle_ends)) / p->cycle_years;
    k -= 2; /* below the answer: the division truncates toward zero */
    for (int tries = 0; tries < 8; tries++, k++) {
        int32_t end;
        int rc = fixed_end(&end, p, k);
        if (rc == RECERT_OK && end > day) {
            *j = k;
            return RECERT_OK;
        }
        if (rc != RECERT_OK && k > 0)
            return rc;
    }
    return RECERT_ERANGE;
}

/* "year_end, N years: E = December 31 of the year in which S + N years − 1
 * day falls." "anniversary, N years: E = S + N years." fixed (§3a): the
 * first period end after S. */
int rc_cycle_end(int32_t *E, int32_t S, const recert_policy *p)
{
    if (p->cycle_kind == RECERT_CYCLE_ANNIVERSARY)
        return rc_date_add(E, S, p->cycle_years, 0, 0);
    if (p->cycle_kind == RECERT_CYCLE_FIXED) {
        long j;
        int rc = fixed_index_after(&j, S, p);
        return rc == RECERT_OK ? fixed_end(E, p, j) : rc;
    }
    int32_t last;
    int rc = rc_date_add(&last, S, p->cycle_years, 0, -1);
    if (rc != RECERT_OK)
        return rc;
    int y = year_of(last);
    return recert_date_from_ymd(E, y, 12, 31) == RECERT_OK ? RECERT_OK : RECERT_ERANGE;
}

/* Cycle k counted from `certified` (docs/rules.md §3): anniversary cycles run
 * from certified + kN years to certified + (k+1)N years, each from the
 * original day; year_end cycles: the first from certified, each next one
 * from the day after the previous one's end. */
static int walk_cycle(int32_t *S, int32_t *E, int32_t certified, const recert_policy *p, long k)
{
    int n = p->cycle_years;
    if (p->cycle_kind == RECERT_CYCLE_ANNIVERSARY) {
        if (rc_date_add(S, certified, (int)(k * n), 0, 0) != RECERT_OK)
            return RECERT_ERANGE;
        return rc_date_add(E, certified, (int)((k + 1) * n), 0, 0);
    }
    int32_t E0;
    if (rc_cycle_end(&E0, certified, p) != RECERT_OK)
        return RECERT_ERANGE;
    if (k == 0) {
        *S = certified;
        *E = E0;
        return RECERT_OK;
    }
    if (p->cycle_kind == RECERT_CYCLE_FIXED) { /* §3a: the periods after the first */
        long j0;
        int32_t prev_end;
        if (fixed_index_after(&j0, certified, p) != RECERT_OK || fixed_end(&prev_end, p, j0 + k - 1) != RECERT_OK)
            return RECERT_ERANGE;
        *S = prev_end + 1;
        return fixed_end(E, p, j0 + k);
    }
    /* Every year_end cycle after the first runs Jan 1 .. Dec 31, N years. */
    int32_t prev_end;
    if (rc_date_add(&prev_end, E0, (int)((k - 1) * n), 0, 0) != RECERT_OK)
        return RECERT_ERANGE;
    *S = prev_end + 1;
    return rc_date_add(E, E0, (int)(k * n), 0, 0);
}

/* "With expires alone, S is the start of the cycle, counted from certified,
 * whose end is nearest to E (on a tie, the later one)." */
static int start_from_expires(int32_t *S, int32_t certified, int32_t expires, const recert_policy *p)
{
    long guess = (year_of(expires) - year_of(certified)) / p->cycle_years - 1;
    if (guess < 0)
        guess = 0;
    long best_k = -1;
    int64_t best_dist = 0;
    for (long k = guess > 1 ? guess - 1 : 0; k <= guess + 2; k++) {
        int32_t s, e;
        if (walk_cycle(&s, &e, certified, p, k) != RECERT_OK)
            break;
        int64_t dist = llabs((long long)e - expires);
        if (best_k < 0 || dist <= best_dist) { /* <=: on a tie, the later one */
            best_k = k;
            best_dist = dist;
            *S = s;
        }
    }
    return best_k < 0 ? RECERT_ERANGE : RECERT_OK;
}

int rc_cycle(int32_t *S, int32_t *E, const recert_credential *c, const recert_policy *p, const char *path)
{
    char a[RECERT_DATE_BUFSIZE], b[RECERT_DATE_BUFSIZE];
    if (c->cycle_start != RECERT_DAY_NONE && c->cycle_start < c->certified) {
        rc_date_text(a, c->cycle_start);
        rc_date_text(b, c->certified);
        return rc_fail(RECERT_EDATA, path, "cycle_start %s is before certified %s", a, b);
    }
    if (c->cycle_start != RECERT_DAY_NONE)
        *S = c->cycle_start;
    else if (c->expires == RECERT_DAY_NONE)
        *S = c->certified;
    else if (start_from_expires(S, c->certified, c->expires, p) != RECERT_OK)
        return rc_fail(RECERT_ERANGE, path, "the cycle counted from certified leaves 1900..9999");
    if (c->expires != RECERT_DAY_NONE) {
        *E = c->expires;
    } else if (rc_cycle_end(E, *S, p) != RECERT_OK) {
        rc_date_text(a, *S);
        return rc_fail(RECERT_ERANGE, path, "the cycle starting %s expires after 9999-12-31", a);
    }
    if (*E <= *S) {
        rc_date_text(a, *E);
        rc_date_text(b, *S);
        return rc_fail(RECERT_EDATA, path, "expires %s is not after the cycle start %s", a, b);
    }
    return RECERT_OK;
}

/* §3b: P, the first day of the full period that ends on E: for fixed
 * periods the day after the previous period end (when E is a period end),
 * for anniversary cycles E - N years, otherwise E - N years + 1 day. *full
 * is set when a cycle starting on S would be a full one (S + N years = E for
 * an anniversary cycle, whatever the clamping of February 29). */
int rc_period_start(int32_t *P, bool *full, int32_t S, int32_t E, const recert_policy *p)
{
    *full = false;
    if (p->cycle_kind == RECERT_CYCLE_ANNIVERSARY) {
        int32_t end;
        *full = rc_date_add(&end, S, p->cycle_years, 0, 0) == RECERT_OK && end == E;
        return rc_date_add(P, E, -p->cycle_years, 0, 0);
    }
    if (p->cycle_kind == RECERT_CYCLE_FIXED) {
        long j;
        int32_t end, prev;
        if (fixed_index_after(&j, E - 1, p) == RECERT_OK && fixed_end(&end, p, j) == RECERT_OK && end == E &&
            fixed_end(&prev, p, j - 1) == RECERT_OK) {
            *P = prev + 1;
            return RECERT_OK;
        }
    }
    return rc_date_add(P, E, -p->cycle_years, 0, 1);
}

/* "An accepted renewal starts the next cycle: anniversary S' = E,
 * E' = E + N years; year_end S' = E + 1 day, E' by the rule above." fixed
 * (§3a): S' = E + 1 day, E' the next period end. */
int rc_next_cycle(int32_t *S2, int32_t *E2, int32_t E, const recert_policy *p)
{
    *S2 = p->cycle_kind == RECERT_CYCLE_ANNIVERSARY ? E : E + 1;
    if (!rc_day_valid(*S2))
        return RECERT_ERANGE;
    return rc_cycle_end(E2, *S2, p);
}

/*
 * quadratic — does any check grow faster than its input? (issue 13 item 11)
 *
 *   quadratic [SCALE]
 *
 * For each shape of document that once had a quadratic check, builds it at
 * size n and 2n (SCALE multiplies n; default 1) and prints the time of
 * import + evaluation (or of the catalog calls) at each size and their
 * ratio: about 2 is linear, about 4 quadratic. The shapes:
 *
 *   applies_to  holders with the most credentials, every credit listing the
 *               most applies_to ids (checked against the holder's ids, then
 *               evaluated per credential)
 *   policies    a document with the most policies, each with its own unit,
 *               credentials and credits naming them (policy and unit lookups)
 *   catalog     a catalog of n policies added in one call, then each found
 *               by id (insertion with replacement, the unit check)
 *   notices     a holder whose credits give notices of interleaved codes
 *               (the notice sort)
 *
 * Timing belongs here, not in the test suite: tests/test_bounds.c and the
 * hostile cases run the same shapes at the limits as functional tests.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "recert.h"

typedef struct sb {
    char *s;
    size_t n, cap;
} sb;

static void sb_put(sb *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sb_put(sb *b, const char *fmt, ...)
{
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int k = vsnprintf(b->s ? b->s + b->n : NULL, b->s ? b->cap - b->n : 0, fmt, ap);
        va_end(ap);
        if (k >= 0 && b->s && (size_t)k < b->cap - b->n) {
            b->n += (size_t)k;
            return;
        }
        size_t cap = b->cap ? b->cap * 2 : 1 << 16;
        while (cap < b->n + (size_t)k + 1)
            cap *= 2;
        if (!(b->s = realloc(b->s, cap))) {
            fprintf(stderr, "quadratic: out of memory\n");
            exit(1);
        }
        b->cap = cap;
    }
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void policy(sb *b, const char *id, const char *unit)
{
    sb_put(b,
           "{\"id\":\"%s\",\"organization\":\"O\",\"name\":\"N\",\"currency\":\"USD\",\"unit\":{\"name\":\"%s\","
           "\"per_hour\":1},\"cycle\":{\"years\":2,\"expires\":\"anniversary\"},\"credits_required\":10,"
           "\"unapproved_credits\":\"petition\",\"fees\":{\"petition_cents\":100}}",
           id, unit);
}

static void gen_applies(sb *b, size_t n)
{
    sb_put(b, "{\"recert\":1,\"holders\":[");
    for (size_t h = 0; h < n; h++) {
        sb_put(b, "%s{\"id\":\"h%zu\",\"credentials\":[", h ? "," : "", h);
        for (int c = 0; c < RECERT_MAX_CREDENTIALS; c++)
            sb_put(b, "%s{\"id\":\"c%d\",\"policy\":\"nasm-cpt\",\"certified\":\"2024-01-01\"}", c ? "," : "", c);
        sb_put(b, "],\"credits\":[");
        for (int k = 0; k < 20; k++) {
            sb_put(b, "%s{\"id\":\"k%d\",\"completed\":\"2024-06-01\",\"hours\":1,\"applies_to\":[", k ? "," : "", k);
            for (int j = 0; j < RECERT_MAX_APPLIES_TO; j++)
                sb_put(b, "%s\"c%d\"", j ? "," : "", (j * 7 + k) % RECERT_MAX_CREDENTIALS);
            sb_put(b, "]}");
        }
        sb_put(b, "]}");
    }
    sb_put(b, "]}");
}

static void gen_policies(sb *b, size_t n)
{
    sb_put(b, "{\"recert\":1,\"policies\":[");
    for (int i = 0; i < RECERT_MAX_POLICIES; i++) {
        char id[16], unit[16];
        snprintf(id, sizeof id, "p%d", i);
        snprintf(unit, sizeof unit, "U%d", i);
        if (i)
            sb_put(b, ",");
        policy(b, id, unit);
    }
    sb_put(b, "],\"holders\":[");
    for (size_t h = 0; h < n; h++) {
        int p = (int)(h * 7919 % RECERT_MAX_POLICIES);
        sb_put(b, "%s{\"id\":\"h%zu\",\"credentials\":[{\"id\":\"c\",\"policy\":\"p%d\",\"certified\":\"2024-01-01\"}],"
                  "\"credits\":[{\"id\":\"k\",\"completed\":\"2024-06-01\",\"amount\":1,\"unit\":\"u%d\"}]}",
               h ? "," : "", h, p, (p + 1) % RECERT_MAX_POLICIES);
    }
    sb_put(b, "]}");
}

static void gen_catalog(sb *b, size_t n)
{
    sb_put(b, "[");
    for (size_t i = 0; i < n; i++) {
        char id[24], unit[24];
        snprintf(id, sizeof id, "p%zu", i % (n - n / 8)); /* an eighth replace an earlier one */
        snprintf(unit, sizeof unit, "U%zu", i % 1000);
        if (i)
            sb_put(b, ",");
        policy(b, id, unit);
    }
    sb_put(b, "]");
}

static void gen_notices(sb *b, size_t n)
{
    sb_put(b, "{\"recert\":1,\"holders\":[");
    size_t holders = (n + RECERT_MAX_CREDITS - 1) / RECERT_MAX_CREDITS;
    for (size_t h = 0; h < holders; h++) {
        sb_put(b, "%s{\"id\":\"h%zu\",\"credentials\":[{\"id\":\"c\",\"policy\":\"nasm-cpt\",\"certified\":"
                  "\"2024-01-01\"}],\"credits\":[", h ? "," : "", h);
        size_t m = n / holders;
        for (size_t k = 0; k < m; k++) /* petition_required and petition_pending in turn */
            sb_put(b, "%s{\"id\":\"k%zu\",\"completed\":\"2024-06-01\",\"hours\":1,\"approval\":\"not_preapproved\"%s}",
                   k ? "," : "", k, k % 2 ? ",\"petition\":{\"filed\":\"2024-07-01\",\"status\":\"pending\"}" : "");
        sb_put(b, "]}");
    }
    sb_put(b, "]}");
}

/* Seconds for one run of the shape at size n (best of 3). */
static double run(const char *shape, size_t n)
{
    sb b = {0};
    if (!strcmp(shape, "applies_to"))
        gen_applies(&b, n);
    else if (!strcmp(shape, "policies"))
        gen_policies(&b, n);
    else if (!strcmp(shape, "catalog"))
        gen_catalog(&b, n);
    else
        gen_notices(&b, n);
    double best = 1e9;
    int32_t day;
    recert_date_parse(&day, "2025-01-01");
    for (int rep = 0; rep < 3; rep++) {
        double t0 = now();
        int rc;
        if (!strcmp(shape, "catalog")) {
            recert_catalog *c;
            recert_catalog_new(&c);
            rc = recert_catalog_add_json(c, b.s, b.n);
            for (size_t i = 0; rc == RECERT_OK && i < n; i++) {
                char id[24];
                snprintf(id, sizeof id, "p%zu", i);
                recert_catalog_find(c, id);
            }
            recert_catalog_free(c);
        } else {
            recert_roster *r = NULL;
            recert_report *rep_ = NULL;
            rc = recert_roster_from_json(&r, b.s, b.n);
            /* notices: one holder of at most 10000 credits; evaluate it
             * often enough to time */
            for (int e = 0; rc == RECERT_OK && e < (strcmp(shape, "notices") ? 1 : 50); e++) {
                rc = recert_roster_evaluate(&rep_, r, day);
                recert_report_free(rep_);
                rep_ = NULL;
            }
            recert_roster_free(r);
        }
        double t = now() - t0;
        if (rc != RECERT_OK) {
            fprintf(stderr, "quadratic: %s at %zu: %s\n", shape, n, recert_error_message());
            exit(1);
        }
        if (t < best)
            best = t;
    }
    free(b.s);
    return best;
}

int main(int argc, char **argv)
{
    size_t scale = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 1;
    static const struct {
        const char *shape;
        size_t n;
    } shapes[] = {{"applies_to", 200}, {"policies", 50000}, {"catalog", 20000}, {"notices", 5000}};
    printf("%-11s %9s %9s %9s %9s %6s\n", "shape", "n", "seconds", "2n", "seconds", "ratio");
    for (size_t i = 0; i < sizeof shapes / sizeof *shapes; i++) {
        size_t n = shapes[i].n * (scale ? scale : 1);
        double a = run(shapes[i].shape, n), b = run(shapes[i].shape, 2 * n);
        printf("%-11s %9zu %9.3f %9zu %9.3f %6.2f\n", shapes[i].shape, n, a, 2 * n, b, b / a);
    }
    return 0;
}

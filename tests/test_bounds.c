/*
 * Memory and output bounds (issue 13 item 10; docs/testing.md "Memory and
 * output bounds", docs/format.md "Limits"): for every document the
 * library accepts, the report document stays within REPORT_FACTOR x the
 * input's bytes + REPORT_SLACK, and the peak memory of import and
 * evaluation within MEMORY_FACTOR x the input's bytes + MEMORY_SLACK.
 *
 * Each case is a generated worst case at the limits: names every report
 * line repeats at their longest, many dated versions over long strings,
 * the most credentials a holder may have with a notice for each of its
 * credits, more policies than any small cache holds. Each runs in a child
 * process (fork), which generates its document itself, so that its peak
 * resident size (getrusage ru_maxrss) is its own; the child sends back the
 * sizes and the parent checks them. Under AddressSanitizer or valgrind the
 * resident size is the tool's, so only the report bound is checked there.
 *
 * Run with an argument (the case's name, or "all") it prints the figures
 * instead: the table of docs/testing.md.
 */
#include <check.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "recert.h"

/* The documented factors (docs/format.md "Limits"). */
#define REPORT_FACTOR 80              /* report bytes per input byte, compact (measured: 68) */
#define REPORT_FACTOR_PRETTY 128      /* the same, indented (measured: 104) */
#define REPORT_SLACK (1 << 20)        /* + 1 MiB */
#define MEMORY_FACTOR 40              /* peak bytes per input byte, import + evaluate (measured: 31) */
#define MEMORY_SLACK (16 << 20)       /* + 16 MiB (the process, the default catalog) */
#define MAX_NAME 32                   /* a unit, currency, tier or category id (docs/format.md) */
#define MAX_CATEGORIES 8              /* a policy's categories (docs/format.md) */

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN 0
#endif

/* ck_assert in a test; in the figures mode (no test running), a message. */
static bool figures_mode;
#define REQUIRE(cond, ...)                                    \
    do {                                                      \
        if (figures_mode) {                                   \
            if (!(cond)) {                                    \
                fprintf(stderr, __VA_ARGS__);                 \
                fputc('\n', stderr);                          \
                exit(1);                                      \
            }                                                 \
        } else {                                              \
            ck_assert_msg(cond, __VA_ARGS__);                 \
        }                                                     \
    } while (0)

/* ---- a growing text buffer ----------------------------------------------- */

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
        b->s = realloc(b->s, cap);
        if (!b->s)
            abort();
        b->cap = cap;
    }
}

/* n copies of c, as text (n < 70000). */
static const char *run_of(char c, size_t n)
{
    static char buf[8][70000];
    static int next;
    char *t = buf[next++ % 8];
    memset(t, c, n);
    t[n] = '\0';
    return t;
}

/* The common part of a policy, without its closing brace. */
static void policy_head(sb *b, const char *id, const char *unit, const char *currency, const char *org)
{
    sb_put(b,
           "{\"id\":\"%s\",\"organization\":\"%s\",\"name\":\"%s\",\"currency\":\"%s\","
           "\"unit\":{\"name\":\"%s\",\"per_hour\":0.5},\"cycle\":{\"years\":1,\"expires\":\"anniversary\"},"
           "\"credits_required\":10,\"unapproved_credits\":\"petition\",\"fees\":{\"renewal_cents\":99999999999,"
           "\"petition_cents\":99999999999,\"combine_extra_cents\":1}",
           id, org, org, currency, unit);
}

/* ---- the worst cases ------------------------------------------------------ */

/* Names every line repeats, at the longest (MAX_NAME bytes): unit, currency, the
 * late window's tier, the most categories each with a minimum not met (a
 * category and a category_minimum notice per category, for every
 * credential); the smallest credentials that name the policy, the most a
 * holder may have, in the late window. */
static void case_names(sb *b, recert_catalog *cat)
{
    (void)cat;
    sb_put(b, "{\"recert\":1,\"policies\":[");
    policy_head(b, "p", run_of('u', MAX_NAME), run_of('C', MAX_NAME), "O");
    sb_put(b, ",\"credit_grace_days\":365,\"late_windows\":[{\"tier\":\"%s\",\"through\":{\"months\":6},"
              "\"fee_cents\":99999999999}],\"final_deadline\":{\"years\":1},\"categories\":[", run_of('t', MAX_NAME));
    for (int i = 0; i < MAX_CATEGORIES; i++)
        sb_put(b, "%s{\"id\":\"%s%02d\",\"min\":999999999.5,\"max\":999999999.5}", i ? "," : "", run_of('k', MAX_NAME - 2), i);
    sb_put(b, "]}],\"holders\":[");
    for (int h = 0; h < 1250; h++) {
        sb_put(b, "%s{\"id\":\"%x\",\"credentials\":[", h ? "," : "", h);
        for (int c = 0; c < RECERT_MAX_CREDENTIALS; c++)
            sb_put(b, "%s{\"id\":\"%x\",\"policy\":\"p\",\"certified\":\"2023-06-01\"}", c ? "," : "", c);
        sb_put(b, "]}");
    }
    sb_put(b, "]}");
}

/* The most credentials a holder may have, each with a notice for every one
 * of its credits: petition_required (not preapproved, no petition), whose
 * message names the credit, the fee in the 32-byte currency and the amount
 * in the 32-byte unit. */
static void case_credentials(sb *b, recert_catalog *cat)
{
    (void)cat;
    sb_put(b, "{\"recert\":1,\"policies\":[");
    policy_head(b, "p", run_of('u', MAX_NAME), run_of('C', MAX_NAME), "O");
    sb_put(b, "}],\"holders\":[");
    for (int h = 0; h < 2; h++) {
        sb_put(b, "%s{\"id\":\"%d\",\"credentials\":[", h ? "," : "", h);
        for (int c = 0; c < RECERT_MAX_CREDENTIALS; c++)
            sb_put(b, "%s{\"id\":\"%x\",\"policy\":\"p\",\"certified\":\"2024-01-01\"}", c ? "," : "", c);
        sb_put(b, "],\"credits\":[");
        for (int k = 0; k < RECERT_MAX_CREDITS; k++)
            sb_put(b, "%s{\"id\":\"%x\",\"completed\":\"2024-06-01\",\"hours\":1,\"approval\":\"not_preapproved\"}",
                   k ? "," : "", k);
        sb_put(b, "]}");
    }
    sb_put(b, "]}");
}

/* A policy with the most dated versions over the longest strings (64
 * waivers with 64 KiB ids, 64 KiB names): each version changes one fee. */
static void case_versions(sb *b, recert_catalog *cat)
{
    sb p = {0};
    policy_head(&p, "v", "U", "USD", run_of('o', 65536));
    sb_put(&p, ",\"source\":\"%s\",\"waivers\":[", run_of('s', 65536));
    for (int i = 0; i < 64; i++)
        sb_put(&p, "%s{\"id\":\"%s\",\"accepts\":\"online_cpr_aed\",\"from\":\"2020-01-01\"}", i ? "," : "",
               run_of((char)('a' + i % 26), 65536));
    sb_put(&p, "],\"versions\":[");
    for (int i = 0; i < 64; i++)
        sb_put(&p, "%s{\"effective\":\"%d-01-01\",\"fees\":{\"renewal_cents\":%d}}", i ? "," : "", 2000 + i, i);
    sb_put(&p, "]}");
    if (recert_catalog_add_json(cat, p.s, p.n) != RECERT_OK) {
        fprintf(stderr, "versions: %s\n", recert_error_message());
        _exit(3);
    }
    /* The policy document is input too: the records document below is
     * small, so its size is counted with it (see main). */
    sb_put(b, "%s", p.s);
    free(p.s);
}

/* More policies than a small cache holds (the 16 of the former cache),
 * with long ids, many credentials naming them in turn. */
static void case_policies(sb *b, recert_catalog *cat)
{
    (void)cat;
    sb_put(b, "{\"recert\":1,\"policies\":[");
    for (int i = 0; i < 100; i++) {
        char id[1100];
        snprintf(id, sizeof id, "%s%03d", run_of('p', 1024), i);
        if (i)
            sb_put(b, ",");
        policy_head(b, id, run_of('u', MAX_NAME), run_of('C', MAX_NAME), run_of('o', 60000));
        sb_put(b, "}");
    }
    sb_put(b, "],\"holders\":[");
    for (int h = 0; h < 5000; h++)
        sb_put(b, "%s{\"id\":\"%x\",\"credentials\":[{\"id\":\"c\",\"policy\":\"%s%03d\",\"certified\":\"2024-01-01\"}]}",
               h ? "," : "", h, run_of('p', 1024), h % 100);
    sb_put(b, "]}");
}

/* ---- running one case in a child ------------------------------------------ */

typedef struct figures {
    size_t input, report, pretty;
    long peak_kib, base_kib; /* ru_maxrss after import + evaluate; at the start */
    long import_kib;         /* ru_maxrss after import */
    int rc;
} figures;

typedef void (*gen_fn)(sb *, recert_catalog *);

static const struct {
    const char *name;
    gen_fn gen;
    const char *as_of;
    bool records; /* the generated text is a records document (else a policy one) */
} cases[] = {
    {"names", case_names, "2024-08-01", true},
    {"credentials", case_credentials, "2024-12-01", true},
    {"versions", case_versions, "2030-01-01", false},
    {"policies", case_policies, "2024-12-01", true},
};

static long maxrss_kib(void)
{
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

static void run_child(size_t i, int fd)
{
    figures f = {0};
    f.base_kib = maxrss_kib();
    recert_catalog *cat;
    recert_catalog_new_builtin(&cat);
    sb b = {0};
    cases[i].gen(&b, cat);
    f.input = b.n;
    recert_roster *r = NULL;
    int32_t day;
    recert_date_parse(&day, cases[i].as_of);
    if (cases[i].records) {
        f.rc = recert_roster_from_json_catalog(&r, b.s, b.n, cat);
    } else { /* a small roster over the policy */
        const char *doc = "{\"recert\":1,\"holders\":[{\"id\":\"h\",\"credentials\":[{\"id\":\"c\",\"policy\":\"v\","
                          "\"certified\":\"2024-01-01\"}]}]}";
        f.rc = recert_roster_from_json_catalog(&r, doc, strlen(doc), cat);
        f.input += strlen(doc);
    }
    free(b.s);
    f.import_kib = maxrss_kib();
    recert_report *rep = NULL;
    if (f.rc == RECERT_OK)
        f.rc = recert_roster_evaluate(&rep, r, day);
    f.peak_kib = maxrss_kib();
    if (f.rc == RECERT_OK) {
        char *json = NULL;
        f.rc = recert_report_to_json(&json, rep, 0);
        f.report = json ? strlen(json) : 0;
        recert_free(json);
        if (f.rc == RECERT_OK)
            f.rc = recert_report_to_json(&json, rep, RECERT_JSON_PRETTY);
        f.pretty = json ? strlen(json) : 0;
        recert_free(json);
    }
    if (f.rc != RECERT_OK)
        fprintf(stderr, "%s: %s\n", cases[i].name, recert_error_message());
    recert_report_free(rep);
    recert_roster_free(r);
    recert_catalog_free(cat);
    if (write(fd, &f, sizeof f) != (ssize_t)sizeof f)
        _exit(2);
    _exit(0);
}

static figures run_case(size_t i)
{
    int p[2];
    REQUIRE(pipe(p) == 0, "pipe");
    pid_t pid = fork();
    REQUIRE(pid >= 0, "fork");
    if (pid == 0) {
        close(p[0]);
        run_child(i, p[1]);
    }
    close(p[1]);
    figures f;
    memset(&f, 0, sizeof f);
    ssize_t got = read(p[0], &f, sizeof f);
    close(p[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    REQUIRE(got == (ssize_t)sizeof f && WIFEXITED(status) && WEXITSTATUS(status) == 0, "case %s: the child failed",
            cases[i].name);
    return f;
}

static bool memory_measurable(void)
{
    const char *preload = getenv("LD_PRELOAD");
    return !UNDER_ASAN && !(preload && strstr(preload, "valgrind")) && !getenv("RECERT_BOUNDS_NO_RSS");
}

START_TEST(bounds)
{
    figures f = run_case((size_t)_i);
    const char *name = cases[_i].name;
    ck_assert_msg(f.rc == RECERT_OK, "%s: not accepted (%d)", name, f.rc);
    ck_assert_msg(f.report <= (size_t)REPORT_FACTOR * f.input + REPORT_SLACK,
                  "%s: report of %zu bytes for %zu bytes of input (more than %d x + 1 MiB)", name, f.report, f.input,
                  REPORT_FACTOR);
    ck_assert_msg(f.pretty <= (size_t)REPORT_FACTOR_PRETTY * f.input + REPORT_SLACK,
                  "%s: indented report of %zu bytes for %zu bytes of input (more than %d x + 1 MiB)", name, f.pretty,
                  f.input, REPORT_FACTOR_PRETTY);
    if (memory_measurable()) {
        size_t peak = (size_t)f.peak_kib * 1024;
        ck_assert_msg(peak <= (size_t)MEMORY_FACTOR * f.input + MEMORY_SLACK,
                      "%s: peak %zu bytes for %zu bytes of input (more than %d x + 16 MiB)", name, peak, f.input,
                      MEMORY_FACTOR);
    }
}
END_TEST

/* The names at the limit are accepted, one byte more is RECERT_ELIMIT. */
START_TEST(name_limits)
{
    static const char *const where[] = {"unit.name", "currency", "late_windows[0].tier", "categories[0].id"};
    for (int w = 0; w < 4; w++)
        for (int extra = 0; extra < 2; extra++) {
            size_t len = MAX_NAME + (size_t)extra;
            char name[80];
            memset(name, 'n', len);
            name[len] = '\0';
            sb b = {0};
            policy_head(&b, "p", w == 0 ? name : "U", w == 1 ? name : "USD", "O");
            sb_put(&b, ",\"late_windows\":[{\"tier\":\"%s\",\"fee_cents\":1}],\"final_deadline\":{\"years\":1},"
                       "\"categories\":[{\"id\":\"%s\"}]}", w == 2 ? name : "late", w == 3 ? name : "cat");
            recert_policy *p = NULL;
            int rc = recert_policy_from_json(&p, b.s, b.n);
            if (!extra) {
                ck_assert_msg(rc == RECERT_OK, "%s of 32 bytes: %s", where[w], recert_error_message());
            } else {
                ck_assert_int_eq(rc, RECERT_ELIMIT);
                ck_assert_str_eq(recert_error_path(), where[w]);
                ck_assert_ptr_nonnull(strstr(recert_error_message(), "longer than the limit of 32 bytes"));
            }
            recert_policy_free(p);
            free(b.s);
        }
}
END_TEST

int main(int argc, char **argv)
{
    if (argc > 1) { /* the figures */
        figures_mode = true;
        printf("%-12s %10s %11s %6s %11s %6s %10s %6s %10s\n", "case", "input", "report", "x", "pretty", "x",
               "peak", "x", "import");
        for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
            if (strcmp(argv[1], "all") != 0 && strcmp(argv[1], cases[i].name) != 0)
                continue;
            figures f = run_case(i);
            double in = (double)f.input;
            printf("%-12s %10zu %11zu %6.1f %11zu %6.1f %10ld %6.1f %10ld%s\n", cases[i].name, f.input, f.report,
                   (double)f.report / in, f.pretty, (double)f.pretty / in, f.peak_kib * 1024,
                   (double)(f.peak_kib - f.base_kib) * 1024 / in, f.import_kib * 1024, f.rc ? " (refused)" : "");
        }
        return 0;
    }
    Suite *s = suite_create("bounds");
    TCase *t = tcase_create("bounds");
    tcase_set_timeout(t, 600);
    tcase_add_loop_test(t, bounds, 0, (int)(sizeof cases / sizeof *cases));
    tcase_add_test(t, name_limits);
    suite_add_tcase(s, t);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}

/*
 * Threads (include/recert.h "Threads", catalog.h, roster.h): several threads
 * at once, each with its own rosters, against shared read-only handles.
 *
 *   - default_catalog_first_build: NTHREADS threads released together by a
 *     barrier call recert_evaluate_json() (each on a different worked
 *     example) and recert_catalog_default() as their very first library
 *     calls, so that they race the lazy first build of the default catalog
 *     (catalog.c: built once, under a lock). Every thread must get the same
 *     catalog pointer and the report a single thread computes afterwards.
 *
 *   - shared_catalog_many_rosters: one catalog made with recert_catalog_new()
 *     + recert_catalog_add_json() (the built-in policies as JSON, plus the ACE
 *     example policy of examples/policies) is shared by every thread. Each
 *     thread, ROUNDS times over: imports its own worked examples against the
 *     shared catalog and against the default one, builds its own generated
 *     roster through the handles (different per thread), evaluates them,
 *     calls the one-call recert_evaluate_json(), evaluates one roster that
 *     every thread shares (the example gym, examples/roster.json) at its own
 *     as_of, and reads the shared catalog (count, find, to_json). Every
 *     report text must equal the one computed single-threaded before the
 *     threads started (recert_report_to_json / recert_evaluate_json output,
 *     byte for byte), and each thread's last error must stay its own
 *     (thread-local).
 *
 * Worker threads never call ck_assert (a failed assert from a thread other
 * than the test's own is not safe with CK_FORK=no): they count failures and
 * keep the first message, and the test thread asserts after joining.
 *
 * Built to run under ThreadSanitizer (meson -Db_sanitize=thread) and
 * helgrind as well as normally. RECERT_THREAD_ROUNDS in the environment
 * changes the number of rounds (default 10).
 *
 * The rules themselves are checked elsewhere (test_examples, test_rules);
 * here the rule under test is determinism: docs/rules.md §1, evaluation depends
 * only on the records, the policies and as_of, so the same inputs give the
 * same report in any thread, in any interleaving. The dates of the generated
 * rosters are worked from fixed day numbers (see gen_roster()); their
 * expected reports are the single-threaded ones.
 *
 * SPDX-License-Identifier: MIT
 */
#include "recert.h"

#include <check.h>
#include <jansson.h>

#include <dirent.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef TEST_DATA_DIR
#error "TEST_DATA_DIR must be defined (the absolute path of tests/data)"
#endif

#define EXAMPLES_DIR TEST_DATA_DIR "/examples"
#define SAMPLES_DIR TEST_DATA_DIR "/../../examples" /* the repository's examples/ */

#define NTHREADS 8
#define MAX_EXAMPLES 64
#define NAS_OF 4

/* ---- inputs, loaded once by main() before any library call ---------------- */

typedef struct example {
    char name[128];
    char *records; /* the "records" member, compact JSON */
    size_t len;
    char as_of[16]; /* "YYYY-MM-DD" */
} example;

static example examples[MAX_EXAMPLES];
static size_t n_examples;

static char *ace_policy; /* examples/policies/ace-cpt.json */
static size_t ace_policy_len;
static char *ace_roster; /* examples/policies/ace-roster.json (its own ace-cpt too) */
static size_t ace_roster_len;
static char *gym_roster; /* examples/roster.json */
static size_t gym_roster_len;

static int rounds = 10;

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *bigger = realloc(buf, cap * 2);
            if (!bigger) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = bigger;
            cap *= 2;
        }
    }
    fclose(f);
    if (len)
        *len = n;
    return buf;
}

static int cmp_examples(const void *a, const void *b)
{
    return strcmp(((const example *)a)->name, ((const example *)b)->name);
}

/* Only jansson here: no library call may happen before the first test. */
static int load_inputs(void)
{
    DIR *dir = opendir(EXAMPLES_DIR);
    if (!dir) {
        fprintf(stderr, "test_threads: cannot open %s\n", EXAMPLES_DIR);
        return -1;
    }
    struct dirent *ent;
    while ((ent = readdir(dir)) != NULL) {
        size_t n = strlen(ent->d_name);
        if (ent->d_name[0] == '.' || n < 5 || strcmp(ent->d_name + n - 5, ".json") != 0)
            continue;
        if (n_examples == MAX_EXAMPLES || n >= sizeof examples[0].name) {
            closedir(dir);
            fprintf(stderr, "test_threads: too many examples or a long name\n");
            return -1;
        }
        memcpy(examples[n_examples].name, ent->d_name, n + 1);
        n_examples++;
    }
    closedir(dir);
    qsort(examples, n_examples, sizeof examples[0], cmp_examples);
    for (size_t i = 0; i < n_examples; i++) {
        char path[4096];
        int n = snprintf(path, sizeof path, "%s/%s", EXAMPLES_DIR, examples[i].name);
        if (n < 0 || (size_t)n >= sizeof path)
            return -1;
        json_error_t jerr;
        json_t *doc = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr);
        json_t *records = json_object_get(doc, "records");
        const char *as_of = json_string_value(json_object_get(doc, "as_of"));
        if (!doc || !json_is_object(records) || !as_of || strlen(as_of) != 10) {
            fprintf(stderr, "test_threads: %s: no records or as_of\n", path);
            json_decref(doc);
            return -1;
        }
        /* 15 digits: 0.1, not 0.10000000000000001 (more decimals than allowed) */
        examples[i].records = json_dumps(records, JSON_COMPACT | JSON_REAL_PRECISION(15));
        examples[i].len = examples[i].records ? strlen(examples[i].records) : 0;
        memcpy(examples[i].as_of, as_of, 11);
        json_decref(doc);
        if (!examples[i].records)
            return -1;
    }
    ace_policy = read_file(SAMPLES_DIR "/policies/ace-cpt.json", &ace_policy_len);
    ace_roster = read_file(SAMPLES_DIR "/policies/ace-roster.json", &ace_roster_len);
    gym_roster = read_file(SAMPLES_DIR "/roster.json", &gym_roster_len);
    if (!ace_policy || !ace_roster || !gym_roster) {
        fprintf(stderr, "test_threads: cannot read %s/policies/ace-*.json or roster.json\n", SAMPLES_DIR);
        return -1;
    }
    const char *env = getenv("RECERT_THREAD_ROUNDS");
    if (env && atoi(env) > 0)
        rounds = atoi(env);
    return 0;
}

/* ---- failures from worker threads ------------------------------------------ */

typedef struct failures {
    int count;
    char first[512];
} failures;

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void note_failure(failures *f, const char *fmt, ...)
{
    if (f->count++ == 0) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(f->first, sizeof f->first, fmt, ap);
        va_end(ap);
    }
}

/* ---- generated rosters ------------------------------------------------------ */

/* A small deterministic generator (an LCG): the same seed gives the same
 * roster in any thread. */
static uint32_t next(uint32_t *s)
{
    *s = *s * 1103515245u + 12345u;
    return (*s >> 8) & 0xffffffu;
}

/*
 * A roster built through the handles, different for each seed, against
 * catalog (which must know ace-cpt). Dates are day numbers from fixed
 * points: 2022-01-01 is day 18993, so certified days fall in
 * 2022-01-01 .. 2025-04-14 (18993 + 0..1199); each CPR/AED card is
 * completed 0..399 days after certification and expires 730 days later;
 * credits are completed 0..899 days after certification; a petition is
 * filed 10 days after its course and decided 20 days after that. Returns
 * RECERT_OK or the first failing call's code (with *out NULL).
 */
static int gen_roster(recert_roster **out, const recert_catalog *catalog, uint32_t seed)
{
    static const char *const policies[] = {"nasm-cpt", "acsm-cpt", "acsm-gei", "ace-cpt", "acsm-ep"};
    static const char *const units[] = {"ceu", "cec", "cec", "ACE-CEC", "cec"};
    uint32_t s = seed * 2654435761u + 1u;
    recert_roster *r = NULL;
    recert_holder *h = NULL;
    recert_credential *c = NULL;
    recert_credit *k = NULL;
    char id[64];
    int rc = recert_roster_new(&r, catalog);
    int holders = 3 + (int)(seed % 4);

    for (int j = 0; rc == RECERT_OK && j < holders; j++) {
        snprintf(id, sizeof id, "gen-%u-%d", (unsigned)seed, j);
        rc = recert_holder_new(&h, id);
        size_t p = next(&s) % 5;
        int32_t certified = 18993 + (int32_t)(next(&s) % 1200);
        if (rc == RECERT_OK) {
            int32_t cpr = certified + (int32_t)(next(&s) % 400);
            rc = recert_holder_add_cpr_aed(h, cpr, cpr + 730, (int)(next(&s) % 2), -1);
        }
        if (rc == RECERT_OK)
            rc = recert_credential_new(&c, "c1", policies[p], certified);
        if (rc == RECERT_OK && next(&s) % 4 == 0)
            rc = recert_credential_set_application(c, certified + 700, RECERT_DECISION_PENDING, RECERT_DAY_NONE);
        if (rc == RECERT_OK)
            rc = recert_holder_add_credential(h, c);
        recert_credential_free(c);
        c = NULL;
        int credits = (int)(next(&s) % 7);
        for (int i = 0; rc == RECERT_OK && i < credits; i++) {
            snprintf(id, sizeof id, "k%d", i);
            int32_t done = certified + (int32_t)(next(&s) % 900);
            rc = recert_credit_new(&k, id, done);
            if (rc == RECERT_OK) {
                if (next(&s) % 2)
                    rc = recert_credit_set_hours(k, 100 + (int64_t)(next(&s) % 1500));
                else
                    rc = recert_credit_set_amount(k, 10 + (int64_t)(next(&s) % 150), units[p]);
            }
            if (rc == RECERT_OK && next(&s) % 3 == 0) {
                rc = recert_credit_set_approval(k, RECERT_APPROVAL_NOT_PREAPPROVED);
                uint32_t st = next(&s) % 4;
                if (rc == RECERT_OK && st != 0)
                    rc = recert_credit_set_petition(k, (recert_petition_status)st, done + 10,
                                                    st == 1 ? RECERT_DAY_NONE : done + 30);
            }
            if (rc == RECERT_OK)
                rc = recert_holder_add_credit(h, k);
            recert_credit_free(k);
            k = NULL;
        }
        if (rc == RECERT_OK)
            rc = recert_roster_add_holder(r, h);
        recert_holder_free(h);
        h = NULL;
    }
    if (rc != RECERT_OK) {
        recert_roster_free(r);
        r = NULL;
    }
    *out = r;
    return rc;
}

/* ---- the work items: one function for the reference and the threads ------- */

typedef enum item_kind {
    ITEM_ONE_CALL,       /* recert_evaluate_json(example) */
    ITEM_IMPORT_DEFAULT, /* recert_roster_from_json(example), the default catalog */
    ITEM_IMPORT_SHARED,  /* recert_roster_from_json_catalog(example, shared) */
    ITEM_ACE_SHARED,     /* ace-roster.json against the shared catalog */
    ITEM_GENERATED,      /* gen_roster(seed) against the shared catalog */
    ITEM_COMMON_ROSTER   /* the one roster every thread evaluates */
} item_kind;

typedef struct item {
    item_kind kind;
    size_t index;     /* example index, or seed */
    const char *as_of;
    char *expected;   /* the single-threaded report text */
} item;

static const char *const generated_as_of[NAS_OF] = {"2024-06-01", "2025-03-15", "2026-11-23", "2027-12-31"};

/* The report text of an item, or NULL with *rc the failing code. */
static char *run_item(const item *it, const recert_catalog *shared, const recert_roster *common, int *rc)
{
    recert_roster *r = NULL;
    recert_report *rep = NULL;
    char *text = NULL;
    int32_t day;

    *rc = recert_date_parse(&day, it->as_of);
    if (*rc != RECERT_OK)
        return NULL;
    switch (it->kind) {
    case ITEM_ONE_CALL:
        *rc = recert_evaluate_json(&text, examples[it->index].records, examples[it->index].len, it->as_of);
        return *rc == RECERT_OK ? text : NULL;
    case ITEM_IMPORT_DEFAULT:
        *rc = recert_roster_from_json(&r, examples[it->index].records, examples[it->index].len);
        break;
    case ITEM_IMPORT_SHARED:
        *rc = recert_roster_from_json_catalog(&r, examples[it->index].records, examples[it->index].len, shared);
        break;
    case ITEM_ACE_SHARED:
        *rc = recert_roster_from_json_catalog(&r, ace_roster, ace_roster_len, shared);
        break;
    case ITEM_GENERATED:
        *rc = gen_roster(&r, shared, (uint32_t)it->index);
        break;
    case ITEM_COMMON_ROSTER:
        *rc = recert_roster_evaluate(&rep, common, day);
        break;
    }
    if (*rc == RECERT_OK && r)
        *rc = recert_roster_evaluate(&rep, r, day);
    recert_roster_free(r); /* the report does not refer to it */
    if (*rc == RECERT_OK)
        *rc = recert_report_to_json(&text, rep, 0);
    recert_report_free(rep);
    return *rc == RECERT_OK ? text : NULL;
}

/* ---- test 1: racing the first build of the default catalog ----------------- */

typedef struct racer {
    pthread_barrier_t *start;
    size_t example;
    char *report;
    int rc;
    const recert_catalog *def;
    int def_rc;
} racer;

static void *race_main(void *arg)
{
    racer *me = arg;
    example *ex = &examples[me->example];
    pthread_barrier_wait(me->start);
    /* Half the threads start with the one-call entry, half with the
     * catalog getter: both build the default catalog on first use. */
    if (me->example % 2) {
        me->rc = recert_evaluate_json(&me->report, ex->records, ex->len, ex->as_of);
        me->def_rc = recert_catalog_default(&me->def);
    } else {
        me->def_rc = recert_catalog_default(&me->def);
        me->rc = recert_evaluate_json(&me->report, ex->records, ex->len, ex->as_of);
    }
    return NULL;
}

START_TEST(default_catalog_first_build)
{
    /* This test must be the process's first use of the library: with
     * CK_FORK=yes each test runs in a fresh child, with CK_FORK=no it is
     * the first test of the suite. */
    pthread_barrier_t start;
    racer racers[NTHREADS];
    pthread_t tid[NTHREADS];

    ck_assert_uint_ge(n_examples, NTHREADS);
    ck_assert_int_eq(pthread_barrier_init(&start, NULL, NTHREADS), 0);
    for (size_t t = 0; t < NTHREADS; t++) {
        racers[t] = (racer){.start = &start, .example = t, .report = NULL, .rc = -100, .def = NULL, .def_rc = -100};
        ck_assert_int_eq(pthread_create(&tid[t], NULL, race_main, &racers[t]), 0);
    }
    for (size_t t = 0; t < NTHREADS; t++)
        ck_assert_int_eq(pthread_join(tid[t], NULL), 0);
    pthread_barrier_destroy(&start);

    const recert_catalog *def = NULL;
    ck_assert_int_eq(recert_catalog_default(&def), RECERT_OK);
    ck_assert_ptr_nonnull(def);
    ck_assert_uint_eq(recert_catalog_count(def), 9); /* docs/rules.md §11: the nine built-ins */
    for (size_t t = 0; t < NTHREADS; t++) {
        example *ex = &examples[t];
        ck_assert_msg(racers[t].rc == RECERT_OK, "thread %zu (%s): %d", t, ex->name, racers[t].rc);
        ck_assert_int_eq(racers[t].def_rc, RECERT_OK);
        ck_assert_ptr_eq(racers[t].def, def); /* built once: one catalog */
        char *ref = NULL;
        ck_assert_int_eq(recert_evaluate_json(&ref, ex->records, ex->len, ex->as_of), RECERT_OK);
        ck_assert_msg(strcmp(racers[t].report, ref) == 0, "thread %zu: %s: report differs", t, ex->name);
        recert_free(ref);
        recert_free(racers[t].report);
    }
}
END_TEST

/* ---- test 2: one shared catalog, many rosters ------------------------------ */

#define MAX_ITEMS 64

typedef struct worker {
    int id;
    pthread_barrier_t *start;
    const recert_catalog *shared;
    const recert_roster *common;
    const char *catalog_json; /* the shared catalog's text */
    const recert_catalog *def;
    item items[MAX_ITEMS];
    size_t n_items;
    long evaluations;
    failures f;
} worker;

static void *work_main(void *arg)
{
    worker *w = arg;
    char tag[64];
    snprintf(tag, sizeof tag, "not-a-date-from-thread-%d", w->id);
    pthread_barrier_wait(w->start);
    for (int round = 0; round < rounds; round++) {
        /* The last error is the thread's own: set it here, and no other
         * thread's failure (each sets its own tag) may show through. */
        int32_t d;
        if (recert_date_parse(&d, tag) != RECERT_EINVAL || !strstr(recert_error_message(), tag))
            note_failure(&w->f, "thread %d: last error not set: \"%s\"", w->id, recert_error_message());
        for (size_t i = 0; i < w->n_items; i++) {
            /* Start each thread at a different item so that different
             * kinds of work overlap. */
            const item *it = &w->items[(i + (size_t)round + (size_t)w->id) % w->n_items];
            int rc;
            char *got = run_item(it, w->shared, w->common, &rc);
            w->evaluations++;
            if (!got)
                note_failure(&w->f, "thread %d round %d: item kind %d index %zu as_of %s: code %d: %s", w->id, round,
                     (int)it->kind, it->index, it->as_of, rc, recert_error_message());
            else if (strcmp(got, it->expected) != 0)
                note_failure(&w->f, "thread %d round %d: item kind %d index %zu as_of %s: report differs", w->id,
                     round, (int)it->kind, it->index, it->as_of);
            recert_free(got);
        }
        if (!strstr(recert_error_message(), tag))
            note_failure(&w->f, "thread %d: last error changed by another thread: \"%s\"", w->id, recert_error_message());
        /* Concurrent reads of the shared catalog and the default one. */
        const recert_catalog *def = NULL;
        if (recert_catalog_default(&def) != RECERT_OK || def != w->def)
            note_failure(&w->f, "thread %d: another default catalog", w->id);
        if (recert_catalog_count(w->shared) != 10 || !recert_catalog_find(w->shared, "ace-cpt") ||
            !recert_catalog_find(w->shared, "nasm-cpt") || recert_catalog_find(def, "ace-cpt"))
            note_failure(&w->f, "thread %d: shared catalog reads wrong", w->id);
        char *text = NULL;
        if (recert_catalog_to_json(&text, w->shared, 0) != RECERT_OK || strcmp(text, w->catalog_json) != 0)
            note_failure(&w->f, "thread %d: shared catalog's JSON differs", w->id);
        recert_free(text);
    }
    return NULL;
}

static void add_item(worker *w, item_kind kind, size_t index, const char *as_of)
{
    ck_assert_uint_lt(w->n_items, MAX_ITEMS);
    w->items[w->n_items++] = (item){.kind = kind, .index = index, .as_of = as_of, .expected = NULL};
}

START_TEST(shared_catalog_many_rosters)
{
    static worker workers[NTHREADS];
    pthread_t tid[NTHREADS];
    pthread_barrier_t start;

    /* The shared catalog: recert_catalog_new() + recert_catalog_add_json()
     * with the built-ins' JSON (taken from a private built-in catalog, so
     * the default one is not built here) and the ACE example policy. */
    recert_catalog *builtin = NULL, *shared = NULL;
    char *builtin_json = NULL, *catalog_json = NULL;
    ck_assert_int_eq(recert_catalog_new_builtin(&builtin), RECERT_OK);
    ck_assert_int_eq(recert_catalog_to_json(&builtin_json, builtin, 0), RECERT_OK);
    recert_catalog_free(builtin);
    ck_assert_int_eq(recert_catalog_new(&shared), RECERT_OK);
    ck_assert_int_eq(recert_catalog_add_json(shared, builtin_json, strlen(builtin_json)), RECERT_OK);
    ck_assert_int_eq(recert_catalog_add_json(shared, ace_policy, ace_policy_len), RECERT_OK);
    recert_free(builtin_json);
    ck_assert_uint_eq(recert_catalog_count(shared), 10);
    ck_assert_int_eq(recert_catalog_to_json(&catalog_json, shared, 0), RECERT_OK);

    const recert_catalog *def = NULL;
    ck_assert_int_eq(recert_catalog_default(&def), RECERT_OK);

    /* The roster every thread evaluates at once (concurrent reads). */
    recert_roster *common = NULL;
    ck_assert_int_eq(recert_roster_from_json_catalog(&common, gym_roster, gym_roster_len, shared), RECERT_OK);
    /* The catalog is now read-only (catalog.h): an add is refused. */
    ck_assert_int_eq(recert_catalog_add_json(shared, ace_policy, ace_policy_len), RECERT_EBUSY);

    /* Each thread its own work: the examples i with i % NTHREADS == t, each
     * three ways; a generated roster of its own seed at four days; the ACE
     * roster for one thread; the common roster at a day of its own. */
    for (int t = 0; t < NTHREADS; t++) {
        worker *w = &workers[t];
        *w = (worker){.id = t, .start = &start, .shared = shared, .common = common, .catalog_json = catalog_json,
                      .def = def};
        for (size_t i = (size_t)t; i < n_examples; i += NTHREADS) {
            add_item(w, ITEM_ONE_CALL, i, examples[i].as_of);
            add_item(w, ITEM_IMPORT_DEFAULT, i, examples[i].as_of);
            add_item(w, ITEM_IMPORT_SHARED, i, examples[i].as_of);
        }
        for (size_t a = 0; a < NAS_OF; a++)
            add_item(w, ITEM_GENERATED, 1000 + (size_t)t, generated_as_of[a]);
        if (t == 0)
            add_item(w, ITEM_ACE_SHARED, 0, "2026-06-15"); /* docs/policies.md's worked day */
        add_item(w, ITEM_COMMON_ROSTER, 0, generated_as_of[(size_t)t % NAS_OF]);
        add_item(w, ITEM_COMMON_ROSTER, 0, "2026-11-23"); /* examples/README.md's day */
    }

    /* The references, single-threaded. */
    for (int t = 0; t < NTHREADS; t++) {
        worker *w = &workers[t];
        for (size_t i = 0; i < w->n_items; i++) {
            int rc;
            w->items[i].expected = run_item(&w->items[i], shared, common, &rc);
            ck_assert_msg(w->items[i].expected != NULL, "reference: thread %d item %zu (kind %d index %zu): %d %s",
                          t, i, (int)w->items[i].kind, w->items[i].index, rc, recert_error_message());
        }
    }
    /* The generated rosters differ from thread to thread. */
    for (int t = 1; t < NTHREADS; t++) {
        const item *a = NULL, *b = NULL;
        for (size_t i = 0; i < workers[t].n_items; i++)
            if (workers[t].items[i].kind == ITEM_GENERATED)
                a = &workers[t].items[i];
        for (size_t i = 0; i < workers[0].n_items; i++)
            if (workers[0].items[i].kind == ITEM_GENERATED)
                b = &workers[0].items[i];
        ck_assert_ptr_nonnull(a);
        ck_assert_ptr_nonnull(b);
        ck_assert_str_ne(a->expected, b->expected);
    }

    /* The catalog is shared from here on: only reads until the join. */
    ck_assert_int_eq(pthread_barrier_init(&start, NULL, NTHREADS + 1), 0);
    for (int t = 0; t < NTHREADS; t++)
        ck_assert_int_eq(pthread_create(&tid[t], NULL, work_main, &workers[t]), 0);
    pthread_barrier_wait(&start);
    for (int t = 0; t < NTHREADS; t++)
        ck_assert_int_eq(pthread_join(tid[t], NULL), 0);
    pthread_barrier_destroy(&start);

    long total = 0;
    for (int t = 0; t < NTHREADS; t++) {
        worker *w = &workers[t];
        ck_assert_msg(w->f.count == 0, "%d failures in thread %d; first: %s", w->f.count, t, w->f.first);
        ck_assert_int_eq(w->evaluations, (long)rounds * (long)w->n_items);
        total += w->evaluations;
        for (size_t i = 0; i < w->n_items; i++)
            recert_free(w->items[i].expected);
    }
    ck_assert_int_gt(total, 0);
    recert_roster_free(common);
    recert_catalog_free(shared);
    recert_free(catalog_json);
}
END_TEST

int main(void)
{
    if (load_inputs() != 0)
        return EXIT_FAILURE;
    Suite *s = suite_create("threads");
    TCase *t = tcase_create("threads");
    tcase_set_timeout(t, 600);
    tcase_add_test(t, default_catalog_first_build); /* first: see the test */
    tcase_add_test(t, shared_catalog_many_rosters);
    suite_add_tcase(s, t);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    for (size_t i = 0; i < n_examples; i++)
        free(examples[i].records);
    free(ace_policy);
    free(ace_roster);
    free(gym_roster);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

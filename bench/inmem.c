/*
 * inmem — evaluation through the handle API of a roster already loaded.
 *
 *   inmem [--threads N] [--min-time SECONDS | --evals N] [--as-of YYYY-MM-DD] FILE
 *   inmem --one-call [--min-time SECONDS] FILE
 *
 * Imports FILE (a records document) once per thread, then calls
 * recert_roster_evaluate() + recert_report_free() over and over for at least
 * --min-time seconds (and at least 3 times), or exactly --evals times (for
 * callgrind: the difference between two counts is the steady state, without
 * the import and the first evaluation). Prints, on one line:
 *
 *   creds=N import_s=.. eval_s=.. to_json_s=.. per_cpu_core=.. per_wall=..
 *
 * eval_s is the best single evaluation of the whole roster (wall);
 * per_cpu_core is credentials evaluated per second of the evaluating
 * threads' own CPU time (CLOCK_THREAD_CPUTIME_ID): the figure per core, which
 * a busy shared machine does not distort; per_wall is what all threads
 * together evaluated per second of wall time.
 *
 * --one-call: the cost of one small call of the one-call entry point,
 * recert_evaluate_json(), on a document of the first holder of FILE: prints
 * one_call_us=.. (best of many).
 *
 * SPDX-License-Identifier: MIT
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <recert.h>

#include "read_all.h"

static double clock_s(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double now(void)
{
    return clock_s(CLOCK_MONOTONIC);
}

static void die(const char *what, int rc)
{
    fprintf(stderr, "inmem: %s: %s (%s)\n", what, recert_error_message(), recert_strerror(rc));
    exit(1);
}

typedef struct job {
    const char *text;
    size_t len;
    int32_t as_of;
    double min_time;
    unsigned long fixed_evals; /* --evals N: exactly N, whatever the time */
    pthread_barrier_t *start;
    /* results */
    size_t creds;
    double import_s, best_eval_s, cpu_s, wall_s, to_json_s;
    unsigned long evals;
} job;

static void *run(void *arg)
{
    job *j = arg;
    recert_roster *roster;
    recert_report *report;
    double t0, c0, w0, best = -1;
    int rc;

    t0 = now();
    if ((rc = recert_roster_from_json(&roster, j->text, j->len)) != RECERT_OK)
        die("import", rc);
    j->import_s = now() - t0;

    /* count the credentials once */
    if ((rc = recert_roster_evaluate(&report, roster, j->as_of)) != RECERT_OK)
        die("evaluate", rc);
    j->creds = 0;
    for (size_t h = 0; h < recert_report_holder_count(report); h++)
        j->creds += recert_report_credential_count(report, h);
    {
        char *out;
        t0 = now();
        if ((rc = recert_report_to_json(&out, report, 0)) != RECERT_OK)
            die("report_to_json", rc);
        j->to_json_s = now() - t0;
        recert_free(out);
    }
    recert_report_free(report);

    if (j->start)
        pthread_barrier_wait(j->start);
    w0 = now();
    c0 = clock_s(CLOCK_THREAD_CPUTIME_ID);
    j->evals = 0;
    do {
        t0 = now();
        if ((rc = recert_roster_evaluate(&report, roster, j->as_of)) != RECERT_OK)
            die("evaluate", rc);
        recert_report_free(report);
        t0 = now() - t0;
        if (best < 0 || t0 < best)
            best = t0;
        j->evals++;
    } while (j->fixed_evals ? j->evals < j->fixed_evals : j->evals < 3 || now() - w0 < j->min_time);
    j->cpu_s = clock_s(CLOCK_THREAD_CPUTIME_ID) - c0;
    j->wall_s = now() - w0;
    j->best_eval_s = best;
    recert_roster_free(roster);
    return NULL;
}

/* The first holder of the document as a records document of its own, cut
 * out of the text ("holders":[{...}, ...). */
static char *first_holder_doc(const char *text, size_t *len)
{
    const char *p = strstr(text, "\"holders\":[");
    const char *start, *q;
    int depth = 0, in_str = 0;
    char *doc;
    if (!p)
        return NULL;
    start = p + strlen("\"holders\":[");
    for (q = start; *q; q++) {
        if (in_str) {
            if (*q == '\\')
                q++;
            else if (*q == '"')
                in_str = 0;
        } else if (*q == '"') {
            in_str = 1;
        } else if (*q == '{' || *q == '[') {
            depth++;
        } else if (*q == '}' || *q == ']') {
            if (--depth == 0) {
                q++;
                break;
            }
        }
    }
    *len = (size_t)(q - start) + strlen("{\"recert\":1,\"holders\":[]}");
    doc = malloc(*len + 1);
    if (!doc)
        return NULL;
    snprintf(doc, *len + 1, "{\"recert\":1,\"holders\":[%.*s]}", (int)(q - start), start);
    return doc;
}

int main(int argc, char **argv)
{
    int threads = 1, one_call = 0;
    unsigned long fixed_evals = 0;
    double min_time = 2.0;
    const char *as_of_text = "2026-11-23", *path = NULL;
    int32_t as_of;
    size_t len;
    char *text;
    int rc;

    for (int i = 1; i < argc; i++) {
        if (i + 1 < argc && strcmp(argv[i], "--threads") == 0)
            threads = atoi(argv[++i]);
        else if (i + 1 < argc && strcmp(argv[i], "--min-time") == 0)
            min_time = atof(argv[++i]);
        else if (i + 1 < argc && strcmp(argv[i], "--as-of") == 0)
            as_of_text = argv[++i];
        else if (i + 1 < argc && strcmp(argv[i], "--evals") == 0)
            fixed_evals = strtoul(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--one-call") == 0)
            one_call = 1;
        else if (!path && argv[i][0] != '-')
            path = argv[i];
        else
            path = NULL, i = argc;
    }
    if (!path || threads < 1 || threads > 64) {
        fputs("usage: inmem [--threads N] [--min-time S | --evals N] [--as-of YYYY-MM-DD] [--one-call] FILE\n", stderr);
        return 2;
    }
    if ((rc = recert_date_parse(&as_of, as_of_text)) != RECERT_OK)
        die("--as-of", rc);
    text = read_all("inmem", path, &len);

    if (one_call) {
        size_t dlen;
        char *doc = first_holder_doc(text, &dlen);
        double best = -1, w0 = now();
        unsigned long n = 0;
        if (!doc) {
            fputs("inmem: no holder in the document\n", stderr);
            return 1;
        }
        do {
            /* batches of 100 calls, so the clock's cost does not count */
            double t0 = now(), t;
            for (int k = 0; k < 100; k++) {
                char *out;
                if ((rc = recert_evaluate_json(&out, doc, dlen, as_of_text)) != RECERT_OK)
                    die("recert_evaluate_json", rc);
                recert_free(out);
            }
            t = (now() - t0) / 100;
            if (best < 0 || t < best)
                best = t;
            n += 100;
        } while (n < 1000 || now() - w0 < min_time);
        printf("one_call_us=%.2f calls=%lu doc_bytes=%zu\n", best * 1e6, n, dlen);
        free(doc);
        free(text);
        return 0;
    }

    {
        job *jobs = calloc((size_t)threads, sizeof *jobs);
        pthread_t *tid = calloc((size_t)threads, sizeof *tid);
        pthread_barrier_t start;
        size_t creds = 0;
        double cpu = 0, wall = 0, best = -1, import_s = 0, to_json = 0;
        unsigned long long evaluated = 0;

        if (!jobs || !tid)
            return 1;
        /* the default catalog, built once before the threads start */
        {
            const recert_catalog *cat;
            (void)recert_catalog_default(&cat);
        }
        pthread_barrier_init(&start, NULL, (unsigned)threads);
        for (int t = 0; t < threads; t++) {
            jobs[t] = (job){.text = text, .len = len, .as_of = as_of, .min_time = min_time,
                            .fixed_evals = fixed_evals, .start = threads > 1 ? &start : NULL};
            if (pthread_create(&tid[t], NULL, run, &jobs[t]) != 0) {
                fputs("inmem: cannot start a thread\n", stderr);
                return 1;
            }
        }
        for (int t = 0; t < threads; t++) {
            pthread_join(tid[t], NULL);
            creds = jobs[t].creds;
            cpu += jobs[t].cpu_s;
            if (jobs[t].wall_s > wall)
                wall = jobs[t].wall_s;
            if (best < 0 || jobs[t].best_eval_s < best)
                best = jobs[t].best_eval_s;
            if (jobs[t].import_s > import_s)
                import_s = jobs[t].import_s;
            to_json = jobs[t].to_json_s;
            evaluated += (unsigned long long)jobs[t].creds * jobs[t].evals;
        }
        printf("creds=%zu threads=%d import_s=%.4f eval_s=%.4f to_json_s=%.4f per_cpu_core=%.0f per_wall=%.0f "
               "evals=%llu\n",
               creds, threads, import_s, best, to_json, (double)evaluated / cpu, (double)evaluated / wall,
               evaluated / (creds ? creds : 1));
        pthread_barrier_destroy(&start);
        free(jobs);
        free(tid);
    }
    free(text);
    return 0;
}

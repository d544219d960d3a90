/*
 * recert evaluate --ndjson — batch evaluation: one JSON document a line in
 * (a records document, or a bare holder object wrapped as a records document
 * of one holder), one compact report a line out, in input order.
 *
 * A reader (the calling thread) fills a ring of a few slots per worker, each
 * slot a batch of up to BATCH_LINES lines (or BATCH_BYTES of text), so that
 * the threads meet once a batch, not once a line; workers evaluate the
 * slots in any order; a writer thread prints them in input order and frees
 * their slots. Memory stays bounded by the ring, whatever the number of
 * lines. A bad line gives
 * {"line": N, "error": {"code": ..., "path": ..., "message": ...}} and the
 * rest goes on.
 *
 * SPDX-License-Identifier: MIT
 */
#include "cli.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

enum { BATCH_LINES = 64, BATCH_BYTES = 1 << 20 };

typedef struct slot {
    char *line[BATCH_LINES]; /* the input lines, without their ends of line */
    size_t len[BATCH_LINES];
    unsigned long lineno[BATCH_LINES];
    unsigned char over[BATCH_LINES]; /* longer than a document may be: not kept, an error */
    size_t n, bytes;
    char *out;    /* the output lines (sbuf data), each ending in a newline */
    size_t outlen;
    unsigned long failed; /* lines that gave an error */
    int done;     /* out is ready */
} slot;

typedef struct batch {
    pthread_mutex_t mu;
    pthread_cond_t work;  /* a slot was filled, or the input ended */
    pthread_cond_t ready; /* a slot is done, or the input ended */
    pthread_cond_t space; /* a slot was written and freed */
    slot *ring;
    size_t cap;
    unsigned long long filled, claimed, written; /* sequence numbers of slots */
    unsigned long long lines_written;
    int eof;
    const char *as_of;
    FILE *out;
    int write_error;
    unsigned long errors;
    int progress; /* stderr is a terminal */
} batch;

/* ---- one line ---------------------------------------------------------------- */

/* One line's report: the one-call entry point, or with --policies the
 * same steps against that catalog. */
static int evaluate_text(char **out, const char *text, size_t len, const char *as_of)
{
    if (!g_catalog)
        return recert_evaluate_json(out, text, len, as_of);
    recert_roster *roster = NULL;
    recert_report *report = NULL;
    int32_t day;
    int rc = recert_date_parse(&day, as_of);
    if (rc == RECERT_OK)
        rc = recert_roster_from_json_catalog(&roster, text, len, g_catalog);
    if (rc == RECERT_OK)
        rc = recert_roster_evaluate(&report, roster, day);
    if (rc == RECERT_OK)
        rc = recert_report_to_json(out, report, 0);
    recert_report_free(report);
    recert_roster_free(roster);
    return rc;
}

/* A parse error's message gives "line L, column C" of the text the library
 * read. That text is the input line itself, or (wrapped) the line alone on
 * the second of three lines; say where it is in the input instead: line
 * lineno, the column in that line (the end of the line for an error in the
 * wrapper's last line). */
static void where_in_input(sbuf *b, const char *message, unsigned long lineno, size_t len, int wrapped)
{
    const char *at = strstr(message, "line ");
    unsigned long l = 0, c = 0;
    int used = 0;
    if (at && sscanf(at, "line %lu, column %lu%n", &l, &c, &used) == 2 && used > 0) {
        if (wrapped && l != 2)
            c = (unsigned long)len + 1;
        sb_putn(b, message, (size_t)(at - message));
        sb_printf(b, "line %lu, column %lu", lineno, c);
        sb_puts(b, at + used);
    } else {
        sb_puts(b, message);
    }
}

static void error_line(sbuf *b, unsigned long lineno, int code, const char *path, const char *message,
                       size_t len, int wrapped)
{
    sbuf m;
    sb_init(&m);
    if (code == RECERT_EPARSE && message && *message)
        where_in_input(&m, message, lineno, len, wrapped);
    else
        sb_puts(&m, message && *message ? message : recert_strerror(code));
    sb_printf(b, "{\"line\":%lu,\"error\":{\"code\":", lineno);
    sb_json_string(b, error_code_name(code));
    sb_puts(b, ",\"path\":");
    sb_json_string(b, path ? path : "");
    sb_puts(b, ",\"message\":");
    sb_json_string(b, m.data);
    sb_puts(b, "}}");
    sb_free(&m);
}

/* One line's output (a report, or an error line) and a newline, into b. */
static int evaluate_line(sbuf *b, const char *line, size_t len, unsigned long lineno, const char *as_of)
{
    sbuf wrapped;
    char *report = NULL;
    const char *text = line;
    int rc, failed;

    sb_init(&wrapped);
    /* A line that is an object without "recert" is one holder: wrap it,
     * alone on the second line, so that its columns stay its own. */
    if (json_object_has_member(line, len, "recert") == 0) {
        sb_puts(&wrapped, "{\"recert\":1,\"holders\":[\n");
        sb_putn(&wrapped, line, len);
        sb_puts(&wrapped, "\n]}");
        text = wrapped.data;
    }
    rc = evaluate_text(&report, text, text == line ? len : wrapped.len, as_of);
    if (rc == RECERT_OK && report) {
        /* Compact output is one line already; keep it so whatever it is. */
        for (char *p = report; *p; p++)
            if (*p == '\n' || *p == '\r')
                *p = ' ';
        sb_puts(b, report);
        recert_free(report);
        failed = 0;
    } else {
        error_line(b, lineno, rc, recert_error_path(), recert_error_message(), len, text != line);
        failed = 1;
    }
    sb_putc(b, '\n');
    sb_free(&wrapped);
    return failed;
}

static void evaluate_slot(slot *s, const char *as_of)
{
    sbuf b;
    sb_init(&b);
    s->failed = 0;
    for (size_t i = 0; i < s->n; i++) {
        if (s->over[i]) {
            char msg[96];
            snprintf(msg, sizeof msg, "a line of more than %d MiB, the limit of one document",
                     RECERT_MAX_DOCUMENT_BYTES >> 20);
            error_line(&b, s->lineno[i], RECERT_ELIMIT, "", msg, 0, 0);
            sb_putc(&b, '\n');
            s->failed++;
        } else {
            s->failed += (unsigned long)evaluate_line(&b, s->line[i], s->len[i], s->lineno[i], as_of);
        }
        free(s->line[i]);
        s->line[i] = NULL;
    }
    s->out = b.data;
    s->outlen = b.len;
}

/* ---- threads ----------------------------------------------------------------- */

static void *worker_main(void *arg)
{
    batch *bt = arg;
    for (;;) {
        slot *s;
        pthread_mutex_lock(&bt->mu);
        while (bt->claimed == bt->filled && !bt->eof)
            pthread_cond_wait(&bt->work, &bt->mu);
        if (bt->claimed == bt->filled) {
            pthread_mutex_unlock(&bt->mu);
            return NULL;
        }
        s = &bt->ring[bt->claimed % bt->cap];
        bt->claimed++;
        pthread_mutex_unlock(&bt->mu);

        evaluate_slot(s, bt->as_of);

        pthread_mutex_lock(&bt->mu);
        s->done = 1;
        pthread_cond_broadcast(&bt->ready);
        pthread_mutex_unlock(&bt->mu);
    }
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void show_progress(unsigned long long written, unsigned long errors)
{
    fprintf(stderr, "\rrecert: %llu lines, %lu errors\033[K", written, errors);
    fflush(stderr);
}

static void *writer_main(void *arg)
{
    batch *bt = arg;
    double last = now_seconds();

    pthread_mutex_lock(&bt->mu);
    for (;;) {
        slot *s = &bt->ring[bt->written % bt->cap];
        if (bt->written < bt->filled && s->done) {
            char *out = s->out;
            size_t outlen = s->outlen, lines = s->n;
            unsigned long failed = s->failed;
            pthread_mutex_unlock(&bt->mu);

            if (!bt->write_error && fwrite(out, 1, outlen, bt->out) != outlen)
                bt->write_error = errno ? errno : EIO;
            free(out);

            pthread_mutex_lock(&bt->mu);
            memset(s, 0, sizeof *s);
            bt->written++;
            bt->lines_written += lines;
            bt->errors += failed;
            pthread_cond_signal(&bt->space);
            if (bt->progress && now_seconds() - last >= 1.0) {
                last = now_seconds();
                show_progress(bt->lines_written, bt->errors);
            }
            continue;
        }
        if (bt->eof && bt->written == bt->filled)
            break;
        if (bt->progress) {
            struct timespec until;
            clock_gettime(CLOCK_REALTIME, &until);
            until.tv_sec += 1;
            pthread_cond_timedwait(&bt->ready, &bt->mu, &until);
            if (now_seconds() - last >= 1.0) {
                last = now_seconds();
                show_progress(bt->lines_written, bt->errors);
            }
        } else {
            pthread_cond_wait(&bt->ready, &bt->mu);
        }
    }
    pthread_mutex_unlock(&bt->mu);
    if (fflush(bt->out) != 0 && !bt->write_error)
        bt->write_error = errno ? errno : EIO;
    return NULL;
}

/* Hand a batch of lines to the workers, waiting while the ring is full;
 * the slot takes the lines over and *pending is emptied. */
static void submit(batch *bt, slot *pending)
{
    slot *s;
    if (pending->n == 0)
        return;
    pthread_mutex_lock(&bt->mu);
    while (bt->filled - bt->written >= bt->cap)
        pthread_cond_wait(&bt->space, &bt->mu);
    s = &bt->ring[bt->filled % bt->cap];
    *s = *pending;
    s->out = NULL;
    s->done = 0;
    bt->filled++;
    pthread_cond_signal(&bt->work);
    pthread_mutex_unlock(&bt->mu);
    memset(pending, 0, sizeof *pending);
}

/* Read one line (without its newline) into *line, at most max bytes of
 * it: the rest of a longer line is read and dropped, and *over says so.
 * Returns 1 for a line, 0 at the end of the input, -1 for a read error
 * (errno). A NUL byte stays in the line (the parser refuses it). */
static int read_line(FILE *in, char **line, size_t *len, size_t max, int *over)
{
    sbuf b;
    char chunk[4096];
    size_t k = 0;
    int c, any = 0;
    sb_init(&b);
    *over = 0;
    errno = 0;
    while ((c = getc_unlocked(in)) != EOF) {
        any = 1;
        if (c == '\n')
            break;
        if (b.len + k >= max) {
            *over = 1;
            continue;
        }
        chunk[k++] = (char)c;
        if (k == sizeof chunk) {
            sb_putn(&b, chunk, k);
            k = 0;
        }
    }
    sb_putn(&b, chunk, k);
    if (c == EOF && ferror(in)) {
        int err = errno ? errno : EIO;
        sb_free(&b);
        errno = err;
        return -1;
    }
    if (!any) {
        sb_free(&b);
        return 0;
    }
    *line = b.data;
    *len = b.len;
    return 1;
}

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return 0;
    return 1;
}

int batch_run(const char *path, const char *as_of, long jobs)
{
    int use_stdin = strcmp(path, "-") == 0;
    FILE *in = use_stdin ? stdin : fopen(path, "rb");
    batch bt;
    pthread_t *workers, writer;
    long started = 0;
    int writer_started = 0, status = EXIT_OK, read_error = 0;
    unsigned long lineno = 0;
    char *line = NULL;
    size_t len = 0;
    int got, over = 0;
    slot *pending;

    if (!in) {
        fprintf(stderr, "recert: %s: %s\n", term_text(path), strerror(errno));
        return EXIT_BAD;
    }
    pending = xcalloc(1, sizeof *pending);
    memset(&bt, 0, sizeof bt);
    pthread_mutex_init(&bt.mu, NULL);
    pthread_cond_init(&bt.work, NULL);
    pthread_cond_init(&bt.ready, NULL);
    pthread_cond_init(&bt.space, NULL);
    bt.cap = (size_t)jobs * 4;
    bt.ring = xcalloc(bt.cap, sizeof *bt.ring);
    bt.as_of = as_of;
    bt.out = stdout;
    bt.progress = isatty(STDERR_FILENO);

    /* Make sure the default catalog is built once, here, before the
     * threads race for it (the library locks it anyway). */
    {
        const recert_catalog *cat;
        (void)recert_catalog_default(&cat);
    }

    workers = xcalloc((size_t)jobs, sizeof *workers);
    for (long i = 0; i < jobs; i++) {
        if (pthread_create(&workers[i], NULL, worker_main, &bt) != 0)
            break;
        started++;
    }
    if (started > 0 && pthread_create(&writer, NULL, writer_main, &bt) == 0)
        writer_started = 1;
    if (!writer_started) {
        fputs("recert: cannot start threads\n", stderr);
        status = EXIT_BAD;
        pthread_mutex_lock(&bt.mu);
        bt.eof = 1;
        pthread_cond_broadcast(&bt.work);
        pthread_mutex_unlock(&bt.mu);
        goto join;
    }

    while ((got = read_line(in, &line, &len, RECERT_MAX_DOCUMENT_BYTES, &over)) > 0) {
        lineno++;
        if (over) { /* keep nothing of it */
            free(line);
            line = xstrdup("");
            len = 0;
        }
        while (len > 0 && line[len - 1] == '\r')
            len--;
        line[len] = '\0';
        if (!over && blank(line, len)) {
            free(line);
            line = NULL;
            continue; /* blank lines are skipped; line numbers still count them */
        }
        pending->line[pending->n] = line; /* the batch owns it now */
        pending->len[pending->n] = len;
        pending->lineno[pending->n] = lineno;
        pending->over[pending->n] = (unsigned char)over;
        pending->n++;
        pending->bytes += len;
        if (pending->n == BATCH_LINES || pending->bytes >= BATCH_BYTES)
            submit(&bt, pending);
        line = NULL;
    }
    if (got < 0)
        read_error = errno ? errno : EIO;
    submit(&bt, pending);

    pthread_mutex_lock(&bt.mu);
    bt.eof = 1;
    pthread_cond_broadcast(&bt.work);
    pthread_cond_broadcast(&bt.ready);
    pthread_mutex_unlock(&bt.mu);

join:
    for (long i = 0; i < started; i++)
        pthread_join(workers[i], NULL);
    if (writer_started)
        pthread_join(writer, NULL);
    if (bt.progress && writer_started) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
    }

    if (read_error) {
        fprintf(stderr, "recert: %s: line %lu: %s (the lines before it were evaluated, the rest was not read)\n",
                term_text(display_name(path)), lineno + 1, strerror(read_error));
        status = EXIT_BAD;
    }
    if (bt.errors > 0 && status == EXIT_OK)
        status = EXIT_BAD;
    if (bt.write_error) {
        note_write_error(bt.write_error);
        status = finish_stdout(status);
    }

    free(workers);
    for (size_t i = 0; i < bt.cap; i++) {
        for (size_t k = 0; k < bt.ring[i].n; k++)
            free(bt.ring[i].line[k]);
        free(bt.ring[i].out);
    }
    for (size_t k = 0; k < pending->n; k++)
        free(pending->line[k]);
    free(pending);
    free(bt.ring);
    pthread_cond_destroy(&bt.work);
    pthread_cond_destroy(&bt.ready);
    pthread_cond_destroy(&bt.space);
    pthread_mutex_destroy(&bt.mu);
    if (!use_stdin)
        fclose(in);
    return status;
}

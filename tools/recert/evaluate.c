/*
 * recert evaluate — a records document in, the report out: a table for a
 * terminal, the report document (--json), or one report line per input line
 * (--ndjson, in ndjson.c).
 *
 * SPDX-License-Identifier: MIT
 */
#include "cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char evaluate_help[] =
    "\n"
    "Evaluate every credential of a records document as of a day.\n"
    "\n"
    "options:\n"
    "  --as-of YYYY-MM-DD  the evaluation day (default: today, local time)\n"
    "  --json              print the report document (docs/format.md) instead of a table\n"
    "  --pretty            indent the report document (implies --json)\n"
    "  --holder ID         only this holder (repeatable, or ID,ID,...)\n"
    "  --status S,...      table: only these statuses (lapsed, late, in_progress,\n"
    "                      submitted, eligible, renewed)\n"
    "  --due-within DAYS   table: only credentials whose next deadline is at most\n"
    "                      DAYS days away\n"
    "  --color WHEN        table colours: auto (default: a terminal and NO_COLOR\n"
    "                      unset), always, never\n"
    "  --ndjson            one JSON document a line in (a records document or a\n"
    "                      bare holder object), one compact report a line out\n"
    "  --jobs N            --ndjson: worker threads (default: online CPUs)\n"
    "\n"
    "exit status: 0 success, 1 bad input, 2 usage error.\n";

/* ---- the table -------------------------------------------------------------- */

enum { COL_HOLDER, COL_CERT, COL_STATUS, COL_DEADLINE, COL_DAYS, COL_CREDITS, COL_FEE, COL_AUDIT,
       COL_NOTICE, NCOLS };

static const char *const col_title[NCOLS] = {
    "HOLDER", "CERTIFICATION", "STATUS", "NEXT DEADLINE", "DAYS", "CREDITS", "FEE", "AUDIT", "NOTICE",
};

typedef struct row {
    size_t h, c, order;
    int status;
    int has_deadline;
    int32_t days_left;
    char *cell[NCOLS];
} row;

/* Urgency: lapsed first, renewed last. */
static int status_rank(int status)
{
    switch (status) {
    case RECERT_STATUS_LAPSED: return 0;
    case RECERT_STATUS_LATE: return 1;
    case RECERT_STATUS_IN_PROGRESS: return 2;
    case RECERT_STATUS_SUBMITTED: return 3;
    case RECERT_STATUS_ELIGIBLE: return 4;
    case RECERT_STATUS_RENEWED: return 5;
    default: return 6;
    }
}

static const char *status_colour(int status)
{
    switch (status) {
    case RECERT_STATUS_LAPSED: return "\033[1;31m";
    case RECERT_STATUS_LATE: return "\033[31m";
    case RECERT_STATUS_IN_PROGRESS: return "\033[33m";
    case RECERT_STATUS_SUBMITTED: return "\033[36m";
    case RECERT_STATUS_ELIGIBLE: return "\033[32m";
    case RECERT_STATUS_RENEWED: return "\033[2;32m";
    default: return "";
    }
}

/* The most important notice first: what needs the holder's action soonest
 * (audit documents, a petition to file, a CPR/AED to renew), then news. */
static int notice_rank(int code)
{
    switch (code) {
    case RECERT_NOTICE_AUDIT_OVERDUE: return 0;
    case RECERT_NOTICE_AUDIT_DOCUMENTS_DUE: return 1;
    case RECERT_NOTICE_PETITION_REQUIRED: return 2;
    case RECERT_NOTICE_CPR_AED_EXPIRES_BEFORE_DEADLINE: return 3;
    case RECERT_NOTICE_PETITION_DENIED: return 4;
    case RECERT_NOTICE_PETITION_PENDING: return 5;
    case RECERT_NOTICE_CREDIT_OUTSIDE_WINDOW: return 6;
    case RECERT_NOTICE_HANDS_ON_ASSESSMENT_RECOMMENDED: return 7;
    default: return 8;
    }
}

/*
 * The next deadline that matters for the credential's status, on or after
 * the evaluation day: while renewal is open (in_progress, eligible, late) the
 * first of the on-time, late-fee and final deadlines; for a submitted
 * application the audit documents' due day while they are due; none for a
 * renewed or lapsed credential.
 */
static int32_t next_deadline(const recert_report *rep, size_t h, size_t c, int status, int32_t as_of,
                             const char **kind)
{
    static const struct {
        recert_date_kind which;
        const char *label;
    } open_kinds[] = {
        {RECERT_DATE_ON_TIME_DEADLINE, "on time"},
        {RECERT_DATE_LATE_FEE_DEADLINE, "late fee"},
        {RECERT_DATE_FINAL_DEADLINE, "final"},
    };
    *kind = NULL;
    switch (status) {
    case RECERT_STATUS_IN_PROGRESS:
    case RECERT_STATUS_ELIGIBLE:
    case RECERT_STATUS_LATE:
        for (size_t i = 0; i < sizeof open_kinds / sizeof open_kinds[0]; i++) {
            int32_t d = recert_report_date(rep, h, c, open_kinds[i].which);
            if (d != RECERT_DAY_NONE && d >= as_of) {
                *kind = open_kinds[i].label;
                return d;
            }
        }
        break;
    case RECERT_STATUS_SUBMITTED:
        if (recert_report_audit(rep, h, c) == RECERT_AUDIT_DOCUMENTS_DUE) {
            int32_t d = recert_report_date(rep, h, c, RECERT_DATE_AUDIT_DOCUMENTS_DUE);
            if (d != RECERT_DAY_NONE && d >= as_of) {
                *kind = "documents";
                return d;
            }
        }
        break;
    default:
        break;
    }
    return RECERT_DAY_NONE;
}

/* A cell's text, with control characters (a newline in a name, an escape
 * sequence) escaped (term_text), so that the table stays a table and the
 * terminal only shows text. */
static char *cell_text(const char *s)
{
    return xstrdup(term_text(s && *s ? s : "-"));
}

/* A formatted cell. */
static char *cellf(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
static char *cellf(const char *fmt, ...)
{
    sbuf b;
    va_list ap;
    int n;
    char *t;
    sb_init(&b);
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return cell_text(NULL);
    b.data = xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(b.data, (size_t)n + 1, fmt, ap);
    va_end(ap);
    t = cell_text(b.data);
    free(b.data);
    return t;
}

static int row_cmp(const void *a, const void *b)
{
    const row *x = a, *y = b;
    int rx = status_rank(x->status), ry = status_rank(y->status);
    if (rx != ry)
        return rx < ry ? -1 : 1;
    if (x->has_deadline != y->has_deadline)
        return x->has_deadline ? -1 : 1;
    if (x->has_deadline && x->days_left != y->days_left)
        return x->days_left < y->days_left ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

typedef struct filters {
    char **holders; /* NULL-terminated list, or NULL: every holder */
    size_t nholders;
    unsigned status_mask; /* bit per recert_status; 0: every status */
    long due_within;      /* -1: no filter */
} filters;

static int holder_wanted(const filters *f, const char *id)
{
    if (!f->nholders)
        return 1;
    for (size_t i = 0; i < f->nholders; i++)
        if (id && strcmp(f->holders[i], id) == 0)
            return 1;
    return 0;
}

static void fill_row(row *r, const recert_report *rep, const recert_roster *roster, size_t h, size_t c,
                     int32_t as_of)
{
    char a[64], b[64], day[RECERT_DATE_BUFSIZE];
    const recert_holder *holder = recert_roster_holder_at(roster, h);
    const char *name = holder ? recert_holder_name(holder) : NULL;
    const char *kind;
    int32_t due;
    int64_t per_hour = recert_report_unit_per_hour(rep, h, c);
    const char *unit = recert_report_unit(rep, h, c);
    size_t nn;

    r->h = h;
    r->c = c;
    r->status = recert_report_status(rep, h, c);

    r->cell[COL_HOLDER] = cell_text(name && *name ? name : recert_report_holder_id(rep, h));
    r->cell[COL_CERT] = cell_text(recert_report_policy_id(rep, h, c));
    r->cell[COL_STATUS] = cell_text(recert_status_name(r->status));

    due = next_deadline(rep, h, c, r->status, as_of, &kind);
    r->has_deadline = due != RECERT_DAY_NONE;
    if (r->has_deadline) {
        r->days_left = due - as_of;
        r->cell[COL_DEADLINE] = cellf("%s (%s)", day_text(day, due), kind);
        r->cell[COL_DAYS] = cellf("%ld", (long)r->days_left);
    } else {
        r->days_left = 0;
        r->cell[COL_DEADLINE] = cell_text(NULL);
        r->cell[COL_DAYS] = cell_text(NULL);
    }

    if (per_hour > 0 &&
        recert_amount_format(a, sizeof a, recert_report_credits(rep, h, c, RECERT_CREDITS_EARNED), per_hour) ==
            RECERT_OK &&
        recert_amount_format(b, sizeof b, recert_report_credits(rep, h, c, RECERT_CREDITS_REQUIRED),
                             per_hour) == RECERT_OK) {
        r->cell[COL_CREDITS] = cellf("%s/%s %s", a, b, unit ? unit : "");
    } else {
        r->cell[COL_CREDITS] = cell_text(NULL);
    }

    if (recert_report_tier_kind(rep, h, c) == RECERT_TIER_CLOSED) {
        r->cell[COL_FEE] = cell_text("closed");
    } else {
        const char *tier = recert_report_tier(rep, h, c);
        money_text(a, sizeof a, recert_report_fee(rep, h, c, RECERT_FEE_TOTAL), recert_report_currency(rep, h, c));
        if (tier && recert_report_tier_kind(rep, h, c) == RECERT_TIER_LATE)
            r->cell[COL_FEE] = cellf("%s (%s)", a, tier);
        else
            r->cell[COL_FEE] = cellf("%s", a);
    }

    {
        int audit = recert_report_audit(rep, h, c);
        r->cell[COL_AUDIT] = cell_text(audit == RECERT_AUDIT_NONE ? NULL : recert_audit_state_name(audit));
    }

    nn = recert_report_notice_count(rep, h, c);
    if (nn == 0) {
        r->cell[COL_NOTICE] = cell_text(NULL);
    } else {
        size_t best = 0;
        for (size_t i = 1; i < nn; i++)
            if (notice_rank(recert_report_notice_code(rep, h, c, i)) <
                notice_rank(recert_report_notice_code(rep, h, c, best)))
                best = i;
        int code = recert_report_notice_code(rep, h, c, best);
        const char *cname = recert_notice_code_name(code);
        if (cname)
            snprintf(a, sizeof a, "%s", cname);
        else
            snprintf(a, sizeof a, "notice %d", code);
        if (nn > 1)
            r->cell[COL_NOTICE] = cellf("%s (+%zu)", a, nn - 1);
        else
            r->cell[COL_NOTICE] = cellf("%s", a);
    }
}

static void print_padded(const char *s, size_t width, int right, const char *colour, int last)
{
    size_t w = utf8_width(s), pad = width > w ? width - w : 0;
    if (right)
        for (size_t i = 0; i < pad; i++)
            putchar(' ');
    if (colour && *colour)
        printf("%s%s\033[0m", colour, s);
    else
        fputs(s, stdout);
    if (!right && !last)
        for (size_t i = 0; i < pad; i++)
            putchar(' ');
    if (!last)
        fputs("  ", stdout);
}

static void print_table(row *rows, size_t n, int colour)
{
    size_t width[NCOLS];
    for (int k = 0; k < NCOLS; k++) {
        width[k] = utf8_width(col_title[k]);
        for (size_t i = 0; i < n; i++) {
            size_t w = utf8_width(rows[i].cell[k]);
            if (w > width[k])
                width[k] = w;
        }
    }
    for (int k = 0; k < NCOLS; k++)
        print_padded(col_title[k], width[k], k == COL_DAYS, colour ? "\033[1m" : NULL, k == NCOLS - 1);
    putchar('\n');
    for (size_t i = 0; i < n; i++) {
        for (int k = 0; k < NCOLS; k++) {
            const char *col = NULL;
            if (colour && k == COL_STATUS)
                col = status_colour(rows[i].status);
            else if (colour && k == COL_DAYS && rows[i].has_deadline && rows[i].days_left <= 30)
                col = "\033[33m";
            print_padded(rows[i].cell[k], width[k], k == COL_DAYS, col, k == NCOLS - 1);
        }
        putchar('\n');
    }
}

static int render_table(const recert_report *rep, const recert_roster *roster, const filters *f, int32_t as_of,
                        int colour)
{
    size_t nh = recert_report_holder_count(rep), total = 0, n = 0;
    row *rows;

    for (size_t h = 0; h < nh; h++)
        total += recert_report_credential_count(rep, h);
    rows = xcalloc(total ? total : 1, sizeof *rows);
    for (size_t h = 0; h < nh; h++) {
        size_t nc = recert_report_credential_count(rep, h);
        if (!holder_wanted(f, recert_report_holder_id(rep, h)))
            continue;
        for (size_t c = 0; c < nc; c++) {
            row *r = &rows[n];
            fill_row(r, rep, roster, h, c, as_of);
            r->order = n;
            if ((f->status_mask && (r->status < 0 || !(f->status_mask & (1u << r->status)))) ||
                (f->due_within >= 0 && (!r->has_deadline || r->days_left > f->due_within))) {
                for (int k = 0; k < NCOLS; k++)
                    free(r->cell[k]);
                memset(r, 0, sizeof *r);
                continue;
            }
            n++;
        }
    }
    qsort(rows, n, sizeof *rows, row_cmp);
    print_table(rows, n, colour);
    for (size_t i = 0; i < n; i++)
        for (int k = 0; k < NCOLS; k++)
            free(rows[i].cell[k]);
    free(rows);
    return finish_stdout(EXIT_OK);
}

/* ---- options ---------------------------------------------------------------- */

static int add_status_filter(filters *f, const char *list)
{
    const char *p = list;
    for (;;) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        int found = 0;
        for (int s = 0; s < 32; s++) {
            const char *name = recert_status_name(s);
            if (!name)
                break;
            if (strlen(name) == n && strncmp(name, p, n) == 0) {
                f->status_mask |= 1u << s;
                found = 1;
                break;
            }
        }
        if (!found) {
            usage_error("evaluate", "--status: unknown status \"%.*s\"", (int)n, p);
            return -1;
        }
        if (!comma)
            return 0;
        p = comma + 1;
    }
}

static void add_holder_filter(filters *f, const char *list)
{
    const char *p = list;
    for (;;) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        char *id = xmalloc(n + 1);
        memcpy(id, p, n);
        id[n] = '\0';
        f->holders = xrealloc(f->holders, (f->nholders + 1) * sizeof *f->holders);
        f->holders[f->nholders++] = id;
        if (!comma)
            return;
        p = comma + 1;
    }
}

static void free_filters(filters *f)
{
    for (size_t i = 0; i < f->nholders; i++)
        free(f->holders[i]);
    free(f->holders);
}

static int write_text(const char *text)
{
    fputs(text, stdout);
    putchar('\n');
    return finish_stdout(EXIT_OK);
}

int cmd_evaluate(int argc, char **argv)
{
    static const char cmd[] = "evaluate";
    opt_parser op;
    filters f = {NULL, 0, 0, -1};
    const char *as_of_text = NULL, *file = NULL, *color = "auto";
    int json = 0, pretty = 0, ndjson = 0, have_jobs = 0, status = EXIT_OK, k;
    long jobs = 0;
    char iso[RECERT_DATE_BUFSIZE];
    int32_t as_of;
    char *text = NULL;
    size_t len = 0;
    recert_roster *roster = NULL;
    recert_report *report = NULL;

    opt_init(&op, argc, argv);
    while ((k = opt_next(&op)) != OPT_END) {
        const char *v;
        if (k == OPT_POSITIONAL) {
            if (file) {
                status = usage_error(cmd, "more than one file: %s", op.arg);
                goto out;
            }
            file = op.arg;
            continue;
        }
        if (strcmp(op.name, "help") == 0 || strcmp(op.name, "h") == 0) {
            printf("%s\n%s", usage_line(cmd), evaluate_help);
            goto out;
        } else if (strcmp(op.name, "as-of") == 0) {
            if (!(as_of_text = opt_value(&op, cmd))) {
                status = EXIT_USAGE;
                goto out;
            }
        } else if (strcmp(op.name, "json") == 0) {
            if (opt_no_value(&op, cmd)) {
                status = EXIT_USAGE;
                goto out;
            }
            json = 1;
        } else if (strcmp(op.name, "pretty") == 0) {
            if (opt_no_value(&op, cmd)) {
                status = EXIT_USAGE;
                goto out;
            }
            json = pretty = 1;
        } else if (strcmp(op.name, "ndjson") == 0) {
            if (opt_no_value(&op, cmd)) {
                status = EXIT_USAGE;
                goto out;
            }
            ndjson = 1;
        } else if (strcmp(op.name, "jobs") == 0) {
            if (!(v = opt_value(&op, cmd))) {
                status = EXIT_USAGE;
                goto out;
            }
            if (parse_count(v, 1024, &jobs) != 0 || jobs < 1) {
                status = usage_error(cmd, "--jobs: not a number from 1 to 1024: \"%s\"", v);
                goto out;
            }
            have_jobs = 1;
        } else if (strcmp(op.name, "holder") == 0) {
            if (!(v = opt_value(&op, cmd))) {
                status = EXIT_USAGE;
                goto out;
            }
            add_holder_filter(&f, v);
        } else if (strcmp(op.name, "status") == 0) {
            if (!(v = opt_value(&op, cmd))) {
                status = EXIT_USAGE;
                goto out;
            }
            if (add_status_filter(&f, v) != 0) {
                status = EXIT_USAGE;
                goto out;
            }
        } else if (strcmp(op.name, "due-within") == 0) {
            if (!(v = opt_value(&op, cmd))) {
                status = EXIT_USAGE;
                goto out;
            }
            if (parse_count(v, 100000000L, &f.due_within) != 0) {
                status = usage_error(cmd, "--due-within: not a number of days: \"%s\"", v);
                goto out;
            }
        } else if (strcmp(op.name, "color") == 0 || strcmp(op.name, "colour") == 0) {
            if (!(color = opt_value(&op, cmd))) {
                status = EXIT_USAGE;
                goto out;
            }
            if (strcmp(color, "auto") != 0 && strcmp(color, "always") != 0 && strcmp(color, "never") != 0) {
                status = usage_error(cmd, "--color: auto, always or never, not \"%s\"", color);
                goto out;
            }
        } else {
            status = usage_error(cmd, "unknown option: %s%s", strlen(op.name) == 1 ? "-" : "--", op.name);
            goto out;
        }
    }
    if (!file) {
        status = usage_error(cmd, "no file given (use - for standard input)");
        goto out;
    }
    if (ndjson && (json || f.nholders || f.status_mask || f.due_within >= 0)) {
        status = usage_error(cmd, "--ndjson writes compact reports and takes no --json, --pretty or filters");
        goto out;
    }
    if (have_jobs && !ndjson) {
        status = usage_error(cmd, "--jobs goes with --ndjson");
        goto out;
    }
    if (json && (f.status_mask || f.due_within >= 0)) {
        status = usage_error(cmd, "--status and --due-within filter the table; with --json only --holder");
        goto out;
    }
    if ((status = as_of_option(cmd, as_of_text, iso, &as_of)) != 0)
        goto out;

    if (ndjson) {
        if (!have_jobs) {
            long n = sysconf(_SC_NPROCESSORS_ONLN);
            jobs = n < 1 ? 1 : n > 1024 ? 1024 : n;
        }
        status = batch_run(file, iso, jobs);
        goto out;
    }

    if (read_input(file, &text, &len) != 0) {
        status = EXIT_BAD;
        goto out;
    }

    if (json && !pretty && !f.nholders && !g_catalog) {
        /* The one-call entry point: the report document, exactly. */
        char *out = NULL;
        int rc = recert_evaluate_json(&out, text, len, iso);
        if (rc != RECERT_OK) {
            report_library_error(file, rc);
            status = EXIT_BAD;
            goto out;
        }
        status = write_text(out);
        recert_free(out);
        goto out;
    }

    {
        int rc = recert_roster_from_json_catalog(&roster, text, len, g_catalog);
        if (rc != RECERT_OK) {
            report_library_error(file, rc);
            status = EXIT_BAD;
            goto out;
        }
    }
    for (size_t i = 0; i < f.nholders; i++) {
        if (!recert_roster_find_holder(roster, f.holders[i])) {
            fprintf(stderr, "recert: %s: no holder with id \"%s\"\n", term_text(display_name(file)), term_text(f.holders[i]));
            status = EXIT_BAD;
            goto out;
        }
    }
    if (json && f.nholders) {
        /* Holders are evaluated independently: dropping the others from the
         * roster gives exactly their part of the report. */
        for (size_t i = recert_roster_holder_count(roster); i-- > 0;) {
            const recert_holder *hd = recert_roster_holder_at(roster, i);
            if (!holder_wanted(&f, recert_holder_id(hd))) {
                int rc = recert_roster_remove_holder(roster, i);
                if (rc != RECERT_OK) {
                    report_library_error(file, rc);
                    status = EXIT_BAD;
                    goto out;
                }
            }
        }
    }
    {
        int rc = recert_roster_evaluate(&report, roster, as_of);
        if (rc != RECERT_OK) {
            report_library_error(file, rc);
            status = EXIT_BAD;
            goto out;
        }
    }
    if (json) {
        char *out = NULL;
        int rc = recert_report_to_json(&out, report, pretty ? RECERT_JSON_PRETTY : 0);
        if (rc != RECERT_OK) {
            report_library_error(file, rc);
            status = EXIT_BAD;
            goto out;
        }
        status = write_text(out);
        recert_free(out);
    } else {
        int colour = strcmp(color, "always") == 0 ||
                     (strcmp(color, "auto") == 0 && isatty(STDOUT_FILENO) && getenv("NO_COLOR") == NULL);
        status = render_table(report, roster, &f, as_of, colour);
    }

out:
    recert_report_free(report);
    recert_roster_free(roster);
    free(text);
    free_filters(&f);
    return status;
}

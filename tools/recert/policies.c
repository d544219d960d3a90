/*
 * recert policies — the built-in policies: a table, one policy in full, or
 * their policy documents (--json).
 *
 * SPDX-License-Identifier: MIT
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char policies_help[] =
    "\n"
    "List the built-in policies (id, organization, name, cycle, credits\n"
    "required, renewal fee), or show the one named ID.\n"
    "\n"
    "options:\n"
    "  --json     print policy documents: an array of them, or the one named\n"
    "  --pretty   indent the JSON (implies --json)\n"
    "\n"
    "exit status: 0 success, 1 no such policy, 2 usage error.\n";

/* A unit size in millionths of a unit per contact hour as a decimal: 100000
 * is "0.1". */
static void per_hour_text(char *buf, size_t size, int64_t micro)
{
    int64_t whole = micro / 1000000, frac = micro % 1000000;
    char digits[8];
    int n;
    if (frac == 0) {
        snprintf(buf, size, "%lld", (long long)whole);
        return;
    }
    snprintf(digits, sizeof digits, "%06lld", (long long)frac);
    n = 6;
    while (n > 1 && digits[n - 1] == '0')
        n--;
    digits[n] = '\0';
    snprintf(buf, size, "%lld.%s", (long long)whole, digits);
}

static void amount_text(char *buf, size_t size, int64_t centihours, const recert_policy *p)
{
    if (recert_amount_format(buf, size, centihours, recert_policy_unit_per_hour(p)) != RECERT_OK)
        snprintf(buf, size, "?");
}

static void cycle_text(char *buf, size_t size, const recert_policy *p)
{
    int years = recert_policy_cycle_years(p);
    char ends[RECERT_DATE_BUFSIZE];
    if (recert_policy_cycle_kind(p) == RECERT_CYCLE_FIXED &&
        recert_date_format(ends, sizeof ends, recert_policy_cycle_ends(p)) == RECERT_OK) {
        snprintf(buf, size, "%d year%s, fixed (%s)", years, years == 1 ? "" : "s", ends);
        return;
    }
    snprintf(buf, size, "%d year%s, %s", years, years == 1 ? "" : "s",
             recert_policy_cycle_kind(p) == RECERT_CYCLE_YEAR_END ? "Dec 31" : "anniversary");
}

static void required_text(char *buf, size_t size, const recert_policy *p)
{
    char total[48], credits[48], cpr[48];
    int64_t req = recert_policy_credits_required(p), cpr_ch = recert_policy_cpr_aed_credit(p);
    const char *unit = recert_policy_unit(p);
    amount_text(total, sizeof total, req + cpr_ch, p);
    if (cpr_ch > 0) {
        amount_text(credits, sizeof credits, req, p);
        amount_text(cpr, sizeof cpr, cpr_ch, p);
        snprintf_utf8(buf, size, "%s %s (%s + %s CPR/AED)", total, unit, credits, cpr);
    } else {
        snprintf_utf8(buf, size, "%s %s", total, unit);
    }
}

static void print_cell(const char *s, size_t width, int last)
{
    size_t w = term_width(s);
    fputs(term_text(s), stdout);
    if (!last) {
        for (; w < width; w++)
            putchar(' ');
        fputs("  ", stdout);
    }
}

enum { P_ID, P_ORG, P_NAME, P_CYCLE, P_REQ, P_FEE, P_NCOLS };

static int list_policies(const recert_catalog *cat)
{
    static const char *const title[P_NCOLS] = {"ID", "ORGANIZATION", "NAME", "CYCLE", "REQUIRED", "RENEWAL FEE"};
    size_t n = recert_catalog_count(cat);
    char *(*cells)[P_NCOLS] = xcalloc(n ? n : 1, sizeof *cells);
    size_t width[P_NCOLS];
    char buf[160];

    for (int k = 0; k < P_NCOLS; k++)
        width[k] = strlen(title[k]);
    for (size_t i = 0; i < n; i++) {
        const recert_policy *p = recert_catalog_at(cat, i);
        cells[i][P_ID] = xstrdup(recert_policy_id(p));
        cells[i][P_ORG] = xstrdup(recert_policy_organization(p));
        cells[i][P_NAME] = xstrdup(recert_policy_name(p));
        cycle_text(buf, sizeof buf, p);
        cells[i][P_CYCLE] = xstrdup(buf);
        required_text(buf, sizeof buf, p);
        cells[i][P_REQ] = xstrdup(buf);
        money_text(buf, sizeof buf, recert_policy_fee(p, RECERT_POLICY_FEE_RENEWAL), recert_policy_currency(p));
        cells[i][P_FEE] = xstrdup(buf);
        for (int k = 0; k < P_NCOLS; k++) {
            size_t w = term_width(cells[i][k]);
            if (w > width[k])
                width[k] = w;
        }
    }
    for (int k = 0; k < P_NCOLS; k++)
        print_cell(title[k], width[k], k == P_NCOLS - 1);
    putchar('\n');
    for (size_t i = 0; i < n; i++) {
        for (int k = 0; k < P_NCOLS; k++) {
            print_cell(cells[i][k], width[k], k == P_NCOLS - 1);
            free(cells[i][k]);
        }
        putchar('\n');
    }
    free(cells);
    return EXIT_OK;
}

static void field(const char *label, const char *value)
{
    char l[32];
    snprintf(l, sizeof l, "%s%s", label, *label ? ":" : "");
    printf("%-17s %s\n", l, term_text(value));
}

static void show_policy(const recert_policy *p)
{
    char buf[160], a[64], day[RECERT_DATE_BUFSIZE];
    const char *cur = recert_policy_currency(p), *group = recert_policy_combine_group(p);
    size_t nw = recert_policy_late_window_count(p);

    field("id", recert_policy_id(p));
    field("organization", recert_policy_organization(p));
    field("name", recert_policy_name(p));
    per_hour_text(a, sizeof a, recert_policy_unit_per_hour(p));
    snprintf_utf8(buf, sizeof buf, "%s (%s per contact hour)", recert_policy_unit(p), a);
    field("unit", buf);
    cycle_text(buf, sizeof buf, p);
    field("cycle", buf);
    required_text(buf, sizeof buf, p);
    field("required", buf);
    snprintf(buf, sizeof buf, "%ld days after expiration", (long)recert_policy_credit_grace_days(p));
    field("credit grace", buf);
    if (recert_policy_cpr_aed_required(p)) {
        amount_text(a, sizeof a, recert_policy_cpr_aed_credit(p), p);
        snprintf_utf8(buf, sizeof buf, "required (counts %s %s)", a, recert_policy_unit(p));
        field("CPR/AED", buf);
    } else {
        field("CPR/AED", "not required");
    }
    field("unapproved", recert_policy_unapproved_credits(p) == RECERT_UNAPPROVED_PETITION
                            ? "count once a petition is approved"
                            : "count like any other");
    field("exam path", recert_policy_exam_path(p) ? "yes" : "no");
    field("combine group", group ? group : "-");
    money_text(buf, sizeof buf, recert_policy_fee(p, RECERT_POLICY_FEE_RENEWAL), cur);
    field("renewal fee", buf);
    money_text(buf, sizeof buf, recert_policy_fee(p, RECERT_POLICY_FEE_PETITION), cur);
    field("petition fee", buf);
    money_text(buf, sizeof buf, recert_policy_fee(p, RECERT_POLICY_FEE_COMBINE_EXTRA), cur);
    field("combine extra", buf);
    if (nw == 0)
        field("late windows", "none");
    for (size_t i = 0; i < nw; i++) {
        char through[64] = "the final deadline";
        int y, m, d;
        if (recert_policy_late_window_through(p, i, &y, &m, &d) == 1)
            offset_text(through, sizeof through, "E", y, m, d);
        money_text(a, sizeof a, recert_policy_late_window_fee(p, i), cur);
        snprintf_utf8(buf, sizeof buf, "%s, %s, through %s", recert_policy_late_window_tier(p, i), a, through);
        field(i == 0 ? "late windows" : "", buf);
    }
    {
        int y, m, d;
        char fd[64] = "E";
        if (recert_policy_final_deadline(p, &y, &m, &d) == 1)
            offset_text(fd, sizeof fd, "E", y, m, d);
        field("final deadline", fd);
    }
    if (recert_policy_cpr_aed_valid_days(p) > 0) {
        snprintf(buf, sizeof buf, "valid at least %ld days after the application",
                 (long)recert_policy_cpr_aed_valid_days(p));
        field("CPR/AED margin", buf);
    }
    for (size_t i = 0; i < recert_policy_category_count(p); i++) {
        char mn[64], mx[64] = "none";
        amount_text(mn, sizeof mn, recert_policy_category_min(p, i), p);
        if (recert_policy_category_max(p, i) >= 0)
            amount_text(mx, sizeof mx, recert_policy_category_max(p, i), p);
        snprintf_utf8(buf, sizeof buf, "%s: minimum %s, maximum %s", recert_policy_category_id(p, i), mn, mx);
        field(i == 0 ? "categories" : "", buf);
    }
    for (size_t i = 0; i < recert_policy_proration_count(p); i++) {
        int y, m, d;
        int64_t req = 0;
        char from[64];
        recert_policy_proration_step(p, i, &y, &m, &d, &req);
        offset_text(from, sizeof from, "P", y, m, d);
        amount_text(a, sizeof a, req, p);
        snprintf_utf8(buf, sizeof buf, "certified from %s: %s %s", from, a, recert_policy_unit(p));
        field(i == 0 ? "proration" : "", buf);
    }
    if (recert_policy_audits(p)) {
        snprintf(buf, sizeof buf, "documents due %ld days after selection",
                 (long)recert_policy_audit_documents_days(p));
        field("audit", buf);
    } else {
        field("audit", "none");
    }
    if (recert_policy_source(p))
        field("source", recert_policy_source(p));
    if (recert_policy_checked(p) != RECERT_DAY_NONE)
        field("checked", day_text(day, recert_policy_checked(p)));
    for (size_t i = 0; i < recert_policy_version_count(p); i++) {
        const recert_policy *v = recert_policy_version_at(p, i);
        printf("\nversion in force for cycles expiring from %s:\n", day_text(day, recert_policy_effective(v)));
        show_policy(v);
    }
}

int cmd_policies(int argc, char **argv)
{
    static const char cmd[] = "policies";
    opt_parser op;
    const char *id = NULL;
    int json = 0, pretty = 0, k, rc;
    const recert_catalog *cat = NULL;
    char *out = NULL;

    opt_init(&op, argc, argv);
    while ((k = opt_next(&op)) != OPT_END) {
        if (k == OPT_POSITIONAL) {
            if (id)
                return usage_error(cmd, "more than one policy id: %s", op.arg);
            id = op.arg;
        } else if (strcmp(op.name, "help") == 0 || strcmp(op.name, "h") == 0) {
            printf("%s\n%s", usage_line(cmd), policies_help);
            return EXIT_OK;
        } else if (strcmp(op.name, "json") == 0 || strcmp(op.name, "pretty") == 0) {
            if (opt_no_value(&op, cmd))
                return EXIT_USAGE;
            json = 1;
            if (op.name[0] == 'p')
                pretty = 1;
        } else {
            return usage_error(cmd, "unknown option: %s%s", strlen(op.name) == 1 ? "-" : "--", op.name);
        }
    }

    if (g_catalog)
        cat = g_catalog;
    else if ((rc = recert_catalog_default(&cat)) != RECERT_OK) {
        fprintf(stderr, "recert: %s: %s\n", cmd, term_text(recert_error_message()));
        return EXIT_BAD;
    }
    if (id) {
        const recert_policy *p = recert_catalog_find(cat, id);
        if (!p) {
            fprintf(stderr, "recert: %s: no built-in policy \"%s\"\n", cmd, term_text(id));
            return EXIT_BAD;
        }
        if (!json) {
            show_policy(p);
            return finish_stdout(EXIT_OK);
        }
        rc = recert_policy_to_json(&out, p, pretty ? RECERT_JSON_PRETTY : 0);
    } else if (!json) {
        list_policies(cat);
        return finish_stdout(EXIT_OK);
    } else if (pretty) {
        rc = recert_catalog_to_json(&out, cat, RECERT_JSON_PRETTY);
    } else {
        rc = recert_policies_json(&out);
    }
    if (rc != RECERT_OK) {
        fprintf(stderr, "recert: %s: %s\n", cmd, term_text(recert_error_message()));
        return EXIT_BAD;
    }
    fputs(out, stdout);
    putchar('\n');
    recert_free(out);
    return finish_stdout(EXIT_OK);
}

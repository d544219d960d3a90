/*
 * recert audit — the renewal applications a seeded random audit selects
 * (docs/rules.md §9), by the library's recert_audit_select().
 *
 * An application is a credential with an application recorded (its
 * "application" member, received on some day). Its id for the draw is
 * "<holder id>/<credential id>": the same document, rate and seed always
 * select the same applications.
 *
 * SPDX-License-Identifier: MIT
 */
#include "cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static const char audit_usage[] = "usage: recert audit --rate R --seed S [--json] FILE|-";

static const char audit_help[] =
    "\n"
    "List the renewal applications selected for audit: every credential with\n"
    "an application recorded is drawn by recert_audit_select() with the id\n"
    "'HOLDER/CREDENTIAL' (the holder's id, a slash, the credential's id).\n"
    "Prints one selected 'HOLDER/CREDENTIAL' a line, in document order, and\n"
    "'selected N of M applications' on standard error.\n"
    "\n"
    "options:\n"
    "  --rate R   the share to select: a decimal fraction from 0 to 1 with at\n"
    "             most 6 decimals (0.1), or a percentage from 0% to 100% with\n"
    "             at most 4 decimals (10%, 12.5%); required\n"
    "  --seed S   the draw's seed, a decimal integer 0..18446744073709551615;\n"
    "             required (use a new seed for each audit period)\n"
    "  --json     a JSON array of {\"holder\", \"credential\", \"received\"}\n"
    "\n"
    "exit status: 0 success, 1 bad input, 2 usage error.\n";

static int audit_usage_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

static int audit_usage_error(const char *fmt, ...)
{
    va_list ap;
    fputs("recert: audit: ", stderr);
    va_start(ap, fmt);
    vterm_printf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n%s\nTry 'recert audit --help' for more information.\n", audit_usage);
    return EXIT_USAGE;
}

/*
 * Parse a rate into parts per million, exactly (no floating point): "0.1",
 * "1", "0.000001", ".5" (at most 6 decimals, 0..1), or "10%", "12.5%",
 * "0.0001%" (at most 4 decimals, 0..100). 0 on success, -1 when bad.
 */
static int parse_rate(const char *text, uint32_t *ppm)
{
    size_t len = strlen(text);
    int percent = 0, digits = 0, decimals = 0, dot = 0;
    int max_decimals;
    uint64_t v = 0; /* in units of 10^-max_decimals */

    if (len > 0 && text[len - 1] == '%') {
        percent = 1;
        len--;
    }
    max_decimals = percent ? 4 : 6;
    if (len == 0)
        return -1;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        if (c == '.') {
            if (dot)
                return -1;
            dot = 1;
            continue;
        }
        if (c < '0' || c > '9')
            return -1;
        if (dot && ++decimals > max_decimals)
            return -1;
        if (++digits > 12) /* far beyond any valid rate: no overflow below */
            return -1;
        v = v * 10 + (uint64_t)(c - '0');
    }
    if (digits == 0 || (dot && decimals == 0 && text[len - 1] == '.'))
        return -1;
    for (; decimals < max_decimals; decimals++)
        v *= 10;
    /* v is now the fraction in millionths (6 decimals), or the percentage in
     * ten-thousandths (4 decimals), which is also millionths of the whole. */
    if (v > RECERT_AUDIT_RATE_ONE)
        return -1;
    *ppm = (uint32_t)v;
    return 0;
}

/* A decimal uint64. 0 on success, -1 when bad. */
static int parse_seed(const char *text, uint64_t *out)
{
    uint64_t v = 0;
    if (!*text)
        return -1;
    for (const char *p = text; *p; p++) {
        uint64_t d;
        if (*p < '0' || *p > '9')
            return -1;
        d = (uint64_t)(*p - '0');
        if (v > (UINT64_MAX - d) / 10)
            return -1;
        v = v * 10 + d;
    }
    *out = v;
    return 0;
}

int cmd_audit(int argc, char **argv)
{
    opt_parser op;
    const char *file = NULL, *rate_text = NULL, *seed_text = NULL;
    int json = 0, k, rc, status = EXIT_OK;
    uint32_t ppm = 0;
    uint64_t seed = 0;
    char *text = NULL, *id = NULL;
    size_t len = 0, idcap = 0;
    unsigned long total = 0, selected = 0;
    recert_roster *roster = NULL;
    sbuf out;

    opt_init(&op, argc, argv);
    while ((k = opt_next(&op)) != OPT_END) {
        if (k == OPT_POSITIONAL) {
            if (file)
                return audit_usage_error("more than one file: %s", op.arg);
            file = op.arg;
        } else if (strcmp(op.name, "help") == 0 || strcmp(op.name, "h") == 0) {
            printf("%s\n%s", audit_usage, audit_help);
            return EXIT_OK;
        } else if (strcmp(op.name, "rate") == 0) {
            if (!op.inline_value && op.i >= op.argc)
                return audit_usage_error("%s needs a value", "--rate");
            rate_text = op.inline_value ? op.inline_value : op.argv[op.i++];
        } else if (strcmp(op.name, "seed") == 0) {
            if (!op.inline_value && op.i >= op.argc)
                return audit_usage_error("%s needs a value", "--seed");
            seed_text = op.inline_value ? op.inline_value : op.argv[op.i++];
        } else if (strcmp(op.name, "json") == 0) {
            if (op.inline_value)
                return audit_usage_error("%s takes no value", "--json");
            json = 1;
        } else {
            return audit_usage_error("unknown option: %s%s", strlen(op.name) == 1 ? "-" : "--", op.name);
        }
    }
    if (!rate_text)
        return audit_usage_error("%s is required", "--rate");
    if (parse_rate(rate_text, &ppm) != 0)
        return audit_usage_error("bad --rate '%s' (a fraction 0..1 with at most 6 decimals, or 0%%..100%%)",
                                 rate_text);
    if (!seed_text)
        return audit_usage_error("%s is required", "--seed");
    if (parse_seed(seed_text, &seed) != 0)
        return audit_usage_error("bad --seed '%s' (a decimal integer 0..18446744073709551615)", seed_text);
    if (!file)
        return audit_usage_error("no file given (use - for standard input)");

    if (read_input(file, &text, &len) != 0)
        return EXIT_BAD;
    rc = recert_roster_from_json_catalog(&roster, text, len, g_catalog);
    free(text);
    if (rc != RECERT_OK) {
        report_library_error(file, rc);
        return EXIT_BAD;
    }

    sb_init(&out);
    if (json)
        sb_putc(&out, '[');
    for (size_t h = 0; h < recert_roster_holder_count(roster) && status == EXIT_OK; h++) {
        const recert_holder *holder = recert_roster_holder_at(roster, h);
        const char *hid = recert_holder_id(holder);
        size_t hlen = strlen(hid);
        for (size_t c = 0; c < recert_holder_credential_count(holder); c++) {
            const recert_credential *cred = recert_holder_credential_at(holder, c);
            const char *cid = recert_credential_id(cred);
            int32_t received = recert_credential_application_received(cred);
            size_t need = hlen + 1 + strlen(cid) + 1;
            int sel;
            if (received == RECERT_DAY_NONE)
                continue;
            if (need > idcap) {
                id = xrealloc(id, need);
                idcap = need;
            }
            memcpy(id, hid, hlen);
            id[hlen] = '/';
            memcpy(id + hlen + 1, cid, need - hlen - 1);
            total++;
            sel = recert_audit_select(id, ppm, seed);
            if (sel < 0) {
                report_library_error(file, sel);
                status = EXIT_BAD;
                break;
            }
            if (!sel)
                continue;
            selected++;
            if (json) {
                char day[RECERT_DATE_BUFSIZE];
                if (selected > 1)
                    sb_putc(&out, ',');
                sb_puts(&out, "\n  {\"holder\": ");
                sb_json_string(&out, hid);
                sb_puts(&out, ", \"credential\": ");
                sb_json_string(&out, cid);
                sb_puts(&out, ", \"received\": ");
                sb_json_string(&out, day_text(day, received));
                sb_putc(&out, '}');
            } else {
                sb_puts(&out, term_text(id));
                sb_putc(&out, '\n');
            }
        }
    }
    if (json)
        sb_puts(&out, selected ? "\n]\n" : "]\n");
    if (status == EXIT_OK) {
        if (out.len)
            fwrite(out.data, 1, out.len, stdout);
        fprintf(stderr, "selected %lu of %lu applications\n", selected, total);
    }
    sb_free(&out);
    free(id);
    recert_roster_free(roster);
    return finish_stdout(status);
}

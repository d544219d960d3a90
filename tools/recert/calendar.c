/*
 * recert calendar — the upcoming deadlines of a records document as an
 * iCalendar (RFC 5545) file: one all-day event per deadline on or after the
 * evaluation day, with display alarms some days before.
 *
 * SPDX-License-Identifier: MIT
 */
#include "cli.h"

#include <errno.h>

#include <stdlib.h>
#include <string.h>

static const char calendar_help[] =
    "\n"
    "Write an iCalendar (RFC 5545) file with an all-day event for each upcoming\n"
    "deadline (on or after the evaluation day) of each credential: the on-time\n"
    "renewal deadline, the last day for credits, the late-fee deadline and the\n"
    "final deadline while renewal is open, audit documents due, and the\n"
    "holder's CPR/AED expiry. Events whose deadlines fall on the same day are\n"
    "merged. UIDs are stable: the same deadline keeps its UID between runs.\n"
    "\n"
    "options:\n"
    "  --as-of YYYY-MM-DD  the evaluation day (default: today, local time); also\n"
    "                      the events' DTSTAMP\n"
    "  --remind DAYS,...   a display alarm so many days before each event\n"
    "                      (default 30,7; 'none' for no alarm)\n"
    "\n"
    "exit status: 0 success, 1 bad input, 2 usage error.\n";

enum kind {
    K_ON_TIME = 1u << 0,
    K_CREDIT = 1u << 1,
    K_LATE_FEE = 1u << 2,
    K_FINAL = 1u << 3,
    K_AUDIT = 1u << 4,
    K_CPR_AED = 1u << 5,
};

static const struct {
    unsigned kind;
    const char *key;    /* in the UID */
    const char *phrase; /* in the summary */
} kinds[] = {
    {K_ON_TIME, "on_time_deadline", "on-time renewal deadline"},
    {K_CREDIT, "credit_deadline", "last day for credits"},
    {K_LATE_FEE, "late_fee_deadline", "late-fee deadline"},
    {K_FINAL, "final_deadline", "final renewal deadline"},
    {K_AUDIT, "audit_documents_due", "audit documents due"},
    {K_CPR_AED, "cpr_aed_expires", "CPR/AED expires"},
};

typedef struct event {
    int32_t day;
    size_t h, c; /* c is SIZE_MAX for a holder's CPR/AED */
    unsigned kinds;
    size_t order;
} event;

typedef struct evlist {
    event *v;
    size_t n, cap;
} evlist;

/* Add a deadline: merged with the credential's event on the same day. */
static void add_event(evlist *l, size_t h, size_t c, unsigned kind, int32_t day)
{
    for (size_t i = 0; i < l->n; i++) {
        if (l->v[i].h == h && l->v[i].c == c && l->v[i].day == day) {
            l->v[i].kinds |= kind;
            return;
        }
    }
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->v = xrealloc(l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n].day = day;
    l->v[l->n].h = h;
    l->v[l->n].c = c;
    l->v[l->n].kinds = kind;
    l->v[l->n].order = l->n;
    l->n++;
}

static int event_cmp(const void *a, const void *b)
{
    const event *x = a, *y = b;
    if (x->day != y->day)
        return x->day < y->day ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* ---- RFC 5545 text ------------------------------------------------------------- */

/* A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped,
 * newlines as \n, other control characters (C0, DEL and the C1 controls
 * U+0080..U+009F, which RFC 5545 excludes from TEXT too) as spaces. */
static void ics_text(sbuf *b, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '\\': sb_puts(b, "\\\\"); break;
        case ';': sb_puts(b, "\\;"); break;
        case ',': sb_puts(b, "\\,"); break;
        case '\n': sb_puts(b, "\\n"); break;
        case '\r': break;
        case 0xC2:
            if (p[1] >= 0x80 && p[1] <= 0x9F) { /* a C1 control */
                sb_putc(b, ' ');
                p++;
                break;
            }
            sb_putc(b, (char)*p);
            break;
        default:
            sb_putc(b, (*p < 0x20 && *p != '\t') || *p == 0x7f ? ' ' : (char)*p);
        }
    }
}

/* Write one content line, folded so that no line is longer than 75 octets
 * (CRLF excluded), never inside a UTF-8 sequence, ended with CRLF. */
static void ics_line(sbuf *out, const char *line)
{
    size_t used = 0, n = strlen(line);
    for (size_t i = 0; i < n;) {
        size_t len = 1;
        unsigned char c = (unsigned char)line[i];
        if (c >= 0xF0)
            len = 4;
        else if (c >= 0xE0)
            len = 3;
        else if (c >= 0xC0)
            len = 2;
        if (i + len > n)
            len = n - i;
        if (used + len > 75) {
            sb_puts(out, "\r\n ");
            used = 1;
        }
        sb_putn(out, line + i, len);
        used += len;
        i += len;
    }
    sb_puts(out, "\r\n");
}

/* "NAME:" + escaped text, as one folded line. */
static void ics_prop_text(sbuf *out, const char *name, const char *text)
{
    sbuf b;
    sb_init(&b);
    sb_puts(&b, name);
    sb_putc(&b, ':');
    ics_text(&b, text);
    ics_line(out, b.data);
    sb_free(&b);
}

static void ics_date(char *buf, size_t size, int32_t day)
{
    int y, m, d;
    if (recert_date_to_ymd(day, &y, &m, &d) != RECERT_OK) {
        snprintf(buf, size, "00000000");
        return;
    }
    snprintf(buf, size, "%04d%02d%02d", y, m, d);
}

/* 64-bit FNV-1a, twice with different bases, over the key's parts: a 128-bit
 * name that stays the same for the same deadline. */
static void uid_hash(char *buf, size_t size, const char *const *parts, size_t nparts)
{
    uint64_t a = 0xcbf29ce484222325ULL, b = 0x84222325cbf29ce4ULL;
    const uint64_t prime = 0x100000001b3ULL;
    for (size_t i = 0; i < nparts; i++) {
        const unsigned char *p = (const unsigned char *)parts[i];
        for (;; p++) {
            unsigned char c = *p; /* the NUL separates the parts */
            a = (a ^ c) * prime;
            b = (b ^ (unsigned char)(c ^ 0x5c)) * prime;
            if (!c)
                break;
        }
    }
    snprintf(buf, size, "%016llx%016llx@librecert", (unsigned long long)a, (unsigned long long)b);
}

/* ---- the calendar -------------------------------------------------------------- */

static const char *holder_label(const recert_roster *roster, const recert_report *rep, size_t h)
{
    const recert_holder *hd = recert_roster_holder_at(roster, h);
    const char *name = hd ? recert_holder_name(hd) : NULL;
    return name && *name ? name : recert_report_holder_id(rep, h);
}

static const char *cert_label(const recert_roster *roster, const recert_report *rep, size_t h, size_t c)
{
    const char *pid = recert_report_policy_id(rep, h, c);
    const recert_policy *p = pid ? recert_roster_find_policy(roster, pid) : NULL;
    const char *name = p ? recert_policy_name(p) : NULL;
    return name && *name ? name : pid ? pid : "?";
}

static void write_event(sbuf *out, const event *e, const recert_roster *roster, const recert_report *rep,
                        const char *dtstamp, const long *remind, size_t nremind)
{
    char date[16], uid[64], day[RECERT_DATE_BUFSIZE];
    sbuf what, summary, desc, key;
    const char *hid = recert_report_holder_id(rep, e->h);
    const char *cid = e->c == SIZE_MAX ? "" : recert_report_credential_id(rep, e->h, e->c);
    const char *parts[4];

    sb_init(&what);
    sb_init(&summary);
    sb_init(&desc);
    sb_init(&key);
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        if (!(e->kinds & kinds[i].kind))
            continue;
        if (what.len) {
            sb_puts(&what, " / ");
            sb_putc(&key, '+');
        }
        sb_puts(&what, kinds[i].phrase);
        sb_puts(&key, kinds[i].key);
    }
    sb_putn(&key, "", 0);

    if (e->c == SIZE_MAX)
        sb_printf(&summary, "%s (%s)", what.data, holder_label(roster, rep, e->h));
    else
        sb_printf(&summary, "%s: %s (%s)", cert_label(roster, rep, e->h, e->c), what.data,
                  holder_label(roster, rep, e->h));

    sb_printf(&desc, "Holder: %s (%s)\n", holder_label(roster, rep, e->h), hid);
    if (e->c != SIZE_MAX) {
        size_t h = e->h, c = e->c;
        int64_t per_hour = recert_report_unit_per_hour(rep, h, c);
        char a[48], b[48], fee[64];
        const char *st = recert_status_name(recert_report_status(rep, h, c));
        sb_printf(&desc, "Credential: %s (%s)\n", cid, recert_report_policy_id(rep, h, c));
        sb_printf(&desc, "Status as of %s: %s\n", day_text(day, recert_report_as_of(rep)), st ? st : "?");
        if (per_hour > 0 &&
            recert_amount_format(a, sizeof a, recert_report_credits(rep, h, c, RECERT_CREDITS_EARNED), per_hour) ==
                RECERT_OK &&
            recert_amount_format(b, sizeof b, recert_report_credits(rep, h, c, RECERT_CREDITS_REQUIRED),
                                 per_hour) == RECERT_OK) {
            const char *unit = recert_report_unit(rep, h, c);
            sb_printf(&desc, "Credits: %s of %s %s\n", a, b, unit ? unit : "");
        }
        if (recert_report_tier_kind(rep, h, c) != RECERT_TIER_CLOSED) {
            money_text(fee, sizeof fee, recert_report_fee(rep, h, c, RECERT_FEE_TOTAL),
                       recert_report_currency(rep, h, c));
            sb_printf(&desc, "Fee if renewed as of %s: %s\n", day, fee);
        }
    }
    sb_printf(&desc, "Deadline: %s", day_text(day, e->day));

    parts[0] = hid;
    parts[1] = cid;
    parts[2] = key.data;
    parts[3] = day;
    uid_hash(uid, sizeof uid, parts, 4);

    ics_line(out, "BEGIN:VEVENT");
    ics_prop_text(out, "UID", uid);
    {
        sbuf l;
        sb_init(&l);
        sb_printf(&l, "DTSTAMP:%s", dtstamp);
        ics_line(out, l.data);
        ics_date(date, sizeof date, e->day);
        l.len = 0;
        sb_printf(&l, "DTSTART;VALUE=DATE:%s", date);
        ics_line(out, l.data);
        if (e->day < RECERT_DAY_MAX) {
            ics_date(date, sizeof date, e->day + 1);
            l.len = 0;
            sb_printf(&l, "DTEND;VALUE=DATE:%s", date);
            ics_line(out, l.data);
        }
        sb_free(&l);
    }
    ics_prop_text(out, "SUMMARY", summary.data);
    ics_prop_text(out, "DESCRIPTION", desc.data);
    ics_line(out, "TRANSP:TRANSPARENT");
    for (size_t i = 0; i < nremind; i++) {
        char trig[48];
        ics_line(out, "BEGIN:VALARM");
        ics_line(out, "ACTION:DISPLAY");
        ics_prop_text(out, "DESCRIPTION", summary.data);
        snprintf(trig, sizeof trig, "TRIGGER:-P%ldD", remind[i]);
        ics_line(out, trig);
        ics_line(out, "END:VALARM");
    }
    ics_line(out, "END:VEVENT");

    sb_free(&what);
    sb_free(&summary);
    sb_free(&desc);
    sb_free(&key);
}

static void collect(evlist *l, const recert_report *rep, int32_t as_of)
{
    static const struct {
        recert_date_kind which;
        unsigned kind;
    } open_dates[] = {
        {RECERT_DATE_ON_TIME_DEADLINE, K_ON_TIME},
        {RECERT_DATE_CREDIT_DEADLINE, K_CREDIT},
        {RECERT_DATE_LATE_FEE_DEADLINE, K_LATE_FEE},
        {RECERT_DATE_FINAL_DEADLINE, K_FINAL},
    };
    size_t nh = recert_report_holder_count(rep);
    for (size_t h = 0; h < nh; h++) {
        size_t nc = recert_report_credential_count(rep, h);
        for (size_t c = 0; c < nc; c++) {
            int st = recert_report_status(rep, h, c);
            int32_t d;
            /* Renewal deadlines matter while renewal is open: not once an
             * application is in, renewed or lapsed. */
            if (st == RECERT_STATUS_IN_PROGRESS || st == RECERT_STATUS_ELIGIBLE || st == RECERT_STATUS_LATE) {
                for (size_t i = 0; i < sizeof open_dates / sizeof open_dates[0]; i++) {
                    d = recert_report_date(rep, h, c, open_dates[i].which);
                    if (d != RECERT_DAY_NONE && d >= as_of)
                        add_event(l, h, c, open_dates[i].kind, d);
                }
            }
            if (recert_report_audit(rep, h, c) == RECERT_AUDIT_DOCUMENTS_DUE) {
                d = recert_report_date(rep, h, c, RECERT_DATE_AUDIT_DOCUMENTS_DUE);
                if (d != RECERT_DAY_NONE && d >= as_of)
                    add_event(l, h, c, K_AUDIT, d);
            }
            /* CPR/AED belongs to the holder: one event per expiry day. */
            d = recert_report_date(rep, h, c, RECERT_DATE_CPR_AED_EXPIRES);
            if (d != RECERT_DAY_NONE && d >= as_of)
                add_event(l, h, SIZE_MAX, K_CPR_AED, d);
        }
    }
}

static int parse_remind(const char *text, long **out, size_t *n)
{
    const char *p = text;
    *out = NULL;
    *n = 0;
    if (strcmp(text, "none") == 0 || *text == '\0')
        return 0;
    for (;;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        char num[16];
        long v;
        int dup = 0;
        if (len == 0 || len >= sizeof num)
            return -1;
        memcpy(num, p, len);
        num[len] = '\0';
        if (parse_count(num, 3660, &v) != 0)
            return -1;
        for (size_t i = 0; i < *n; i++)
            if ((*out)[i] == v)
                dup = 1;
        if (!dup) {
            *out = xrealloc(*out, (*n + 1) * sizeof **out);
            (*out)[(*n)++] = v;
        }
        if (!comma)
            return 0;
        p = comma + 1;
    }
}

int cmd_calendar(int argc, char **argv)
{
    static const char cmd[] = "calendar";
    opt_parser op;
    const char *file = NULL, *as_of_text = NULL, *remind_text = "30,7";
    long *remind = NULL;
    size_t nremind = 0;
    char iso[RECERT_DATE_BUFSIZE], dtstamp[32], date[16];
    int32_t as_of;
    int k, rc, status = EXIT_OK;
    char *text = NULL;
    size_t len = 0;
    recert_roster *roster = NULL;
    recert_report *report = NULL;
    evlist events = {NULL, 0, 0};
    sbuf out;

    sb_init(&out);
    opt_init(&op, argc, argv);
    while ((k = opt_next(&op)) != OPT_END) {
        if (k == OPT_POSITIONAL) {
            if (file) {
                status = usage_error(cmd, "more than one file: %s", op.arg);
                goto done;
            }
            file = op.arg;
        } else if (strcmp(op.name, "help") == 0 || strcmp(op.name, "h") == 0) {
            printf("%s\n%s", usage_line(cmd), calendar_help);
            goto done;
        } else if (strcmp(op.name, "as-of") == 0) {
            if (!(as_of_text = opt_value(&op, cmd))) {
                status = EXIT_USAGE;
                goto done;
            }
        } else if (strcmp(op.name, "remind") == 0) {
            if (!(remind_text = opt_value(&op, cmd))) {
                status = EXIT_USAGE;
                goto done;
            }
        } else {
            status = usage_error(cmd, "unknown option: %s%s", strlen(op.name) == 1 ? "-" : "--", op.name);
            goto done;
        }
    }
    if (!file) {
        status = usage_error(cmd, "no file given (use - for standard input)");
        goto done;
    }
    if (parse_remind(remind_text, &remind, &nremind) != 0) {
        status = usage_error(cmd, "--remind: a list of days from 0 to 3660 (\"90,30,7\") or none, not \"%s\"",
                             remind_text);
        goto done;
    }
    if ((status = as_of_option(cmd, as_of_text, iso, &as_of)) != 0)
        goto done;
    if (read_input(file, &text, &len) != 0) {
        status = EXIT_BAD;
        goto done;
    }
    if ((rc = recert_roster_from_json_catalog(&roster, text, len, g_catalog)) != RECERT_OK ||
        (rc = recert_roster_evaluate(&report, roster, as_of)) != RECERT_OK) {
        report_library_error(file, rc);
        status = EXIT_BAD;
        goto done;
    }

    collect(&events, report, as_of);
    if (events.n)
        qsort(events.v, events.n, sizeof *events.v, event_cmp);

    ics_date(date, sizeof date, as_of);
    snprintf(dtstamp, sizeof dtstamp, "%sT000000Z", date);
    ics_line(&out, "BEGIN:VCALENDAR");
    ics_line(&out, "VERSION:2.0");
    {
        char prodid[96];
        snprintf(prodid, sizeof prodid, "PRODID:-//librecert//recert %s//EN", recert_version_string());
        ics_line(&out, prodid);
    }
    ics_line(&out, "CALSCALE:GREGORIAN");
    ics_line(&out, "METHOD:PUBLISH");
    ics_line(&out, "X-WR-CALNAME:Recertification deadlines");
    for (size_t i = 0; i < events.n; i++)
        write_event(&out, &events.v[i], roster, report, dtstamp, remind, nremind);
    ics_line(&out, "END:VCALENDAR");

    if (fwrite(out.data, 1, out.len, stdout) != out.len)
        note_write_error(errno);
    if (finish_stdout(EXIT_OK) != EXIT_OK) {
        status = EXIT_WRITE;
    }

done:
    sb_free(&out);
    free(events.v);
    free(remind);
    recert_report_free(report);
    recert_roster_free(roster);
    free(text);
    return status;
}

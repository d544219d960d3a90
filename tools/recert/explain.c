/*
 * recert explain — the reasoning behind one credential's report, in plain
 * English: the cycle, the credit window, why each credit entry counts or not,
 * the totals, the path and status, the fee and its tier, the renewal group's
 * invoice, petition fees, the audit and the notices. It answers "why does it
 * say I owe $149?".
 *
 * Everything comes from the report (recert_roster_evaluate) and from the
 * records and the policy as the roster holds them; the rules are docs/rules.md's.
 *
 * SPDX-License-Identifier: MIT
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char explain_help[] =
    "\n"
    "Explain the report of one credential in plain English: where its cycle\n"
    "comes from, the credit window, why each credit entry counts or not, the\n"
    "totals, the path and status, how the fee is worked out (the tier from the\n"
    "reference day, the late fee, the renewal group's invoice, petition fees),\n"
    "the audit and the notices.\n"
    "\n"
    "HOLDER is a holder id, CREDENTIAL the id of one of its credentials.\n"
    "\n"
    "options:\n"
    "  --as-of YYYY-MM-DD  the evaluation day (default: today, local time)\n"
    "\n"
    "exit status: 0 success, 1 bad input or an unknown holder or credential,\n"
    "2 usage error.\n";

#define MAX_WINDOWS 64 /* the library's limit on late windows */

/* An offset from E ({"years", "months", "days"}); given 0 for none. */
typedef struct json_offset {
    int given;
    int years, months, days;
} json_offset;

typedef struct ctx {
    const recert_report *rep;
    const recert_roster *roster;
    const recert_holder *holder;
    const recert_credential *cred;
    const recert_policy *pol;
    size_t h, c;
    int32_t T, S, E, R, credit_deadline, final_deadline, window_end;
    int64_t per_hour;
    const char *unit, *currency;
    /* The policy's offsets from E (recert_policy_final_deadline and
     * recert_policy_late_window_through); given 0 for none. */
    json_offset final_offset, through[MAX_WINDOWS];
    long nwin;
} ctx;

/* ---- words ----------------------------------------------------------------- */

static const char *day_of(char buf[RECERT_DATE_BUFSIZE], int32_t day)
{
    return day_text(buf, day);
}

/* Centihours in the report's unit: "1.9 CEU". */
static const char *amount_of(const ctx *x, char *buf, size_t size, int64_t centihours)
{
    char a[48];
    if (x->per_hour <= 0 || recert_amount_format(a, sizeof a, centihours, x->per_hour) != RECERT_OK)
        snprintf(a, sizeof a, "?");
    snprintf_utf8(buf, size, "%s %s", a, x->unit ? x->unit : "");
    return buf;
}

static const char *money_of(const ctx *x, char *buf, size_t size, int64_t cents)
{
    money_text(buf, size, cents, x->currency);
    return buf;
}

/* "E + 1 year - 1 day", "E + 90 days"; "E" for an empty offset. */
static const char *offset_words(char *buf, size_t size, const json_offset *o)
{
    return offset_text(buf, size, "E", o->years, o->months, o->days);
}

static int32_t add_offset(int32_t E, const json_offset *o)
{
    int32_t out;
    if (recert_date_add(&out, E, o->years, o->months, o->days) != RECERT_OK)
        return RECERT_DAY_NONE;
    return out;
}

static int32_t minday(int32_t a, int32_t b)
{
    return a < b ? a : b;
}

/* Write a paragraph wrapped at 78 columns, continuation lines indented to
 * column hang (-1: four more than the first line). Runs of spaces are kept
 * where the line does not break. Control characters (from record text) are
 * escaped (term_text). */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 0)))
#endif
static void vpara(int hang, const char *fmt, va_list ap)
{
    enum { WIDTH = 78 };
    va_list aq;
    int n;
    char *text;
    size_t indent = 0, col, pos, cont;

    va_copy(aq, ap);
    n = vsnprintf(NULL, 0, fmt, aq);
    va_end(aq);
    if (n < 0)
        return;
    text = xmalloc((size_t)n + 1);
    vsnprintf(text, (size_t)n + 1, fmt, ap);
    {
        const char *safe = term_text(text);
        if (safe != text) {
            char *copy = xstrdup(safe);
            free(text);
            text = copy;
        }
    }
    while (text[indent] == ' ')
        indent++;
    cont = hang >= 0 ? (size_t)hang : indent + 4;
    fwrite(text, 1, indent, stdout);
    col = indent;
    pos = indent;
    while (text[pos]) {
        size_t end = pos, gap = 0, w;
        char save;
        while (text[end] && text[end] != ' ')
            end++;
        save = text[end];
        text[end] = '\0';
        w = utf8_width(text + pos);
        text[end] = save;
        if (col > cont && col + w > WIDTH) {
            /* drop the gap already written: start a new line */
            putchar('\n');
            for (size_t i = 0; i < cont; i++)
                putchar(' ');
            col = cont;
        }
        fwrite(text + pos, 1, end - pos, stdout);
        col += w;
        pos = end;
        while (text[pos + gap] == ' ')
            gap++;
        if (!text[pos + gap])
            break;
        /* the gap is written with the next word unless that word wraps */
        {
            size_t next = pos + gap, nend = next;
            while (text[nend] && text[nend] != ' ')
                nend++;
            save = text[nend];
            text[nend] = '\0';
            w = utf8_width(text + next);
            text[nend] = save;
            if (col + gap + w > WIDTH && col > cont) {
                putchar('\n');
                for (size_t i = 0; i < cont; i++)
                    putchar(' ');
                col = cont;
            } else {
                for (size_t i = 0; i < gap; i++)
                    putchar(' ');
                col += gap;
            }
        }
        pos += gap;
    }
    putchar('\n');
    free(text);
}

static void line(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
static void line(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vpara(-1, fmt, ap);
    va_end(ap);
}

/* A "label  value" line of the totals: continuation lines under the value. */
static void item(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
static void item(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vpara(20, fmt, ap);
    va_end(ap);
}

static void heading(const char *title)
{
    printf("\n%s\n", term_text(title));
}

/* ---- the cycle ------------------------------------------------------------- */

static void explain_cycle(const ctx *x)
{
    char s[RECERT_DATE_BUFSIZE], e[RECERT_DATE_BUFSIZE], d[RECERT_DATE_BUFSIZE], w[64];
    int32_t given_start = recert_credential_cycle_start(x->cred);
    int32_t given_expires = recert_credential_expires(x->cred);
    int32_t certified = recert_credential_certified(x->cred);
    int years = recert_policy_cycle_years(x->pol);
    int year_end = recert_policy_cycle_kind(x->pol) == RECERT_CYCLE_YEAR_END;
    int fixed = recert_policy_cycle_kind(x->pol) == RECERT_CYCLE_FIXED;
    int32_t grace = recert_policy_credit_grace_days(x->pol);

    heading("Cycle");
    if (fixed) {
        line("  certified %s; the policy's cycle: fixed periods of %d year%s, one of them ending on %s.",
             day_of(d, certified), years, years == 1 ? "" : "s", day_of(s, recert_policy_cycle_ends(x->pol)));
    } else {
        line("  certified %s; the policy's cycle: %d year%s, %s.", day_of(d, certified), years, years == 1 ? "" : "s",
             year_end ? "ending on December 31" : "from anniversary to anniversary");
    }
    if (recert_policy_effective(x->pol) != RECERT_DAY_NONE)
        line("  terms: the policy's version effective %s, the one in force on E.",
             day_of(s, recert_policy_effective(x->pol)));
    if (given_start != RECERT_DAY_NONE)
        line("  S = %s: the cycle_start given in the records.", day_of(s, x->S));
    else if (given_expires == RECERT_DAY_NONE)
        line("  S = %s: no cycle_start given, so the cycle starts on the day certified.", day_of(s, x->S));
    else
        line("  S = %s: only expires is given, so S is the start of the cycle counted from "
             "certified whose end is nearest to E.",
             day_of(s, x->S));

    if (given_expires != RECERT_DAY_NONE) {
        line("  E = %s: the expires given in the records (authoritative: the portal's "
             "\"Thru Date\").",
             day_of(e, x->E));
    } else if (fixed) {
        line("  E = %s: no expires given; the first end of the policy's fixed periods after S.", day_of(e, x->E));
    } else if (!year_end) {
        line("  E = %s: no expires given; computed by the anniversary rule: S + %d year%s.", day_of(e, x->E), years,
             years == 1 ? "" : "s");
    } else {
        int32_t last = RECERT_DAY_NONE;
        if (recert_date_add(&last, x->S, years, 0, -1) != RECERT_OK)
            last = RECERT_DAY_NONE;
        line("  E = %s: no expires given; computed by the year-end rule: December 31 of the "
             "year in which S + %d year%s - 1 day (%s) falls.",
             day_of(e, x->E), years, years == 1 ? "" : "s", day_of(d, last));
    }
    if (grace > 0)
        line("  credit deadline %s: E + %ld days of grace for credits.", day_of(d, x->credit_deadline), (long)grace);
    else
        line("  credit deadline %s: E (the policy gives no grace for credits).", day_of(d, x->credit_deadline));
    if (x->final_deadline != RECERT_DAY_NONE) {
        if (x->nwin >= 0 && x->final_offset.given)
            line("  final deadline %s: %s, the last day an application is accepted.",
                 day_of(d, x->final_deadline), offset_words(w, sizeof w, &x->final_offset));
        else if (x->final_deadline == x->E)
            line("  final deadline %s: E (the policy accepts nothing after E).", day_of(d, x->final_deadline));
        else
            line("  final deadline %s: the last day an application is accepted.", day_of(d, x->final_deadline));
    }
}

/* ---- the reference day R ---------------------------------------------------- */

static void explain_reference(const ctx *x)
{
    char r[RECERT_DATE_BUFSIZE], a[RECERT_DATE_BUFSIZE];
    int32_t received = recert_credential_application_received(x->cred);

    if (received == RECERT_DAY_NONE) {
        line("  R = %s: no application is recorded, so R is the as-of day (what renewing "
             "today would cost).",
             day_of(r, x->R));
    } else if (received > x->T) {
        line("  R = %s: the application dated %s is after the as-of day (not received yet), "
             "so R is the as-of day.",
             day_of(r, x->R), day_of(a, received));
    } else if (x->R != received) {
        line("  R = %s: the application received %s was rejected, so R is the as-of day.", day_of(r, x->R),
             day_of(a, received));
    } else {
        line("  R = %s: the day the renewal application was received.", day_of(r, x->R));
    }
}

/* ---- credit entries --------------------------------------------------------- */

static const recert_credit *holder_credit(const ctx *x, const char *id)
{
    size_t n = recert_holder_credit_count(x->holder);
    for (size_t i = 0; i < n; i++) {
        const recert_credit *k = recert_holder_credit_at(x->holder, i);
        if (id && strcmp(recert_credit_id(k), id) == 0)
            return k;
    }
    return NULL;
}

/* The other member of the renewal group this credit counts for, or NULL. */
static const char *group_member_counting(const ctx *x, size_t k)
{
    size_t ng = recert_report_group_count(x->rep, x->h, x->c);
    size_t nc = recert_report_credential_count(x->rep, x->h);
    for (size_t g = 0; g < ng; g++) {
        const char *id = recert_report_group_at(x->rep, x->h, x->c, g);
        for (size_t c = 0; c < nc; c++) {
            if (c == x->c || strcmp(recert_report_credential_id(x->rep, x->h, c), id) != 0)
                continue;
            if (recert_report_credit_reason(x->rep, x->h, c, k) == RECERT_CREDIT_COUNTED)
                return id;
        }
    }
    return NULL;
}

/* The amount as the records give it, when it is not in the policy's unit:
 * "(9 hours as given)". */
static void as_given(const recert_credit *k, const ctx *x, char *buf, size_t size)
{
    const char *unit = recert_credit_unit(k);
    char a[48];
    buf[0] = '\0';
    if (!k || recert_credit_amount(k) <= 0)
        return;
    if (!unit)
        unit = "hours";
    if (x->unit && strlen(unit) == strlen(x->unit)) {
        size_t i = 0;
        while (unit[i] && (unit[i] | 0x20) == (x->unit[i] | 0x20))
            i++;
        if (!unit[i])
            return; /* the policy's unit */
    }
    /* hundredths of the unit as a decimal: format them as centihours of a
     * unit worth one per hour */
    if (recert_amount_format(a, sizeof a, recert_credit_amount(k), RECERT_PER_HOUR_HOURS) != RECERT_OK)
        return;
    if (strlen(a) > 2 && strcmp(a + strlen(a) - 2, ".0") == 0)
        a[strlen(a) - 2] = '\0';
    snprintf_utf8(buf, size, " (%s %s as given)", a, unit);
}

static void petition_words(const ctx *x, const recert_credit *k, char *buf, size_t size)
{
    char f[RECERT_DATE_BUFSIZE], d[RECERT_DATE_BUFSIZE];
    int32_t decided = recert_credit_petition_decided(k);
    if (decided == RECERT_DAY_NONE)
        snprintf(buf, size, "filed %s", day_of(f, recert_credit_petition_filed(k)));
    else if (decided > x->T)
        snprintf(buf, size, "filed %s; its decision dated %s is after the as-of day",
                 day_of(f, recert_credit_petition_filed(k)), day_of(d, decided));
    else
        snprintf(buf, size, "filed %s, decided %s", day_of(f, recert_credit_petition_filed(k)), day_of(d, decided));
}

static void explain_credits(const ctx *x)
{
    size_t n = recert_report_credit_count(x->rep, x->h);
    size_t idw = 2, amw = 0;
    char s[RECERT_DATE_BUFSIZE], w[RECERT_DATE_BUFSIZE];

    heading("Credit window");
    {
        char d[RECERT_DATE_BUFSIZE], r[RECERT_DATE_BUFSIZE];
        line("  S .. min(credit deadline, R) = %s .. min(%s, %s) = %s .. %s.", day_of(s, x->S),
             day_of(d, x->credit_deadline), day_of(r, x->R), day_of(s, x->S), day_of(w, x->window_end));
        if (x->window_end == x->credit_deadline)
            line("  An entry counts when completed in that window: by the credit deadline.");
        else if (recert_credential_application_received(x->cred) == x->R)
            line("  An entry counts when completed in that window: a course done after the application "
                 "was received (R) is not part of it.");
        else
            line("  An entry counts when completed in that window: R is the as-of day, and nothing dated "
                 "later has happened yet.");
    }
    if (recert_policy_unapproved_credits(x->pol) == RECERT_UNAPPROVED_PETITION)
        line("  Entries that are not preapproved count once their petition is approved.");
    else
        line("  Entries count whether preapproved or not (no petitions under this policy).");

    heading("Credit entries");
    if (n == 0) {
        line("  none recorded.");
        return;
    }
    for (size_t k = 0; k < n; k++) {
        char a[64];
        size_t l = utf8_width(recert_report_credit_id(x->rep, x->h, k));
        if (l > idw)
            idw = l;
        l = strlen(amount_of(x, a, sizeof a, recert_report_credit_amount(x->rep, x->h, k)));
        if (l > amw)
            amw = l;
    }
    for (size_t k = 0; k < n; k++) {
        const char *id = recert_report_credit_id(x->rep, x->h, k);
        const recert_credit *cr = holder_credit(x, id);
        int reason = recert_report_credit_reason(x->rep, x->h, x->c, k);
        const char *rname = recert_credit_reason_name(reason);
        int64_t amount = recert_report_credit_amount(x->rep, x->h, k);
        int32_t done = recert_credit_completed(cr);
        char a[64], given[96], c[RECERT_DATE_BUFSIZE], d[RECERT_DATE_BUFSIZE], pet[128], m[48];
        sbuf why;
        size_t pad = idw - utf8_width(id);
        int preapproved = recert_credit_approval(cr) == RECERT_APPROVAL_PREAPPROVED;

        sb_init(&why);
        amount_of(x, a, sizeof a, amount);
        as_given(cr, x, given, sizeof given);
        line("  %s%*s  %*s  completed %s  %s%s", id, (int)pad, "", (int)amw, a, day_of(c, done),
             rname ? rname : "?", given);
        switch (reason) {
        case RECERT_CREDIT_COUNTED:
            if (!preapproved && recert_policy_unapproved_credits(x->pol) == RECERT_UNAPPROVED_PETITION) {
                petition_words(x, cr, pet, sizeof pet);
                sb_printf(&why, "counts: completed in the window, not preapproved, and its petition "
                                          "(%s) was approved.",
                         pet);
            } else {
                sb_printf(&why, "counts: completed in the window %s .. %s%s.", day_of(c, x->S),
                         day_of(d, x->window_end),
                         recert_policy_unapproved_credits(x->pol) != RECERT_UNAPPROVED_PETITION
                             ? (preapproved ? "" : ", not preapproved (accepted without a petition)")
                             : ", preapproved");
            }
            break;
        case RECERT_CREDIT_COUNTED_IN_GROUP: {
            const char *other = group_member_counting(x, k);
            long na = recert_credit_applies_to_count(cr);
            int names_this = na < 0;
            for (long i = 0; i < na; i++)
                if (strcmp(recert_credit_applies_to_at(cr, (size_t)i), recert_credential_id(x->cred)) == 0)
                    names_this = 1;
            if (other && !names_this)
                sb_printf(&why,
                          "counts through the renewal group's pool: it counts for %s; on its own it would "
                          "not count here (its applies_to leaves %s out).",
                          other, recert_credential_id(x->cred));
            else if (other && done < x->S)
                sb_printf(&why,
                          "counts through the renewal group's pool: it counts for %s; on its own it would "
                          "not count here (completed %s, before this cycle's start S = %s).",
                          other, day_of(c, done), day_of(d, x->S));
            else if (other)
                sb_printf(&why,
                         "counts through the renewal group's pool: it counts for %s, not for this "
                         "credential on its own.",
                         other);
            else
                sb_printf(&why, "counts through the renewal group's pool.");
            break;
        }
        case RECERT_CREDIT_PENDING:
            petition_words(x, cr, pet, sizeof pet);
            sb_printf(&why, "not yet: its petition (%s) is pending; %s will count if it is "
                                      "approved.",
                     pet, a);
            break;
        case RECERT_CREDIT_NOT_APPLICABLE: {
            long na = recert_credit_applies_to_count(cr);
            sbuf ids;
            sb_init(&ids);
            for (long i = 0; i < na; i++)
                sb_printf(&ids, "%s%s", i ? ", " : "", recert_credit_applies_to_at(cr, (size_t)i));
            if (na <= 0)
                sb_printf(&why, "does not count: its applies_to is empty (it applies to no credential).");
            else
                sb_printf(&why, "does not count: its applies_to names %s, not %s.", ids.data,
                         recert_credential_id(x->cred));
            sb_free(&ids);
            break;
        }
        case RECERT_CREDIT_NOT_YET:
            sb_printf(&why, "does not count yet: completed %s, after the as-of day %s.", day_of(c, done),
                     day_of(d, x->T));
            break;
        case RECERT_CREDIT_BEFORE_CYCLE:
            sb_printf(&why, "does not count: completed %s, before the cycle start S = %s.", day_of(c, done),
                     day_of(d, x->S));
            break;
        case RECERT_CREDIT_AFTER_DEADLINE:
            sb_printf(&why, "does not count: completed %s, after the credit deadline %s.", day_of(c, done),
                     day_of(d, x->credit_deadline));
            break;
        case RECERT_CREDIT_AFTER_APPLICATION:
            sb_printf(&why,
                     "does not count: completed %s, after the application was received on "
                     "%s (it belongs to the next cycle).",
                     day_of(c, done), day_of(d, x->R));
            break;
        case RECERT_CREDIT_PETITION_REQUIRED:
            money_of(x, m, sizeof m, recert_policy_fee(x->pol, RECERT_POLICY_FEE_PETITION));
            if (recert_credit_petition_status(cr) != RECERT_PETITION_NONE)
                sb_printf(&why,
                         "does not count: not preapproved, and its petition is dated %s, after "
                         "the as-of day; a petition costs %s.",
                         day_of(c, recert_credit_petition_filed(cr)), m);
            else
                sb_printf(&why,
                         "does not count: not preapproved, and no petition was filed by %s; "
                         "a petition costs %s.",
                         day_of(c, x->T), m);
            break;
        case RECERT_CREDIT_PETITION_DENIED:
            petition_words(x, cr, pet, sizeof pet);
            sb_printf(&why, "never counts: not preapproved, and its petition (%s) was denied.", pet);
            break;
        case RECERT_CREDIT_OVER_CATEGORY_MAX:
            sb_printf(&why, "does not count: earlier entries of its category reached the category's maximum.");
            break;
        default:
            sb_printf(&why, "(no reason given)");
            break;
        }
        line("      %s", why.data ? why.data : "");
        sb_free(&why);
    }
}

/* ---- totals, path and status ------------------------------------------------ */

static const char *cpr_words(int state)
{
    switch (state) {
    case RECERT_CPR_AED_CURRENT: return "a record current on R";
    case RECERT_CPR_AED_NOT_HANDS_ON: return "the record current on R is online-only and not accepted by a waiver";
    case RECERT_CPR_AED_EXPIRED: return "the latest record expired before R";
    case RECERT_CPR_AED_MISSING: return "no record completed by R";
    case RECERT_CPR_AED_NOT_REQUIRED: return "the policy does not require one";
    case RECERT_CPR_AED_EXPIRING: return "the record current on R expires too soon after R for the policy";
    default: return "unknown";
    }
}

/* The credits counted (without the CPR/AED credit) and the requirement
 * (without it): from the report's earned and required. */
static void credit_parts(const ctx *x, int64_t *counted, int64_t *requirement, int64_t *cpr_credit)
{
    int cpr = recert_report_cpr_aed(x->rep, x->h, x->c);
    *cpr_credit = recert_policy_cpr_aed_credit(x->pol);
    *counted = recert_report_credits(x->rep, x->h, x->c, RECERT_CREDITS_EARNED) -
               (cpr == RECERT_CPR_AED_CURRENT ? *cpr_credit : 0);
    *requirement = recert_report_credits(x->rep, x->h, x->c, RECERT_CREDITS_REQUIRED) - *cpr_credit;
}

static void explain_totals(const ctx *x)
{
    char a[64], b[64], cc[64], d[RECERT_DATE_BUFSIZE];
    int64_t counted, requirement, cpr_credit;
    int cpr = recert_report_cpr_aed(x->rep, x->h, x->c);
    const char *cname = recert_cpr_aed_state_name(cpr);
    size_t ncount = recert_report_counted_count(x->rep, x->h, x->c);
    int32_t cpr_expires = recert_report_date(x->rep, x->h, x->c, RECERT_DATE_CPR_AED_EXPIRES);
    int exam = recert_report_path(x->rep, x->h, x->c) == RECERT_PATH_EXAM ||
               (recert_policy_exam_path(x->pol) && recert_credential_exam_passed(x->cred) != RECERT_DAY_NONE &&
                recert_credential_exam_passed(x->cred) >= x->S && recert_credential_exam_passed(x->cred) <= x->E &&
                recert_credential_exam_passed(x->cred) <= x->T);
    sbuf ids;

    credit_parts(x, &counted, &requirement, &cpr_credit);
    heading("Totals");
    sb_init(&ids);
    for (size_t i = 0; i < ncount; i++)
        sb_printf(&ids, "%s%s", i ? ", " : "", recert_report_counted_at(x->rep, x->h, x->c, i));
    item("  counted credits   %s%s%s%s", amount_of(x, a, sizeof a, counted), ncount ? " (" : "",
         ncount ? ids.data : "", ncount ? ")" : "");
    sb_free(&ids);
    if (recert_report_group_count(x->rep, x->h, x->c) > 0)
        item("                    pooled over the renewal group, each entry once.");
    for (size_t i = 0; i < recert_report_category_count(x->rep, x->h, x->c); i++) {
        int64_t min = recert_report_category_amount(x->rep, x->h, x->c, i, RECERT_CATEGORY_MIN);
        int64_t max = recert_report_category_amount(x->rep, x->h, x->c, i, RECERT_CATEGORY_MAX);
        char m1[64], m2[64];
        amount_of(x, a, sizeof a, recert_report_category_amount(x->rep, x->h, x->c, i, RECERT_CATEGORY_EARNED));
        item("  category %-8s %s counted (minimum %s, maximum %s)", recert_report_category_id(x->rep, x->h, x->c, i), a,
             amount_of(x, m1, sizeof m1, min), max < 0 ? "none" : amount_of(x, m2, sizeof m2, max));
    }
    item("  pending           %s", amount_of(x, a, sizeof a, recert_report_credits(x->rep, x->h, x->c, RECERT_CREDITS_PENDING)));
    if (cpr == RECERT_CPR_AED_NOT_REQUIRED) {
        item("  CPR/AED           not_required: the policy does not require one.");
    } else if (cpr == RECERT_CPR_AED_CURRENT) {
        if (cpr_credit > 0)
            item("  CPR/AED           current (expires %s): counts %s.", day_of(d, cpr_expires),
                 amount_of(x, a, sizeof a, cpr_credit));
        else
            item("  CPR/AED           current (expires %s).", day_of(d, cpr_expires));
    } else {
        if (cpr_expires != RECERT_DAY_NONE)
            item("  CPR/AED           %s: %s (expires %s).", cname ? cname : "?", cpr_words(cpr), day_of(d, cpr_expires));
        else
            item("  CPR/AED           %s: %s.", cname ? cname : "?", cpr_words(cpr));
        if (cpr_credit > 0)
            item("                    its %s counts only when current.", amount_of(x, a, sizeof a, cpr_credit));
    }
    amount_of(x, a, sizeof a, recert_report_credits(x->rep, x->h, x->c, RECERT_CREDITS_REQUIRED));
    if (exam) {
        item("  required          %s: the exam path (passed %s) needs no credits%s.", a,
             day_of(d, recert_credential_exam_passed(x->cred)), cpr_credit > 0 ? ", only the CPR/AED credit" : "");
    } else if (cpr_credit > 0) {
        item("  required          %s = %s of credits + %s for CPR/AED%s.", a, amount_of(x, b, sizeof b, requirement),
             amount_of(x, cc, sizeof cc, cpr_credit),
             recert_report_group_count(x->rep, x->h, x->c) > 0 ? " (the group's highest requirement)" : "");
    } else {
        item("  required          %s%s", a,
             recert_report_group_count(x->rep, x->h, x->c) > 0 ? ": the highest requirement in the renewal group."
                                                               : " of credits.");
    }
    if (!exam && recert_policy_proration_count(x->pol) > 0 && recert_report_group_count(x->rep, x->h, x->c) == 0 &&
        requirement != recert_policy_credits_required(x->pol))
        item("                    prorated: the first cycle starts after its period began (instead of %s).",
             amount_of(x, b, sizeof b, recert_policy_credits_required(x->pol)));
    {
        int64_t shortfall = recert_report_credits(x->rep, x->h, x->c, RECERT_CREDITS_SHORTFALL);
        int64_t credit_short = requirement > counted ? requirement - counted : 0;
        amount_of(x, a, sizeof a, shortfall);
        if (shortfall == 0)
            item("  shortfall         %s: nothing left to earn.", a);
        else if (cpr != RECERT_CPR_AED_CURRENT && cpr != RECERT_CPR_AED_NOT_REQUIRED && cpr_credit > 0)
            item("  shortfall         %s = %s of credits + %s until CPR/AED is current.", a,
                 amount_of(x, b, sizeof b, credit_short), amount_of(x, cc, sizeof cc, cpr_credit));
        else
            item("  shortfall         %s of credits still to earn.", a);
        if (cpr != RECERT_CPR_AED_CURRENT && cpr != RECERT_CPR_AED_NOT_REQUIRED)
            item("                    A current CPR/AED is required, whatever the credits.");
    }
}

static void explain_path_status(const ctx *x)
{
    char a[64], b[64], d[RECERT_DATE_BUFSIZE], e[RECERT_DATE_BUFSIZE], t[RECERT_DATE_BUFSIZE];
    int path = recert_report_path(x->rep, x->h, x->c);
    int status = recert_report_status(x->rep, x->h, x->c);
    int cpr = recert_report_cpr_aed(x->rep, x->h, x->c);
    int cpr_ok = cpr == RECERT_CPR_AED_CURRENT || cpr == RECERT_CPR_AED_NOT_REQUIRED;
    int64_t counted, requirement, cpr_credit;
    int32_t exam = recert_credential_exam_passed(x->cred);
    int32_t received = recert_credential_application_received(x->cred);
    int32_t decided = recert_credential_application_decided(x->cred);
    int certified = recert_report_certified(x->rep, x->h, x->c);
    const char *sname = recert_status_name(status);

    credit_parts(x, &counted, &requirement, &cpr_credit);
    heading("Path and status");
    amount_of(x, a, sizeof a, counted);
    amount_of(x, b, sizeof b, requirement);
    if (path == RECERT_PATH_CREDITS)
        line("  path credits: counted credits %s >= %s required, and CPR/AED %s.", a, b,
             cpr == RECERT_CPR_AED_CURRENT ? "is current" : "is not required");
    else if (path == RECERT_PATH_EXAM)
        line("  path exam: the exam was passed on %s, within S .. E, and CPR/AED %s.", day_of(d, exam),
             cpr == RECERT_CPR_AED_CURRENT ? "is current" : "is not required");
    else if (exam != RECERT_DAY_NONE && exam >= x->S && exam <= x->E && exam <= x->T)
        line("  path none: the exam was passed on %s, but CPR/AED is %s.", day_of(d, exam),
             recert_cpr_aed_state_name(cpr));
    else if (counted >= requirement && !cpr_ok)
        line("  path none: the credits are met (%s >= %s), but CPR/AED is %s.", a, b, recert_cpr_aed_state_name(cpr));
    else if (counted >= requirement)
        line("  path none: the credits are met (%s >= %s), but a category is short of its minimum (see the "
             "totals).", a, b);
    else
        line("  path none: counted credits %s < %s required%s%s.", a, b, cpr_ok ? "" : ", and CPR/AED is ",
             cpr_ok ? "" : recert_cpr_aed_state_name(cpr));
    if (path != RECERT_PATH_EXAM && exam != RECERT_DAY_NONE && (exam < x->S || exam > x->E))
        line("    (The exam passed on %s is outside the cycle S .. E.)", day_of(d, exam));

    day_of(t, x->T);
    day_of(e, x->E);
    switch (status) {
    case RECERT_STATUS_RENEWED: {
        char s2[RECERT_DATE_BUFSIZE], e2[RECERT_DATE_BUFSIZE];
        if (decided != RECERT_DAY_NONE)
            line("  status renewed: the application received %s was accepted on %s.", day_of(d, received),
                 day_of(a, decided));
        else
            line("  status renewed: the application received %s was accepted.", day_of(d, received));
        line("    The next cycle runs from %s to %s.",
             day_of(s2, recert_report_date(x->rep, x->h, x->c, RECERT_DATE_NEXT_CYCLE_START)),
             day_of(e2, recert_report_date(x->rep, x->h, x->c, RECERT_DATE_NEXT_CYCLE_EXPIRES)));
        break;
    }
    case RECERT_STATUS_SUBMITTED:
        line("  status submitted: an application was received on %s and is not decided by %s.", day_of(d, received), t);
        break;
    case RECERT_STATUS_ELIGIBLE:
        line("  status eligible: T = %s is on or before E = %s, and a renewal path is met.", t, e);
        break;
    case RECERT_STATUS_IN_PROGRESS:
        line("  status in_progress: T = %s is on or before E = %s, and no renewal path is met yet.", t, e);
        break;
    case RECERT_STATUS_LATE:
        if (path != RECERT_PATH_NONE || counted >= requirement)
            line("  status late: T = %s is after E = %s and by the final deadline %s, and renewal "
                 "is still possible: the %s.",
                 t, e, day_of(d, x->final_deadline),
                 path == RECERT_PATH_EXAM ? "exam path holds" : "credit requirement is met");
        else
            line("  status late: T = %s is after E = %s and by the final deadline %s, and renewal "
                 "is still possible: credits can still be earned until the credit deadline %s.",
                 t, e, day_of(d, x->final_deadline), day_of(a, x->credit_deadline));
        break;
    case RECERT_STATUS_LAPSED:
        if (x->final_deadline != RECERT_DAY_NONE && x->T > x->final_deadline)
            line("  status lapsed: T = %s is after the final deadline %s.", t, day_of(d, x->final_deadline));
        else
            line("  status lapsed: T = %s is after E = %s and after the credit deadline %s, "
                 "and the credit requirement was not met: the exam must be retaken.",
                 t, e, day_of(d, x->credit_deadline));
        break;
    default:
        line("  status %s.", sname ? sname : "?");
        break;
    }
    if (received != RECERT_DAY_NONE && received <= x->T && status != RECERT_STATUS_RENEWED &&
        status != RECERT_STATUS_SUBMITTED)
        line("    (The application received %s was rejected: as if none was received.)", day_of(d, received));

    if (certified == 1) {
        if (status == RECERT_STATUS_RENEWED && x->T > x->E)
            line("  certified: yes, renewed and T is within the next cycle.");
        else
            line("  certified: yes, T = %s is on or before E = %s.", t, e);
    } else if (recert_credential_certified(x->cred) > x->T) {
        line("  certified: no, not certified until %s.", day_of(d, recert_credential_certified(x->cred)));
    } else {
        line("  certified: no, T = %s is past E = %s and no renewal is accepted.", t, e);
    }
}

/* ---- fees ------------------------------------------------------------------- */

/* Why the tier is what it is. */
static void explain_tier(const ctx *x)
{
    char r[RECERT_DATE_BUFSIZE], e[RECERT_DATE_BUFSIZE], d[RECERT_DATE_BUFSIZE], f[RECERT_DATE_BUFSIZE];
    char w1[64], w2[64];
    int kind = recert_report_tier_kind(x->rep, x->h, x->c);
    const char *tier = recert_report_tier(x->rep, x->h, x->c);
    size_t npol = recert_policy_late_window_count(x->pol);
    sbuf b;

    day_of(r, x->R);
    day_of(e, x->E);
    if (kind == RECERT_TIER_ON_TIME) {
        line("  tier on_time: R = %s is on or before E = %s.", r, e);
        return;
    }
    if (kind == RECERT_TIER_LATE) {
        size_t i;
        int32_t start, end;
        for (i = 0; i < npol; i++)
            if (tier && strcmp(recert_policy_late_window_tier(x->pol, i), tier) == 0)
                break;
        if (i == npol) {
            line("  tier %s: R = %s is in that late window.", tier ? tier : "?", r);
            return;
        }
        /* window i runs from the day after the previous one's end */
        sb_init(&b);
        if (i == 0) {
            sb_printf(&b, "  tier %s: R = %s is after E = %s", tier, r, e);
        } else if (x->nwin > (long)(i - 1) && x->through[i - 1].given) {
            start = add_offset(x->E, &x->through[i - 1]);
            sb_printf(&b, "  tier %s: R = %s is after %s = %s (the end of the \"%s\" window)", tier, r,
                      offset_words(w1, sizeof w1, &x->through[i - 1]), day_of(d, start),
                      recert_policy_late_window_tier(x->pol, i - 1));
        } else {
            sb_printf(&b, "  tier %s: R = %s is after the \"%s\" window", tier, r,
                      recert_policy_late_window_tier(x->pol, i - 1));
        }
        if (x->nwin > (long)i && x->through[i].given) {
            end = minday(add_offset(x->E, &x->through[i]), x->final_deadline);
            sb_printf(&b, " and by %s = %s, the end of this window.", offset_words(w2, sizeof w2, &x->through[i]),
                      day_of(f, end));
        } else if (x->nwin >= 0 && x->final_offset.given) {
            sb_printf(&b, " and by the final deadline %s = %s.", offset_words(w2, sizeof w2, &x->final_offset),
                      day_of(f, x->final_deadline));
        } else {
            sb_printf(&b, " and by the final deadline %s.", day_of(f, x->final_deadline));
        }
        line("%s", b.data);
        sb_free(&b);
        return;
    }
    /* closed */
    if (recert_report_status(x->rep, x->h, x->c) == RECERT_STATUS_LAPSED &&
        (x->final_deadline == RECERT_DAY_NONE || x->R <= x->final_deadline)) {
        line("  tier closed: the credential is lapsed, so no application can be accepted "
             "(the exam must be retaken).");
    } else if (npol == 0) {
        line("  tier closed: R = %s is after E = %s, and the policy has no late window: "
             "nothing is accepted after E.",
             r, e);
    } else {
        line("  tier closed: R = %s is after the final deadline %s: the exam must be "
             "retaken.",
             r, day_of(f, x->final_deadline));
    }
}

static size_t report_credential_index(const ctx *x, const char *id)
{
    size_t nc = recert_report_credential_count(x->rep, x->h);
    for (size_t c = 0; c < nc; c++)
        if (strcmp(recert_report_credential_id(x->rep, x->h, c), id) == 0)
            return c;
    return (size_t)-1;
}

static void explain_group(const ctx *x)
{
    size_t ng = recert_report_group_count(x->rep, x->h, x->c), payers = 0;
    size_t top = (size_t)-1;
    int64_t invoice = 0, top_fee = -1;
    int tie = 0;
    char a[48], b[48];
    sbuf ids;

    if (ng == 0)
        return;
    sb_init(&ids);
    for (size_t g = 0; g < ng; g++)
        sb_printf(&ids, "%s%s", g ? ", " : "", recert_report_group_at(x->rep, x->h, x->c, g));
    line("  renewal group: %s, renewed together with one invoice: the highest renewal fee "
         "among the members, plus each other member's extra for a further certification.",
         ids.data);
    sb_free(&ids);
    for (size_t g = 0; g < ng; g++) {
        const char *id = recert_report_group_at(x->rep, x->h, x->c, g);
        size_t c = report_credential_index(x, id);
        const recert_policy *p;
        int64_t fee;
        if (c == (size_t)-1)
            continue;
        p = recert_roster_find_policy(x->roster, recert_report_policy_id(x->rep, x->h, c));
        fee = recert_policy_fee(p, RECERT_POLICY_FEE_RENEWAL);
        if (recert_report_status(x->rep, x->h, c) == RECERT_STATUS_LAPSED)
            continue;
        invoice += recert_report_fee(x->rep, x->h, c, RECERT_FEE_RENEWAL);
        payers++;
        /* ids are sorted: the first of the highest fee wins a tie */
        if (fee > top_fee) {
            top_fee = fee;
            top = g;
            tie = 0;
        } else if (fee == top_fee) {
            tie = 1;
        }
    }
    for (size_t g = 0; g < ng; g++) {
        const char *id = recert_report_group_at(x->rep, x->h, x->c, g);
        size_t c = report_credential_index(x, id);
        const recert_policy *p;
        if (c == (size_t)-1)
            continue;
        p = recert_roster_find_policy(x->roster, recert_report_policy_id(x->rep, x->h, c));
        money_of(x, a, sizeof a, recert_report_fee(x->rep, x->h, c, RECERT_FEE_RENEWAL));
        if (recert_report_status(x->rep, x->h, c) == RECERT_STATUS_LAPSED)
            line("    - %s (%s): lapsed, not renewed: pays nothing.", id, recert_report_policy_id(x->rep, x->h, c));
        else if (g == top)
            line("    - %s (%s): %s, the highest renewal fee in the group%s.", id, recert_report_policy_id(x->rep, x->h, c),
                 a, tie ? " (a tie: the smallest id pays it)" : "");
        else
            line("    - %s (%s): %s, its policy's extra for a further certification "
                 "(its own renewal fee would be %s).",
                 id, recert_report_policy_id(x->rep, x->h, c), a,
                 money_of(x, b, sizeof b, recert_policy_fee(p, RECERT_POLICY_FEE_RENEWAL)));
    }
    line("    = invoice %s for %zu certification%s; this credential (%s) pays %s of it.",
         money_of(x, a, sizeof a, invoice), payers, payers == 1 ? "" : "s", recert_credential_id(x->cred),
         money_of(x, b, sizeof b, recert_report_fee(x->rep, x->h, x->c, RECERT_FEE_RENEWAL)));
}

static void explain_petition_fees(const ctx *x)
{
    int64_t cents = recert_report_fee(x->rep, x->h, x->c, RECERT_FEE_PETITION);
    int64_t each = recert_policy_fee(x->pol, RECERT_POLICY_FEE_PETITION);
    size_t n = recert_report_credit_count(x->rep, x->h), count = 0;
    int32_t last = minday(x->credit_deadline, x->T);
    char a[48], b[48];
    sbuf ids;

    if (recert_policy_unapproved_credits(x->pol) != RECERT_UNAPPROVED_PETITION) {
        line("  petition fees: none (no petitions under this policy).");
        return;
    }
    /* docs/rules.md §7: petitions filed by T for not-preapproved entries that
     * apply to the credential and were completed in S .. min(E + grace, T) */
    sb_init(&ids);
    for (size_t k = 0; k < n; k++) {
        const recert_credit *cr = holder_credit(x, recert_report_credit_id(x->rep, x->h, k));
        int32_t done = recert_credit_completed(cr);
        if (!cr || recert_credit_approval(cr) != RECERT_APPROVAL_NOT_PREAPPROVED ||
            recert_credit_petition_status(cr) == RECERT_PETITION_NONE || recert_credit_petition_filed(cr) > x->T ||
            recert_report_credit_reason(x->rep, x->h, x->c, k) == RECERT_CREDIT_NOT_APPLICABLE || done < x->S ||
            done > last)
            continue;
        sb_printf(&ids, "%s%s", count ? ", " : "", recert_credit_id(cr));
        count++;
    }
    money_of(x, a, sizeof a, cents);
    if (cents == 0)
        line("  petition fees: %s (no petition filed for this cycle).", a);
    else if (each > 0 && (int64_t)count * each == cents)
        line("  petition fees: %s = %zu petition%s at %s (%s), paid when petitioning, "
             "whatever the outcome; not part of the total.",
             a, count, count == 1 ? "" : "s", money_of(x, b, sizeof b, each), ids.data);
    else
        line("  petition fees: %s, paid when petitioning; not part of the total.", a);
    sb_free(&ids);
}

static void explain_fees(const ctx *x)
{
    char a[48], b[48], c[48];
    int kind = recert_report_tier_kind(x->rep, x->h, x->c);
    const char *tier = recert_report_tier(x->rep, x->h, x->c);
    int64_t renewal = recert_report_fee(x->rep, x->h, x->c, RECERT_FEE_RENEWAL);
    int64_t late = recert_report_fee(x->rep, x->h, x->c, RECERT_FEE_LATE);
    int64_t total = recert_report_fee(x->rep, x->h, x->c, RECERT_FEE_TOTAL);
    int in_group = recert_report_group_count(x->rep, x->h, x->c) > 0;

    heading("Fee");
    explain_reference(x);
    explain_tier(x);
    money_of(x, a, sizeof a, renewal);
    money_of(x, b, sizeof b, late);
    money_of(x, c, sizeof c, total);
    if (kind == RECERT_TIER_CLOSED) {
        line("  fee: none (%s + %s = %s): an application is no longer accepted.", a, b, c);
    } else if (recert_report_path(x->rep, x->h, x->c) == RECERT_PATH_EXAM ||
               (renewal == 0 && recert_policy_exam_path(x->pol) &&
                recert_credential_exam_passed(x->cred) != RECERT_DAY_NONE)) {
        line("  fee: %s renewal + %s late = %s: the exam path owes no renewal or late fee "
             "(the exam's own fees apply).",
             a, b, c);
    } else {
        if (!in_group)
            line("  renewal fee %s: the policy's renewal fee.", a);
        else
            line("  renewal fee %s: this credential's share of the group invoice (below).", a);
        if (kind == RECERT_TIER_LATE)
            line("  late fee %s: the fee of the \"%s\" window, in addition to the renewal fee.", b, tier ? tier : "?");
        else
            line("  late fee %s: on time.", b);
        line("  total: %s + %s = %s, due with the application.", a, b, c);
    }
    explain_group(x);
    explain_petition_fees(x);
}

/* ---- audit and notices ------------------------------------------------------ */

static void explain_audit(const ctx *x)
{
    char a[RECERT_DATE_BUFSIZE], d[RECERT_DATE_BUFSIZE], r[RECERT_DATE_BUFSIZE];
    int state = recert_report_audit(x->rep, x->h, x->c);
    int32_t selected = recert_credential_audit_selected(x->cred);
    int32_t due = recert_report_date(x->rep, x->h, x->c, RECERT_DATE_AUDIT_DOCUMENTS_DUE);
    int32_t docs = recert_credential_audit_documents_received(x->cred);
    int32_t decided = recert_credential_audit_decided(x->cred);

    heading("Audit");
    switch (state) {
    case RECERT_AUDIT_NONE:
        if (!recert_policy_audits(x->pol))
            line("  none: the policy does not audit.");
        else if (selected == RECERT_DAY_NONE)
            line("  none: the application was not selected for audit.");
        else if (selected > x->T)
            line("  none: the audit selection dated %s is after the as-of day.", day_of(a, selected));
        else
            line("  none: the audit does not apply (no application recorded, or it was rejected).");
        break;
    case RECERT_AUDIT_DOCUMENTS_DUE:
        line("  documents_due: selected %s; documents are due by %s (%ld days after "
             "selection) and none were received by %s.",
             day_of(a, selected), day_of(d, due), (long)recert_policy_audit_documents_days(x->pol), day_of(r, x->T));
        break;
    case RECERT_AUDIT_OVERDUE:
        line("  overdue: selected %s; documents were due by %s and none were received by %s.", day_of(a, selected),
             day_of(d, due), day_of(r, x->T));
        break;
    case RECERT_AUDIT_UNDER_REVIEW:
        line("  under_review: selected %s; documents received %s (due %s), no outcome yet.", day_of(a, selected),
             day_of(r, docs), day_of(d, due));
        break;
    case RECERT_AUDIT_PASSED:
    case RECERT_AUDIT_FAILED:
        if (decided != RECERT_DAY_NONE)
            line("  %s: selected %s; the outcome was recorded on %s.", recert_audit_state_name(state),
                 day_of(a, selected), day_of(d, decided));
        else
            line("  %s: selected %s; the outcome is recorded.", recert_audit_state_name(state), day_of(a, selected));
        break;
    default:
        line("  %s.", recert_audit_state_name(state) ? recert_audit_state_name(state) : "?");
        break;
    }
}

static void explain_notices(const ctx *x)
{
    size_t n = recert_report_notice_count(x->rep, x->h, x->c);
    heading("Notices");
    if (n == 0) {
        line("  none.");
        return;
    }
    for (size_t i = 0; i < n; i++) {
        const char *code = recert_notice_code_name(recert_report_notice_code(x->rep, x->h, x->c, i));
        const char *msg = recert_report_notice_message(x->rep, x->h, x->c, i);
        line("  %s: %s", code ? code : "?", msg ? msg : "");
    }
}

/* ---- the command ------------------------------------------------------------ */

static void explain(ctx *x)
{
    const char *name = recert_holder_name(x->holder);
    char t[RECERT_DATE_BUFSIZE];

    x->per_hour = recert_report_unit_per_hour(x->rep, x->h, x->c);
    x->unit = recert_report_unit(x->rep, x->h, x->c);
    x->currency = recert_report_currency(x->rep, x->h, x->c);
    x->T = recert_report_as_of(x->rep);
    x->S = recert_report_date(x->rep, x->h, x->c, RECERT_DATE_CYCLE_START);
    x->E = recert_report_date(x->rep, x->h, x->c, RECERT_DATE_EXPIRES);
    x->R = recert_report_date(x->rep, x->h, x->c, RECERT_DATE_REFERENCE);
    x->credit_deadline = recert_report_date(x->rep, x->h, x->c, RECERT_DATE_CREDIT_DEADLINE);
    x->final_deadline = recert_report_date(x->rep, x->h, x->c, RECERT_DATE_FINAL_DEADLINE);
    x->window_end = minday(x->credit_deadline, x->R);
    /* The terms in force on E (a policy's dated version, or its base). */
    x->pol = recert_policy_in_force(x->pol, x->E);
    x->final_offset.given = recert_policy_final_deadline(x->pol, &x->final_offset.years, &x->final_offset.months,
                                                         &x->final_offset.days) == 1;
    x->nwin = (long)recert_policy_late_window_count(x->pol);
    for (long i = 0; i < x->nwin && i < MAX_WINDOWS; i++)
        x->through[i].given = recert_policy_late_window_through(x->pol, (size_t)i, &x->through[i].years,
                                                                &x->through[i].months, &x->through[i].days) == 1;

    line("%s%s%s%s / %s: %s (%s), as of %s", recert_holder_id(x->holder), name ? " (" : "", name ? name : "",
         name ? ")" : "", recert_credential_id(x->cred), recert_policy_name(x->pol), recert_policy_id(x->pol),
         day_of(t, x->T));
    {
        char a[64];
        int status = recert_report_status(x->rep, x->h, x->c);
        char b[64], c[64];
        money_of(x, a, sizeof a, recert_report_fee(x->rep, x->h, x->c, RECERT_FEE_TOTAL));
        money_of(x, b, sizeof b, recert_report_fee(x->rep, x->h, x->c, RECERT_FEE_RENEWAL));
        money_of(x, c, sizeof c, recert_report_fee(x->rep, x->h, x->c, RECERT_FEE_LATE));
        line("status %s; fee %s = %s renewal + %s late (tier %s).",
             recert_status_name(status) ? recert_status_name(status) : "?", a, b, c,
             recert_report_tier(x->rep, x->h, x->c) ? recert_report_tier(x->rep, x->h, x->c) : "?");
    }
    explain_cycle(x);
    explain_credits(x);
    explain_totals(x);
    explain_path_status(x);
    explain_fees(x);
    explain_audit(x);
    explain_notices(x);
}

int cmd_explain(int argc, char **argv)
{
    static const char cmd[] = "explain";
    opt_parser op;
    const char *as_of_text = NULL, *pos[3] = {NULL, NULL, NULL};
    int npos = 0, k, status = EXIT_OK, rc;
    char iso[RECERT_DATE_BUFSIZE];
    char *text = NULL;
    size_t len = 0;
    recert_roster *roster = NULL;
    recert_report *report = NULL;
    ctx x;

    memset(&x, 0, sizeof x);
    opt_init(&op, argc, argv);
    while ((k = opt_next(&op)) != OPT_END) {
        if (k == OPT_POSITIONAL) {
            if (npos == 3)
                return usage_error(cmd, "too many arguments: %s", op.arg);
            pos[npos++] = op.arg;
        } else if (strcmp(op.name, "help") == 0 || strcmp(op.name, "h") == 0) {
            printf("%s\n%s", usage_line(cmd), explain_help);
            return EXIT_OK;
        } else if (strcmp(op.name, "as-of") == 0) {
            if (!(as_of_text = opt_value(&op, cmd)))
                return EXIT_USAGE;
        } else {
            return usage_error(cmd, "unknown option: %s%s", strlen(op.name) == 1 ? "-" : "--", op.name);
        }
    }
    if (npos == 0)
        return usage_error(cmd, "no file given (use - for standard input)");
    if (npos < 3)
        return usage_error(cmd, "%s", npos == 1 ? "no holder and credential given" : "no credential given");
    if ((status = as_of_option(cmd, as_of_text, iso, &x.T)) != 0)
        return status;

    if (read_input(pos[0], &text, &len) != 0)
        return EXIT_BAD;
    if ((rc = recert_roster_from_json_catalog(&roster, text, len, g_catalog)) != RECERT_OK) {
        report_library_error(pos[0], rc);
        status = EXIT_BAD;
        goto out;
    }
    {
        size_t nh = recert_roster_holder_count(roster), nc;
        for (x.h = 0; x.h < nh; x.h++)
            if (strcmp(recert_holder_id(recert_roster_holder_at(roster, x.h)), pos[1]) == 0)
                break;
        if (x.h == nh) {
            fprintf(stderr, "recert: %s: no holder with id \"%s\"\n", term_text(display_name(pos[0])),
                    term_text(pos[1]));
            status = EXIT_BAD;
            goto out;
        }
        x.holder = recert_roster_holder_at(roster, x.h);
        nc = recert_holder_credential_count(x.holder);
        for (x.c = 0; x.c < nc; x.c++)
            if (strcmp(recert_credential_id(recert_holder_credential_at(x.holder, x.c)), pos[2]) == 0)
                break;
        if (x.c == nc) {
            sbuf ids;
            sb_init(&ids);
            for (size_t c = 0; c < nc; c++)
                sb_printf(&ids, "%s\"%s\"", c ? ", " : "", recert_credential_id(recert_holder_credential_at(x.holder, c)));
            fprintf(stderr, "recert: %s: holder \"%s\" has no credential \"%s\" (%s%s)\n",
                    term_text(display_name(pos[0])), term_text(pos[1]), term_text(pos[2]),
                    nc ? "its credentials: " : "it has none", nc ? term_text(ids.data) : "");
            sb_free(&ids);
            status = EXIT_BAD;
            goto out;
        }
        x.cred = recert_holder_credential_at(x.holder, x.c);
    }
    x.pol = recert_roster_find_policy(roster, recert_credential_policy(x.cred));
    if ((rc = recert_roster_evaluate(&report, roster, x.T)) != RECERT_OK) {
        report_library_error(pos[0], rc);
        status = EXIT_BAD;
        goto out;
    }
    x.rep = report;
    x.roster = roster;
    if (!x.pol || x.h >= recert_report_holder_count(report) ||
        strcmp(recert_report_holder_id(report, x.h), pos[1]) != 0 ||
        strcmp(recert_report_credential_id(report, x.h, x.c), pos[2]) != 0) {
        fprintf(stderr, "recert: %s: the report does not match the records\n", term_text(display_name(pos[0])));
        status = EXIT_BAD;
        goto out;
    }
    explain(&x);
    status = finish_stdout(EXIT_OK);

out:
    recert_report_free(report);
    recert_roster_free(roster);
    free(text);
    return status;
}

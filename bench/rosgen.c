/*
 * rosgen — realistic synthetic rosters for the benchmarks.
 *
 *   rosgen [--seed N] [--holders N] [--ndjson] [--as-of YYYY-MM-DD] [--stats]
 *
 * Writes a records document (docs/format.md) to standard output, or with --ndjson
 * one bare holder object a line (what `recert evaluate --ndjson` reads), so
 * that any number of holders streams through a pipe without being stored.
 * The same seed and count always give the same bytes; holder i is the same
 * whatever the count (each holder has its own generator state).
 *
 * The mix is meant to look like a certifying body's or a gym chain's records
 * around the evaluation day T (default 2026-11-23): NASM-CPT and the ACSM
 * credentials in every state (in progress, eligible, late, lapsed,
 * submitted, renewed), portal "Thru Dates", ACSM pairs renewed together,
 * 0–25 credit entries a holder in hours, CEU and CEC, not-preapproved
 * courses with and without petitions, applications with audits, exams,
 * CPR/AED histories. Every document it writes is valid.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- output ----------------------------------------------------------------- */

static char obuf[1 << 20];
static size_t olen;

static void flush_out(void)
{
    if (olen && fwrite(obuf, 1, olen, stdout) != olen) {
        perror("rosgen: write");
        exit(1);
    }
    olen = 0;
}

static void put(const char *s)
{
    size_t n = strlen(s);
    if (olen + n > sizeof obuf)
        flush_out();
    memcpy(obuf + olen, s, n);
    olen += n;
}

static void putch(char c)
{
    if (olen + 1 > sizeof obuf)
        flush_out();
    obuf[olen++] = c;
}

static void put_uint(uint64_t v)
{
    char tmp[24];
    size_t n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n)
        putch(tmp[--n]);
}

/* "key": */
static void key(const char *k, int *first)
{
    if (!*first)
        putch(',');
    *first = 0;
    putch('"');
    put(k);
    put("\":");
}

static void str_member(const char *k, const char *v, int *first)
{
    key(k, first);
    putch('"');
    put(v);
    putch('"');
}

/* ---- dates ------------------------------------------------------------------- */

/* Days since 1970-01-01 from a civil date and back (H. Hinnant's algorithms). */
static int32_t days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int32_t z, int *y, int *m, int *d)
{
    z += 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + era * 400 + (*m <= 2);
}

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* d + n years, the day clamped to the month's end (docs/rules.md §1). */
static int32_t add_years(int32_t day, int n)
{
    int y, m, d;
    civil_from_days(day, &y, &m, &d);
    y += n;
    if (m == 2 && d == 29 && !is_leap(y))
        d = 28;
    return days_from_civil(y, m, d);
}

static void date_member(const char *k, int32_t day, int *first)
{
    int y, m, d;
    char t[16];
    civil_from_days(day, &y, &m, &d);
    t[0] = '"';
    t[1] = (char)('0' + y / 1000 % 10);
    t[2] = (char)('0' + y / 100 % 10);
    t[3] = (char)('0' + y / 10 % 10);
    t[4] = (char)('0' + y % 10);
    t[5] = '-';
    t[6] = (char)('0' + m / 10);
    t[7] = (char)('0' + m % 10);
    t[8] = '-';
    t[9] = (char)('0' + d / 10);
    t[10] = (char)('0' + d % 10);
    t[11] = '"';
    t[12] = '\0';
    key(k, first);
    put(t);
}

/* ---- randomness -------------------------------------------------------------- */

typedef struct rng {
    uint64_t s;
} rng;

static uint64_t next(rng *r) /* splitmix64 */
{
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static uint32_t below(rng *r, uint32_t n)
{
    return (uint32_t)(((next(r) >> 32) * (uint64_t)n) >> 32);
}

/* Uniform in [lo, hi]. */
static int32_t between(rng *r, int32_t lo, int32_t hi)
{
    return lo + (int32_t)below(r, (uint32_t)(hi - lo + 1));
}

/* True with probability pct percent. */
static int chance(rng *r, uint32_t pct)
{
    return below(r, 100) < pct;
}

/* ---- the roster -------------------------------------------------------------- */

static const char *const first_names[] = {
    "Ana", "Ben", "Chloé", "Dmitri", "Emma", "Farid", "Grace", "Hiroshi", "Inés", "Jamal", "Kate", "Luis",
    "Maya", "Noah", "Olga", "Priya", "Quinn", "Rosa", "Sam", "Tomás", "Uma", "Victor", "Wen", "Yusuf", "Zoë"};
static const char *const last_names[] = {
    "Alvarez", "Brown", "Chen", "Dubois", "Evans", "Fischer", "García", "Hughes", "Ivanova", "Jensen",
    "Kowalski", "López", "Martin", "Nguyen", "O'Brien", "Patel", "Rossi", "Schmidt", "Tanaka", "Walker"};
static const char *const titles[] = {
    "Corrective Exercise Specialist", "Performance Enhancement Specialist", "Kettlebell workshop",
    "Nutrition coaching fundamentals", "Youth exercise training", "Senior fitness: balance and falls",
    "Functional movement screen", "Mobility and flexibility", "Behavior change coaching",
    "Strength training for women", "Exercise and diabetes", "Group fitness leadership",
    "Sports nutrition update", "Pre- and postnatal exercise", "Resistance bands masterclass",
    "ACSM annual meeting session", "Webinar: program design", "Golf fitness specialist",
    "Weight loss specialist", "Injury prevention in running"};
static const char *const providers[] = {"NASM", "ACSM", "NSCA", "ACE", "Local studio", "AFAA", "Online academy",
                                        "University extension"};
static const char *const acsm_policies[] = {"acsm-cpt", "acsm-ep", "acsm-cep", "acsm-gei", "acsm-cift", "acsm-rcep"};

typedef struct cred {
    const char *policy;
    int nasm;
    int32_t start, expires; /* S and E of the current cycle */
} cred;

static int32_t T; /* the evaluation day the mix is built around */
static unsigned long long n_creds, n_credits;

/* A NASM-CPT credential: E within about a year before or two after T; the
 * first certification 0 to 3 cycles before. */
static void nasm_cycle(rng *r, cred *c, int32_t *certified)
{
    int32_t e = T + between(r, -420, 740);
    int back = (int)below(r, 4);
    c->expires = e;
    c->start = add_years(e, -2);
    *certified = add_years(e, -2 * (back + 1));
}

/* An ACSM credential: E = Dec 31 of 2025..2028; certified in a year_end
 * cycle whose end is E, or some cycles before. `pair_year` >= 0 gives the
 * same E as the holder's other ACSM credential (renewed together). */
static void acsm_cycle(rng *r, cred *c, int32_t *certified, int pair_year)
{
    int ey = pair_year >= 0 ? pair_year : 2025 + (int)below(r, 4);
    int back = (int)below(r, 3);
    int sy = ey - 3 - 3 * back; /* year_end, 3 years: S in year Y (not Jan 1) gives E = Dec 31 of Y + 3 */
    c->expires = days_from_civil(ey, 12, 31);
    c->start = back == 0 ? 0 : days_from_civil(ey - 3, 12, 31) + 1;
    *certified = days_from_civil(sy, 1 + (int)below(r, 12), 2 + (int)below(r, 27));
    if (back == 0)
        c->start = *certified;
}

static void gen_credential(rng *r, cred *c, int idx, int pair_year)
{
    int first = 1;
    int32_t certified;
    char id[16];
    int how;

    if (c->nasm)
        nasm_cycle(r, c, &certified);
    else
        acsm_cycle(r, c, &certified, pair_year);

    putch('{');
    snprintf(id, sizeof id, "c%d", idx);
    str_member("id", id, &first);
    str_member("policy", c->policy, &first);
    if (chance(r, 70)) {
        key("number", &first);
        putch('"');
        put_uint(1000000 + below(r, 9000000));
        putch('"');
    }
    date_member("certified", certified, &first);
    /* How the current cycle is recorded: the portal's Thru Date only, the
     * cycle start and Thru Date, the cycle start only, or nothing (first
     * cycle: S = certified). */
    how = (int)below(r, 10);
    if (c->start == certified && how >= 7) {
        /* nothing more: the first cycle is computed from certified */
    } else if (how < 5) {
        date_member("expires", c->expires, &first);
    } else if (how < 8) {
        date_member("cycle_start", c->start, &first);
        date_member("expires", c->expires, &first);
    } else {
        date_member("cycle_start", c->start, &first);
    }

    /* Renewal application near E, received by T mostly. */
    if (c->expires - T < 120 && chance(r, 45)) {
        int32_t received = c->expires + between(r, -90, 150);
        uint32_t d = below(r, 100);
        int f2 = 1;
        if (received < c->start + 1)
            received = c->start + 1;
        key("application", &first);
        putch('{');
        date_member("received", received, &f2);
        if (d < 40) {
            /* pending: no decision member */
        } else if (d < 85) {
            str_member("decision", "accepted", &f2);
            if (chance(r, 70))
                date_member("decided", received + between(r, 1, 40), &f2);
        } else {
            str_member("decision", "rejected", &f2);
            date_member("decided", received + between(r, 1, 40), &f2);
        }
        putch('}');
        if (c->nasm && chance(r, 25)) {
            int32_t selected = received + between(r, 1, 20);
            int f3 = 1;
            key("audit", &first);
            putch('{');
            date_member("selected", selected, &f3);
            if (chance(r, 60)) {
                date_member("documents_received", selected + between(r, 3, 45), &f3);
                if (chance(r, 50)) {
                    str_member("outcome", chance(r, 90) ? "passed" : "failed", &f3);
                    date_member("decided", selected + between(r, 46, 90), &f3);
                }
            }
            putch('}');
        }
    }
    if (!c->nasm && chance(r, 6)) {
        int f2 = 1;
        key("exam", &first);
        putch('{');
        date_member("passed", between(r, c->start, c->expires), &f2);
        putch('}');
    }
    putch('}');
    n_creds++;
}

static void gen_credit(rng *r, int idx, int32_t lo, int32_t hi, int ncreds)
{
    int first = 1;
    char id[16];
    uint32_t u = below(r, 100);
    int32_t completed;

    putch('{');
    snprintf(id, sizeof id, "k%d", idx);
    str_member("id", id, &first);
    if (chance(r, 85))
        str_member("title", titles[below(r, sizeof titles / sizeof titles[0])], &first);
    if (chance(r, 70))
        str_member("provider", providers[below(r, sizeof providers / sizeof providers[0])], &first);
    completed = between(r, lo, hi);
    date_member("completed", completed, &first);
    if (u < 35) {
        /* contact hours: 0.25 .. 16 */
        static const char *const h[] = {"1", "2", "3", "4", "6", "8", "16", "0.5", "1.5", "0.25", "2.75"};
        key("hours", &first);
        put(h[below(r, sizeof h / sizeof h[0])]);
    } else if (u < 75) {
        static const char *const a[] = {"0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.8", "1", "1.5", "1.9", "0.15"};
        key("amount", &first);
        put(a[below(r, sizeof a / sizeof a[0])]);
        str_member("unit", chance(r, 80) ? "ceu" : "CEU", &first);
    } else {
        static const char *const a[] = {"1", "2", "3", "4", "5", "8", "10", "12", "20", "1.5"};
        key("amount", &first);
        put(a[below(r, sizeof a / sizeof a[0])]);
        str_member("unit", "cec", &first);
    }
    if (chance(r, 15)) {
        str_member("approval", "not_preapproved", &first);
        if (chance(r, 60)) {
            int f2 = 1;
            uint32_t s = below(r, 3);
            int32_t filed = completed + between(r, 1, 60);
            key("petition", &first);
            putch('{');
            date_member("filed", filed, &f2);
            str_member("status", s == 0 ? "pending" : s == 1 ? "approved" : "denied", &f2);
            if (s != 0)
                date_member("decided", filed + between(r, 5, 60), &f2);
            putch('}');
        }
    } else if (chance(r, 3)) {
        str_member("approval", "preapproved", &first);
    }
    if (ncreds > 1 && chance(r, 5)) {
        key("applies_to", &first);
        put("[\"c0\"]");
    }
    putch('}');
    n_credits++;
}

static void gen_holder(uint64_t seed, unsigned long i)
{
    rng r = {seed ^ (0xA0761D6478BD642Full * (i + 1))};
    int first = 1, ncreds, ncredits, pair_year = -1;
    cred creds[3];
    int32_t lo, hi;
    char buf[96];

    (void)next(&r);
    /* 1 credential (70%), 2 (25%), 3 (5%); NASM in a bit over half. */
    {
        uint32_t u = below(&r, 100);
        ncreds = u < 70 ? 1 : u < 95 ? 2 : 3;
    }
    for (int k = 0; k < ncreds; k++) {
        creds[k].nasm = k == 0 ? chance(&r, 55) : chance(&r, 30);
        if (!creds[k].nasm) {
            /* distinct ACSM policies within a holder */
            const char *p;
            int dup;
            do {
                p = acsm_policies[below(&r, sizeof acsm_policies / sizeof acsm_policies[0])];
                dup = 0;
                for (int j = 0; j < k; j++)
                    if (creds[j].policy == p)
                        dup = 1;
            } while (dup);
            creds[k].policy = p;
        } else {
            creds[k].policy = "nasm-cpt";
        }
    }

    putch('{');
    key("id", &first);
    putch('"');
    put("trainer-");
    put_uint(i);
    putch('"');
    snprintf(buf, sizeof buf, "%s %s", first_names[below(&r, sizeof first_names / sizeof first_names[0])],
             last_names[below(&r, sizeof last_names / sizeof last_names[0])]);
    str_member("name", buf, &first);

    /* CPR/AED: mostly one hands-on record; some histories, online courses,
     * expired or missing ones. */
    {
        uint32_t u = below(&r, 100);
        if (u < 85) {
            int nrec = chance(&r, 15) ? 2 : 1;
            key("cpr_aed", &first);
            if (nrec > 1)
                putch('[');
            for (int k = 0; k < nrec; k++) {
                int f2 = 1;
                int32_t done = k == 0 && nrec > 1 ? T - between(&r, 800, 1500) : T - between(&r, 10, 900);
                if (k)
                    putch(',');
                if (chance(&r, 4))
                    done = between(&r, days_from_civil(2020, 4, 1), days_from_civil(2023, 7, 1));
                putch('{');
                date_member("completed", done, &f2);
                date_member("expires", add_years(done, 2), &f2);
                if (chance(&r, 10)) {
                    key("hands_on", &f2);
                    put("false");
                    if (chance(&r, 30)) {
                        key("adult_cpr_aed", &f2);
                        put(chance(&r, 80) ? "true" : "false");
                    }
                } else if (chance(&r, 20)) {
                    key("hands_on", &f2);
                    put("true");
                }
                putch('}');
            }
            if (nrec > 1)
                putch(']');
        }
    }

    key("credentials", &first);
    putch('[');
    lo = T;
    hi = T;
    for (int k = 0; k < ncreds; k++) {
        if (k)
            putch(',');
        gen_credential(&r, &creds[k], k, creds[k].nasm ? -1 : pair_year);
        if (!creds[k].nasm && pair_year < 0 && chance(&r, 60)) {
            int y, m, d;
            civil_from_days(creds[k].expires, &y, &m, &d);
            pair_year = y; /* the next ACSM credential expires with this one */
        }
        if (creds[k].start < lo)
            lo = creds[k].start;
    }
    putch(']');

    /* 0..25 credit entries, completed from a little before the earliest
     * cycle start through T (a few after T: not yet happened). */
    ncredits = (int)below(&r, 26);
    if (ncredits) {
        key("credits", &first);
        putch('[');
        for (int k = 0; k < ncredits; k++) {
            if (k)
                putch(',');
            gen_credit(&r, k, lo - 120, hi + (chance(&r, 3) ? 30 : 0), ncreds);
        }
        putch(']');
    }
    if (chance(&r, 2)) {
        key("x-employee", &first);
        put("{\"site\":\"");
        put_uint(below(&r, 400));
        put("\",\"active\":true}");
    }
    putch('}');
}

static int parse_ul(const char *s, unsigned long long *out)
{
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (!*s || *end)
        return -1;
    *out = v;
    return 0;
}

int main(int argc, char **argv)
{
    unsigned long long seed = 42, holders = 1000;
    int ndjson = 0, stats = 0;
    T = days_from_civil(2026, 11, 23);

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--ndjson") == 0) {
            ndjson = 1;
        } else if (strcmp(a, "--stats") == 0) {
            stats = 1;
        } else if (i + 1 < argc && strcmp(a, "--seed") == 0) {
            if (parse_ul(argv[++i], &seed) != 0)
                goto usage;
        } else if (i + 1 < argc && strcmp(a, "--holders") == 0) {
            if (parse_ul(argv[++i], &holders) != 0)
                goto usage;
        } else if (i + 1 < argc && strcmp(a, "--as-of") == 0) {
            int y, m, d;
            if (sscanf(argv[++i], "%d-%d-%d", &y, &m, &d) != 3)
                goto usage;
            T = days_from_civil(y, m, d);
        } else {
            goto usage;
        }
    }

    if (!ndjson)
        put("{\"recert\":1,\"holders\":[");
    for (unsigned long long i = 0; i < holders; i++) {
        if (!ndjson && i)
            putch(',');
        gen_holder(seed, (unsigned long)i);
        if (ndjson)
            putch('\n');
    }
    if (!ndjson)
        put("]}\n");
    flush_out();
    if (fflush(stdout) != 0) {
        perror("rosgen: write");
        return 1;
    }
    if (stats)
        fprintf(stderr, "rosgen: %llu holders, %llu credentials, %llu credit entries\n", holders, n_creds,
                n_credits);
    return 0;

usage:
    fputs("usage: rosgen [--seed N] [--holders N] [--ndjson] [--as-of YYYY-MM-DD] [--stats]\n", stderr);
    return 2;
}

/*
 * What the handle API builds, import accepts (docs/format.md "Export" and
 * "Errors"): a property test. Random rosters are built through the handles,
 * with values at and past every limit a records document has (strings of
 * RECERT_MAX_STRING_BYTES and one byte more, multi-byte and invalid UTF-8,
 * the largest amounts and one past them, dates at and past 1900..9999, the
 * most credits, credentials, CPR/AED records and applies_to ids of one
 * holder and one more, x- members at the deepest and past it). For each:
 *
 *   - every setter either succeeds, or fails with the code import gives
 *     for the same value (RECERT_ELIMIT for a size limit; RECERT_EINVAL,
 *     RECERT_ERANGE as the headers say) and leaves its object unchanged;
 *   - recert_roster_to_json(roster) imports (recert_roster_from_json) to a
 *     roster whose export is byte-identical;
 *   - evaluating both on the same day gives identical report JSON.
 *
 * The generator is a seeded PRNG of this file's own (splitmix64), so a
 * failure is reproducible: its message gives the roster's seed, and
 * RECERT_SEED=<seed> RECERT_ROUNDTRIP_N=1 runs that roster alone.
 * RECERT_ROUNDTRIP_N sets how many rosters (default 2000).
 *
 * Days (days since 1970-01-01): 2018-01-01 = 17532, 2031-12-31 = 22644.
 *
 * SPDX-License-Identifier: MIT
 */
#include <check.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recert.h"

enum { D2018_01_01 = 17532, D2031_12_31 = 22644 };

/* ---- the generator ------------------------------------------------------ */

static uint64_t rng_state;
static unsigned long long roster_seed; /* printed with every failure */

static uint64_t next64(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* 0 <= n < bound */
static size_t below(size_t bound)
{
    return bound ? (size_t)(next64() % bound) : 0;
}

static bool chance(unsigned percent)
{
    return below(100) < percent;
}

#define CHECK(cond, ...)                                                                            \
    do {                                                                                            \
        if (!(cond)) {                                                                              \
            char m_[512];                                                                           \
            snprintf(m_, sizeof m_, __VA_ARGS__);                                                   \
            ck_abort_msg("seed %llu (rerun: RECERT_SEED=%llu RECERT_ROUNDTRIP_N=1): %s [%s: %s]",   \
                         roster_seed, roster_seed, m_, recert_error_path(), recert_error_message()); \
        }                                                                                           \
    } while (0)

/* ---- a small text buffer ---------------------------------------------------- */

typedef struct buf {
    char *s;
    size_t n, cap;
} buf;

static void put(buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (b->n + n + 1 > cap)
            cap *= 2;
        b->s = realloc(b->s, cap);
        ck_assert_ptr_nonnull(b->s);
        b->cap = cap;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

static void puts_(buf *b, const char *s)
{
    put(b, s ? s : "(null)", strlen(s ? s : "(null)"));
}

#if defined(__GNUC__)
static void printf_(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#endif
static void printf_(buf *b, const char *fmt, ...)
{
    char t[128];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(t, sizeof t, fmt, ap);
    va_end(ap);
    put(b, t, (size_t)n < sizeof t ? (size_t)n : sizeof t - 1);
}

/* ---- strings at and past the limits ----------------------------------------- */

typedef enum skind { S_OK, S_EMPTY, S_LONG, S_BAD } skind;

/* Pieces of a short string: ASCII, JSON's special characters, control
 * characters (export escapes them), 2-, 3- and 4-byte UTF-8. */
static const char *const pieces[] = {"a", "Z", "7", "-", " ", "\"", "\\", "/", "\n", "\t", "\x01", "\x7f",
                                     "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xE4\xB8\xAD", "x-"};
static const char *const invalid[] = {"\xC3\x28", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xFF",
                                      "\xE2\x82", "\x80"};

/* A string of exactly n bytes of whole characters (n >= 4): multi-byte
 * characters up to the end, ASCII to make up the rest. */
static void fill_to(buf *b, size_t n)
{
    while (b->n + 4 <= n) {
        const char *p = pieces[12 + below(4)];
        put(b, p, strlen(p));
    }
    while (b->n < n)
        put(b, "q", 1);
}

/* A new string (free it) and its kind; prefix keeps ids apart. */
static char *gen_string(skind *kind, const char *prefix)
{
    buf b = {0};
    put(&b, "", 0);
    size_t r = below(1000);
    if (r < 15) {
        *kind = S_EMPTY;
    } else if (r < 30) { /* exactly the limit */
        *kind = S_OK;
        puts_(&b, prefix);
        fill_to(&b, RECERT_MAX_STRING_BYTES);
    } else if (r < 45) { /* one byte past it: the last character is 2 bytes long */
        *kind = S_LONG;
        puts_(&b, prefix);
        fill_to(&b, RECERT_MAX_STRING_BYTES - 1);
        put(&b, "\xC3\xA9", 2);
    } else if (r < 75) { /* not UTF-8, somewhere */
        *kind = S_BAD;
        puts_(&b, prefix);
        size_t at = below(3);
        for (size_t i = 0; i < 3; i++) {
            const char *p = i == at ? invalid[below(sizeof invalid / sizeof *invalid)] : pieces[below(17)];
            put(&b, p, strlen(p));
        }
    } else {
        *kind = S_OK;
        puts_(&b, prefix);
        for (size_t i = 0, n = below(6); i < n; i++) {
            const char *p = pieces[below(17)];
            put(&b, p, strlen(p));
        }
    }
    if (*kind == S_OK && b.n == 0)
        *kind = S_EMPTY;
    return b.s;
}

static char *dup(const char *s)
{
    buf b = {0};
    puts_(&b, s);
    return b.s;
}

/* The code a string setter gives for a string of that kind. */
static int code_for(skind kind, bool may_be_empty)
{
    switch (kind) {
    case S_EMPTY: return may_be_empty ? RECERT_OK : RECERT_EINVAL;
    case S_LONG: return RECERT_ELIMIT;
    case S_BAD: return RECERT_EINVAL;
    default: return RECERT_OK;
    }
}

/* A day, or one past the range (second: the code expected). */
static int32_t gen_day(bool required, int *code)
{
    *code = RECERT_OK;
    size_t r = below(100);
    if (r < 2)
        return RECERT_DAY_MIN;
    if (r < 3)
        return RECERT_DAY_MAX;
    if (r < 5) {
        *code = RECERT_ERANGE;
        return chance(50) ? RECERT_DAY_MIN - 1 : RECERT_DAY_MAX + 1;
    }
    if (r < 8) {
        if (required)
            *code = RECERT_ERANGE;
        return RECERT_DAY_NONE;
    }
    return (int32_t)(D2018_01_01 + (int32_t)below(D2031_12_31 - D2018_01_01 + 1));
}

/* An amount in hundredths, and the code expected. */
static int64_t gen_amount(int *code)
{
    *code = RECERT_OK;
    size_t r = below(100);
    if (r < 3)
        return RECERT_AMOUNT_MAX;
    if (r < 5)
        return 1;
    if (r < 9) {
        *code = RECERT_EINVAL;
        return r == 5 ? 0 : r == 6 ? -1 : RECERT_AMOUNT_MAX + 1;
    }
    if (r < 12)
        return 100000000 + (int64_t)below(3) - 1; /* about 10^6 units: the bound in TU */
    return 1 + (int64_t)below(r < 50 ? 5000 : 100) * (r < 50 ? 1 : 100);
}

/* An x- member's value: JSON text of some depth; *code: the value is
 * valid here when the object is at document depth `at`. */
static char *gen_json(size_t at, int *code)
{
    static const char *const scalars[] = {"0", "-7", "1.5", "1E2", "-0.0", "3.141592653589793", "true", "false",
                                          "null", "\"\"", "\"\\u00e9\\n\\\"\"", "\"\xE2\x82\xAC\"", "12345678901234",
                                          "{}", "[]"};
    buf b = {0};
    *code = RECERT_OK;
    size_t r = below(100);
    if (r < 4) { /* the deepest a value may be here, or one deeper */
        size_t depth = 2048 - at + (r < 2 ? 0 : 1);
        if (r >= 2)
            *code = RECERT_ELIMIT;
        for (size_t i = 1; i < depth; i++)
            put(&b, r % 2 ? "[" : "{\"k\":", r % 2 ? 1 : 5);
        put(&b, "1", 1);
        for (size_t i = 1; i < depth; i++)
            put(&b, r % 2 ? "]" : "}", 1);
        return b.s;
    }
    if (r < 6) {
        *code = RECERT_EPARSE;
        puts_(&b, chance(50) ? "[1," : "{\"a\":1,\"a\":2}");
        return b.s;
    }
    if (r < 30) {
        puts_(&b, "{\"a\":[");
        for (size_t i = 0, n = below(4); i < n; i++) {
            if (i)
                put(&b, ",", 1);
            puts_(&b, scalars[below(15)]);
        }
        puts_(&b, "],\"b\":{\"c\":");
        puts_(&b, scalars[below(15)]);
        puts_(&b, "}}");
        return b.s;
    }
    puts_(&b, scalars[below(15)]);
    return b.s;
}

/* x- members on an object: set, replaced or removed; set_x is the handle's
 * x_set, bound to its object. */
typedef int (*x_setter)(void *obj, const char *key, const char *json);
static int x_credit(void *o, const char *k, const char *j) { return recert_credit_x_set(o, k, j); }
static int x_credential(void *o, const char *k, const char *j) { return recert_credential_x_set(o, k, j); }
static int x_holder(void *o, const char *k, const char *j) { return recert_holder_x_set(o, k, j); }
static int x_roster(void *o, const char *k, const char *j) { return recert_roster_x_set(o, k, j); }

/* ---- fingerprints: an object as its getters read it ---------------------- */

static void fp_x(buf *b, size_t n, const char *(*key_at)(const void *, size_t),
                 int (*get)(char **, const void *, const char *), const void *obj)
{
    for (size_t i = 0; i < n; i++) {
        const char *k = key_at(obj, i);
        char *v = NULL;
        ck_assert_int_eq(get(&v, obj, k), RECERT_OK);
        puts_(b, k);
        put(b, "=", 1);
        puts_(b, v);
        put(b, ";", 1);
        recert_free(v);
    }
}
static const char *kx_credit(const void *o, size_t i) { return recert_credit_x_key(o, i); }
static int gx_credit(char **out, const void *o, const char *k) { return recert_credit_x_get(out, o, k); }
static const char *kx_credential(const void *o, size_t i) { return recert_credential_x_key(o, i); }
static int gx_credential(char **out, const void *o, const char *k) { return recert_credential_x_get(out, o, k); }
static const char *kx_holder(const void *o, size_t i) { return recert_holder_x_key(o, i); }
static int gx_holder(char **out, const void *o, const char *k) { return recert_holder_x_get(out, o, k); }

static void fp_credit(buf *b, const recert_credit *k)
{
    puts_(b, recert_credit_id(k));
    put(b, "|", 1);
    puts_(b, recert_credit_title(k));
    put(b, "|", 1);
    puts_(b, recert_credit_provider(k));
    put(b, "|", 1);
    puts_(b, recert_credit_unit(k));
    put(b, "|", 1);
    puts_(b, recert_credit_category(k));
    printf_(b, "|%" PRId32 "|%" PRId64 "|%d|%d|%" PRId32 "|%" PRId32 "|%ld|", recert_credit_completed(k),
            recert_credit_amount(k), (int)recert_credit_approval(k), (int)recert_credit_petition_status(k),
            recert_credit_petition_filed(k), recert_credit_petition_decided(k), recert_credit_applies_to_count(k));
    for (long i = 0; i < recert_credit_applies_to_count(k); i++) {
        puts_(b, recert_credit_applies_to_at(k, (size_t)i));
        put(b, ",", 1);
    }
    fp_x(b, recert_credit_x_count(k), kx_credit, gx_credit, k);
}

static void fp_credential(buf *b, const recert_credential *c)
{
    puts_(b, recert_credential_id(c));
    put(b, "|", 1);
    puts_(b, recert_credential_policy(c));
    put(b, "|", 1);
    puts_(b, recert_credential_number(c));
    printf_(b, "|%" PRId32 "|%" PRId32 "|%" PRId32, recert_credential_certified(c), recert_credential_cycle_start(c),
            recert_credential_expires(c));
    printf_(b, "|%" PRId32 "|%d|%" PRId32, recert_credential_application_received(c),
            (int)recert_credential_application_decision(c), recert_credential_application_decided(c));
    printf_(b, "|%" PRId32 "|%" PRId32 "|%d|%" PRId32 "|%" PRId32 "|", recert_credential_audit_selected(c),
            recert_credential_audit_documents_received(c), (int)recert_credential_audit_outcome(c),
            recert_credential_audit_decided(c), recert_credential_exam_passed(c));
    fp_x(b, recert_credential_x_count(c), kx_credential, gx_credential, c);
}

/* A holder; its children in full when it has few (else their counts and
 * the last of each: a failed add must leave those as they were). */
static void fp_holder(buf *b, const recert_holder *h)
{
    puts_(b, recert_holder_id(h));
    put(b, "|", 1);
    puts_(b, recert_holder_name(h));
    size_t cn = recert_holder_credential_count(h), kn = recert_holder_credit_count(h),
           pn = recert_holder_cpr_aed_count(h);
    printf_(b, "|%zu|%zu|%zu|", cn, kn, pn);
    for (size_t i = pn > 64 ? pn - 1 : 0; i < pn; i++)
        printf_(b, "%" PRId32 ",%" PRId32 ",%d,%d;", recert_holder_cpr_aed_completed(h, i),
                recert_holder_cpr_aed_expires(h, i), recert_holder_cpr_aed_hands_on(h, i),
                recert_holder_cpr_aed_adult(h, i));
    for (size_t i = cn > 64 ? cn - 1 : 0; i < cn; i++)
        fp_credential(b, recert_holder_credential_at(h, i));
    for (size_t i = kn > 64 ? kn - 1 : 0; i < kn; i++)
        fp_credit(b, recert_holder_credit_at(h, i));
    fp_x(b, recert_holder_x_count(h), kx_holder, gx_holder, h);
}

static char *fingerprint(int kind, const void *obj)
{
    buf b = {0};
    put(&b, "", 0);
    if (kind == 0)
        fp_credit(&b, obj);
    else if (kind == 1)
        fp_credential(&b, obj);
    else if (kind == 2)
        fp_holder(&b, obj);
    else {
        char *json = NULL;
        ck_assert_int_eq(recert_roster_to_json(&json, obj, 0), RECERT_OK);
        puts_(&b, json);
        recert_free(json);
    }
    return b.s;
}
enum { K_CREDIT, K_CREDENTIAL, K_HOLDER, K_ROSTER };

/* Call a setter on obj: it returns `expect` (when expect is not -100), and
 * on failure the object reads as before. Evaluates to the code. */
#define ANY (-100)
static int last_rc;
/* What the run exercised (printed at the end). */
static unsigned long st_calls, st_failed, st_joined, st_refused, st_credits, st_bytes;
#define TRY(kind, obj, expect, call)                                                                \
    do {                                                                                            \
        char *before_ = fingerprint((kind), (obj));                                                 \
        int rc_ = (call);                                                                           \
        last_rc = rc_;                                                                              \
        st_calls++;                                                                                 \
        st_failed += rc_ != RECERT_OK;                                                              \
        if ((expect) != ANY)                                                                        \
            CHECK(rc_ == (expect), "%s gave %d, not %d", #call, rc_, (int)(expect));                \
        if (rc_ != RECERT_OK) {                                                                     \
            CHECK(recert_error_code() == rc_, "%s: the last error is %d, not %d", #call,            \
                  recert_error_code(), rc_);                                                        \
            char *after_ = fingerprint((kind), (obj));                                              \
            CHECK(strcmp(before_, after_) == 0, "%s failed (%d) and changed its object", #call, rc_); \
            free(after_);                                                                           \
        }                                                                                           \
        free(before_);                                                                              \
    } while (0)

/* ---- the policies a roster may carry ------------------------------------------ */

#define POLICY_HEAD "{\"recert\":1,\"organization\":\"O\",\"name\":\"N\",\"currency\":\"USD\","
static const char *const own_policies[] = {
    /* the smallest unit a policy may declare: 1 TU is 10^6 hours */
    POLICY_HEAD "\"id\":\"tiny\",\"unit\":{\"name\":\"TU\",\"per_hour\":0.000001},\"cycle\":{\"years\":2,"
                "\"expires\":\"anniversary\"},\"credits_required\":10,\"unapproved_credits\":\"petition\","
                "\"fees\":{\"renewal_cents\":100000000000,\"petition_cents\":100000000000},"
                "\"categories\":[{\"id\":\"c\",\"min\":1,\"max\":5}]}",
    POLICY_HEAD "\"id\":\"cu\",\"unit\":{\"name\":\"CU\",\"per_hour\":0.5},\"cycle\":{\"years\":1,"
                "\"expires\":\"year_end\"},\"credits_required\":6,\"credit_grace_days\":30,"
                "\"cpr_aed\":{\"required\":true,\"credit\":1},\"late_windows\":[{\"tier\":\"late\",\"through\":"
                "{\"days\":60},\"fee_cents\":100000000000}],\"final_deadline\":{\"months\":3},"
                "\"categories\":[{\"id\":\"ethics\",\"min\":1},{\"id\":\"online\",\"max\":2}],"
                "\"x-own\":{\"a\":[1,2.5,\"\xE2\x82\xAC\"]}}",
};

static const char *const policy_ids[] = {"nasm-cpt", "acsm-cpt", "acsm-ep", "acsm-cep", "tiny", "cu", "nope"};
static const char *const units[] = {"hours", "ceu", "CEC", "TU", "cu", "furlongs"};
static const char *const categories[] = {"c", "ethics", "ONLINE", "other"};

/* Mostly names a roster knows, sometimes one it does not (the holder is then
 * refused, and the roster unchanged). */
static const char *pick_policy(void)
{
    return chance(3) ? policy_ids[6] : policy_ids[below(6)];
}

static const char *pick_unit(void)
{
    return chance(3) ? units[5] : units[below(5)];
}

/* ---- building ------------------------------------------------------------------ */

static void gen_x(int kind, void *obj, x_setter set, size_t at)
{
    for (size_t i = 0, n = below(3); i < n; i++) {
        char key[32];
        int code;
        if (chance(5)) {
            TRY(kind, obj, RECERT_EINVAL, set(obj, "x-\xC3\x28", "1"));
            continue;
        }
        snprintf(key, sizeof key, "x-%zu", below(4));
        if (chance(10)) {
            TRY(kind, obj, RECERT_OK, set(obj, key, NULL));
            continue;
        }
        char *v = gen_json(at, &code);
        TRY(kind, obj, code, set(obj, key, v));
        free(v);
    }
}

static void gen_credit(recert_credit **out, recert_holder *h, const char *const *cred_ids, size_t cred_n)
{
    skind sk;
    int code;
    *out = NULL;
    char *id = gen_string(&sk, "k");
    int32_t day = gen_day(true, &code);
    int expect = code_for(sk, false) != RECERT_OK ? code_for(sk, false) : code;
    int rc = recert_credit_new(out, id, day);
    free(id);
    CHECK(rc == expect, "recert_credit_new gave %d, not %d", rc, expect);
    if (rc != RECERT_OK) {
        CHECK(*out == NULL, "a failed recert_credit_new gave a credit");
        return;
    }
    recert_credit *k = *out;
    char *s;
    if (chance(90)) { /* an amount first, so that most credits can join */
        if (chance(50))
            TRY(K_CREDIT, k, RECERT_OK, recert_credit_set_hours(k, 1 + (int64_t)below(2000)));
        else {
            int64_t a = 1 + (int64_t)below(2000);
            TRY(K_CREDIT, k, RECERT_OK, recert_credit_set_amount(k, a, pick_unit()));
        }
    }
    for (size_t i = 0, n = below(6); i < n; i++) {
        switch (below(9)) {
        case 0:
            s = chance(10) ? NULL : gen_string(&sk, "t");
            TRY(K_CREDIT, k, s ? code_for(sk, true) : RECERT_OK, recert_credit_set_title(k, s));
            free(s);
            break;
        case 1:
            s = chance(10) ? NULL : gen_string(&sk, "p");
            TRY(K_CREDIT, k, s ? code_for(sk, true) : RECERT_OK, recert_credit_set_provider(k, s));
            free(s);
            break;
        case 2: {
            int64_t a = gen_amount(&code);
            TRY(K_CREDIT, k, code, recert_credit_set_hours(k, a));
            break;
        }
        case 3: {
            int64_t a = gen_amount(&code);
            if (chance(10)) {
                s = gen_string(&sk, "");
                expect = code != RECERT_OK ? code : code_for(sk, false);
            } else {
                s = dup(pick_unit());
                expect = code;
            }
            TRY(K_CREDIT, k, expect, recert_credit_set_amount(k, a, s));
            free(s);
            break;
        }
        case 4:
            TRY(K_CREDIT, k, RECERT_OK,
                recert_credit_set_approval(k, chance(50) ? RECERT_APPROVAL_NOT_PREAPPROVED : RECERT_APPROVAL_PREAPPROVED));
            break;
        case 5: {
            int status = (int)below(4), c1, c2;
            int32_t filed = gen_day(true, &c1), decided = gen_day(false, &c2);
            expect = status == RECERT_PETITION_NONE ? RECERT_OK : c1 != RECERT_OK ? c1 : c2;
            TRY(K_CREDIT, k, expect, recert_credit_set_petition(k, (recert_petition_status)status, filed, decided));
            break;
        }
        case 6: {
            if (chance(20)) {
                TRY(K_CREDIT, k, RECERT_OK, recert_credit_set_applies_to_all(k));
                break;
            }
            /* ids of the holder's credentials (duplicates kept as given),
             * sometimes a strange one; sometimes the most and one more */
            size_t m = chance(3) ? RECERT_MAX_APPLIES_TO + below(2) : below(4);
            const char **ids = calloc(m ? m : 1, sizeof *ids);
            char *odd = NULL;
            ck_assert_ptr_nonnull(ids);
            expect = m > RECERT_MAX_APPLIES_TO ? RECERT_ELIMIT : RECERT_OK;
            for (size_t j = 0; j < m; j++)
                ids[j] = cred_n ? cred_ids[below(cred_n)] : "none";
            if (m && m <= RECERT_MAX_APPLIES_TO && chance(10)) {
                odd = gen_string(&sk, "a");
                ids[below(m)] = odd;
                expect = code_for(sk, false);
            }
            TRY(K_CREDIT, k, expect, recert_credit_set_applies_to(k, ids, m));
            free(odd);
            free(ids);
            break;
        }
        case 7:
            if (chance(10)) {
                s = chance(30) ? NULL : gen_string(&sk, "c");
                TRY(K_CREDIT, k, s ? code_for(sk, false) : RECERT_OK, recert_credit_set_category(k, s));
                free(s);
            } else {
                TRY(K_CREDIT, k, RECERT_OK, recert_credit_set_category(k, categories[below(4)]));
            }
            break;
        default:
            gen_x(K_CREDIT, k, x_credit, 5);
        }
    }
    (void)h;
}

static void gen_credential(recert_credential **out)
{
    skind sk, sk2;
    int code;
    *out = NULL;
    char *id = gen_string(&sk, "c");
    char *pol;
    if (chance(5)) {
        pol = gen_string(&sk2, "");
    } else {
        pol = dup(pick_policy());
        sk2 = S_OK;
    }
    int32_t day = gen_day(true, &code);
    int expect = code_for(sk, false) != RECERT_OK ? code_for(sk, false)
               : code_for(sk2, false) != RECERT_OK ? code_for(sk2, false) : code;
    int rc = recert_credential_new(out, id, pol, day);
    free(id);
    free(pol);
    CHECK(rc == expect, "recert_credential_new gave %d, not %d", rc, expect);
    if (rc != RECERT_OK) {
        CHECK(*out == NULL, "a failed recert_credential_new gave a credential");
        return;
    }
    recert_credential *c = *out;
    for (size_t i = 0, n = below(5); i < n; i++) {
        int c1, c2, c3;
        int32_t d1, d2, d3;
        char *s;
        switch (below(8)) {
        case 0:
            s = chance(10) ? NULL : gen_string(&sk, "n");
            TRY(K_CREDENTIAL, c, s ? code_for(sk, true) : RECERT_OK, recert_credential_set_number(c, s));
            free(s);
            break;
        case 1:
            TRY(K_CREDENTIAL, c, RECERT_OK, recert_credential_set_policy(c, pick_policy()));
            break;
        case 2: /* mostly a cycle start that fits (after certified), sometimes any day */
            d1 = gen_day(false, &c1);
            if (chance(70) && recert_credential_certified(c) <= RECERT_DAY_MAX - 1200)
                d1 = recert_credential_certified(c) + 365 * (int32_t)below(3), c1 = RECERT_OK;
            TRY(K_CREDENTIAL, c, c1, recert_credential_set_cycle_start(c, d1));
            break;
        case 3:
            d1 = gen_day(false, &c1);
            if (chance(70) && recert_credential_certified(c) <= RECERT_DAY_MAX - 3000)
                d1 = recert_credential_certified(c) + 1000 + (int32_t)below(1500), c1 = RECERT_OK;
            TRY(K_CREDENTIAL, c, c1, recert_credential_set_expires(c, d1));
            break;
        case 4:
            d1 = gen_day(false, &c1);
            d2 = gen_day(false, &c2);
            TRY(K_CREDENTIAL, c, d1 == RECERT_DAY_NONE ? RECERT_OK : c1 != RECERT_OK ? c1 : c2,
                recert_credential_set_application(c, d1, (recert_decision)below(3), d2));
            break;
        case 5:
            d1 = gen_day(false, &c1);
            d2 = gen_day(false, &c2);
            d3 = gen_day(false, &c3);
            TRY(K_CREDENTIAL, c,
                d1 == RECERT_DAY_NONE ? RECERT_OK : c1 != RECERT_OK ? c1 : c2 != RECERT_OK ? c2 : c3,
                recert_credential_set_audit(c, d1, d2, (recert_audit_outcome)below(3), d3));
            break;
        case 6:
            d1 = gen_day(false, &c1);
            TRY(K_CREDENTIAL, c, c1, recert_credential_set_exam(c, d1));
            break;
        default:
            gen_x(K_CREDENTIAL, c, x_credential, 5);
        }
    }
}

static void gen_holder(recert_holder **out, int big)
{
    skind sk;
    *out = NULL;
    char *id = gen_string(&sk, "h");
    int rc = recert_holder_new(out, id);
    free(id);
    CHECK(rc == code_for(sk, false), "recert_holder_new gave %d, not %d", rc, code_for(sk, false));
    if (rc != RECERT_OK)
        return;
    recert_holder *h = *out;
    if (chance(70)) {
        char *s = gen_string(&sk, "name ");
        TRY(K_HOLDER, h, code_for(sk, true), recert_holder_set_name(h, s));
        free(s);
    }
    gen_x(K_HOLDER, h, x_holder, 3);

    /* CPR/AED records: a few, or (big 1) the most and one more */
    size_t n = big == 1 ? RECERT_MAX_CPR_AED + 1 : below(3);
    for (size_t i = 0; i < n; i++) {
        int c1 = RECERT_OK, c2 = RECERT_OK;
        int32_t d1, d2;
        if (big == 1) { /* valid records, to reach the limit */
            d1 = D2018_01_01 + (int32_t)(i % 1000);
            d2 = d1 + 730;
        } else {
            d1 = gen_day(true, &c1);
            d2 = gen_day(true, &c2);
        }
        int expect = recert_holder_cpr_aed_count(h) == RECERT_MAX_CPR_AED ? RECERT_ELIMIT
                   : c1 != RECERT_OK ? c1 : c2 != RECERT_OK ? c2 : d2 < d1 ? RECERT_EINVAL : RECERT_OK;
        int hands_on = (int)below(3) - 1, adult = (int)below(3) - 1; /* one draw after the other */
        TRY(K_HOLDER, h, expect, recert_holder_add_cpr_aed(h, d1, d2, hands_on, adult));
    }

    /* credentials: a few, or (big 2) the most and one more */
    n = big == 2 ? RECERT_MAX_CREDENTIALS + 1 : below(4);
    const char **ids = calloc(n + 1, sizeof *ids);
    ck_assert_ptr_nonnull(ids);
    size_t idn = 0;
    for (size_t i = 0; i < n; i++) {
        recert_credential *c = NULL;
        if (big == 2) {
            char cid[32];
            snprintf(cid, sizeof cid, "c%zu", i);
            const char *pid = chance(90) ? "nasm-cpt" : policy_ids[below(6)];
            int32_t certified = D2018_01_01 + (int32_t)below(3000);
            ck_assert_int_eq(recert_credential_new(&c, cid, pid, certified), RECERT_OK);
        } else {
            gen_credential(&c);
        }
        if (!c)
            continue;
        bool full = recert_holder_credential_count(h) == RECERT_MAX_CREDENTIALS;
        TRY(K_HOLDER, h, full ? RECERT_ELIMIT : ANY, recert_holder_add_credential(h, c));
        CHECK(last_rc == RECERT_OK || last_rc == RECERT_EEXISTS || last_rc == RECERT_ELIMIT,
              "recert_holder_add_credential gave %d", last_rc);
        recert_credential_free(c);
    }
    for (size_t i = 0; i < recert_holder_credential_count(h) && idn < n + 1; i++)
        ids[idn++] = recert_credential_id(recert_holder_credential_at(h, i));

    /* credits: a few, or (big 3) the most and one more */
    n = big == 3 ? RECERT_MAX_CREDITS + 1 : below(7);
    for (size_t i = 0; i < n; i++) {
        recert_credit *k = NULL;
        if (big == 3) { /* valid credits, to reach the limit */
            char kid[32];
            snprintf(kid, sizeof kid, "k%zu", i);
            ck_assert_int_eq(recert_credit_new(&k, kid, D2018_01_01 + (int32_t)below(5000)), RECERT_OK);
            ck_assert_int_eq(recert_credit_set_hours(k, 1 + (int64_t)below(1000)), RECERT_OK);
            if (chance(30))
                ck_assert_int_eq(recert_credit_set_category(k, categories[below(4)]), RECERT_OK);
        } else {
            gen_credit(&k, h, ids, idn);
        }
        if (!k)
            continue;
        bool full = recert_holder_credit_count(h) == RECERT_MAX_CREDITS;
        TRY(K_HOLDER, h, full ? RECERT_ELIMIT : ANY, recert_holder_add_credit(h, k));
        CHECK(last_rc == RECERT_OK || last_rc == RECERT_EEXISTS || last_rc == RECERT_ELIMIT,
              "recert_holder_add_credit gave %d", last_rc);
        recert_credit_free(k);
    }
    free(ids);
    if (chance(5) && recert_holder_credit_count(h))
        TRY(K_HOLDER, h, RECERT_OK, recert_holder_remove_credit(h, 0));
    if (chance(5) && recert_holder_credential_count(h))
        TRY(K_HOLDER, h, RECERT_OK, recert_holder_remove_credential(h, 0));
}

/* ---- the property ----------------------------------------------------------------- */

static void one_roster(void)
{
    recert_roster *r = NULL;
    ck_assert_int_eq(recert_roster_new(&r, NULL), RECERT_OK);
    for (size_t i = 0; i < sizeof own_policies / sizeof *own_policies; i++) {
        if (!chance(90))
            continue;
        recert_policy *p = NULL;
        ck_assert_int_eq(recert_policy_from_json(&p, own_policies[i], strlen(own_policies[i])), RECERT_OK);
        TRY(K_ROSTER, r, RECERT_OK, recert_roster_add_policy(r, p));
        recert_policy_free(p);
    }
    gen_x(K_ROSTER, r, x_roster, 1);

    /* one roster in 100 has a holder with the most of something, and one more */
    int big = chance(1) ? 1 + (int)below(3) : 0;
    for (size_t i = 0, n = big ? 1 : below(5); i < n; i++) {
        recert_holder *h = NULL;
        gen_holder(&h, big);
        if (!h)
            continue;
        size_t before = recert_roster_holder_count(r);
        TRY(K_ROSTER, r, ANY, recert_roster_add_holder(r, h));
        CHECK(last_rc == RECERT_OK || last_rc == RECERT_EDATA || last_rc == RECERT_ERANGE ||
              last_rc == RECERT_EEXISTS || last_rc == RECERT_ENOTFOUND,
              "recert_roster_add_holder gave %d", last_rc);
        CHECK(recert_roster_holder_count(r) == before + (last_rc == RECERT_OK), "holder count");
        if (last_rc == RECERT_OK) {
            st_joined++;
            st_credits += recert_holder_credit_count(h);
        } else {
            st_refused++;
            if (getenv("RECERT_ROUNDTRIP_WHY"))
                fprintf(stderr, "refused: %d %s\n", last_rc, recert_error_message());
        }
        recert_holder_free(h);
    }

    /* export, import, export: the same bytes */
    char *json = NULL, *again = NULL;
    ck_assert_int_eq(recert_roster_to_json(&json, r, 0), RECERT_OK);
    recert_roster *back = NULL;
    int rc = recert_roster_from_json(&back, json, strlen(json));
    CHECK(rc == RECERT_OK, "the export of a roster built through handles does not import (%d)", rc);
    ck_assert_int_eq(recert_roster_to_json(&again, back, 0), RECERT_OK);
    CHECK(strcmp(json, again) == 0, "export(import(export(roster))) differs from export(roster)");
    st_bytes += strlen(json);
    CHECK(recert_roster_holder_count(back) == recert_roster_holder_count(r), "holder count after import");

    /* the same report from both */
    int32_t as_of = (int32_t)(D2018_01_01 + (int32_t)below(D2031_12_31 - D2018_01_01 + 1));
    recert_report *a = NULL, *b = NULL;
    ck_assert_int_eq(recert_roster_evaluate(&a, r, as_of), RECERT_OK);
    ck_assert_int_eq(recert_roster_evaluate(&b, back, as_of), RECERT_OK);
    char *ja = NULL, *jb = NULL;
    ck_assert_int_eq(recert_report_to_json(&ja, a, 0), RECERT_OK);
    ck_assert_int_eq(recert_report_to_json(&jb, b, 0), RECERT_OK);
    CHECK(strcmp(ja, jb) == 0, "the reports differ");

    recert_free(ja);
    recert_free(jb);
    recert_report_free(a);
    recert_report_free(b);
    recert_free(json);
    recert_free(again);
    recert_roster_free(back);
    recert_roster_free(r);
}

START_TEST(test_handles_roundtrip)
{
    const char *seed_env = getenv("RECERT_SEED"), *n_env = getenv("RECERT_ROUNDTRIP_N");
    unsigned long long base = seed_env ? strtoull(seed_env, NULL, 0) : 20250601ULL;
    unsigned long n = n_env ? strtoul(n_env, NULL, 0) : 2000;
    for (unsigned long i = 0; i < n; i++) {
        roster_seed = base + i;
        rng_state = roster_seed;
        one_roster();
    }
    printf("%lu rosters from seed %llu: %lu setter calls (%lu failed, each leaving its object unchanged), "
           "%lu holders joined (%lu credits), %lu refused, %lu bytes exported\n",
           n, base, st_calls, st_failed, st_joined, st_credits, st_refused, st_bytes);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("roundtrip");
    TCase *tc = tcase_create("handles");
    tcase_set_timeout(tc, 280);
    tcase_add_test(tc, test_handles_roundtrip);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failures = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failures != 0;
}

/*
 * Valid UTF-8 out (docs/format.md "Errors"): every text the library cuts
 * (a message at 1023 bytes, a path at about 480, a value shown in a message
 * at 60, a caller's argument at 40, a notice at 511, a category id or a fee
 * inside a notice) is cut at a character boundary, whatever the alignment
 * of 2-, 3- and 4-byte characters against the cut; bytes of a caller's
 * argument that are not UTF-8 are not echoed raw; and recert_validate_json()
 * gives the document's error, never RECERT_ENOMEM, for such documents.
 */
#include <check.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recert.h"

/* ---- a strict validator, written apart from the library's ---------------- */

/* RFC 3629: shortest form only, no surrogate, nothing past U+10FFFF. */
static bool utf8_ok(const char *text, size_t n)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        size_t len;
        unsigned long cp, min;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            len = 2, cp = c & 0x1F, min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3, cp = c & 0x0F, min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4, cp = c & 0x07, min = 0x10000;
        } else {
            return false;
        }
        if (n - i < len)
            return false;
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (s[i + k] & 0x3Fu);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += len;
    }
    return true;
}

#define ck_assert_utf8(s) ck_assert_msg(utf8_ok((s), strlen(s)), "not valid UTF-8: %s", (s))

/* ---- text building ---------------------------------------------------------- */

static char *fmt(const char *f, ...) __attribute__((format(printf, 1, 2)));
static char *fmt(const char *f, ...)
{
    va_list ap;
    va_start(ap, f);
    int n = vsnprintf(NULL, 0, f, ap);
    va_end(ap);
    ck_assert_int_ge(n, 0);
    char *s = malloc((size_t)n + 1);
    ck_assert_ptr_nonnull(s);
    va_start(ap, f);
    vsnprintf(s, (size_t)n + 1, f, ap);
    va_end(ap);
    return s;
}

/* pad ASCII "k"s, then ch repeated until the text has at least bytes bytes. */
static char *repeat(size_t pad, const char *ch, size_t bytes)
{
    size_t cl = strlen(ch), n = pad;
    while (n < bytes)
        n += cl;
    char *s = malloc(n + 1);
    ck_assert_ptr_nonnull(s);
    memset(s, 'k', pad);
    for (size_t at = pad; at < n; at += cl)
        memcpy(s + at, ch, cl);
    s[n] = '\0';
    return s;
}

static const char *const chars[] = {"\xC3\xA9" /* é */, "\xE2\x82\xAC" /* € */,
                                    "\xF0\x9F\x98\x80" /* 😀 */};
#define NCHARS 3
/* Pads 0..3 put a cut at a fixed byte offset at every place inside a 2-,
 * 3- and 4-byte character. */
#define NPADS 4

static bool ends_with(const char *s, const char *end)
{
    size_t n = strlen(s), e = strlen(end);
    return n >= e && memcmp(s + n - e, end, e) == 0;
}

/* The last error: valid UTF-8, within its bounds. */
static void check_last_error(int code)
{
    ck_assert_int_eq(recert_error_code(), code);
    const char *m = recert_error_message(), *p = recert_error_path();
    ck_assert_utf8(m);
    ck_assert_utf8(p);
    ck_assert_uint_le(strlen(m), 1023);
    ck_assert_uint_le(strlen(p), 511);
}

/* The text is "cut" + "..." where cut is a prefix of full, or full itself. */
static void check_cut_of(const char *text, const char *full)
{
    size_t n = strlen(text);
    if (strcmp(text, full) == 0)
        return;
    ck_assert_msg(ends_with(text, "..."), "cut without \"...\": %s", text);
    ck_assert_msg(strncmp(text, full, n - 3) == 0, "not a cut of the full text: %s", text);
}

/* Import fails with code; validate gives the same code (not ENOMEM) and a
 * list that is valid UTF-8 and JSON whose first error is the import's.
 * Returns the import's message, path (malloc'd copies). */
static void import_and_validate(const char *doc, int code, char **message, char **path)
{
    recert_roster *r = NULL;
    ck_assert_int_eq(recert_roster_from_json(&r, doc, strlen(doc)), code);
    ck_assert_ptr_null(r);
    check_last_error(code);
    *message = strdup(recert_error_message());
    *path = strdup(recert_error_path());

    char *out = NULL;
    ck_assert_int_eq(recert_validate_json(&out, doc, strlen(doc)), code);
    ck_assert_ptr_nonnull(out);
    ck_assert_utf8(out);
    json_error_t e;
    json_t *list = json_loads(out, 0, &e);
    ck_assert_msg(list != NULL, "validate's list is not JSON: %s", e.text);
    ck_assert(json_is_array(list));
    ck_assert_uint_ge(json_array_size(list), 1);
    json_t *first = json_array_get(list, 0);
    ck_assert_str_eq(json_string_value(json_object_get(first, "message")), *message);
    ck_assert_str_eq(json_string_value(json_object_get(first, "path")), *path);
    json_decref(list);
    recert_free(out);
    check_last_error(code);
}

#define HOLDER_START "{\"recert\":1,\"holders\":[{\"id\":\"h1\","

/* ---- paths: an unknown member with a long multi-byte name ------------------ */

START_TEST(unknown_member_every_offset)
{
    /* Where the member is: the path before its name. The reader keeps at
     * most 480 bytes of a path, so a 2000-byte name is always cut. */
    static const struct {
        const char *before, *after, *prefix;
    } places[] = {
        {HOLDER_START, "}]}", "holders[0]."},
        {HOLDER_START "\"credits\":[{\"id\":\"k\",\"completed\":\"2025-01-01\",\"hours\":1,", "}]}]}",
         "holders[0].credits[0]."},
        {"{\"recert\":1,\"holders\":[],\"policies\":[{\"id\":\"p\",", "}]}", "policies[0]."},
    };
    for (size_t w = 0; w < NCHARS; w++)
        for (size_t pad = 0; pad < NPADS; pad++)
            for (size_t pl = 0; pl < sizeof places / sizeof places[0]; pl++) {
                char *key = repeat(pad, chars[w], 2000);
                char *doc = fmt("%s\"%s\":1%s", places[pl].before, key, places[pl].after);
                char *full_path = fmt("%s%s", places[pl].prefix, key);
                char *m, *p;
                import_and_validate(doc, RECERT_EDATA, &m, &p);
                check_cut_of(p, full_path);
                ck_assert(ends_with(p, "...")); /* always cut */
                ck_assert_uint_le(strlen(p), 483);
                /* the message is the path, then the text */
                char *expected = fmt("%s: unknown member", p);
                ck_assert_str_eq(m, expected);
                free(expected);
                free(m);
                free(p);
                free(full_path);
                free(doc);
                free(key);
            }
}
END_TEST

/* ---- messages: ids near the 64 KiB string limit ----------------------------- */

START_TEST(long_ids_in_messages)
{
    for (size_t w = 0; w < NCHARS; w++)
        for (size_t pad = 0; pad < NPADS; pad++) {
            /* An unknown policy id of 65,532..65,536 bytes, at the limit:
             * the message shows it whole, so it is cut at 1023 bytes. */
            char *id = repeat(pad, chars[w], 65536 - 4);
            ck_assert_uint_le(strlen(id), 65536);
            char *doc = fmt(HOLDER_START "\"credentials\":[{\"id\":\"c\",\"policy\":\"%s\",\"certified\":"
                                         "\"2024-01-10\"}]}]}",
                            id);
            char *m, *p;
            import_and_validate(doc, RECERT_EDATA, &m, &p);
            ck_assert_str_eq(p, "holders[0].credentials[0].policy");
            char *full = fmt("%s: unknown policy: \"%s\"", p, id);
            check_cut_of(m, full);
            ck_assert(ends_with(m, "..."));
            ck_assert_uint_ge(strlen(m), 1023 - 3 - 3); /* cut at most a character short */
            free(full);
            free(m);
            free(p);
            free(doc);

            /* The same id twice among a holder's credits. */
            doc = fmt(HOLDER_START "\"credits\":[{\"id\":\"%s\",\"completed\":\"2025-01-01\",\"hours\":1},"
                                   "{\"id\":\"%s\",\"completed\":\"2025-01-01\",\"hours\":1}]}]}",
                      id, id);
            import_and_validate(doc, RECERT_EDATA, &m, &p);
            ck_assert_str_eq(p, "holders[0].credits[1].id");
            full = fmt("%s: duplicate id \"%s\" (also at credits[0])", p, id);
            check_cut_of(m, full);
            free(full);
            free(m);
            free(p);
            free(doc);

            /* Two holders with the same long id (checked with the policies). */
            doc = fmt("{\"recert\":1,\"holders\":[{\"id\":\"%s\"},{\"id\":\"%s\"}]}", id, id);
            import_and_validate(doc, RECERT_EDATA, &m, &p);
            free(m);
            free(p);
            free(doc);
            free(id);

            /* One byte over the limit: ELIMIT, with its path. */
            id = repeat(pad, chars[w], 65537);
            doc = fmt(HOLDER_START "\"name\":\"%s\"}]}", id);
            import_and_validate(doc, RECERT_ELIMIT, &m, &p);
            ck_assert_str_eq(p, "holders[0].name");
            free(m);
            free(p);
            free(doc);
            free(id);
        }
}
END_TEST

/* ---- a value shown in a message: cut at 60 bytes ----------------------------- */

START_TEST(value_text_every_offset)
{
    for (size_t w = 0; w < NCHARS; w++)
        for (size_t pad = 0; pad < NPADS; pad++) {
            char *v = repeat(pad, chars[w], 200);
            char *doc = fmt(HOLDER_START
                            "\"credits\":[{\"id\":\"k\",\"completed\":\"2025-01-01\",\"hours\":\"%s\"}]}]}",
                            v);
            char *m, *p;
            import_and_validate(doc, RECERT_EDATA, &m, &p);
            ck_assert_str_eq(p, "holders[0].credits[0].hours");
            /* ...: expected a number, got a string: "<at most 60 bytes>..." */
            const char *q = strchr(m, '"');
            ck_assert_ptr_nonnull(q);
            ck_assert(ends_with(m, "...\""));
            size_t shown = strlen(q + 1) - 4;
            ck_assert_uint_le(shown, 60);
            ck_assert_uint_ge(shown, 57);
            ck_assert(strncmp(q + 1, v, shown) == 0);
            free(m);
            free(p);
            free(doc);

            /* a date that is not one */
            doc = fmt(HOLDER_START "\"credits\":[{\"id\":\"k\",\"completed\":\"%s\",\"hours\":1}]}]}", v);
            import_and_validate(doc, RECERT_EDATA, &m, &p);
            ck_assert_str_eq(p, "holders[0].credits[0].completed");
            free(m);
            free(p);
            free(doc);
            free(v);
        }
}
END_TEST

/* ---- a caller's argument echoed in a message ------------------------------------ */

START_TEST(arguments_echoed)
{
    int32_t day;
    int64_t amount;
    for (size_t w = 0; w < NCHARS; w++)
        for (size_t pad = 0; pad < NPADS; pad++) {
            /* shown cut to 40 bytes */
            char *v = repeat(pad, chars[w], 100);
            ck_assert_int_eq(recert_date_parse(&day, v), RECERT_EINVAL);
            check_last_error(RECERT_EINVAL);
            ck_assert_int_eq(recert_amount_parse(&amount, v), RECERT_EINVAL);
            check_last_error(RECERT_EINVAL);
            char *out = NULL;
            const char *doc = "{\"recert\":1,\"holders\":[]}";
            ck_assert_int_eq(recert_evaluate_json(&out, doc, strlen(doc), v), RECERT_EINVAL);
            ck_assert_ptr_null(out);
            check_last_error(RECERT_EINVAL);
            free(v);
        }
    /* Bytes that are not UTF-8: a lone continuation byte, continuation
     * bytes only, a byte never in UTF-8, an overlong '/', a surrogate, a
     * character cut short. */
    static const char *const bad[] = {"2025-\x80-01", "\x80\x80", "\xFF\xFE", "\xC0\xAF", "\xED\xA0\x80",
                                      "2025\xE2\x82"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ck_assert_int_eq(recert_date_parse(&day, bad[i]), RECERT_EINVAL);
        check_last_error(RECERT_EINVAL);
        ck_assert_int_eq(recert_amount_parse(&amount, bad[i]), RECERT_EINVAL);
        check_last_error(RECERT_EINVAL);
        recert_credit *k = NULL;
        ck_assert_int_eq(recert_credit_new(&k, "k", 20000), RECERT_OK);
        ck_assert_int_eq(recert_credit_x_set(k, bad[i], "1"), RECERT_EINVAL);
        check_last_error(RECERT_EINVAL);
        recert_credit_free(k);
    }
}
END_TEST

/* ---- a document that is not UTF-8: EPARSE, and the message is UTF-8 ---------- */

START_TEST(invalid_document_not_echoed)
{
    static const char *const bad[] = {
        "{\"recert\":1,\"holders\":[{\"id\":\"\xFF\"}]}",
        "{\"recert\":1,\"holders\":[{\"id\":\"\xC0\xAF\"}]}",
        "{\"recert\":1,\"holders\":[{\"id\":\"\xED\xA0\x80\"}]}",
        "{\"recert\":1,\"holders\":[{\"id\":\"ab\xE2\x82\"}]}",
        "{\"recert\":1,\"holders\":[{\"\xF4\x90\x80\x80\":1}]}",
        "{\"recert\":1,\"holders\":[{\"id\":1}]}\xE2\x82",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char *m, *p;
        import_and_validate(bad[i], RECERT_EPARSE, &m, &p);
        free(m);
        free(p);
    }
}
END_TEST

/* ---- notice texts: ids, units, currencies and categories at the cuts ---------- */

/* Policy a: a long unit and a long currency; policy b: a short unit and two
 * long category ids (a maximum of 0 and a minimum of 1.0). */
static char *notice_document(const char *credit_id, const char *unit, const char *currency, const char *cat_max,
                             const char *cat_min)
{
    return fmt(
        "{\"recert\":1,\"policies\":["
        "{\"id\":\"a\",\"organization\":\"O\",\"name\":\"A\",\"currency\":\"%s\","
        "\"unit\":{\"name\":\"%s\",\"per_hour\":0.1},\"cycle\":{\"years\":2,\"expires\":\"anniversary\"},"
        "\"credits_required\":1.9,\"unapproved_credits\":\"petition\",\"fees\":{\"petition_cents\":2500}},"
        "{\"id\":\"b\",\"organization\":\"O\",\"name\":\"B\",\"currency\":\"USD\","
        "\"unit\":{\"name\":\"CEU\",\"per_hour\":0.1},\"cycle\":{\"years\":2,\"expires\":\"anniversary\"},"
        "\"credits_required\":1.9,\"categories\":[{\"id\":\"%s\",\"max\":0},{\"id\":\"%s\",\"min\":1.0}]}],"
        "\"holders\":[{\"id\":\"h1\","
        "\"credentials\":[{\"id\":\"ca\",\"policy\":\"a\",\"certified\":\"2024-01-10\"},"
        "{\"id\":\"cb\",\"policy\":\"b\",\"certified\":\"2024-01-10\"}],"
        "\"credits\":["
        "{\"id\":\"%s\",\"completed\":\"2025-01-05\",\"hours\":1,\"approval\":\"not_preapproved\"},"
        "{\"id\":\"k2\",\"completed\":\"2025-01-05\",\"hours\":4,\"approval\":\"not_preapproved\","
        "\"petition\":{\"filed\":\"2025-01-06\",\"status\":\"pending\"}},"
        "{\"id\":\"k3\",\"completed\":\"2025-01-05\",\"hours\":1,\"category\":\"%s\"}]}]}",
        currency, unit, cat_max, cat_min, credit_id, cat_max);
}

START_TEST(notice_texts_every_offset)
{
    for (size_t w = 0; w < NCHARS; w++)
        for (size_t pad = 0; pad < NPADS; pad++) {
            /* Issue 13 item 10: a unit, currency or category id is at most
             * 32 bytes, so only the id reaches a cut now; the names are
             * multi-byte at their longest (at most 31 bytes here). */
            char *id = repeat(pad, chars[w], 600);  /* cut in the id (511) */
            char *unit = repeat(pad, chars[w], 28);
            char *cur = repeat(pad, chars[w], 28);
            char *cmax = repeat(pad, chars[w], 28);
            char *cmin = fmt("m%s", cmax);
            char *doc = notice_document(id, unit, cur, cmax, cmin);

            char *out = NULL;
            ck_assert_int_eq(recert_validate_json(&out, doc, strlen(doc)), RECERT_OK);
            ck_assert_str_eq(out, "[]");
            recert_free(out);

            recert_roster *r = NULL;
            ck_assert_int_eq(recert_roster_from_json(&r, doc, strlen(doc)), RECERT_OK);
            int32_t T;
            ck_assert_int_eq(recert_date_parse(&T, "2025-06-01"), RECERT_OK);
            recert_report *rep = NULL;
            ck_assert_int_eq(recert_roster_evaluate(&rep, r, T), RECERT_OK);
            size_t seen = 0, cut = 0;
            bool codes[64] = {false};
            for (size_t c = 0; c < 2; c++)
                for (size_t i = 0; i < recert_report_notice_count(rep, 0, c); i++) {
                    const char *m = recert_report_notice_message(rep, 0, c, i);
                    ck_assert_ptr_nonnull(m);
                    ck_assert_utf8(m);
                    ck_assert_uint_le(strlen(m), 511);
                    cut += strlen(m) >= 511 - 3;
                    int code = recert_report_notice_code(rep, 0, c, i);
                    if (code >= 0 && code < 64)
                        codes[code] = true;
                    seen++;
                }
            /* each cut place was reached */
            ck_assert(codes[RECERT_NOTICE_PETITION_REQUIRED]);
            ck_assert(codes[RECERT_NOTICE_PETITION_PENDING]);
            ck_assert(codes[RECERT_NOTICE_CATEGORY_MAXIMUM]);
            ck_assert(codes[RECERT_NOTICE_CATEGORY_MINIMUM]);
            ck_assert_uint_ge(cut, 1);
            ck_assert_uint_eq(seen, 4);

            char *json = NULL;
            ck_assert_int_eq(recert_report_to_json(&json, rep, 0), RECERT_OK);
            ck_assert_utf8(json);
            json_error_t e;
            json_t *root = json_loads(json, 0, &e);
            ck_assert_msg(root != NULL, "report is not JSON: %s", e.text);
            json_decref(root);
            recert_free(json);
            recert_report_free(rep);
            recert_roster_free(r);

            ck_assert_int_eq(recert_evaluate_json(&json, doc, strlen(doc), "2025-06-01"), RECERT_OK);
            ck_assert_utf8(json);
            recert_free(json);
            free(doc);
            free(cmin);
            free(cmax);
            free(cur);
            free(unit);
            free(id);
        }
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("utf8");
    TCase *t = tcase_create("cuts");
    tcase_set_timeout(t, 120);
    tcase_add_test(t, unknown_member_every_offset);
    tcase_add_test(t, long_ids_in_messages);
    tcase_add_test(t, value_text_every_offset);
    tcase_add_test(t, arguments_echoed);
    tcase_add_test(t, invalid_document_not_echoed);
    tcase_add_test(t, notice_texts_every_offset);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

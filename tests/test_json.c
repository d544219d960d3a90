/*
 * JSON in and out (docs/format.md): lossless round trip, x- members, every error
 * with its path, recert_validate_json listing every error, policy
 * documents and their errors, a document's own policies.
 */
#include <check.h>
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recert.h"

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    ck_assert_uint_eq(fread(b, 1, (size_t)n, f), (size_t)n);
    b[n] = '\0';
    fclose(f);
    return b;
}

/* The records of a worked example, as text. */
static char *example_records(const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/examples/%s", TEST_DATA_DIR, name);
    json_error_t e;
    json_t *root = json_load_file(path, 0, &e);
    ck_assert_msg(root != NULL, "%s: %s", path, e.text);
    /* 15 digits: 0.1, not 0.10000000000000001 (more decimals than allowed) */
    char *text = json_dumps(json_object_get(root, "records"), JSON_COMPACT | JSON_REAL_PRECISION(15));
    json_decref(root);
    return text;
}

static int import_code(const char *doc)
{
    recert_roster *r = (recert_roster *)1;
    int rc = recert_roster_from_json(&r, doc, strlen(doc));
    if (rc == RECERT_OK)
        recert_roster_free(r);
    else
        ck_assert_ptr_null(r); /* a failed import leaves nothing */
    return rc;
}

#define HOLDER(body) "{\"recert\":1,\"holders\":[{\"id\":\"h1\"" body "}]}"
#define NASM_CRED "\"credentials\":[{\"id\":\"n\",\"policy\":\"nasm-cpt\",\"certified\":\"2022-06-30\"}]"

/* ---- round trip --------------------------------------------------------------- */

/* docs/format.md: "import(export(import(x))) equals import(x)" and
 * "export(import(x)) is x with its members reordered". */
START_TEST(round_trip_examples)
{
    DIR *d = opendir(TEST_DATA_DIR "/examples");
    ck_assert_ptr_nonnull(d);
    struct dirent *e;
    int n = 0;
    while ((e = readdir(d))) {
        if (!strstr(e->d_name, ".json"))
            continue;
        char *text = example_records(e->d_name);
        recert_roster *r1, *r2;
        ck_assert_int_eq(recert_roster_from_json(&r1, text, strlen(text)), RECERT_OK);
        char *out1, *out2;
        ck_assert_int_eq(recert_roster_to_json(&out1, r1, 0), RECERT_OK);
        ck_assert_int_eq(recert_roster_from_json(&r2, out1, strlen(out1)), RECERT_OK);
        ck_assert_int_eq(recert_roster_to_json(&out2, r2, 0), RECERT_OK);
        ck_assert_str_eq(out1, out2);
        /* Same JSON value as the input (members reordered only). */
        json_t *a = json_loads(text, 0, NULL), *b = json_loads(out1, 0, NULL);
        ck_assert_msg(json_equal(a, b), "%s: export differs from input:\n%s\n%s", e->d_name, text, out1);
        json_decref(a);
        json_decref(b);
        recert_free(out1);
        recert_free(out2);
        recert_roster_free(r1);
        recert_roster_free(r2);
        free(text);
        n++;
    }
    closedir(d);
    ck_assert_int_eq(n, 17);
}
END_TEST

START_TEST(round_trip_roster_with_x_members)
{
    char *text = slurp(TEST_DATA_DIR "/../../examples/roster.json");
    recert_roster *r;
    ck_assert_int_eq(recert_roster_from_json(&r, text, strlen(text)), RECERT_OK);
    char *out;
    ck_assert_int_eq(recert_roster_to_json(&out, r, RECERT_JSON_PRETTY), RECERT_OK);
    json_t *a = json_loads(text, 0, NULL), *b = json_loads(out, 0, NULL);
    ck_assert_ptr_nonnull(b);
    ck_assert_msg(json_equal(a, b), "export of examples/roster.json differs from its input");
    json_decref(a);
    json_decref(b);
    recert_free(out);
    recert_roster_free(r);
    free(text);
}
END_TEST

/* Members given are written back as given; nothing computed is added. */
START_TEST(export_writes_only_given_members)
{
    const char *doc = "{\"recert\":1,\"x-top\":{\"a\":[1,2.5,\"s\"]},\"holders\":[{\"id\":\"h\",\"x-h\":true,"
                      "\"cpr_aed\":[],\"credentials\":[{\"id\":\"n\",\"policy\":\"nasm-cpt\",\"certified\":\"2022-06-30\","
                      "\"application\":{\"received\":\"2024-06-01\",\"x-a\":1}}],\"credits\":[{\"id\":\"k\","
                      "\"completed\":\"2023-01-01\",\"hours\":4.0,\"x-k\":null},{\"id\":\"k2\",\"completed\":\"2023-01-01\","
                      "\"amount\":1.25,\"unit\":\"CEU\",\"applies_to\":[]}]}]}";
    recert_roster *r;
    ck_assert_int_eq(recert_roster_from_json(&r, doc, strlen(doc)), RECERT_OK);
    char *out;
    ck_assert_int_eq(recert_roster_to_json(&out, r, 0), RECERT_OK);
    ck_assert_ptr_null(strstr(out, "expires"));   /* computed E is not written */
    ck_assert_ptr_null(strstr(out, "decision"));  /* default not written */
    ck_assert_ptr_nonnull(strstr(out, "\"hours\":4.0"));
    ck_assert_ptr_nonnull(strstr(out, "\"amount\":1.25,\"unit\":\"CEU\""));
    ck_assert_ptr_nonnull(strstr(out, "\"x-k\":null"));
    ck_assert_ptr_nonnull(strstr(out, "\"cpr_aed\":[]"));
    ck_assert_ptr_nonnull(strstr(out, "\"applies_to\":[]"));
    json_t *a = json_loads(doc, 0, NULL), *b = json_loads(out, 0, NULL);
    ck_assert(json_equal(a, b));
    json_decref(a);
    json_decref(b);
    /* x- members through the handle API */
    char *x;
    ck_assert_int_eq(recert_roster_x_get(&x, r, "x-top"), RECERT_OK);
    ck_assert_str_eq(x, "{\"a\":[1,2.5,\"s\"]}");
    recert_free(x);
    const recert_holder *h = recert_roster_holder_at(r, 0);
    ck_assert_int_eq(recert_holder_x_get(&x, h, "x-h"), RECERT_OK);
    ck_assert_str_eq(x, "true");
    recert_free(x);
    ck_assert_int_eq(recert_holder_x_get(&x, h, "x-nope"), RECERT_ENOTFOUND);
    ck_assert_ptr_null(x);
    recert_free(out);
    recert_roster_free(r);
}
END_TEST

/* ---- errors with their paths ---------------------------------------------------- */

static void expect_error(const char *doc, int code, const char *path, const char *in_message)
{
    ck_assert_int_eq(import_code(doc), code);
    ck_assert_int_eq(recert_error_code(), code);
    ck_assert_str_eq(recert_error_path(), path);
    ck_assert_msg(strstr(recert_error_message(), in_message) != NULL, "message \"%s\" lacks \"%s\"",
                  recert_error_message(), in_message);
    /* the message starts with the path */
    ck_assert(strncmp(recert_error_message(), path, strlen(path)) == 0);
    ck_assert_int_eq(recert_error_last()->code, code);
}

START_TEST(errors_name_their_place)
{
    expect_error(HOLDER("," NASM_CRED ",\"credits\":[{\"id\":\"k\",\"completed\":\"2025-02-30\",\"hours\":1}]"),
                 RECERT_EDATA, "holders[0].credits[0].completed", "not a valid date: \"2025-02-30\"");
    expect_error(HOLDER(",\"credentials\":[{\"id\":\"n\",\"policy\":\"nasm-cpt\",\"certified\":\"2022-06-30\","
                        "\"expries\":\"2024-01-01\"}]"),
                 RECERT_EDATA, "holders[0].credentials[0].expries", "unknown member");
    expect_error(HOLDER(",\"credentials\":[{\"id\":\"n\",\"policy\":\"nope\",\"certified\":\"2022-06-30\"}]"),
                 RECERT_EDATA, "holders[0].credentials[0].policy", "unknown policy: \"nope\"");
    expect_error(HOLDER(",\"credits\":[{\"id\":\"k\",\"completed\":\"2025-01-01\",\"hours\":1.005}]"), RECERT_EDATA,
                 "holders[0].credits[0].hours", "more than 2 decimals");
    expect_error(HOLDER(",\"credits\":[{\"id\":\"k\",\"completed\":\"2025-01-01\",\"hours\":-1}]"), RECERT_EDATA,
                 "holders[0].credits[0].hours", "greater than 0");
    expect_error(HOLDER(",\"credits\":[{\"id\":\"k\",\"completed\":\"2025-01-01\",\"hours\":1e12}]"), RECERT_EDATA,
                 "holders[0].credits[0].hours", "beyond 10^9");
    expect_error(HOLDER(",\"credits\":[{\"id\":\"k\",\"completed\":\"2025-01-01\",\"amount\":1,\"unit\":\"furlongs\"}]"),
                 RECERT_EDATA, "holders[0].credits[0].unit", "unknown unit");
    expect_error(HOLDER("," NASM_CRED ",\"credits\":[{\"id\":\"k\",\"completed\":\"2025-01-01\",\"hours\":1,"
                        "\"applies_to\":[\"n\",\"zz\"]}]"),
                 RECERT_EDATA, "holders[0].credits[0].applies_to[1]", "\"zz\"");
    expect_error(HOLDER(",\"credits\":[{\"id\":\"k\",\"completed\":\"2025-01-01\",\"hours\":1},"
                        "{\"id\":\"k\",\"completed\":\"2025-01-02\",\"hours\":1}]"),
                 RECERT_EDATA, "holders[0].credits[1].id", "duplicate id \"k\"");
    expect_error("{\"recert\":1,\"holders\":[{\"id\":\"a\"},{\"id\":\"a\"}]}", RECERT_EDATA, "holders[1].id",
                 "duplicate holder id");
    expect_error("{\"recert\":2,\"holders\":[]}", RECERT_EDATA, "recert", "unsupported format version 2");
    expect_error("{\"holders\":[]}", RECERT_EDATA, "recert", "missing member");
    expect_error(HOLDER(",\"name\":5"), RECERT_EDATA, "holders[0].name", "expected a string, got a number: 5");
    /* docs/rules.md §3: cycle_start before certified; expires not after S */
    expect_error(HOLDER(",\"credentials\":[{\"id\":\"n\",\"policy\":\"nasm-cpt\",\"certified\":\"2022-06-30\","
                        "\"cycle_start\":\"2022-06-29\"}]"),
                 RECERT_EDATA, "holders[0].credentials[0]", "cycle_start 2022-06-29 is before certified 2022-06-30");
    expect_error(HOLDER(",\"credentials\":[{\"id\":\"n\",\"policy\":\"nasm-cpt\",\"certified\":\"2022-06-30\","
                        "\"cycle_start\":\"2024-06-30\",\"expires\":\"2024-06-30\"}]"),
                 RECERT_EDATA, "holders[0].credentials[0]", "is not after the cycle start");
    /* docs/rules.md §1: a reported date past 9999-12-31 is RECERT_ERANGE naming the
     * credential: certified 9998-06-01, E = 10000-06-01. */
    expect_error(HOLDER(",\"credentials\":[{\"id\":\"n\",\"policy\":\"nasm-cpt\",\"certified\":\"9998-06-01\"}]"),
                 RECERT_ERANGE, "holders[0].credentials[0]", "9999-12-31");
}
END_TEST

/* With two errors, the first one (in document order) is the one reported,
 * with its path, whatever the later checks did. */
START_TEST(first_error_wins)
{
    const char *doc = "{\"recert\":1,\"holders\":[{\"id\":\"h1\",\"credentials\":[{\"id\":\"n\",\"policy\":\"nasm-cpt\","
                      "\"certified\":\"2024-01-01\",\"expries\":\"2026-01-01\"}],\"credits\":[{\"id\":\"k1\","
                      "\"completed\":\"2025-02-30\",\"hours\":1}]}]}";
    char *out;
    ck_assert_int_eq(recert_evaluate_json(&out, doc, strlen(doc), "2026-01-01"), RECERT_EDATA);
    ck_assert_str_eq(recert_error_path(), "holders[0].credentials[0].expries");
    ck_assert_str_eq(recert_error_message(), "holders[0].credentials[0].expries: unknown member");
}
END_TEST

START_TEST(not_json_and_duplicate_keys)
{
    ck_assert_int_eq(import_code("{\"recert\":1,"), RECERT_EPARSE);
    ck_assert_ptr_nonnull(strstr(recert_error_message(), "line 1"));
    ck_assert_int_eq(import_code(""), RECERT_EPARSE);
    ck_assert_int_eq(import_code("{\"recert\":1,\"recert\":1,\"holders\":[]}"), RECERT_EPARSE);
    ck_assert_ptr_nonnull(strstr(recert_error_message(), "duplicate"));
    ck_assert_int_eq(import_code("[]"), RECERT_EDATA);
    ck_assert_int_eq(recert_roster_from_json(NULL, "{}", 2), RECERT_EINVAL);
}
END_TEST

/* recert_validate_json lists every error, each with its path, in document order. */
START_TEST(validate_lists_every_error)
{
    const char *doc = "{\"recert\":1,\"holders\":[{\"id\":\"a\",\"nmae\":\"x\",\"credits\":[{\"id\":\"k\","
                      "\"completed\":\"2025-13-01\",\"hours\":1}]},{\"id\":\"b\",\"credentials\":[{\"id\":\"c\","
                      "\"policy\":\"nope\",\"certified\":\"2020-01-01\"}]}]}";
    char *out;
    ck_assert_int_eq(recert_validate_json(&out, doc, strlen(doc)), RECERT_EDATA);
    json_t *list = json_loads(out, 0, NULL);
    ck_assert(json_is_array(list));
    ck_assert_int_eq(json_array_size(list), 3);
    const char *paths[] = {"holders[0].nmae", "holders[0].credits[0].completed", "holders[1].credentials[0].policy"};
    for (size_t i = 0; i < 3; i++) {
        json_t *e = json_array_get(list, i);
        ck_assert_str_eq(json_string_value(json_object_get(e, "path")), paths[i]);
        ck_assert(strncmp(json_string_value(json_object_get(e, "message")), paths[i], strlen(paths[i])) == 0);
    }
    json_decref(list);
    recert_free(out);
    /* A credential with a bad date and an unknown policy: both listed. */
    const char *two = "{\"recert\":1,\"holders\":[{\"id\":\"h1\",\"credentials\":[{\"id\":\"c\","
                      "\"policy\":\"ace-cpt\",\"certified\":\"2025-02-30\"}]}]}";
    ck_assert_int_eq(recert_validate_json(&out, two, strlen(two)), RECERT_EDATA);
    list = json_loads(out, 0, NULL);
    ck_assert_int_eq(json_array_size(list), 2);
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(list, 0), "path")),
                     "holders[0].credentials[0].certified");
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(list, 1), "path")),
                     "holders[0].credentials[0].policy");
    json_decref(list);
    recert_free(out);
    const char *good = HOLDER("," NASM_CRED);
    ck_assert_int_eq(recert_validate_json(&out, good, strlen(good)), RECERT_OK);
    ck_assert_str_eq(out, "[]");
    recert_free(out);
    ck_assert_int_eq(recert_validate_json(&out, "nope", 4), RECERT_EPARSE);
    ck_assert_int_eq(strncmp(out, "[{\"path\":\"\"", 11), 0);
    recert_free(out);
}
END_TEST

/* ---- policies ------------------------------------------------------------------- */

#define POLICY_HEAD "{\"id\":\"p\",\"organization\":\"O\",\"name\":\"N\",\"currency\":\"USD\","

static int policy_code(const char *doc)
{
    recert_policy *p = (recert_policy *)1;
    int rc = recert_policy_from_json(&p, doc, strlen(doc));
    if (rc == RECERT_OK)
        recert_policy_free(p);
    else
        ck_assert_ptr_null(p);
    return rc;
}

/* docs/format.md "Errors in a policy". */
START_TEST(policy_errors)
{
    const char *unit = "\"unit\":{\"name\":\"U\",\"per_hour\":1},\"cycle\":{\"years\":2,\"expires\":\"anniversary\"},";
    char doc[1024];
    snprintf(doc, sizeof doc, POLICY_HEAD "%s\"credits_required\":10}", unit);
    ck_assert_int_eq(policy_code(doc), RECERT_OK);
    snprintf(doc, sizeof doc, POLICY_HEAD "\"unit\":{\"name\":\"U\",\"per_hour\":1},"
             "\"cycle\":{\"years\":0,\"expires\":\"anniversary\"},\"credits_required\":10}");
    ck_assert_int_eq(policy_code(doc), RECERT_EDATA);
    ck_assert_str_eq(recert_error_path(), "cycle.years");
    snprintf(doc, sizeof doc, POLICY_HEAD "%s\"credits_required\":10,\"credit_grace_days\":-1}", unit);
    ck_assert_int_eq(policy_code(doc), RECERT_EDATA);
    ck_assert_str_eq(recert_error_path(), "credit_grace_days");
    snprintf(doc, sizeof doc, POLICY_HEAD "%s\"credits_required\":10,\"fees\":{\"renewal_cents\":-5}}", unit);
    ck_assert_int_eq(policy_code(doc), RECERT_EDATA);
    ck_assert_str_eq(recert_error_path(), "fees.renewal_cents");
    snprintf(doc, sizeof doc, POLICY_HEAD "%s\"credits_required\":10,\"late_windows\":[{\"tier\":\"closed\"}],"
             "\"final_deadline\":{\"years\":1}}", unit);
    ck_assert_int_eq(policy_code(doc), RECERT_EDATA);
    ck_assert_str_eq(recert_error_path(), "late_windows[0].tier");
    snprintf(doc, sizeof doc, POLICY_HEAD "%s\"credits_required\":10,\"late_windows\":[{\"tier\":\"late\"}]}", unit);
    ck_assert_int_eq(policy_code(doc), RECERT_EDATA);
    ck_assert_str_eq(recert_error_path(), "final_deadline");
    snprintf(doc, sizeof doc, POLICY_HEAD "%s\"credits_required\":10,\"final_deadline\":{\"days\":30}}", unit);
    ck_assert_int_eq(policy_code(doc), RECERT_EDATA);
    ck_assert_str_eq(recert_error_path(), "late_windows");
    snprintf(doc, sizeof doc, POLICY_HEAD "%s\"credits_required\":10,\"audit\":{\"documents_days\":-1}}", unit);
    ck_assert_int_eq(policy_code(doc), RECERT_EDATA);
    /* Off the 0.01-hour grid: 0.001 of a 1-per-hour unit is 0.1 centihour. */
    snprintf(doc, sizeof doc, POLICY_HEAD "%s\"credits_required\":10.001}", unit);
    ck_assert_int_eq(policy_code(doc), RECERT_EDATA);
    ck_assert_str_eq(recert_error_path(), "credits_required");
    /* A standard unit name with another per_hour (docs/rules.md §2). */
    snprintf(doc, sizeof doc, POLICY_HEAD "\"unit\":{\"name\":\"Ceu\",\"per_hour\":1},"
             "\"cycle\":{\"years\":2,\"expires\":\"anniversary\"},\"credits_required\":1}");
    ck_assert_int_eq(policy_code(doc), RECERT_EDATA);
    ck_assert_str_eq(recert_error_path(), "unit.per_hour");
    /* CPR/AED credit without the requirement. */
    snprintf(doc, sizeof doc, POLICY_HEAD "%s\"credits_required\":1,\"cpr_aed\":{\"required\":false,\"credit\":1}}",
             unit);
    ck_assert_int_eq(policy_code(doc), RECERT_EDATA);
    ck_assert_str_eq(recert_error_path(), "cpr_aed.credit");
    /* Dated versions (§11a) must come in increasing order of effective. */
    snprintf(doc, sizeof doc,
             POLICY_HEAD "%s\"credits_required\":1,\"versions\":[{\"effective\":\"2022-01-01\"},"
                         "{\"effective\":\"2021-01-01\"}]}",
             unit);
    ck_assert_int_eq(policy_code(doc), RECERT_EDATA);
    ck_assert_str_eq(recert_error_path(), "versions[1].effective");
    snprintf(doc, sizeof doc, "{\"recert\":2," "\"id\":\"p\",\"organization\":\"O\",\"name\":\"N\",\"currency\":\"USD\","
             "%s\"credits_required\":1}", unit);
    ck_assert_int_eq(policy_code(doc), RECERT_EDATA);
    ck_assert_str_eq(recert_error_path(), "recert");
    snprintf(doc, sizeof doc, POLICY_HEAD "%s\"credits_required\":1,\"colour\":\"red\"}", unit);
    ck_assert_int_eq(policy_code(doc), RECERT_EDATA);
    ck_assert_str_eq(recert_error_path(), "colour");
}
END_TEST

/* Every built-in policy is a policy document that reads back to itself. */
START_TEST(builtin_policies_round_trip)
{
    char *all;
    ck_assert_int_eq(recert_policies_json(&all), RECERT_OK);
    json_t *list = json_loads(all, 0, NULL);
    ck_assert_int_eq(json_array_size(list), 9);
    for (size_t i = 0; i < 9; i++) {
        /* jansson writes a real to 17 digits by default (0.1 as
         * 0.10000000000000001), which import refuses as more decimals than
         * allowed: 15 digits give back the text the library wrote. */
        char *one = json_dumps(json_array_get(list, i), JSON_COMPACT | JSON_REAL_PRECISION(15));
        recert_policy *p;
        ck_assert_int_eq(recert_policy_from_json(&p, one, strlen(one)), RECERT_OK);
        char *back;
        ck_assert_int_eq(recert_policy_to_json(&back, p, 0), RECERT_OK);
        json_t *a = json_loads(back, 0, NULL);
        ck_assert(json_equal(a, json_array_get(list, i)));
        ck_assert_ptr_null(json_object_get(a, "recert"));
        json_decref(a);
        recert_free(back);
        recert_policy_free(p);
        free(one);
    }
    json_decref(list);
    recert_free(all);
}
END_TEST

/* A records document's own policies add to the built-ins, or replace one
 * with the same id, for that document only. */
START_TEST(document_policies_add_and_replace)
{
    const char *doc =
        "{\"recert\":1,\"policies\":[{\"id\":\"nasm-cpt\",\"organization\":\"NASM\",\"name\":\"cheaper\","
        "\"currency\":\"USD\",\"unit\":{\"name\":\"CEU\",\"per_hour\":0.1},\"cycle\":{\"years\":2,"
        "\"expires\":\"anniversary\"},\"credits_required\":1.9,\"fees\":{\"renewal_cents\":1234}},"
        "{\"id\":\"ace\",\"organization\":\"ACE\",\"name\":\"ACE CPT\",\"currency\":\"USD\","
        "\"unit\":{\"name\":\"ACE-CEC\",\"per_hour\":0.1},\"cycle\":{\"years\":2,\"expires\":\"anniversary\"},"
        "\"credits_required\":2.0,\"fees\":{\"renewal_cents\":12900}}],"
        "\"holders\":[{\"id\":\"h\",\"credentials\":[{\"id\":\"n\",\"policy\":\"nasm-cpt\",\"certified\":\"2024-01-10\"},"
        "{\"id\":\"a\",\"policy\":\"ace\",\"certified\":\"2024-01-10\"}],"
        "\"credits\":[{\"id\":\"k\",\"completed\":\"2024-05-01\",\"amount\":0.5,\"unit\":\"ace-cec\"}]}]}";
    char *out;
    ck_assert_int_eq(recert_evaluate_json(&out, doc, strlen(doc), "2025-01-01"), RECERT_OK);
    json_t *rep = json_loads(out, 0, NULL);
    json_t *creds = json_object_get(json_array_get(json_object_get(rep, "holders"), 0), "credentials");
    json_t *n = json_array_get(creds, 0), *a = json_array_get(creds, 1);
    ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(n, "fees"), "renewal_cents")), 1234);
    ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(a, "fees"), "renewal_cents")), 12900);
    /* 0.5 ACE-CEC at 0.1 per hour = 5 hours = 0.5 CEU for nasm and 0.5 for ace. */
    ck_assert(json_real_value(json_object_get(json_object_get(a, "credits"), "earned")) == 0.5);
    json_decref(rep);
    recert_free(out);
    /* The built-in is untouched for other documents. */
    const char *plain = HOLDER("," NASM_CRED);
    ck_assert_int_eq(recert_evaluate_json(&out, plain, strlen(plain), "2023-01-01"), RECERT_OK);
    ck_assert_ptr_nonnull(strstr(out, "\"renewal_cents\":9900"));
    recert_free(out);
}
END_TEST

/* docs/rules.md §2: two policies of one document giving one unit name different
 * per_hour are an error. */
START_TEST(document_unit_clash)
{
    const char *doc =
        "{\"recert\":1,\"policies\":[{\"id\":\"a\",\"organization\":\"O\",\"name\":\"A\",\"currency\":\"USD\","
        "\"unit\":{\"name\":\"pts\",\"per_hour\":2},\"cycle\":{\"years\":2,\"expires\":\"anniversary\"},"
        "\"credits_required\":2},{\"id\":\"b\",\"organization\":\"O\",\"name\":\"B\",\"currency\":\"USD\","
        "\"unit\":{\"name\":\"PTS\",\"per_hour\":4},\"cycle\":{\"years\":2,\"expires\":\"anniversary\"},"
        "\"credits_required\":2}],\"holders\":[]}";
    ck_assert_int_eq(import_code(doc), RECERT_EDATA);
    ck_assert_str_eq(recert_error_path(), "policies[1]");
    ck_assert_ptr_nonnull(strstr(recert_error_message(), "another per_hour"));
}
END_TEST

/* docs/format.md "Limits": past a limit, RECERT_ELIMIT naming it. The size
 * is checked before a byte is read, so a small buffer with a large len shows
 * it without allocating 256 MiB. */
START_TEST(limits)
{
    char small[] = "{}";
    recert_roster *r;
    ck_assert_int_eq(recert_roster_from_json(&r, small, (size_t)RECERT_MAX_DOCUMENT_BYTES + 1), RECERT_ELIMIT);
    ck_assert_ptr_nonnull(strstr(recert_error_message(), "larger than the limit"));
    size_t n = RECERT_MAX_STRING_BYTES + 1;
    char *doc = malloc(n + 64);
    int len = sprintf(doc, "{\"recert\":1,\"holders\":[{\"id\":\"h\",\"name\":\"");
    memset(doc + len, 'a', n);
    strcpy(doc + len + n, "\"}]}");
    ck_assert_int_eq(recert_roster_from_json(&r, doc, strlen(doc)), RECERT_ELIMIT);
    ck_assert_str_eq(recert_error_path(), "holders[0].name");
    /* exactly at the limit is fine */
    memmove(doc + len + n - 1, doc + len + n, strlen(doc + len + n) + 1);
    ck_assert_int_eq(recert_roster_from_json(&r, doc, strlen(doc)), RECERT_OK);
    recert_roster_free(r);
    free(doc);
}
END_TEST

START_TEST(evaluate_json_arguments)
{
    char *out = (char *)1;
    const char *doc = HOLDER("");
    ck_assert_int_eq(recert_evaluate_json(&out, doc, strlen(doc), NULL), RECERT_EINVAL);
    ck_assert_ptr_null(out);
    ck_assert_int_eq(recert_evaluate_json(&out, doc, strlen(doc), "2025-02-30"), RECERT_EINVAL);
    ck_assert_int_eq(recert_evaluate_json(&out, doc, strlen(doc), "1899-12-31"), RECERT_ERANGE);
    ck_assert_int_eq(recert_evaluate_json(&out, doc, strlen(doc), "2025-02-28"), RECERT_OK);
    ck_assert_str_eq(out, "{\"recert\":1,\"as_of\":\"2025-02-28\",\"holders\":[{\"id\":\"h1\",\"credentials\":[]}]}");
    recert_free(out);
}
END_TEST

/* ---- numbers as written, duplicate members, the ends of the date range ---------- */

/* Issue 13: an x- member comes back as written, lexeme for lexeme, through
 * import and export, through x_set and x_get, and inside policies; only the
 * whitespace between tokens is dropped. Before, numbers went through double
 * (3.141592653589793238 came back as 3.14159265358979, 1E2 as 100.0, -0 as
 * 0) and 1e400 or integers past 2^63 did not import at all. */
static const char *const spellings[] = {
    "3.141592653589793238", "1E2", "-0.0", "-0", "1e400", "-1e-400", "18446744073709551616",
    "-9223372036854775809", "9223372036854775807", "0.1", "2E+3", "1.50", "0e-0",
    "123456789012345678901234567890.000000000000000000001",
};

START_TEST(x_numbers_kept_as_written)
{
    for (size_t i = 0; i < sizeof spellings / sizeof spellings[0]; i++) {
        const char *n = spellings[i];
        char doc[2048], want[512], *out, *again, *x;
        snprintf(doc, sizeof doc,
                 "{\"recert\":1,\"x-top\":%s,\"holders\":[{\"id\":\"h1\",\"x-h\": [ %s , { \"v\" : %s } ] ,"
                 "\"credits\":[{\"id\":\"k\",\"completed\":\"2025-01-01\",\"hours\":1,\"x-k\":%s}]}]}",
                 n, n, n, n);
        recert_roster *r, *r2;
        ck_assert_msg(recert_roster_from_json(&r, doc, strlen(doc)) == RECERT_OK, "%s: %s", n,
                      recert_error_message());
        ck_assert_int_eq(recert_roster_to_json(&out, r, 0), RECERT_OK);
        snprintf(want, sizeof want, "\"x-h\":[%s,{\"v\":%s}]", n, n);
        ck_assert_msg(strstr(out, want) != NULL, "%s: %s", want, out);
        snprintf(want, sizeof want, "\"x-k\":%s}", n);
        ck_assert_msg(strstr(out, want) != NULL, "%s: %s", want, out);
        snprintf(want, sizeof want, "\"x-top\":%s}", n);
        ck_assert_msg(strstr(out, want) != NULL, "%s: %s", want, out);
        /* export(import(export)) is the same text, byte for byte */
        ck_assert_int_eq(recert_roster_from_json(&r2, out, strlen(out)), RECERT_OK);
        ck_assert_int_eq(recert_roster_to_json(&again, r2, 0), RECERT_OK);
        ck_assert_str_eq(again, out);
        /* x_get gives the compact text; x_set keeps the text as given */
        ck_assert_int_eq(recert_roster_x_get(&x, r, "x-top"), RECERT_OK);
        ck_assert_str_eq(x, n);
        recert_free(x);
        recert_holder *h;
        ck_assert_int_eq(recert_holder_new(&h, "h"), RECERT_OK);
        snprintf(doc, sizeof doc, " [ %s ,\n\t{ \"v w\" : %s } ] ", n, n);
        ck_assert_int_eq(recert_holder_x_set(h, "x-set", doc), RECERT_OK);
        ck_assert_int_eq(recert_holder_x_get(&x, h, "x-set"), RECERT_OK);
        snprintf(want, sizeof want, "[%s,{\"v w\":%s}]", n, n);
        ck_assert_str_eq(x, want);
        recert_free(x);
        ck_assert_int_eq(recert_holder_x_set(h, "x-one", n), RECERT_OK);
        ck_assert_int_eq(recert_holder_x_get(&x, h, "x-one"), RECERT_OK);
        ck_assert_str_eq(x, n);
        recert_free(x);
        recert_holder_free(h);
        recert_free(again);
        recert_free(out);
        recert_roster_free(r2);
        recert_roster_free(r);
    }
    /* Strings keep their escapes as written. */
    recert_holder *h;
    char *x;
    ck_assert_int_eq(recert_holder_new(&h, "h"), RECERT_OK);
    ck_assert_int_eq(recert_holder_x_set(h, "x-s", " { \"a\\u00e9\" : \"\\u00e9 \\/ \\n  \\\"\" } "), RECERT_OK);
    ck_assert_int_eq(recert_holder_x_get(&x, h, "x-s"), RECERT_OK);
    ck_assert_str_eq(x, "{\"a\\u00e9\":\"\\u00e9 \\/ \\n  \\\"\"}");
    recert_free(x);
    recert_holder_free(h);
}
END_TEST

/* x- members of a policy (in a records document and alone) keep their
 * numbers too, and so do the policy's own numbers ("as given"). */
START_TEST(x_numbers_in_policies)
{
    const char *policy =
        "{\"id\":\"p\",\"organization\":\"O\",\"name\":\"N\",\"currency\":\"USD\","
        "\"unit\":{\"name\":\"U\",\"per_hour\":1.0,\"x-u\":1E2},\"cycle\":{\"years\":2,\"expires\":\"anniversary\"},"
        "\"credits_required\":2.50,\"x-pi\":3.141592653589793238,\"x-big\":[18446744073709551616,-0]}";
    char doc[2048], *out;
    snprintf(doc, sizeof doc, "{\"recert\":1,\"policies\":[%s],\"holders\":[]}", policy);
    recert_roster *r;
    ck_assert_int_eq(recert_roster_from_json(&r, doc, strlen(doc)), RECERT_OK);
    ck_assert_int_eq(recert_roster_to_json(&out, r, 0), RECERT_OK);
    ck_assert_msg(strstr(out, policy) != NULL, "%s", out);
    recert_free(out);
    recert_roster_free(r);
    recert_policy *p;
    ck_assert_int_eq(recert_policy_from_json(&p, policy, strlen(policy)), RECERT_OK);
    ck_assert_int_eq(recert_policy_to_json(&out, p, 0), RECERT_OK);
    ck_assert_str_eq(out, policy);
    recert_free(out);
    ck_assert_int_eq(recert_policy_to_json(&out, p, RECERT_JSON_PRETTY), RECERT_OK);
    ck_assert_ptr_nonnull(strstr(out, "\n  \"x-pi\": 3.141592653589793238,\n"));
    ck_assert_ptr_nonnull(strstr(out, "\n  \"x-big\": [18446744073709551616,-0]\n"));
    ck_assert_ptr_nonnull(strstr(out, "\n    \"x-u\": 1E2\n"));
    ck_assert_ptr_nonnull(strstr(out, "\n  \"credits_required\": 2.50,\n"));
    recert_free(out);
    recert_policy_free(p);
}
END_TEST

/* The hours of a credit written as text: the code, and the export's hours. */
static int credit_hours(const char *hours, char *exported, size_t size)
{
    char doc[512];
    snprintf(doc, sizeof doc, HOLDER(",\"credits\":[{\"id\":\"k\",\"completed\":\"2025-01-01\",\"hours\":%s}]"),
             hours);
    recert_roster *r;
    int rc = recert_roster_from_json(&r, doc, strlen(doc));
    exported[0] = '\0';
    if (rc != RECERT_OK)
        return rc;
    char *out;
    ck_assert_int_eq(recert_roster_to_json(&out, r, 0), RECERT_OK);
    const char *h = strstr(out, "\"hours\":");
    ck_assert_ptr_nonnull(h);
    snprintf(exported, size, "%.*s", (int)strcspn(h + 8, ",}"), h + 8);
    recert_free(out);
    recert_roster_free(r);
    return rc;
}

/* Issue 13: decimals and magnitude are checked on the number's text,
 * exactly (docs/format.md "Values"): before, 1.0000000000000000000001 was
 * the double 1.0 and was accepted. Exponents are exact too: 1e2 is 100,
 * 150e-2 is 1.5. Trailing zeros are no decimals (1.100 is 1.1). */
START_TEST(amounts_checked_on_their_text)
{
    static const struct {
        const char *text, *exported, *message; /* exported NULL: refused with message */
    } cases[] = {
        {"1.0000000000000000000001", NULL, "more than 2 decimals: 1.0000000000000000000001"},
        {"0.10000000000000001", NULL, "more than 2 decimals"},
        {"1.005", NULL, "more than 2 decimals"},
        {"1e-3", NULL, "more than 2 decimals: 1e-3"},
        {"1e-400", NULL, "more than 2 decimals"},
        {"5e-324", NULL, "more than 2 decimals"},
        {"1000000000.01", NULL, "1000000000.01 is beyond 10^9"},
        {"1000000000.001", NULL, "more than 2 decimals"},
        {"1E10", NULL, "1E10 is beyond 10^9"},
        {"1e400", NULL, "1e400 is beyond 10^9"},
        {"100000000000000000000000", NULL, "is beyond 10^9"},
        {"-0.0", NULL, "greater than 0"},
        {"-1.5", NULL, "greater than 0"},
        {"1.10", "1.1", NULL},
        {"1.100", "1.1", NULL},
        {"1e2", "100.0", NULL},
        {"1E+2", "100.0", NULL},
        {"150e-2", "1.5", NULL},
        {"0.0000000000000000000001e22", "1.0", NULL},
        {"0.01", "0.01", NULL},
        {"1e9", "1000000000.0", NULL},
        {"1000000000", "1000000000", NULL},
        {"999999999.99", "999999999.99", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char got[64];
        int rc = credit_hours(cases[i].text, got, sizeof got);
        if (cases[i].exported) {
            ck_assert_msg(rc == RECERT_OK, "%s: %s", cases[i].text, recert_error_message());
            ck_assert_msg(strcmp(got, cases[i].exported) == 0, "%s: exported %s", cases[i].text, got);
        } else {
            ck_assert_msg(rc == RECERT_EDATA, "%s: %d", cases[i].text, rc);
            ck_assert_str_eq(recert_error_path(), "holders[0].credits[0].hours");
            ck_assert_msg(strstr(recert_error_message(), cases[i].message) != NULL, "%s: %s", cases[i].text,
                          recert_error_message());
        }
    }
    /* A policy's amounts have six decimals, exactly as well. */
    const char *unit = "\"cycle\":{\"years\":2,\"expires\":\"anniversary\"},\"credits_required\":1,";
    char doc[1024];
    snprintf(doc, sizeof doc, POLICY_HEAD "%s\"unit\":{\"name\":\"U\",\"per_hour\":0.1000001}}", unit);
    ck_assert_int_eq(policy_code(doc), RECERT_EDATA);
    ck_assert_str_eq(recert_error_path(), "unit.per_hour");
    ck_assert_ptr_nonnull(strstr(recert_error_message(), "more than 6 decimals: 0.1000001"));
    snprintf(doc, sizeof doc, POLICY_HEAD "%s\"unit\":{\"name\":\"U\",\"per_hour\":0.500000000}}", unit);
    ck_assert_int_eq(policy_code(doc), RECERT_OK);
    /* whole numbers: a fraction or an exponent is not one, 64 bits bound them */
    snprintf(doc, sizeof doc, POLICY_HEAD "%s\"unit\":{\"name\":\"U\",\"per_hour\":1},\"credit_grace_days\":1E1}",
             unit);
    ck_assert_int_eq(policy_code(doc), RECERT_EDATA);
    ck_assert_str_eq(recert_error_message(), "credit_grace_days: expected a whole number, got 1E1");
    snprintf(doc, sizeof doc, POLICY_HEAD "%s\"unit\":{\"name\":\"U\",\"per_hour\":1},\"credit_grace_days\":-0}",
             unit);
    ck_assert_int_eq(policy_code(doc), RECERT_OK);
    ck_assert_int_eq(import_code("{\"recert\":-18446744073709551617,\"holders\":[]}"), RECERT_EDATA);
    ck_assert_str_eq(recert_error_path(), "recert");
    ck_assert_ptr_nonnull(strstr(recert_error_message(), "-18446744073709551617 is out of range"));
}
END_TEST

/* Issue 13: a duplicate member names its path, as every other error
 * (still RECERT_EPARSE, with its line and column). Before, the path was
 * empty. */
START_TEST(duplicate_member_path)
{
    expect_error(HOLDER(",\"credits\":[{\"id\":\"a\",\"completed\":\"2025-01-01\",\"hours\":1},"
                        "{\"id\":\"b\",\"completed\":\"2025-01-01\",\"hours\":1,\"hours\":2}]"),
                 RECERT_EPARSE, "holders[0].credits[1].hours", "duplicate member (line 1, column 143)");
    expect_error(HOLDER(",\"x-a\":[0,{\"k\":1,\"k\":2}]"), RECERT_EPARSE, "holders[0].x-a[1].k",
                 "duplicate member");
    expect_error("{\"recert\":1,\"holders\":[],\n\"holders\":[]}", RECERT_EPARSE, "holders",
                 "holders: duplicate member (line 2, column 9)");
    /* in a policy document and in a catalog's list */
    const char *pol = POLICY_HEAD "\"unit\":{\"name\":\"U\",\"name\":\"V\",\"per_hour\":1}}";
    ck_assert_int_eq(policy_code(pol), RECERT_EPARSE);
    ck_assert_str_eq(recert_error_path(), "unit.name");
    recert_catalog *c;
    ck_assert_int_eq(recert_catalog_new(&c), RECERT_OK);
    const char *list = "[{}, {\"id\":\"a\",\"id\":\"b\"}]";
    ck_assert_int_eq(recert_catalog_add_json(c, list, strlen(list)), RECERT_EPARSE);
    ck_assert_str_eq(recert_error_path(), "[1].id");
    recert_catalog_free(c);
    /* recert_validate_json lists it with the path */
    char *out;
    const char *doc = HOLDER(",\"name\":\"a\",\"name\":\"b\"");
    ck_assert_int_eq(recert_validate_json(&out, doc, strlen(doc)), RECERT_EPARSE);
    ck_assert_ptr_nonnull(strstr(out, "\"path\":\"holders[0].name\""));
    recert_free(out);
    /* x_set: the path inside the value */
    recert_holder *h;
    ck_assert_int_eq(recert_holder_new(&h, "h"), RECERT_OK);
    ck_assert_int_eq(recert_holder_x_set(h, "x-d", "{\"a\":[{\"b\":1,\"b\":2}]}"), RECERT_EPARSE);
    ck_assert_ptr_nonnull(strstr(recert_error_message(), "duplicate member a[0].b"));
    recert_holder_free(h);
}
END_TEST

/* Issue 13: a date outside the range says which end it crossed and what
 * the range is, written (1899-12-31) or computed. Before, a computed date
 * before 1900 was "beyond 9999-12-31". */
START_TEST(date_range_ends)
{
    expect_error(HOLDER(",\"credentials\":[{\"id\":\"n\",\"policy\":\"nasm-cpt\",\"certified\":\"1899-12-31\"}]"),
                 RECERT_EDATA, "holders[0].credentials[0].certified",
                 "date before 1900-01-01 (the supported range is 1900-01-01 to 9999-12-31): \"1899-12-31\"");
    int32_t d;
    ck_assert_int_eq(recert_date_parse(&d, "1899-12-31"), RECERT_ERANGE);
    ck_assert_ptr_nonnull(strstr(recert_error_message(), "before 1900-01-01"));
    ck_assert_int_eq(recert_date_from_ymd(&d, 10000, 1, 1), RECERT_ERANGE);
    ck_assert_ptr_nonnull(strstr(recert_error_message(), "after 9999-12-31"));
    ck_assert_int_eq(recert_date_from_ymd(&d, 1899, 1, 1), RECERT_ERANGE);
    ck_assert_ptr_nonnull(strstr(recert_error_message(), "before 1900-01-01"));
    ck_assert_int_eq(recert_date_add(&d, RECERT_DAY_MIN, 0, 0, -1), RECERT_ERANGE);
    ck_assert_ptr_nonnull(strstr(recert_error_message(), "is before 1900-01-01 (the supported range is"));
    ck_assert_int_eq(recert_date_add(&d, RECERT_DAY_MAX, 0, 1, 0), RECERT_ERANGE);
    ck_assert_ptr_nonnull(strstr(recert_error_message(), "is after 9999-12-31 (the supported range is"));
    char t[RECERT_DATE_BUFSIZE];
    ck_assert_int_eq(recert_date_format(t, sizeof t, RECERT_DAY_MIN - 1), RECERT_ERANGE);
    ck_assert_ptr_nonnull(strstr(recert_error_message(), "before 1900-01-01"));
    ck_assert_int_eq(recert_date_format(t, sizeof t, RECERT_DAY_MAX + 1), RECERT_ERANGE);
    ck_assert_ptr_nonnull(strstr(recert_error_message(), "after 9999-12-31"));
    /* Computed: a one-year anniversary cycle certified 1901-01-01 has
     * E = 1902-01-01; a final deadline of E - 5 years is 1897-01-01, before
     * 1900. Certified 9997-06-01: E = 9998-06-01, E + 5 years is 10003. */
#define RANGE_DOC "{\"recert\":1,\"policies\":[{\"id\":\"p\",\"organization\":\"O\",\"name\":\"N\"," \
                      "\"currency\":\"USD\",\"unit\":{\"name\":\"hours\",\"per_hour\":1},\"cycle\":{\"years\":1," \
                      "\"expires\":\"anniversary\"},\"credits_required\":1,\"late_windows\":[{\"tier\":\"late\"," \
                      "\"through\":null}],\"final_deadline\":{\"years\":%d}}],\"holders\":[{\"id\":\"h\"," \
                      "\"credentials\":[{\"id\":\"c\",\"policy\":\"p\",\"certified\":\"%s\"}]}]}"
    char doc[1024];
    snprintf(doc, sizeof doc, RANGE_DOC, -5, "1901-01-01");
    expect_error(doc, RECERT_ERANGE, "holders[0].credentials[0]",
                 "a date of credential \"c\" falls before 1900-01-01 (the supported range is 1900-01-01 to "
                 "9999-12-31)");
    snprintf(doc, sizeof doc, RANGE_DOC, 5, "9997-06-01");
    expect_error(doc, RECERT_ERANGE, "holders[0].credentials[0]",
                 "a date of credential \"c\" falls after 9999-12-31 (the supported range is 1900-01-01 to "
                 "9999-12-31)");
#undef RANGE_DOC
}
END_TEST

int main(void)
{
    Suite *s = suite_create("json");
    TCase *t = tcase_create("json");
    tcase_add_test(t, round_trip_examples);
    tcase_add_test(t, round_trip_roster_with_x_members);
    tcase_add_test(t, export_writes_only_given_members);
    tcase_add_test(t, errors_name_their_place);
    tcase_add_test(t, first_error_wins);
    tcase_add_test(t, not_json_and_duplicate_keys);
    tcase_add_test(t, validate_lists_every_error);
    tcase_add_test(t, policy_errors);
    tcase_add_test(t, builtin_policies_round_trip);
    tcase_add_test(t, document_policies_add_and_replace);
    tcase_add_test(t, document_unit_clash);
    tcase_add_test(t, limits);
    tcase_add_test(t, evaluate_json_arguments);
    tcase_add_test(t, x_numbers_kept_as_written);
    tcase_add_test(t, x_numbers_in_policies);
    tcase_add_test(t, amounts_checked_on_their_text);
    tcase_add_test(t, duplicate_member_path);
    tcase_add_test(t, date_range_ends);
    suite_add_tcase(s, t);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}

/*
 * Hostile JSON (docs/testing.md): the directory-per-case suite of
 * tests/data/invalid and tests/data/valid, in the style of jansson's test
 * suite, and the cases too big to commit, generated here.
 *
 *   invalid/<case>/input   the text, given with its exact length (no NUL)
 *   invalid/<case>/error   "code: RECERT_...", "path: ...", "message: ..."
 *   valid/<case>/input
 *   valid/<case>/output    the compact export of the import
 *   valid/<case>/as_of + report   (optional) recert_evaluate_json's result
 *   <case>/entry           (optional) what reads the input: "records"
 *                          (default), "policy" (recert_policy_from_json),
 *                          "catalog" (recert_catalog_add_json into a new
 *                          catalog) or "evaluate" (recert_evaluate_json with
 *                          <case>/as_of)
 *
 * For an invalid records document the driver also checks that
 * recert_validate_json and recert_evaluate_json report the same first
 * error. Generated here: a 100 MB string, nesting a million deep, every
 * documented count limit and one past it, a wrong type at every member of a
 * document that uses every member, text with a NUL inside its length.
 *
 *   hostile DATA_DIR            run everything
 *   hostile DATA_DIR --print    also print what each case gives (to write
 *                               a new case's expected files, after review)
 *
 * SPDX-License-Identifier: MIT
 */
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "recert.h"

static int failures, checks;
static int print_mode;

static void fail(const char *where, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fail(const char *where, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "FAIL %s: ", where);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    failures++;
}

#define EXPECT(where, cond, ...)            \
    do {                                    \
        checks++;                           \
        if (!(cond))                        \
            fail(where, __VA_ARGS__);       \
    } while (0)

static const char *code_name(int code)
{
    switch (code) {
    case RECERT_OK: return "RECERT_OK";
    case RECERT_EINVAL: return "RECERT_EINVAL";
    case RECERT_EPARSE: return "RECERT_EPARSE";
    case RECERT_EDATA: return "RECERT_EDATA";
    case RECERT_ENOTFOUND: return "RECERT_ENOTFOUND";
    case RECERT_ERANGE: return "RECERT_ERANGE";
    case RECERT_ENOMEM: return "RECERT_ENOMEM";
    case RECERT_EUNSUPPORTED: return "RECERT_EUNSUPPORTED";
    case RECERT_EEXISTS: return "RECERT_EEXISTS";
    case RECERT_EBUSY: return "RECERT_EBUSY";
    case RECERT_ELIMIT: return "RECERT_ELIMIT";
    default: return "unknown";
    }
}

/* The whole file, exactly its size (no NUL after it); NULL when absent. */
static char *read_file(const char *dir, const char *name, size_t *len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc(n > 0 ? (size_t)n : 1);
    if (!buf || (n > 0 && fread(buf, 1, (size_t)n, f) != (size_t)n)) {
        fprintf(stderr, "cannot read %s\n", path);
        exit(99);
    }
    fclose(f);
    *len = (size_t)n;
    return buf;
}

/* The same, NUL-terminated and without trailing whitespace. */
static char *read_text(const char *dir, const char *name)
{
    size_t n;
    char *b = read_file(dir, name, &n);
    if (!b)
        return NULL;
    char *s = malloc(n + 1);
    if (!s)
        exit(99);
    memcpy(s, b, n);
    while (n && (s[n - 1] == '\n' || s[n - 1] == ' ' || s[n - 1] == '\r' || s[n - 1] == '\t'))
        n--;
    s[n] = '\0';
    free(b);
    return s;
}

/* "key: value" line of an error file. */
static const char *field(const char *text, const char *key, char *buf, size_t size)
{
    size_t kl = strlen(key);
    for (const char *p = text; p && *p;) {
        const char *e = strchr(p, '\n');
        size_t ll = e ? (size_t)(e - p) : strlen(p);
        if (ll > kl + 1 && strncmp(p, key, kl) == 0 && p[kl] == ':' && p[kl + 1] == ' ') {
            size_t vl = ll - kl - 2;
            if (vl >= size)
                vl = size - 1;
            memcpy(buf, p + kl + 2, vl);
            buf[vl] = '\0';
            return buf;
        }
        if (ll == kl + 1 && strncmp(p, key, kl) == 0 && p[kl] == ':') {
            buf[0] = '\0';
            return buf;
        }
        p = e ? e + 1 : NULL;
    }
    return NULL;
}

typedef struct result {
    int code;
    char path[1024];
    char message[2048];
    char *out; /* export or report text on success */
} result;

static void take_error(result *r, int code)
{
    r->code = code;
    snprintf(r->path, sizeof r->path, "%s", recert_error_path());
    snprintf(r->message, sizeof r->message, "%s", recert_error_message());
}

/* Run an input through an entry point. */
static void run_entry(result *r, const char *entry, const char *text, size_t len, const char *as_of)
{
    memset(r, 0, sizeof *r);
    recert_error_clear();
    if (strcmp(entry, "records") == 0) {
        recert_roster *ro = NULL;
        int rc = recert_roster_from_json(&ro, text, len);
        if (rc == RECERT_OK) {
            rc = recert_roster_to_json(&r->out, ro, 0);
            recert_roster_free(ro);
        }
        if (rc != RECERT_OK)
            take_error(r, rc);
    } else if (strcmp(entry, "policy") == 0) {
        recert_policy *p = NULL;
        int rc = recert_policy_from_json(&p, text, len);
        if (rc == RECERT_OK) {
            rc = recert_policy_to_json(&r->out, p, 0);
            recert_policy_free(p);
        }
        if (rc != RECERT_OK)
            take_error(r, rc);
    } else if (strcmp(entry, "catalog") == 0) {
        recert_catalog *c = NULL;
        int rc = recert_catalog_new(&c);
        if (rc == RECERT_OK)
            rc = recert_catalog_add_json(c, text, len);
        if (rc == RECERT_OK)
            rc = recert_catalog_to_json(&r->out, c, 0);
        if (rc != RECERT_OK)
            take_error(r, rc);
        recert_catalog_free(c);
    } else if (strcmp(entry, "evaluate") == 0) {
        int rc = recert_evaluate_json(&r->out, text, len, as_of);
        if (rc != RECERT_OK)
            take_error(r, rc);
    } else {
        fprintf(stderr, "unknown entry %s\n", entry);
        exit(99);
    }
}

static char *entry_of(const char *dir, char *buf, size_t size)
{
    char *e = read_text(dir, "entry");
    snprintf(buf, size, "%s", e ? e : "records");
    free(e);
    return buf;
}

static void run_invalid(const char *dir)
{
    size_t len;
    char *text = read_file(dir, "input", &len);
    if (!text) {
        fail(dir, "no input file");
        return;
    }
    char entry[64];
    entry_of(dir, entry, sizeof entry);
    char *as_of = read_text(dir, "as_of");
    result r;
    run_entry(&r, entry, text, len, as_of);
    char *expected = read_text(dir, "error");
    if (print_mode || !expected)
        printf("== %s\ncode: %s\npath: %s\nmessage: %s\n", dir, code_name(r.code), r.path, r.message);
    if (!expected) {
        fail(dir, "no error file");
    } else {
        char code[64], path[1024], msg[2048];
        EXPECT(dir, r.code != RECERT_OK, "accepted (export %.200s)", r.out ? r.out : "");
        if (field(expected, "code", code, sizeof code))
            EXPECT(dir, strcmp(code, code_name(r.code)) == 0, "code %s, expected %s", code_name(r.code), code);
        else
            fail(dir, "error file has no code:");
        if (field(expected, "path", path, sizeof path))
            EXPECT(dir, strcmp(path, r.path) == 0, "path \"%s\", expected \"%s\"", r.path, path);
        if (field(expected, "message", msg, sizeof msg))
            EXPECT(dir, strcmp(msg, r.message) == 0, "message \"%s\", expected \"%s\"", r.message, msg);
    }
    if (strcmp(entry, "records") == 0 && r.code != RECERT_OK) {
        /* recert_validate_json lists the same error first */
        char *list = NULL;
        int vrc = recert_validate_json(&list, text, len);
        EXPECT(dir, vrc == r.code, "validate gives %s, import %s", code_name(vrc), code_name(r.code));
        json_t *v = list ? json_loads(list, 0, NULL) : NULL;
        json_t *first = json_array_get(v, 0);
        const char *vp = json_string_value(json_object_get(first, "path"));
        const char *vm = json_string_value(json_object_get(first, "message"));
        EXPECT(dir, vp && strcmp(vp, r.path) == 0, "validate's first path \"%s\"", vp ? vp : "(none)");
        EXPECT(dir, vm && strcmp(vm, r.message) == 0, "validate's first message \"%s\"", vm ? vm : "(none)");
        json_decref(v);
        recert_free(list);
        /* and recert_evaluate_json fails the same way */
        char *rep = (char *)"untouched";
        int erc = recert_evaluate_json(&rep, text, len, "2026-06-01");
        EXPECT(dir, erc == r.code && rep == NULL, "evaluate gives %s", code_name(erc));
        EXPECT(dir, strcmp(recert_error_message(), r.message) == 0, "evaluate's message \"%s\"",
               recert_error_message());
    }
    recert_free(r.out);
    free(expected);
    free(as_of);
    free(text);
}

static void run_valid(const char *dir)
{
    size_t len;
    char *text = read_file(dir, "input", &len);
    if (!text) {
        fail(dir, "no input file");
        return;
    }
    char entry[64];
    entry_of(dir, entry, sizeof entry);
    result r;
    run_entry(&r, entry, text, len, NULL);
    char *expected = read_text(dir, "output");
    if (print_mode || !expected)
        printf("== %s\ncode: %s\nmessage: %s\noutput: %s\n", dir, code_name(r.code), r.message,
               r.out ? r.out : "");
    EXPECT(dir, r.code == RECERT_OK, "refused: %s %s", code_name(r.code), r.message);
    if (!expected)
        fail(dir, "no output file");
    else if (r.out)
        EXPECT(dir, strcmp(expected, r.out) == 0, "export\n  %s\nexpected\n  %s", r.out, expected);
    recert_free(r.out);
    free(expected);
    char *as_of = read_text(dir, "as_of");
    if (as_of && strcmp(entry, "records") == 0) {
        char *report = read_text(dir, "report");
        run_entry(&r, "evaluate", text, len, as_of);
        if (print_mode || !report)
            printf("report: %s\n", r.out ? r.out : r.message);
        EXPECT(dir, r.code == RECERT_OK, "evaluation failed: %s", r.message);
        EXPECT(dir, report && r.out && strcmp(report, r.out) == 0, "report\n  %s\nexpected\n  %s",
               r.out ? r.out : "", report ? report : "(no report file)");
        recert_free(r.out);
        free(report);
    }
    free(as_of);
    free(text);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int each_case(const char *base, void (*fn)(const char *))
{
    DIR *d = opendir(base);
    if (!d) {
        fail(base, "cannot open");
        return 0;
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        names = realloc(names, (n + 1) * sizeof *names);
        size_t l = strlen(base) + strlen(e->d_name) + 2;
        names[n] = malloc(l);
        if (!names || !names[n])
            exit(99);
        snprintf(names[n++], l, "%s/%s", base, e->d_name);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_names);
    for (size_t i = 0; i < n; i++) {
        fn(names[i]);
        free(names[i]);
    }
    free(names);
    return (int)n;
}

/* ---- generated cases ---------------------------------------------------- */

static void expect_error(const char *where, const char *text, size_t len, int code, const char *path,
                         const char *msg_part)
{
    recert_roster *ro = NULL;
    int rc = recert_roster_from_json(&ro, text, len);
    if (print_mode)
        printf("== %s\ncode: %s\npath: %s\nmessage: %s\n", where, code_name(rc), recert_error_path(),
               recert_error_message());
    EXPECT(where, rc == code, "code %s, expected %s (%s)", code_name(rc), code_name(code), recert_error_message());
    EXPECT(where, ro == NULL, "a roster on failure");
    if (path)
        EXPECT(where, strcmp(recert_error_path(), path) == 0, "path \"%s\", expected \"%s\"", recert_error_path(),
               path);
    if (msg_part)
        EXPECT(where, strstr(recert_error_message(), msg_part) != NULL, "message \"%s\" lacks \"%s\"",
               recert_error_message(), msg_part);
    recert_roster_free(ro);
}

static void expect_ok(const char *where, const char *text, size_t len)
{
    recert_roster *ro = NULL;
    int rc = recert_roster_from_json(&ro, text, len);
    EXPECT(where, rc == RECERT_OK && ro, "refused: %s", recert_error_message());
    recert_roster_free(ro);
}

/* A 100 MB string, as a holder's name (rd_string copies it) and as an
 * unknown member's key. */
static void big_string(void)
{
    const size_t big = (size_t)100 * 1024 * 1024;
    const char *head = "{\"recert\": 1, \"holders\": [{\"id\": \"h\", \"name\": \"";
    const char *tail = "\"}]}";
    size_t hl = strlen(head), tl = strlen(tail);
    char *t = malloc(hl + big + tl + 8);
    if (!t)
        exit(99);
    memcpy(t, head, hl);
    memset(t + hl, 'a', big);
    memcpy(t + hl + big, tail, tl);
    /* Today's library takes it (no string limit yet); see the report. What
     * must hold: no crash, and a clear answer either way. */
    recert_roster *ro = NULL;
    int rc = recert_roster_from_json(&ro, t, hl + big + tl);
    EXPECT("generated/100mb-name", rc == RECERT_OK || rc == RECERT_ELIMIT, "code %s: %s", code_name(rc),
           recert_error_message());
    if (rc == RECERT_OK)
        EXPECT("generated/100mb-name", strlen(recert_holder_name(recert_roster_holder_at(ro, 0))) == big,
               "name cut");
    recert_roster_free(ro);
    /* the same string as a key: an unknown member, named in the message but cut */
    const char *khead = "{\"recert\": 1, \"holders\": [], \"";
    size_t kl = strlen(khead);
    memcpy(t, khead, kl);
    memset(t + kl, 'k', hl - kl);
    size_t n = hl + big;
    memcpy(t + n, "\": 1}", 5);
    recert_error_clear();
    rc = recert_roster_from_json(&ro, t, n + 5);
    EXPECT("generated/100mb-key", rc == RECERT_EDATA || rc == RECERT_ELIMIT, "code %s", code_name(rc));
    EXPECT("generated/100mb-key", strlen(recert_error_message()) < 4096, "message of %zu bytes",
           strlen(recert_error_message()));
    EXPECT("generated/100mb-key", strstr(recert_error_message(), "unknown member") != NULL ||
                                      rc == RECERT_ELIMIT,
           "message \"%.100s\"", recert_error_message());
    free(t);
}

/* Nesting a million deep in an x- member and at the top. */
static void deep_nesting(void)
{
    const size_t depth = 1000000;
    const char *head = "{\"recert\": 1, \"holders\": [], \"x-deep\": ";
    size_t hl = strlen(head);
    char *t = malloc(hl + 2 * depth + 1);
    if (!t)
        exit(99);
    memcpy(t, head, hl);
    memset(t + hl, '[', depth);
    memset(t + hl + depth, ']', depth);
    t[hl + 2 * depth] = '}';
    expect_error("generated/nesting-1e6-x-member", t, hl + 2 * depth + 1, RECERT_EPARSE, "",
                 "maximum parsing depth");
    memset(t, '[', depth);
    expect_error("generated/nesting-1e6-top", t, depth, RECERT_EPARSE, "", "maximum parsing depth");
    memset(t, '{', depth);
    expect_error("generated/nesting-1e6-braces", t, depth, RECERT_EPARSE, "", NULL);
    free(t);
}

/* A growable string. */
typedef struct sb {
    char *s;
    size_t n, cap;
} sb;
static void sb_put(sb *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sb_put(sb *b, const char *fmt, ...)
{
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int k = vsnprintf(b->s ? b->s + b->n : NULL, b->s ? b->cap - b->n : 0, fmt, ap);
        va_end(ap);
        if (b->s && (size_t)k < b->cap - b->n) {
            b->n += (size_t)k;
            return;
        }
        b->cap = (b->cap + (size_t)k + 1) * 2;
        b->s = realloc(b->s, b->cap);
        if (!b->s)
            exit(99);
    }
}

/* A holder with n entries of a kind; limit+1 must be RECERT_ELIMIT. */
static void holder_with(sb *b, const char *kind, size_t n)
{
    b->n = 0;
    sb_put(b, "{\"recert\": 1, \"holders\": [{\"id\": \"h\", \"%s\": [", kind);
    for (size_t i = 0; i < n; i++) {
        if (i)
            sb_put(b, ",");
        if (strcmp(kind, "credentials") == 0)
            sb_put(b, "{\"id\": \"c%zu\", \"policy\": \"nasm-cpt\", \"certified\": \"2024-01-01\"}", i);
        else if (strcmp(kind, "credits") == 0)
            sb_put(b, "{\"id\": \"k%zu\", \"completed\": \"2024-01-01\", \"hours\": 1}", i);
        else
            sb_put(b, "{\"completed\": \"2024-01-01\", \"expires\": \"2026-01-01\"}");
    }
    sb_put(b, "]}]}");
}

static void policy_with(sb *b, const char *kind, size_t n)
{
    b->n = 0;
    sb_put(b, "{\"recert\": 1, \"id\": \"p\", \"organization\": \"O\", \"name\": \"N\", \"currency\": \"USD\","
              " \"unit\": {\"name\": \"hours\", \"per_hour\": 1}, \"cycle\": {\"years\": 2, \"expires\": "
              "\"anniversary\"}, \"credits_required\": 10, \"%s\": [", kind);
    for (size_t i = 0; i < n; i++) {
        if (i)
            sb_put(b, ",");
        if (strcmp(kind, "late_windows") == 0)
            sb_put(b, "{\"tier\": \"t%zu\", \"through\": {\"days\": %zu}}", i, i + 1);
        else
            sb_put(b, "{\"accepts\": \"online_cpr_aed\", \"from\": \"2020-01-01\"}");
    }
    sb_put(b, "]%s}", strcmp(kind, "late_windows") == 0 ? ", \"final_deadline\": {\"years\": 5}" : "");
}

static void limits(void)
{
    static const struct {
        const char *kind;
        size_t max;
    } holder_limits[] = {{"credentials", RECERT_MAX_CREDENTIALS}, {"credits", RECERT_MAX_CREDITS}, {"cpr_aed", RECERT_MAX_CPR_AED}};
    sb b = {0};
    for (size_t i = 0; i < 3; i++) {
        char where[128], path[128];
        snprintf(where, sizeof where, "generated/limit-%s-%zu", holder_limits[i].kind, holder_limits[i].max);
        holder_with(&b, holder_limits[i].kind, holder_limits[i].max);
        expect_ok(where, b.s, b.n);
        snprintf(where, sizeof where, "generated/limit-%s-%zu", holder_limits[i].kind, holder_limits[i].max + 1);
        snprintf(path, sizeof path, "holders[0].%s", holder_limits[i].kind);
        holder_with(&b, holder_limits[i].kind, holder_limits[i].max + 1);
        expect_error(where, b.s, b.n, RECERT_ELIMIT, path, NULL);
    }
    static const struct {
        const char *kind;
        size_t max;
    } policy_limits[] = {{"late_windows", 64}, {"waivers", 256}};
    for (size_t i = 0; i < 2; i++) {
        char where[128], path[128];
        for (size_t extra = 0; extra < 2; extra++) {
            snprintf(where, sizeof where, "generated/limit-%s-%zu", policy_limits[i].kind,
                     policy_limits[i].max + extra);
            snprintf(path, sizeof path, "%s", policy_limits[i].kind);
            policy_with(&b, policy_limits[i].kind, policy_limits[i].max + extra);
            recert_policy *p = NULL;
            int rc = recert_policy_from_json(&p, b.s, b.n);
            if (extra == 0) {
                EXPECT(where, rc == RECERT_OK, "refused: %s", recert_error_message());
            } else {
                EXPECT(where, rc == RECERT_ELIMIT, "code %s: %s", code_name(rc), recert_error_message());
                EXPECT(where, strcmp(recert_error_path(), path) == 0, "path %s", recert_error_path());
            }
            recert_policy_free(p);
        }
    }
    /* 1001 policies in a records document */
    b.n = 0;
    sb_put(&b, "{\"recert\": 1, \"holders\": [], \"policies\": [");
    for (size_t i = 0; i < 1001; i++)
        sb_put(&b, "%s{\"id\": \"p%zu\", \"organization\": \"O\", \"name\": \"N\", \"currency\": \"USD\", "
                   "\"unit\": {\"name\": \"hours\", \"per_hour\": 1}, \"cycle\": {\"years\": 2, \"expires\": "
                   "\"anniversary\"}, \"credits_required\": 10}",
               i ? "," : "", i);
    sb_put(&b, "]}");
    expect_error("generated/limit-policies-1001", b.s, b.n, RECERT_ELIMIT, "policies", NULL);
    free(b.s);
}

/* Text with a NUL inside its length; and a document followed by bytes past
 * len that must not be read (len stops before them). */
static void nul_and_len(void)
{
    const char doc[] = "{\"recert\": 1, \"holders\": []}\0 garbage";
    expect_error("generated/nul-inside-len", doc, sizeof doc - 1, RECERT_EPARSE, "", NULL);
    expect_ok("generated/len-stops-before-garbage", doc, strlen(doc));
    const char cut[] = "{\"recert\": 1, \"holders\": []}";
    expect_error("generated/len-cuts-document", cut, sizeof cut - 3, RECERT_EPARSE, "", NULL);
    recert_roster *ro = NULL;
    EXPECT("generated/null-text", recert_roster_from_json(&ro, NULL, 10) == RECERT_EINVAL && !ro, "NULL text");
    char *out = NULL;
    EXPECT("generated/null-as-of", recert_evaluate_json(&out, cut, sizeof cut - 1, NULL) == RECERT_EINVAL && !out,
           "NULL as_of");
    static const char *const bad_as_of[] = {"2025-13-01", "0000-01-01", "2025-1-1", "", "1899-12-31",
                                            "2025-02-29", "2025-01-01 ", "20250101"};
    for (size_t i = 0; i < sizeof bad_as_of / sizeof bad_as_of[0]; i++) {
        int rc = recert_evaluate_json(&out, cut, sizeof cut - 1, bad_as_of[i]);
        EXPECT("generated/bad-as-of", (rc == RECERT_EINVAL || rc == RECERT_ERANGE) && !out,
               "as_of \"%s\": %s", bad_as_of[i], code_name(rc));
        EXPECT("generated/bad-as-of", strstr(recert_error_message(), "as_of") != NULL, "message \"%s\"",
               recert_error_message());
    }
}

/* ---- a wrong type at every member ---------------------------------------- */

typedef struct walk {
    json_t *root;
    int tried, accepted;
} walk;

static const char *json_type_name(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "object";
    case JSON_ARRAY: return "array";
    case JSON_STRING: return "string";
    case JSON_INTEGER: return "integer";
    case JSON_REAL: return "real";
    case JSON_TRUE:
    case JSON_FALSE: return "boolean";
    default: return "null";
    }
}

/* Replace *slot (found at path) by each value of another type; the import
 * must fail with RECERT_EDATA at path or at the object holding it (a
 * "missing member" of a combination), or accept a null. */
static void try_replacements(walk *w, json_t *parent, const char *key, size_t index, const char *path)
{
    json_t *orig = key ? json_object_get(parent, key) : json_array_get(parent, index);
    json_incref(orig);
    json_t *repl[] = {json_integer(7), json_real(2.5), json_string("text"), json_true(),
                      json_array(), json_object(), json_null(), json_string("")};
    for (size_t i = 0; i < sizeof repl / sizeof repl[0]; i++) {
        json_t *r = repl[i];
        if (json_typeof(r) == json_typeof(orig) || (json_is_boolean(r) && json_is_boolean(orig)) ||
            (json_is_number(r) && json_is_number(orig) && !json_is_integer(orig)))
            continue;
        if (json_is_string(r) && json_is_string(orig) && json_string_length(r) == 0)
            ; /* "" for a string: tried (an empty id, date, enum...) */
        else if (json_is_string(r) && json_is_string(orig))
            continue;
        if (key)
            json_object_set(parent, key, r);
        else
            json_array_set(parent, index, r);
        /* 15 digits: 0.1, not 0.10000000000000001 (more decimals than allowed) */
        char *text = json_dumps(w->root, JSON_COMPACT | JSON_REAL_PRECISION(15));
        recert_roster *ro = NULL;
        recert_error_clear();
        int rc = recert_roster_from_json(&ro, text, strlen(text));
        w->tried++;
        char where[1200];
        snprintf(where, sizeof where, "generated/wrong-type %s = %s", path, json_type_name(r));
        if (rc == RECERT_OK) {
            w->accepted++;
            /* only null (an optional member), "" for free text, an empty
             * array or a number for a number may be fine */
            EXPECT(where, json_is_null(r) || json_is_string(r) || json_is_array(r) ||
                              (json_is_number(r) && json_is_number(orig)) || json_is_null(orig) ||
                              strncmp(key ? key : "", "x-", 2) == 0,
                   "accepted");
        } else {
            const char *ep = recert_error_path();
            size_t el = strlen(ep);
            int at_path = strcmp(ep, path) == 0;
            int inside = strncmp(path, ep, el) == 0 && (path[el] == '.' || path[el] == '[' || el == 0);
            int below = strncmp(ep, path, strlen(path)) == 0;
            EXPECT(where, rc == RECERT_EDATA || rc == RECERT_ERANGE || rc == RECERT_EUNSUPPORTED, "code %s: %s",
                   code_name(rc), recert_error_message());
            /* removing a member (null) or giving one that was null may
             * move the error to what depended on it */
            if (!json_is_null(r) && !json_is_null(orig))
                EXPECT(where, at_path || inside || below, "error elsewhere: %s", recert_error_message());
            EXPECT(where, recert_error_message()[0] != '\0', "no message");
            if (print_mode)
                printf("%s -> %s\n", where, recert_error_message());
        }
        recert_roster_free(ro);
        free(text);
    }
    if (key)
        json_object_set(parent, key, orig);
    else
        json_array_set(parent, index, orig);
    json_decref(orig);
    for (size_t i = 0; i < sizeof repl / sizeof repl[0]; i++)
        json_decref(repl[i]);
}

static void walk_value(walk *w, json_t *v, const char *path)
{
    char sub[1024];
    if (json_is_object(v)) {
        const char *k;
        json_t *m;
        void *tmp;
        json_object_foreach_safe(v, tmp, k, m) {
            snprintf(sub, sizeof sub, "%s%s%s", path, path[0] ? "." : "", k);
            try_replacements(w, v, k, 0, sub);
            walk_value(w, json_object_get(v, k), sub);
        }
    } else if (json_is_array(v)) {
        for (size_t i = 0; i < json_array_size(v); i++) {
            snprintf(sub, sizeof sub, "%s[%zu]", path, i);
            try_replacements(w, v, NULL, i, sub);
            walk_value(w, json_array_get(v, i), sub);
        }
    }
}

static void wrong_types(const char *data_dir)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/valid/every-member", data_dir);
    size_t len;
    char *text = read_file(dir, "input", &len);
    if (!text) {
        fail(dir, "missing");
        return;
    }
    walk w = {0};
    w.root = json_loadb(text, len, 0, NULL);
    EXPECT(dir, w.root != NULL, "not JSON");
    if (w.root)
        walk_value(&w, w.root, "");
    printf("wrong types: %d documents tried, %d accepted (nulls, free text)\n", w.tried, w.accepted);
    EXPECT(dir, w.tried > 300, "only %d tried", w.tried);
    json_decref(w.root);
    free(text);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: hostile DATA_DIR [--print] [--quick]\n");
        return 2;
    }
    int quick = 0;
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--print") == 0)
            print_mode = 1;
        if (strcmp(argv[i], "--quick") == 0)
            quick = 1; /* skip the 100 MB and million-deep cases */
    }
    char base[4096];
    snprintf(base, sizeof base, "%s/invalid", argv[1]);
    int ni = each_case(base, run_invalid);
    snprintf(base, sizeof base, "%s/valid", argv[1]);
    int nv = each_case(base, run_valid);
    nul_and_len();
    limits();
    wrong_types(argv[1]);
    if (!quick && !getenv("HOSTILE_QUICK")) {
        big_string();
        deep_nesting();
    }
    printf("hostile: %d invalid and %d valid cases, %d checks, %d failures\n", ni, nv, checks, failures);
    return failures ? 1 : 0;
}

/*
 * floor — the cost no JSON-based tool can avoid: read a records document,
 * parse it with jansson (with JSON_REJECT_DUPLICATES, as the library must),
 * visit every value, write a report-sized document, free the tree.
 *
 *   floor FILE|-  > report-sized.json
 *
 * The document it writes has the report's shape (docs/format.md "Report
 * document"): for every credential its id and policy, nine dates, the credit
 * block with the holder's credit ids, fees, audit, and a notice for each
 * not-preapproved credit; no rule is applied. Strings are escaped as a JSON
 * writer must. Its size is printed on standard error so that bench/run can
 * show it is the same order as recert's report.
 *
 * SPDX-License-Identifier: MIT
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read_all.h"

typedef struct buf {
    char *data;
    size_t len, cap;
} buf;

static void grow(buf *b, size_t more)
{
    if (b->len + more <= b->cap)
        return;
    while (b->len + more > b->cap)
        b->cap = b->cap ? b->cap * 2 : 1 << 16;
    b->data = realloc(b->data, b->cap);
    if (!b->data) {
        fputs("floor: out of memory\n", stderr);
        exit(1);
    }
}

static void puts_raw(buf *b, const char *s)
{
    size_t n = strlen(s);
    grow(b, n);
    memcpy(b->data + b->len, s, n);
    b->len += n;
}

/* A JSON string, escaped byte by byte. */
static void put_str(buf *b, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    size_t n = strlen(s);
    grow(b, n * 6 + 2);
    b->data[b->len++] = '"';
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned char c = *p;
        if (c == '"' || c == '\\') {
            b->data[b->len++] = '\\';
            b->data[b->len++] = (char)c;
        } else if (c < 0x20) {
            memcpy(b->data + b->len, "\\u00", 4);
            b->len += 4;
            b->data[b->len++] = hex[c >> 4];
            b->data[b->len++] = hex[c & 15];
        } else {
            b->data[b->len++] = (char)c;
        }
    }
    b->data[b->len++] = '"';
}

static void put_member_str(buf *b, const char *key, const json_t *v)
{
    puts_raw(b, key);
    if (json_is_string(v))
        put_str(b, json_string_value(v));
    else
        puts_raw(b, "null");
}

/* Every value of the tree is visited once, as reading it into a model must. */
static size_t visit(const json_t *v)
{
    size_t n = 1;
    if (json_is_object(v)) {
        const char *k;
        json_t *m;
        json_object_foreach((json_t *)v, k, m) n += visit(m);
    } else if (json_is_array(v)) {
        size_t i;
        json_t *m;
        json_array_foreach(v, i, m) n += visit(m);
    }
    return n;
}

static void report_credential(buf *b, const json_t *cred, const json_t *credits)
{
    static const char *const dates[] = {"cycle_start", "expires", "credit_deadline", "on_time_deadline",
                                        "late_fee_deadline", "final_deadline", "cpr_aed_expires",
                                        "audit_documents_due", "exam_deadline"};
    const json_t *certified = json_object_get(cred, "certified");
    size_t i;
    json_t *k;
    int first;

    puts_raw(b, "{");
    put_member_str(b, "\"id\":", json_object_get(cred, "id"));
    put_member_str(b, ",\"policy\":", json_object_get(cred, "policy"));
    puts_raw(b, ",\"status\":\"in_progress\",\"certified\":true,\"path\":null,\"dates\":{");
    for (i = 0; i < sizeof dates / sizeof dates[0]; i++) {
        if (i)
            puts_raw(b, ",");
        put_str(b, dates[i]);
        puts_raw(b, ":");
        put_member_str(b, "", i < 7 ? certified : NULL);
    }
    puts_raw(b, "},\"credits\":{\"unit\":\"CEU\",\"required\":2.0,\"earned\":1.6,\"pending\":0.0,"
                "\"shortfall\":0.4,\"counted\":[");
    first = 1;
    json_array_foreach(credits, i, k)
    {
        if (!first)
            puts_raw(b, ",");
        first = 0;
        put_member_str(b, "", json_object_get(k, "id"));
    }
    puts_raw(b, "],\"cpr_aed\":\"current\"},\"fees\":{\"currency\":\"USD\",\"tier\":\"on_time\","
                "\"renewal_cents\":9900,\"late_cents\":0,\"total_cents\":9900,\"petition_cents\":0},"
                "\"audit\":{\"state\":\"none\",\"documents_due\":null},\"notices\":[");
    first = 1;
    json_array_foreach(credits, i, k)
    {
        const json_t *ap = json_object_get(k, "approval");
        if (!json_is_string(ap) || strcmp(json_string_value(ap), "not_preapproved") != 0)
            continue;
        if (!first)
            puts_raw(b, ",");
        first = 0;
        puts_raw(b, "{\"code\":\"petition_required\",");
        put_member_str(b, "\"credit\":", json_object_get(k, "id"));
        puts_raw(b, ",\"message\":\"a petition is required for this credit: it is not preapproved ($25)\"}");
    }
    puts_raw(b, "]}");
}

int main(int argc, char **argv)
{
    size_t len, i, j, nvalues;
    char *text;
    json_error_t err;
    json_t *root, *holders, *h, *c;
    buf b = {NULL, 0, 0};

    if (argc != 2) {
        fputs("usage: floor FILE|-\n", stderr);
        return 2;
    }
    text = read_all("floor", argv[1], &len);
    root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &err);
    if (!root) {
        fprintf(stderr, "floor: %d:%d: %s\n", err.line, err.column, err.text);
        return 1;
    }
    nvalues = visit(root);
    holders = json_object_get(root, "holders");
    puts_raw(&b, "{\"recert\":1,\"as_of\":\"2026-11-23\",\"holders\":[");
    json_array_foreach(holders, i, h)
    {
        const json_t *creds = json_object_get(h, "credentials"), *credits = json_object_get(h, "credits");
        if (i)
            puts_raw(&b, ",");
        puts_raw(&b, "{");
        put_member_str(&b, "\"id\":", json_object_get(h, "id"));
        puts_raw(&b, ",\"credentials\":[");
        json_array_foreach(creds, j, c)
        {
            if (j)
                puts_raw(&b, ",");
            report_credential(&b, c, credits);
        }
        puts_raw(&b, "]}");
    }
    puts_raw(&b, "]}\n");
    json_decref(root);
    free(text);
    if (fwrite(b.data, 1, b.len, stdout) != b.len || fflush(stdout) != 0) {
        perror("floor: write");
        return 1;
    }
    fprintf(stderr, "floor: %zu bytes in, %zu values, %zu bytes out\n", len, nvalues, b.len);
    free(b.data);
    return 0;
}

/*
 * Reading JSON documents into the model: the place in the document as a
 * path, every error collected with its path, typed member reads. Only the
 * json_*.c and *_json.c files include this (and so jansson.h).
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef RECERT_JSON_READER_H
#define RECERT_JSON_READER_H

#include <jansson.h>

#include "internal.h"

/* A short text of a value for messages: strings quoted, cut when long. */
void rd_value_text(char *buf, size_t size, const json_t *v);

/* Check the members of an object: those in `known` (NULL-terminated), and
 * x- members, which are kept in *x (with x NULL they are accepted and not
 * kept). Each other member is an error ("unknown member").
 * Returns false when the value is not an object (error recorded). */
bool rd_object(rc_reader *rd, const json_t *obj, const char *const *known, rc_xlist *x);

/* Typed reads of obj[key]. A member that is absent or null leaves *out as
 * it was and returns 0; present and valid returns 1; invalid records an
 * error and returns -1. required: absent is an error ("missing member"). */
int rd_string(rc_reader *rd, const json_t *obj, const char *key, bool required, char **out);
int rd_date(rc_reader *rd, const json_t *obj, const char *key, bool required, int32_t *out);
int rd_bool(rc_reader *rd, const json_t *obj, const char *key, bool required, bool *out);
int rd_int(rc_reader *rd, const json_t *obj, const char *key, bool required, int64_t min, int64_t max,
           int64_t *out);
/* A decimal number with at most `decimals` decimals, as an integer scaled by
 * 10^decimals; is_real tells whether it was written with a point. */
int rd_decimal(rc_reader *rd, const json_t *obj, const char *key, bool required, int decimals,
               int64_t *out, bool *is_real);
/* obj[key] when it is an array of at most max elements; NULL when absent
 * or null (no error), or when it is not an array or too long (error
 * recorded at key: RECERT_EDATA, RECERT_ELIMIT). */
const json_t *rd_array(rc_reader *rd, const json_t *obj, const char *key, size_t max);

/* One of names[] (NULL-terminated): the index. */
int rd_enum(rc_reader *rd, const json_t *obj, const char *key, bool required, const char *const *names,
            int *out);

/* A raw node (json_parse.c): a number kept as its text, or the compact
 * text of an x- member's value. Its text (NUL-terminated; *len its length
 * when len is not NULL), or NULL when v is not a raw node. */
const char *rd_raw(const json_t *v, size_t *len);
/* A string of the document (json_is_string, and not a raw node). */
bool rd_is_string(const json_t *v);

/* Compact text of a value; raw nodes written as their text. NULL: no
 * memory. */
char *rd_dump(const json_t *v);
/* The same, indented by two spaces as json_dumps(v, JSON_INDENT(2)). */
char *rd_dump_pretty(const json_t *v);
/* json_dumps(v, flags), safe when memory runs out (json_dumps is not).
 * NULL: no memory (or a value jansson does not write). */
char *rd_dumps(const json_t *v, size_t flags);

/* Parse text into a jansson tree; RECERT_EPARSE with line and column. */
int rd_load(rc_reader *rd, const char *text, size_t len, json_t **out);

/* json_parse.c: RFC 8259 text into a jansson tree, every allocation checked
 * (jansson's own parser is not safe when memory runs out). Accepts and
 * words its errors as json_loadb(text, len, JSON_REJECT_DUPLICATES), with
 * RC_JSON_ANY as | JSON_DECODE_ANY, except that numbers are not converted:
 * any number but a canonical 64-bit integer is a raw node of its text, and
 * so is the value of every x- member (compacted), and a duplicate member
 * has a path. RECERT_OK (*out the tree), RECERT_EPARSE (*err filled when
 * err is not NULL) or RECERT_ENOMEM; sets no last error. */
#define RC_JSON_ANY 1u /* any value at the top, not only an object or array */
#define RC_JSON_RAW 2u /* the whole text as one raw node (an x- value) */
#define RC_JSON_MAX_DEPTH 2048 /* values open at once, as jansson */
typedef struct rc_json_error {
    int line, column; /* line from 1; column in characters, from 0 */
    char text[JSON_ERROR_TEXT_LENGTH];
    /* a duplicate member: its path ("holders[0].id"); otherwise "" */
    char path[RD_PATH_MAX + 32];
} rc_json_error;
int rc_json_parse(const char *text, size_t len, unsigned flags, json_t **out, rc_json_error *err);
/* An object or array the library wrote itself (NUL-terminated); NULL: no
 * memory. */
json_t *rc_json_parse_own(const char *text);

/* Parse one policy object (policy_json.c). inside_records: "recert" is not
 * allowed. On success *out is a new policy. */
int rc_policy_read(rc_reader *rd, const json_t *obj, bool inside_records, recert_policy **out);

#endif

/*
 * The library's JSON parser: RFC 8259 text into jansson values, with every
 * allocation checked. jansson 2.14's own parser is not safe when memory
 * runs out (it can drop bytes, assert or crash), so import parses here and
 * uses jansson only for the values: json_object(), json_stringn_nocheck(),
 * json_integer(), ... each result tested, a partial tree freed on failure.
 *
 * What it accepts and its error messages (text, line and column) are those
 * of json_loadb(text, len, JSON_REJECT_DUPLICATES) (with RC_JSON_ANY:
 * | JSON_DECODE_ANY), which tests/data/invalid pins, except for numbers
 * (no "too big integer" or "real number overflow": see below):
 *
 *   text    = ws value ws                  (without RC_JSON_ANY: an object
 *   value   = object / array / string        or an array at the top)
 *           / number / "true" / "false" / "null"
 *   object  = "{" ws [ member *( ws "," ws member ) ] ws "}"
 *   member  = string ws ":" ws value       (no two equal names; no NUL)
 *   array   = "[" ws [ value *( ws "," ws value ) ] ws "]"
 *   number  = [ "-" ] int [ "." 1*digit ] [ ( "e" / "E" ) [ "+" / "-" ] 1*digit ]
 *   int     = "0" / ( digit1-9 *digit )
 *   string  = '"' *( char / escape ) '"'   (UTF-8; no byte below 0x20)
 *   escape  = "\" ( '"' / "\" / "/" / "b" / "f" / "n" / "r" / "t" / "u" 4hex )
 *   ws      = *( " " / tab / LF / CR )
 *
 * and: the whole text is valid UTF-8 (no overlong form, no surrogate, none
 * beyond U+10FFFF); a \u escape of a surrogate is half of a pair; no string
 * holds \u0000; values nest at most RC_JSON_MAX_DEPTH deep (2048, counting
 * scalars, as jansson).
 *
 * Numbers are never converted through double (docs/format.md "Values"): a
 * number without fraction or exponent that fits in 64 bits and is not "-0"
 * is a json_integer; any other number (a fraction, an exponent, "-0", an
 * integer of any size) is kept as its text, in a raw node (below), for the
 * reader to check exactly (json_reader.c). So "1e400" and integers past
 * 2^63 are accepted here; the member that reads them decides.
 *
 * The value of a member whose name starts with "x-" belongs to the
 * application and comes back as written: it is checked with the same
 * grammar, limits and errors, but no tree is kept for it, only its text,
 * compacted (the whitespace between tokens dropped, every token byte for
 * byte), in a raw node. A raw node is a jansson string whose first byte is
 * NUL followed by the JSON text: no parsed string can hold a NUL (\u0000 is
 * refused), so it cannot be mistaken for one; rd_raw() tells them apart and
 * rd_dump() writes the text back as it is. Inside an x- value (p->raw)
 * nothing is built but each object's names, to find duplicates: the memory
 * an x- value takes while it is read is that of the objects open in it.
 *
 * A duplicate member is reported with its path (err->path), as the reader
 * writes paths: "holders[0].credits[1].hours".
 *
 * Errors are reported where jansson's lexer would be: the offset of the
 * first byte not yet read, with the text of the token being read ("near
 * '...'", when it is 1 to 20 bytes; "near end of file" when there is none).
 * Line and column are worked out from that offset only when there is an
 * error. One difference: jansson skips a NUL byte that directly follows a
 * number or a literal (its lexer drops it when it puts the byte back); here
 * a NUL byte outside a string is always an invalid token.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_reader.h"

enum {
    T_INVALID = -1, /* a bad token; p->failed tells whether it said why */
    T_EOF = 0,
    /* '{', '}', '[', ']', ':', ',' are their own character */
    T_STRING = 256,
    T_INTEGER, /* fits json_int_t, written canonically */
    T_NUMBER,  /* any other number: kept as its text */
    T_TRUE,
    T_FALSE,
    T_NULL,
};

/* Where the parser is, for a duplicate member's path: at depth d (the
 * containers open, from 1) the member (key) or the element (index) being
 * read. Keys point into the text or into the copy parse_object keeps. */
typedef struct frame {
    const char *key; /* NULL: an array element */
    size_t n;        /* the key's length, or the index */
} frame;

typedef struct parser {
    const unsigned char *s;
    size_t len;
    size_t pos;   /* the next byte to read */
    size_t tok;   /* where the current token starts */
    size_t depth; /* values open, as jansson counts them */
    int token;
    const char *str; /* T_STRING: its bytes (in s or in buf) and length */
    size_t str_len;
    json_int_t ival; /* T_INTEGER */
    char *buf;       /* decoded strings that had escapes; raw texts */
    size_t cap;
    unsigned raw;    /* inside an x- value: check only, build nothing */
    bool failed; /* an error was recorded (the first one counts) */
    bool oom;
    rc_json_error *err;
    frame frames[RC_JSON_MAX_DEPTH + 1];
} parser;

/* ---- errors --------------------------------------------------------------- */

/* Record the first error, as jansson's error_set() words it. utf8: a
 * decoding error, which has no "near end of file". */
static void fail(parser *p, bool utf8, const char *fmt, ...) RC_PRINTF(3, 4);
static void fail(parser *p, bool utf8, const char *fmt, ...)
{
    if (p->failed)
        return;
    p->failed = true;
    rc_json_error *e = p->err;
    if (!e)
        return;
    char msg[96]; /* the longest message is about 50 */
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    const char *near = (const char *)p->s + p->tok;
    size_t n = p->pos - p->tok;
    if (n && near[0]) {
        if (n <= 20)
            snprintf(e->text, sizeof e->text, "%s near '%.*s'", msg, (int)strnlen(near, n), near);
        else
            snprintf(e->text, sizeof e->text, "%s", msg);
    } else if (utf8) {
        snprintf(e->text, sizeof e->text, "%s", msg);
    } else {
        snprintf(e->text, sizeof e->text, "%s near end of file", msg);
    }
    /* line from 1, column in characters (bytes that are not UTF-8
     * continuation bytes) since the line's start, from 0 */
    e->line = 1;
    e->column = 0;
    for (size_t i = 0; i < p->pos; i++) {
        if (p->s[i] == '\n') {
            e->line++;
            e->column = 0;
        } else if ((p->s[i] & 0xC0) != 0x80) {
            e->column++;
        }
    }
}

static void nomem(parser *p)
{
    p->failed = true;
    p->oom = true;
}

/* ---- characters --------------------------------------------------------- */

/* The byte at pos as the lexer reads it: -1 at the end; a byte from 0x80
 * starts a character that must be valid UTF-8, or it is an error. */
#define PEEK_ERROR (-2)
static int peek(parser *p)
{
    if (p->pos >= p->len)
        return -1;
    unsigned c = p->s[p->pos];
    if (c >= 0x80 && !rc_utf8_seq((const char *)p->s + p->pos, p->len - p->pos)) {
        fail(p, true, "unable to decode byte 0x%x", c);
        return PEEK_ERROR;
    }
    return (int)c;
}

static bool is_space(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
static bool is_digit(int c) { return c >= '0' && c <= '9'; }
static bool is_alpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

static bool is_escape(int c)
{
    return c == '"' || c == '\\' || c == '/' || c == 'b' || c == 'f' || c == 'n' || c == 'r' || c == 't';
}

/* The byte a one-letter escape stands for ('"', '\\' and '/' themselves). */
static char unescape(unsigned char e)
{
    switch (e) {
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    default: return (char)e;
    }
}

static int hex_value(int c)
{
    if (is_digit(c))
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static uint32_t hex4(const unsigned char *s)
{
    uint32_t v = 0;
    for (int i = 0; i < 4; i++)
        v = v << 4 | (uint32_t)hex_value(s[i]);
    return v;
}

/* ---- tokens --------------------------------------------------------------- */

/* A string from the '"' at pos. Two passes as in jansson: the first checks
 * the bytes and escapes (errors at the offending byte), the second decodes
 * the escapes into p->buf (errors at the closing quote). A string without
 * escapes is used where it is, in the text. */
static int scan_string(parser *p)
{
    const unsigned char *s = p->s;
    size_t start = ++p->pos; /* after the quote */
    bool escapes = false;
    for (;;) {
        while (p->pos < p->len && s[p->pos] >= 0x20 && s[p->pos] < 0x80 && s[p->pos] != '"' &&
               s[p->pos] != '\\')
            p->pos++;
        int c = peek(p);
        if (c == PEEK_ERROR)
            return T_INVALID;
        if (c == -1) {
            fail(p, false, "premature end of input");
            return T_INVALID;
        }
        if (c == '"')
            break;
        if (c == '\n') {
            fail(p, false, "unexpected newline");
            return T_INVALID;
        }
        if (c < 0x20) {
            fail(p, false, "control character 0x%x", (unsigned)c);
            return T_INVALID;
        }
        if (c >= 0x80) { /* valid (peek), 2 to 4 bytes */
            p->pos += c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            continue;
        }
        /* a backslash: the escape's letter, and for \u four hex digits */
        escapes = true;
        p->pos++;
        c = peek(p);
        if (c == PEEK_ERROR)
            return T_INVALID;
        int digits = c == 'u' ? 4 : 0;
        if (c == -1 || (!digits && !is_escape(c))) {
            p->pos += c >= 0; /* jansson has read the byte */
            fail(p, false, "invalid escape");
            return T_INVALID;
        }
        p->pos++;
        for (; digits; digits--) {
            c = peek(p);
            if (c == PEEK_ERROR)
                return T_INVALID;
            if (hex_value(c) < 0) {
                p->pos += c >= 0;
                fail(p, false, "invalid escape");
                return T_INVALID;
            }
            p->pos++;
        }
    }
    size_t end = p->pos++; /* the closing quote */
    if (!escapes) {
        p->str = (const char *)s + start;
        p->str_len = end - start;
        return T_STRING;
    }
    /* decoded, the string is no longer than in the text */
    if (p->cap < end - start + 1) {
        char *b = realloc(p->buf, end - start + 1);
        if (!b) {
            nomem(p);
            return T_INVALID;
        }
        p->buf = b;
        p->cap = end - start + 1;
    }
    char *t = p->buf;
    for (size_t i = start; i < end;) {
        if (s[i] != '\\') {
            *t++ = (char)s[i++];
            continue;
        }
        unsigned char e = s[i + 1];
        i += 2;
        if (e != 'u') {
            *t++ = unescape(e);
            continue;
        }
        uint32_t v = hex4(s + i);
        i += 4;
        if (v >= 0xD800 && v <= 0xDBFF) { /* the first half of a pair */
            if (i + 1 < end && s[i] == '\\' && s[i + 1] == 'u') {
                uint32_t v2 = hex4(s + i + 2);
                i += 6;
                if (v2 < 0xDC00 || v2 > 0xDFFF) {
                    fail(p, false, "invalid Unicode '\\u%04X\\u%04X'", (unsigned)v, (unsigned)v2);
                    return T_INVALID;
                }
                v = ((v - 0xD800) << 10) + (v2 - 0xDC00) + 0x10000;
            } else {
                fail(p, false, "invalid Unicode '\\u%04X'", (unsigned)v);
                return T_INVALID;
            }
        } else if (v >= 0xDC00 && v <= 0xDFFF) {
            fail(p, false, "invalid Unicode '\\u%04X'", (unsigned)v);
            return T_INVALID;
        }
        if (v < 0x80) {
            *t++ = (char)v;
        } else if (v < 0x800) {
            *t++ = (char)(0xC0 | v >> 6);
            *t++ = (char)(0x80 | (v & 0x3F));
        } else if (v < 0x10000) {
            *t++ = (char)(0xE0 | v >> 12);
            *t++ = (char)(0x80 | (v >> 6 & 0x3F));
            *t++ = (char)(0x80 | (v & 0x3F));
        } else {
            *t++ = (char)(0xF0 | v >> 18);
            *t++ = (char)(0x80 | (v >> 12 & 0x3F));
            *t++ = (char)(0x80 | (v >> 6 & 0x3F));
            *t++ = (char)(0x80 | (v & 0x3F));
        }
    }
    p->str = p->buf;
    p->str_len = (size_t)(t - p->buf);
    return T_STRING;
}

/* A number from its '-' or first digit at pos. Each peek() is a byte the
 * lexer reads; a token that stops short is T_INVALID without an error of
 * its own (the caller's "invalid token"), as in jansson. Nothing is
 * converted but a canonical integer that fits in 64 bits (T_INTEGER); any
 * other number is T_NUMBER, its text from p->tok to p->pos. */
static int scan_number(parser *p)
{
    const unsigned char *s = p->s;
    size_t start = p->pos;
    bool neg = s[p->pos] == '-';
    p->pos += neg;
    int c = peek(p);
    if (c == '0') {
        p->pos++;
        if ((c = peek(p)) == PEEK_ERROR || is_digit(c))
            return T_INVALID; /* a leading zero */
    } else if (is_digit(c)) {
        while (is_digit(c = peek(p)))
            p->pos++;
    } else {
        return T_INVALID;
    }
    if (c == PEEK_ERROR)
        return T_INVALID;
    if (c != '.' && c != 'e' && c != 'E') {
        /* an integer: within [-2^63, 2^63 - 1], and not "-0" (which
         * json_integer would write "0"), or kept as text */
        uint64_t v = 0, max = neg ? (uint64_t)1 << 63 : ((uint64_t)1 << 63) - 1;
        for (size_t i = start + neg; i < p->pos; i++) {
            unsigned d = s[i] - (unsigned)'0';
            if (v > (max - d) / 10)
                return T_NUMBER;
            v = v * 10 + d;
        }
        if (neg && !v)
            return T_NUMBER;
        p->ival = neg ? -(json_int_t)(v - 1) - 1 : (json_int_t)v;
        return T_INTEGER;
    }
    if (c == '.') {
        p->pos++;
        if (!is_digit(c = peek(p))) {
            return T_INVALID;
        }
        while (is_digit(c = peek(p)))
            p->pos++;
        if (c == PEEK_ERROR)
            return T_INVALID;
    }
    if (c == 'e' || c == 'E') {
        p->pos++;
        c = peek(p);
        if (c == '+' || c == '-') {
            p->pos++;
            c = peek(p);
        }
        if (!is_digit(c))
            return T_INVALID;
        while (is_digit(c = peek(p)))
            p->pos++;
        if (c == PEEK_ERROR)
            return T_INVALID;
    }
    return T_NUMBER;
}

/* The next token: p->token, and p->tok where it starts. */
static int scan(parser *p)
{
    const unsigned char *s = p->s;
    while (p->pos < p->len && is_space(s[p->pos]))
        p->pos++;
    p->tok = p->pos;
    int c = peek(p);
    if (c == PEEK_ERROR)
        return p->token = T_INVALID;
    if (c == -1)
        return p->token = T_EOF;
    switch (c) {
    case '{':
    case '}':
    case '[':
    case ']':
    case ':':
    case ',':
        p->pos++;
        return p->token = c;
    case '"':
        return p->token = scan_string(p);
    default:
        break;
    }
    if (c == '-' || is_digit(c))
        return p->token = scan_number(p);
    if (is_alpha(c)) { /* a whole word, for the message */
        while (is_alpha(c = peek(p)))
            p->pos++;
        if (c == PEEK_ERROR)
            return p->token = T_INVALID;
        size_t n = p->pos - p->tok;
        const char *w = (const char *)s + p->tok;
        if (n == 4 && memcmp(w, "true", 4) == 0)
            return p->token = T_TRUE;
        if (n == 5 && memcmp(w, "false", 5) == 0)
            return p->token = T_FALSE;
        if (n == 4 && memcmp(w, "null", 4) == 0)
            return p->token = T_NULL;
        return p->token = T_INVALID;
    }
    /* any other character, whole (a UTF-8 sequence is valid: peek()) */
    p->pos += c >= 0x80 ? rc_utf8_seq((const char *)s + p->pos, p->len - p->pos) : 1;
    return p->token = T_INVALID;
}

/* ---- values --------------------------------------------------------------- */

static json_t *parse_value(parser *p);

/* The path of member key in the object being read (depth p->depth), into
 * err->path, cut as the reader cuts its paths. */
static void member_path(parser *p, const char *key, size_t key_len)
{
    rc_json_error *e = p->err;
    if (!e)
        return;
    char *out = e->path;
    size_t n = 0;
    const size_t max = RD_PATH_MAX;
    for (size_t d = 1; d <= p->depth; d++) {
        const frame *f = d < p->depth ? &p->frames[d] : NULL;
        char num[32];
        const char *t = f ? f->key : key;
        size_t len = f ? f->n : key_len;
        if (f && !f->key) { /* an element: "[i]" */
            len = (size_t)snprintf(num, sizeof num, "[%zu]", f->n);
            t = num;
        } else if (n && n < max) {
            out[n++] = '.';
        }
        if (len > max - n)
            len = max - n;
        memcpy(out + n, t, len);
        n += len;
    }
    out[n] = '\0';
}

/* A raw node of text[0..n): a string of a NUL and the text. Compacted:
 * the whitespace outside strings dropped, every other byte kept. */
static json_t *raw_node(parser *p, size_t start, size_t end)
{
    const unsigned char *s = p->s;
    if (p->cap < end - start + 1) {
        char *b = realloc(p->buf, end - start + 1);
        if (!b) {
            nomem(p);
            return NULL;
        }
        p->buf = b;
        p->cap = end - start + 1;
    }
    char *t = p->buf;
    size_t n = 0;
    t[n++] = '\0';
    bool in_string = false;
    for (size_t i = start; i < end; i++) {
        unsigned char c = s[i];
        if (in_string) {
            t[n++] = (char)c;
            if (c == '\\')
                t[n++] = (char)s[++i]; /* the escaped byte (a valid escape) */
            else if (c == '"')
                in_string = false;
        } else if (!is_space(c)) {
            t[n++] = (char)c;
            in_string = c == '"';
        }
    }
    json_t *v = json_stringn_nocheck(t, n);
    if (!v)
        nomem(p);
    return v;
}

static bool is_x_name(const char *key, size_t n)
{
    return n >= 2 && key[0] == 'x' && key[1] == '-';
}

/* After '{'. The member's name stays in the text, or is copied when it had
 * escapes (p->buf is reused by the value). Inside an x- value the object
 * only serves to find duplicate names: json_null() is returned. */
static json_t *parse_object(parser *p)
{
    json_t *obj = json_object();
    if (!obj) {
        nomem(p);
        return NULL;
    }
    frame *f = &p->frames[p->depth];
    if (scan(p) == '}')
        goto done;
    for (;;) {
        if (p->token != T_STRING) {
            fail(p, false, "string or '}' expected");
            goto error;
        }
        const char *key = p->str;
        size_t key_len = p->str_len;
        char *copy = NULL;
        if (memchr(key, '\0', key_len)) {
            fail(p, false, "NUL byte in object key not supported");
            goto error;
        }
        if (json_object_getn(obj, key, key_len)) {
            fail(p, false, "duplicate object key");
            if (p->err)
                member_path(p, key, key_len);
            goto error;
        }
        if (key == p->buf) {
            if (!(copy = malloc(key_len ? key_len : 1))) {
                nomem(p);
                goto error;
            }
            key = memcpy(copy, key, key_len);
        }
        f->key = key;
        f->n = key_len;
        if (scan(p) != ':') {
            fail(p, false, "':' expected");
            free(copy);
            goto error;
        }
        scan(p);
        /* an x- member's value: checked, kept as its text */
        bool capture = !p->raw && is_x_name(key, key_len);
        size_t start = p->tok;
        p->raw += capture;
        json_t *v = parse_value(p);
        p->raw -= capture;
        if (v && capture) {
            json_decref(v);
            v = raw_node(p, start, p->pos);
        }
        /* json_object_setn_new_nocheck() takes v, also when it fails */
        int rc = v ? json_object_setn_new_nocheck(obj, key, key_len, v) : -1;
        free(copy);
        if (rc) {
            if (v)
                nomem(p);
            goto error;
        }
        if (scan(p) != ',')
            break;
        scan(p);
    }
    if (p->token != '}') {
        fail(p, false, "'}' expected");
        goto error;
    }
done:
    if (p->raw) {
        json_decref(obj);
        return json_null();
    }
    return obj;
error:
    json_decref(obj);
    return NULL;
}

/* After '['. Inside an x- value nothing is kept (json_null()). */
static json_t *parse_array(parser *p)
{
    json_t *arr = p->raw ? json_null() : json_array();
    if (!arr) {
        nomem(p);
        return NULL;
    }
    frame *f = &p->frames[p->depth];
    f->key = NULL;
    f->n = 0;
    if (scan(p) == ']')
        return arr;
    while (p->token != T_EOF) {
        json_t *v = parse_value(p);
        if (!v)
            goto error;
        if (p->raw) {
            json_decref(v);
        } else if (json_array_append_new(arr, v)) { /* takes v, also when it fails */
            nomem(p);
            goto error;
        }
        f->n++;
        if (scan(p) != ',')
            break;
        scan(p);
    }
    if (p->token != ']') {
        fail(p, false, "']' expected");
        goto error;
    }
    return arr;
error:
    json_decref(arr);
    return NULL;
}

/* The value that starts with the current token. */
static json_t *parse_value(parser *p)
{
    if (++p->depth > RC_JSON_MAX_DEPTH) {
        fail(p, false, "maximum parsing depth reached");
        return NULL;
    }
    json_t *v;
    switch (p->token) {
    case T_STRING:
        if (memchr(p->str, '\0', p->str_len)) {
            fail(p, false, "\\u0000 is not allowed without JSON_ALLOW_NUL");
            return NULL;
        }
        v = p->raw ? json_null() : json_stringn_nocheck(p->str, p->str_len);
        break;
    case T_INTEGER:
        v = p->raw ? json_null() : json_integer(p->ival);
        break;
    case T_NUMBER:
        v = p->raw ? json_null() : raw_node(p, p->tok, p->pos);
        break;
    case T_TRUE:
        v = json_true();
        break;
    case T_FALSE:
        v = json_false();
        break;
    case T_NULL:
        v = json_null();
        break;
    case '{':
        v = parse_object(p);
        break;
    case '[':
        v = parse_array(p);
        break;
    case T_INVALID:
        fail(p, false, "invalid token");
        return NULL;
    default:
        fail(p, false, "unexpected token");
        return NULL;
    }
    if (!v) {
        if (!p->failed)
            nomem(p); /* a constructor that returned NULL */
        return NULL;
    }
    p->depth--;
    return v;
}

int rc_json_parse(const char *text, size_t len, unsigned flags, json_t **out, rc_json_error *err)
{
    parser *p = malloc(sizeof *p);
    *out = NULL;
    if (!p)
        return RECERT_ENOMEM;
    memset(p, 0, offsetof(parser, frames));
    p->s = (const unsigned char *)text;
    p->len = len;
    p->err = err;
    if (err)
        err->path[0] = '\0';
    p->raw = (flags & RC_JSON_RAW) != 0;
    json_t *root = NULL;
    scan(p);
    size_t start = p->tok;
    if (!(flags & RC_JSON_ANY) && p->token != '[' && p->token != '{')
        fail(p, false, "'[' or '{' expected");
    else if ((root = parse_value(p)) && (flags & RC_JSON_RAW)) {
        json_decref(root);
        root = raw_node(p, start, p->pos);
    }
    if (root && scan(p) != T_EOF)
        fail(p, false, "end of file expected");
    free(p->buf);
    bool failed = p->failed, oom = p->oom;
    free(p);
    if (failed) {
        json_decref(root);
        return oom ? RECERT_ENOMEM : RECERT_EPARSE;
    }
    *out = root;
    return RECERT_OK;
}

json_t *rc_json_parse_own(const char *text)
{
    json_t *v = NULL;
    rc_json_parse(text, strlen(text), 0, &v, NULL);
    return v;
}

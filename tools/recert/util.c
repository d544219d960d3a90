/*
 * recert — options, input, strings and a minimal JSON reader shared by the
 * subcommands.
 *
 * SPDX-License-Identifier: MIT
 */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- memory ---------------------------------------------------------------- */

void die_nomem(void)
{
    fputs("recert: out of memory\n", stderr);
    exit(EXIT_BAD);
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        die_nomem();
    return p;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        die_nomem();
    return p;
}

void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        die_nomem();
    return q;
}

char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = xmalloc(n);
    memcpy(p, s, n);
    return p;
}

/* ---- growing strings ------------------------------------------------------- */

void sb_init(sbuf *b)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
}

void sb_free(sbuf *b)
{
    free(b->data);
    sb_init(b);
}

static void sb_reserve(sbuf *b, size_t more)
{
    size_t need;
    if (more > SIZE_MAX - b->len - 1)
        die_nomem();
    need = b->len + more + 1;
    if (need <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need) {
        if (cap > SIZE_MAX / 2) {
            cap = need;
            break;
        }
        cap *= 2;
    }
    b->data = xrealloc(b->data, cap);
    b->cap = cap;
}

void sb_putn(sbuf *b, const char *s, size_t n)
{
    sb_reserve(b, n);
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void sb_puts(sbuf *b, const char *s)
{
    sb_putn(b, s, strlen(s));
}

void sb_putc(sbuf *b, char c)
{
    sb_putn(b, &c, 1);
}

void sb_printf(sbuf *b, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    sb_reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void sb_json_string(sbuf *b, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    sb_putc(b, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': sb_puts(b, "\\\""); break;
        case '\\': sb_puts(b, "\\\\"); break;
        case '\n': sb_puts(b, "\\n"); break;
        case '\r': sb_puts(b, "\\r"); break;
        case '\t': sb_puts(b, "\\t"); break;
        case '\b': sb_puts(b, "\\b"); break;
        case '\f': sb_puts(b, "\\f"); break;
        default:
            if (*p < 0x20) {
                char esc[7] = {'\\', 'u', '0', '0', hex[*p >> 4], hex[*p & 15], '\0'};
                sb_puts(b, esc);
            } else {
                sb_putc(b, (char)*p);
            }
        }
    }
    sb_putc(b, '"');
}

size_t utf8_width(const char *s)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if ((*p & 0xC0) != 0x80)
            n++;
    return n;
}

/* ---- text for a terminal ---------------------------------------------------- */

/* The length of the valid UTF-8 sequence at p (n bytes left), or 0. */
static size_t utf8_seq(const unsigned char *p, size_t n, unsigned *cp)
{
    unsigned c = p[0];
    size_t len;
    unsigned min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2, min = 0x80, c &= 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3, min = 0x800, c &= 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4, min = 0x10000, c &= 0x07;
    } else {
        return 0;
    }
    if (len > n)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (p[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return len;
}

static int needs_escape(unsigned cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

void term_escape(sbuf *b, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, run = 0;
    while (i < n) {
        unsigned cp = 0;
        size_t len = utf8_seq(p + i, n - i, &cp);
        if (len && !needs_escape(cp)) {
            i += len;
            continue;
        }
        sb_putn(b, s + run, i - run);
        if (len == 0)
            sb_printf(b, "\\x%02X", p[i]), len = 1;
        else if (cp < 0x80)
            sb_printf(b, "\\x%02X", cp);
        else
            sb_printf(b, "\\u%04X", cp);
        i += len;
        run = i;
    }
    sb_putn(b, s + run, n - run);
}

static int term_clean(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        unsigned cp;
        size_t len;
        if (p[i] >= 0x20 && p[i] < 0x7F) {
            i++;
            continue;
        }
        len = utf8_seq(p + i, n - i, &cp);
        if (!len || needs_escape(cp))
            return 0;
        i += len;
    }
    return 1;
}

const char *term_text(const char *s)
{
    enum { RING = 16 };
    static _Thread_local char *ring[RING];
    static _Thread_local unsigned next;
    sbuf b;
    if (!s || term_clean(s))
        return s;
    sb_init(&b);
    term_escape(&b, s, strlen(s));
    sb_putc(&b, '\0');
    free(ring[next % RING]);
    ring[next % RING] = b.data;
    next++;
    return b.data;
}

size_t term_width(const char *s)
{
    return utf8_width(term_text(s));
}

/* ---- standard output --------------------------------------------------------- */

static int write_errno; /* the first write error noted, 0: none */
static int write_reported;

void note_write_error(int err)
{
    if (!write_errno)
        write_errno = err ? err : EIO;
}

int finish_stdout(int status)
{
    errno = 0;
    if (fflush(stdout) != 0)
        note_write_error(errno);
    else if (ferror(stdout))
        note_write_error(errno);
    if (!write_errno)
        return status;
    if (!write_reported) {
        write_reported = 1;
        fprintf(stderr, "recert: write error: %s\n", strerror(write_errno));
    }
    return EXIT_WRITE;
}

int close_stdout(int status)
{
    status = finish_stdout(status);
    errno = 0;
    if (fclose(stdout) != 0 && status != EXIT_WRITE) {
        note_write_error(errno);
        write_reported = 1;
        fprintf(stderr, "recert: write error: %s\n", strerror(write_errno));
        status = EXIT_WRITE;
    }
    return status;
}

size_t utf8_cut(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t k = 0; /* continuation bytes at the end, at most 3 */
    while (k < 3 && k < n && (s[n - 1 - k] & 0xC0) == 0x80)
        k++;
    if (k == n)
        return n;
    unsigned c = s[n - 1 - k];
    size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return need > k + 1 ? n - 1 - k : n;
}

size_t snprintf_utf8(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    if (size == 0)
        return 0;
    if (n < 0) {
        buf[0] = '\0';
        return 0;
    }
    size_t len = (size_t)n;
    if (len >= size) {
        len = utf8_cut(buf, size - 1);
        buf[len] = '\0';
    }
    return len;
}

/* ---- values ---------------------------------------------------------------- */

const char *day_text(char *buf, int32_t day)
{
    if (day == RECERT_DAY_NONE || recert_date_format(buf, RECERT_DATE_BUFSIZE, day) != RECERT_OK) {
        buf[0] = '-';
        buf[1] = '\0';
    }
    return buf;
}

void money_text(char *buf, size_t size, int64_t cents, const char *currency)
{
    const char *sign = cents < 0 ? "-" : "";
    /* |INT64_MIN| does not fit: go through unsigned. */
    uint64_t mag = cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
    const char *cur = currency && *currency ? currency : "";
    /* The currency once: "$129.00" for US dollars, "129.00 EUR" otherwise. */
    if (strcmp(cur, "USD") == 0)
        snprintf(buf, size, "%s$%llu.%02llu", sign, (unsigned long long)(mag / 100),
                 (unsigned long long)(mag % 100));
    else
        snprintf_utf8(buf, size, "%s%llu.%02llu%s%s", sign, (unsigned long long)(mag / 100),
                 (unsigned long long)(mag % 100), *cur ? " " : "", cur);
}

const char *error_code_name(int code)
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
    default: return "RECERT_EUNKNOWN";
    }
}

/* ---- options --------------------------------------------------------------- */

void opt_init(opt_parser *p, int argc, char **argv)
{
    memset(p, 0, sizeof *p);
    p->argc = argc;
    p->argv = argv;
    p->i = 1; /* argv[0] is the command's name */
}

int opt_next(opt_parser *p)
{
    static char namebuf[64];
    const char *a;

    p->name = NULL;
    p->inline_value = NULL;
    p->arg = NULL;
    if (p->i >= p->argc)
        return OPT_END;
    a = p->argv[p->i++];
    if (p->done || a[0] != '-' || a[1] == '\0') {
        p->arg = a;
        return OPT_POSITIONAL;
    }
    if (a[1] == '-' && a[2] == '\0') {
        p->done = 1;
        return opt_next(p);
    }
    if (a[1] == '-') {
        const char *eq = strchr(a + 2, '=');
        size_t n = eq ? (size_t)(eq - (a + 2)) : strlen(a + 2);
        if (n >= sizeof namebuf)
            n = utf8_cut(a + 2, sizeof namebuf - 1);
        memcpy(namebuf, a + 2, n);
        namebuf[n] = '\0';
        p->name = namebuf;
        p->inline_value = eq ? eq + 1 : NULL;
        return OPT_OPTION;
    }
    /* A short option: only "-h" is known; the rest is reported as written. */
    snprintf_utf8(namebuf, sizeof namebuf, "%s", a + 1);
    p->name = namebuf;
    return OPT_OPTION;
}

const char *opt_value(opt_parser *p, const char *cmd)
{
    char name[64];
    if (p->inline_value)
        return p->inline_value;
    if (p->i < p->argc)
        return p->argv[p->i++];
    snprintf_utf8(name, sizeof name, "%s", p->name);
    usage_error(cmd, "option --%s needs a value", name);
    return NULL;
}

int opt_no_value(const opt_parser *p, const char *cmd)
{
    if (!p->inline_value)
        return 0;
    usage_error(cmd, "option --%s takes no value", p->name);
    return 1;
}

const char *usage_line(const char *cmd)
{
    if (!cmd)
        return "usage: recert [--help] [--version] <command> [<args>]\n"
               "commands: evaluate, validate, policies, calendar, explain, audit";
    if (strcmp(cmd, "evaluate") == 0)
        return "usage: recert evaluate [--as-of YYYY-MM-DD] [--json [--pretty]] [--holder ID]\n"
               "                       [--status S,...] [--due-within DAYS] [--color WHEN] FILE|-\n"
               "       recert evaluate --ndjson [--as-of YYYY-MM-DD] [--jobs N] FILE|-";
    if (strcmp(cmd, "validate") == 0)
        return "usage: recert validate FILE|-";
    if (strcmp(cmd, "policies") == 0)
        return "usage: recert policies [--json [--pretty]] [ID]";
    if (strcmp(cmd, "calendar") == 0)
        return "usage: recert calendar [--as-of YYYY-MM-DD] [--remind DAYS,...] FILE|-";
    if (strcmp(cmd, "explain") == 0)
        return "usage: recert explain [--as-of YYYY-MM-DD] FILE|- HOLDER CREDENTIAL";
    if (strcmp(cmd, "audit") == 0)
        return "usage: recert audit --rate R --seed S [--json] FILE|-";
    return "usage: recert [--help] [--version] <command> [<args>]";
}

void vterm_printf(FILE *f, const char *fmt, va_list ap)
{
    sbuf b;
    va_list aq;
    int n;
    va_copy(aq, ap);
    n = vsnprintf(NULL, 0, fmt, aq);
    va_end(aq);
    if (n < 0)
        return;
    sb_init(&b);
    b.data = xmalloc((size_t)n + 1);
    vsnprintf(b.data, (size_t)n + 1, fmt, ap);
    fputs(term_text(b.data), f);
    free(b.data);
}

int usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fputs("recert: ", stderr);
    if (cmd)
        fprintf(stderr, "%s: ", cmd);
    va_start(ap, fmt);
    vterm_printf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n%s\n", usage_line(cmd));
    if (cmd)
        fprintf(stderr, "Try 'recert %s --help' for more information.\n", cmd);
    else
        fputs("Try 'recert --help' for more information.\n", stderr);
    return EXIT_USAGE;
}

int as_of_option(const char *cmd, const char *text, char *iso, int32_t *day)
{
    if (!text) {
        time_t now = time(NULL);
        struct tm tm;
        if (now == (time_t)-1 || !localtime_r(&now, &tm)) {
            fputs("recert: cannot read the clock; give --as-of\n", stderr);
            return EXIT_BAD;
        }
        if (recert_date_from_ymd(day, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday) != RECERT_OK ||
            recert_date_format(iso, RECERT_DATE_BUFSIZE, *day) != RECERT_OK) {
            fputs("recert: today's date is out of range; give --as-of\n", stderr);
            return EXIT_BAD;
        }
        return 0;
    }
    if (strlen(text) != 10 || recert_date_parse(day, text) != RECERT_OK)
        return usage_error(cmd, "--as-of: not a valid date (YYYY-MM-DD, 1900..9999): \"%s\"", text);
    memcpy(iso, text, RECERT_DATE_BUFSIZE);
    return 0;
}

int parse_count(const char *text, long max, long *out)
{
    long v = 0;
    if (!text || !*text)
        return -1;
    for (const char *p = text; *p; p++) {
        if (*p < '0' || *p > '9')
            return -1;
        if (v > (max - (*p - '0')) / 10)
            return -1;
        v = v * 10 + (*p - '0');
    }
    *out = v;
    return 0;
}

/* ---- input ----------------------------------------------------------------- */

const char *display_name(const char *path)
{
    return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

int read_input(const char *path, char **data, size_t *len)
{
    int use_stdin = strcmp(path, "-") == 0;
    FILE *f = use_stdin ? stdin : fopen(path, "rb");
    sbuf b;
    char chunk[65536];
    size_t n;

    if (!f) {
        fprintf(stderr, "recert: %s: %s\n", term_text(path), strerror(errno));
        return -1;
    }
    sb_init(&b);
    sb_reserve(&b, 0);
    /* Read at most one byte past the limit: a longer document is refused
     * without holding more of it. */
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        sb_putn(&b, chunk, n);
        if (b.len > RECERT_MAX_DOCUMENT_BYTES) {
            fprintf(stderr,
                    "recert: %s: more than %d MiB of JSON, the limit of one document; for a large batch,\n"
                    "give one holder or records document a line with 'recert evaluate --ndjson'\n",
                    term_text(display_name(path)), RECERT_MAX_DOCUMENT_BYTES >> 20);
            if (!use_stdin)
                fclose(f);
            sb_free(&b);
            return -1;
        }
    }
    if (ferror(f)) {
        fprintf(stderr, "recert: %s: %s\n", term_text(display_name(path)), strerror(errno ? errno : EIO));
        if (!use_stdin)
            fclose(f);
        sb_free(&b);
        return -1;
    }
    if (!use_stdin)
        fclose(f);
    *data = b.data;
    *len = b.len;
    return 0;
}

void report_library_error(const char *path, int rc)
{
    const char *msg = recert_error_message();
    if (!msg || !*msg)
        msg = recert_strerror(rc);
    fprintf(stderr, "recert: %s: %s\n", term_text(display_name(path)), term_text(msg));
}

/* ---- a minimal JSON reader --------------------------------------------------
 *
 * Just enough to read the library's own output (the error list of
 * recert_validate_json) and to tell a records document from a bare holder
 * object in --ndjson input. Strings are decoded to UTF-8.
 */

typedef struct jr {
    const char *p, *end;
    int depth;
} jr;

#define JR_MAX_DEPTH 512

static void jr_ws(jr *r)
{
    while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
        r->p++;
}

static int jr_hex4(jr *r, unsigned *out)
{
    unsigned v = 0;
    if (r->end - r->p < 4)
        return -1;
    for (int i = 0; i < 4; i++) {
        char c = *r->p++;
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= (unsigned)(c - 'A' + 10);
        else
            return -1;
    }
    *out = v;
    return 0;
}

static void put_utf8(sbuf *b, unsigned cp)
{
    char s[4];
    if (cp < 0x80) {
        s[0] = (char)cp;
        sb_putn(b, s, 1);
    } else if (cp < 0x800) {
        s[0] = (char)(0xC0 | (cp >> 6));
        s[1] = (char)(0x80 | (cp & 0x3F));
        sb_putn(b, s, 2);
    } else if (cp < 0x10000) {
        s[0] = (char)(0xE0 | (cp >> 12));
        s[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        s[2] = (char)(0x80 | (cp & 0x3F));
        sb_putn(b, s, 3);
    } else {
        s[0] = (char)(0xF0 | (cp >> 18));
        s[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        s[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        s[3] = (char)(0x80 | (cp & 0x3F));
        sb_putn(b, s, 4);
    }
}

/* A string at r->p (at its opening quote); decoded into out when out is not
 * NULL. */
static int jr_string(jr *r, sbuf *out)
{
    if (r->p >= r->end || *r->p != '"')
        return -1;
    r->p++;
    while (r->p < r->end) {
        unsigned char c = (unsigned char)*r->p++;
        if (c == '"')
            return 0;
        if (c < 0x20)
            return -1;
        if (c != '\\') {
            if (out)
                sb_putc(out, (char)c);
            continue;
        }
        if (r->p >= r->end)
            return -1;
        c = (unsigned char)*r->p++;
        char lit = 0;
        switch (c) {
        case '"': lit = '"'; break;
        case '\\': lit = '\\'; break;
        case '/': lit = '/'; break;
        case 'b': lit = '\b'; break;
        case 'f': lit = '\f'; break;
        case 'n': lit = '\n'; break;
        case 'r': lit = '\r'; break;
        case 't': lit = '\t'; break;
        case 'u': {
            unsigned cp, lo;
            if (jr_hex4(r, &cp) != 0)
                return -1;
            if (cp >= 0xD800 && cp < 0xDC00) {
                if (r->end - r->p < 6 || r->p[0] != '\\' || r->p[1] != 'u')
                    return -1;
                r->p += 2;
                if (jr_hex4(r, &lo) != 0 || lo < 0xDC00 || lo > 0xDFFF)
                    return -1;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                return -1;
            }
            if (out)
                put_utf8(out, cp);
            continue;
        }
        default:
            return -1;
        }
        if (out)
            sb_putc(out, lit);
    }
    return -1;
}

static int jr_value(jr *r);

static int jr_literal(jr *r, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(r->end - r->p) < n || memcmp(r->p, word, n) != 0)
        return -1;
    r->p += n;
    return 0;
}

static int jr_number(jr *r)
{
    const char *start = r->p;
    if (r->p < r->end && *r->p == '-')
        r->p++;
    while (r->p < r->end && ((*r->p >= '0' && *r->p <= '9') || *r->p == '.' || *r->p == 'e' ||
                             *r->p == 'E' || *r->p == '+' || *r->p == '-'))
        r->p++;
    return r->p > start ? 0 : -1;
}

static int jr_container(jr *r, char open, char close)
{
    int first = 1;
    if (++r->depth > JR_MAX_DEPTH)
        return -1;
    r->p++; /* open */
    (void)open;
    for (;;) {
        jr_ws(r);
        if (r->p >= r->end)
            return -1;
        if (*r->p == close) {
            r->p++;
            r->depth--;
            return 0;
        }
        if (!first) {
            if (*r->p != ',')
                return -1;
            r->p++;
            jr_ws(r);
        }
        first = 0;
        if (close == '}') {
            if (jr_string(r, NULL) != 0)
                return -1;
            jr_ws(r);
            if (r->p >= r->end || *r->p != ':')
                return -1;
            r->p++;
            jr_ws(r);
        }
        if (jr_value(r) != 0)
            return -1;
    }
}

static int jr_value(jr *r)
{
    jr_ws(r);
    if (r->p >= r->end)
        return -1;
    switch (*r->p) {
    case '"': return jr_string(r, NULL);
    case '{': return jr_container(r, '{', '}');
    case '[': return jr_container(r, '[', ']');
    case 't': return jr_literal(r, "true");
    case 'f': return jr_literal(r, "false");
    case 'n': return jr_literal(r, "null");
    default: return jr_number(r);
    }
}

int json_object_has_member(const char *text, size_t len, const char *key)
{
    jr r = {text, text + len, 0};
    sbuf name;
    int found = 0, first = 1;

    jr_ws(&r);
    if (r.p >= r.end || *r.p != '{')
        return -1;
    r.p++;
    sb_init(&name);
    for (;;) {
        jr_ws(&r);
        if (r.p >= r.end)
            goto bad;
        if (*r.p == '}') {
            r.p++;
            break;
        }
        if (!first) {
            if (*r.p != ',')
                goto bad;
            r.p++;
            jr_ws(&r);
        }
        first = 0;
        name.len = 0;
        if (name.data)
            name.data[0] = '\0';
        if (jr_string(&r, &name) != 0)
            goto bad;
        sb_putn(&name, "", 0);
        if (strlen(name.data) == name.len && strcmp(name.data, key) == 0)
            found = 1;
        jr_ws(&r);
        if (r.p >= r.end || *r.p != ':')
            goto bad;
        r.p++;
        if (jr_value(&r) != 0)
            goto bad;
    }
    jr_ws(&r);
    sb_free(&name);
    return r.p == r.end ? found : -1;
bad:
    sb_free(&name);
    return -1;
}

long json_error_list(const char *text, void (*fn)(void *ctx, const char *path, const char *message),
                     void *ctx)
{
    jr r = {text, text + strlen(text), 0};
    sbuf key, path, msg;
    long count = 0;
    int first = 1;

    sb_init(&key);
    sb_init(&path);
    sb_init(&msg);
    jr_ws(&r);
    if (r.p >= r.end || *r.p != '[')
        goto bad;
    r.p++;
    for (;;) {
        int ofirst = 1;
        jr_ws(&r);
        if (r.p >= r.end)
            goto bad;
        if (*r.p == ']') {
            r.p++;
            break;
        }
        if (!first) {
            if (*r.p != ',')
                goto bad;
            r.p++;
            jr_ws(&r);
        }
        first = 0;
        if (r.p >= r.end || *r.p != '{')
            goto bad;
        r.p++;
        path.len = msg.len = 0;
        sb_putn(&path, "", 0);
        sb_putn(&msg, "", 0);
        for (;;) {
            jr_ws(&r);
            if (r.p >= r.end)
                goto bad;
            if (*r.p == '}') {
                r.p++;
                break;
            }
            if (!ofirst) {
                if (*r.p != ',')
                    goto bad;
                r.p++;
                jr_ws(&r);
            }
            ofirst = 0;
            key.len = 0;
            sb_putn(&key, "", 0);
            if (jr_string(&r, &key) != 0)
                goto bad;
            jr_ws(&r);
            if (r.p >= r.end || *r.p != ':')
                goto bad;
            r.p++;
            jr_ws(&r);
            if (strcmp(key.data, "path") == 0 && r.p < r.end && *r.p == '"') {
                path.len = 0;
                if (jr_string(&r, &path) != 0)
                    goto bad;
                sb_putn(&path, "", 0);
            } else if (strcmp(key.data, "message") == 0 && r.p < r.end && *r.p == '"') {
                msg.len = 0;
                if (jr_string(&r, &msg) != 0)
                    goto bad;
                sb_putn(&msg, "", 0);
            } else if (jr_value(&r) != 0) {
                goto bad;
            }
        }
        fn(ctx, path.data, msg.data);
        count++;
    }
    sb_free(&key);
    sb_free(&path);
    sb_free(&msg);
    return count;
bad:
    sb_free(&key);
    sb_free(&path);
    sb_free(&msg);
    return -1;
}

/* An offset in words from a day named from: "E + 1 year - 1 day",
 * "P + 2 years"; just from for an empty offset. Returns buf. */
const char *offset_text(char *buf, size_t size, const char *from, int years, int months, int days)
{
    static const char *const unit[3][2] = {{"year", "years"}, {"month", "months"}, {"day", "days"}};
    int part[3] = {years, months, days};
    size_t n = (size_t)snprintf(buf, size, "%s", from);
    for (int i = 0; i < 3 && n < size; i++) {
        if (part[i] == 0)
            continue;
        long mag = part[i] < 0 ? -(long)part[i] : part[i];
        n += (size_t)snprintf(buf + n, size - n, " %c %ld %s", part[i] < 0 ? '-' : '+', mag, unit[i][mag != 1]);
    }
    return buf;
}

/*
 * recert — the command-line tool: shared declarations.
 *
 * The tool is built on the public API only (include/recert.h), like any
 * other program that links librecert.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef RECERT_CLI_H
#define RECERT_CLI_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <recert.h>

/* Exit status: 0 success, 1 bad input (or a failure), 2 usage error. */
#define EXIT_OK 0
#define EXIT_BAD 1
#define EXIT_USAGE 2
#define EXIT_WRITE 3 /* standard output could not be written (full disk, closed pipe, ...) */

/* The catalog that --policies built (main.c), or NULL: the default one. */
extern const recert_catalog *g_catalog;

/* ---- command entry points ------------------------------------------------ */

int cmd_evaluate(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_policies(int argc, char **argv);
int cmd_calendar(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_audit(int argc, char **argv);

/* The --ndjson batch mode of evaluate (ndjson.c). as_of is "YYYY-MM-DD",
 * jobs >= 1. Returns the exit status. */
int batch_run(const char *path, const char *as_of, long jobs);

/* ---- options --------------------------------------------------------------- */

/*
 * A small long-option parser: "--name value", "--name=value", "-h", "--"
 * (end of options) and "-" (a positional argument: standard input).
 * Options and positional arguments may come in any order.
 */
typedef struct opt_parser {
    int argc;
    char **argv;
    int i;              /* next argv index */
    int done;           /* "--" seen: the rest is positional */
    const char *name;   /* the option's name without dashes ("as-of", "h") */
    const char *inline_value; /* the text after '=', or NULL */
    const char *arg;    /* the positional argument */
} opt_parser;

enum { OPT_END = 0, OPT_OPTION = 1, OPT_POSITIONAL = 2 };

void opt_init(opt_parser *p, int argc, char **argv);
/* The next item: OPT_OPTION (p->name), OPT_POSITIONAL (p->arg) or OPT_END. */
int opt_next(opt_parser *p);
/* The value of the current option: inline or the next argument. NULL (and a
 * usage message printed for cmd) when there is none. */
const char *opt_value(opt_parser *p, const char *cmd);
/* Whether the current option is a flag that was given a value ("--json=x"):
 * prints a usage message and returns 1. */
int opt_no_value(const opt_parser *p, const char *cmd);

/* Print "recert: <cmd>: <message>" and the command's usage line on standard
 * error; returns EXIT_USAGE. */
int usage_error(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* The one-line usage of a command ("evaluate", ...), or of the tool (NULL). */
const char *usage_line(const char *cmd);

/* Parse --as-of (or fill in today's local date when text is NULL) into iso
 * (RECERT_DATE_BUFSIZE bytes) and *day. Returns 0, or a usage error. */
int as_of_option(const char *cmd, const char *text, char *iso, int32_t *day);

/* Parse a non-negative decimal integer with an upper bound. 0 on success. */
int parse_count(const char *text, long max, long *out);

/* ---- input and output ---------------------------------------------------- */

/* The name a file is shown as in messages: "<stdin>" for "-". */
const char *display_name(const char *path);

/* Read a whole file ("-": standard input) into a NUL-terminated buffer the
 * caller frees with free(). On failure prints "recert: FILE: reason" and
 * returns -1. */
int read_input(const char *path, char **data, size_t *len);

/* Print "recert: FILE: <the library's last error message>" on stderr. */
void report_library_error(const char *path, int rc);

/* Standard output at the end of a command: flush it and check that every
 * write succeeded. On failure prints "recert: write error: <reason>" on
 * standard error (once per process) and returns EXIT_WRITE; else status. */
int finish_stdout(int status);
/* Record a write error seen on standard output (errno or EIO) for
 * finish_stdout(), e.g. by a thread that writes it. */
void note_write_error(int err);
/* finish_stdout(status), then close standard output (a write error can
 * show only then, e.g. on a network file system): the last call of the
 * process before it exits with the status returned. */
int close_stdout(int status);


/* "recert: out of memory" and exit(1). */
void die_nomem(void)
#if defined(__GNUC__)
    __attribute__((noreturn))
#endif
    ;
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

/* A growing string. */
typedef struct sbuf {
    char *data;
    size_t len, cap;
} sbuf;

void sb_init(sbuf *b);
void sb_free(sbuf *b);
void sb_putn(sbuf *b, const char *s, size_t n);
void sb_puts(sbuf *b, const char *s);
void sb_putc(sbuf *b, char c);
void sb_printf(sbuf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Append s as a JSON string literal, quotes included. */
void sb_json_string(sbuf *b, const char *s);

/* Number of characters (UTF-8 code points) in s: its width on a terminal,
 * near enough for the table. */
size_t utf8_width(const char *s);
/* The largest length <= n at which s[0..n) can be cut without splitting a
 * UTF-8 character (only s[0..n) is read). */
size_t utf8_cut(const char *s, size_t n);
/* snprintf, cut at a character boundary when the text does not fit, so
 * that a cut value stays valid UTF-8. Returns the length written. */
size_t snprintf_utf8(char *buf, size_t size, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* A day as "YYYY-MM-DD" into buf (RECERT_DATE_BUFSIZE), "-" for none. */
const char *day_text(char *buf, int32_t day);

/* Cents as "$99.00" in US dollars, "99.00 EUR" in other currencies. */
void money_text(char *buf, size_t size, int64_t cents, const char *currency);

/* The name of a library error code ("RECERT_EDATA"). */
const char *error_code_name(int code);

/* ---- minimal JSON reading ------------------------------------------------ */

/* Whether text is a JSON object with a member named key at its top level.
 * Returns 1 yes, 0 no (an object without it), -1 not a JSON object (or not
 * well-formed). */
int json_object_has_member(const char *text, size_t len, const char *key);

/* Walk the array of {"path", "message"} objects recert_validate_json gives:
 * calls fn for each error with the decoded strings. Returns the number of
 * errors, or -1 when the text is not such an array. */
long json_error_list(const char *text, void (*fn)(void *ctx, const char *path, const char *message),
                     void *ctx);

/* An offset in words from a day named from: "E + 1 year - 1 day"; just
 * from for an empty offset. Returns buf. */
const char *offset_text(char *buf, size_t size, const char *from, int years, int months, int days);

/* Text from records, policies, messages or the command line made safe for
 * a terminal: control characters (C0, newline and tab included, DEL, C1) and bytes
 * that are not UTF-8 are written as \xHH (C1 as \u00HH), so every byte out
 * is valid UTF-8 and no input can send an escape sequence to the terminal.
 * term_text() returns s itself when nothing needs escaping, else a copy
 * that stays valid until the 16th later call of this thread. */
const char *term_text(const char *s);
void term_escape(sbuf *b, const char *s, size_t n);
/* The display width of term_text(s): code points after escaping. */
size_t term_width(const char *s);
/* vfprintf(f, fmt, ap) with the whole text through term_text(). */
void vterm_printf(FILE *f, const char *fmt, va_list ap)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 0)))
#endif
    ;

#endif /* RECERT_CLI_H */

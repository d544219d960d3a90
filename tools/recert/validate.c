/*
 * recert validate — check a records document in full and list every error,
 * one a line, in document order.
 *
 * SPDX-License-Identifier: MIT
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char validate_help[] =
    "\n"
    "Check a records document in full: every error is printed as\n"
    "'FILE: path: message', one a line, in document order; a valid document\n"
    "prints 'FILE: valid'.\n"
    "\n"
    "exit status: 0 valid, 1 invalid (or unreadable), 2 usage error.\n";

typedef struct print_ctx {
    const char *name;
} print_ctx;

static void print_error(void *vctx, const char *path, const char *message)
{
    const print_ctx *ctx = vctx;
    size_t plen = strlen(path);
    /* The library's messages start with their path already; add it when one
     * does not. */
    if (plen && strncmp(message, path, plen) != 0)
        printf("%s: %s: %s\n", term_text(ctx->name), term_text(path), term_text(message));
    else
        printf("%s: %s\n", term_text(ctx->name), term_text(message));
}

int cmd_validate(int argc, char **argv)
{
    static const char cmd[] = "validate";
    opt_parser op;
    const char *file = NULL;
    char *text = NULL, *out = NULL;
    size_t len = 0;
    int k, rc, status;
    long n;
    print_ctx ctx;

    opt_init(&op, argc, argv);
    while ((k = opt_next(&op)) != OPT_END) {
        if (k == OPT_POSITIONAL) {
            if (file)
                return usage_error(cmd, "more than one file: %s", op.arg);
            file = op.arg;
        } else if (strcmp(op.name, "help") == 0 || strcmp(op.name, "h") == 0) {
            printf("%s\n%s", usage_line(cmd), validate_help);
            return EXIT_OK;
        } else {
            return usage_error(cmd, "unknown option: %s%s", strlen(op.name) == 1 ? "-" : "--", op.name);
        }
    }
    if (!file)
        return usage_error(cmd, "no file given (use - for standard input)");
    if (read_input(file, &text, &len) != 0)
        return EXIT_BAD;

    ctx.name = display_name(file);
    rc = recert_validate_json_catalog(&out, text, len, g_catalog);
    if (!out) {
        report_library_error(file, rc);
        free(text);
        return EXIT_BAD;
    }
    n = json_error_list(out, print_error, &ctx);
    if (n < 0) {
        fprintf(stderr, "recert: %s: unexpected answer from the library: %s\n", term_text(ctx.name), term_text(out));
        status = EXIT_BAD;
    } else if (n == 0 && rc == RECERT_OK) {
        printf("%s: valid\n", term_text(ctx.name));
        status = EXIT_OK;
    } else {
        if (n == 0) /* an error code without a listed error: say what we know */
            printf("%s: %s\n", term_text(ctx.name), recert_strerror(rc));
        status = EXIT_BAD;
    }
    recert_free(out);
    free(text);
    return finish_stdout(status);
}

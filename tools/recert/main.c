/*
 * recert — the command-line tool of librecert: evaluate recertification
 * records, validate them, list the built-in policies, export deadlines as a
 * calendar.
 *
 * SPDX-License-Identifier: MIT
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char tool_help[] =
    "commands:\n"
    "  evaluate   evaluate a records document as of a day: a table, the report\n"
    "             document (--json), or one report per line (--ndjson)\n"
    "  validate   check a records document and list every error\n"
    "  policies   list the built-in policies, or show one\n"
    "  calendar   the upcoming deadlines as an iCalendar file\n"
    "  explain    why one credential's report says what it says: its cycle,\n"
    "             each credit entry, the totals, the status and the fee\n"
    "  audit      the renewal applications a seeded random audit selects\n"
    "\n"
    "FILE is a records document (JSON); '-' reads standard input.\n"
    "Every command takes --policies FILE (repeatable): the policies of FILE (a\n"
    "policy document or an array of them) besides the built-in ones, replacing\n"
    "a built-in policy of the same id (examples/policies/acsm-current.json).\n"
    "Run 'recert <command> --help' for a command's options.\n"
    "\n"
    "exit status: 0 success, 1 bad input, 2 usage error, 3 write error (standard\n"
    "output could not be written: a full disk, a closed pipe).\n";

const recert_catalog *g_catalog;

/* "--policies FILE" (or "--policies=FILE"), for every command, repeatable:
 * the built-in policies plus each file's (a policy document or an array of
 * them; a policy replaces the built-in one of the same id). The options are
 * taken out of argv before the command sees it. Returns an exit status, or
 * -1 to go on. */
static int take_policies(int *argc, char **argv, recert_catalog **cat)
{
    int out = 2, status = -1;
    for (int i = 2; i < *argc; i++) {
        const char *file = NULL;
        if (strcmp(argv[i], "--") == 0) {
            while (i < *argc)
                argv[out++] = argv[i++];
            break;
        }
        if (strcmp(argv[i], "--policies") == 0) {
            if (i + 1 >= *argc)
                return usage_error(argv[1], "--policies needs a file");
            file = argv[++i];
        } else if (strncmp(argv[i], "--policies=", 11) == 0) {
            file = argv[i] + 11;
        } else {
            argv[out++] = argv[i];
            continue;
        }
        char *text = NULL;
        size_t len = 0;
        int rc;
        if (!*cat && (rc = recert_catalog_new_builtin(cat)) != RECERT_OK) {
            report_library_error(file, rc);
            return EXIT_BAD;
        }
        if (read_input(file, &text, &len) != 0)
            return EXIT_BAD;
        if ((rc = recert_catalog_add_json(*cat, text, len)) != RECERT_OK) {
            report_library_error(file, rc);
            status = EXIT_BAD;
        }
        free(text);
        if (status >= 0)
            return status;
    }
    argv[out] = NULL;
    *argc = out;
    return status;
}

int main(int argc, char **argv)
{
    static const struct {
        const char *name;
        int (*fn)(int, char **);
    } commands[] = {
        {"evaluate", cmd_evaluate}, {"validate", cmd_validate}, {"policies", cmd_policies},
        {"calendar", cmd_calendar}, {"explain", cmd_explain}, {"audit", cmd_audit},
    };
    const char *cmd;

    if (argc < 2)
        return usage_error(NULL, "no command given");
    cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        if (strcmp(cmd, "help") == 0 && argc > 2) {
            /* "recert help evaluate" is "recert evaluate --help" */
            for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
                if (strcmp(argv[2], commands[i].name) == 0) {
                    char *args[] = {argv[2], (char *)"--help", NULL};
                    return close_stdout(commands[i].fn(2, args));
                }
            }
            return usage_error(NULL, "unknown command: %s", argv[2]);
        }
        printf("usage: recert [--help] [--version] <command> [<args>]\n\n"
               "Recertification rules for fitness professionals (librecert %s).\n\n",
               recert_version_string());
        fputs(tool_help, stdout);
        return close_stdout(EXIT_OK);
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("recert %s\n", recert_version_string());
        return close_stdout(EXIT_OK);
    }
    if (cmd[0] == '-')
        return usage_error(NULL, "unknown option: %s", cmd);
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(cmd, commands[i].name) == 0) {
            recert_catalog *cat = NULL;
            int status = take_policies(&argc, argv, &cat);
            g_catalog = cat;
            if (status < 0)
                status = commands[i].fn(argc - 1, argv + 1);
            recert_catalog_free(cat);
            return close_stdout(status);
        }
    return usage_error(NULL, "unknown command: %s", cmd);
}

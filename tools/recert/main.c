/*
 * recert — the command-line tool of librecert: evaluate recertification
 * records, validate them, list the built-in policies, export deadlines as a
 * calendar.
 *
 * SPDX-License-Identifier: MIT
 */
#include "cli.h"

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
    "Run 'recert <command> --help' for a command's options.\n"
    "\n"
    "exit status: 0 success, 1 bad input, 2 usage error.\n";

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
                    return commands[i].fn(2, args);
                }
            }
            return usage_error(NULL, "unknown command: %s", argv[2]);
        }
        printf("usage: recert [--help] [--version] <command> [<args>]\n\n"
               "Recertification rules for fitness professionals (librecert %s).\n\n",
               recert_version_string());
        fputs(tool_help, stdout);
        return EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("recert %s\n", recert_version_string());
        return EXIT_OK;
    }
    if (cmd[0] == '-')
        return usage_error(NULL, "unknown option: %s", cmd);
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(cmd, commands[i].name) == 0)
            return commands[i].fn(argc - 1, argv + 1);
    return usage_error(NULL, "unknown command: %s", cmd);
}

/* The built-in policy documents, generated from the files of lib/policies. */
#ifndef RECERT_BUILTIN_H
#define RECERT_BUILTIN_H
#include <stddef.h>
typedef struct rc_builtin {
    const char *text;
    size_t len;
} rc_builtin;
extern const rc_builtin rc_builtin_policies[];
extern const size_t rc_builtin_policy_count;
#endif

/* Run-time version. SPDX-License-Identifier: MIT */
#include "internal.h"

unsigned recert_version(void)
{
    return RECERT_VERSION_NUMBER;
}

const char *recert_version_string(void)
{
    return RECERT_VERSION_STRING;
}

/*
 * librecert — version of the headers and of the library at run time.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef RECERT_VERSION_H
#define RECERT_VERSION_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

#define RECERT_VERSION_MAJOR 0
#define RECERT_VERSION_MINOR 1
#define RECERT_VERSION_PATCH 0
#define RECERT_VERSION_STRING "0.1.0"
#define RECERT_VERSION_NUMBER \
    ((RECERT_VERSION_MAJOR << 16) | (RECERT_VERSION_MINOR << 8) | RECERT_VERSION_PATCH)

/* The library's version number (major << 16 | minor << 8 | patch), which may
 * differ from the headers' RECERT_VERSION_NUMBER when linked dynamically. */
RECERT_API unsigned recert_version(void);

/* The library's version as text, "0.1.0". Static; never NULL. */
RECERT_API const char *recert_version_string(void);

#ifdef __cplusplus
}
#endif

#endif /* RECERT_VERSION_H */

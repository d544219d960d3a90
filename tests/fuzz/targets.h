/*
 * librecert fuzz targets: one function per entry point, shared by the
 * libFuzzer executables (libfuzzer.c, clang, -Dfuzzing=true) and by the
 * corpus replay test (replay.c, any compiler, run by `meson test`).
 *
 * Each function takes arbitrary bytes, must never crash, leak or trip a
 * sanitizer, and abort()s when a property of the API does not hold (the
 * checks are listed at each function in targets.c).
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef RECERT_FUZZ_TARGETS_H
#define RECERT_FUZZ_TARGETS_H

#include <stddef.h>
#include <stdint.h>

int fuzz_records(const uint8_t *data, size_t size);  /* records import */
int fuzz_policy(const uint8_t *data, size_t size);   /* policy import */
int fuzz_evaluate(const uint8_t *data, size_t size); /* recert_evaluate_json */
int fuzz_date(const uint8_t *data, size_t size);     /* date parsing */

#endif

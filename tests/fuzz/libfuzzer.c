/*
 * The libFuzzer entry point; FUZZ_ENTRY names the target of targets.c
 * (tests/fuzz/meson.build compiles this file once per target).
 *
 * SPDX-License-Identifier: MIT
 */
#include "targets.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return FUZZ_ENTRY(data, size);
}

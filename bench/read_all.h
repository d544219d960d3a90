/*
 * What the benchmark programs share: reading a whole file.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef BENCH_READ_ALL_H
#define BENCH_READ_ALL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The whole of path ("-": standard input), NUL-terminated; exits with a
 * message naming prog on any failure. */
static inline char *read_all(const char *prog, const char *path, size_t *len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    char *data = NULL;
    size_t cap = 0, n = 0, got;
    if (!f) {
        perror(path);
        exit(1);
    }
    do {
        if (n + 65536 > cap) {
            cap = cap ? cap * 2 : 1 << 20;
            data = realloc(data, cap + 1);
            if (!data) {
                fprintf(stderr, "%s: out of memory\n", prog);
                exit(1);
            }
        }
        got = fread(data + n, 1, cap - n, f);
        n += got;
    } while (got > 0);
    if (f != stdin)
        fclose(f);
    data[n] = '\0';
    *len = n;
    return data;
}

#endif /* BENCH_READ_ALL_H */

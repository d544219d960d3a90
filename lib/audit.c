/*
 * Seeded, deterministic audit selection (docs/rules.md §9): "given an application
 * id, a rate and a seed, the same inputs always give the same choice,
 * choices are uniform over ids, and the rate holds within statistical error
 * on large sets."
 *
 * SPDX-License-Identifier: MIT
 */
#include "internal.h"

/* SplitMix64's finaliser: a bijective mix with full avalanche. */
static uint64_t mix64(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

int recert_audit_select(const char *id, uint32_t rate_ppm, uint64_t seed)
{
    if (!id)
        return rc_fail(RECERT_EINVAL, NULL, "id is NULL");
    if (rate_ppm > RECERT_AUDIT_RATE_ONE)
        return rc_fail(RECERT_EINVAL, NULL, "rate %u is above %u parts per million", rate_ppm,
                       RECERT_AUDIT_RATE_ONE);
    /* Each byte of the id goes through the mix with the seed, so ids that
     * differ in one byte are unrelated draws. */
    uint64_t h = mix64(seed ^ 0x9e3779b97f4a7c15ULL);
    for (const unsigned char *p = (const unsigned char *)id; *p; p++)
        h = mix64(h ^ *p);
    h = mix64(h ^ 0xff); /* end of the id: "ab" + "" differs from "a" + "b" chains */
    /* A draw below a million from the full 64 bits: the modulo's bias is
     * below 10^-13. */
    return (uint32_t)(h % RECERT_AUDIT_RATE_ONE) < rate_ppm ? 1 : 0;
}

/*
 * librecert — seeded audit selection (docs/rules.md §9), for certifying bodies
 * and employers that run their own random audits.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef RECERT_AUDIT_H
#define RECERT_AUDIT_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One in a million: rates are whole parts per million (10% = 100000). */
#define RECERT_AUDIT_RATE_ONE 1000000u

/*
 * Is the application with this id selected for audit at this rate, with this
 * seed? Returns 1 (selected), 0 (not selected), or RECERT_EINVAL for a NULL
 * id or a rate above RECERT_AUDIT_RATE_ONE.
 *
 * Deterministic: the same (id, rate, seed) always gives the same answer, on
 * every platform. Uniform: the choice depends on a 64-bit hash of the seed
 * and the id's bytes, so over many ids the share selected is the rate within
 * binomial error, whatever the ids look like. Monotone: an id selected at
 * one rate is selected at every higher rate with the same seed. A new seed
 * gives an independent draw (use one per audit period).
 */
RECERT_API int recert_audit_select(const char *id, uint32_t rate_ppm, uint64_t seed);

#ifdef __cplusplus
}
#endif

#endif /* RECERT_AUDIT_H */

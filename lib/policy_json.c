/*
 * Reading a policy document (docs/format.md "Policy document"). Every check of
 * the format is here; the rules that use the values are in evaluate.c.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "json_reader.h"

static const char *const policy_members[] = {
    "recert", "id", "organization", "name", "source", "checked", "currency", "unit", "cycle",
    "credits_required", "credit_grace_days", "cpr_aed", "unapproved_credits", "exam_path",
    "combine_group", "fees", "late_windows", "final_deadline", "audit", "waivers", "categories", "proration",
    "versions", NULL};

/* An offset {years, months, days} (docs/format.md). 1 read, 0 absent/null, -1 bad. */
static int read_offset(rc_reader *rd, const json_t *obj, const char *key, rc_offset *out)
{
    static const char *const known[] = {"years", "months", "days", NULL};
    const json_t *v = json_object_get(obj, key);
    if (!v || json_is_null(v))
        return 0;
    size_t saved = rd_push_key(rd, key);
    int result = -1;
    if (rd_object(rd, v, known, NULL)) {
        int64_t y = 0, m = 0, d = 0;
        int a = rd_int(rd, v, "years", false, -1000, 1000, &y);
        int b = rd_int(rd, v, "months", false, -12000, 12000, &m);
        int c = rd_int(rd, v, "days", false, -366000, 366000, &d);
        if (a >= 0 && b >= 0 && c >= 0) {
            out->years = (int)y;
            out->months = (int)m;
            out->days = (int)d;
            result = 1;
        }
    }
    rd_pop(rd, saved);
    return result;
}

/* A policy amount in its unit, with up to 6 decimals, on the 0.01-hour grid
 * once converted (docs/rules.md §2: "a policy amount ... that does not fall on it
 * is an error in the policy"). */
static int read_policy_amount(rc_reader *rd, const json_t *obj, const char *key, bool required, int64_t per_hour,
                              int64_t *centihours)
{
    int64_t micro = 0;
    int st = rd_decimal(rd, obj, key, required, 6, &micro, NULL);
    if (st <= 0)
        return st;
    if (micro < 0) {
        rd_error_key(rd, key, RECERT_EDATA, "must not be negative");
        return -1;
    }
    if (per_hour <= 0)
        return -1; /* the unit's error is reported already */
    /* hours = micro / per_hour; centihours = 100 * micro / per_hour */
    int64_t num = micro * 100; /* micro <= 10^15: no overflow */
    if (num % per_hour != 0) {
        const json_t *v = json_object_get(obj, key);
        char t[128];
        rd_value_text(t, sizeof t, v);
        rd_error_key(rd, key, RECERT_EDATA, "%s is not a whole number of hundredths of a contact hour", t);
        return -1;
    }
    *centihours = (int64_t)(num / per_hour);
    return 1;
}

/* A required string that every report line repeats (a unit, a currency, a
 * late window's tier, a category id): at most RC_MAX_NAME_BYTES, so that a
 * report stays within a small factor of its input (docs/format.md
 * "Limits", issue 13). As rd_string otherwise; -1 past the limit. */
static int rd_name(rc_reader *rd, const json_t *obj, const char *key, char **out)
{
    int st = rd_string(rd, obj, key, true, out);
    if (st > 0 && strlen(*out) > RC_MAX_NAME_BYTES) {
        rd_error_key(rd, key, RECERT_ELIMIT, "a name of %zu bytes is longer than the limit of %d bytes",
                     strlen(*out), RC_MAX_NAME_BYTES);
        return -1;
    }
    return st;
}

static int read_unit(rc_reader *rd, const json_t *obj, recert_policy *p)
{
    static const char *const known[] = {"name", "per_hour", NULL};
    const json_t *u = json_object_get(obj, "unit");
    if (!u || json_is_null(u)) {
        rd_error_key(rd, "unit", RECERT_EDATA, "missing member");
        return -1;
    }
    size_t saved = rd_push_key(rd, "unit");
    int ok = -1;
    if (rd_object(rd, u, known, NULL)) {
        int a = rd_name(rd, u, "name", &p->unit);
        int64_t micro = 0;
        int b = rd_decimal(rd, u, "per_hour", true, 6, &micro, NULL);
        if (a > 0 && p->unit[0] == '\0') {
            rd_error_key(rd, "name", RECERT_EDATA, "must not be empty");
            a = -1;
        }
        if (b > 0 && micro <= 0) {
            rd_error_key(rd, "per_hour", RECERT_EDATA, "must be greater than 0");
            b = -1;
        }
        if (a > 0 && b > 0) {
            int64_t standard = recert_unit_standard_per_hour(p->unit);
            if (standard && standard != micro) {
                rd_error_key(rd, "per_hour", RECERT_EDATA,
                             "the standard unit \"%s\" has per_hour %s", p->unit,
                             standard == RECERT_PER_HOUR_CEU ? "0.1" : "1");
            } else {
                p->per_hour = micro;
                ok = 1;
            }
        }
    }
    rd_pop(rd, saved);
    return ok;
}

static int read_cycle(rc_reader *rd, const json_t *obj, recert_policy *p)
{
    static const char *const known[] = {"years", "expires", "ends", NULL};
    static const char *const kinds[] = {"anniversary", "year_end", "fixed", NULL};
    const json_t *c = json_object_get(obj, "cycle");
    if (!c || json_is_null(c)) {
        rd_error_key(rd, "cycle", RECERT_EDATA, "missing member");
        return -1;
    }
    size_t saved = rd_push_key(rd, "cycle");
    int ok = -1;
    if (rd_object(rd, c, known, NULL)) {
        int64_t years = 0;
        int kind = 0;
        int a = rd_int(rd, c, "years", true, 1, 100, &years);
        int b = rd_enum(rd, c, "expires", true, kinds, &kind);
        /* §3a: "ends" names one end of the fixed periods, only for "fixed". */
        int e = rd_date(rd, c, "ends", b > 0 && kind == RECERT_CYCLE_FIXED, &p->cycle_ends);
        if (e > 0 && b > 0 && kind != RECERT_CYCLE_FIXED) {
            rd_error_key(rd, "ends", RECERT_EDATA, "only a \"fixed\" cycle has period ends");
            e = -1;
        }
        if (a > 0 && b > 0 && e >= 0) {
            p->cycle_years = (int)years;
            p->cycle_kind = (recert_cycle_kind)kind;
            ok = 1;
        }
    }
    rd_pop(rd, saved);
    return ok;
}

static void read_cpr(rc_reader *rd, const json_t *obj, recert_policy *p)
{
    static const char *const known[] = {"required", "credit", "valid_days_after", NULL};
    const json_t *c = json_object_get(obj, "cpr_aed");
    if (!c || json_is_null(c))
        return;
    size_t saved = rd_push_key(rd, "cpr_aed");
    if (rd_object(rd, c, known, NULL)) {
        rd_bool(rd, c, "required", false, &p->cpr_required);
        if (read_policy_amount(rd, c, "credit", false, p->per_hour, &p->cpr_credit) > 0 && !p->cpr_required &&
            p->cpr_credit > 0)
            rd_error_key(rd, "credit", RECERT_EDATA,
                         "a policy that does not require CPR/AED gives no CPR/AED credit");
        int64_t days = 0;
        if (rd_int(rd, c, "valid_days_after", false, 0, 36600, &days) > 0)
            p->cpr_valid_days = (int32_t)days;
    }
    rd_pop(rd, saved);
}

static void read_fees(rc_reader *rd, const json_t *obj, recert_policy *p)
{
    static const char *const known[] = {"renewal_cents", "petition_cents", "combine_extra_cents", NULL};
    const json_t *f = json_object_get(obj, "fees");
    if (!f || json_is_null(f))
        return;
    size_t saved = rd_push_key(rd, "fees");
    if (rd_object(rd, f, known, NULL)) {
        const int64_t max = 100000000000LL; /* a billion dollars */
        rd_int(rd, f, "renewal_cents", false, 0, max, &p->renewal_cents);
        rd_int(rd, f, "petition_cents", false, 0, max, &p->petition_cents);
        rd_int(rd, f, "combine_extra_cents", false, 0, max, &p->combine_extra_cents);
    }
    rd_pop(rd, saved);
}

/* The prologue of an array member of objects: the array (at most max
 * items) and a zeroed element array of its size in *items, with the path
 * pushed to key (restore with rd_pop(rd, *saved)). NULL when the member is
 * absent, bad or out of memory (nothing pushed then). */
static const json_t *array_items(rc_reader *rd, const json_t *obj, const char *key, size_t max, size_t size,
                                 void **items, size_t *saved)
{
    const json_t *a = rd_array(rd, obj, key, max);
    if (!a)
        return NULL;
    size_t n = json_array_size(a);
    *items = n ? calloc(n, size) : NULL;
    if (n && !*items) {
        rd_nomem(rd);
        return NULL;
    }
    *saved = rd_push_key(rd, key);
    return a;
}

static void read_late_windows(rc_reader *rd, const json_t *obj, recert_policy *p)
{
    static const char *const known[] = {"tier", "through", "fee_cents", NULL};
    size_t saved, n;
    void *items = NULL;
    const json_t *a = array_items(rd, obj, "late_windows", 64, sizeof *p->late, &items, &saved);
    if (!a)
        return;
    p->late = items;
    n = json_array_size(a);
    for (size_t i = 0; i < n; i++) {
        const json_t *w = json_array_get(a, i);
        size_t s2 = rd_push_index(rd, i);
        rc_late_window *lw = &p->late[i];
        p->late_n = i + 1;
        if (rd_object(rd, w, known, NULL)) {
            if (rd_name(rd, w, "tier", &lw->tier) > 0) {
                if (!strcmp(lw->tier, "on_time") || !strcmp(lw->tier, "closed") || !lw->tier[0])
                    rd_error_key(rd, "tier", RECERT_EDATA, "a late window may not be named \"%s\"", lw->tier);
                for (size_t j = 0; j < i; j++)
                    if (p->late[j].tier && !strcmp(p->late[j].tier, lw->tier))
                        rd_error_key(rd, "tier", RECERT_EDATA, "tier \"%s\" is named twice", lw->tier);
            }
            lw->has_through = read_offset(rd, w, "through", &lw->through) > 0;
            if (!lw->has_through && i + 1 < n)
                rd_error_key(rd, "through", RECERT_EDATA,
                             "only the last late window may run to the final deadline (through null)");
            rd_int(rd, w, "fee_cents", false, 0, 100000000000LL, &lw->fee_cents);
        }
        rd_pop(rd, s2);
    }
    rd_pop(rd, saved);
}

static void read_audit(rc_reader *rd, const json_t *obj, recert_policy *p)
{
    static const char *const known[] = {"documents_days", NULL};
    const json_t *a = json_object_get(obj, "audit");
    if (!a || json_is_null(a))
        return;
    size_t saved = rd_push_key(rd, "audit");
    if (rd_object(rd, a, known, NULL)) {
        int64_t days = 0;
        if (rd_int(rd, a, "documents_days", true, 0, 36600, &days) > 0) {
            p->audit = true;
            p->documents_days = (int32_t)days;
        }
    }
    rd_pop(rd, saved);
}

static void read_waivers(rc_reader *rd, const json_t *obj, recert_policy *p)
{
    static const char *const known[] = {"id", "accepts", "from", "through", NULL};
    static const char *const accepts[] = {"online_cpr_aed", NULL};
    size_t saved, n;
    void *items = NULL;
    const json_t *a = array_items(rd, obj, "waivers", 256, sizeof *p->waivers, &items, &saved);
    if (!a)
        return;
    p->waivers = items;
    n = json_array_size(a);
    for (size_t i = 0; i < n; i++) {
        const json_t *w = json_array_get(a, i);
        size_t s2 = rd_push_index(rd, i);
        rc_waiver *wv = &p->waivers[i];
        wv->from = wv->through = RECERT_DAY_NONE;
        p->waiver_n = i + 1;
        if (rd_object(rd, w, known, NULL)) {
            int kind = 0;
            rd_string(rd, w, "id", false, &wv->id);
            rd_enum(rd, w, "accepts", true, accepts, &kind);
            rd_date(rd, w, "from", true, &wv->from);
            rd_date(rd, w, "through", false, &wv->through);
            if (wv->from != RECERT_DAY_NONE && wv->through != RECERT_DAY_NONE && wv->through < wv->from)
                rd_error_key(rd, "through", RECERT_EDATA, "the waiver ends before it starts");
        }
        rd_pop(rd, s2);
    }
    rd_pop(rd, saved);
}

/* §4a: credit categories with their minimums and maximums. */
static void read_categories(rc_reader *rd, const json_t *obj, recert_policy *p)
{
    static const char *const known[] = {"id", "name", "min", "max", NULL};
    size_t saved, n;
    void *items = NULL;
    const json_t *a = array_items(rd, obj, "categories", RC_MAX_CATEGORIES, sizeof *p->cat, &items, &saved);
    if (!a)
        return;
    p->cat = items;
    n = json_array_size(a);
    for (size_t i = 0; i < n; i++) {
        const json_t *c = json_array_get(a, i);
        size_t s2 = rd_push_index(rd, i);
        rc_category *k = &p->cat[i];
        k->max = -1;
        p->cat_n = i + 1;
        if (rd_object(rd, c, known, NULL)) {
            char *name = NULL;
            if (rd_name(rd, c, "id", &k->id) > 0) {
                if (!k->id[0])
                    rd_error_key(rd, "id", RECERT_EDATA, "must not be empty");
                for (size_t j = 0; j < i; j++)
                    if (p->cat[j].id && rc_strcasecmp(p->cat[j].id, k->id) == 0)
                        rd_error_key(rd, "id", RECERT_EDATA, "category \"%s\" is named twice", k->id);
            }
            rd_string(rd, c, "name", false, &name);
            free(name);
            read_policy_amount(rd, c, "min", false, p->per_hour, &k->min);
            if (read_policy_amount(rd, c, "max", false, p->per_hour, &k->max) > 0 && k->max < k->min)
                rd_error_key(rd, "max", RECERT_EDATA, "is below the category's min");
        }
        rd_pop(rd, s2);
    }
    rd_pop(rd, saved);
}

/* §3b: the requirement of a first cycle that starts after its period. */
static void read_proration(rc_reader *rd, const json_t *obj, recert_policy *p)
{
    static const char *const known[] = {"from", "credits_required", NULL};
    size_t saved, n;
    void *items = NULL;
    const json_t *a = array_items(rd, obj, "proration", 64, sizeof *p->pro, &items, &saved);
    if (!a)
        return;
    p->pro = items;
    n = json_array_size(a);
    int32_t ref = 0, prev = RECERT_DAY_NONE;
    recert_date_from_ymd(&ref, 2001, 1, 1);
    for (size_t i = 0; i < n; i++) {
        const json_t *st = json_array_get(a, i);
        size_t s2 = rd_push_index(rd, i);
        rc_prorate *r = &p->pro[i];
        p->pro_n = i + 1;
        if (rd_object(rd, st, known, NULL)) {
            int got = read_offset(rd, st, "from", &r->from);
            if (got == 0)
                rd_error_key(rd, "from", RECERT_EDATA, "missing member");
            read_policy_amount(rd, st, "credits_required", true, p->per_hour, &r->required);
            int32_t day;
            if (got > 0) {
                if (rc_date_add(&day, ref, r->from.years, r->from.months, r->from.days) != RECERT_OK)
                    rd_error_key(rd, "from", RECERT_EDATA, "is out of range");
                else if (prev != RECERT_DAY_NONE && day <= prev)
                    rd_error_key(rd, "from", RECERT_EDATA, "steps must come in increasing order of from");
                else
                    prev = day;
            }
        }
        rd_pop(rd, s2);
    }
    rd_pop(rd, saved);
}

/* RFC 7386 JSON merge patch of patch (an object) into target (an object):
 * members merge recursively into objects, other values replace, null
 * removes. skip: a member of the top patch object that is not policy data.
 * false: out of memory. */
static bool merge_patch(json_t *target, const json_t *patch, const char *skip)
{
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)patch, key, v) {
        if (skip && strcmp(key, skip) == 0)
            continue;
        if (json_is_null(v)) {
            json_object_del(target, key);
            continue;
        }
        json_t *t = json_object_get(target, key);
        json_t *nv;
        if (json_is_object(v)) {
            nv = t && json_is_object(t) ? json_deep_copy(t) : json_object();
            if (nv && !merge_patch(nv, v, NULL)) {
                json_decref(nv);
                return false;
            }
        } else {
            nv = json_deep_copy(v);
        }
        if (!nv || json_object_set_new(target, key, nv) != 0)
            return false;
    }
    return true;
}

int rc_policy_read(rc_reader *rd, const json_t *obj, bool inside_records, recert_policy **out);

/* A version's string s: the previous policy's when equal (freed), else
 * kept in the base's pool. false: no memory (s freed, *slot NULL). */
static bool share_string(recert_policy *base, char **slot, const char *prev)
{
    char *s = *slot;
    if (!s)
        return true;
    if (prev && strcmp(s, prev) == 0) {
        free(s);
        *slot = (char *)prev;
        return true;
    }
    char **v = realloc(base->pool, (base->pool_n + 1) * sizeof *v);
    if (!v) {
        free(s);
        *slot = NULL;
        return false;
    }
    base->pool = v;
    base->pool[base->pool_n++] = s;
    return true;
}

/* Make version v (just read, owning its strings) share them with prev, the
 * policy before it, and hand the rest to base's pool; v then owns none. Its
 * document is made on request: v->json is dropped. false: no memory. */
static bool share_version(recert_policy *base, recert_policy *v, const recert_policy *prev)
{
    bool ok = true;
    ok &= share_string(base, &v->id, prev->id);
    ok &= share_string(base, &v->organization, prev->organization);
    ok &= share_string(base, &v->name, prev->name);
    ok &= share_string(base, &v->source, prev->source);
    ok &= share_string(base, &v->currency, prev->currency);
    ok &= share_string(base, &v->unit, prev->unit);
    ok &= share_string(base, &v->combine_group, prev->combine_group);
    for (size_t i = 0; i < v->late_n; i++)
        ok &= share_string(base, &v->late[i].tier, i < prev->late_n ? prev->late[i].tier : NULL);
    for (size_t i = 0; i < v->waiver_n; i++)
        ok &= share_string(base, &v->waivers[i].id, i < prev->waiver_n ? prev->waivers[i].id : NULL);
    for (size_t i = 0; i < v->cat_n; i++)
        ok &= share_string(base, &v->cat[i].id, i < prev->cat_n ? prev->cat[i].id : NULL);
    v->base = base;
    free(v->json);
    v->json = NULL;
    return ok;
}

char *rc_policy_version_json(const recert_policy *v)
{
    const recert_policy *base = v->base;
    json_t *merged = rc_json_parse_own(base->json);
    if (!merged)
        return NULL;
    json_t *versions = json_object_get(merged, "versions");
    bool ok = versions != NULL;
    if (ok)
        json_incref(versions);
    json_object_del(merged, "versions");
    /* the versions 0..ver_index that were read (those with errors are not
     * there: a policy is made from a valid document only) */
    for (size_t i = 0; ok && i <= v->ver_index; i++)
        ok = merge_patch(merged, json_array_get(versions, i), "effective");
    char *out = ok ? rd_dump(merged) : NULL;
    json_decref(versions);
    json_decref(merged);
    return out;
}

/* §11a: each version is the base with the versions up to it merged in, read
 * as a complete policy under "versions[i]". */
static void read_versions(rc_reader *rd, const json_t *obj, recert_policy *p)
{
    static const char *const fixed[] = {"id", "unit", "cycle", "versions", "recert", NULL};
    static const char *const why[] = {"it names the whole policy", "credits are converted with one unit",
                                      "the cycle decides which version applies", "versions do not nest",
                                      "it belongs to the whole document"};
    const json_t *a = rd_array(rd, obj, "versions", 64);
    if (!a)
        return;
    size_t saved = rd_push_key(rd, "versions");
    size_t n = json_array_size(a);
    p->ver = n ? calloc(n, sizeof *p->ver) : NULL;
    json_t *merged = json_deep_copy(obj);
    if ((n && !p->ver) || !merged) {
        json_decref(merged);
        rd_nomem(rd);
        rd_pop(rd, saved);
        return;
    }
    json_object_del(merged, "versions");
    json_object_del(merged, "recert");
    int32_t prev = RECERT_DAY_NONE;
    for (size_t i = 0; i < n && !rd->oom; i++) {
        const json_t *v = json_array_get(a, i);
        size_t s2 = rd_push_index(rd, i);
        if (!json_is_object(v)) {
            rd_error_at(rd, RECERT_EDATA, "must be an object (a partial policy with \"effective\")");
            rd_pop(rd, s2);
            continue;
        }
        bool ok = true;
        for (int f = 0; fixed[f]; f++)
            if (json_object_get(v, fixed[f])) {
                rd_error_key(rd, fixed[f], RECERT_EDATA, "a version cannot give \"%s\": %s", fixed[f], why[f]);
                ok = false;
            }
        int32_t eff = RECERT_DAY_NONE;
        if (rd_date(rd, v, "effective", true, &eff) <= 0) {
            ok = false;
        } else if (prev != RECERT_DAY_NONE && eff <= prev) {
            rd_error_key(rd, "effective", RECERT_EDATA, "versions must come in increasing order of effective");
            ok = false;
        }
        if (ok) {
            prev = eff;
            if (!merge_patch(merged, v, "effective")) {
                rd_nomem(rd);
            } else if (rc_policy_read(rd, merged, true, &p->ver[p->ver_n]) == RECERT_OK) {
                recert_policy *nv = p->ver[p->ver_n];
                nv->effective = eff;
                nv->ver_index = p->ver_n;
                p->ver_n++;
                if (!share_version(p, nv, p->ver_n > 1 ? p->ver[p->ver_n - 2] : p))
                    rd_nomem(rd);
            }
        }
        rd_pop(rd, s2);
    }
    json_decref(merged);
    rd_pop(rd, saved);
}

int rc_policy_read(rc_reader *rd, const json_t *obj, bool inside_records, recert_policy **out)
{
    static const char *const unapproved[] = {"accepted", "petition", NULL};
    *out = NULL;
    size_t errors_before = rd->count;
    if (!rd_object(rd, obj, policy_members + (inside_records ? 1 : 0), NULL))
        return RECERT_EDATA;
    recert_policy *p = calloc(1, sizeof *p);
    if (!p)
        return rd_nomem(rd);
    p->checked = p->cycle_ends = p->effective = RECERT_DAY_NONE;

    if (!inside_records) {
        int64_t version = 0;
        if (rd_int(rd, obj, "recert", false, INT64_MIN, INT64_MAX, &version) > 0 && version != 1)
            rd_error_key(rd, "recert", RECERT_EDATA, "unsupported format version %lld (this library reads 1)",
                         (long long)version);
    }
    if (rd_string(rd, obj, "id", true, &p->id) > 0 && !p->id[0])
        rd_error_key(rd, "id", RECERT_EDATA, "must not be empty");
    rd_string(rd, obj, "organization", true, &p->organization);
    rd_string(rd, obj, "name", true, &p->name);
    rd_string(rd, obj, "source", false, &p->source);
    rd_date(rd, obj, "checked", false, &p->checked);
    rd_name(rd, obj, "currency", &p->currency);
    read_unit(rd, obj, p);
    read_cycle(rd, obj, p);
    read_policy_amount(rd, obj, "credits_required", true, p->per_hour, &p->required);
    int64_t grace = 0;
    if (rd_int(rd, obj, "credit_grace_days", false, 0, 36600, &grace) > 0)
        p->grace_days = (int32_t)grace;
    read_cpr(rd, obj, p);
    int ua = 0;
    if (rd_enum(rd, obj, "unapproved_credits", false, unapproved, &ua) > 0)
        p->unapproved = ua ? RECERT_UNAPPROVED_PETITION : RECERT_UNAPPROVED_ACCEPTED;
    rd_bool(rd, obj, "exam_path", false, &p->exam_path);
    if (rd_string(rd, obj, "combine_group", false, &p->combine_group) > 0 && !p->combine_group[0])
        rd_error_key(rd, "combine_group", RECERT_EDATA, "must not be empty (use null for none)");
    read_fees(rd, obj, p);
    read_late_windows(rd, obj, p);
    p->has_final = read_offset(rd, obj, "final_deadline", &p->final_deadline) > 0;
    if (p->late_n && !p->has_final)
        rd_error_key(rd, "final_deadline", RECERT_EDATA, "late windows need a final_deadline");
    if (!p->late_n && p->has_final)
        rd_error_key(rd, "late_windows", RECERT_EDATA, "a final_deadline needs late windows");
    read_audit(rd, obj, p);
    read_waivers(rd, obj, p);
    read_categories(rd, obj, p);
    read_proration(rd, obj, p);
    if (rd->count == errors_before && !rd->oom)
        read_versions(rd, obj, p); /* only over a valid base */

    if (rd->count != errors_before || rd->oom) {
        rc_policy_destroy(p);
        free(p);
        return rd->first_code ? rd->first_code : RECERT_EDATA;
    }
    /* Keep the document as given: export writes it back unchanged. */
    json_t *copy = json_deep_copy(obj);
    if (copy) {
        json_object_del(copy, "recert");
        p->json = rd_dump(copy);
        json_decref(copy);
    }
    if (!p->json) {
        rc_policy_destroy(p);
        free(p);
        return rd_nomem(rd);
    }
    *out = p;
    return RECERT_OK;
}

int recert_policy_from_json(recert_policy **out, const char *text, size_t len)
{
    if (!out)
        return rc_fail(RECERT_EINVAL, NULL, "out is NULL");
    *out = NULL;
    rc_reader rd;
    rd_init(&rd, false);
    json_t *root = NULL;
    int rc = rd_load(&rd, text, len, &root);
    if (rc == RECERT_OK) {
        rc = rc_policy_read(&rd, root, false, out);
        json_decref(root);
    }
    if (rc != RECERT_OK)
        rc = rd_finish(&rd);
    rd_free(&rd);
    return rc;
}

int recert_policy_to_json(char **out, const recert_policy *policy, unsigned flags)
{
    if (!out)
        return rc_fail(RECERT_EINVAL, NULL, "out is NULL");
    *out = NULL;
    if (!policy)
        return rc_fail(RECERT_EINVAL, NULL, "policy is NULL");
    char *made = NULL; /* a version's document is made on request */
    const char *json = policy->json ? policy->json : (made = rc_policy_version_json(policy));
    if (!json)
        return rc_oom();
    if (!(flags & RECERT_JSON_PRETTY)) {
        *out = made ? made : rc_strdup(json);
        return *out ? RECERT_OK : rc_oom();
    }
    json_t *v = rc_json_parse_own(json);
    free(made);
    if (!v)
        return rc_oom();
    *out = rd_dump_pretty(v);
    json_decref(v);
    return *out ? RECERT_OK : rc_oom();
}

int rc_catalog_add_all(recert_catalog *c, recert_policy **v, size_t n);

int recert_catalog_add_json(recert_catalog *catalog, const char *text, size_t len)
{
    if (!catalog)
        return rc_fail(RECERT_EINVAL, NULL, "catalog is NULL");
    rc_reader rd;
    rd_init(&rd, false);
    json_t *root = NULL;
    int rc = rd_load(&rd, text, len, &root);
    if (rc != RECERT_OK) {
        rd_free(&rd);
        return rc;
    }
    size_t n = json_is_array(root) ? json_array_size(root) : 1;
    recert_policy **v = calloc(n ? n : 1, sizeof *v);
    if (!v) {
        json_decref(root);
        rd_free(&rd);
        return rc_oom();
    }
    for (size_t i = 0; i < n; i++) {
        size_t saved = json_is_array(root) ? rd_push_index(&rd, i) : 0;
        const json_t *obj = json_is_array(root) ? json_array_get(root, i) : root;
        if (rc_policy_read(&rd, obj, false, &v[i]) != RECERT_OK && rc == RECERT_OK)
            rc = rd.first_code;
        rd_pop(&rd, saved);
    }
    json_decref(root);
    if (rd.count || rd.oom)
        rc = rd_finish(&rd);
    if (rc == RECERT_OK) {
        rc = rc_catalog_add_all(catalog, v, n); /* takes the policies over */
    } else {
        for (size_t i = 0; i < n; i++)
            recert_policy_free(v[i]);
    }
    free(v);
    rd_free(&rd);
    return rc;
}

int recert_catalog_to_json(char **out, const recert_catalog *catalog, unsigned flags)
{
    if (!out)
        return rc_fail(RECERT_EINVAL, NULL, "out is NULL");
    *out = NULL;
    if (!catalog)
        return rc_fail(RECERT_EINVAL, NULL, "catalog is NULL");
    rc_buf b = {0};
    rc_buf_putc(&b, '[');
    for (size_t i = 0; i < catalog->n; i++) {
        if (i)
            rc_buf_putc(&b, ',');
        rc_buf_puts(&b, catalog->pol[i]->json);
    }
    rc_buf_putc(&b, ']');
    char *compact;
    int rc = rc_buf_finish(&b, &compact);
    if (rc != RECERT_OK || !(flags & RECERT_JSON_PRETTY)) {
        *out = compact;
        return rc;
    }
    json_t *v = rc_json_parse_own(compact);
    free(compact);
    if (!v)
        return rc_oom();
    *out = rd_dump_pretty(v);
    json_decref(v);
    return *out ? RECERT_OK : rc_oom();
}

int recert_policies_json(char **out)
{
    if (!out)
        return rc_fail(RECERT_EINVAL, NULL, "out is NULL");
    *out = NULL;
    const recert_catalog *c;
    int rc = recert_catalog_default(&c);
    if (rc != RECERT_OK)
        return rc;
    return recert_catalog_to_json(out, c, 0);
}

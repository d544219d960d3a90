/*
 * The rules of docs/rules.md, one small case each, as a Check suite.
 *
 * Written from the spec alone (docs/rules.md, docs/format.md, docs/api.md), independently
 * of the engine's code: each test builds a small records document, evaluates
 * it with recert_evaluate_json() as of a day, parses the report with jansson
 * and asserts the members the rule decides. Each test's comment names its
 * docs/rules.md section and shows the dates worked out by hand.
 * The helpers (EVAL_DOC, EXPECT_*, ...) are in tests/rules_support.[ch],
 * shared with tests/test_policy_ext.c.
 *
 * Records are written as C string literals with ' in place of " (turned
 * back before evaluation) so that they stay readable.
 *
 * Common cases, worked out once:
 *   NASM credential "nasm": certified 2022-06-30, cycle_start 2024-06-30
 *     S = 2024-06-30, E = S + 2y = 2026-06-30,
 *     credit_deadline = E + 90 = 2026-09-28 (Jul 31 days, Aug 31, +28),
 *     late window 1: 2026-07-01 .. 2026-09-28 (E + 90), $30,
 *     late window 2: 2026-09-29 (E + 91) .. 2027-06-29 (E + 1y - 1d), $50,
 *     closed from 2027-06-30 (E + 1y).
 *   FULL credits: k1 1.0 CEU (2024-09-01) + k2 9 h = 0.9 CEU (2025-03-10)
 *     = 1.9 CEU, + 0.1 for a current CPR/AED = 2.0 of 2.0.
 *   CPR: hands-on, completed 2025-01-15, expires 2027-07-15 (after every T
 *     used with it, and after E, so no cpr_aed_expires_before_deadline).
 *   ACSM credential certified 2023-05-10: S = 2023-05-10,
 *     S + 3y - 1d = 2026-05-09, Dec 31 of 2026 -> E = 2026-12-31 = final
 *     deadline (no late window), grace 0.
 *
 * SPDX-License-Identifier: MIT
 */
#include "recert.h"
#include "rules_support.h"

#include <check.h>
#include <jansson.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- record pieces (quotes as ') ---------------------------------------- */

#define CPR "'cpr_aed':{'completed':'2025-01-15','expires':'2027-07-15'},"
#define NOCPR ""
#define NASM(extra) \
    "'credentials':[{'id':'nasm','policy':'nasm-cpt','certified':'2022-06-30','cycle_start':'2024-06-30'" extra "}],"
#define CREDITS(list) "'credits':[" list "]"
#define FULL \
    "{'id':'k1','completed':'2024-09-01','amount':1.0,'unit':'ceu'}," \
    "{'id':'k2','completed':'2025-03-10','hours':9}"
/* One holder with the NASM credential. */
#define NASM_H(cpr, extra, credits) "{'id':'h1'," cpr NASM(extra) CREDITS(credits) "}"
#define APP(received) ",'application':{'received':'" received "'}"
#define NOTPRE(id, completed, hours, more) \
    "{'id':'" id "','completed':'" completed "','hours':" hours ",'approval':'not_preapproved'" more "}"
#define PET(filed, status, more) ",'petition':{'filed':'" filed "','status':'" status "'" more "}"

/* An ACSM credential. */
#define ACRED(id, policy, certified, extra) \
    "{'id':'" id "','policy':'" policy "','certified':'" certified "'" extra "}"
#define HOURS(id, completed, hours) "{'id':'" id "','completed':'" completed "','hours':" hours "}"

/* A user policy: unit CEU (0.1 per hour), 2-year anniversary cycle, credit
 * requirement `req`, then the members given in `more`. */
#define UPOL(id, req, more)                                                                              \
    "{'id':'" id "','organization':'Test','name':'Test " id "','currency':'USD',"                        \
    "'unit':{'name':'CEU','per_hour':0.1},'cycle':{'years':2,'expires':'anniversary'},'credits_required':" \
    req more "}"

/* ==== §1 Calendar and time =============================================== */

/* §1 nothing after T: k1 (19 h = 1.9 CEU) completed 2026-05-02 is ignored as of
 * 2026-05-01 (counted [], earned = CPR 0.1 only, no notice: it is not after
 * E + 90 = 2026-09-28) and counts as of 2026-05-02 (the window ends at T,
 * inclusive): 1.9 + 0.1 = 2.0, eligible. */
START_TEST(s1_credit_after_T_ignored)
{
    EVAL_H("2026-05-01", NASM_H(CPR, "", HOURS("k1", "2026-05-02", "19")));
    EXPECT_IDS(C(0), "credits.counted", "");
    EXPECT_AMT(C(0), "credits.earned", "0.1");
    EXPECT_AMT(C(0), "credits.pending", "0.0");
    EXPECT_STR(C(0), "status", "in_progress");
    EXPECT_NOTICES(C(0), "");
    EVAL_H("2026-05-02", NASM_H(CPR, "", HOURS("k1", "2026-05-02", "19")));
    EXPECT_IDS(C(0), "credits.counted", "k1");
    EXPECT_AMT(C(0), "credits.earned", "2.0");
    EXPECT_STR(C(0), "status", "eligible");
}
END_TEST

/* §1 nothing after T / §5: the only CPR/AED was completed 2026-05-02; as of
 * 2026-05-01 there is no record completed by R = T: missing, expires null,
 * earned 1.9 (no CPR/AED credit), no path. As of 2026-05-02: current. */
START_TEST(s1_cpr_after_T_ignored)
{
    EVAL_H("2026-05-01",
           NASM_H("'cpr_aed':{'completed':'2026-05-02','expires':'2028-05-02'},", "", FULL));
    EXPECT_STR(C(0), "credits.cpr_aed", "missing");
    EXPECT_NULL(C(0), "dates.cpr_aed_expires");
    EXPECT_AMT(C(0), "credits.earned", "1.9");
    EXPECT_NULL(C(0), "path");
    EVAL_H("2026-05-02",
           NASM_H("'cpr_aed':{'completed':'2026-05-02','expires':'2028-05-02'},", "", FULL));
    EXPECT_STR(C(0), "credits.cpr_aed", "current");
    EXPECT_STR(C(0), "dates.cpr_aed_expires", "2028-05-02");
    EXPECT_STR(C(0), "path", "credits");
}
END_TEST

/* §1: an application received 2026-06-01 has not happened as of 2026-05-31
 * (eligible: T <= E, path met) and has as of 2026-06-01 (submitted). */
START_TEST(s1_application_after_T_ignored)
{
    EVAL_H("2026-05-31", NASM_H(CPR, APP("2026-06-01"), FULL));
    EXPECT_STR(C(0), "status", "eligible");
    EVAL_H("2026-06-01", NASM_H(CPR, APP("2026-06-01"), FULL));
    EXPECT_STR(C(0), "status", "submitted");
}
END_TEST

/* §1: accepted on 2026-06-10 (received 2026-06-01): as of 2026-06-09 the
 * decision has not happened (submitted, no next_cycle); as of 2026-06-10
 * renewed with next_cycle. */
START_TEST(s1_acceptance_after_T_ignored)
{
#define ACC ",'application':{'received':'2026-06-01','decision':'accepted','decided':'2026-06-10'}"
    EVAL_H("2026-06-09", NASM_H(CPR, ACC, FULL));
    EXPECT_STR(C(0), "status", "submitted");
    EXPECT_ABSENT(C(0), "next_cycle");
    EVAL_H("2026-06-10", NASM_H(CPR, ACC, FULL));
    EXPECT_STR(C(0), "status", "renewed");
    EXPECT_STR(C(0), "next_cycle.cycle_start", "2026-06-30");
#undef ACC
}
END_TEST

/* §1, §7: received 2026-07-05 (E + 5, late window 1), rejected on
 * 2026-10-01. As of 2026-09-30 the rejection has not happened: submitted,
 * R = 2026-07-05 -> tier late ($30). As of 2026-10-01 it is as if none was
 * received: R = T = 2026-10-01 = E + 93 > E + 90 -> late_additional ($50),
 * status late (E < T <= final deadline, 1.9 CEU met). */
START_TEST(s1_rejection_after_T_ignored)
{
#define REJ ",'application':{'received':'2026-07-05','decision':'rejected','decided':'2026-10-01'}"
    EVAL_H("2026-09-30", NASM_H(CPR, REJ, FULL));
    EXPECT_STR(C(0), "status", "submitted");
    EXPECT_FEES(C(0), "late", 9900, 3000);
    EVAL_H("2026-10-01", NASM_H(CPR, REJ, FULL));
    EXPECT_STR(C(0), "status", "late");
    EXPECT_FEES(C(0), "late_additional", 9900, 5000);
#undef REJ
}
END_TEST

/* §1, §4: p1 (19 h, not preapproved, completed 2025-01-05) petitioned on
 * 2025-06-10 and approved 2025-06-20. As of 2025-06-09 no petition is filed
 * by T: petition_required, nothing counted or pending, no petition fee. */
START_TEST(s1_petition_filed_after_T_ignored)
{
    EVAL_H("2025-06-09", NASM_H(CPR, "",
           NOTPRE("p1", "2025-01-05", "19", PET("2025-06-10", "approved", ",'decided':'2025-06-20'"))));
    EXPECT_IDS(C(0), "credits.counted", "");
    EXPECT_AMT(C(0), "credits.pending", "0.0");
    EXPECT_INT(C(0), "fees.petition_cents", 0);
    EXPECT_NOTICES(C(0), "petition_required:p1");
}
END_TEST

/* §1, §4: filed 2025-01-20, approved on 2025-06-20: as of 2025-06-19 still
 * pending (1.9 pending, not earned); as of 2025-06-20 counted. */
START_TEST(s1_petition_approval_after_T_is_pending)
{
#define P NOTPRE("p1", "2025-01-05", "19", PET("2025-01-20", "approved", ",'decided':'2025-06-20'"))
    EVAL_H("2025-06-19", NASM_H(CPR, "", P));
    EXPECT_AMT(C(0), "credits.pending", "1.9");
    EXPECT_AMT(C(0), "credits.earned", "0.1");
    EXPECT_IDS(C(0), "credits.counted", "");
    EXPECT_NOTICES(C(0), "petition_pending:p1");
    EVAL_H("2025-06-20", NASM_H(CPR, "", P));
    EXPECT_AMT(C(0), "credits.pending", "0.0");
    EXPECT_AMT(C(0), "credits.earned", "2.0");
    EXPECT_IDS(C(0), "credits.counted", "p1");
    EXPECT_NOTICES(C(0), "");
#undef P
}
END_TEST

/* §1, §4: denied on 2025-06-20: as of 2025-06-19 pending; as of 2025-06-20
 * denied (never counts, nothing pending). */
START_TEST(s1_petition_denial_after_T_is_pending)
{
#define P NOTPRE("p1", "2025-01-05", "19", PET("2025-01-20", "denied", ",'decided':'2025-06-20'"))
    EVAL_H("2025-06-19", NASM_H(CPR, "", P));
    EXPECT_NOTICES(C(0), "petition_pending:p1");
    EXPECT_AMT(C(0), "credits.pending", "1.9");
    EVAL_H("2025-06-20", NASM_H(CPR, "", P));
    EXPECT_NOTICES(C(0), "petition_denied:p1");
    EXPECT_AMT(C(0), "credits.pending", "0.0");
    EXPECT_IDS(C(0), "credits.counted", "");
#undef P
}
END_TEST

/* §1: an undated petition outcome counts from the filing day 2025-01-20:
 * as of 2025-01-19 nothing is filed (petition_required), as of 2025-01-20
 * the approval stands (counted). */
START_TEST(s1_undated_petition_outcome_from_filing)
{
#define P NOTPRE("p1", "2025-01-05", "19", PET("2025-01-20", "approved", ""))
    EVAL_H("2025-01-19", NASM_H(CPR, "", P));
    EXPECT_NOTICES(C(0), "petition_required:p1");
    EXPECT_IDS(C(0), "credits.counted", "");
    EVAL_H("2025-01-20", NASM_H(CPR, "", P));
    EXPECT_IDS(C(0), "credits.counted", "p1");
    EXPECT_NOTICES(C(0), "");
#undef P
}
END_TEST

/* §1, §9: application received 2026-06-20, audit selected A = 2026-07-01.
 * As of 2026-06-30 no audit yet: none, documents_due null, no notice. As of
 * 2026-07-01: documents_due, due A + 30 = 2026-07-31. */
START_TEST(s1_audit_selection_after_T_ignored)
{
#define AU ",'application':{'received':'2026-06-20'},'audit':{'selected':'2026-07-01'}"
    EVAL_H("2026-06-30", NASM_H(CPR, AU, FULL));
    EXPECT_STR(C(0), "audit.state", "none");
    EXPECT_NULL(C(0), "audit.documents_due");
    EXPECT_NULL(C(0), "dates.audit_documents_due");
    EXPECT_NOTICES(C(0), "");
    EVAL_H("2026-07-01", NASM_H(CPR, AU, FULL));
    EXPECT_STR(C(0), "audit.state", "documents_due");
    EXPECT_STR(C(0), "audit.documents_due", "2026-07-31");
#undef AU
}
END_TEST

/* §1, §9: documents received 2026-07-10: as of 2026-07-09 still
 * documents_due, as of 2026-07-10 under_review. */
START_TEST(s1_documents_after_T_ignored)
{
#define AU ",'application':{'received':'2026-06-20'},'audit':{'selected':'2026-07-01','documents_received':'2026-07-10'}"
    EVAL_H("2026-07-09", NASM_H(CPR, AU, FULL));
    EXPECT_STR(C(0), "audit.state", "documents_due");
    EVAL_H("2026-07-10", NASM_H(CPR, AU, FULL));
    EXPECT_STR(C(0), "audit.state", "under_review");
#undef AU
}
END_TEST

/* §1, §9: outcome passed decided 2026-07-20: as of 2026-07-19 under_review
 * (documents 2026-07-10), as of 2026-07-20 passed. */
START_TEST(s1_audit_outcome_after_T_ignored)
{
#define AU                                                                                 \
    ",'application':{'received':'2026-06-20'},'audit':{'selected':'2026-07-01',"           \
    "'documents_received':'2026-07-10','outcome':'passed','decided':'2026-07-20'}"
    EVAL_H("2026-07-19", NASM_H(CPR, AU, FULL));
    EXPECT_STR(C(0), "audit.state", "under_review");
    EVAL_H("2026-07-20", NASM_H(CPR, AU, FULL));
    EXPECT_STR(C(0), "audit.state", "passed");
#undef AU
}
END_TEST

/* §1, §9: an outcome without `decided` counts from the selection day
 * 2026-07-01: as of 2026-06-30 none, as of 2026-07-01 failed. */
START_TEST(s1_undated_audit_outcome_from_selection)
{
#define AU ",'application':{'received':'2026-06-20'},'audit':{'selected':'2026-07-01','outcome':'failed'}"
    EVAL_H("2026-06-30", NASM_H(CPR, AU, FULL));
    EXPECT_STR(C(0), "audit.state", "none");
    EVAL_H("2026-07-01", NASM_H(CPR, AU, FULL));
    EXPECT_STR(C(0), "audit.state", "failed");
#undef AU
}
END_TEST

/* §1, §6: acsm-gei certified 2023-01-20: 2023-01-20 + 3y - 1d = 2026-01-19
 * -> E = 2026-12-31. Exam passed 2026-11-30: as of 2026-11-29 not yet (path
 * null, 45 CEC required, $45); as of 2026-11-30 the exam path (required 0,
 * no fee). */
START_TEST(s1_exam_after_T_ignored)
{
#define H "{'id':'h1'," CPR "'credentials':[" ACRED("gei", "acsm-gei", "2023-01-20", ",'exam':{'passed':'2026-11-30'}") "]}"
    EVAL_H("2026-11-29", H);
    EXPECT_NULL(C(0), "path");
    EXPECT_AMT(C(0), "credits.required", "45.0");
    EXPECT_INT(C(0), "fees.renewal_cents", 4500);
    EVAL_H("2026-11-30", H);
    EXPECT_STR(C(0), "path", "exam");
    EXPECT_AMT(C(0), "credits.required", "0.0");
    EXPECT_INT(C(0), "fees.renewal_cents", 0);
#undef H
}
END_TEST

/* §1, §8: an accepted application without `decided` counts from its receipt
 * 2026-06-01: as of 2026-05-31 eligible, as of 2026-06-01 renewed. */
START_TEST(s1_undated_decision_from_receipt)
{
#define ACC ",'application':{'received':'2026-06-01','decision':'accepted'}"
    EVAL_H("2026-05-31", NASM_H(CPR, ACC, FULL));
    EXPECT_STR(C(0), "status", "eligible");
    EVAL_H("2026-06-01", NASM_H(CPR, ACC, FULL));
    EXPECT_STR(C(0), "status", "renewed");
#undef ACC
}
END_TEST

/* §1 clamping: certified 2024-02-29, 2 years -> 2026-02-29 does not exist,
 * clamped to 2026-02-28 = E; final deadline {1y, -1d}: 2027-02-28 - 1d =
 * 2027-02-27; credit deadline E + 90 = 2026-05-29. */
START_TEST(s1_years_clamp_feb_29)
{
    EVAL_H("2025-01-01", "{'id':'h1'," CPR "'credentials':[{'id':'n','policy':'nasm-cpt','certified':'2024-02-29'}]}");
    EXPECT_STR(C(0), "dates.cycle_start", "2024-02-29");
    EXPECT_STR(C(0), "dates.expires", "2026-02-28");
    EXPECT_STR(C(0), "dates.final_deadline", "2027-02-27");
    EXPECT_STR(C(0), "dates.credit_deadline", "2026-05-29");
}
END_TEST

/* §1 offsets: final_deadline {1 year, 1 month} from E = 2024-02-29 adds 13
 * months together -> 2025-03-29 (no clamp needed), not 2025-02-28 + 1 month
 * = 2025-03-28. */
START_TEST(s1_offset_years_months_together)
{
    EVAL_DOC("2024-01-01",
             DOC(UPOL("lp", "1.0", ",'late_windows':[{'tier':'late','through':null,'fee_cents':100}],"
                                   "'final_deadline':{'years':1,'months':1}"),
                 "{'id':'h1','credentials':[{'id':'c','policy':'lp','certified':'2023-03-01',"
                 "'cycle_start':'2023-03-01','expires':'2024-02-29'}]}"));
    EXPECT_STR(C(0), "dates.expires", "2024-02-29");
    EXPECT_STR(C(0), "dates.final_deadline", "2025-03-29");
}
END_TEST

/* §1 offsets (docs/format.md): "six months after Dec 31" {months: 6} -> June 30:
 * year_end policy, certified 2023-05-10 -> E = 2026-12-31, final deadline
 * 2027-06-31 clamped = 2027-06-30. */
START_TEST(s1_offset_months_clamp)
{
    EVAL_DOC("2026-01-01",
             DOC("{'id':'ye','organization':'T','name':'T','currency':'USD','unit':{'name':'CEC','per_hour':1},"
                 "'cycle':{'years':3,'expires':'year_end'},'credits_required':10,"
                 "'late_windows':[{'tier':'late','through':null,'fee_cents':100}],'final_deadline':{'months':6}}",
                 "{'id':'h1','credentials':[{'id':'c','policy':'ye','certified':'2023-05-10'}]}"));
    EXPECT_STR(C(0), "dates.expires", "2026-12-31");
    EXPECT_STR(C(0), "dates.final_deadline", "2027-06-30");
    EXPECT_STR(C(0), "dates.late_fee_deadline", "2027-06-30");
}
END_TEST

/* §1: a reported date outside 1900..9999 is RECERT_ERANGE naming the
 * credential: certified 9998-06-01 + 2y = 10000-06-01. */
START_TEST(s1_date_out_of_range)
{
    EXPECT_ERROR_UNDER("{'recert':1,'holders':[{'id':'h1','credentials':[{'id':'n','policy':'nasm-cpt',"
                       "'certified':'9998-06-01'}]}]}",
                       RECERT_ERANGE, "holders[0].credentials[0]");
}
END_TEST

/* ==== §2 Amounts ========================================================= */

/* §2: 0.25 h = 0.025 CEU (NASM: 1 h = 0.1 CEU), reported with three
 * decimals: earned 0.025 + 0.1 CPR = 0.125, shortfall 1.9 - 0.025 = 1.875. */
START_TEST(s2_quarter_hour_is_0_025_ceu)
{
    EVAL_H("2025-06-01", NASM_H(CPR, "", HOURS("k1", "2025-01-01", "0.25")));
    EXPECT_AMT(C(0), "credits.earned", "0.125");
    EXPECT_AMT(C(0), "credits.shortfall", "1.875");
    EXPECT_AMT(C(0), "credits.required", "2.0");
}
END_TEST

/* §2: ceu = 10 h: ACSM acsm-cpt 4.5 ceu = 45 h = 45 CEC: eligible. */
START_TEST(s2_ceu_is_ten_hours)
{
    EVAL_H("2025-06-01", "{'id':'h1'," CPR "'credentials':[" ACRED("cpt", "acsm-cpt", "2023-05-10", "") "],"
           CREDITS("{'id':'a','completed':'2024-01-01','amount':4.5,'unit':'ceu'}") "}");
    EXPECT_AMT(C(0), "credits.earned", "45.0");
    EXPECT_STR(C(0), "path", "credits");
}
END_TEST

/* §2: cec = 1 h: NASM 19 cec = 19 h = 1.9 CEU, + 0.1 = 2.0: eligible. */
START_TEST(s2_cec_is_one_hour)
{
    EVAL_H("2025-06-01", NASM_H(CPR, "", "{'id':'k1','completed':'2025-01-01','amount':19,'unit':'cec'}"));
    EXPECT_AMT(C(0), "credits.earned", "2.0");
    EXPECT_STR(C(0), "status", "eligible");
}
END_TEST

/* §2: unit names compare case-insensitively: 1.0 "CEU" + 9 "Hours" =
 * 1.9 CEU. */
START_TEST(s2_unit_names_case_insensitive)
{
    EVAL_H("2025-06-01", NASM_H(CPR, "",
                                "{'id':'k1','completed':'2024-09-01','amount':1.0,'unit':'CEU'},"
                                "{'id':'k2','completed':'2025-03-10','amount':9,'unit':'Hours'}"));
    EXPECT_IDS(C(0), "credits.counted", "k1,k2");
    EXPECT_AMT(C(0), "credits.earned", "2.0");
}
END_TEST

/* §2: 18.9 h + 0.1 h is exactly 19 h = 1.9 CEU, + 0.1 CPR = exactly 2.0:
 * eligible, shortfall 0. */
START_TEST(s2_fixed_point_sum)
{
    EVAL_H("2025-06-01", NASM_H(CPR, "", HOURS("a", "2025-01-01", "18.9") "," HOURS("b", "2025-01-02", "0.1")));
    EXPECT_AMT(C(0), "credits.earned", "2.0");
    EXPECT_AMT(C(0), "credits.shortfall", "0.0");
    EXPECT_STR(C(0), "path", "credits");
    EXPECT_STR(C(0), "status", "eligible");
}
END_TEST

/* §2: nineteen entries of 0.1 CEU are exactly 1.9 CEU (a float sum would
 * not be), + 0.1 = 2.0; the report writes no float noise. */
START_TEST(s2_nineteen_tenths)
{
    static char doc[8192];
    size_t len;
    int i;

    len = (size_t)snprintf(doc, sizeof doc, "{'recert':1,'holders':[{'id':'h1'," CPR NASM("") "'credits':[");
    for (i = 0; i < 19; i++)
        len += (size_t)snprintf(doc + len, sizeof doc - len,
                                "%s{'id':'k%d','completed':'2025-01-%02d','amount':0.1,'unit':'ceu'}",
                                i ? "," : "", i, i + 1);
    snprintf(doc + len, sizeof doc - len, "]}]}");
    EVAL_DOC("2025-06-01", doc);
    EXPECT_AMT(C(0), "credits.earned", "2.0");
    EXPECT_AMT(C(0), "credits.shortfall", "0.0");
    EXPECT_STR(C(0), "status", "eligible");
    ck_assert_msg(strstr(g_raw, "9999") == NULL && strstr(g_raw, "0000001") == NULL,
                  "float noise in the report: %s", g_raw);
}
END_TEST

/* §2: each entry is converted and rounded down on its own. Policy unit
 * "pts", 3 per hour, requirement 3 pts = 1 h. Three entries of 1 pt: each
 * 1/3 h = 0.333.. h, rounded down to 0.33 h; sum 0.99 h = 2.97 pts (not
 * 3.0): shortfall 0.03, no path. CPR/AED not required by this policy. */
START_TEST(s2_custom_unit_rounds_down_per_entry)
{
    EVAL_DOC("2025-01-01",
             DOC("{'id':'pt','organization':'X','name':'Points','currency':'USD','unit':{'name':'pts','per_hour':3},"
                 "'cycle':{'years':2,'expires':'anniversary'},'credits_required':3}",
                 "{'id':'h1','credentials':[{'id':'c','policy':'pt','certified':'2024-01-01'}],'credits':["
                 "{'id':'a','completed':'2024-02-01','amount':1,'unit':'pts'},"
                 "{'id':'b','completed':'2024-03-01','amount':1,'unit':'PTS'},"
                 "{'id':'c','completed':'2024-04-01','amount':1,'unit':'Pts'}]}"));
    EXPECT_STR(C(0), "credits.unit", "pts");
    EXPECT_IDS(C(0), "credits.counted", "a,b,c");
    EXPECT_AMT(C(0), "credits.required", "3.0");
    EXPECT_AMT(C(0), "credits.earned", "2.97");
    EXPECT_AMT(C(0), "credits.shortfall", "0.03");
    EXPECT_NULL(C(0), "path");
    EXPECT_STR(C(0), "credits.cpr_aed", "not_required");
}
END_TEST

/* §2: hours in a custom-unit policy: 1 h = 3 pts = the requirement. */
START_TEST(s2_custom_unit_hours_entry)
{
    EVAL_DOC("2025-01-01",
             DOC("{'id':'pt','organization':'X','name':'Points','currency':'USD','unit':{'name':'pts','per_hour':3},"
                 "'cycle':{'years':2,'expires':'anniversary'},'credits_required':3}",
                 "{'id':'h1','credentials':[{'id':'c','policy':'pt','certified':'2024-01-01'}],'credits':["
                 "{'id':'a','completed':'2024-02-01','hours':1}]}"));
    EXPECT_AMT(C(0), "credits.earned", "3.0");
    EXPECT_STR(C(0), "path", "credits");
}
END_TEST

/* §2: two policies of one document giving "pts" and "PTS" (the same name,
 * case-insensitively) different per_hour are an error. */
START_TEST(s2_policy_unit_clash_is_error)
{
    EXPECT_ERROR_UNDER(DOC("{'id':'pa','organization':'X','name':'A','currency':'USD','unit':{'name':'pts','per_hour':3},"
                           "'cycle':{'years':2,'expires':'anniversary'},'credits_required':3},"
                           "{'id':'pb','organization':'X','name':'B','currency':'USD','unit':{'name':'PTS','per_hour':2},"
                           "'cycle':{'years':2,'expires':'anniversary'},'credits_required':2}",
                           "{'id':'h1'}"),
                       RECERT_EDATA, "policies[1]");
}
END_TEST

/* §2: a policy unit named like a standard unit must have its per_hour:
 * "ceu" with 1 per hour is an error ... */
START_TEST(s2_policy_standard_unit_mismatch_is_error)
{
    EXPECT_ERROR_UNDER(DOC("{'id':'pa','organization':'X','name':'A','currency':'USD','unit':{'name':'ceu','per_hour':1},"
                           "'cycle':{'years':2,'expires':'anniversary'},'credits_required':3}",
                           "{'id':'h1'}"),
                       RECERT_EDATA, "policies[0].unit");
}
END_TEST

/* §2: ... while "Hours" with 1 per hour is the standard unit and fine:
 * 5 h = 5.0 of 5.0. */
START_TEST(s2_policy_standard_unit_ok)
{
    EVAL_DOC("2025-01-01",
             DOC("{'id':'pa','organization':'X','name':'A','currency':'USD','unit':{'name':'Hours','per_hour':1},"
                 "'cycle':{'years':2,'expires':'anniversary'},'credits_required':5}",
                 "{'id':'h1','credentials':[{'id':'c','policy':'pa','certified':'2024-01-01'}],"
                 "'credits':[{'id':'a','completed':'2024-02-01','amount':5,'unit':'hours'}]}"));
    EXPECT_AMT(C(0), "credits.earned", "5.0");
    EXPECT_STR(C(0), "path", "credits");
}
END_TEST

/* §2: a policy amount off the 0.01 h grid is an error in the policy: 1 pt at
 * 3 pts per hour = 0.333.. h. */
START_TEST(s2_policy_amount_off_grid_is_error)
{
    EXPECT_ERROR_UNDER(DOC("{'id':'pa','organization':'X','name':'A','currency':'USD','unit':{'name':'pts','per_hour':3},"
                           "'cycle':{'years':2,'expires':'anniversary'},'credits_required':1}",
                           "{'id':'h1'}"),
                       RECERT_EDATA, "policies[0]");
}
END_TEST

/* §2: a credit entry in a unit no policy names is an error at its unit. */
START_TEST(s2_unknown_unit_is_error)
{
    EXPECT_ERROR("{'recert':1,'holders':[{'id':'h1','credits':[{'id':'a','completed':'2024-02-01','amount':1,"
                 "'unit':'furlongs'}]}]}",
                 0, "holders[0].credits[0].unit");
}
END_TEST

/* ==== §3 Cycle and expiration ============================================ */

/* §3 anniversary: certified 2022-06-30 alone -> S = 2022-06-30, E = S + 2y =
 * 2024-06-30. */
START_TEST(s3_anniversary_from_certified)
{
    EVAL_H("2023-01-01", "{'id':'h1','credentials':[{'id':'n','policy':'nasm-cpt','certified':'2022-06-30'}]}");
    EXPECT_STR(C(0), "dates.cycle_start", "2022-06-30");
    EXPECT_STR(C(0), "dates.expires", "2024-06-30");
}
END_TEST

/* §3 year_end: certified 2023-05-10, 3 years: 2023-05-10 + 3y - 1d =
 * 2026-05-09, Dec 31 of 2026 -> E = 2026-12-31. */
START_TEST(s3_year_end_from_certified)
{
    EVAL_H("2024-01-01", "{'id':'h1','credentials':[" ACRED("c", "acsm-cpt", "2023-05-10", "") "]}");
    EXPECT_STR(C(0), "dates.cycle_start", "2023-05-10");
    EXPECT_STR(C(0), "dates.expires", "2026-12-31");
}
END_TEST

/* §3 year_end: a cycle starting 2027-01-01: + 3y - 1d = 2029-12-31 -> E =
 * 2029-12-31 (not 2030-12-31). */
START_TEST(s3_year_end_from_jan_1)
{
    EVAL_H("2028-01-01", "{'id':'h1','credentials':[" ACRED("c", "acsm-cpt", "2020-05-10", ",'cycle_start':'2027-01-01'") "]}");
    EXPECT_STR(C(0), "dates.cycle_start", "2027-01-01");
    EXPECT_STR(C(0), "dates.expires", "2029-12-31");
}
END_TEST

/* §3 year_end: certified 2023-12-31: + 3y - 1d = 2026-12-30 -> E =
 * 2026-12-31. */
START_TEST(s3_year_end_from_dec_31)
{
    EVAL_H("2024-01-01", "{'id':'h1','credentials':[" ACRED("c", "acsm-cpt", "2023-12-31", "") "]}");
    EXPECT_STR(C(0), "dates.expires", "2026-12-31");
}
END_TEST

/* §3: `expires` is authoritative: cycle_start 2024-06-30 with expires
 * 2026-07-15 (not S + 2y): credit deadline 2026-07-15 + 90 = 2026-10-13. */
START_TEST(s3_expires_authoritative)
{
    EVAL_H("2025-01-01", NASM_H(CPR, ",'expires':'2026-07-15'", FULL));
    EXPECT_STR(C(0), "dates.cycle_start", "2024-06-30");
    EXPECT_STR(C(0), "dates.expires", "2026-07-15");
    EXPECT_STR(C(0), "dates.credit_deadline", "2026-10-13");
}
END_TEST

/* §3: expires alone: certified 2016-06-30, Thru Date 2026-07-15: cycle ends
 * 2018-06-30, ..., 2024-06-30, 2026-06-30 (15 days away, the nearest) ->
 * S = 2024-06-30; a course of 2024-06-29 belongs to the previous cycle. */
START_TEST(s3_walk_anniversary)
{
    EVAL_H("2025-01-01", "{'id':'h1','credentials':[{'id':'n','policy':'nasm-cpt','certified':'2016-06-30',"
                         "'expires':'2026-07-15'}]," CREDITS(HOURS("old", "2024-06-29", "5") ","
                                                               HOURS("new", "2024-06-30", "5")) "}");
    EXPECT_STR(C(0), "dates.cycle_start", "2024-06-30");
    EXPECT_STR(C(0), "dates.expires", "2026-07-15");
    EXPECT_IDS(C(0), "credits.counted", "new");
}
END_TEST

/* §3 tie: expires 2025-06-30 is 365 days after the end 2024-06-30 and 365
 * days before the end 2026-06-30: the later cycle, 2024-06-30..2026-06-30,
 * so S = 2024-06-30 (E stays 2025-06-30). */
START_TEST(s3_walk_tie_takes_later)
{
    EVAL_H("2025-01-01", "{'id':'h1','credentials':[{'id':'n','policy':'nasm-cpt','certified':'2016-06-30',"
                         "'expires':'2025-06-30'}]}");
    EXPECT_STR(C(0), "dates.cycle_start", "2024-06-30");
    EXPECT_STR(C(0), "dates.expires", "2025-06-30");
}
END_TEST

/* §3: expires 2025-06-29 is 364 days after the end 2024-06-30 and 366 before
 * 2026-06-30: the nearest end is 2024-06-30, whose cycle starts 2022-06-30. */
START_TEST(s3_walk_nearest_earlier)
{
    EVAL_H("2024-01-01", "{'id':'h1','credentials':[{'id':'n','policy':'nasm-cpt','certified':'2016-06-30',"
                         "'expires':'2025-06-29'}]}");
    EXPECT_STR(C(0), "dates.cycle_start", "2022-06-30");
}
END_TEST

/* §3: certified 2020-02-29, expires 2026-02-28: anniversaries counted from
 * the original day end cycles on 2022-02-28, 2024-02-29 (leap year keeps Feb
 * 29), 2026-02-28 -> S = 2024-02-29 (a chained 2022-02-28 + 2y would give
 * 2024-02-28). A course of 2024-02-28 does not count, one of 2024-02-29 does. */
START_TEST(s3_walk_feb_29_anniversaries)
{
    EVAL_H("2025-01-01", "{'id':'h1','credentials':[{'id':'n','policy':'nasm-cpt','certified':'2020-02-29',"
                         "'expires':'2026-02-28'}]," CREDITS(HOURS("a", "2024-02-28", "5") ","
                                                               HOURS("b", "2024-02-29", "5")) "}");
    EXPECT_STR(C(0), "dates.cycle_start", "2024-02-29");
    EXPECT_IDS(C(0), "credits.counted", "b");
}
END_TEST

/* §3 year_end walk: certified 2016-03-15: cycles 2016-03-15..2019-12-31
 * (2019-03-14 -> Dec 31), 2020-01-01..2022-12-31, 2023-01-01..2025-12-31.
 * Thru Date 2025-12-31 -> S = 2023-01-01: a course of 2022-12-31 does not
 * count, one of 2023-01-01 does. */
START_TEST(s3_walk_year_end)
{
    EVAL_H("2025-06-01", "{'id':'h1','credentials':[" ACRED("c", "acsm-cpt", "2016-03-15", ",'expires':'2025-12-31'")
                         "]," CREDITS(HOURS("x", "2022-12-31", "5") "," HOURS("y", "2023-01-01", "5")) "}");
    EXPECT_STR(C(0), "dates.cycle_start", "2023-01-01");
    EXPECT_IDS(C(0), "credits.counted", "y");
}
END_TEST

/* §3: cycle_start 2022-06-29 before certified 2022-06-30 is an error. */
START_TEST(s3_cycle_start_before_certified_is_error)
{
    EXPECT_ERROR_UNDER("{'recert':1,'holders':[{'id':'h1','credentials':[{'id':'n','policy':'nasm-cpt',"
                       "'certified':'2022-06-30','cycle_start':'2022-06-29'}]}]}",
                       RECERT_EDATA, "holders[0].credentials[0]");
}
END_TEST

/* §3: cycle_start equal to certified is fine: 2022-06-30 -> E 2024-06-30. */
START_TEST(s3_cycle_start_on_certified_ok)
{
    EVAL_H("2023-01-01", "{'id':'h1','credentials':[{'id':'n','policy':'nasm-cpt','certified':'2022-06-30',"
                         "'cycle_start':'2022-06-30'}]}");
    EXPECT_STR(C(0), "dates.expires", "2024-06-30");
}
END_TEST

/* §3: expires 2024-06-30 not after S = 2024-06-30 is an error. */
START_TEST(s3_expires_not_after_start_is_error)
{
    EXPECT_ERROR_UNDER("{'recert':1,'holders':[{'id':'h1','credentials':[{'id':'n','policy':'nasm-cpt',"
                       "'certified':'2022-06-30','cycle_start':'2024-06-30','expires':'2024-06-30'}]}]}",
                       RECERT_EDATA, "holders[0].credentials[0]");
}
END_TEST

/* §3 next cycle, anniversary: E = 2026-06-30 -> S' = E = 2026-06-30,
 * E' = E + 2y = 2028-06-30. */
START_TEST(s3_next_cycle_anniversary)
{
    EVAL_H("2026-06-10", NASM_H(CPR, ",'application':{'received':'2026-06-01','decision':'accepted'}", FULL));
    EXPECT_STR(C(0), "status", "renewed");
    EXPECT_STR(C(0), "next_cycle.cycle_start", "2026-06-30");
    EXPECT_STR(C(0), "next_cycle.expires", "2028-06-30");
}
END_TEST

/* §3 next cycle, year_end: E = 2026-12-31 -> S' = E + 1d = 2027-01-01,
 * E' = Dec 31 of (2027-01-01 + 3y - 1d = 2029-12-31) = 2029-12-31. */
START_TEST(s3_next_cycle_year_end)
{
    EVAL_H("2026-11-10", "{'id':'h1'," CPR "'credentials':[" ACRED("c", "acsm-cpt", "2023-05-10",
           ",'application':{'received':'2026-11-01','decision':'accepted'}") "]}");
    EXPECT_STR(C(0), "status", "renewed");
    EXPECT_STR(C(0), "next_cycle.cycle_start", "2027-01-01");
    EXPECT_STR(C(0), "next_cycle.expires", "2029-12-31");
}
END_TEST

/* §3: a late renewal never moves the cycle: received 2026-08-01 (E + 32),
 * accepted 2026-08-05 -> next cycle still 2026-06-30..2028-06-30. */
START_TEST(s3_late_renewal_keeps_cycle)
{
    EVAL_H("2026-08-10", NASM_H(CPR, ",'application':{'received':'2026-08-01','decision':'accepted','decided':'2026-08-05'}",
                                FULL));
    EXPECT_STR(C(0), "status", "renewed");
    EXPECT_STR(C(0), "next_cycle.cycle_start", "2026-06-30");
    EXPECT_STR(C(0), "next_cycle.expires", "2028-06-30");
    EXPECT_STR(C(0), "fees.tier", "late");
}
END_TEST

/* ==== §4 Credits that count ============================================== */

/* §4 window start: S = 2024-06-30; a (2024-06-29) is before S, b (on S)
 * counts; a course before S gets no notice. */
START_TEST(s4_window_starts_at_S)
{
    EVAL_H("2025-06-01", NASM_H(CPR, "", HOURS("a", "2024-06-29", "10") "," HOURS("b", "2024-06-30", "9")));
    EXPECT_IDS(C(0), "credits.counted", "b");
    EXPECT_AMT(C(0), "credits.earned", "1.0");
    EXPECT_NOTICES(C(0), "");
}
END_TEST

/* §4 window end E + grace: E + 90 = 2026-09-28 counts, E + 91 = 2026-09-29
 * does not and, with no application, gets credit_outside_window. T =
 * 2026-10-10: late (1.9 met), R = T = E + 102 -> late_additional. */
START_TEST(s4_window_ends_at_E_plus_grace)
{
    EVAL_H("2026-10-10", NASM_H(CPR, "", HOURS("a", "2026-09-28", "19") "," HOURS("b", "2026-09-29", "5")));
    EXPECT_IDS(C(0), "credits.counted", "a");
    EXPECT_NOTICES(C(0), "credit_outside_window:b");
    EXPECT_STR(C(0), "status", "late");
    EXPECT_STR(C(0), "fees.tier", "late_additional");
}
END_TEST

/* §4 window end R: application received R = 2026-06-01; a (on R) counts, b
 * (2026-06-02, after R, by T = 2026-06-10) is not part of the application. */
START_TEST(s4_window_ends_at_R)
{
    EVAL_H("2026-06-10", NASM_H(CPR, APP("2026-06-01"), HOURS("a", "2026-06-01", "10") "," HOURS("b", "2026-06-02", "9")));
    EXPECT_IDS(C(0), "credits.counted", "a");
    EXPECT_AMT(C(0), "credits.earned", "1.1");
}
END_TEST

/* §4: x completed 2026-10-01 > E + 90 = 2026-09-28, T = 2026-10-05: with no
 * application it gets credit_outside_window ... */
START_TEST(s4_outside_window_notice_without_application)
{
    EVAL_H("2026-10-05", NASM_H(CPR, "", FULL "," HOURS("x", "2026-10-01", "5")));
    EXPECT_IDS(C(0), "credits.counted", "k1,k2");
    EXPECT_NOTICES(C(0), "credit_outside_window:x");
}
END_TEST

/* §4: ... but not once an application is recorded (received 2026-09-01):
 * later courses belong to the next cycle. */
START_TEST(s4_no_outside_window_notice_with_application)
{
    EVAL_H("2026-10-05", NASM_H(CPR, APP("2026-09-01"), FULL "," HOURS("x", "2026-10-01", "5")));
    EXPECT_IDS(C(0), "credits.counted", "k1,k2");
    NO_NOTICE(C(0), "credit_outside_window");
}
END_TEST

/* §4 ACSM grace 0: E = 2026-12-31; a course of 2027-01-01 (E + 1) does not
 * count and gets credit_outside_window as of 2027-01-05 (lapsed anyway). */
START_TEST(s4_acsm_no_grace)
{
    EVAL_H("2027-01-05", "{'id':'h1'," CPR "'credentials':[" ACRED("c", "acsm-cpt", "2023-05-10", "") "],"
           CREDITS(HOURS("a", "2027-01-01", "50")) "}");
    EXPECT_STR(C(0), "dates.credit_deadline", "2026-12-31");
    EXPECT_IDS(C(0), "credits.counted", "");
    EXPECT_NOTICES(C(0), "credit_outside_window:a");
}
END_TEST

/* §4 applies_to: [] means no credential; ["nasm"] only nasm; no applies_to
 * every credential. Holder: nasm (S 2024-06-30) and acsm-cpt "cpt" (S
 * 2023-05-10); all entries are inside both windows. */
START_TEST(s4_applies_to)
{
    EVAL_H("2025-06-01", "{'id':'h1'," CPR "'credentials':[{'id':'nasm','policy':'nasm-cpt','certified':'2022-06-30',"
           "'cycle_start':'2024-06-30'}," ACRED("cpt", "acsm-cpt", "2023-05-10", "") "],'credits':["
           "{'id':'none','completed':'2025-01-01','hours':1,'applies_to':[]},"
           "{'id':'n','completed':'2025-01-02','hours':2,'applies_to':['nasm']},"
           "{'id':'c','completed':'2025-01-03','hours':3,'applies_to':['cpt']},"
           "{'id':'all','completed':'2025-01-04','hours':4}]}");
    EXPECT_IDS(C(0), "credits.counted", "n,all");
    EXPECT_IDS(C(1), "credits.counted", "c,all");
    EXPECT_AMT(C(0), "credits.earned", "0.7"); /* 6 h = 0.6 CEU + 0.1 */
    EXPECT_AMT(C(1), "credits.earned", "7.0");
}
END_TEST

/* §4 petition policy (NASM): a not-preapproved entry with no petition counts
 * not, is not pending, and gets petition_required; an explicit
 * "preapproved" entry counts. */
START_TEST(s4_petition_required)
{
    EVAL_H("2025-06-01", NASM_H(CPR, "", NOTPRE("p", "2025-01-05", "4", "") ","
                                "{'id':'q','completed':'2025-01-06','hours':3,'approval':'preapproved'}"));
    EXPECT_IDS(C(0), "credits.counted", "q");
    EXPECT_AMT(C(0), "credits.pending", "0.0");
    EXPECT_NOTICES(C(0), "petition_required:p");
}
END_TEST

/* §4: a pending petition's 4 h = 0.4 CEU is pending, never earned. */
START_TEST(s4_petition_pending_never_earned)
{
    EVAL_H("2025-06-01", NASM_H(CPR, "", FULL "," NOTPRE("p", "2025-01-05", "4", PET("2025-01-20", "pending", ""))));
    EXPECT_IDS(C(0), "credits.counted", "k1,k2");
    EXPECT_AMT(C(0), "credits.pending", "0.4");
    EXPECT_AMT(C(0), "credits.earned", "2.0");
    EXPECT_NOTICES(C(0), "petition_pending:p");
}
END_TEST

/* §4: a pending petition for all 1.9 CEU: earned = CPR 0.1 only, pending
 * 1.9, shortfall 1.9, no path: the pending amount never meets the
 * requirement. */
START_TEST(s4_pending_does_not_meet_requirement)
{
    EVAL_H("2025-06-01", NASM_H(CPR, "", NOTPRE("p", "2025-01-05", "19", PET("2025-01-20", "pending", ""))));
    EXPECT_AMT(C(0), "credits.earned", "0.1");
    EXPECT_AMT(C(0), "credits.pending", "1.9");
    EXPECT_AMT(C(0), "credits.shortfall", "1.9");
    EXPECT_NULL(C(0), "path");
    EXPECT_STR(C(0), "status", "in_progress");
}
END_TEST

/* §4: a denied petition never counts and is not pending. */
START_TEST(s4_petition_denied)
{
    EVAL_H("2025-06-01", NASM_H(CPR, "", NOTPRE("p", "2025-01-05", "19", PET("2025-01-20", "denied", ",'decided':'2025-02-01'"))));
    EXPECT_IDS(C(0), "credits.counted", "");
    EXPECT_AMT(C(0), "credits.pending", "0.0");
    EXPECT_NOTICES(C(0), "petition_denied:p");
}
END_TEST

/* §4: an approved petition counts, with no notice. */
START_TEST(s4_petition_approved)
{
    EVAL_H("2025-06-01", NASM_H(CPR, "", NOTPRE("p", "2025-01-05", "19", PET("2025-01-20", "approved", ",'decided':'2025-02-01'"))));
    EXPECT_IDS(C(0), "credits.counted", "p");
    EXPECT_STR(C(0), "status", "eligible");
    EXPECT_NOTICES(C(0), "");
}
END_TEST

/* §4: petition notices and pending amounts only inside the window
 * S = 2024-06-30 .. E + 90 = 2026-09-28: a (2024-06-01, no petition) and b
 * (2024-05-01, pending petition) are before S: no notice, nothing pending. */
START_TEST(s4_petition_notices_only_inside_window)
{
    EVAL_H("2025-06-01", NASM_H(CPR, "", NOTPRE("a", "2024-06-01", "5", "") ","
                                NOTPRE("b", "2024-05-01", "5", PET("2024-05-10", "pending", ""))));
    EXPECT_NOTICES(C(0), "");
    EXPECT_AMT(C(0), "credits.pending", "0.0");
}
END_TEST

/* §4: an unpetitioned entry after E + 90 (2026-10-01, T = 2026-10-05) gets
 * credit_outside_window only, not petition_required. */
START_TEST(s4_petition_notice_not_after_window)
{
    EVAL_H("2026-10-05", NASM_H(CPR, "", FULL "," NOTPRE("c", "2026-10-01", "5", "")));
    EXPECT_NOTICES(C(0), "credit_outside_window:c");
}
END_TEST

/* §4 accepted (ACSM): a not-preapproved entry counts, no petition, no
 * notice, no petition fee even with a petition object. */
START_TEST(s4_acsm_accepts_unapproved)
{
    EVAL_H("2025-06-01", "{'id':'h1'," CPR "'credentials':[" ACRED("c", "acsm-cpt", "2023-05-10", "") "],"
           CREDITS(NOTPRE("a", "2024-01-01", "40", "") "," NOTPRE("b", "2024-02-01", "5", PET("2024-02-10", "pending", ""))) "}");
    EXPECT_IDS(C(0), "credits.counted", "a,b");
    EXPECT_AMT(C(0), "credits.pending", "0.0");
    EXPECT_STR(C(0), "path", "credits");
    EXPECT_NOTICES(C(0), "");
    EXPECT_INT(C(0), "fees.petition_cents", 0);
}
END_TEST

/* ==== §5 CPR/AED ========================================================= */

/* §5 current: a hands-on record (hands_on defaults to true) with R = T =
 * 2025-06-01 <= expires 2027-07-15; its expires is reported; + 0.1 CEU. */
START_TEST(s5_current_hands_on)
{
    EVAL_H("2025-06-01", NASM_H(CPR, "", FULL));
    EXPECT_STR(C(0), "credits.cpr_aed", "current");
    EXPECT_STR(C(0), "dates.cpr_aed_expires", "2027-07-15");
    EXPECT_AMT(C(0), "credits.earned", "2.0");
    EXPECT_STR(C(0), "path", "credits");
    EXPECT_NOTICES(C(0), "");
}
END_TEST

/* §5 not_hands_on: online-only, completed 2024-01-10 (after the waiver's
 * end 2023-07-10), expires 2026-01-10 >= R = 2025-06-01: no CPR/AED credit
 * (earned 1.9, shortfall 0.1), no path. */
START_TEST(s5_not_hands_on)
{
    EVAL_H("2025-06-01", NASM_H("'cpr_aed':{'completed':'2024-01-10','expires':'2026-01-10','hands_on':false},", "", FULL));
    EXPECT_STR(C(0), "credits.cpr_aed", "not_hands_on");
    EXPECT_STR(C(0), "dates.cpr_aed_expires", "2026-01-10");
    EXPECT_AMT(C(0), "credits.earned", "1.9");
    EXPECT_AMT(C(0), "credits.shortfall", "0.1");
    EXPECT_NULL(C(0), "path");
    EXPECT_STR(C(0), "status", "in_progress");
    NO_NOTICE(C(0), "hands_on_assessment_recommended");
}
END_TEST

/* §5 expired: the record expired 2025-01-01 < R = 2025-06-01. */
START_TEST(s5_expired)
{
    EVAL_H("2025-06-01", NASM_H("'cpr_aed':{'completed':'2023-01-01','expires':'2025-01-01'},", "", FULL));
    EXPECT_STR(C(0), "credits.cpr_aed", "expired");
    EXPECT_STR(C(0), "dates.cpr_aed_expires", "2025-01-01");
    EXPECT_AMT(C(0), "credits.earned", "1.9");
    EXPECT_NULL(C(0), "path");
}
END_TEST

/* §5 boundary R <= expires: expires 2025-06-01; R = T = 2025-06-01 current,
 * 2025-06-02 expired. */
START_TEST(s5_expires_day_inclusive)
{
#define CP "'cpr_aed':{'completed':'2023-06-01','expires':'2025-06-01'},"
    EVAL_H("2025-06-01", NASM_H(CP, "", FULL));
    EXPECT_STR(C(0), "credits.cpr_aed", "current");
    EVAL_H("2025-06-02", NASM_H(CP, "", FULL));
    EXPECT_STR(C(0), "credits.cpr_aed", "expired");
#undef CP
}
END_TEST

/* §5 missing: no record: expires null, earned 1.9, shortfall 0.1. */
START_TEST(s5_missing)
{
    EVAL_H("2025-06-01", NASM_H(NOCPR, "", FULL));
    EXPECT_STR(C(0), "credits.cpr_aed", "missing");
    EXPECT_NULL(C(0), "dates.cpr_aed_expires");
    EXPECT_AMT(C(0), "credits.earned", "1.9");
    EXPECT_AMT(C(0), "credits.shortfall", "0.1");
    EXPECT_NULL(C(0), "path");
}
END_TEST

/* §5 not_required: a policy without CPR/AED reports not_required and a null
 * cpr_aed_expires, even when the holder has a record; the credits path is
 * met without it. */
START_TEST(s5_not_required)
{
    EVAL_DOC("2025-06-01", DOC(UPOL("nr", "1.0", ""),
                               "{'id':'h1'," CPR "'credentials':[{'id':'c','policy':'nr','certified':'2024-01-01'}],"
                               CREDITS(HOURS("a", "2024-02-01", "10")) "}"));
    EXPECT_STR(C(0), "credits.cpr_aed", "not_required");
    EXPECT_NULL(C(0), "dates.cpr_aed_expires");
    EXPECT_STR(C(0), "path", "credits");
    EXPECT_AMT(C(0), "credits.required", "1.0");
    EXPECT_AMT(C(0), "credits.earned", "1.0");
}
END_TEST

/* §5 waiver start, inclusive: NASM certified 2020-01-01 (S 2020-01-01, E
 * 2022-01-01), T 2021-06-01. Online-only completed 2020-03-13 (the waiver's
 * first day) is current, with hands_on_assessment_recommended; completed
 * 2020-03-12 it is not_hands_on. */
START_TEST(s5_waiver_start_inclusive)
{
#define H(done, exp) "{'id':'h1','cpr_aed':{'completed':'" done "','expires':'" exp "','hands_on':false}," \
    "'credentials':[{'id':'n','policy':'nasm-cpt','certified':'2020-01-01'}]}"
    EVAL_H("2021-06-01", H("2020-03-13", "2022-03-13"));
    EXPECT_STR(C(0), "credits.cpr_aed", "current");
    HAS_NOTICE(C(0), "hands_on_assessment_recommended", NULL);
    EVAL_H("2021-06-01", H("2020-03-12", "2022-03-12"));
    EXPECT_STR(C(0), "credits.cpr_aed", "not_hands_on");
    NO_NOTICE(C(0), "hands_on_assessment_recommended");
#undef H
}
END_TEST

/* §5 waiver end, inclusive: NASM certified 2023-01-01 (E 2025-01-01), T
 * 2024-09-01. Online-only completed 2023-07-10 (the waiver's last day) is
 * current; completed 2023-07-11 not_hands_on. */
START_TEST(s5_waiver_end_inclusive)
{
#define H(done, exp) "{'id':'h1','cpr_aed':{'completed':'" done "','expires':'" exp "','hands_on':false}," \
    "'credentials':[{'id':'n','policy':'nasm-cpt','certified':'2023-01-01'}]}"
    EVAL_H("2024-09-01", H("2023-07-10", "2025-07-10"));
    EXPECT_STR(C(0), "credits.cpr_aed", "current");
    EVAL_H("2024-09-01", H("2023-07-11", "2025-07-11"));
    EXPECT_STR(C(0), "credits.cpr_aed", "not_hands_on");
#undef H
}
END_TEST

/* §5: an online-only course inside the waiver that did not cover Adult CPR
 * and AED (adult_cpr_aed false) is not accepted: not_hands_on. */
START_TEST(s5_adult_cpr_aed_false_not_accepted)
{
    EVAL_H("2021-03-01", "{'id':'h1','cpr_aed':{'completed':'2020-05-01','expires':'2022-05-01','hands_on':false,"
                         "'adult_cpr_aed':false},'credentials':[{'id':'n','policy':'nasm-cpt','certified':'2019-04-01'}]}");
    EXPECT_STR(C(0), "credits.cpr_aed", "not_hands_on");
}
END_TEST

/* §5: adult_cpr_aed is only looked at for online-only records: hands-on
 * with adult_cpr_aed false is current. */
START_TEST(s5_adult_cpr_aed_ignored_for_hands_on)
{
    EVAL_H("2025-06-01", NASM_H("'cpr_aed':{'completed':'2025-01-15','expires':'2027-07-15','hands_on':true,"
                                "'adult_cpr_aed':false},", "", FULL));
    EXPECT_STR(C(0), "credits.cpr_aed", "current");
}
END_TEST

/* §5 cpr_aed_expires of the deciding state: a current hands-on record
 * (expires 2027-01-15) and a not-accepted online one expiring later
 * (2028-02-01): current decides, cpr_aed_expires = 2027-01-15; a current
 * hands-on record exists, so no hands-on recommendation. */
START_TEST(s5_expires_of_deciding_state)
{
    EVAL_H("2025-06-01", NASM_H("'cpr_aed':[{'completed':'2025-01-15','expires':'2027-01-15'},"
                                "{'completed':'2025-02-01','expires':'2028-02-01','hands_on':false}],", "", FULL));
    EXPECT_STR(C(0), "credits.cpr_aed", "current");
    EXPECT_STR(C(0), "dates.cpr_aed_expires", "2027-01-15");
    NO_NOTICE(C(0), "hands_on_assessment_recommended");
}
END_TEST

/* §5: the latest expires among the current records: 2026-12-01 and
 * 2027-03-01 -> 2027-03-01 (list order does not matter). */
START_TEST(s5_latest_current_expires)
{
    EVAL_H("2025-06-01", NASM_H("'cpr_aed':[{'completed':'2025-03-01','expires':'2027-03-01'},"
                                "{'completed':'2024-12-01','expires':'2026-12-01'}],", "", FULL));
    EXPECT_STR(C(0), "dates.cpr_aed_expires", "2027-03-01");
}
END_TEST

/* §5: not_hands_on before expired: an expired hands-on record (expires
 * 2025-01-01) and a not-accepted online one (expires 2028-02-01): state
 * not_hands_on, cpr_aed_expires 2028-02-01. */
START_TEST(s5_not_hands_on_over_expired)
{
    EVAL_H("2025-06-01", NASM_H("'cpr_aed':[{'completed':'2023-01-01','expires':'2025-01-01'},"
                                "{'completed':'2025-02-01','expires':'2028-02-01','hands_on':false}],", "", FULL));
    EXPECT_STR(C(0), "credits.cpr_aed", "not_hands_on");
    EXPECT_STR(C(0), "dates.cpr_aed_expires", "2028-02-01");
}
END_TEST

/* §5: two expired records (2024-01-01, 2025-01-01): expired, the latest
 * 2025-01-01. */
START_TEST(s5_latest_expired_expires)
{
    EVAL_H("2025-06-01", NASM_H("'cpr_aed':[{'completed':'2023-01-01','expires':'2025-01-01'},"
                                "{'completed':'2022-01-01','expires':'2024-01-01'}],", "", FULL));
    EXPECT_STR(C(0), "credits.cpr_aed", "expired");
    EXPECT_STR(C(0), "dates.cpr_aed_expires", "2025-01-01");
}
END_TEST

/* §5 judged on R: application received R = 2026-06-01; the only record was
 * completed 2026-06-05 (after R, by T = 2026-06-10): missing on R. */
START_TEST(s5_record_after_R_ignored)
{
    EVAL_H("2026-06-10", NASM_H("'cpr_aed':{'completed':'2026-06-05','expires':'2028-06-05'},", APP("2026-06-01"), FULL));
    EXPECT_STR(C(0), "credits.cpr_aed", "missing");
    EXPECT_NULL(C(0), "path");
    EXPECT_STR(C(0), "status", "submitted");
}
END_TEST

/* §5 judged on R: a record expiring 2026-06-05 is current on R = 2026-06-01
 * (received), although T = 2026-06-10 is after it expired. */
START_TEST(s5_state_on_R_not_T)
{
    EVAL_H("2026-06-10", NASM_H("'cpr_aed':{'completed':'2024-06-05','expires':'2026-06-05'},", APP("2026-06-01"), FULL));
    EXPECT_STR(C(0), "credits.cpr_aed", "current");
    EXPECT_STR(C(0), "path", "credits");
}
END_TEST

/* §5: online record under the waiver plus a current hands-on record: current,
 * no recommendation, cpr_aed_expires the later 2022-06-01. NASM certified
 * 2019-04-01 (E 2021-04-01), T 2021-03-01. */
START_TEST(s5_no_recommendation_with_hands_on)
{
    EVAL_H("2021-03-01", "{'id':'h1','cpr_aed':[{'completed':'2020-05-01','expires':'2022-05-01','hands_on':false},"
                         "{'completed':'2020-06-01','expires':'2022-06-01'}],"
                         "'credentials':[{'id':'n','policy':'nasm-cpt','certified':'2019-04-01'}]}");
    EXPECT_STR(C(0), "credits.cpr_aed", "current");
    EXPECT_STR(C(0), "dates.cpr_aed_expires", "2022-06-01");
    NO_NOTICE(C(0), "hands_on_assessment_recommended");
}
END_TEST

/* §5: current, expires 2026-03-01 < E = 2026-06-30, T 2025-06-01 <= E, no
 * application: cpr_aed_expires_before_deadline (not about a credit). */
START_TEST(s5_expires_before_deadline_notice)
{
    EVAL_H("2025-06-01", NASM_H("'cpr_aed':{'completed':'2024-03-01','expires':'2026-03-01'},", "", FULL));
    EXPECT_STR(C(0), "credits.cpr_aed", "current");
    EXPECT_NOTICES(C(0), "cpr_aed_expires_before_deadline");
}
END_TEST

/* §5: expires on E itself (2026-06-30) is not before E: no notice. */
START_TEST(s5_expires_on_deadline_no_notice)
{
    EVAL_H("2025-06-01", NASM_H("'cpr_aed':{'completed':'2024-06-30','expires':'2026-06-30'},", "", FULL));
    EXPECT_NOTICES(C(0), "");
}
END_TEST

/* §5: with an application recorded (received 2025-06-01, T 2025-06-10) the
 * notice is not given, although the card expires 2026-03-01 < E. */
START_TEST(s5_expires_before_deadline_not_with_application)
{
    EVAL_H("2025-06-10", NASM_H("'cpr_aed':{'completed':'2024-03-01','expires':'2026-03-01'},", APP("2025-06-01"), FULL));
    EXPECT_STR(C(0), "credits.cpr_aed", "current");
    NO_NOTICE(C(0), "cpr_aed_expires_before_deadline");
}
END_TEST

/* §5: extra credit never replaces a missing CPR/AED: 30 h = 3.0 CEU without
 * CPR/AED: earned 3.0, shortfall max(0, 1.9 - 3.0) + 0.1 = 0.1, no path. */
START_TEST(s5_extra_credit_never_replaces_cpr)
{
    EVAL_H("2025-06-01", NASM_H(NOCPR, "", HOURS("a", "2025-01-01", "30")));
    EXPECT_AMT(C(0), "credits.earned", "3.0");
    EXPECT_AMT(C(0), "credits.shortfall", "0.1");
    EXPECT_NULL(C(0), "path");
    EXPECT_STR(C(0), "status", "in_progress");
}
END_TEST

/* §5: a policy with cpr_aed.required false and a credit is an error. */
START_TEST(s5_credit_without_requirement_is_error)
{
    EXPECT_ERROR_UNDER(DOC(UPOL("bad", "1.0", ",'cpr_aed':{'required':false,'credit':0.1}"), "{'id':'h1'}"),
                       RECERT_EDATA, "policies[0]");
}
END_TEST

/* ==== §6 Renewal paths =================================================== */

/* acsm-gei certified 2023-01-20: S 2023-01-20, E 2026-12-31 (worked above). */
#define GEI(exam) "{'id':'h1'," CPR "'credentials':[" ACRED("gei", "acsm-gei", "2023-01-20", exam) "]}"

/* §6 exam path: passed on S = 2023-01-20 (S <= P): path exam, required 0,
 * no renewal fee; exam_deadline = E. */
START_TEST(s6_exam_on_S)
{
    EVAL_H("2025-06-01", GEI(",'exam':{'passed':'2023-01-20'}"));
    EXPECT_STR(C(0), "path", "exam");
    EXPECT_AMT(C(0), "credits.required", "0.0");
    EXPECT_AMT(C(0), "credits.shortfall", "0.0");
    EXPECT_FEES(C(0), "on_time", 0, 0);
    EXPECT_STR(C(0), "status", "eligible");
    EXPECT_STR(C(0), "dates.exam_deadline", "2026-12-31");
}
END_TEST

/* §6: passed 2023-01-19, the day before S: not the exam path. */
START_TEST(s6_exam_before_S)
{
    EVAL_H("2025-06-01", GEI(",'exam':{'passed':'2023-01-19'}"));
    EXPECT_NULL(C(0), "path");
    EXPECT_AMT(C(0), "credits.required", "45.0");
    EXPECT_INT(C(0), "fees.renewal_cents", 4500);
    EXPECT_STR(C(0), "status", "in_progress");
}
END_TEST

/* §6: passed on E = 2026-12-31 (P <= E), T = E: exam path, eligible. */
START_TEST(s6_exam_on_E)
{
    EVAL_H("2026-12-31", GEI(",'exam':{'passed':'2026-12-31'}"));
    EXPECT_STR(C(0), "path", "exam");
    EXPECT_STR(C(0), "status", "eligible");
}
END_TEST

/* §6: passed 2027-01-01 = E + 1: not the exam path; T = 2027-01-02 > E =
 * final deadline: lapsed, closed. */
START_TEST(s6_exam_after_E)
{
    EVAL_H("2027-01-02", GEI(",'exam':{'passed':'2027-01-01'}"));
    EXPECT_NULL(C(0), "path");
    EXPECT_AMT(C(0), "credits.required", "45.0");
    EXPECT_STR(C(0), "status", "lapsed");
    EXPECT_FEES(C(0), "closed", 0, 0);
}
END_TEST

/* §6: the exam passed but no CPR/AED: path null (CPR/AED still applies);
 * required 0 (ACSM's CPR/AED credit is 0), shortfall 0, still no fee. */
START_TEST(s6_exam_needs_cpr)
{
    EVAL_H("2025-06-01", "{'id':'h1','credentials':[" ACRED("gei", "acsm-gei", "2023-01-20", ",'exam':{'passed':'2024-06-01'}") "]}");
    EXPECT_NULL(C(0), "path");
    EXPECT_STR(C(0), "credits.cpr_aed", "missing");
    EXPECT_AMT(C(0), "credits.required", "0.0");
    EXPECT_AMT(C(0), "credits.shortfall", "0.0");
    EXPECT_INT(C(0), "fees.renewal_cents", 0);
    EXPECT_STR(C(0), "status", "in_progress");
}
END_TEST

/* §6: the exam path with full credits too: path is exam, never credits. */
START_TEST(s6_exam_path_never_credits)
{
    EVAL_H("2025-06-01", "{'id':'h1'," CPR "'credentials':[" ACRED("gei", "acsm-gei", "2023-01-20", ",'exam':{'passed':'2024-06-01'}")
           "]," CREDITS(HOURS("a", "2024-01-01", "50")) "}");
    EXPECT_STR(C(0), "path", "exam");
    EXPECT_AMT(C(0), "credits.earned", "50.0");
}
END_TEST

/* §6: a policy without exam_path (NASM) ignores an exam: required 2.0,
 * $99, exam_deadline null. */
START_TEST(s6_exam_ignored_without_exam_path)
{
    EVAL_H("2025-06-01", NASM_H(CPR, ",'exam':{'passed':'2025-01-01'}", ""));
    EXPECT_NULL(C(0), "path");
    EXPECT_AMT(C(0), "credits.required", "2.0");
    EXPECT_INT(C(0), "fees.renewal_cents", 9900);
    EXPECT_NULL(C(0), "dates.exam_deadline");
}
END_TEST

/* A user exam-path policy with a CPR/AED credit of 0.1 and late windows:
 * certified 2024-06-30 -> E 2026-06-30, late through E + 90, final E + 1y -
 * 1d = 2027-06-29, grace 0. */
#define EXPOL UPOL("ex", "1.9", ",'cpr_aed':{'required':true,'credit':0.1},'exam_path':true," \
    "'fees':{'renewal_cents':9900},'late_windows':[{'tier':'late','through':{'days':90},'fee_cents':3000}," \
    "{'tier':'late_additional','through':null,'fee_cents':5000}],'final_deadline':{'years':1,'days':-1}")

/* §6, §10: on the exam path `required` is the CPR/AED credit alone: 0.1;
 * earned 0.1 with a current CPR/AED, shortfall 0. */
START_TEST(s6_exam_required_is_cpr_credit)
{
    EVAL_DOC("2025-06-01", DOC(EXPOL, "{'id':'h1'," CPR "'credentials':[{'id':'c','policy':'ex','certified':'2024-06-30',"
                                      "'exam':{'passed':'2025-05-01'}}]}"));
    EXPECT_STR(C(0), "path", "exam");
    EXPECT_AMT(C(0), "credits.required", "0.1");
    EXPECT_AMT(C(0), "credits.earned", "0.1");
    EXPECT_AMT(C(0), "credits.shortfall", "0.0");
}
END_TEST

/* §6, §10: ... and without CPR/AED: earned 0.0, shortfall 0.1, no path. */
START_TEST(s6_exam_required_cpr_missing)
{
    EVAL_DOC("2025-06-01", DOC(EXPOL, "{'id':'h1','credentials':[{'id':'c','policy':'ex','certified':'2024-06-30',"
                                      "'exam':{'passed':'2025-05-01'}}]}"));
    EXPECT_NULL(C(0), "path");
    EXPECT_AMT(C(0), "credits.required", "0.1");
    EXPECT_AMT(C(0), "credits.earned", "0.0");
    EXPECT_AMT(C(0), "credits.shortfall", "0.1");
}
END_TEST

/* §6 exam path owes no renewal fee and no late fee; §8 late: T = 2026-07-10
 * = E + 10, the exam path holds (passed 2026-06-01 in S..E): late, tier
 * late, fees 0. */
START_TEST(s6_exam_path_no_late_fee)
{
    EVAL_DOC("2026-07-10", DOC(EXPOL, "{'id':'h1'," CPR "'credentials':[{'id':'c','policy':'ex','certified':'2024-06-30',"
                                      "'exam':{'passed':'2026-06-01'}}]}"));
    EXPECT_STR(C(0), "status", "late");
    EXPECT_FEES(C(0), "late", 0, 0);
}
END_TEST

/* §8: the same policy without the exam and without credits, T = E + 10 >
 * E + grace (0): renewal not possible -> lapsed, closed. */
START_TEST(s6_no_exam_no_credits_lapsed)
{
    EVAL_DOC("2026-07-10", DOC(EXPOL, "{'id':'h1'," CPR "'credentials':[{'id':'c','policy':'ex','certified':'2024-06-30'}]}"));
    EXPECT_STR(C(0), "status", "lapsed");
    EXPECT_FEES(C(0), "closed", 0, 0);
}
END_TEST

/* ACSM holder with two or three credentials, T 2026-10-01. cpt certified
 * 2023-05-10 and ep certified 2023-09-01 (2026-08-31 -> Dec 31) both have
 * E = 2026-12-31. */
#define ACSM2(credits) "{'id':'h1'," CPR "'credentials':[" ACRED("cpt", "acsm-cpt", "2023-05-10", "") "," \
    ACRED("ep", "acsm-ep", "2023-09-01", "") "]," CREDITS(credits) "}"

/* §6 pooling: a (30 h, cpt only) and b (31 h, ep only) are pooled: 61 >=
 * the highest requirement 60: both eligible, counted [a,b], earned 61.0,
 * required 60.0, renewal_group [cpt,ep]. */
START_TEST(s6_group_pools_entries)
{
    EVAL_H("2026-10-01", ACSM2("{'id':'a','completed':'2024-01-01','hours':30,'applies_to':['cpt']},"
                               "{'id':'b','completed':'2024-02-01','hours':31,'applies_to':['ep']}"));
    EXPECT_IDS(C(0), "credits.counted", "a,b");
    EXPECT_IDS(C(1), "credits.counted", "a,b");
    EXPECT_AMT(C(0), "credits.earned", "61.0");
    EXPECT_AMT(C(1), "credits.earned", "61.0");
    EXPECT_AMT(C(0), "credits.required", "60.0");
    EXPECT_AMT(C(1), "credits.required", "60.0");
    EXPECT_STR(C(0), "path", "credits");
    EXPECT_STR(C(1), "path", "credits");
    EXPECT_IDS(C(0), "renewal_group", "cpt,ep");
    EXPECT_IDS(C(1), "renewal_group", "cpt,ep");
}
END_TEST

/* §6 each entry once: a 30 h and b 20 h count for both members; the pool is
 * 50 (not 100) < 60: shortfall 10.0, no path. */
START_TEST(s6_group_each_entry_once)
{
    EVAL_H("2026-10-01", ACSM2(HOURS("a", "2024-01-01", "30") "," HOURS("b", "2024-02-01", "20")));
    EXPECT_AMT(C(0), "credits.earned", "50.0");
    EXPECT_AMT(C(0), "credits.shortfall", "10.0");
    EXPECT_AMT(C(1), "credits.earned", "50.0");
    EXPECT_NULL(C(0), "path");
    EXPECT_NULL(C(1), "path");
    EXPECT_STR(C(0), "status", "in_progress");
}
END_TEST

/* §6 highest requirement: cpt (45) and cift (15; certified 2023-02-01:
 * 2026-01-31 -> E 2026-12-31): 20 h pooled: both need 45, cift too:
 * shortfall 25.0, in_progress. */
START_TEST(s6_group_highest_requirement)
{
    EVAL_H("2026-10-01", "{'id':'h1'," CPR "'credentials':[" ACRED("cpt", "acsm-cpt", "2023-05-10", "") ","
           ACRED("cift", "acsm-cift", "2023-02-01", "") "]," CREDITS(HOURS("a", "2024-01-01", "20")) "}");
    EXPECT_AMT(C(1), "credits.required", "45.0");
    EXPECT_AMT(C(1), "credits.shortfall", "25.0");
    EXPECT_NULL(C(1), "path");
    EXPECT_STR(C(1), "status", "in_progress");
    EXPECT_IDS(C(1), "renewal_group", "cift,cpt");
}
END_TEST

/* §6 the group's ids are sorted: credentials "z" (ep) then "a" (cpt) in
 * input order -> renewal_group [a,z]. */
START_TEST(s6_group_ids_sorted)
{
    EVAL_H("2026-10-01", "{'id':'h1'," CPR "'credentials':[" ACRED("z", "acsm-ep", "2023-09-01", "") ","
           ACRED("a", "acsm-cpt", "2023-05-10", "") "]}");
    EXPECT_IDS(C(0), "renewal_group", "a,z");
    EXPECT_IDS(C(1), "renewal_group", "a,z");
}
END_TEST

/* §6 own CPR/AED credit: user policies g1 (1.9 + CPR/AED credit 0.1) and g2
 * (1.0, CPR/AED required, credit 0), both combine_group "g", certified
 * 2024-06-30 -> E 2026-06-30. 19 h = 1.9 CEU pooled; the group requirement is
 * 1.9; g1: required 2.0, earned 2.0; g2: required 1.9, earned 1.9. */
START_TEST(s6_group_own_cpr_credit)
{
    EVAL_DOC("2025-06-01",
             DOC(UPOL("g1", "1.9", ",'cpr_aed':{'required':true,'credit':0.1},'combine_group':'g'") ","
                 UPOL("g2", "1.0", ",'cpr_aed':{'required':true,'credit':0},'combine_group':'g'"),
                 "{'id':'h1'," CPR "'credentials':[{'id':'a','policy':'g1','certified':'2024-06-30'},"
                 "{'id':'b','policy':'g2','certified':'2024-06-30'}]," CREDITS(HOURS("k", "2025-01-01", "19")) "}"));
    EXPECT_AMT(C(0), "credits.required", "2.0");
    EXPECT_AMT(C(0), "credits.earned", "2.0");
    EXPECT_AMT(C(1), "credits.required", "1.9");
    EXPECT_AMT(C(1), "credits.earned", "1.9");
    EXPECT_STR(C(0), "path", "credits");
    EXPECT_STR(C(1), "path", "credits");
    EXPECT_IDS(C(0), "renewal_group", "a,b");
}
END_TEST

/* §6: an entry pending for one member (petition policy gp) and counted for
 * the other (accepted policy ga) is counted, not pending, in the pool; §7
 * petition fees stay per credential: gp $25 (filed 2025-01-20), ga $0. */
START_TEST(s6_group_pending_for_one_counted_for_other)
{
    EVAL_DOC("2025-06-01",
             DOC(UPOL("gp", "1.0", ",'unapproved_credits':'petition','combine_group':'g','fees':{'petition_cents':2500}") ","
                 UPOL("ga", "1.0", ",'combine_group':'g'"),
                 "{'id':'h1','credentials':[{'id':'p','policy':'gp','certified':'2024-06-30'},"
                 "{'id':'q','policy':'ga','certified':'2024-06-30'}],"
                 CREDITS(NOTPRE("k", "2025-01-05", "10", PET("2025-01-20", "pending", ""))) "}"));
    EXPECT_IDS(C(0), "credits.counted", "k");
    EXPECT_IDS(C(1), "credits.counted", "k");
    EXPECT_AMT(C(0), "credits.pending", "0.0");
    EXPECT_AMT(C(1), "credits.pending", "0.0");
    EXPECT_AMT(C(0), "credits.earned", "1.0");
    EXPECT_STR(C(0), "path", "credits");
    EXPECT_INT(C(0), "fees.petition_cents", 2500);
    EXPECT_INT(C(1), "fees.petition_cents", 0);
}
END_TEST

/* §6: different E: cpt E 2026-12-31, ep certified 2024-03-01 (2027-02-28 ->
 * E 2027-12-31): no group; own requirements and fees. */
START_TEST(s6_group_excludes_different_E)
{
    EVAL_H("2026-10-01", "{'id':'h1'," CPR "'credentials':[" ACRED("cpt", "acsm-cpt", "2023-05-10", "") ","
           ACRED("ep", "acsm-ep", "2024-03-01", "") "]}");
    EXPECT_STR(C(1), "dates.expires", "2027-12-31");
    EXPECT_ABSENT(C(0), "renewal_group");
    EXPECT_ABSENT(C(1), "renewal_group");
    EXPECT_AMT(C(0), "credits.required", "45.0");
    EXPECT_AMT(C(1), "credits.required", "60.0");
    EXPECT_INT(C(0), "fees.renewal_cents", 4500);
    EXPECT_INT(C(1), "fees.renewal_cents", 5500);
}
END_TEST

/* §6: different R: cpt's application received 2026-09-01 (R), ep has none
 * (R = T = 2026-10-01): no group. */
START_TEST(s6_group_excludes_different_R)
{
    EVAL_H("2026-10-01", "{'id':'h1'," CPR "'credentials':[" ACRED("cpt", "acsm-cpt", "2023-05-10", APP("2026-09-01")) ","
           ACRED("ep", "acsm-ep", "2023-09-01", "") "]}");
    EXPECT_ABSENT(C(0), "renewal_group");
    EXPECT_ABSENT(C(1), "renewal_group");
    EXPECT_INT(C(0), "fees.renewal_cents", 4500);
    EXPECT_INT(C(1), "fees.renewal_cents", 5500);
}
END_TEST

/* §6: the same R: both applications received 2026-09-01: one group, one
 * invoice: ep $55, cpt $5. */
START_TEST(s6_group_same_R_applications)
{
    EVAL_H("2026-10-01", "{'id':'h1'," CPR "'credentials':[" ACRED("cpt", "acsm-cpt", "2023-05-10", APP("2026-09-01")) ","
           ACRED("ep", "acsm-ep", "2023-09-01", APP("2026-09-01")) "]}");
    EXPECT_IDS(C(0), "renewal_group", "cpt,ep");
    EXPECT_INT(C(0), "fees.renewal_cents", 500);
    EXPECT_INT(C(1), "fees.renewal_cents", 5500);
}
END_TEST

/* §6: a member on the exam path leaves the group; with two members, no
 * group remains: cpt needs its own 45, pays its own $45. */
START_TEST(s6_group_excludes_exam_member)
{
    EVAL_H("2026-10-01", "{'id':'h1'," CPR "'credentials':[" ACRED("cpt", "acsm-cpt", "2023-05-10", "") ","
           ACRED("ep", "acsm-ep", "2023-09-01", ",'exam':{'passed':'2026-09-01'}") "]}");
    EXPECT_ABSENT(C(0), "renewal_group");
    EXPECT_ABSENT(C(1), "renewal_group");
    EXPECT_AMT(C(0), "credits.required", "45.0");
    EXPECT_INT(C(0), "fees.renewal_cents", 4500);
    EXPECT_STR(C(1), "path", "exam");
}
END_TEST

/* §6: R past the final deadline: T = 2027-01-05 > E = final deadline
 * 2026-12-31, no application: no group, both lapsed and closed. */
START_TEST(s6_group_excludes_past_final_deadline)
{
    EVAL_H("2027-01-05", ACSM2(HOURS("a", "2024-01-01", "70")));
    EXPECT_ABSENT(C(0), "renewal_group");
    EXPECT_ABSENT(C(1), "renewal_group");
    EXPECT_STR(C(0), "status", "lapsed");
    EXPECT_FEES(C(0), "closed", 0, 0);
    EXPECT_FEES(C(1), "closed", 0, 0);
}
END_TEST

/* ==== §7 Application, fees and the reference day ========================= */

/* §7 on E (T = R = 2026-06-30): on_time $99; §8 eligible, certified. */
START_TEST(s7_on_time_on_E)
{
    EVAL_H("2026-06-30", NASM_H(CPR, "", FULL));
    EXPECT_FEES(C(0), "on_time", 9900, 0);
    EXPECT_STR(C(0), "status", "eligible");
    EXPECT_BOOL(C(0), "certified", 1);
}
END_TEST

/* §7 E + 1 = 2026-07-01: late, $99 + $30; §8 late, not certified. */
START_TEST(s7_late_on_E_plus_1)
{
    EVAL_H("2026-07-01", NASM_H(CPR, "", FULL));
    EXPECT_FEES(C(0), "late", 9900, 3000);
    EXPECT_STR(C(0), "status", "late");
    EXPECT_BOOL(C(0), "certified", 0);
}
END_TEST

/* §7 E + 90 = 2026-09-28: still late ($30). */
START_TEST(s7_late_on_E_plus_90)
{
    EVAL_H("2026-09-28", NASM_H(CPR, "", FULL));
    EXPECT_FEES(C(0), "late", 9900, 3000);
}
END_TEST

/* §7 E + 91 = 2026-09-29: late_additional, $99 + $50 (in place of $30). */
START_TEST(s7_late_additional_on_E_plus_91)
{
    EVAL_H("2026-09-29", NASM_H(CPR, "", FULL));
    EXPECT_FEES(C(0), "late_additional", 9900, 5000);
    EXPECT_STR(C(0), "status", "late");
}
END_TEST

/* §7 E + 1y - 1d = 2027-06-29: the last accepted day, late_additional. */
START_TEST(s7_late_additional_on_last_day)
{
    EVAL_H("2027-06-29", NASM_H(CPR, "", FULL));
    EXPECT_FEES(C(0), "late_additional", 9900, 5000);
    EXPECT_STR(C(0), "status", "late");
}
END_TEST

/* §7 E + 1y = 2027-06-30: closed, nothing due; §8 lapsed. */
START_TEST(s7_closed_on_E_plus_1y)
{
    EVAL_H("2027-06-30", NASM_H(CPR, "", FULL));
    EXPECT_FEES(C(0), "closed", 0, 0);
    EXPECT_STR(C(0), "status", "lapsed");
}
END_TEST

/* §7: the tier follows R, the day received: 2026-09-28 (E + 90) -> late
 * $30, although T = 2026-10-15; status submitted. */
START_TEST(s7_tier_from_received_late)
{
    EVAL_H("2026-10-15", NASM_H(CPR, APP("2026-09-28"), FULL));
    EXPECT_FEES(C(0), "late", 9900, 3000);
    EXPECT_STR(C(0), "status", "submitted");
}
END_TEST

/* §7: received 2026-09-29 (E + 91) -> late_additional $50. */
START_TEST(s7_tier_from_received_late_additional)
{
    EVAL_H("2026-10-15", NASM_H(CPR, APP("2026-09-29"), FULL));
    EXPECT_FEES(C(0), "late_additional", 9900, 5000);
}
END_TEST

/* §7: received on time (2026-06-20 <= E), T after E: on_time $99. */
START_TEST(s7_tier_from_received_on_time)
{
    EVAL_H("2026-07-15", NASM_H(CPR, APP("2026-06-20"), FULL));
    EXPECT_FEES(C(0), "on_time", 9900, 0);
}
END_TEST

/* §7 ACSM: no late window, final deadline E = 2026-12-31: T = E on_time
 * $45; T = E + 1 closed, lapsed even with 50 CEC. */
START_TEST(s7_acsm_closed_after_E)
{
#define H "{'id':'h1'," CPR "'credentials':[" ACRED("c", "acsm-cpt", "2023-05-10", "") "]," CREDITS(HOURS("a", "2024-01-01", "50")) "}"
    EVAL_H("2026-12-31", H);
    EXPECT_FEES(C(0), "on_time", 4500, 0);
    EXPECT_STR(C(0), "status", "eligible");
    EVAL_H("2027-01-01", H);
    EXPECT_FEES(C(0), "closed", 0, 0);
    EXPECT_STR(C(0), "status", "lapsed");
#undef H
}
END_TEST

/* §7 group invoice, tie: cpt and gei both $45: the smallest id "cpt"
 * reports $45, gei $5. (gei certified 2023-01-20 -> E 2026-12-31.) */
START_TEST(s7_group_invoice_tie_smallest_id)
{
    EVAL_H("2026-10-01", "{'id':'h1'," CPR "'credentials':[" ACRED("gei", "acsm-gei", "2023-01-20", "") ","
           ACRED("cpt", "acsm-cpt", "2023-05-10", "") "]," CREDITS(HOURS("a", "2024-01-01", "45")) "}");
    EXPECT_INT(C(0), "fees.renewal_cents", 500);
    EXPECT_INT(C(1), "fees.renewal_cents", 4500);
    EXPECT_INT(C(0), "fees.total_cents", 500);
    EXPECT_INT(C(1), "fees.total_cents", 4500);
}
END_TEST

/* §7 group invoice of three: ep $55 (the highest), cpt $5, cift $5:
 * $65 in all. */
START_TEST(s7_group_invoice_three)
{
    EVAL_H("2026-10-01", "{'id':'h1'," CPR "'credentials':[" ACRED("cpt", "acsm-cpt", "2023-05-10", "") ","
           ACRED("ep", "acsm-ep", "2023-09-01", "") "," ACRED("cift", "acsm-cift", "2023-02-01", "") "]}");
    EXPECT_INT(C(0), "fees.renewal_cents", 500);
    EXPECT_INT(C(1), "fees.renewal_cents", 5500);
    EXPECT_INT(C(2), "fees.renewal_cents", 500);
    EXPECT_IDS(C(2), "renewal_group", "cift,cpt,ep");
}
END_TEST

/* Two user policies of group "g" with late windows through the final
 * deadline E + 1y: la $50 renewal, $10 late, $5 extra; lb $30, $20 late,
 * $7 extra; both certified 2024-06-30 -> E 2026-06-30; grace as given. */
#define LPOL(id, grace, renewal, extra, late)                                                          \
    UPOL(id, "1.0", ",'combine_group':'g','credit_grace_days':" grace ",'fees':{'renewal_cents':" renewal \
         ",'combine_extra_cents':" extra "},'late_windows':[{'tier':'late','through':null,'fee_cents':" late \
         "}],'final_deadline':{'years':1}")
#define LHOLDER(credits) "{'id':'h1','credentials':[{'id':'a','policy':'la','certified':'2024-06-30'}," \
    "{'id':'b','policy':'lb','certified':'2024-06-30'}]," CREDITS(credits) "}"

/* §7: late fees stay per member: T = 2026-07-10 = E + 10, both late; a (the
 * highest renewal fee) $50 + $10; b its extra $7 + its own late fee $20. */
START_TEST(s7_group_late_fees_per_member)
{
    EVAL_DOC("2026-07-10", DOC(LPOL("la", "90", "5000", "500", "1000") "," LPOL("lb", "90", "3000", "700", "2000"),
                               LHOLDER(HOURS("k", "2025-01-01", "10"))));
    EXPECT_IDS(C(0), "renewal_group", "a,b");
    EXPECT_FEES(C(0), "late", 5000, 1000);
    EXPECT_FEES(C(1), "late", 700, 2000);
}
END_TEST

/* §7: a lapsed member pays nothing and is left out of the invoice. No
 * credits, T = E + 10: a (grace 0) is past E + grace with the requirement
 * unmet -> lapsed, closed, $0; b (grace 90) is late and the only member
 * paying: its own $30 renewal + $20 late. */
START_TEST(s7_group_lapsed_member_pays_nothing)
{
    EVAL_DOC("2026-07-10", DOC(LPOL("la", "0", "5000", "500", "1000") "," LPOL("lb", "90", "3000", "700", "2000"),
                               LHOLDER("")));
    EXPECT_STR(C(0), "status", "lapsed");
    EXPECT_FEES(C(0), "closed", 0, 0);
    EXPECT_STR(C(1), "status", "late");
    EXPECT_FEES(C(1), "late", 3000, 2000);
}
END_TEST

/* §7 petition_cents: three petitions filed by T (approved, denied, pending)
 * for entries in S..min(E + 90, T): 3 x $25 = $75, not in total_cents. */
START_TEST(s7_petition_cents_any_outcome)
{
    EVAL_H("2025-06-01", NASM_H(CPR, "", NOTPRE("p1", "2025-01-05", "4", PET("2025-01-20", "approved", "")) ","
                                NOTPRE("p2", "2025-02-05", "3", PET("2025-02-20", "pending", "")) ","
                                NOTPRE("p3", "2025-03-05", "2", PET("2025-03-20", "denied", ""))));
    EXPECT_INT(C(0), "fees.petition_cents", 7500);
    EXPECT_INT(C(0), "fees.total_cents", 9900);
}
END_TEST

/* §7 petition_cents window: an entry completed 2024-06-01 (before S
 * 2024-06-30) with a petition filed 2024-06-10 costs nothing here. */
START_TEST(s7_petition_cents_not_before_S)
{
    EVAL_H("2025-06-01", NASM_H(CPR, "", NOTPRE("p", "2024-06-01", "4", PET("2024-06-10", "approved", ""))));
    EXPECT_INT(C(0), "fees.petition_cents", 0);
}
END_TEST

/* §7 petition_cents window: an entry completed 2026-09-29 (> E + 90 =
 * 2026-09-28), petition filed 2026-10-01, T 2026-10-05: not counted. */
START_TEST(s7_petition_cents_not_after_grace)
{
    EVAL_H("2026-10-05", NASM_H(CPR, "", FULL "," NOTPRE("p", "2026-09-29", "4", PET("2026-10-01", "pending", ""))));
    EXPECT_INT(C(0), "fees.petition_cents", 0);
}
END_TEST

/* §7 petition_cents: only entries that apply to the credential: applies_to
 * ["cpt"] -> nasm pays nothing for it (and ACSM has no petitions). */
START_TEST(s7_petition_cents_applies_to)
{
    EVAL_H("2025-06-01", "{'id':'h1'," CPR "'credentials':[{'id':'nasm','policy':'nasm-cpt','certified':'2022-06-30',"
           "'cycle_start':'2024-06-30'}," ACRED("cpt", "acsm-cpt", "2023-05-10", "") "],'credits':["
           "{'id':'p','completed':'2025-01-05','hours':4,'approval':'not_preapproved','applies_to':['cpt'],"
           "'petition':{'filed':'2025-01-20','status':'pending'}}]}");
    EXPECT_INT(C(0), "fees.petition_cents", 0);
    EXPECT_INT(C(1), "fees.petition_cents", 0);
    EXPECT_NOTICES(C(0), "");
}
END_TEST

/* §7: a petition_required notice states the fee a petition would cost
 * ($25). */
START_TEST(s7_petition_required_states_fee)
{
    const char *msg;
    EVAL_H("2025-06-01", NASM_H(CPR, "", NOTPRE("p", "2025-01-05", "4", "")));
    msg = json_string_value(rs_at(C(0), "notices[0].message"));
    ck_assert_msg(msg != NULL && strstr(msg, "25") != NULL, "petition_required message without the $25 fee: %s",
                  msg ? msg : "(none)");
}
END_TEST

/* §7, §8: a rejected application (received 2026-06-20, rejected 2026-06-25)
 * is as if none: priced on T = 2026-07-10 = E + 10: late $99 + $30, status
 * late. */
START_TEST(s7_rejected_priced_on_T)
{
    EVAL_H("2026-07-10", NASM_H(CPR, ",'application':{'received':'2026-06-20','decision':'rejected','decided':'2026-06-25'}", FULL));
    EXPECT_STR(C(0), "status", "late");
    EXPECT_FEES(C(0), "late", 9900, 3000);
}
END_TEST

/* §7: the same with an undated rejection (counts from receipt) as of
 * 2026-10-01 = E + 93: late_additional. */
START_TEST(s7_rejected_undated_priced_on_T)
{
    EVAL_H("2026-10-01", NASM_H(CPR, ",'application':{'received':'2026-06-20','decision':'rejected'}", FULL));
    EXPECT_STR(C(0), "status", "late");
    EXPECT_FEES(C(0), "late_additional", 9900, 5000);
}
END_TEST

/* ==== §8 Status and certified ============================================ */

/* §8 renewed whatever the day: received 2027-07-15 (after the final deadline
 * 2027-06-29), accepted 2027-07-20; T 2027-08-01 <= E' = 2028-06-30:
 * renewed and certified. */
START_TEST(s8_renewed_whatever_day)
{
    EVAL_H("2027-08-01", NASM_H(CPR, ",'application':{'received':'2027-07-15','decision':'accepted','decided':'2027-07-20'}", FULL));
    EXPECT_STR(C(0), "status", "renewed");
    EXPECT_BOOL(C(0), "certified", 1);
    EXPECT_STR(C(0), "next_cycle.expires", "2028-06-30");
}
END_TEST

/* §8 certified for renewed until E' = 2028-06-30: true on E', false on
 * 2028-07-01 (status still renewed). */
START_TEST(s8_renewed_certified_until_E_prime)
{
#define ACC ",'application':{'received':'2026-06-01','decision':'accepted','decided':'2026-06-05'}"
    EVAL_H("2028-06-30", NASM_H(CPR, ACC, FULL));
    EXPECT_STR(C(0), "status", "renewed");
    EXPECT_BOOL(C(0), "certified", 1);
    EVAL_H("2028-07-01", NASM_H(CPR, ACC, FULL));
    EXPECT_STR(C(0), "status", "renewed");
    EXPECT_BOOL(C(0), "certified", 0);
#undef ACC
}
END_TEST

/* §8 submitted: received 2026-06-01, no decision: T 2026-06-05 <= E
 * certified; T 2026-07-05 > E: submitted but not certified. */
START_TEST(s8_submitted_certified_until_E)
{
    EVAL_H("2026-06-05", NASM_H(CPR, APP("2026-06-01"), FULL));
    EXPECT_STR(C(0), "status", "submitted");
    EXPECT_BOOL(C(0), "certified", 1);
    EVAL_H("2026-07-05", NASM_H(CPR, APP("2026-06-01"), FULL));
    EXPECT_STR(C(0), "status", "submitted");
    EXPECT_BOOL(C(0), "certified", 0);
}
END_TEST

/* §8 submitted: an explicit pending decision is the same. */
START_TEST(s8_submitted_pending_decision)
{
    EVAL_H("2026-06-05", NASM_H(CPR, ",'application':{'received':'2026-06-01','decision':'pending'}", FULL));
    EXPECT_STR(C(0), "status", "submitted");
}
END_TEST

/* §8 in_progress: T <= E, 1.0 CEU only: no path; still certified. */
START_TEST(s8_in_progress)
{
    EVAL_H("2026-06-30", NASM_H(CPR, "", "{'id':'k1','completed':'2024-09-01','amount':1.0,'unit':'ceu'}"));
    EXPECT_STR(C(0), "status", "in_progress");
    EXPECT_BOOL(C(0), "certified", 1);
    EXPECT_NULL(C(0), "path");
}
END_TEST

/* §8 late, requirement unmet but T = E + 90 = 2026-09-28 <= E + grace:
 * credits can still be earned. */
START_TEST(s8_late_unmet_within_grace)
{
    EVAL_H("2026-09-28", NASM_H(CPR, "", ""));
    EXPECT_STR(C(0), "status", "late");
    EXPECT_FEES(C(0), "late", 9900, 3000);
}
END_TEST

/* §8 lapsed: unmet and T = E + 91 = 2026-09-29 > E + grace: lapsed, and a
 * lapsed credential is always closed (§7), although R = T is in a window. */
START_TEST(s8_lapsed_unmet_after_grace)
{
    EVAL_H("2026-09-29", NASM_H(CPR, "", ""));
    EXPECT_STR(C(0), "status", "lapsed");
    EXPECT_FEES(C(0), "closed", 0, 0);
    EXPECT_BOOL(C(0), "certified", 0);
}
END_TEST

/* §8 late: requirement met, T = E + 91 > E + grace but <= final deadline. */
START_TEST(s8_late_met_after_grace)
{
    EVAL_H("2026-09-29", NASM_H(CPR, "", FULL));
    EXPECT_STR(C(0), "status", "late");
}
END_TEST

/* §8: a missing CPR/AED does not make a credential lapsed: 1.9 CEU met, no
 * CPR/AED, T 2026-10-15 > E + 90: late (no path), late_additional. */
START_TEST(s8_missing_cpr_not_lapsed)
{
    EVAL_H("2026-10-15", NASM_H(NOCPR, "", FULL));
    EXPECT_STR(C(0), "status", "late");
    EXPECT_NULL(C(0), "path");
    EXPECT_FEES(C(0), "late_additional", 9900, 5000);
}
END_TEST

/* §8 before `certified`: certified 2026-01-01 (E 2028-01-01), T 2025-12-01:
 * the ordinary rules (in_progress), certified false; on 2026-01-01 true. */
START_TEST(s8_before_certified_day)
{
#define H "{'id':'h1'," CPR "'credentials':[{'id':'n','policy':'nasm-cpt','certified':'2026-01-01'}]}"
    EVAL_H("2025-12-01", H);
    EXPECT_STR(C(0), "status", "in_progress");
    EXPECT_BOOL(C(0), "certified", 0);
    EXPECT_STR(C(0), "dates.expires", "2028-01-01");
    EVAL_H("2026-01-01", H);
    EXPECT_BOOL(C(0), "certified", 1);
#undef H
}
END_TEST

/* §8: an accepted application stands even without credits: renewed. */
START_TEST(s8_accepted_stands)
{
    EVAL_H("2026-06-10", NASM_H(NOCPR, ",'application':{'received':'2026-06-01','decision':'accepted'}", ""));
    EXPECT_STR(C(0), "status", "renewed");
    EXPECT_BOOL(C(0), "certified", 1);
}
END_TEST

/* ==== §9 Audit =========================================================== */

/* Application received 2026-06-20, audit selected A = 2026-07-01,
 * documents due A + 30 = 2026-07-31. */
#define AUD(more) ",'application':{'received':'2026-06-20'},'audit':{'selected':'2026-07-01'" more "}"

/* §9: on A + 30 = 2026-07-31 documents are still due (inclusive). */
START_TEST(s9_documents_due_on_A_plus_30)
{
    EVAL_H("2026-07-31", NASM_H(CPR, AUD(""), FULL));
    EXPECT_STR(C(0), "audit.state", "documents_due");
    EXPECT_STR(C(0), "audit.documents_due", "2026-07-31");
    EXPECT_STR(C(0), "dates.audit_documents_due", "2026-07-31");
    EXPECT_NOTICES(C(0), "audit_documents_due");
}
END_TEST

/* §9: on A + 31 = 2026-08-01 without documents: overdue. */
START_TEST(s9_overdue_on_A_plus_31)
{
    EVAL_H("2026-08-01", NASM_H(CPR, AUD(""), FULL));
    EXPECT_STR(C(0), "audit.state", "overdue");
    EXPECT_NOTICES(C(0), "audit_overdue");
}
END_TEST

/* §9: documents received after the due day (2026-08-10) still make it
 * under_review (T 2026-08-15); no audit notice. */
START_TEST(s9_late_documents_under_review)
{
    EVAL_H("2026-08-15", NASM_H(CPR, AUD(",'documents_received':'2026-08-10'"), FULL));
    EXPECT_STR(C(0), "audit.state", "under_review");
    EXPECT_NOTICES(C(0), "");
}
END_TEST

/* §9: passed, decided 2026-07-20 <= T. */
START_TEST(s9_passed)
{
    EVAL_H("2026-07-25", NASM_H(CPR, AUD(",'documents_received':'2026-07-10','outcome':'passed','decided':'2026-07-20'"), FULL));
    EXPECT_STR(C(0), "audit.state", "passed");
    EXPECT_STR(C(0), "audit.documents_due", "2026-07-31");
}
END_TEST

/* §9: failed, decided 2026-07-20 <= T. */
START_TEST(s9_failed)
{
    EVAL_H("2026-07-25", NASM_H(CPR, AUD(",'documents_received':'2026-07-10','outcome':'failed','decided':'2026-07-20'"), FULL));
    EXPECT_STR(C(0), "audit.state", "failed");
}
END_TEST

/* §9: a recorded outcome wins over the due day: passed 2026-07-15 with no
 * documents, T 2026-08-15 (> A + 30). */
START_TEST(s9_outcome_wins)
{
    EVAL_H("2026-08-15", NASM_H(CPR, AUD(",'outcome':'passed','decided':'2026-07-15'"), FULL));
    EXPECT_STR(C(0), "audit.state", "passed");
    EXPECT_NOTICES(C(0), "");
}
END_TEST

/* §9: a decided day without an outcome is ignored: documents 2026-07-10,
 * decided 2026-07-20, T 2026-07-25: under_review. */
START_TEST(s9_decided_without_outcome_ignored)
{
    EVAL_H("2026-07-25", NASM_H(CPR, AUD(",'documents_received':'2026-07-10','decided':'2026-07-20'"), FULL));
    EXPECT_STR(C(0), "audit.state", "under_review");
}
END_TEST

/* §9: the audit of a rejected application is not reported. */
START_TEST(s9_rejected_application_audit_not_reported)
{
    EVAL_H("2026-07-10", NASM_H(CPR, ",'application':{'received':'2026-06-20','decision':'rejected','decided':'2026-06-25'},"
                                "'audit':{'selected':'2026-06-22'}", FULL));
    EXPECT_STR(C(0), "audit.state", "none");
    EXPECT_NULL(C(0), "audit.documents_due");
    EXPECT_NULL(C(0), "dates.audit_documents_due");
    NO_NOTICE(C(0), "audit_documents_due");
}
END_TEST

/* §9: an audit without a recorded application does not apply: none. */
START_TEST(s9_no_application_no_audit)
{
    EVAL_H("2026-06-10", NASM_H(CPR, ",'audit':{'selected':'2026-06-01'}", FULL));
    EXPECT_STR(C(0), "audit.state", "none");
    EXPECT_NULL(C(0), "dates.audit_documents_due");
}
END_TEST

/* §9: a policy without audit (ACSM): none, even with an audit recorded. */
START_TEST(s9_policy_without_audit)
{
    EVAL_H("2026-11-10", "{'id':'h1'," CPR "'credentials':[" ACRED("c", "acsm-cpt", "2023-05-10",
           ",'application':{'received':'2026-11-01'},'audit':{'selected':'2026-11-02'}") "]}");
    EXPECT_STR(C(0), "audit.state", "none");
    EXPECT_NULL(C(0), "audit.documents_due");
    EXPECT_NOTICES(C(0), "");
}
END_TEST

/* §9: documents_days is policy data: 10 days; selected 2025-03-01 -> due
 * 2025-03-11: documents_due on 2025-03-11, overdue on 2025-03-12. */
START_TEST(s9_custom_documents_days)
{
#define D(asof) EVAL_DOC(asof, DOC(UPOL("au", "1.0", ",'audit':{'documents_days':10}"), \
    "{'id':'h1','credentials':[{'id':'c','policy':'au','certified':'2024-01-01',"                   \
    "'application':{'received':'2025-02-20'},'audit':{'selected':'2025-03-01'}}]}"))
    D("2025-03-11");
    EXPECT_STR(C(0), "audit.state", "documents_due");
    EXPECT_STR(C(0), "audit.documents_due", "2025-03-11");
    D("2025-03-12");
    EXPECT_STR(C(0), "audit.state", "overdue");
#undef D
}
END_TEST

/* ==== §10 Key dates and amounts ========================================== */

/* §10 NASM dates (worked out at the top of the file). */
START_TEST(s10_nasm_dates)
{
    EVAL_H("2025-06-01", NASM_H(CPR, "", FULL));
    EXPECT_STR(C(0), "dates.cycle_start", "2024-06-30");
    EXPECT_STR(C(0), "dates.expires", "2026-06-30");
    EXPECT_STR(C(0), "dates.credit_deadline", "2026-09-28");
    EXPECT_STR(C(0), "dates.on_time_deadline", "2026-06-30");
    EXPECT_STR(C(0), "dates.late_fee_deadline", "2026-09-28");
    EXPECT_STR(C(0), "dates.final_deadline", "2027-06-29");
    EXPECT_STR(C(0), "dates.cpr_aed_expires", "2027-07-15");
    EXPECT_NULL(C(0), "dates.audit_documents_due");
    EXPECT_NULL(C(0), "dates.exam_deadline");
    EXPECT_STR(C(0), "credits.unit", "CEU");
}
END_TEST

/* §10 ACSM dates: certified 2023-05-10, E 2026-12-31, grace 0, no late
 * window, final deadline E, exam deadline E. */
START_TEST(s10_acsm_dates)
{
    EVAL_H("2025-06-01", "{'id':'h1'," CPR "'credentials':[" ACRED("c", "acsm-cpt", "2023-05-10", "") "]}");
    EXPECT_STR(C(0), "dates.cycle_start", "2023-05-10");
    EXPECT_STR(C(0), "dates.expires", "2026-12-31");
    EXPECT_STR(C(0), "dates.credit_deadline", "2026-12-31");
    EXPECT_STR(C(0), "dates.on_time_deadline", "2026-12-31");
    EXPECT_NULL(C(0), "dates.late_fee_deadline");
    EXPECT_STR(C(0), "dates.final_deadline", "2026-12-31");
    EXPECT_STR(C(0), "dates.exam_deadline", "2026-12-31");
    EXPECT_NULL(C(0), "dates.audit_documents_due");
    EXPECT_STR(C(0), "credits.unit", "CEC");
}
END_TEST

/* §10 amounts: 1.0 CEU counted, 0.4 pending, CPR/AED current: required 2.0,
 * earned 1.0 + 0.1 = 1.1, pending 0.4, shortfall 1.9 - 1.0 = 0.9. */
START_TEST(s10_amounts)
{
    EVAL_H("2025-06-01", NASM_H(CPR, "", "{'id':'k1','completed':'2024-09-01','amount':1.0,'unit':'ceu'},"
                                NOTPRE("p", "2025-01-05", "4", PET("2025-01-20", "pending", ""))));
    EXPECT_AMT(C(0), "credits.required", "2.0");
    EXPECT_AMT(C(0), "credits.earned", "1.1");
    EXPECT_AMT(C(0), "credits.pending", "0.4");
    EXPECT_AMT(C(0), "credits.shortfall", "0.9");
}
END_TEST

/* §10 shortfall never negative: 30 h = 3.0 CEU: earned 3.1, shortfall 0. */
START_TEST(s10_shortfall_never_negative)
{
    EVAL_H("2025-06-01", NASM_H(CPR, "", HOURS("a", "2025-01-01", "30")));
    EXPECT_AMT(C(0), "credits.earned", "3.1");
    EXPECT_AMT(C(0), "credits.shortfall", "0.0");
}
END_TEST

/* §10 shortfall adds the CPR/AED credit when not current: 1.0 CEU, no
 * CPR/AED: (1.9 - 1.0) + 0.1 = 1.0; earned 1.0. */
START_TEST(s10_shortfall_with_cpr_missing)
{
    EVAL_H("2025-06-01", NASM_H(NOCPR, "", "{'id':'k1','completed':'2024-09-01','amount':1.0,'unit':'ceu'}"));
    EXPECT_AMT(C(0), "credits.earned", "1.0");
    EXPECT_AMT(C(0), "credits.shortfall", "1.0");
}
END_TEST

/* docs/format.md: counted lists the ids in input order (not date order). */
START_TEST(s10_counted_in_input_order)
{
    EVAL_H("2025-06-01", NASM_H(CPR, "", HOURS("c", "2025-05-01", "1") "," HOURS("a", "2024-09-01", "1") ","
                                HOURS("b", "2025-01-01", "1")));
    EXPECT_IDS(C(0), "credits.counted", "c,a,b");
}
END_TEST

/* docs/format.md: notices ordered by code, then by the credit's input order.
 * T 2026-10-05, no application: z and y (not preapproved, no petition, in
 * the window) and a (2026-10-01 > E + 90). */
START_TEST(s10_notice_order)
{
    EVAL_H("2026-10-05", NASM_H(CPR, "", NOTPRE("z", "2025-01-01", "1", "") "," NOTPRE("y", "2025-02-01", "1", "") ","
                                HOURS("a", "2026-10-01", "1")));
    EXPECT_NOTICES(C(0), "credit_outside_window:a,petition_required:z,petition_required:y");
}
END_TEST

/* docs/format.md: every listed member is present; next_cycle and renewal_group
 * only when they apply; ids and policy echo the input. */
START_TEST(s10_report_shape)
{
    json_t *c;
    EVAL_H("2025-06-01", NASM_H(CPR, "", FULL));
    c = C(0);
    EXPECT_STR(c, "id", "nasm");
    EXPECT_STR(c, "policy", "nasm-cpt");
    EXPECT_STR(g_report, "as_of", "2025-06-01");
    EXPECT_INT(g_report, "recert", 1);
    EXPECT_STR(g_report, "holders[0].id", "h1");
    EXPECT_STR(c, "fees.currency", "USD");
    EXPECT_ABSENT(c, "next_cycle");
    EXPECT_ABSENT(c, "renewal_group");
    ck_assert(json_is_array(rs_at(c, "notices")));
}
END_TEST

/* ==== §11 The built-in policies ========================================== */

struct builtin {
    const char *id, *org, *unit, *expires, *required; /* required in the policy's unit */
    int years, grace, renewal, exam, combine_extra;
    const char *cpr_credit, *unapproved, *group;
};

static const struct builtin builtins[] = {
    {"nasm-cpt", "NASM", "CEU", "anniversary", "1.9", 2, 90, 9900, 0, 0, "0.1", "petition", NULL},
    {"acsm-gei", "ACSM", "CEC", "year_end", "45", 3, 0, 4500, 1, 500, "0", "accepted", "acsm"},
    {"acsm-cpt", "ACSM", "CEC", "year_end", "45", 3, 0, 4500, 1, 500, "0", "accepted", "acsm"},
    {"acsm-ep", "ACSM", "CEC", "year_end", "60", 3, 0, 5500, 1, 500, "0", "accepted", "acsm"},
    {"acsm-cep", "ACSM", "CEC", "year_end", "60", 3, 0, 5500, 1, 500, "0", "accepted", "acsm"},
    {"acsm-rcep", "ACSM", "CEC", "year_end", "60", 3, 0, 5500, 1, 500, "0", "accepted", "acsm"},
    {"acsm-cift", "ACSM/NCHPAD", "CEC", "year_end", "15", 3, 0, 3500, 1, 500, "0", "accepted", "acsm"},
    {"acsm-cet", "ACSM/ACS", "CEC", "year_end", "15", 3, 0, 3500, 1, 500, "0", "accepted", "acsm"},
    {"acsm-paphs", "ACSM/NPAS", "CEC", "year_end", "45", 3, 0, 3500, 1, 500, "0", "accepted", "acsm"},
};
#define N_BUILTINS ((int)(sizeof builtins / sizeof builtins[0]))

/* A policy amount (JSON integer or real) in ten-thousandths. */
static long long num4(const json_t *v)
{
    if (json_is_integer(v))
        return (long long)json_integer_value(v) * 10000;
    return rs_real4(json_real_value(v));
}

/* §11: recert_policies_json() lists exactly the nine built-in policies. */
START_TEST(s11_nine_builtins)
{
    char *out = NULL;
    json_t *arr;
    size_t i;
    int k, found[sizeof builtins / sizeof builtins[0]] = {0};

    ck_assert_int_eq(recert_policies_json(&out), RECERT_OK);
    ck_assert_ptr_nonnull(out);
    arr = json_loads(out, 0, NULL);
    recert_free(out);
    ck_assert_msg(json_is_array(arr), "recert_policies_json: not a JSON array");
    ck_assert_msg(json_array_size(arr) == 9, "expected 9 built-in policies, got %zu", json_array_size(arr));
    for (i = 0; i < json_array_size(arr); i++) {
        const char *id = json_string_value(json_object_get(json_array_get(arr, i), "id"));
        for (k = 0; k < N_BUILTINS; k++)
            if (id && strcmp(id, builtins[k].id) == 0)
                found[k]++;
    }
    for (k = 0; k < N_BUILTINS; k++)
        ck_assert_msg(found[k] == 1, "built-in %s listed %d times", builtins[k].id, found[k]);
    json_decref(arr);
}
END_TEST

/* §11 table, one built-in per loop index: organization, unit, cycle,
 * requirement, renewal fee, grace, CPR/AED, petitions, exam path, group. */
START_TEST(s11_builtin_policy_data)
{
    const struct builtin *b = &builtins[_i];
    char *out = NULL;
    json_t *arr, *p = NULL;
    size_t i;

    ck_assert_int_eq(recert_policies_json(&out), RECERT_OK);
    arr = json_loads(out, 0, NULL);
    recert_free(out);
    for (i = 0; i < json_array_size(arr); i++)
        if (strcmp(json_string_value(json_object_get(json_array_get(arr, i), "id")), b->id) == 0)
            p = json_array_get(arr, i);
    ck_assert_msg(p != NULL, "no built-in %s", b->id);
    EXPECT_STR(p, "organization", b->org);
    EXPECT_STR(p, "currency", "USD");
    EXPECT_STR(p, "unit.name", b->unit);
    EXPECT_INT(p, "cycle.years", b->years);
    EXPECT_STR(p, "cycle.expires", b->expires);
    ck_assert_msg(num4(rs_at(p, "credits_required")) == rs_dec4(b->required), "%s: credits_required, expected %s",
                  b->id, b->required);
    EXPECT_INT(p, "credit_grace_days", b->grace);
    EXPECT_BOOL(p, "cpr_aed.required", 1);
    ck_assert_msg(num4(rs_at(p, "cpr_aed.credit")) == rs_dec4(b->cpr_credit), "%s: cpr_aed.credit, expected %s", b->id,
                  b->cpr_credit);
    EXPECT_STR(p, "unapproved_credits", b->unapproved);
    EXPECT_BOOL(p, "exam_path", b->exam);
    EXPECT_INT(p, "fees.renewal_cents", b->renewal);
    if (b->group) {
        EXPECT_STR(p, "combine_group", b->group);
        EXPECT_INT(p, "fees.combine_extra_cents", b->combine_extra);
    }
    json_decref(arr);
}
END_TEST

/* §11 through evaluation: a credential on each built-in, certified
 * 2023-05-10, T 2025-02-01 (CPR/AED current): NASM E = 2025-05-10 (anniversary, 2 years),
 * ACSM E = 2026-12-31; required = requirement + CPR/AED credit (NASM 2.0,
 * ACSM the requirement); renewal fee on time. */
START_TEST(s11_builtin_evaluates)
{
    const struct builtin *b = &builtins[_i];
    static char doc[1024];
    json_t *c;
    long long want_req = rs_dec4(b->required) + rs_dec4(b->cpr_credit);

    snprintf(doc, sizeof doc, "{'recert':1,'holders':[{'id':'h1'," CPR "'credentials':[{'id':'c','policy':'%s',"
                              "'certified':'2023-05-10'}]}]}", b->id);
    EVAL_DOC("2025-02-01", doc);
    c = C(0);
    EXPECT_STR(c, "policy", b->id);
    EXPECT_STR(c, "dates.expires", b->years == 2 ? "2025-05-10" : "2026-12-31");
    EXPECT_STR(c, "credits.unit", b->unit);
    ck_assert_msg(json_is_real(rs_at(c, "credits.required")) && rs_real4(json_real_value(rs_at(c, "credits.required"))) == want_req,
                  "%s: required should be %lld/10000", b->id, want_req);
    EXPECT_FEES(c, "on_time", b->renewal, 0);
}
END_TEST

/* ==== Errors ============================================================= */

/* docs/format.md: an invalid date is RECERT_EDATA at its path, the message
 * showing the value. */
START_TEST(err_invalid_date)
{
    EXPECT_ERROR("{'recert':1,'holders':[{'id':'h1','credits':[{'id':'a','completed':'2025-02-30','hours':1}]}]}",
                 RECERT_EDATA, "holders[0].credits[0].completed");
    ck_assert_msg(strstr(recert_error_message(), "2025-02-30") != NULL, "the message does not show the value: %s",
                  recert_error_message());
    ck_assert_int_eq(recert_error_last()->code, RECERT_EDATA);
    ck_assert_str_eq(recert_error_last()->path, "holders[0].credits[0].completed");
}
END_TEST

/* docs/format.md: an unknown member is an error naming its path. */
START_TEST(err_unknown_member)
{
    EXPECT_ERROR("{'recert':1,'holders':[{'id':'h1','credentials':[{'id':'n','policy':'nasm-cpt',"
                 "'certified':'2022-06-30','expries':'2024-06-30'}]}]}",
                 RECERT_EDATA, "holders[0].credentials[0].expries");
}
END_TEST

/* docs/format.md: x- members are allowed on every object. */
START_TEST(err_x_members_allowed)
{
    EVAL_DOC("2025-06-01", "{'recert':1,'x-app':{'v':1},'holders':[{'id':'h1','x-h':1,"
                           "'cpr_aed':{'completed':'2025-01-15','expires':'2027-07-15','x-c':true},"
                           "'credentials':[{'id':'nasm','policy':'nasm-cpt','certified':'2022-06-30',"
                           "'cycle_start':'2024-06-30','x-cr':'a','application':{'received':'2025-05-01','x-a':null}}],"
                           "'credits':[{'id':'k','completed':'2025-01-01','hours':1,'x-k':[1,2]}]}]}");
    EXPECT_STR(C(0), "status", "submitted");
}
END_TEST

/* An unknown policy id: RECERT_EDATA at the credential's policy. */
START_TEST(err_unknown_policy)
{
    EXPECT_ERROR("{'recert':1,'holders':[{'id':'h1','credentials':[{'id':'n','policy':'nasm-xyz',"
                 "'certified':'2022-06-30'}]}]}",
                 RECERT_EDATA, "holders[0].credentials[0].policy");
}
END_TEST

/* Duplicate holder ids: an error at the second one. */
START_TEST(err_duplicate_holder_id)
{
    EXPECT_ERROR("{'recert':1,'holders':[{'id':'h1'},{'id':'h1'}]}", RECERT_EDATA, "holders[1].id");
}
END_TEST

/* Duplicate credential ids within a holder. */
START_TEST(err_duplicate_credential_id)
{
    EXPECT_ERROR("{'recert':1,'holders':[{'id':'h1','credentials':[{'id':'n','policy':'nasm-cpt','certified':'2022-06-30'},"
                 "{'id':'n','policy':'acsm-cpt','certified':'2022-06-30'}]}]}",
                 RECERT_EDATA, "holders[0].credentials[1].id");
}
END_TEST

/* Duplicate credit ids within a holder. */
START_TEST(err_duplicate_credit_id)
{
    EXPECT_ERROR("{'recert':1,'holders':[{'id':'h1','credits':[{'id':'a','completed':'2025-01-01','hours':1},"
                 "{'id':'a','completed':'2025-01-02','hours':1}]}]}",
                 RECERT_EDATA, "holders[0].credits[1].id");
}
END_TEST

/* applies_to naming an unknown credential id. */
START_TEST(err_applies_to_unknown)
{
    EXPECT_ERROR("{'recert':1,'holders':[{'id':'h1','credentials':[{'id':'n','policy':'nasm-cpt','certified':'2022-06-30'}],"
                 "'credits':[{'id':'a','completed':'2025-01-01','hours':1,'applies_to':['nope']}]}]}",
                 RECERT_EDATA, "holders[0].credits[0].applies_to[0]");
}
END_TEST

/* An amount with three decimals (amount + unit, and hours). */
START_TEST(err_amount_three_decimals)
{
    EXPECT_ERROR("{'recert':1,'holders':[{'id':'h1','credits':[{'id':'a','completed':'2025-01-01','amount':1.125,"
                 "'unit':'ceu'}]}]}",
                 RECERT_EDATA, "holders[0].credits[0].amount");
    EXPECT_ERROR("{'recert':1,'holders':[{'id':'h1','credits':[{'id':'a','completed':'2025-01-01','hours':1.125}]}]}",
                 RECERT_EDATA, "holders[0].credits[0].hours");
}
END_TEST

/* Zero and negative amounts are errors. */
START_TEST(err_amount_not_positive)
{
    EXPECT_ERROR("{'recert':1,'holders':[{'id':'h1','credits':[{'id':'a','completed':'2025-01-01','hours':0}]}]}",
                 RECERT_EDATA, "holders[0].credits[0].hours");
    EXPECT_ERROR("{'recert':1,'holders':[{'id':'h1','credits':[{'id':'a','completed':'2025-01-01','hours':-1}]}]}",
                 RECERT_EDATA, "holders[0].credits[0].hours");
}
END_TEST

/* A wrong type: hours as a string. */
START_TEST(err_wrong_type)
{
    EXPECT_ERROR("{'recert':1,'holders':[{'id':'h1','credits':[{'id':'a','completed':'2025-01-01','hours':'4'}]}]}",
                 RECERT_EDATA, "holders[0].credits[0].hours");
}
END_TEST

/* A value outside its enumeration: decision "maybe". */
START_TEST(err_bad_enum)
{
    EXPECT_ERROR("{'recert':1,'holders':[{'id':'h1','credentials':[{'id':'n','policy':'nasm-cpt','certified':'2022-06-30',"
                 "'application':{'received':'2025-01-01','decision':'maybe'}}]}]}",
                 RECERT_EDATA, "holders[0].credentials[0].application.decision");
}
END_TEST

/* A required member missing: a credential without certified. */
START_TEST(err_missing_required_member)
{
    EXPECT_ERROR_UNDER("{'recert':1,'holders':[{'id':'h1','credentials':[{'id':'n','policy':'nasm-cpt'}]}]}",
                       RECERT_EDATA, "holders[0].credentials[0]");
}
END_TEST

/* "recert": 2 is an error at "recert". */
START_TEST(err_recert_version)
{
    EXPECT_ERROR("{'recert':2,'holders':[]}", RECERT_EDATA, "recert");
}
END_TEST

/* Not JSON: RECERT_EPARSE. */
START_TEST(err_not_json)
{
    EXPECT_ERROR("{'recert':1,'holders':[", RECERT_EPARSE, NULL);
}
END_TEST

/* Duplicate keys in one object are an error. */
START_TEST(err_duplicate_keys)
{
    EXPECT_ERROR("{'recert':1,'holders':[{'id':'h1','id':'h2'}]}", 0, NULL);
}
END_TEST

/* as_of NULL is RECERT_EINVAL (the library never reads the clock). */
START_TEST(err_as_of_null)
{
    rs_expect_error_at(__LINE__, "{'recert':1,'holders':[]}", NULL, RECERT_EINVAL, NULL, 0);
}
END_TEST

/* §11a: a version may not change the cycle (it decides which version
 * applies), so a "cycle" member in a version is an error under its path. */
START_TEST(err_version_changes_cycle)
{
    EXPECT_ERROR_UNDER(DOC(UPOL("v", "1.0", ",'versions':[{'effective':'2022-01-01','cycle':{'years':3,'expires':'anniversary'}}]"),
                           "{'id':'h1'}"),
                       RECERT_EDATA, "policies[0].versions[0].cycle");
}
END_TEST

/* An empty, valid document evaluates to an empty report. */
START_TEST(ok_empty_document)
{
    EVAL_DOC("2025-06-01", "{'recert':1,'holders':[]}");
    ck_assert(json_is_array(json_object_get(g_report, "holders")));
    ck_assert_uint_eq(json_array_size(json_object_get(g_report, "holders")), 0);
}
END_TEST

/* ==== Further boundaries (registered with their sections) ================ */

/* §1, §4: T = E + 91 = 2026-09-29: x completed that day (by T, after E + 90)
 * gets credit_outside_window; y completed 2026-09-30 (after T) has not
 * happened: no notice for it. */
START_TEST(s1_outside_window_notice_only_by_T)
{
    EVAL_H("2026-09-29", NASM_H(CPR, "", FULL "," HOURS("x", "2026-09-29", "1") "," HOURS("y", "2026-09-30", "1")));
    EXPECT_NOTICES(C(0), "credit_outside_window:x");
}
END_TEST

/* §4 window min(E + grace, R, T) with R after E + grace: received
 * 2026-10-10 (T 2026-10-15): w (2026-09-28 = E + 90) counts, z (2026-09-29,
 * before R but after E + 90) does not, and gets no notice (an application
 * is recorded). */
START_TEST(s4_window_ends_at_grace_before_R)
{
    EVAL_H("2026-10-15", NASM_H(CPR, APP("2026-10-10"), HOURS("w", "2026-09-28", "19") "," HOURS("z", "2026-09-29", "5")));
    EXPECT_IDS(C(0), "credits.counted", "w");
    EXPECT_NOTICES(C(0), "");
    EXPECT_STR(C(0), "status", "submitted");
    EXPECT_STR(C(0), "fees.tier", "late_additional");
}
END_TEST

/* §4: a pending petition for an entry after E + 90 (2026-09-29), T
 * 2026-10-05: nothing pending, no petition notice, only
 * credit_outside_window. */
START_TEST(s4_pending_only_inside_window_after)
{
    EVAL_H("2026-10-05", NASM_H(CPR, "", FULL "," NOTPRE("p", "2026-09-29", "4", PET("2026-09-30", "pending", ""))));
    EXPECT_AMT(C(0), "credits.pending", "0.0");
    EXPECT_NOTICES(C(0), "credit_outside_window:p");
}
END_TEST

/* §4: a pending petition for an entry completed 2026-06-05, after the
 * application received 2026-06-01 (window ends at R), T 2026-06-10: not
 * pending, no petition notice, no credit_outside_window (application). */
START_TEST(s4_pending_only_inside_window_after_R)
{
    EVAL_H("2026-06-10", NASM_H(CPR, APP("2026-06-01"), FULL "," NOTPRE("p", "2026-06-05", "4", PET("2026-06-06", "pending", ""))));
    EXPECT_AMT(C(0), "credits.pending", "0.0");
    EXPECT_NOTICES(C(0), "");
}
END_TEST

/* §2: a custom policy's unit may be used by an entry for another
 * credential: 3 pts (3 per hour) = 1 h = 0.1 CEU for NASM: earned 0.1 +
 * 0.1 CPR/AED = 0.2. */
START_TEST(s2_custom_unit_for_other_policy)
{
    EVAL_DOC("2025-06-01",
             DOC("{'id':'pt','organization':'X','name':'Points','currency':'USD','unit':{'name':'pts','per_hour':3},"
                 "'cycle':{'years':2,'expires':'anniversary'},'credits_required':3}",
                 NASM_H(CPR, "", "{'id':'a','completed':'2025-01-01','amount':3,'unit':'pts'}")));
    EXPECT_IDS(C(0), "credits.counted", "a");
    EXPECT_AMT(C(0), "credits.earned", "0.2");
}
END_TEST

/* §3: expires 2017-06-30, before the first cycle's end 2018-06-30 (the
 * nearest): S = certified 2016-06-30. */
START_TEST(s3_walk_first_cycle)
{
    EVAL_H("2017-01-01", "{'id':'h1','credentials':[{'id':'n','policy':'nasm-cpt','certified':'2016-06-30',"
                         "'expires':'2017-06-30'}]}");
    EXPECT_STR(C(0), "dates.cycle_start", "2016-06-30");
}
END_TEST

/* §3 year_end tie: from certified 2016-03-15 cycles end 2019-12-31 and
 * 2022-12-31 (1096 days apart). Thru 2021-07-01 is 548 days from each: the
 * later cycle, S = 2020-01-01. Thru 2021-06-30 (547 vs 549): the earlier
 * cycle, S = 2016-03-15. */
START_TEST(s3_walk_year_end_tie)
{
    EVAL_H("2021-01-01", "{'id':'h1','credentials':[" ACRED("c", "acsm-cpt", "2016-03-15", ",'expires':'2021-07-01'") "]}");
    EXPECT_STR(C(0), "dates.cycle_start", "2020-01-01");
    EVAL_H("2021-01-01", "{'id':'h1','credentials':[" ACRED("c", "acsm-cpt", "2016-03-15", ",'expires':'2021-06-30'") "]}");
    EXPECT_STR(C(0), "dates.cycle_start", "2016-03-15");
}
END_TEST

/* §5: a record completed on R itself (received 2026-06-01) counts: current. */
START_TEST(s5_record_completed_on_R)
{
    EVAL_H("2026-06-10", NASM_H("'cpr_aed':{'completed':'2026-06-01','expires':'2028-06-01'},", APP("2026-06-01"), FULL));
    EXPECT_STR(C(0), "credits.cpr_aed", "current");
}
END_TEST

/* §5: an expired record and one completed after R = T: expired (the later
 * one has not happened), cpr_aed_expires 2025-01-01. */
START_TEST(s5_expired_over_future_record)
{
    EVAL_H("2025-06-01", NASM_H("'cpr_aed':[{'completed':'2023-01-01','expires':'2025-01-01'},"
                                "{'completed':'2025-06-02','expires':'2027-06-02'}],", "", FULL));
    EXPECT_STR(C(0), "credits.cpr_aed", "expired");
    EXPECT_STR(C(0), "dates.cpr_aed_expires", "2025-01-01");
}
END_TEST

/* §5: an open-ended waiver (through null) from 2024-01-01: online-only
 * completed 2025-01-15 is accepted (current, recommendation); completed
 * 2023-12-31 (before from) it is not_hands_on. */
START_TEST(s5_open_ended_waiver)
{
#define W UPOL("wv", "1.0", ",'cpr_aed':{'required':true,'credit':0},'waivers':[{'id':'w','accepts':'online_cpr_aed'," \
    "'from':'2024-01-01','through':null}]")
    EVAL_DOC("2025-06-01", DOC(W, "{'id':'h1','cpr_aed':{'completed':'2025-01-15','expires':'2027-01-15','hands_on':false},"
                                  "'credentials':[{'id':'c','policy':'wv','certified':'2024-06-30'}]}"));
    EXPECT_STR(C(0), "credits.cpr_aed", "current");
    HAS_NOTICE(C(0), "hands_on_assessment_recommended", NULL);
    EVAL_DOC("2025-06-01", DOC(W, "{'id':'h1','cpr_aed':{'completed':'2023-12-31','expires':'2025-12-31','hands_on':false},"
                                  "'credentials':[{'id':'c','policy':'wv','certified':'2024-06-30'}]}"));
    EXPECT_STR(C(0), "credits.cpr_aed", "not_hands_on");
#undef W
}
END_TEST

/* §6: R on the final deadline is not past it: ACSM T = E = 2026-12-31, no
 * application: cpt and ep form a group. */
START_TEST(s6_group_on_final_deadline)
{
    EVAL_H("2026-12-31", ACSM2(HOURS("a", "2024-01-01", "70")));
    EXPECT_IDS(C(0), "renewal_group", "cpt,ep");
    EXPECT_INT(C(0), "fees.renewal_cents", 500);
    EXPECT_INT(C(1), "fees.renewal_cents", 5500);
}
END_TEST

/* §6: an entry in the pool when it counts for any member: a (2023-06-01, 60
 * h) is inside cpt's window (S 2023-05-10) but before ep's S (2023-09-01);
 * pooled, it counts for ep too: counted [a], 60 >= 60. */
START_TEST(s6_group_pool_any_member_window)
{
    EVAL_H("2026-10-01", ACSM2(HOURS("a", "2023-06-01", "60")));
    EXPECT_IDS(C(1), "credits.counted", "a");
    EXPECT_AMT(C(1), "credits.earned", "60.0");
    EXPECT_STR(C(1), "path", "credits");
}
END_TEST

/* A user policy with three consecutive late windows: E = 2026-06-30
 * (certified 2024-06-30), renewal $10; late1 through E + 30 (2026-07-30,
 * $1), late2 through E + 60 (2026-08-29, $2), late3 to the final deadline
 * E + 90 (2026-09-28, $3); grace 90, 10 h = 1.0 CEU met. */
#define MW(asof) EVAL_DOC(asof, DOC(UPOL("mw", "1.0", ",'credit_grace_days':90,'fees':{'renewal_cents':1000}," \
    "'late_windows':[{'tier':'late1','through':{'days':30},'fee_cents':100},{'tier':'late2','through':{'days':60},"     \
    "'fee_cents':200},{'tier':'late3','through':null,'fee_cents':300}],'final_deadline':{'days':90}"),                 \
    "{'id':'h1','credentials':[{'id':'c','policy':'mw','certified':'2024-06-30'}]," CREDITS(HOURS("k", "2025-01-01", "10")) "}"))

/* §7 consecutive windows, each from the day after the previous one's end. */
START_TEST(s7_consecutive_windows)
{
    MW("2026-07-30");
    EXPECT_FEES(C(0), "late1", 1000, 100);
    EXPECT_STR(C(0), "dates.late_fee_deadline", "2026-07-30");
    MW("2026-07-31");
    EXPECT_FEES(C(0), "late2", 1000, 200);
    MW("2026-08-29");
    EXPECT_FEES(C(0), "late2", 1000, 200);
    MW("2026-08-30");
    EXPECT_FEES(C(0), "late3", 1000, 300);
    MW("2026-09-28");
    EXPECT_FEES(C(0), "late3", 1000, 300);
    EXPECT_STR(C(0), "status", "late");
    MW("2026-09-29");
    EXPECT_FEES(C(0), "closed", 0, 0);
    EXPECT_STR(C(0), "status", "lapsed");
}
END_TEST

/* §7: no late window runs past the final deadline: window through E + 500
 * days, final deadline E + 100 = 2026-10-08: late on 2026-10-08, closed on
 * 2026-10-09; the first window's end (late_fee_deadline) is therefore
 * 2026-10-08. */
START_TEST(s7_window_capped_at_final_deadline)
{
#define CW(asof) EVAL_DOC(asof, DOC(UPOL("cw", "1.0", ",'credit_grace_days':90,'fees':{'renewal_cents':1000}," \
    "'late_windows':[{'tier':'late','through':{'days':500},'fee_cents':100}],'final_deadline':{'days':100}"), \
    "{'id':'h1','credentials':[{'id':'c','policy':'cw','certified':'2024-06-30'}]," CREDITS(HOURS("k", "2025-01-01", "10")) "}"))
    CW("2026-10-08");
    EXPECT_FEES(C(0), "late", 1000, 100);
    EXPECT_STR(C(0), "dates.final_deadline", "2026-10-08");
    EXPECT_STR(C(0), "dates.late_fee_deadline", "2026-10-08");
    CW("2026-10-09");
    EXPECT_FEES(C(0), "closed", 0, 0);
#undef CW
}
END_TEST

/* §7 petition_cents: a petition filed on T itself (2025-06-01) counts. */
START_TEST(s7_petition_filed_on_T)
{
    EVAL_H("2025-06-01", NASM_H(CPR, "", NOTPRE("p", "2025-01-05", "4", PET("2025-06-01", "pending", ""))));
    EXPECT_INT(C(0), "fees.petition_cents", 2500);
    EXPECT_NOTICES(C(0), "petition_pending:p");
}
END_TEST

/* §7 petition_cents: an entry completed on E + 90 = 2026-09-28 (the last
 * day of S..min(E + grace, T)), petition filed 2026-09-30, T 2026-10-01. */
START_TEST(s7_petition_cents_on_grace_end)
{
    EVAL_H("2026-10-01", NASM_H(CPR, "", FULL "," NOTPRE("p", "2026-09-28", "4", PET("2026-09-30", "pending", ""))));
    EXPECT_INT(C(0), "fees.petition_cents", 2500);
}
END_TEST

/* §7 petition_cents: an entry completed on S (2024-06-30), petitioned. */
START_TEST(s7_petition_cents_on_S)
{
    EVAL_H("2025-06-01", NASM_H(CPR, "", NOTPRE("p", "2024-06-30", "4", PET("2024-07-10", "denied", ""))));
    EXPECT_INT(C(0), "fees.petition_cents", 2500);
}
END_TEST

/* §9: documents received on the due day A + 30 = 2026-07-31: under_review
 * (T 2026-08-05). */
START_TEST(s9_documents_on_due_day)
{
    EVAL_H("2026-08-05", NASM_H(CPR, AUD(",'documents_received':'2026-07-31'"), FULL));
    EXPECT_STR(C(0), "audit.state", "under_review");
}
END_TEST

/* §10: exam_deadline is E for an exam-path policy (user policy "ex",
 * certified 2024-06-30 -> E 2026-06-30). */
START_TEST(s10_exam_deadline_user_policy)
{
    EVAL_DOC("2025-06-01", DOC(EXPOL, "{'id':'h1','credentials':[{'id':'c','policy':'ex','certified':'2024-06-30'}]}"));
    EXPECT_STR(C(0), "dates.exam_deadline", "2026-06-30");
    EXPECT_STR(C(0), "dates.late_fee_deadline", "2026-09-28");
    EXPECT_STR(C(0), "dates.final_deadline", "2027-06-29");
    EXPECT_STR(C(0), "dates.credit_deadline", "2026-06-30");
}
END_TEST

/* §7: late windows and a final deadline go together: late windows without
 * final_deadline are an error in the policy ... */
START_TEST(s7_windows_without_final_deadline_is_error)
{
    EXPECT_ERROR_UNDER(DOC(UPOL("lw", "1.0", ",'late_windows':[{'tier':'late','through':null,'fee_cents':100}]"), "{'id':'h1'}"),
                       RECERT_EDATA, "policies[0]");
}
END_TEST

/* §7: ... and so is a final_deadline without late windows. */
START_TEST(s7_final_deadline_without_windows_is_error)
{
    EXPECT_ERROR_UNDER(DOC(UPOL("fd", "1.0", ",'final_deadline':{'days':30}"), "{'id':'h1'}"), RECERT_EDATA, "policies[0]");
}
END_TEST

/* docs/format.md policy errors: a late window named on_time (or closed). */
START_TEST(err_policy_window_named_on_time)
{
    EXPECT_ERROR_UNDER(DOC(UPOL("w", "1.0", ",'late_windows':[{'tier':'on_time','through':null}],'final_deadline':{'days':30}"),
                           "{'id':'h1'}"),
                       RECERT_EDATA, "policies[0].late_windows[0]");
    EXPECT_ERROR_UNDER(DOC(UPOL("w", "1.0", ",'late_windows':[{'tier':'closed','through':null}],'final_deadline':{'days':30}"),
                           "{'id':'h1'}"),
                       RECERT_EDATA, "policies[0].late_windows[0]");
}
END_TEST

/* docs/format.md policy errors: cycle.years < 1. */
START_TEST(err_policy_cycle_years)
{
    EXPECT_ERROR_UNDER("{'recert':1,'policies':[{'id':'y','organization':'T','name':'T','currency':'USD',"
                       "'unit':{'name':'CEU','per_hour':0.1},'cycle':{'years':0,'expires':'anniversary'},"
                       "'credits_required':1}],'holders':[]}",
                       RECERT_EDATA, "policies[0].cycle");
}
END_TEST

/* docs/format.md policy errors: a negative grace or fee. */
START_TEST(err_policy_negative_values)
{
    EXPECT_ERROR_UNDER(DOC(UPOL("g", "1.0", ",'credit_grace_days':-1"), "{'id':'h1'}"), RECERT_EDATA,
                       "policies[0].credit_grace_days");
    EXPECT_ERROR_UNDER(DOC(UPOL("f", "1.0", ",'fees':{'renewal_cents':-100}"), "{'id':'h1'}"), RECERT_EDATA,
                       "policies[0].fees");
}
END_TEST

/* docs/format.md: a document's policy replaces a built-in with the same id:
 * "nasm-cpt" with a $10 fee and a 1.0 CEU requirement (no CPR/AED). */
START_TEST(ok_document_policy_replaces_builtin)
{
    EVAL_DOC("2025-06-01", DOC(UPOL("nasm-cpt", "1.0", ",'fees':{'renewal_cents':1000}"), NASM_H(NOCPR, "", FULL)));
    EXPECT_INT(C(0), "fees.renewal_cents", 1000);
    EXPECT_AMT(C(0), "credits.required", "1.0");
    EXPECT_STR(C(0), "credits.cpr_aed", "not_required");
}
END_TEST

/* ==== the suite ========================================================== */

static Suite *rules_suite(void)
{
    Suite *s = suite_create("rules");
    TCase *tc;

    tc = rs_tcase(s, "s1_calendar_and_time");
    tcase_add_test(tc, s1_outside_window_notice_only_by_T);
    tcase_add_test(tc, s1_credit_after_T_ignored);
    tcase_add_test(tc, s1_cpr_after_T_ignored);
    tcase_add_test(tc, s1_application_after_T_ignored);
    tcase_add_test(tc, s1_acceptance_after_T_ignored);
    tcase_add_test(tc, s1_rejection_after_T_ignored);
    tcase_add_test(tc, s1_petition_filed_after_T_ignored);
    tcase_add_test(tc, s1_petition_approval_after_T_is_pending);
    tcase_add_test(tc, s1_petition_denial_after_T_is_pending);
    tcase_add_test(tc, s1_undated_petition_outcome_from_filing);
    tcase_add_test(tc, s1_audit_selection_after_T_ignored);
    tcase_add_test(tc, s1_documents_after_T_ignored);
    tcase_add_test(tc, s1_audit_outcome_after_T_ignored);
    tcase_add_test(tc, s1_undated_audit_outcome_from_selection);
    tcase_add_test(tc, s1_exam_after_T_ignored);
    tcase_add_test(tc, s1_undated_decision_from_receipt);
    tcase_add_test(tc, s1_years_clamp_feb_29);
    tcase_add_test(tc, s1_offset_years_months_together);
    tcase_add_test(tc, s1_offset_months_clamp);
    tcase_add_test(tc, s1_date_out_of_range);

    tc = rs_tcase(s, "s2_amounts");
    tcase_add_test(tc, s2_custom_unit_for_other_policy);
    tcase_add_test(tc, s2_quarter_hour_is_0_025_ceu);
    tcase_add_test(tc, s2_ceu_is_ten_hours);
    tcase_add_test(tc, s2_cec_is_one_hour);
    tcase_add_test(tc, s2_unit_names_case_insensitive);
    tcase_add_test(tc, s2_fixed_point_sum);
    tcase_add_test(tc, s2_nineteen_tenths);
    tcase_add_test(tc, s2_custom_unit_rounds_down_per_entry);
    tcase_add_test(tc, s2_custom_unit_hours_entry);
    tcase_add_test(tc, s2_policy_unit_clash_is_error);
    tcase_add_test(tc, s2_policy_standard_unit_mismatch_is_error);
    tcase_add_test(tc, s2_policy_standard_unit_ok);
    tcase_add_test(tc, s2_policy_amount_off_grid_is_error);
    tcase_add_test(tc, s2_unknown_unit_is_error);

    tc = rs_tcase(s, "s3_cycle");
    tcase_add_test(tc, s3_walk_first_cycle);
    tcase_add_test(tc, s3_walk_year_end_tie);
    tcase_add_test(tc, s3_anniversary_from_certified);
    tcase_add_test(tc, s3_year_end_from_certified);
    tcase_add_test(tc, s3_year_end_from_jan_1);
    tcase_add_test(tc, s3_year_end_from_dec_31);
    tcase_add_test(tc, s3_expires_authoritative);
    tcase_add_test(tc, s3_walk_anniversary);
    tcase_add_test(tc, s3_walk_tie_takes_later);
    tcase_add_test(tc, s3_walk_nearest_earlier);
    tcase_add_test(tc, s3_walk_feb_29_anniversaries);
    tcase_add_test(tc, s3_walk_year_end);
    tcase_add_test(tc, s3_cycle_start_before_certified_is_error);
    tcase_add_test(tc, s3_cycle_start_on_certified_ok);
    tcase_add_test(tc, s3_expires_not_after_start_is_error);
    tcase_add_test(tc, s3_next_cycle_anniversary);
    tcase_add_test(tc, s3_next_cycle_year_end);
    tcase_add_test(tc, s3_late_renewal_keeps_cycle);

    tc = rs_tcase(s, "s4_credits");
    tcase_add_test(tc, s4_window_ends_at_grace_before_R);
    tcase_add_test(tc, s4_pending_only_inside_window_after);
    tcase_add_test(tc, s4_pending_only_inside_window_after_R);
    tcase_add_test(tc, s4_window_starts_at_S);
    tcase_add_test(tc, s4_window_ends_at_E_plus_grace);
    tcase_add_test(tc, s4_window_ends_at_R);
    tcase_add_test(tc, s4_outside_window_notice_without_application);
    tcase_add_test(tc, s4_no_outside_window_notice_with_application);
    tcase_add_test(tc, s4_acsm_no_grace);
    tcase_add_test(tc, s4_applies_to);
    tcase_add_test(tc, s4_petition_required);
    tcase_add_test(tc, s4_petition_pending_never_earned);
    tcase_add_test(tc, s4_pending_does_not_meet_requirement);
    tcase_add_test(tc, s4_petition_denied);
    tcase_add_test(tc, s4_petition_approved);
    tcase_add_test(tc, s4_petition_notices_only_inside_window);
    tcase_add_test(tc, s4_petition_notice_not_after_window);
    tcase_add_test(tc, s4_acsm_accepts_unapproved);

    tc = rs_tcase(s, "s5_cpr_aed");
    tcase_add_test(tc, s5_record_completed_on_R);
    tcase_add_test(tc, s5_expired_over_future_record);
    tcase_add_test(tc, s5_open_ended_waiver);
    tcase_add_test(tc, s5_current_hands_on);
    tcase_add_test(tc, s5_not_hands_on);
    tcase_add_test(tc, s5_expired);
    tcase_add_test(tc, s5_expires_day_inclusive);
    tcase_add_test(tc, s5_missing);
    tcase_add_test(tc, s5_not_required);
    tcase_add_test(tc, s5_waiver_start_inclusive);
    tcase_add_test(tc, s5_waiver_end_inclusive);
    tcase_add_test(tc, s5_adult_cpr_aed_false_not_accepted);
    tcase_add_test(tc, s5_adult_cpr_aed_ignored_for_hands_on);
    tcase_add_test(tc, s5_expires_of_deciding_state);
    tcase_add_test(tc, s5_latest_current_expires);
    tcase_add_test(tc, s5_not_hands_on_over_expired);
    tcase_add_test(tc, s5_latest_expired_expires);
    tcase_add_test(tc, s5_record_after_R_ignored);
    tcase_add_test(tc, s5_state_on_R_not_T);
    tcase_add_test(tc, s5_no_recommendation_with_hands_on);
    tcase_add_test(tc, s5_expires_before_deadline_notice);
    tcase_add_test(tc, s5_expires_on_deadline_no_notice);
    tcase_add_test(tc, s5_expires_before_deadline_not_with_application);
    tcase_add_test(tc, s5_extra_credit_never_replaces_cpr);
    tcase_add_test(tc, s5_credit_without_requirement_is_error);

    tc = rs_tcase(s, "s6_paths");
    tcase_add_test(tc, s6_group_on_final_deadline);
    tcase_add_test(tc, s6_group_pool_any_member_window);
    tcase_add_test(tc, s6_exam_on_S);
    tcase_add_test(tc, s6_exam_before_S);
    tcase_add_test(tc, s6_exam_on_E);
    tcase_add_test(tc, s6_exam_after_E);
    tcase_add_test(tc, s6_exam_needs_cpr);
    tcase_add_test(tc, s6_exam_path_never_credits);
    tcase_add_test(tc, s6_exam_ignored_without_exam_path);
    tcase_add_test(tc, s6_exam_required_is_cpr_credit);
    tcase_add_test(tc, s6_exam_required_cpr_missing);
    tcase_add_test(tc, s6_exam_path_no_late_fee);
    tcase_add_test(tc, s6_no_exam_no_credits_lapsed);
    tcase_add_test(tc, s6_group_pools_entries);
    tcase_add_test(tc, s6_group_each_entry_once);
    tcase_add_test(tc, s6_group_highest_requirement);
    tcase_add_test(tc, s6_group_ids_sorted);
    tcase_add_test(tc, s6_group_own_cpr_credit);
    tcase_add_test(tc, s6_group_pending_for_one_counted_for_other);
    tcase_add_test(tc, s6_group_excludes_different_E);
    tcase_add_test(tc, s6_group_excludes_different_R);
    tcase_add_test(tc, s6_group_same_R_applications);
    tcase_add_test(tc, s6_group_excludes_exam_member);
    tcase_add_test(tc, s6_group_excludes_past_final_deadline);

    tc = rs_tcase(s, "s7_fees");
    tcase_add_test(tc, s7_windows_without_final_deadline_is_error);
    tcase_add_test(tc, s7_final_deadline_without_windows_is_error);
    tcase_add_test(tc, s7_consecutive_windows);
    tcase_add_test(tc, s7_window_capped_at_final_deadline);
    tcase_add_test(tc, s7_petition_filed_on_T);
    tcase_add_test(tc, s7_petition_cents_on_grace_end);
    tcase_add_test(tc, s7_petition_cents_on_S);
    tcase_add_test(tc, s7_on_time_on_E);
    tcase_add_test(tc, s7_late_on_E_plus_1);
    tcase_add_test(tc, s7_late_on_E_plus_90);
    tcase_add_test(tc, s7_late_additional_on_E_plus_91);
    tcase_add_test(tc, s7_late_additional_on_last_day);
    tcase_add_test(tc, s7_closed_on_E_plus_1y);
    tcase_add_test(tc, s7_tier_from_received_late);
    tcase_add_test(tc, s7_tier_from_received_late_additional);
    tcase_add_test(tc, s7_tier_from_received_on_time);
    tcase_add_test(tc, s7_acsm_closed_after_E);
    tcase_add_test(tc, s7_group_invoice_tie_smallest_id);
    tcase_add_test(tc, s7_group_invoice_three);
    tcase_add_test(tc, s7_group_late_fees_per_member);
    tcase_add_test(tc, s7_group_lapsed_member_pays_nothing);
    tcase_add_test(tc, s7_petition_cents_any_outcome);
    tcase_add_test(tc, s7_petition_cents_not_before_S);
    tcase_add_test(tc, s7_petition_cents_not_after_grace);
    tcase_add_test(tc, s7_petition_cents_applies_to);
    tcase_add_test(tc, s7_petition_required_states_fee);
    tcase_add_test(tc, s7_rejected_priced_on_T);
    tcase_add_test(tc, s7_rejected_undated_priced_on_T);

    tc = rs_tcase(s, "s8_status");
    tcase_add_test(tc, s8_renewed_whatever_day);
    tcase_add_test(tc, s8_renewed_certified_until_E_prime);
    tcase_add_test(tc, s8_submitted_certified_until_E);
    tcase_add_test(tc, s8_submitted_pending_decision);
    tcase_add_test(tc, s8_in_progress);
    tcase_add_test(tc, s8_late_unmet_within_grace);
    tcase_add_test(tc, s8_lapsed_unmet_after_grace);
    tcase_add_test(tc, s8_late_met_after_grace);
    tcase_add_test(tc, s8_missing_cpr_not_lapsed);
    tcase_add_test(tc, s8_before_certified_day);
    tcase_add_test(tc, s8_accepted_stands);

    tc = rs_tcase(s, "s9_audit");
    tcase_add_test(tc, s9_documents_on_due_day);
    tcase_add_test(tc, s9_documents_due_on_A_plus_30);
    tcase_add_test(tc, s9_overdue_on_A_plus_31);
    tcase_add_test(tc, s9_late_documents_under_review);
    tcase_add_test(tc, s9_passed);
    tcase_add_test(tc, s9_failed);
    tcase_add_test(tc, s9_outcome_wins);
    tcase_add_test(tc, s9_decided_without_outcome_ignored);
    tcase_add_test(tc, s9_rejected_application_audit_not_reported);
    tcase_add_test(tc, s9_no_application_no_audit);
    tcase_add_test(tc, s9_policy_without_audit);
    tcase_add_test(tc, s9_custom_documents_days);

    tc = rs_tcase(s, "s10_report");
    tcase_add_test(tc, s10_exam_deadline_user_policy);
    tcase_add_test(tc, s10_nasm_dates);
    tcase_add_test(tc, s10_acsm_dates);
    tcase_add_test(tc, s10_amounts);
    tcase_add_test(tc, s10_shortfall_never_negative);
    tcase_add_test(tc, s10_shortfall_with_cpr_missing);
    tcase_add_test(tc, s10_counted_in_input_order);
    tcase_add_test(tc, s10_notice_order);
    tcase_add_test(tc, s10_report_shape);

    tc = rs_tcase(s, "s11_builtins");
    tcase_add_test(tc, s11_nine_builtins);
    tcase_add_loop_test(tc, s11_builtin_policy_data, 0, N_BUILTINS);
    tcase_add_loop_test(tc, s11_builtin_evaluates, 0, N_BUILTINS);

    tc = rs_tcase(s, "errors");
    tcase_add_test(tc, err_policy_window_named_on_time);
    tcase_add_test(tc, err_policy_cycle_years);
    tcase_add_test(tc, err_policy_negative_values);
    tcase_add_test(tc, ok_document_policy_replaces_builtin);
    tcase_add_test(tc, err_invalid_date);
    tcase_add_test(tc, err_unknown_member);
    tcase_add_test(tc, err_x_members_allowed);
    tcase_add_test(tc, err_unknown_policy);
    tcase_add_test(tc, err_duplicate_holder_id);
    tcase_add_test(tc, err_duplicate_credential_id);
    tcase_add_test(tc, err_duplicate_credit_id);
    tcase_add_test(tc, err_applies_to_unknown);
    tcase_add_test(tc, err_amount_three_decimals);
    tcase_add_test(tc, err_amount_not_positive);
    tcase_add_test(tc, err_wrong_type);
    tcase_add_test(tc, err_bad_enum);
    tcase_add_test(tc, err_missing_required_member);
    tcase_add_test(tc, err_recert_version);
    tcase_add_test(tc, err_not_json);
    tcase_add_test(tc, err_duplicate_keys);
    tcase_add_test(tc, err_as_of_null);
    tcase_add_test(tc, err_version_changes_cycle);
    tcase_add_test(tc, ok_empty_document);

    return s;
}

int main(void)
{
    return rs_run(rules_suite());
}

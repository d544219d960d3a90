'use strict';
// The one module that knows the FFI. Every C function the binding calls is
// declared here with its exact C types, and wrapped into a JavaScript
// function with plain JavaScript semantics, so that the rest of the package
// never sees ffi-napi or ref-napi (swapping the FFI backend means rewriting
// this file only):
//
//   - handles are opaque values (BigInt addresses here; null for NULL);
//   - out-parameters become return values (several: an array);
//   - a fallible call ('status') throws a RecertError built from the calling
//     thread's last error, read right after the call. Calls are synchronous,
//     never ffi's .async (which would run them on another thread, away from
//     their thread-local error);
//   - JSON text the library allocates (char **out) is taken as a pointer,
//     read, and released with recert_free() in a finally; never as a
//     'string' return. Borrowed 'const char *' results are read at once;
//   - 64-bit integers (int64_t, size_t, long) come back as JavaScript numbers
//     only when Number.isSafeInteger holds, else the call throws RECERT_ERANGE;
//     arguments are checked the same way before they are passed (an unsafe
//     or fractional number is refused, never rounded or truncated).
//
// How a call is made. ffi-napi does the foreign part: dlopen/dlsym
// (ffi.DynamicLibrary), the call interface of each declaration (ffi.CIF, i.e.
// ffi_prep_cif over ref-napi types) and the call itself (ffi_call). The
// marshalling around it is done here instead of by ffi.ForeignFunction,
// whose generic proxy allocates a Buffer per argument and pins each one to
// the next with a N-API reference and finalizer. Those finalizers only run
// when the event loop turns, so a synchronous loop of calls (10,000
// evaluations in a batch job) kept every argument, the records text
// included, alive until it ended: memory grew by kilobytes per call and each
// call got slower. Here each function owns one fixed frame (return value,
// argument pointers, argument values, out-parameters) and strings go through
// one reusable scratch area, both allocated once, whose addresses are known:
// a call allocates nothing on the native side. This is safe because calls
// are synchronous and the library never keeps a pointer to an argument
// (adding copies; JSON input is read during the call).
//
// The library is found as RECERT_LIBRARY when that is set (and then nothing
// else is tried), else as the system's librecert.so.0 (the dynamic linker's
// search path), else in /usr/local/lib (meson's default prefix, when
// ldconfig was not run), else, for a package that sits in a librecert source
// tree (bindings/node), in that tree's build/lib. It is loaded on first use.

const path = require('path');
const fs = require('fs');
const { RecertError, codes, fail } = require('./errors');

// The C API's major version this binding is written for (RECERT_VERSION_MAJOR).
const API_MAJOR = 0;

// ---------------------------------------------------------------------------
// Declarations. Argument kinds (C type -> ffi type):
//   h       const T * / T *             pointer (a handle: a BigInt; null is NULL)
//   s       const char *                pointer (a string; null is NULL; no NUL inside)
//   text    const char *text, size_t len   pointer, size_t (string or Buffer)
//   strs    const char *const *ids, size_t n   pointer, size_t (array of strings)
//   i32     int32_t                     int32   (day numbers)
//   int     int / an enum               int
//   uint    unsigned                    uint
//   u32     uint32_t                    uint32
//   u64     uint64_t                    uint64  (a safe integer or a BigInt)
//   i64     int64_t                     int64   (cents, centihours, hundredths)
//   size    size_t                      size_t  (indices)
//   oh      T **out                     pointer (returned: the handle)
//   otext   char **out                  pointer (returned: the text, recert_free'd)
//   oi32    int32_t *out                pointer (returned: a number)
//   oint    int *out                    pointer
//   oi64    int64_t *out                pointer
//   obuf    char *out, size_t size      pointer, size_t (returned: the text)
// Return kinds:
//   status  int: RECERT_OK or a code; throws on failure, returns the outs
//   rc      int: returned as {rc, out} without throwing (recert_validate_json;
//           the policy getters that answer 1/0/-1 and fill an offset's parts,
//           whose out is then the array of the parts)
//   int, i32, uint, i64, size, long, void    the value (checked 64-bit)
//   s       const char * borrowed: pointer, read as a string at once; null for NULL
//   h       const T * borrowed; null for NULL
const DECLS = {
  // common.h
  recert_free: ['void', ['h']],
  // error.h
  recert_error_code: ['int', []],
  recert_error_message: ['s', []],
  recert_error_path: ['s', []],
  recert_error_clear: ['void', []],
  recert_strerror: ['s', ['int']],
  // version.h
  recert_version: ['uint', []],
  recert_version_string: ['s', []],
  // date.h
  recert_date_parse: ['status', ['oi32', 's']],
  recert_date_format: ['status', ['obuf', 'i32']],
  recert_date_from_ymd: ['status', ['oi32', 'int', 'int', 'int']],
  recert_date_to_ymd: ['status', ['i32', 'oint', 'oint', 'oint']],
  recert_date_add: ['status', ['oi32', 'i32', 'int', 'int', 'int']],
  recert_date_year_end: ['status', ['oi32', 'i32']],
  // amount.h
  recert_amount_to_centihours: ['status', ['oi64', 'i64', 'i64']],
  recert_amount_format: ['status', ['obuf', 'i64', 'i64']],
  recert_amount_parse: ['status', ['oi64', 's']],
  recert_unit_standard_per_hour: ['i64', ['s']],
  // audit.h
  recert_audit_select: ['int', ['s', 'u32', 'u64']], // 1, 0, or RECERT_EINVAL
  // policy.h
  recert_policy_from_json: ['status', ['oh', 'text']],
  recert_policy_to_json: ['status', ['otext', 'h', 'uint']],
  recert_policy_copy: ['status', ['oh', 'h']],
  recert_policy_free: ['void', ['h']],
  recert_policy_id: ['s', ['h']],
  recert_policy_organization: ['s', ['h']],
  recert_policy_name: ['s', ['h']],
  recert_policy_source: ['s', ['h']],
  recert_policy_checked: ['i32', ['h']],
  recert_policy_currency: ['s', ['h']],
  recert_policy_unit: ['s', ['h']],
  recert_policy_unit_per_hour: ['i64', ['h']],
  recert_policy_cycle_years: ['int', ['h']],
  recert_policy_cycle_kind: ['int', ['h']],
  recert_policy_credits_required: ['i64', ['h']],
  recert_policy_credit_grace_days: ['i32', ['h']],
  recert_policy_cpr_aed_required: ['int', ['h']],
  recert_policy_cpr_aed_credit: ['i64', ['h']],
  recert_policy_unapproved_credits: ['int', ['h']],
  recert_policy_exam_path: ['int', ['h']],
  recert_policy_combine_group: ['s', ['h']],
  recert_policy_fee: ['i64', ['h', 'int']],
  recert_policy_late_window_count: ['size', ['h']],
  recert_policy_late_window_tier: ['s', ['h', 'size']],
  recert_policy_late_window_fee: ['i64', ['h', 'size']],
  recert_policy_audits: ['int', ['h']],
  recert_policy_audit_documents_days: ['i32', ['h']],
  recert_policy_late_window_through: ['rc', ['h', 'size', 'oint', 'oint', 'oint']],
  recert_policy_final_deadline: ['rc', ['h', 'oint', 'oint', 'oint']],
  recert_policy_cycle_ends: ['i32', ['h']],
  recert_policy_cpr_aed_valid_days: ['i32', ['h']],
  recert_policy_category_count: ['size', ['h']],
  recert_policy_category_id: ['s', ['h', 'size']],
  recert_policy_category_min: ['i64', ['h', 'size']],
  recert_policy_category_max: ['i64', ['h', 'size']],
  recert_policy_proration_count: ['size', ['h']],
  recert_policy_proration_step: ['rc', ['h', 'size', 'oint', 'oint', 'oint', 'oi64']],
  recert_policy_version_count: ['size', ['h']],
  recert_policy_version_at: ['h', ['h', 'size']], // belongs to the policy: borrowed
  recert_policy_effective: ['i32', ['h']],
  recert_policy_in_force: ['h', ['h', 'i32']], // the policy itself or one of its versions
  // catalog.h
  recert_catalog_new: ['status', ['oh']],
  recert_catalog_new_builtin: ['status', ['oh']],
  recert_catalog_default: ['status', ['oh']],
  recert_catalog_free: ['void', ['h']],
  recert_catalog_add: ['status', ['h', 'h']],
  recert_catalog_add_json: ['status', ['h', 'text']],
  recert_catalog_count: ['size', ['h']],
  recert_catalog_at: ['h', ['h', 'size']],
  recert_catalog_find: ['h', ['h', 's']],
  recert_catalog_to_json: ['status', ['otext', 'h', 'uint']],
  recert_policies_json: ['status', ['otext']],
  // credit.h
  recert_credit_new: ['status', ['oh', 's', 'i32']],
  recert_credit_copy: ['status', ['oh', 'h']],
  recert_credit_free: ['void', ['h']],
  recert_credit_set_title: ['status', ['h', 's']],
  recert_credit_set_provider: ['status', ['h', 's']],
  recert_credit_set_completed: ['status', ['h', 'i32']],
  recert_credit_set_hours: ['status', ['h', 'i64']],
  recert_credit_set_amount: ['status', ['h', 'i64', 's']],
  recert_credit_set_approval: ['status', ['h', 'int']],
  recert_credit_set_petition: ['status', ['h', 'int', 'i32', 'i32']],
  recert_credit_set_applies_to: ['status', ['h', 'strs']],
  recert_credit_set_applies_to_all: ['status', ['h']],
  recert_credit_set_category: ['status', ['h', 's']],
  recert_credit_id: ['s', ['h']],
  recert_credit_title: ['s', ['h']],
  recert_credit_provider: ['s', ['h']],
  recert_credit_completed: ['i32', ['h']],
  recert_credit_amount: ['i64', ['h']],
  recert_credit_unit: ['s', ['h']],
  recert_credit_approval: ['int', ['h']],
  recert_credit_petition_status: ['int', ['h']],
  recert_credit_petition_filed: ['i32', ['h']],
  recert_credit_petition_decided: ['i32', ['h']],
  recert_credit_applies_to_count: ['long', ['h']],
  recert_credit_applies_to_at: ['s', ['h', 'size']],
  recert_credit_category: ['s', ['h']],
  recert_credit_x_set: ['status', ['h', 's', 's']],
  recert_credit_x_get: ['status', ['otext', 'h', 's']],
  recert_credit_x_count: ['size', ['h']],
  recert_credit_x_key: ['s', ['h', 'size']],
  // credential.h
  recert_credential_new: ['status', ['oh', 's', 's', 'i32']],
  recert_credential_copy: ['status', ['oh', 'h']],
  recert_credential_free: ['void', ['h']],
  recert_credential_set_policy: ['status', ['h', 's']],
  recert_credential_set_number: ['status', ['h', 's']],
  recert_credential_set_certified: ['status', ['h', 'i32']],
  recert_credential_set_cycle_start: ['status', ['h', 'i32']],
  recert_credential_set_expires: ['status', ['h', 'i32']],
  recert_credential_set_application: ['status', ['h', 'i32', 'int', 'i32']],
  recert_credential_set_audit: ['status', ['h', 'i32', 'i32', 'int', 'i32']],
  recert_credential_set_exam: ['status', ['h', 'i32']],
  recert_credential_id: ['s', ['h']],
  recert_credential_policy: ['s', ['h']],
  recert_credential_number: ['s', ['h']],
  recert_credential_certified: ['i32', ['h']],
  recert_credential_cycle_start: ['i32', ['h']],
  recert_credential_expires: ['i32', ['h']],
  recert_credential_application_received: ['i32', ['h']],
  recert_credential_application_decision: ['int', ['h']],
  recert_credential_application_decided: ['i32', ['h']],
  recert_credential_audit_selected: ['i32', ['h']],
  recert_credential_audit_documents_received: ['i32', ['h']],
  recert_credential_audit_outcome: ['int', ['h']],
  recert_credential_audit_decided: ['i32', ['h']],
  recert_credential_exam_passed: ['i32', ['h']],
  recert_credential_x_set: ['status', ['h', 's', 's']],
  recert_credential_x_get: ['status', ['otext', 'h', 's']],
  recert_credential_x_count: ['size', ['h']],
  recert_credential_x_key: ['s', ['h', 'size']],
  // holder.h
  recert_holder_new: ['status', ['oh', 's']],
  recert_holder_copy: ['status', ['oh', 'h']],
  recert_holder_free: ['void', ['h']],
  recert_holder_set_name: ['status', ['h', 's']],
  recert_holder_id: ['s', ['h']],
  recert_holder_name: ['s', ['h']],
  recert_holder_add_credential: ['status', ['h', 'h']],
  recert_holder_add_credit: ['status', ['h', 'h']],
  recert_holder_remove_credential: ['status', ['h', 'size']],
  recert_holder_remove_credit: ['status', ['h', 'size']],
  recert_holder_credential_count: ['size', ['h']],
  recert_holder_credential_at: ['h', ['h', 'size']],
  recert_holder_credit_count: ['size', ['h']],
  recert_holder_credit_at: ['h', ['h', 'size']],
  recert_holder_add_cpr_aed: ['status', ['h', 'i32', 'i32', 'int', 'int']],
  recert_holder_remove_cpr_aed: ['status', ['h', 'size']],
  recert_holder_cpr_aed_count: ['size', ['h']],
  recert_holder_cpr_aed_completed: ['i32', ['h', 'size']],
  recert_holder_cpr_aed_expires: ['i32', ['h', 'size']],
  recert_holder_cpr_aed_hands_on: ['int', ['h', 'size']],
  recert_holder_cpr_aed_adult: ['int', ['h', 'size']],
  recert_holder_x_set: ['status', ['h', 's', 's']],
  recert_holder_x_get: ['status', ['otext', 'h', 's']],
  recert_holder_x_count: ['size', ['h']],
  recert_holder_x_key: ['s', ['h', 'size']],
  // roster.h
  recert_evaluate_json: ['status', ['otext', 'text', 's']],
  recert_validate_json: ['rc', ['otext', 'text']],
  recert_validate_json_catalog: ['rc', ['otext', 'text', 'h']],
  recert_roster_new: ['status', ['oh', 'h']],
  recert_roster_from_json: ['status', ['oh', 'text']],
  recert_roster_from_json_catalog: ['status', ['oh', 'text', 'h']],
  recert_roster_to_json: ['status', ['otext', 'h', 'uint']],
  recert_roster_free: ['void', ['h']],
  recert_roster_add_policy: ['status', ['h', 'h']],
  recert_roster_policy_count: ['size', ['h']],
  recert_roster_policy_at: ['h', ['h', 'size']],
  recert_roster_find_policy: ['h', ['h', 's']],
  recert_roster_add_holder: ['status', ['h', 'h']],
  recert_roster_remove_holder: ['status', ['h', 'size']],
  recert_roster_holder_count: ['size', ['h']],
  recert_roster_holder_at: ['h', ['h', 'size']],
  recert_roster_find_holder: ['h', ['h', 's']],
  recert_roster_x_set: ['status', ['h', 's', 's']],
  recert_roster_x_get: ['status', ['otext', 'h', 's']],
  recert_roster_evaluate: ['status', ['oh', 'h', 'i32']],
  // report.h
  recert_report_free: ['void', ['h']],
  recert_report_to_json: ['status', ['otext', 'h', 'uint']],
  recert_report_as_of: ['i32', ['h']],
  recert_report_holder_count: ['size', ['h']],
  recert_report_holder_id: ['s', ['h', 'size']],
  recert_report_credential_count: ['size', ['h', 'size']],
  recert_report_credential_id: ['s', ['h', 'size', 'size']],
  recert_report_policy_id: ['s', ['h', 'size', 'size']],
  recert_report_status: ['int', ['h', 'size', 'size']],
  recert_report_certified: ['int', ['h', 'size', 'size']],
  recert_report_path: ['int', ['h', 'size', 'size']],
  recert_report_date: ['i32', ['h', 'size', 'size', 'int']],
  recert_report_credits: ['i64', ['h', 'size', 'size', 'int']],
  recert_report_unit: ['s', ['h', 'size', 'size']],
  recert_report_unit_per_hour: ['i64', ['h', 'size', 'size']],
  recert_report_counted_count: ['size', ['h', 'size', 'size']],
  recert_report_counted_at: ['s', ['h', 'size', 'size', 'size']],
  recert_report_cpr_aed: ['int', ['h', 'size', 'size']],
  recert_report_fee: ['i64', ['h', 'size', 'size', 'int']],
  recert_report_currency: ['s', ['h', 'size', 'size']],
  recert_report_tier_kind: ['int', ['h', 'size', 'size']],
  recert_report_tier: ['s', ['h', 'size', 'size']],
  recert_report_audit: ['int', ['h', 'size', 'size']],
  recert_report_group_count: ['size', ['h', 'size', 'size']],
  recert_report_group_at: ['s', ['h', 'size', 'size', 'size']],
  recert_report_notice_count: ['size', ['h', 'size', 'size']],
  recert_report_notice_code: ['int', ['h', 'size', 'size', 'size']],
  recert_report_notice_credit: ['s', ['h', 'size', 'size', 'size']],
  recert_report_notice_message: ['s', ['h', 'size', 'size', 'size']],
  recert_report_credit_count: ['size', ['h', 'size']],
  recert_report_credit_id: ['s', ['h', 'size', 'size']],
  recert_report_credit_amount: ['i64', ['h', 'size', 'size']],
  recert_report_credit_reason: ['int', ['h', 'size', 'size', 'size']],
  recert_report_category_count: ['size', ['h', 'size', 'size']],
  recert_report_category_id: ['s', ['h', 'size', 'size', 'size']],
  recert_report_category_amount: ['i64', ['h', 'size', 'size', 'size', 'int']],
  recert_report_policy_effective: ['i32', ['h', 'size', 'size']],
  recert_status_name: ['s', ['int']],
  recert_path_name: ['s', ['int']],
  recert_cpr_aed_state_name: ['s', ['int']],
  recert_audit_state_name: ['s', ['int']],
  recert_notice_code_name: ['s', ['int']],
  recert_credit_reason_name: ['s', ['int']],
};

// ffi types of the kinds.
const ARG_FFI = {
  h: ['pointer'], s: ['pointer'], text: ['pointer', 'size_t'], strs: ['pointer', 'size_t'],
  i32: ['int32'], int: ['int'], uint: ['uint'], u32: ['uint32'], u64: ['uint64'], i64: ['int64'], size: ['size_t'],
  oh: ['pointer'], otext: ['pointer'], oi32: ['pointer'], oint: ['pointer'],
  oi64: ['pointer'], obuf: ['pointer', 'size_t'],
};
const RET_FFI = {
  status: 'int', rc: 'int', int: 'int', i32: 'int32', uint: 'uint', i64: 'int64',
  size: 'size_t', long: 'long', void: 'void', s: 'pointer', h: 'pointer',
};

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const UINT32_MAX = 4294967295;
const UINT64_MAX = 2n ** 64n - 1n;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const OBUF_SIZE = 64; // "YYYY-MM-DD" needs 11; an int64 amount at most ~30
const SCRATCH_SIZE = 64 * 1024; // kept; a bigger one is dropped after its call

// ---------------------------------------------------------------------------
// Loading.

let ffi = null;
let ref = null;
let ffiCall = null;
let loaded = null; // { C, path }
let api = null; // the wrapped functions, set as soon as they exist

function systemName() {
  if (process.platform === 'darwin') return 'librecert.0.dylib';
  if (process.platform === 'win32') return 'recert-0.dll';
  return 'librecert.so.0';
}

// A package inside a librecert source tree (bindings/node/..): its build dir.
function sourceTreeCandidate() {
  const root = path.resolve(__dirname, '..', '..', '..');
  if (!fs.existsSync(path.join(root, 'include', 'recert.h'))) return null;
  const lib = path.join(root, 'build', 'lib', systemName());
  return fs.existsSync(lib) ? lib : null;
}

// meson's default prefix, for an install after which ldconfig was not run.
function defaultPrefixCandidates() {
  if (process.platform !== 'linux') return [];
  const multiarch = { x64: 'x86_64-linux-gnu', arm64: 'aarch64-linux-gnu', ia32: 'i386-linux-gnu' }[process.arch];
  const dirs = multiarch ? [`/usr/local/lib/${multiarch}`, '/usr/local/lib'] : ['/usr/local/lib'];
  return dirs.map((d) => path.join(d, systemName())).filter((f) => fs.existsSync(f));
}

function candidates() {
  const env = process.env.RECERT_LIBRARY;
  if (env) return [{ how: `RECERT_LIBRARY=${env}`, file: env }];
  const list = [{ how: `${systemName()} (the dynamic linker's search path)`, file: systemName() }];
  for (const f of defaultPrefixCandidates()) list.push({ how: `${f} (the default prefix)`, file: f });
  const dev = sourceTreeCandidate();
  if (dev) list.push({ how: `${dev} (this source tree's build)`, file: dev });
  return list;
}

function loadError(message) {
  const err = new Error(message);
  err.code = 'ERR_RECERT_LIBRARY';
  return err;
}

function open() {
  if (!ffi) {
    ffi = require('@2060.io/ffi-napi');
    ref = require('@2060.io/ref-napi');
    // ffi_call() itself, as ffi.ForeignFunction calls it.
    ffiCall = require('@2060.io/ffi-napi/lib/bindings').ffi_call;
    initMemory();
  }
  const tried = [];
  for (const c of candidates()) {
    try {
      const flags = ffi.DynamicLibrary.FLAGS;
      return { dl: new ffi.DynamicLibrary(c.file, flags.RTLD_NOW | (flags.RTLD_LOCAL || 0)), path: c.file };
    } catch (e) {
      // ffi-napi reads the file named by dlerror() to look for a linker
      // script, and so reports a file that does not exist as ENOENT.
      const why = e.code === 'ENOENT' && e.path
        ? `${e.path}: cannot open shared object file: No such file or directory`
        : String(e.message).replace(/^Dynamic Linking Error: /, '');
      tried.push(`  ${c.how}: ${why}`);
    }
  }
  throw loadError('librecert: cannot load the C library. Tried:\n' + tried.join('\n') +
    '\nInstall librecert (meson install) so that the dynamic linker finds ' + systemName() +
    ', or set RECERT_LIBRARY to the full path of ' + systemName() + '.');
}

function load() {
  if (loaded) return loaded;
  const { dl, path: file } = open();
  const C = {};
  for (const [name, [ret, args]] of Object.entries(DECLS)) {
    C[name] = wrap(dl, name, ret, args);
  }
  api = C;
  const version = C.recert_version();
  if ((version >>> 16) !== API_MAJOR) {
    api = null;
    throw loadError(`librecert: ${file} is version ${C.recert_version_string()}, ` +
      `this binding needs major version ${API_MAJOR}`);
  }
  loaded = { C, path: file };
  return loaded;
}

// ---------------------------------------------------------------------------
// Memory the calls use: addresses known once, nothing allocated per call.

let anchor = null; // a Buffer that lives forever: C strings are read relative to it
let anchorAddr = 0n;
let scratch = null; // strings and JSON text passed to the library
let scratchAddr = 0n;

function addressOf(buf) {
  // Buffers above 64 bytes have their own off-heap memory, which never moves.
  return BigInt(`0x${ref.hexAddress(buf, 0)}`);
}

function initMemory() {
  anchor = Buffer.alloc(128);
  anchorAddr = addressOf(anchor);
  newScratch(SCRATCH_SIZE);
}

function newScratch(size) {
  scratch = Buffer.alloc(size);
  scratchAddr = addressOf(scratch);
}

// The NUL-terminated C string at an address (ref-napi reads it at the
// anchor's address plus an offset, so no Buffer is made for it).
function cString(addr) {
  return ref.readCString(anchor, Number(addr - anchorAddr));
}

// ---------------------------------------------------------------------------
// Conversions.

function argError(name, i, message) {
  return fail(codes.EINVAL, `${name}: argument ${i + 1}: ${message}`);
}

function toI64(v, name, i) {
  if (typeof v === 'bigint') {
    if (v < INT64_MIN || v > INT64_MAX) throw argError(name, i, `${v} is outside int64_t`);
    return v;
  }
  if (!Number.isSafeInteger(v)) throw argError(name, i, `${v} is not a safe integer`);
  return BigInt(v);
}

function toInt32(v, name, i) {
  if (!Number.isInteger(v) || v < INT32_MIN || v > INT32_MAX) {
    throw argError(name, i, `${v} is not a 32-bit integer`);
  }
  return v;
}

function toUint32(v, name, i) {
  if (!Number.isInteger(v) || v < 0 || v > UINT32_MAX) throw argError(name, i, `${v} is not an unsigned int`);
  return v;
}

function toU64(v, name, i) {
  if (typeof v === 'bigint') {
    if (v < 0n || v > UINT64_MAX) throw argError(name, i, `${v} is outside uint64_t`);
    return v;
  }
  if (!Number.isSafeInteger(v) || v < 0) throw argError(name, i, `${v} is not a safe non-negative integer`);
  return BigInt(v);
}

function toSize(v, name, i) {
  if (!Number.isSafeInteger(v) || v < 0) throw argError(name, i, `${v} is not an index`);
  return BigInt(v);
}

function toCString(v, name, i) {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string') throw argError(name, i, `expected a string, got ${typeof v}`);
  if (v.includes('\0')) throw argError(name, i, 'a string may not contain NUL characters');
  return v;
}

function toText(v, name, i) {
  if (typeof v === 'string') return v;
  if (Buffer.isBuffer(v)) return v;
  if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  throw argError(name, i, `expected JSON text, got ${typeof v}`);
}

function toHandle(v, name, i) {
  if (v === null || v === undefined) return 0n;
  if (typeof v !== 'bigint') throw argError(name, i, 'expected a handle');
  return v;
}

// A 64-bit result as a number, or RECERT_ERANGE.
function fromI64(v, name) {
  if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw fail(codes.ERANGE, `${name}: ${v} is beyond Number.MAX_SAFE_INTEGER and cannot be a JavaScript number exactly`);
  }
  return Number(v);
}

function byteLength(v) {
  return typeof v === 'string' ? Buffer.byteLength(v, 'utf8') : v.length;
}

// The calling thread's last error, read right after a failing call.
function lastError(rc, name) {
  const code = api.recert_error_code();
  if (code === rc) {
    return new RecertError(rc, api.recert_error_message() || api.recert_strerror(rc), api.recert_error_path() || '');
  }
  return new RecertError(rc, `${name}: ${api.recert_strerror(rc)}`, '');
}

// ---------------------------------------------------------------------------
// Wrapping one function.

function wrap(dl, name, ret, args) {
  let fnPtr;
  try {
    fnPtr = dl.get(name);
  } catch (e) {
    return () => {
      throw fail(codes.EUNSUPPORTED, `${name}: not in the loaded librecert (${e.message})`);
    };
  }
  const types = args.flatMap((k) => ARG_FFI[k]);
  const cif = ffi.CIF(ref.coerceType(RET_FFI[ret]), types.map((t) => ref.coerceType(t)));
  const n = types.length;

  // The frame: [0, 8) the return value; then n argument pointers; then n
  // argument values of 8 bytes; then the out-parameters' memory.
  const ARGV = 8;
  const VALS = ARGV + 8 * n;
  const outs = []; // [kind, offset in the frame]
  let end = VALS + 8 * n;
  for (const kind of args) {
    if (kind[0] === 'o') {
      outs.push([kind, end]);
      end += kind === 'obuf' ? OBUF_SIZE : 8;
    }
  }
  const frame = Buffer.alloc(Math.max(128, end));
  const base = addressOf(frame);
  const result = frame.subarray(0, 8);
  const argv = frame.subarray(ARGV, ARGV + 8 * Math.max(1, n));
  for (let k = 0; k < n; k++) frame.writeBigUInt64LE(base + BigInt(VALS + 8 * k), ARGV + 8 * k);
  const outStart = VALS + 8 * n;
  const nJs = args.filter((k) => k[0] !== 'o').length;
  const hasStrings = args.some((k) => k === 's' || k === 'text' || k === 'strs');

  return function call(...js) {
    if (js.length !== nJs) {
      throw fail(codes.EINVAL, `${name}: expected ${nJs} arguments, got ${js.length}`);
    }
    // Check every argument first, and size the strings.
    const values = new Array(args.length);
    let need = 0;
    let j = 0;
    args.forEach((kind, i) => {
      switch (kind) {
        case 'h': values[i] = toHandle(js[j++], name, i); break;
        case 's': {
          const v = toCString(js[j++], name, i);
          values[i] = v;
          if (v !== null) need += Buffer.byteLength(v, 'utf8') + 1;
          break;
        }
        case 'text': {
          const v = toText(js[j++], name, i);
          values[i] = v;
          need += byteLength(v) + 1;
          break;
        }
        case 'strs': {
          const v = js[j++];
          if (!Array.isArray(v)) throw argError(name, i, 'expected an array of strings');
          const list = v.map((x) => {
            const str = toCString(x, name, i);
            if (str === null) throw argError(name, i, 'expected an array of strings');
            return str;
          });
          values[i] = list;
          need += 8 * list.length + 8;
          for (const str of list) need += Buffer.byteLength(str, 'utf8') + 1;
          break;
        }
        case 'i32': case 'int': values[i] = toInt32(js[j++], name, i); break;
        case 'uint': case 'u32': values[i] = toUint32(js[j++], name, i); break;
        case 'u64': values[i] = toU64(js[j++], name, i); break;
        case 'i64': values[i] = toI64(js[j++], name, i); break;
        case 'size': values[i] = toSize(js[j++], name, i); break;
        default: break; // out-parameters
      }
    });
    if (hasStrings && need + 16 > scratch.length) newScratch(need + 16);

    // Write the values into the frame (and the strings into the scratch).
    let at = 0; // next free byte of the scratch
    const put = (value) => { // a C string or text: its address
      const addr = scratchAddr + BigInt(at);
      if (typeof value === 'string') at += scratch.write(value, at, 'utf8');
      else at += value.copy(scratch, at);
      scratch[at++] = 0;
      return addr;
    };
    frame.fill(0, outStart, end);
    let slot = VALS;
    let o = 0;
    args.forEach((kind, i) => {
      const v = values[i];
      switch (kind) {
        case 'h': frame.writeBigUInt64LE(v, slot); break;
        case 's': frame.writeBigUInt64LE(v === null ? 0n : put(v), slot); break;
        case 'text':
          frame.writeBigUInt64LE(put(v), slot);
          slot += 8;
          frame.writeBigUInt64LE(BigInt(byteLength(v)), slot);
          break;
        case 'strs': {
          const addrs = v.map(put);
          at = (at + 7) & ~7;
          const array = scratchAddr + BigInt(at);
          for (const a of addrs) { scratch.writeBigUInt64LE(a, at); at += 8; }
          frame.writeBigUInt64LE(array, slot);
          slot += 8;
          frame.writeBigUInt64LE(BigInt(v.length), slot);
          break;
        }
        case 'i32': case 'int': frame.writeInt32LE(v, slot); break;
        case 'uint': case 'u32': frame.writeUInt32LE(v, slot); break;
        case 'u64': frame.writeBigUInt64LE(v, slot); break;
        case 'i64': frame.writeBigInt64LE(v, slot); break;
        case 'size': frame.writeBigUInt64LE(v, slot); break;
        case 'obuf':
          frame.writeBigUInt64LE(base + BigInt(outs[o++][1]), slot);
          slot += 8;
          frame.writeBigUInt64LE(BigInt(OBUF_SIZE), slot);
          break;
        default: // oh, otext, oi32, oint, oi64
          frame.writeBigUInt64LE(base + BigInt(outs[o++][1]), slot);
      }
      slot += 8;
    });

    ffiCall(cif, fnPtr, result, argv);
    if (scratch.length > SCRATCH_SIZE) newScratch(SCRATCH_SIZE);

    switch (ret) {
      case 'status': case 'rc': {
        const r = frame.readInt32LE(0);
        const got = readOuts(frame, outs, name); // frees library-allocated text
        if (ret === 'rc') return { rc: r, out: got.length === 1 ? got[0] : got };
        if (r !== codes.OK) throw lastError(r, name);
        return got.length === 0 ? undefined : got.length === 1 ? got[0] : got;
      }
      case 'int': case 'i32': return frame.readInt32LE(0);
      case 'uint': return frame.readUInt32LE(0);
      case 'i64': case 'long': return fromI64(frame.readBigInt64LE(0), name);
      case 'size': return fromI64(frame.readBigUInt64LE(0), name);
      case 'h': { const p = frame.readBigUInt64LE(0); return p === 0n ? null : p; }
      case 's': { const p = frame.readBigUInt64LE(0); return p === 0n ? null : cString(p); }
      default: return undefined; // void
    }
  };
}

function readOuts(frame, outs, name) {
  const values = [];
  let firstError = null;
  for (const [kind, off] of outs) {
    try {
      switch (kind) {
        case 'oh': { const p = frame.readBigUInt64LE(off); values.push(p === 0n ? null : p); break; }
        case 'otext': values.push(readText(frame.readBigUInt64LE(off))); break;
        case 'oi32': case 'oint': values.push(frame.readInt32LE(off)); break;
        case 'oi64': values.push(fromI64(frame.readBigInt64LE(off), name)); break;
        case 'obuf': {
          const z = frame.indexOf(0, off);
          values.push(frame.toString('utf8', off, z < 0 || z > off + OBUF_SIZE ? off + OBUF_SIZE : z));
          break;
        }
        default: values.push(undefined);
      }
    } catch (e) {
      if (!firstError) firstError = e;
      values.push(null);
    }
  }
  if (firstError) throw firstError;
  return values;
}

// char **out: read the text, then release it with recert_free() whatever
// happens. NULL gives null.
function readText(p) {
  if (p === 0n) return null;
  try {
    return cString(p);
  } finally {
    api.recert_free(p);
  }
}

// ---------------------------------------------------------------------------

module.exports = {
  // The wrapped C API, keyed by C name (loads the library on first use).
  lib() {
    return load().C;
  },
  // The file the library was loaded from (loads it).
  libraryPath() {
    return load().path;
  },
  API_MAJOR,
  DECLS,
};

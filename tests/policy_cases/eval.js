'use strict';
// The Node side of tests/policy_cases/run.py: evaluates records documents
// through the Node binding (bindings/node) and prints the reports as JSON.
//
// usage: node eval.js BINDING_DIR INPUT.json
//
// INPUT.json is an array of {"name", "as_of", "records"} (records: a records
// document, policies included). The output (standard output, one JSON
// document) is an array in the same order, each item either
//   {"name", "text": <evaluateJSON(): the report's JSON text as the library
//                     wrote it>,
//            "value": <evaluate(): the report as a JavaScript object>}
// or {"name", "error": {"code", "codeName", "path", "message"}}.
// A binding that cannot be loaded at all: {"fatal": "..."} and exit status 3.
//
// The library is found as the binding finds it (RECERT_LIBRARY, ...).
//
// SPDX-License-Identifier: MIT

const fs = require('fs');
const path = require('path');

function main() {
  if (process.argv.length !== 4) {
    process.stderr.write('usage: node eval.js BINDING_DIR INPUT.json\n');
    return 2;
  }
  let recert;
  try {
    recert = require(path.resolve(process.argv[2]));
    recert.version(); // loads the C library now, so a failure is reported once
  } catch (e) {
    process.stdout.write(JSON.stringify({ fatal: String(e && e.stack ? e.stack : e) }) + '\n');
    return 3;
  }
  const input = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
  const out = [];
  for (const c of input) {
    try {
      const text = recert.evaluateJSON(c.records, c.as_of);
      const value = recert.evaluate(c.records, c.as_of);
      out.push({ name: c.name, text, value });
    } catch (e) {
      out.push({
        name: c.name,
        error: { code: e.code, codeName: e.codeName, path: e.path, message: String(e.message) },
      });
    }
  }
  process.stdout.write(JSON.stringify(out) + '\n');
  return 0;
}

process.exitCode = main();

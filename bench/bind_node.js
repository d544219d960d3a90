'use strict';
// Node binding benchmark (bench/run runs it; needs bindings/node/node_modules
// and RECERT_LIBRARY=<build>/lib/librecert.so.0).
//
//   node bench/bind_node.js BINDING_DIR RECORDS.json ONE_HOLDER.json AS_OF
//
// Prints one line, key=value: evaluate_s (evaluate: the report as an object),
// evaluate_json_s (evaluateJSON: its text), best of 3 (and *_cpu_s, this
// process's CPU time, steadier on a busy machine); one_call_us and
// one_call_json_us, the same on a one-holder document (best batch average).
const fs = require('fs');
const path = require('path');

const [bindingDir, recordsPath, onePath, asOf] = process.argv.slice(2);
const recert = require(path.resolve(bindingDir));

function now() {
  return Number(process.hrtime.bigint()) / 1e9;
}

// Best wall time and best CPU time (this process) over the runs.
function best(fn, runs) {
  let t = Infinity;
  let c = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    const c0 = process.cpuUsage();
    fn();
    const dc = process.cpuUsage(c0);
    t = Math.min(t, now() - t0);
    c = Math.min(c, (dc.user + dc.system) / 1e6);
  }
  return [t, c];
}

function perCall(fn, minTime = 1.0) {
  let bestAvg = Infinity;
  let n = 0;
  const start = now();
  while (n < 1000 || now() - start < minTime) {
    const t0 = now();
    for (let i = 0; i < 100; i++) fn();
    bestAvg = Math.min(bestAvg, (now() - t0) / 100);
    n += 100;
  }
  return bestAvg;
}

const text = fs.readFileSync(recordsPath, 'utf8');
const one = fs.readFileSync(onePath, 'utf8');
const ev = best(() => recert.evaluate(text, asOf), 3);
const evj = best(() => recert.evaluateJSON(text, asOf), 3);
const oc = perCall(() => recert.evaluate(one, asOf));
const ocj = perCall(() => recert.evaluateJSON(one, asOf));
console.log(`evaluate_s=${ev[0].toFixed(4)} evaluate_cpu_s=${ev[1].toFixed(4)} ` +
  `evaluate_json_s=${evj[0].toFixed(4)} evaluate_json_cpu_s=${evj[1].toFixed(4)} ` +
  `one_call_us=${(oc * 1e6).toFixed(1)} one_call_json_us=${(ocj * 1e6).toFixed(1)}`);

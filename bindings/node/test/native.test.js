'use strict';
// Every FFI declaration in lib/native.js against include/recert/*.h: each
// public function is declared, with its exact C types (int32 days, int64
// amounts, size_t indices, enums as int, out-parameters as pointers).

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { DECLS } = require('../lib/native');

const INCLUDE = path.resolve(__dirname, '..', '..', '..', 'include', 'recert');
// Not used by the binding: the flat accessors give the same fields.
const NOT_DECLARED = new Set(['recert_error_last']);

function prototypes() {
  const out = new Map();
  for (const f of fs.readdirSync(INCLUDE).filter((x) => x.endsWith('.h'))) {
    const text = fs.readFileSync(path.join(INCLUDE, f), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, ' ')
      .replace(/\s+/g, ' ');
    const re = /RECERT_API ([^;(]*?)\b(recert_\w+)\s*\(([^)]*)\)\s*;/g;
    let m;
    while ((m = re.exec(text)) !== null) out.set(m[2], { ret: m[1].trim(), params: m[3].trim() });
  }
  return out;
}

function retKind(c) {
  const t = c.replace(/\s+/g, ' ');
  if (t === 'int') return ['status', 'rc', 'int'];
  if (/^recert_\w+$/.test(t)) return ['int']; // an enum
  return {
    int32_t: ['i32'], int64_t: ['i64'], size_t: ['size'], long: ['long'], unsigned: ['uint'],
    void: ['void'], 'const char *': ['s'],
  }[t] || (/^(const )?recert_\w+ \*$/.test(t) ? ['h'] : [`? ${t}`]);
}

function paramKinds(params) {
  if (params === 'void' || params === '') return [];
  const list = params.split(',').map((p) => p.trim());
  const out = [];
  for (let i = 0; i < list.length; i++) {
    const p = list[i];
    const next = list[i + 1] || '';
    const type = p.replace(/\b\w+$/, '').replace(/\s+/g, ' ').trim();
    if (/^const char \*$/.test(type) && /^size_t (len|size)$/.test(next)) { out.push('text'); i++; continue; }
    if (/^const char \*const \*$/.test(type) && /^size_t n$/.test(next)) { out.push('strs'); i++; continue; }
    if (/^char \*$/.test(type) && /^size_t size$/.test(next)) { out.push('obuf'); i++; continue; }
    if (/^char \*\*$/.test(type)) { out.push('otext'); continue; }
    if (/^(const )?recert_\w+ \*\*$/.test(type)) { out.push('oh'); continue; }
    if (type === 'int32_t *') { out.push('oi32'); continue; }
    if (type === 'int64_t *') { out.push('oi64'); continue; }
    if (type === 'int *') { out.push('oint'); continue; }
    if (type === 'const char *') { out.push('s'); continue; }
    if (/^(const )?recert_\w+ \*$/.test(type) || type === 'void *') { out.push('h'); continue; }
    const scalar = {
      int32_t: 'i32', int64_t: 'i64', size_t: 'size', int: 'int', unsigned: 'uint',
      uint32_t: 'u32', uint64_t: 'u64',
    }[type];
    if (scalar) { out.push(scalar); continue; }
    if (/^recert_\w+$/.test(type)) { out.push('int'); continue; } // an enum
    out.push(`? ${type}`);
  }
  return out;
}

test('every function of the headers is declared, with its C types', { skip: !fs.existsSync(INCLUDE) && 'no include/recert here' }, () => {
  const protos = prototypes();
  assert.ok(protos.size > 150, `found ${protos.size} prototypes`);
  const problems = [];
  for (const [name, { ret, params }] of protos) {
    if (NOT_DECLARED.has(name)) continue;
    const decl = DECLS[name];
    if (!decl) {
      problems.push(`${name}: not declared`);
      continue;
    }
    if (!retKind(ret).includes(decl[0])) problems.push(`${name}: returns ${ret}, declared ${decl[0]}`);
    const kinds = paramKinds(params);
    if (JSON.stringify(kinds) !== JSON.stringify(decl[1])) {
      problems.push(`${name}(${params}): expected [${kinds}], declared [${decl[1]}]`);
    }
  }
  for (const name of Object.keys(DECLS)) {
    if (!protos.has(name)) problems.push(`${name}: declared but not in the headers`);
  }
  assert.deepEqual(problems, []);
});

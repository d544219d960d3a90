'use strict';
// docs/node.md shows examples/gym-backend.js as it is, and the output it
// prints as of 2026-11-23 is the output the example gives.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const PACKAGE = path.resolve(__dirname, '..');
const EXAMPLE = path.join(PACKAGE, 'examples', 'gym-backend.js');
const DOC = path.resolve(PACKAGE, '..', '..', 'docs', 'node.md');
const MARKER = '<!-- gym-backend.js: kept identical to the file by test/docs.test.js -->\n```js\n';
const OUTPUT = 'Its output as of 2026-11-23:\n\n```\n';

function block(text, start) {
  const from = text.indexOf(start);
  assert.ok(from >= 0, `docs/node.md lacks ${JSON.stringify(start.split('\n')[0])}`);
  const begin = from + start.length;
  return text.slice(begin, text.indexOf('```\n', begin));
}

test('docs/node.md shows the example and its output as they are', { skip: !fs.existsSync(DOC) && 'no docs/node.md here' }, () => {
  const doc = fs.readFileSync(DOC, 'utf8');
  assert.equal(block(doc, MARKER), fs.readFileSync(EXAMPLE, 'utf8'));
  // require('librecert') resolves to this package through NODE_PATH.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'librecert-docs-'));
  try {
    fs.symlinkSync(PACKAGE, path.join(dir, 'librecert'), 'dir');
    const run = spawnSync(process.execPath, [EXAMPLE, '2026-11-23'], {
      encoding: 'utf8', env: { ...process.env, NODE_PATH: dir },
    });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, block(doc, OUTPUT));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

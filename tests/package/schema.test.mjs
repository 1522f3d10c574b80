// The JSON Schema shipped in the package, as a pipeline would use it: ajv over
// the sample and every document-level fixture, against `scorecard check` on the
// same files. A document the schema accepts must be readable by the engine
// (exit 0 or 1, never the fatal 2), and a document the engine cannot read must
// fail the schema. Each fixture also names what both sides say of it, so a
// schema that accepts everything (or nothing) fails here too.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { ROOT } from './sources.mjs';

const addFormats = addFormatsModule.default ?? addFormatsModule;
const FIXTURES = join(ROOT, 'tests/fixtures/documents');

/**
 * What each document is: `schema` is ajv's verdict, `check` the exit status of
 * `scorecard check` (0 all accepted, 1 some rejected, 2 unreadable). The
 * documents at exit 1 that the schema accepts break rules it cannot express
 * (see the schema's description).
 */
const EXPECTED = {
  'demo/data/sample.json': { schema: true, check: 0 },
  'minimal.json': { schema: true, check: 0 },
  'full.json': { schema: true, check: 0 },
  'no-records-in-the-array.json': { schema: true, check: 0 },
  'undeclared-partner.json': { schema: true, check: 1 },
  'bad-period.json': { schema: false, check: 1 },
  'value-not-a-number.json': { schema: false, check: 1 },
  'wrong-schema.json': { schema: false, check: 2 },
  'missing-schema.json': { schema: false, check: 2 },
  'missing-records.json': { schema: false, check: 2 },
  'records-not-an-array.json': { schema: false, check: 2 },
  'top-level-array.json': { schema: false, check: 2 },
  'truncated.json': { schema: false, check: 2 },
};

function scorecardBinary() {
  const built = spawnSync('cargo', ['build', '-q', '--release', '--bin', 'scorecard'], {
    cwd: ROOT, encoding: 'utf8', timeout: 600_000,
  });
  assert.equal(built.status, 0, `cargo build --bin scorecard failed:\n${built.stderr}`);
  const bin = join(ROOT, 'target/release/scorecard');
  assert.ok(existsSync(bin));
  return bin;
}

function documents() {
  const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).sort();
  return [
    { name: 'demo/data/sample.json', path: join(ROOT, 'demo/data/sample.json') },
    ...fixtures.map((f) => ({ name: f, path: join(FIXTURES, f) })),
  ];
}

test('every fixture has an expectation, and every expectation a fixture', () => {
  assert.deepEqual(documents().map((d) => d.name).sort(), Object.keys(EXPECTED).sort());
});

test('ajv and `scorecard check` agree on which documents are readable', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'docs/partner-scorecard-v1.schema.json'), 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const bin = scorecardBinary();
  const seen = {};
  for (const doc of documents()) {
    let valid;
    let why = '';
    try {
      valid = validate(JSON.parse(readFileSync(doc.path, 'utf8')));
      if (!valid) why = ajv.errorsText(validate.errors);
    } catch (e) {
      valid = false; // not JSON at all: no validator accepts it
      why = e.message;
    }
    const run = spawnSync(bin, ['check', doc.path], { encoding: 'utf8' });
    seen[doc.name] = { schema: valid, check: run.status };
    const at = `${doc.name}: ajv ${valid ? 'valid' : `invalid (${why})`}; scorecard check exit ${run.status}: ${run.stderr.trim() || run.stdout.trim().split('\n').pop()}`;
    if (valid) assert.notEqual(run.status, 2, `the schema accepts a document the widget cannot read. ${at}`);
    if (run.status === 2) assert.equal(valid, false, `the schema accepts an unreadable document. ${at}`);
    if (run.status === 0) assert.equal(valid, true, `the engine accepts every record but the schema rejects the document. ${at}`);
  }
  assert.deepEqual(seen, EXPECTED);
});

test('the package ships this schema and the contract docs', async () => {
  const { manifest } = await import('../../npm/pack.mjs');
  const pkg = manifest('0.0.0', ['embed.js']);
  assert.equal(pkg.exports['./schema.json'], './docs/partner-scorecard-v1.schema.json');
  for (const f of ['docs/partner-scorecard-v1.schema.json', 'docs/data-contract.md']) {
    assert.ok(pkg.files.includes(f), f);
  }
});

// custom-elements.json against the element's sources: a new attribute, event,
// property, part or theming property that the manifest (and so the package's
// users) does not know about fails here. The running element's own
// observedAttributes are checked against it too, in apps.test.mjs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import {
  ROOT, attributesInRust, cssPropertiesInStyles, firedEvents, manifestDeclaration,
  membersInElementJs, observedInElementJs, partsInViews,
} from './sources.mjs';

const manifest = JSON.parse(readFileSync(join(ROOT, 'npm/custom-elements.json'), 'utf8'));
const decl = manifestDeclaration(manifest);
const names = (xs) => (xs ?? []).map((x) => x.name).sort();
const sorted = (xs) => [...xs].sort();

test('the manifest follows the Custom Elements Manifest schema', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'node_modules/custom-elements-manifest/schema.json'), 'utf8'));
  const ajv = new Ajv({ strict: false, allErrors: true });
  const validate = ajv.compile(schema);
  assert.ok(validate(manifest), JSON.stringify(validate.errors, null, 2));
  assert.equal(manifest.schemaVersion, JSON.parse(readFileSync(
    join(ROOT, 'node_modules/custom-elements-manifest/package.json'), 'utf8')).version);
  assert.equal(decl.tagName, 'partner-scorecard');
  const def = manifest.modules.flatMap((m) => m.exports ?? []).find((e) => e.kind === 'custom-element-definition');
  assert.deepEqual(def?.declaration, { name: decl.name, module: 'index.js' });
});

test('attributes: the manifest lists exactly what the element observes', () => {
  const observed = sorted(observedInElementJs());
  assert.deepEqual(sorted(attributesInRust()), observed, 'element.js OBSERVED and src/embed/mod.rs ATTRIBUTES differ');
  assert.deepEqual(names(decl.attributes), observed);
  for (const a of decl.attributes) assert.ok(a.description && a.type?.text, `attribute ${a.name} needs a type and a description`);
});

test('events: the manifest lists exactly what the Rust code fires', () => {
  const fired = firedEvents();
  assert.ok(fired.length >= 5, `found only ${fired.join(', ')} in src/`);
  assert.deepEqual(names(decl.events), fired);
  for (const e of decl.events) assert.match(e.type.text, /^CustomEvent<\w+>$/, e.name);
});

test('properties and methods: the manifest lists the public members of the class', () => {
  const { fields, methods } = membersInElementJs();
  const of = (kind) => names((decl.members ?? []).filter((m) => m.kind === kind));
  assert.deepEqual(of('field'), fields);
  assert.deepEqual(of('method'), methods);
});

test('parts and theming properties: the manifest lists what the views and stylesheets use', () => {
  assert.deepEqual(names(decl.cssParts), partsInViews());
  assert.deepEqual(names(decl.cssProperties), cssPropertiesInStyles());
});

test('the TypeScript types name the same attributes and events as the manifest', () => {
  const dts = readFileSync(join(ROOT, 'npm/index.d.ts'), 'utf8');
  const block = (name) => {
    const m = dts.match(new RegExp(`interface ${name} \\{([\\s\\S]*?)\\n\\}`));
    assert.ok(m, `index.d.ts: no interface ${name}`);
    return m[1];
  };
  // A name with a hyphen (max-bytes) is quoted in TypeScript.
  const attrs = [...block('PartnerScorecardAttributes').matchAll(/^\s+'?([a-z-]+)'?\?:/gm)].map((m) => m[1]).sort();
  assert.deepEqual(attrs, names(decl.attributes));
  const events = [...block('PartnerScorecardEventMap').matchAll(/^\s+'([a-z-]+)':/gm)].map((m) => m[1]).sort();
  assert.deepEqual(events, names(decl.events));
});

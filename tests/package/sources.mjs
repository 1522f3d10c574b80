// What the element really has, read from its sources (not a test file itself):
// the observed attributes (element.js and the Rust list), the properties and
// methods of the class, the events the Rust code fires, the parts the views
// expose and the custom properties the stylesheets read.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (p) => readFileSync(join(ROOT, p), 'utf8');

function rustFiles(dir) {
  const out = [];
  for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...rustFiles(p));
    else if (e.name.endsWith('.rs')) out.push(p);
  }
  return out.sort();
}

const strings = (list) => [...list.matchAll(/["']([^"']+)["']/g)].map((m) => m[1]);
const unique = (xs) => [...new Set(xs)].sort();

/** `observedAttributes` of the class in src/embed/element.js. */
export function observedInElementJs() {
  const m = read('src/embed/element.js').match(/const OBSERVED = \[([^\]]*)\]/);
  if (!m) throw new Error('src/embed/element.js: no `const OBSERVED = [...]`');
  return strings(m[1]);
}

/** The attributes the Rust widget reads (src/embed/mod.rs ATTRIBUTES). */
export function attributesInRust() {
  const m = read('src/embed/mod.rs').match(/pub const ATTRIBUTES: \[&str; \d+\] = \[([^\]]*)\]/);
  if (!m) throw new Error('src/embed/mod.rs: no `pub const ATTRIBUTES`');
  return strings(m[1]);
}

const LIFECYCLE = new Set(['constructor', 'connectedCallback', 'disconnectedCallback',
  'attributeChangedCallback', 'adoptedCallback']);

/** Public accessors and methods of the element class (names without a leading _). */
export function membersInElementJs() {
  const src = read('src/embed/element.js');
  const body = src.slice(src.indexOf('class PartnerScorecard'));
  const fields = unique([...body.matchAll(/^\s+(?:get|set) ([a-zA-Z]\w*)\(/gm)].map((m) => m[1]));
  const methods = unique([...body.matchAll(/^\s+([a-zA-Z]\w*)\([^)]*\) \{/gm)].map((m) => m[1])
    .filter((n) => !LIFECYCLE.has(n) && !fields.includes(n)));
  return { fields, methods };
}

/** Every event name passed to a `fire(...)` call anywhere in src/. */
export function firedEvents() {
  const names = [];
  for (const f of rustFiles('src')) {
    for (const m of read(f).matchAll(/\bfire\(\s*(?:[a-z_&]+,\s*)?"([a-z][a-z-]*)"/g)) names.push(m[1]);
  }
  return unique(names);
}

/** Every `part="…"` in the views. */
export function partsInViews() {
  const names = [];
  for (const f of rustFiles('src/ui')) {
    // A part attribute may name several parts: part="verdict balance".
    for (const m of read(f).matchAll(/\bpart="([a-z][a-z -]*)"/g)) names.push(...m[1].split(' ').filter(Boolean));
  }
  return unique(names);
}

/** Every `var(--ps-…)` the stylesheets read: the theming hooks. */
export function cssPropertiesInStyles() {
  const names = [];
  for (const f of readdirSync(join(ROOT, 'style')).filter((n) => n.endsWith('.css') && n !== 'demo.css')) {
    for (const m of read(`style/${f}`).matchAll(/var\((--ps-[a-z-]+)/g)) names.push(m[1]);
  }
  return unique(names);
}

/** The one custom-element declaration of npm/custom-elements.json. */
export function manifestDeclaration(manifest = JSON.parse(read('npm/custom-elements.json'))) {
  const decls = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement);
  if (decls.length !== 1) throw new Error(`custom-elements.json: ${decls.length} custom elements, expected 1`);
  return decls[0];
}

#!/usr/bin/env bash
# Trunk post_build hook (Trunk.toml [[hooks]]): builds the widget's wasm and
# splits it into the module a page needs for its first scorecard and the
# chunks that load on demand (Leptos `#[lazy]`, see src/ui/lazy.rs).
#
# Trunk 0.21 cannot split a module, so index.html marks the rust link
# `data-trunk-skip` and this script does what Trunk's rust pipeline would:
#   1. cargo builds the bin with the `split` feature (which turns `#[lazy]` on)
#      and links it with relocations (`--emit-relocs`), which wasm-split reads;
#   2. wasm-split-cli moves every function only a lazy entry reaches into its
#      own .wasm and writes the loader `__wasm_split.js`;
#   3. wasm-bindgen writes the glue for the main module, keeping the exports
#      the chunks link against (`--keep-lld-exports`);
#   4. wasm-opt -Oz shrinks every .wasm (npm binaryen, never Debian's 108), and
#      terser minifies the generated JS (embed.js, the one file hosts name,
#      stays as written).
# Everything lands in Trunk's staging folder, beside embed.js; the chunks are
# found relative to the glue (import.meta.url), so dist/ works from any path.
#
# Env from Trunk: TRUNK_STAGING_DIR, TRUNK_PROFILE, TRUNK_SOURCE_DIR.
# Run by hand (for a look at the chunks): TRUNK_STAGING_DIR=/tmp/out tools/build-wasm.sh
set -euo pipefail

BIN=partner-scorecard-web
STAGE=${TRUNK_STAGING_DIR:?"set by trunk; by hand: TRUNK_STAGING_DIR=/tmp/out $0"}
PROFILE=${TRUNK_PROFILE:-release}
cd "${TRUNK_SOURCE_DIR:-$(dirname "$0")/..}"

for tool in wasm-split-cli wasm-bindgen wasm-opt terser; do
  command -v "$tool" >/dev/null || { echo "build-wasm: $tool not on PATH (./x build installs it)" >&2; exit 1; }
done
# Trunk's own check, kept here: Debian's binaryen 108 writes a module that fails at start.
if ! wasm-opt --version | grep -q 'version 132'; then
  echo "build-wasm: wasm-opt is not binaryen 132 ($(wasm-opt --version)); run ./x build" >&2
  exit 1
fi

profile_flag=()
[ "$PROFILE" = release ] && profile_flag=(--release)
# The link flag reaches only the bin's link (cargo rustc), so the dependencies
# keep the fingerprints clippy and the wasm tests build them with. No
# --no-merge-data-segments (cargo-leptos #679): wasm-split 0.2.4 moves data
# symbol by symbol already, and the flag measured 6 KB brotli more in main.
cargo rustc --bin "$BIN" --target wasm32-unknown-unknown "${profile_flag[@]}" --features split \
  -- -Clink-arg=--emit-relocs

target_dir=$(cargo metadata --format-version 1 --no-deps \
  | node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => console.log(JSON.parse(s).target_directory))')
input="$target_dir/wasm32-unknown-unknown/$PROFILE/$BIN.wasm"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# wasm-opt reads the linker's name section, whose subsection 3 it does not know
# and reports once per module: that line is noise, every other one is kept.
quiet() { "$@" 2> >(grep -v 'unknown name subsection' >&2); }
wasm-split-cli --target web --out-name "$BIN" "$input" "$work/split"
wasm-bindgen "$work/split/$BIN.wasm" --target web --out-dir "$work/pkg" --out-name "$BIN" \
  --keep-lld-exports --no-typescript

mkdir -p "$STAGE"
rm -rf "$STAGE/snippets"
cp -r "$work/pkg/." "$STAGE/"
for chunk in "$work/split"/*.wasm; do
  [ "$(basename "$chunk")" = "$BIN.wasm" ] || cp "$chunk" "$STAGE/"
done
cp "$work/split/__wasm_split.js" "$STAGE/"

# Trunk leaves a skipped rust link in the page it writes; the demo page needs none.
if [ -f "$STAGE/index.html" ]; then
  sed -i '/data-trunk-skip/d' "$STAGE/index.html"
fi

# PS_KEEP_NAMES=1 keeps the function names in every .wasm, so a Chromium trace or
# profile of dist/ names the Rust functions (a few hundred KB more; never shipped).
names=()
[ "${PS_KEEP_NAMES:-}" = 1 ] && names=(-g)
if [ "$PROFILE" = release ]; then
  for wasm in "$STAGE"/*.wasm; do
    # The producers and target-features sections say which tools made the file;
    # no browser reads them (about 300 B each before compression).
    quiet wasm-opt -Oz "${names[@]}" --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --strip-producers --strip-target-features "$wasm" -o "$wasm"
  done
  # wasm-split gives code that two chunks share (and the main module does not) a file
  # of its own, sometimes of a few hundred bytes. Bundlers inline a file that small as
  # a data: URL (Vite under 4 KB, webpack's `asset` type under 8 KB), which a strict
  # CSP's connect-src refuses. A custom section of zeros brings such a chunk to 8 KB
  # raw; browsers skip it, and brotli sends it in about 20 bytes.
  node -e '
    const fs = require("fs");
    const leb = (n) => { const out = []; do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; out.push(b); } while (n); return out; };
    for (const file of process.argv.slice(1)) {
      const wasm = fs.readFileSync(file);
      const room = 8200 - wasm.length;
      if (room <= 0) continue;
      const name = Buffer.from("padding");
      const body = Buffer.concat([Buffer.from(leb(name.length)), name, Buffer.alloc(Math.max(0, room - 16))]);
      fs.writeFileSync(file, Buffer.concat([wasm, Buffer.from([0]), Buffer.from(leb(body.length)), body]));
    }' "$STAGE"/chunk_*.wasm
  # ES modules: exports, import.meta.url and the chunk URLs are kept as they are.
  find "$STAGE" -name '*.js' ! -name embed.js -print0 | while IFS= read -r -d '' js; do
    terser "$js" --module --compress --mangle --output "$js"
  done
fi

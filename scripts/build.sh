#!/usr/bin/env bash
# Builds the wasm module and assembles the npm package in pkg/:
#   pkg/web   ES module for browsers, bundlers and workers
#   pkg/node  CommonJS for Node, with an ESM entry
# The steps are wasm-pack's (cargo build, wasm-bindgen, wasm-opt), run by hand
# because wasm-pack cannot pass wasm-bindgen `--experimental-reset-state-function`:
# it is what lets the package replace a trapped instance (js/core.js).
#
#   scripts/build.sh                    release build into pkg/
#   scripts/build.sh --fault-injection  test build into target/fault-pkg/, where
#                                       analyze("zhlens:trap") traps the module
# Needs scripts/setup.sh to have run (it writes .toolchain/env).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
[ -f .toolchain/env ] || bash scripts/setup.sh
# shellcheck disable=SC1091
source .toolchain/env

if [ "${1:-}" = "--fault-injection" ]; then
  out=target/fault-pkg
  cargo build --quiet --lib --target wasm32-unknown-unknown --features fault-injection
  wasm="$CARGO_TARGET_DIR/wasm32-unknown-unknown/debug/zhlens.wasm"
  optimize=0
else
  out=pkg
  cargo build --quiet --lib --release --target wasm32-unknown-unknown
  wasm="$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/zhlens.wasm"
  optimize=1
fi

for target in web nodejs; do
  dir=$out/${target%js}
  rm -rf "$dir/snippets"
  mkdir -p "$dir"
  wasm-bindgen --target "$target" --experimental-reset-state-function \
    --out-dir "$dir" --out-name zhlens "$wasm"
done
if [ $optimize -eq 1 ]; then
  # -ocimfs: wasm-opt inlines a function with one caller whatever its size,
  # and made the whole analysis one 100 KB function; V8's optimizing tier
  # took 200 ms (in background threads that a 2-core machine shares with
  # the first analysis) to compile it, and ran it slower than the parts.
  wasm-opt -O3 -ocimfs 300 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-reference-types \
    --enable-multivalue --enable-sign-ext --enable-mutable-globals \
    "$out/web/zhlens_bg.wasm" -o "$out/web/zhlens_bg.wasm"
fi
# Both targets' glue loads the same module.
cmp -s "$out/web/zhlens_bg.wasm" "$out/node/zhlens_bg.wasm" || cp "$out/web/zhlens_bg.wasm" "$out/node/zhlens_bg.wasm"
node scripts/package.mjs "$out"

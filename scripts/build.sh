#!/usr/bin/env bash
# Builds the wasm module and assembles the npm package in pkg/:
#   pkg/web   ES module for browsers and bundlers (wasm-pack --target web)
#   pkg/node  CommonJS for Node (wasm-pack --target nodejs), with an ESM entry
# Needs scripts/setup.sh to have run (it writes .toolchain/env).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
[ -f .toolchain/env ] || bash scripts/setup.sh
# shellcheck disable=SC1091
source .toolchain/env
for target in web nodejs; do
  dir=pkg/${target%js}
  wasm-pack --quiet build --release --no-pack --target "$target" --out-dir "$dir" --out-name zhlens 2>&1 \
    | grep -v '^\[INFO\]' >&2 || true
  [ -f "$dir/zhlens_bg.wasm" ] || { echo "build: wasm-pack failed for $target" >&2; exit 1; }
  rm -f "$dir/.gitignore"
done
node scripts/package.mjs

#!/usr/bin/env bash
# Sets up (once) and runs every test: formatting and lints, native unit and integration tests,
# wasm tests in Node and headless Chromium, the packed npm package from Node,
# and the page end to end in Chromium.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "setup"
bash scripts/setup.sh --test
step "formatting and lints (rustfmt, clippy)"
cargo fmt --check
cargo clippy --quiet --all-targets -- -D warnings
step "cargo test (native)"
cargo test --quiet
step "build the wasm module and the npm package (and a fault-injection build for recovery tests)"
bash scripts/build.sh
bash scripts/build.sh --fault-injection
(
  # shellcheck disable=SC1091
  source .toolchain/env
  step "wasm tests in Node"
  wasm-pack test --node -- --test wasm_node
  step "wasm tests in headless Chromium"
  CHROMEDRIVER=/usr/bin/chromedriver wasm-pack test --headless --chrome -- --test wasm_browser
)
step "Node: the packed package in sample projects (Node ESM, CommonJS, Vite), and the page in Chromium"
node --expose-gc --test tests/node/ tests/e2e/

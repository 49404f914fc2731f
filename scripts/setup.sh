#!/usr/bin/env bash
# Installs what zhlens needs to build and (with --test) to test, from the
# package registries only. Idempotent: each step checks first and returns at
# once when its tool is already there.
#
#   scripts/setup.sh          toolchain for building the page
#   scripts/setup.sh --test   and the browser, driver and test packages
#
# The wasm32 target: rustup's where `rustup target add` works; otherwise
# Debian's packaged Rust with a wasm32 standard library built from its
# shipped source once (see shared/TOOLCHAIN.md). Either way the choice is
# written to .toolchain/env, which the other scripts source.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
WITH_TEST=0
[ "${1:-}" = "--test" ] && WITH_TEST=1

log() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }
SUDO=""
[ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && SUDO="sudo"

APT_UPDATED=0
apt_install() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null; then
    log "missing ${missing[*]} and no apt-get: install them by hand"; return 1
  fi
  if [ $APT_UPDATED -eq 0 ]; then
    log "apt-get update"; $SUDO apt-get update -q >/dev/null; APT_UPDATED=1
  fi
  log "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${missing[@]}" >/dev/null
}

# --- Rust ---------------------------------------------------------------
command -v cargo >/dev/null || [ -x "$HOME/.cargo/bin/cargo" ] || apt_install cargo rustc
export PATH="$HOME/.cargo/bin:$PATH"

mkdir -p .toolchain
has_wasm_std() { # $1: rustc
  local sysroot
  sysroot=$("$1" --print sysroot 2>/dev/null) || return 1
  compgen -G "$sysroot/lib/rustlib/wasm32-unknown-unknown/lib/libstd-*.rlib" >/dev/null
}

# ZHLENS_WASM_TOOLCHAIN=debian forces the Debian route (to test it where rustup works).
ROUTE=${ZHLENS_WASM_TOOLCHAIN:-auto}
if [ "$ROUTE" != debian ] && has_wasm_std rustc; then
  WASM_BIN=""
elif [ "$ROUTE" != debian ] && command -v rustup >/dev/null \
    && timeout 120 rustup target add wasm32-unknown-unknown >/dev/null 2>&1 && has_wasm_std rustc; then
  log "wasm32 target from rustup"; WASM_BIN=""
else
  # Debian route: packaged rustc ships its std source; build std for wasm32 once.
  apt_install rustc-web cargo-web rust-web-src lld-22
  if ! has_wasm_std /usr/bin/rustc; then
    log "building the wasm32 standard library from Debian's rust source (about a minute)"
    scratch="$ROOT/.cache/wasm-std"
    rm -rf "$scratch"; mkdir -p "$scratch/src"
    printf '[package]\nname = "wasm_std_scratch"\nversion = "0.0.0"\nedition = "2021"\n[lib]\npath = "src/lib.rs"\n[workspace]\n' > "$scratch/Cargo.toml"
    : > "$scratch/src/lib.rs"
    (cd "$scratch" && RUSTC_BOOTSTRAP=1 RUSTFLAGS=-Cembed-bitcode=yes RUSTC=/usr/bin/rustc \
      /usr/bin/cargo build -q --release --target wasm32-unknown-unknown -Z build-std=std,panic_abort,test)
    dest="$(/usr/bin/rustc --print sysroot)/lib/rustlib/wasm32-unknown-unknown/lib"
    $SUDO mkdir -p "$dest"
    for f in "$scratch"/target/wasm32-unknown-unknown/release/deps/lib*.rlib; do
      case "$(basename "$f")" in libwasm_std_scratch-*) ;; *) $SUDO cp "$f" "$dest/" ;; esac
    done
    rm -rf "$scratch"
  fi
  WASM_BIN="$ROOT/.toolchain/bin"
  mkdir -p "$WASM_BIN"
  for t in cargo rustc rustdoc; do ln -sf "/usr/bin/$t" "$WASM_BIN/$t"; done
fi
# Wasm builds get their own target dir so two compilers never share one.
cat > .toolchain/env <<EOF
# written by scripts/setup.sh
export PATH="${WASM_BIN:+$WASM_BIN:}$HOME/.cargo/bin:$ROOT/node_modules/.bin:\$PATH"
export CARGO_TARGET_DIR="$ROOT/target/wasm"
EOF

# --- wasm-bindgen-cli, pinned to the crate's version; wasm-pack -----------
WB_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB_VERSION" ]; then
  log "cargo install wasm-bindgen-cli $WB_VERSION (several minutes, once)"
  cargo install -q wasm-bindgen-cli --version "$WB_VERSION"
fi
if ! command -v wasm-pack >/dev/null; then
  log "cargo install wasm-pack (several minutes, once)"
  cargo install -q wasm-pack
fi

# --- Node packages: binaryen's wasm-opt, test and benchmark tools ---------
command -v npm >/dev/null || apt_install nodejs npm
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

# --- Browser for tests -----------------------------------------------------
if [ $WITH_TEST -eq 1 ]; then
  apt_install chromium chromium-driver
fi
log "ready"

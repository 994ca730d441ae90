#!/usr/bin/env bash
# Builds the page into web/dist/ (index.html, style.css, web.js and web_bg.wasm for the calculator,
# more.js and more_bg.wasm for what it loads on first use: the downloads and the metrics reader): a
# static folder any static host can serve. Installs what it needs, idempotently:
#   - Debian's rustc-web toolchain (rustup cannot add the wasm32 target on these machines), lld,
#     and Chromium with chromedriver for the browser tests;
#   - wasm-bindgen-cli at exactly the version in Cargo.lock;
#   - binaryen's wasm-opt from npm (Debian's is too old for rustc 1.96's output).
# On a machine where `rustup target add wasm32-unknown-unknown` works, that target is used instead.
#
#   bash web/build.sh            build (or rebuild what changed)
#   NO_WASM_OPT=1 bash web/build.sh   skip wasm-opt
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
TOOLS="$ROOT/target/tools"
BINARYEN_NPM=132.0.0
export PATH="$HOME/.cargo/bin:$PATH"

log() { printf '==> %s\n' "$*" >&2; }

# ---- 1. Debian packages (as root; skipped when all present) ----
APT_PKGS=(rustc-web cargo-web rust-web-src rust-web-llvm lld-22 chromium chromium-driver)
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  log "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# ---- 2. wasm-bindgen-cli, the version Cargo.lock pins ----
WB_VER=$(awk '$0=="name = \"wasm-bindgen\"" {getline; gsub(/"/, "", $3); print $3; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WB_VER" ]; then
  log "installing wasm-bindgen-cli $WB_VER"
  # --locked first; the registry mirror may lack a version its lock pins, so fall back.
  cargo install -q wasm-bindgen-cli --version "$WB_VER" --locked ||
    cargo install -q wasm-bindgen-cli --version "$WB_VER"
fi

# ---- 3. wasm-opt from npm ----
if [ -z "${NO_WASM_OPT:-}" ]; then
  if ! "$TOOLS/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "version_${BINARYEN_NPM%%.*}"; then
    log "installing binaryen $BINARYEN_NPM (npm)"
    mkdir -p "$TOOLS"
    npm install --silent --prefix "$TOOLS" --no-audit --no-fund "binaryen@$BINARYEN_NPM" >/dev/null
  fi
fi

# ---- 4. build for wasm32 ----
if rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$'; then
  log "building with rustup's wasm32 target"
  cargo build --profile wasm-release -p kcost-web --bin web --bin more --target wasm32-unknown-unknown --target-dir target/wasm
else
  log "building with Debian's rustc-web (build-std)"
  # std is built here, so it can be built smaller: a panic traps at once (the page has no
  # panic output to keep; it never panics by design) and carries no file:line strings.
  # About 18 KB gzip less.
  env PATH="/usr/bin:$PATH" RUSTC_BOOTSTRAP=1 \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none" \
    cargo --config .cargo/wasm.toml build --profile wasm-release -p kcost-web --bin web --bin more
fi
WASM=target/wasm/wasm32-unknown-unknown/wasm-release

# ---- 5. bundle into web/dist ----
DIST=web/dist
rm -rf "$DIST.tmp" && mkdir -p "$DIST.tmp"
for bin in web more; do
  wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
    --out-dir "$DIST.tmp" "$WASM/$bin.wasm"
  if [ -z "${NO_WASM_OPT:-}" ]; then
    "$TOOLS/node_modules/.bin/wasm-opt" -Oz "$DIST.tmp/${bin}_bg.wasm" -o "$DIST.tmp/${bin}_bg.opt.wasm"
    mv "$DIST.tmp/${bin}_bg.opt.wasm" "$DIST.tmp/${bin}_bg.wasm"
  fi
done
cp web/index.html web/style.css "$DIST.tmp/"
# Replace the old folder only once the new one is whole.
rm -rf "$DIST" && mv "$DIST.tmp" "$DIST"
size() { printf '%s: %d B raw, %d B gzip' "$1" "$(stat -c%s "$DIST/$1")" "$(gzip -9c "$DIST/$1" | wc -c)"; }
log "loaded with the page: $(size web_bg.wasm); $(size web.js)"
log "loaded on first use: $(size more_bg.wasm); $(size more.js)"

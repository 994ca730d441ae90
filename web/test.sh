#!/usr/bin/env bash
# The page's state and component tests, inside headless Chromium (wasm-bindgen-test through
# chromedriver). Run web/build.sh first: it installs the toolchain and the browser.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"
PROFILE=$(mktemp -d /tmp/kcost-wbt-chrome.XXXXXX)
CAPS="$PROFILE.json"
trap 'rm -rf "$PROFILE" "$CAPS"' EXIT
cat >"$CAPS" <<JSON
{"goog:chromeOptions": {"binary": "/usr/bin/chromium",
  "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--disable-dev-shm-usage", "--user-data-dir=$PROFILE"]}}
JSON
export CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_WEBDRIVER_JSON="$CAPS" WASM_BINDGEN_TEST_TIMEOUT=120
if rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$'; then
  cargo test --profile browser-test -p kcost-web --tests --target wasm32-unknown-unknown --target-dir target/wasm
else
  env PATH="/usr/bin:$PATH" RUSTC_BOOTSTRAP=1 \
    cargo --config .cargo/wasm.toml test --profile browser-test -p kcost-web --tests
fi

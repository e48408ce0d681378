#!/usr/bin/env bash
# Quick start, command 1: install what is missing, build the web app and serve it on
# http://127.0.0.1:8080 (PORT=… to change). Re-running with everything in place takes seconds.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
install_debian_packages
fetch_imgui
fetch_zlib
install_npm_packages
build_web
say "serving build/wasm"
exec node scripts/serve.mjs build/wasm "${PORT:-8080}"

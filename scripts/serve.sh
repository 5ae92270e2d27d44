#!/usr/bin/env bash
# Builds the web app with the bundled corpus and serves it on 127.0.0.1.
#   scripts/serve.sh [PORT]      (default 8080; PORT=... works too)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
port=${1:-${PORT:-8080}}
bash scripts/setup.sh
build_web
step "serving build/web/site"
echo "ClaimMark is running at http://127.0.0.1:$port/  (Ctrl+C stops it)"
exec python3 scripts/serve_static.py --port "$port" --dir build/web/site

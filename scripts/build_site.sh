#!/usr/bin/env bash
# Builds the static page into build/web/site without serving it (for deploys).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bash scripts/setup.sh
build_web
echo "site: build/web/site"

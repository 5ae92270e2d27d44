#!/usr/bin/env bash
# Builds and runs the desktop app (GLFW + OpenGL 3.3), for debugging.
#   scripts/desktop.sh [app arguments, e.g. --open 0 --theme dark]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bash scripts/setup.sh
build_native native-release
exec build/native-release/claimmark "$@"

# Shared by the scripts: environment and build steps. Source it, don't run it.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NODE_PATH=/usr/share/nodejs          # Debian's emscripten finds acorn there
export EMSDK_PYTHON=/usr/bin/python3        # Debian's python, whatever else is on PATH
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1   # we drive Debian's chromium

step() { printf '\n== %s\n' "$*"; }

build_web() {
  step "web build (emscripten)"
  [ -f build/web/CMakeCache.txt ] || emcmake cmake --preset web >/dev/null
  cmake --build --preset web
}

build_native() {  # $1: preset
  step "native build ($1)"
  [ -f "build/$1/CMakeCache.txt" ] || cmake --preset "$1" >/dev/null
  cmake --build --preset "$1"
}

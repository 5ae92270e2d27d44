#!/usr/bin/env bash
# Installs everything ClaimMark needs from Debian's archive and the npm registry.
# Idempotent: each step checks first, so a second run takes seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

apt_pkgs=(
  build-essential cmake ninja-build pkg-config dpkg-dev   # native toolchain, apt-get source
  clang libclang-rt-14-dev                                # fuzz targets: clang 14 and its libFuzzer (libclang_rt.fuzzer)
  emscripten                                              # em++ 3.1.6 (web build, wasm unit tests)
  catch2 nlohmann-json3-dev                               # unit tests, JSON
  libglfw3-dev libgl1-mesa-dev libgl1-mesa-dri            # desktop build
  xvfb xauth x11-apps x11-utils imagemagick               # desktop smoke test and screenshots
  fonts-dejavu-core fonts-noto-core fonttools             # bundled UI/reading fonts, subsetting
  librsvg2-bin                                            # rsvg-convert: the web app's PNG icons from web/icon.svg
  chromium                                                # browser end-to-end tests
  python3 gzip brotli                                     # static server, size report
)

missing=()
for p in "${apt_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

# node and npm: Debian's packages unless the machine already has them (a
# nodesource nodejs ships its own npm, which Debian's npm would conflict with).
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)

sudo_() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Dear ImGui's core .cpp files are only in the source package, so we need a deb-src entry.
need_src=0
[ -f .deps/imgui/imgui.cpp ] || need_src=1
if [ "$need_src" = 1 ] && ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ && ! grep -qs '^deb-src' /etc/apt/sources.list; then
  echo "setup: adding a deb-src entry for bookworm (for 'apt-get source imgui')"
  sudo_ tee /etc/apt/sources.list.d/claimmark-src.sources >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
fi

if [ ${#missing[@]} -gt 0 ] || [ "$need_src" = 1 ]; then
  echo "setup: apt-get update"
  sudo_ apt-get update -qq
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  log=$(mktemp)
  if ! sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >"$log" 2>&1; then
    tail -n 30 "$log"; echo "setup: apt-get install failed"; exit 1
  fi
  rm -f "$log"
fi

if [ "$need_src" = 1 ]; then
  echo "setup: fetching Dear ImGui sources (apt-get source imgui)"
  rm -rf .deps/src && mkdir -p .deps/src
  (cd .deps/src && apt-get source -qq --download-only imgui >/dev/null 2>&1 \
    && dpkg-source -q -x --skip-patches imgui_*.dsc imgui >/dev/null 2>&1)
  rm -rf .deps/imgui && mv .deps/src/imgui .deps/imgui && rm -rf .deps/src
  grep -Eq 'define IMGUI_VERSION +"1\.86"' .deps/imgui/imgui.h || { echo "setup: expected Dear ImGui 1.86"; exit 1; }
fi

# npm: playwright-core only (drives Debian's chromium; never downloads a browser).
if [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi
echo "setup: ok"

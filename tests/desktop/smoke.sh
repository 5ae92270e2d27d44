#!/usr/bin/env bash
# Desktop smoke test: runs the native app in a virtual X server, lets it
# render, takes screenshots and checks they are not blank; then opens a file
# with invalid UTF-8 and checks the app warns instead of crashing.
#   smoke.sh path/to/claimmark out-dir
set -euo pipefail
app=$1
out=$2
mkdir -p "$out"
log="$out/desktop.log"

# Saved work and preferences go to fresh directories, never the user's.
export XDG_DATA_HOME="$out/data" XDG_CONFIG_HOME="$out/config"
rm -rf "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"

display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
pid=
trap 'kill $xvfb 2>/dev/null || true; [ -n "$pid" ] && kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 50); do xdpyinfo -display "$display" >/dev/null 2>&1 && break; sleep 0.1; done

# shoot NAME ARGS...: runs the app with ARGS until it has drawn for a while,
# saves the screen to $out/NAME.png, and quits it.
shoot() {
  local shot="$out/$1.png"; shift
  rm -f "$shot"
  DISPLAY=$display "$app" "$@" >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 100); do grep -q "claimmark: ready" "$log" && break; kill -0 $pid 2>/dev/null || break; sleep 0.1; done
  if ! grep -q "claimmark: ready" "$log"; then echo "FAIL: the app did not draw a frame ($*)"; cat "$log"; exit 1; fi
  sleep 1.5
  kill -0 $pid 2>/dev/null || { echo "FAIL: the app exited early ($*)"; cat "$log"; exit 1; }
  DISPLAY=$display import -window root "$shot"
  kill $pid; wait $pid 2>/dev/null || true
  pid=
  # Not blank: many distinct colours (anti-aliased text) and real ink coverage.
  local colours dark
  colours=$(convert "$shot" -format %k info:)
  dark=$(convert "$shot" -colorspace Gray -threshold 50% -format "%[fx:1-mean]" info:)
  echo "desktop screenshot: $shot ($colours colours, $(printf '%.3f' "$dark") dark fraction)"
  if [ "$colours" -lt 50 ]; then echo "FAIL: the screenshot looks blank ($colours colours)"; exit 1; fi
  awk -v d="$dark" 'BEGIN { exit !(d > 0.005 && d < 0.5) }' || { echo "FAIL: no text drawn (dark fraction $dark)"; exit 1; }
}

shoot desktop --open be08c3d948cef3cf

bad="$out/invalid-utf8.txt"
printf 'Caf\xc3 au lait \xff\xfe and \xe2\x80\x9cquotes\xe2\x80\x9d\n' >"$bad"
shoot desktop-invalid-utf8 --open-file "$bad"
grep -q "claimmark: warning: .*invalid UTF-8" "$log" || { echo "FAIL: no invalid UTF-8 warning"; cat "$log"; exit 1; }

# The work is saved as a project file in the data directory, atomically, and
# the opened file's text comes back with it on the next start.
project="$XDG_DATA_HOME/claimmark/project.json"
[ -s "$project" ] || { echo "FAIL: nothing saved in $project"; exit 1; }
grep -Eq '"format": ?"claimmark"' "$project" || { echo "FAIL: $project is not a project file"; exit 1; }
grep -q 'invalid-utf8.txt' "$project" || { echo "FAIL: the opened file is not in the saved project"; exit 1; }
ls "$XDG_DATA_HOME/claimmark/"*.tmp >/dev/null 2>&1 && { echo "FAIL: a temporary file was left behind"; exit 1; }
echo "desktop smoke: ok"

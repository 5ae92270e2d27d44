#!/usr/bin/env bash
# Prints what the page downloads (every file of the site), raw and gzip -9
# (GitHub Pages serves gzip).
set -euo pipefail
cd "$(dirname "$0")/../build/web/site"
total=0 total_gz=0
printf '%-24s %10s %10s\n' file bytes gzip
for f in *; do
  [ -f "$f" ] || continue
  b=$(stat -c %s "$f"); g=$(gzip -9 -c "$f" | wc -c)
  total=$((total + b)); total_gz=$((total_gz + g))
  printf '%-24s %10d %10d\n' "$f" "$b" "$g"
done
printf '%-24s %10d %10d\n' total "$total" "$total_gz"

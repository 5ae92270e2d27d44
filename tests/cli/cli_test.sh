#!/usr/bin/env bash
# claimmark-cli end to end: validate (good, with problems, broken, missing),
# stats, and convert to every format, on the fixture project in this folder
# (the unit tests' fixture: an emoji and a combining mark in the text); and
# suggest, on a small article and on the labelled sample in tests/data/suggest.
#   cli_test.sh path/to/claimmark-cli work-dir
set -uo pipefail
cli=$1
work=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
rm -rf "$work"
mkdir -p "$work"
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# expect_rc CODE ARGS...: runs the CLI, keeps stdout/stderr in $out/$err.
expect_rc() {
  local want=$1; shift
  "$cli" "$@" >"$work/stdout" 2>"$work/stderr"
  local got=$?
  out=$(cat "$work/stdout"); err=$(cat "$work/stderr")
  [ "$got" -eq "$want" ] || fail "claimmark-cli $* exited $got, expected $want (stderr: $err)"
}

contains() {  # contains TEXT NEEDLE WHAT
  case "$1" in *"$2"*) ;; *) fail "$3: no \"$2\" in: $1" ;; esac
}

# --- validate ---
expect_rc 0 validate "$here/project.json"
[ "$out" = "$here/project.json: loads, 0 problems" ] || fail "validate project.json: $out"

expect_rc 0 validate "$here/problems.json"
contains "$out" 'warning: /labels/3/color: "color" must be a colour like "#E69F00", not "pink"' "validate problems.json"
contains "$out" "warning: /relations/3/to: annotation 42 does not exist (or was skipped); skipped this relation." \
  "validate problems.json"
contains "$out" "loads, 2 problems" "validate problems.json"

expect_rc 1 validate "$here/truncated.json"
contains "$out" "error: the file is not valid JSON" "validate truncated.json"
contains "$out" "cannot be loaded" "validate truncated.json"

expect_rc 2 validate "$work/no-such-file.json"
contains "$err" "cannot read" "validate a missing file"

# --- stats (also from standard input) ---
expected_stats="documents: 2
annotations: 5
  Claim: 2
  Speaker: 1
  Source: 1
  Group: 1
entities: 2
relations: 3
  said_by: 1
  reported_by: 1
  contradicts: 1
zones: 1
clusters: 0
cluster_relations: 0"
expect_rc 0 stats "$here/project.json"
[ "$out" = "$expected_stats" ] || fail "stats: got
$out"
"$cli" stats - <"$here/project.json" >"$work/stdin-stats" 2>&1 || fail "stats -: exit $?"
[ "$(cat "$work/stdin-stats")" = "$expected_stats" ] || fail "stats from standard input differ"

# --- convert ---
for format in w3c brat csv doccano prodigy claimreview; do
  expect_rc 0 convert "$here/project.json" --to "$format" --out "$work/$format"
done
for f in w3c/annotations.w3c.jsonld brat/a.txt brat/a.ann brat/b.txt brat/b.ann brat/annotation.conf \
         brat/visual.conf csv/claims.csv doccano/doccano.jsonl prodigy/prodigy.jsonl claimreview/claims.jsonld; do
  [ -s "$work/$f" ] || fail "convert did not write $f"
done

# brat: code-point offsets ("Café owners" after an emoji is 93-105), discontinuous ranges.
expected_ann=$(printf '%s\n' \
  $'T1\tSpeaker 0 12\tRen Zhengfei' \
  $'N1\tReference T1 Wikidata:Q1\tRen Zhengfei' \
  $'T2\tClaim 19 58;81 89\tWe are not interested in the US market, anymore.' \
  $'A1\tquote T2 direct' \
  $'#1\tAnnotatorNotes T2\tcheck "market", then the date' \
  $'T3\tSource 68 78\tAllThingsD' \
  $'N2\tReference T3 ClaimMark:6\tAllThingsD' \
  $'T4\tGroup 93 105\tCafe\xcc\x81 owners' \
  $'R1\tsaid_by Arg1:T2 Arg2:T1' \
  $'R2\treported_by Arg1:T2 Arg2:T3')
[ "$(cat "$work/brat/a.ann")" = "$expected_ann" ] || fail "brat a.ann: got
$(cat "$work/brat/a.ann")"
cmp -s "$work/brat/a.txt" <(python3 -c 'import json,sys; sys.stdout.write(json.load(open(sys.argv[1]))["documents"][0]["text"])' "$here/project.json") \
  || fail "brat a.txt is not the document's text"

# The offsets mean the same in Python (brat, doccano and spaCy count code points).
python3 - "$work" <<'PY' || fail "offsets do not match the text in Python"
import json, sys
work = sys.argv[1]
for line in open(f"{work}/doccano/doccano.jsonl", encoding="utf-8"):
    d = json.loads(line)
    for start, end, label in d["label"]:
        assert d["text"][start:end].strip() == d["text"][start:end] != "", (start, end, label)
    if d["document"] == "a":
        assert [d["text"][s:e] for s, e, _ in d["label"]][-1] == "Cafe\u0301 owners"
for line in open(f"{work}/prodigy/prodigy.jsonl", encoding="utf-8"):
    d = json.loads(line)
    assert all(d["text"][s["start"]:s["end"]] for s in d["spans"])
text = open(f"{work}/brat/a.txt", encoding="utf-8").read()
for line in open(f"{work}/brat/a.ann", encoding="utf-8"):
    if line.startswith("T"):
        _, type_offsets, quote = line.rstrip("\n").split("\t")
        parts = [tuple(map(int, p.split())) for p in type_offsets.split(" ", 1)[1].split(";")]
        assert " ".join(text[s:e] for s, e in parts) == quote, line
w3c = json.load(open(f"{work}/w3c/annotations.w3c.jsonld", encoding="utf-8"))
assert w3c["type"] == "AnnotationCollection" and w3c["total"] == 9
for item in w3c["first"]["items"]:
    targets = item["target"] if isinstance(item["target"], list) else [item["target"]]
    for t in targets:
        if isinstance(t, str):
            continue
        pos = next(s for s in t["selector"] if s["type"] == "TextPositionSelector")
        quote = next(s for s in t["selector"] if s["type"] == "TextQuoteSelector")
        doc = open(f"{work}/brat/{'a' if t['source'].startswith('urn:sha256:c7db') else 'b'}.txt", encoding="utf-8").read()
        assert doc[pos["start"]:pos["end"]] == quote["exact"], (pos, quote)
PY

# CSV: BOM, CRLF; the same bytes on standard output as in the file.
[ "$(head -c 3 "$work/csv/claims.csv" | od -An -tx1 | tr -d ' ')" = "efbbbf" ] || fail "claims.csv has no UTF-8 BOM"
[ "$(head -n 1 "$work/csv/claims.csv" | tail -c 2 | od -An -tx1 | tr -d ' ')" = "0d0a" ] || fail "claims.csv rows do not end in CRLF"
"$cli" convert "$here/project.json" --to csv >"$work/stdout.csv" 2>"$work/stderr" || fail "convert to standard output"
cmp -s "$work/stdout.csv" "$work/csv/claims.csv" || fail "csv on standard output differs from the file"
contains "$(cat "$work/stderr")" "note: 1 zone left out" "convert csv notes"
[ "$(wc -l <"$work/doccano/doccano.jsonl")" -eq 2 ] || fail "doccano: not one line per document"

# Errors: an unknown format, brat without --out, a project that cannot be loaded.
expect_rc 2 convert "$here/project.json" --to docx
contains "$err" 'unknown format "docx"' "convert --to docx"
expect_rc 2 convert "$here/project.json" --to brat
contains "$err" "brat writes 6 files: give --out DIR" "convert --to brat without --out"
expect_rc 1 convert "$here/truncated.json" --to csv
expect_rc 2 frobnicate "$here/project.json"

# --- suggest: JSON suggestions for plain-text articles, and the evaluation ---
printf '%s\n' '😀 "We will reopen the bridge in May," said Ana Reyes, the council'"'"'s engineer.' '' \
  'She told Reuters that the repairs had cost $2m.' >"$work/article.txt"
expect_rc 0 suggest "$work/article.txt"
printf '%s' "$out" >"$work/suggest.json"
python3 - "$work/suggest.json" "$work/article.txt" <<'PY' || fail "suggest: unexpected JSON"
import hashlib, json, sys
out = json.load(open(sys.argv[1], encoding="utf-8"))
text = open(sys.argv[2], encoding="utf-8").read()
[doc] = out["documents"]
assert doc["file"] == sys.argv[2] and doc["id"] == hashlib.sha256(text.encode()).hexdigest()[:16], doc["id"]
s = doc["suggestions"]
claims = {" | ".join(r["exact"] for r in x["ranges"]): x["index"] for x in s if x["label"] == "claim"}
assert "We will reopen the bridge in May" in claims, claims
# Offsets are code points (the emoji is one), and "exact" is that text.
for x in s:
    for r in x["ranges"]:
        assert text[r["start"]:r["end"]] == r["exact"], r
c = s[claims["We will reopen the bridge in May"]]
assert c["ranges"][0]["start"] == 3 and c["why"] == "quotation + reporting verb 'said'" and 0 < c["confidence"] <= 1
links = {(l["from"], l["type"]): s[l["to"]] for l in doc["links"]}
assert links[(c["index"], "said_by")]["entity"] == "Ana Reyes"
other = claims["the repairs had cost $2m"]
assert links[(other, "said_by")]["ranges"][0]["exact"] == "Ana Reyes"  # "She" -> Ana Reyes
assert links[(other, "reported_by")]["label"] == "source" and links[(other, "reported_by")]["entity"] == "Reuters"
PY
expect_rc 2 suggest "$work/no-such-article.txt"
contains "$err" "cannot read" "suggest a missing file"
expect_rc 0 suggest --evaluate "$here/../data/suggest"
contains "$out" "documents: 10" "suggest --evaluate"
contains "$out" "claim (exact)" "suggest --evaluate"
contains "$out" "links (by entity)" "suggest --evaluate"
expect_rc 2 suggest --evaluate "$work/no-such-dir"
expect_rc 2 suggest --frobnicate "$work/article.txt"

if [ "$failures" -gt 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "claimmark-cli: all checks passed"

#!/usr/bin/env bash
# Extraction quality on the labelled minutes (../shared/labelled: 12 documents with exact ground truth).
#
#   Benchmarks/quality.sh [--per-doc]
#
# Runs `ingest` on every input the labelled manifest lists (one NAME.json each, as the scorer expects) and prints
# the scorer's table. An input `ingest` cannot read leaves no NAME.json and scores zero.
set -euo pipefail
cd "$(dirname "$0")/.."
labelled=${LABELLED:-../shared/labelled}
[ -f "$labelled/score.py" ] || { echo "no scorer at $labelled/score.py" >&2; exit 1; }
[ "${SKIP_BUILD:-}" = 1 ] || swift build -c release --product ingest >&2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
python3 - "$labelled" "$out" <<'PY'
import json, os, subprocess, sys
labelled, out = sys.argv[1], sys.argv[2]
for d in json.load(open(os.path.join(labelled, "manifest.json")))["documents"]:
    r = subprocess.run([".build/release/ingest", os.path.join(labelled, d["input"])], capture_output=True)
    if r.returncode == 0:
        open(os.path.join(out, d["name"] + ".json"), "wb").write(r.stdout)
    else:
        sys.stderr.write(r.stderr.decode(errors="replace"))
PY
python3 "$labelled/score.py" "$labelled" "$out" --json "$out/scores.json" "$@"

#!/usr/bin/env bash
# PDF throughput: `ingest` against poppler's own `pdftotext` and against the poppler-glib floor, in the same run.
#
#   Benchmarks/pdf.sh [DIR]       default DIR: ../shared/corpus/minutes (33 PDFs, 1,071 pages)
#
# `ingest` runs as the user runs it (extraction + minutes structure + JSON to /dev/null), with --jobs 1 and
# --jobs 2, in isolated workers (the default) and in-process (--no-isolate); pdftotext runs once per file, one
# after another; the floor (Benchmarks/floor/glib_text_floor.c) makes only the three poppler-glib calls per page
# that the PDF extractor makes. All commands run once per round, interleaved (Benchmarks/pdf_speed.py); the table
# gives best and median times, CPU time, pages/s, the ratio to pdftotext and peak RSS. Peak RSS for the largest
# file is measured alone.
# Environment: ROUNDS=N (default 5), SKIP_BUILD=1 (use the existing release build).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-../shared/corpus/minutes}
command -v pdftotext >/dev/null || { echo "pdftotext is missing: apt-get install poppler-utils" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing: apt-get install time" >&2; exit 1; }
[ "${SKIP_BUILD:-}" = 1 ] || swift build -c release --product ingest >&2
ingest=.build/release/ingest
[ -x "$ingest" ] || { echo "no release build at $ingest: run without SKIP_BUILD=1" >&2; exit 1; }
floor=.build/release/glib_text_floor
cc -O2 -o "$floor" Benchmarks/floor/glib_text_floor.c $(pkg-config --cflags --libs poppler-glib)

mapfile -t files < <(find "$dir" -name '*.pdf' -type f | sort)
[ ${#files[@]} -gt 0 ] || { echo "no PDFs under $dir" >&2; exit 1; }
python3 Benchmarks/pdf_speed.py --ingest "$ingest" --floor "$floor" --rounds "${ROUNDS:-5}" "${files[@]}"

largest=$(ls -S "${files[@]}" | head -1)
measured=$(mktemp)
/usr/bin/time -o "$measured" -f '%M' "$ingest" --jobs 1 "$largest" >/dev/null 2>&1 || true
echo "peak RSS of ingest on the largest file ($(basename "$largest")): $(( $(tail -1 "$measured") / 1024 )) MB"
rm -f "$measured"

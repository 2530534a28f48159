#!/usr/bin/env bash
# PDF throughput: `ingest` against poppler's own `pdftotext` on the same files, in the same run.
#
#   Benchmarks/pdf.sh [DIR]       default DIR: ../shared/corpus/minutes (33 PDFs, 1,071 pages)
#
# Prints, best of RUNS (default 3) runs each: seconds, pages/s, speed relative to pdftotext, and peak RSS.
# `ingest` runs as the user runs it (extraction + minutes structure + JSON to /dev/null), with --jobs 1 and
# --jobs 2, in isolated workers (the default) and in-process (--no-isolate); pdftotext runs once per file, one
# after another. Peak RSS for the largest file is measured alone.
# Environment: RUNS=N, SKIP_BUILD=1 (use the existing release build).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-../shared/corpus/minutes}
runs=${RUNS:-3}
command -v pdftotext >/dev/null || { echo "pdftotext is missing: apt-get install poppler-utils" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing: apt-get install time" >&2; exit 1; }
[ "${SKIP_BUILD:-}" = 1 ] || swift build -c release --product ingest >&2
ingest=.build/release/ingest

mapfile -t files < <(find "$dir" -name '*.pdf' -type f | sort)
[ ${#files[@]} -gt 0 ] || { echo "no PDFs under $dir" >&2; exit 1; }
pages=0
for f in "${files[@]}"; do pages=$((pages + $(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/{print $2}'))); done
largest=$(ls -S "${files[@]}" | head -1)

# best_of CMD...: the shortest wall time and the largest max RSS (KiB) of $runs runs.
best_of() {
    local best="" rss=0 seconds kib measured
    measured=$(mktemp)
    for _ in $(seq "$runs"); do
        /usr/bin/time -o "$measured" -f '%e %M' "$@" >/dev/null 2>&1 || true
        read -r seconds kib < "$measured"
        if [ -z "$best" ] || awk "BEGIN{exit !($seconds < $best)}"; then best=$seconds; fi
        if [ "$kib" -gt "$rss" ]; then rss=$kib; fi
    done
    rm -f "$measured"
    echo "$best $rss"
}
pdftotext_all() { for f in "$@"; do pdftotext "$f" /dev/null 2>/dev/null || true; done; }
export -f pdftotext_all

read -r t_ref rss_ref < <(best_of bash -c 'pdftotext_all "$@"' _ "${files[@]}")
read -r t_j1 rss_j1 < <(best_of "$ingest" --jobs 1 "${files[@]}")
read -r t_j2 rss_j2 < <(best_of "$ingest" --jobs 2 "${files[@]}")
read -r t_n1 rss_n1 < <(best_of "$ingest" --no-isolate --jobs 1 "${files[@]}")
read -r t_n2 rss_n2 < <(best_of "$ingest" --no-isolate --jobs 2 "${files[@]}")
read -r t_big rss_big < <(best_of "$ingest" --jobs 1 "$largest")

row() { # name seconds rss_kib
    awk -v n="$1" -v t="$2" -v r="$3" -v p="$pages" -v ref="$t_ref" \
        'BEGIN{printf "%-28s %8.2f %10.0f %9.2fx %9.1f\n", n, t, p/t, ref/t, r/1024}'
}
echo "PDFs: ${#files[@]} in $dir, $pages pages; best of $runs runs; $(nproc) cores"
printf '%-28s %8s %10s %10s %9s\n' "command" "seconds" "pages/s" "vs pdftotext" "peak MB"
row "pdftotext (one by one)" "$t_ref" "$rss_ref"
row "ingest --jobs 1" "$t_j1" "$rss_j1"
row "ingest --jobs 2" "$t_j2" "$rss_j2"
row "ingest --no-isolate --jobs 1" "$t_n1" "$rss_n1"
row "ingest --no-isolate --jobs 2" "$t_n2" "$rss_n2"
echo "peak RSS of ingest on the largest file ($(basename "$largest")): $((rss_big / 1024)) MB"

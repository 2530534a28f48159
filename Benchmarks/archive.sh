#!/usr/bin/env bash
# Collections: `ingest` on a folder tree, a zip and a tar.gz of many meetings, against the same PDFs named one by
# one, in the same run.
#
#   Benchmarks/archive.sh [DIR]     default DIR: ../shared/corpus/minutes (33 PDFs)
#
# Builds a collection of COPIES (default 3) × the PDFs under DIR, one meeting per folder (meeting-NNN/minutes.pdf),
# as a folder tree, a zip (deflate) and a tar.gz, and times `ingest --jobs JOBS` (default: all cores) on each,
# best of RUNS (default 1). Prints seconds, documents per second and peak RSS.
# Environment: COPIES=N, JOBS=N, RUNS=N, SKIP_BUILD=1 (use the existing release build).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-../shared/corpus/minutes}
copies=${COPIES:-3}
jobs=${JOBS:-$(nproc)}
runs=${RUNS:-1}
for tool in zip tar /usr/bin/time; do command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }; done
[ "${SKIP_BUILD:-}" = 1 ] || swift build -c release --product ingest >&2
ingest=$PWD/.build/release/ingest

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mapfile -t files < <(find "$dir" -name '*.pdf' -type f | sort)
n=0
for copy in $(seq "$copies"); do
    for f in "${files[@]}"; do
        n=$((n + 1))
        mkdir -p "$work/meetings/meeting-$(printf %03d $n)"
        cp "$f" "$work/meetings/meeting-$(printf %03d $n)/minutes.pdf"
    done
done
(cd "$work" && zip -qr meetings.zip meetings && tar czf meetings.tar.gz meetings)
mapfile -t singles < <(find "$work/meetings" -name '*.pdf' | sort)

best_of() {
    local best="" rss=0 seconds kib measured
    measured=$(mktemp)
    for _ in $(seq "$runs"); do
        /usr/bin/time -o "$measured" -f '%e %M' "$@" >/dev/null 2>&1 || true
        read -r seconds kib < <(tail -1 "$measured")
        if [ -z "$best" ] || awk "BEGIN{exit !($seconds < $best)}"; then best=$seconds; fi
        if [ "$kib" -gt "$rss" ]; then rss=$kib; fi
    done
    rm -f "$measured"
    echo "$best $rss"
}
row() { awk -v name="$1" -v t="$2" -v r="$3" -v n="$n" 'BEGIN{printf "%-34s %8.2f %10.1f %9.1f\n", name, t, n/t, r/1024}'; }

echo "$n meetings (one PDF each, $copies copies of the ${#files[@]} under $dir); ingest --jobs $jobs; best of $runs; $(nproc) cores"
printf '%-34s %8s %10s %9s\n' "input" "seconds" "docs/s" "peak MB"
read -r t r < <(best_of "$ingest" --jobs "$jobs" --jsonl "${singles[@]}"); row "the PDFs named one by one" "$t" "$r"
read -r t r < <(best_of "$ingest" --jobs "$jobs" --jsonl "$work/meetings"); row "folder tree (meetings/)" "$t" "$r"
read -r t r < <(best_of "$ingest" --jobs "$jobs" --jsonl "$work/meetings.zip"); row "zip ($(du -k "$work/meetings.zip" | cut -f1) KB)" "$t" "$r"
read -r t r < <(best_of "$ingest" --jobs "$jobs" --jsonl "$work/meetings.tar.gz"); row "tar.gz ($(du -k "$work/meetings.tar.gz" | cut -f1) KB)" "$t" "$r"

#!/usr/bin/env bash
# Builds the fuzz harness and runs one libFuzzer target.
#
#   Fuzz/run.sh TARGET [RUNS] [extra libFuzzer flags …]    e.g. Fuzz/run.sh parser-text 100000 -max_len=4096
#   Fuzz/run.sh --list                                     the targets
#   Fuzz/run.sh TARGET CRASH_FILE [flags …]                replay one input (a crash, a timeout);
#                                                          add -minimize_crash=1 -runs=10000 to shrink it
#
# TARGET: text, parser-text, parser-lines, mail, pdf, archive. RUNS defaults to 10000.
# Seeds are read from ../shared (the corpus and seed folders) and SampleDocs at run time, linked into
# Fuzz/seeds/TARGET; new inputs go to Fuzz/corpus/TARGET (kept between runs); crashes, timeouts and OOMs to
# Fuzz/artifacts/TARGET. All three are git-ignored. SCRATCH_PATH overrides the build folder (Fuzz/Harness/.build).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
harness="$here/Harness"
root="$(dirname "$here")"
shared="${INGEST_SHARED:-$root/../shared}"
scratch="${SCRATCH_PATH:-$harness/.build}"
swift_bin="$(dirname "$(readlink -f "$(command -v swift)")")"
runtime="$(ls -d "$swift_bin"/../lib/clang/*/lib/linux | head -n 1)"

build() {
    # ASan plus libFuzzer's coverage; the driver comes from fuzzer_no_main because SwiftPM names the executable's
    # own main (main.swift calls LLVMFuzzerRunDriver).
    swift build -c release --package-path "$harness" --scratch-path "$scratch" --product ingest-fuzz \
        -Xswiftc -sanitize=address \
        -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp \
        -Xlinker "$runtime/libclang_rt.fuzzer_no_main-x86_64.a" -Xlinker -lstdc++ \
        2>&1 | grep -v "Cannot export local symbol" >&2
    binary="$(swift build -c release --package-path "$harness" --scratch-path "$scratch" --show-bin-path)/ingest-fuzz"
}

# Links the files find prints (NUL-separated) into a fresh seed folder, skipping the corpus's known poppler hangs.
link_seeds() {
    local folder="$1"
    rm -rf "$folder" && mkdir -p "$folder"
    local hangs
    hangs="$(awk -F'\t' '$7 ~ /HANG/ {print $1}' "$shared/corpus/MANIFEST.tsv" 2>/dev/null || true)"
    while IFS= read -r -d '' file; do
        local relative="${file#"$shared"/corpus/}"
        if [ -n "$hangs" ] && grep -qxF "$relative" <<<"$hangs"; then continue; fi
        ln -sf "$file" "$folder/$(printf '%s' "$file" | sha1sum | cut -c1-12)-$(basename "$file")"
    done
}

seeds() {
    local target="$1" folder="$here/seeds/$1"
    local texts=(-type f \( -name '*.txt' -o -name '*.md' \))
    case "$target" in
    text | parser-text)
        find "$shared/corpus/text" "$shared/corpus/minutes" "$shared/seed" "$root/SampleDocs" "${texts[@]}" \
            -size -4M -print0 | link_seeds "$folder" ;;
    parser-lines)
        rm -rf "$folder"
        find "$shared/corpus/minutes" "$root/SampleDocs" -type f -name '*.pdf' -size -400k -print0 \
            | xargs -0 "$binary" --encode-lines "$folder" >&2 ;;
    mail)
        find "$shared/corpus/bundles" "$root/SampleDocs" -type f \( -name '*.eml' -o -name '*.mbox' \
            -o -name '*.emlx' \) -print0 | link_seeds "$folder" ;;
    pdf)
        find "$shared/corpus" "$root/SampleDocs" -type f -name '*.pdf' -size -256k -print0 | link_seeds "$folder" ;;
    archive)
        find "$shared/corpus/bundles" -type f \( -name '*.zip' -o -name '*.tar' -o -name '*.tgz' -o -name '*.gz' \
            -o -name '*.7z' \) -print0 | link_seeds "$folder" ;;
    *)
        echo "unknown target '$target'; run Fuzz/run.sh --list" >&2; exit 2 ;;
    esac
}

if [ "${1:-}" = "--list" ] || [ $# -eq 0 ]; then
    build
    "$binary" --list
    exit 0
fi

target="$1"; shift
build
export SWIFT_BACKTRACE=enable=no            # let libFuzzer and ASan report crashes, not Swift's backtracer
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1}"
flags=(--target="$target" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1)
case "$target" in
pdf) flags+=(-max_len=262144) ;;
mail | parser-lines) flags+=(-max_len=131072) ;;
*) flags+=(-max_len=65536) ;;
esac

if [ $# -ge 1 ] && [ -f "$1" ]; then
    exec "$binary" "${flags[@]}" "$@"           # replay inputs
fi

runs="${1:-10000}"; [ $# -ge 1 ] && shift
# poppler writes a line to stderr per syntax error: quiet while fuzzing, heard when replaying.
if [ "$target" = pdf ]; then flags+=(-close_fd_mask=2); fi
seeds "$target"
mkdir -p "$here/corpus/$target" "$here/artifacts/$target"
exec "$binary" "${flags[@]}" -runs="$runs" -artifact_prefix="$here/artifacts/$target/" "$@" \
    "$here/corpus/$target" "$here/seeds/$target"

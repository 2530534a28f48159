#!/usr/bin/env bash
# Runs the new-extractor scaffold for real: copies the package (without .build* and .git) to a work folder, runs
# `swift package new-extractor Markdown --types md,markdown` there, applies the additions the plugin PRINTS (so the
# printed text is what is tested), builds, runs the generated test and checks that `ingest extractors` lists it.
# Also checks the plugin's errors for a bad name, missing --types and an existing extractor.
#
#   Tests/Scripts/scaffold_test.sh            (or `make scaffold-test`)
#   SCAFFOLD_WORK=/path  the work folder (default: $TMPDIR/ingest-scaffold-test); its build folder is kept between
#                        runs, so a second run only rebuilds what changed.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${SCAFFOLD_WORK:-${TMPDIR:-/tmp}/ingest-scaffold-test}"
copy="$work/package"
scratch="$work/build"
swift="${SWIFT:-swift}"
fail() { echo "scaffold-test: $*" >&2; exit 1; }

mkdir -p "$work"
# The package as it is (committed or not), minus build folders and git; Package.resolved comes along, so the
# copy resolves the same versions from the local package cache.
rm -rf "$copy" && mkdir -p "$copy"
(cd "$root" && tar -c --exclude='./.build*' --exclude=./.git --exclude=./out .) | tar -x -C "$copy"
[ -d "$copy/Plugins/MarkdownExtractor" ] && fail "the package already has Plugins/MarkdownExtractor"
cd "$copy"

plugin() { "$swift" package --scratch-path "$scratch" --allow-writing-to-package-directory new-extractor "$@"; }

# Errors first: each must fail with a message that says what to do.
expect_error() {
    local pattern="$1"; shift
    local output
    if output="$(plugin "$@" 2>&1)"; then fail "new-extractor $* succeeded; expected an error"; fi
    grep -q -- "$pattern" <<<"$output" || fail "new-extractor $*: expected '$pattern' in: $output"
}
expect_error "not an UpperCamelCase" markdown --types md
expect_error "not an UpperCamelCase" Mark-down --types md
expect_error "missing --types" Markdown
expect_error "already exists" PlainText --types txt

output="$(plugin Markdown --types md,markdown)"
echo "$output"
for file in Plugins/MarkdownExtractor/MarkdownExtractor.swift Tests/MarkdownExtractorTests/MarkdownExtractorTests.swift \
    Tests/MarkdownExtractorTests/Fixtures/minutes.md; do
    [ -f "$file" ] || fail "the plugin did not create $file"
done
expect_error "already exists" Markdown --types md

# The guide's worked example is exactly what the plugin wrote (so the guide's code is the code compiled below).
python3 - <<'PY'
import re, sys

guide = open("docs/WritingAnExtractor.md").read()
blocks = re.findall(r"<!-- scaffold: (\S+) -->\n```swift\n(.*?)\n```", guide, flags=re.S)
if len(blocks) < 2:
    sys.exit("scaffold-test: docs/WritingAnExtractor.md has no `<!-- scaffold: PATH -->` examples")
for path, text in blocks:
    if open(path).read().rstrip() != text.rstrip():
        sys.exit(f"scaffold-test: the example for {path} in docs/WritingAnExtractor.md differs from what the "
                 "plugin writes: paste the generated file into the guide")
PY

# Apply exactly what was printed.
SCAFFOLD_OUTPUT="$output" python3 - <<'PY'
import os, re, sys

output = os.environ["SCAFFOLD_OUTPUT"]
parts = re.split(r"^\d\. ", output, flags=re.M)
if len(parts) < 4:
    sys.exit("scaffold-test: the plugin did not print the three additions:\n" + output)

def code(part):
    """The indented lines of a printed step (the code to paste), without the step's own text."""
    lines = part.split("\n")[1:]
    return "\n".join(line for line in lines if line.startswith("        ")).rstrip() + "\n"

targets, dependency, registration = code(parts[1]), code(parts[2]).strip(), code(parts[3]).strip()
import_line = re.search(r"`(import \w+)`", parts[3]).group(1)

# The guide's "paste them" blocks show exactly these lines.
guide_lines = {line.strip() for line in open("docs/WritingAnExtractor.md").read().split("\n")}
for line in (targets + "\n" + dependency + "\n" + registration + "\n" + import_line).split("\n"):
    if line.strip() and line.strip() not in guide_lines:
        sys.exit(f"scaffold-test: docs/WritingAnExtractor.md does not show the printed line `{line.strip()}`: "
                 "update its section 2 to what the plugin prints")

manifest = open("Package.swift").read()
anchor = re.search(r"^    targets: \[\n", manifest, flags=re.M)
ingest = re.search(r'\.executableTarget\(\s*name: "ingest",\s*dependencies: \[\n', manifest)
if not anchor or not ingest:
    sys.exit("scaffold-test: cannot find `targets: [` or the ingest target's dependencies in Package.swift")
manifest = (manifest[: ingest.end()] + "                " + dependency + "\n" + manifest[ingest.end():])
anchor = re.search(r"^    targets: \[\n", manifest, flags=re.M)
manifest = manifest[: anchor.end()] + targets + manifest[anchor.end():]
open("Package.swift", "w").write(manifest)

path = "Sources/ingest/BuiltInExtractors.swift"
source = open(path).read()
start = re.search(r"static let all: \[any Extractor\] = \[\n", source)
if not start:
    sys.exit("scaffold-test: cannot find `static let all` in " + path)
source = source[: start.end()] + "        " + registration + "\n" + source[start.end():]
source = import_line + "\n" + source
open(path, "w").write(source)
PY

"$swift" build --scratch-path "$scratch" 2>&1 | tail -3
log="$work/test.log"
"$swift" test --disable-xctest --scratch-path "$scratch" --filter MarkdownExtractorTests 2>&1 | tee "$log" | tail -5
grep -q '✔ Test run with [1-9][0-9]* tests\? in [0-9]* suites\? passed' "$log" \
    || fail "the generated test did not pass (see $log)"
grep -q 'Test conformance() passed' "$log" || fail "the conformance test did not run (see $log)"

bin="$("$swift" build --scratch-path "$scratch" --show-bin-path)"
"$bin/ingest" extractors | grep -q markdown || fail "ingest extractors does not list the markdown extractor"
echo "scaffold-test: passed"

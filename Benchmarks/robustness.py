#!/usr/bin/env python3
"""Robustness report: `ingest` (release build, isolated workers, the default) on every file of ../shared/corpus
(broken, encrypted, hostile and HANG files included), the fuzzer's known crashers (Fuzz/known-crashers) and a
generated fuzz corpus, one `ingest` process per file, two at a time.

    Benchmarks/robustness.py [--fuzz N] [--seed S] [--timeout SECONDS] [--skip-build]

Every input is accounted for: it gives documents (exit 0), typed errors (exit 1, listed by code from
`--failures`), or counts as a crash of `ingest` itself (any other exit, or a signal) or a hang (no exit within
--timeout + 60 s, killed). Prints the counts, the slowest files and the largest peak RSS (`/usr/bin/time`, the
`ingest` process; workers are measured by their own memory limit). The fuzz corpus is written by
`Fuzz/make_corpus.py --seed S --count N` into a temporary folder (default 2,000 files; --fuzz 0 skips it).
Exit status 0 when there are no crashes and no hangs.
"""

import argparse
import collections
import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def run_one(ingest, path, timeout, scratch):
    """Runs ingest on one input; returns (path, verdict, codes, documents, seconds, max_rss_kib)."""
    failures = Path(scratch) / f"failures-{os.getpid()}-{time.monotonic_ns()}.jsonl"
    measured = failures.with_suffix(".time")
    command = ["/usr/bin/time", "-o", str(measured), "-f", "%M", ingest, "--jsonl", "--jobs", "1",
               "--timeout", str(timeout), "--failures", str(failures), str(path)]
    started = time.monotonic()
    try:
        done = subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=timeout + 60, cwd=scratch)
    except subprocess.TimeoutExpired:
        return (path, "hang", [], 0, time.monotonic() - started, 0)
    seconds = time.monotonic() - started
    documents = sum(1 for line in done.stdout.splitlines() if line.strip())
    codes = []
    if failures.exists():
        codes = [json.loads(line)["code"] for line in failures.read_text().splitlines() if line.strip()]
        failures.unlink()
    rss = 0
    if measured.exists():
        lines = [line for line in measured.read_text().splitlines() if line.strip().isdigit()]
        rss = int(lines[-1]) if lines else 0
        measured.unlink()
    # /usr/bin/time reports a child killed by a signal as "Command terminated by signal N" and exits 128 + N.
    if done.returncode in (0, 1) and (documents > 0 or codes):
        verdict = "ok"
    elif done.returncode in (0, 1):
        verdict = f"unaccounted (exit {done.returncode}, no document and no error)"
    else:
        verdict = f"crash (exit {done.returncode}): {done.stderr.decode(errors='replace').strip()[-300:]}"
    return (path, verdict, codes, documents, seconds, rss)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fuzz", type=int, default=2000, help="fuzz corpus files to generate (0: none)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the fuzz corpus")
    parser.add_argument("--timeout", type=int, default=30, help="ingest --timeout, per file, in seconds")
    parser.add_argument("--skip-build", action="store_true", help="use the existing release build")
    arguments = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"no corpus at {CORPUS}")
    if not arguments.skip_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "ingest"], cwd=ROOT, check=True,
                       stdout=sys.stderr)
    ingest = str(ROOT / ".build" / "release" / "ingest")

    with tempfile.TemporaryDirectory(prefix="ingest-robustness-") as scratch:
        inputs = [("corpus", path) for path in sorted(CORPUS.rglob("*"))
                  if path.is_file() and path.name != "MANIFEST.tsv"]
        inputs += [("fuzz", path) for path in sorted((ROOT / "Fuzz" / "known-crashers").glob("*"))]
        if arguments.fuzz > 0:
            fuzz = Path(scratch) / "fuzz"
            subprocess.run([sys.executable, str(ROOT / "Fuzz" / "make_corpus.py"), "--seed", str(arguments.seed),
                            "--count", str(arguments.fuzz), str(fuzz)], check=True, stdout=subprocess.DEVNULL)
            inputs += [("fuzz", path) for path in sorted(fuzz.iterdir()) if path.name != "MANIFEST.tsv"]
        work = Path(scratch) / "work"
        work.mkdir()
        started = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            results = list(pool.map(lambda item: (item[0],) + run_one(ingest, item[1], arguments.timeout, work),
                                    inputs))
        elapsed = time.monotonic() - started
        stray = sorted(str(path.relative_to(work)) for path in work.rglob("*"))

    print(f"inputs: {len(results)} ({sum(1 for r in results if r[0] == 'corpus')} corpus files, "
          f"{sum(1 for r in results if r[0] == 'fuzz')} fuzz files), in {elapsed:.0f} s")
    for origin in ("corpus", "fuzz"):
        chosen = [r for r in results if r[0] == origin]
        if not chosen:
            continue
        with_documents = sum(1 for r in chosen if r[2] == "ok" and r[4] > 0 and not r[3])
        mixed = sum(1 for r in chosen if r[2] == "ok" and r[4] > 0 and r[3])
        only_errors = sum(1 for r in chosen if r[2] == "ok" and r[4] == 0)
        codes = collections.Counter(code for r in chosen for code in r[3])
        print(f"\n{origin}: {len(chosen)} inputs")
        print(f"  documents only:          {with_documents}")
        print(f"  documents and errors:    {mixed} (collections with some bad members)")
        print(f"  typed errors only:       {only_errors}")
        for code, count in codes.most_common():
            print(f"    {code:<26} {count}")
        print(f"  crashes contained:       {codes['extractor-crashed']} (a worker crashed; the file failed alone)")
        print(f"  timeouts contained:      {codes['extractor-timed-out']}")
        print(f"  crashes of ingest:       {sum(1 for r in chosen if r[2].startswith('crash'))}")
        print(f"  hangs (killed):          {sum(1 for r in chosen if r[2] == 'hang')}")
        print(f"  peak RSS of ingest:      {max(r[6] for r in chosen) / 1024:.0f} MiB")
    problems = [r for r in results if r[2] != "ok"]
    for r in problems:
        print(f"PROBLEM {r[1]}: {r[2]}")
    print("\nslowest:")
    for r in sorted(results, key=lambda r: -r[5])[:5]:
        print(f"  {r[5]:6.1f} s  {r[1]}")
    if stray:
        print(f"\nfiles written into the working folder (there should be none): {stray[:10]}")
    print(f"\nevery input accounted for: {'yes' if not any(r[2].startswith('unaccounted') for r in problems) else 'NO'}; "
          f"crashes of ingest: {sum(1 for r in problems if r[2].startswith('crash'))}; "
          f"hangs: {sum(1 for r in problems if r[2] == 'hang')}")
    sys.exit(1 if problems or stray else 0)


if __name__ == "__main__":
    main()

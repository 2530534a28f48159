#!/usr/bin/env python3
"""PDF throughput of `ingest` beside pdftotext and the poppler-glib floor, in the same run (Benchmarks/pdf.sh).

Every command runs once per round, in a rotating order, for ROUNDS rounds, so a burst of noise from the rest of the
machine falls on all of them alike. For each command: the best and the median wall time, the CPU time (user + system,
children included) of the best run, pages/s, speed relative to pdftotext (best against best, and median against
median), and peak RSS.

    pdf_speed.py --ingest PATH --floor PATH [--rounds N] FILE.pdf...
"""
import argparse
import os
import statistics
import subprocess
import sys
import time


def run_once(commands):
    """Runs the commands one after another; returns (wall seconds, CPU seconds, peak RSS in KiB)."""
    start = time.monotonic()
    cpu = 0.0
    peak = 0
    for command in commands:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(process.pid, 0)
        cpu += usage.ru_utime + usage.ru_stime
        peak = max(peak, usage.ru_maxrss)
    return time.monotonic() - start, cpu, peak


def page_count(path):
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    for line in info.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ingest", required=True)
    parser.add_argument("--floor", required=True)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("files", nargs="+")
    options = parser.parse_args()
    files = options.files
    pages = sum(page_count(f) for f in files)
    ingest = options.ingest
    cases = [
        ("pdftotext, one file after another", [["pdftotext", f, "/dev/null"] for f in files]),
        ("poppler-glib floor (C, 3 calls/page)", [[options.floor] + files]),
        ("ingest --jobs 1", [[ingest, "--jobs", "1"] + files]),
        ("ingest --jobs 2", [[ingest, "--jobs", "2"] + files]),
        ("ingest --no-isolate --jobs 1", [[ingest, "--no-isolate", "--jobs", "1"] + files]),
        ("ingest --no-isolate --jobs 2", [[ingest, "--no-isolate", "--jobs", "2"] + files]),
    ]
    results = {name: [] for name, _ in cases}
    for round_index in range(options.rounds):
        shift = round_index % len(cases)
        for name, commands in cases[shift:] + cases[:shift]:
            results[name].append(run_once(commands))
        print(f"round {round_index + 1} of {options.rounds} done", file=sys.stderr)

    reference = min(results[cases[0][0]])
    reference_median = statistics.median(wall for wall, _, _ in results[cases[0][0]])
    print(f"PDFs: {len(files)}, {pages} pages; {options.rounds} rounds, commands interleaved; {os.cpu_count()} cores")
    header = f"{'command':38} {'best s':>7} {'median s':>8} {'CPU s':>6} {'pages/s':>8} {'vs pdftotext':>12} " \
             f"{'(medians)':>9} {'peak MB':>8}"
    print(header)
    for name, _ in cases:
        runs = results[name]
        best_wall, best_cpu, _ = min(runs)
        median_wall = statistics.median(wall for wall, _, _ in runs)
        peak = max(rss for _, _, rss in runs)
        print(f"{name:38} {best_wall:7.2f} {median_wall:8.2f} {best_cpu:6.2f} {pages / best_wall:8.0f} "
              f"{reference[0] / best_wall:11.2f}x {reference_median / median_wall:8.2f}x {peak / 1024:8.1f}")


if __name__ == "__main__":
    main()

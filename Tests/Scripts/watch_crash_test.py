#!/usr/bin/env python3
"""Crash test for `ingest watch`: kill -9 it in the middle of a run, several times, restart it, and check that no
file was lost and none was stored twice.

    python3 Tests/Scripts/watch_crash_test.py INGEST [--files N] [--kills K] [--keep-work]

INGEST is the built `ingest` binary (this script builds nothing; `swift build` first, or let the IngestCLITests test
`WatchCrashTests` run it). It needs nothing but python3 (its sqlite3 module reads the store).

What it does: prepares N unique plain-text minutes, 5 files of random bytes named .pdf, 3 empty files and 2 bundle
folders; drops them all into a watched folder (half written in place, half renamed in); kills the watcher with
SIGKILL K times at evenly spread points of the run, checking after each kill that every input is in exactly one
place (the watched folder, processed/ or failed/); restarts it each time; waits until the folder has no pending
inputs; stops it with SIGINT (exit status 0 expected) and checks:
  - every good file and bundle is in processed/ exactly once, under its own name, with its content intact;
  - every broken file is in failed/ with NAME.error.json beside it;
  - the store has exactly one record per good file and bundle, and no content hash twice.
Exit status 0 when every check passes, 1 otherwise (each failure on stderr).
"""

import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time


def minutes_text(number: int) -> bytes:
    return (
        f"Referat fra møte i Krasjutvalget nr. {number}\n\n"
        "Dato: 14. mars 2024\n\n"
        "1. Godkjenning av innkalling og saksliste\n\n"
        f"Innkalling og saksliste ble godkjent. Referanse krasj-{number}-{random.getrandbits(48):012x}.\n\n"
        f"2. Budsjett for {2000 + number}\n\n"
        f"Vedtak: budsjettet for sak {number} godkjennes.\n"
    ).encode()


def sha256(path: str) -> str:
    with open(path, "rb") as file:
        return hashlib.sha256(file.read()).hexdigest()


def wait_until(condition, what: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout:.0f} s waiting until {what}")
        time.sleep(0.005)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ingest", help="the built ingest binary")
    parser.add_argument("--files", type=int, default=100, help="good minutes files to drop (default 100)")
    parser.add_argument("--kills", type=int, default=3, help="how many times to kill -9 the watcher (default 3)")
    parser.add_argument("--keep-work", action="store_true", help="keep the scratch folder for inspection")
    args = parser.parse_args()
    ingest = os.path.abspath(args.ingest)
    if not os.access(ingest, os.X_OK):
        print(f"watch_crash_test: no executable at {ingest}", file=sys.stderr)
        return 1

    work = tempfile.mkdtemp(prefix="watch-crash-")
    inbox, staging = os.path.join(work, "inbox"), os.path.join(work, "staging")
    processed, failed = os.path.join(inbox, "processed"), os.path.join(inbox, "failed")
    store = os.path.join(work, "minutes.sqlite")
    os.makedirs(inbox)
    os.makedirs(staging)
    failures: list[str] = []
    watcher = None
    try:
        # Everything is prepared in staging first, so the drop itself is quick.
        good: dict[str, str] = {}  # name -> sha256
        for number in range(args.files):
            name = f"minutes-{number:03}.txt"
            with open(os.path.join(staging, name), "wb") as file:
                file.write(minutes_text(number))
            good[name] = sha256(os.path.join(staging, name))
        broken: list[str] = []
        for number in range(5):
            name = f"garbage-{number}.pdf"
            with open(os.path.join(staging, name), "wb") as file:
                file.write(b"\x01\xfe" + os.urandom(2000))
            broken.append(name)
        for number in range(3):
            name = f"empty-{number}.txt"
            open(os.path.join(staging, name), "wb").close()
            broken.append(name)
        bundles: list[str] = []
        for number in range(2):
            name = f"meeting-{number}"
            folder = os.path.join(staging, name)
            os.makedirs(folder)
            with open(os.path.join(folder, "referat.txt"), "wb") as file:
                file.write(minutes_text(10_000 + number))
            with open(os.path.join(folder, "vedlegg-budsjett.txt"), "wb") as file:
                file.write(f"Budsjett for møte {number}\nPost 1: {number} kr\n".encode())
            bundles.append(name)
        items = sorted(good) + broken + bundles
        random.Random(7).shuffle(items)

        def start(round_number: int) -> subprocess.Popen:
            log = open(os.path.join(work, f"watch-{round_number}.log"), "wb")
            return subprocess.Popen(
                [ingest, "watch", inbox, "--store", store, "--jobs", "2"],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log)

        def names(folder: str) -> list[str]:
            return sorted(os.listdir(folder)) if os.path.isdir(folder) else []

        def taken() -> int:
            # Hidden names are a report being written (or left by a kill: the next start removes it).
            return len(names(processed)) + len(
                [n for n in names(failed) if not n.endswith(".error.json") and not n.startswith(".")])

        def pending() -> list[str]:
            return [n for n in names(inbox) if not n.startswith(".") and n not in ("processed", "failed")]

        def check_each_in_one_place(moment: str) -> None:
            for name in items:
                places = [folder for folder in (inbox, processed, failed) if os.path.lexists(os.path.join(folder, name))]
                if len(places) != 1:
                    failures.append(f"{moment}: {name} is in {len(places)} places: {places}")

        watcher = start(0)
        for index, name in enumerate(items):
            source, target = os.path.join(staging, name), os.path.join(inbox, name)
            if index % 2 == 0 and os.path.isfile(source):
                shutil.copyfile(source, target)  # written in place: closed after writing
                os.remove(source)
            else:
                os.rename(source, target)  # moved in
        pending_at_kill = []
        for round_number in range(1, args.kills + 1):
            target = len(items) * round_number // (args.kills + 1)
            wait_until(lambda: taken() >= target, f"{target} inputs are taken", 120)
            watcher.send_signal(signal.SIGKILL)
            watcher.wait()
            pending_at_kill.append(len(pending()))
            check_each_in_one_place(f"after kill -9 number {round_number}")
            watcher = start(round_number)
        wait_until(lambda: not pending() and taken() == len(items), "no input is pending", 120)
        watcher.send_signal(signal.SIGINT)
        status = watcher.wait(timeout=60)
        watcher = None
        if status != 0:
            failures.append(f"the watcher exited with status {status} after SIGINT, not 0")

        check_each_in_one_place("at the end")
        if names(processed) != sorted(list(good) + bundles):
            extra = sorted(set(names(processed)) - set(good) - set(bundles))
            failures.append(f"processed/ is not exactly the good files and bundles (extra: {extra[:10]})")
        for name, digest in good.items():
            path = os.path.join(processed, name)
            if os.path.isfile(path) and sha256(path) != digest:
                failures.append(f"processed/{name} is not the file that was dropped")
        expected_failed = sorted(broken + [name + ".error.json" for name in broken])
        if names(failed) != expected_failed:
            failures.append(f"failed/ holds {names(failed)}, expected {expected_failed} (no leftovers of a kill)")
        for name in broken:
            report_path = os.path.join(failed, name + ".error.json")
            if os.path.isfile(report_path):
                with open(report_path) as file:
                    report = json.load(file)
                if set(report) != {"path", "code", "message", "advice", "failedAt"}:
                    failures.append(f"{name}.error.json has the keys {sorted(report)}")

        database = sqlite3.connect(store)
        (records,) = database.execute("SELECT count(*) FROM document").fetchone()
        if records != len(good) + len(bundles):
            failures.append(f"the store has {records} records, expected {len(good) + len(bundles)}")
        doubled = database.execute("SELECT sha256, count(*) FROM document GROUP BY sha256 HAVING count(*) > 1").fetchall()
        if doubled:
            failures.append(f"content stored more than once: {doubled[:5]}")
        stored = {row[0] for row in database.execute("SELECT sha256 FROM document")}
        missing = [name for name, digest in good.items() if digest not in stored]
        if missing:
            failures.append(f"not in the store: {missing[:10]}")
        for name in bundles:
            (count,) = database.execute(
                "SELECT count(*) FROM document WHERE path = ?", (os.path.join(inbox, name),)).fetchone()
            if count != 1:
                failures.append(f"bundle {name} has {count} records, expected 1")
        database.close()

        logs = "".join(open(os.path.join(work, f"watch-{n}.log"), encoding="utf-8", errors="replace").read()
                       for n in range(args.kills + 1))
        found_again = logs.count("outcome=unchanged")
        print(f"watch_crash_test: {len(items)} inputs ({len(good)} good, {len(broken)} broken, {len(bundles)} "
              f"bundles), {args.kills} kill -9 with {pending_at_kill} inputs pending; {found_again} found already "
              f"stored after a restart; {records} records")
    except Exception as error:  # a timeout or an unexpected state: report it like any other failure
        failures.append(f"{type(error).__name__}: {error}")
    finally:
        if watcher is not None:
            watcher.kill()
            watcher.wait()
        if args.keep_work or failures:
            print(f"watch_crash_test: scratch folder kept: {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    for failure in failures:
        print(f"watch_crash_test: FAIL: {failure}", file=sys.stderr)
    if not failures:
        print("watch_crash_test: passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

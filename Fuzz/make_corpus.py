#!/usr/bin/env python3
"""Writes a reproducible corpus of damaged inputs for robustness runs of `ingest`.

    Fuzz/make_corpus.py --seed 1 --count 2000 OUT_DIR

Each output file is a mutated copy of a corpus PDF, e-mail, text or archive (from ../shared/corpus, ../shared/seed
and SampleDocs): byte flips, truncations, chunks duplicated or removed, splices of two files of a kind, and
format-aware damage (PDF xref offsets and startxref, MIME boundaries and charsets, zip end records). The same
--seed, --count and source files give the same bytes. OUT_DIR/MANIFEST.tsv lists every file with its source and
mutations. The PDFs the corpus marks HANG are left out unless --include-hangs is given. Standard library only.
"""

import argparse
import hashlib
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KINDS = {
    "pdf": {".pdf"},
    "mail": {".eml", ".mbox", ".emlx"},
    "text": {".txt", ".md"},
    "archive": {".zip", ".tar", ".tgz", ".gz", ".7z"},
}
MAX_SOURCE_BYTES = 4 << 20
CHARSETS = [b"utf-8", b"iso-8859-1", b"windows-1252", b"utf-16", b"utf-7", b"x-unknown", b"ebcdic-cp-us", b"", b"\"",
            b"shift_jis", b"gb18030", b"koi8-r"]


def hangs(shared):
    """Corpus paths whose MANIFEST notes say HANG."""
    manifest = shared / "corpus" / "MANIFEST.tsv"
    if not manifest.exists():
        return set()
    rows = (line.split("\t") for line in manifest.read_text(encoding="utf-8").splitlines()[1:])
    return {str(shared / "corpus" / row[0]) for row in rows if len(row) > 6 and "HANG" in row[6]}


def sources(shared, include_hangs):
    """The source files by kind, each list sorted so that a seed means the same choices everywhere."""
    skip = set() if include_hangs else hangs(shared)
    found = {kind: [] for kind in KINDS}
    for folder in (shared / "corpus", shared / "seed", ROOT / "SampleDocs"):
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if not path.is_file() or str(path) in skip or path.stat().st_size > MAX_SOURCE_BYTES:
                continue
            for kind, suffixes in KINDS.items():
                if path.suffix.lower() in suffixes:
                    found[kind].append(path)
    return {kind: paths for kind, paths in found.items() if paths}


# Generic mutations: each takes (rng, data) and returns (data, description).

def flip_bytes(rng, data):
    data = bytearray(data)
    count = rng.randint(1, max(1, min(64, len(data) // 100 + 1)))
    for _ in range(count if data else 0):
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    return bytes(data), f"flip{count}"


def random_bytes(rng, data):
    data = bytearray(data)
    count = rng.randint(1, 32)
    for _ in range(count if data else 0):
        data[rng.randrange(len(data))] = rng.choice([0x00, 0xFF, 0x7F, 0x80, 0x0A, 0x0D, 0x25, 0x3C, rng.randrange(256)])
    return bytes(data), f"set{count}"


def truncate(rng, data):
    cut = rng.randrange(len(data) + 1) if data else 0
    return data[:cut], f"truncate@{cut}"


def drop_chunk(rng, data):
    if len(data) < 2:
        return data, "drop-none"
    start = rng.randrange(len(data))
    length = rng.randint(1, max(1, min(len(data) - start, 4096)))
    return data[:start] + data[start + length:], f"drop{length}@{start}"


def duplicate_chunk(rng, data):
    if not data:
        return data, "dup-none"
    start = rng.randrange(len(data))
    length = rng.randint(1, min(len(data) - start, 4096))
    times = rng.choice([1, 2, 16, 256])
    chunk = data[start:start + length]
    return data[:start] + chunk * (times + 1) + data[start + length:], f"dup{length}x{times}@{start}"


def splice(rng, data, other):
    """The head of one file and the tail of another of the same kind."""
    cut = rng.randrange(len(data) + 1) if data else 0
    other_cut = rng.randrange(len(other) + 1) if other else 0
    return data[:cut] + other[other_cut:], f"splice@{cut}+{other_cut}"


# Format-aware mutations; each returns None when the file has nothing to damage.

def pdf_xref(rng, data):
    """Moves the startxref offset, or garbles xref entry offsets."""
    choice = rng.randrange(3)
    match = list(re.finditer(rb"startxref\s+(\d+)", data))
    if choice == 0 and match:
        m = rng.choice(match)
        value = rng.choice([0, 1, int(m.group(1)) + rng.randint(-64, 64), len(data) * 2, 99999999999])
        return data[:m.start(1)] + str(max(value, 0)).encode() + data[m.end(1):], f"startxref={value}"
    entries = list(re.finditer(rb"(\d{10}) (\d{5}) ([nf])", data))
    if choice == 1 and entries:
        data = bytearray(data)
        count = rng.randint(1, min(len(entries), 16))
        for m in rng.sample(entries, count):
            data[m.start(1):m.end(1)] = b"%010d" % rng.randrange(10 ** 10)
        return bytes(data), f"xref-offsets{count}"
    lengths = list(re.finditer(rb"/Length (\d+)", data))
    if lengths:
        m = rng.choice(lengths)
        value = rng.choice([0, int(m.group(1)) * 2 + 1, 2147483647, 4294967296])
        return data[:m.start(1)] + str(value).encode() + data[m.end(1):], f"length={value}"
    return None


def mime_boundary(rng, data):
    """Breaks a multipart boundary: drops the closing one, changes the declared one, or nests it."""
    declared = list(re.finditer(rb'boundary="?([^";\r\n]+)"?', data, re.IGNORECASE))
    if not declared:
        return None
    m = rng.choice(declared)
    boundary = m.group(1)
    choice = rng.randrange(3)
    if choice == 0:
        return data.replace(b"--" + boundary + b"--", b"", 1), "boundary-unclosed"
    if choice == 1:
        return data[:m.start(1)] + boundary[: max(1, len(boundary) // 2)] + data[m.end(1):], "boundary-changed"
    part = b"\r\nContent-Type: multipart/mixed; boundary=\"" + boundary + b"\"\r\n\r\n--" + boundary + b"\r\n"
    position = data.find(b"--" + boundary)
    return data[:position] + part * rng.randint(2, 200) + data[position:], "boundary-nested"


def mime_charset(rng, data):
    """Replaces declared charsets (and RFC 2047 words' charsets) with wrong or unknown ones."""
    charsets = list(re.finditer(rb'charset="?([A-Za-z0-9_\-]+)"?', data, re.IGNORECASE))
    words = list(re.finditer(rb"=\?([A-Za-z0-9_\-]+)\?[BbQq]\?", data))
    targets = charsets + words
    if not targets:
        return None
    m = rng.choice(targets)
    charset = rng.choice(CHARSETS)
    return data[:m.start(1)] + charset + data[m.end(1):], f"charset={charset.decode()}"


def zip_records(rng, data):
    """Garbles a zip end-of-central-directory or central header: entry counts, sizes, offsets."""
    signatures = [m.start() for m in re.finditer(rb"PK\x05\x06|PK\x01\x02|PK\x03\x04", data)]
    if not signatures:
        return None
    start = rng.choice(signatures)
    data = bytearray(data)
    offset = start + rng.randrange(4, 30)
    value = rng.choice([b"\x00\x00", b"\xff\xff", b"\xff\xff\xff\xff", b"\x00\x00\x00\x80"])
    data[offset:offset + len(value)] = value
    return bytes(data), f"zip-record@{start}+{offset - start}"


GENERIC = [flip_bytes, random_bytes, truncate, drop_chunk, duplicate_chunk]
AWARE = {"pdf": [pdf_xref], "mail": [mime_boundary, mime_charset], "archive": [zip_records], "text": []}


def mutate(rng, kind, data, others):
    """One to three mutations, format-aware ones about half the time."""
    steps = []
    for _ in range(rng.choice([1, 1, 2, 3])):
        result = None
        if AWARE[kind] and rng.random() < 0.5:
            result = rng.choice(AWARE[kind])(rng, data)
        if result is None and rng.random() < 0.15 and len(others) > 1:
            result = splice(rng, data, others[rng.randrange(len(others))].read_bytes())
        if result is None:
            result = rng.choice(GENERIC)(rng, data)
        data, step = result
        steps.append(step)
    return data, steps


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="output folder (created; existing files with the same names replaced)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared folder (../shared)")
    parser.add_argument("--include-hangs", action="store_true", help="also mutate the PDFs marked HANG")
    args = parser.parse_args()

    found = sources(args.shared, args.include_hangs)
    if not found:
        sys.exit(f"no source files under {args.shared} or SampleDocs")
    rng = random.Random(args.seed)
    kinds = sorted(found)
    args.out.mkdir(parents=True, exist_ok=True)
    cache = {}
    rows = ["file\tkind\tsource\tmutations\tbytes\tsha256"]
    for number in range(1, args.count + 1):
        kind = kinds[(number - 1) % len(kinds)]
        source = rng.choice(found[kind])
        if source not in cache:
            cache[source] = source.read_bytes()
        data, steps = mutate(rng, kind, cache[source], found[kind])
        name = f"{number:05d}-{kind}{source.suffix.lower()}"
        (args.out / name).write_bytes(data)
        relative = source.relative_to(args.shared) if args.shared in source.parents else source.relative_to(ROOT)
        rows.append(f"{name}\t{kind}\t{relative}\t{' '.join(steps)}\t{len(data)}\t{hashlib.sha256(data).hexdigest()}")
    (args.out / "MANIFEST.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {args.count} files to {args.out} (seed {args.seed}); MANIFEST.tsv lists them")


if __name__ == "__main__":
    main()

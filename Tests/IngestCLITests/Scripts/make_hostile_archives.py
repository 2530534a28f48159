#!/usr/bin/env python3
"""Writes the hostile archives HostileArchiveTests.swift feeds to `ingest`, into the folder named as argument.

    python3 make_hostile_archives.py OUT [NAME ...]     # NAME: traversal, bomb, nested, liar (default: all)

traversal.zip / traversal.tar  entries named ../../../../tmp/…, /abs/path, ..\\..\\win and a symlink to /etc/passwd,
                               beside harmless minutes (referat.txt).
bomb.zip                       one member of 1100 MiB of zeros in about 1 MB, built in a second: a raw deflate
                               chunk of 1 MiB of zeros ended with Z_FULL_FLUSH is byte-aligned and independent of
                               what came before, so the same chunk is written 1100 times.
nested.zip                     12 zips, each inside the next; the innermost holds minutes titled NESTED_TITLE.
liar.zip                       minutes plus a member whose local and central headers claim 10 bytes unpacked, but
                               whose deflated data is 5 MB of (seeded, incompressible) random bytes; their SHA-256
                               goes to liar.sha256.
Only the standard library; nothing is written outside OUT.
"""
import hashlib
import io
import os
import random
import struct
import sys
import tarfile
import zipfile
import zlib

NESTED_TITLE = "Referat fra styremøte i Dypt Nede borettslag"
MINUTES = "Referat fra styremøte\n\nDato: 15. januar 2024\n\n1. Godkjenning av innkalling\n\n2. Eventuelt\n"
TRAVERSAL_NAMES = ["../../../../tmp/x", "/abs/path", "..\\..\\win"]
MiB = 1 << 20


def traversal(out):
    with zipfile.ZipFile(os.path.join(out, "traversal.zip"), "w") as z:
        z.writestr("referat.txt", MINUTES)
        for name in TRAVERSAL_NAMES:
            z.writestr(zipfile.ZipInfo(name), "Sommerfest i parken\n")
        link = zipfile.ZipInfo("passwd-link")
        link.create_system = 3  # Unix, so the mode below is read
        link.external_attr = 0o120777 << 16  # S_IFLNK | 0777; the data is the target
        z.writestr(link, "/etc/passwd")
    with tarfile.open(os.path.join(out, "traversal.tar"), "w") as t:
        for name, text in [("referat.txt", MINUTES)] + [(n, "Sommerfest i parken\n") for n in TRAVERSAL_NAMES]:
            info = tarfile.TarInfo(name)
            info.size = len(text.encode())
            t.addfile(info, io.BytesIO(text.encode()))
        link = tarfile.TarInfo("passwd-link")
        link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
        t.addfile(link)


def zip_member(name, data, crc, compressed_size, size, method=zipfile.ZIP_DEFLATED, offset=0):
    """A local header with `data`, and its central-directory record; sizes as given (they may lie)."""
    raw = name.encode()
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0x800, method, 0, 0x21, crc, compressed_size, size,
                        len(raw), 0) + raw + data
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0x800, method, 0, 0x21, crc,
                          compressed_size, size, len(raw), 0, 0, 0, 0, 0o100644 << 16, offset) + raw
    return local, central


def write_zip(path, members):
    """members: (name, data, crc, compressed_size, size) with `data` already deflated."""
    with open(path, "wb") as f:
        centrals = []
        for member in members:
            local, central = zip_member(*member, offset=f.tell())
            f.write(local)
            centrals.append(central)
        start = f.tell()
        f.write(b"".join(centrals))
        f.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(centrals), len(centrals), f.tell() - start, start, 0))


def deflate(data):
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def bomb(out, mebibytes=1100):
    zeros = bytes(MiB)
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = c.compress(zeros) + c.flush(zlib.Z_FULL_FLUSH)
    assert c.compress(zeros) + c.flush(zlib.Z_FULL_FLUSH) == chunk, "full-flushed chunks should repeat"
    data = chunk * mebibytes + c.flush()
    crc = 0
    for _ in range(mebibytes):
        crc = zlib.crc32(zeros, crc)
    write_zip(os.path.join(out, "bomb.zip"), [("zeros.bin", data, crc, len(data), mebibytes * MiB)])


def nested(out, levels=12):
    data, name = MINUTES.replace("Referat fra styremøte", NESTED_TITLE).encode(), "referat.txt"
    for level in range(1, levels + 1):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr(name, data)
        data, name = buffer.getvalue(), f"level-{level}.zip"
    with open(os.path.join(out, "nested.zip"), "wb") as f:
        f.write(data)


def liar(out, size=5_000_000):
    blob = random.Random(4).randbytes(size)
    minutes = MINUTES.encode()
    packed = deflate(blob)
    write_zip(os.path.join(out, "liar.zip"), [
        ("referat.txt", deflate(minutes), zlib.crc32(minutes), len(deflate(minutes)), len(minutes)),
        ("stor.bin", packed, zlib.crc32(blob), len(packed), 10),  # the lie: 10 bytes unpacked
    ])
    with open(os.path.join(out, "liar.sha256"), "w") as f:
        f.write(hashlib.sha256(blob).hexdigest())


if __name__ == "__main__":
    out, names = sys.argv[1], sys.argv[2:] or ["traversal", "bomb", "nested", "liar"]
    os.makedirs(out, exist_ok=True)
    for name in names:
        {"traversal": traversal, "bomb": bomb, "nested": nested, "liar": liar}[name](out)

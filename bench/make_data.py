#!/usr/bin/env python3
"""Makes the benchmark data described in docs/benchmarks.md, byte for byte the same on every run.

    make_data.py [DIR] [--force]    generate into DIR (default /tmp/mmap4j-data) unless the
                                    manifest there already matches; then print the manifest path
    make_data.py [DIR] --check      only recompute the sha256 of every file and compare them with
                                    the manifest (exit status 1 on any difference)

Files: text.bin (1 GiB of text lines), lines.bin (its first 256 MiB), small.bin (its first
1 MiB), w8_offsets.u64 (10^6 little-endian offsets for W8) and manifest.properties (sizes,
needles, the expected check values and the sha256 of each file).

Everything comes from one random.Random(0x6D6D6170) stream, consumed in a fixed order, and from a
splitmix64 sequence for the offsets. The expected digests are written below (REFERENCE_SHA256):
a generator whose random module behaves differently fails instead of making other data.
"""
import argparse
import hashlib
import mmap
import os
import random
import struct
import sys
import time

FORMAT = "mmap4j-bench-1"  # bump when the data or the manifest keys change
SEED = 0x6D6D6170  # the ASCII bytes of "mmap"
OFFSETS_SEED = 0x5EED0008
MIB = 1 << 20

TEXT_SIZE = 1 << 30
LINES_SIZE = 256 * MIB
SMALL_SIZE = MIB
SECTION = 64 * MIB  # text.bin is 16 sections, each ends on a line end
LAST_PAGE = 4096  # the planted needle lives in the last 4 KiB
CATALOGUE_LINES = 1 << 17
GROUP_LINES = 4
GROUPS = 1 << 16
OFFSET_COUNT = 1_000_000
SLICE = 4096
READ_CHUNK = MIB
BYTE_LOOP = 16 * MIB

ABSENT16 = b"for  the absence"
PLANTED16 = b"the  needle here"
PLANTED_LINE = b"in the last page we hide the  needle here for the test\n"

REFERENCE_SHA256 = {
    "text.bin": "621e2df4c600f594fd168bfa28f8d1b0c29cdf832c49d180f1724eb838ee8381",
    "lines.bin": "db0667d8c161b7efae5986fa07f264b9efa23b63e1b67473423bf4ff718f0291",
    "small.bin": "821037c6a4b12b025f96853926b6f6053345ba4111ce4b990e523f6e5c3053e7",
    "w8_offsets.u64": "1672f580f989d5a729cfc33049a54680cd7e844d2924b8723e9f8c1ddc987dad",
}

# The vocabulary by rank: word i is drawn with weight 1 / (i + 1) ** 0.9. The order matters, and
# so do the repeats ("order", "open" and "number" appear twice): they are part of the data.
WORDS = (
    "the of and to a in is that for it as was with be by on not he this are or his from at "
    "which but have an they you were her she there been one all we their has would when if so "
    "no will more can who out about them some what up other into only its time than these two "
    "may then do first any my now such like our over man me even most made after also did many "
    "before must through back years where much your way well down should because each just "
    "those people how too little state good very make world still own see men work long get "
    "here between both life being under never day same another know while last might us great "
    "old year off come since against go came right used take three place himself few house use "
    "during without again home around small however found mrs thought went say part once "
    "general high upon school every number system water group point always country set think "
    "light hand seemed open end program case fact public turn given word order until across "
    "money children city power need whole social possible ask order best better data file "
    "memory page buffer index value search line text byte offset length map read write close "
    "open find count table field record result error test needle haystack absence presence "
    "window region kernel process thread signal queue stack heap cache block chunk stream "
    "format parse token string number letter simple complex quick brown fox jumps lazy dog "
    "river mountain forest ocean desert valley garden bridge tower market engine machine "
    "network server client request response header footer section chapter volume "
    "1 2 3 10 42 100 2024 1999 7 12"
).split()

MAX_WORDS = 48
EULER_APPROX = 2.718281828  # this truncated constant, not math.e: the weights depend on it


def running_totals(values):
    """Prefix sums, added strictly left to right (as random.choices does with weights)."""
    totals, acc = [], 0.0
    for v in values:
        acc = acc + v
        totals.append(acc)
    return totals


def word_count_weights():
    """Weights of 0..48 words per line: 3% empty lines, the rest a skewed bell near 13 words."""
    shape = [0.0] + [k**2.2 * EULER_APPROX ** (-k / 6.15) for k in range(1, MAX_WORDS + 1)]
    total = 0.0
    for s in shape:
        total += s
    return [0.03] + [s / total * 0.97 for s in shape[1:]]


def capitalised(words):
    return words[0].upper() + words[1:]


def make_catalogue(rng):
    """CATALOGUE_LINES text lines; every line ends in a newline, some are just a newline."""
    counts = rng.choices(range(MAX_WORDS + 1), weights=word_count_weights(), k=CATALOGUE_LINES)
    zipf = running_totals(1.0 / (rank + 1) ** 0.9 for rank in range(len(WORDS)))
    words = rng.choices(WORDS, cum_weights=zipf, k=sum(counts))
    # 0 plain, 1 a sentence (capital letter and full stop), 2 a trailing comma, 3 a capital letter
    styles = rng.choices(range(4), weights=(40, 35, 15, 10), k=CATALOGUE_LINES)
    catalogue, used = [], 0
    for count, style in zip(counts, styles):
        if count == 0:
            catalogue.append(b"\n")
            continue
        text = " ".join(words[used : used + count])
        used += count
        if style == 1:
            text = capitalised(text) + "."
        elif style == 2:
            text += ","
        elif style == 3:
            text = capitalised(text)
        catalogue.append(text.encode("ascii") + b"\n")
    return catalogue


def make_groups(rng, catalogue):
    """GROUPS strings of GROUP_LINES catalogue lines drawn at random (fewer, longer pieces)."""
    return [b"".join(rng.choices(catalogue, k=GROUP_LINES)) for _ in range(GROUPS)]


def padding_lines(rng, size):
    """Exactly `size` bytes of word lines: lines of 80 bytes while more than 120 bytes remain, then
    one line for the rest. Words come from the vocabulary without weights; a line cut after a
    space gets an 'e' instead, so no line ends in a space and no two spaces meet."""
    out = []
    while size > 0:
        length = size if size <= 120 else min(size, 80)
        body = length - 1
        if body:
            text = " ".join(rng.choices(WORDS, k=body // 2 + 2))[:body]
            if text[-1] == " ":
                text = text[:-1] + "e"
            out.append(text.encode("ascii"))
        out.append(b"\n")
        size -= length
    return b"".join(out)


def exact_span(rng, pieces, size, mean_piece, reserve):
    """Exactly `size` bytes: random pieces while more than `reserve` bytes are missing (drawn in
    batches sized from `mean_piece`, each batch cut at the last piece that still fits), then
    padding lines for the rest."""
    out, have = [], 0
    while size - have > reserve:
        room = size - have - reserve
        batch = rng.choices(pieces, k=int(room / mean_piece * 1.02) + 64)
        taken, used = 0, 0
        for piece in batch:
            if used + len(piece) > room:
                break
            used += len(piece)
            taken += 1
        if taken:
            out.append(b"".join(batch[:taken]))
            have += used
        if taken < len(batch):
            break
    out.append(padding_lines(rng, size - have))
    data = b"".join(out)
    if len(data) != size:
        raise AssertionError(f"span of {len(data)} bytes, wanted {size}")
    return data


def write_text(rng, path):
    """Writes text.bin; returns the offset of PLANTED16."""
    catalogue = make_catalogue(rng)
    groups = make_groups(rng, catalogue)
    mean_group = sum(len(g) for g in groups) / len(groups)
    with open(path, "wb") as f:
        sections = TEXT_SIZE // SECTION
        for i in range(sections):
            size = SECTION - (LAST_PAGE if i == sections - 1 else 0)
            f.write(exact_span(rng, groups, size, mean_group, 512))
        before = exact_span(rng, catalogue, LAST_PAGE // 2, 80.0, 256)
        after_size = LAST_PAGE - len(before) - len(PLANTED_LINE)
        after = exact_span(rng, catalogue, after_size, 80.0, 256)
        f.write(before + PLANTED_LINE + after)
    return TEXT_SIZE - LAST_PAGE + len(before) + PLANTED_LINE.index(PLANTED16)


def splitmix64(state, count):
    mask = (1 << 64) - 1
    for _ in range(count):
        state = (state + 0x9E3779B97F4A7C15) & mask
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & mask
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & mask
        yield z ^ (z >> 31)


def write_offsets(path):
    limit = TEXT_SIZE - SLICE + 1  # every 4 KiB slice stays inside text.bin
    offsets = [z % limit for z in splitmix64(OFFSETS_SEED, OFFSET_COUNT)]
    with open(path, "wb") as f:
        f.write(struct.pack(f"<{OFFSET_COUNT}Q", *offsets))
    return offsets


def copy_prefix(src, dst, size):
    with open(src, "rb") as f, open(dst, "wb") as g:
        g.write(f.read(size))


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(16 * MIB):
            digest.update(chunk)
    return digest.hexdigest()


def describe(folder, planted_offset, offsets):
    """Scans the files (with bytes methods, not the mmap methods under test) and returns the
    manifest: what the workloads check, and proof of the needle rules."""
    with open(os.path.join(folder, "text.bin"), "rb") as f:
        text = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    try:
        absent = planted = double_spaces = zeros = newlines = 0
        lines_newlines = text[:LINES_SIZE].count(b"\n")
        for start in range(0, TEXT_SIZE, SECTION):
            window = text[max(0, start - 15) : start + SECTION]  # 15 bytes overlap: no match lost
            absent += window.count(ABSENT16)
            planted += window.count(PLANTED16)
            double_spaces += window.count(b"  ")
            zeros += window.count(b"\x00", 15 if start else 0)
            newlines += window.count(b"\n", 15 if start else 0)
        if absent or planted != 1 or double_spaces != 1 or zeros:
            raise AssertionError(f"needle rules broken: {absent} {planted} {double_spaces} {zeros}")
        if text.find(PLANTED16) != planted_offset or text[-1] != 0x0A:
            raise AssertionError("planted needle misplaced or text does not end in a newline")
        if text[LINES_SIZE - 1] != 0x0A:
            raise AssertionError("lines.bin would not end on a line end")
        w6 = sum(text[:BYTE_LOOP])
        w8 = sum(text[o + SLICE - 1] for o in offsets)
        w11 = sum(text[k + READ_CHUNK - 1] for k in range(0, TEXT_SIZE, READ_CHUNK))
    finally:
        text.close()
    manifest = {
        "format": FORMAT,
        "seed": SEED,
        "text_file": "text.bin",
        "text_size": TEXT_SIZE,
        "text_lines": newlines,
        "lines_file": "lines.bin",
        "lines_size": LINES_SIZE,
        "lines_lines": lines_newlines,
        "small_file": "small.bin",
        "small_size": SMALL_SIZE,
        "absent_needle_hex": ABSENT16.hex(),
        "planted_needle_hex": PLANTED16.hex(),
        "planted_offset": planted_offset,
        "w6_size": BYTE_LOOP,
        "w6_bytesum": w6,
        "w8_offsets_file": "w8_offsets.u64",
        "w8_seed": OFFSETS_SEED,
        "w8_count": OFFSET_COUNT,
        "w8_slice": SLICE,
        "w8_lastbyte_sum": w8,
        "w11_chunk": READ_CHUNK,
        "w11_lastbyte_sum": w11,
    }
    for name in REFERENCE_SHA256:
        manifest["sha256_" + name.replace(".", "_")] = sha256(os.path.join(folder, name))
    return manifest


def read_manifest(path):
    values = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                key, _, value = line.partition("=")
                values[key.strip()] = value.strip()
    return values


def sizes_match(folder):
    path = os.path.join(folder, "manifest.properties")
    if not os.path.exists(path) or read_manifest(path).get("format") != FORMAT:
        return False
    want = {"text.bin": TEXT_SIZE, "lines.bin": LINES_SIZE, "small.bin": SMALL_SIZE,
            "w8_offsets.u64": 8 * OFFSET_COUNT}
    return all(os.path.isfile(os.path.join(folder, n)) and
               os.path.getsize(os.path.join(folder, n)) == size for n, size in want.items())


def check(folder):
    """True when every file's sha256 equals the manifest's and the reference digests."""
    manifest = read_manifest(os.path.join(folder, "manifest.properties"))
    good = True
    for name, want in REFERENCE_SHA256.items():
        got = sha256(os.path.join(folder, name))
        if got != manifest.get("sha256_" + name.replace(".", "_")) or got != want:
            print(f"{name}: sha256 {got}, manifest and reference say {want}", file=sys.stderr)
            good = False
    return good


def generate(folder):
    started = time.time()
    text = os.path.join(folder, "text.bin")
    planted_offset = write_text(random.Random(SEED), text + ".part")
    os.replace(text + ".part", text)
    copy_prefix(text, os.path.join(folder, "lines.bin"), LINES_SIZE)
    copy_prefix(text, os.path.join(folder, "small.bin"), SMALL_SIZE)
    offsets = write_offsets(os.path.join(folder, "w8_offsets.u64"))
    manifest = describe(folder, planted_offset, offsets)
    for name, want in REFERENCE_SHA256.items():
        got = manifest["sha256_" + name.replace(".", "_")]
        if got != want:
            raise SystemExit(f"{name}: sha256 {got}, expected {want} (a different random module?)")
    path = os.path.join(folder, "manifest.properties")
    with open(path + ".part", "w") as f:
        f.write("# mmap4j benchmark data (bench/make_data.py); see docs/benchmarks.md\n")
        f.writelines(f"{key}={value}\n" for key, value in manifest.items())
    os.replace(path + ".part", path)
    print(f"data written to {folder} in {time.time() - started:.0f} s", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", nargs="?", default="/tmp/mmap4j-data")
    parser.add_argument("--force", action="store_true", help="regenerate even if present")
    parser.add_argument("--check", action="store_true", help="only compare the sha256 digests")
    args = parser.parse_args()
    if args.check:
        sys.exit(0 if check(args.dir) else 1)
    os.makedirs(args.dir, exist_ok=True)
    if args.force or not sizes_match(args.dir):
        generate(args.dir)
    print(os.path.join(args.dir, "manifest.properties"))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Generates HTMLEntityTable.swift: the HTML5 named character references.

Python's `html.entities.html5` is the WHATWG table (2,231 names, with the legacy
names that work without a semicolon listed both ways), so the Swift table follows the
spec exactly without a network fetch. Run from anywhere:

    python3 Sources/TextPipeStages/Clean/HTML/generate_entities.py

The table is laid out for a binary search that allocates nothing: all names in one
ASCII blob sorted by bytes, their start offsets, a bucket per first letter, and each
value packed into a UInt64 (its UTF-8 bytes, at most 6, little-endian; the length in
the top byte) so that a decoded reference is appended straight from the integer.
"""
import html.entities
import os

names = sorted(html.entities.html5, key=lambda n: n.encode())
assert len(names) == 2231, len(names)
blob = "".join(names)
assert blob.isascii()

starts = []
offset = 0
for n in names:
    starts.append(offset)
    offset += len(n)
starts.append(offset)

# Bucket b covers names whose first byte is ord("A") + b; names start with a letter.
first, last = ord("A"), ord("z")
buckets = []
for b in range(first, last + 2):
    buckets.append(next((i for i, n in enumerate(names) if ord(n[0]) >= b), len(names)))


def pack(value):
    data = value.encode("utf-8")
    assert 1 <= len(data) <= 6, (value, data)
    packed = int.from_bytes(data, "little") | (len(data) << 56)
    return "0x%016X" % packed


legacy = [n for n in names if not n.endswith(";")]


def rows(items, per_line):
    return ",\n".join(
        "        " + ", ".join(items[i:i + per_line]) for i in range(0, len(items), per_line))


out = f"""// GENERATED FILE — do not edit. Regenerate with
//   python3 Sources/TextPipeStages/Clean/HTML/generate_entities.py
// from Python's html.entities.html5 (the WHATWG named character reference table).

/// The {len(names)} HTML5 named character references ({len(legacy)} of them legacy names that
/// also match without a semicolon), sorted by name bytes for binary search.
enum HTMLEntityTable {{
    static let count = {len(names)}
    /// The longest name, counting its semicolon.
    static let maxNameLength = {max(len(n) for n in names)}
    /// The longest legacy name (those that match without a semicolon).
    static let maxLegacyNameLength = {max(len(n) for n in legacy)}
    static let shortestLegacyNameLength = {min(len(n) for n in legacy)}
    /// Every name (with its semicolon where it has one), concatenated in sorted order.
    static let names: StaticString = "{blob}"
    /// Where name i starts in `names`; name i ends where name i + 1 starts.
    static let nameStarts: [UInt16] = [
{rows([str(s) for s in starts], 16)}
    ]
    /// The first name index whose first byte is at least "A" + b, for b in 0...{last - first + 1}.
    static let firstByteBuckets: [UInt16] = [
{rows([str(b) for b in buckets], 16)}
    ]
    /// The UTF-8 bytes of each value, little-endian, with the byte count in the top byte.
    static let values: [UInt64] = [
{rows([pack(html.entities.html5[n]) for n in names], 4)}
    ]
}}
"""

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "HTMLEntityTable.swift"), "w", encoding="utf-8") as f:
    f.write(out)

"""Reads every export of the round-trip pipeline back with Python's json, csv and sqlite3
modules and checks it against the input records and against each other: texts and
metadata exactly, and every span's offsets by slicing the text in Python (code points,
and UTF-16 units for the UTF-16 export). Prints one summary line; exits 1 on a mismatch.

Usage: python3 check_exports.py INPUT.jsonl OUTPUT_FOLDER
"""
import csv
import json
import sqlite3
import sys

problems = []


def check(condition, message):
    if not condition:
        problems.append(message)


def sql_value(value):
    """What the metadata table's value column holds for a JSON value (Docs/Exports.md)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int) and not -2**63 <= value < 2**63:
        return str(value)  # too large for SQLite's integers: kept as its digits
    if isinstance(value, (list, dict)):
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return value


def main(input_path, out):
    expected = {}
    with open(input_path, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            expected[record.pop("id")] = record

    # JSONL: one object per line, the reference for the other formats.
    with open(f"{out}/rt.jsonl", encoding="utf-8", newline="") as f:
        records = [json.loads(line) for line in f]
    check([r["id"] for r in records] == list(expected), "jsonl ids")
    spans = 0
    for r in records:
        source = expected[r["id"]]
        check(r["text"] == source["text"], f"jsonl text of {r['id']!r}")
        for key, value in source.items():
            if key != "text":
                check(r["metadata"].get(key) == value, f"jsonl metadata {key} of {r['id']!r}")
        for layer, items in r.get("layers", {}).items():
            for s in items:
                spans += 1
                check(r["text"][s["start"]:s["end"]] == s["text"], f"code point offsets of {s} in {r['id']!r}")

    # JSON: one array, the same objects.
    with open(f"{out}/rt.json", encoding="utf-8") as f:
        check(json.load(f) == records, "json array differs from the jsonl records")

    # UTF-16 offsets: slice the UTF-16 encoding.
    with open(f"{out}/rt-utf16.jsonl", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            units = r["text"].encode("utf-16-le")
            for s in r.get("layers", {}).get("tags", []):
                check(units[2 * s["start"]:2 * s["end"]].decode("utf-16-le") == s["text"], f"utf-16 offsets of {s}")

    # CSV, one row per document; utf-8-sig removes the byte-order mark.
    with open(f"{out}/rt-documents.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    check(len(rows) == len(records), "csv document rows")
    for row, r in zip(rows, records):
        check(row["id"] == r["id"] and row["text"] == r["text"], f"csv document row of {r['id']!r}")
        check(json.loads(row["metadata"]) == r["metadata"], f"csv metadata of {r['id']!r}")
        check(row["meta.category"] == ("" if r["metadata"]["category"] is None else r["metadata"]["category"]),
              f"csv meta.category of {r['id']!r}")

    # CSV, one row per span.
    with open(f"{out}/rt-spans.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    reference = [(r["id"], layer, s.get("label", ""), str(s["start"]), str(s["end"]), s["text"],
                  s.get("attributes"))
                 for r in records for layer, items in r.get("layers", {}).items() for s in items]
    found = [(row["id"], row["layer"], row["label"], row["start"], row["end"], row["text"],
              json.loads(row["attributes"]) if row["attributes"] else None) for row in rows]
    check(found == reference, "csv span rows differ from the jsonl spans")

    # SQLite: documents, metadata (exact through the json column), layers and spans.
    db = sqlite3.connect(f"{out}/rt.sqlite")
    docs = db.execute("SELECT doc_id, id, text FROM documents ORDER BY doc_id").fetchall()
    check([d[1] for d in docs] == [r["id"] for r in records], "sqlite document ids")
    for (doc_id, doc, text), r in zip(docs, records):
        check(text == r["text"], f"sqlite text of {doc!r}")
        meta = db.execute("SELECT key, json FROM metadata WHERE doc_id = ? ORDER BY position", (doc_id,)).fetchall()
        check([k for k, _ in meta] == list(r["metadata"]), f"sqlite metadata keys of {doc!r}")
        check({k: json.loads(v) for k, v in meta} == r["metadata"], f"sqlite metadata values of {doc!r}")
        typed = dict(db.execute("SELECT key, value FROM metadata WHERE doc_id = ?", (doc_id,)).fetchall())
        check(typed == {k: sql_value(v) for k, v in r["metadata"].items()}, f"sqlite typed metadata values of {doc!r}")
        rows = db.execute("""SELECT layer, label, start, end, text, attributes, substr(?, start + 1, end - start)
                             FROM spans WHERE doc_id = ? ORDER BY span_id""", (text, doc_id)).fetchall()
        mine = [(layer, s.get("label"), s["start"], s["end"], s["text"], s.get("attributes"))
                for layer, items in r.get("layers", {}).items() for s in items]
        check([(a, b, c, d, e, json.loads(f) if f else None) for a, b, c, d, e, f, _ in rows] == mine,
              f"sqlite spans of {doc!r}")
        check(all(row[4] == row[6] for row in rows), f"sqlite substr() of the offsets of {doc!r}")
    hits = db.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'zürich'").fetchone()[0]
    check(hits == 1, f"full-text search found {hits} documents for 'zürich'")

    if problems:
        print("MISMATCH:\n  " + "\n  ".join(problems))
        sys.exit(1)
    print(f"round trip OK: {len(records)} documents, {spans} spans in jsonl, json, csv and sqlite")


main(sys.argv[1], sys.argv[2])

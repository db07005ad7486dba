#!/usr/bin/env python3
"""Times the 20 rules of the stage benchmark with Python's `regex` module (and `re` for
the rules it can compile) over the same corpus, for scale beside regex-tag's figure.

    cd Benchmarks/StageBenchmarks && swift run -c release stage-benchmarks 20 --export /tmp/tp-peer
    python3 Benchmarks/peers/regex_rules.py /tmp/tp-peer

Documents are separated by a line holding U+001E in corpus.txt; each is scanned by
every rule with finditer, as regex-tag does (one pass per rule).
"""
import json, sys, time

def main(directory):
    corpus = open(f"{directory}/corpus.txt", encoding="utf-8").read()
    documents = corpus.split("\n\x1e\n")
    rules = json.load(open(f"{directory}/rules.json", encoding="utf-8"))
    size = sum(len(d.encode("utf-8")) for d in documents)
    print(f"corpus: {len(documents)} documents, {size / 1e6:.1f} MB; {len(rules)} rules")
    engines = []
    try:
        import regex
        engines.append(("regex (PyPI)", regex))
    except ImportError:
        print("the 'regex' module is not installed (pip install regex); skipping it")
    import re
    engines.append(("re (stdlib)", re))
    for name, module in engines:
        compiled, skipped = [], 0
        for pattern in rules:
            try:
                compiled.append(module.compile(pattern))
            except Exception:
                skipped += 1
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            matches = 0
            for document in documents:
                for rx in compiled:
                    for _ in rx.finditer(document):
                        matches += 1
            best = min(best, time.perf_counter() - start)
        note = f" ({skipped} rules it cannot compile left out)" if skipped else ""
        print(f"{name:14} {size / 1e6 / best:8.1f} MB/s  {best:7.3f} s  {matches} matches{note}")

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/tp-peer")

#!/usr/bin/env python3
"""Read + JSONL-export throughput and memory benchmark for textpipe.

Compares `textpipe run PIPELINE -q` (a pipeline with only a JSONL export stage) with
the floor of reading the same files (`find ... -exec cat {} + > /dev/null`), on
synthetic corpora of two sizes, and reports wall time, throughput and peak RSS.

Python 3 standard library only. See Benchmarks/README.md for how to run it and read it.
It reports; it does not assert: the exit status is 0 unless the benchmark itself cannot
run (no binary, no GNU time, ...).
"""

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCRIPT_DIR = Path(__file__).resolve().parent
REPO_ROOT = SCRIPT_DIR.parent
GNU_TIME = "/usr/bin/time"

# Bump when the generator changes, so an old corpus is regenerated instead of reused.
GENERATOR_VERSION = 1
SEED = 20240501
FILES_PER_FOLDER = 1000
MARKER = ".corpus-complete.json"  # hidden: textpipe skips it, `find -name '*.txt'` too

TIME_TARGET = 2.0      # textpipe time / cat time
MEMORY_TARGET = 1.10   # textpipe peak RSS, largest corpus / smallest corpus

# --------------------------------------------------------------------------- corpus

WORDS = """
the of and to in a is that for it as was with be by on not he this are or his from at
which but have an they you were her she there been one all we their has would when
what will more if no out so said who up its about than into them can only other new
some could time these two may then do first any my now such like our over man me even
most made after also did many before must through back years where much your way well
down should because each just those people how too little state good very make world
still own see men work long get here between both life being under never day same
another know while last might us great old year off come since against go came right
used take three city river market council school report water street village season
morning evening winter summer harbour railway station garden museum library hospital
committee government minister election policy budget company workers price prices
farmers harvest weather storm bridge road traffic journey visitors festival concert
music theatre painting novel chapter letter story history archive record account
children family neighbours friends teacher doctor engineer captain mayor judge nurse
quietly suddenly slowly carefully nearly almost perhaps always often rarely already
open closed early late small large young ancient modern local national public private
bright dark cold warm heavy light short tall narrow wide quiet busy simple difficult
walked talked waited opened closed found lost built carried wrote read heard watched
agreed refused decided promised explained announced reported described remembered
north south east west across along around behind beyond during within without toward
café naïve résumé façade coöperate déjà
""".split()

NAMES = """Alice Bruno Chen Dmitri Elena Farah Gustav Hana Ivan Jonas Keiko Luis Maya Nils
Olga Pedro Quinn Rosa Samir Tomas Ulla Viktor Wen Xavier Yara Zoltan""".split()

PLACES = """Aberdeen Bergen Coimbra Dunmore Eastwick Fairhaven Glenrock Harwood Innsbruck
Jarrow Kelso Lindale Marlow Northby Oakridge Porthaven Queensferry Redcliff Stanmore
Thornbury Upfield Valemont Westport Yarrow""".split()


def sentence(rng, lo=6, hi=20):
    words = rng.choices(WORDS, k=rng.randint(lo, hi))
    if rng.random() < 0.35:
        words[rng.randrange(len(words))] = rng.choice(NAMES)
    if rng.random() < 0.25:
        words.insert(rng.randrange(len(words)), "in " + rng.choice(PLACES))
    if rng.random() < 0.15:
        words.insert(rng.randrange(len(words)), str(rng.randint(2, 1999)))
    if len(words) > 8 and rng.random() < 0.4:
        k = rng.randrange(3, len(words) - 2)
        words[k] = words[k] + ","
    text = " ".join(words)
    return text[0].upper() + text[1:] + rng.choice(".........?!")


def paragraph(rng):
    kind = rng.random()
    if kind < 0.70:  # prose
        return " ".join(sentence(rng) for _ in range(rng.randint(2, 6)))
    if kind < 0.82:  # dialogue, with quotes (JSON escaping) and typographic punctuation
        who = rng.choice(NAMES)
        return f'"{sentence(rng, 4, 12)}" said {who}. \u201c{sentence(rng, 4, 12)}\u201d \u2014 {sentence(rng)}'
    if kind < 0.92:  # a list
        return "\n".join(f"- {sentence(rng, 3, 9)}" for _ in range(rng.randint(2, 5)))
    # a short heading-like line followed by text, tab-indented
    return sentence(rng, 2, 5).rstrip(".?!").upper() + "\n\t" + sentence(rng)


def document(index):
    """Document `index`: deterministic (per-document seed), 1-3 KB, UTF-8."""
    rng = random.Random(SEED * 1_000_003 + index)
    target = rng.randint(1000, 3000)
    parts = [sentence(rng, 3, 8).rstrip(".?!")]  # a title line
    size = len(parts[0])
    while size < target:
        p = paragraph(rng)
        n = len(p.encode("utf-8")) + 2
        if size + n > 3072 and size >= 1024:
            break  # keep every document within ~1-3 KB
        parts.append(p)
        size += n
    return "\n\n".join(parts) + "\n"


def doc_path(corpus, index):
    return corpus / f"part-{index // FILES_PER_FOLDER:04d}" / f"doc-{index:07d}.txt"


def corpus_manifest(count):
    return {"generator": GENERATOR_VERSION, "seed": SEED, "documents": count,
            "files_per_folder": FILES_PER_FOLDER}


def ensure_corpus(workdir, count):
    """Generates (or reuses) a corpus of `count` documents; returns (dir, bytes)."""
    corpus = workdir / f"corpus-{count}"
    marker = corpus / MARKER
    want = corpus_manifest(count)
    if marker.is_file():
        try:
            have = json.loads(marker.read_text())
        except ValueError:
            have = {}
        if {k: have.get(k) for k in want} == want and count_txt_files(corpus) == count:
            print(f"corpus {count}: reusing {corpus} ({have['bytes'] / 1e6:.1f} MB)", flush=True)
            return corpus, have["bytes"]
    if corpus.exists():
        shutil.rmtree(corpus)
    print(f"corpus {count}: generating in {corpus} ...", end="", flush=True)
    t0 = time.monotonic()
    total = 0
    for i in range(count):
        path = doc_path(corpus, i)
        if i % FILES_PER_FOLDER == 0:
            path.parent.mkdir(parents=True, exist_ok=True)
        data = document(i).encode("utf-8")
        with open(path, "wb") as f:
            f.write(data)
        total += len(data)
    marker.write_text(json.dumps(dict(want, bytes=total)) + "\n")
    print(f" {total / 1e6:.1f} MB in {time.monotonic() - t0:.0f}s", flush=True)
    return corpus, total


def count_txt_files(corpus):
    n = 0
    for folder in os.scandir(corpus):
        if folder.is_dir():
            n += sum(1 for e in os.scandir(folder.path) if e.name.endswith(".txt"))
    return n


# --------------------------------------------------------------------------- binary

def find_or_build(explicit):
    if explicit:
        path = Path(explicit).resolve()
        if not os.access(path, os.X_OK):
            sys.exit(f"error: --textpipe {path} is not an executable file")
        return path
    scratch = REPO_ROOT / ".build-bench"
    cmd = ["swift", "build", "-c", "release", "--product", "textpipe", "--scratch-path", str(scratch)]
    print("building:", " ".join(cmd), flush=True)
    # An up-to-date build is a no-op of a few seconds, so always run it: never a stale binary.
    r = subprocess.run(cmd, cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if r.returncode != 0:
        sys.stderr.write(r.stdout)
        hint = ""
        old = scratch / "release" / "textpipe"
        if old.is_file():
            built = time.strftime("%Y-%m-%d %H:%M", time.localtime(old.stat().st_mtime))
            hint = f"; to use the binary of an earlier build, pass --textpipe {old} (built {built})"
        sys.exit("error: the release build failed (does the work tree compile?)" + hint)
    out = subprocess.run(cmd + ["--show-bin-path"], cwd=REPO_ROOT, capture_output=True, text=True)
    path = Path(out.stdout.strip()) / "textpipe"
    if out.returncode != 0 or not path.is_file():
        sys.exit(f"error: cannot find the built binary (looked for {path})")
    return path


# --------------------------------------------------------------------------- measuring

def write_pipeline(workdir, count, corpus):
    out = workdir / f"out-{count}"
    pipeline = workdir / f"bench-{count}.yaml"
    pipeline.write_text(
        "textpipe: 1\n"
        "name: bench\n"
        "input:\n"
        f"  path: {json.dumps(str(corpus))}\n"
        '  include: ["**/*.txt"]\n'
        f"output: {json.dumps(str(out))}\n"
        "stages:\n"
        "  - export: { format: jsonl, path: bench.jsonl }\n")
    return pipeline, out


def timed(cmd, log_path):
    """Runs cmd under GNU time; returns (seconds from %e, max RSS KiB from %M, perf_counter seconds)."""
    fd, time_out = tempfile.mkstemp(prefix="gnutime-", suffix=".txt")
    os.close(fd)
    try:
        with open(log_path, "ab") as log:
            t0 = time.perf_counter()
            r = subprocess.run([GNU_TIME, "-f", "%e %M", "-o", time_out] + cmd,
                               stdin=subprocess.DEVNULL, stdout=log, stderr=log)
            elapsed = time.perf_counter() - t0
        lines = Path(time_out).read_text().strip().splitlines()
    finally:
        os.unlink(time_out)
    # GNU time puts "Command exited with non-zero status N" before the format line.
    if r.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited with status {r.returncode} "
                           f"({' / '.join(lines)}); see {log_path}")
    seconds, kib = lines[-1].split()
    return float(seconds), int(kib), elapsed


def verify_jsonl(path, expected):
    """Checks one JSON object per line, one line per document, distinct ids. Returns (ok, text)."""
    if not path.is_file():
        return False, f"{path} does not exist"
    lines = 0
    bad = 0
    ids = set()
    with open(path, "rb") as f:
        for line in f:
            lines += 1
            try:
                record = json.loads(line)
                ids.add(record["id"])
                if not isinstance(record.get("text"), str) or not record["text"]:
                    bad += 1
            except (ValueError, KeyError, TypeError):
                bad += 1
    ok = lines == expected and bad == 0 and len(ids) == expected
    text = f"{lines} lines for {expected} documents, {len(ids)} distinct ids, {bad} bad records"
    return ok, text


def median(values):
    return statistics.median(values)


# --------------------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--textpipe", metavar="PATH", help="the textpipe binary (default: build a release "
                    "binary into .build-bench at the repository root)")
    ap.add_argument("--workdir", metavar="DIR", default=os.path.join(tempfile.gettempdir(), "textpipe-io-bench"),
                    help="where corpora, pipelines and outputs go (default: %(default)s); corpora are reused")
    ap.add_argument("--sizes", default="20000,200000", help="corpus sizes in documents, comma-separated "
                    "(default: %(default)s)")
    ap.add_argument("--quick", action="store_true", help="smoke run: sizes 2000,20000")
    ap.add_argument("--repetitions", "-r", type=int, default=3, help="timed runs of each command (median "
                    "reported; default: %(default)s)")
    ap.add_argument("--jobs", "-j", type=int, help="pass -j N to textpipe (default: textpipe's own, all cores)")
    args = ap.parse_args()

    if not os.access(GNU_TIME, os.X_OK):
        sys.exit(f"error: GNU time is needed at {GNU_TIME} (Debian: apt-get install time)")
    sizes = [2000, 20000] if args.quick else [int(s) for s in args.sizes.split(",") if s.strip()]
    sizes = sorted(set(sizes))
    if not sizes or min(sizes) < 1 or args.repetitions < 1:
        sys.exit("error: sizes and repetitions must be positive")
    workdir = Path(args.workdir).resolve()
    workdir.mkdir(parents=True, exist_ok=True)

    binary = find_or_build(args.textpipe)
    print(f"textpipe: {binary}")
    print(f"workdir:  {workdir}   cores: {os.cpu_count()}   repetitions: {args.repetitions}"
          + (f"   jobs: {args.jobs}" if args.jobs else "   jobs: textpipe default (all cores)"), flush=True)
    print(f"load average before: {os.getloadavg()[0]:.2f} (other work on the machine skews the figures)",
          flush=True)

    results = []
    for count in sizes:
        corpus, nbytes = ensure_corpus(workdir, count)
        pipeline, out = write_pipeline(workdir, count, corpus)
        log = workdir / f"run-{count}.log"
        log.write_text("")
        cat_cmd = ["sh", "-c", f"find '{corpus}' -type f -name '*.txt' -exec cat {{}} + > /dev/null"]
        tp_cmd = [str(binary), "run", str(pipeline), "-q"] + (["-j", str(args.jobs)] if args.jobs else [])

        subprocess.run(cat_cmd, check=True)  # warm the page cache, untimed
        runs = {"cat": [], "textpipe": []}
        for rep in range(args.repetitions):
            # Alternate which goes first, so neither always runs right after the other.
            order = [("cat", cat_cmd), ("textpipe", tp_cmd)]
            if rep % 2:
                order.reverse()
            for name, cmd in order:
                try:
                    runs[name].append(timed(cmd, log))
                except RuntimeError as e:
                    print(f"error: {e}", flush=True)
                    runs[name].append(None)
                s = runs[name][-1]
                if s:
                    print(f"  {count:>8} docs  rep {rep + 1}  {name:<8}  {s[0]:7.2f}s (%e)  {s[2]:8.3f}s "
                          f"(perf_counter)  {s[1] / 1024:7.1f} MiB", flush=True)
        ok, check = verify_jsonl(out / "bench.jsonl", count)
        try:  # what textpipe itself says it read (the last run's statistics)
            documents = json.loads((out / "bench.stats.json").read_text())["input"]["documents"]
        except (OSError, ValueError, KeyError):
            documents = None
        if documents != count:
            ok = False
            check += f"; textpipe's statistics say {documents} documents read"
        results.append((count, documents, nbytes, runs, ok, check))

    print_report(results)
    print(f"load average after: {os.getloadavg()[0]:.2f} (1-minute; this benchmark itself adds up to ~1-2)")
    return 0


def summarize(samples):
    samples = [s for s in samples if s]
    if not samples:
        return None
    return median(s[0] for s in samples), median(s[1] for s in samples) / 1024


def print_report(results):
    print()
    print("Read + JSONL export: textpipe vs cat (medians; time = GNU time %e, RSS = GNU time %M)")
    head = (f"{'size':>8} {'documents':>10} {'input MB':>9} | {'cat s':>7} {'docs/s':>9} {'MB/s':>7} {'RSS MiB':>8}"
            f" | {'textpipe s':>10} {'docs/s':>9} {'MB/s':>7} {'RSS MiB':>8}")
    print(head)
    print("-" * len(head))
    summary = []
    for count, documents, nbytes, runs, ok, check in results:
        mb = nbytes / 1e6
        cells = []
        stats = {}
        for name in ("cat", "textpipe"):
            s = summarize(runs[name])
            stats[name] = s
            w = 10 if name == "textpipe" else 7
            if s is None:
                cells.append(f"{'failed':>{w}} {'':>9} {'':>7} {'':>8}")
            else:
                secs, rss = s
                rate = (lambda x: x / secs) if secs > 0 else (lambda x: float("inf"))
                cells.append(f"{secs:>{w}.2f} {rate(count):>9,.0f} {rate(mb):>7.1f} {rss:>8.1f}")
        docs = f"{documents:,}" if documents is not None else "?"
        print(f"{count:>8,} {docs:>10} {mb:>9.1f} | " + " | ".join(cells))
        summary.append((count, stats, ok, check))

    print()
    for count, stats, ok, check in summary:
        c, t = stats["cat"], stats["textpipe"]
        if c and t and c[0] > 0:
            ratio = t[0] / c[0]
            verdict = "MET" if ratio <= TIME_TARGET else "NOT MET"
            print(f"time ratio textpipe/cat at {count:,} docs: {ratio:.2f}x   "
                  f"(target: time within {TIME_TARGET:.1f}x of cat: {verdict})")
        else:
            print(f"time ratio textpipe/cat at {count:,} docs: n/a (a run failed or was too short to time)")
    if len(summary) >= 2:
        small, large = summary[0], summary[-1]
        if small[1]["textpipe"] and large[1]["textpipe"]:
            r = large[1]["textpipe"][1] / small[1]["textpipe"][1]
            verdict = "MET" if r <= MEMORY_TARGET else "NOT MET"
            print(f"peak memory ratio textpipe {large[0]:,} / {small[0]:,} docs: {r:.2f}x "
                  f"({large[1]['textpipe'][1]:.1f} / {small[1]['textpipe'][1]:.1f} MiB)   "
                  f"(target: peak memory at the largest size no more than 10% above the smallest: {verdict})")
    else:
        print("peak memory ratio: n/a (needs two sizes)")
    print()
    for count, stats, ok, check in summary:
        print(f"output check at {count:,} docs: {'OK' if ok else 'WRONG'}: {check}")
    if not all(s[2] for s in summary):
        print("WARNING: the JSONL output is wrong, so the figures above are meaningless")


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Validate the summary evaluation fixtures in this directory.

Checks, for every NAME.txt / NAME.summary.json pair:
  - the text file is "headline, blank line, body" and the JSON parses;
  - the JSON title equals the headline;
  - the body splits unambiguously into sentences with a naive splitter
    (split after . ! or ?, optionally followed by a closing quote, then whitespace);
  - every reference sentence is exactly one of those sentences, listed once,
    in document order;
  - sentences_3 holds min(3, n) sentences and sentences_40pct holds
    max(1, round(0.4 * n)) sentences; keywords holds 5 to 8 entries.
Also prints how many articles a lead-3 baseline would get exactly right.
Usage: python3 check.py [DIR]   (DIR defaults to this folder; exit status 1 on any failure)
"""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))

def sentences(body):
    out = []
    for para in body.split('\n\n'):
        para = para.strip()
        if not para:
            continue
        # keep a closing quote with the sentence it ends
        parts = re.split(r'(?<=[.!?]["\u201d])\s+|(?<=[.!?])\s+', para)
        out.extend(p.strip() for p in parts if p.strip())
    return out

def main():
    global HERE
    if len(sys.argv) > 1:
        HERE = os.path.abspath(sys.argv[1])
    failures = 0
    names = sorted(f[:-4] for f in os.listdir(HERE) if f.endswith('.txt'))
    lead_hits = 0
    for name in names:
        errs = []
        text = open(os.path.join(HERE, name + '.txt'), encoding='utf-8').read()
        head, sep, body = text.partition('\n\n')
        if not sep or '\n' in head:
            errs.append('expected headline, blank line, body')
        try:
            ref = json.load(open(os.path.join(HERE, name + '.summary.json'), encoding='utf-8'))
        except Exception as e:  # noqa: BLE001
            print(f'{name}: JSON error: {e}'); failures += 1; continue
        sents = sentences(body)
        n = len(sents)
        if ref.get('title') != head.strip():
            errs.append('title differs from headline')
        for key, want in (('sentences_3', min(3, n)), ('sentences_40pct', max(1, round(0.4 * n)))):
            refs = ref.get(key, [])
            if len(refs) != want:
                errs.append(f'{key}: {len(refs)} sentences, expected {want}')
            idx = []
            for s in refs:
                if s not in body:
                    errs.append(f'{key}: not verbatim in body: {s[:60]!r}')
                elif s not in sents:
                    errs.append(f'{key}: not a whole sentence: {s[:60]!r}')
                else:
                    idx.append(sents.index(s))
            if idx != sorted(set(idx)):
                errs.append(f'{key}: duplicated or not in document order')
        if not 5 <= len(ref.get('keywords', [])) <= 8:
            errs.append('keywords: expected 5 to 8')
        if ref.get('sentences_3') == sents[:3]:
            lead_hits += 1
        status = 'ok' if not errs else 'FAIL'
        print(f'{name}: {n} sentences, {status}')
        for e in errs:
            print('   ', e)
        failures += bool(errs)
    print(f'{len(names)} documents, {failures} failing; '
          f'lead-3 equals sentences_3 in {lead_hits}')
    return 1 if failures else 0

if __name__ == '__main__':
    sys.exit(main())

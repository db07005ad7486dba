#!/usr/bin/env python3
"""Summary quality: ROUGE-1/2/L F1 (stemmed) of every `summarize` method against the
reference summaries in Tests/Fixtures/summaries, next to the classic implementations in
the Python library sumy, run on the very same candidate sentences in the same run.

Usage: python3 Benchmarks/summary_quality.py [--textpipe PATH] [--fixtures DIR]
Needs: pip install rouge-score sumy  (sumy's methods are skipped if it is missing)

Budgets are the fixtures' own: 3 sentences (`sentences_3`) and 40% of the sentences
rounded to the nearest (`sentences_40pct`). Candidates are the `sentences` layer of
textpipe's `segment` stage minus the title, for every method, ours and sumy's alike.
"""
import argparse, json, os, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

try:
    from rouge_score import rouge_scorer
except ImportError:
    sys.exit('summary_quality.py needs rouge-score: pip install rouge-score')

METHODS = ['combined', 'lead', 'textrank', 'lexrank', 'centroid']
BUDGETS = [('sentences_3', 'sentences: 3'), ('sentences_40pct', 'ratio: 0.4')]


def run_textpipe(textpipe, fixtures, method, budget, work):
    out = os.path.join(work, f'{method}-{budget.split(":")[0]}.jsonl')
    pipeline = os.path.join(work, 'pipeline.yaml')
    with open(pipeline, 'w') as f:
        f.write(f'''textpipe: 1
name: quality
input:
  path: {fixtures}
  include: ["*.txt"]
stages:
  - segment: {{}}
  - summarize: {{ method: {method}, {budget} }}
  - export: {{ format: jsonl, path: {out} }}
''')
    subprocess.run([textpipe, 'run', pipeline, '--output', work], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    docs = {}
    with open(out, encoding='utf-8') as f:
        for line in f:
            d = json.loads(line)
            b = d['text'].encode('utf-8')
            text = lambda s: b[s['start']:s['end']].decode('utf-8')
            summary = [text(s) for s in d['layers'].get('summary', [])]
            title = d['metadata'].get('title')
            candidates = [text(s) for s in d['layers'].get('sentences', []) if text(s) != title]
            docs[d['id'][:-4]] = (summary, candidates, title)
    return docs


def sumy_methods():
    try:
        from sumy.summarizers.text_rank import TextRankSummarizer
        from sumy.summarizers.lex_rank import LexRankSummarizer
        from sumy.summarizers.luhn import LuhnSummarizer
        from sumy.summarizers.lsa import LsaSummarizer
        from sumy.summarizers.kl import KLSummarizer
        from sumy.summarizers.edmundson import EdmundsonSummarizer
        from sumy.nlp.stemmers import Stemmer
        from sumy.utils import get_stop_words
    except ImportError:
        print('sumy is not installed: its methods are left out (pip install sumy)')
        return {}
    stemmer = Stemmer('english')
    stop = get_stop_words('english')
    made = {}
    for name, cls in [('sumy TextRank', TextRankSummarizer), ('sumy LexRank', LexRankSummarizer),
                      ('sumy Luhn', LuhnSummarizer), ('sumy LSA', LsaSummarizer), ('sumy KL', KLSummarizer)]:
        s = cls(stemmer)
        s.stop_words = stop
        made[name] = s
    return made


class WordTokenizer:
    """sumy's own tokenizer needs NLTK data that is not installed; words are letter runs."""
    language = 'english'

    def to_words(self, sentence):
        return re.findall(r"[A-Za-z0-9']+", sentence)

    def to_sentences(self, paragraph):
        return [paragraph]


def run_sumy(summarizer, candidates, count):
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    tok = WordTokenizer()
    doc = ObjectDocumentModel([Paragraph([Sentence(c, tok) for c in candidates])])
    picked = {str(s) for s in summarizer(doc, count)}
    return [c for c in candidates if c in picked]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--textpipe', default=os.path.join(ROOT, '.build/release/textpipe'))
    ap.add_argument('--fixtures', default=os.path.join(ROOT, 'Tests/Fixtures/summaries'))
    args = ap.parse_args()
    args.fixtures = os.path.abspath(args.fixtures)
    if not os.path.exists(args.textpipe):
        sys.exit(f'{args.textpipe} not found: swift build -c release --product textpipe')
    refs = {}
    for name in os.listdir(args.fixtures):
        if name.endswith('.summary.json'):
            refs[name[:-13]] = json.load(open(os.path.join(args.fixtures, name), encoding='utf-8'))
    scorer = rouge_scorer.RougeScorer(['rouge1', 'rouge2', 'rougeL'], use_stemmer=True)

    def score(pairs):
        totals = [0.0, 0.0, 0.0]
        for summary, reference in pairs:
            s = scorer.score(' '.join(reference), ' '.join(summary))
            for i, k in enumerate(['rouge1', 'rouge2', 'rougeL']):
                totals[i] += s[k].fmeasure
        return [100 * t / len(pairs) for t in totals]

    peers = sumy_methods()
    with tempfile.TemporaryDirectory() as work:
        for key, budget in BUDGETS:
            print(f'\nbudget {budget} ({len(refs)} documents; ROUGE F1, stemmed)')
            print(f'  {"method":<16} {"R1":>6} {"R2":>6} {"RL":>6}')
            rows = []
            candidates_by_doc = None
            for method in METHODS:
                docs = run_textpipe(args.textpipe, args.fixtures, method, budget, work)
                candidates_by_doc = {n: d[1] for n, d in docs.items()}
                rows.append((method, score([(docs[n][0], refs[n][key]) for n in refs])))
            for name, summarizer in peers.items():
                pairs = []
                for n in refs:
                    c = candidates_by_doc[n]
                    count = 3 if key == 'sentences_3' else max(1, int(0.4 * len(c) + 0.5))
                    pairs.append((run_sumy(summarizer, c, count), refs[n][key]))
                rows.append((name, score(pairs)))
            for name, (r1, r2, rl) in rows:
                print(f'  {name:<16} {r1:6.1f} {r2:6.1f} {rl:6.1f}')


if __name__ == '__main__':
    main()

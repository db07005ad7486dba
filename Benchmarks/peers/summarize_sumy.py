#!/usr/bin/env python3
"""Times sumy's LexRank and TextRank (3 sentences) on documents already split into
sentences, one per line of a JSONL file (a list of strings), on one core.

    python3 Benchmarks/peers/summarize_sumy.py SENTENCES.jsonl [--ours DOCS_PER_SECOND]

The stage benchmark (StageBenchmarks, `summarize` part) writes the file and runs this
script itself, passing its own figure so that the ratio is printed from one run. Words
are runs of letters, digits and apostrophes (sumy's own tokenizer needs NLTK data).
"""
import json, re, sys, time

def main():
    path = sys.argv[1]
    ours = float(sys.argv[sys.argv.index('--ours') + 1]) if '--ours' in sys.argv else None
    try:
        from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
        from sumy.nlp.stemmers import Stemmer
        from sumy.summarizers.lex_rank import LexRankSummarizer
        from sumy.summarizers.text_rank import TextRankSummarizer
        from sumy.utils import get_stop_words
    except ImportError:
        print('  sumy is not installed (pip install sumy): peers skipped')
        return

    class Words:
        language = 'english'
        def to_words(self, sentence): return re.findall(r"[A-Za-z0-9']+", sentence)
        def to_sentences(self, paragraph): return [paragraph]

    documents = [json.loads(line) for line in open(path, encoding='utf-8')]
    words = Words()
    for name, cls in [('sumy LexRank', LexRankSummarizer), ('sumy TextRank', TextRankSummarizer)]:
        summarizer = cls(Stemmer('english'))
        summarizer.stop_words = get_stop_words('english')
        start = time.perf_counter()
        for sentences in documents:
            doc = ObjectDocumentModel([Paragraph([Sentence(s, words) for s in sentences])])
            summarizer(doc, 3)
        rate = len(documents) / (time.perf_counter() - start)
        line = f'  {name:<42}{rate:9.0f} docs/s'
        if ours:
            line += f'   (summarize combined: {ours / rate:.0f}x as many)'
        print(line, flush=True)

if __name__ == '__main__':
    main()

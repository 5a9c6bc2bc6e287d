"""Does tone around an actor's mention separate human role labels? Prints AUCs (not a test).

Reads the SemEval-2025 climate entity roles (file, entity, start and end in the raw file in UTF-16
code units with the end inclusive, main role), finds each mention's sentence in the raw text
(lines, then the project's Punkt splitter), and scores three texts around it with VADER and AFINN:
the whole sentence, the mention's word window and the clause around it (analysis.clause_tone;
window and clause without the entity's name, as the package scores them, and the clause once
with the name left in).
AUC = P(score of a Protagonist mention > score of an Antagonist mention), ties counted half; 0.5
is chance. Likewise Innocent against Antagonist.

Usage: .venv/bin/python benchmarks/stance_eval.py [CORPUS_DIR] [WINDOW_WORDS ...]
"""

import sys
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.clause_tone import WINDOW_WORDS, mention_contexts
from analysis.config import shared_corpora
from analysis.roles import utf16_to_char
from analysis.segment import sentence_tokenizer
from analysis.sentiment import score_texts
from analysis.stats import auc, group_rng, percentile_interval

CORPUS = shared_corpora("semeval2025-cc")
N_BOOT = 1000  # resamples of the annotated files for the AUC intervals
PAIRS = [("Protagonist", "Antagonist"), ("Innocent", "Antagonist")]


def sentences_of(doc_id: str, text: str) -> pd.DataFrame:
    """The raw text's sentences (split at line breaks, then by Punkt) with their offsets."""
    rows, pos = [], 0
    for line in text.splitlines(keepends=True):
        for s, e in sentence_tokenizer().span_tokenize(line):
            rows.append((f"{doc_id}-{len(rows)}", pos + s, pos + e, line[s:e]))
        pos += len(line)
    return pd.DataFrame(rows, columns=["sentence_id", "start", "end", "text"])


def load_mentions(folder: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Annotated mentions placed in their raw sentences (sentence-local offsets), and sentences."""
    roles = pd.read_csv(folder / "entity-roles.tsv", sep="\t", header=None, usecols=range(5),
                        names=["file", "entity", "start", "end", "role"], quoting=3)
    all_sentences, rows, missed = [], [], 0
    for file, group in roles.groupby("file", sort=False):
        text = (folder / "docs" / file).read_bytes().decode("utf-8")  # raw: offsets count "\r"
        sentences = sentences_of(file, text)
        all_sentences.append(sentences)
        for entity, start16, end16, role in group[["entity", "start", "end", "role"]].itertuples(index=False):
            start, end = utf16_to_char(text, start16), utf16_to_char(text, end16) + 1
            k = int(np.searchsorted(sentences["start"], start, side="right")) - 1
            row = sentences.iloc[k]
            if text[start:end] != entity or end > row["end"]:
                missed += 1
                continue
            rows.append((file, entity, role, row["sentence_id"], start - row["start"],
                         end - row["start"], row["text"]))
    print(f"{len(roles)} annotated mentions; {missed} not placed (text differs or crosses a sentence)")
    mentions = pd.DataFrame(rows, columns=["file", "entity", "role", "sentence_id", "start", "end",
                                           "sentence_text"])
    return mentions, pd.concat(all_sentences, ignore_index=True)


def auc_interval(scores: np.ndarray, roles: np.ndarray, files: np.ndarray, pair: tuple[str, str],
                 key: str) -> tuple[float, float]:
    """95% interval of the AUC over resamples of whole files (mentions of one article hang together)."""
    names, codes = np.unique(files, return_inverse=True)
    rows = [np.flatnonzero(codes == i) for i in range(len(names))]
    rng, draws = group_rng(0, key), []
    for _ in range(N_BOOT):
        picked = np.concatenate([rows[i] for i in rng.integers(0, len(names), len(names))])
        draws.append(auc(scores[picked][roles[picked] == pair[0]], scores[picked][roles[picked] == pair[1]]))
    return percentile_interval(np.array(draws))


def score(texts: pd.Series) -> pd.DataFrame:
    """VADER compound and AFINN sum of each text (index kept)."""
    unique = pd.Series(texts.unique(), dtype="string")
    scores, _ = score_texts(unique)
    scores.index = unique.to_numpy()
    return scores.loc[texts.to_numpy(), ["vader_compound", "afinn_score"]].set_axis(texts.index)


def main(folder: Path, windows: list[int]) -> None:
    mentions, sentences = load_mentions(folder)
    print("mentions by role:", mentions["role"].value_counts().to_dict())
    texts = {"sentence": mentions["sentence_text"]}
    for n in windows:
        contexts = mention_contexts(sentences, mentions, n=n)
        texts[f"window +-{n} words"] = contexts["window_scored_text"]
    texts["clause"] = contexts["clause_scored_text"]
    texts["clause, name scored"] = contexts["clause_text"]
    words = {k: v.str.count(r"\w+").median() for k, v in texts.items()}
    whole = (contexts["clause_text"].str.strip() == mentions["sentence_text"].str.strip()).mean()
    print(f"the clause is the whole sentence for {whole:.1%} of the mentions")
    roles, files = mentions["role"].to_numpy(), mentions["file"].to_numpy()
    print(f"AUC with a 95% interval over {N_BOOT} resamples of the {len(set(files))} files\n")
    print(f"{'text scored':<21} {'lexicon':<6} {'words':>5} "
          + " ".join(f"{f'{a[:4]}>{b[:4]} AUC [95%]':>24} {'n':>7}" for a, b in PAIRS))
    for name, text in texts.items():
        scored = score(text)
        for lexicon, column in (("VADER", "vader_compound"), ("AFINN", "afinn_score")):
            cells, values = [], scored[column].to_numpy()
            for pair in PAIRS:
                value = auc(values[roles == pair[0]], values[roles == pair[1]])
                low, high = auc_interval(values, roles, files, pair, f"{name} {lexicon} {pair}")
                n = f"{(roles == pair[0]).sum()}/{(roles == pair[1]).sum()}"
                cells.append(f"{f'{value:.3f} [{low:.2f}, {high:.2f}]':>24} {n:>7}")
            print(f"{name:<21} {lexicon:<6} {words[name]:>5.0f} " + " ".join(cells))


if __name__ == "__main__":
    args = sys.argv[1:]
    corpus = Path(args.pop(0)) if args and not args[0].isdigit() else CORPUS
    main(corpus.resolve(), [int(a) for a in args] or [WINDOW_WORDS])

"""Scale benchmark (issue 15): a naive pipeline against the project's stages on N generated articles.

The corpus recombines real paragraphs of the BBC corpus (../shared/corpora/bbc-2095/news) into
N articles of 400-800 words in 8 outlet subfolders (fixed seed; each outlet draws most of its
paragraphs from one BBC category, so the outlets differ). Prints a table of seconds per part.

Naive pipeline: every file read with pandas, sentences split by nltk's Punkt (untrained: the
Punkt model data is not available offline, and the project ships none), vaderSentiment per
sentence in DataFrame.apply, TfidfVectorizer for each group's distinctive terms, and keyness
(G2 and Log Ratio, each group against the rest and against every other group) in a Python loop.

Usage (from the worktree root, PYTHONPATH=$PWD ANALYSIS_WORKERS=1 ANALYSIS_STORE=off):
    python benchmarks/scale.py N [--cli] [--keep DIR]
--cli also runs `python -m analysis tables`, `figures` and `report` as subprocesses into a temp
--out (store under it), with their peak RSS and seconds per stage, then `figures` again with the
store current.
"""

import argparse
import contextlib
import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.config import shared_corpora

BBC = shared_corpora("bbc-2095") / "news"
OUTLETS = 8
SEED = 15
HOME_SHARE = 0.6  # share of an outlet's paragraphs drawn from its own BBC category


def bbc_paragraphs() -> dict[str, list[str]]:
    """The body paragraphs of the BBC articles (title line dropped), by category."""
    found = {}
    for category in sorted(p for p in BBC.iterdir() if p.is_dir()):
        paragraphs = []
        for path in sorted(category.glob("*.txt")):
            text = path.read_text(encoding="utf-8", errors="replace")
            blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
            paragraphs += [b.replace("\n", " ") for b in blocks[1:] if len(b.split()) >= 8]
        found[category.name] = paragraphs
    return found


def generate(n: int, folder: Path, seed: int = SEED) -> int:
    """Write n articles (title + 400-800 words of real paragraphs) into 8 outlet subfolders;
    return the number of words written."""
    rng = random.Random(seed)
    pools = bbc_paragraphs()
    categories = sorted(pools)
    words_total = 0
    for o in range(OUTLETS):
        (folder / f"outlet-{o}").mkdir(parents=True, exist_ok=True)
    for i in range(n):
        outlet = i % OUTLETS
        home = categories[outlet % len(categories)]
        target, body, words = rng.randint(400, 800), [], 0
        while words < target:
            pool = pools[home] if rng.random() < HOME_SHARE else pools[rng.choice(categories)]
            paragraph = rng.choice(pool)
            body.append(paragraph)
            words += len(paragraph.split())
        title = " ".join(body[0].split()[:8]).rstrip(".,;:") + f" ({i})"
        text = title + "\n\n" + "\n\n".join(body) + "\n"
        (folder / f"outlet-{outlet}" / f"a{i:06d}.txt").write_text(text, encoding="utf-8")
        words_total += words
    return words_total


# --- the naive pipeline --------------------------------------------------------------------

def naive_read(folder: Path) -> pd.DataFrame:
    """Every file read with pandas (one row a non-blank line), joined into documents."""
    rows = []
    for path in sorted(folder.rglob("*.txt")):
        lines = pd.read_csv(path, sep="\x01", header=None, names=["line"], quoting=3,
                            dtype=str, skip_blank_lines=True, encoding="utf-8")["line"]
        rows.append((path.stem, path.parent.name, lines.iloc[0], "\n\n".join(lines.iloc[1:])))
    return pd.DataFrame(rows, columns=["doc_id", "outlet", "title", "text"])


def naive_split(docs: pd.DataFrame) -> pd.DataFrame:
    """Sentences by nltk's Punkt (untrained), paragraph by paragraph."""
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    tokenizer = PunktSentenceTokenizer()
    rows = [(doc_id, outlet, s) for doc_id, outlet, text in docs[["doc_id", "outlet", "text"]]
            .itertuples(index=False) for p in text.split("\n\n") for s in tokenizer.tokenize(p)]
    return pd.DataFrame(rows, columns=["doc_id", "outlet", "text"])


def naive_tone(sentences: pd.DataFrame) -> pd.Series:
    """vaderSentiment's compound per sentence in DataFrame.apply."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    return sentences.apply(lambda row: analyzer.polarity_scores(row["text"])["compound"], axis=1)


def naive_distinctive(docs: pd.DataFrame, top: int = 20) -> dict[str, list[str]]:
    """Each group's top terms by mean TF-IDF (a TfidfVectorizer fitted on the documents)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(stop_words="english", min_df=2)
    matrix = vectorizer.fit_transform(docs["text"])
    terms = vectorizer.get_feature_names_out()
    result = {}
    for outlet in sorted(docs["outlet"].unique()):
        mean = np.asarray(matrix[(docs["outlet"] == outlet).to_numpy()].mean(axis=0)).ravel()
        result[outlet] = list(terms[np.argsort(-mean)[:top]])
    return result


def _g2_lr(a: int, b: int, n1: int, n2: int) -> tuple[float, float]:
    """G2 and Log Ratio of one term, in plain Python."""
    e1 = n1 * (a + b) / (n1 + n2)
    e2 = n2 * (a + b) / (n1 + n2)
    g2 = 2 * ((a * math.log(a / e1) if a else 0) + (b * math.log(b / e2) if b else 0))
    lr = math.log2(((a or 0.5) / n1) / ((b or 0.5) / n2))
    return g2, lr


def naive_keyness(docs: pd.DataFrame) -> int:
    """G2 and Log Ratio in a Python loop: each group against the rest and every other group."""
    counts = {}
    for outlet, texts in docs.groupby("outlet")["text"]:
        counter = Counter()
        for text in texts:
            counter.update(w for w in text.lower().split() if w.isalpha())
        counts[outlet] = counter
    total = sum(counts.values(), Counter())
    n_rows = 0
    for target, mine in counts.items():
        n1 = sum(mine.values())
        references = {"REST": total - mine, **{o: c for o, c in counts.items() if o != target}}
        for ref in references.values():
            n2 = sum(ref.values())
            for term in set(mine) | set(ref):
                _g2_lr(mine.get(term, 0), ref.get(term, 0), n1, n2)
                n_rows += 1
    return n_rows


# --- the project's stages ------------------------------------------------------------------

def project_stages(folder: Path, timings: dict) -> object:
    """The project's read+clean+split, tone, distinctive terms and keyness, each timed."""
    from analysis import load_corpus
    from analysis.keyness import compute_keyness
    from analysis.sentiment import score_texts
    from analysis.terms import compute_distinctive_terms

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = timed(timings, "read+split", lambda: load_corpus(folder))
    texts = pd.Series(corpus.sentences["text"].unique(), dtype="string")
    scores, _ = timed(timings, "tone", lambda: score_texts(texts))
    timed(timings, "distinctive", lambda: compute_distinctive_terms(corpus))
    timed(timings, "keyness", lambda: compute_keyness(corpus))
    return corpus, texts, scores


def same_tone(texts: pd.Series, scores: pd.DataFrame, sample: int = 2000) -> bool:
    """Whether the project's VADER compound equals the reference's on a sample of sentences."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    picks = np.random.default_rng(SEED).choice(len(texts), min(sample, len(texts)), replace=False)
    return all(analyzer.polarity_scores(texts.iloc[i])["compound"]
               == scores["vader_compound"].iloc[i] for i in picks)


def cpu_seconds() -> float:
    """CPU seconds of this process and its live child processes (the worker pool's)."""
    total = time.process_time()
    try:
        import psutil
    except ImportError:
        return total
    for child in psutil.Process().children(recursive=True):
        with contextlib.suppress(psutil.Error):
            times = child.cpu_times()
            total += times.user + times.system
    return total


def timed(timings: dict, name: str, fn):
    """fn(), its wall time added to timings[name] and its CPU time (workers' included) to
    timings[name + ' cpu']."""
    start, cpu = time.perf_counter(), cpu_seconds()
    value = fn()
    timings[name] = timings.get(name, 0.0) + time.perf_counter() - start
    timings[f"{name} cpu"] = timings.get(f"{name} cpu", 0.0) + cpu_seconds() - cpu
    return value


# Runs a command and prints its wall seconds, CPU seconds, peak RSS (KB) and exit status. A
# child started from this process would start with this process's peak RSS as its own (Linux
# keeps the larger of the two when the child execs; the naive pipeline's data makes that several
# GB), so the commands run as children of this small launcher, whose own peak is a few MB.
_LAUNCHER = """
import json, os, subprocess, sys, time
start = time.perf_counter()
with open(sys.argv[1], "ab") as err:
    child = subprocess.Popen(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=err)
    _, status, usage = os.wait4(child.pid, 0)
print(json.dumps([time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss,
                  os.waitstatus_to_exitcode(status)]))
"""


def run_cli(command: str, folder: Path, out: Path) -> tuple[float, float, float, int]:
    """Run `python -m analysis COMMAND` (one store for all commands: OUT/store) from a small
    launcher process (_LAUNCHER); its wall and CPU seconds (its own and its waited-for
    children's), peak RSS in MB (its own or a child's, whichever is larger) and exit status."""
    env = {**os.environ, "ANALYSIS_STORE": str(out / "store")}
    log = out / f"{command}.stderr"
    result = subprocess.run(
        [sys.executable, "-c", _LAUNCHER, str(log), sys.executable, "-m", "analysis", command,
         "--corpus", str(folder), "--out", str(out / command)],
        env=env, capture_output=True, text=True, check=False)
    try:
        seconds, cpu, peak_kb, code = json.loads(result.stdout)
    except ValueError:
        print(f"# launching {command} failed: {result.stderr[-500:]}", file=sys.stderr)
        return math.nan, math.nan, math.nan, 1
    if code:
        print(f"# {command} failed ({code}): {log.read_text()[-500:]}", file=sys.stderr)
    return seconds, cpu, peak_kb / 1024, code


def stage_times(log: Path) -> str:
    """The last 'time:' line (seconds per stage) a command wrote to its stderr log."""
    lines = [line for line in log.read_text(errors="replace").splitlines()
             if line.startswith("time:")]
    return lines[-1] if lines else "no time: line"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--cli", action="store_true", help="also time the command line")
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="scale-"))
    try:
        start = time.perf_counter()
        if not any(folder.rglob("*.txt")):
            words = generate(args.n, folder)
            print(f"# generated {args.n} articles, {words} words in "
                  f"{time.perf_counter() - start:.1f} s")
        naive, ours = {}, {}
        docs = timed(naive, "read", lambda: naive_read(folder))
        sentences = timed(naive, "split", lambda: naive_split(docs))
        timed(naive, "tone", lambda: naive_tone(sentences))
        timed(naive, "distinctive", lambda: naive_distinctive(docs))
        timed(naive, "keyness", lambda: naive_keyness(docs))
        corpus, texts, scores = project_stages(folder, ours)
        from analysis.parallel import workers

        print(f"# project stages on {workers()} worker process(es) ($ANALYSIS_WORKERS); the "
              "naive pipeline in this one")
        print(f"# {len(docs)} articles; naive {len(sentences)} sentences, project "
              f"{len(corpus.sentences)} sentences ({texts.size} distinct texts scored); project "
              f"tone equals reference VADER on a sample of 2000: {same_tone(texts, scores)}")
        naive["read+split"] = naive["read"] + naive["split"]
        naive["read+split cpu"] = naive["read cpu"] + naive["split cpu"]
        parts = ("read+split", "tone", "distinctive", "keyness")
        for table in (naive, ours):
            table["total"] = sum(table[p] for p in parts)
            table["total cpu"] = sum(table[f"{p} cpu"] for p in parts)
        print(f"{'part':<13}{'naive s':>9}{'project s':>11}{'naive cpu':>11}{'project cpu':>13}")
        for part in ("read", "split"):
            print(f"{part:<13}{naive[part]:>9.1f}{'':>11}{naive[part + ' cpu']:>11.1f}")
        for part in (*parts, "total"):
            print(f"{part:<13}{naive[part]:>9.1f}{ours[part]:>11.1f}{naive[part + ' cpu']:>11.1f}"
                  f"{ours[part + ' cpu']:>13.1f}")
        print(f"naive/project: wall {naive['total'] / ours['total']:.2f}, CPU "
              f"{naive['total cpu'] / ours['total cpu']:.2f} (target >= 3)")
        naive_total = naive["total"]
        corpus = texts = scores = docs = sentences = None  # free: the commands below need the memory
        if args.cli:
            out = Path(tempfile.mkdtemp(prefix="scale-out-"))
            try:
                cli_total = cli_cpu = 0.0
                print(f"{'command':<24}{'s':>8}{'cpu s':>8}{'peak RSS MB':>13}")
                for command, label in (("tables", "tables"), ("figures", "figures"),
                                       ("report", "report"),
                                       ("figures", "figures (store current)")):
                    seconds, cpu, peak, code = run_cli(command, folder, out)
                    if label == command:
                        cli_total, cli_cpu = cli_total + seconds, cli_cpu + cpu
                    print(f"{label:<24}{seconds:>8.1f}{cpu:>8.1f}{peak:>13.0f}"
                          + ("" if code == 0 else f"  exit {code}"), flush=True)
                    print(f"#   {stage_times(out / f'{command}.stderr')}", flush=True)
                print(f"{'tables+figures+report':<24}{cli_total:>8.1f}{cli_cpu:>8.1f}   x naive: "
                      f"wall {cli_total / naive_total:.2f}, CPU {cli_cpu / naive['total cpu']:.2f}"
                      " (target <= 3)")
            finally:
                shutil.rmtree(out, ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()

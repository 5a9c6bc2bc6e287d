"""Measure cleaning on real corpora: boilerplate removed and article lines kept.

Usage: .venv/bin/python benchmarks/cleaning_eval.py [--polnear] [--dev] [--speed]
- scraped: 30 hand-labelled articles of semeval2025-cc (benchmarks/labels/scraped_lines.tsv, the
  development sample the rules were written on), a second development sample of 25
  (scraped_dev2_lines.tsv, labelled blind before its first score) and 15 held-out ones
  (heldout_lines.tsv, labelled before the rules were changed for them), cleaned as part of the
  whole 176-article folder without metadata, as a new user would bring it;
- BBC: 2,095 clean articles, where every line but the title should be kept.

With --polnear it also scores PolNeAR's 924 US news articles (train and dev, 7 publishers) on seven
development samples, which rules may be written from: the first hand-labelled half of 63 articles
(benchmarks/labels/polnear_dev_lines.tsv, 35 articles), four samples of 21
(polnear_dev2_lines.tsv to polnear_dev5_lines.tsv, labelled after the held-out half's figures
showed the rules fitting the first half), the other half (polnear_heldout_lines.tsv, 28
articles), held out until its first score of 36/51 boilerplate lines removed and 540/542 article
lines kept on 2026-12-05, after which rules were written from its errors, and the second held-out
sample (polnear_heldout2_lines.tsv, 21 articles, 3 per publisher, chosen like the development
samples of 21), labelled blind while the rules of the sixth sample were written and held out until
its first score of 24 of 36 boilerplate lines removed (66.7%) and 380 of 380 article lines kept on
2026-12-05, after which rules were written from its errors. Held-out samples are listed in
POLNEAR_HELDOUT: only their figures are printed, never their lines. The third held-out sample
(polnear_heldout3_lines.tsv, 21 articles chosen the same way) was labelled blind while the rules
of the seventh sample were written and is only ever scored; its first score (2026-12-05): 43 of
43 boilerplate lines removed, 333 of 333 article lines kept.
It also lists what the rules remove from all of them as a check for false removals on other news
writing. Only rules that fire on few lines are listed line by line.

With --dev the held-out samples are skipped entirely (not loaded, scored or listed): the mode to
develop rules in, so held-out figures are measured only once, at the end.

With --speed it also times the structural detector (analysis/context.py) against the whole line
classification on the BBC articles (best of three runs each).
"""

import sys
import time
import warnings
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the worktree's package, not an installed copy

from analysis.cleaning import clean_lines, split_lines  # noqa: E402
from analysis.context import mark_context  # noqa: E402
from analysis.corpus import load_corpus  # noqa: E402

# ../shared/corpora from the main checkout; from a worktree (/work/wt/<name>) one level further up.
CORPORA = next((p / "shared" / "corpora" for p in ROOT.parents if (p / "shared" / "corpora").is_dir()),
               ROOT.parent / "shared" / "corpora")
BBC = CORPORA / "bbc-2095" / "news"
SCRAPED = CORPORA / "semeval2025-cc" / "docs"
POLNEAR = [CORPORA / "polnear" / split / "text" for split in ("train", "dev")]
# Reasons removing more lines than this on PolNeAR are only counted, not listed.
LIST_AT_MOST = 30
LABEL_DIR = ROOT / "benchmarks" / "labels"
LABELS = LABEL_DIR / "scraped_lines.tsv"
LABELS_DEV2 = LABEL_DIR / "scraped_dev2_lines.tsv"
HELDOUT = LABEL_DIR / "heldout_lines.tsv"
# PolNeAR development samples (rules may be written from their leftovers), as (name, file).
POLNEAR_DEVS = [
    ("development", LABEL_DIR / "polnear_dev_lines.tsv"),
    ("second development sample", LABEL_DIR / "polnear_dev2_lines.tsv"),
    ("third development sample", LABEL_DIR / "polnear_dev3_lines.tsv"),
    ("fourth development sample", LABEL_DIR / "polnear_dev4_lines.tsv"),
    ("fifth development sample", LABEL_DIR / "polnear_dev5_lines.tsv"),
    # Held out until its first score (36/51, 540/542 on 2026-12-05); a development sample since.
    ("sixth development sample (the former held-out half)", LABEL_DIR / "polnear_heldout_lines.tsv"),
    # Labelled blind and held out until its first score (24/36, 380/380 on 2026-12-05); a development
    # sample since.
    ("seventh development sample (the former second held-out sample)",
     LABEL_DIR / "polnear_heldout2_lines.tsv"),
]
# PolNeAR held-out samples, as (name, file): scored only without --dev, their lines never listed.
POLNEAR_HELDOUT: list[tuple[str, Path]] = [
    ("third held-out sample (labelled blind, only ever scored)", LABEL_DIR / "polnear_heldout3_lines.tsv"),
]
TITLE = "title (kept as the document title)"


def load(folder: Path):
    """Load a corpus quietly (unknown outlets and metadata warnings are expected here)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(folder)


def bbc_losses(folder: Path = BBC) -> pd.DataFrame:
    """Every line or span removed from the clean BBC articles except the title lines."""
    removed = load(folder).removed
    return removed[removed["reason"] != TITLE].reset_index(drop=True)


def report_bbc(folder: Path = BBC) -> None:
    """Print how many BBC lines were removed, by reason, and list them.

    A columnist's closing bio ("X is a regular commentator on ...") is boilerplate by the labelling
    conventions of the scraped samples; it is counted apart from the article lines lost.
    """
    corpus = load(folder)
    removed = corpus.removed
    lost = removed[removed["reason"] != TITLE]
    bio = lost["reason"].str.startswith("author bio")
    print(f"BBC: {len(corpus.documents)} documents, {len(removed)} removals, "
          f"{int((removed['reason'] == TITLE).sum())} titles, {int((~bio).sum())} article lines or "
          f"spans lost, {int(bio.sum())} closing author bios removed")
    for reason, n in lost["reason"].value_counts().items():
        print(f"  {n:5d}  {reason}")
    for row in lost.itertuples(index=False):
        print(f"  - {row.doc_id}:{row.line} [{row.reason}] {row.text[:100]!r}")


def line_scores(folder: Path = SCRAPED, labels: Path = LABELS, removed=None) -> pd.DataFrame:
    """Each labelled line with its label and whether cleaning removed it (and why)."""
    truth = pd.read_csv(labels, sep="\t", comment="#")
    truth["doc_id"] = truth["file"].str.removesuffix(".txt")
    removed = load(folder).removed if removed is None else removed
    lines = removed[removed["kind"] == "line"].set_index(["doc_id", "line"])["reason"]
    truth["reason"] = [lines.get((d, n)) for d, n in zip(truth["doc_id"], truth["line"], strict=True)]
    truth["removed"] = truth["reason"].notna()
    return truth


def _print_scores(name: str, part: pd.DataFrame, corpus: str = "scraped") -> None:
    """One line of figures: boilerplate lines removed, article lines kept."""
    bp, art = part[part["label"] == "boilerplate"], part[part["label"] == "article"]
    print(f"{corpus} ({name}): {bp['removed'].sum()} of {len(bp)} boilerplate lines removed "
          f"({bp['removed'].mean():.1%}); {(~art['removed']).sum()} of {len(art)} article lines "
          f"kept ({(~art['removed']).mean():.1%})")


def report_scraped(folder: Path = SCRAPED, heldout_too: bool = True) -> None:
    """Print boilerplate recall and article-line retention on the labelled samples."""
    removed = load(folder).removed
    dev = line_scores(folder, LABELS, removed)
    samples = [("development", dev)]
    _print_scores(f"development, {dev['file'].nunique()} articles", dev)
    _print_scores("development without the unmarked comment thread",
                  dev[dev["file"] != "EN_CC_200221.txt"])
    dev2 = line_scores(folder, LABELS_DEV2, removed)
    samples.append(("second development", dev2))
    _print_scores(f"second development sample, {dev2['file'].nunique()} articles", dev2)
    if heldout_too:
        heldout = line_scores(folder, HELDOUT, removed)
        samples.append(("held-out", heldout))
        _print_scores(f"held-out, {heldout['file'].nunique()} articles", heldout)
        _print_scores("both samples", pd.concat([dev, heldout]))
    for name, scores in samples:
        for row in scores[(scores["label"] == "article") & scores["removed"]].itertuples():
            print(f"  {name}: article line removed: {row.file}:{row.line} [{row.reason}]")
        left = scores[(scores["label"] == "boilerplate") & ~scores["removed"]]
        print(f"  {name}: boilerplate left: {len(left)} lines in {left['file'].nunique()} files")
        for row in left.itertuples():
            print(f"    {row.file}:{row.line}")


def report_polnear(folders: list[Path] = POLNEAR, heldout_too: bool = True) -> None:
    """Print every labelled sample's figures, the development samples' errors, and removals by rule.

    The removal listing leaves out the held-out samples' files when heldout_too is False.
    """
    removed = pd.concat([load(folder).removed for folder in folders], ignore_index=True)
    devs = []
    for name, labels in POLNEAR_DEVS:
        scores = line_scores(removed=removed, labels=labels)
        _print_scores(f"{name}, {scores['file'].nunique()} articles", scores, "PolNeAR")
        devs.append(scores.assign(sample=name))
    dev = pd.concat(devs, ignore_index=True)
    for name, labels in POLNEAR_HELDOUT:
        if heldout_too:
            heldout = line_scores(removed=removed, labels=labels)
            _print_scores(f"{name}, {heldout['file'].nunique()} articles", heldout, "PolNeAR")
        else:
            held = pd.read_csv(labels, sep="\t", comment="#", usecols=["file"])["file"]
            removed = removed[~removed["doc_id"].isin(held.str.removesuffix(".txt"))]
    for row in dev[(dev["label"] == "article") & dev["removed"]].itertuples():
        print(f"  {row.sample}: article line removed: {row.file}:{row.line} [{row.reason}]")
    left = dev[(dev["label"] == "boilerplate") & ~dev["removed"]]
    print(f"  development samples: boilerplate left: {len(left)} lines in {left['file'].nunique()} files")
    for row in left.itertuples():
        print(f"    {row.sample}: {row.file}:{row.line}")
    removed = removed[removed["reason"] != TITLE]
    rule = removed["reason"].str.replace(r" \(.*\)$", "", regex=True)
    counts = rule.value_counts()
    print(f"PolNeAR: {len(removed)} lines or spans removed besides titles")
    for reason, n in counts.items():
        print(f"  {n:5d}  {reason}")
    for row in removed[rule.map(counts) <= LIST_AT_MOST].itertuples(index=False):
        print(f"  - {row.doc_id[:60]}:{row.line} [{row.reason}] {row.text[:90]!r}")


def _best_of_three(run) -> float:
    """The shortest wall time of three runs, in seconds."""
    times = []
    for _ in range(3):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def report_context_speed(folder: Path = BBC) -> None:
    """Print the detector's time and the whole line classification's time on the BBC articles."""
    files = sorted(folder.rglob("*.txt"))
    ids = [f"{f.parent.name}_{f.stem}" for f in files]
    docs = pd.DataFrame({"doc_id": ids, "raw_text": [f.read_text(encoding="utf-8") for f in files]})
    lines = split_lines(docs)
    detector = _best_of_three(lambda: mark_context(lines.copy()))
    whole = _best_of_three(lambda: clean_lines(docs, pd.Series(pd.NA, index=ids),
                                               pd.Series("BBC", index=ids)))
    print(f"speed: context detector {detector:.2f} s, clean_lines {whole:.2f} s on {len(docs)} BBC "
          f"articles ({len(lines)} lines)")


if __name__ == "__main__":
    heldout_too = "--dev" not in sys.argv[1:]
    report_scraped(heldout_too=heldout_too)
    report_bbc()
    if "--polnear" in sys.argv[1:]:
        report_polnear(heldout_too=heldout_too)
    if "--speed" in sys.argv[1:]:
        report_context_speed()

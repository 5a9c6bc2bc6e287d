"""Keyness of each outlet against the rest and against each other outlet, over- and under-use.

One model decides and ranks: the exact conditional test of two rates. Given the a + b times a term
occurs in target and reference, a is binomial with the target's share of the words under the null
(Fisher's exact test on the 2 x 2 table in its large-population form: the two differ by the share
of all words the term takes, (a + b) / N, negligible for a word). `p` is its two-sided p-value
(twice the smaller tail: exact at any count, where G2's chi-square breaks down at expected counts
near 1), `p_adjusted` Benjamini-Hochberg within each comparison. LRC is the end nearest zero of the
exact (Clopper-Pearson) interval of the same binomial, at the level corrected for the comparisons
made: 1 - ALPHA x R / m for the m terms tested and the R that pass Benjamini-Hochberg (the
false-coverage-rate intervals of Benjamini & Yekutieli 2005, the interval form of the
Benjamini-Hochberg test; with no discovery, Bonferroni's 1 - ALPHA / m as in Hardie 2014).
So LRC is non-zero exactly for the terms with p_adjusted < ALPHA (`key`), and terms are ranked by
|LRC|, then p. `direction` says whether the outlet over-uses or under-uses the term; docs_target
and docs_reference say in how many articles it occurs (dispersion: a term of one article is that
article's subject). z (Monroe et al.'s log-odds with a prior) and G2 are kept as descriptions.
Against each other outlet the table keeps only the key terms (compute_keyness).
"""

import numpy as np
import pandas as pd
from scipy import special, stats

from analysis.corpus import Corpus, per_corpus
from analysis.vocabulary import is_unigram, sentence_outlets, sentence_term_counts, sum_rows

NOTEBOOK = "02-terms-and-topics"
REST = "rest"
# A term is tested only if it occurs at least this often in the target and reference together.
MIN_FREQ = 3
ALPHA = 0.05  # false discovery rate for p_adjusted, and the error rate the LRC level is corrected from
HANDFUL = 5  # a key term seen fewer times than this in its outlet rests on a handful of occurrences
TOP_TERMS = 8
OVER, UNDER = "over", "under"  # values of `direction`: more or less frequent in the outlet

COLUMNS = ["term", "outlet", "reference", "count_target", "count_reference", "n_target",
           "n_reference", "z", "log_ratio", "lrc", "g2", "p", "p_adjusted", "direction", "key",
           "lrc_level", "docs_target", "docs_reference", "n_docs_target", "n_docs_reference"]


def log_odds_z(a, b, n_target, n_reference, prior, prior_total) -> np.ndarray:
    """Monroe et al. (2008): z-score of the log-odds ratio with an informative Dirichlet prior.

    `prior` holds the prior counts of these terms, `prior_total` the prior counts of all words.
    """
    a, b, prior = (np.asarray(x, dtype=float) for x in (a, b, prior))
    delta = (np.log((a + prior) / (n_target + prior_total - a - prior))
             - np.log((b + prior) / (n_reference + prior_total - b - prior)))
    return delta / np.sqrt(1 / (a + prior) + 1 / (b + prior))


def log_ratio(a, b, n_target, n_reference) -> np.ndarray:
    """Hardie's (2014) Log Ratio: log2 of the ratio of relative frequencies, a zero count as 0.5."""
    a, b = (np.where(np.asarray(x) == 0, 0.5, x).astype(float) for x in (a, b))
    return np.log2((a / n_target) / (b / n_reference))


def log_ratio_conservative(a, b, n_target, n_reference, alpha: float = ALPHA, p=None) -> np.ndarray:
    """LRC: the end of the exact (Clopper-Pearson) 1 - alpha interval of the Log Ratio nearest
    zero, or 0; computed only where it can be non-zero (exact p < alpha; `p` if given)."""
    a, b = np.atleast_1d(np.asarray(a, dtype=float)), np.atleast_1d(np.asarray(b, dtype=float))
    out = np.zeros(len(a))
    rows = np.flatnonzero((exact_p(a, b, n_target, n_reference) if p is None else p) < alpha)
    a, b = a[rows], b[rows]
    with np.errstate(divide="ignore"):
        share_low = np.where(a > 0, stats.beta.ppf(alpha / 2, a, b + 1), 0.0)
        share_high = np.where(b > 0, stats.beta.ppf(1 - alpha / 2, a + 1, b), 1.0)
        scale = np.log2(n_reference / n_target)
        low = np.log2(share_low) - np.log2(1 - share_low) + scale
        high = np.log2(share_high) - np.log2(1 - share_high) + scale
    out[rows] = np.where(low > 0, low, np.where(high < 0, high, 0.0))
    return out


def exact_p(a, b, n_target, n_reference) -> np.ndarray:
    """Two-sided exact conditional p: twice the smaller binomial tail of a of the a + b occurrences
    at the target's share of the words (capped at 1).

    Only the tail on the observed side is computed: the other one is at least 1/2 (a binomial's
    median lies between floor and ceil of its mean), so the capped p is the same.
    """
    a, b = np.atleast_1d(np.asarray(a, dtype=float)), np.atleast_1d(np.asarray(b, dtype=float))
    share = n_target / (n_target + n_reference)
    upper = a >= (a + b) * share
    tail = np.empty(len(a))
    tail[upper] = stats.binom.sf(a[upper] - 1, (a + b)[upper], share)
    tail[~upper] = stats.binom.cdf(a[~upper], (a + b)[~upper], share)
    return np.minimum(1.0, 2 * tail)


def log_likelihood_g2(a, b, n_target, n_reference) -> np.ndarray:
    """Dunning's log-likelihood G2 on the 2 x 2 table (term, other words) x (target, reference)."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    total = n_target + n_reference
    observed = [a, b, n_target - a, n_reference - b]
    expected = [(a + b) * n_target / total, (a + b) * n_reference / total,
                (total - a - b) * n_target / total, (total - a - b) * n_reference / total]
    return 2 * sum(special.xlogy(o, o) - special.xlogy(o, e) for o, e in zip(observed, expected,
                                                                            strict=True))


def corrected_level(p_adjusted: np.ndarray, alpha: float = ALPHA) -> float:
    """The error rate of the LRC interval: alpha x R / m for R of m terms passing BH, else alpha / m."""
    m = len(p_adjusted)
    return alpha * max(int((p_adjusted < alpha).sum()), 1) / max(m, 1)


def keyness_scores(a, b, n_target: int, n_reference: int, prior, prior_total) -> dict[str, np.ndarray]:
    """Every statistic for counts `a` (target) and `b` (reference) of the same terms, as columns."""
    p = exact_p(a, b, n_target, n_reference)
    p_adjusted = stats.false_discovery_control(p, method="bh") if len(p) else p
    level = corrected_level(p_adjusted)
    ratio = log_ratio(a, b, n_target, n_reference)
    return {
        "count_target": a, "count_reference": b,
        "n_target": np.full(len(a), n_target, dtype=np.int64),
        "n_reference": np.full(len(a), n_reference, dtype=np.int64),
        "z": log_odds_z(a, b, n_target, n_reference, prior, prior_total),
        "log_ratio": ratio,
        "lrc": log_ratio_conservative(a, b, n_target, n_reference, level, p),
        "g2": log_likelihood_g2(a, b, n_target, n_reference), "p": p, "p_adjusted": p_adjusted,
        "direction": np.where(ratio > 0, OVER, UNDER), "key": p_adjusted < ALPHA,
        "lrc_level": np.full(len(a), 1 - level),
    }


@per_corpus
def outlet_word_counts(corpus: Corpus) -> pd.DataFrame:
    """Outlet x word counts (single words, stop words left out), outlets in corpus order."""
    counts, terms = sentence_term_counts(corpus)
    words = is_unigram(terms)
    by_outlet, outlets = sum_rows(counts[:, words], sentence_outlets(corpus))
    table = pd.DataFrame(by_outlet.toarray(), index=outlets, columns=terms[words])
    return table.reindex(corpus.outlets, fill_value=0)


@per_corpus
def outlet_document_counts(corpus: Corpus) -> pd.DataFrame:
    """Outlet x word: in how many articles of the outlet the word occurs."""
    counts, terms = sentence_term_counts(corpus)
    words = is_unigram(terms)
    by_doc, docs = sum_rows(counts[:, words], corpus.sentences["doc_id"].reset_index(drop=True))
    outlet_of = corpus.documents.set_index("doc_id")["outlet"].astype(str)
    by_outlet, outlets = sum_rows((by_doc > 0).astype(np.int64), pd.Series(outlet_of[docs].to_numpy()))
    table = pd.DataFrame(by_outlet.toarray(), index=outlets, columns=terms[words])
    return table.reindex(corpus.outlets, fill_value=0)


def _side(table: np.ndarray, target: int, reference: int | None) -> np.ndarray:
    """The reference's row of an outlet x term table: another outlet's, or the rest's summed."""
    return np.delete(table, target, axis=0).sum(axis=0) if reference is None else table[reference]


def compare(counts: np.ndarray, terms: np.ndarray, target: int, reference: int | None,
            min_freq: int, docs: np.ndarray, n_docs: np.ndarray) -> dict[str, np.ndarray]:
    """Keyness of outlet row `target` against row `reference` (None: all other outlets together,
    REST) in outlet x term `counts`, strongest first (see rank), as columns; `docs` (outlet x
    term: articles using it) and `n_docs` (articles per outlet) give each side's articles."""
    a, b = counts[target], _side(counts, target, reference)
    tested = np.flatnonzero((a + b) >= min_freq)
    background = counts.sum(axis=0)  # the prior: every outlet's counts pooled (Monroe et al.)
    scores = {"term": terms[tested], **keyness_scores(
        a[tested], b[tested], int(a.sum()), int(b.sum()), background[tested], int(background.sum()))}
    scores["docs_target"] = docs[target][tested]
    scores["docs_reference"] = _side(docs, target, reference)[tested]
    scores["n_docs_target"] = np.full(len(tested), n_docs[target], dtype=np.int64)
    scores["n_docs_reference"] = np.full(len(tested), _side(n_docs, target, reference),
                                         dtype=np.int64)
    order = rank(scores)
    return {name: column[order] for name, column in scores.items()}


def rank(scores: dict[str, np.ndarray]) -> np.ndarray:
    """The order strongest first: largest |LRC| (non-zero only for key terms), then smallest p,
    then term."""
    return np.lexsort((scores["term"], scores["p"], -np.abs(scores["lrc"])))


def _key_rows(scores: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The rows of a comparison whose terms are key (p_adjusted < ALPHA), in order."""
    return {name: column[scores["key"]] for name, column in scores.items()}


def compute_keyness(corpus: Corpus, min_freq: int = MIN_FREQ) -> pd.DataFrame:
    """Each outlet against the rest (every tested term), then against each other outlet (only the
    key terms: every term once per ordered pair of outlets would grow with the square of the
    outlets, and no measure reads the rest); strongest first (see rank). The tests and the LRC
    level are those of the whole comparison either way."""
    counts = outlet_word_counts(corpus)
    outlets = list(counts.index)
    if len(outlets) < 2 or counts.shape[1] == 0:
        return pd.DataFrame(columns=COLUMNS)
    docs = outlet_document_counts(corpus)
    docs = docs if docs.columns.equals(counts.columns) else docs[counts.columns]
    n_docs = corpus.documents.groupby("outlet", sort=False).size().reindex(outlets, fill_value=0)
    pairs = [(o, None) for o in range(len(outlets))] + [
        (o, r) for o in range(len(outlets)) for r in range(len(outlets)) if r != o]
    tables = counts.to_numpy(), counts.columns.to_numpy(dtype=object)
    parts = [compare(*tables, o, r, min_freq, docs.to_numpy(), n_docs.to_numpy()) for o, r in pairs]
    parts = [part if r is None else _key_rows(part) for part, (_, r) in zip(parts, pairs, strict=True)]
    columns = {name: np.concatenate([part[name] for part in parts]) for name in parts[0]}
    sizes = [len(part["term"]) for part in parts]
    columns["outlet"] = np.repeat(np.array(outlets, dtype=object)[[o for o, _ in pairs]], sizes)
    columns["reference"] = np.repeat(np.array([REST if r is None else outlets[r] for _, r in pairs],
                                              dtype=object), sizes)
    text = {name: "str" for name in ("term", "outlet", "reference", "direction")}
    return pd.DataFrame(columns)[COLUMNS].astype(text)  # text as pandas strings: Parquet in the store


# Computed once per corpus for the keyness table, every figure and the findings: stored as the table.
keyness_table = per_corpus(compute_keyness, name="table.keyness")


def top_key_terms(keyness: pd.DataFrame, n: int = TOP_TERMS, direction: str | None = OVER
                  ) -> pd.DataFrame:
    """The `n` strongest terms per outlet against the rest in `direction` (None: n of each),
    in the table's order (key terms first); the `key` column says which pass the test."""
    rest = keyness[keyness["reference"] == REST]
    if direction is not None:
        rest = rest[rest["direction"] == direction]
    top = rest.groupby(["outlet", "direction"], sort=False).head(n)
    outlet_order = {o: i for i, o in enumerate(dict.fromkeys(top["outlet"]))}
    return top.sort_values(["outlet", "direction"], kind="stable", key=lambda c: c.map(
        outlet_order) if c.name == "outlet" else c.ne(OVER)).reset_index(drop=True)


def compute_pairwise_counts(keyness: pd.DataFrame, outlets: list[str]) -> pd.DataFrame:
    """Per ordered outlet pair: terms significantly over-used (p_adjusted < ALPHA, LRC > 0)."""
    pairs = keyness[keyness["reference"] != REST]
    key = pairs[(pairs["p_adjusted"] < ALPHA) & (pairs["lrc"] > 0)]
    first = key.sort_values("lrc", ascending=False, kind="stable").groupby(
        ["outlet", "reference"])["term"].first()
    grid = pd.MultiIndex.from_tuples([(o, r) for o in outlets for r in outlets if o != r],
                                     names=["outlet", "reference"])
    counts = key.groupby(["outlet", "reference"]).size().reindex(grid, fill_value=0)
    return pd.DataFrame({"n_key_terms": counts, "top_term": first.reindex(grid)}).reset_index()


TABLES = {"keyness": keyness_table}

"""Keyness: how many comparisons pass under G2, Fisher's exact test and the exact binomial used;
and how long the keyness statistics take on a large synthetic vocabulary.

Usage: python benchmarks/keyness_tests.py [corpus folder, default seeds/]
Prints, for every outlet-against-rest and outlet-against-outlet comparison of the corpus, the
number of term comparisons with BH-adjusted p < 0.05 under (1) G2's chi-square, (2) Fisher's
exact test (scipy.stats.fisher_exact, two-sided), (3) analysis.keyness.exact_p; how many rows
pass (1) with LRC = 0; and the time of keyness_scores on 100,000 terms x 30 outlets against the rest.
"""

import sys
import time

import numpy as np
from scipy import stats

from analysis import load_corpus
from analysis.keyness import ALPHA, compute_keyness, keyness_scores, log_likelihood_g2


def bh(p: np.ndarray) -> np.ndarray:
    """Benjamini-Hochberg adjusted p-values."""
    return stats.false_discovery_control(p, method="bh") if len(p) else p


def significant_counts(folder: str) -> None:
    """Rows passing BH under each test, per comparison, summed."""
    keyness = compute_keyness(load_corpus(folder))
    g2 = fisher = exact = g2_lrc0 = 0
    for _, group in keyness.groupby(["outlet", "reference"], sort=False):
        a, b = group["count_target"].to_numpy(), group["count_reference"].to_numpy()
        n_t, n_r = int(group["n_target"].iloc[0]), int(group["n_reference"].iloc[0])
        p_g2 = bh(stats.chi2.sf(log_likelihood_g2(a, b, n_t, n_r), 1))
        p_fisher = bh(np.array([stats.fisher_exact([[x, y], [n_t - x, n_r - y]]).pvalue
                                for x, y in zip(a, b, strict=True)]))
        g2 += int((p_g2 < ALPHA).sum())
        g2_lrc0 += int(((p_g2 < ALPHA) & (group["lrc"].to_numpy() == 0)).sum())
        fisher += int((p_fisher < ALPHA).sum())
        exact += int(group["key"].sum())
    print(f"{folder}: {len(keyness)} term comparisons; BH < {ALPHA}: G2 {g2} (of which LRC = 0 "
          f"under the new LRC: {g2_lrc0}), Fisher {fisher}, exact binomial (key) {exact}; "
          f"key rows with LRC = 0: {int(((keyness['lrc'] == 0) & keyness['key']).sum())}; "
          f"under-used key rows: {int((keyness['key'] & (keyness['direction'] == 'under')).sum())}")


def speed(n_terms: int = 100_000, n_outlets: int = 30) -> None:
    """Time keyness_scores for every outlet against the rest on Zipf-like counts."""
    rng = np.random.default_rng(0)
    rates = 1 / np.arange(1, n_terms + 1)
    counts = rng.poisson(rates * 2e6 / rates.sum(), size=(n_outlets, n_terms))
    start = time.perf_counter()
    rows = 0
    for i in range(n_outlets):
        a, b = counts[i], counts.sum(axis=0) - counts[i]
        tested = a + b >= 3
        keyness_scores(a[tested], b[tested], int(a.sum()), int(b.sum()), (a + b)[tested],
                       int((a + b).sum()))
        rows += int(tested.sum())
    seconds = time.perf_counter() - start
    print(f"keyness_scores: {n_outlets} outlets x {n_terms:,} terms against the rest, {rows:,} "
          f"rows tested in {seconds:.1f} s ({seconds / rows * 1e6:.2f} us a row)")


if __name__ == "__main__":
    significant_counts(sys.argv[1] if len(sys.argv) > 1 else "seeds")
    speed()

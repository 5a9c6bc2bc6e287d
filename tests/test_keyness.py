"""Keyness statistics: hand-checked values, independent formulations, the tables built on them."""

import math

import numpy as np
import pandas as pd
import pytest
from scipy import special, stats

from analysis import load_corpus
from analysis.keyness import (
    MIN_FREQ,
    REST,
    compare,
    compute_keyness,
    compute_pairwise_counts,
    corrected_level,
    exact_p,
    log_likelihood_g2,
    log_odds_z,
    log_ratio,
    log_ratio_conservative,
    outlet_document_counts,
    outlet_word_counts,
    top_key_terms,
)

LEFT = "Tanks rolled. Tanks fired. Tanks waited. Drones hovered."
RIGHT = "Drones hovered. Drones struck. Drones returned. Tanks waited."


@pytest.fixture
def two_outlets(make_corpus):
    """Left: tanks 3, drones 1 of 8 words; Right: tanks 1, drones 3 of 8 words."""
    folder = make_corpus({
        "metadata.csv": "doc_id,file,title,outlet\nleft,left.txt,One,Left\nright,right.txt,Two,Right\n",
        "left.txt": f"One\n\n{LEFT}\n",
        "right.txt": f"Two\n\n{RIGHT}\n",
    })
    return load_corpus(folder)


def monroe_z_loop(a, b, n_target, n_reference, prior, prior_total):
    """Monroe et al. from their equations: logits of the posterior means, one term at a time."""
    out = []
    for y_i, y_j, alpha in zip(a, b, prior, strict=True):
        omega_i = special.logit((y_i + alpha) / (n_target + prior_total))
        omega_j = special.logit((y_j + alpha) / (n_reference + prior_total))
        out.append((omega_i - omega_j) / math.sqrt(1 / (y_i + alpha) + 1 / (y_j + alpha)))
    return np.array(out)


def test_log_ratio_by_hand():
    assert log_ratio([10], [5], 100, 200)[0] == pytest.approx(2.0)  # 10 % against 2.5 %
    assert log_ratio([0], [4], 100, 100)[0] == pytest.approx(-3.0)  # zero counted as 0.5


def test_log_odds_z_by_hand_and_against_the_loop():
    z = log_odds_z([3], [1], 8, 8, [4], 16)[0]
    expected = (math.log(7 / 17) - math.log(5 / 19)) / math.sqrt(1 / 7 + 1 / 5)
    assert z == pytest.approx(expected)
    rng = np.random.default_rng(0)
    a, b = rng.integers(0, 40, 50), rng.integers(0, 40, 50)
    prior = a + b + rng.integers(0, 5, 50)
    args = (a, b, 900, 1400, prior, 2400)
    np.testing.assert_allclose(log_odds_z(*args), monroe_z_loop(*args), rtol=1e-12)


def test_log_odds_z_is_zero_for_equal_rates_and_antisymmetric():
    assert log_odds_z([5], [5], 100, 100, [10], 200)[0] == pytest.approx(0.0)
    forward = log_odds_z([7], [2], 100, 300, [9], 400)
    backward = log_odds_z([2], [7], 300, 100, [9], 400)
    assert forward[0] == pytest.approx(-backward[0])


def test_g2_by_hand_and_against_scipy():
    g2 = log_likelihood_g2([10], [5], 100, 200)[0]
    by_hand = 2 * (10 * math.log(10 / 5) + 5 * math.log(5 / 10) + 90 * math.log(90 / 95)
                   + 195 * math.log(195 / 190))
    assert g2 == pytest.approx(by_hand)
    for a, b, n_t, n_r in [(10, 5, 100, 200), (0, 7, 50, 80), (12, 0, 300, 40)]:
        scipy_g2 = stats.chi2_contingency([[a, b], [n_t - a, n_r - b]], correction=False,
                                          lambda_="log-likelihood")[0]
        assert log_likelihood_g2([a], [b], n_t, n_r)[0] == pytest.approx(scipy_g2)


def test_lrc_is_the_exact_interval_end_nearest_zero():
    for a, b, n_t, n_r in [(10, 1, 100, 200), (1, 12, 100, 100), (0, 9, 100, 100)]:
        ci = stats.binomtest(a, a + b).proportion_ci(0.95, method="exact")
        ends = [math.log2(p / (1 - p) * n_r / n_t) if 0 < p < 1 else math.copysign(math.inf, p - 0.5)
                for p in (ci.low, ci.high)]
        expected = ends[0] if ends[0] > 0 else ends[1] if ends[1] < 0 else 0.0
        assert log_ratio_conservative([a], [b], n_t, n_r)[0] == pytest.approx(expected)
    assert log_ratio_conservative([2], [4], 100, 200)[0] == 0.0  # same rate: no defensible effect


def test_keyness_table_of_a_corpus_with_known_counts(two_outlets):
    counts = outlet_word_counts(two_outlets)
    assert counts.loc["Left", ["tanks", "drones"]].tolist() == [3, 1]
    assert counts.sum(axis=1).tolist() == [8, 8]
    keyness = compute_keyness(two_outlets)
    left = keyness[(keyness["outlet"] == "Left") & (keyness["reference"] == REST)]
    # only these occur 3+ times; equally strong (3 of 4 each way), so in alphabetical order
    assert left["term"].tolist() == ["drones", "tanks"]
    assert left["direction"].tolist() == ["under", "over"]
    tanks = left.iloc[1]
    assert tanks["p"] == pytest.approx(2 * 5 / 16)  # P(X >= 3 | X ~ Bin(4, 1/2)) doubled
    assert (tanks["lrc"], tanks["key"]) == (0.0, False)
    assert (tanks["docs_target"], tanks["docs_reference"]) == (1, 1)
    assert (tanks["n_docs_target"], tanks["n_docs_reference"]) == (1, 1)
    assert (tanks["count_target"], tanks["count_reference"]) == (3, 1)
    assert (tanks["n_target"], tanks["n_reference"]) == (8, 8)
    assert tanks["log_ratio"] == pytest.approx(math.log2(3))
    assert tanks["z"] == pytest.approx((math.log(7 / 17) - math.log(5 / 19)) / math.sqrt(12 / 35))
    # against the one other outlet the comparison is the same, and the table keeps its key terms:
    # none here
    assert keyness[keyness["reference"] == "Right"].empty


def test_p_adjusted_is_benjamini_hochberg_within_each_comparison(seeds):
    keyness = compute_keyness(seeds)
    for _, group in keyness[keyness["reference"] == REST].groupby("outlet"):
        p = group["p"].to_numpy()
        order = np.argsort(p)
        ranked = p[order] * len(p) / np.arange(1, len(p) + 1)
        adjusted = np.minimum(1, np.minimum.accumulate(ranked[::-1])[::-1])
        np.testing.assert_allclose(group["p_adjusted"].to_numpy()[order], adjusted)


def test_minimum_frequency_and_columns(seeds):
    keyness = compute_keyness(seeds)
    assert {"term", "outlet", "count_target", "count_reference", "z", "log_ratio", "lrc", "g2", "p",
            "p_adjusted"} <= set(keyness.columns)
    assert ((keyness["count_target"] + keyness["count_reference"]) >= 3).all()
    assert set(keyness["reference"]) <= {REST, *seeds.outlets}
    assert (keyness.groupby("outlet")["reference"].first() == REST).all()  # the rest first


@pytest.fixture
def three_outlets(make_corpus):
    """Three outlets of two articles each: each writes mostly of its own subject."""
    subjects = {"Alpha": "tanks", "Beta": "drones", "Gamma": "grain"}
    files = {"metadata.csv": "doc_id,file,title,outlet\n" + "".join(
        f"{o}{i},{o}{i}.txt,T,{o}\n" for o in subjects for i in (1, 2))}
    for o, word in subjects.items():
        for i in (1, 2):
            others = " ".join(w for w in subjects.values() if w != word)
            files[f"{o}{i}.txt"] = f"T\n\n{' '.join([word] * 12)} {others} ports roads.\n"
    return load_corpus(make_corpus(files))


def test_against_another_outlet_the_table_keeps_the_key_terms_of_the_whole_comparison(
        three_outlets):
    corpus = three_outlets
    keyness = compute_keyness(corpus)
    counts = outlet_word_counts(corpus)
    docs = outlet_document_counts(corpus)[counts.columns].to_numpy()
    n_docs = corpus.documents.groupby("outlet", sort=False).size().reindex(counts.index).to_numpy()
    kept = 0
    for o, outlet in enumerate(counts.index):
        for r, reference in enumerate(counts.index):
            if r == o:
                continue
            whole = compare(counts.to_numpy(), counts.columns.to_numpy(dtype=object), o, r, MIN_FREQ,
                            docs, n_docs)
            rows = keyness[(keyness["outlet"] == outlet) & (keyness["reference"] == reference)]
            assert rows["term"].tolist() == whole["term"][whole["key"]].tolist()
            np.testing.assert_allclose(rows["p_adjusted"], whole["p_adjusted"][whole["key"]])
            kept += len(rows)
            assert len(whole["term"]) > len(rows)  # terms tested but not key are left out
    assert kept == 12  # each outlet's own subject over-used and the other's under-used, each pair


def test_too_small_corpus_gives_an_empty_table(tiny):
    assert compute_keyness(tiny).empty and top_key_terms(compute_keyness(tiny)).empty


def test_pairwise_counts_by_hand():
    keyness = pd.DataFrame({
        "term": ["x", "y", "z", "x"], "outlet": ["A", "A", "A", "B"],
        "reference": ["B", "B", "B", "A"], "z": [3.0, 2.0, 1.0, -3.0],
        "p_adjusted": [0.01, 0.02, 0.5, 0.01], "lrc": [1.0, 0.5, 0.0, -1.0],
    })
    pairs = compute_pairwise_counts(keyness, ["A", "B"])
    assert pairs["n_key_terms"].tolist() == [2, 0]
    assert pairs["top_term"].iloc[0] == "x" and pd.isna(pairs["top_term"].iloc[1])


def test_exact_p_by_hand_and_against_fisher():
    assert exact_p([10], [0], 100, 100)[0] == pytest.approx(2 / 2**10)  # all 10 in one half
    assert exact_p([5], [5], 100, 100)[0] == 1.0
    # Fisher's exact test on the 2 x 2 table, a rare word in large texts: the same p
    for a, b in [(7, 1), (0, 9), (3, 2)]:
        fisher = stats.fisher_exact([[a, b], [10**6 - a, 2 * 10**6 - b]],
                                    alternative="greater" if a / 1 > b / 2 else "less").pvalue
        assert exact_p([a], [b], 10**6, 2 * 10**6)[0] == pytest.approx(min(1, 2 * fisher), rel=1e-4)


def test_corrected_level_by_hand():
    assert corrected_level(np.array([0.01, 0.02, 0.5, 0.9])) == pytest.approx(0.05 * 2 / 4)
    assert corrected_level(np.array([0.3, 0.5, 0.9, 0.9])) == pytest.approx(0.05 / 4)


def test_lrc_non_zero_exactly_for_key_terms_with_both_directions(seeds):
    keyness = compute_keyness(seeds)
    assert ((keyness["lrc"] != 0) == keyness["key"]).all()
    assert (keyness["key"] == (keyness["p_adjusted"] < 0.05)).all()
    key = keyness[keyness["key"]]
    assert (np.sign(key["lrc"]) == np.where(key["direction"] == "over", 1, -1)).all()
    assert set(keyness["direction"]) == {"over", "under"}
    assert ((keyness["docs_target"] <= keyness["n_docs_target"])
            & (keyness["docs_reference"] <= keyness["n_docs_reference"])).all()
    for _, group in keyness.groupby(["outlet", "reference"], sort=False):  # ranked by |LRC|, then p
        assert (np.diff(group["lrc"].abs().to_numpy()) <= 0).all()
    both = top_key_terms(keyness, n=2, direction=None)
    assert (both.groupby(["outlet", "direction"]).size() <= 2).all()
    assert (top_key_terms(keyness)["direction"] == "over").all()


def test_exact_p_is_twice_the_smaller_tail():
    rng = np.random.default_rng(0)
    a, b = rng.integers(0, 30, 300), rng.integers(0, 30, 300)
    share = 700 / (700 + 1100)
    tails = np.minimum(stats.binom.cdf(a, a + b, share), stats.binom.sf(a - 1, a + b, share))
    np.testing.assert_allclose(exact_p(a, b, 700, 1100), np.minimum(1, 2 * tails), rtol=1e-12)

"""Topics: matching and stability on planted topics, coherence by hand, prevalence intervals."""

import math

import numpy as np
import pandas as pd
import pytest
from scipy import sparse

from analysis.stats import summarise_mean
from analysis.topics import (
    TOLERANCE,
    candidate_ks,
    choose_k,
    compute_topic_passages,
    compute_topic_prevalence,
    compute_topics,
    fit_sample,
    matched_similarity,
    run_seeds,
    shared_terms,
    shares_long,
    stability_by_k,
    topic_model,
    umass_coherence,
)


def planted(n_topics=3, docs_per_topic=15, terms_per_topic=6, seed=0):
    """Documents that each use the terms of exactly one of `n_topics` disjoint topics."""
    rng = np.random.default_rng(seed)
    blocks = [rng.uniform(0.5, 1.5, (docs_per_topic, terms_per_topic)) for _ in range(n_topics)]
    return sparse.csr_matrix(sparse.block_diag(blocks))


def test_matching_undoes_a_permutation():
    h = np.array([[1.0, 0, 0], [0, 2.0, 0], [0, 0, 3.0]])
    np.testing.assert_allclose(matched_similarity(h, h[[2, 0, 1]]), [1, 1, 1])
    np.testing.assert_allclose(matched_similarity(h[:2], np.array([[0, 1.0, 1], [1.0, 0, 0]])),
                               [1, 2 ** -0.5])


def test_stability_finds_the_planted_number_of_topics():
    table, fits = stability_by_k(planted(), [2, 3, 4, 5], n_runs=4, seed=1, n_seeds=2)
    assert table.loc[table["chosen"], "k"].tolist() == [3]
    assert table.set_index("k").at[3, "stability"] == pytest.approx(1, abs=1e-3)
    assert (table.set_index("k")["stability"].drop(3) < 0.95).all()
    assert table.set_index("k").at[3, "n_seeds_choosing"] == 2 and table["n_seeds_choosing"].sum() == 2
    assert (table["stability_min"] <= table["stability"]).all()
    assert (table["stability"] <= table["stability_max"]).all()
    assert (table["n_runs"] == 8).all() and (table["n_seeds"] == 2).all()
    assert len(fits[3]) == 8


def test_choose_k_takes_the_largest_k_near_the_best():
    ks = pd.Series([2, 3, 4, 5, 6])
    assert choose_k(ks, pd.Series([0.99, 0.90, 0.96, 0.93, 0.70])) == 4
    assert choose_k(ks, pd.Series([0.99, 0.90, 0.96, 0.955, 0.70]), tolerance=0.04) == 5
    assert choose_k(ks, pd.Series([1.0, 0.5, 0.5, 0.5, 0.5])) == 2
    assert choose_k(pd.Series([2]), pd.Series([np.nan])) == 2


def test_base_seeds_and_the_fit_sample():
    assert run_seeds(2, 10, 3) == [10, 11, 1010, 1011, 2010, 2011]
    assert fit_sample(4, limit=10).tolist() == [0, 1, 2, 3]
    sample = fit_sample(100, limit=10, seed=3)
    assert len(sample) == 10 and (np.diff(sample) > 0).all()
    assert sample.tolist() == fit_sample(100, limit=10, seed=3).tolist()


def test_shared_terms_are_in_two_rows_or_all_when_too_few():
    matrix = sparse.csr_matrix([[1.0, 2, 0, 1], [1, 1, 0, 0], [0, 0, 3, 0]])
    assert shared_terms(matrix).tolist() == [0, 1]
    assert shared_terms(sparse.csr_matrix([[1.0, 0, 1], [1, 0, 0], [0, 1, 0]])).tolist() == [0, 1, 2]


def test_umass_coherence_by_hand():
    occurs = sparse.csr_matrix([[1, 1], [1, 0], [1, 0]])  # term 0 in 3 units, both together in 1
    assert umass_coherence(np.array([[2.0, 1.0]]), occurs) == pytest.approx(math.log(2 / 3))


def test_candidate_numbers_of_topics():
    assert candidate_ks(100, 500) == list(range(2, 9))
    assert candidate_ks(5, 2) == [2] and candidate_ks(3, 1) == [1]


def test_topic_model_on_the_seeds(seeds):
    model = topic_model(seeds)
    chosen = model.stability[model.stability["chosen"]].iloc[0]
    best = model.stability["stability"].max()
    assert chosen["stability"] >= best.round(3) - TOLERANCE  # the largest k near the best
    near = model.stability[model.stability["stability"].round(3) >= best.round(3) - TOLERANCE]
    assert chosen["k"] == near["k"].max()
    assert len(model.shares) == len(seeds.paragraphs)
    shares = model.shares.drop(columns=["paragraph_id", "doc_id", "outlet"]).dropna()
    np.testing.assert_allclose(shares.sum(axis=1), 1, atol=1e-5)
    topics = compute_topics(seeds)
    assert topics["topic"].tolist() == list(range(1, chosen["k"] + 1))
    assert topics["share"].is_monotonic_decreasing
    passages = compute_topic_passages(seeds)
    assert (passages.groupby("topic").size() <= 3).all()


def test_prevalence_is_the_mean_share_with_a_reproducible_interval(seeds):
    prevalence = compute_topic_prevalence(seeds)
    long = shares_long(topic_model(seeds).shares)
    means = long.groupby(["outlet", "topic"])["share"].mean()
    np.testing.assert_allclose(prevalence.set_index(["outlet", "topic"])["mean"], means[
        pd.MultiIndex.from_frame(prevalence[["outlet", "topic"]])])
    again = summarise_mean(long, "share", by=["outlet", "topic"])
    pd.testing.assert_frame_equal(prevalence, again)
    assert ((prevalence["low"] <= prevalence["mean"]) & (prevalence["mean"] <= prevalence["high"])).all()


def test_tiny_corpus_degrades_to_few_topics(tiny):
    model = topic_model(tiny)
    assert model.stability["k"].tolist() == [2]
    assert len(compute_topics(tiny)) == 2

"""Topics: top-term agreement and subsample stability by hand and on planted topics, coherence by
hand, the model on the seeds and on corpora of one article, prevalence intervals."""

import math

import numpy as np
import pandas as pd
import pytest
from scipy import sparse

from analysis import load_corpus
from analysis.errors import CorpusWarning
from analysis.stats import summarise_mean
from analysis.topics import (
    TOLERANCE,
    Fit,
    average_jaccard,
    candidate_ks,
    choose_k,
    compute_topic_passages,
    compute_topic_prevalence,
    compute_topics,
    fit_sample,
    matched_agreement,
    nndsvd_start,
    run_seeds,
    run_stability,
    shared_terms,
    shares_long,
    stability_by_k,
    subsample_rows,
    top_terms,
    topic_model,
    umass_coherence,
)


def planted(n_topics=3, docs_per_topic=15, terms_per_topic=6, seed=0):
    """Documents that each use the terms of exactly one of `n_topics` disjoint topics."""
    rng = np.random.default_rng(seed)
    blocks = [rng.uniform(0.5, 1.5, (docs_per_topic, terms_per_topic)) for _ in range(n_topics)]
    return sparse.csr_matrix(sparse.block_diag(blocks))


def test_average_jaccard_by_hand():
    # depth 1: {1} vs {2} = 0; depth 2: {1, 2} vs {2, 1} = 1; depth 3: {1, 2} of {1, 2, 3, 4} = 0.5
    assert average_jaccard(np.array([1, 2, 3]), np.array([2, 1, 4])) == pytest.approx(0.5)
    assert average_jaccard(np.array([5, 6]), np.array([5, 6])) == 1


def test_top_term_matching_undoes_a_permutation():
    h = np.array([[3.0, 2, 1, 0], [0, 1, 2, 3], [1, 3, 0, 2]])
    np.testing.assert_allclose(matched_agreement(h, h[[2, 0, 1]], n=3), [1, 1, 1])
    # topic 1's top two are columns 0, 1; its partner's are 1, 0 (0 then 1 at depth 2)
    np.testing.assert_allclose(matched_agreement(h[:1], np.array([[2.0, 3, 0, 1]]), n=2), [0.5])


def test_top_terms_equal_a_full_stable_sort():
    rng = np.random.default_rng(3)
    h = rng.integers(0, 4, size=(6, 300)).astype(float)  # many ties at every rank
    h[5] = 0.0  # a topic without weight
    for n in (1, 10, 299, 300, 400):
        expected = [np.argsort(-row / max(row.max(), 1), kind="stable")[:n] for row in h]
        assert [t.tolist() for t in top_terms(h, n)] == [t.tolist() for t in expected]


def test_top_terms_tie_weights_one_round_off_apart_and_rank_them_by_column():
    # columns 1 and 2 weigh the same but for the last bit (as BLAS kernels leave equal weights)
    h = np.array([[0.2, 0.3, np.nextafter(0.3, 1), 0.5], [0.0, 0.0, 0.0, 0.0]])
    assert [t.tolist() for t in top_terms(h, 3)] == [[3, 1, 2], [0, 1, 2]]
    assert [t.tolist() for t in top_terms(np.array([[0.2, 0.3, 0.3 + 1e-6, 0.5]]), 3)] == [[3, 2, 1]]


def test_stability_is_the_mean_adjusted_rand_index_on_the_subsampled_rows():
    reference = Fit(None, np.arange(5), np.array([0, 0, 1, 1, 2]))
    same = Fit(None, np.array([0, 1, 2, 3]), np.array([1, 1, 0, 0]))  # topics renamed: ARI 1
    crossed = Fit(None, np.array([0, 1, 2, 3]), np.array([0, 1, 0, 1]))  # ARI -0.5
    assert run_stability(reference, [same]) == 1
    assert run_stability(reference, [same, crossed]) == pytest.approx(0.25)
    assert np.isnan(run_stability(reference, []))


def test_nndsvd_start_by_hand():
    # diag(2, 1): singular values 2 and 1, vectors the unit axes; a flipped sign takes the negative part
    for sign in (1, -1):
        u = vt = np.array([[1.0, 0], [0, sign]])
        w, h = nndsvd_start(u, np.array([2.0, 1.0]), vt, 2)
        np.testing.assert_allclose(w, [[2 ** 0.5, 0], [0, 1]])
        np.testing.assert_allclose(h, [[2 ** 0.5, 0], [0, 1]])
    w, h = nndsvd_start(u, np.array([2.0, 1.0]), vt, 1)  # fewer topics than components
    assert w.shape == (2, 1) and h.shape == (1, 2)


def test_subsamples_are_four_fifths_reproducible_and_in_order():
    rows = subsample_rows(10, seed=3)
    assert len(rows) == 8 and (np.diff(rows) > 0).all()
    assert rows.tolist() == subsample_rows(10, seed=3).tolist()
    assert subsample_rows(1, seed=3).tolist() == [0] and len(subsample_rows(5, seed=3)) == 4


def test_stability_finds_the_planted_number_of_topics():
    table, fits = stability_by_k(planted(), [2, 3, 4, 5], n_runs=4, seed=1, n_seeds=2)
    assert table.loc[table["chosen"], "k"].tolist() == [3]
    assert table.set_index("k").at[3, "stability"] == pytest.approx(1, abs=1e-3)
    assert (table.set_index("k")["stability"].drop(3) < 0.9).all()  # 0.418, 0.795, 0.734
    assert table.set_index("k").at[3, "n_seeds_choosing"] == 2 and table["n_seeds_choosing"].sum() == 2
    assert (table["stability_min"] <= table["stability"]).all()
    assert (table["stability"] <= table["stability_max"]).all()
    assert (table["n_runs"] == 8).all() and (table["n_seeds"] == 2).all()
    assert len(fits[3]) == 9 and fits[3][0].rows.tolist() == list(range(45))  # reference first
    assert [len(fit.rows) for fit in fits[3][1:]] == [36] * 8
    assert table.set_index("k").at[3, "term_agreement"] < 1  # equal-weight terms swap places


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


def test_shared_terms_leave_out_the_rarest_beyond_the_limit():
    # articles per column: 3, 2, 2, 1, 3
    matrix = sparse.csr_matrix([[1.0, 1, 0, 0, 1], [1, 1, 1, 0, 1], [1, 0, 1, 1, 1]])
    assert shared_terms(matrix, limit=4).tolist() == [0, 1, 2, 4]  # at least two articles
    assert shared_terms(matrix, limit=3).tolist() == [0, 4]  # at least three: ties go together
    assert shared_terms(matrix, limit=2).tolist() == [0, 4]


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
    assert model.stability["k"].tolist() == [2, 3, 4]  # five articles allow at most four topics
    assert chosen["k"] == 2 and chosen["n_seeds_choosing"] == 2
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
    assert set(again["unit"]) == {"sentences"}  # one article an outlet: its rows resampled,
    assert set(prevalence["unit"]) == {"paragraphs"}  # which are paragraphs here
    pd.testing.assert_frame_equal(prevalence, again.assign(unit="paragraphs"))
    assert ((prevalence["low"] <= prevalence["mean"]) & (prevalence["mean"] <= prevalence["high"])).all()


def test_tiny_corpus_degrades_to_few_topics(tiny):
    model = topic_model(tiny)
    assert model.stability["k"].tolist() == [2]
    assert len(compute_topics(tiny)) == 2


def nested(docs_per_group=12, seed=0):
    """Five groups of documents with six terms of their own, in two families (groups 1-3 and 4-5)
    that share four terms each: two broad topics and five narrow ones, like news desks."""
    rng = np.random.default_rng(seed)
    own = sparse.block_diag([rng.uniform(0.5, 1.5, (docs_per_group, 6)) for _ in range(5)])
    family = sparse.block_diag([rng.uniform(0.5, 1.5, (3 * docs_per_group, 4)),
                                rng.uniform(0.5, 1.5, (2 * docs_per_group, 4))])
    return sparse.hstack([own, family]).tocsr()


def test_five_nested_groups_give_five_topics_not_the_two_families():
    table, _ = stability_by_k(nested(), candidate_ks(60, 38), n_runs=4, seed=1, n_seeds=2)
    by_k = table.set_index("k")
    assert table.loc[table["chosen"], "k"].tolist() == [5]
    assert by_k.at[5, "stability"] == pytest.approx(1) and by_k.at[5, "n_seeds_choosing"] == 2
    assert by_k.at[2, "stability"] == pytest.approx(1)  # the two families are as stable as the groups
    assert (by_k["stability"].drop([2, 5]) < 0.9).all()


def test_one_article_gets_one_topic_without_a_crash(make_corpus):
    folder = make_corpus({"only/one.txt": "NATO ministers met in Brussels.\n\nThe ministers agreed on "
                                          "air defence for Ukraine and more ammunition.\n"})
    with pytest.warns(CorpusWarning, match="one group"):
        model = topic_model(load_corpus(folder))
    assert model.stability[["k", "stability", "chosen"]].values.tolist() == [[1, 1.0, True]]
    shares = model.shares.drop(columns=["paragraph_id", "doc_id", "outlet"])
    assert shares.columns.tolist() == [1] and (shares[1] == 1).all()


def test_fits_started_in_the_background_give_the_same_model(monkeypatch):
    from analysis import topics

    monkeypatch.setattr(topics, "PARALLEL_NNZ", 0)  # the seeds' matrix counts as large
    monkeypatch.setenv("ANALYSIS_WORKERS", "2")
    monkeypatch.setenv("ANALYSIS_STORE", "off")  # the model is fitted, not read back
    background = load_corpus()
    assert topics.start(background) and id(background) in topics._fitting
    started = topic_model(background)
    assert id(background) not in topics._fitting  # taken
    monkeypatch.setenv("ANALYSIS_WORKERS", "1")
    here = load_corpus()
    assert not topics.start(here)
    expected = topic_model(here)
    pd.testing.assert_frame_equal(started.stability, expected.stability)
    pd.testing.assert_frame_equal(started.weights, expected.weights)
    pd.testing.assert_frame_equal(started.shares, expected.shares)

"""Outlet similarity: cosine by hand and against scikit-learn, reproducible bootstrap intervals."""

import numpy as np
import pandas as pd
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from analysis.similarity import centred_interval, compute_similarity, cosine_matrix, resample_within
from analysis.vocabulary import analyze


def test_cosine_by_hand():
    np.testing.assert_allclose(cosine_matrix(np.array([[1.0, 0.0], [1.0, 1.0], [0.0, 0.0]])),
                               [[1, 2 ** -0.5, 0], [2 ** -0.5, 1, 0], [0, 0, 0]])


def test_resampling_keeps_each_document_within_itself_and_its_size():
    groups = np.array([0, 0, 0, 1, 1, 2])
    for seed in range(20):
        weights = resample_within(groups, np.random.default_rng(seed))
        assert np.bincount(groups, weights=weights).tolist() == [3, 2, 1]
        assert weights[5] == 1
    first = resample_within(groups, np.random.default_rng(7))
    assert (first == resample_within(groups, np.random.default_rng(7))).all()


def test_centred_interval_by_hand():
    draws = np.linspace(0.1, 0.3, 201)  # mean 0.2; 2.5th and 97.5th percentiles 0.105, 0.295
    low, high, shift = centred_interval(0.25, draws)
    assert shift == pytest.approx(-0.05)
    assert (low, high) == (pytest.approx(0.155), pytest.approx(0.345))


def test_point_estimate_matches_an_independent_tfidf(tiny):
    by_doc = tiny.sentences.groupby("doc_id", sort=False)["text"].agg(list)  # no bigram across sentences
    vectors = TfidfVectorizer(analyzer=lambda doc: [t for s in doc for t in analyze(s)],
                              sublinear_tf=True).fit_transform(by_doc[tiny.documents["doc_id"]]).toarray()
    outlets = tiny.documents["outlet"].to_numpy()
    profiles = np.array([vectors[outlets == o].mean(axis=0) for o in tiny.outlets])
    similarity = compute_similarity(tiny, n_boot=20)
    grid = similarity.pivot(index="outlet_a", columns="outlet_b", values="cosine")
    np.testing.assert_allclose(grid.loc[tiny.outlets, tiny.outlets], cosine_similarity(profiles))


def test_bootstrap_is_reproducible_under_a_fixed_seed(tiny):
    first = compute_similarity(tiny, n_boot=200, seed=11)
    pd.testing.assert_frame_equal(first, compute_similarity(tiny, n_boot=200, seed=11))
    assert not first.equals(compute_similarity(tiny, n_boot=200, seed=12))
    off = first[first["outlet_a"] != first["outlet_b"]]
    assert ((off["low"] <= off["cosine"]) & (off["cosine"] <= off["high"])).all()
    assert (off["shift"] < 0).all()  # resampling lowers the cosine
    assert off["cosine"].iloc[0] == pytest.approx(off["cosine"].iloc[1])  # symmetric

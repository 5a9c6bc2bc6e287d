"""Outlet similarity: cosine by hand and against scikit-learn, intervals equal to scipy's bootstrap."""

import numpy as np
import pandas as pd
import pytest
from scipy import sparse, stats
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from analysis import load_corpus
from analysis.similarity import (
    basic_interval,
    compute_similarity,
    cosine_matrix,
    similarity_draws,
)
from analysis.vocabulary import analyze


def test_cosine_by_hand():
    np.testing.assert_allclose(cosine_matrix(np.array([[1.0, 0.0], [1.0, 1.0], [0.0, 0.0]])),
                               [[1, 2 ** -0.5, 0], [2 ** -0.5, 1, 0], [0, 0, 0]])


def _articles(seed=0):
    """Two outlets of 6 and 7 articles over 8 terms."""
    rng = np.random.default_rng(seed)
    return [sparse.csr_matrix(rng.random((n, 8)) * (rng.random((n, 8)) < 0.6)) for n in (6, 7)]


def test_draws_equal_scipy_bootstrap_and_the_unbiased_cosine_by_hand():
    rows = _articles()
    dense = [x.toarray() for x in rows]

    def unbiased(idx_a, idx_b, axis=-1):
        a, b = dense[0][idx_a], dense[1][idx_b]  # (..., n, terms)
        length = [((x.sum(-2) ** 2).sum(-1) - (x ** 2).sum((-1, -2))) for x in (a, b)]
        dot = (a.mean(-2) * b.mean(-2)).sum(-1)
        return dot / np.sqrt(length[0] / (6 * 5) * length[1] / (7 * 6))

    expected = stats.bootstrap((np.arange(6), np.arange(7)), unbiased, n_resamples=499,
                               rng=np.random.default_rng(3)).bootstrap_distribution
    draws = similarity_draws(rows, 499, np.random.default_rng(3), [True, True])[:, 0, 1]
    np.testing.assert_allclose(draws, expected, rtol=1e-10)
    fixed = similarity_draws(rows, 1, np.random.default_rng(0), [False, False])[0, 0, 1]
    assert fixed == pytest.approx(unbiased(np.arange(6), np.arange(7)))


def test_basic_interval_by_hand():
    draws = np.linspace(0.1, 0.3, 201)  # 2.5th and 97.5th percentiles 0.105 and 0.295
    low, high = basic_interval(0.3, 0.2, draws)  # draws - 0.2 from -0.095 to 0.095
    assert (low, high) == (pytest.approx(0.205), pytest.approx(0.395))


def test_point_estimate_matches_an_independent_tfidf(tiny):
    by_doc = tiny.sentences.groupby("doc_id", sort=False)["text"].agg(list)  # no bigram across sentences
    vectors = TfidfVectorizer(analyzer=lambda doc: [t for s in doc for t in analyze(s)],
                              sublinear_tf=True).fit_transform(by_doc[tiny.documents["doc_id"]]).toarray()
    outlets = tiny.documents["outlet"].to_numpy()
    profiles = np.array([vectors[outlets == o].mean(axis=0) for o in tiny.outlets])
    similarity = compute_similarity(tiny, n_boot=20)
    grid = similarity.pivot(index="outlet_a", columns="outlet_b", values="cosine")
    np.testing.assert_allclose(grid.loc[tiny.outlets, tiny.outlets], cosine_similarity(profiles))


def test_single_article_outlets_get_no_interval(tiny):
    similarity = compute_similarity(tiny, n_boot=50)
    off = similarity[similarity["outlet_a"] != similarity["outlet_b"]]
    assert off["low"].isna().all() and off["high"].isna().all()
    assert (off["n_articles_a"] < 5).all()
    same = similarity[similarity["outlet_a"] == similarity["outlet_b"]]
    assert (same["low"] == same["cosine"]).all()


def test_article_bootstrap_is_reproducible_under_a_fixed_seed(make_corpus):
    words = ["tanks", "drones", "border", "talks", "troops", "summit", "budget", "energy"]
    files = {}
    for outlet in ("Left", "Right"):
        for i in range(5):
            picked = [words[(i + 3 * (outlet == "Right") + j) % 8] for j in range(4)]
            files[f"{outlet}/{outlet.lower()}{i}.txt"] = (
                f"Story {i}\n\n" + " ".join(f"The {w} moved again." for w in picked) + "\n")
    corpus = load_corpus(make_corpus(files))
    first = compute_similarity(corpus, n_boot=200, seed=11)
    pd.testing.assert_frame_equal(first, compute_similarity(corpus, n_boot=200, seed=11))
    assert not first.equals(compute_similarity(corpus, n_boot=200, seed=12))
    off = first[first["outlet_a"] != first["outlet_b"]]
    assert (off["n_articles_a"] == 5).all() and off["low"].notna().all()
    assert (off["cosine_unbiased"] > off["cosine"]).all()  # noise lengthened the plain means
    assert off["low"].iloc[0] == pytest.approx(off["low"].iloc[1])  # one draw serves both orders


def test_gram_and_profile_paths_give_the_same_draws(monkeypatch):
    import analysis.similarity as similarity

    rows = _articles(1) + [sparse.csr_matrix(np.eye(5, 8))]
    resampled = [True, True, False]
    draws = {}
    for path, (efficiency, held) in {"gram": (1e9, 10**9), "blocks": (1e9, 0),
                                     "profiles": (0, 0)}.items():
        monkeypatch.setattr(similarity, "GRAM_EFFICIENCY", efficiency)
        monkeypatch.setattr(similarity, "GRAM_MAX", held)
        draws[path] = similarity_draws(rows, 40, np.random.default_rng(5), resampled)
    np.testing.assert_allclose(draws["gram"], draws["profiles"], rtol=1e-12)
    np.testing.assert_allclose(draws["blocks"], draws["profiles"], rtol=1e-12)
    assert draws["gram"].shape == (40, 3, 3)
    assert np.isnan(draws["gram"][:, 2, 2]).all()  # eye rows: no two articles share a term


def test_a_group_of_one_article_has_no_unbiased_cosine():
    from analysis.similarity import dot_cosines

    dots = np.array([[[1.0, 0.5], [0.5, 1.0]]])  # one resample, two groups
    # one article: n |mean|^2 - |row|^2 is 0 / 0, and rounding leaves a tiny positive numerator
    square_norms = np.array([[1.0 - 2.0 ** -52, 1.5]])
    cosines = dot_cosines(dots, square_norms, np.array([1, 3]))
    assert np.isnan(cosines[0, 0, 1]) and np.isnan(cosines[0, 1, 0]) and np.isnan(cosines[0, 0, 0])
    assert cosines[0, 1, 1] == pytest.approx(1.0 / 0.75)  # (3 x 1.0 - 1.5) / 2 = 0.75


def test_the_seeds_have_no_unbiased_cosine(seeds):
    from analysis.similarity import compute_similarity

    pairs = compute_similarity(seeds, n_boot=0)
    assert pairs["n_articles_a"].eq(1).all()  # every seed outlet has one article
    assert pairs.loc[pairs["outlet_a"] != pairs["outlet_b"], "cosine_unbiased"].isna().all()

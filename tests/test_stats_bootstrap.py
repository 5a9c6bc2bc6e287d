"""Bootstrap and exact intervals: articles resampled as clusters, no interval below five units,
large groups drawn as multinomial counts over distinct values (same distribution)."""

import numpy as np
import pandas as pd
import pytest

from analysis import stats


def _both_paths(monkeypatch, numerators, denominators, n_boot=4000):
    fast = stats.bootstrap_ratios(numerators, denominators, np.random.default_rng(1), n_boot)
    monkeypatch.setattr(stats, "MULTINOMIAL_MIN_ROWS", 10**9)
    rows = stats.bootstrap_ratios(numerators, denominators, np.random.default_rng(1), n_boot)
    return fast, rows


def test_large_share_has_the_same_bootstrap_distribution(monkeypatch):
    values = (np.random.default_rng(0).random(20_000) < 0.3).astype(float)
    fast, rows = _both_paths(monkeypatch, values, np.ones_like(values))
    # Monte Carlo error of these summaries at 4,000 resamples is below 0.0002
    assert fast.mean() == pytest.approx(rows.mean(), abs=3e-4)
    assert fast.std() == pytest.approx(rows.std(), abs=3e-4)
    assert np.allclose(stats.percentile_interval(fast), stats.percentile_interval(rows), atol=1e-3)


def test_large_rate_has_the_same_bootstrap_distribution(monkeypatch):
    rng = np.random.default_rng(0)
    words = rng.integers(5, 40, 10_000).astype(float)
    hits = rng.binomial(words.astype(int), 0.02).astype(float)
    fast, rows = _both_paths(monkeypatch, hits, words)
    assert fast.mean() == pytest.approx(rows.mean(), abs=2e-4)
    assert fast.std() == pytest.approx(rows.std(), abs=2e-4)


def test_fast_path_taken_only_for_large_groups_with_few_distinct_rows(monkeypatch):
    calls = []
    real = stats._multinomial_ratios
    monkeypatch.setattr(stats, "_multinomial_ratios", lambda *a: calls.append(len(a[2])) or real(*a))
    rng = np.random.default_rng(0)
    stats.bootstrap_means(np.ones(stats.MULTINOMIAL_MIN_ROWS - 1), rng, 10)  # too few rows
    stats.bootstrap_means(rng.random(stats.MULTINOMIAL_MIN_ROWS), rng, 10)  # all rows distinct
    stats.bootstrap_means(np.arange(stats.MULTINOMIAL_MIN_ROWS) % 7, rng, 10)  # 7 distinct values
    assert calls == [7]


def test_draws_reproducible_under_a_fixed_seed():
    values = np.arange(10_000) % 5
    first = stats.bootstrap_means(values, stats.group_rng(7, "a"), 100)
    assert np.array_equal(first, stats.bootstrap_means(values, stats.group_rng(7, "a"), 100))


def test_clopper_pearson_of_0_of_10():
    low, high = stats.clopper_pearson(0, 10)
    assert low == 0.0 and high == pytest.approx(1 - 0.025 ** (1 / 10))  # 0.30850


def test_garwood_of_0_and_of_3():
    assert stats.garwood_interval(0, 1000) == (0.0, pytest.approx(3.6889 / 1000, abs=1e-7))
    low, high = stats.garwood_interval(3, 1)
    assert (low, high) == (pytest.approx(0.6187, abs=1e-4), pytest.approx(8.7673, abs=1e-4))


def test_fewer_than_five_units_give_no_interval():
    frame = pd.DataFrame({"g": "a", "doc_id": ["d1", "d1", "d2", "d3", "d4"], "v": [1.0, 2, 3, 4, 5]})
    row = stats.summarise_mean(frame, "v", "g").iloc[0]
    assert (row["n"], row["mean"], row["n_articles"], row["unit"]) == (5, 3.0, 4, "articles")
    assert np.isnan(row["low"]) and np.isnan(row["high"])


def test_one_article_resamples_its_sentences():
    frame = pd.DataFrame({"g": "a", "doc_id": "d1", "v": [0.0, 1, 2, 3, 4, 5]})
    row = stats.summarise_mean(frame, "v", "g").iloc[0]
    assert (row["n"], row["n_articles"], row["unit"]) == (6, 1, "sentences")
    assert 0 <= row["low"] < 2.5 < row["high"] <= 5


def test_cluster_bootstrap_resamples_whole_articles():
    # every article is internally constant: only the article-level spread can vary the mean
    frame = pd.DataFrame({"g": "a", "doc_id": np.repeat([f"d{i}" for i in range(6)], 50),
                          "v": np.repeat([0.0, 0.0, 0.0, 1.0, 1.0, 1.0], 50)})
    clustered = stats.summarise_mean(frame, "v", "g").iloc[0]
    rows = stats.summarise_mean(frame, "v", "g", cluster=None).iloc[0]
    assert clustered["unit"] == "articles" and rows["unit"] == "sentences"
    assert clustered["high"] - clustered["low"] > 0.5  # six articles: wide
    assert rows["high"] - rows["low"] < 0.25  # 300 independent rows: narrow


def test_zero_count_gets_the_exact_bound():
    frame = pd.DataFrame({"g": "a", "doc_id": [f"d{i}" for i in range(5)], "hits": 0,
                          "words": 200})
    row = stats.summarise_ratio(frame, "hits", "words", "g").iloc[0]
    assert (row["ratio"], row["low"]) == (0.0, 0.0)
    assert row["high"] == pytest.approx(3.6889 / 1000, abs=1e-7)


def test_auc_counts_ties_half_and_is_nan_without_a_class():
    from analysis.stats import auc
    assert auc(np.array([3.0, 2.0]), np.array([1.0, 2.0])) == 0.875
    assert np.isnan(auc(np.array([]), np.array([1.0])))


def _wide_fixture():
    """Rows of two outlets (one of seven articles, one of a single article), two value columns
    (one 0/1, one with a missing value), words per row."""
    rng = np.random.default_rng(3)
    outlet = np.array(["A"] * 21 + ["B"] * 8)
    doc_id = np.array([f"a{i // 3}" for i in range(21)] + ["b0"] * 8)
    values = pd.DataFrame({"x": (rng.random(29) < 0.4).astype(float), "y": rng.normal(size=29)})
    values.loc[4, "y"] = np.nan
    words = rng.integers(5, 30, 29)
    return outlet, doc_id, values, words


def test_summarise_columns_is_summarise_mean_and_ratio_of_the_long_table():
    outlet, doc_id, values, words = _wide_fixture()
    keys = pd.DataFrame({"outlet": outlet})
    long = values.assign(outlet=outlet, doc_id=doc_id, words=words).melt(
        id_vars=["outlet", "doc_id", "words"], var_name="column", value_name="v")
    order = ["outlet", "column"]  # summarise_columns: the outlets in order, then the columns
    means = stats.summarise_columns(values, keys, "column", clusters=doc_id)
    expected = stats.summarise_mean(long, "v", ["outlet", "column"])
    pd.testing.assert_frame_equal(means, expected.sort_values(order, kind="stable", ignore_index=True))
    assert means["unit"].tolist() == ["articles", "articles", "sentences", "sentences"]
    assert means["n"].tolist() == [21, 20, 8, 8]  # the missing value is left out
    ratios = stats.summarise_columns(values.fillna(0), keys, "column", clusters=doc_id,
                                     denominators=words, names=("v", "words"))
    expected = stats.summarise_ratio(long.fillna({"v": 0}), "v", "words", ["outlet", "column"])
    pd.testing.assert_frame_equal(ratios, expected.sort_values(order, kind="stable", ignore_index=True))


def test_summarise_columns_gives_the_same_rows_from_worker_processes(monkeypatch):
    from analysis.parallel import PARTITION_ENV, WORKERS_ENV

    outlet, doc_id, values, words = _wide_fixture()
    keys = pd.DataFrame({"outlet": outlet})
    monkeypatch.setenv(WORKERS_ENV, "1")
    here = [stats.summarise_columns(values.fillna(0), keys, "column", clusters=doc_id,
                                    denominators=d) for d in (None, words)]
    monkeypatch.setenv(WORKERS_ENV, "2")
    # one group a partition: 7 articles and 1 article (the units resampled), two columns
    monkeypatch.setenv(PARTITION_ENV, "10")
    calls = []
    run = stats.run_partitions
    monkeypatch.setattr(stats, "run_partitions",
                        lambda fn, parts, combine: calls.append(len(parts)) or run(fn, parts, combine))
    there = [stats.summarise_columns(values.fillna(0), keys, "column", clusters=doc_id,
                                     denominators=d) for d in (None, words)]
    assert calls == [2, 2]
    for a, b in zip(here, there, strict=True):
        pd.testing.assert_frame_equal(a, b)

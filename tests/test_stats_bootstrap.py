"""Large groups draw resamples as multinomial counts over distinct values: same distribution."""

import numpy as np
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

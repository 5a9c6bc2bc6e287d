"""Bootstrap intervals over sentences (or any rows), reproducible under a fixed seed."""

import zlib

import numpy as np
import pandas as pd

from analysis.config import N_BOOTSTRAP, SEED

LEVEL = 0.95
_CHUNK = 2_000_000  # resampled values held in memory at once


def group_rng(seed: int, key: object) -> np.random.Generator:
    """A generator seeded by the global seed and a stable hash of the group key."""
    return np.random.default_rng([seed, zlib.crc32(repr(key).encode("utf-8"))])


def bootstrap_means(values: np.ndarray, rng: np.random.Generator, n_boot: int) -> np.ndarray:
    """Means of `n_boot` resamples (with replacement) of `values`, in memory-bounded chunks."""
    values = np.asarray(values, dtype=float)
    if len(values) == 0:
        return np.full(n_boot, np.nan)
    rows = max(1, _CHUNK // len(values))
    means = [
        values[rng.integers(0, len(values), size=(min(rows, n_boot - done), len(values)))].mean(1)
        for done in range(0, n_boot, rows)
    ]
    return np.concatenate(means)


def percentile_interval(draws: np.ndarray, level: float = LEVEL) -> tuple[float, float]:
    """The central `level` percentile interval of bootstrap draws."""
    if np.all(np.isnan(draws)):
        return np.nan, np.nan
    tail = (1 - level) / 2 * 100
    low, high = np.nanpercentile(draws, [tail, 100 - tail])
    return float(low), float(high)


def summarise_mean(
    df: pd.DataFrame,
    value: str,
    by: str | list[str],
    n_boot: int = N_BOOTSTRAP,
    seed: int = SEED,
    level: float = LEVEL,
) -> pd.DataFrame:
    """Mean of `value` per group with a bootstrap percentile interval and the row count n."""
    rows = []
    for key, group in df.groupby(by, sort=False, dropna=False):
        values = group[value].dropna().to_numpy(dtype=float)
        draws = bootstrap_means(values, group_rng(seed, key), n_boot)
        low, high = percentile_interval(draws, level)
        keys = key if isinstance(key, tuple) else (key,)
        rows.append((*keys, len(values), values.mean() if len(values) else np.nan, low, high))
    names = [by] if isinstance(by, str) else list(by)
    return pd.DataFrame(rows, columns=[*names, "n", "mean", "low", "high"])

"""Bootstrap intervals over sentences (or any rows), reproducible under a fixed seed."""

import zlib

import numpy as np
import pandas as pd

from analysis.config import N_BOOTSTRAP, SEED

LEVEL = 0.95
_CHUNK = 2_000_000  # resampled values held in memory at once
# From this many rows on, when they hold at most a quarter as many distinct (numerator,
# denominator) pairs, a resample is drawn as multinomial counts over the distinct pairs: the same
# distribution as drawing rows, at a cost that grows with the distinct pairs instead of the rows.
MULTINOMIAL_MIN_ROWS = 5_000


def group_rng(seed: int, key: object) -> np.random.Generator:
    """A generator seeded by the global seed and a stable hash of the group key."""
    return np.random.default_rng([seed, zlib.crc32(repr(key).encode("utf-8"))])


def bootstrap_means(values: np.ndarray, rng: np.random.Generator, n_boot: int) -> np.ndarray:
    """Means of `n_boot` resamples (with replacement) of `values`, in memory-bounded chunks."""
    values = np.asarray(values, dtype=float)
    return bootstrap_ratios(values, np.ones_like(values), rng, n_boot)


def bootstrap_ratios(numerators: np.ndarray, denominators: np.ndarray, rng: np.random.Generator,
                     n_boot: int) -> np.ndarray:
    """sum(numerators) / sum(denominators) over `n_boot` paired resamples of the rows."""
    numerators = np.asarray(numerators, dtype=float)
    denominators = np.asarray(denominators, dtype=float)
    if len(numerators) == 0:
        return np.full(n_boot, np.nan)
    if len(numerators) >= MULTINOMIAL_MIN_ROWS and not np.isnan(numerators + denominators).any():
        pairs, counts = np.unique(np.column_stack([numerators, denominators]), axis=0,
                                  return_counts=True)
        if 4 * len(counts) <= len(numerators):
            return _multinomial_ratios(pairs[:, 0], pairs[:, 1], counts, rng, n_boot)
    rows = max(1, _CHUNK // len(numerators))
    ratios = []
    for done in range(0, n_boot, rows):
        idx = rng.integers(0, len(numerators), size=(min(rows, n_boot - done), len(numerators)))
        with np.errstate(invalid="ignore", divide="ignore"):
            ratios.append(numerators[idx].sum(1) / denominators[idx].sum(1))
    return np.concatenate(ratios)


def _multinomial_ratios(numerators: np.ndarray, denominators: np.ndarray, counts: np.ndarray,
                        rng: np.random.Generator, n_boot: int) -> np.ndarray:
    """Resampled ratios drawn as multinomial counts over distinct (numerator, denominator) pairs."""
    n = int(counts.sum())
    rows = max(1, _CHUNK // len(counts))
    ratios = []
    for done in range(0, n_boot, rows):
        draws = rng.multinomial(n, counts / n, size=min(rows, n_boot - done))
        with np.errstate(invalid="ignore", divide="ignore"):
            ratios.append((draws @ numerators) / (draws @ denominators))
    return np.concatenate(ratios)


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


def summarise_ratio(
    df: pd.DataFrame,
    numerator: str,
    denominator: str,
    by: str | list[str],
    n_boot: int = N_BOOTSTRAP,
    seed: int = SEED,
    level: float = LEVEL,
) -> pd.DataFrame:
    """sum(numerator) / sum(denominator) per group (a rate such as mentions per word) with a
    bootstrap percentile interval over rows, the row count n and both sums."""
    rows = []
    for key, group in df.groupby(by, sort=False, dropna=False):
        num = group[numerator].to_numpy(dtype=float)
        den = group[denominator].to_numpy(dtype=float)
        low, high = percentile_interval(bootstrap_ratios(num, den, group_rng(seed, key), n_boot), level)
        keys = key if isinstance(key, tuple) else (key,)
        ratio = num.sum() / den.sum() if den.sum() else np.nan
        rows.append((*keys, len(num), num.sum(), den.sum(), ratio, low, high))
    names = [by] if isinstance(by, str) else list(by)
    return pd.DataFrame(rows, columns=[*names, "n", numerator, denominator, "ratio", "low", "high"])

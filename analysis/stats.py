"""Intervals that match the design: a cluster bootstrap over articles, exact bounds for counts.

Rows (sentences, or voice segments of sentences) are nested in articles. A group with two or more
articles resamples whole articles (each draw keeps all the sentences of an article; computed from
per-article sums, so the cost grows with the articles, not the sentences); a group from a single
article can only resample its rows (column `unit` says which). With fewer than MIN_UNITS units
there is no interval (NaN, with n shown). Counts and shares also get their exact bound (Garwood
for a Poisson count per word, Clopper-Pearson for a share of 0/1 values or of words), and the
interval reported is the wider of the two: the exact bound assumes independent words or sentences,
the bootstrap sees the clustering but not the discreteness of a handful of events (a zero count
resamples to [0, 0]).
"""

import zlib

import numpy as np
import pandas as pd
from scipy import stats

from analysis.config import N_BOOTSTRAP, SEED
from analysis.parallel import joined_lists, partitions, run_partitions

LEVEL = 0.95
FEW_ARTICLES = 30  # a group with fewer articles is described as these articles, not its coverage in general
MIN_UNITS = 5  # fewer resampling units (articles, or rows of one article) than this: no interval
CLUSTER = "doc_id"  # the column naming the article of each row
ARTICLES, SENTENCES = "articles", "sentences"  # values of the `unit` column


def resampled(units) -> str:
    """What an interval resampled, in words, from the `unit` values of a summary table."""
    kinds = set(units) & {ARTICLES, SENTENCES}
    if kinds == {ARTICLES}:
        return "articles resampled"
    if kinds == {SENTENCES}:
        return "sentences resampled (one article a group)"
    return "articles resampled; sentences where a group has one article"


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


def garwood_interval(count: float, exposure: float, level: float = LEVEL) -> tuple[float, float]:
    """Exact (Garwood) interval of a Poisson rate: `count` events in `exposure` (e.g. words)."""
    if not exposure:
        return np.nan, np.nan
    tail = (1 - level) / 2
    low = stats.chi2.ppf(tail, 2 * count) / 2 if count > 0 else 0.0
    return float(low / exposure), float(stats.chi2.ppf(1 - tail, 2 * count + 2) / 2 / exposure)


def clopper_pearson(successes: float, trials: float, level: float = LEVEL) -> tuple[float, float]:
    """Exact (Clopper-Pearson) interval of a binomial share: `successes` of `trials`."""
    if not trials:
        return np.nan, np.nan
    tail = (1 - level) / 2
    low = stats.beta.ppf(tail, successes, trials - successes + 1) if successes > 0 else 0.0
    high = stats.beta.ppf(1 - tail, successes + 1, trials - successes) if successes < trials else 1.0
    return float(low), float(high)


def auc(positive: np.ndarray, negative: np.ndarray) -> float:
    """P(a positive-class score > a negative-class score), ties half (Mann-Whitney U / n1 n2);
    nan when a class is empty."""
    if not len(positive) or not len(negative):
        return float("nan")
    ranks = stats.rankdata(np.concatenate([positive, negative]))
    u = ranks[: len(positive)].sum() - len(positive) * (len(positive) + 1) / 2
    return float(u / (len(positive) * len(negative)))


EXACT = {"poisson": garwood_interval, "binomial": clopper_pearson}


def cluster_interval(numerators: np.ndarray, denominators: np.ndarray, clusters: np.ndarray | None,
                     rng: np.random.Generator, n_boot: int, level: float = LEVEL,
                     exact: str | None = None) -> tuple[float, float, int, str]:
    """Interval of sum(numerators) / sum(denominators): (low, high, n_articles, unit).

    Articles are resampled when there are at least two (from per-article sums), else the rows.
    """
    n_articles = len(pd.unique(clusters)) if clusters is not None else 0
    if n_articles >= 2:
        codes = pd.factorize(clusters)[0]
        numerators = np.bincount(codes, weights=numerators, minlength=n_articles)
        denominators = np.bincount(codes, weights=denominators, minlength=n_articles)
        unit = ARTICLES
    else:
        unit = SENTENCES
    if len(numerators) < MIN_UNITS:
        return np.nan, np.nan, n_articles, unit
    low, high = percentile_interval(bootstrap_ratios(numerators, denominators, rng, n_boot), level)
    if exact is not None:
        exact_low, exact_high = EXACT[exact](numerators.sum(), denominators.sum(), level)
        low, high = float(np.fmin(low, exact_low)), float(np.fmax(high, exact_high))
    return low, high, n_articles, unit


def _cluster_column(df: pd.DataFrame, cluster: str | None) -> str | None:
    """`cluster` if df has that column, else None (every row its own unit)."""
    return cluster if cluster is not None and cluster in df.columns else None


def _mean_summary(values: np.ndarray, clusters: np.ndarray | None, rng: np.random.Generator,
                  n_boot: int, level: float) -> tuple:
    """(n, mean, low, high, n_articles, unit) of the values that are not missing, `clusters`
    their rows' articles; a share of 0/1 values also gets its Clopper-Pearson bound."""
    kept = ~np.isnan(values)
    values = values[kept]
    binary = len(values) > 0 and bool(np.isin(values, (0.0, 1.0)).all())
    low, high, n_articles, unit = cluster_interval(
        values, np.ones_like(values), clusters[kept] if clusters is not None else None, rng,
        n_boot, level, "binomial" if binary else None)
    return len(values), values.mean() if len(values) else np.nan, low, high, n_articles, unit


def _ratio_summary(numerators: np.ndarray, denominators: np.ndarray, clusters: np.ndarray | None,
                   rng: np.random.Generator, n_boot: int, level: float, exact: str | None) -> tuple:
    """(n, sum of numerators, sum of denominators, ratio, low, high, n_articles, unit)."""
    low, high, n_articles, unit = cluster_interval(numerators, denominators, clusters, rng, n_boot,
                                                   level, exact)
    total = denominators.sum()
    return (len(numerators), numerators.sum(), total,
            numerators.sum() / total if total else np.nan, low, high, n_articles, unit)


def summarise_mean(
    df: pd.DataFrame,
    value: str,
    by: str | list[str],
    n_boot: int = N_BOOTSTRAP,
    seed: int = SEED,
    level: float = LEVEL,
    cluster: str | None = CLUSTER,
) -> pd.DataFrame:
    """Mean of `value` per group with a cluster-bootstrap interval (see the module docstring).

    Columns: the group keys, n (rows), mean, low, high, n_articles (distinct `cluster` values; 0
    without that column) and unit (articles or sentences: what was resampled). A share of 0/1
    values also gets its Clopper-Pearson bound.
    """
    column = _cluster_column(df, cluster)
    rows = []
    for key, group in df.groupby(by, sort=False, dropna=False):
        keys = key if isinstance(key, tuple) else (key,)
        rows.append((*keys, *_mean_summary(
            group[value].to_numpy(dtype=float, na_value=np.nan),
            group[column].to_numpy() if column else None, group_rng(seed, key), n_boot, level)))
    names = [by] if isinstance(by, str) else list(by)
    return pd.DataFrame(rows, columns=[*names, "n", "mean", "low", "high", "n_articles", "unit"])


def summarise_ratio(
    df: pd.DataFrame,
    numerator: str,
    denominator: str,
    by: str | list[str],
    n_boot: int = N_BOOTSTRAP,
    seed: int = SEED,
    level: float = LEVEL,
    cluster: str | None = CLUSTER,
    exact: str | None = "poisson",
) -> pd.DataFrame:
    """sum(numerator) / sum(denominator) per group (a rate such as mentions per word, or with
    exact="binomial" a share of words) with a cluster-bootstrap interval widened to the exact
    bound; columns: keys, n (rows), both sums, ratio, low, high, n_articles, unit."""
    column = _cluster_column(df, cluster)
    rows = []
    for key, group in df.groupby(by, sort=False, dropna=False):
        keys = key if isinstance(key, tuple) else (key,)
        rows.append((*keys, *_ratio_summary(
            group[numerator].to_numpy(dtype=float), group[denominator].to_numpy(dtype=float),
            group[column].to_numpy() if column else None, group_rng(seed, key), n_boot, level,
            exact)))
    names = [by] if isinstance(by, str) else list(by)
    return pd.DataFrame(rows, columns=[*names, "n", numerator, denominator, "ratio", "low", "high",
                                       "n_articles", "unit"])


def summarise_columns(values: pd.DataFrame, keys: pd.DataFrame, column: str,
                      clusters: np.ndarray | None = None, denominators: np.ndarray | None = None,
                      names: tuple[str, str] = ("numerator", "denominator"),
                      exact: str | None = "poisson", n_boot: int = N_BOOTSTRAP, seed: int = SEED,
                      level: float = LEVEL) -> pd.DataFrame:
    """summarise_mean of each column of `values` (rows: sentences or segments) per group of the
    rows' `keys` or, with `denominators`, summarise_ratio over them (sums named `names`, bound
    `exact`): the table those give for the long table of (keys, `column` = the column's name,
    value) grouped by [*keys, column], groups in order of first appearance, then the columns in
    order; `clusters` holds each row's article. No long table is built: memory grows with the
    rows, not with rows x columns."""
    codes, uniques = pd.MultiIndex.from_frame(keys).factorize()
    order = np.argsort(codes, kind="stable")  # the rows group after group, each in its order
    bounds = np.r_[0, np.cumsum(np.bincount(codes, minlength=len(uniques)))]
    matrix = values.to_numpy(dtype=float)[order]
    units = clusters[order] if clusters is not None else None
    shares = denominators[order].astype(float) if denominators is not None else None
    # runs of whole groups, each bootstrapped by a worker: every group has its own generator,
    # so the rows are the same however the groups are cut. A group costs about its resampled
    # units (articles, or rows of one article) times the columns.
    units_per_group = np.diff(bounds) if units is None else pd.DataFrame(
        {"group": codes[order], "unit": units}).drop_duplicates().groupby("group").size().reindex(
        range(len(uniques)), fill_value=0).to_numpy()
    parts = partitions(pd.Series(np.arange(len(uniques))), key=None,
                       sizes=units_per_group * matrix.shape[1])
    jobs = []
    for part in parts:
        groups = part.to_numpy()
        first, last = (int(groups[0]), int(groups[-1]) + 1) if len(groups) else (0, 0)
        span = slice(bounds[first], bounds[last])  # the run's rows
        jobs.append((list(uniques[first:last]), bounds[first:last + 1] - bounds[first],
                     list(values.columns), matrix[span],
                     units[span] if units is not None else None,
                     shares[span] if shares is not None else None, exact, n_boot, seed, level))
    rows = run_partitions(_summarise_groups, jobs, joined_lists)
    middle = ["mean"] if denominators is None else [*names, "ratio"]
    return pd.DataFrame(rows, columns=[*keys.columns, column, "n", *middle, "low", "high",
                                       "n_articles", "unit"])


def _summarise_groups(job: tuple) -> list[tuple]:
    """The rows of summarise_columns for a run of groups: (their keys, where each group's rows
    start and end in the arrays, the column names, the values, articles and denominators of
    their rows, group after group, and the interval settings)."""
    keys, bounds, names, matrix, units, denominators, exact, n_boot, seed, level = job
    rows = []
    for g, key in enumerate(keys):
        here = slice(bounds[g], bounds[g + 1])
        articles = units[here] if units is not None else None
        for j, name in enumerate(names):
            rng = group_rng(seed, (*key, name))
            rows.append((*key, name, *(
                _mean_summary(matrix[here, j], articles, rng, n_boot, level) if denominators is None
                else _ratio_summary(matrix[here, j], denominators[here], articles, rng, n_boot,
                                    level, exact))))
    return rows

"""Attention over time: articles per period and group from publication dates."""

import shutil

from analysis import load_corpus
from analysis.overview import attention_period, compute_attention
from tests.conftest import TINY


def _corpus(tmp_path, dates):
    """The tiny fixture with its three articles published on `dates`."""
    folder = tmp_path / "c"
    shutil.copytree(TINY, folder)
    meta = (folder / "metadata.csv").read_text(encoding="utf-8").splitlines()
    rows = [meta[0]] + [line.replace(",2023-05-01,", ",unknown,").replace(
        ",unknown,", f",{date},", 1) for line, date in zip(meta[1:], dates, strict=True)]
    (folder / "metadata.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return load_corpus(folder)


def test_articles_per_week_with_zero_weeks(tmp_path):
    corpus = _corpus(tmp_path, ["2023-05-01", "2023-05-03", "2023-06-20"])
    table = compute_attention(corpus)
    assert table["unit"].unique().tolist() == ["week"]
    assert len(table) == 8 * 2  # weeks of 1 May to 19 June, both groups, zeros included
    busy = table[table["n_articles"] > 0]
    assert busy.assign(period=busy["period"].dt.strftime("%Y-%m-%d")).values.tolist() == [
        ["2023-05-01", "week", "Alpha Times", 1], ["2023-05-01", "week", "Beta News", 1],
        ["2023-06-19", "week", "Beta News", 1]]


def test_no_dates_no_rows(tmp_path):
    corpus = _corpus(tmp_path, ["unknown", "unknown", "unknown"])
    assert compute_attention(corpus).empty


def test_the_period_follows_the_span():
    import pandas as pd

    def period(*days):
        return attention_period(pd.Series(pd.to_datetime(list(days))))[1]

    assert [period("2023-01-01", "2023-01-20"), period("2023-01-01", "2023-09-01"),
            period("2020-01-01", "2024-01-01"), period("2000-01-01", "2024-01-01")] == [
        "day", "week", "month", "year"]

"""Progress bars only on a terminal (or when asked), and the one-line time summary."""

import time

import pandas as pd

from analysis.__main__ import main
from analysis.parallel import run_partitions
from analysis.progress import PROGRESS_ENV, Timer, progress, showing
from tests.conftest import TINY


def test_bars_are_quiet_unless_stderr_is_a_terminal_or_asked(monkeypatch, capsys):
    monkeypatch.delenv(PROGRESS_ENV, raising=False)
    items = [1, 2, 3]
    assert not showing() and progress(items, "x") is items  # pytest's stderr is no terminal
    monkeypatch.setenv(PROGRESS_ENV, "on")
    assert list(progress(items, "counting")) == items
    assert "counting" in capsys.readouterr().err
    monkeypatch.setenv(PROGRESS_ENV, "off")
    assert progress(items, "x") is items


def test_partitions_show_a_bar_when_asked(monkeypatch, capsys):
    monkeypatch.setenv(PROGRESS_ENV, "on")
    monkeypatch.setenv("ANALYSIS_WORKERS", "1")  # the labelled bar of the in-process path
    parts = [pd.DataFrame({"x": [i]}) for i in range(3)]

    def _double_rows(df):
        return df * 2

    assert run_partitions(_double_rows, parts, pd.concat)["x"].tolist() == [0, 2, 4]
    assert "double rows" in capsys.readouterr().err


def test_timer_adds_steps_in_order_and_laps():
    timer = Timer()
    with timer.step("load"):
        pass
    timer.add("terms", 1.25)
    timer.add("load", 2.0)
    timer.lap("notebook")
    time.sleep(0.01)
    timer.lap(None)
    assert list(timer.seconds) == ["load", "terms", "notebook"]
    assert 2.0 <= timer.seconds["load"] < 2.5 and timer.seconds["notebook"] >= 0.01
    assert timer.summary("tables").startswith("time: tables 3.")
    assert "(load 2.0, terms 1.2, notebook 0.0)" in timer.summary("tables")


def test_tables_ends_with_the_time_of_each_stage(tmp_path, capsys):
    assert main(["tables", "--corpus", str(TINY), "--out", str(tmp_path / "out")]) == 0
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert last.startswith("time: tables ")
    steps = [part.rsplit(" ", 1)[0] for part in last.split("(", 1)[1].rstrip(")").split(", ")]
    assert steps == ["load", "overview", "terms", "keyness", "similarity", "topics", "sentiment",
                     "framing", "roles", "findings"]

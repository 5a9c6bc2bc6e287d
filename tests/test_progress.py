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


def test_timer_adds_steps_in_order():
    timer = Timer()
    with timer.step("load"):
        time.sleep(0.01)
    timer.add("terms", 1.25)
    timer.add("load", 2.0)
    assert list(timer.seconds) == ["load", "terms"]
    assert 2.01 <= timer.seconds["load"] < 2.5
    assert timer.summary("tables").startswith("time: tables 3.")
    assert "(load 2.0, terms 1.2)" in timer.summary("tables")


def test_timer_totals_the_wall_time_when_steps_ran_side_by_side():
    timer = Timer()
    timer.add("01-a", 4.0)
    timer.add("02-b", 5.0)
    assert timer.summary("report", wall=5.5, note="notebooks 2 at a time") == \
        "time: report 5.5 s (01-a 4.0, 02-b 5.0; notebooks 2 at a time)"


def test_tables_ends_with_the_time_of_each_stage(tmp_path, capsys):
    assert main(["tables", "--corpus", str(TINY), "--out", str(tmp_path / "out")]) == 0
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert last.startswith("time: tables ")
    steps = [part.rsplit(" ", 1)[0] for part in last.split("(", 1)[1].rstrip(")").split(", ")]
    assert steps == ["load", "start", "overview", "terms", "keyness", "similarity", "topics", "sentiment",
                     "framing", "roles", "findings"]

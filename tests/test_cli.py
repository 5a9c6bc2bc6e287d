"""The command line: tables, figures, help, and errors without tracebacks."""

import subprocess
import sys

import pandas as pd
import pytest

from tests.conftest import TINY


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "analysis", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, timeout=600)


def test_tables_writes_the_base_tables(tmp_path):
    result = run("tables", "--corpus", TINY, "--out", tmp_path)
    assert result.returncode == 0, result.stderr
    documents = pd.read_csv(tmp_path / "documents.csv")
    assert documents["doc_id"].tolist() == ["alpha", "beta", "gamma"]
    sentences = pd.read_csv(tmp_path / "sentences.csv")
    assert list(sentences.columns[:6]) == ["sentence_id", "doc_id", "sentence_index",
                                          "paragraph_index", "start", "end"]
    assert len(sentences) == 8
    removed = pd.read_csv(tmp_path / "removed.csv")
    assert {"doc_id", "text", "reason"} <= set(removed.columns)
    assert len(removed) == 10
    skipped = pd.read_csv(tmp_path / "skipped.csv")
    assert list(skipped.columns) == ["file", "reason"] and skipped.empty


def test_figures_writes_png_svg_csv(tmp_path):
    result = run("figures", "--corpus", TINY, "--out", tmp_path)
    assert result.returncode == 0, result.stderr
    stems = {p.stem for p in tmp_path.iterdir() if p.is_file()}
    assert "01-corpus-overview-timeline" in stems
    for stem in stems:
        assert {p.suffix for p in tmp_path.glob(f"{stem}.*")} == {".png", ".svg", ".csv"}


@pytest.mark.parametrize("command", ["tables", "figures", "report", "kwic"])
def test_help(command):
    result = run(command, "--help")
    assert result.returncode == 0
    assert "--corpus" in result.stdout and "--out" in result.stdout


@pytest.mark.parametrize("command", ["tables", "figures", "report"])
def test_missing_corpus_is_a_clear_error(tmp_path, command):
    result = run(command, "--corpus", tmp_path / "missing", "--out", tmp_path / "out")
    assert result.returncode == 2
    assert result.stderr.strip() == f"error: {tmp_path / 'missing'}: corpus folder not found"
    assert "Traceback" not in result.stderr


def test_warnings_are_one_line_each(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Title\n\nA sentence here. Another one.\n")
    (corpus / "empty.txt").write_text("")
    result = run("tables", "--corpus", corpus, "--out", tmp_path / "out")
    assert result.returncode == 0
    lines = result.stderr.strip().splitlines()
    warnings = [line for line in lines if line.startswith("warning: ")]
    assert warnings[0] == "warning: empty.txt: skipped, empty file"
    assert "all 1 article(s) are in one group (outlet = 'unknown')" in warnings[1]
    assert len(warnings) == 2
    assert all(line.startswith(("warning: ", "corpus ", "skipped ", "time: ")) for line in lines), \
        lines
    assert pd.read_csv(tmp_path / "out" / "skipped.csv").values.tolist() == [
        ["empty.txt", "empty file"]]


def test_kwic_prints_a_concordance_aligned_on_the_term(tmp_path):
    result = run("kwic", "nato", "--corpus", TINY, "--out", tmp_path, "--width", "20")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Alpha Times  alpha                       [NATO] will send more troop",
        "Beta News    beta    Ministry criticised [NATO] ."]
    assert result.stderr.splitlines()[-1] == "kwic: 2 occurrences of 'nato' (Alpha Times: 1, Beta News: 1)"


def test_kwic_groups_by_another_column(tmp_path):
    result = run("kwic", "nato", "--corpus", TINY, "--out", tmp_path, "--group-by", "standpoint",
                 "--limit", "1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "fixture outlet A  alpha  " + " " * 40 + " [NATO] will send more troops to the east."]


def test_tables_name_the_column_they_group_by(tmp_path):
    """Grouped by standpoint, the tables' group column is called standpoint, not outlet."""
    result = run("tables", "--corpus", TINY, "--group-by", "standpoint", "--out", tmp_path)
    assert result.returncode == 0, result.stderr
    keyness = pd.read_csv(tmp_path / "keyness.csv")
    assert "standpoint" in keyness and "outlet" not in keyness
    profile = pd.read_csv(tmp_path / "outlet_profile.csv")
    assert profile["standpoint"].tolist()[:1] == ["fixture outlet A"]
    assert "standpoint" in pd.read_csv(tmp_path / "documents.csv")  # the metadata column itself

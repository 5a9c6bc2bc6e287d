"""Corpora shaped like the ones users bring: every command exits cleanly and finds the right groups."""

import re
from pathlib import Path

import pandas as pd
import pytest

from analysis.__main__ import main
from analysis.config import shared_corpora

CORPORA = shared_corpora()
BBC = CORPORA / "bbc-2095" / "news"
SCRAPED = CORPORA / "semeval2025-cc" / "docs"

STORY = ("{place} officials said on {day} that the new bridge would open next spring. "
         "Engineers had warned that the old crossing was unsafe for heavy trucks.\n\n"
         '"We waited ten years for this," said Maria Lopez, a local shop owner. '
         "Critics argued that the cost had doubled since the plan was first announced.\n")
PLACES = ["Leeds", "Porto", "Gdansk", "Lyon", "Turin", "Ghent", "Brno", "Aarhus", "Split", "Cork"]


def _story(i: int, title: bool = True) -> str:
    body = STORY.format(place=PLACES[i % len(PLACES)], day=["Monday", "Friday"][i % 2])
    return (f"Bridge story number {i}\n\n" if title else "") + body


def _real(folder: Path, n: int) -> dict[str, str]:
    paths = sorted(folder.glob("*.txt"))[:n]
    return {p.name: p.read_text(encoding="utf-8", errors="replace") for p in paths}


def _shape(name: str) -> tuple[dict[str, str], set[str]]:
    """The files of a corpus shape, and the groups the loader should find."""
    if name == "no metadata":
        return {f"a{i}.txt": _story(i) for i in range(3)}, {"unknown"}
    if name == "subfolders per outlet":
        return ({f"{o}/s{i}.txt": _story(i) for o in ("north", "south") for i in range(2)},
                {"north", "south"})
    if name == "no dates":
        meta = "file,title,outlet\n" + "".join(f"a{i}.txt,Story {i},{'AB'[i % 2]}\n" for i in range(4))
        return {**{f"a{i}.txt": _story(i) for i in range(4)}, "metadata.csv": meta}, {"A", "B"}
    if name == "body only":
        meta = "file,title,outlet,published\n" + "".join(
            f"a{i}.txt,Story {i},{'AB'[i % 2]},2023-0{i + 1}-15\n" for i in range(4))
        return ({**{f"a{i}.txt": _story(i, title=False) for i in range(4)}, "metadata.csv": meta},
                {"A", "B"})
    if name == "one article":
        return {"only.txt": _story(0)}, {"unknown"}
    if name == "one group":
        meta = "file,outlet\n" + "".join(f"a{i}.txt,Same Paper\n" for i in range(3))
        return {**{f"a{i}.txt": _story(i) for i in range(3)}, "metadata.csv": meta}, {"Same Paper"}
    if name == "thirty groups":
        return {f"outlet{i:02d}/s.txt": _story(i) for i in range(30)}, {f"outlet{i:02d}" for i in range(30)}
    if name == "clean BBC text":
        files = {f"{c}/{k}": v for c in ("business", "sport") for k, v in _real(BBC / c, 3).items()}
        return files, {"business", "sport"}
    if name == "scraped with boilerplate":
        return _real(SCRAPED, 6), {"unknown"}
    raise ValueError(name)


SHAPES = ["no metadata", "subfolders per outlet", "no dates", "body only", "one article",
          "one group", "thirty groups", "clean BBC text", "scraped with boilerplate"]
REAL = {"clean BBC text": BBC, "scraped with boilerplate": SCRAPED}


def _make(tmp_path: Path, shape: str) -> tuple[Path, set[str]]:
    if shape in REAL and not REAL[shape].is_dir():
        pytest.skip(f"{REAL[shape]} is not on this machine")
    files, groups = _shape(shape)
    corpus = tmp_path / "corpus"
    for name, text in files.items():
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        (corpus / name).write_text(text, encoding="utf-8")
    return corpus, groups


def _run(capsys, *args) -> tuple[int, str]:
    code = main([str(a) for a in args])
    return code, capsys.readouterr().err


@pytest.mark.parametrize("shape", SHAPES)
def test_tables_and_figures_run_and_find_the_groups(tmp_path, capsys, shape):
    corpus, groups = _make(tmp_path, shape)
    code, err = _run(capsys, "tables", "--corpus", corpus, "--out", tmp_path / "tables")
    assert code == 0, err
    assert "Traceback" not in err
    documents = pd.read_csv(tmp_path / "tables" / "documents.csv", keep_default_na=False)
    assert set(documents["outlet"]) == groups
    assert re.search(rf"corpus .*: {len(groups)} groups? by outlet in {len(documents)} article",
                     err), err
    if len(groups) == 1:
        assert "are in one group" in err
    code, err = _run(capsys, "figures", "--corpus", corpus, "--out", tmp_path / "figures")
    assert code == 0, err
    assert len(list((tmp_path / "figures").glob("*.png"))) >= 10


@pytest.mark.parametrize("shape", ["one article", "thirty groups", "body only"])
def test_report_builds_every_notebook(tmp_path, capsys, shape):
    corpus, _ = _make(tmp_path, shape)
    code, err = _run(capsys, "report", "--corpus", corpus, "--out", tmp_path / "reports")
    assert code == 0, err
    index = (tmp_path / "reports" / "index.html").read_text(encoding="utf-8")
    assert "not built" not in index
    pages = sorted(p.name for p in (tmp_path / "reports").glob("*.html"))
    assert len(pages) == 12, pages  # five notebooks twice, the index and the term explorer
    for page in pages:
        text = (tmp_path / "reports" / page).read_text(encoding="utf-8")
        bad = [line.strip()[:300] for line in text.splitlines()
               if "Traceback" in line or "site-packages" in line or re.search(r"\bnan\b", line)]
        assert not bad, (page, bad[:5])  # the offending lines only, not the whole page
    framing = (tmp_path / "reports" / "04-source-framing.html").read_text(encoding="utf-8")
    findings = (tmp_path / "reports" / "05-findings.html").read_text(encoding="utf-8")
    if shape == "one article":  # a story of a bridge: no war, no actor
        assert "The article does not name the war (Ukraine, Kyiv, Zelensky or the like)" in framing
        assert "<strong>The article does not name the war</strong>" in findings
    if shape == "thirty groups":
        assert "None of the 30 articles names the war (Ukraine" in framing
        assert "<strong>None of the 30 articles names the war</strong>" in findings

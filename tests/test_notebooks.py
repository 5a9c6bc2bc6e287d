"""Notebooks: committed without outputs, executed in the report build, exported offline."""

import re

import nbformat
import pytest

from analysis import config
from analysis.report import build_reports, notebook_paths
from tests.conftest import TINY

NOTEBOOKS = notebook_paths()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_opens_with_what_it_reads_and_writes(path):
    first = nbformat.read(path, as_version=4).cells[0].source
    assert first.startswith("# ") and "**Reads**" in first and "**Writes**" in first


@pytest.fixture(scope="module", params=["seeds", "tiny"])
def reports(request, tmp_path_factory):
    """The whole report built for the seeds and, to show it adapts, for the fixture corpus."""
    corpus = config.SEEDS_DIR if request.param == "seeds" else TINY
    out = tmp_path_factory.mktemp(f"reports-{request.param}")
    build_reports(corpus, out)
    return out


def test_every_notebook_exported_twice_plus_index(reports):
    names = sorted(p.name for p in reports.glob("*.html"))
    expected = sorted([f"{p.stem}.html" for p in NOTEBOOKS]
                      + [f"{p.stem}-with-code.html" for p in NOTEBOOKS] + ["index.html"])
    assert names == expected


def test_reports_fetch_nothing_from_the_network(reports):
    for page in reports.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert re.findall(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", text) == [], page.name
        assert "@import" not in text and "<script src" not in text


def test_images_are_embedded_with_alt_text(reports):
    for page in reports.glob("*.html"):
        for img in re.findall(r"<img[^>]*>", page.read_text(encoding="utf-8")):
            assert 'src="data:image/png;base64,' in img
            assert re.search(r'alt="[^"]{20,}"', img), img[:120]


def test_reader_version_hides_code(reports):
    for path in NOTEBOOKS:
        reader = (reports / f"{path.stem}.html").read_text(encoding="utf-8")
        full = (reports / f"{path.stem}-with-code.html").read_text(encoding="utf-8")
        assert "jp-Editor jp-InputArea-editor" not in reader and "load_corpus" not in reader
        assert "jp-Editor jp-InputArea-editor" in full and "load_corpus" in full


def test_index_links_every_report(reports):
    index = (reports / "index.html").read_text(encoding="utf-8")
    for path in NOTEBOOKS:
        assert f'href="{path.stem}.html"' in index

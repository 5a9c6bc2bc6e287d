"""Notebooks: committed without outputs, executed in the report build, exported offline."""

import os
import re
import shutil

import nbformat
import pandas as pd
import pytest

from analysis import config
from analysis.report import (
    CODE_ONLY_TAG,
    PARAMETERS_TAG,
    PROJECT_KERNEL,
    build_reports,
    notebook_paths,
)
from tests.conftest import FIXTURES, TINY

MAX_REPORT_BYTES = 2 * 1024 * 1024
CORPORA = {"seeds": config.SEEDS_DIR, "tiny": TINY, "hostile": FIXTURES / "hostile"}

NOTEBOOKS = notebook_paths()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_opens_with_what_it_reads_and_writes(path):
    cells = nbformat.read(path, as_version=4).cells
    assert cells[0].source.startswith("# ")
    notes = next(c for c in cells if CODE_ONLY_TAG in c.metadata.get("tags", []))
    assert "**Reads**" in notes.source and "**Writes**" in notes.source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_has_a_parameters_cell_and_the_project_kernel(path):
    nb = nbformat.read(path, as_version=4)
    parameters = [c for c in nb.cells if PARAMETERS_TAG in c.metadata.get("tags", [])]
    assert len(parameters) == 1 and "corpus_folder = None" in parameters[0].source
    assert nb.metadata["kernelspec"]["name"] == PROJECT_KERNEL
    assert "(s)" not in "".join(c.source for c in nb.cells)


@pytest.fixture(scope="module", params=list(CORPORA))
def reports(request, tmp_path_factory):
    """The whole report built for the seeds, the tiny fixture (it adapts) and a hostile fixture."""
    out = tmp_path_factory.mktemp(f"reports-{request.param}")
    build_reports(CORPORA[request.param], out)
    return out


@pytest.mark.parametrize("reports", ["seeds"], indirect=True)
def test_committed_reports_match_a_fresh_build(reports):
    pages = ("*.html", f"{config.REPORT_TABLES}/*.csv")  # with the full tables the pages link
    committed = {p.relative_to(config.REPORTS_DIR).as_posix(): p.read_bytes()
                 for pattern in pages for p in config.REPORTS_DIR.glob(pattern)}
    fresh = {p.relative_to(reports).as_posix(): p.read_bytes()
             for pattern in pages for p in reports.glob(pattern)}
    assert sorted(committed) == sorted(fresh), "run `make report` and commit reports/"
    assert [name for name in fresh if committed[name] != fresh[name]] == []


@pytest.mark.parametrize("reports", ["seeds"], indirect=True)
def test_every_full_table_a_page_links_is_written_beside_it(reports):
    from analysis.report import linked_tables

    linked = {name for page in reports.glob("*.html")
              for name in linked_tables(page.read_text(encoding="utf-8"))}
    assert {"removed", "terms"} <= linked  # tables the seeds' pages cut short
    written = {p.stem: p for p in (reports / config.REPORT_TABLES).glob("*.csv")}
    assert sorted(written) == sorted(linked)
    removed = pd.read_csv(written["removed"])
    assert len(removed) > 15 and {"doc_id", "reason"} <= set(removed.columns)


@pytest.mark.parametrize("reports", ["seeds"], indirect=True)
def test_the_page_says_why_the_unbiased_cosine_is_blank(reports):
    page = (reports / "02-terms-and-topics.html").read_text(encoding="utf-8")
    assert "The unbiased cosine is blank for all 10 pairs: it needs two articles in each outlet" in page
    assert "and 5 outlets (" in page and ") have one article; the plain cosine stands alone there." in page


def test_every_notebook_exported_twice_plus_index(reports):
    names = sorted(p.name for p in reports.glob("*.html"))
    expected = sorted([f"{p.stem}.html" for p in NOTEBOOKS]
                      + [f"{p.stem}-with-code.html" for p in NOTEBOOKS] + ["index.html", "explorer.html"])
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
        assert "jp-Editor jp-InputArea-editor" not in reader and "open_corpus" not in reader
        assert "jp-Editor jp-InputArea-editor" in full and "open_corpus" in full
        assert "**Reads**" not in reader and "<strong>Reads</strong>" in full


def test_index_links_every_report(reports):
    index = (reports / "index.html").read_text(encoding="utf-8")
    for path in NOTEBOOKS:
        assert f'href="{path.stem}.html"' in index
    assert 'href="explorer.html"' in index


def test_reports_within_size_budget(reports):
    for page in reports.glob("*.html"):
        assert page.stat().st_size < MAX_REPORT_BYTES, page.name


def test_article_text_and_metadata_cannot_inject_markup(reports):
    for page in reports.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        # the explorer runs its own inline script by design (tests/test_explorer.py attacks it)
        assert page.name == "explorer.html" or "<script" not in text.lower(), page.name
        assert re.search(r"<[^>]*\bon\w+\s*=", text) is None, page.name  # no event handlers
        assert re.search(r"""(?:href|src)\s*=\s*["']?\s*javascript:""", text, re.I) is None


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is required under CI (make test installs it)")
        pytest.skip("chromium not installed")
    return path


def _open_offline(browser, page_path):
    """Load a page with every non-file request refused; return its images and any problems."""
    page = browser.new_page()
    problems = []
    page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))

    def offline(route):
        if route.request.url.startswith(("file:", "data:")):
            route.continue_()
        else:
            problems.append(f"network: {route.request.url}")
            route.abort()

    page.route("**/*", offline)
    page.goto(page_path.as_uri(), wait_until="load")
    images = page.evaluate(
        "Array.from(document.images).map(i => [i.complete && i.naturalWidth > 0, i.alt])")
    page.close()
    return images, problems


def test_reports_render_offline_in_a_real_browser(reports):
    from playwright.sync_api import sync_playwright

    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=_chromium(), args=args)
        for page_path in sorted(reports.glob("*.html")):
            images, problems = _open_offline(browser, page_path)
            assert all(ok and alt for ok, alt in images), (page_path.name, images)
            assert problems == [], (page_path.name, problems)
        browser.close()


def test_a_lean_of_war_labels_says_in_how_many_articles_it_holds(tmp_path):
    """The summary's lean of the narrators' war labels names the articles that name the war when
    the corpus holds others (a story of a bridge beside the seeds)."""
    corpus = tmp_path / "mixed"
    shutil.copytree(config.SEEDS_DIR, corpus)
    (corpus / "bridge.txt").write_text(
        "Bridge opens\n\nLeeds officials said on Monday that the new bridge would open next spring.\n",
        encoding="utf-8")
    build_reports(corpus, tmp_path / "out", notebooks=["05-findings"])
    page = (tmp_path / "out" / "05-findings.html").read_text(encoding="utf-8")
    assert "in the 5 of the 6 articles that name the war" in page

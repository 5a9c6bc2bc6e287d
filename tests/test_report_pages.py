"""Report pages without running a kernel: parameters, the front page, the reader version."""

import nbformat
import pandas as pd

from analysis.report import (
    CODE_ONLY_TAG,
    INJECTED_TAG,
    PARAMETERS_TAG,
    Entry,
    describe_corpus,
    export_html,
    inject_parameters,
    write_index,
)


def _notebook():
    new = nbformat.v4
    return new.new_notebook(cells=[
        new.new_markdown_cell("# Title\n\nWhat it does."),
        new.new_markdown_cell("**Reads** a folder. **Writes** figures.",
                              metadata={"tags": [CODE_ONLY_TAG]}),
        new.new_code_cell("corpus_folder = None", metadata={"tags": [PARAMETERS_TAG]}),
        new.new_code_cell("print(corpus_folder)"),
    ])


def test_parameters_are_injected_after_the_parameters_cell_once():
    nb = inject_parameters(_notebook(), {"corpus_folder": "/data/x", "group_by": "standpoint"})
    nb = inject_parameters(nb, {"corpus_folder": "/data/y"})
    sources = [c.source for c in nb.cells]
    assert sources[3] == "# Parameters of this build\ncorpus_folder = '/data/y'\n"
    assert nb.cells[3].metadata["tags"] == [INJECTED_TAG] and len(sources) == 5


def test_reader_version_leaves_out_developer_notes():
    reader, full = export_html(_notebook(), False), export_html(_notebook(), True)
    assert "Reads" not in reader and "What it does." in reader
    assert "<strong>Reads</strong>" in full


def test_front_page_names_the_corpus_and_links_the_findings(tmp_path):
    facts = {"name": "climate", "articles": 176, "group_by": "standpoint",
             "groups": [("left", 100), ("right", 75), ("unknown", 1)],
             "published": (pd.Timestamp("2022-03-03"), pd.Timestamp("2023-05-05")), "events": None}
    entries = [Entry("01-corpus-overview", "Corpus overview", "static text"),
               Entry("05-findings", "Findings", "static", found="**A** speaks most "
                     "([evidence](#finding-1-who-speaks)).")]
    page = write_index(entries, tmp_path, facts).read_text(encoding="utf-8")
    assert ("<p><strong>climate</strong>: 176 articles, compared by standpoint across 3 groups: "
            "left (100), right (75), unknown (1). Published from 3 March 2022 to 5 May 2023.</p>"
            in page)
    assert 'href="05-findings.html#finding-1-who-speaks"' in page
    assert "<title>climate: comparative media analysis</title>" in page


def test_one_group_is_described_not_compared():
    facts = {"name": "c", "articles": 1, "group_by": "outlet", "groups": [("BBC", 1)],
             "published": None, "events": None}
    assert describe_corpus(facts) == ("<p><strong>c</strong>: 1 article, all in one outlet, BBC. "
                                      "No article has a known date.</p>")


HEADER_BREAKS = """() => {
  let broken = [];
  for (const th of document.querySelectorAll('th')) {
    if (th.getBoundingClientRect().height === 0) continue;
    const text = th.firstChild;
    for (const match of text.data.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(text, match.index);
      range.setEnd(text, match.index + match[0].length);
      if (new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1)
        broken.push(match[0]);
    }
  }
  return broken;
}"""
TABLE_WIDTH = """() => { const t = document.querySelector('main table'), b = t.parentElement;
  return [t.getBoundingClientRect().width, b.getBoundingClientRect().width,
          getComputedStyle(t).display, document.documentElement.scrollWidth]; }"""


def _chromium() -> str:
    import os
    import shutil

    import pytest

    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is required under CI (make test installs it)")
        pytest.skip("chromium not installed")
    return path


def test_wide_tables_fit_1000_px_and_break_headers_only_between_words(tmp_path):
    from playwright.sync_api import sync_playwright

    from analysis.notebook import readable, table_html

    columns = ["outlet", "doc_id", "containment", "occurrences", "narrator_call", "n_docs_outlet",
               "victim_vs_villain_auc", "hero_precision", "villain_precision", "coverage", "text"]
    row = ["site06", "site06_EN_CC_200105", 0.875, 12, "villain", 3, 0.616, 0.5, 0.917, 0.147,
           "Earlier this year the minister announced a plan to halve emissions by 2030. " * 4]
    table = table_html(readable(pd.DataFrame([row] * 4, columns=columns)), caption="Wide")
    nb = _notebook()
    nb.cells[-1].outputs = [nbformat.v4.new_output("display_data", data={"text/html": table})]
    page = tmp_path / "page.html"
    page.write_text(export_html(nb, False), encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=_chromium(), args=["--no-sandbox"])
        seen = {}
        for width in (1000, 1400, 390):
            view = browser.new_page(viewport={"width": width, "height": 900})
            view.goto(page.as_uri())
            seen[width] = view.evaluate(HEADER_BREAKS), view.evaluate(TABLE_WIDTH)
            view.close()
        browser.close()
    for width in (1000, 1400):
        broken, (table_px, box_px, display, page_px) = seen[width]
        assert broken == [] and display == "table", (width, broken)
        assert table_px <= box_px and page_px <= width, (width, table_px, box_px, page_px)
    broken, (table_px, box_px, display, page_px) = seen[390]
    assert display == "block" and table_px <= box_px and page_px <= 390  # one block per row

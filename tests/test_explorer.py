"""The term explorer: its data, escaping, determinism, and behaviour in an offline browser."""

import json
import re

import numpy as np
import pytest

from analysis import load_corpus
from analysis.errors import CorpusWarning
from analysis.explorer import (
    explorer_data,
    pick_contexts,
    render_explorer,
    script_json,
    write_explorer,
)
from tests.conftest import FIXTURES
from tests.test_notebooks import _chromium

HOSTILE = "</script><script>alert(1)</script><img src=x onerror=alert(2)>\u2028&amp;"


def test_script_json_escapes_markup_and_line_separators():
    text = script_json({"b": HOSTILE, "a": [1, None]})
    assert text == ('{"a":[1,null],"b":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)'
                    '\\u003c/script\\u003e\\u003cimg src=x onerror=alert(2)\\u003e\\u2028'
                    '\\u0026amp;"}')
    assert json.loads(text)["b"] == HOSTILE


def test_pick_contexts_takes_a_few_per_group_busiest_groups_first(monkeypatch):
    monkeypatch.setattr("analysis.explorer.CONTEXTS_PER_GROUP", 2)
    monkeypatch.setattr("analysis.explorer.CONTEXTS_PER_TERM", 5)
    groups = np.array([0, 1, 1, 1, 2, 0, 1, 2, 2, 2])
    rows = np.array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    totals = np.bincount(groups[rows])  # group 1 and 2: 4 each, group 0: 2
    assert pick_contexts(rows, groups, totals).tolist() == [1, 4, 0, 2, 7]


def test_tiny_data(tiny):
    data = explorer_data(tiny)
    assert data["groups"] == ["Alpha Times", "Beta News"]
    assert data["documents"] == [1, 2]
    assert data["words"] == [12, 19]
    nato = data["terms"].index("nato")
    assert data["counts"][nato] == [1, 1]
    assert data["contexts"][nato] == [
        [0, "alpha", "", "NATO", " will send more troops to the east."],
        [1, "beta", "Russia's Foreign Ministry criticised ", "NATO", "."]]
    assert data["keyness"][0][nato] is None  # below keyness.MIN_FREQ
    assert len(data["keyness"]) == 2 and len(data["keyness"][1]) == len(data["terms"])


def test_page_is_deterministic_and_data_cannot_close_its_script(tiny, tmp_path):
    first = write_explorer(tiny, tmp_path / "a.html").read_bytes()
    second = write_explorer(tiny, tmp_path / "b.html").read_bytes()
    assert first == second
    data = explorer_data(tiny)
    data["groups"][0] = HOSTILE
    page = render_explorer(data)
    assert page.lower().count("<script") == 2
    assert "onerror=alert" not in page.replace("onerror=alert(2)\\u003e", "")
    block = re.search(r'id="explorer-data">(.*?)</script>', page, re.S).group(1)
    assert json.loads(block)["groups"][0] == HOSTILE


def _hostile_page(tmp_path):
    corpus = load_corpus(FIXTURES / "hostile")
    data = explorer_data(corpus)
    alliance = data["terms"].index("alliance")
    data["contexts"][alliance].append([1, "dollars", HOSTILE, "alliance", HOSTILE])
    path = tmp_path / "explorer.html"
    path.write_text(render_explorer(data), encoding="utf-8")
    return path


def test_search_click_and_hostile_text_in_an_offline_browser(tmp_path):
    from playwright.sync_api import sync_playwright

    path = _hostile_page(tmp_path)
    problems = []
    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=_chromium(), args=args)
        page = browser.new_page()
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        page.on("console", lambda m: m.type == "error" and problems.append(m.text))
        page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))

        def only_the_page(route):
            if route.request.url == path.as_uri():
                route.continue_()
            else:
                problems.append(f"request: {route.request.url}")
                route.abort()

        page.route("**/*", only_the_page)
        page.goto(path.as_uri(), wait_until="load")
        assert page.locator("#group option").count() == 2
        assert page.locator("#group option").first.text_content() == (
            "<script>alert('outlet')</script> Times (1 article)")
        page.fill("#search", "allian")
        assert page.text_content("#matches") == "1 term matches"
        assert page.locator("circle.found").count() == 1
        page.press("#search", "Enter")
        assert page.text_content("#detail h2") == "alliance"
        contexts = page.locator("#detail .kwic").all_text_contents()
        assert contexts[0] == "The alliance said nothing new.  [markup]"
        assert contexts[1] == f"{HOSTILE}alliance{HOSTILE}  [dollars]"
        page.click("circle[data-term='nato']", force=True)  # another term may be drawn on top
        if page.text_content("#detail h2") != "nato":
            page.click("#detail p.note button:text-is('nato')")
        assert page.text_content("#detail h2") == "nato"
        page.select_option("#group", "1")
        assert page.text_content("#detail h2") == "nato"
        assert page.evaluate("document.querySelectorAll('script').length") == 2
        assert page.evaluate("document.querySelectorAll('img, iframe, i, b').length") == 0
        browser.close()
    assert problems == []


def test_one_group_page_works(make_corpus):
    folder = make_corpus({"a.txt": "Title\n\nNATO met in Brussels. NATO said more.\n",
                          "metadata.csv": "doc_id,file,outlet\na,a.txt,Solo\n"})
    with pytest.warns(CorpusWarning, match="one group"):
        corpus = load_corpus(folder)
    data = explorer_data(corpus)
    assert data["groups"] == ["Solo"]
    assert data["keyness"] == [[None] * len(data["terms"])]

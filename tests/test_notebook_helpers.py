"""The notebook helpers: article text cannot become markup, links or maths in the narration."""

from pathlib import Path

import pandas as pd
import pytest
from nbconvert.filters.markdown_mistune import markdown2html_mistune

from analysis import config
from analysis.errors import CorpusWarning
from analysis.notebook import _show_corpus_warning, escape, interval, translation_status


@pytest.mark.parametrize("text", [
    "see https://evil.example/x?a=1 and www.evil.example", "1. not a list", "~~not struck~~",
    r"\(x^2\) and $y$", "<b>bold</b> *em* _u_ [link](http://x.example) `code` # head | pipe",
])
def test_article_text_renders_as_itself(text):
    html = markdown2html_mistune(escape(text))
    assert "<a " not in html and "<ol" not in html and "<del" not in html and "<b>" not in html
    assert "<em" not in html and "<code" not in html and "<h1" not in html
    assert html.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") == f"<p>{text}</p>\n"


def test_a_corpus_warning_is_a_note_without_the_build_path(monkeypatch, tmp_path):
    shown = []
    monkeypatch.setattr("analysis.notebook.display", lambda obj: shown.append(obj.data))
    folder = tmp_path / "my-corpus"
    monkeypatch.setenv(config.CORPUS_ENV, str(folder))
    _show_corpus_warning(CorpusWarning(f"{folder}: all 3 article(s) are in one group"),
                         CorpusWarning, "x.py", 1)
    assert shown == [r"> **Note.** my-corpus\: all 3 article\(s\) are in one group"]


def test_plural_has_no_parenthesised_s():
    from analysis.notebook import plural

    assert [plural(1, "article"), plural(0, "article"), plural(1204, "article"),
            plural(2, "country", "countries"), plural(1.0, "row")] == [
        "1 article", "0 articles", "1,204 articles", "2 countries", "1 row"]


def test_readable_tables_use_reader_headers_and_values():
    import pandas as pd

    from analysis.notebook import readable

    df = pd.DataFrame({"outlet": ["a", "b"], "doc_id": ["x", "y"], "p_adjusted": [1e-7, 0.04567],
                       "z": [-0.0, 2.345], "n_words": [7506.0, 12.0], "flag": [True, False],
                       "translated": pd.array([True, None], dtype="boolean")})
    table = readable(df)
    assert list(table.columns) == ["outlet", "article", "p (adjusted)", "z", "words", "flag",
                                   "translated"]
    assert table.values.tolist() == [["a", "x", "< 0.001", "0", "7,506", "yes", "yes"],
                                     ["b", "y", "0.0457", "2.35", "12", "no", ""]]
    assert readable(pd.DataFrame({"lrc": [-0.0, 3.0]}))["LRC"].tolist() == ["0", "3"]
    long = readable(pd.DataFrame({"left": ["a" * 500 + "end"], "text": ["start" + "b" * 500]}))
    assert long["left"].iloc[0] == "…" + ("a" * 500 + "end")[-400:]
    assert long["text"].iloc[0] == ("start" + "b" * 500)[:400] + "…"


def test_headers_name_the_grouping_column(monkeypatch):
    from analysis.notebook import _display, group_word, header

    monkeypatch.setitem(_display, "group", "standpoint")
    assert header("outlet") == "standpoint" and group_word(2) == "standpoints"
    assert group_word(article=True) == "a standpoint"
    monkeypatch.setitem(_display, "group", "country")
    assert group_word(1) == "country" and group_word(3) == "countries"


def test_a_long_table_shows_its_top_rows_and_where_the_rest_is(monkeypatch):
    import pandas as pd

    from analysis import config
    from analysis.notebook import _display, show_table

    shown = []
    monkeypatch.setattr("analysis.notebook.display", lambda obj: shown.append(obj.data))
    monkeypatch.delenv(config.OUTPUT_ENV, raising=False)
    monkeypatch.setitem(_display, "corpus", config.SEEDS_DIR)
    show_table(pd.DataFrame({"n": range(20)}), name="quotes", rows=3)
    assert shown[0].count("<td ") == 3
    assert shown[0].endswith('<p class="table-more">and 17 more rows; full table: '
                             'tables/quotes.csv (written by python -m analysis tables)</p>')
    monkeypatch.setitem(_display, "corpus", Path("/data/scraped/bbc"))  # another corpus
    show_table(pd.DataFrame({"n": range(20)}), name="quotes", rows=3)
    assert "full table: output/bbc/tables/quotes.csv (written by" in shown[1]


def test_in_a_report_the_rest_of_a_long_table_is_a_link_to_its_csv(monkeypatch):
    import pandas as pd

    from analysis import config
    from analysis.notebook import show_table
    from analysis.report import linked_tables

    shown = []
    monkeypatch.setattr("analysis.notebook.display", lambda obj: shown.append(obj.data))
    monkeypatch.setenv(config.REPORT_ENV, "1")
    show_table(pd.DataFrame({"n": range(20)}), name="quotes", rows=3)
    show_table(pd.DataFrame({"n": range(3)}), name="speakers", rows=3)  # whole: no link
    assert shown[0].endswith('<p class="table-more">and 17 more rows; full table: '
                             '<a href="tables/quotes.csv">tables/quotes.csv</a></p>')
    assert linked_tables("".join(shown) * 2) == ["quotes"]


def test_a_table_of_long_texts_shows_fewer_rows_when_the_rest_is_in_its_csv(monkeypatch):
    import pandas as pd

    from analysis.notebook import MAX_TABLE_CHARS, rows_within, show_table

    shown = []
    monkeypatch.setattr("analysis.notebook.display", lambda obj: shown.append(obj.data))
    texts = pd.DataFrame({"text": ["x" * 390] * 20})  # 390 characters a row
    assert rows_within(texts, 15) == MAX_TABLE_CHARS // 390 == 7
    assert rows_within(pd.DataFrame({"text": ["x" * 5000] * 20}), 15) == 3  # at least three rows
    assert rows_within(pd.DataFrame({"text": ["x" * 5000]}), 15) == 1
    show_table(texts, name="quotes")
    show_table(texts, caption="no CSV to point to: every row asked for")
    assert [page.count("<td ") for page in shown] == [7, 15]
    assert "and 13 more rows; full table: tables/quotes.csv" in shown[0]


def test_table_cells_are_escaped_and_labelled_with_their_header():
    import pandas as pd

    from analysis.notebook import is_long, table_html

    page = table_html(pd.DataFrame({'a "b" <c>': ["<script>x</script>"], "n": [None], "c": ["d"],
                                    "e": ["w " * 40]}), caption="<i>cap</i>")
    assert page.startswith('<div class="table-scroll"><table class="reader-table stack">\n'
                           "<caption>&lt;i&gt;cap&lt;/i&gt;</caption>")
    assert '<th scope="col">a &quot;b&quot; &lt;c&gt;</th>' in page
    assert '<td data-label="a &quot;b&quot; &lt;c&gt;">&lt;script&gt;x&lt;/script&gt;</td>' in page
    assert '<td data-label="n"></td>' in page and '<td data-label="e" class="long">' in page
    assert "<script" not in page and "<i>" not in page
    assert 'class="reader-table"' in table_html(pd.DataFrame({"a": [1], "b": [2], "c": [3]}))
    eight = pd.DataFrame({str(i): [i] for i in range(8)})
    assert 'class="reader-table wide stack"' in table_html(eight)
    values = ["villain", "narrator only", "word " * 11, "word " * 12, "see " + "u" * 32]
    assert [is_long(t) for t in values] == [False, False, False, True, True]


def _png(width: int, height: int) -> bytes:
    """The first bytes of a PNG of this size (signature and header chunk)."""
    return (b"\x89PNG\r\n\x1a\n" + (13).to_bytes(4, "big") + b"IHDR"
            + width.to_bytes(4, "big") + height.to_bytes(4, "big") + b"\x08\x06\x00\x00\x00")


def test_a_figure_too_tall_for_a_page_is_saved_not_embedded(monkeypatch, tmp_path):
    import types

    import pandas as pd

    from analysis.notebook import png_size, show_figure
    from analysis.plots import FigureSpec

    assert png_size(_png(700, 32440)) == (700, 32440)
    spec = FigureSpec("nb", "tall", lambda corpus: None, lambda data: "Dot plot of many rows")
    monkeypatch.setenv(config.FIGURES_ENV, str(tmp_path))
    monkeypatch.setattr("analysis.notebook.all_figures", lambda: [spec])
    monkeypatch.setattr("analysis.notebook.render_figure", lambda s, c, out: (
        (out / "nb-tall.png").write_bytes(_png(700, 32440)), pd.DataFrame()))
    shown = []
    monkeypatch.setattr("analysis.notebook.display", lambda obj: shown.append(obj))
    show_figure("nb", "tall", corpus=types.SimpleNamespace(group_by="outlet"))
    assert shown[0].data == ("*Figure not shown in this page: at 700 by 32,440 pixels it is too "
                             "large to read here. It is saved as figures/nb-tall.png (and .svg, its "
                             "data as .csv). What it shows: Dot plot of many rows*")


def test_interval_says_when_there_is_none():
    assert interval(0.123, 0.456) == "interval 0.12 to 0.46"
    assert interval(0.1, 0.25, ".0%", label="95 % interval") == "95 % interval 10% to 25%"
    assert interval(float("nan"), 0.3) == "too few for an interval"
    assert interval(None, None) == "too few for an interval"


def test_translation_status_says_unknown_rather_than_none():
    def status(values):
        return translation_status(pd.Series(values, dtype="boolean"))

    assert status([pd.NA] * 176) == "whether any of the 176 articles is a machine translation is unknown"
    assert status([pd.NA]) == "whether the article is a machine translation is unknown"
    assert status([True, False, pd.NA]) == "1 of 3 articles are machine translations (1 of unknown status)"
    assert status([True, False, False, True, False]) == "2 of 5 articles are machine translations"
    assert status([False]) == "0 of 1 article is a machine translation"

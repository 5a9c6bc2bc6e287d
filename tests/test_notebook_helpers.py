"""The notebook helpers: article text cannot become markup, links or maths in the narration."""

import pytest
from nbconvert.filters.markdown_mistune import markdown2html_mistune

from analysis import config
from analysis.errors import CorpusWarning
from analysis.notebook import _show_corpus_warning, escape


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

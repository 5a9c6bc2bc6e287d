"""Helpers for the notebooks: narrate with computed numbers, show and save registered figures."""

import html
import warnings

import pandas as pd
from IPython.display import HTML, Image, Markdown, display

from analysis import config
from analysis.corpus import Corpus
from analysis.errors import CorpusWarning
from analysis.pipeline import all_figures, render_figure


def escape(text: object) -> str:
    """Article text made safe to put in Markdown: HTML-escaped, Markdown markup neutralised."""
    escaped = html.escape(str(text), quote=False)  # quotes are plain text in Markdown
    # Backslash-escaped: Markdown markup, list numbers ("1."), strike-through, maths delimiters
    # and the colon and dot that would turn a bare URL or "www." into a link.
    for char in "\\`*_[]#|<>~:.()$":
        escaped = escaped.replace(char, "\\" + char)
    return escaped


def _show_corpus_warning(message, category, filename, lineno, file=None, line=None):
    """Show a corpus warning as a note in the page (not a stderr line with a library path)."""
    if issubclass(category, CorpusWarning):
        folder = config.corpus_dir()  # the build machine's path is no business of the reader
        text = str(message).replace(str(folder.resolve()), folder.name).replace(str(folder), folder.name)
        display(Markdown(f"> **Note.** {escape(text)}"))
    else:
        _default_showwarning(message, category, filename, lineno, file, line)


_default_showwarning = warnings.showwarning
warnings.showwarning = _show_corpus_warning


def say(markdown: str) -> None:
    """Display a paragraph of narration (build it with f-strings from computed values)."""
    display(Markdown(markdown))


def show_figure(notebook: str, name: str, corpus: Corpus) -> pd.DataFrame:
    """Render a registered figure, save it to the figures folder, display it; return its data."""
    spec = next(s for s in all_figures() if (s.notebook, s.name) == (notebook, name))
    out_dir = config.figures_dir()
    _, data = render_figure(spec, corpus, out_dir)
    png = (out_dir / f"{spec.stem}.png").read_bytes()
    display(Image(data=png, format="png", metadata={"alt": spec.alt(data)}))
    return data


def show_table(df: pd.DataFrame, caption: str | None = None) -> None:
    """Display a table with every cell HTML-escaped (and no random ids), with an optional caption."""
    table = df.to_html(index=False, escape=True, border=0, na_rep="", float_format="{:.3g}".format)
    if caption:
        table = table.replace(">", f"><caption>{html.escape(caption)}</caption>", 1)
    display(HTML(table))

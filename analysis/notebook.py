"""Helpers for the notebooks: narrate with computed numbers, show and save registered figures."""

import html

import pandas as pd
from IPython.display import Image, Markdown, display

from analysis import config
from analysis.corpus import Corpus
from analysis.pipeline import all_figures, render_figure


def escape(text: object) -> str:
    """Article text made safe to put in Markdown: HTML-escaped, Markdown markup neutralised."""
    escaped = html.escape(str(text), quote=False)  # quotes are plain text in Markdown
    for char in "\\`*_[]#|<>":
        escaped = escaped.replace(char, "\\" + char)
    return escaped


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
    """Display a table (pandas escapes the cell text) with an optional caption."""
    styled = df.style.hide(axis="index")
    if caption:
        styled = styled.set_caption(caption)
    display(styled)

"""Helpers for the notebooks: narrate with computed numbers, show and save registered figures."""

import html
import os
import re
import warnings
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
from IPython.display import HTML, Image, Markdown, display

from analysis import config
from analysis.corpus import Corpus, translation_counts
from analysis.errors import CorpusWarning
from analysis.pipeline import render_figure
from analysis.plots import all_figures
from analysis.plotting import group_words


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


def say(markdown: str) -> None:
    """Display a paragraph of narration (build it with f-strings from computed values)."""
    display(Markdown(markdown))


def summarise(markdown: str) -> None:
    """Display the notebook's opening summary of what it found (the front page repeats it)."""
    display(Markdown(markdown, metadata={"summary": True}))


def show_figure(notebook: str, name: str, corpus: Corpus) -> pd.DataFrame:
    """Render a registered figure, save it to the figures folder, display it; return its data."""
    spec = next(s for s in all_figures() if (s.notebook, s.name) == (notebook, name))
    out_dir = config.figures_dir()
    _, data = render_figure(spec, corpus, out_dir)
    png = (out_dir / f"{spec.stem}.png").read_bytes()
    width, height = png_size(png)
    alt = group_words(spec.alt(data), corpus.group_by)
    if height > MAX_FIGURE_HEIGHT or len(png) > MAX_FIGURE_BYTES:  # keeps the page small
        say(f"*Figure not shown in this page: at {width:,} by {height:,} pixels it is too large to "
            f"read here. It is saved as figures/{spec.stem}.png (and .svg, its data as .csv). "
            f"What it shows: {escape(alt)}*")
        return data
    display(Image(data=png, format="png", metadata={"alt": alt}))
    return data


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height of a PNG, from its header."""
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


# --- Reader-facing wording and tables -------------------------------------------------------

MAX_ROWS = 15  # rows of a long table shown in a page; the rest are in the table's CSV
MAX_TABLE_CHARS = 3000  # characters of cell text a table with a CSV shows before "and N more rows"
MIN_ROWS = 3  # rows shown however long they are
WIDE_COLUMNS = 7  # tables with more columns are set in a smaller font
STACK_COLUMNS = 3  # tables with more columns show one block per row on a phone (labelled values)
LONG_CELL = 60  # characters from which a value may break anywhere and, on a phone, gets a line
LONG_WORD = 32  # so does a value with a word this long (an address, an identifier)
MAX_FIGURE_HEIGHT = 4000  # pixels: a taller figure is saved but not embedded in the page
MAX_FIGURE_BYTES = 1_500_000  # so is a larger PNG (pages stay under 2 MB)
MAX_CELL_CHARS = 400  # longer texts in a table cell are cut (the CSV keeps them whole)
P_FLOOR = 0.001  # p-values below it are shown as "< 0.001"
# the grouping column named in headers and prose, and the folder of the corpus opened
_display = {"group": config.DEFAULT_GROUP_BY, "corpus": None}


def open_corpus(folder=None, group_by: str | None = None) -> Corpus:
    """Load the corpus of the parameters cell (None: the report's or seeds/) and name its groups."""
    from analysis.corpus import load_corpus

    warnings.showwarning = _show_corpus_warning  # corpus warnings become notes in the page
    corpus = load_corpus(Path(folder) if folder else config.corpus_dir(),
                         group_by=group_by or config.group_by())
    _display["group"], _display["corpus"] = corpus.group_by, corpus.folder
    return corpus


def plural(n: int | float, word: str, many: str | None = None) -> str:
    """'1 article', '2 articles', '1,204 articles' ('many' when the plural is not word + 's')."""
    return f"{int(n):,} {word if int(n) == 1 else many or word + 's'}"


def between(low: int, high: int) -> str:
    """'5' when both ends are equal, else '3 to 7' (thousands separated)."""
    return f"{low:,}" if low == high else f"{low:,} to {high:,}"


def interval(low: float, high: float, spec: str = ".2f", label: str = "interval") -> str:
    """'interval 0.12 to 0.34' (ends in format `spec`), or 'too few for an interval' when an end is
    missing (the group has too few articles or sentences to resample)."""
    if pd.isna(low) or pd.isna(high):
        return "too few for an interval"
    return f"{label} {low:{spec}} to {high:{spec}}"


def translation_status(translated: pd.Series) -> str:
    """How many of the articles are machine translations, from their `translated` column (missing:
    unknown): '2 of 5 articles are machine translations', 'whether any of the 176 articles is a
    machine translation is unknown', '0 of 9 articles are machine translations (3 of unknown status)'."""
    machine, unknown = translation_counts(translated)
    if unknown == len(translated):
        return (f"whether {'the article' if unknown == 1 else f'any of the {unknown:,} articles'} "
                "is a machine translation is unknown")
    return (f"{machine:,} of {plural(len(translated), 'article')} "
            f"{'is a machine translation' if len(translated) == 1 else 'are machine translations'}"
            + (f" ({unknown:,} of unknown status)" if unknown else ""))


def date_span(first, last) -> str:
    """'on 3 March 2022' or 'from 3 March 2022 to 5 May 2023'."""
    first, last = (f"{d.day} {d:%B %Y}" for d in (first, last))
    return f"on {first}" if first == last else f"from {first} to {last}"


def group_word(n: int = 1, article: bool = False) -> str:
    """The grouping column as a noun, singular or plural ('outlet', 'standpoints', 'folder'); with
    `article`, singular after 'a' or 'an' ('an outlet', 'a standpoint')."""
    word = _display["group"].replace("_", " ")
    if article:
        return ("an " if word[:1].lower() in "aeiou" else "a ") + word
    if n == 1:
        return word
    return word if word.endswith("s") else word[:-1] + "ies" if word.endswith("y") else word + "s"


@lru_cache(maxsize=1)
def _labels() -> dict[str, str]:
    """Reader headers of table columns, from analysis/data/column_labels.csv."""
    table = pd.read_csv(config.PACKAGE_DATA / "column_labels.csv", comment="#", dtype=str)
    return dict(zip(table["column"], table["label"], strict=True))


def header(column: str) -> str:
    """The header a reader sees for a table column (the grouping column under its own name)."""
    if column == "outlet":
        return group_word()
    if column in _labels():
        return _labels()[column]
    return re.sub(r"^n_(?=\w)", "", str(column)).replace("_", " ")


def _number(value: float, p_value: bool = False) -> str:
    """A float as a reader reads it: p-values floored, three significant digits, never '-0'."""
    if pd.isna(value):
        return ""
    if p_value and value < P_FLOOR:
        return f"< {P_FLOOR:g}"
    text = f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.3g}"
    return text[1:] if re.fullmatch(r"-0(\.0*)?", text) else text


def _is_bool(values: pd.Series) -> bool:
    """Whether a column holds only booleans (missing values aside)."""
    known = values.dropna()
    return pd.api.types.is_bool_dtype(values) or (
        len(known) > 0 and known.map(lambda v: isinstance(v, bool | np.bool_)).all())


def clip(value, from_end: bool = False) -> object:
    """A long text cut to MAX_CELL_CHARS with an ellipsis (its end kept for a left context)."""
    if not isinstance(value, str) or len(value) <= MAX_CELL_CHARS:
        return value
    return "…" + value[-MAX_CELL_CHARS:] if from_end else value[:MAX_CELL_CHARS] + "…"


def readable(df: pd.DataFrame) -> pd.DataFrame:
    """A table with reader headers, yes/no for booleans, whole numbers as integers, p as '< 0.001'."""
    out = pd.DataFrame(index=df.index)
    for column in df.columns:
        values = df[column]
        if _is_bool(values):
            values = values.map(lambda v: "" if pd.isna(v) else "yes" if v else "no")
        elif pd.api.types.is_float_dtype(values):
            p_value = column == "p" or str(column).startswith("p_")
            whole = not p_value and values.dropna().eq(values.dropna().round()).all()
            values = values.map(lambda v, p=p_value, w=whole: "" if pd.isna(v)
                                else f"{v + 0.0:,.0f}" if w else _number(v, p))
        elif pd.api.types.is_integer_dtype(values):
            values = values.map(lambda v: "" if pd.isna(v) else f"{v:,}")
        elif pd.api.types.is_datetime64_any_dtype(values):
            values = values.dt.strftime("%Y-%m-%d").fillna("")
        elif values.dtype == object or pd.api.types.is_string_dtype(values):
            values = values.map(lambda v, c=column: clip(v, from_end=c == "left"))
        name = header(column)
        out[name if name not in out.columns else str(column).replace("_", " ")] = values
    return out


def rows_within(shown: pd.DataFrame, rows: int, budget: int = MAX_TABLE_CHARS) -> int:
    """How many of the top `rows` fit in `budget` characters of cell text (at least MIN_ROWS)."""
    lengths = shown.head(rows).astype(str).apply(lambda col: col.str.len()).sum(axis=1).cumsum()
    return min(len(lengths), max(MIN_ROWS, int((lengths <= budget).sum())))


def is_long(text: str) -> bool:
    """Whether a cell value is long text (it may break anywhere) rather than a few whole words."""
    return len(text) >= LONG_CELL or max(map(len, text.split()), default=0) >= LONG_WORD


def table_html(shown: pd.DataFrame, caption: str | None = None) -> str:
    """A reader table as HTML: values escaped, each cell labelled with its header for phones."""
    classes = ["reader-table"]
    if len(shown.columns) > WIDE_COLUMNS:
        classes.append("wide")
    if len(shown.columns) > STACK_COLUMNS:
        classes.append("stack")
    heads = [html.escape(str(c)) for c in shown.columns]
    lines = [f'<div class="table-scroll"><table class="{" ".join(classes)}">']
    if caption:
        lines.append(f"<caption>{html.escape(caption)}</caption>")
    lines.append("<thead><tr>" + "".join(f'<th scope="col">{h}</th>' for h in heads) + "</tr></thead>")
    lines.append("<tbody>")
    for row in shown.itertuples(index=False):
        cells = []
        for head, value in zip(heads, row, strict=True):
            text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
            long = ' class="long"' if is_long(text) else ""
            cells.append(f'<td data-label="{head}"{long}>{html.escape(text)}</td>')
        lines.append("<tr>" + "".join(cells) + "</tr>")
    lines.append("</tbody></table></div>")
    return "\n".join(lines)


def show_table(df: pd.DataFrame, caption: str | None = None, name: str | None = None,
               rows: int = MAX_ROWS) -> None:
    """Display the top rows of a table for a reader; say how many more there are and where.

    A table whose full copy is a CSV (`name`) shows fewer rows when they hold long texts."""
    shown = readable(df.head(rows))
    if name:
        shown = shown.head(rows_within(shown, rows))
    table = table_html(shown, caption)
    more = len(df) - len(shown)
    if more > 0:
        table += f'<p class="table-more">and {plural(more, "more row")}{full_table(name)}</p>'
    display(HTML(table))


def full_table(name: str | None) -> str:
    """Where the full table `name` is, as HTML: in a report, a link to its CSV beside the pages
    (the build writes it there); elsewhere (a notebook in Lab) where the `tables` command writes
    it for the corpus opened, from the project's folder when it lies inside."""
    if not name:
        return ""
    where = f"{config.REPORT_TABLES}/{name}.csv"
    if os.environ.get(config.REPORT_ENV):
        return f'; full table: <a href="{html.escape(where)}">{html.escape(where)}</a>'
    path = config.output_root(_display["corpus"] or config.corpus_dir()) / "tables" / f"{name}.csv"
    if path.resolve().is_relative_to(config.PROJECT_ROOT.resolve()):
        path = path.resolve().relative_to(config.PROJECT_ROOT.resolve())
    return f"; full table: {html.escape(path.as_posix())} (written by python -m analysis tables)"

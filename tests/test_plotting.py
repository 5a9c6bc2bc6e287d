"""Figures legible from 1 to 30 groups: every figure drawn for synthetic corpora of BBC text.

Each figure must stay within sensible sizes, print every text at MIN_FONT points or more, keep
every text inside the figure and let no two texts overlap (their extents after drawing).
"""

import io
import warnings
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.text import Text
from PIL import Image

from analysis import load_corpus, similarity
from analysis.config import shared_corpora
from analysis.corpus import per_corpus
from analysis.pipeline import render_figure
from analysis.plots import all_figures
from analysis.plotting import (
    CATEGORY_COLORS,
    MAX_WIDTH,
    MIN_FONT,
    OKABE_ITO,
    PNG_SCALE,
    POLARITY_COLORS,
    drawn_count,
    drawn_note,
    outlet_colors,
    point_sample,
    save_figure,
    scatter,
)
from analysis.similarity import compute_similarity
from tests.conftest import FIXTURES

BBC = shared_corpora("bbc-2095") / "news" if shared_corpora("bbc-2095").is_dir() else None
NAMES = ["Daily Chronicle", "Defence Blog", "The Morning Star Tribune International Edition",
         "RT", "Global Times", "Kyiv Independent", "Le Monde (English)", "Breitbart News",
         "The Guardian", "Fox"]
PARAGRAPHS = 4  # paragraphs kept of each BBC article, to keep the corpora small and fast
ARTICLES = 2  # per group
BOOTSTRAP = 50  # resamples for the similarity intervals (the layout does not depend on them)
TOLERANCE = 1.0  # pixels two text extents may share (antialiasing)


def group_name(g: int) -> str:
    """A distinct outlet name of varied length."""
    return NAMES[g % len(NAMES)] + (f" {g // len(NAMES) + 1}" if g >= len(NAMES) else "")


def source_articles(n: int) -> list[str]:
    """`n` article texts: BBC articles, categories in turn, else the fixture articles rotated."""
    if BBC is None:
        fixtures = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.rglob("*.txt"))]
        return [f"Story {i}\n\n" + "\n\n".join(fixtures[(i + k) % len(fixtures)] for k in range(3))
                for i in range(n)]
    files = [sorted(c.glob("*.txt")) for c in sorted(p for p in BBC.iterdir() if p.is_dir())]
    return [files[i % len(files)][i // len(files)].read_text(encoding="utf-8") for i in range(n)]


def synthetic_corpus(folder: Path, groups: int) -> Path:
    """`groups` outlets of ARTICLES short articles each, with dates and translation flags."""
    rows = ["doc_id,file,title,outlet,original_language,translated,published"]
    for i, text in enumerate(source_articles(groups * ARTICLES)):
        paragraphs = text.split("\n\n")[:1 + PARAGRAPHS]
        (folder / f"a{i:03d}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        translated = "yes" if i % 3 == 0 else "no"
        rows.append(f'a{i:03d},a{i:03d}.txt,,"{group_name(i // ARTICLES)}",en,{translated},'
                    f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}")
    (folder / "metadata.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


def undrawn_tick_labels(fig) -> set[int]:
    """Ids of the tick labels matplotlib keeps but does not draw (ticks outside the view)."""
    hidden = set()
    for ax in fig.axes:
        for axis in ax._axis_map.values():
            shown = axis.get_visible() and ax.get_visible()
            drawn = {id(tick) for tick in axis._update_ticks()} if shown else set()
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                if id(tick) not in drawn:
                    hidden |= {id(tick.label1), id(tick.label2)}
    return hidden


def texts(fig) -> list[Text]:
    """Every visible, non-empty text of a drawn figure."""
    hidden = undrawn_tick_labels(fig)
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()
            and id(t) not in hidden and (t.axes is None or t.axes.get_visible())]


def legibility_problems(fig) -> list[str]:
    """Texts too small, outside the figure, or overlapping another text."""
    canvas = FigureCanvasAgg(fig)  # a closed figure has lost its canvas
    canvas.draw()
    renderer = canvas.get_renderer()
    frame = fig.bbox
    boxes = []
    problems = []
    for text in texts(fig):
        box = text.get_window_extent(renderer)
        label = repr(text.get_text()[:40])
        if text.get_fontsize() < MIN_FONT - 1e-6:
            problems.append(f"{label} is {text.get_fontsize():.1f} pt")
        if (box.x0 < frame.x0 - TOLERANCE or box.x1 > frame.x1 + TOLERANCE
                or box.y0 < frame.y0 - TOLERANCE or box.y1 > frame.y1 + TOLERANCE):
            problems.append(f"{label} is cut off by the figure edge")
        boxes.append((box, label))
    boxes.sort(key=lambda b: b[0].x0)
    for i, (box, label) in enumerate(boxes):  # sweep along x: only neighbours are compared
        for other, other_label in boxes[i + 1:]:
            if other.x0 >= box.x1 - TOLERANCE:
                break
            if min(box.y1, other.y1) - max(box.y0, other.y0) > TOLERANCE:
                problems.append(f"{label} overlaps {other_label}")
    return problems


def test_palettes_keep_outlet_colours_for_outlets():
    lower = lambda colors: {c.lower() for c in colors}  # noqa: E731
    reserved = lower(OKABE_ITO) | lower(outlet_colors([f"o{i}" for i in range(30)]).values())
    assert not reserved & lower(CATEGORY_COLORS)
    assert not reserved & lower(POLARITY_COLORS.values())
    colors = outlet_colors([f"o{i}" for i in range(30)])
    assert len(set(colors.values())) == 31  # 30 outlets and 'unknown', all distinct


def test_png_at_twice_the_resolution_and_svg_text_as_text(tmp_path):
    fig, ax = plt.subplots(figsize=(5.0, 2.0))
    ax.set_title("Outlet <b> & title")
    paths = save_figure(fig, "probe", pd_frame(), tmp_path)
    with Image.open(paths[0]) as image:
        assert image.size == (5.0 * 100 * PNG_SCALE, 2.0 * 100 * PNG_SCALE)
        assert image.mode == "P"  # a palette image: a third of the bytes of RGBA
    svg = paths[1].read_text(encoding="utf-8")
    assert "Outlet &lt;b&gt; &amp; title" in svg  # text, not glyph paths
    fig, ax = plt.subplots(figsize=(5.0, 2.0))
    ax.set_title("Outlet <b> & title")
    again = save_figure(fig, "probe2", pd_frame(), tmp_path)
    assert again[1].read_bytes() == paths[1].read_bytes()
    assert again[0].read_bytes() == paths[0].read_bytes()


def pd_frame():
    """A one-row table to save beside a probe figure."""
    import pandas as pd

    return pd.DataFrame({"x": [1]})


@pytest.mark.parametrize("groups", [1, 2, 5, 12, 30])
def test_every_figure_legible(groups, tmp_path, monkeypatch):
    # Layout does not depend on the number of resamples: fewer keep 435 outlet pairs fast.
    monkeypatch.setattr(similarity, "similarity_table",
                        per_corpus(lambda corpus: compute_similarity(corpus, n_boot=BOOTSTRAP)))
    if BBC is None and groups > 5:
        pytest.skip("without ../shared/corpora the fixture's few sentences, repeated over many "
                    "articles, are removed as corpus-wide furniture: no corpus of this many groups")
    folder = tmp_path / "corpus"
    folder.mkdir()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(synthetic_corpus(folder, groups))
        assert len(corpus.outlets) == groups
        problems = {}
        for spec in all_figures():
            fig, _ = render_figure(spec, corpus, tmp_path / "figures")
            width, height = fig.get_size_inches()
            found = legibility_problems(fig)
            if not 3.0 <= width <= MAX_WIDTH or not 1.5 <= height <= 40:
                found.append(f"size {width:.1f} x {height:.1f} in")
            with Image.open(io.BytesIO((tmp_path / "figures" / f"{spec.stem}.png").read_bytes())) as png:
                if png.size[0] != round(width * 100 * PNG_SCALE):
                    found.append(f"PNG {png.size[0]} px wide for {width} in")
            if found:
                problems[spec.stem] = found[:8] + ([f"and {len(found) - 8} more"] if len(found) > 8 else [])
    assert problems == {}


def test_heat_map_cells_and_labels():
    import matplotlib.pyplot as plt

    from analysis.plotting import cell_text, heat_map
    assert [cell_text(v) for v in (0, 0.25, 7.46, 12.6, -3.0)] == ["0", "0.2", "7.5", "13", "-3.0"]
    fig, ax = plt.subplots()
    heat_map(ax, np.array([[1.0, np.nan], [3.0, 4.0]]), ["a", "b"], ["x", "y"])
    assert [t.get_text() for t in ax.texts] == ["1.0", "3.0", "4.0"]  # no text where data is missing
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a", "b"]
    plt.close(fig)


def test_figures_name_the_grouping_column():
    from analysis.plotting import group_words, name_groups
    assert group_words("Tone per outlet; Outlets clustered; outlet00", "narrative") == \
        "Tone per narrative; Narratives clustered; outlet00"
    assert group_words("each outlet's words", "outlet") == "each outlet's words"
    assert group_words("per outlet", "source_type") == "per source type"
    fig, ax = plt.subplots()
    ax.set_title("Key terms of each outlet")
    ax.set_xlabel("reference outlet")
    ax.set_yticks([0], ["outlet"])  # a group's own name stays
    fig.suptitle("Outlets side by side")
    name_groups(fig, "month")
    title = ax.get_title(loc=plt.rcParams["axes.titlelocation"])  # the house style titles left
    assert (title, ax.get_xlabel(), fig._suptitle.get_text()) == (
        "Key terms of each month", "reference month", "Months side by side")
    assert [t.get_text() for t in ax.get_yticklabels()] == ["outlet"]
    plt.close(fig)


def test_point_sample_keeps_small_data_and_draws_a_fixed_sample_of_large():
    import pandas as pd

    small = point_sample(pd.DataFrame({"x": range(3)}), limit=4)
    assert small["x"].tolist() == [0, 1, 2] and small["drawn_of"].tolist() == [3, 3, 3]
    assert drawn_count(small, "sentences") == "3 sentences" and drawn_note(small, "sentences") == ""
    large = pd.DataFrame({"x": range(20_000)})
    drawn = point_sample(large, limit=500)
    assert len(drawn) == 500 and drawn["x"].is_monotonic_increasing and drawn["x"].is_unique
    assert drawn["x"].tolist() == point_sample(large, limit=500)["x"].tolist()  # a fixed seed
    assert drawn_note(drawn, "sentences") == "; dots: a random 500 of 20,000 sentences"
    assert drawn_count(pd.DataFrame({"x": [1, 2]}), "mentions") == "2 mentions"  # no drawn_of


def test_many_points_are_sampled_and_rasterised_in_the_svg(tmp_path):
    import pandas as pd

    from analysis.plots.sentiment import plot_lexicon_agreement

    rng = np.random.default_rng(1)
    n = 60_000
    sentences = pd.DataFrame({"level": "sentence", "outlet": np.where(np.arange(n) % 2, "A", "B"),
                              "vader": rng.uniform(-1, 1, n), "afinn": rng.integers(-5, 6, n)})
    data = point_sample(sentences)
    fig = plot_lexicon_agreement(data, {"A": OKABE_ITO[0], "B": OKABE_ITO[1]})
    assert fig.axes[0].get_title(loc="left").endswith("; dots: a random 5,000 of 60,000 sentences")
    svg = save_figure(fig, "many", data, tmp_path)[1].read_bytes()
    assert b"<image" in svg and len(svg) < 600_000  # the dots are one picture, not 5,000 paths
    fig, ax = plt.subplots()
    scatter(ax, [0.1, 0.2], [0.3, 0.4])
    few = save_figure(fig, "few", pd_frame(), tmp_path)[1].read_bytes()
    assert b"<image" not in few


def test_dendrogram_of_outlets_all_alike_draws_without_a_warning():
    """Every cosine 1 (distance 0): scipy would set equal x limits and warn into the report."""
    import pandas as pd

    from analysis.plots.similarity import ZERO_SPAN, plot_dendrogram

    outlets = ["a", "b", "c"]
    similarity_table = pd.DataFrame([(a, b, 1.0) for a in outlets for b in outlets],
                                    columns=["outlet_a", "outlet_b", "cosine"])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = plot_dendrogram(similarity_table)
    assert fig.axes[0].get_xlim() == (ZERO_SPAN, 0)
    plt.close(fig)

"""The registry of analysis stages: which tables and figures each one contributes."""

import importlib
import pickle
import warnings
from collections.abc import Callable
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from analysis.corpus import Corpus, forget, stored
from analysis.errors import CorpusWarning
from analysis.export import atomic_write, write_csv
from analysis.parallel import in_background
from analysis.plots import FigureSpec, stage_figures
from analysis.plotting import name_groups, save_figure
from analysis.progress import Timer, progress
from analysis.store import drawing_key

# Each stage module defines TABLES (name -> function of the corpus returning a DataFrame); its
# figures are declared apart, in analysis.plots (measures import no matplotlib). Each table has
# one owner: two stages naming the same table is an error (the sentences table, with its tone
# columns, belongs to analysis.sentiment).
STAGES = (
    "analysis.overview",
    "analysis.terms",
    "analysis.keyness",
    "analysis.similarity",
    "analysis.topics",
    "analysis.sentiment",
    "analysis.framing",
    "analysis.roles",
    "analysis.findings",
)


def stage_modules() -> list:
    """The imported stage modules, in order."""
    return [importlib.import_module(name) for name in STAGES]


def stage_name(module) -> str:
    """The short name of a stage module ('analysis.terms' -> 'terms')."""
    return module.__name__.rsplit(".", 1)[-1]


def stage_tables() -> dict[str, dict[str, Callable[[Corpus], pd.DataFrame]]]:
    """Each stage's tables by file stem, stages in order; a name two stages give is an error."""
    by_stage, owners = {}, {}
    for module in stage_modules():
        for name in module.TABLES:
            if name in owners:
                raise ValueError(f"table {name!r} is made by both {owners[name]} and "
                                 f"{module.__name__}: give it one owner")
            owners[name] = module.__name__
        by_stage[stage_name(module)] = dict(module.TABLES)
    return by_stage


def start_background(corpus: Corpus, stages: list[str]) -> list[str]:
    """`stages` in the order to run them: each stage that can (its module's START) begins its
    long work in a worker process now and goes last, so the others run meanwhile."""
    started = {stage_name(m) for m in stage_modules() if hasattr(m, "START") and m.START(corpus)}
    return [s for s in stages if s not in started] + [s for s in stages if s in started]


def all_tables() -> dict[str, Callable[[Corpus], pd.DataFrame]]:
    """Every table any stage contributes, by file stem."""
    return {name: make for tables in stage_tables().values() for name, make in tables.items()}


# Tables a person fills in by hand: a filled-in copy is never overwritten (columns starting "coder_").
HAND_CODED = ("frame_validation",)
GROUP = "outlet"  # the column of every table that holds a document's group, whatever it is grouped by
CODER_PREFIX = "coder_"


def has_hand_coding(path: Path) -> bool:
    """Whether a CSV file exists with anything filled into a coder_ column."""
    if not path.is_file():
        return False
    try:
        sheet = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError):
        return True  # unreadable as a table: keep it rather than guess
    coder = [c for c in sheet.columns if c.startswith(CODER_PREFIX)]
    return bool(coder) and bool((sheet[coder].apply(lambda c: c.str.strip()) != "").any().any())


def write_tables(corpus: Corpus, out_dir: Path, timer: Timer | None = None) -> list[Path]:
    """Write every table as CSV into `out_dir`; a hand-coded sheet gets its new version beside it.

    Stages that can begin long work in the background do so first (step 'start') and are written
    last. Each stage's
    time is added to `timer`; a progress bar per stage when bars are shown."""
    out_dir.mkdir(parents=True, exist_ok=True)
    timer = timer or Timer()
    paths, writing = [], []
    by_stage = stage_tables()
    with timer.step("start"):
        order = start_background(corpus, list(by_stage))
    for stage, tables in ((stage, by_stage[stage]) for stage in order):
        with timer.step(stage):
            for name, make in progress(tables.items(), stage, total=len(tables)):
                path = out_dir / f"{name}.csv"
                if name in HAND_CODED and has_hand_coding(path):
                    path = out_dir / f"{name}.new.csv"
                    warnings.warn(f"{out_dir / name}.csv has hand coding: kept; the new sheet is "
                                  f"{path.name}", CorpusWarning, stacklevel=2)
                # formatted and written by a worker process while this one makes the next table
                writing.append(in_background(write_csv, _table(corpus, name, make), path))
                paths.append(path)
        forget(corpus)  # with a store, later stages read what they need back from it
    for done in writing:
        done.result()  # every file written (or its error raised) before the paths are given
    return paths


def _table(corpus: Corpus, name: str, make: Callable[[Corpus], pd.DataFrame]) -> pd.DataFrame:
    """The table `name` as its CSV holds it: read from the store when it is there, else made."""
    table = make(corpus) if hasattr(make, "stored_as") else \
        stored(corpus, f"table.{name}", lambda: make(corpus))
    return named_groups(table, corpus.group_by)


def write_named_tables(corpus: Corpus, names: list[str], out_dir: Path) -> list[Path]:
    """Write the tables `names` (as `write_tables` writes them) into `out_dir`; unknown names are
    an error."""
    tables = all_tables()
    unknown = [name for name in names if name not in tables]
    if unknown:
        raise KeyError(f"no table named {', '.join(map(repr, unknown))}")
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [out_dir / f"{name}.csv" for name in names]
    for name, path in zip(names, paths, strict=True):
        write_csv(_table(corpus, name, tables[name]), path)
    return paths


def named_groups(table: pd.DataFrame, group_by: str) -> pd.DataFrame:
    """The table with its group column named after the column the corpus is grouped by (the
    `outlet` column holds the groups; a table that has the grouping column itself keeps both)."""
    if group_by == GROUP or GROUP not in table or group_by in table:
        return table
    return table.rename(columns={GROUP: group_by})


def _from_store(spec: FigureSpec, corpus: Corpus, out_dir: Path) -> pd.DataFrame | None:
    """The figure's data, its files written again from the store, if the store holds them."""
    saved = corpus.store.get(_stored_as(spec)) if corpus.store is not None else None
    if saved is None:
        return None
    for suffix, content in saved["files"].items():
        atomic_write(out_dir / f"{spec.stem}.{suffix}", lambda tmp, c=content: tmp.write_bytes(c))
    return saved["data"]


def _stored_as(spec: FigureSpec) -> str:
    return f"figure.{spec.stem}.{drawing_key()}"  # a changed plot is drawn again


def _keep(spec: FigureSpec, corpus: Corpus, data: pd.DataFrame, paths: list[Path]) -> None:
    """Keep a saved figure's files and data in the corpus's store."""
    if corpus.store is not None:
        corpus.store.put(_stored_as(spec), {"data": data,
                                            "files": {p.suffix[1:]: p.read_bytes() for p in paths}})


def _made(spec: FigureSpec, corpus: Corpus) -> tuple[Figure, pd.DataFrame]:
    fig, data = spec.make(corpus)
    name_groups(fig, corpus.group_by)
    return fig, data


def render_figure(spec: FigureSpec, corpus: Corpus,
                  out_dir: Path) -> tuple[Figure | None, pd.DataFrame]:
    """Draw one figure and save it (PNG, SVG, CSV); return the (closed) figure and its data.

    The saved files and data are kept in the corpus's store: while it is current, the files are
    written again from there (the figure is then None) instead of computed and drawn again."""
    data = _from_store(spec, corpus, out_dir)
    if data is not None:
        return None, data
    fig, data = _made(spec, corpus)
    _keep(spec, corpus, data, save_figure(fig, spec.stem, data, out_dir))
    return fig, data


def _save_pickled(figure: bytes, stem: str, data: pd.DataFrame, out_dir: Path) -> list[Path]:
    """save_figure of a pickled figure (in a worker process)."""
    return save_figure(pickle.loads(figure), stem, data, out_dir)


def render_figures(corpus: Corpus, out_dir: Path, timer: Timer | None = None) -> list[Path]:
    """Re-render every figure into `out_dir`; return the PNG paths.

    Each figure is made here and drawn and saved in a local worker process (pickled: the same
    bytes), so drawing overlaps the making of the next figures; the wait for the last drawings
    is the step 'drawing'. Each stage's time is added to `timer`; a progress bar per stage
    when bars are shown."""
    timer = timer or Timer()
    paths, drawing = [], []
    by_stage = stage_figures()
    with timer.step("start"):
        order = list(by_stage)
        if not all(corpus.store is not None and corpus.store.has(_stored_as(spec))
                   for specs in by_stage.values() for spec in specs):
            order = start_background(corpus, order)
    for stage, specs in ((stage, by_stage[stage]) for stage in order):
        with timer.step(stage):
            for spec in progress(specs, stage, total=len(specs)):
                paths.append(out_dir / f"{spec.stem}.png")
                if _from_store(spec, corpus, out_dir) is not None:
                    continue
                fig, data = _made(spec, corpus)
                figure = pickle.dumps(fig)
                plt.close(fig)
                drawing.append((spec, data, in_background(_save_pickled, figure, spec.stem, data,
                                                          out_dir)))
    with timer.step("drawing"):
        for spec, data, saved in drawing:
            _keep(spec, corpus, data, saved.result())
    return paths

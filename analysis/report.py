"""Execute the numbered notebooks headlessly and export self-contained HTML reports."""

import base64
import html
import json
import os
import re
import shutil
import signal
import threading
import time
import warnings
from concurrent.futures import ThreadPoolExecutor, wait
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pandas as pd
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbconvert import HTMLExporter
from nbconvert.filters.markdown_mistune import markdown2html_mistune
from nbconvert.preprocessors import TagRemovePreprocessor

from analysis import config, parallel
from analysis.errors import CorpusError, CorpusWarning
from analysis.export import write_text

KERNEL = "python3"  # the kernel of the environment running this command: the project's .venv
PROJECT_KERNEL = "nato-media-analysis"  # the kernel the notebooks name for Lab (`make setup`)
PARAMETERS_TAG = "parameters"  # the cell of defaults the build overrides, papermill style
INJECTED_TAG = "injected-parameters"
CODE_ONLY_TAG = "with-code-only"  # Markdown for developers (what a notebook reads and writes)
SUMMARY_KEY = "summary"  # display metadata of a notebook's opening summary
FINDINGS = "05-findings"  # the notebook whose summary is the front page's headline findings
TIMEOUT = 1800  # seconds a single cell may take
CODE_SUFFIX = "-with-code"
KILL_GRACE = 30  # seconds the client may take to notice a killed kernel and clean up
PARTIAL = ".partial"  # the build folder inside the output folder, swapped in when the build ends
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")  # terminal colours in tracebacks, kept out of logs


@dataclass
class Entry:
    """One notebook in the index: its page stem, title, summary, and why it failed (if it did)."""

    stem: str
    title: str
    text: str
    failed: str | None = None
    found: str = ""  # the executed notebook's summary of what it found (Markdown)


@dataclass
class Build:
    """What a report build wrote, and the notebooks that failed (stem -> one line, traceback)."""

    written: list[Path] = field(default_factory=list)
    failures: dict[str, tuple[str, str]] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)  # each executed notebook's wall time


def notebook_paths(names: list[str] | None = None) -> list[Path]:
    """The numbered notebooks (NN-name.ipynb) in order, or only those named."""
    paths = sorted(config.NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb"))
    if names:
        paths = [p for p in paths if p.stem in names]
        missing = set(names) - {p.stem for p in paths}
        if missing:
            raise CorpusError(f"no such notebook: {', '.join(sorted(missing))}")
    return paths


@contextmanager
def _environment(corpus: Path, figures: Path, group_by: str | None = None,
                 store: Path | None = None):
    """Point the kernels at the corpus, its grouping, store and figures folder; fix the hash seed."""
    saved = dict(os.environ)
    if store is not None:
        os.environ[config.STORE_ENV] = str(Path(store).resolve())
    os.environ.update({
        config.CORPUS_ENV: str(corpus.resolve()),
        config.FIGURES_ENV: str(figures.resolve()),
        config.GROUP_BY_ENV: group_by or config.DEFAULT_GROUP_BY,
        config.REPORT_ENV: "1",
        "PYTHONHASHSEED": "0",
        "MPLBACKEND": "Agg",
    })
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


class BuildInterrupted(BaseException):
    """A signal stopped the build; `signum` is the signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


_running: dict = {"signal": None, "clients": set()}


def interrupt(signum: int, frame=None) -> None:
    """Signal handler: stop the build; the running kernels are killed and the build raises."""
    _running["signal"] = signum
    for client in list(_running["clients"]):
        pid = getattr(getattr(getattr(client, "km", None), "provisioner", None), "pid", None)
        if pid:
            with suppress(OSError):
                os.kill(pid, signal.SIGKILL)


def _check_interrupted() -> None:
    """Raise BuildInterrupted if a signal arrived."""
    if _running["signal"] is not None:
        signum, _running["signal"] = _running["signal"], None
        raise BuildInterrupted(signum)


class NotebookFailed(CorpusError):
    """A notebook that did not run to the end: a one-line reason, and the details for the log."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(reason)
        self.detail = detail


def inject_parameters(nb: nbformat.NotebookNode, values: dict) -> nbformat.NotebookNode:
    """Add a cell setting `values` after the cell tagged 'parameters' (as papermill does)."""
    cells = [c for c in nb.cells if INJECTED_TAG not in c.metadata.get("tags", [])]
    at = next((i + 1 for i, c in enumerate(cells)
               if PARAMETERS_TAG in c.metadata.get("tags", [])), None)
    if at is None:
        return nb
    source = "# Parameters of this build\n" + "".join(
        f"{name} = {value!r}\n" for name, value in values.items())
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": [INJECTED_TAG]})
    cell.id = INJECTED_TAG  # a fixed id: the same notebook exports to the same bytes
    cells.insert(at, cell)
    nb.cells = cells
    return nb


def notebook_path(folder: Path, notebooks: Path) -> str:
    """`folder` as the kernel (started in `notebooks`) should read it: relative inside the project,
    so that pages built on any machine are the same bytes; absolute elsewhere."""
    folder = Path(folder).resolve()
    if folder.is_relative_to(config.PROJECT_ROOT.resolve()):
        return os.path.relpath(folder, Path(notebooks).resolve())
    return str(folder)


def _run_cells(path: Path, corpus: Path, group_by: str | None, timeout: int,
               parameters: dict | None) -> nbformat.NotebookNode:
    """Run a notebook's cells in a kernel started in the environment as it is (see _environment);
    a signal kills the kernel (see interrupt) and the notebook returns as far as it got."""
    nb = inject_parameters(nbformat.read(path, as_version=4), {
        "corpus_folder": notebook_path(corpus, path.parent), "group_by": group_by or config.DEFAULT_GROUP_BY,
        **(parameters or {})})
    client = NotebookClient(nb, kernel_name=KERNEL, timeout=timeout, record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}},
                            extra_arguments=["--IPKernelApp.log_level=ERROR"])
    # The client runs in a worker thread: there nbclient installs no signal handlers of its own,
    # so SIGINT/SIGTERM reach `interrupt` in the main thread, which kills the kernel.
    failure: list[BaseException] = []

    def run() -> None:
        try:
            client.execute()
        except BaseException as exc:  # handed to the calling thread
            failure.append(exc)

    _running["clients"].add(client)
    worker = threading.Thread(target=run, name=f"notebook {path.stem}", daemon=True)
    try:
        worker.start()
        while worker.is_alive():
            worker.join(0.2)
            if _running["signal"] is not None:
                worker.join(KILL_GRACE)  # the kernel is dead; let the client clean up
                break
    finally:
        _running["clients"].discard(client)
    if failure and _running["signal"] is None:
        raise failure[0]
    return nb


def _execute(path: Path, corpus: Path, group_by: str | None, timeout: int,
             parameters: dict | None) -> nbformat.NotebookNode:
    """_run_cells, with nbclient's errors turned into NotebookFailed."""
    try:
        return _run_cells(path, corpus, group_by, timeout, parameters)
    except CellExecutionError as exc:
        reason = f"{exc.ename}: {' '.join(str(exc.evalue).split())}"[:300]
        raise NotebookFailed(f"{path.name}: a cell failed ({reason})",
                             _ANSI.sub("", str(exc))) from None
    except CellTimeoutError as exc:
        raise NotebookFailed(f"{path.name}: a cell ran longer than {timeout} s "
                             "(raise --timeout)", str(exc)) from None
    except DeadKernelError as exc:
        raise NotebookFailed(f"{path.name}: the kernel died (out of memory?)", str(exc)) from None


def at_once(n_notebooks: int) -> int:
    """How many notebooks run side by side, each in its own kernel: one per local worker
    ($ANALYSIS_WORKERS, else every core), at most one per notebook."""
    return max(1, min(parallel.workers(), n_notebooks))


def run_notebooks(paths: list[Path], run, progress=None) -> dict[Path, tuple[object, float]]:
    """`run(path)` for each notebook, at_once(len(paths)) at a time in threads (the kernels are
    processes, so they share the cores); by path, what it returned or raised (NotebookFailed)
    and its seconds. After a signal no further notebook starts."""
    def timed(path: Path) -> tuple[object, float]:
        if _running["signal"] is not None:
            return None, 0.0
        if progress:
            progress(path.stem)
        start = time.perf_counter()
        try:
            result = run(path)
        except NotebookFailed as exc:
            result = exc
        return result, time.perf_counter() - start

    with ThreadPoolExecutor(at_once(len(paths)), thread_name_prefix="report") as pool:
        futures = {path: pool.submit(timed, path) for path in paths}
        pending = set(futures.values())
        while pending:  # waiting in steps lets a signal's handler run in this (the main) thread
            _, pending = wait(pending, timeout=0.2)
    return {path: future.result() for path, future in futures.items()}


def first_heading(nb: nbformat.NotebookNode) -> str:
    """The text of the notebook's first Markdown heading."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            match = re.search(r"^#+\s+(.+)$", cell.source, re.MULTILINE)
            if match:
                return match.group(1).strip()
    return "Untitled"


def found(nb: nbformat.NotebookNode) -> str:
    """The Markdown of an executed notebook's summary of what it found ('' if none)."""
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            metadata = output.get("metadata", {})
            if metadata.get(SUMMARY_KEY) or metadata.get("text/markdown", {}).get(SUMMARY_KEY):
                return output.get("data", {}).get("text/markdown", "")
    return ""


def summary(nb: nbformat.NotebookNode) -> str:
    """The first plain paragraph of the notebook's opening Markdown cell."""
    for cell in nb.cells:
        if cell.cell_type == "markdown" and CODE_ONLY_TAG not in cell.metadata.get("tags", []):
            for block in cell.source.split("\n\n"):
                if block.strip() and not block.lstrip().startswith(("#", "-", "*", "|")):
                    return " ".join(block.split())
    return ""


def export_html(nb: nbformat.NotebookNode, with_code: bool) -> str:
    """Self-contained HTML (images embedded, nothing fetched) with or without code cells."""
    exporter = HTMLExporter(
        template_name="offline",
        extra_template_basedirs=[str(config.TEMPLATES_DIR)],
        exclude_input=not with_code,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
    )
    if not with_code:  # developer notes (reads, writes, parameters) are for the code version
        exporter.register_preprocessor(TagRemovePreprocessor(
            remove_cell_tags={CODE_ONLY_TAG, PARAMETERS_TAG, INJECTED_TAG}), enabled=True)
    nb.metadata["title"] = first_heading(nb)
    body, _ = exporter.from_notebook_node(nb)
    return add_contents(body)


_H2 = re.compile(r'<h2 id="([^"]+)">(.*?)<a class="anchor-link"', re.DOTALL)


def add_contents(body: str) -> str:
    """Insert a table of contents (the section headings) after the page's first heading."""
    sections = _H2.findall(body)
    if not sections:
        return body
    items = "".join(f'<li><a href="#{anchor}">{text}</a></li>' for anchor, text in sections)
    nav = (f'<nav class="report-nav" aria-label="Contents"><strong>Contents</strong>'
           f'<ol>{items}</ol><a href="index.html">All reports</a></nav>')
    return body.replace("</h1>", "</h1>\n" + nav, 1)


def corpus_facts(corpus) -> dict:
    """What the front page says of a loaded corpus: name, size, groups and dates."""
    docs = corpus.documents
    counts = docs["outlet"].value_counts(sort=False).sort_values(ascending=False, kind="stable")

    def span(start: str, end: str) -> tuple | None:
        first, last = docs[start].min(), docs[end].max()
        return None if pd.isna(first) else (first, last if pd.notna(last) else first)

    return {"name": corpus.folder.name, "articles": len(docs), "group_by": corpus.group_by,
            "groups": list(counts.items()), "published": span("published_start", "published_end"),
            "events": span("event_start", "event_end"),
            "n_published": int(docs["published_start"].notna().sum())}


def describe_corpus(facts: dict, top: int = 8) -> str:
    """One paragraph (HTML) naming the corpus, its size, its groups and its dates."""
    from analysis.notebook import date_span, plural

    groups, column = facts["groups"], html.escape(facts["group_by"])
    named = ", ".join(f"{html.escape(str(g))} ({n:,})" for g, n in groups[:top])
    more = f" and {plural(len(groups) - top, 'more')}" if len(groups) > top else ""
    if len(groups) == 1:
        grouping = f"all in one {column}, {html.escape(str(groups[0][0]))}"
    else:
        grouping = f"compared by {column} across {len(groups)} groups: {named}{more}"
    text = (f"<strong>{html.escape(facts['name'])}</strong>: "
            f"{plural(facts['articles'], 'article')}, {grouping}.")
    if facts["published"]:
        dated = facts.get("n_published", facts["articles"])
        text += (f" Published {date_span(*facts['published'])}." if dated == facts["articles"] else
                 f" Publication dates are known for {dated:,} of the {plural(facts['articles'], 'article')}"
                 f", {date_span(*facts['published'])}.")
    if facts["events"]:
        text += f" The events they report happened {date_span(*facts['events'])}."
    if not facts["published"] and not facts["events"]:
        text += " No article has a known date."
    return f"<p>{text}</p>"


def _index_item(entry: Entry) -> str:
    """One list item of the index: links to both versions, or the reason it failed."""
    title, stem = html.escape(entry.title), html.escape(entry.stem)
    if entry.failed:
        return (f"<li><strong>{title}: not built.</strong>"
                f"<p>This notebook failed on this corpus: {html.escape(entry.failed)}</p></li>")
    text = (_linked(entry.found, entry.stem) if entry.found and entry.stem != FINDINGS
            else f"<p>{html.escape(entry.text)}</p>")  # the findings' summary heads the page
    return (f'<li><a href="{stem}.html">{title}</a> (<a href="{stem}{CODE_SUFFIX}.html">with '
            f"code</a>){text}</li>")


def _linked(markdown: str, stem: str) -> str:
    """A notebook's Markdown summary as HTML, its section links pointing into its page."""
    return markdown2html_mistune(markdown).replace('href="#', f'href="{html.escape(stem)}.html#')


def _figure(path: Path | None) -> str:
    """The overview figure embedded as an image, or nothing."""
    if path is None or not path.is_file():
        return ""
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    return (f'<figure><img src="data:image/png;base64,{data}" style="max-width: 100%; height: '
            'auto;" alt="Small multiples: every measure of the Findings report for each group, '
            'with its interval"><figcaption>Every measure side by side (details in '
            f'<a href="{FINDINGS}.html">the Findings report</a>).</figcaption></figure>')


def write_index(entries: list[Entry], out_dir: Path, facts: dict | None = None,
                figure: Path | None = None) -> Path:
    """The front page: the corpus, the headline findings with links, the overview, the reports."""
    items = "\n".join(_index_item(entry) for entry in entries)
    name = html.escape(facts["name"]) if facts else "the corpus"
    about = describe_corpus(facts) if facts else ""
    findings = next((_linked(e.found, e.stem) for e in entries
                     if e.stem == FINDINGS and e.found and not e.failed), "")
    if findings:
        findings = f"<h2>What the reports found</h2>\n{findings}"
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{name}: comparative media analysis</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 50rem; margin: 2rem auto; padding: 0 1rem;
       line-height: 1.5; color: #222; }}
li {{ margin-bottom: 1rem; }} li p {{ margin: 0.25rem 0 0; }}
figure {{ margin: 1rem 0; }} figcaption {{ font-size: 0.9em; color: #555; }}
</style>
</head>
<body>
<main>
<h1>{name}: comparative media analysis</h1>
{about}
{findings}
{_figure(figure)}
<h2>The reports</h2>
<p>Each report is a notebook run on this corpus and saved as one self-contained page. The plain
link is the reader version; "with code" shows every step of the computation.</p>
<ol>
{items}
</ol>
<h2>Explore the words yourself</h2>
<p><a href="{EXPLORER}">The term explorer</a> places every frequent word by how often one group
uses it against the rest; search for a word or click one to see its counts, its keyness and the
sentences it occurs in, group by group. It is one page that works offline.</p>
</main>
</body>
</html>
"""
    return write_text(out_dir / "index.html", page)


SUMMARIES = ".summaries.json"  # each built notebook's summary, for the index of a partial build


def _read_summaries(out_dir: Path) -> dict:
    """The summaries of the notebooks built before (empty if none or unreadable)."""
    with suppress(OSError, ValueError):
        return dict(json.loads((out_dir / SUMMARIES).read_text(encoding="utf-8")))
    return {}


EXPLORER = "explorer.html"  # the interactive term explorer, beside the reports


def _facts_and_explorer(corpus: Path, group_by: str | None, store: Path | None, partial: Path) -> dict:
    """Write the term explorer into `partial`; return the front page's facts of the corpus (both
    from the corpus loaded as the notebooks load it)."""
    from analysis.corpus import load_corpus
    from analysis.explorer import write_explorer

    loaded = load_corpus(corpus, group_by=group_by, store=store)
    write_explorer(loaded, partial / EXPLORER, loaded.group_by)
    return corpus_facts(loaded)


_TABLE_LINK = re.compile(rf'href="{config.REPORT_TABLES}/([^"/]+)\.csv"')


def linked_tables(page: str) -> list[str]:
    """The names of the full tables a page links (notebook.full_table), in order, once each."""
    return list(dict.fromkeys(_TABLE_LINK.findall(page)))


def _write_linked_tables(corpus: Path, group_by: str | None, store: Path | None,
                         partial: Path) -> list[Path]:
    """Write every table the built pages link into `partial`'s tables folder (from the store the
    notebooks filled, else computed), so that each "full table" link of a page opens its CSV."""
    from analysis.corpus import load_corpus
    from analysis.pipeline import write_named_tables

    names = list(dict.fromkeys(name for page in sorted(partial.glob("*.html"))
                               for name in linked_tables(page.read_text(encoding="utf-8"))))
    if not names:
        return []
    with warnings.catch_warnings():  # the corpus's warnings were shown when the build began
        warnings.simplefilter("ignore", CorpusWarning)
        loaded = load_corpus(corpus, group_by=group_by, store=store)
    return write_named_tables(loaded, names, partial / config.REPORT_TABLES)


def _pages(stem: str) -> list[str]:
    """The file names of a notebook's two pages."""
    return [f"{stem}.html", f"{stem}{CODE_SUFFIX}.html"]


def _swap_in(partial: Path, out_dir: Path, stale: list[str], full: bool) -> None:
    """Move the finished build into `out_dir`, file by file, the index last; drop stale pages."""
    if full:  # a figure or table a new build did not make belongs to an earlier corpus
        for folder in ("figures", config.REPORT_TABLES):
            for old in (out_dir / folder).glob("*") if (out_dir / folder).is_dir() else []:
                if old.is_file() and not (partial / folder / old.name).exists():
                    old.unlink()
    for name in stale:
        (out_dir / name).unlink(missing_ok=True)
    files = sorted(p for p in partial.rglob("*") if p.is_file() and p.name != "index.html")
    for source in [*files, partial / "index.html"]:
        target = out_dir / source.relative_to(partial)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(source, target)


def build_reports(corpus: Path, out_dir: Path, notebooks: list[str] | None = None,
                  group_by: str | None = None, timeout: int = TIMEOUT,
                  progress=None, store: Path | None = None,
                  parameters: dict | None = None) -> Build:
    """Execute the notebooks against `corpus`; write reader and code HTML plus an index page.

    The build goes into OUT/.partial/ and is moved into OUT only at the end, so an interrupted
    build leaves the previous report as it was. A notebook that fails is listed in the index
    with its reason (its old pages are removed); the others are built. With `notebooks`, the
    other notebooks' existing pages are kept and stay in the index. `parameters` override
    the notebooks' parameters cells (corpus_folder and group_by are always set).
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    _running["signal"] = None
    partial = out_dir / PARTIAL
    shutil.rmtree(partial, ignore_errors=True)
    build, entries, stale = Build(), [], []
    selected = notebook_paths(notebooks)
    known = _read_summaries(out_dir)
    try:
        facts = _facts_and_explorer(corpus, group_by, store, partial)
        build.written.append(out_dir / EXPLORER)
        with _environment(corpus, partial / "figures", group_by, store):
            runs = run_notebooks(selected, lambda path: _execute(path, corpus, group_by, timeout,
                                                                 parameters), progress)
        _check_interrupted()
        for path in notebook_paths():
            if path not in selected:
                if (out_dir / _pages(path.stem)[0]).exists():
                    source = nbformat.read(path, as_version=4)
                    entries.append(Entry(path.stem, first_heading(source), summary(source),
                                         found=known.get(path.stem, "")))
                continue
            nb, build.seconds[path.stem] = runs[path]
            if isinstance(nb, NotebookFailed):
                build.failures[path.stem] = (str(nb), nb.detail)
                source = nbformat.read(path, as_version=4)
                entries.append(Entry(path.stem, first_heading(source), "", failed=str(nb)))
                stale.extend(_pages(path.stem))
                continue
            for name, with_code in zip(_pages(path.stem), (False, True), strict=True):
                write_text(partial / name, export_html(nb, with_code))
                build.written.append(out_dir / name)
            entries.append(Entry(path.stem, first_heading(nb), summary(nb), found=found(nb)))
        build.written += [out_dir / p.relative_to(partial)
                          for p in _write_linked_tables(corpus, group_by, store, partial)]
        overview = next((p for p in (partial / "figures" / f"{FINDINGS}-overview.png",
                                     out_dir / "figures" / f"{FINDINGS}-overview.png")
                         if p.is_file()), None)
        write_text(partial / SUMMARIES, json.dumps(
            {e.stem: e.found for e in entries if e.found and not e.failed}, indent=1))
        write_index(entries, partial, facts, overview)
        _check_interrupted()
        build.written.append(out_dir / "index.html")
        _swap_in(partial, out_dir, stale, full=notebooks is None)
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    return build

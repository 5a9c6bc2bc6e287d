"""Execute the numbered notebooks headlessly and export self-contained HTML reports."""

import html
import os
import re
from contextlib import contextmanager
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter

from analysis import config
from analysis.errors import CorpusError

KERNEL = "python3"  # the kernel of the environment running this command: the project's .venv
TIMEOUT = 1800  # seconds a single cell may take
CODE_SUFFIX = "-with-code"


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
def _environment(corpus: Path, figures: Path):
    """Point the kernels at the corpus and the figures folder, and fix the hash seed."""
    saved = dict(os.environ)
    os.environ.update({
        config.CORPUS_ENV: str(corpus.resolve()),
        config.FIGURES_ENV: str(figures.resolve()),
        "PYTHONHASHSEED": "0",
        "MPLBACKEND": "Agg",
    })
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def execute_notebook(path: Path, corpus: Path, figures: Path) -> nbformat.NotebookNode:
    """Run every cell of a notebook against a corpus; raise CorpusError naming a failing cell."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name=KERNEL, timeout=TIMEOUT, record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}},
                            extra_arguments=["--IPKernelApp.log_level=ERROR"])
    with _environment(corpus, figures):
        try:
            client.execute()
        except CellExecutionError as exc:
            raise CorpusError(f"{path.name}: a cell failed\n{exc}") from None
    return nb


def first_heading(nb: nbformat.NotebookNode) -> str:
    """The text of the notebook's first Markdown heading."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            match = re.search(r"^#+\s+(.+)$", cell.source, re.MULTILINE)
            if match:
                return match.group(1).strip()
    return "Untitled"


def summary(nb: nbformat.NotebookNode) -> str:
    """The first plain paragraph of the notebook's opening Markdown cell."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
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


def write_index(entries: list[tuple[str, str, str]], out_dir: Path) -> Path:
    """An index page linking each report (reader and code versions) with its summary."""
    items = "\n".join(
        f'<li><a href="{html.escape(stem)}.html">{html.escape(title)}</a> '
        f'(<a href="{html.escape(stem)}{CODE_SUFFIX}.html">with code</a>)'
        f"<p>{html.escape(text)}</p></li>"
        for stem, title, text in entries
    )
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Comparative media analysis: reports</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 50rem; margin: 2rem auto; padding: 0 1rem;
       line-height: 1.5; color: #222; }}
li {{ margin-bottom: 1rem; }} li p {{ margin: 0.25rem 0 0; }}
</style>
</head>
<body>
<main>
<h1>Comparative media analysis: reports</h1>
<p>Each report is a notebook executed against the corpus, exported as one self-contained page.
The plain link is the reader version (code hidden); "with code" shows every cell.</p>
<ol>
{items}
</ol>
</main>
</body>
</html>
"""
    path = out_dir / "index.html"
    path.write_text(page, encoding="utf-8")
    return path


def build_reports(corpus: Path, out_dir: Path, notebooks: list[str] | None = None) -> list[Path]:
    """Execute the notebooks against `corpus`; write reader and code HTML plus an index page."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written, entries = [], []
    for path in notebook_paths(notebooks):
        nb = execute_notebook(path, corpus, out_dir / "figures")
        for with_code in (False, True):
            target = out_dir / f"{path.stem}{CODE_SUFFIX if with_code else ''}.html"
            target.write_text(export_html(nb, with_code), encoding="utf-8")
            written.append(target)
        entries.append((path.stem, first_heading(nb), summary(nb)))
    written.append(write_index(entries, out_dir))
    return written

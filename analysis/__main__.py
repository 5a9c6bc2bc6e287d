"""Command line: `python -m analysis {tables,figures,report}`; bad input exits non-zero, no traceback."""

import argparse
import sys
import warnings
from pathlib import Path

from analysis import config
from analysis.errors import CorpusError, CorpusWarning


def _show_warning(message, category, filename, lineno, file=None, line=None):
    """Print corpus warnings as one plain line; leave other warnings to Python."""
    if issubclass(category, CorpusWarning):
        print(f"warning: {message}", file=sys.stderr)
    else:
        _default_showwarning(message, category, filename, lineno, file, line)


_default_showwarning = warnings.showwarning


def _tables(args) -> int:
    from analysis.corpus import load_corpus
    from analysis.pipeline import write_tables

    corpus = load_corpus(args.corpus)
    for path in write_tables(corpus, args.out):
        print(path)
    return 0


def _figures(args) -> int:
    from analysis.corpus import load_corpus
    from analysis.pipeline import render_figures

    corpus = load_corpus(args.corpus)
    for path in render_figures(corpus, args.out):
        print(path.with_suffix(".{png,svg,csv}"))
    return 0


def _report(args) -> int:
    from analysis.corpus import load_corpus
    from analysis.report import build_reports

    load_corpus(args.corpus)  # fail early, with a clear message, before starting any kernel
    for path in build_reports(args.corpus, args.out, notebooks=args.notebooks or None):
        print(path)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with its three subcommands."""
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Comparative media analysis: write tables, render figures, build reports.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    corpus_help = "folder of .txt articles with an optional metadata.csv (default: seeds/)"

    tables = sub.add_parser("tables", help="write every table as CSV",
                            description="Load and clean the corpus and write every table as CSV.")
    tables.add_argument("--corpus", type=Path, default=config.SEEDS_DIR, help=corpus_help)
    tables.add_argument("--out", type=Path, default=config.TABLES_DIR,
                        help="folder for the CSV files (default: tables/)")
    tables.set_defaults(run=_tables)

    figures = sub.add_parser("figures", help="re-render every figure without Jupyter",
                             description="Re-render every figure as PNG + SVG + CSV.")
    figures.add_argument("--corpus", type=Path, default=config.SEEDS_DIR, help=corpus_help)
    figures.add_argument("--out", type=Path, default=config.FIGURES_DIR,
                         help="folder for the figures (default: figures/)")
    figures.set_defaults(run=_figures)

    report = sub.add_parser(
        "report", help="execute the notebooks and export HTML reports",
        description="Execute the numbered notebooks against a corpus and export self-contained "
        "HTML (full and reader versions) with an index page. Figures made along the way go to "
        "OUT/figures/.",
    )
    report.add_argument("--corpus", type=Path, default=config.SEEDS_DIR, help=corpus_help)
    report.add_argument("--out", type=Path, default=config.REPORTS_DIR,
                        help="folder for the HTML reports (default: reports/)")
    report.add_argument("--notebook", dest="notebooks", action="append", metavar="NAME",
                        help="only this notebook (e.g. 01-corpus-overview); repeatable")
    report.set_defaults(run=_report)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    warnings.showwarning = _show_warning
    try:
        return args.run(args)
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())

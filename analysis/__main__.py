"""Command line: `python -m analysis {tables,figures,report}`; any failure is one line, no traceback."""

import argparse
import errno
import os
import signal
import sys
import time
import traceback
import warnings
from pathlib import Path

from analysis import config
from analysis.errors import CorpusError, CorpusWarning

LOG_DIR = "log"  # under the output folder: the full traceback of a failed command
EXIT_BAD_INPUT, EXIT_FAILED = 2, 1
EXIT_SIGNAL = {signal.SIGINT: 130, signal.SIGTERM: 143}


class Interrupted(BaseException):
    """Raised from the signal handler of SIGTERM (SIGINT raises KeyboardInterrupt)."""


def _show_warning(message, category, filename, lineno, file=None, line=None):
    """Print corpus warnings as one plain line; leave other warnings to Python."""
    if issubclass(category, CorpusWarning):
        print(f"warning: {message}", file=sys.stderr)
    else:
        _default_showwarning(message, category, filename, lineno, file, line)


_default_showwarning = warnings.showwarning


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def default_out(command: str, corpus: Path) -> Path:
    """The folder a command writes into when --out is not given: ROOT/{tables,figures,reports}."""
    return config.output_root(corpus) / {"tables": "tables", "figures": "figures",
                                         "report": "reports", "kwic": "tables"}[command]


def store_root(args) -> Path | None:
    """Where the command keeps computed results: $ANALYSIS_STORE (None: the loader reads it),
    else OUT/store with --out, else the corpus's output folder's store/."""
    if os.environ.get(config.STORE_ENV):
        return None
    return args.out / "store" if args.explicit_out else config.output_root(args.corpus) / "store"


def check_out(out: Path, corpus: Path) -> None:
    """Refuse an output folder that is a file, under a file, unwritable, or inside an input."""
    resolved = out.resolve()
    for name, folder in (("the corpus folder", corpus), ("seeds/", config.SEEDS_DIR)):
        inside = folder.resolve()
        if resolved == inside or resolved.is_relative_to(inside):
            raise CorpusError(f"--out {out}: inside {name} ({folder}); outputs would be read as "
                              "input next time; choose a folder outside it")
    existing = next((p for p in [resolved, *resolved.parents] if p.exists()), None)
    if existing is None:
        raise CorpusError(f"--out {out}: no existing folder above it")
    if not existing.is_dir():
        raise CorpusError(f"--out {out}: {existing} is a file, not a folder")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise CorpusError(f"--out {out}: {existing} is not writable")


def _load(args, timer=None):
    """Load the corpus with the grouping asked for, and say which groups were found."""
    from analysis.corpus import describe_groups, load_corpus
    from analysis.progress import Timer

    with (timer or Timer()).step("load"):
        corpus = load_corpus(args.corpus, group_by=args.group_by, store=store_root(args))
    _say(f"corpus {args.corpus}: {describe_groups(corpus)}")
    if len(corpus.skipped):
        _say(f"corpus {args.corpus}: {len(corpus.skipped)} file(s) skipped, listed in skipped.csv")
    return corpus


def _tables(args) -> int:
    from analysis.pipeline import write_tables
    from analysis.progress import Timer

    timer = Timer()
    for path in write_tables(_load(args, timer), args.out, timer):
        print(path)
    _say(timer.summary("tables"))
    return 0


def _figures(args) -> int:
    from analysis.pipeline import render_figures
    from analysis.progress import Timer

    timer = Timer()
    for path in render_figures(_load(args, timer), args.out, timer):
        print(path.with_suffix(".{png,svg,csv}"))
    _say(timer.summary("figures"))
    return 0


def _report(args) -> int:
    from analysis.progress import Timer
    from analysis.report import BuildInterrupted, at_once, build_reports, interrupt, notebook_paths

    timer, start = Timer(), time.perf_counter()
    _load(args, timer)  # fail early, with a clear message, before starting any kernel

    def running(stem: str) -> None:
        _say(f"report: running {stem}")
    # Inside a build a signal kills the running kernel and ends the build cleanly: raising from
    # the handler in the middle of nbclient's event loop would leave the kernel and a traceback.
    previous = {s: signal.signal(s, interrupt) for s in EXIT_SIGNAL}
    try:
        build = build_reports(args.corpus, args.out, notebooks=args.notebooks or None,
                              group_by=args.group_by, timeout=args.timeout, store=store_root(args),
                              progress=running,
                              parameters={"follow_terms": args.follow} if args.follow else None)
    except BuildInterrupted as exc:
        raise (KeyboardInterrupt() if exc.signum == signal.SIGINT else Interrupted(exc.signum)) \
            from None
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    for stem, seconds in build.seconds.items():
        timer.add(stem, seconds)
    side_by_side = at_once(len(notebook_paths(args.notebooks or None)))
    _say(timer.summary("report", wall=time.perf_counter() - start,
                       note=f"notebooks {side_by_side} at a time" if side_by_side > 1 else ""))
    for path in build.written:
        print(path)
    if build.failures:
        log = _write_log(args, "\n\n".join(d for _, d in build.failures.values()))
        for reason, _ in build.failures.values():
            _say(f"error: {reason}")
        _say(f"error: {len(build.failures)} notebook(s) failed; the others were built and the "
             f"index lists the failure (details in {log})")
        return EXIT_FAILED
    return 0


KWIC_WIDTH = 40  # characters of context printed on each side of the keyword
KWIC_GROUP_WIDTH = 24  # the group column is cut to this many characters


def concordance(kwic, width: int = KWIC_WIDTH, order: list[str] | None = None) -> list[str]:
    """Concordance lines aligned on the keyword: group, article, left context, KEYWORD, right."""
    if order:
        rank = {group: i for i, group in enumerate(order)}
        kwic = kwic.sort_values("outlet", key=lambda g: g.map(rank), kind="stable")
    group_width = min(max((len(str(g)) for g in kwic["outlet"]), default=0), KWIC_GROUP_WIDTH)
    doc_width = max((len(str(d)) for d in kwic["doc_id"]), default=0)
    lines = []
    for row in kwic.itertuples(index=False):
        left = " ".join(str(row.left).split())[-width:]
        right = " ".join(str(row.right).split())[:width]
        group = str(row.outlet)[:group_width]
        lines.append(f"{group:<{group_width}}  {row.doc_id!s:<{doc_width}}  "
                     f"{left:>{width}} [{row.match}] {right}".rstrip())
    return lines


def _kwic(args) -> int:
    from analysis.terms import compute_kwic

    corpus = _load(args)
    kwic = compute_kwic(corpus, args.term)
    if args.limit:
        kwic = kwic.head(args.limit)
    for line in concordance(kwic, args.width, corpus.outlets):
        print(line)
    per = kwic.groupby("outlet", sort=False).size()
    _say(f"kwic: {len(kwic)} occurrence{'s' if len(kwic) != 1 else ''} of {args.term!r}"
         + (" (" + ", ".join(f"{g}: {n}" for g, n in per.items()) + ")" if len(per) else ""))
    return 0


def _validate_roles(args) -> int:
    from analysis.export import write_csv
    from analysis.roles import ROLES, VALIDATION, default_labels_folder, validate_roles, validation_table

    folder = args.folder or default_labels_folder()
    if not (folder / "entity-roles.tsv").is_file() or not (folder / "docs").is_dir():
        raise CorpusError(f"{folder}: expected docs/ and entity-roles.tsv (SemEval-2025 entity "
                          "framing layout)")
    if args.write and folder.resolve() != default_labels_folder().resolve():
        raise CorpusError(f"--write keeps the figures of the default labels only, not of {folder}")
    calls = validate_roles(folder)
    table = validation_table(calls)
    if args.write:
        write_csv(table, VALIDATION)
        _say(f"validate-roles: wrote {VALIDATION}")
    print(f"{folder}: {calls['doc_id'].nunique()} articles, {len(calls)} labelled (article, actor) "
          "pairs (human roles: Antagonist = villain, Innocent = victim, Protagonist = hero)")
    for r in table.itertuples(index=False):
        cells = "; ".join(f"{role} precision {getattr(r, f'{role}_correct')}/{getattr(r, f'{role}_calls')}"
                          + (f" = {getattr(r, f'{role}_precision'):.2f}" if getattr(r, f"{role}_calls")
                             else " (no call)") for role in ROLES)
        print(f"{r.voices}, {r.half}: coverage {r.called}/{r.pairs} = {r.coverage:.2f}; {cells}; "
              f"AUC victim vs villain {r.victim_vs_villain_auc:.2f}, hero vs villain "
              f"{r.hero_vs_villain_auc:.2f}")
    print(f"abstention rate (all voices): {(calls['call'] == 'none').mean():.2f}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with its three subcommands."""
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Comparative media analysis: write tables, render figures, build reports. "
        "Outputs of seeds/ go to the project's tables/, figures/ and reports/; of any other "
        "corpus to output/<corpus folder name>/{tables,figures,reports}/ unless --out is given.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    corpus_help = ("folder of .txt articles (subfolders too) with an optional metadata.csv "
                   "(default: seeds/)")
    group_help = ("metadata column to compare by (default: outlet; also folder, month or any "
                  "extra column of metadata.csv)")
    commands = {
        "tables": ("write every table as CSV", "Load and clean the corpus and write every table "
                   "as CSV.", _tables),
        "figures": ("re-render every figure without Jupyter", "Re-render every figure as PNG + "
                    "SVG + CSV.", _figures),
        "report": ("execute the notebooks and export HTML reports", "Execute the numbered "
                   "notebooks against a corpus and export self-contained HTML (full and reader "
                   "versions) with an index page. Figures made along the way go to OUT/figures/.",
                   _report),
        "kwic": ("print a term's occurrences in context", "Print every occurrence of a term "
                 "with the words around it, aligned on the term (keyword in context), grouped by "
                 "the grouping column.", _kwic),
    }
    roles = sub.add_parser(
        "validate-roles", help="score the role calls against human role labels",
        description="Score the villain / victim / hero calls against a folder of human role labels "
        "(docs/*.txt and entity-roles.tsv as in SemEval-2025 entity framing): precision per call, "
        "coverage and AUCs, per half of the files (dev, held-out) and in all.")
    roles.add_argument("folder", type=Path, nargs="?", default=None,
                       metavar="DIR", help="default: ../shared/corpora/semeval2025-cc")
    roles.add_argument("--write", action="store_true",
                       help="keep the figures in analysis/data/roles_validation.csv, where the "
                       "reports read them (for the default labels only)")
    roles.set_defaults(run=_validate_roles, corpus=None, out=None)
    for name, (short, description, run) in commands.items():
        command = sub.add_parser(name, help=short, description=description)
        command.add_argument("--corpus", type=Path, default=config.SEEDS_DIR, help=corpus_help)
        command.add_argument("--out", type=Path, default=None,
                             help=f"output folder (default: {name} folder of the corpus's output)")
        command.add_argument("--group-by", default=None, metavar="COLUMN", help=group_help)
        command.set_defaults(run=run)
        if name == "kwic":
            command.add_argument("term", help="a word or a phrase of adjacent words")
            command.add_argument("--width", type=int, default=KWIC_WIDTH, metavar="CHARS",
                                 help=f"context on each side (default: {KWIC_WIDTH})")
            command.add_argument("--limit", type=int, default=0, metavar="N",
                                 help="print at most N lines (default: all)")
        if name == "report":
            command.add_argument("--notebook", dest="notebooks", action="append", metavar="NAME",
                                 help="only this notebook (e.g. 01-corpus-overview); repeatable; "
                                 "the other notebooks' pages are kept")
            command.add_argument("--follow", action="append", default=[], metavar="TERM",
                                 help="a term to follow in context in notebook 02 (its positions "
                                 "and concordance); repeatable")
            command.add_argument("--timeout", type=int, default=1800, metavar="SECONDS",
                                 help="longest a single notebook cell may run (default: 1800)")
    return parser


def _write_log(args, text: str) -> Path | None:
    """Write the details of a failure to OUT/log/COMMAND.log; None if that is impossible."""
    try:
        path = Path(args.out) / LOG_DIR / f"{args.command}.log"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path
    except (OSError, TypeError):
        return None


def _on_signal(signum, frame):
    raise Interrupted(signum)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    shown_by, warnings.showwarning = warnings.showwarning, _show_warning
    previous = signal.signal(signal.SIGTERM, _on_signal)
    try:
        args.explicit_out = args.out is not None
        if args.command == "validate-roles":
            return args.run(args)
        if args.out is None:
            args.out = default_out(args.command, args.corpus)
        check_out(args.out, args.corpus)
        return args.run(args)
    except CorpusError as exc:
        _say(f"error: {exc}")
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        _say(f"interrupted: {args.command} stopped; earlier outputs were left as they were")
        return EXIT_SIGNAL[signal.SIGINT]
    except Interrupted:
        _say(f"terminated: {args.command} stopped; earlier outputs were left as they were")
        return EXIT_SIGNAL[signal.SIGTERM]
    except OSError as exc:
        where = f" {exc.filename}" if exc.filename else ""
        reason = "disk full" if exc.errno == errno.ENOSPC else (exc.strerror or str(exc))
        log = _write_log(args, traceback.format_exc())
        _say(f"error: {args.command}: cannot write or read{where}: {reason}"
             + (f" (details in {log})" if log else ""))
        return EXIT_FAILED
    except Exception as exc:  # the one boundary: a line for the user, the traceback in the log
        log = _write_log(args, traceback.format_exc())
        _say(f"error: {args.command} failed: {type(exc).__name__}: {exc}".splitlines()[0][:300]
             + (f" (details in {log})" if log else ""))
        return EXIT_FAILED
    finally:
        signal.signal(signal.SIGTERM, previous)
        warnings.showwarning = shown_by


if __name__ == "__main__":
    sys.exit(main())

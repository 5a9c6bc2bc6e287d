"""Every path and shared setting, rooted at the project folder."""

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DATA = Path(__file__).resolve().parent / "data"
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"

SEEDS_DIR = PROJECT_ROOT / "seeds"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
FIGURES_DIR = PROJECT_ROOT / "figures"
REPORTS_DIR = PROJECT_ROOT / "reports"
TABLES_DIR = PROJECT_ROOT / "tables"

METADATA_FILE = "metadata.csv"

# Random seed for every bootstrap and model fit, and the number of bootstrap resamples.
SEED = 20220224
N_BOOTSTRAP = 2000

# Environment variables through which `python -m analysis report` points notebooks elsewhere.
CORPUS_ENV = "ANALYSIS_CORPUS"
FIGURES_ENV = "ANALYSIS_FIGURES"
GROUP_BY_ENV = "ANALYSIS_GROUP_BY"
OUTPUT_ENV = "ANALYSIS_OUTPUT"
# Set while a report is built: a long table's page then links the full CSV written beside it.
REPORT_ENV = "ANALYSIS_REPORT"
REPORT_TABLES = "tables"  # the folder beside the report pages that holds those CSVs
# Where computed results are kept between runs (default: the corpus's output folder's store/);
# "off" computes everything in memory each time.
STORE_ENV = "ANALYSIS_STORE"

# Outputs of any corpus other than seeds/ go under OUTPUT_DIR/<corpus folder name>/ (not tracked).
OUTPUT_DIR = PROJECT_ROOT / "output"
DEFAULT_GROUP_BY = "outlet"

# Files larger than this are skipped (and listed), so one huge or endless file cannot exhaust memory.
MAX_FILE_ENV = "ANALYSIS_MAX_FILE_MB"
DEFAULT_MAX_FILE_MB = 100


def word_list(name: str) -> list[str]:
    """The non-comment lines of a word list in analysis/data/."""
    return [w.strip() for w in (PACKAGE_DATA / name).read_text("utf-8").splitlines()
            if w.strip() and not w.startswith("#")]


def max_file_bytes() -> int:
    """The size limit of one input file in bytes: $ANALYSIS_MAX_FILE_MB, else 100 MB."""
    value = os.environ.get(MAX_FILE_ENV)
    try:
        megabytes = float(value) if value else DEFAULT_MAX_FILE_MB
    except ValueError:
        from analysis.errors import CorpusError

        raise CorpusError(f"{MAX_FILE_ENV}={value!r}: not a number of megabytes") from None
    return int(megabytes * 2**20)


def too_large(limit: int) -> str:
    """The reason given for a file over the size limit."""
    return f"larger than the limit of {limit / 2**20:.3g} MB (set {MAX_FILE_ENV} to raise it)"


def shared_corpora(name: str = "") -> Path:
    """../shared/corpora[/name] beside the checkout (a git worktree may sit a level or two deeper);
    the path beside PROJECT_ROOT when no such folder exists, so callers can test is_dir()."""
    tail = Path("shared") / "corpora" / name
    return next((p / tail for p in PROJECT_ROOT.parents if (p / tail).is_dir()),
                PROJECT_ROOT.parent / tail)


def corpus_dir() -> Path:
    """The corpus folder a notebook should read: $ANALYSIS_CORPUS, else seeds/."""
    return Path(os.environ.get(CORPUS_ENV) or SEEDS_DIR)


def figures_dir() -> Path:
    """The folder a notebook saves figures into: $ANALYSIS_FIGURES, else that corpus's figures/."""
    if os.environ.get(FIGURES_ENV):
        return Path(os.environ[FIGURES_ENV])
    return output_root(corpus_dir()) / "figures"


def group_by() -> str:
    """The metadata column a notebook compares by: $ANALYSIS_GROUP_BY, else outlet."""
    return os.environ.get(GROUP_BY_ENV) or DEFAULT_GROUP_BY


def is_default_corpus(corpus: Path) -> bool:
    """Whether `corpus` is the project's own seeds/ folder."""
    return Path(corpus).resolve() == SEEDS_DIR.resolve()


def output_root(corpus: Path, out: Path | None = None) -> Path:
    """Where a corpus's outputs go: `out` if given; the project for seeds/; else output/<name>/.

    Under the root: tables/, figures/, reports/ (and store/, log/). Only seeds/ without `out`
    writes into the committed folders of the project.
    """
    if out is not None:
        return Path(out)
    if os.environ.get(OUTPUT_ENV):
        return Path(os.environ[OUTPUT_ENV])
    if is_default_corpus(corpus):
        return PROJECT_ROOT
    return OUTPUT_DIR / Path(corpus).resolve().name

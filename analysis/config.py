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


def corpus_dir() -> Path:
    """The corpus folder a notebook should read: $ANALYSIS_CORPUS, else seeds/."""
    return Path(os.environ.get(CORPUS_ENV) or SEEDS_DIR)


def figures_dir() -> Path:
    """The folder a notebook saves figures into: $ANALYSIS_FIGURES, else figures/."""
    return Path(os.environ.get(FIGURES_ENV) or FIGURES_DIR)

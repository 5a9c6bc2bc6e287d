"""Shared fixtures: the tiny fixture corpus, the seeds, and a factory for bad-input corpora."""

import warnings
from pathlib import Path

import pytest

from analysis import config, load_corpus

FIXTURES = Path(__file__).parent / "fixtures"
TINY = FIXTURES / "tiny"


@pytest.fixture(scope="session", autouse=True)
def _store(tmp_path_factory):
    """Keep the store of every corpus a test loads in a temporary folder, not in output/."""
    mp = pytest.MonkeyPatch()
    mp.setenv(config.STORE_ENV, str(tmp_path_factory.mktemp("store")))
    yield
    mp.undo()


@pytest.fixture(scope="session")
def tiny():
    """The three-article fixture corpus."""
    return load_corpus(TINY)


@pytest.fixture(scope="session")
def seeds():
    """The five seed articles."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the curated seeds must load without any warning
        return load_corpus(config.SEEDS_DIR)


@pytest.fixture
def make_corpus(tmp_path):
    """Write files (name -> str or bytes) into a fresh corpus folder and return its path."""

    def make(files: dict[str, str | bytes]) -> Path:
        folder = tmp_path / "corpus"
        folder.mkdir(exist_ok=True)
        for name, content in files.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, str):
                path.write_text(content, encoding="utf-8", newline="")
            else:
                path.write_bytes(content)
        return folder

    return make

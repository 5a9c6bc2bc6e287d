"""The corpus store: every per-corpus result computed once and kept on disk, keyed by its inputs.

An entry is a folder STORE/<key>/ where the key hashes every file of the corpus, every file of
the package (code and data/) except the drawing code (plots/, plotting.py, templates/), the
store format and the settings that change results (grouping, file size limit). Tables are
Parquet files; other results (fitted models, sparse matrices, drawn figures) are pickles the
package wrote itself; a drawn figure's name carries the hash of the drawing code. A changed
article, rule file or module gives a new key, so a stale result is never read; the oldest
entries beyond KEEP are removed.
"""

import hashlib
import os
import pickle
import re
import shutil
import stat
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow

from analysis import config

FORMAT = "1"  # bump when the layout of an entry changes
KEEP = 3  # entries kept per store folder (the newest)
_PACKAGE = Path(__file__).resolve().parent
_CHUNK = 1 << 20
# A DataFrame with more columns than this (a document-term or topic matrix) is pickled: its Parquet
# write and read-back cost several times its size in memory, and a pickle is exact.
WIDE = 1000
# Code that only draws stored tables: measures import no matplotlib (a test checks), so no stored
# table depends on it, and a changed colour or label must not recompute every measure; stored
# figures carry drawing_key() in their name instead.
DRAWING = frozenset({"plots", "plotting.py", "templates"})


def _hash_file(h, path: Path, info: os.stat_result, limit: int) -> None:
    """Feed a regular file to `h`: its bytes, or its size and time when it is over `limit`."""
    if info.st_size > limit:
        h.update(f"large:{info.st_size}:{info.st_mtime_ns}".encode())
        return
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            h.update(chunk)


def _hash_tree(h, root: Path, limit: int, suffixes: tuple[str, ...] | None = None,
               skip: frozenset[str] = frozenset()) -> None:
    """Feed every file below `root` (names, kinds and contents) to `h`, in a fixed order; `skip`
    names paths relative to `root` (files or folders) left out."""
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        dirs[:] = [d for d in dirs if d != "__pycache__"
                   and (Path(folder) / d).relative_to(root).as_posix() not in skip]
        for name in sorted(files):
            if suffixes and not name.endswith(suffixes):
                continue
            path = Path(folder) / name
            if path.relative_to(root).as_posix() in skip:
                continue
            h.update(b"\0" + str(path.relative_to(root)).encode("utf-8", "surrogateescape") + b"\0")
            try:
                info = path.lstat()
            except OSError as exc:  # vanished or unreadable: the loader says so; hash the fact
                h.update(f"error:{exc.errno}".encode())
                continue
            if stat.S_ISREG(info.st_mode):
                try:
                    _hash_file(h, path, info, limit)
                except OSError as exc:
                    h.update(f"error:{exc.errno}".encode())
            elif stat.S_ISLNK(info.st_mode):
                h.update(b"link:" + os.fsencode(os.readlink(path)))
            else:
                h.update(f"kind:{stat.S_IFMT(info.st_mode)}".encode())


def package_key(root: Path = _PACKAGE) -> str:
    """A hash of the package's code and data files, drawing code (DRAWING) left out."""
    h = hashlib.sha256()
    _hash_tree(h, root, 1 << 30, (".py", ".toml", ".csv", ".txt", ".json", ".tsv", ".pickle"),
               DRAWING)
    return h.hexdigest()


def drawing_key(root: Path = _PACKAGE) -> str:
    """A hash of the drawing code alone: it names a stored figure, so a changed plot redraws."""
    h = hashlib.sha256()
    for part in sorted(DRAWING):
        h.update(f"\0{part}\0".encode())
        if (root / part).is_dir():
            _hash_tree(h, root / part, 1 << 30, (".py", ".html", ".js", ".css", ".json"))
        elif (root / part).is_file():
            h.update((root / part).read_bytes())
    return h.hexdigest()[:16]


def corpus_key(folder: Path, group_by: str) -> str:
    """The store key of a corpus folder loaded with `group_by` by this version of the package."""
    limit = config.max_file_bytes()
    h = hashlib.sha256(f"{FORMAT}\0{group_by}\0{limit}\0{package_key()}".encode())
    _hash_tree(h, Path(folder), limit)
    return h.hexdigest()[:24]


class Store:
    """One entry of the store: read and write results by name."""

    def __init__(self, root: Path, key: str, name: str = "corpus") -> None:
        self.root = Path(root)
        self.key = key
        self.name = name
        self.path = self.root / f"{name}-{key}"

    def _file(self, name: str, suffix: str) -> Path:
        return self.path / f"{name}{suffix}"

    def has(self, name: str) -> bool:
        return self._file(name, ".parquet").is_file() or self._file(name, ".pickle").is_file()

    def get(self, name: str):
        """The stored result `name`, or None when it is not there (or cannot be read)."""
        try:
            if self._file(name, ".parquet").is_file():
                return _released(pd.read_parquet(self._file(name, ".parquet")))
            if self._file(name, ".pickle").is_file():
                with open(self._file(name, ".pickle"), "rb") as handle:
                    return pickle.load(handle)
        except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError):
            return None  # a damaged entry is recomputed, not trusted
        return None

    def put(self, name: str, value) -> None:
        """Store `value` under `name` (a DataFrame as Parquet unless wider than WIDE columns, anything
        else pickled); atomic."""
        self.path.mkdir(parents=True, exist_ok=True)
        if isinstance(value, pd.DataFrame) and _parquet_safe(value) and value.shape[1] <= WIDE:
            try:
                self._write(name, ".parquet", lambda f: value.to_parquet(f, index=True))
                if _released(_round_trips(value) or _reads_back(value, self._file(name, ".parquet"))):
                    return
            except (TypeError, ValueError, ImportError, OverflowError):
                pass
            # a column Parquet cannot hold, or reads back as another type: pickle it instead
            self._file(name, ".parquet").unlink(missing_ok=True)
        self._write(name, ".pickle", lambda f: pickle.dump(value, f, protocol=5))

    def _write(self, name: str, suffix: str, write) -> None:
        fd, tmp = tempfile.mkstemp(dir=self.path, prefix=f".{name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                write(handle)
            os.replace(tmp, self._file(name, suffix))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def prune(self) -> None:
        """Remove all but the KEEP newest entries of this corpus in the store folder."""
        entries = [p for p in self.root.glob(f"{self.name}-*") if p.is_dir() and p != self.path
                   and len(p.name) == len(self.path.name)]
        entries.sort(key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in entries[KEEP - 1:]:
            shutil.rmtree(old, ignore_errors=True)


def _parquet_safe(df: pd.DataFrame) -> bool:
    """Whether a DataFrame round-trips through Parquet unchanged (plain columns and index)."""
    if not all(isinstance(c, str) for c in df.columns) or df.columns.duplicated().any():
        return False
    if isinstance(df.columns, pd.MultiIndex) or df.attrs:
        return False
    return not any(df[c].dtype == object for c in df.columns)


# Column types that Parquet gives back exactly (tests/test_store.py round-trips each, with missing
# values, -0.0, infinities and non-ASCII text): a table of only these, on a plain integer index, is
# not read back to check. Anything else is (about 40% of the time spent storing the tables of
# 10,000 generated articles went to reading them back).
_EXACT_TYPES = frozenset({"int64", "float64", "bool"})


def _round_trips(df: pd.DataFrame) -> bool:
    """Whether a DataFrame has only column types Parquet gives back exactly (int64, float64,
    bool, pandas strings in the default storage), on a RangeIndex or an int64 index."""
    if not (isinstance(df.index, pd.RangeIndex) or str(df.index.dtype) == "int64"):
        return False  # (a MultiIndex has dtype object)
    # pandas strings (<NA> or NaN missing) as pandas.options.mode.string_storage stores them: what
    # Parquet reads back (a string column stored otherwise comes back in that storage)
    texts = (pd.StringDtype(), pd.StringDtype(na_value=float("nan")))
    return all(str(t) in _EXACT_TYPES or t in texts for t in df.dtypes)


def _released(value):
    """`value`, after Arrow's memory pool returned its unused memory (mimalloc keeps it otherwise)."""
    pyarrow.default_memory_pool().release_unused()
    return value


def _reads_back(value: pd.DataFrame, path: Path) -> bool:
    """Whether the Parquet file reads back as `value`, checked one column at a time (low memory)."""
    if value.shape[1] == 0:
        return _same(value, pd.read_parquet(path))
    return all(_same(value[[c]], pd.read_parquet(path, columns=[c])) for c in value.columns)


def _same(a: pd.DataFrame, b: pd.DataFrame) -> bool:
    """Whether two tables are equal in values, types, index and column order."""
    try:
        pd.testing.assert_frame_equal(a, b, check_exact=True)
    except AssertionError:
        return False
    return True


def open_store(folder: Path, group_by: str, root: Path | None = None) -> Store | None:
    """The store entry of a corpus: under `root`, $ANALYSIS_STORE, else the corpus's output
    folder; None when $ANALYSIS_STORE is 'off'."""
    setting = os.environ.get(config.STORE_ENV, "")
    if root is None and setting.lower() == "off":
        return None
    root = Path(root or setting or config.output_root(folder) / "store")
    name = re.sub(r"[^\w.-]+", "_", Path(folder).resolve().name)[:40] or "corpus"
    return Store(root, corpus_key(folder, group_by), name)

"""Load a folder of .txt articles into tidy tables: documents, paragraphs, sentences."""

import os
import stat
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import numpy as np
import pandas as pd

from analysis import config
from analysis.cleaning import Rules, clean_lines
from analysis.errors import CorpusError, CorpusWarning
from analysis.metadata import (
    COLUMNS,
    UNKNOWN,
    parse_date_range,
    parse_flag,
    read_metadata,
    resolve_file,
)
from analysis.parallel import warm_up
from analysis.reading import read_article
from analysis.segment import count_words, split_sentences
from analysis.store import Store, open_store
from analysis.textnorm import normalize_text

_UNICODE = {"utf-8", "utf-8-sig", "ascii", "utf-16", "utf-32"}
# A line of at most this many words, in the same block as an unfinished line, continues it
# (an attribution after a quote: '"... for decades"' / 'Stoltenberg said.').
CONTINUATION_MAX_WORDS = 8
# A document is hard-wrapped (lines broken at a fixed width, as in e-mail and plain-text archives)
# when nearly all its lines fit this width and the lines inside its blocks fill most of it; every
# line of a block then continues the one before, whatever its punctuation.
WRAP_MAX_WIDTH = 100
WRAP_MIN_FILL = 0.6
WRAP_MIN_LINES = 5
# Columns that describe a file or its parsing, not a grouping of articles.
_NOT_GROUPS = ("doc_id", "file", "where", "row", "published_start", "published_end",
               "event_start", "event_end", "evidence", "title")
# A corpus of this many files is cut into partitions (about 40 lines an article against the
# partition size): its worker processes are started before its files are read.
WARM_UP_FILES = 500
CACHE_SIZE = 4  # corpora whose per-corpus results (term matrix, sentence scores) stay cached


@dataclass
class Corpus:
    """The cleaned corpus as tables, plus what was removed and what was skipped, and why."""

    folder: Path
    documents: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    removed: pd.DataFrame
    skipped: pd.DataFrame
    notes: list[str] = field(default_factory=list)
    group_by: str = config.DEFAULT_GROUP_BY  # the metadata column whose values are the groups
    store: Store | None = field(default=None, repr=False, compare=False)  # where results persist
    warned: list[bool] = field(default_factory=list, repr=False)  # which notes were warnings

    @property
    def outlets(self) -> list[str]:
        """Group names (the `outlet` column holds the group) in the order of their first document."""
        return list(dict.fromkeys(self.groups()["outlet"]))

    def groups(self) -> pd.DataFrame:
        """Each document's group: doc_id and outlet, in document order."""
        return self.documents[["doc_id", "outlet"]]


class _Log:
    """Collects warnings and skipped files, and emits each warning as it happens."""

    def __init__(self) -> None:
        self.notes: list[str] = []
        self.warned: list[bool] = []  # whether each note was a warning (replayed from the store)
        self.skipped: list[tuple[str, str]] = []

    def warn(self, message: str) -> None:
        self.notes.append(message)
        self.warned.append(True)
        warnings.warn(message, CorpusWarning, stacklevel=4)

    def note(self, message: str) -> None:
        """Record something done to the corpus that is not a problem (no warning)."""
        self.notes.append(message)
        self.warned.append(False)

    def skip(self, file: str, reason: str) -> None:
        self.skipped.append((file, reason))
        self.warn(f"{file}: skipped, {reason}")


def _discover(folder: Path, log: _Log) -> dict[str, Path]:
    """The .txt articles below the folder, by relative path, each with the real path to read.

    Only regular files that lie inside the folder are kept: a symlink pointing outside, dangling
    or looping, a FIFO or device, a file over the size limit and any non-.txt file are skipped
    and listed. Hidden files and folders are ignored; linked folders are not followed.
    """
    root = folder.resolve()
    limit = config.max_file_bytes()
    found: dict[str, Path] = {}
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in [d for d in dirnames if (here / d).is_symlink()]:
            dirnames.remove(name)
            log.skip((here / name).relative_to(folder).as_posix(), "a linked folder (not followed)")
        for name in sorted(filenames):
            path = here / name
            relative = path.relative_to(folder).as_posix()
            if name.startswith(".") or relative == config.METADATA_FILE:
                continue
            problem, real = _check_file(path, root, limit)
            if problem:
                log.skip(relative, problem)
            elif path.suffix.lower() != ".txt":
                log.skip(relative, "not a .txt article")
            else:
                found[relative] = real
    return dict(sorted(found.items(), key=lambda item: PurePosixPath(item[0]).parts))


def _check_file(path: Path, root: Path, limit: int) -> tuple[str | None, Path]:
    """Why a file cannot be read (None if it can), and the real path to read it from."""
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return "a broken or looping symlink", path
    if not real.is_relative_to(root):
        return "a symlink pointing outside the corpus folder (not read)", path
    try:
        info = real.stat()
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})", path
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file (a FIFO, socket or device; not read)", path
    if info.st_size > limit:
        return config.too_large(limit), path
    return None, real


def _match_metadata(folder: Path, files: dict[str, Path], log: _Log) -> pd.DataFrame:
    """One metadata row per article file: curated rows where given, derived defaults otherwise."""
    path = folder / config.METADATA_FILE
    has_meta = path.exists() or path.is_symlink()
    meta = read_metadata(path) if has_meta else read_metadata_empty()
    rows, described = [], set()
    for record in meta.to_dict("records"):
        where = f"{path}, row {record['row']}"
        relative = resolve_file(folder, record["file"])
        if relative is None:
            log.skip(record["file"], f"refused: {where} points outside the corpus folder")
        elif relative not in files:
            log.skip(relative, f"listed in {config.METADATA_FILE} (row {record['row']}) but not "
                               "found or not readable")
        elif relative in described:
            log.warn(f"{where}: {relative} is described twice; the first row is used")
        else:
            rows.append({**record, "file": relative, "where": where})
            described.add(relative)
    missing = [relative for relative in files if relative not in described]
    if has_meta and missing:
        log.warn(f"{len(missing)} file(s) with no row in {config.METADATA_FILE} (first: "
                 f"{missing[0]}); defaults derived from the file")
    rows.extend({"file": relative, "where": relative} for relative in missing)
    extra = [c for c in meta.columns if c not in (*COLUMNS, "row")]
    table = pd.DataFrame(rows).reindex(columns=[*COLUMNS, *extra, "where"]).astype("string")
    table = table.fillna("")
    table["doc_id"] = table["doc_id"].where(table["doc_id"] != "", table["file"].map(_stem))
    for column in ("outlet", "outlet_country", "standpoint", "original_language", "published",
                   "event_date", *extra):
        table[column] = table[column].where(table[column] != "", UNKNOWN)
    duplicated = table["doc_id"][table["doc_id"].duplicated()]
    if len(duplicated):
        raise CorpusError(f"{path}: doc_id {duplicated.iloc[0]!r} is used by more than one file")
    table["folder"] = table["file"].map(_top_folder)
    by_folder = (table["outlet"] == UNKNOWN) & (table["folder"] != "")
    if by_folder.any():
        log.note(f"{int(by_folder.sum())} article(s) without an outlet in metadata take the name "
                 "of their top-level subfolder as outlet")
        table.loc[by_folder, "outlet"] = table.loc[by_folder, "folder"]
    table["folder"] = table["folder"].where(table["folder"] != "", ".")
    return table


def _top_folder(relative: str) -> str:
    """The top-level subfolder of a relative path ('' for a file at the top)."""
    parts = PurePosixPath(relative).parts
    return parts[0] if len(parts) > 1 else ""


def read_metadata_empty() -> pd.DataFrame:
    """An empty metadata table, for a corpus without metadata.csv."""
    return pd.DataFrame(columns=[*COLUMNS, "row"], dtype="string")


def _stem(relative: str) -> str:
    return Path(relative).with_suffix("").as_posix().replace("/", "_")


def _typed(meta: pd.DataFrame) -> pd.DataFrame:
    """Parse translated and the dates, with errors that name the row."""
    typed = meta.copy()
    typed["translated"] = pd.array(
        [parse_flag(v, w) for v, w in zip(meta["translated"], meta["where"], strict=True)],
        dtype="boolean",
    )
    for column in ("published", "event_date"):
        ranges = [parse_date_range(v, w, column) for v, w in zip(meta[column], meta["where"],
                                                                  strict=True)]
        prefix = "event" if column == "event_date" else column
        typed[f"{prefix}_start"] = pd.to_datetime([r[0] for r in ranges])
        typed[f"{prefix}_end"] = pd.to_datetime([r[1] for r in ranges])
    month = typed["published_start"].fillna(typed["event_start"]).dt.strftime("%Y-%m")
    typed["month"] = month.astype("string").fillna(UNKNOWN)
    return typed


def _read_texts(files: dict[str, Path], meta: pd.DataFrame, log: _Log) -> pd.DataFrame:
    """Decode and normalise each file; unreadable and empty files are skipped and listed."""
    texts, encodings, keep = [], [], []
    for relative in meta["file"]:
        decoded = read_article(files[relative])
        if decoded.note:
            log.warn(f"{relative}: {decoded.note}")
        if decoded.problem:
            log.skip(relative, decoded.problem)
            keep.append(False)
            continue
        if decoded.encoding not in _UNICODE:
            log.warn(f"{relative}: not UTF-8; decoded as {decoded.encoding}")
        texts.append(normalize_text(decoded.text))
        encodings.append(decoded.encoding)
        keep.append(True)
    docs = meta[keep].reset_index(drop=True)
    docs["raw_text"] = pd.Series(texts, dtype="string")
    docs["encoding"] = encodings
    return docs


def hard_wrapped(kept: pd.DataFrame) -> pd.Series:
    """Per doc_id: whether its lines are hard-wrapped at a fixed width (to be re-flowed)."""
    length = kept["text"].str.len()
    following = kept.groupby("doc_id")["block"].shift(-1)
    inner = kept["block"] == following  # a line with another line of its block after it
    stats = pd.DataFrame({"doc_id": kept["doc_id"], "length": length, "inner": inner})
    by_doc = stats.groupby("doc_id", sort=False)
    width = by_doc["length"].quantile(0.95)
    inner_lengths = stats[stats["inner"]].groupby("doc_id", sort=False)["length"]
    filled = inner_lengths.median().reindex(width.index) >= WRAP_MIN_FILL * width
    enough = inner_lengths.size().reindex(width.index, fill_value=0) >= WRAP_MIN_LINES
    return (width <= WRAP_MAX_WIDTH) & filled.fillna(False) & enough


def _assemble(kept: pd.DataFrame, words: pd.Series) -> pd.DataFrame:
    """Paragraphs (a kept line, plus short continuation lines) with offsets into the clean text;
    `words` holds the number of words of each kept line."""
    previous = kept.groupby("doc_id")[["block", "text"]].shift()
    same_block = kept["block"] == previous["block"]
    continues = same_block & (
        (~previous["text"].str.contains(r"[.!?:;]$", regex=True).fillna(True).astype(bool)
         & (words <= CONTINUATION_MAX_WORDS))
        | kept["doc_id"].map(hard_wrapped(kept)).fillna(False).astype(bool)
    )
    # A paragraph is a run of kept lines from one that does not continue (as each document's
    # first line) to the next such line.
    first = np.flatnonzero(~continues.to_numpy(dtype=bool))
    texts, bounds = kept["text"].tolist(), np.r_[first, len(kept)]
    paragraphs = pd.DataFrame({
        "doc_id": kept["doc_id"].iloc[first].reset_index(drop=True),
        "source_line": kept["line"].to_numpy()[first],
        "text": pd.array([" ".join(texts[a:b]) for a, b in zip(bounds[:-1], bounds[1:],
                                                                 strict=True)], dtype="string"),
    })
    paragraphs["paragraph_index"] = paragraphs.groupby("doc_id").cumcount()
    length = paragraphs["text"].str.len() + 2  # paragraphs are joined by a blank line
    paragraphs["start"] = length.groupby(paragraphs["doc_id"]).cumsum() - length
    paragraphs["end"] = paragraphs["start"] + paragraphs["text"].str.len()
    paragraphs["paragraph_id"] = (
        paragraphs["doc_id"] + "-p" + paragraphs["paragraph_index"].astype(str).str.zfill(3)
    )
    return paragraphs[
        ["paragraph_id", "doc_id", "paragraph_index", "source_line", "start", "end", "text"]
    ].reset_index(drop=True)


def stored(corpus: Corpus, name: str, compute: Callable[[], object]) -> object:
    """The result `name` of the corpus from its store, else `compute()` (then stored)."""
    if corpus.store is None:
        return compute()
    value = corpus.store.get(name)
    if value is None:
        damaged = corpus.store.has(name)
        value = compute()
        if damaged or not corpus.store.has(name):  # a compute that stored itself is not stored twice
            corpus.store.put(name, value)
    return value


_CACHES: list[dict] = []  # every per_corpus cache, for forget()


def forget(corpus: Corpus) -> None:
    """Drop the corpus's in-memory per_corpus results (kept in its store; read back when needed)."""
    if corpus.store is not None:
        for cache in _CACHES:
            cache.pop(id(corpus), None)


def per_corpus(fn: Callable[[Corpus], object], name: str | None = None
               ) -> Callable[[Corpus], object]:
    """Cache `fn(corpus)` for the last few corpus objects (Corpus is not hashable); in the store
    under `name`, by default 'module.function'."""
    store: dict[int, tuple[Corpus, object]] = {}
    _CACHES.append(store)

    name = name or f"{fn.__module__.rsplit('.', 1)[-1]}.{fn.__name__}"

    def cached(corpus: Corpus):
        hit = store.get(id(corpus))
        if hit is None or hit[0] is not corpus:
            if len(store) >= CACHE_SIZE:
                store.pop(next(iter(store)))
            hit = store[id(corpus)] = (corpus, stored(corpus, name, lambda: fn(corpus)))
        return hit[1]

    cached.__doc__ = fn.__doc__
    cached.stored_as = name  # a table made by `cached` is in the store once, under this name
    return cached


_TABLES = ("documents", "paragraphs", "sentences", "removed", "skipped")


def load_corpus(folder: Path | str | None = None, rules: Rules | None = None,
                group_by: str | None = None, store: Path | None = None) -> Corpus:
    """Read every .txt article below `folder` (default: seeds/) and clean it into tables.

    Documents are compared by the metadata column `group_by` (default: outlet); its values are
    copied into the `outlet` column, which every measure groups by. The cleaned tables and every
    result computed from them are kept in the corpus's store (`store`, else $ANALYSIS_STORE,
    else OUTPUT/store/; see analysis.store) and read from there while the inputs are unchanged;
    with custom `rules` nothing is stored.
    """
    folder = Path(folder) if folder is not None else config.corpus_dir()
    if not folder.is_dir():
        raise CorpusError(f"{folder}: corpus folder not found")
    group_by = group_by or config.DEFAULT_GROUP_BY
    entry = open_store(folder, group_by, store) if rules is None else None
    if entry is not None and entry.has("corpus.notes"):
        corpus = _from_store(folder, group_by, entry)
        if corpus is not None:
            return corpus
    corpus = _load(folder, rules, group_by)
    if entry is not None:
        for name in _TABLES:
            entry.put(f"corpus.{name}", getattr(corpus, name))
        entry.put("corpus.groups", corpus.groups().reset_index(drop=True))
        entry.put("corpus.notes", list(zip(corpus.notes, corpus.warned, strict=True)))
        entry.prune()
        corpus.store = entry
    return corpus


def _from_store(folder: Path, group_by: str, entry: Store) -> Corpus | None:
    """The corpus as stored, its warnings shown again, its tables read when first used; None if
    any table is missing."""
    notes = entry.get("corpus.notes")
    if notes is None or not all(entry.has(f"corpus.{name}") for name in (*_TABLES, "groups")):
        return None
    for message, warned in notes:
        if warned:
            warnings.warn(message, CorpusWarning, stacklevel=3)
    return _StoredCorpus(folder, notes=[m for m, _ in notes], group_by=group_by, store=entry,
                         warned=[w for _, w in notes])


class _StoredCorpus(Corpus):
    """A corpus whose tables are read from its store when first used: a command or notebook that
    finds its results stored reads only the tables it needs (`figures` on a current store, none
    but the documents). A table that cannot be read makes the corpus load again from its files."""

    def __init__(self, folder: Path, **kwargs) -> None:
        self._tables: dict[str, pd.DataFrame] = {}
        super().__init__(folder, *(None,) * len(_TABLES), **kwargs)

    def _table(self, name: str) -> pd.DataFrame:
        if name not in self._tables:
            table = self.store.get(f"corpus.{name}")
            if table is None:  # damaged since it was stored: load again, and store again
                fresh = _load(self.folder, None, self.group_by)
                for each in _TABLES:
                    self.store.put(f"corpus.{each}", getattr(fresh, each))
                self._tables.update({each: getattr(fresh, each) for each in _TABLES})
            else:
                self._tables[name] = table
        return self._tables[name]

    def groups(self) -> pd.DataFrame:
        """Each document's group, from the documents table if it is read, else from the small
        stored copy (a current store's figures and summaries need no article text)."""
        if "documents" not in self._tables:
            if "groups" not in self._tables:
                self._tables["groups"] = self.store.get("corpus.groups")
            if self._tables["groups"] is not None:
                return self._tables["groups"]
        return super().groups()


def _stored_table(name: str) -> property:
    """The property of one table of a _StoredCorpus (setting None, as Corpus's __init__ does,
    leaves it to be read)."""
    def setter(corpus: _StoredCorpus, table: pd.DataFrame | None) -> None:
        if table is not None:
            corpus._tables[name] = table
    return property(lambda corpus: corpus._table(name), setter,
                    doc=f"The {name} table, read from the store when first used.")


for _name in _TABLES:
    setattr(_StoredCorpus, _name, _stored_table(_name))


def _load(folder: Path, rules: Rules | None, group_by: str) -> Corpus:
    """Read, clean and split the corpus (the work load_corpus stores)."""
    log = _Log()
    files = _discover(folder, log)
    if len(files) >= WARM_UP_FILES:
        warm_up(("analysis.corpus",))  # workers start while the files are read
    meta = _typed(_match_metadata(folder, files, log))
    if group_by != config.DEFAULT_GROUP_BY:
        allowed = [c for c in meta.columns if c not in _NOT_GROUPS]
        if group_by not in allowed:
            raise CorpusError(f"{folder}: cannot group by {group_by!r}: no such metadata column "
                              f"(columns: {', '.join(allowed)})")
        meta["outlet"] = meta[group_by].astype("string").fillna(UNKNOWN).replace("", UNKNOWN)
    docs = _read_texts(files, meta, log)
    if docs.empty:
        raise CorpusError(f"{folder}: no usable article (no readable .txt file with text)")
    kept, removed, titles, raw_words = clean_lines(
        docs, docs.set_index("doc_id")["title"].replace("", pd.NA),
        docs.set_index("doc_id")["outlet"],
        rules,
    )
    empty = ~docs["doc_id"].isin(kept["doc_id"])
    for relative, doc_id in docs.loc[empty, ["file", "doc_id"]].itertuples(index=False):
        n = int((removed["doc_id"] == doc_id).sum())
        log.skip(relative, f"nothing left after cleaning (all {n} non-empty lines are boilerplate)")
    docs = docs[~empty].reset_index(drop=True)
    if docs.empty:
        raise CorpusError(f"{folder}: no usable article (.txt file with text left after cleaning)")
    line_words = count_words(kept["text"])
    paragraphs = _assemble(kept, line_words)
    sentences = split_sentences(paragraphs)
    docs["title"] = docs["doc_id"].map(titles).fillna(UNKNOWN)
    docs["text"] = paragraphs.groupby("doc_id")["text"].agg("\n\n".join).reindex(
        docs["doc_id"]).to_numpy()
    # The clean text joins the kept lines with white space, which no word spans: the words of
    # a document are those of its kept lines.
    clean_words = line_words.groupby(kept["doc_id"]).sum()
    docs = _with_lengths(docs, paragraphs, sentences, removed, raw_words, clean_words)
    skipped = pd.DataFrame(log.skipped, columns=["file", "reason"], dtype="string")
    groups = docs["outlet"].nunique()
    if groups == 1:
        log.warn(f"{folder}: all {len(docs)} article(s) are in one group ({group_by} = "
                 f"{docs['outlet'].iloc[0]!r}): the reports describe it and compare nothing; "
                 "give a metadata.csv with an outlet column, one subfolder per outlet, or "
                 "--group-by COLUMN")
    return Corpus(folder, docs, paragraphs, sentences, removed, skipped, log.notes, group_by,
                  warned=log.warned)


def _with_lengths(docs, paragraphs, sentences, removed, raw_words, clean_words) -> pd.DataFrame:
    """Add length columns: characters and words before and after cleaning (`raw_words` and
    `clean_words` by doc_id), and counts."""
    by_doc = docs["doc_id"]
    docs["n_chars_raw"] = docs["raw_text"].str.len()
    docs = docs.drop(columns="raw_text")  # cleaning has read it; the removed table holds its cuts
    docs["n_chars_clean"] = docs["text"].str.len()
    docs["n_words_raw"] = raw_words.reindex(docs["doc_id"]).to_numpy()
    docs["n_words_clean"] = clean_words.reindex(docs["doc_id"]).to_numpy()
    docs["n_paragraphs"] = by_doc.map(paragraphs["doc_id"].value_counts()).fillna(0).astype(int)
    docs["n_sentences"] = by_doc.map(sentences["doc_id"].value_counts()).fillna(0).astype(int)
    docs["n_removed"] = by_doc.map(removed["doc_id"].value_counts()).fillna(0).astype(int)
    columns = [
        "doc_id", "file", "title", "outlet", "outlet_country", "standpoint", "original_language",
        "translated", "published", "published_start", "published_end", "event_date",
        "event_start", "event_end", "evidence", "encoding", "n_chars_raw", "n_chars_clean",
        "n_words_raw", "n_words_clean", "n_paragraphs", "n_sentences", "n_removed", "text",
    ]
    derived = ["folder", "month"]  # and the extra metadata columns, after the curated ones
    extra = [c for c in docs.columns if c not in (*columns, *derived, *_NOT_GROUPS)]
    after = columns.index("evidence") + 1
    return docs[columns[:after] + derived + extra + columns[after:]]


def translation_counts(translated: pd.Series) -> tuple[int, int]:
    """(machine translations, articles of unknown status) from a `translated` column (missing:
    unknown)."""
    unknown = int(translated.isna().sum())
    return int(translated.dropna().astype(bool).sum()), unknown


def describe_groups(corpus: Corpus, top: int = 10) -> str:
    """'N groups by COLUMN: a (n articles), b (m), ...' with the largest groups first."""
    groups = corpus.groups()
    counts = groups["outlet"].value_counts(sort=False)
    counts = counts.sort_values(ascending=False, kind="stable")
    shown = ", ".join(f"{name} ({n})" for name, n in counts.head(top).items())
    more = f", and {len(counts) - top} more" if len(counts) > top else ""
    noun = "group" if len(counts) == 1 else "groups"
    articles = len(groups)
    return (f"{len(counts)} {noun} by {corpus.group_by} in {articles} "
            f"article{'s' if articles != 1 else ''}: {shown}{more}")

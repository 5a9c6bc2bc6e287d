"""Read and check a corpus's metadata.csv; derive defaults for files it does not describe."""

import csv
import datetime as dt
import io
import re
from pathlib import Path, PurePosixPath

import pandas as pd

from analysis import config
from analysis.errors import CorpusError
from analysis.reading import decode_bytes, read_bounded

COLUMNS = [
    "doc_id", "file", "title", "outlet", "outlet_country", "standpoint",
    "original_language", "translated", "published", "event_date", "evidence",
]
UNKNOWN = "unknown"
_TRUE = {"yes", "true", "1", "y"}
_FALSE = {"no", "false", "0", "n"}
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def read_metadata(path: Path, limit: int | None = None) -> pd.DataFrame:
    """Read metadata.csv as strings (no index inferred), with every expected column present.

    Extra columns are kept. A row with more or fewer fields than the header is an error naming
    the row; the file may be UTF-8, UTF-16 or a legacy encoding such as Excel's cp1252.
    """
    if not path.is_file() or path.is_symlink():
        raise CorpusError(f"{path}: not a regular file")
    limit = config.max_file_bytes() if limit is None else limit
    try:
        raw = read_bounded(path, limit)
    except OSError as exc:
        raise CorpusError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if raw is None:
        raise CorpusError(f"{path}: {config.too_large(limit)}")
    decoded = decode_bytes(raw)
    if decoded.problem:
        raise CorpusError(f"{path}: {decoded.problem}")
    if decoded.note:
        raise CorpusError(f"{path}: contains NUL bytes (not a CSV text file)")
    return parse_metadata(decoded.text, path)


def parse_metadata(text: str, path: Path) -> pd.DataFrame:
    """Parse the text of a metadata file: header, then rows of exactly as many fields."""
    reader = csv.reader(io.StringIO(text, newline=""), skipinitialspace=True, strict=True)
    records, line = [], 1
    try:
        header = [h.strip() for h in next(reader, [])]
        for fields in reader:
            row, line = line + 1, reader.line_num
            if not any(f.strip() for f in fields):
                continue
            if len(fields) != len(header):
                raise CorpusError(f"{path}, row {row}: {len(fields)} fields where the header has "
                                  f"{len(header)} (an unquoted comma?)")
            if any("\x00" in f for f in fields):
                raise CorpusError(f"{path}, row {row}: contains a NUL byte")
            records.append([f.strip() for f in fields] + [row])
    except csv.Error as exc:
        raise CorpusError(f"{path}, row {line + 1}: cannot read as CSV ({exc})") from None
    if not header or "file" not in header:
        raise CorpusError(f"{path}: no 'file' column (columns found: {', '.join(header)})")
    duplicated = sorted({h for h in header if header.count(h) > 1})
    if duplicated:
        raise CorpusError(f"{path}: column {duplicated[0]!r} appears more than once")
    meta = pd.DataFrame(records, columns=[*header, "row"]).astype({h: "string" for h in header})
    for column in COLUMNS:
        if column not in meta.columns:
            meta[column] = pd.Series([""] * len(meta), dtype="string")
    return meta


def resolve_file(folder: Path, name: str) -> str | None:
    """The file's path relative to the corpus folder, or None if it points outside it."""
    relative = PurePosixPath(name.replace("\\", "/"))
    if relative.is_absolute() or ".." in relative.parts or not name:
        return None
    resolved = (folder / relative).resolve()
    return relative.as_posix() if resolved.is_relative_to(folder.resolve()) else None


def parse_flag(value: str, where: str) -> bool | None:
    """yes/no/unknown (and true/false/1/0) as True, False or None."""
    lowered = value.lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    if lowered in ("", UNKNOWN) or lowered.startswith(UNKNOWN):
        return None
    raise CorpusError(f"{where}: 'translated' must be yes, no or unknown, got {value!r}")


def parse_date_range(value: str, where: str, column: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """'2022-06-29', '2022-06', '2022' or 'START/END' as first and last day; unknown as NaT."""
    if not value or value.lower().startswith(UNKNOWN):
        return pd.NaT, pd.NaT
    parts = value.split("/")
    if len(parts) > 2 or not all(_DATE.match(p) for p in parts):
        raise CorpusError(
            f"{where}: {column} must be YYYY[-MM[-DD]], a START/END range or 'unknown', got {value!r}"
        )
    try:
        for part in parts:  # the calendar check: 2022-02-30, 2022-13 and 0000 are not dates
            dt.date(*(int(p) for p in part.split("-")), *[1] * (3 - len(part.split("-"))))
        start = pd.Period(parts[0]).start_time.normalize()
        end = pd.Period(parts[-1]).end_time.normalize()
    except (ValueError, pd.errors.OutOfBoundsDatetime) as exc:
        raise CorpusError(f"{where}: {column} {value!r} is not a calendar date ({exc})") from None
    if end < start:
        raise CorpusError(f"{where}: {column} range {value!r} ends before it starts")
    return start, end

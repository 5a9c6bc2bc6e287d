"""Read and check a corpus's metadata.csv; derive defaults for files it does not describe."""

import re
from pathlib import Path, PurePosixPath

import pandas as pd

from analysis.errors import CorpusError

COLUMNS = [
    "doc_id", "file", "title", "outlet", "outlet_country", "standpoint",
    "original_language", "translated", "published", "event_date", "evidence",
]
UNKNOWN = "unknown"
_TRUE = {"yes", "true", "1", "y"}
_FALSE = {"no", "false", "0", "n"}
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def read_metadata(path: Path) -> pd.DataFrame:
    """Read metadata.csv as strings, with every expected column present."""
    try:
        meta = pd.read_csv(path, dtype="string", keep_default_na=False, skipinitialspace=True)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{path}: cannot read as CSV ({exc})") from None
    if "file" not in meta.columns:
        raise CorpusError(f"{path}: no 'file' column (columns found: {', '.join(meta.columns)})")
    meta = meta.apply(lambda col: col.str.strip())
    for column in COLUMNS:
        if column not in meta.columns:
            meta[column] = ""
    meta["row"] = range(2, len(meta) + 2)  # the line number in the CSV file, header = 1
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
    start = pd.Period(parts[0]).start_time.normalize()
    end = pd.Period(parts[-1]).end_time.normalize()
    if end < start:
        raise CorpusError(f"{where}: {column} range {value!r} ends before it starts")
    return start, end

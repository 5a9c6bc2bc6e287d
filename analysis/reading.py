"""Read article files as text, detecting legacy encodings and reporting what was done."""

import codecs
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes


@dataclass(frozen=True)
class Decoded:
    """A file's text and the encoding it was read with; `problem` is set when it is unusable."""

    text: str
    encoding: str
    problem: str | None = None


_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
]


def decode_bytes(raw: bytes) -> Decoded:
    """Decode bytes: BOM first, then strict UTF-8, then the best guess of charset-normalizer."""
    if not raw.strip():
        return Decoded("", "empty", "empty file")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return Decoded(raw.decode(encoding), encoding)
    if b"\x00" in raw:
        return Decoded("", "binary", "not a text file (contains NUL bytes)")
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw).best()
    if best is None:
        return Decoded("", "unknown", "cannot determine the text encoding")
    return Decoded(str(best), best.encoding)


def read_article(path: Path) -> Decoded:
    """Read one article file without ever modifying it."""
    return decode_bytes(path.read_bytes())

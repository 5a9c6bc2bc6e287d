"""Read article files as text, detecting legacy encodings and reporting what was done."""

import codecs
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from analysis import config

# A file with more NUL bytes than this share (and more than one) is binary; fewer are stray bytes,
# removed with a note.
BINARY_NUL_SHARE = 0.01


@dataclass(frozen=True)
class Decoded:
    """A file's text and the encoding it was read with; `problem` is set when it is unusable."""

    text: str
    encoding: str
    problem: str | None = None
    note: str | None = None  # something done to the text that a reader should know


_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
]


def _utf16_without_bom(raw: bytes) -> str | None:
    """The encoding of BOM-less UTF-16 text (NULs in every other byte), else None."""
    if len(raw) < 4 or len(raw) % 2:
        return None
    even, odd = raw[0::2].count(0), raw[1::2].count(0)
    half = len(raw) // 2
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def decode_bytes(raw: bytes) -> Decoded:
    """Decode bytes: BOM first, then strict UTF-8, then the best guess of charset-normalizer."""
    if not raw.strip():
        return Decoded("", "empty", "empty file")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return Decoded(raw.decode(encoding), encoding)
            except UnicodeDecodeError as exc:
                return Decoded("", encoding, f"starts with a {encoding} byte-order mark but is "
                                             f"not valid {encoding} ({exc.reason})")
    note = None
    if b"\x00" in raw:
        utf16 = _utf16_without_bom(raw)
        if utf16:
            try:
                return Decoded(raw.decode(utf16), utf16)
            except UnicodeDecodeError:
                pass
        nuls = raw.count(0)
        if nuls > 1 and nuls > BINARY_NUL_SHARE * len(raw):
            return Decoded("", "binary", "not a text file (contains NUL bytes)")
        raw = raw.replace(b"\x00", b"")
        note = f"{nuls} stray NUL byte{'s' if nuls != 1 else ''} removed"
    try:
        return Decoded(raw.decode("utf-8"), "utf-8", note=note)
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw).best()
    if best is None:
        return Decoded("", "unknown", "cannot determine the text encoding")
    return Decoded(str(best), best.encoding, note=note)


def read_bounded(path: Path, limit: int) -> bytes | None:
    """The bytes of a regular file, or None if it is larger than `limit` bytes (never blocks)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(f"{path}: not a regular file")
        chunks, size = [], 0
        while chunk := os.read(fd, 1 << 20):
            size += len(chunk)
            if size > limit:
                return None
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_article(path: Path, limit: int | None = None) -> Decoded:
    """Read one article file (at most `limit` bytes) without ever modifying it."""
    limit = config.max_file_bytes() if limit is None else limit
    try:
        raw = read_bounded(path, limit)
    except OSError as exc:
        return Decoded("", "unreadable", f"cannot be read ({exc.strerror or exc})")
    if raw is None:
        return Decoded("", "too large", config.too_large(limit))
    return decode_bytes(raw)

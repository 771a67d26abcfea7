"""Turning a file into text, or into a clear reason why it cannot be read.

Size is capped before anything is read; binary files and formats healthlint does not read
(PDF, Word, XML, images) are refused by their first bytes or their name, and empty files and
anything but regular files (pipes, devices) are refused too; text is decoded from UTF-8, UTF-16 or
UTF-32 with a BOM, plain UTF-8, and, when that fails, Windows-1252 (with a note, since the
characters may be wrong). Mis-decoded characters left in the text by an earlier conversion
("â€™" for an apostrophe) are reported, because readers see them too.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .lazy_regex import lazy
from .models import ParseProblem

_REFUSED_MAGIC: list[tuple[bytes, str]] = [
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a Word, OpenDocument or EPUB file?)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"{\\rtf", "an RTF document"),
]
_XML_HEAD = re.compile(rb"^\s*<\?xml[^>]*>", re.I)
# XHTML is XML too, and is read as HTML: its declaration is followed by an html doctype or tag.
_XHTML = re.compile(rb"<!DOCTYPE\s+html|<html[\s>]", re.I)
# Formats known by their name alone: XML often starts without a declaration, and a damaged
# PDF or Word file may lack its first bytes.
_REFUSED_SUFFIXES: dict[str, str] = {
    ".xml": "an XML document",
    ".pdf": "a PDF document",
    ".docx": "a Word document",
    ".doc": "a Word document",
    ".odt": "an OpenDocument text",
    ".rtf": "an RTF document",
    ".epub": "an EPUB book",
}
_BOMS: list[tuple[bytes, str]] = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
# UTF-8 punctuation and accented letters read as Windows-1252 or Latin-1.
# UTF-8 read as Windows-1252 (or Latin-1): the lead byte of a two- or three-byte character
# shows as a Latin capital or small letter, each continuation byte as a symbol or punctuation
# mark ("â€™" for "’", "Ã©" for "é", "Æ’", and after a second round and Unicode decomposition
# "aÌ‚â‚¬TM"). Ordinary text never puts those marks straight after such a letter.
_CONTINUATION = "\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
# After decomposition the lead letter may be a plain letter and a combining mark ("IÌ€" for
# "Ì"); a combining mark is never followed by these symbols in written text.
_MOJIBAKE = lazy(
    rf"[à-ï][{_CONTINUATION}]{{2}}|[Â-ÖØ-Þ][{_CONTINUATION}]|â€|ï»¿|�"
    r"|[\u0300-\u036f][€‚ƒ„†‡ˆ‰Š‹ŒŽ˜™š›œžŸ]"
)


_CONTROL = lazy(r"[\x00-\x08\x0b\x0e-\x1f]")


class ReadError(Exception):
    """A file that cannot be checked; the message says why, in words for an editor."""


@dataclass
class SourceText:
    """A decoded file: its text, the encoding it was read with, and what decoding noticed."""

    text: str
    encoding: str
    problems: list[ParseProblem] = field(default_factory=list)


def read_source(path: Path, *, max_size: int) -> SourceText:
    return decode(read_bytes(path, max_size=max_size))


def read_bytes(path: Path | str, *, max_size: int) -> bytes:
    try:
        info = os.stat(path)
    except FileNotFoundError as error:
        raise ReadError("file not found") from error
    except OSError as error:
        raise ReadError(f"cannot read: {error.strerror}") from error
    if stat.S_ISDIR(info.st_mode):
        raise ReadError("is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        # Reading a named pipe waits for a writer forever; a device may never end.
        raise ReadError("is not a regular file (a pipe, socket or device)")
    what = _REFUSED_SUFFIXES.get(os.path.splitext(path)[1].lower())
    if what:
        raise ReadError(f"this is {what}, not a Markdown, HTML or plain-text article")
    if info.st_size > max_size:
        raise ReadError(
            f"file is {info.st_size:,} bytes, over the {max_size:,}-byte limit (max-file-size)"
        )
    try:
        return read_whole(path, info.st_size)
    except OSError as error:
        raise ReadError(f"cannot read: {error.strerror}") from error


def read_whole(path: Path | str, expected_size: int = 0) -> bytes:
    """The file's bytes, read with plain system calls: a library run reads two files an
    article (the article and its cache entry), and a buffered file object costs more than the
    read itself. ``expected_size`` (from a stat) lets one read take the whole file."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | os.O_CLOEXEC)
    try:
        chunks = []
        size = expected_size + 1 if expected_size > 0 else 1 << 16
        while chunk := os.read(descriptor, size):
            chunks.append(chunk)
            if len(chunk) < size:
                break  # a regular file's short read is its end: no second call to learn it
            size = 1 << 16
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)
    finally:
        os.close(descriptor)


def decode(data: bytes) -> SourceText:
    for magic, what in _REFUSED_MAGIC:
        if data.startswith(magic):
            raise ReadError(f"this is {what}, not a Markdown, HTML or plain-text article")
    if _XML_HEAD.match(data[:512]) and not _XHTML.search(data[:1024]):
        raise ReadError("this is an XML document, not a Markdown, HTML or plain-text article")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as error:
                if encoding != "utf-8":
                    raise ReadError(
                        f"starts with a {encoding} byte-order mark but is not valid "
                        f"{encoding} (byte {error.start})"
                    ) from error
                # The mark says UTF-8, so the rest is read as UTF-8 too: a byte pasted in from
                # another encoding becomes "\ufffd" and is reported, the article still checked.
                line = data.count(b"\n", 0, len(bom) + error.start) + 1
                note = ParseProblem(
                    code="encoding",
                    message=(
                        f"the file is not valid UTF-8 (first bad byte on line {line}); "
                        "bytes that are not UTF-8 are shown as \ufffd. Save it as UTF-8."
                    ),
                    line=line,
                )
                text = data[len(bom) :].decode(encoding, errors="replace")
                return _checked(text, encoding, [note])
            return _checked(text, encoding, [])
    if b"\x00" in data:
        # A crawler or a server sometimes pads a saved page with NUL bytes after its end;
        # what a browser shows stops at "</html>", so the page is still read.
        end = data.lower().rfind(b"</html>")
        if end < 0 or b"\x00" in data[:end] or data[end + 7 :].strip(b"\x00 \t\r\n"):
            raise ReadError(f"contains NUL bytes: {_nul_kind(data)}")
        data = data[: end + 7] + b"\n"
    try:
        return _checked(data.decode("utf-8"), "utf-8", [])
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        try:
            text = data.decode("cp1252")
            encoding = "cp1252"
        except UnicodeDecodeError:
            text = data.decode("latin-1")
            encoding = "latin-1"
        note = ParseProblem(
            code="encoding",
            message=(
                f"the file is not valid UTF-8 (first bad byte on line {line}); it was read as "
                f"{'Windows-1252' if encoding == 'cp1252' else 'Latin-1'}, so some characters "
                "may be wrong. Save it as UTF-8."
            ),
            line=line,
        )
        return _checked(text, encoding, [note])


def _nul_kind(data: bytes) -> str:
    """What a file with NUL bytes probably is, so the message says what to do about it."""
    sample = data[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    # English text in UTF-16 has a NUL in every other byte: after each letter in little-endian
    # order, before it in big-endian order.
    if half >= 4 and max(even, odd) >= 0.8 * half and min(even, odd) <= 0.1 * half:
        order = "little" if odd > even else "big"
        return (
            f"looks like UTF-16 ({order}-endian) text without a byte-order mark; save it as UTF-8"
        )
    return "a binary file, not a text article"


def _checked(text: str, encoding: str, problems: list[ParseProblem]) -> SourceText:
    if not text.strip():
        # Nothing to check: saying so beats a list of everything an article lacks.
        raise ReadError("the file is empty" if not text else "the file holds only blank space")
    control = len(_CONTROL.findall(text, 0, 4096))
    if control > 8 and control * 20 > len(text[:4096]):
        raise ReadError("mostly control characters: a binary file, not a text article")
    problems.extend(text_problems(text))
    return SourceText(text=text, encoding=encoding, problems=problems)


# Where a garbled word ends: blank space, or the markup around it ("[Español](/es/)").
_WORD_EDGE = frozenset(' \t\r\n[]()<>"*_|')
# Lines reported one by one; past this many a file is plainly saved with the wrong encoding
# and the last finding says how many more lines there are.
MAX_GARBLED_LINES = 20


def _word_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and text[start - 1] not in _WORD_EDGE and end - start < 60:
        start -= 1
    while end < len(text) and text[end] not in _WORD_EDGE and end - start < 60:
        end += 1
    return start, end


def _word_around(text: str, start: int, end: int) -> str:
    begin, finish = _word_span(text, start, end)
    return text[begin:finish]


def _repaired(word: str) -> str | None:
    """The word as it was before its UTF-8 bytes were read as Windows-1252, when that is
    what happened (once or twice, with the Unicode decomposition some tools apply in
    between); None when the bytes do not undo."""
    current = word
    for _ in range(2):
        # Decomposition turned "™" into "TM"; the apostrophe's bytes need it back.
        composed = unicodedata.normalize("NFC", current).replace(
            "\u00e2\u20acTM", "\u00e2\u20ac\u2122"
        )
        try:
            current = unicodedata.normalize("NFC", composed.encode("cp1252").decode("utf-8"))
        except (UnicodeEncodeError, UnicodeDecodeError):
            break
        if not _MOJIBAKE.search(current):
            return current if current != word else None
    return None


def has_garbled_text(text: str) -> bool:
    # Every garbled character is outside ASCII: most text is answered at C speed.
    return not text.isascii() and _MOJIBAKE.search(text) is not None


def repair_garbled(text: str) -> str:
    """The text with each garbled word that undoes replaced by its repair (the others kept):
    what the writer meant, so that its words are counted as words, not as symbols."""
    parts: list[str] = []
    done = 0
    for match in _MOJIBAKE.finditer(text):
        if match.start() < done:
            continue
        start, end = _word_span(text, match.start(), match.end())
        repaired = _repaired(text[start:end])
        if repaired is not None:
            parts.append(text[done:start])
            parts.append(repaired)
            done = end
    return "".join(parts) + text[done:] if parts else text


def text_problems(text: str) -> list[ParseProblem]:
    """Problems visible in decoded text itself, however it was obtained (file or API): one
    finding for each line with garbled characters, at the first garbled word of the line."""
    if text.isascii():
        return []  # every garbled character is outside ASCII
    firsts: list[tuple[re.Match[str], int]] = []
    line, counted_to = 1, 0
    for match in _MOJIBAKE.finditer(text):
        line += text.count("\n", counted_to, match.start())
        counted_to = match.start()
        if not firsts or firsts[-1][1] != line:
            firsts.append((match, line))
    problems = []
    for match, line in firsts[:MAX_GARBLED_LINES]:
        # A match at a combining mark starts at the letter the mark sits on.
        start = match.start() - (unicodedata.combining(text[match.start()]) > 0)
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        word = _word_around(text, match.start(), match.end())
        repaired = _repaired(word)
        hint = f" {word!r} was probably {repaired!r}." if repaired else " Retype the characters."
        message = (
            f"garbled characters {match.group(0)!r} in {word!r}: text converted with the "
            f"wrong encoding at some point; readers see this too.{hint}"
        )
        problems.append(ParseProblem(code="mojibake", message=message, line=line, column=column))
    more = len(firsts) - MAX_GARBLED_LINES
    if more > 0:
        last = problems[-1]
        lines = "1 more line below has" if more == 1 else f"{more} more lines below have"
        problems[-1] = ParseProblem(
            code="mojibake",
            line=last.line,
            column=last.column,
            message=(
                f"{last.message} {lines} garbled characters too: the file was probably "
                "saved with the wrong encoding."
            ),
        )
    return problems

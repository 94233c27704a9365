"""Files and folders -> :class:`~kg.model.Article` objects, with one clear line per bad file.

The reader finds the ``.txt``/``.html``/``.htm`` files under the given paths
(folders recursively, in a deterministic order), detects each file's encoding
with charset-normalizer (UTF-8, GB18030/GBK, Big5 ...), and hands the decoded
text to :func:`kg.clean.clean`. A file that cannot be read becomes a
:class:`ReadFailure` naming the file and the reason; the other files are still
read, so one broken download does not stop a build.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from kg.clean import clean, looks_like_html
from kg.clean.chars import has_cjk
from kg.model import Article

#: File types read from folders.
SUFFIXES: frozenset[str] = frozenset({".txt", ".html", ".htm"})
HTML_SUFFIXES: frozenset[str] = frozenset({".html", ".htm"})
#: Files larger than this are refused (bytes); news articles are a few kB.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
#: A decoded text with more "mess" than this (charset-normalizer's chaos) is not text.
MAX_CHAOS = 0.4
#: charset-normalizer names -> the codec used and recorded (GB18030 is a superset of GBK/GB2312).
_ENCODING_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "hz": "hz", "utf_8_sig": "utf_8"}

_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


class ReadError(Exception):
    """A file that cannot be read as an article; ``str()`` is one line naming file and reason."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


@dataclass(frozen=True)
class ReadFailure:
    """A path that gave no article, and why (one line)."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"

    def __iter__(self):  # lets callers unpack ``path, reason = failure``
        return iter((self.path, self.reason))


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.1f} kB"


#: the stray control characters (``[\x01-\x08\x0b\x0e-\x1f\x7f]``) as bytes: in UTF-8 each is one byte,
#: never part of another character's, so a text has one when its bytes do
_CONTROL_BYTES = bytes([*range(0x01, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 Chinese text with a few bad bytes (a file cut in the middle of a character, a stray
    byte), each read as U+FFFD, when no encoding fits the whole: four bad bytes, or one in 500
    characters, at most; the rest of the article is kept."""
    text = data.decode("utf-8", "replace").removeprefix("\ufeff")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    if 0 < bad <= max(4, len(text) // 500) and has_cjk(text) and text.strip():
        return text
    return None


def _strict_utf8(data: bytes) -> str | None:
    """The text when the bytes are valid UTF-8 (BOM or not) with no stray control characters.

    Most pages are UTF-8, and Chinese text in GB18030 or Big5 is almost never valid
    UTF-8, so this skips detection (a third of the read time) for them; anything else
    goes to charset detection as before."""
    if len(data.translate(None, _CONTROL_BYTES)) != len(data):  # (a regex search of the text took 3x as long)
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    if not text or text.isspace():  # (not text.strip(), without the copy)
        return None
    return text


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text saved without a byte-order mark (Windows' "Unicode" without one): the byte order
    whose text is nearly all Chinese, ASCII, punctuation and white space (the other order reads as
    characters of other scripts), else None."""
    if len(data) % 2:
        return None
    for encoding in ("utf_16_le", "utf_16_be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        plain = sum(1 for ch in text if ch.isascii() and (ch.isprintable() or ch in "\n\r\t")
                    or "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef")
        if text.strip() and plain >= 0.95 * len(text) and not any(ch == "\x00" for ch in text):
            return text, encoding
    return None


def decode(data: bytes, path: str | Path = "<bytes>") -> tuple[str, str]:
    """Decode raw bytes by detection: ``(text, encoding)``, or :class:`ReadError`."""
    if not data.strip():
        raise ReadError(path, "empty file")
    if b"\x00" in data and not data.startswith(_BOMS[1:]):
        utf16 = _bomless_utf16(data)
        if utf16 is not None:
            return utf16
        raise ReadError(path, "binary file (contains NUL bytes), not text")
    utf8 = _strict_utf8(data)
    if utf8 is not None:
        return utf8, "utf_8"  # the name detection gives
    best = from_bytes(data).best()
    if best is None or best.chaos > MAX_CHAOS:
        mended = _mostly_utf8(data)
        if mended is not None:
            return mended, "utf_8"
        raise ReadError(path, "undecodable: no text encoding fits its bytes (binary or corrupt file?)")
    encoding = _ENCODING_ALIASES.get(best.encoding, best.encoding)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        text = str(best)
        encoding = best.encoding
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise ReadError(path, "empty file (only whitespace)")
    return text, encoding


#: the errors for which ``Path.exists()`` says False (pathlib's ``_IGNORED_ERRNOS``); others it raises
_MISSING_ERRNOS = frozenset({errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP})


def _stat(path: Path) -> os.stat_result | None:
    """``path.stat()``, or None where ``path.exists()`` is False."""
    try:
        return os.stat(path)
    except OSError as e:
        if e.errno in _MISSING_ERRNOS:
            return None
        raise
    except ValueError:  # a path the system cannot take (a NUL byte): exists() is False
        return None


def _missing(path: Path) -> str:
    """Why ``path``, which does not exist as far as ``stat`` can tell, gives no file."""
    if not os.path.islink(path):
        return "no such file or folder"
    try:  # (islink is False for a path the system cannot take, so this stat takes it)
        os.stat(path)
    except OSError as e:
        if e.errno == errno.ELOOP:
            return "a symbolic link in a loop (it leads back to itself)"
    return "a symbolic link to nothing (its target is missing)"


def read_article(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read and clean one file; raise :class:`ReadError` with the reason when it is not an article."""
    if not isinstance(path, Path):  # (a Path is taken as it is: Path(path) costs ~4 us)
        path = Path(path)
    info = _stat(path)  # one stat call for what exists(), is_dir() and stat() would each ask
    if info is None:
        raise ReadError(path, _missing(path))
    if stat.S_ISDIR(info.st_mode):
        raise ReadError(path, "is a folder, not a file (use read_articles)")
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ReadError(path, f"unsupported file type '{path.suffix or '(none)'}' (expected .txt, .html or .htm)")
    try:
        if not stat.S_ISREG(info.st_mode):  # a FIFO would block forever, /dev/zero never ends
            raise ReadError(path, f"not a regular file ({_kind(info.st_mode)})")
        if info.st_size > max_bytes:
            raise ReadError(path, f"file too large ({_mb(info.st_size)} > limit {_mb(max_bytes)})")
        with open(path, "rb") as fh:
            # the size stat said and one byte more, then on only if the file grew: never more than the limit,
            # whatever stat said (read(max_bytes + 1) made a buffer of the limit for each file: mmap,
            # page faults, a shrinking copy; ~35 us a file, 0.05 s of the 1,344 files of the 4 MB bench corpus)
            data = fh.read(info.st_size + 1)
            if len(data) > info.st_size:
                data += fh.read(max_bytes + 1 - len(data))
    except OSError as e:
        raise ReadError(path, f"cannot be read ({e.strerror or e})") from e
    if len(data) > max_bytes:  # grew since stat
        raise ReadError(path, f"file too large ({_mb(len(data))} > limit {_mb(max_bytes)})")
    text, encoding = decode(data, path)
    html = suffix in HTML_SUFFIXES or looks_like_html(text)
    article = clean(
        text,
        source_file=shown(path.name),
        path=path,
        digest=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        html=html,
    )
    if not article.text.strip():
        raise ReadError(path, "no article text left after removing page furniture")
    if not has_cjk(article.text):
        raise ReadError(path, "no Chinese text found")
    return article


def shown(name: str | os.PathLike[str]) -> str:
    r"""A file name or path as text that can be printed and stored in the graph.

    A name's bytes that are not UTF-8 come from the file system as lone surrogates, which no
    UTF-8 output or RDF literal takes: they become ``\xff``; a control character (a line break
    in a name) is written as its escape, so that a message stays one line.

    >>> shown("bad\udcff.txt"), shown("two\nlines.txt")
    ('bad\\xff.txt', 'two\\nlines.txt')
    """
    text = os.fspath(name).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


_CONTROL = re.compile("[\x00-\x1f\x7f]")


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "a special file"


def read_articles(
    paths: str | Path | Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[Article], list[ReadFailure]]:
    """Read files and folders: the articles, and one :class:`ReadFailure` per path that gave none.

    Files are read in the order given, each folder's files sorted by relative
    path; a file reached twice is read once, and of files with identical bytes
    one is kept, the others reported as its duplicates (:func:`kg.find.duplicates`).
    """
    from kg.find import article_files, duplicates

    read: list[Article | ReadFailure] = []
    for item in article_files(paths):
        if isinstance(item, ReadFailure):
            read.append(item)
            continue
        try:
            read.append(read_article(item, max_bytes=max_bytes))
        except ReadError as e:
            read.append(ReadFailure(e.path, e.reason))
    copies = iter(duplicates([(a.path, a.digest) for a in read if not isinstance(a, ReadFailure)]))
    articles: list[Article] = []
    failures: list[ReadFailure] = []
    for a in read:
        failure = a if isinstance(a, ReadFailure) else next(copies)
        if failure is None:
            articles.append(a)  # type: ignore[arg-type]
        else:
            failures.append(failure)
    return articles, failures

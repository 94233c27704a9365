"""HTML page -> mapped text of its visible content."""

from __future__ import annotations

from array import array
from html import unescape
from html.parser import HTMLParser

from kg.clean.mapped import Mapped, identity_range
from kg.clean.rules import rules

# --------------------------------------------------------------------------- HTML


#: elements that hold the page or its article: never skipped for their class or id
_HOLDERS = frozenset({"html", "body", "article", "main"})

class _TextExtractor(HTMLParser):
    """Visible article text of an HTML page, with source offsets.

    Data is taken verbatim (entity references are decoded and mapped to the
    offset of their ``&``); block elements end a line; furniture elements
    (script, nav, aside, class="share" ...) are skipped with their content.
    """

    _VOID = frozenset(
        {
            "br",
            "hr",
            "img",
            "input",
            "meta",
            "link",
            "area",
            "base",
            "col",
            "embed",
            "source",
            "track",
            "wbr",
            "param",
        }
    )

    def __init__(self, raw: str) -> None:
        super().__init__(convert_charrefs=False)
        self.r = rules()
        self.at = 0  # the offset in ``raw`` the parser has reached (see updatepos)
        self.parts: list[str] = []
        self.offs = array("q")
        self.skip_tag: str | None = None
        self.skip_depth = 0
        self.content_depth = 0  # inside <article> or <main>
        self.pre_depth = 0

    def updatepos(self, i: int, j: int) -> int:
        """The parser moves from ``i`` to ``j`` of its buffer: ``self.at`` follows, the offset in the
        whole page (``getpos()``'s line and column as one offset, without counting newlines; the
        parser calls this for each piece of the page exactly once, in order, and drops the pieces
        done from its buffer between two calls of ``goahead``)."""
        if i < j:
            self.at += j - i
        return j

    def _pos(self) -> int:
        return self.at

    def _emit(self, text: str, start: int, verbatim: bool) -> None:
        if self.skip_tag is not None or not text:
            return
        self.parts.append(text)
        if verbatim:
            self.offs.extend(identity_range(start, start + len(text)))
        else:
            self.offs.extend([start] * len(text))

    def _skips(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        if tag in self.r.html_skip:
            return True
        if tag in self.r.html_page and self.content_depth == 0:
            return True
        if tag in _HOLDERS:  # the page or its article: a class such as "single no-sidebar" skips none of it
            return False
        marks = " ".join(v for k, v in attrs if k in ("class", "id") and v)
        return bool(marks) and bool(self.r.html_skip_attr.search(marks))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip_tag == "head" and tag == "body":  # </head> may be left out: the body ends the head
            self.skip_tag, self.skip_depth = None, 0
        if self.skip_tag is not None:
            if tag == self.skip_tag:
                self.skip_depth += 1
            return
        if tag not in self._VOID and self._skips(tag, attrs):
            self.skip_tag, self.skip_depth = tag, 1
            return
        if tag in ("article", "main"):
            self.content_depth += 1
        if tag == "pre":
            self.pre_depth += 1
        if tag in self.r.html_block:
            self._emit("\n", self._pos(), verbatim=False)
        elif tag in ("td", "th"):
            self._emit(" ", self._pos(), verbatim=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip_tag is None and tag in self.r.html_block:
            self._emit("\n", self._pos(), verbatim=False)

    def handle_endtag(self, tag: str) -> None:
        if self.skip_tag is not None:
            if tag == self.skip_tag:
                self.skip_depth -= 1
                if self.skip_depth == 0:
                    self.skip_tag = None
            return
        if tag in ("article", "main") and self.content_depth:
            self.content_depth -= 1
        if tag == "pre" and self.pre_depth:
            self.pre_depth -= 1
        if tag in self.r.html_block:
            self._emit("\n", self._pos(), verbatim=False)

    def handle_data(self, data: str) -> None:
        # (_emit, inline: the parser calls this for each piece of text, and a skipped one costs no translate)
        if self.skip_tag is not None or not data:
            return
        if self.pre_depth == 0 and ("\n" in data or "\t" in data or "\r" in data):
            data = data.translate(_HTML_SPACE)  # (translate looks every character up: test first)
        self.parts.append(data)
        self.offs.extend(identity_range(self.at, self.at + len(data)))

    def handle_entityref(self, name: str) -> None:
        self._emit(unescape(f"&{name};"), self._pos(), verbatim=False)

    def handle_charref(self, name: str) -> None:
        self._emit(unescape(f"&#{name};"), self._pos(), verbatim=False)


_HTML_SPACE = {ord("\n"): " ", ord("\r"): " ", ord("\t"): " "}


def html_text(raw: str) -> Mapped:
    """The visible text of an HTML page, each character mapped into ``raw``."""
    parser = _TextExtractor(raw)
    parser.feed(raw)
    parser.close()
    return Mapped("".join(parser.parts), parser.offs)


def looks_like_html(text: str) -> bool:
    """Whether a decoded text is an HTML document (whatever its file name)."""
    head = text[:2048].lstrip("\ufeff \t\r\n").lower()
    return head.startswith(("<!doctype html", "<html")) or (
        "<body" in head and "</" in text[:65536]
    )

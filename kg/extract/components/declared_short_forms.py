"""Short forms a text declares for the names before them: ``X有限公司(以下简称“Y”)``, or a bare
``(Y)`` whose characters are the full name's in order; ``list_mentions`` runs it."""

from __future__ import annotations

import re

from kg.extract.components.people import _spans_ending
from kg.extract.components.short_names import _subsequence
from kg.extract.doc import Doc, Span, occurrences
from kg.extract.lexicon import HAN, lexicon, words

#: ``X有限公司(以下简称“Y”)``: the short form the text will use for the name before it.
_SHORT_FORM = re.compile("[(（](?:以下)?(?:简称|下称)[:：]?[“\"]?([^()（）“”\"，,。]{2,12})[”\"]?[)）]")
_ORG_TYPES = ("Company", "GovernmentBody", "ResearchInstitute", "University", "Association", "Fund", "Park", "Project", "Initiative", "Event")


#: ``X股份有限公司(X电路)``: a short form in bare brackets right after a body's full name
_BARE_SHORT_FORM = re.compile(f"\\(([{HAN}A-Za-z0-9]{{2,8}})\\)")
#: a park's organs, named with the park's short form as written (汕头华侨试验区管委会)
_PARK_ORGANS = ("管委会", "党工委", "管理委员会", "工委")
#: the kinds of names a bare bracketed short form may abbreviate (not events: their own rule)
_BARE_SHORT_TYPES = ("Company", "GovernmentBody", "ResearchInstitute", "University", "Association", "Fund", "Park")


def _bare_short_form(short: str, full: str) -> bool:
    """Whether ``short`` abbreviates ``full``: its characters in order, the first among the
    name's first four (after the place it opens with), and no place, sector, generic word or name ending of its own."""
    lex = lexicon()
    place = lex.place_re.match(full)
    head = full[: (place.end() if place is not None else 0) + 4]  # (after the place it opens with: 北京 + 中科宏远…(宏远集团))
    if len(short) >= len(full) or short[0] not in head or not _subsequence(short, full):
        return False
    return not (short in lex.places or short in lex.industries or short in lex.suffixes or short in words("generic"))


def _short_forms(doc: Doc) -> None:
    """Every use of a declared short form names the entity it abbreviates: (以下简称“Y”) or a bare
    (Y) whose characters are the full name's in order (常德德财金融控股集团有限公司(德财金控))."""
    text = doc.text
    declared = [(m, _ORG_TYPES) for m in _SHORT_FORM.finditer(text)] + [(m, _BARE_SHORT_TYPES) for m in _BARE_SHORT_FORM.finditer(text)]
    marked: dict[str, str] = {}  # short form -> the name its later uses were marked for
    for m, kinds in sorted(declared, key=lambda d: d[0].start()):
        full = max((s for s in _spans_ending(doc, m.start()) if s.type in kinds), key=lambda s: (s.length, s.priority), default=None)
        if full is None:
            continue
        short = m.group(1)
        if kinds is _BARE_SHORT_TYPES and not _bare_short_form(short, full.label):
            continue
        # the declaration itself, brackets included, and every later use (once: a text that declares
        # it again for the same name has had them marked; a long one declares it hundreds of times)
        doc.add_span(Span(m.start() + 1, m.end() - 1, full.type, full.label, "short_form", 7, {short}))
        if marked.get(short) == full.label:
            continue
        marked[short] = full.label
        for k in occurrences(text, short, m.end()):
            if full.type == "Park" and text.startswith(_PARK_ORGANS, k + len(short)):
                continue  # X试验区管委会: the organ as written (its own name), not the park's
            doc.add_span(Span(k, k + len(short), full.type, full.label, "short_form", 7, {short}))


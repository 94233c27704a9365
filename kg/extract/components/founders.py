"""The founders of a body founded at the article's event (X联盟成立大会 … 联盟由A、B、C等共同发起):
they took part in it, and so did the body itself."""

from __future__ import annotations

import re

from kg.extract.components.clauses import _is_org, _type
from kg.extract.components.refs import sentences_mentions
from kg.extract.doc import Doc
from kg.model import Entity

#: the bare body, then 由, opening the list of its founders
_FOUNDED_BY = re.compile("(?:联盟|协会|商会|学会|研究院|基金|平台)由")
#: what ends the list: 等(46家企业…)共同发起, 共同发起, 联合发起
_FOUNDING = re.compile("(?:(?:及|和)?[^,。;]{0,24}?等[^,。;]{0,20}?)?(?:共同|联合)?(?:发起|组建|设立|成立)")
_JOIN = ("、", "和", "及", "与", "以及", "牵头,联合", "牵头联合", "牵头,")


def founded_by_main_event(doc: Doc) -> Entity | None:
    """The entity the article's event founds, named as its name opens (X联盟 of X联盟成立大会), if any."""
    main = doc.notes.get("main_event") or ""
    i = main.find("成立")
    return doc.entity(main[:i]) if i > 2 else None


def founders_took_part(doc: Doc) -> None:
    """联盟由A、B、C等单位共同发起 in an article about X联盟成立大会: A, B, C and X took part in it."""
    if "由" not in doc.text:
        return
    body = founded_by_main_event(doc)
    if body is None or not _is_org(body.type):
        return
    main = doc.notes["main_event"]
    text = doc.text
    for s, sm in zip(doc.sentences, sentences_mentions(doc)):
        for fm in _FOUNDED_BY.finditer(s.text):
            if not body.label.endswith(fm.group()[:-1]):
                continue
            at = s.start + fm.end()
            run = []
            for m in sm:
                if m.start < at:
                    continue
                if m.start != (run[-1].end if run else at) and not (run and text[run[-1].end : m.start] in _JOIN):
                    break
                if not _is_org(_type(doc, m)):
                    break
                run.append(m)
            if len(run) >= 2 and _FOUNDING.match(text, run[-1].end):
                for m in run:
                    doc.relate("participatedIn", doc.entity(m.label).label, main, s.index)
                doc.relate("participatedIn", body.label, main, s.index)

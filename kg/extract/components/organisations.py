"""Organisations: partnerOf and subsidiaryOf."""

from __future__ import annotations

import re

from kg.extract.components.clauses import (
    ORG,
    _is_org,
    _rx,
    _sent_mentions,
    _type,
)
from kg.extract.components.places import _list_after, _subjects_before
from kg.extract.doc import Doc
from kg.extract.lexicon import lexicon
from kg.extract.registry import component


@component("organisations")
def organisations(doc: Doc) -> None:
    text = doc.text
    partner = _rx("partner")
    for s in doc.sentences:
        sm = _sent_mentions(doc, s)
        # A与B共建 / 由A、B共同实施 / 公司与B共建
        for vm in re.finditer("与|和|同", s.text):
            at = s.start + vm.start()
            right = next((m for m in sm if m.start == at + 1 and _is_org(_type(doc, m))), None)
            if right is None or not partner.match(text, right.end, right.end + 8) and not partner.match(text[right.end : right.end + 8]):
                continue
            left = next((m for m in reversed(sm) if m.end == at and _is_org(_type(doc, m))), None)
            left_label = left.label if left else None
            if left is None and text[at - 2 : at] == "公司":
                firms = [m for m in doc.mentions if m.end <= at and _type(doc, m) == "Company" and m.label != right.label]
                left_label = firms[-1].label if firms else None
            if left_label:
                doc.relate("partnerOf", left_label, right.label, s.index)
        for vm in re.finditer("共同实施|共同打造|共同建设|联合实施|联合打造", s.text):
            v_start = s.start + vm.start()
            subs = _subjects_before(doc, sm, v_start)
            orgs = [m for m in subs if _is_org(_type(doc, m))]
            if len(orgs) >= 2 and text[orgs[0].end : v_start] == "":
                for a in orgs:
                    for b in orgs:
                        if a.label < b.label:
                            doc.relate("partnerOf", a.label, b.label, s.index)
        # X 聘任/聘请 A、B、C
        for vm in re.finditer("聘任|聘请|聘用", s.text):
            v_start, v_end = s.start + vm.start(), s.start + vm.end()
            subj = [m for m in sm if m.end <= v_start and _is_org(_type(doc, m))]
            if not subj:
                continue
            for x in _list_after(doc, sm, v_end):
                if _is_org(_type(doc, x)):
                    doc.relate("partnerOf", subj[-1].label, x.label, s.index)
    # subsidiaries: 友达光电(昆山)有限公司 -> 友达光电 ; 清华大学苏州环境创新研究院 -> 清华大学
    for e in list(doc.entities.values()):
        if not _is_org(e.type):
            continue
        if "(" in e.label:
            brand = e.label[: e.label.index("(")]
            parent = doc.entities.get(brand)
            if parent is not None and parent is not e and _is_org(parent.type):
                doc.relate("subsidiaryOf", e.label, parent.label, e.mentions[0].sentence if e.mentions else 0)
                continue
        parent = _parent_org(doc, e.label)
        if parent:
            typ, plabel = parent
            doc.ensure_entity(typ, plabel)
            doc.relate("subsidiaryOf", e.label, plabel, e.mentions[0].sentence if e.mentions else 0)


def _parent_org(doc: Doc, label: str) -> tuple[str, str] | None:
    lex = lexicon()
    m = lex.known_org_re.match(label)
    if m and len(label) - m.end() >= 3:
        typ, known = lex.known_orgs[m.group()]
        return (typ, m.group() if doc.entity(m.group()) or m.group() != known else known)
    best = None
    for sm in lex.suffix_re.finditer(label):
        typ, min_stem = lex.suffixes[sm.group()]
        if typ not in ("ResearchInstitute", "University", "Company") or sm.end() >= len(label) - 2:
            continue
        if sm.start() < max(2, min_stem):
            continue
        rest = label[sm.end():]
        if not any(rest.endswith(suf) for suf, (t, _) in lex.suffixes.items() if t in ORG):
            continue
        best = (typ, label[: sm.end()])
    return best

"""Where a project is built, and by whom (projects): X(将)在P建设Y项目 (Y in P, X its builder),
X投资N,在P设立Y,建设Z项目 (Z costs N, lies in P, X and Y invest in it)."""

from __future__ import annotations

import re

from kg.extract.components.clauses import _is_org, _type, of_type
from kg.extract.components.refs import clause_start
from kg.extract.components.refs import sent_mentions as _sent_mentions
from kg.extract.components.spenders import _spender
from kg.extract.doc import Doc, Span
from kg.extract.names import BUILD

#: X(将)在P(追加投资N,)建设Y项目: where a project is built, and by whom
_BUILT_AT = re.compile(f"(?:在|(?:(?<![\u4e00-\u9fff])|(?<=将)|(?<=拟)|(?<=并))于)([^,。;在]{{2,24}}?)(?:追加|新增|再)?(?:(?:投资|增资)[^,。;]{{0,12}}?,?)?(?:{BUILD}|建成)的?$")


def _place_run(doc: Doc, sm: list[Span], a: int, z: int) -> str | None:
    """The last of the places and parks written one after another from ``a`` to ``z``, if they fill it
    (a short form in brackets after one is part of it: 营口经济技术开发区(营口经开区))."""
    text = doc.text
    pos, last = a, None
    for x in sm:
        if x.start == pos and x.end <= z and _type(doc, x) in ("Place", "Park"):
            pos, last = x.end, x
        elif last is not None and x.start == pos + 1 and text[pos] == "(" and text[x.end : x.end + 1] == ")" and x.end < z \
                and doc.entity(x.label) is doc.entity(last.label):
            pos = x.end + 1
    return last.label if last is not None and pos == z else None


#: …在P + 设立(全资子公司) + Y + ,建设 + Z项目: the firm set up in P to build the project
_SET_UP = re.compile("(?:注册)?(?:设立|成立|组建|新设)(?:了)?(?:全资子公司|子公司)?")
_THEN_BUILD = re.compile(",(?:并|将|主要)?(?:投资)?(?:建设|兴建|新建|投建)")


def _set_up_to_build(doc: Doc, s, am, amt) -> bool:
    """X投资N,在P设立Y,建设Z项目: Z costs N, lies in P, and both X and Y invest in it. Whether
    the amount was read so."""
    text, sm = doc.text, _sent_mentions(doc, s)
    at = text.find("在", am.end()) + 1
    where = next((m for m in sm if m.start == at and _type(doc, m) in ("Place", "Park")), None)
    if where is None or (set_up := _SET_UP.match(text, where.end)) is None:
        return False
    firm = next((m for m in sm if m.start == set_up.end() and _type(doc, m) == "Company"), None)
    if firm is None or (then := _THEN_BUILD.match(text, firm.end)) is None:
        return False
    proj = next((m for m in sm if m.start == then.end() and _type(doc, m) == "Project"), None)
    if proj is None:
        return False
    doc.relate("investment", proj.label, amt, s.index)
    doc.relate("locatedIn", proj.label, where.label, s.index)
    spender = _spender(doc, s, am.start() - 2) if text.endswith("投资", 0, am.start()) else None
    for org in (spender, firm.label):
        if org:
            doc.relate("investor", proj.label, org, s.index)
    return True


def _built_at(doc: Doc) -> dict[str, tuple[str, int]]:
    """Locate projects built 在P; return their builders (project -> (organisation, sentence))."""
    from kg.extract.components.refs import bare_firm_before, bare_park_at, short_form_open

    text = doc.text
    built: dict[str, tuple[str, int]] = {}
    for s in doc.sentences:
        if "在" not in s.text and "于" not in s.text:
            continue  # (_BUILT_AT opens with 在 or 于, inside the sentence)
        sm = _sent_mentions(doc, s)
        for m in of_type(doc, sm, "Project"):  # (nothing below changes an entity's type)
            b = _BUILT_AT.search(text, max(s.start, m.start - 40), m.start)
            if b is None:
                continue
            a, z = b.start(1), b.end(1)
            where = next((x.label for x in sm if x.start == a and x.end == z and _type(doc, x) in ("Place", "Park")), None)
            if where is None:
                where = _place_run(doc, sm, a, z)  # 在广元市苍溪县建设: the last of a run of places
            if where is None:
                bare = bare_park_at(doc, a)
                where = bare[0] if bare and bare[1] == z else None
            if where is not None:
                doc.relate("locatedIn", m.label, where, s.index)
            # who builds: the organisation right before 在 (adverbs between), or a bare 公司/集团
            at = b.start()
            head = text[s.start : at]
            adv = re.search(r"(?:将|拟|计划|已|正|还|也|预计|正式)*$", head)
            cut = s.start + adv.start()
            org = next((x for x in sm if x.end == cut and _is_org(_type(doc, x))), None)
            if org is None and (opened := short_form_open(text, cut, s.start)) > s.start:
                # X有限公司(X新材料)将在P建设Y: the firm before its short form
                org = next((x for x in sm if x.end == opened and _is_org(_type(doc, x))), None)
            firm = org.label if org is not None else None
            if firm is None and not any(x.end == cut for x in sm):
                clause = clause_start(text, s.start, cut)
                firm = bare_firm_before(doc, clause, cut)
            p = doc.entity(m.label)
            if firm and p is not None:
                built.setdefault(p.label, (firm, s.index))
    return built

"""What an event's name says it opens or starts (event_roles): X揭牌仪式 launches X, X开工仪式 starts
X (a park is launched, a project signed), X项目开工暨…活动 signs the project X项目 there (named only
inside the event's name, it is made an entity; a firm's legal name opening it is its investor),
A与B合资合作签约仪式: the two parties named take part, as partners."""

from __future__ import annotations

import re

from kg.extract.components.clauses import _is_org
from kg.extract.components.entities import _merge
from kg.extract.components.name_checks import _accept
from kg.extract.doc import Doc, Span, clean_label, mention_of
from kg.extract.lexicon import suffix_ending
from kg.extract.names import PHASE, PLACED_BRAND_OPENS
from kg.extract.segment import tokens

#: Ceremonies named by what they release, open or start, and what that makes of it.
_NAMED_FOR = (("新闻发布会", "launched"), ("发布会", "launched"), ("揭牌仪式", "launched"), ("开园仪式", "launched"), ("成立大会", "launched"),
              ("成立仪式", "launched"), ("启动仪式", "start"), ("开工仪式", "start"), ("奠基仪式", "start"),
              ("投产仪式", "start"), ("并网仪式", "start"), ("投运仪式", "start"), ("竣工仪式", "start"),
              ("启用仪式", "launched"), ("启用", "launched"), ("开业仪式", "launched"))
_NAMED_FOR_ENDS = tuple(suf for suf, _ in _NAMED_FOR)
#: words between a project's name and its ceremony: X项目全容量并网仪式
_CEREMONY_QUALIFIER = re.compile("(?:全容量|全面|正式|首批|首台机组|首期)$")
#: a works a ceremony starts that is named only in the ceremony's name (X公司Y生产线投产仪式)
_WORKS = re.compile("(?:生产线|产线|生产基地|制造基地|基地|工厂|智能工厂)$")
#: ceremonies that found or unveil a body named only in their own name
_FOUNDING = ("揭牌仪式", "成立大会", "成立仪式", "启用仪式", "启用", "开业仪式")
#: A policy-like name that a 发布会 releases (祖冲之攻关计划发布会): an Initiative.
_POLICY = re.compile("(?:计划|方案|政策|措施|规划|行动|意见|办法|指数|榜单|白皮书|报告)$")


#: A project whose start an event's name announces: X项目开工暨…活动, X项目奠基仪式.
_STARTED_IN_NAME = re.compile(r"(?:^|暨)(?:(?:19|20)\d{2}年?)?(?P<p>[^暨]{2,50}?项目)(?:[一二三四五六七八九]期)?(?:集中|全容量|全面|正式)?"
                              r"(?:开工|动工|奠基|启动|开建|投产|竣工|并网|建成投产|竣工投产)")


#: a firm's full legal name opening a project's name inside an event's name
_FIRM_FIRST = re.compile("[^,。;、]{4,30}?(?:股份有限公司|有限责任公司|有限公司)")


def _started_in_name(doc: Doc) -> None:
    """The project started at an event named after its start is signed there (its name may
    exist only inside the event's); a park whose name it shares is launched there."""
    for e in sorted((e for e in doc.entities.values() if e.type == "Event"), key=lambda e: e.label):
        m = _STARTED_IN_NAME.search(e.label)
        if m is None or not e.mentions:
            continue
        proj = m.group("p")
        firm = _FIRM_FIRST.match(proj)
        placed = PLACED_BRAND_OPENS.match(proj) if firm is None else None
        if firm is not None and len(proj) - firm.end() >= 6:
            proj = proj[firm.end() :]  # X有限公司 + Y项目投产仪式: the firm's own project (below: its investor)
        elif placed is not None:
            proj = proj[placed.end() :]  # 金鼎铜箔(鹰潭) + 年产3万吨…项目投产典礼: the firm of that brand and place builds it
        stem = proj[: -len("项目")]
        if not _accept("Project", "项目", stem, list(tokens(stem)), doc.text, 0):
            continue  # 2016X春季重大项目集中开工: projects of a kind, not one named project
        if doc.entity(proj) is None:
            at = next((x for x in doc.mentions if x.label == e.label and clean_label(doc.text[x.start : x.end]) == e.label), None)
            if at is None:
                continue
            raw = _STARTED_IN_NAME.search(doc.text[at.start : at.end])  # (the text may quote a word of it: “沙戈荒”)
            if raw is None:
                continue
            p = doc.ensure_entity("Project", proj)
            span = Span(at.start + raw.start("p"), at.start + raw.end("p"), "Project", proj, "in_event", 0)
            p.mentions.append(mention_of(doc, span))
            _fold_phase(doc, proj)
        elif doc.type_of(proj) != "Project":
            continue
        doc.relate("signedAt", proj, e.label, e.mentions[0].sentence)
        if firm is not None and len(m.group("p")) - firm.end() >= 6:
            owner = doc.entity(firm.group()) or next(
                (x for x in doc.entities.values() if x.type == "Company" and len(x.label) >= 4 and x.label in firm.group()), None)
            if owner is None:
                owner = doc.ensure_entity("Company", firm.group())
            elif owner.label != firm.group():
                owner.aliases.add(firm.group())  # 太行钢铁集团 of 山西太行钢铁集团有限公司: the firm the text names short
            doc.relate("investor", proj, owner.label, e.mentions[0].sentence)
        if placed is not None:
            owners = [x.label for x in doc.entities.values() if x.type == "Company" and x.label.startswith(placed.group())]
            if len(owners) == 1:
                doc.relate("investor", proj, owners[0], e.mentions[0].sentence)
        if len(stem) >= 4:
            parks = sorted(x.label for x in doc.entities.values() if x.type == "Park" and x.label.startswith(stem) and len(x.label) - len(stem) <= 2)
            if len(parks) == 1:
                doc.relate("launched", e.label, parks[0], e.mentions[0].sentence)


#: a project named only by its phase: 二期项目
_PHASE_ONLY = re.compile(PHASE.pattern + "(?:工程)?项目")


def _fold_phase(doc: Doc, proj: str) -> None:
    """The bare 二期项目 of an article whose event is named after X二期项目's start is X二期项目
    (its facts follow it)."""
    bare = [label for label, e in doc.entities.items() if e.type == "Project" and _PHASE_ONLY.fullmatch(label) and proj.endswith(label)]
    if len(bare) != 1 or any(label != proj and label.endswith(bare[0]) and doc.type_of(label) == "Project" and len(label) > len(bare[0])
                             for label in doc.entities):
        return
    _merge(doc, proj, bare[0])
    facts = [r for r in doc.relations if bare[0] in (r.subject, r.object)]
    doc.relations[:] = [r for r in doc.relations if bare[0] not in (r.subject, r.object)]
    for r in facts:
        doc.relate(r.predicate, r.subject, r.object, r.sentence, r.title)  # (relate maps the old name to proj)


def _parties_in_name(doc: Doc) -> None:
    """A与B合资合作签约仪式: the two parties the ceremony is named after take part, as partners."""
    by_event: dict[str, list[str]] = {}
    for label, start, end in doc.notes.get("event_parties", []):
        ev = next((m.label for m in doc.mentions if m.start == start and m.end == end and m.type == "Event"), None)
        party = doc.entity(label)
        if ev is not None and party is not None and party.label not in by_event.setdefault(ev, []):
            by_event[ev].append(party.label)
    for ev, parties in by_event.items():
        sent = doc.entity(ev).mentions[0].sentence if doc.entity(ev).mentions else 0
        for p in parties:
            doc.relate("participatedIn", p, ev, sent)
        if len(parties) == 2:
            doc.relate("partnerOf", parties[0], parties[1], sent)


def _works_project(doc: Doc, x: str):
    """X有限公司年产N套Y生产线 (投产仪式): the project Y生产线项目, invested in by the firm whose full
    legal name opens it; None when no such firm opens the name (the works is then no name)."""
    firm = next((o for o in doc.entities.values() if o.type == "Company" and o.label.endswith(("有限公司", "有限责任公司"))
                 and x.startswith(o.label) and len(x) - len(o.label) >= 6), None)
    if firm is None:
        return None
    works = x[len(firm.label) :]
    p = doc.entity(works + "项目") or doc.entity(works)
    if p is None:
        p = doc.ensure_entity("Project", works + "项目", {works})
    if p.type != "Project":
        return None
    doc.relate("investor", p.label, firm.label, 0)
    return p


#: the act that ends the first part of an event's name joined by 暨 (X签约暨揭牌仪式)
_FIRST_ACT = re.compile("(?:签约|落户|成立|签约落地|合作签约|入驻)$")
#: what a 揭牌仪式 may unveil that has a name of its own
_UNVEILED = ("Fund", "Association", "ResearchInstitute", "Park")


def _named_for(doc: Doc) -> None:
    """X揭牌仪式 launches X; X开工仪式 starts X (a park is launched, a project signed)."""
    for e in sorted((e for e in doc.entities.values() if e.type == "Event"), key=lambda e: e.label):
        for name in sorted({e.label, *e.aliases}):
            parts = name.split("暨")
            for i, part in enumerate(parts):
                if not part.endswith(_NAMED_FOR_ENDS):
                    continue  # (no ceremony's word ends it: none of the loop's suffixes)
                for suf, role in _NAMED_FOR:
                    if not part.endswith(suf):
                        continue
                    x = part[: -len(suf)]
                    if len(x) < 3 and i > 0 and (act := _FIRST_ACT.search(parts[0])) is not None and "落户" not in parts[0][: act.start()]:
                        x = parts[0][: act.start()]  # X签约 + 暨揭牌仪式: what the first act's ceremony unveils is X (not X落户Y)
                    if len(x) < 3:
                        continue
                    target = doc.entity(x) or (doc.entity(_CEREMONY_QUALIFIER.sub("", x)) if role == "start" else None)
                    if target is None and suf == "发布会" and _POLICY.search(x):
                        target = doc.ensure_entity("Initiative", x)
                    if target is None and suf in _FOUNDING:
                        # 临江市X产业投资基金揭牌仪式: a fund or body named only in its ceremony's name
                        kind = next((t for t in _UNVEILED if (sx := suffix_ending(x, t)) and len(x) - len(sx) >= 2), None)
                        tail = [o.label for o in doc.entities.values() if o.type == kind and len(o.label) >= 7 and x.endswith(o.label)]
                        if len(tail) == 1:  # named short elsewhere (集成电路产业投资基金): that one, under its full name
                            doc.rename(tail[0], x)
                        target = doc.ensure_entity(kind, x) if kind else None
                    if target is None and role == "start" and _WORKS.search(x):
                        target = _works_project(doc, x)
                    if target is None:
                        continue
                    if target.type == "Project":
                        if role == "start":
                            doc.relate("signedAt", target.label, e.label, 0)
                        if role != "start" or re.search("(?:园|园区|基地|小镇|科学城)$", x):
                            # a park whose construction starts is launched
                            doc.relate("launched", e.label, target.label, 0)
                    elif target.type in ("Park", "Initiative", "Fund") or _is_org(target.type):
                        doc.relate("launched", e.label, target.label, 0)
                        project = doc.entity(target.label + "项目")
                        if role == "start" and project is not None and project.type == "Project":
                            doc.relate("signedAt", project.label, e.label, 0)

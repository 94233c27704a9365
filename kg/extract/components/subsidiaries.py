"""Subsidiaries: who owns which firm (subsidiaryOf), read from names (清华大学苏州环境创新研究院 ->
清华大学), from 旗下/全资子公司/下设, from firms set up in a place, and from bodies built together."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.components.clauses import (
    ORG,
    _is_org,
    _list_after,
    _subjects_before,
    _type,
    orgs_of,
)
from kg.extract.components.refs import (
    bare_firm_before,
    clause_start,
    past_short_form,
    sentences_mentions,
    short_form_open,
)
from kg.extract.components.refs import sent_mentions as _sent_mentions
from kg.extract.components.topics import topic_org
from kg.extract.doc import Doc, Span
from kg.extract.lexicon import lexicon
from kg.names import firm_core

_SUBSIDIARY = re.compile("(?:旗下(?:的|拥有|有)?|下设(?:的)?|下属(?:的)?(?:国有平台|国有企业|国企|平台公司)?|所属(?:的)?(?:国有平台|国有企业|国企|平台公司)?|通过其?|透过其?|由其)(?:[\u4e00-\u9fff\\d%]{0,12}?(?:子公司|附属公司))?|(?:的|新?(?:设立|成立|组建)的)?(?:间接|直接)?(?:全资|控股)(?:子公司|附属公司)"
                         "|在(?:华|中国|大陆|国内|境内)(?:的)?(?:全资|控股)?子公司"  # 德国X集团在华子公司Y
                         "|新(?:设立|成立|组建|注册)的(?=[^,。;]{2,30}?有限公司)"  # X集团新设立的Y有限公司
                         "|(?:转投资|投资设立|出资设立|出资组建)的(?:[^,。;的]{0,4}?(?:国有平台|平台公司|国有企业|国企)|(?:大陆|内地|境内|境外|海外)(?:子)?公司|(?:全资|控股)(?:子公司|附属公司))?(?=[^,。;]{2,30}?有限公司)"  # X转投资的Y有限公司, 由Z政府出资设立的州属国有平台Y有限公司
                         "|转投资设立(?=[^,。;]{2,30}?有限公司)"  # X转投资设立Y有限公司
                         "|(?:百分之百|100%|全资|绝对)?(?:持股|控股)的")  # X百分之百持股的Y
#: (X旗下香港子公司Y, X通过其在华子公司Y: the descriptor says where the subsidiary is, Y is named after it)
_ADVERBS = re.compile("\\)?(?:,)?(?:又|也|还|再|已|已经|均|将|迅速|积极|正式|率先|分别|首先|随后|当天|现场|近日|日前|今天|昨天|上午|下午|\\d{1,2}日)*")


#: what only completes a firm's legal name (集团 + 有限公司 is one firm, not a subsidiary)
_LEGAL_FORM = re.compile(r"(?:\(集团\))?(?:股份)?(?:有限)?(?:责任)?公司")
#: the units of a body that are not bodies of their own kind: 商务部外资司, 南京大学苏州校区
_UNIT = re.compile(r"(?:[^,。;、]{1,6}(?:司|校区|分校|分院|分公司))$")


@lru_cache(maxsize=1)
def _org_suffixes() -> tuple[str, ...]:
    """The lexicon's suffixes of organisations (for one ``str.endswith`` of them all)."""
    return tuple(suf for suf, (t, _) in lexicon().suffixes.items() if t in ORG)


def _parent_org(doc: Doc, label: str) -> tuple[str, str] | None:
    """The body a name opens with, the nearest one (中国科学院物理研究所清洁能源实验室 ->
    中国科学院物理研究所, which in turn -> 中国科学院)."""
    lex = lexicon()
    best = None
    m = lex.known_org_re.match(label)
    if m and len(label) - m.end() >= 3:
        typ, known = lex.known_orgs[m.group()]
        best = (typ, m.group() if doc.entity(m.group()) or m.group() != known else known)
    for sm in lex.suffix_re.finditer(label):
        typ, min_stem = lex.suffixes[sm.group()]
        if typ not in ("ResearchInstitute", "University", "Company") or sm.end() >= len(label) - 1:
            continue
        if label[sm.end() : sm.end() + 1] in ("—", "-") or "-" in label[: sm.start()] or "—" in label[: sm.start()]:
            continue  # 新疆大学—远景储能联合研发中心, 聚宏-北部湾大学高分子材料联合研发中心: a joint body of two, not a part of either
        if sm.start() < max(2, min_stem) or label[sm.end() : sm.end() + 1] in (")", "）") or label.count("(", 0, sm.end()) > label.count(")", 0, sm.end()):
            continue
        rest = label[sm.end():]
        if _LEGAL_FORM.fullmatch(rest):
            continue
        if not rest.endswith(_org_suffixes()) and not _UNIT.fullmatch(rest):
            continue
        if len(rest) < 3 and not _UNIT.fullmatch(rest):
            continue
        if best is None or sm.end() > len(best[1]):
            best = (typ, label[: sm.end()])
    return best


#: a character of a name (before a bare 集团: 嘉汇集团 is a name, ,集团 a reference)
_NAME_CHAR = re.compile("[\u4e00-\u9fffA-Za-z0-9)]")
#: what may open a sentence before the firm it is about
_ABOUT_LEAD = re.compile("(?:据介绍|据了解|资料显示|另悉)?,?")


def _held_by(doc: Doc) -> None:
    """X旗下的Y(、Z) / X的全资子公司Y -> Y subsidiaryOf X."""
    text = doc.text
    for s, sm in zip(doc.sentences, sentences_mentions(doc)):
        for vm in _SUBSIDIARY.finditer(s.text):
            v_start, v_end = s.start + vm.start(), s.start + vm.end()
            # the owner right before, or its short form in brackets right before (X有限公司(X集团)全资子公司Y)
            at = v_start - 1 if doc.text[v_start - 1 : v_start] == ")" else v_start
            owner = next((m for m in reversed(sm) if m.end == at and _is_org(_type(doc, m))), None)
            if owner is None and text[v_start - 1 : v_start] == "其" and vm.group().startswith(("转投资", "投资设立", "出资设立")):
                # (X通过子公司Y,)对其转投资的Z: 其 is the firm named last before
                owner = next((m for m in reversed(sm) if m.end < v_start and _type(doc, m) == "Company"), None)
            if owner is None and text.endswith("其", 0, v_start) and vm.group().startswith(("间接", "直接", "全资", "控股")):
                # X公布,其(间接)全资附属公司Y: 其 is the firm the sentence named last
                owner = next((m for m in reversed(sm) if m.end < v_start and _type(doc, m) == "Company"), None)
            if owner is None and vm.group().startswith(("通过", "透过")) and vm.group().endswith("子公司"):
                firms = [m for m in sm if m.end <= v_start and _type(doc, m) == "Company"]
                if len({m.label for m in firms}) == 1:
                    owner = firms[0]  # X董事会通过,将通过百分之百持股的香港子公司Y…: the one firm the sentence is about
            if owner is None and vm.group().startswith("由其"):
                # X集团将由其全资子公司Y…: the firm before the adverbs
                owner = next((m for m in reversed(sm) if m.end < at and _is_org(_type(doc, m)) and _ADVERBS.fullmatch(text, m.end, at)), None)
            if owner is None and vm.group().startswith("旗下") and doc.text[v_start - 1 : v_start] == "," and sm \
                    and sm[0].start == _ABOUT_LEAD.match(doc.text, s.start).end() and _is_org(_type(doc, sm[0])):
                owner = sm[0]  # (据介绍,)X成立于1998年,旗下拥有A、B等子公司: the firm the sentence is about
            bare_at = at - 2 if text.endswith(("投资", "出资"), 0, at) else at  # 公司 + 投资 + 设立的全资子公司Y
            if owner is None and text.endswith(("集团", "公司"), 0, bare_at) and not _NAME_CHAR.match(text, bare_at - 3) \
                    and (firm := bare_firm_before(doc, bare_at - 2, bare_at)) is not None:
                owner = next((m for m in reversed(doc.mentions) if m.end <= bare_at - 2 and m.label == firm), None)  # 集团新设立的全资子公司Y
            if owner is None:
                continue
            items = _list_after(doc, sm, v_end)
            # X透过英属维京群岛子公司Y: the place the descriptor names is where Y is
            where = next((m for m in sm if v_start < m.start and m.end < v_end and _type(doc, m) == "Place"), None) \
                if vm.group().endswith("子公司") else None
            if where is not None and items and _type(doc, items[0]) == "Company" and not doc.has_relation("locatedIn", items[0].label):
                doc.relate("locatedIn", items[0].label, where.label, s.index)
            for x in items:
                # the run of bodies of one kind (旗下的A公司、B公司、张浦镇人民政府与… -> A, B)
                if _type(doc, x) != _type(doc, items[0]) or not _is_org(_type(doc, x)):
                    break
                if _type(doc, x) == "GovernmentBody" and _type(doc, owner) != "GovernmentBody":
                    break
                if x.label != owner.label:
                    doc.relate("subsidiaryOf", x.label, owner.label, s.index)


#: X(,)100%持有Y: the firm held whole
_HOLDS = re.compile(",?(?:100%|百分之百|全资)持有(?:其)?")


def _holds_whole(doc: Doc) -> None:
    """X透过子公司Y,100%持有Z有限公司 -> Z subsidiaryOf Y (the firm right before the verb)."""
    text = doc.text
    if "持有" not in text:
        return
    for s, sm in zip(doc.sentences, sentences_mentions(doc)):
        for vm in _HOLDS.finditer(s.text):
            v_start, v_end = s.start + vm.start(), s.start + vm.end()
            owner = next((m for m in reversed(sm) if m.end == v_start and _is_company(_type(doc, m))), None)
            child = next((m for m in sm if m.start == v_end and _is_company(_type(doc, m))), None)
            if owner is not None and child is not None and child.label.endswith("有限公司") and owner.label != child.label:
                doc.relate("subsidiaryOf", child.label, owner.label, s.index)


#: a clause opening on the bare group or firm (集团将…, 公司拟…)
_BARE_GROUP = re.compile("(?:该|本)?(?:集团|公司)")
#: X + 将新设立 + Y有限公司: a firm set up by name (its subsidiary when it bears X's brand)
_SETS_UP_NAMED = re.compile("(?:将|拟|已|计划)?(?:新|注册|出资)?(?:设立|成立|组建)(?:了)?")
#: X将在P设立全资子公司Y: the parent, where, and the subsidiary after it
_SET_UP_SUBSIDIARY = re.compile(r"(?:将|拟|已|计划)?(?:以(?:自有|自筹|募集)?(?:资金|现金)[^,。;在]{0,10}?)?在[^,。;在]{2,20}?(?:注册)?(?:设立|成立|组建|新设)(?:了)?(?:的)?(?:全资|控股|独资)?子公司"
                                r"|(?:将|拟|已|计划)?在[^,。;在与和]{2,20}?(?:新|投资|注册)?(?:设立|成立|组建|新设)的(?=[^,。;]{2,30}?有限公司)")  # X在P新设立的Y有限公司


def _sets_up_subsidiary(doc: Doc) -> None:
    """X将在P设立全资子公司Y -> Y subsidiaryOf X (X: the body right before, or the sentence's topic)."""
    text = doc.text
    for s, sm in zip(doc.sentences, sentences_mentions(doc)):
        for vm in _SET_UP_SUBSIDIARY.finditer(s.text):
            v_start, v_end = s.start + vm.start(), s.start + vm.end()
            child = next((m for m in sm if m.start == v_end and _type(doc, m) == "Company"), None)
            if child is None:
                continue
            parent = next((m for m in reversed(sm) if m.end <= v_start and _ADVERBS.fullmatch(text, m.end, v_start)), None)
            if parent is None:
                clause = clause_start(text, s.start, v_start, _CLAUSE_MARKS)
                parent = topic_org(doc, sm, s, clause, v_start)
            if parent is None and (bare := _BARE_GROUP.match(text, clause_start(text, s.start, v_start, _CLAUSE_MARKS))) is not None \
                    and _ADVERBS.fullmatch(text, bare.end(), v_start) and (firm := bare_firm_before(doc, bare.start(), bare.end())):
                parent = Span(bare.start(), bare.end(), "Company", firm, "anaphora")  # 集团将在延安注册成立全资子公司Y: the group
            if parent is not None and _is_company(_type(doc, parent)) and parent.label != child.label:
                doc.relate("subsidiaryOf", child.label, parent.label, s.index)
        for vm in _SETS_UP_NAMED.finditer(s.text):
            # 清润集团将新设立清润(白山)饮品有限公司: a new firm of the founder's own brand is its subsidiary
            v_start, v_end = s.start + vm.start(), s.start + vm.end()
            child = next((m for m in sm if m.start == v_end and _type(doc, m) == "Company"), None)
            parent = next((m for m in reversed(sm) if m.end <= v_start and _ADVERBS.fullmatch(text, m.end, v_start)), None)
            if child is None or parent is None or not _is_company(_type(doc, parent)):
                continue
            founder, new = doc.entity(parent.label), doc.entity(child.label)
            brand = firm_core(new.label)[:2] if new is not None else ""
            if founder is not None and new is not None and founder is not new and len(brand) == 2 \
                    and any(firm_core(n).startswith(brand) for n in (founder.label, *founder.aliases)):
                doc.relate("subsidiaryOf", new.label, founder.label, s.index)


#: clause marks (cleaned text has them folded to ASCII; hand-made text may not)
_CLAUSE_MARKS = ",;:，；："


#: what a run of bodies does together: (三方)共建, 共同建设, 联合共建
_TOGETHER = re.compile("(?:[两三四五六七八九十]方|各方|多方)?(?:共同|联合)?(?:共建|建设|组建|打造)")
_RUN_JOIN = ("、", "和", "与", "及", "以及")


def _builders_together(doc: Doc) -> None:
    """A、B和C(三方)共建X: the bodies of the run are partners, each with each."""
    text = doc.text
    for s, sm in zip(doc.sentences, sentences_mentions(doc)):
        if len(sm) < 3:
            continue  # (a run of three bodies at least, below)
        sm = orgs_of(doc, sm)
        k = 0
        while k < len(sm):
            run = [sm[k]]
            while k + len(run) < len(sm) and text[run[-1].end : sm[k + len(run)].start] in _RUN_JOIN:
                run.append(sm[k + len(run)])
            k += len(run)
            tail = _TOGETHER.match(text, run[-1].end)
            if len(run) < 3 or tail is None or not (tail.group().startswith(("共", "联")) or tail.group()[:2].endswith("方")):
                continue  # (two bodies with 与 are the first rule's; a list needs 共同/联合/N方 before the verb)
            labels = list(dict.fromkeys(doc.entity(m.label).label for m in run))
            for i, a in enumerate(labels):
                for b in labels[i + 1 :]:
                    doc.relate("partnerOf", a, b, s.index)


def _is_company(t: str | None) -> bool:
    return t == "Company"


#: Sentences that state a parent: a word before Y, words after it, and the kinds X and Y may be.
#: X是Y(在华)的全资子公司, X是Y在华中地区设立的全资子公司 (any organisation); X由Y投资设立 (firms).
_PARENT_FRAMES = (
    (re.compile("(?:是|为|系)(?:上市公司)?$"), re.compile("(?:在[^,。;的]{1,6}?(?:设立|成立|投资设立|注册成立)?)?的?(?:全资|控股|独资)?子公司"
                                           "|在[^,。;的]{1,6}?(?:设立|成立|投资设立|注册成立)的[^,。;的]{0,4}?(?:总部|分公司)"), _is_org),
    (re.compile("由$"), re.compile("(?:全资|独资|控股)?(?:投资|出资)?(?:设立|成立|组建|创办|注册成立|控股)"), _is_company),
    (re.compile("(?:是|为|系)$"), re.compile("(?:在[^,。;的]{1,6}?)?(?:全资|独资|控股)?(?:投资|出资)(?:设立|成立|组建)的"), _is_org),
    (re.compile("作为$"), re.compile("的?(?:全资|控股|独资)子公司"), _is_org),  # (X,)作为Y全资子公司
    (re.compile("隶属于?$"), re.compile(""), _is_company),  # 该公司隶属X集团
)
#: the last characters of the frames' verbs (and the newline a ``$`` may stand before)
_PARENT_VERB_ENDS = frozenset("是为系由属于\n")

#: X作为市级国有出资平台, X是Y政府出资设立的产业投资平台: the government's own vehicle.
_STATE_PLATFORM = re.compile("(?:是|为|系|作为)[^,。;]{0,20}?(?:国有|国资|政府出资|政府全资|市属|省属|区属|县属)[^,。;]{0,12}?平台"
                             "|等?(?:市属|省属|区属|县属|区级|市级)(?:国企|国有企业|国有平台)")  # X等区属国企


#: 作为市属国有资本投资运营平台, + X: a clause that presents the firm after it as the government's vehicle
_AS_PLATFORM = re.compile("作为[^,。;]{0,20}?(?:国有|国资|政府出资|政府全资|市属|区属|县属)[^,。;]{0,12}?平台,")


def _state_platforms(doc: Doc) -> None:
    """A firm the text presents as a government's own vehicle is a GovernmentBody (SCHEMA.md 3.1)."""
    text = doc.text
    opened = {m.end() for m in _AS_PLATFORM.finditer(text)} if "平台," in text else set()
    for m in doc.mentions:
        if m.type == "Company" and (_STATE_PLATFORM.match(text, m.end) or m.start in opened):
            e = doc.entity(m.label)
            if e is not None and e.type == "Company":
                e.type = "GovernmentBody"


#: X旗下拥有A、B等(多家)子公司, 新集团下设A、B等子公司, X设立A、B两家子公司: the firms listed are X's.
_OWNS = re.compile("旗下(?:拥有|有|包括|设有)?|下设|下辖|(?:设立|组建|新设)(?:了)?")
_SUBSIDIARIES_END = re.compile("(?:等(?:[^,。;]{0,4})?|[两二三四五六七八九十\\d]+家)(?:子公司|下属企业|控股子公司|全资子公司)")


def _listed_subsidiaries(doc: Doc) -> None:
    """X…,旗下拥有A、B等多家子公司: each firm of the list is a subsidiary of the sentence's firm (the one
    named last before 旗下, or the sentence's topic)."""
    text = doc.text
    for s in doc.sentences:
        for om in _OWNS.finditer(s.text):
            at, after = s.start + om.start(), s.start + om.end()
            end = _SUBSIDIARIES_END.search(text, after, s.end)
            if end is None or re.search("[,。;]", text[after : end.start()]):
                continue
            sm = _sent_mentions(doc, s)
            owner = next((m.label for m in reversed(sm) if m.end <= at and _is_org(_type(doc, m))), None)
            if owner is None:
                owner = bare_firm_before(doc, clause_start(text, s.start, at), at)  # 新集团下设A、B等子公司
            if owner is None:
                continue
            for m in sm:
                if after <= m.start and m.end <= end.start() and _is_company(_type(doc, m)) and m.label != owner:
                    doc.relate("subsidiaryOf", m.label, owner, s.index)


#: both or all of the subjects before 是/为: A和B均为Y的子公司
_BOTH = re.compile("(?:均|都|皆|同)$")


def _stated_parents(doc: Doc) -> None:
    """X是Y的全资子公司 / X由Y投资设立 -> X subsidiaryOf Y.

    X is the body named right before 是/由, or, for a bare subject (该公司是…), the firm it
    stands for (:func:`~kg.extract.components.refs.bare_firm_before`)."""
    text = doc.text
    for s, sm in zip(doc.sentences, sentences_mentions(doc)):
        for y in sm:
            if text[y.start - 1 : y.start] not in _PARENT_VERB_ENDS and not text.endswith("上市公司", 0, y.start):
                continue  # (no frame's verb ends right before Y: the searches below would find none)
            y_type = _type(doc, y)  # (relate below changes no entity)
            for before, after, fits in _PARENT_FRAMES:
                b = before.search(text, max(s.start, y.start - 7), y.start) if fits(y_type) else None
                if b is None or not after.match(text, past_short_form(text, y.end), s.end):
                    continue  # (Y(简称)的全资子公司: past Y's short form)
                at = b.start()  # where 是, 由 or 作为 stands
                if (o := short_form_open(text, at, max(s.start, at - 14))) > s.start:
                    at = o  # X有限公司(简称)是Y的子公司: X before its short form
                x = next((m.label for m in sm if m.end == at and fits(_type(doc, m))), None)
                if x is None and (both := _BOTH.search(text, max(s.start, at - 2), at)) is not None:
                    # A和B均为Y的全资子公司: each firm of the list before 均
                    for m in _subjects_before(doc, sm, both.start()):
                        if fits(_type(doc, m)) and m.label != y.label:
                            doc.relate("subsidiaryOf", m.label, y.label, s.index)
                    continue
                if x is None and b.group() == "作为" and text[at - 1 : at] == ",":
                    # A更名为B,作为Y全资子公司: the body the clause before ends with
                    x = next((m.label for m in reversed(sm) if m.end == at - 1 and fits(_type(doc, m))), None)
                if x is None:
                    clause = clause_start(text, s.start, at, _CLAUSE_MARKS)
                    x = bare_firm_before(doc, clause, at)
                    if x is None:
                        # 其中,X去年落户Y,由Z投资设立: the firm the sentence opens with
                        topic = topic_org(doc, sm, s, clause, at, others=("Person",))
                        x = topic.label if topic is not None else None
                if x is not None and x != y.label:
                    doc.relate("subsidiaryOf", x, y.label, s.index)


#: X(投资N,)在P设立 + Y有限公司: the firm X founds somewhere is its subsidiary
_FOUNDS_IN = re.compile(r"(?:将|拟|已|还|又)?(?:(?:投资|出资)[^,。;]{1,12}?,?)?在[^,。;在]{1,14}?(?:投资)?(?:设立|成立|注册成立|注册设立|组建|新设)(?:了)?(?:全资子公司)?")


def _founded_in(doc: Doc) -> None:
    """X投资3000万美元,在P设立Y有限公司 -> Y subsidiaryOf X (a firm founded by one firm alone)."""
    text = doc.text
    for s in doc.sentences:
        if "在" not in s.text:
            continue  # (_FOUNDS_IN holds 在, inside the sentence)
        sm = _sent_mentions(doc, s)
        for i, x in enumerate(sm):
            if _type(doc, x) != "Company":
                continue
            f = _FOUNDS_IN.match(text, x.end, s.end)
            if f is None or text[x.start - 1 : x.start] in ("与", "和", "同", "、"):
                continue  # (A与B在P设立C: a joint venture, the joint_ventures step's)
            y = next((m for m in sm[i + 1 :] if m.start == f.end()), None)
            if y is not None and _type(doc, y) == "Company" and y.label.endswith("有限公司") \
                    and doc.entity(y.label) is not doc.entity(x.label):
                doc.relate("subsidiaryOf", y.label, x.label, s.index)


def _sub_funds(doc: Doc) -> None:
    """母基金…设立X子基金: the sub-funds an article names are the one mother fund's (a fund ending in
    子基金, or one named in a sentence about the 子基金 after their mention)."""
    if "子基金" not in doc.text:
        return
    funds = [e for e in doc.entities.values() if e.type == "Fund" and e.mentions]
    mothers = [e for e in funds if e.label.endswith("母基金") and e.label != "母基金"] or [e for e in funds if not e.label.endswith("子基金")]
    main = doc.notes.get("main_event") or ""
    if len(mothers) > 1 and main:
        # the fund the article's event is named after (X基金揭牌暨项目签约仪式): the mother of the sub-funds
        named = [e for e in mothers if main.startswith(e.label) or any(main.startswith(a) for a in e.aliases if len(a) >= 4)]
        mothers = named if len(named) == 1 else mothers
    if len(mothers) != 1:
        return
    mother = mothers[0]
    text = doc.text
    for e in funds:
        if e is mother:
            continue
        m = e.mentions[0]
        s = doc.sentences[m.sentence]
        if e.label.endswith("子基金") or "子基金" in text[s.start : m.start]:
            doc.relate("subsidiaryOf", e.label, mother.label, m.sentence)

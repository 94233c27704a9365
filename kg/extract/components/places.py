"""Places: locatedIn and settledIn, from the verbs of each sentence (落户, 位于, 在P设立X, 引进).
The places names say are read in name_places.py, the sentence rules of sites.py and arrivals.py run
after these; the place tree's tests are in place_tree.py, the article's home for the parks and
projects no rule placed (and what keeps one out of it) in home_checks.py."""

from __future__ import annotations

import re

from kg.extract.components.arrivals import arrivals_listed, settled_by_event
from kg.extract.components.ceremony_sites import ceremony_sites
from kg.extract.components.clauses import (
    _is_org,
    _list_after,
    _subjects_before,
    _type,
)
from kg.extract.components.home_checks import _park_of_event, place_at_home  # noqa: F401 - _park_of_event re-exported (tests)
from kg.extract.components.name_places import places_in_names, projects_building_parks
from kg.extract.components.place_tree import counties_of_named_cities
from kg.extract.components.refs import (
    BARE_BODIES,
    bare_firm_before,
    bare_park_at,
    bare_parks_in,
    body_named_before,
    clause_start,
)
from kg.extract.components.refs import sent_mentions as _sent_mentions
from kg.extract.components.sites import (
    clause_topics,
    home_park_city,
    host_towns,
    listed_firms_settled,
    listed_projects_placed,
    settled_batches,
    settling_projects,
)
from kg.extract.components.topics import _BARE_FIRM, _SUBJECTLESS, topic_org
from kg.extract.components.visits import came_to_places, visited_places
from kg.extract.doc import Doc, Span, occurrences
from kg.extract.lexicon import lexicon
from kg.extract.registry import component
from kg.model import Sentence

# Patterns used per sentence (compiled once).
#: a speaker's lead before what they say of a firm: 县委书记X介绍,
_SAID_LEAD = re.compile("[^,。;]{2,20}?(?:介绍|表示|说|称|指出|透露),")


def _said_lead_end(text: str, start: int, end: int) -> int:
    """Where a sentence's subject opens after a speaker's lead (X介绍, + 该公司…), else ``start``."""
    m = _SAID_LEAD.match(text, start, end)
    return m.end() if m is not None else start


#: what neither settles nor sits anywhere by a verb of this sentence
_NEVER_SETTLING = frozenset({"Person", "Place", "Industry", "Event", "Initiative"})
#: an office of a body opening the clause of a verb of sitting (秘书处设在P): its founders do not move there
_UNIT_SUBJECT = re.compile("(?:其|联盟|联合体|协会|基金)?(?:秘书处|办公室|办事处|指挥部|联络处)(?:拟|将|已)?")
#: verbs of where a body sits (locatedIn), not of moving in (入驻, 落户: settledIn)
#: a sentence on the project just named, up to where it is sited: 该项目总投资N,(由X负责实施,)
_THE_PROJECT_THEN = re.compile("该?(?:项目|专案)(?:[^。;,]{0,30},){1,3}(?:项目|专案)?(?:将|拟|已)?")  # (专案: a Taiwan paper's word)
_SITS = re.compile("位于|坐落于|地处|隶属于|属于|属")
_SETTLE_VERB = re.compile("(?:落户|落脚|迁入|迁至|位于|坐落于|地处|入驻|进驻|扎根|落地|选址(?:于|在)?|落在|设在|建在|隶属于|属于|属(?=[^,。;]{2,12}范围))")
_AT = re.compile("在")
#: a bare body as a sentence's subject, then its verb (联络处 + 设在, 该研究院 + 位于)
_BODY_THEN = re.compile(f"该?(?:{BARE_BODIES})(?:已|将|正式)?")
#: a firm's branch between the firm and 落户: X + 东北区域总部 + 落户P (the branch settles, not the group)
_ITS_BRANCH = re.compile("[^,。;、]{0,4}?(?:区域总部|地区总部|分部|分公司|办事处)")
_CLAUSE_MARK = re.compile("[,;:。]")
_BUILD_VERB = re.compile("(?:打造|建设|投资|设立|建成)")
#: between a park or project and where it starts: X + (投资12亿元,)(当天)在 + P开工
_STARTS_AT = re.compile(r"(?:投资[\d.]+[万亿]?元,?)?(?:当天|当日|同日|同时|也|已|将|今天)?在")
#: what a park or project does where it is: 在P + 开工 (正式开工, 举行开工仪式)
_STARTED_HERE = re.compile("(?:正式|顺利|同步|集中|全面)?(?:开工|动工|开建|奠基|落地|开园|投产|竣工)")
_SUBSIDIARY_SET_UP = re.compile("(?:投资)?设立的(?:(?:全资|控股)?子公司|[^,。;的]{0,4}?(?:总部|分公司)|企业|公司)")
_BRING_IN = re.compile("(?:累计)?引进|(?<=新)入驻|(?<=已)入驻|(?<=年)入驻|入驻(?:的)?企业(?:包括|有|为)"
                       "|吸引(?:了)?(?=[^,。;]{2,60}?等[^,。;]{0,8}?企业(?:布局|落户|入驻))")  # 首批入驻企业包括A、B; 已吸引A、B等龙头企业布局

#: a bare park or its phases as a clause's subject: 该园区, 一期和二期均
_PARK_PARTS = re.compile("(?:(?:该|本|这个)?(?:产业园区|产业园|园区|基地)|[一二三四]期(?:工程|项目)?(?:和|及|、|与)?)+(?:均|都|也|将|已|目前|主要)*")
#: what stands before a place that opens a list item or a clause (;徐水区的X公司, ,位于…)
_ITEM_OPENERS = frozenset(";,:、\n")


@component("places")
def places(doc: Doc) -> None:
    text, lex = doc.text, lexicon()
    home = doc.notes.get("home")
    places_in_names(doc)  # names side by side, names that open with places, parks and towns in names
    # (the sentences are scanned for 在P设立X and PARK 引进 A、B below only when the text holds one of the
    # verbs their patterns, _SET_UP_IN and _BRING_IN, cannot match without: most articles hold none)
    set_up = "设立" in text or "成立" in text or "注册" in text or "组建" in text or "新设" in text
    bring_in = "引进" in text or "入驻" in text or "吸引" in text
    come_from = "来自" in text
    # 落户/位于 X 的 Y ; Y 落户/入驻 X ; 该中心落户 X
    for s in doc.sentences:
        sm = _sent_mentions(doc, s)
        for vm in _SETTLE_VERB.finditer(s.text):
            v_end = s.start + vm.end()
            v_start = s.start + vm.start()
            target = next((m for m in sm if m.start == v_end and _type(doc, m) in ("Place", "Park")), None)
            bare = bare_park_at(doc, v_end) if target is None else None
            if bare is not None:
                target = bare[0]
            elif target is None:
                if text.startswith("其中", v_end):
                    prev = [m for m in doc.mentions if m.end <= s.start and _type(doc, m) == "Park"]
                    target = prev[-1] if prev else None
                elif vm.group() in ("落户", "入驻") and re.match("[,。;]", text[v_end : v_end + 1] or "。"):
                    # 企业集中入驻 with no place: the park the sentence names before the firms, else home
                    target = ""
                else:
                    continue
            if _UNIT_SUBJECT.fullmatch(text, clause_start(text, s.start, v_start), v_start) \
                    and not (_BODY_THEN.fullmatch(text, s.start, v_start) and body_named_before(doc, s.start)):
                continue  # …等15家单位共同组建,秘书处设在P: the body's office sits there, not its founders
            subj: list[Span] = []
            if isinstance(target, Span) and text.startswith("的", target.end):
                nxt = next((m for m in sm if m.start == target.end + 1), None)
                if nxt is not None:
                    subj = [nxt]
            if not subj:
                # (places and sectors before the verb are no subject of it: 统筹集团在湖南、湖北的业务,入驻P)
                subj = [m for m in _subjects_before(doc, sm, v_start) if _type(doc, m) not in _NEVER_SETTLING]
                while subj and _type(doc, subj[0]) == "Project":
                    # A投资15亿元建设的X项目、B投资7亿元建设的Y项目落户P: each project of the clause, with its own investor
                    p = next((m for m in reversed(sm) if m.end < subj[0].start and _type(doc, m) == "Project" and text[m.end] == "、"
                              and not _CLAUSE_MARK.search(text, m.end, subj[0].start)), None)
                    if p is None:
                        break
                    subj.insert(0, p)
            if not subj and text[v_start - 1 : v_start] == "," and vm.group() in ("落户", "入驻", "进驻"):
                # …转投资的X有限公司,落户P: the firm that ends the clause before
                subj = [m for m in sm if m.end == v_start - 1 and _type(doc, m) == "Company"][-1:]
            if not subj and vm.group().startswith(("选址", "位于", "落户", "落地", "落脚")) and text.startswith(("该项目", "项目", "该专案"), s.start) \
                    and _THE_PROJECT_THEN.fullmatch(text, s.start, v_start):
                # …Y项目投资5亿元。该项目总投资36亿元,选址P: the project named last before
                # (项目总投资28亿元,由X负责实施,选址P: the bare word too)
                named = [m for m in doc.mentions if m.end <= s.start and _type(doc, m) == "Project"]
                subj = named[-1:] if named and s.start - named[-1].end <= 120 else []
            if not subj and vm.group().startswith(("选址", "位于", "落户", "落地")):
                # 建设X项目,选址Y: the project the clause before ends with
                last = max((m for m in sm if m.end <= v_start), key=lambda m: (m.end, m.length), default=None)
                if last is not None and _is_org(_type(doc, last)) and re.search("(?:由|为|是)$", text[max(s.start, last.start - 1) : last.start]):
                    # X项目…,由Y投资建设,选址Z: the project before the investor's clause
                    last = max((m for m in sm if m.end <= last.start), key=lambda m: (m.end, m.length), default=None)
                if last is not None and _type(doc, last) == "Project" and re.fullmatch("(?:[^。;]{0,40})?,(?:该?项目)?(?:将|拟|已|也)?", text[last.end : v_start]):
                    subj = [last]
                    # 选址重庆高新区金凤镇: the last place of a chain is where
                    while isinstance(target, Span):
                        nxt = _next_in_chain(doc, sm, target)
                        if nxt is None:
                            break
                        if _type(doc, target) == "Place" and _type(doc, nxt) == "Place":
                            doc.relate("locatedIn", last.label, target.label, s.index)  # 位于唐山市曹妃甸区: in both
                        target = nxt
            if not subj:
                # 陈永泰介绍,公司2019年入驻X: the firm a bare 公司 opening the clause stands for
                clause = clause_start(text, s.start, v_start)
                firm = bare_firm_before(doc, clause, v_start)
                if firm:
                    subj = [Span(clause, clause, "Company", firm, "anaphora")]
                elif (clause > s.start and _SUBJECTLESS.fullmatch(text, clause, v_start) or clause == s.start and _BODY_THEN.fullmatch(text, s.start, v_start)) \
                        and (body := body_named_before(doc, s.start)):
                    # X研究院揭牌。该研究院由A与B共建,落户P / 联络处设在P: the body the bare subject stands for
                    subj = [Span(s.start, s.start, doc.type_of(body) or "Organization", body, "anaphora")]
                elif (topic := topic_org(doc, sm, s, clause, v_start)) is not None:
                    # 凯博能源是一家…企业,去年落户X: a clause with no subject of its own is said of the
                    # firm the sentence opens with
                    subj = [topic]
                elif clause > s.start and _SUBJECTLESS.fullmatch(text, clause, v_start) \
                        and (bare := _BARE_FIRM.match(text, at := _said_lead_end(text, s.start, clause))) \
                        and (firm := bare_firm_before(doc, at, bare.end())):
                    # 该公司由Y投资设立,于2023年落户X (also after X介绍,): the firm the bare subject stands for
                    subj = [Span(at, at, "Company", firm, "anaphora")]
                elif _PARK_PARTS.fullmatch(text, clause, v_start):
                    # 以X产业园为例,该园区属Y范围,…,一期和二期均位于Z: the park the sentence names first
                    park = next((m for m in sm if m.end <= clause and _type(doc, m) == "Park"), None)
                    if park is None and clause == s.start:
                        park = _park_opening(doc, s)  # X产业园揭牌。该产业园位于P: the park named last, in the sentence before
                    subj = [park] if park is not None else []
                    while subj and isinstance(target, Span) and _type(doc, target) == "Place" \
                            and (nxt := _next_in_chain(doc, sm, target)) is not None:
                        target = nxt  # 位于鹤山市共和镇: the last place of the chain is where
            if vm.group() in ("落户", "落脚", "入驻", "进驻", "落地"):
                subj = [m for m in subj if not (_is_org(_type(doc, m)) and _ITS_BRANCH.fullmatch(text, m.end, v_start))]
            if target == "":
                first = min((x.start for x in subj), default=v_start)
                opening = _park_opening(doc, s)
                target = doc.entity(opening.label).label if opening is not None else _park_in_sentence(doc, s, first)
                if target is None:
                    # the park the sentence opens with in a bare form (新区围绕…, A、B等相继落户)
                    target = next((lab for at, lab in reversed(bare_parks_in(doc, s.start, first))), None)
            obj_label = target.label if isinstance(target, Span) else target or (home if vm.group() in ("落户", "入驻") else None)
            if obj_label is None:
                continue
            for x in subj:
                tx = _type(doc, x)
                if tx in _NEVER_SETTLING or x.label == obj_label:
                    continue
                moved_in = not _SITS.match(vm.group())  # 位于, 地处: where it sits, not where it moved in
                pred = "settledIn" if moved_in and _is_org(tx) and doc.type_of(obj_label) == "Park" else "locatedIn"
                doc.relate(pred, x.label, obj_label, s.index)
                if vm.group() == "设在" and _is_org(tx) and isinstance(target, Span) and _type(doc, target) == "Place" \
                        and (nxt := _next_in_chain(doc, sm, target)) is not None and _type(doc, nxt) == "Place":
                    doc.relate("locatedIn", x.label, nxt.label, s.index)  # 联络处设在深圳市福田区: in the district too
        # 在PARK设立X公司: X settles in the park
        for vm in _SET_UP_IN.finditer(s.text) if set_up else ():
            a, b = s.start + vm.start(1), s.start + vm.end(1)
            where = next((m for m in reversed(sm) if a <= m.start and m.end == b and _type(doc, m) in ("Park", "Place")), None)
            firm = next((m for m in sm if m.start == s.start + vm.end() and _is_org(_type(doc, m))), None)
            if where is not None and firm is not None:
                # a firm set up in a park settles there; a centre or institute set up there sits there
                pred = "settledIn" if _type(doc, where) == "Park" and _type(doc, firm) == "Company" else "locatedIn"
                doc.relate(pred, firm.label, where.label, s.index)
        # X 在 PLACE 打造/建设/投资
        for vm in _AT.finditer(s.text):
            at = s.start + vm.end()
            place = next((m for m in sm if m.start == at and _type(doc, m) == "Place"), None)
            if place is None or not _BUILD_VERB.match(text[place.end : place.end + 2]) or _SUBSIDIARY_SET_UP.match(text, place.end) \
                    or text.startswith("设立", place.end) and any(m.start == place.end + 2 and _is_org(_type(doc, m)) for m in sm):
                continue  # (X是Y在P设立的全资子公司, X在P设立Z有限公司: Z, not its owner, is in P)
            before = [m for m in sm if m.end <= s.start + vm.start() and _is_org(_type(doc, m))]
            if before and s.start + vm.start() - before[-1].end <= 2:
                doc.relate("locatedIn", before[-1].label, place.label, s.index)
        # 德国企业X, 日本企业X: a foreign firm named after its country's word for its kind
        # (each of the four loops below needs a word of its rule inside the sentence: 企业/公司, 来自
        # (read from two characters before it), 在, 的; a sentence without it is skipped)
        for a, b in zip(sm, sm[1:]) if "企业" in s.text or "公司" in s.text else ():
            if text[a.end : b.start] in ("企业", "公司", "知名企业", "龙头企业") and _type(doc, a) == "Place" and _is_org(_type(doc, b)) \
                    and (p := lex.place(a.label)) is not None and p.level == "country" and a.label != "中国":
                doc.relate("locatedIn", b.label, a.label, s.index)
        # 来自香港的X有限公司: a firm said to come from a place
        for a, b in zip(sm, sm[1:]) if come_from and text.find("来自", max(0, s.start - 2), s.end) >= 0 else ():
            if b.start == a.end + 1 and text[a.end] == "的" and text.endswith("来自", 0, a.start) and _type(doc, a) == "Place" \
                    and _is_org(_type(doc, b)) and not doc.has_relation("locatedIn", b.label):
                doc.relate("locatedIn", b.label, a.label, s.index)
        # X产业园在P开工, X项目在P奠基: a park or project started where the text says (_STARTS_AT ends with 在)
        for a, b in zip(sm, sm[1:]) if "在" in s.text else ():
            if b.start > a.end and text[b.start - 1] == "在" and _STARTS_AT.fullmatch(text, a.end, b.start) and _type(doc, a) in ("Park", "Project") and _type(doc, b) in ("Park", "Place") \
                    and _STARTED_HERE.match(text, b.end) and not doc.has_relation("locatedIn", a.label):
                doc.relate("locatedIn", a.label, b.label, s.index)
        # 徐水区的X有限公司, 保定高新区的X有限公司: a firm named with the place or park it is in
        for a, b in zip(sm, sm[1:]) if "的" in s.text else ():
            if b.start == a.end + 1 and text[a.end] == "的" and _type(doc, b) == "Company" and _type(doc, a) in ("Place", "Park") \
                    and b.label.endswith(("有限公司", "有限责任公司")) and (a.start == s.start or text[a.start - 1] in _ITEM_OPENERS):
                doc.relate("locatedIn", b.label, a.label, s.index)
        # PARK 引进 A、B 等
        for vm in _BRING_IN.finditer(s.text) if bring_in else ():
            v_start, v_end = s.start + vm.start(), s.start + vm.end()
            park = [(m.start, m.label) for m in sm if m.end <= v_start and _type(doc, m) == "Park"]
            park += bare_parks_in(doc, s.start, v_start)
            if not park:
                continue
            park_label = max(park)[1]
            for x in _list_after(doc, sm, v_end):
                if _is_org(_type(doc, x)):
                    doc.relate("settledIn", x.label, park_label, s.index)
    arrivals_listed(doc)
    settled_by_event(doc)
    home_park_city(doc)
    ceremony_sites(doc)
    clause_topics(doc)
    visited_places(doc)
    came_to_places(doc)
    listed_projects_placed(doc)
    settling_projects(doc)
    settled_batches(doc)
    listed_firms_settled(doc)
    host_towns(doc, home)
    counties_of_named_cities(doc)
    projects_building_parks(doc)  # (X产业园项目 of X产业园区)
    parks_inside_parks(doc)
    # the article's home for its parks and projects
    if home:
        place_at_home(doc, home)


#: how a zone that holds parks of its own is named (高新区, 经济技术开发区)
_ZONE_ENDS = ("高新区", "开发区", "经开区", "新区", "综合保税区", "自贸区", "试验区", "示范区")


def parks_inside_parks(doc: Doc) -> None:
    """入驻沿海经济区内的X创新中心: a park written after 内的 lies in the park before it, and what settles
    in the outer park there settles in the inner one."""
    text = doc.text
    for i, q in enumerate(doc.mentions):
        if not i or q.start < 2 or text[q.start - 1] != "的" or _type(doc, q) != "Park":
            continue
        inside = text[q.start - 2 : q.start] == "内的"
        gap = 2 if inside else 1
        p = next((m for m in reversed(doc.mentions[:i]) if m.end == q.start - gap and _type(doc, m) == "Park"), None)
        if p is None or p.label == q.label or not inside and not p.label.endswith(_ZONE_ENDS):
            continue  # (到永川高新区的凤凰湖产业园和Y产业园: a zone's parks, written after it with 的)
        if not inside and (j := i + 1) < len(doc.mentions) and text[q.end : doc.mentions[j].start] in ("和", "及", "、", "与") \
                and _type(doc, doc.mentions[j]) == "Park" and not doc.has_relation("locatedIn", doc.mentions[j].label):
            doc.relate("locatedIn", doc.mentions[j].label, p.label, doc.sentence_at(q.start))
        # (the park it is written inside, over the city its name opens with: 瓦房店轴承产业创新中心 in the zone)
        doc.relations[:] = [r for r in doc.relations
                            if not (r.predicate == "locatedIn" and r.subject == q.label and doc.type_of(str(r.object)) == "Place")]
        if not doc.has_relation("locatedIn", q.label):
            doc.relate("locatedIn", q.label, p.label, doc.sentence_at(q.start))
        if inside and _SETTLE_VERB.search(text, max(0, p.start - 3), p.start) is not None:
            for r in [r for r in doc.relations if r.predicate == "settledIn" and r.object == p.label]:
                doc.relate("settledIn", r.subject, q.label, r.sentence)


def _next_in_chain(doc: Doc, sm: list[Span], at: Span) -> Span | None:
    """The place or park written right after ``at`` (重庆高新区 + 金凤镇): the next link of a chain of places."""
    return next((m for m in sm if m.start == at.end and _type(doc, m) in ("Place", "Park")), None)


def _park_opening(doc: Doc, s: Sentence) -> Span | None:
    """X产业园揭牌。该产业园位于P / 该产业园…,A等首批5家企业入驻: the park the sentence opens with
    by 该, named last in the sentence before (its mention there)."""
    if not _THE_PARK.match(doc.text, s.start):
        return None
    before = [m for m in doc.mentions if m.end <= s.start and _type(doc, m) == "Park"]
    return before[-1] if before and s.start - before[-1].end <= 40 else None


#: a sentence opening with its park, by 该: 该产业园, 该园区
_THE_PARK = re.compile("(?:该|这个)(?:产业园区|产业园|园区|基地)")


def _park_in_sentence(doc: Doc, s: Sentence, pos: int) -> str | None:
    """The park a sentence names before ``pos``, also inside a longer name (an event named
    after the park); the innermost (longest label inside the others) when there are several."""
    head = doc.text[s.start : pos]

    def named(n: str) -> bool:
        # named as the place, not as an item of the list of what settles (A、B园区等)
        if n not in head:
            return False  # (no occurrence for the scan below: no pattern built)
        return any(head[i - 1 : i] != "、" and head[i + len(n) : i + len(n) + 1] not in ("、", "等")
                   for i in occurrences(head, n))

    found = [e.label for e in doc.entities.values() if e.type == "Park" and any(named(n) for n in {e.label, *e.aliases} if len(n) >= 3)]
    found = [l for l in found if not any(l != o and l in o for o in found)]
    if not found:
        return None
    # the most specific: the park whose name comes last in the text, longest at equal place
    return max(found, key=lambda l: (head.rfind(l), len(l)))


#: 在P设立X: where a firm is set up
_SET_UP_IN = re.compile(r"在([^,。;在]{2,20}?)(?:注册)?(?:设立|成立|注册|组建|新设)(?:了)?(?:(?:全资|控股|独资)?子公司)?")



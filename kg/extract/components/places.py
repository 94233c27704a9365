"""Places: locatedIn and settledIn. The place tree's tests are in place_tree.py, what keeps a park or
project out of the article's home in home_checks.py."""

from __future__ import annotations

import re

from kg.extract.components.arrivals import arrivals_listed, settled_by_event
from kg.extract.components.clauses import (
    _is_org,
    _list_after,
    _subjects_before,
    _type,
)
from kg.extract.components.home_checks import _foreign, _generic_project, _named_for_wider
from kg.extract.components.place_tree import _is_parent, counties_of_named_cities
from kg.extract.components.refs import (
    bare_firm_before,
    bare_park_at,
    bare_parks_in,
    clause_start,
    resolve_park,
)
from kg.extract.components.refs import sent_mentions as _sent_mentions
from kg.extract.components.sites import (
    _PHASE_END,
    _TOWN,
    came_to_places,
    ceremony_sites,
    clause_topics,
    home_park_city,
    host_towns,
    listed_projects_placed,
    settled_batches,
    settling_projects,
    visited_places,
)
from kg.extract.components.topics import _BARE_FIRM, _SUBJECTLESS, topic_org
from kg.extract.doc import Doc, Span
from kg.extract.lexicon import lexicon, place_scanner
from kg.extract.registry import component
from kg.model import Entity, Sentence

# Patterns used per sentence (compiled once).
#: verbs of where a body sits (locatedIn), not of moving in (入驻, 落户: settledIn)
_SITS = re.compile("位于|坐落于|地处|隶属于|属于|属")
_SETTLE_VERB = re.compile("(?:落户|迁入|迁至|位于|坐落于|地处|入驻|进驻|扎根|落地|选址(?:于|在)?|落在|设在|建在|隶属于|属于|属(?=[^,。;]{2,12}范围))")
_AT = re.compile("在")
#: a phase ending a project's name (X产业园一期)
_PHASE_TAIL = re.compile("[一二三四五六七八九]期$")
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


#: what stands before a place that opens a list item or a clause (;徐水区的X公司, ,位于…)
_ITEM_OPENERS = frozenset(";,:、\n")


@component("places")
def places(doc: Doc) -> None:
    text, lex = doc.text, lexicon()
    home = doc.notes.get("home")
    # adjacent places: 美国拉斯维加斯, 深圳龙岗, 苏州昆山市
    ms = doc.mentions
    for a, b in zip(ms, ms[1:]):
        if a.end != b.start:
            continue  # (every rule of the loop reads two names written one right after the other)
        ta, tb = _type(doc, a), _type(doc, b)  # (the loop changes no entity)
        if ta == "Place" and tb == "Place":
            if _is_parent(a.label, b.label) or (_TOWN.search(b.label) and lex.place(b.label) is None and not _TOWN.search(a.label)):
                # (钟祥市 + 胡集镇: a town the table does not know lies in the place written before it)
                doc.relate("locatedIn", b.label, a.label, doc.sentence_at(a.start))
        elif ta == "Place" and tb == "GovernmentBody":
            # 湖北省 + 黄冈市委: the city of the organ lies in the province written before it
            k = place_scanner().match_end(b.label, 0, min(6, len(b.label) - 1))
            city = lex.place_label(b.label[:k]) if k >= 2 else None
            if city and city != a.label and _is_parent(a.label, city) and doc.entity(city) is not None:
                doc.relate("locatedIn", city, a.label, doc.sentence_at(a.start))
        elif ta == "Park" and tb == "Project":
            # 岚源工业园区 + 年产15万吨多晶硅扩能项目: the project written right after the park it is in
            doc.relate("locatedIn", b.label, a.label, doc.sentence_at(a.start))
        elif ta == "Park" and tb == "Place" and _TOWN.search(b.label):
            # a town or street inside a zone: 南太湖新区康山街道
            doc.relate("locatedIn", b.label, a.label, doc.sentence_at(a.start))
        elif ta == "Place" and tb == "Park" and _TOWN.search(a.label):
            # a park written after the town it lies in: 梅岭镇 + 星河数字产业园区
            doc.relate("locatedIn", b.label, a.label, doc.sentence_at(a.start))
    # names that open with places: 深圳龙岗天安云谷… -> in 龙岗, 龙岗 in 深圳
    scanner = place_scanner()
    for e in list(doc.entities.values()):
        if e.type not in ("Park",) and not _is_org(e.type) or e.type == "GovernmentBody":
            continue  # (北京市大兴区人民政府 is the district's government, not a body in it; nor is 人民政府 its short name)
        if len(e.label) < 8:
            continue  # (two places of two characters or more, then four left: nothing shorter is read below)
        heads, rest = [], e.label
        while True:
            # the longest place of two to six characters opening the rest, leaving two (a set lookup per length)
            k = scanner.match_end(rest, 0, min(6, len(rest) - 2))
            p = rest[:k] if k >= 2 else None
            if not p or (heads and not _is_parent(lex.place_label(heads[-1]), lex.place_label(p))):
                break  # 天津滨海…: 滨海 is not a county of 天津 (滨海县 lies in 盐城), so it names no place here
            heads.append(p)
            rest = rest[len(p):]
        if len(heads) >= 2 and len(rest) >= 4:
            labels = [lex.place_label(h) for h in heads]
            for h, lab in zip(heads, labels):
                doc.ensure_entity("Place", lab)
            sent = e.mentions[0].sentence if e.mentions else 0
            doc.relate("locatedIn", e.label, labels[-1], sent)
            for x, y in zip(labels, labels[1:]):
                if _is_parent(x, y):
                    doc.relate("locatedIn", y, x, sent)
            e.aliases.add(rest)
    # the parks, projects and places, listed once for the four rules below (which add no entity and change no type)
    parks, projects, places_ = _by_type(doc)
    # a project named with the park it is in: 道县经济开发区标准化厂房三期项目 -> in 道县经济开发区
    park_names = sorted(((n, e.label) for e in parks for n in (e.label, *e.aliases) if len(n) >= 4), key=lambda x: -len(x[0]))
    for e in projects if park_names else ():
        if not doc.has_relation("locatedIn", e.label):
            park = next((lab for n, lab in park_names if e.label.startswith(n) and len(e.label) - len(n) >= 6), None)
            if park is not None and not _PHASE_TAIL.sub("", e.label.removesuffix("项目")).endswith(("园", "园区", "基地", "中心", "城", "港", "谷")):
                # (X新区冰雪装备产业园项目: a park of its own)
                doc.relate("locatedIn", e.label, park, e.mentions[0].sentence if e.mentions else 0)
    # a park named with the town it is in: 梅岭镇星河数字产业园区 -> in 梅岭镇, alias 星河数字产业园区
    towns = sorted((e.label for e in places_ if _TOWN.search(e.label)), key=len, reverse=True)
    for e in parks if towns else ():
        if doc.has_relation("locatedIn", e.label):
            continue
        t = next((t for t in towns if e.label.startswith(t) and len(e.label) - len(t) >= 4), None)
        if t is not None:
            doc.relate("locatedIn", e.label, t, e.mentions[0].sentence if e.mentions else 0)
            e.aliases.add(e.label[len(t):])
    # a park inside a park: 苏州高新区狮山商务创新区
    for inner in parks if len(parks) > 1 else ():
        for outer in parks:
            if inner is outer:
                continue
            # by the outer park's name or a short form of it (成都高新区西部园区 in 成都高新技术产业开发区): the longest
            # (the first of the longest, as max's; in a loop, without max's call per pair)
            name = None
            for n in (outer.label, *outer.aliases):
                if (name is None or len(n) > len(name)) and inner.label.startswith(n):
                    name = n
            if name and len(inner.label) - len(name) >= 3 \
                    and inner.label[len(name)] not in "-—–·":  # A-B: a joint body of two, not a part of A
                doc.relate("locatedIn", inner.label, outer.label, inner.mentions[0].sentence if inner.mentions else 0)
                inner.aliases.add(inner.label[len(name):])
                break

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
            subj: list[Span] = []
            if isinstance(target, Span) and text.startswith("的", target.end):
                nxt = next((m for m in sm if m.start == target.end + 1), None)
                if nxt is not None:
                    subj = [nxt]
            if not subj:
                subj = _subjects_before(doc, sm, v_start)
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
            if not subj and vm.group().startswith(("选址", "位于", "落户", "落地")) and text.startswith("该项目", s.start) \
                    and re.fullmatch("该项目[^。;]{0,30},(?:项目)?", text[s.start : v_start]):
                # …Y项目投资5亿元。该项目总投资36亿元,选址P: the project named last before
                named = [m for m in doc.mentions if m.end <= s.start and _type(doc, m) == "Project"]
                subj = named[-1:] if named and s.start - named[-1].end <= 120 else []
            if not subj and vm.group().startswith(("选址", "位于", "落户", "落地")):
                # 建设X项目,选址Y: the project the clause before ends with
                last = max((m for m in sm if m.end <= v_start), key=lambda m: (m.end, m.length), default=None)
                if last is not None and _is_org(_type(doc, last)) and re.search("(?:由|为|是)$", text[max(s.start, last.start - 1) : last.start]):
                    # X项目…,由Y投资建设,选址Z: the project before the investor's clause
                    last = max((m for m in sm if m.end <= last.start), key=lambda m: (m.end, m.length), default=None)
                if last is not None and _type(doc, last) == "Project" and re.fullmatch("(?:[^。;]{0,40})?,(?:项目)?", text[last.end : v_start]):
                    subj = [last]
                    # 选址重庆高新区金凤镇: the last place of a chain is where
                    while isinstance(target, Span):
                        nxt = next((m for m in sm if m.start == target.end and _type(doc, m) in ("Place", "Park")), None)
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
                elif (topic := topic_org(doc, sm, s, clause, v_start)) is not None:
                    # 凯博能源是一家…企业,去年落户X: a clause with no subject of its own is said of the
                    # firm the sentence opens with
                    subj = [topic]
                elif clause > s.start and _SUBJECTLESS.fullmatch(text, clause, v_start) and (bare := _BARE_FIRM.match(text, s.start)) \
                        and (firm := bare_firm_before(doc, s.start, bare.end())):
                    # 该公司由Y投资设立,于2023年落户X: the firm the sentence's bare subject stands for
                    subj = [Span(s.start, s.start, "Company", firm, "anaphora")]
                elif _PARK_PARTS.fullmatch(text, clause, v_start):
                    # 以X产业园为例,该园区属Y范围,…,一期和二期均位于Z: the park the sentence names first
                    park = next((m for m in sm if m.end <= clause and _type(doc, m) == "Park"), None)
                    subj = [park] if park is not None else []
            if vm.group() in ("落户", "入驻", "进驻", "落地"):
                subj = [m for m in subj if not (_is_org(_type(doc, m)) and _ITS_BRANCH.fullmatch(text, m.end, v_start))]
            if target == "":
                first = min((x.start for x in subj), default=v_start)
                target = _park_in_sentence(doc, s, first)
                if target is None:
                    # the park the sentence opens with in a bare form (新区围绕…, A、B等相继落户)
                    target = next((lab for at, lab in reversed(bare_parks_in(doc, s.start, first))), None)
            obj_label = target.label if isinstance(target, Span) else target or (home if vm.group() in ("落户", "入驻") else None)
            if obj_label is None:
                continue
            for x in subj:
                tx = _type(doc, x)
                if tx in ("Person", "Place", "Industry", "Event", "Initiative") or x.label == obj_label:
                    continue
                moved_in = not _SITS.match(vm.group())  # 位于, 地处: where it sits, not where it moved in
                pred = "settledIn" if moved_in and _is_org(tx) and doc.type_of(obj_label) == "Park" else "locatedIn"
                doc.relate(pred, x.label, obj_label, s.index)
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
    host_towns(doc, home)
    parks_named_after_cities(doc)
    counties_of_named_cities(doc)
    # a project that builds a park the text names (X产业园项目 of X产业园区), placed nowhere else, is in that park
    parks_by_name = {n: e.label for e in doc.entities.values() if e.type == "Park" for n in sorted({e.label, *e.aliases})}
    for e in list(doc.entities.values()):
        if e.type != "Project" or not e.label.endswith("项目") or doc.has_relation("locatedIn", e.label):
            continue
        stem = _PHASE_END.sub("", e.label[:-2])  # X产业园二期项目: a phase of the park X产业园
        park = parks_by_name.get(stem) or parks_by_name.get(stem + "区")
        if park and len(stem) >= 4:
            doc.relate("locatedIn", e.label, park, e.mentions[0].sentence if e.mentions else 0)
    # the article's home for its parks and projects
    if home:
        signed = [r for r in doc.relations if r.predicate == "signedAt"]  # (the loop below adds locatedIn facts only)
        for e in list(doc.entities.values()):
            if e.type not in ("Park", "Project") or e.label == home or doc.has_relation("locatedIn", e.label):
                continue
            if not e.mentions or (e.type == "Park" and e.label.startswith(home)):
                continue
            if e.type == "Park" and doc.type_of(home) == "Park" and e.label[:3] == home[:3]:
                continue  # the home park's long form (常熟高新技术产业开发区 of 常熟高新区), or a part the name places
            ev_loc = None
            for r in signed:
                if r.subject != e.label:
                    continue
                # started where the works start (开工, 奠基); a signing may be held anywhere in the city
                started = _STARTED.search(str(r.object)) or any(_STARTED.search(_PLANNED_START.sub("", doc.sentences[m.sentence].text))
                                                                for m in e.mentions)  # (计划明年4月开工: not started there)
                if started:
                    ev_loc = next((q.object for q in doc.relations if q.predicate == "location" and q.subject == r.object), None)
                    ev_loc = ev_loc or _park_of_event(doc, str(r.object))
            if ev_loc:
                doc.relate("locatedIn", e.label, ev_loc, e.mentions[0].sentence)
                continue
            if e.type == "Project":
                # 示范区重大产业项目集中开工…,其中包括X项目: the park the sentence names for it
                first = e.mentions[0]
                s = doc.sentences[first.sentence]
                bare = bare_parks_in(doc, s.start, first.start)
                if bare and not any(_type(doc, m) == "Place" for m in _sent_mentions(doc, s) if m.end <= first.start):
                    doc.relate("locatedIn", e.label, bare[-1][1], first.sentence)
                    continue
            if _foreign(doc, e, home) or _named_for_wider(e.label, home):
                continue
            if e.type == "Park" and all(_GOAL.search(text, max(doc.sentences[m.sentence].start, m.start - 16), m.start) for m in e.mentions):
                continue  # only ever a goal (打造…示范区, 建成…基地), not a park the text places
            if e.type == "Project" and _generic_project(e.label) and not doc.has_relation("investor", e.label):
                continue  # a generic project name (二期项目, 示范区项目) says nothing of where it is
            if e.type == "Project" and not doc.has_relation("signedAt", e.label) \
                    and not any(_LANDED.search(doc.sentences[m.sentence].text) for m in e.mentions):
                continue  # a project only visited or recalled (了解X项目进展): the text does not place it
            doc.relate("locatedIn", e.label, home, e.mentions[0].sentence)


def _by_type(doc: Doc) -> tuple[list[Entity], list[Entity], list[Entity]]:
    """The parks, the projects and the places, in the entities' order (one pass over them)."""
    parks: list[Entity] = []
    projects: list[Entity] = []
    places_: list[Entity] = []
    for e in doc.entities.values():
        t = e.type
        if t == "Park":
            parks.append(e)
        elif t == "Project":
            projects.append(e)
        elif t == "Place":
            places_.append(e)
    return parks, projects, places_


#: what makes a project one the home place gained: signed, settled or started there
_LANDED = re.compile("签约|签下|落户|落地|开工|投产|奠基|竣工|引进|此次|本次")
_STARTED = re.compile("开工|奠基|开园|竣工|投产|启动")
#: a start still to come: 计划明年4月开工, 预计2027年投产
_PLANNED_START = re.compile("(?:计划|预计|拟|将于|力争|争取)[^,。;]{0,10}?(?:开工|奠基|开园|竣工|投产|启动)")
#: a bare park or its phases as a clause's subject: 该园区, 一期和二期均
_PARK_PARTS = re.compile("(?:(?:该|本|这个)?(?:产业园区|产业园|园区|基地)|[一二三四]期(?:工程|项目)?(?:和|及|、|与)?)+(?:均|都|也|将|已|目前|主要)*")
_GOAL = re.compile("(?:打造|建成|建设成为|成为|争创|迈向|加速迈向)[^,。;]*$")


def _park_of_event(doc: Doc, label: str) -> str | None:
    """The park an event's name opens with (杭州临空经济示范区重大产业项目集中开工仪式, or its bare
    示范区… resolved against the parks named before the event)."""
    park = max((e.label for e in doc.entities.values() if e.type == "Park" and len(e.label) >= 4 and label.startswith(e.label)),
               key=len, default=None)
    if park:
        return park
    ev = doc.entity(label)
    if ev is None or not ev.mentions:
        return None
    m = re.match("(?:产业园区|产业园|园区|新区|示范区|开发区|高新区|经开区|保税区|合作区|片区)", label)
    return resolve_park(doc, m.group(), ev.mentions[0].start) if m else None


def _park_in_sentence(doc: Doc, s: Sentence, pos: int) -> str | None:
    """The park a sentence names before ``pos``, also inside a longer name (an event named
    after the park); the innermost (longest label inside the others) when there are several."""
    head = doc.text[s.start : pos]

    def named(n: str) -> bool:
        # named as the place, not as an item of the list of what settles (A、B园区等)
        if n not in head:
            return False  # (no occurrence for the scan below: no pattern built)
        return any(head[i - 1 : i] != "、" and head[i + len(n) : i + len(n) + 1] not in ("、", "等")
                   for i in (m.start() for m in re.finditer(re.escape(n), head)))

    found = [e.label for e in doc.entities.values() if e.type == "Park" and any(named(n) for n in {e.label, *e.aliases} if len(n) >= 3)]
    found = [l for l in found if not any(l != o and l in o for o in found)]
    if not found:
        return None
    # the most specific: the park whose name comes last in the text, longest at equal place
    return max(found, key=lambda l: (head.rfind(l), len(l)))


def parks_named_after_cities(doc: Doc) -> None:
    """A park placed nowhere else is in the city or county it is named after, when the text
    names that place on its own too (南昌高新区 in 南昌)."""
    cities = sorted((e.label for e in doc.entities.values() if e.type == "Place" and e.mentions and not _TOWN.search(e.label)),
                    key=len, reverse=True)
    for e in list(doc.entities.values()) if cities else ():
        if e.type != "Park" or doc.has_relation("locatedIn", e.label):
            continue
        c = next((c for c in cities if e.label.startswith(c) or any(a.startswith(c) for a in e.aliases)), None)
        if c is not None:
            doc.relate("locatedIn", e.label, c, e.mentions[0].sentence if e.mentions else 0)


#: 在P设立X: where a firm is set up
_SET_UP_IN = re.compile(r"在([^,。;在]{2,20}?)(?:注册)?(?:设立|成立|注册|组建|新设)(?:了)?(?:(?:全资|控股|独资)?子公司)?")



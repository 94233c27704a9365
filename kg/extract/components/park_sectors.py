"""A park's own sectors and a programme's, said in the ways articles say them: PARK的X产业链,
PARK已集聚X相关企业N家, X是新区的立身之本, 科学城将聚焦A、B, a programme spelled out after a
colon; and the park a sentence or a clause is about (named or by a bare word)."""

from __future__ import annotations

import re

from kg.extract.components.clauses import _type
from kg.extract.components.refs import bare_park_at, clause_start
from kg.extract.doc import Doc, Span
from kg.model import Sentence

#: What may stand between a subject and its verb (公司主要从事, 清陶能源将持续围绕).
_ADVERBS = re.compile(r"(?:(?:19|20)\d{2}年(?:\d{1,2}月)?|主要|持续|一直|长期|始终|将|正|重点|也|还|已|已经|目前|现已|并|专门|率先|不断|积极|全面|进一步|则|要|应|应当|必须|需要|更要)*")


def _park_topic(doc: Doc, s: Sentence, sm: list[Span]) -> str | None:
    """The park a sentence opens with, by name or bare (园区…, 新侨园…)."""
    text = doc.text
    lead = re.match(r"(?:目前|同时|此外|其中|据介绍|据悉|据了解|近年来|未来|下一步)?,?", text[s.start : s.end]).end() + s.start
    first = next((m for m in sm if m.start == lead), None)
    if first is not None:
        return first.label if _type(doc, first) == "Park" else None
    bare = bare_park_at(doc, lead)
    return bare[0] if bare else None


def _park_subject(doc: Doc, sm: list[Span], s: Sentence, v_start: int) -> str | None:
    """A park right before a verb, by name or bare (产业园将聚焦…)."""
    text = doc.text
    clause = clause_start(text, s.start, v_start)
    m = next((m for m in reversed(sm) if clause <= m.start and m.end <= v_start), None)
    if m is not None:
        ok = _type(doc, m) == "Park" and _ADVERBS.fullmatch(text[m.end : v_start])
        return m.label if ok else None
    home = _home_park(doc)
    for k in range(2, 5) if home is not None else ():
        # 下一步,洋浦 + 将围绕…: the first words of the article's park's name, as the clause's subject, stand for it
        if home[0].startswith(text[clause : clause + k]) and clause + k <= v_start and _ADVERBS.fullmatch(text[clause + k : v_start]):
            return home[0]
    for b in re.finditer("(?:该|本)?(?:产业园区|产业园|园区|新区|示范区|开发区|高新区|科学城|科技城|科创城)", text[clause:v_start]):
        at = clause + b.start()
        bare = bare_park_at(doc, at)
        if bare and _ADVERBS.fullmatch(text[bare[1] : v_start]):
            return bare[0]
    return None


#: what a park's sector is said to be or have: 两江新区的汽车产业链, 已集聚氢能相关企业23家, 打造…汽车产业集群
#: INDUSTRY(产业)是PARK的主导产业: the park's own sector (the park by name or a bare word)
_IS_PARKS = re.compile("(?:产业)?(?:是|为|已成为)([^,。;的]{2,16}?)的(?:主导产业|支柱产业|首位产业|立身之本|特色产业|优势产业|核心产业|第一产业|重点产业)")
#: a bare park word right before a sector: 园区电子信息产业链
_BARE_BEFORE = re.compile("(?:该|本)?(?:产业园区|产业园|园区|新区|开发区|高新区|科学城)的?$")
#: what follows a park's run of sectors: 两大产业加快集聚, 产业产值突破…, 产业快速发展
_RUN_TAIL = re.compile(r"(?:[两二三四五六七八九十]大)?(?:产业|行业)?(?:产值|规模|集群|链|加快集聚|集聚发展|快速发展|蓬勃发展|加速发展|发展迅速|不断壮大)")
_SECTOR_TAIL = re.compile(r"(?:产业)?(?:链|集群|生态|产值|规模|主导产业)")
_GATHERED = re.compile(r"(?:已|已经|现已|共|累计)?(?:集聚|聚集|汇聚|吸引|引进|拥有|落户)(?:了)?(?:\d+家|[一二三四五六七八九十百千]+家|一批)?$")
_BUILD_CLUSTER = re.compile(r"(?:加快|全力|着力|致力于|聚力)?(?:打造|建设|培育|壮大)(?:[^,。;]{0,8}?(?:级|一流|千亿|万亿|百亿)(?:的)?)?$")


#: what joins two sectors of a run (``re.fullmatch("、|和|及|与", …)``, as a set lookup)
_JOINERS = frozenset(("、", "和", "及", "与"))
_CLAUSE_MARK = re.compile("[,;:]")
_GATHERED_WHAT = re.compile("(?:相关|领域|上下游|产业链)?(?:企业|项目)")
_CLUSTER_WORD = re.compile("(?:产业)?集群")
_LEADING = re.compile("(?:产业)?(?:主导|支柱|首位)产业")


#: what a park opening a clause does with its sectors: 以A和B为特色, 以A为主导产业, 重点发展A
#: what may open a clause before its first name: 其中, 另外, 此外
_CLAUSE_OPENING = re.compile(r"(?:其中|另外|此外)?,?")
_CLAUSE_SECTOR_VERB = re.compile(r"(?:以(?=[^,。;]{2,30}?为(?:主导|特色|核心|主攻|重点|支柱|首位))|(?:重点|主要|着力)?(?:发展|打造|培育|聚焦|主攻))")


def _clause_parks(doc: Doc, s: Sentence, sm: list[Span]) -> None:
    """In a sentence that goes through parks clause by clause (其中,A园区以X为主导产业,B园区以Y和Z为
    特色,C园区重点发展W), each park's sectors are those of its own clause."""
    text = doc.text
    for i, p in enumerate(sm):
        if _type(doc, p) != "Park" or not _CLAUSE_SECTOR_VERB.match(text, p.end):
            continue
        if not _CLAUSE_OPENING.fullmatch(text, clause_start(text, s.start, p.start), p.start):
            continue  # not the first name of its clause
        stop = _CLAUSE_MARK.search(text, p.end, s.end)
        end = stop.start() if stop else s.end
        for m in sm[i + 1 :]:
            if m.start >= end:
                break
            if _type(doc, m) == "Industry":
                doc.relate("inIndustry", p.label, m.label, s.index)


#: a park a plan rests on, then its sectors: 依托P,重点发展A和B; 以P为主要承载区,重点发展A、B
_RESTS_ON = re.compile(r"(?:为(?:主要|核心)?(?:承载区|载体|主阵地|核心区|主平台|平台))?,(?:将|要)?(?:重点|主要|着力|大力)?(?:发展|培育|壮大|聚焦)")


def _hosted_sectors(doc: Doc, s: Sentence, sm: list[Span]) -> None:
    """依托广饶经济开发区,重点发展A和B: the sectors the clause after a park a plan rests on names are the park's."""
    text = doc.text
    for i, p in enumerate(sm):
        if _type(doc, p) != "Park" or not (text.endswith("依托", 0, p.start) or text[p.start - 1 : p.start] == "以"):
            continue
        rest = _RESTS_ON.match(text, p.end, s.end)
        if rest is None:
            continue
        stop = _CLAUSE_MARK.search(text, rest.end(), s.end)
        end = stop.start() if stop else s.end
        for m in sm[i + 1 :]:
            if m.start >= end:
                break
            if m.start >= rest.end() and _type(doc, m) == "Industry":
                doc.relate("inIndustry", p.label, m.label, s.index)


def _park_sectors(doc: Doc, s: Sentence, sm: list[Span]) -> None:
    """A park's own sectors: PARK的INDUSTRY产业链, PARK已集聚INDUSTRY相关企业N家, and PARK…打造
    INDUSTRY产业集群 (the park the clause is about, named or bare)."""
    ty = [_type(doc, m) for m in sm]  # read once: nothing below changes an entity's type
    if "Industry" not in ty:
        return  # (every rule here and in _clause_parks gives a park a sector the sentence names)
    if "Park" in ty:
        _clause_parks(doc, s, sm)  # (its rule starts at a park of the sentence)
        _hosted_sectors(doc, s, sm)
    text = doc.text
    # PARK(的)A、B(两大)产业产值…/加快集聚/快速发展, and a clause of the park's sentence with no
    # subject of its own: 洋浦经济开发区…,A、B两大产业加快集聚
    topic = None
    for i, m in enumerate(sm):
        if ty[i] != "Industry" or (i and ty[i - 1] == "Industry" and text[sm[i - 1].end : m.start] in _JOINERS):
            continue  # not the first of a run
        run = [m]
        for k in range(i + 1, len(sm)):
            x = sm[k]
            if ty[k] != "Industry" or text[run[-1].end : x.start] not in _JOINERS:
                break
            run.append(x)
        if not _RUN_TAIL.match(text, run[-1].end):
            continue
        prev = sm[i - 1] if i else None
        bare = _BARE_BEFORE.search(text, max(s.start, m.start - 6), m.start)
        if prev is not None and ty[i - 1] == "Park" and text[prev.end : m.start] in ("", "的"):
            park = prev.label
        elif bare is not None and (resolved := bare_park_at(doc, bare.start()) or _home_park(doc)) is not None:
            park = resolved[0]  # 介绍了园区电子信息产业链: the park the bare word stands for (else the article's own)
        elif re.search("[,;]$", text[max(s.start, m.start - 1) : m.start]):
            topic = topic or _park_topic(doc, s, sm) or ""
            park = topic or None
        else:
            park = None
        for x in run if park else []:
            doc.relate("inIndustry", park, x.label, s.index)
    # INDUSTRY是新区的立身之本 / 是PARK的主导产业
    for ind, t in zip(sm, ty):
        if t != "Industry":
            continue
        im = _IS_PARKS.match(text, ind.end)
        if im is None:
            continue
        at = im.start(1)
        named = next((x for x in sm if x.start == at and x.end == im.end(1) and _type(doc, x) == "Park"), None)
        word = im.group(1)
        if named is not None:
            park = named.label
        elif re.fullmatch("(?:该|本)?(?:产业园区|产业园|园区|新区|开发区|高新区|经开区|科学城)", word):
            park = (bare_park_at(doc, at) or _home_park(doc) or (None,))[0]  # 新区的立身之本: the park it stands for
        else:
            park = None  # 是苏州的主导产业: a city's, not a park's
        if park is not None:
            doc.relate("inIndustry", park, ind.label, s.index)
    for i, ind in enumerate(sm):
        if ty[i] != "Industry":
            continue
        prev = sm[i - 1] if i else None
        # PARK的INDUSTRY(产业)链/集群
        if prev is not None and ty[i - 1] == "Park" and text[prev.end : ind.start] == "的" and _SECTOR_TAIL.match(text, ind.end):
            doc.relate("inIndustry", prev.label, ind.label, s.index)
            continue
        if not (_GATHERED_WHAT.match(text[ind.end : ind.end + 6]) or _CLUSTER_WORD.match(text[ind.end : ind.end + 4])
                or _LEADING.match(text[ind.end : ind.end + 8])):
            continue  # (gathered, cluster and leading below each need theirs after the sector)
        clause = clause_start(text, s.start, ind.start)
        head = text[clause : ind.start]
        gathered = _GATHERED.search(head) and _GATHERED_WHAT.match(text[ind.end : ind.end + 6])
        cluster = _BUILD_CLUSTER.search(head) and _CLUSTER_WORD.match(text[ind.end : ind.end + 4])
        leading = _LEADING.match(text[ind.end : ind.end + 8])
        if leading and not (gathered or cluster):
            # 成都高新区要…,围绕电子信息主导产业强链补链: the park the sentence is about
            parks = {m.label for m in sm if m.end <= ind.start and _type(doc, m) == "Park"}
            park = _park_topic(doc, s, sm) or (parks.pop() if len(parks) == 1 else None)
            if park is not None:
                doc.relate("inIndustry", park, ind.label, s.index)
            continue
        if not (gathered or cluster):
            continue
        verb = clause + (gathered or cluster).start()
        park = _park_subject(doc, sm, s, verb) or (_park_topic(doc, s, sm) if clause > s.start else None)
        if park is None and prev is not None and ty[i - 1] == "Park" and prev.start >= clause:
            park = prev.label
        if park is not None:
            doc.relate("inIndustry", park, ind.label, s.index)


def _spelled_out(doc: Doc, s: Sentence, sm: list[Span]) -> None:
    """A programme spelled out after a colon (围绕“4+4”产业链精准发力:一头是A、B…,另一头是C、D…):
    the sectors the rest of the sentence lists are its own."""
    text = doc.text
    for m in sm:
        if _type(doc, m) != "Initiative":
            continue
        colon = text.find(":", m.end, min(s.end, m.end + 10))
        if colon < 0 or re.search("[,。;]", text[m.end : colon]) or any(m.end <= x.start < colon for x in sm):
            continue
        inds = [x for x in sm if x.start > colon and _type(doc, x) == "Industry"]
        if len(inds) >= 2:
            for x in inds:
                doc.relate("inIndustry", m.label, x.label, s.index)


def _home_park(doc: Doc) -> tuple[str, int] | None:
    """The article's own park (its home, when that is a park), in bare_park_at's shape."""
    home = doc.notes.get("home")
    return (home, 0) if home and doc.type_of(home) == "Park" else None


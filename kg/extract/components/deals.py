"""Project deals: the firms that sign a project's agreement are its investors.

A联合B,与管委会签订X项目合作协议 -> A and B invest in X项目; 管委会同A签下投资合作协议,推动X项目落户… -> A.
Only firms (Company) count: the government side of a deal is its partner, not its investor.
"""

from __future__ import annotations

import re

from kg.extract.components.clauses import _type, joined_before
from kg.extract.components.refs import bare_firm_before, clause_start, sentences_mentions
from kg.extract.components.refs import sent_mentions as _sent_mentions
from kg.extract.doc import Doc
from kg.extract.lexicon import lexicon

#: a deal signed: 签订X项目合作协议, 签下投资合作协议, 签署协议
_DEAL = re.compile(r"(?:正式|共同|现场)?(?:签订|签署|签下)(?:了)?([^,。;]{0,24}?)(?:投资|合作|战略|框架|入园|落户|共建)*(?:协议|备忘录)(?:书)?》?")
#: what a deal leads to in the next clause: …,推动X项目落户P
_LEADS = re.compile(r",(?:推动|促成|助推|推进|标志着|正式引进|引进|(?:拟|将|计划)(?:在[^,。;]{2,20}?)?(?:投资)?(?:建设|兴建|新建)"
                    r"|(?:拟|将|计划)?(?:在|于)[^,。;]{2,20}?(?:投资)?(?:建设|兴建|新建))")  # (,于P投资建设X项目)
#: the marks of a party to the deal around a firm's name
_PARTY_AFTER = re.compile(r"(?:又|也|还|再|已|正式|共同)*(?:于(?:上月|本月|今年|去年)?(?:\d{1,2}月)?\d{1,2}日)?(?:联合|携手|会同|与|同|和|,与|,同|签订|签署|签下)")
_PARTY_BEFORE = re.compile(r"(?:联合|携手|会同|与|同|和)$")


#: what opens a report before its subject: X公告, (X)表示,
_SAID = re.compile(r"[^,。;]{2,40}?(?:公告|公布|表示|宣布|披露|透露|介绍),")


def clause_after_said(text: str, clause: int) -> int:
    """Where the subject of a clause starts after a report's lead (X公告,公司与…: at 公司)."""
    m = _SAID.match(text, clause)
    return m.end() if m is not None and text.startswith(("公司", "该公司", "集团"), m.end()) else clause  # (集团: a HK report's word for the firm)


def _deals(text: str):
    """``_DEAL.finditer(text)``; none where no 签 stands (each of its verbs holds it), without the scan."""
    return _DEAL.finditer(text) if "签" in text else ()


def deal_investors(doc: Doc) -> dict[str, list[tuple[str, int]]]:
    """Project label -> the firms that signed its agreement (with the sentence)."""
    text = doc.text
    out: dict[str, list[tuple[str, int]]] = {}
    for s, sm in zip(doc.sentences, sentences_mentions(doc)):
        for dm in _deals(s.text):
            d_start, d_end = s.start + dm.start(), s.start + dm.end()
            projects = [m for m in sm if d_start <= m.start and m.end <= d_end and _type(doc, m) == "Project"]
            if not projects:
                lead = _LEADS.match(text, d_end)
                if lead:
                    stop = re.compile("[,。;]").search(text, lead.end(), s.end)
                    end = stop.start() if stop else s.end
                    projects = [m for m in sm if lead.end() <= m.start and m.end <= end and _type(doc, m) == "Project"]
            if len({m.label for m in projects}) != 1:
                continue
            clause = s.start + max((m.end() for m in re.finditer("[;:。]", text[s.start : d_start])), default=0)
            firms = []
            for m in sm:
                if m.start < clause or m.end > d_start or _type(doc, m) != "Company":
                    continue
                if _PARTY_AFTER.match(text, m.end, d_start) or _PARTY_BEFORE.search(text, max(clause, m.start - 2), m.start):
                    firms.append(m.label)
            subject = clause_after_said(text, clause)
            bare_end = subject + (3 if text.startswith("该公司", subject) else 2)
            if not firms and subject > clause and _PARTY_AFTER.match(text, bare_end, d_start) \
                    and (firm := bare_firm_before(doc, subject, bare_end)) is not None:
                firms.append(firm)  # X公告,公司与Y签署投资协议,拟在P投资建设Z项目: the firm 公司 stands for
            ally = _unnamed_ally(doc, sm, clause, d_start)
            if ally:
                firms.append(ally)
            label = doc.entity(projects[0].label).label
            for f in dict.fromkeys(firms):
                out.setdefault(label, []).append((f, s.index))
        for jm in _SIGNED_TO_BUILD.finditer(s.text):
            # A与B签约共建X项目: both firms build it
            at, after = s.start + jm.start(), s.start + jm.end()
            proj = next((m for m in sm if m.start == after and _type(doc, m) == "Project"), None)
            if proj is None:
                continue
            firms = joined_before(doc, sm, at, ("与", "和", "、", "同"), lambda t: t == "Company")
            if len(firms) >= 2 and firms[0].end == at:
                label = doc.entity(proj.label).label
                for f in reversed(firms):
                    out.setdefault(label, []).append((f.label, s.index))
    return out


#: signing to build a project together: 签约共建, 签约合作建设
_SIGNED_TO_BUILD = re.compile("签约(?:了)?(?:共建|共同建设|合作建设|共同投资建设|合资建设)?")  # (A与B签约X项目: two firms, both)


_ALLY = re.compile("(?:联合|携手|会同)([\u4e00-\u9fff]{2,8}?)(?=,?(?:与|同)[^,。;]{2,30}?(?:签订|签署|签下))")


def _unnamed_ally(doc: Doc, sm, clause: int, pos: int) -> str | None:
    """A联合B,与C签订…: B when the text has no name for it (a short firm name the lexicons do not
    know); made a Company, partner of A and of C."""
    from kg.extract.components.clauses import _is_org
    from kg.extract.components.project_brands import _brand_ok

    text = doc.text
    for am in _ALLY.finditer(text, clause, pos + 2):  # the lookahead reads the verb at pos
        a, b = am.start(1), am.end(1)
        if any(m.start < b and m.end > a and _type(doc, m) != "Place" for m in sm):
            continue  # a name the text has: the partner rules see it (a place may open the firm's name)
        left = next((m for m in reversed(sm) if m.end == am.start() and _is_org(_type(doc, m))), None)
        name = am.group(1)
        if left is None or not _brand_ok(name):
            continue
        if doc.entity(name) is None:
            doc.ensure_entity("Company", name)
        i = doc.sentence_at(a)
        doc.relate("partnerOf", left.label, name, i)
        right = next((m for m in sm if m.start > b and _is_org(_type(doc, m)) and re.fullmatch(",?(?:与|同)", text[b : m.start])), None)
        if right is not None:
            doc.relate("partnerOf", name, right.label, i)
            doc.relate("partnerOf", left.label, right.label, i)
        return name
    return None


#: a firm builds a facility somewhere, the facility not yet a named project:
#: X将在P建设Y生产线 ; X则将在P投资Y基地 ; X把Y放在P
_FACILITY = r"[^,。;在把]{4,30}?(?:生产线|生产基地|产业基地|制造基地|研发基地|总部基地|研发中心|工厂|基地|产业园|体育公园|产业综合体)"
_BUILDS = re.compile(r"(?:则|也|还|已)?(?:将|拟|计划|决定)?在([^,。;在]{1,8}?)(?:(?:追加)?投资(?:建设|兴建|新建)?|建设|兴建|新建|投建|打造|布局)(" + _FACILITY + ")(?=[,。;])"
                     r"|(?:则|也|还|已)?(?:将|拟)?把(" + _FACILITY + r")(?:放在|落在|落户|布局在|建在)([^,。;]{1,8}?)(?=[,。;])"
                     r"|选址([^,。;]{2,16}?),(?:拟|将|计划)?(?:投入|投资)[^,。;]{0,12}?(?:建设|兴建|打造)(" + _FACILITY + r")(?=[,。;])")
#: descriptors before a firm's name at the head of a clause: 国家专精特新“小巨人”企业X, 新能源龙头X, 国内领军企业X
_DESCRIBED = re.compile(r"(?:企业|龙头|公司|巨头|厂商|品牌|集团)(?=[^企龙]{2,8}$)")


def firm_builds(doc: Doc) -> set[str]:
    """X将在P建设Y生产线: Y项目 (alias Y) is a project in P with investor X; X, when no name the
    text has, is the short name the clause opens with after its descriptors. Returns the projects
    given an investor (their names name no further firm)."""
    from kg.extract.components.project_brands import _brand_ok
    from kg.extract.lexicon import lexicon

    lex = lexicon()
    text = doc.text
    built: set[str] = set()
    for s, sm in zip(doc.sentences, sentences_mentions(doc)):
        for bm in _BUILDS.finditer(s.text):
            at = s.start + bm.start()
            facility = bm.group(2) or bm.group(3) or bm.group(6)
            wg = 1 if bm.group(1) else 4 if bm.group(4) else 5
            where, w_start = bm.group(wg), s.start + bm.start(wg)
            if re.match("(?:一批|一个|一座|多个|若干|更多|新的|各类|国家级|省级|市级|最|更|较)", facility) or "的" in facility or "、" in facility:
                continue  # a kind of facility, not one named (最先进的生产线: a description; 区域总部、研发中心和生产基地: kinds)
            fg = 2 if bm.group(2) else 3 if bm.group(3) else 6
            f_start, f_end = s.start + bm.start(fg), s.start + bm.end(fg)
            if any(m.start < s.start + bm.end() and m.end > at and _type(doc, m) == "Project"
                   and not (m.start == f_start and m.end == f_end) for m in sm):
                continue  # a named project: the project rules have it (the facility's own mention is this rule's)
            clause = clause_start(text, s.start, at)
            head = text[clause:at]
            firm = next((m.label for m in sm if m.end == at and m.start >= clause and _type(doc, m) == "Company"), None)
            if firm is None:
                if any(m.start >= clause and m.end <= at for m in sm):
                    continue  # the clause names something else before the verb
                d = None
                for d in _DESCRIBED.finditer(head):
                    pass
                name = head[d.end() :] if d else head
                name = re.sub(r"[\"'“”]", "", name)
                if not re.fullmatch("[\u4e00-\u9fff]{2,6}", name) or not _brand_ok(name) or name in lex.industries \
                        or _NOT_NAME.search(name) or re.search("[方者人市区县镇省]$", name):
                    continue
                firm = name
                if doc.entity(firm) is None:
                    doc.ensure_entity("Company", firm)
            label = facility + "项目"
            p = doc.entity(label) or doc.entity(facility)
            if p is None:
                p = doc.ensure_entity("Project", label, {facility})
            elif p.type != "Project":
                continue
            doc.relate("investor", p.label, firm, s.index)
            built.add(p.label)
            # the place or park named last in 在P / 选址湖里区的P片区
            w_end = w_start + len(where)
            place = next((m.label for m in reversed(sm) if w_start <= m.start and m.end <= w_end and _type(doc, m) in ("Place", "Park")
                          and text[m.end : w_end] in ("", "片区", "区域", "一带", "境内")), None)
            if place is None:
                # 在厦: the one-character short name of the article's city
                city = doc.notes.get("home_city")
                place = city if city and len(where) == 1 and city.startswith(where) else None
            if place is not None:
                doc.relate("locatedIn", p.label, place, s.index)
            # …,将进一步稳固P在INDUSTRY领域的领先位置 / 并带动INDUSTRY应用: the sector the facility serves
            stop = re.compile("[;。]").search(text, s.start + bm.end(), s.end)
            end = stop.start() if stop else s.end
            for m in sm:
                if s.start + bm.end() <= m.start and m.end <= end and _type(doc, m) == "Industry" \
                        and re.match("(?:产业)?(?:领域|行业|应用|赛道)", text[m.end : m.end + 4]):
                    doc.relate("inIndustry", p.label, m.label, s.index)
    return built


_SHORT_PARTY = re.compile("(?:与|同|和)([\u4e00-\u9fff]{3,6})$")


def _abbreviates(short: str, full: str) -> bool:
    """招商蛇口 of 招商局蛇口工业区控股股份有限公司: the same first character, the rest in order."""
    if short[0] != full[0] or len(full) < len(short) + 3:
        return False
    i = 0
    for ch in full:
        if i < len(short) and ch == short[i]:
            i += 1
    return i == len(short)


def short_partners(doc: Doc) -> None:
    """P与X签订…协议 where X is a short form of an organisation the text names in full: X becomes
    its alias and the two sign as partners."""
    from kg.extract.components.clauses import _is_org
    from kg.extract.components.subsidiaries import _ADVERBS

    text = doc.text
    orgs = [e for e in doc.entities.values() if _is_org(e.type) and len(e.label) >= 6]
    if not orgs:
        return
    for s in doc.sentences:
        sm = None
        for dm in _deals(s.text):
            d_start = s.start + dm.start()
            pm = _SHORT_PARTY.search(text, max(s.start, d_start - 8), d_start)
            if pm is None:
                continue
            sm = sm if sm is not None else _sent_mentions(doc, s)
            if any(m.start < pm.end(1) and m.end > pm.start(1) for m in sm):
                continue
            short = pm.group(1)
            found = [e for e in orgs if _abbreviates(short, e.label)]
            if len(found) != 1:
                continue
            left = next((m for m in reversed(sm) if m.end <= pm.start() and _ADVERBS.fullmatch(text, m.end, pm.start())
                         and _is_org(_type(doc, m))), None)
            found[0].aliases.add(short)
            if left is not None and left.label != found[0].label:
                doc.relate("partnerOf", left.label, found[0].label, s.index)


#: ORG与X联合打造 / ORG将携手X, / ORG与X签订…协议: X a short firm name the text has no mention for
_UNNAMED = re.compile("(?:与|携手|同)([\u4e00-\u9fff]{3,6}?)(?:联合|共同|携手|签订|签署|签下|合资|共建|战略合作|,(?=依托|共同|联合|围绕|在))")
_NOT_NAME = re.compile("(?:企业|公司|单位|机构|高校|院所|部门|政府|方面|客商|伙伴|各方|双方|团队|集群|园区|项目|基金)$"
                       "|^(?:相关|各|多家|一批|当地|国内|海外|全球|知名|重点|优质|龙头|本地|我市|我区|该|这|其)"
                       "|签署|签订|签下|签约|共建|携手|签$")  # (与基金 + 签署战略合作协议, 与X市 + 签 + 战略合作: the verb ran into the name)


def unnamed_partners(doc: Doc) -> None:
    """A partner of a named organisation that the text gives only as a short name no lexicon
    knows (临港集团与金沙江资本联合打造…, 城投将携手德园,依托…): a Company, partner of it."""
    from kg.extract.components.clauses import _is_org
    from kg.extract.components.subsidiaries import _ADVERBS
    text = doc.text
    for s in doc.sentences:
        if not _UNNAMED.search(s.text):
            continue
        sm = _sent_mentions(doc, s)
        for um in _UNNAMED.finditer(s.text):
            a, b = s.start + um.start(1), s.start + um.end(1)
            name = um.group(1)
            if any(m.start < b and m.end > a and _type(doc, m) != "Place" for m in sm) or not _unknown_brand(name):
                continue
            at = s.start + um.start()
            left = next((m for m in reversed(sm) if m.end <= at and _ADVERBS.fullmatch(text, m.end, at) and _is_org(_type(doc, m))), None)
            if left is None:
                continue
            if doc.entity(name) is None:
                doc.ensure_entity("Company", name)
            doc.relate("partnerOf", left.label, name, s.index)
    _unnamed_first_party(doc)


#: 此外,X与Y签署…协议: a short name opening the clause, then 与 and a named body
_FIRST_PARTY = re.compile("(?:^|[,;:])(?:此外|另外|同时|会上|现场|活动中|仪式上)?,?([\u4e00-\u9fff]{2,6}?)(?:还|也|将|又|已|再|则|并|分别)*(?=与|同|和)")
_SIGNS = re.compile("(?:签订|签署|签下)[^,。;]{0,16}?(?:协议|备忘录)|签约")


def _unnamed_first_party(doc: Doc) -> None:
    """X与Y签署战略合作协议, with Y a named body and X a short name no rule has found: X is a
    firm (a Company), partner of Y. Bodies and places are named by their suffixes or lexicons,
    so an unknown short name at the head of a signing clause is a firm's brand."""
    from kg.extract.components.clauses import _is_org
    text = doc.text
    for s in doc.sentences:
        if not _SIGNS.search(s.text):
            continue
        sm = _sent_mentions(doc, s)
        for fm in _FIRST_PARTY.finditer(s.text):
            a, b = s.start + fm.start(1), s.start + fm.end(1)
            name = fm.group(1)
            if any(m.start < b and m.end > a for m in sm):
                continue
            right = next((m for m in sm if m.start == s.start + fm.end() + 1 and _is_org(_type(doc, m))), None)
            if right is None:
                continue
            rights = [right]  # 基金分别与A、B签约: each of the run
            for m in sm:
                if m.start > rights[-1].end and _is_org(_type(doc, m)):
                    if text[rights[-1].end : m.start] not in ("、", "和", "及"):
                        break
                    rights.append(m)
            if not _SIGNS.match(text, rights[-1].end, s.end):
                continue
            if name in lexicon().suffixes:
                # 联盟还与Y签署: the one body of that kind the article names, by its bare kind
                named = [e.label for e in doc.entities.values() if _is_org(e.type) and e.label.endswith(name) and e.label != name
                         and not e.label.endswith("子" + name)]  # (基金: the mother fund, not its sub-funds)
                main = doc.notes.get("main_event") or ""
                if len(named) > 1:  # (the one the article's event is named after)
                    named = [n for n in named if main.startswith(n)] or named
                for r in rights if len(named) == 1 else ():
                    if named[0] != r.label:
                        doc.relate("partnerOf", named[0], r.label, s.index)
                continue
            if len(rights) > 1:
                continue
            if not _unknown_brand(name):
                continue
            if doc.entity(name) is None:
                doc.ensure_entity("Company", name)
            doc.relate("partnerOf", name, right.label, s.index)


def _unknown_brand(name: str) -> bool:
    """Whether a short name no rule has typed reads as a firm's brand: not a generic word, an
    industry, a place, nor a name ending like a body of another kind (省科技厅, 市商务局)."""
    from kg.extract.components.project_brands import _brand_ok
    from kg.extract.lexicon import lexicon

    lex = lexicon()
    if _NOT_NAME.search(name) or name in lex.industries or lex.place(name) or not _brand_ok(name):
        return False
    return not any(name.endswith(suf) and typ != "Company" for suf, (typ, _) in lex.suffixes.items())

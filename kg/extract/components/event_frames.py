"""When and where an event happened: its date resolved against the dateline, its place or park."""

from __future__ import annotations

import re

from kg.extract.components.clauses import _rx, _sent_mentions, _type, of_type, segments
from kg.extract.components.refs import bare_park_at, sentences_mentions
from kg.extract.doc import Doc, Span
from kg.extract.lexicon import words
from kg.extract.quantities import DateMatch, find_dates
from kg.extract.registry import component
from kg.model import DateValue, Sentence

#: A place as the subject of holding, with its day: 太仓市7日举行, 苏州市昨日召开.
_HOLD_AFTER_DAY = re.compile(r"[市区县]?(?:\d{1,2}月)?(?:\d{1,2}日|今天|昨天|昨日)(?:上午|下午|晚上)?(?:隆重)?(?:举行|召开|举办)")
#: Adverbs between the place and the holding verb: 在湖州已先行举办了.
_HOLD_ADVERBS = re.compile(r"(?:已经|已|先行|正式|隆重|同步|成功|顺利|共同|联合|盛大|同日|当天)*(?:举行|召开|举办|开展|开幕|启幕)")
#: The venue after the place: 在位于萧山的杭州大会展中心召开 (the venue is not annotated).
_HOLD_AT_VENUE = re.compile(r"的[^,。;]{2,14}?(?:举行|召开|举办)"
                            r"|[^,。;的]{0,10}?(?:会议展览中心|会展中心|会议中心|展览中心|大酒店|酒店|宾馆|饭店|大会堂|会堂|礼堂|展馆)(?:隆重)?(?:举行|召开|举办)")  # 在香港 + 会议展览中心举行
#: 在瓜州县 + 项目现场举行: the place, then the site in it
_HOLD_ON_SITE = re.compile(r"(?:(?:项目|施工|建设|开工)?现场|主会场)(?:隆重)?(?:举行|召开|举办)")  # (在P主会场举行: P)
#: A name followed by its holding: Y签约仪式在会期内举行.
_HOLD_LATER = re.compile(r"(?:\)|”)?(?:于|在)?[^,。;]{0,10}?(?:隆重|正式)?(?:举行|召开|举办|开幕|启幕|拉开帷幕)")
#: A holding verb right before an event's name: (园区)随即举行X.
_HOST_VERB = re.compile(r"(?:随即|随后|同日|当天|同时|还|也|正式|隆重|已|先后)*(?:举行|举办|召开)了?")
#: A date that bounds a span rather than dates the event: 持续到11月, 11月底前.
_NOT_EVENT_DATE_BEFORE = ("到", "至", "截至", "截止", "持续")
_NOT_EVENT_DATE_AFTER = ("前", "底", "末", "以来", "起", "内", "至", "到", "-", "中旬", "下旬", "上旬", "份以来", "电")  # (…12月10日电: a dateline)
#: 当天/同日 in a sentence about a second event: the day of the article's main event.
_SAME_DAY = re.compile(r"当天|当日|同日|同一天|随即|随后|(?:开幕式|开幕|仪式|大会|会议)(?:结束)?后(?:举行|举办|召开)")
#: A second event presented as a part of the main one.
_PART_OF = re.compile("分会场|系列活动|配套活动|平行活动|专场活动")
#: Bare zone words that stand for the article's park: 在园区举行.
_BARE_ZONES = ("工业园区", "园区", "开发区", "高新区", "经开区", "示范区", "新区", "保税区")
#: a zone's own hall after the bare zone word (venues are no location: the zone is)
_ZONE_VENUE = re.compile("(?:管委会|政务服务中心|会议中心|会展中心|行政中心|综合服务中心)(?:[\u4e00-\u9fff]{0,4}?(?:会议室|报告厅|大厅))?")
#: A news lead's opening: 本报讯, 萧山日报讯, (记者 X).
_LEAD = re.compile(r"^(?:[^,。]{0,12}?讯\s*)?(?:\([^()]{0,20}\)\s*)?")


#: what follows an event's date: the day again in brackets (昨日(24日)), the time of day, where, the verb of holding
_HELD_AFTER_DATE = re.compile(r"(?:\([^()]{1,10}\))?(?:上午|下午|晚上)?(?:在[^,。;]{1,24}?)?(?:隆重|正式)?(?:举行|召开|举办|开幕|启幕|拉开帷幕|落下帷幕|闭幕)")


#: a title in 《》 (its years are the plan's)
_BOOK_TITLE = re.compile("《[^《》]*》")
#: what follows the day a paper reprints or carries a report on (今日 + 转载, 今天 + 刊发)
_REPRINTED = re.compile("(?:特)?(?:转载|刊发|刊登|推送|编发)")


def _event_date(seg: str, d: DateMatch) -> bool:
    return not seg.endswith(_NOT_EVENT_DATE_BEFORE, 0, d.start) and not seg.startswith(_NOT_EVENT_DATE_AFTER, d.end)


@component("event_frames")
def event_frames(doc: Doc) -> None:
    """``date`` and ``location`` of the article's events."""
    text = doc.text
    dateline = doc.article.dateline
    main = doc.notes.get("main_event")
    dated: dict[str, DateValue] = {}
    same_day: list[tuple[str, int]] = []
    part_of: list[tuple[str, int]] = []
    for s, ms in zip(doc.sentences, sentences_mentions(doc)):
        ev_mentions = of_type(doc, ms, "Event")
        if not ev_mentions:
            if main and ("主会场" in s.text or "分会场" in s.text) and s.index <= 6:
                _main_venue(doc, s, ms, main)  # 活动采取…方式,主会场设在X: the article's event
            continue
        for seg_start, seg_end in segments(s):
            evs = [m for m in ev_mentions if seg_start <= m.start < seg_end]
            if not evs:
                continue
            seg = text[seg_start:seg_end]
            dates = [d for d in find_dates(seg, dateline) if _event_date(seg, d)]
            if seg_start == s.start and "讯" in seg[:16]:
                lead = _LEAD.match(seg).end()  # 本报孝义11月21日讯11月20日,…: the paper's day, not the event's
                dates = [d for d in dates if d.start >= lead]
            if "转载" in seg or "刊发" in seg or "刊登" in seg:  # 本网今日转载关于X的报道: the reprint's day, not the event's
                dates = [d for d in dates if not _REPRINTED.match(seg, d.end)]
            if "《" in seg:  # 召开《…(2027—2029年)》新闻发布会: a plan's years, not the day it is held
                books = [(b.start(), b.end()) for b in _BOOK_TITLE.finditer(seg)]
                dates = [d for d in dates if not any(a <= d.start and d.end <= b for a, b in books)]
            for prev, later in zip(evs, evs[1:]):
                # X洽谈会正在厦门举办,昨天下午,Y签约仪式在会期内举行: the day before the second name is its own
                lab2 = doc.entity(later.label).label
                own = [d for d in dates if prev.end - seg_start <= d.start and d.end <= later.start - seg_start]
                if own and lab2 not in dated and lab2 != doc.entity(prev.label).label and _HOLD_LATER.match(seg, later.end - seg_start):
                    dated[lab2] = own[-1].date
                    doc.relate("date", lab2, own[-1].date, s.index)
            ev = evs[0]
            lab = doc.entity(ev.label).label
            before = [d for d in dates if d.end <= ev.start - seg_start]
            # …仪式于7月4日上午举行: a date right after the name
            after = [
                d for d in dates
                if d.start >= ev.end - seg_start and re.fullmatch(r"(?:\)|”)?,?(?:已|已经|将|定)?(?:于|在)?", seg[ev.end - seg_start : d.start])
                and _HELD_AFTER_DATE.match(seg, d.end)
            ]
            found = (before or after)[:1]
            if found and lab not in dated:
                dated[lab] = found[0].date
                doc.relate("date", lab, found[0].date, s.index)
            elif not found and lab not in dated and _SAME_DAY.search(seg, 0, ev.start - seg_start) \
                    and (day := _day_before(doc, s)) is not None:
                dated[lab] = day  # …24日正式落户P。当日在P举行的X上: the day the sentence before names
                doc.relate("date", lab, day, s.index)
            elif not found and lab != main and _SAME_DAY.search(seg, 0, ev.start - seg_start):
                same_day.append((lab, s.index))
            for other in evs[1:]:
                # 开园仪式结束后,园区随即举行首批…签约仪式: a second event of the same day
                if other.label != ev.label and _SAME_DAY.search(seg, ev.end - seg_start, other.start - seg_start):
                    same_day.append((doc.entity(other.label).label, s.index))
                # 本届经贸周共策划了12场分会场活动,其中包括X: part of the main event, its year
                elif _PART_OF.search(seg, 0, other.start - seg_start):
                    part_of.append((doc.entity(other.label).label, s.index))
            if _PART_OF.search(seg, 0, ev.start - seg_start) and lab != main:
                part_of.append((lab, s.index))
            _locations(doc, s, seg_start, seg, evs)
    # a lead that opens with the day (8月18日,X正式开园): the main event's date
    if main and doc.entity(main) is not None and doc.entity(main).label not in dated:
        d = _lead_date(doc)
        if d is not None:
            dated[doc.entity(main).label] = d[0]
            doc.relate("date", main, d[0], d[1])
    main_label = doc.entity(main).label if main and doc.entity(main) else None
    if main_label in _PLAIN_SIGNINGS and main_label not in dated:
        # 签约仪式 named plainly: the lead's signing is it (A 17日与B在南昌签署…协议)
        got = _lead_signing(doc)
        if got is not None:
            d, place, idx = got
            dated[main_label] = d
            doc.relate("date", main_label, d, idx)
            if place is not None:
                doc.relate("location", main_label, place, idx)
    for lab, idx in same_day:
        if main_label in dated and lab not in dated:
            dated[lab] = dated[main_label]
            doc.relate("date", lab, dated[main_label], idx)
    for lab, idx in part_of:
        if main_label in dated and lab not in dated:
            dated[lab] = DateValue(dated[main_label].value[:4])
            doc.relate("date", lab, dated[lab], idx)
    for series, opening in sorted(doc.notes.get("series_opened", {}).items()):
        if opening in dated and series not in dated and doc.entity(series) is not None:
            dated[series] = dated[opening]
            doc.relate("date", series, dated[opening], doc.entity(series).mentions[0].sentence)
            for r in [r for r in doc.relations if r.predicate == "location" and r.subject == opening]:
                doc.relate("location", series, r.object, r.sentence)
    for ev_label, target in sorted(doc.notes.get("opened", {}).items()):
        if doc.type_of(target) == "Park":
            doc.relate("location", ev_label, target, 0)
    for e in list(doc.entities.values()):
        if e.type == "Event" and e.label not in dated:
            y = re.match(r"^((?:19|20)\d{2})年?", e.label)
            if y:
                doc.relate("date", e.label, DateValue(y.group(1)), e.mentions[0].sentence if e.mentions else 0)


#: Plain names of a signing (the gold's name for an unnamed one).
_PLAIN_SIGNINGS = frozenset({"签约仪式", "签约活动", "签字仪式"})
_SIGNS = re.compile(r"(?:在([^,。;与]{2,10}?))?(?:正式|共同)?(?:签署|签订|签约)")


def _day_before(doc: Doc, s: Sentence) -> DateValue | None:
    """The one day (a full date) the sentence before ``s`` names, if it names exactly one."""
    if s.index == 0:
        return None
    days = {d.date for d in find_dates(doc.sentences[s.index - 1].text, doc.article.dateline) if d.date.value.count("-") == 2}
    return days.pop() if len(days) == 1 else None


def _lead_signing(doc: Doc) -> tuple[DateValue, str | None, int] | None:
    """The date (and place) of the signing a lead sentence reports: 17日与B在南昌签署."""
    for s in doc.sentences[:4]:
        body = _LEAD.sub("", s.text, count=1)
        off = len(s.text) - len(body)
        sm = _SIGNS.search(body)
        if sm is None:
            continue
        dates = [d for d in find_dates(body[: sm.start()], doc.article.dateline) if d.date.value.count("-") == 2]
        if not dates:
            continue  # a headline that names the signing but not its day
        place = None
        if sm.group(1):
            at = s.start + off + sm.start(1)
            place = next((m.label for m in _sent_mentions(doc, s) if m.start == at and m.end == at + len(sm.group(1))
                          and _type(doc, m) in ("Place", "Park")), None)
        return dates[-1].date, place, s.index
    return None


def _lead_date(doc: Doc) -> tuple[DateValue, int] | None:
    for s in doc.sentences[:8]:
        body = _LEAD.sub("", s.text, count=1)
        for d in find_dates(body[:14], doc.article.dateline):
            if d.start == 0 and re.match(r"(?:上午|下午|晚上|晚间)?,", body[d.end :]):
                if re.search("去年|前年|此前|上届", s.text):
                    return None
                return d.date, s.index
            break
    return None


# compiled once (the rule below runs per candidate)
_PLACE_LEAD = re.compile("(?:在(?:位于)?|赴|于|地点(?:位于|在|为)|^|(?<=[,:]))")
_VENUE_WORD = re.compile("(?:地点|主会场|分会场(?:分别)?)(?:位于|在|为|设在|设于)")
#: what joins the venues of a list (分会场分别设在A和本市B、C)
_VENUE_JOIN = re.compile("(?:、|和|及|以及|与)(?:本市|本县|本区|我市|我县|我区)?")


def _main_venue(doc: Doc, s: Sentence, ms: list[Span], main: str) -> None:
    """主会场设在X (分会场分别设在A、B和C) in a sentence of the lead that names no event: the main
    event's locations, each venue of the list."""
    for m in _VENUE_WORD.finditer(s.text):
        at = s.start + m.end()
        while (place := next((x for x in ms if x.start == at and _type(doc, x) in ("Place", "Park")), None)) is not None:
            doc.relate("location", main, place.label, s.index)
            join = _VENUE_JOIN.match(doc.text, place.end, s.end)
            if join is None:
                break
            at = join.end()


#: 在徐举行: a one-character city short name before a verb of holding; 张家港保税区举办的 + the event
_HELD_IN_CITY = re.compile(r"在([\u4e00-\u9fff])(?:隆重|正式|成功)?(?:举行|召开|举办|开幕)")
_HELD_BY_GAP = re.compile("(?:举办|开展|举行|主办)的")


def _locations(doc: Doc, s: Sentence, seg_start: int, seg: str, evs: list[Span]) -> None:
    text = doc.text
    hold = _rx("hold")
    places = [x for x in _sent_mentions(doc, s) if _type(doc, x) in ("Place", "Park")]

    def nearest(pos: int) -> Span:
        return min(evs, key=lambda e: abs(e.start - pos))

    # (with no place in the sentence, a match does something only when it opens with 在)
    for m in _PLACE_LEAD.finditer(seg) if places or "在" in seg else ():
        at = seg_start + m.end()
        place = next((x for x in places if x.start == at), None)
        # a chain of places (吴江区盛泽镇, 江苏省太仓市): the last one is where
        while place is not None:
            nxt = next((x for x in places if x.start in (place.end, place.end + 1) and text[place.end : x.start] in ("", "区", "市", "县", "省")), None)
            if nxt is None:
                break
            place = nxt
        if place is None:
            if m.group().startswith("在"):
                _bare_zone(doc, s, at, nearest(at))
            continue
        tail = text[place.end : place.end + 16]
        if not m.group():
            # at a clause start the place must be the subject of holding: 太仓市7日举行
            if _HOLD_AFTER_DAY.match(tail):
                doc.relate("location", nearest(place.start).label, place.label, s.index)
            continue
        if m.group().startswith("地点") or hold.match(tail) or _HOLD_ADVERBS.match(tail) or _HOLD_AT_VENUE.match(tail) or _HOLD_ON_SITE.match(tail):
            doc.relate("location", nearest(place.start).label, place.label, s.index)
    # 地点位于南太湖新区康山街道: every place of that clause
    for m in _VENUE_WORD.finditer(seg):
        end = re.compile("[,;。]").search(seg, m.end())
        for x in places:
            if seg_start + m.end() <= x.start and (end is None or x.end <= seg_start + end.start()):
                doc.relate("location", nearest(x.start).label, x.label, s.index)
    # 洪山镇科创园区迎来X活动: the place or park that welcomes the event is where it is held
    for ev in evs:
        if not text.endswith("迎来", 0, ev.start):
            continue
        host = next((x for x in places if x.end == ev.start - 2), None)
        if host is None:
            continue
        doc.relate("location", ev.label, host.label, s.index)
        if _type(doc, host) == "Park":
            head = next((host.label[:n] for n in range(min(len(host.label) - 2, 6), 1, -1) if doc.type_of(host.label[:n]) == "Place"), None)
            if head:
                doc.relate("location", ev.label, head, s.index)  # the town the park's name opens with
            else:  # 洪山镇 + 科创园区迎来: the town written just before the park
                town = next((x for x in places if x.end == host.start and _type(doc, x) == "Place"), None)
                if town is not None:
                    doc.relate("location", ev.label, town.label, s.index)
    # 园区随即举行X签约仪式: the park that holds the event
    for ev in evs:
        hm = _HOST_VERB.search(text, max(s.start, ev.start - 12), ev.start)
        if hm is None or hm.end() != ev.start:
            continue
        host = next((x for x in places if x.end == hm.start() and _type(doc, x) == "Park"), None)
        if host is not None:  # a place before 召开 convenes (杭州召开X), a park hosts
            doc.relate("location", ev.label, host.label, s.index)
            continue
        bare = re.search("(?:该|本)?(?:产业园区|产业园|园区|新区|示范区|开发区|高新区)$", text[max(s.start, hm.start() - 5) : hm.start()])
        if bare is not None:
            park = bare_park_at(doc, hm.start() - len(bare.group()))
            if park:
                doc.relate("location", ev.label, park[0], s.index)
    # 在徐举行, 在汉召开: the one-character short name of the article's city
    city = doc.notes.get("home_city")
    for m in _HELD_IN_CITY.finditer(seg):
        if city and doc.type_of(city) == "Place" and m.group(1) == city[0] and len(city) >= 2:
            doc.relate("location", evs[0].label, city, s.index)
    # 张家港保税区举办的半导体材料专题推介会
    for ev in evs:
        for x in places:
            if _HELD_BY_GAP.fullmatch(text, x.end, ev.start):
                doc.relate("location", ev.label, x.label, s.index)


def _bare_zone(doc: Doc, s: Sentence, at: int, ev: Span) -> None:
    """在园区举行: the article's park that the bare zone word stands for."""
    text = doc.text
    word = next((w for w in _BARE_ZONES if text.startswith(w, at)), None)
    venue = _ZONE_VENUE.match(text, at + len(word)) if word is not None else None  # 在开发区管委会举行: the zone's own hall
    if word is None or not _rx("hold").match(text, venue.end() if venue else at + len(word)):
        return
    longs = tuple(long for long, short in (w.split("=", 1) for w in words("park_short_forms")) if short == word)
    # (驻马店经济技术开发区 … 在经开区举行: the park named in full, by the long form of the bare word)
    parks = sorted((e for e in doc.entities.values() if e.type == "Park" and (e.label.endswith(word) or longs and e.label.endswith(longs)
                                                                             or any(a.endswith(word) for a in e.aliases if len(a) > len(word)))),
                   key=lambda e: (-len(e.mentions), e.label))
    if parks:
        doc.relate("location", ev.label, parks[0].label, s.index)

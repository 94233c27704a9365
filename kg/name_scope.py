"""Which entities of one name are one across articles.

Entities are one when they share a name (:mod:`kg.resolve`): right for 昆山市新兴产业发展大会 or
苏州市财政局, wrong for names that say nothing of *which* one they are, and so name a different
thing in each story:

* an event of a generic name: an event suffix of ``name_suffixes.tsv`` after words of the
  ``generic_event`` list of ``pipeline.toml``, industries' names, a year, a quarter or a batch
  (新闻发布会, 例行新闻发布会, 重点项目集中签约仪式, 新能源项目签约仪式, 2025年第一季度重大项目集中开工活动). Joined, one 新闻发布会
  held every press conference of an archive, dated on dozens of days and linking everyone who
  spoke at any of them: the graph's most central entity, and a false path between its people;
* an organ named relative to the article's own city, province or district, which the article
  leaves unnamed (市财政局, 省工业和信息化厅, 自治区人民政府, 管委会): one 市财政局 held the
  finance bureaus of seven cities;
* a park or project named only by what it makes or holds (年产5GWh储能电池项目, 二期项目,
  数字经济产业园: industries, quantities and dictionary words that name no place or organisation):
  one 新能源汽车零部件产业园一期项目 held the projects of five articles in two cities.

* a person: namesakes are common (one 周海涛 held a Qingdao district's party post, a Xiaogan zone's
  and a Jiangsu firm's chair in three articles of one archive, and linked all three).

Such an entity gets a *scope*, part of its IRI (:func:`kg.terms.entity_iri`): an event is one
only with the events of that name that the articles give the same dates, places and, where
they name them, the same things launched or signed there (the same story from several
outlets: ``on DATES at PLACES [with THINGS]``), an organ only with the organs of that name whose
posts the articles give to the same people (``held by PEOPLE``), a park or project only with
those of that name that the articles place in the same cities and give the same investors
(``in city CITIES[ by INVESTORS]``: the city of each place or park it is placed in, so that an
outlet placing it in 合肥高新区 and another in 蜀山 or 合肥 tell one story; one that names no
investor joins the one entity of the city that has some); otherwise it is its article's own
(``in DIGEST``). A person is one with the people of the name whose posts the articles place in a
common organisation (``posts at ORGS``); one named with no post joins the one such person of the
name, else the other people of the name named with no post.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from kg.model import DateValue, Extraction
from kg.names import normalise

__all__ = ["POSTS_AT", "is_descriptive", "join_namesakes", "is_generic_event", "is_relative_organ", "says_which", "scope", "with_investors"]

#: a year (2025年), a quarter (第一季度, 二季度), a batch (第二批) or a session (第三场) in a stem: no
#: particular event
_NO_PARTICULAR = re.compile(r"(?:19|20)\d{2}年?度?|第?[一二三四1-4]季度|第[一二三四五六七八九十\d]+(?:批次?|场|期)")
#: an organ named relative to the article's place: 市财政局, 省委, 区政府, 自治区人民政府, 我市商务局
_RELATIVE = re.compile("(?:我|本|该|全)?(?:自治区|自治州|自治县|市|省|区(?!块链)|县|州|盟|旗|镇|乡|街道)(?=.)")
#: an organ's bare head, which names the body of whatever zone the article is about
_BARE_ORGANS = frozenset({"管委会", "党工委", "管理委员会", "党委", "工委", "人民政府", "政府"})


#: a quantity or a phase in a descriptive name: 年产3万吨, 5GWh, 100万千瓦, 二期, 第一批
#: (digits with no unit are a number that names, as 合成00012经济开发区 or 1号项目, not a quantity)
_QUANTITY = re.compile(r"(?:年产|年处理|年加工|年回收|年吞吐)?[\d.]+(?:万|亿|千|百)?(?:吨|千瓦|兆瓦|万千瓦|GWh|MWh|GW|MW|kW|KW|Wh|台|套|辆|平方米"
                       r"|亩|件|片|只|条|个|张|颗|立方米|标箱|千伏)|[一二三四五六七八九十]+期|第?[一二三四五六七八九十]+批")
#: a phase ending a project's stem: 二期, 一期工程
_PHASE_END = re.compile("[一二三四五六七八九十首]期(?:工程)?$")
#: jieba's tags of names of places, organisations and people (nr only from three characters on: 智慧
#: and 光明 are nr too); its abbreviations (j: 光伏, 研发) and other proper nouns (nz: 集成电路) are terms
_PROPER_TAGS = frozenset({"ns", "nt", "nrt", "nrfg", "x", "eng"})
#: single characters a descriptive name may hold between words (a brand's characters stand alone)
_LINKING = frozenset("期及和与的年型用级类式化")


@lru_cache(maxsize=1)
def _generic_stems() -> frozenset[str]:
    from kg.extract.lexicon import words

    return frozenset(normalise(w) for w in (*words("generic"), *words("descriptive_lead")) if len(w) >= 2)


@lru_cache(maxsize=1)
def _generic_words() -> tuple[frozenset[str], int]:
    from kg.extract.lexicon import lexicon, words

    lex = lexicon()
    suffixes = [s for s, (t, _) in lex.suffixes.items() if t == "Event"]
    # (an industry's name says what the event is about, not which: 新能源项目签约仪式)
    vocabulary = frozenset(normalise(w) for w in (*words("generic_event"), *suffixes, *lex.industries) if normalise(w))
    return vocabulary, max(len(w) for w in vocabulary)


@lru_cache(maxsize=4096)
def is_generic_event(label: str) -> bool:
    """Whether an event's name says nothing of which event it is (新闻发布会, 2025年重点项目集中签约仪式).

    >>> is_generic_event("重点项目集中签约仪式"), is_generic_event("昆山市新兴产业发展大会")
    (True, False)
    """
    from kg.extract.lexicon import suffix_ending

    key = normalise(label)
    suffix = suffix_ending(key, "Event")
    if not suffix:
        return False
    stem = key[: len(key) - len(suffix)]
    vocabulary, longest = _generic_words()
    at = 0
    while at < len(stem):  # the stem read as generic words, longest first
        found = _NO_PARTICULAR.match(stem, at)
        if found is not None:
            at = found.end()
            continue
        for n in range(min(longest, len(stem) - at), 0, -1):
            if stem[at:at + n] in vocabulary:
                at += n
                break
        else:
            return False
    return True


@lru_cache(maxsize=4096)
def is_relative_organ(label: str) -> bool:
    """Whether an organisation's name leaves out the place it belongs to (市财政局, 省委, 管委会),
    not one of a place that starts so (市中区人民政府: 市中区 is a district).

    >>> is_relative_organ("市财政局"), is_relative_organ("苏州市财政局"), is_relative_organ("市中区人民政府")
    (True, False, False)
    """
    from kg.extract.lexicon import place_prefix

    key = normalise(label)
    if key in _BARE_ORGANS:
        return True
    return _RELATIVE.match(key) is not None and place_prefix(key) is None


@lru_cache(maxsize=8192)
def is_descriptive(label: str, kind: str) -> bool:
    """Whether a park's or project's name says only what it makes or holds: its stem (the name
    less its suffix of ``name_suffixes.tsv``) opens with an industry, a quantity, a phase or a word
    of the ``generic`` and ``descriptive_lead`` lists of ``pipeline.toml``, goes on with such words and words of jieba's
    dictionary that name no place, organisation or person, and holds no place of the lexicon. A
    brand opens a name (丙丁光伏项目, 小米汽车工厂项目, 天府软件园: its own, even where its
    characters are words), and a character that is no word of its own (鼎升) is one.

    >>> is_descriptive("年产5GWh储能电池项目", "Project"), is_descriptive("鼎升储能电池项目", "Project")
    (True, False)
    """
    from kg.extract.lexicon import lexicon, suffix_ending
    from kg.extract.segment import pos_tags

    key = normalise(label)
    stem = key[: len(key) - len(suffix_ending(key, kind) or "")]
    if kind == "Project":  # 新能源产业园二期项目: the park's name and the phase
        stem = _PHASE_END.sub("", stem)
        stem = stem[: len(stem) - len(suffix_ending(stem, "Park") or "")]
    lex = lexicon()
    if any(stem[i:i + n] in lex.places for i in range(len(stem)) for n in range(2, 7)):
        return False
    tags, industries, generic = pos_tags(), lex.industries, _generic_stems()
    at = 0
    while at < len(stem):
        found = _QUANTITY.match(stem, at)
        if found is not None and found.end() > at:
            at = found.end()
            continue
        longest = min(8, len(stem) - at)
        known = next((n for n in range(longest, 1, -1) if stem[at:at + n] in industries or stem[at:at + n] in generic), 0)
        if known:
            at += known
            continue
        for n in range(longest, 1, -1):
            tag = tags.get(stem[at:at + n])
            if tag is not None:
                if at == 0 or tag in _PROPER_TAGS or (tag == "nr" and n >= 3):
                    return False  # (a dictionary word that opens the name is a brand's)
                at += n
                break
        else:
            if stem[at] not in _LINKING:
                return False
            at += 1
    return True


def says_which(top: str, kind: str, label: str) -> bool:
    """Whether the name ``label`` of an entity of this top type and class says which one it is
    (the entity is then one with every entity of the name: its scope is ``""``). A person's name
    never does: namesakes hold posts in different cities."""
    if top == "Person":
        return False
    if top == "Event":
        return not is_generic_event(label)
    if top in ("Park", "Project"):
        return not is_descriptive(label, kind)
    return not (top == "Organization" and kind != "Company" and is_relative_organ(label))


def scope(ex: Extraction, top: str, kind: str, label: str, aliases: tuple[str, ...] = ()) -> str:
    """The scope of the entity ``label`` of the article ``ex``: ``""`` when its name says which
    one it is; for an event of a generic name ``on DATES at PLACES[ with THINGS]`` when the article
    states its dates and places (THINGS: what it launched, what was signed at it), for an organ
    named relative to the article's place ``held by PEOPLE`` when the article names people in its
    posts, else ``in DIGEST`` (the article's own)."""
    if says_which(top, kind, label):
        return ""
    names = {normalise(label), *(normalise(a) for a in aliases)}
    if top == "Person":
        return _post_scope(ex, names)
    if top == "Event":
        return _event_scope(ex, names)
    if top in ("Park", "Project"):
        return _city_scope(ex, names)
    people = {normalise(r.subject) for r in ex.relations
              if r.predicate == "holdsPosition" and isinstance(r.object, str) and normalise(r.object) in names}
    # (the same officials: the same city's bureau, as another outlet tells the story)
    return f"held by {','.join(sorted(people))}" if people else f"in {ex.article.digest}"


#: how a person's scope opens: the organisations of the posts the article gives them follow
POSTS_AT = "posts at "


def _post_scope(ex: Extraction, names: set[str]) -> str:
    """``posts at KEYS``: the organisations of the person's posts in the article, and each post as
    ``TITLE@CITY`` (the city its organisation is named with, or that the text writes before the title,
    or the article's own: 松阳市副市长, 市长 in a Linjiang story), so that a post the text names no
    organisation for still tells namesakes apart (:mod:`kg.resolve` joins the people of a name whose
    posts share a key); ``""`` when the article gives them no post."""
    keys: set[str] = set()
    home = None
    for r in ex.relations:
        if r.predicate != "holdsPosition" or normalise(r.subject) not in names:
            continue
        if isinstance(r.object, str):
            keys.add(normalise(r.object))
            city = _city(normalise(r.object))  # (the city its name opens with: 临江市人民政府 -> 白山)
        else:
            city = _city_before_title(ex, r)
            if city is None:
                home = home if home is not None else (_home_city(ex) or "")
                city = home or None
        if city and r.title:
            keys.add(f"{r.title}@{city}")
    return POSTS_AT + ",".join(sorted(keys)) if keys else ""


def _city_before_title(ex: Extraction, r) -> str | None:  # type: ignore[no-untyped-def]
    """The city written right before a post's title (松阳市副市长X): the title's place, stripped by extraction."""
    from kg.extract.lexicon import place_ending_at

    if not (0 <= r.sentence < len(ex.sentences)) or not r.title:
        return None
    text = ex.sentences[r.sentence].text
    at = text.find(r.title + r.subject)
    if at < 0:
        at = text.find(r.title)
    start = place_ending_at(text, at) if at >= 0 else None
    return _city(text[start:at]) if start is not None else None


def _home_city(ex: Extraction) -> str | None:
    """The city the article names most (its first named on a tie): whose 市长 an unnamed one is."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for e in ex.entities:
        if e.type == "Place":
            city = _city(normalise(e.label))
            if city:
                counts[city] = counts.get(city, 0) + len(e.mentions)
                first[city] = min(first.get(city, 1 << 30), min((m.start for m in e.mentions), default=1 << 30))
    return min(counts, key=lambda c: (-counts[c], first[c], c)) if counts else None


def _city_scope(ex: Extraction, names: set[str]) -> str:
    placed: dict[str, set[str]] = {}  # each name -> the places and parks the article places it in
    for rel in ex.relations:
        if rel.predicate in ("locatedIn", "settledIn") and isinstance(rel.object, str):
            placed.setdefault(normalise(rel.subject), set()).add(normalise(rel.object))
    cities: set[str] = set()
    for where in {w for n in names for w in placed.get(n, ())}:
        city = _city(where)
        if city is None:  # a park named by what it holds (数字经济产业园): the city it is placed in
            city = next(iter(sorted(c for c in map(_city, placed.get(where, ())) if c)), None)
        if city is not None:
            cities.add(city)
    # 落户浙江宁波: placed in the province and in its city, it is in the city
    cities -= {_province(c) for c in cities if _province(c) != c}
    if not cities:
        return f"in {ex.article.digest}"
    investors = sorted({normalise(r.object) for r in ex.relations
                        if r.predicate == "investor" and isinstance(r.object, str) and normalise(r.subject) in names})
    # (two firms' 二期项目 of one city are two; an outlet that names no investor joins the one it
    # can be: kg.resolve, with_investors)
    return f"in city {','.join(sorted(cities))}" + (f" by {','.join(investors)}" if investors else "")


def with_investors(scope: str, others: Iterable[str]) -> list[str]:
    """The scopes of ``others`` that name investors for the city scope ``scope`` that names none
    (``in city 合肥`` -> ``in city 合肥 by 甲乙``): an entity of the one such scope is the one an outlet
    that names no investor tells of."""
    if not scope.startswith("in city ") or " by " in scope:
        return []
    return [o for o in others if o.startswith(scope + " by ")]


@lru_cache(maxsize=4096)
def _city(name: str) -> str | None:
    """The city (prefecture level, or a province-level city or province) of a place of the lexicon, or
    of the place a park's name opens with (合肥高新区, 蜀山 -> 合肥)."""
    from kg.extract.lexicon import lexicon, place_prefix

    lex = lexicon()
    place = lex.place(name)
    if place is None and (head := place_prefix(name)) is not None:
        place = lex.place(head)
        rest = name[len(head):].removeprefix("省")
        after = lex.place(rest) or ((inner := place_prefix(rest)) is not None and lex.place(inner)) or None
        if place is not None and place.level == "province" and after is not None:
            place = after  # 安徽合肥高新区, 浙江省宁波市: the city after the province
    while place is not None and place.level not in ("city", "province", "country"):
        place = lex.place(place.parent) if place.parent else None
    return place.label if place is not None else None


@lru_cache(maxsize=4096)
def _province(city: str) -> str:
    """The province of a city of :func:`_city` (itself for a province or a province-level city)."""
    from kg.extract.lexicon import lexicon

    lex = lexicon()
    place = lex.place(city)
    parent = lex.place(place.parent) if place is not None and place.parent else None
    return parent.label if parent is not None and parent.level == "province" else city


def _event_scope(ex: Extraction, names: set[str]) -> str:
    dates: set[str] = set()
    places: set[str] = set()
    things: set[str] = set()
    for rel in ex.relations:
        p, o = rel.predicate, rel.object
        if p == "signedAt":
            if isinstance(o, str) and normalise(o) in names:
                things.add(normalise(rel.subject))
        elif normalise(rel.subject) not in names:
            continue
        elif p == "date" and isinstance(o, DateValue):
            dates.add(o.value)
        elif p == "location" and isinstance(o, str):
            places.add(normalise(o))
        elif p == "launched" and isinstance(o, str):
            things.add(normalise(o))
    if not (dates and places):
        return f"in {ex.article.digest}"
    key = f"on {','.join(sorted(dates))} at {','.join(sorted(places))}"
    return f"{key} with {','.join(sorted(things))}" if things else key


def join_namesakes(nodes: Sequence[Any], keys: Sequence[str], alias_keys: Sequence[tuple[str, ...]],
                   scoped_owner: dict[tuple[str, str, str], int], label_owner: dict[tuple[str, str], int], uf: Any) -> None:
    """(:func:`kg.resolve.resolve`, its union-find ``uf`` of its bundles ``nodes``) The people of one name are one where the articles place posts of theirs in one organisation
    (the organisations as resolved: 甲乙能源 and 甲乙能源科技有限公司 are one; :mod:`kg.name_scope`);
    one named with no post is the one such person of the name, when there is one (else the people of
    the name named with no post stay one, apart)."""
    held: dict[str, list[tuple[list[str], int]]] = defaultdict(list)
    for (top, key, where), i in scoped_owner.items():
        if top == "Person" and where.startswith(POSTS_AT):
            held[key].append((where[len(POSTS_AT):].split(","), i))
    if not held:
        return
    body: dict[tuple[str, str], int] = {}  # (an organisation's name or alias, article) -> its node
    for j, n in enumerate(nodes):
        if n.top == "Organization":
            for name in (keys[j], *alias_keys[j]):
                for d in n.digests:
                    body.setdefault((name, d), j)
    for key in sorted(held):
        org_owner: dict[object, int] = {}
        for orgs, i in sorted(held[key]):
            for org in orgs:
                j = next((body[(org, d)] for d in nodes[i].digests if (org, d) in body), None)
                ident = uf.find(j) if j is not None else org  # (the organisation as resolved, else its name)
                if ident in org_owner:
                    uf.union(org_owner[ident], i)
                else:
                    org_owner[ident] = i
        roots = {uf.find(i) for _, i in held[key]}
        bare = label_owner.get(("Person", key))
        if bare is not None and len(roots) == 1:
            uf.union(bare, next(iter(roots)))

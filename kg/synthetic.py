"""Made-up corpora in the project's own graph shape, for benchmarks at 100k and 1M triples.

The articles are invented (names like ``合成科技00042有限公司``), but the graph is
written by the real :func:`kg.graph.build_quads` from :class:`~kg.model.Extraction`
objects, so it has exactly the shape, IRIs, evidence and ontology of a real
build. Each article reports one event and what the genre reports around it:
projects signed there with investors and amounts, firms and officials taking
part, posts, parks and places, industries, launched initiatives. Entities are
drawn from pools with a heavy tail (a few parks, places and firms recur in
many articles, most appear once or twice), as in a regional news archive.
Everything comes from one seeded RNG: same arguments, same quads.

>>> quads = synthetic_quads(articles=50)          # doctest: +SKIP
>>> kg.store.write_store("out/bench-store", quads)  # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import random
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox

from kg.model import Amount, Article, DateValue, Entity, Extraction, Relation, Sentence

#: Triples per article of :func:`synthetic_quads` (about; measured), to size a corpus.
TRIPLES_PER_ARTICLE = 275  # (385 before one statement node per fact and one sentence node per sentence)

_POOLS = {  # type -> (name pattern, pool size per 100 articles)
    "Company": ("合成{}科技有限公司", 120),
    "Person": ("甲{}", 110),
    "GovernmentBody": ("合成{}市人民政府", 6),
    "Park": ("合成{}经济开发区", 8),
    "Place": ("合成{}市", 5),
    "Industry": ("合成{}产业", 6),
    "Initiative": ("合成{}行动计划", 12),
    "ResearchInstitute": ("合成{}研究院", 6),
}
_TITLES = ("董事长", "总经理", "市长", "党工委书记", "副市长", "院长")


def _pick(rng: random.Random, kind: str, articles: int) -> str:
    pattern, per100 = _POOLS[kind]
    size = max(3, per100 * articles // 100)
    index = min(size - 1, int(rng.paretovariate(1.2)) - 1) if rng.random() < 0.5 else rng.randrange(size)
    return pattern.format(f"{index:05d}")


def _place_of(park: str, articles: int) -> int:
    """The place a park sits in: fixed per park, so parks nest in one place as in real news."""
    size = max(3, _POOLS["Place"][1] * articles // 100)
    return int(hashlib.sha256(park.encode("utf-8")).hexdigest(), 16) % size


def synthetic_article(i: int, articles: int, rng: random.Random) -> Extraction:
    """One invented article (number ``i`` of ``articles``) and what the extractor would find in it."""
    sents: list[str] = []
    rels: list[Relation] = []
    ents: dict[str, str] = {}

    def say(text: str) -> int:
        sents.append(text)
        return len(sents) - 1

    def ent(kind: str, name: str) -> str:
        ents.setdefault(name, kind)
        return name

    park = ent("Park", _pick(rng, "Park", articles))
    place = ent("Place", _POOLS["Place"][0].format(f"{_place_of(park, articles):05d}"))  # a park sits in one place
    gov, industry = ent("GovernmentBody", _pick(rng, "GovernmentBody", articles)), ent("Industry", _pick(rng, "Industry", articles))
    event = ent("Event", f"合成{i:06d}产业发展大会")
    date = f"20{10 + i % 15:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}"
    s = say(f"{date}，{event}在{park}举行。")
    rels += [Relation("date", event, DateValue(date), s), Relation("location", event, park, s),
             Relation("locatedIn", park, place, s), Relation("inIndustry", event, industry, s)]
    n_projects = rng.randint(2, 6)
    total = Decimal(0)
    for k in range(n_projects):
        firm = ent("Company", _pick(rng, "Company", articles))
        project = ent("Project", f"合成{i:06d}{k}号项目")
        value = Decimal(rng.randint(1, 500)) * 10**8
        total += value
        s = say(f"{firm}投资的{project}在大会上签约，总投资{value}元，落户{park}。")
        rels += [Relation("signedAt", project, event, s), Relation("investor", project, firm, s),
                 Relation("investment", project, Amount(value, "CNY"), s), Relation("locatedIn", project, park, s),
                 Relation("inIndustry", project, industry, s), Relation("participatedIn", firm, event, s)]
        if rng.random() < 0.3:
            rels.append(Relation("settledIn", firm, park, s))
        if rng.random() < 0.2:
            other = ent("ResearchInstitute", _pick(rng, "ResearchInstitute", articles))
            rels.append(Relation("partnerOf", firm, other, say(f"{firm}与{other}共建联合实验室。")))
    s = say(f"大会共签约{n_projects}个项目，总投资{total}元。")
    rels += [Relation("projectCount", event, n_projects, s), Relation("investment", event, Amount(total, "CNY"), s)]
    for _ in range(rng.randint(1, 3)):
        person = ent("Person", _pick(rng, "Person", articles))
        title = rng.choice(_TITLES)
        org = gov if "市" in title else ent("Company", _pick(rng, "Company", articles))
        s = say(f"{org}{title}{person}出席大会并致辞。")
        rels += [Relation("holdsPosition", person, org, s, title), Relation("participatedIn", person, event, s)]
    if rng.random() < 0.5:
        initiative = ent("Initiative", _pick(rng, "Initiative", articles))
        s = say(f"会上发布了{initiative}。")
        rels += [Relation("launched", event, initiative, s), Relation("inIndustry", initiative, industry, s)]
    text, sentences, pos = "", [], 0
    for k, t in enumerate(sents):
        sentences.append(Sentence(k, pos, pos + len(t), t))
        text += t
        pos += len(t)
    raw = f"合成新闻{i:06d}\n" + text
    digest = hashlib.sha256(raw.encode("utf-8")).hexdigest()
    offsets = tuple(range(len(raw) - len(text), len(raw)))
    article = Article(f"synthetic_{i:06d}.txt", Path(f"synthetic_{i:06d}.txt"), digest, "utf_8", raw, text, offsets,
                      title=f"合成新闻{i:06d}", dateline=date)
    entities = [Entity(kind, name) for name, kind in sorted(ents.items())]
    return Extraction(article, sentences, entities, rels)


def synthetic_extractions(articles: int, seed: int = 42) -> list[Extraction]:
    """``articles`` invented extractions, deterministic for a given ``seed``."""
    rng = random.Random(seed)
    return [synthetic_article(i, articles, rng) for i in range(articles)]


def synthetic_quads(triples: int | None = None, articles: int | None = None, seed: int = 42) -> list[ox.Quad]:
    """Quads of a made-up build of about ``triples`` triples (or of ``articles`` articles)."""
    from kg.graph import build_quads

    n = articles if articles is not None else max(1, (triples or 100_000) // TRIPLES_PER_ARTICLE)
    return build_quads(synthetic_extractions(n, seed))

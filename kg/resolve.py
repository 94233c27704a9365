"""Cross-article entity identity.

Each :class:`~kg.model.Extraction` names its entities on its own; this module
decides which of them, across all articles, are the same thing, and what that
thing is called. The rule is deliberately simple and order-independent:

* entities are compared within their top type (:func:`kg.model.top_type`), on
  normalised names (Simplified, full-width folded to ASCII, no spaces/quotes);
* two entities are the same when they share a label, or when the label of one
  is an alias of the other (one article states the link) -- unless that alias
  is *ambiguous*, i.e. the alias of several entities that are not already one
  (a bare 市委 that one article resolves to 苏州市委 and another to 昆山市委
  links nothing);
* a bare firm name (no place, no brackets, no legal form) is the same
  as the one firm whose full name, without its place, legal form and words
  such as 科技 or 发展, is that name (甲乙能源 and 甲乙(苏州)能源科技有限公司 or
  苏州甲乙能源有限公司); when two full names
  give the same bare name (a firm and its local subsidiary) nothing is joined,
  nor when an article names both as two entities, and two full names are
  never joined this way;
* an entity whose name does not say which one it is -- an event of a generic name (新闻发布会,
  签约仪式), an organ named relative to the article's place (市财政局), a park or project named by
  what it makes (年产5GWh储能电池项目) -- is one only with the entities of that name of its scope
  (:mod:`kg.name_scope`: an event's dates and places, an organ's post holders, a project's
  cities, else its article);
* industries are anchored to the industry taxonomy: an extracted industry whose
  name is a taxonomy label or alias becomes that concept, with its label;
* otherwise the canonical label is the longest label of the merged entities
  (tie: lexicographically smallest); every other name becomes an altLabel;
* the most specific class is the most frequent one among the merged entities
  (tie: the class of the canonical entity, then alphabetical).

Then the user's curation (:mod:`kg.curation`: merge, alias, rename, retype,
drop), if any, is applied to the entities so found, rule by rule.

Everything is computed on sorted sets, so the result does not depend on the
order of articles or entities.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from kg.model import Extraction, top_type
from kg.name_scope import scope as name_scope
from kg.name_scope import join_namesakes, with_investors
from kg.names import firm_core, normalise  # the one comparison key, shared with scoring

if TYPE_CHECKING:
    from kg.curation_rules import Curation

__all__ = ["normalise", "resolve", "Resolution", "ResolvedEntity", "TaxonomyConcept"]


@dataclass(frozen=True)
class TaxonomyConcept:
    """An industry of the taxonomy (kg/data/industries.tsv)."""

    label: str
    broader: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class ResolvedEntity:
    """One entity of the whole graph."""

    top_type: str
    type: str  # most specific class, local name (Company, Place, ...)
    label: str  # canonical label
    alt_labels: tuple[str, ...]  # sorted, without the label
    scope: str = ""  # which one of a name that does not say (新闻发布会, 市财政局: kg.name_scope); "" for all others


@dataclass
class Resolution:
    """The outcome of resolution: the entities and how article names map onto them."""

    entities: list[ResolvedEntity]
    #: article digest -> normalised name -> sorted (is_alias, index): what a name can mean there (a
    #: dictionary per article: the graph writer looks its names up in the article's own)
    _names: dict[str, dict[str, list[tuple[bool, int]]]] = field(default_factory=dict, repr=False)
    #: article digest -> sorted indices of the entities it mentions
    mentions: dict[str, list[int]] = field(default_factory=dict)
    #: what the curation could not apply: (rule number, one line), in rule order
    notes: list[tuple[int, str]] = field(default_factory=list)

    def candidates(self, digest: str, name: str) -> list[ResolvedEntity]:
        """What ``name`` may refer to in the article ``digest``: label matches first, then aliases."""
        return [self.entities[i] for i in self.indices(digest, name)]

    def indices(self, digest: str, name: str) -> list[int]:
        """:meth:`candidates` as indices into :attr:`entities`."""
        return [i for _, i in self._names.get(digest, {}).get(normalise(name), ())]

    def lookup(self, digest: str, name: str, top: str | None = None) -> ResolvedEntity | None:
        """The entity that ``name`` refers to in the article ``digest`` (optionally of a top type)."""
        for e in self.candidates(digest, name):
            if top is None or e.top_type == top:
                return e
        return None

    def mentioned_in(self, digest: str) -> list[ResolvedEntity]:
        return [self.entities[i] for i in self.mentions.get(digest, [])]


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # keep the smaller root: cheap, and independent of call order in effect
            self.parent[max(ra, rb)] = min(ra, rb)


class _Node(NamedTuple):
    """A name bundle to be merged: one (top type, class, label, aliases) as the articles that
    state it (and the taxonomy, when it is a concept's) give it. Resolution works on these, not
    on each article's copy: the many articles naming one firm alike make one bundle, and all of
    a bundle's copies always resolve together (they share their label)."""

    top: str
    type: str
    label: str
    aliases: tuple[str, ...]
    digests: tuple[str, ...]  # the articles stating it, sorted; no taxonomy concept's
    taxonomy: bool  # a taxonomy concept's own bundle (it may be stated by articles too)
    scope: str = ""  # a name that does not say which one: which (kg.name_scope)


#: (top type, label, class, aliases, scope) -> the articles stating it
Bundles = dict[tuple[str, str, str, tuple[str, ...], str], set[str]]


def add_bundles(names_of: Bundles, extractions: Iterable[Extraction]) -> None:
    """Each entity of each extraction into ``names_of``: its bundle (top type, label, class,
    aliases, scope) -> the articles stating it. What resolution starts from; order does not matter
    (``kg build -jN`` adds each extraction as it comes, while the workers extract the rest)."""
    tops = _TOPS
    for ex in extractions:
        digest = ex.article.digest
        for e in ex.entities:
            label, kind = e.label, e.type
            top = tops.get(kind) or tops.setdefault(kind, top_type(kind))
            aliases = tuple(sorted({a for a in e.aliases if a and a != label})) if e.aliases else ()
            key = (top, label, kind, aliases, name_scope(ex, top, kind, label, aliases) if top in _SCOPED else "")
            found = names_of.get(key)
            if found is None:
                names_of[key] = {digest}
            else:
                found.add(digest)


_TOPS: dict[str, str] = {}  # class -> its top type
_SCOPED = frozenset({"Event", "Organization", "Park", "Person", "Project"})  # the top types of names that may not say which (kg.name_scope)


def resolve(
    extractions: Iterable[Extraction],
    taxonomy: Sequence[TaxonomyConcept] = (),
    curation: Curation | None = None,
    bundles: Bundles | None = None,
) -> Resolution:
    """Merge the entities of all extractions into graph-wide entities, then apply ``curation``.

    ``bundles``: :func:`add_bundles` of these extractions, made already (not changed here)."""
    # (top, label, class, aliases, scope) -> the articles stating it ("" for a taxonomy concept)
    names_of: Bundles = defaultdict(set)
    if bundles is None:
        add_bundles(names_of, extractions)
    else:
        names_of.update((k, set(v)) for k, v in bundles.items())
    used_taxonomy = {normalise(k[1]) for k in names_of if k[0] == "Industry"} | {
        normalise(a) for k in names_of if k[0] == "Industry" for a in k[3]
    }
    for c in taxonomy:
        # only concepts some article mentions become entities; the rest stay in the taxonomy
        names = {normalise(c.label), *(normalise(a) for a in c.aliases)}
        if names & used_taxonomy:
            names_of[("Industry", c.label, "Industry", tuple(sorted(set(c.aliases))), "")].add("")
    # the bundles in a canonical order (their names sorted), each bundle's normalised label and
    # aliases computed once (the steps below ask for them again and again)
    order = sorted(names_of, key=lambda k: (k[0], normalise(k[1]), k[1], k[2], k[3], k[4]))
    nodes: list[_Node] = []
    keys: list[str] = []
    alias_keys: list[tuple[str, ...]] = []
    for top, label, kind, aliases, scope in order:
        digests = names_of[(top, label, kind, aliases, scope)]
        concept = "" in digests
        nodes.append(_Node(top, kind, label, aliases, tuple(sorted(d for d in digests if d)), concept, scope))
        keys.append(normalise(label))
        alias_keys.append(tuple(normalise(a) for a in aliases))
    uf = _UnionFind(len(nodes))

    # 1. same normalised label (or taxonomy alias: the taxonomy is authoritative) -> same entity;
    #    an event of a generic name only within its scope, and no other's name is its name
    label_owner: dict[tuple[str, str], int] = {}
    scoped_owner: dict[tuple[str, str, str], int] = {}
    for i, n in enumerate(nodes):
        key = (n.top, keys[i])
        owners = label_owner
        if n.scope:
            key, owners = (n.top, keys[i], n.scope), scoped_owner
        if key in owners:
            uf.union(owners[key], i)
        else:
            owners[key] = i
    #    (a project of a city that no investor is named for: the one of that name and city that has some)
    by_name: dict[tuple[str, str], list[str]] = defaultdict(list)
    for top, key, where in scoped_owner:
        by_name[(top, key)].append(where)
    for (top, key, where), i in scoped_owner.items():
        fuller = with_investors(where, by_name[(top, key)])
        if len({uf.find(scoped_owner[(top, key, f)]) for f in fuller}) == 1:
            uf.union(i, scoped_owner[(top, key, fuller[0])])
    for i, n in enumerate(nodes):
        if n.taxonomy:
            for a in alias_keys[i]:
                j = label_owner.get((n.top, a))
                if j is not None:
                    uf.union(i, j)

    # 2. a bare firm name -> the one firm whose full name, less place and legal form, it is
    #    (firms only: a bare 市委 is no short name of the one 市委 an article names in full)
    companies = [i for i, n in enumerate(nodes) if n.type == "Company"]
    full_by_core: dict[str, set[str]] = defaultdict(set)
    for i in companies:
        key = keys[i]
        core = firm_core(key)
        if core != key and len(core) >= 2:
            full_by_core[core].add(key)
    #    (an article that names both as two entities -- a firm and its local subsidiary -- keeps them apart)
    short_of: dict[str, str] = {}  # bare name -> the one full name it is short for
    for core, fulls in full_by_core.items():
        if len(fulls) == 1:
            short_of[core] = next(iter(fulls))
    stated_by: dict[str, set[str]] = defaultdict(set)  # a firm's name -> the articles naming a firm so
    for i in companies:
        stated_by[keys[i]].update(nodes[i].digests)
    apart = {key for key, full in short_of.items() if not stated_by[key].isdisjoint(stated_by[full])}
    for i in companies:
        key = keys[i]
        if key in short_of and key not in apart and firm_core(key) == key:
            uf.union(i, label_owner[(nodes[i].top, short_of[key])])

    #    (a government by its everyday name, 临江市政府, is the one named in full, 临江市人民政府)
    for i, n in enumerate(nodes):
        key = keys[i]
        if n.type == "GovernmentBody" and not n.scope and key.endswith("政府") and not key.endswith("人民政府") and len(key) > 3:
            j = label_owner.get(("Organization", key[:-2] + "人民政府"))
            if j is not None and not nodes[j].scope:
                uf.union(i, j)

    # 3. label of one == unambiguous alias of another (the alias of one entity only) -> same entity;
    #    repeated, since a join can make an alias unambiguous (its owners are then one entity)
    owned = [(i, (n.top, a)) for i, n in enumerate(nodes) for a in alias_keys[i] if a != keys[i]]
    while True:
        alias_owners: dict[tuple[str, str], set[int]] = defaultdict(set)
        for i, key in owned:
            alias_owners[key].add(uf.find(i))
        joined = False
        for key in sorted(alias_owners):
            roots = alias_owners[key]
            if len(roots) == 1 and key in label_owner and uf.find(label_owner[key]) not in roots:
                uf.union(next(iter(roots)), label_owner[key])
                joined = True
        if not joined:
            break
    #    a name that does not say which one (kg.name_scope) joins the one entity it is an alias of in
    #    its own article (宜宾三江新区数字经济产业园, then 数字经济产业园): that article states the link
    if scoped_owner:
        in_article: dict[tuple[str, str, str], set[int]] = defaultdict(set)  # (top, alias, article) -> owners
        for i, key in owned:
            for d in nodes[i].digests:
                in_article[(*key, d)].add(i)
        for i, n in enumerate(nodes):
            if n.scope:
                roots = {uf.find(j) for d in n.digests for j in in_article.get((n.top, keys[i], d), ()) if not nodes[j].scope}
                if len(roots) == 1:
                    uf.union(i, next(iter(roots)))

    # 4. people of one name: one where their posts are in one organisation (as resolved above)
    join_namesakes(nodes, keys, alias_keys, scoped_owner, label_owner, uf)

    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(nodes)):
        groups[uf.find(i)].append(i)
    clusters = [_Cluster(sorted(groups[root])) for root in sorted(groups)]  # canonical order
    for c in clusters:
        c.entity = _curated(c, nodes)
    notes: list[tuple[int, str]] = []
    if curation is not None:
        clusters, notes = curation.apply(clusters, lambda c: _curated(c, nodes))

    entities: list[ResolvedEntity] = []
    group_of: dict[int, int] = {}
    for c in clusters:
        entities.append(c.entity)
        for i in c.members:
            group_of[i] = len(entities) - 1

    # the entity list is sorted by (top, label) so that its order is canonical too
    order_ = sorted(range(len(entities)), key=lambda k: (entities[k].top_type, entities[k].label, entities[k].scope))
    new_index = {old: new for new, old in enumerate(order_)}
    entities = [entities[k] for k in order_]

    res = Resolution(entities, notes=notes)
    mentions: dict[str, set[int]] = defaultdict(set)
    # digest -> name -> what it names, as a list (one element for most names: no set to make), made
    # the set it stands for where longer
    names: dict[str, dict[str, list[tuple[bool, int]]]] = defaultdict(dict)
    for i, n in enumerate(nodes):
        if not n.digests or i not in group_of:  # a taxonomy concept only, or dropped by the curation
            continue
        idx = new_index[group_of[i]]
        label_name, alias_names = (False, idx), [(a, (True, idx)) for a in alias_keys[i]]
        key = keys[i]
        for d in n.digests:
            mentions[d].add(idx)
            own = names[d]
            found = own.get(key)
            if found is None:
                own[key] = [label_name]
            else:
                found.append(label_name)
            for a, name in alias_names:
                found = own.get(a)
                if found is None:
                    own[a] = [name]
                else:
                    found.append(name)
    for own in names.values():
        for key, listed in own.items():
            if len(listed) == 1:  # most names name one entity
                continue
            distinct = set(listed)
            if len(distinct) == 1:
                own[key] = list(distinct)
                continue
            labelled = {i for is_alias, i in distinct if not is_alias}
            own[key] = sorted((is_alias, i) for is_alias, i in distinct if not (is_alias and i in labelled))
    res._names = dict(names)
    res.mentions = {d: sorted(ix) for d, ix in sorted(mentions.items())}
    return res


@dataclass
class _Cluster:
    """Article entities found to be one entity, and what the curation says of it."""

    members: list[int]  # indices of nodes
    entity: ResolvedEntity | None = None  # as it stands (recomputed by :func:`_curated`)
    label: str | None = None  # curated label
    type: str | None = None  # curated class
    aliases: frozenset[str] = frozenset()  # curated extra names
    articles: int = 0
    scope: str | None = None  # curated scope (kg.name_scope): None, as resolution found it


def _curated(c: _Cluster, nodes: list[_Node]) -> ResolvedEntity:
    """The entity of a cluster with its curated label, class and names."""
    members = [nodes[i] for i in c.members]
    base = _merge(members)
    c.articles = len({d for m in members for d in m.digests})
    label = c.label or base.label
    type_ = c.type or base.type
    names = {base.label, *base.alt_labels, *c.aliases}
    kept = c.scope if c.scope is not None else base.scope  # (a merge keeps the kept entity's, so its IRI)
    return ResolvedEntity(top_type(type_), type_, label, tuple(sorted(n for n in names if n != label)), kept)


def _merge(members: list[_Node]) -> ResolvedEntity:
    """The entity of merged bundles: each bundle counts once per article stating it (a taxonomy
    concept's once, when no article's bundle is among them) in the vote on the class."""
    top = members[0].top
    taxonomy = sorted(m.label for m in members if m.taxonomy)
    labels = sorted({m.label for m in members})
    if taxonomy:
        label = taxonomy[0]
    else:
        label = sorted(labels, key=lambda s: (-len(s), s))[0]
    names = {m.label for m in members} | {a for m in members for a in m.aliases}
    alt = tuple(sorted({n for n in names if n != label}))
    counts: Counter[str] = Counter()
    for m in members:
        if m.digests:
            counts[m.type] += len(m.digests)
    if not counts:
        counts = Counter(m.type for m in members)
    canonical_types = {m.type for m in members if m.label == label}
    best = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0] not in canonical_types, kv[0]))[0][0]
    # (the fullest: a project's that names its investors, which an outlet naming none joined)
    scope = max((m.scope for m in members if m.label == label), default="")
    return ResolvedEntity(top, best, label, alt, scope)

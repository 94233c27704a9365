"""Posts: who holds which title in which organisation."""

from __future__ import annotations

from kg.extract.components.people import Post
from kg.extract.doc import Doc
from kg.extract.registry import component
from kg.model import Relation


@component("positions")
def positions(doc: Doc) -> None:
    """holdsPosition for each post, participatedIn of the people at the main event."""
    posts: list[Post] = doc.notes.get("posts", [])
    for p in posts:
        if doc.entity(p.person) is None:
            continue
        if p.org:
            doc.ensure_entity(p.org_type or "Company", p.org)
        person = doc.entity(p.person).label
        org = doc.entity(p.org).label if p.org and doc.entity(p.org) else None
        key = ("holdsPosition", person, org, p.title)
        if key not in doc._seen:
            doc._seen.add(key)
            doc.relations.append(Relation("holdsPosition", person, org, p.sentence, p.title))
    main = doc.notes.get("main_event")
    if main:
        for e in doc.entities.values():
            if e.type == "Person" and e.mentions:
                doc.relate("participatedIn", e.label, main, e.mentions[0].sentence)

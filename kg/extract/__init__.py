"""Article -> Extraction: a pipeline of small named components over a :class:`Doc`.

``extract(article)`` runs the components listed in ``kg/data/pipeline.toml``;
the rules use lexicons and word lists from ``kg/data/`` (titles, name
suffixes, places, industries), never names of particular firms or people.
"""

from __future__ import annotations

import gc

from kg.extract.doc import Doc, Span
from kg.extract.registry import REGISTRY, Pipeline, component, default_pipeline
from kg.model import Article, Extraction

__all__ = ["Doc", "Span", "Pipeline", "REGISTRY", "component", "default_pipeline", "extract"]


def extract(article: Article) -> Extraction:
    """Extract the entities and relations of one article.

    Python's cyclic collector is paused meanwhile (restored after): an article makes
    ~10^5 short-lived containers, and every 700 of them the collector would walk the
    young objects, now and then every live one (a build's earlier extractions), for
    little garbage; what cycles an article leaves are collected once it is done.
    ~5% of extraction's cpu on the 4 MB bench corpus."""
    was = gc.isenabled()
    gc.disable()
    try:
        return default_pipeline()(article)
    finally:
        if was:
            gc.enable()

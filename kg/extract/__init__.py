"""Article -> Extraction: a pipeline of small named components over a :class:`Doc`.

``extract(article)`` runs the components listed in ``kg/data/pipeline.toml``;
the rules use lexicons and word lists from ``kg/data/`` (titles, name
suffixes, places, industries), never names of particular firms or people.
"""

from __future__ import annotations

from kg.extract.doc import Doc, Span
from kg.extract.registry import REGISTRY, Pipeline, component, default_pipeline
from kg.model import Article, Extraction

__all__ = ["Doc", "Span", "Pipeline", "REGISTRY", "component", "default_pipeline", "extract"]


def extract(article: Article) -> Extraction:
    """Extract the entities and relations of one article."""
    return default_pipeline()(article)

"""Chanye KG: Chinese regional-industry news to an RDF knowledge graph.

The package layout follows the pipeline::

    read -> clean -> extract -> resolve -> graph -> store -> query / analyse / draw

The public API lives in :mod:`kg.api` and is re-exported here.
"""

__version__ = "0.1.0"

_API = ("KnowledgeGraph", "BuildReport", "build", "open_graph", "seed_articles")


def __getattr__(name: str):  # lazy, so that `import kg.model` stays light (worker processes)
    if name in _API:
        from kg import api

        return getattr(api, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


__all__ = ["__version__", *_API]

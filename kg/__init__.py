"""Chanye KG: Chinese regional-industry news to an RDF knowledge graph.

The package layout follows the pipeline::

    read -> clean -> extract -> resolve -> graph -> store -> query / analyse / draw

The public API lives in :mod:`kg.api` and is re-exported here.
"""

__version__ = "0.1.0"

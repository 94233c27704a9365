"""Score extraction against hand-made gold facts (``eval/gold``, ``eval/SCHEMA.md`` §2).

The scorer reads the *RDF graph* through the contract IRIs of SCHEMA.md with
SPARQL, not the pipeline's internal objects, so it measures exactly what a
SPARQL client of the knowledge graph would see. Each article is built on its
own, so an article's score does not depend on the others.

Matching rules (SCHEMA.md §2):

* names are normalised (:func:`normalise`) and an extracted entity matches a
  gold entity when any of its labels equals any gold name or alias; the
  matching is one-to-one and greedy in a fixed order, so it is deterministic;
* entities are scored at the top type (the six organisation classes fold to
  ``Organization``) and at the exact class;
* a predicted relation matches a gold one when the property is equal, subject
  and object refer to the same gold entity (by name) or the literals are equal
  (dates as strings, integers, amounts by value *and* currency); for
  ``holdsPosition`` the title and the organisation (or its absence) must agree
  too; ``partnerOf`` is symmetric.
"""


from kg.evaluate.matching import score_graph
from kg.evaluate.scores import ArticleScore, Counts, EvalReport
from kg.evaluate.sets import (
    EVAL_SETS,
    GROUPED_SETS,
    HOLD_OUT_SETS,
    SET_NAMES,
    Builder,
    build_article_graph,
    default_paths,
    evaluate,
    evaluate_set,
    load_gold,
    region_group,
    repository_root,
    set_paths,
)
from kg.evaluate.thresholds import (
    DEFAULT_TOLERANCE,
    MIN_PROPERTY_FACTS,
    measure_thresholds,
    read_thresholds,
    regressions,
    render_thresholds,
    threshold_figures,
    thresholds_path,
    write_thresholds,
)
from kg.names import normalise

__all__ = [
    "DEFAULT_TOLERANCE",
    "EVAL_SETS",
    "GROUPED_SETS",
    "HOLD_OUT_SETS",
    "MIN_PROPERTY_FACTS",
    "SET_NAMES",
    "ArticleScore",
    "Builder",
    "Counts",
    "EvalReport",
    "build_article_graph",
    "default_paths",
    "evaluate",
    "evaluate_set",
    "load_gold",
    "measure_thresholds",
    "normalise",
    "read_thresholds",
    "region_group",
    "regressions",
    "render_thresholds",
    "repository_root",
    "score_graph",
    "set_paths",
    "threshold_figures",
    "thresholds_path",
    "write_thresholds",
]

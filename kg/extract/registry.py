"""The component registry and the pipeline that runs components in the order of ``pipeline.toml``.

Components are small named functions ``Doc -> None`` (in the spirit of spaCy
components) so that the order is data and each step can be tested alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache

from kg.extract.doc import Doc
from kg.extract.lexicon import config, lexicon
from kg.model import Article, Extraction

Component = Callable[[Doc], None]

REGISTRY: dict[str, Component] = {}


def component(name: str) -> Callable[[Component], Component]:
    """Register a function as the pipeline component ``name``."""

    def register(func: Component) -> Component:
        if name in REGISTRY and REGISTRY[name] is not func:
            raise ValueError(f"component {name!r} registered twice")
        REGISTRY[name] = func
        return func

    return register


class Pipeline:
    """An ordered list of registered components."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names = list(names)
        missing = [n for n in self.names if n not in REGISTRY]
        if missing:
            raise KeyError(f"unknown pipeline components: {', '.join(missing)}")
        self.steps = [REGISTRY[n] for n in self.names]

    def run(self, article: Article, upto: str | None = None) -> Doc:
        """Run the components on a fresh :class:`Doc` (stop after ``upto`` when given)."""
        doc = Doc(article)
        for name, step in zip(self.names, self.steps):
            step(doc)
            if name == upto:
                break
        return doc

    def __call__(self, article: Article) -> Extraction:
        return self.run(article).to_extraction()


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """The pipeline listed in ``kg/data/pipeline.toml`` (built once per process)."""
    from kg.extract.cache import compiled_patterns

    with compiled_patterns():  # the rules' regular expressions, compiled in an earlier process
        from kg.extract import components  # noqa: F401  (registers the components)

        lexicon()  # (every article needs it: its word patterns are kept with the rules')

    return Pipeline(config()["pipeline"]["components"])

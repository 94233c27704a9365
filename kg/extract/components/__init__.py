"""Pipeline components; importing this package registers them all."""

from kg.extract.components import (  # noqa: F401
    aliases,
    entities,
    events,
    finalise,
    industries,
    lexical,
    lists,
    mentions,
    organisations,
    people,
    places,
    posts,
    projects,
    sentences,
)

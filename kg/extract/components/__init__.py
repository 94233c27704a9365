"""Pipeline components; importing this package registers them all."""

from kg.extract.components import (  # noqa: F401
    entities,
    events,
    finalise,
    industries,
    lists,
    mentions,
    organisations,
    people,
    places,
    posts,
    projects,
    sentences,
)

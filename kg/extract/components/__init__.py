"""Pipeline components; importing this package registers them all."""

from kg.extract.components import (  # noqa: F401
    entities,
    event_frames,
    event_names,
    event_roles,
    events,
    finalise,
    industries,
    mentions,
    organisations,
    people,
    places,
    posts,
    projects,
    sentences,
)

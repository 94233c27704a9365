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
    post_forms,
    posts,
    projects,
    sentences,
)

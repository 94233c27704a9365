"""Pipeline components; importing this package registers them all."""

from kg.extract.components import (  # noqa: F401
    aliases,
    entities,
    event_frames,
    event_names,
    event_roles,
    event_sectors,
    events,
    finalise,
    industries,
    lexical,
    lists,
    mentions,
    organisations,
    people,
    places,
    post_forms,
    posts,
    projects,
    quoted,
    sentences,
)

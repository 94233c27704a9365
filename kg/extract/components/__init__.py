"""Pipeline components; importing this package registers them all.

(Imported inside :func:`kg.extract.cache.compiled_patterns`, which compiles the rules'
patterns with their first characters: :mod:`kg.charsets`.)"""

from kg.extract.components import (  # noqa: F401
    aliases,
    bare_refs,
    entities,
    event_frames,
    event_names,
    event_roles,
    event_sectors,
    events,
    finalise,
    host_parks,
    industries,
    joint_ventures,
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
    side_events,
)

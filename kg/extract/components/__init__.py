"""Pipeline components; importing this package registers them all."""

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
from kg.extract.scan import quicken as _quicken

_quicken()  # the rules' patterns, with a first-character lookahead where it pays (same matches)

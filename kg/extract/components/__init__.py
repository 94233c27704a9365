"""Pipeline components; importing this package registers them all.

The rules' module-level patterns are compiled with their first characters
(:mod:`kg.charsets`; :func:`kg.extract.cache.compiled_patterns` keeps them compiled)."""

from kg.charsets import first_characters

with first_characters():  # however the rules are first imported, their patterns get their first characters
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
        fund_stakes,
        host_parks,
        industries,
        industry_lists,
        joint_ventures,
        learned,
        lexical,
        lists,
        mentions,
        organisations,
        people,
        places,
        plans,
        post_forms,
        posts,
        project_lists,
        projects,
        quoted,
        respective,
        sentences,
        side_events,
    )

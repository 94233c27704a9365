"""Pipeline components; importing this package registers them all."""

from kg.extract.components import entities, mentions, people, relations, sentences  # noqa: F401

"""Two variants compared: ``compare(a, b)`` gives a ``FieldDiff`` per header key, a
``BodyDiff`` of aligned line blocks, a ``SectionMatch`` per Markdown section and a body
similarity. Every result is an immutable dataclass, so a view can keep one and step
through it. The parts live beside this module: ``fields``, ``words``, ``bodies``,
``sections``, ``carry``, ``overview``; ``model`` holds what they share.
"""

from __future__ import annotations

from dataclasses import dataclass

from agent_editor.compare.bodies import BodyDiff, Change, body_similarity, compare_bodies
from agent_editor.compare.fields import FieldDiff, compare_fields
from agent_editor.compare.model import Comparable
from agent_editor.compare.sections import SectionMatch, match_sections

@dataclass(frozen=True)
class Comparison:
    """Everything that differs between two variants."""

    fields: tuple[FieldDiff, ...]
    body: BodyDiff
    sections: tuple[SectionMatch, ...]
    similarity: float

    @property
    def field_changes(self) -> tuple[FieldDiff, ...]:
        return tuple(diff for diff in self.fields if not diff.same)

    @property
    def changes(self) -> tuple[Change, ...]:
        return self.body.changes

    @property
    def section_changes(self) -> tuple[SectionMatch, ...]:
        return tuple(match for match in self.sections if not match.same)

    @property
    def identical(self) -> bool:
        """Same meaning in the header and the same body text."""
        return not self.field_changes and self.body.identical

    def field(self, key: str) -> FieldDiff | None:
        return next((diff for diff in self.fields if diff.key == key), None)


def compare(a: Comparable, b: Comparable) -> Comparison:
    body_a, body_b = a.body, b.body
    return Comparison(
        fields=compare_fields(a.fields, b.fields),
        body=compare_bodies(body_a, body_b),
        sections=match_sections(body_a, body_b),
        similarity=body_similarity(body_a, body_b),
    )

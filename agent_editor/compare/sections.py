"""Bodies compared by Markdown section: sections matched by heading, and a renamed, moved,
added or removed section named as such."""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

# Two sections with different titles are taken for one renamed section when this much
# of their text is the same.
RENAME_SIMILARITY = 0.6
# How many section pairs may be scored by content when looking for renamed sections.
RENAME_MAX_CANDIDATES = 4000

_ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
_CLOSING_HASHES = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


@dataclass(frozen=True)
class Section:
    """A Markdown section: an ATX heading and the lines up to the next heading of the
    same or a higher level (so it contains its subsections).

    ``start_line`` is the heading's line, ``end_line`` the first line after the section.
    ``index`` is the section's place in ``parse_sections``' result, ``parent`` the index
    of the section it lies in (None at the top). ``key`` is the normalised title used to
    match sections across variants.
    """

    title: str
    level: int
    start_line: int
    end_line: int
    index: int
    parent: int | None
    key: str


def heading_key(title: str) -> str:
    """A title reduced to what identifies it: case, punctuation, markup and numbering dropped."""
    text = re.sub(r"^\s*(\d+[.)]\s*)+", "", title)
    text = re.sub(r"[^\w\s]|_", " ", text.casefold())
    return " ".join(text.split())


def parse_sections(body: str) -> tuple[Section, ...]:
    """Every ATX heading (``#`` .. ``######``) outside fenced code, as a ``Section``."""
    lines = body.split("\n")
    headings = list(_headings(lines))
    sections: list[Section] = []
    open_sections: list[int] = []  # indices of the sections the current line lies in
    ends: list[int] = [len(lines)] * len(headings)
    for index, (line_number, level, title) in enumerate(headings):
        while open_sections and sections[open_sections[-1]].level >= level:
            ends[open_sections.pop()] = line_number
        parent = open_sections[-1] if open_sections else None
        sections.append(Section(title, level, line_number, -1, index, parent, heading_key(title)))
        open_sections.append(index)
    return tuple(
        Section(s.title, s.level, s.start_line, ends[s.index], s.index, s.parent, s.key) for s in sections
    )


_EMPHASIS_MARKS = re.compile(r"\*\*|__|`")


def _headings(lines: Sequence[str]) -> Iterable[tuple[int, int, str]]:
    fence: str | None = None
    for number, line in enumerate(lines):
        fence_match = _FENCE.match(line)
        if fence is not None:
            if _closes_fence(fence, line):
                fence = None
            continue
        if fence_match:
            fence = fence_match.group(1)
            continue
        heading = _ATX_HEADING.match(line)
        if heading:
            title = _CLOSING_HASHES.sub("", heading.group(2) or "").strip()
            # Shown and matched as read: "**Security**" is the section "Security".
            title = _EMPHASIS_MARKS.sub("", title).strip() or title
            yield number, len(heading.group(1)), title


def _closes_fence(fence: str, line: str) -> bool:
    """A fence closes with the same character, at least as many, and nothing else on the line."""
    match = _FENCE.match(line)
    return bool(match) and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence) and not (
        line.strip().lstrip(fence[0])
    )


def section_text(body: str, section: Section) -> str:
    """The section's lines (heading included) as text, without trailing blank lines."""
    lines = body.split("\n")
    start, end = core_range(lines, section)
    return "\n".join(lines[start:end])


def core_range(lines: Sequence[str], section: Section) -> tuple[int, int]:
    end = section.end_line
    while end > section.start_line + 1 and not lines[end - 1].strip():
        end -= 1
    return section.start_line, end


def content_words(lines: Sequence[str], section: Section) -> list[str]:
    return " ".join(lines[section.start_line + 1 : section.end_line]).split()


def _content(lines: Sequence[str], section: Section) -> list[str]:
    start, end = core_range(lines, section)
    return [line.rstrip() for line in lines[start + 1 : end]]


class SectionKind(Enum):
    SAME = "same"
    CHANGED = "changed"  # same title, different text
    RENAMED = "renamed"  # different title, text similar enough to be the same section
    MOVED = "moved"  # matched, but its place among its neighbours changed
    ONLY_IN_A = "only in A"
    ONLY_IN_B = "only in B"


@dataclass(frozen=True)
class SectionMatch:
    """A section of A, of B, or of both (matched by title, else by content).

    ``renamed``: matched by content, titles differ (old title ``a.title``, new ``b.title``).
    ``moved``: its order among its sibling sections differs (a section moving along with
    its parent is not reported separately). ``same_text``: the text under the heading is
    identical (trailing white space ignored). ``similarity``: word similarity of that text
    (0..1; 0.0 for a section on one side only).
    """

    a: Section | None
    b: Section | None
    renamed: bool = False
    moved: bool = False
    same_text: bool = False
    similarity: float = 0.0

    @property
    def title(self) -> str:
        return (self.a or self.b).title  # type: ignore[union-attr]

    @property
    def kind(self) -> SectionKind:
        """The most notable thing about this section (see the flags for combinations)."""
        if self.b is None:
            return SectionKind.ONLY_IN_A
        if self.a is None:
            return SectionKind.ONLY_IN_B
        if self.renamed:
            return SectionKind.RENAMED
        if self.moved:
            return SectionKind.MOVED
        return SectionKind.SAME if self.same_text else SectionKind.CHANGED

    @property
    def same(self) -> bool:
        return self.kind is SectionKind.SAME


def match_sections(body_a: str, body_b: str) -> tuple[SectionMatch, ...]:
    """Sections of both bodies matched: A's in A's order, B-only ones placed after the
    section that precedes them in B."""
    lines_a, lines_b = body_a.split("\n"), body_b.split("\n")
    sections_a, sections_b = parse_sections(body_a), parse_sections(body_b)
    pairs, renamed = pair_sections(sections_a, sections_b, lines_a, lines_b)
    moved = _moved_sections(sections_a, sections_b, pairs)
    matches: list[SectionMatch] = []
    for section in sections_a:
        other = pairs.get(section.index)
        if other is None:
            matches.append(SectionMatch(section, None))
            continue
        b = sections_b[other]
        content_a, content_b = _content(lines_a, section), _content(lines_b, b)
        same_text = content_a == content_b
        similarity = 1.0 if same_text else _words_ratio(" ".join(content_a).split(), " ".join(content_b).split())
        matches.append(SectionMatch(section, b, section.index in renamed, section.index in moved, same_text, similarity))
    _place_b_only(matches, sections_b, set(pairs.values()))
    return tuple(matches)


def _place_b_only(matches: list[SectionMatch], sections_b: Sequence[Section], matched_b: set[int]) -> None:
    for section in sections_b:
        if section.index in matched_b:
            continue
        position = 0
        for index, match in enumerate(matches):
            if match.b is not None and match.b.index < section.index:
                position = index + 1
        matches.insert(position, SectionMatch(None, section))


def pair_sections(
    sections_a: Sequence[Section], sections_b: Sequence[Section], lines_a: Sequence[str], lines_b: Sequence[str]
) -> tuple[dict[int, int], set[int]]:
    """A index -> B index for matched sections, and the A indices matched by content only."""
    pairs: dict[int, int] = {}

    def parent_key(sections: Sequence[Section], section: Section) -> str | None:
        return None if section.parent is None else sections[section.parent].key

    # Titles first: with the parent's title too (so two "Examples" under different
    # parents pair up right), then by title alone; repeated titles pair up in order.
    for with_parent in (True, False):
        waiting: dict[tuple, list[int]] = {}
        taken_b = set(pairs.values())
        for b in sections_b:
            if b.index not in taken_b:
                key = (b.key, parent_key(sections_b, b)) if with_parent else (b.key,)
                waiting.setdefault(key, []).append(b.index)
        for a in sections_a:
            if a.index in pairs:
                continue
            key = (a.key, parent_key(sections_a, a)) if with_parent else (a.key,)
            if waiting.get(key):
                pairs[a.index] = waiting[key].pop(0)
    renamed = _pair_by_content(sections_a, sections_b, lines_a, lines_b, pairs)
    return pairs, renamed


def _pair_by_content(
    sections_a: Sequence[Section],
    sections_b: Sequence[Section],
    lines_a: Sequence[str],
    lines_b: Sequence[str],
    pairs: dict[int, int],
) -> set[int]:
    taken_b = set(pairs.values())
    left_a = [a for a in sections_a if a.index not in pairs]
    left_b = [b for b in sections_b if b.index not in taken_b]
    words_b = {b.index: content_words(lines_b, b) for b in left_b}
    scored = score_candidates(
        [(a.index, content_words(lines_a, a)) for a in left_a], [(b.index, words_b[b.index]) for b in left_b]
    )
    renamed: set[int] = set()
    for _score, a_index, b_index in sorted(scored, reverse=True):
        if a_index in pairs or b_index in taken_b:
            continue
        pairs[a_index] = b_index
        taken_b.add(b_index)
        renamed.add(a_index)
    return renamed


def score_candidates(
    items_a: Sequence[tuple[int, list[str]]], items_b: Sequence[tuple[int, list[str]]]
) -> list[tuple[float, int, int]]:
    """(similarity, a, b) for every pair of texts similar enough to be one section renamed."""
    scored: list[tuple[float, int, int]] = []
    budget = RENAME_MAX_CANDIDATES
    for b_index, words_b in items_b:
        if not words_b:
            continue
        matcher = difflib.SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(words_b)  # difflib caches its analysis of the second sequence
        for a_index, words_a in items_a:
            if not words_a or budget <= 0:
                continue
            matcher.set_seq1(words_a)
            if matcher.real_quick_ratio() < RENAME_SIMILARITY or matcher.quick_ratio() < RENAME_SIMILARITY:
                continue
            budget -= 1
            score = matcher.ratio()
            if score >= RENAME_SIMILARITY:
                scored.append((score, a_index, b_index))
    return scored


def _words_ratio(words_a: list[str], words_b: list[str]) -> float:
    if words_a == words_b:
        return 1.0
    return difflib.SequenceMatcher(None, words_a, words_b).ratio()


def _moved_sections(sections_a: Sequence[Section], sections_b: Sequence[Section], pairs: dict[int, int]) -> set[int]:
    """A indices of matched sections whose order among their siblings changed.

    Sections are grouped by parent: a section whose parent in A is matched to its parent
    in B is judged among its siblings only; the others (top level, or now under another
    parent) are judged together in document order. In each group the longest run kept in
    order stays put and the rest moved, so moving one section reports that one section.
    """
    groups: dict[int | None, list[int]] = {}
    for a_index in sorted(pairs):
        a, b = sections_a[a_index], sections_b[pairs[a_index]]
        anchored = a.parent is not None and b.parent is not None and pairs.get(a.parent) == b.parent
        groups.setdefault(a.parent if anchored else None, []).append(a_index)
    moved: set[int] = set()
    for members in groups.values():
        kept = _longest_increasing([pairs[a_index] for a_index in members])
        moved.update(a_index for position, a_index in enumerate(members) if position not in kept)
    return moved


def _longest_increasing(values: Sequence[int]) -> set[int]:
    """Positions of one longest strictly increasing subsequence (patience sorting)."""
    tails: list[int] = []  # tails[k]: smallest tail value of an increasing run of length k + 1
    tail_positions: list[int] = []
    previous: list[int] = [-1] * len(values)
    for position, value in enumerate(values):
        k = bisect.bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_positions.append(position)
        else:
            tails[k] = value
            tail_positions[k] = position
        previous[position] = tail_positions[k - 1] if k else -1
    kept: set[int] = set()
    position = tail_positions[-1] if tail_positions else -1
    while position >= 0:
        kept.add(position)
        position = previous[position]
    return kept

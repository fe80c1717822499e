"""Comparing agent variants: header fields by meaning, bodies line by line and section by section.

This module owns the comparison model behind the compare view and the HTML report. It
is pure Python (no Qt) and every result is an immutable dataclass, so a view can keep
one and step through it.

* ``compare(a, b)`` compares two documents (anything with ``fields`` and ``body``, such
  as an ``AgentDocument``): a ``FieldDiff`` per header key, a ``BodyDiff`` of aligned
  line blocks with word-level segments inside changed lines, a ``SectionMatch`` per
  Markdown section, and a body similarity.
* ``overview(docs)`` summarises any number of variants: fields, tool sets, sections
  (one row per section, matched across variants) and a pairwise similarity matrix.
* ``apply_change`` and ``copy_section`` carry one change, or a whole section, from one
  body into the other.

Line numbers: every line index is 0-based into ``body.split("\\n")`` and every range is
half-open, ``[start, end)``. An insertion has an empty range on the side without the
lines (``a_start == a_end``): the place where the other side's lines would go.

Fields are compared as Claude Code reads them: key order and quoting do not matter,
``tools`` and ``disallowedTools`` are compared as sets whatever style each file writes
them in, and an absent ``tools`` key means the same as ``tools: "*"`` (every tool).
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, NamedTuple, Protocol

from agent_editor.agentfile.tools import parse_tools

__all__ = [
    "Block",
    "BlockKind",
    "BodyDiff",
    "Change",
    "Comparable",
    "Comparison",
    "FieldDiff",
    "FieldRow",
    "FieldStatus",
    "LineRow",
    "Op",
    "Overview",
    "Section",
    "SectionKind",
    "SectionMatch",
    "SectionRow",
    "Segment",
    "Side",
    "ToolRow",
    "ToolSetDiff",
    "TOOL_SET_KEYS",
    "apply_change",
    "body_similarity",
    "compare",
    "compare_bodies",
    "compare_fields",
    "heading_key",
    "same_value",
    "copy_section",
    "match_sections",
    "overview",
    "parse_sections",
    "section_text",
    "tool_set",
    "word_diff",
]

TOOL_SET_KEYS = ("tools", "disallowedTools")

# Two sections with different titles are taken for one renamed section when this much
# of their text is the same.
RENAME_SIMILARITY = 0.6
# Two changed lines are shown side by side (with word-level differences) when at least
# this much of their words are shared; otherwise one is a deletion, the other an insertion.
LINE_PAIR_SIMILARITY = 0.4
# Word diffs beyond this many tokens (both sides together) are not worth the time: the
# lines are shown as wholly replaced.
WORD_DIFF_MAX_TOKENS = 4000
# Aligning the lines of a replaced block costs len(a) * len(b) cheap comparisons; above
# this the lines are paired in order.
LINE_PAIRING_MAX_CELLS = 10_000
# How many section pairs may be scored by content when looking for renamed sections.
RENAME_MAX_CANDIDATES = 4000


class Comparable(Protocol):
    """What the comparison needs from a document: its header fields and its body."""

    @property
    def fields(self) -> Mapping[str, Any]: ...

    @property
    def body(self) -> str: ...


class Side(Enum):
    A = "a"
    B = "b"


class Op(Enum):
    """What a word-level segment is: shared text, text only in A, text only in B."""

    EQUAL = "equal"
    DELETE = "delete"
    INSERT = "insert"


class Segment(NamedTuple):
    """One run of a word-level diff: ``(op, text)``."""

    op: Op
    text: str


# ----- header fields -------------------------------------------------------------------


class FieldStatus(Enum):
    SAME = "same"
    CHANGED = "changed"
    ONLY_IN_A = "only in A"
    ONLY_IN_B = "only in B"


@dataclass(frozen=True)
class ToolSetDiff:
    """Two tool grants compared as sets.

    ``all_in_a`` / ``all_in_b`` say the side grants every tool (``tools`` absent, ``*``,
    ``""`` or ``[]``); such a side has no list, so every tool the other side names is in
    ``in_both`` and nothing is ``only_in`` the listing side. Names keep the order of the
    side they come from (A first for ``in_both``).
    """

    key: str
    in_both: tuple[str, ...]
    only_in_a: tuple[str, ...]
    only_in_b: tuple[str, ...]
    all_in_a: bool = False
    all_in_b: bool = False

    @property
    def same(self) -> bool:
        return not self.only_in_a and not self.only_in_b and self.all_in_a == self.all_in_b


@dataclass(frozen=True)
class FieldDiff:
    """One header key compared across A and B.

    ``value_a`` / ``value_b`` are the values as Claude Code reads them (None when the key
    is absent on that side: see ``present_a`` / ``present_b``). ``words`` holds the
    word-level diff when both values are strings and differ; ``tools`` the set comparison
    for ``tools`` and ``disallowedTools``. The status is by meaning: ``tools`` absent on
    one side and ``"*"`` on the other is SAME.
    """

    key: str
    status: FieldStatus
    value_a: Any
    value_b: Any
    present_a: bool
    present_b: bool
    words: tuple[Segment, ...] = ()
    tools: ToolSetDiff | None = None

    @property
    def same(self) -> bool:
        return self.status is FieldStatus.SAME


def tool_set(key: str, fields: Mapping[str, Any]) -> tuple[str, ...] | None:
    """The tool names ``fields[key]`` stands for, without repeats, or None for every tool.

    For ``tools`` absence means every tool; for ``disallowedTools`` it means none, and
    only ``*`` means every tool.
    """
    present = key in fields
    value = fields.get(key)
    names = parse_tools(value) if present else None
    if key == "disallowedTools":
        if names is None:
            return None if present and _is_star(value) else ()
    elif names is None:
        return None
    return tuple(dict.fromkeys(names))


def _is_star(value: Any) -> bool:
    if isinstance(value, (list, tuple)):
        return [str(item).strip() for item in value] == ["*"]
    return isinstance(value, str) and value.strip() == "*"


def _compare_tool_sets(key: str, fields_a: Mapping[str, Any], fields_b: Mapping[str, Any]) -> ToolSetDiff:
    tools_a, tools_b = tool_set(key, fields_a), tool_set(key, fields_b)
    if tools_a is None or tools_b is None:
        listed = tools_a if tools_a is not None else (tools_b or ())
        return ToolSetDiff(key, tuple(listed), (), (), tools_a is None, tools_b is None)
    set_a, set_b = set(tools_a), set(tools_b)
    return ToolSetDiff(
        key,
        in_both=tuple(name for name in tools_a if name in set_b),
        only_in_a=tuple(name for name in tools_a if name not in set_b),
        only_in_b=tuple(name for name in tools_b if name not in set_a),
    )


def same_value(a: Any, b: Any) -> bool:
    """Equal as YAML values: ``True`` is not ``1``, mappings ignore key order."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        return a.keys() == b.keys() and all(same_value(a[key], b[key]) for key in a)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b))
    if isinstance(a, str) or isinstance(b, str):
        return type(a) is type(b) and a == b
    return a == b


def compare_fields(fields_a: Mapping[str, Any], fields_b: Mapping[str, Any]) -> tuple[FieldDiff, ...]:
    """One ``FieldDiff`` per key in either header: A's keys in A's order, then B's new keys."""
    keys = list(dict.fromkeys([*fields_a, *fields_b]))
    return tuple(_compare_field(key, fields_a, fields_b) for key in keys)


def _compare_field(key: str, fields_a: Mapping[str, Any], fields_b: Mapping[str, Any]) -> FieldDiff:
    present_a, present_b = key in fields_a, key in fields_b
    value_a, value_b = fields_a.get(key), fields_b.get(key)
    tools = _compare_tool_sets(key, fields_a, fields_b) if key in TOOL_SET_KEYS else None
    same = tools.same if tools is not None else present_a and present_b and same_value(value_a, value_b)
    if same:
        status = FieldStatus.SAME
    elif present_a and present_b:
        status = FieldStatus.CHANGED
    else:
        status = FieldStatus.ONLY_IN_A if present_a else FieldStatus.ONLY_IN_B
    words: tuple[Segment, ...] = ()
    if not same and isinstance(value_a, str) and isinstance(value_b, str):
        words = word_diff(value_a, value_b)
    return FieldDiff(key, status, value_a, value_b, present_a, present_b, words, tools)


# ----- word-level differences ----------------------------------------------------------

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def word_diff(a: str, b: str) -> tuple[Segment, ...]:
    """The word-level difference of two strings as ``(op, text)`` segments.

    Joining the EQUAL and DELETE texts gives ``a``; EQUAL and INSERT give ``b``. A run
    of white space between two changes joins them, so "old words" -> "new text" reads
    as one replacement rather than a checkerboard.
    """
    if a == b:
        return (Segment(Op.EQUAL, a),) if a else ()
    tokens_a, tokens_b = _tokens(a), _tokens(b)
    if len(tokens_a) + len(tokens_b) > WORD_DIFF_MAX_TOKENS:
        return _whole_replacement(a, b)
    matcher = difflib.SequenceMatcher(None, tokens_a, tokens_b, autojunk=False)
    opcodes = _join_changes_across_spaces(matcher.get_opcodes(), tokens_a)
    segments: list[Segment] = []
    for tag, a1, a2, b1, b2 in opcodes:
        if tag == "equal":
            _append(segments, Op.EQUAL, "".join(tokens_a[a1:a2]))
            continue
        _append(segments, Op.DELETE, "".join(tokens_a[a1:a2]))
        _append(segments, Op.INSERT, "".join(tokens_b[b1:b2]))
    return tuple(segments)


def _whole_replacement(a: str, b: str) -> tuple[Segment, ...]:
    return tuple(Segment(op, text) for op, text in ((Op.DELETE, a), (Op.INSERT, b)) if text)


def _append(segments: list[Segment], op: Op, text: str) -> None:
    if not text:
        return
    if segments and segments[-1].op is op:
        segments[-1] = Segment(op, segments[-1].text + text)
    else:
        segments.append(Segment(op, text))


def _join_changes_across_spaces(opcodes: list[tuple], tokens_a: list[str]) -> list[tuple]:
    """Fold an equal run of only white space that sits between two changes into them."""
    joined: list[tuple] = []
    for index, (tag, a1, a2, b1, b2) in enumerate(opcodes):
        bridges_two_changes = (
            tag == "equal"
            and index + 1 < len(opcodes)
            and opcodes[index + 1][0] != "equal"
            and all(token.isspace() for token in tokens_a[a1:a2])
        )
        if (tag != "equal" or bridges_two_changes) and joined and joined[-1][0] != "equal":
            _tag, start_a, _end_a, start_b, _end_b = joined.pop()
            joined.append(("replace", start_a, a2, start_b, b2))
        else:
            joined.append((tag, a1, a2, b1, b2))
    return joined


# ----- body: aligned line blocks -------------------------------------------------------


class BlockKind(Enum):
    EQUAL = "equal"
    REPLACE = "replace"
    DELETE = "delete"  # lines only in A
    INSERT = "insert"  # lines only in B


@dataclass(frozen=True)
class LineRow:
    """One row of the side-by-side view inside a change.

    ``a_line`` / ``b_line`` are line indices (None when the row has no line on that
    side). When both are set, ``segments`` is their word-level diff.
    """

    a_line: int | None
    b_line: int | None
    segments: tuple[Segment, ...] = ()


@dataclass(frozen=True)
class Change:
    """One difference between the bodies: lines ``[a_start, a_end)`` of A against
    ``[b_start, b_end)`` of B, with their text and the rows to draw them side by side."""

    kind: BlockKind
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    a_lines: tuple[str, ...]
    b_lines: tuple[str, ...]
    rows: tuple[LineRow, ...]


@dataclass(frozen=True)
class Block:
    """A run of the alignment (as difflib opcodes): equal lines, or one change."""

    kind: BlockKind
    a_start: int
    a_end: int
    b_start: int
    b_end: int


@dataclass(frozen=True)
class BodyDiff:
    """The two bodies aligned line by line.

    ``blocks`` covers both bodies from top to bottom (equal runs included), for drawing
    the side-by-side view; ``changes`` are the non-equal blocks in order, for next /
    previous change and for ``apply_change``.
    """

    a_lines: tuple[str, ...]
    b_lines: tuple[str, ...]
    blocks: tuple[Block, ...]
    changes: tuple[Change, ...]

    @property
    def identical(self) -> bool:
        return not self.changes

    def change_at(self, line: int, side: Side = Side.A) -> int | None:
        """Index of the change covering (or, for an insertion, placed at) ``line`` on ``side``."""
        for index, change in enumerate(self.changes):
            start, end = (change.a_start, change.a_end) if side is Side.A else (change.b_start, change.b_end)
            if start <= line < end or start == end == line:
                return index
        return None


def compare_bodies(body_a: str, body_b: str) -> BodyDiff:
    lines_a, lines_b = body_a.split("\n"), body_b.split("\n")
    # autojunk would treat common lines (blank lines, code fences) as junk in bodies of
    # 200+ lines and then align unrelated paragraphs; the cost of turning it off is small.
    matcher = difflib.SequenceMatcher(None, lines_a, lines_b, autojunk=False)
    blocks: list[Block] = []
    changes: list[Change] = []
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        kind = BlockKind(tag)
        blocks.append(Block(kind, a1, a2, b1, b2))
        if kind is BlockKind.EQUAL:
            continue
        rows = _rows_for_change(lines_a, lines_b, a1, a2, b1, b2)
        changes.append(Change(kind, a1, a2, b1, b2, tuple(lines_a[a1:a2]), tuple(lines_b[b1:b2]), rows))
    return BodyDiff(tuple(lines_a), tuple(lines_b), tuple(blocks), tuple(changes))


def _rows_for_change(lines_a: list[str], lines_b: list[str], a1: int, a2: int, b1: int, b2: int) -> tuple[LineRow, ...]:
    pairs = _pair_lines(lines_a[a1:a2], lines_b[b1:b2])
    rows: list[LineRow] = []
    next_a, next_b = 0, 0
    for i, j in [*pairs, (a2 - a1, b2 - b1)]:
        rows.extend(LineRow(a1 + k, None) for k in range(next_a, i))
        rows.extend(LineRow(None, b1 + k) for k in range(next_b, j))
        if i < a2 - a1 and j < b2 - b1:
            rows.append(LineRow(a1 + i, b1 + j, word_diff(lines_a[a1 + i], lines_b[b1 + j])))
        next_a, next_b = i + 1, j + 1
    return tuple(rows)


def _pair_lines(lines_a: Sequence[str], lines_b: Sequence[str]) -> list[tuple[int, int]]:
    """Which lines of a replaced block correspond: (i, j) pairs in increasing order.

    Maximises the summed word similarity of the pairs (a small dynamic programme), with
    only pairs similar enough to be worth a word-level diff allowed.
    """
    n, m = len(lines_a), len(lines_b)
    if not n or not m:
        return []
    if n * m > LINE_PAIRING_MAX_CELLS:
        return [(i, i) for i in range(min(n, m)) if _line_similarity(lines_a[i], lines_b[i]) >= LINE_PAIR_SIMILARITY]
    bags_a = [_word_bag(line) for line in lines_a]
    bags_b = [_word_bag(line) for line in lines_b]
    similar = [
        [_bag_similarity(bags_a[i], bags_b[j], lines_a[i], lines_b[j]) for j in range(m)] for i in range(n)
    ]
    # best[i][j]: the best summed similarity pairing lines_a[i:] with lines_b[j:]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            score = max(best[i + 1][j], best[i][j + 1])
            if similar[i][j] >= LINE_PAIR_SIMILARITY:
                score = max(score, similar[i][j] + best[i + 1][j + 1])
            best[i][j] = score
    pairs: list[tuple[int, int]] = []
    i = j = 0
    while i < n and j < m:
        if similar[i][j] >= LINE_PAIR_SIMILARITY and best[i][j] == similar[i][j] + best[i + 1][j + 1]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


_WORD = re.compile(r"\w+")


def _word_bag(line: str) -> Counter:
    # Words only: Markdown marks ("##", "-", "**") would make any two headings or
    # bullets look alike.
    return Counter(_WORD.findall(line.casefold()))


def _bag_similarity(bag_a: Counter, bag_b: Counter, line_a: str, line_b: str) -> float:
    """Dice similarity of the lines' word multisets; for lines without words, of their text."""
    total = sum(bag_a.values()) + sum(bag_b.values())
    if not total:
        return 1.0 if line_a.strip() == line_b.strip() else 0.0
    common = sum((bag_a & bag_b).values())
    return 2 * common / total


def _line_similarity(line_a: str, line_b: str) -> float:
    return _bag_similarity(_word_bag(line_a), _word_bag(line_b), line_a, line_b)


def body_similarity(body_a: str, body_b: str) -> float:
    """How much of two bodies is the same text, 0..1, by words (difflib's ratio).

    Popular words ("the", "-") cannot anchor a match on their own (difflib's autojunk),
    which keeps this fast on 64 KB bodies and stops unrelated texts scoring high on
    filler words.
    """
    if body_a == body_b:
        return 1.0
    # difflib's ratio depends a little on argument order; a fixed order keeps it symmetric.
    body_a, body_b = sorted((body_a, body_b), key=lambda body: (len(body), body))
    words_a, words_b = body_a.split(), body_b.split()
    if not words_a and not words_b:
        return 1.0
    return difflib.SequenceMatcher(None, words_a, words_b).ratio()


# ----- body: Markdown sections ---------------------------------------------------------

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
    start, end = _core_range(lines, section)
    return "\n".join(lines[start:end])


def _core_range(lines: Sequence[str], section: Section) -> tuple[int, int]:
    end = section.end_line
    while end > section.start_line + 1 and not lines[end - 1].strip():
        end -= 1
    return section.start_line, end


def _content_words(lines: Sequence[str], section: Section) -> list[str]:
    return " ".join(lines[section.start_line + 1 : section.end_line]).split()


def _content(lines: Sequence[str], section: Section) -> list[str]:
    start, end = _core_range(lines, section)
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
    pairs, renamed = _pair_sections(sections_a, sections_b, lines_a, lines_b)
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


def _pair_sections(
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
    words_b = {b.index: _content_words(lines_b, b) for b in left_b}
    scored = _score_candidates(
        [(a.index, _content_words(lines_a, a)) for a in left_a], [(b.index, words_b[b.index]) for b in left_b]
    )
    renamed: set[int] = set()
    for _score, a_index, b_index in sorted(scored, reverse=True):
        if a_index in pairs or b_index in taken_b:
            continue
        pairs[a_index] = b_index
        taken_b.add(b_index)
        renamed.add(a_index)
    return renamed


def _score_candidates(
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


# ----- carrying changes across ---------------------------------------------------------


def apply_change(target_body: str, source_body: str, change: Change, *, target_side: Side = Side.A) -> str:
    """``target_body`` with ``change``'s lines replaced by the source's version of them.

    ``target_side`` says which side of the comparison the target is: Side.A (default)
    takes B's lines into A, Side.B takes A's lines into B. Raises ValueError when either
    body no longer holds the lines the change was computed on (compare again after each
    edit: later changes' line numbers shift).
    """
    if target_side is Side.A:
        target_range, target_expected = (change.a_start, change.a_end), change.a_lines
        source_range, source_expected = (change.b_start, change.b_end), change.b_lines
    else:
        target_range, target_expected = (change.b_start, change.b_end), change.b_lines
        source_range, source_expected = (change.a_start, change.a_end), change.a_lines
    target_lines, source_lines = target_body.split("\n"), source_body.split("\n")
    if tuple(target_lines[slice(*target_range)]) != target_expected:
        raise ValueError("the target text has changed since it was compared; compare again")
    if tuple(source_lines[slice(*source_range)]) != source_expected:
        raise ValueError("the source text has changed since it was compared; compare again")
    start, end = target_range
    return "\n".join([*target_lines[:start], *source_expected, *target_lines[end:]])


def copy_section(target_body: str, source_body: str, section: Section) -> str:
    """``target_body`` with ``section`` (a section of ``source_body``) copied in.

    If the target has the matching section (by title, else by content) its text is
    replaced. Otherwise the section is inserted after the target's match of the section
    that precedes it in the source (its previous sibling; for a first subsection, the
    start of its parent's subsections), or at the end of the target.
    """
    source_lines, target_lines = source_body.split("\n"), target_body.split("\n")
    sections_source, sections_target = parse_sections(source_body), parse_sections(target_body)
    if not (0 <= section.index < len(sections_source) and sections_source[section.index] == section):
        raise ValueError("the section is not one of the source body's sections; parse it again")
    pairs, _renamed = _pair_sections(sections_source, sections_target, source_lines, target_lines)
    start, end = _core_range(source_lines, section)
    copied = source_lines[start:end]
    if section.index in pairs:
        replaced = sections_target[pairs[section.index]]
        t_start, t_end = _core_range(target_lines, replaced)
        return "\n".join([*target_lines[:t_start], *copied, *target_lines[t_end:]])
    position = _insertion_line(section, sections_source, sections_target, target_lines, pairs)
    return "\n".join(_insert_block(target_lines, position, copied))


def _insertion_line(
    section: Section,
    sections_source: Sequence[Section],
    sections_target: Sequence[Section],
    target_lines: Sequence[str],
    pairs: dict[int, int],
) -> int:
    siblings = [s for s in sections_source[: section.index] if s.parent == section.parent]
    if siblings and siblings[-1].index in pairs:
        return sections_target[pairs[siblings[-1].index]].end_line
    if not siblings and section.parent is not None and section.parent in pairs:
        parent = sections_target[pairs[section.parent]]
        children = [s for s in sections_target if s.parent == parent.index]
        return children[0].start_line if children else parent.end_line
    end = len(target_lines)
    while end > 0 and not target_lines[end - 1].strip():
        end -= 1
    return end


def _insert_block(lines: list[str], position: int, block: list[str]) -> list[str]:
    """Insert ``block`` at ``position`` with one blank line between it and any text around it."""
    before, after = lines[:position], lines[position:]
    # A section that ends the target keeps its own trailing blank lines; the block goes
    # after its text.
    while before and not before[-1].strip() and position == len(lines):
        after.insert(0, before.pop())
    padding_before = [""] if before and before[-1].strip() else []
    padding_after = [""] if after and after[0].strip() else []
    if not after:
        padding_after = []
    return [*before, *padding_before, *block, *padding_after, *after]


# ----- two variants --------------------------------------------------------------------


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


# ----- many variants -------------------------------------------------------------------


@dataclass(frozen=True)
class FieldRow:
    """One header key across the variants: ``values[i]`` is variant i's value (None when
    ``present[i]`` is False). ``uniform``: every variant means the same by it."""

    key: str
    values: tuple[Any, ...]
    present: tuple[bool, ...]
    uniform: bool


@dataclass(frozen=True)
class ToolRow:
    """One tool name across the variants: ``granted[i]`` is True when variant i lists it
    or grants every tool (see ``Overview.all_tools``)."""

    key: str  # "tools" or "disallowedTools"
    tool: str
    listed: tuple[bool, ...]
    granted: tuple[bool, ...]

    @property
    def uniform(self) -> bool:
        return all(self.granted) or not any(self.granted)


@dataclass(frozen=True)
class SectionRow:
    """One section across the variants: ``sections[i]`` is variant i's section (None when
    it has none). ``title`` is the first variant's title for it; a variant whose own title
    differs has it renamed."""

    title: str
    level: int
    sections: tuple[Section | None, ...]

    @property
    def present(self) -> tuple[bool, ...]:
        return tuple(section is not None for section in self.sections)

    @property
    def titles(self) -> tuple[str | None, ...]:
        return tuple(section.title if section else None for section in self.sections)


@dataclass(frozen=True)
class Overview:
    """Any number of variants side by side.

    ``tool_sets[i]`` is variant i's ``tools`` as a set (None: every tool);
    ``tools`` has a row per named tool (``tools`` first, then ``disallowedTools``);
    ``similarity[i][j]`` is the body similarity of variants i and j (symmetric, 1.0 on
    the diagonal).
    """

    count: int
    fields: tuple[FieldRow, ...]
    tool_sets: tuple[tuple[str, ...] | None, ...]
    disallowed_sets: tuple[tuple[str, ...] | None, ...]
    tools: tuple[ToolRow, ...]
    sections: tuple[SectionRow, ...]
    similarity: tuple[tuple[float, ...], ...]

    def field(self, key: str) -> FieldRow | None:
        return next((row for row in self.fields if row.key == key), None)

    def all_tools(self, key: str = "tools") -> tuple[bool, ...]:
        sets = self.tool_sets if key == "tools" else self.disallowed_sets
        return tuple(names is None for names in sets)


def overview(docs: Sequence[Comparable]) -> Overview:
    fields = [doc.fields for doc in docs]
    bodies = [doc.body for doc in docs]
    tool_sets = tuple(tool_set("tools", f) for f in fields)
    disallowed_sets = tuple(tool_set("disallowedTools", f) for f in fields)
    return Overview(
        count=len(docs),
        fields=_field_rows(fields),
        tool_sets=tool_sets,
        disallowed_sets=disallowed_sets,
        tools=_tool_rows("tools", tool_sets) + _tool_rows("disallowedTools", disallowed_sets),
        sections=_section_rows(bodies),
        similarity=_similarity_matrix(bodies),
    )


def _field_rows(fields: Sequence[Mapping[str, Any]]) -> tuple[FieldRow, ...]:
    keys = list(dict.fromkeys(key for f in fields for key in f))
    rows = []
    for key in keys:
        first = fields[0]
        uniform = all(_compare_field(key, first, other).same for other in fields[1:])
        rows.append(FieldRow(key, tuple(f.get(key) for f in fields), tuple(key in f for f in fields), uniform))
    return tuple(rows)


def _tool_rows(key: str, sets: Sequence[tuple[str, ...] | None]) -> tuple[ToolRow, ...]:
    names = list(dict.fromkeys(name for names in sets if names for name in names))
    rows = []
    for name in names:
        listed = tuple(names_i is not None and name in names_i for names_i in sets)
        granted = tuple(names_i is None or name in names_i for names_i in sets)
        rows.append(ToolRow(key, name, listed, granted))
    return tuple(rows)


def _similarity_matrix(bodies: Sequence[str]) -> tuple[tuple[float, ...], ...]:
    n = len(bodies)
    matrix = [[1.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            matrix[i][j] = matrix[j][i] = body_similarity(bodies[i], bodies[j])
    return tuple(tuple(row) for row in matrix)


def _section_rows(bodies: Sequence[str]) -> tuple[SectionRow, ...]:
    """One row per section across all variants, in reading order.

    Each variant is matched against the rows built so far, by title and then by content
    (the row's text from the first variant that has it); its unmatched sections become
    new rows (see ``_new_row_position``).
    """
    n = len(bodies)
    rows: list[list[Section | None]] = []
    row_text: list[list[str]] = []  # words of the row's first section, for content matching
    row_keys: list[set[str]] = []
    for variant, body in enumerate(bodies):
        lines = body.split("\n")
        sections = parse_sections(body)
        matched: dict[int, int] = {}  # section index -> row
        for section in sections:
            free = (r for r in range(len(rows)) if rows[r][variant] is None and r not in matched.values())
            row = next((r for r in free if section.key in row_keys[r]), None)
            if row is not None:
                matched[section.index] = row
        free_rows = [r for r in range(len(rows)) if r not in matched.values()]
        scored = _score_candidates(
            [(s.index, _content_words(lines, s)) for s in sections if s.index not in matched],
            [(r, row_text[r]) for r in free_rows],
        )
        for _score, section_index, row in sorted(scored, reverse=True):
            if section_index not in matched and row not in matched.values():
                matched[section_index] = row
        for section in sections:
            if section.index in matched:
                row = matched[section.index]
                rows[row][variant] = section
                row_keys[row].add(section.key)
                continue
            row = _new_row_position(section, sections, matched, len(rows))
            cells: list[Section | None] = [None] * n
            cells[variant] = section
            rows.insert(row, cells)
            row_text.insert(row, _content_words(lines, section))
            row_keys.insert(row, {section.key})
            matched = {k: (r + 1 if r >= row else r) for k, r in matched.items()}
            matched[section.index] = row
    return tuple(_section_row(cells) for cells in rows)


def _new_row_position(section: Section, sections: Sequence[Section], matched: dict[int, int], row_count: int) -> int:
    """Where a variant's section without a row gets one: after the row of the variant's
    section before it, else before the row of its next placed section, else at the end."""
    before = [matched[s.index] for s in sections[: section.index] if s.index in matched]
    if before:
        return before[-1] + 1
    after = [matched[s.index] for s in sections[section.index + 1 :] if s.index in matched]
    return after[0] if after else row_count


def _section_row(cells: Sequence[Section | None]) -> SectionRow:
    first = next(section for section in cells if section is not None)
    return SectionRow(first.title, first.level, tuple(cells))


def format_value(value: Any) -> str:
    """A header value as its author would write it (YAML spelling, not Python's)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "(empty)"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(format_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {format_value(item)}" for key, item in value.items()) + "}"
    return str(value)

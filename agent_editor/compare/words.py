"""Word-level differences between two lines of text."""

from __future__ import annotations

import difflib
import re

from agent_editor.compare.model import Op, Segment

# Word diffs beyond this many tokens (both sides together) are not worth the time: the
# lines are shown as wholly replaced.
WORD_DIFF_MAX_TOKENS = 4000

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

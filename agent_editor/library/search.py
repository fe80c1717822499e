"""Finding agents as the author types: over name, description, tools and instructions.

Every word of the query must occur somewhere in the entry (case does not matter); the
``Match`` says where the first word was found, with a short one-line excerpt around it
for the row to show. The lower-cased texts are kept per file and made again only for a
file that changed, and a query that extends the previous one searches only the previous
hits, so typing stays quick on a library of thousands of files.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from agent_editor.library.scan import AgentEntry

NAME, DESCRIPTION, TOOLS, BODY = "name", "description", "tools", "instructions"
_FIELDS = (NAME, DESCRIPTION, TOOLS, BODY)
SORT_SCOPE, SORT_NAME, SORT_CHANGED = "scope", "name", "changed"
_BEFORE, _AFTER = 30, 70  # characters of context in an excerpt


@dataclass(frozen=True)
class Match:
    field: str  # which text the first word was found in
    excerpt: str  # one line around it
    start: int  # the found part within ``excerpt``
    end: int


def _texts(entry: AgentEntry) -> tuple[str, str, str, str]:
    return (entry.shown_name + " " + entry.path.name, entry.description, entry.tools, entry.body)


class SearchIndex:
    """Lower-cased texts of the entries, and the last query's hits for narrowing."""

    def __init__(self) -> None:
        self._lowered: dict[Path, tuple[tuple, tuple[str, ...]]] = {}
        self._last: tuple[str, list[AgentEntry]] | None = None

    def update(self, entries: Iterable[AgentEntry]) -> None:
        """Take in the current entries: only files whose stamp changed are lower-cased again."""
        fresh: dict[Path, tuple[tuple, tuple[str, ...]]] = {}
        for entry in entries:
            key = (entry.loaded, entry.stamp(), entry.shown_name)
            known = self._lowered.get(entry.path)
            fresh[entry.path] = known if known and known[0] == key else (key, tuple(t.lower() for t in _texts(entry)))
        self._lowered = fresh
        self._last = None

    def search(self, query: str, entries: list[AgentEntry]) -> dict[Path, Match]:
        """The entries every word of ``query`` occurs in, each with where the first word is."""
        words = query.lower().split()
        if not words:
            self._last = None
            return {}
        pool = entries
        if self._last is not None and query.lower().startswith(self._last[0]):
            pool = self._last[1]  # typing on narrows: only the last hits can still match
        found: dict[Path, Match] = {}
        hits: list[AgentEntry] = []
        for entry in pool:
            known = self._lowered.get(entry.path)
            if known is None:
                known = ((), tuple(t.lower() for t in _texts(entry)))
                self._lowered[entry.path] = known
            lowered = known[1]
            if all(any(word in text for text in lowered) for word in words):
                hits.append(entry)
                found[entry.path] = _match(entry, lowered, words[0])
        self._last = (query.lower(), hits)
        return found


def _match(entry: AgentEntry, lowered: tuple[str, ...], word: str) -> Match:
    for field, original, low in zip(_FIELDS, _texts(entry), lowered):
        at = low.find(word)
        if at < 0:
            continue
        text = original if len(original) == len(low) else low  # lower-casing changed lengths: show it lower-cased
        line_start = text.rfind("\n", 0, at) + 1
        line_end = text.find("\n", at)
        line_end = len(text) if line_end < 0 else line_end
        start = max(line_start, at - _BEFORE)
        end = min(line_end, at + len(word) + _AFTER)
        prefix = "…" if start > line_start else ""
        suffix = "…" if end < line_end else ""
        excerpt = prefix + text[start:end] + suffix
        offset = len(prefix) + at - start
        return Match(field, excerpt, offset, offset + len(word))
    return Match(NAME, entry.shown_name, 0, 0)


def arrange(entries: list[AgentEntry], sort: str = SORT_SCOPE, *, only_problems: bool = False,
            matches: dict[Path, Match] | None = None, scope_order: list | None = None) -> list[AgentEntry]:
    """The entries to show, in order: filtered by the search hits and the problems switch."""
    shown = [e for e in entries if matches is None or e.path in matches]
    if only_problems:
        shown = [e for e in shown if e.problem_count or (e.mark is not None)]
    order = {scope: index for index, scope in enumerate(scope_order or [])}

    def by_name(entry: AgentEntry) -> tuple:
        return (entry.shown_name.casefold(), entry.path.name.casefold(), str(entry.path))

    if sort == SORT_NAME:
        return sorted(shown, key=lambda e: (*by_name(e), order.get(e.scope, 0)))
    if sort == SORT_CHANGED:
        return sorted(shown, key=lambda e: (-e.modified, *by_name(e)))
    return sorted(shown, key=lambda e: (order.get(e.scope, len(order)), *by_name(e)))

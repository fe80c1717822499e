"""Finding agents as the author types: over name, description, tools and instructions.

Every word of the query must occur somewhere in the entry (case does not matter); the
``Match`` says where the first word was found, with a short one-line excerpt around it
for the row to show (worked out only for the rows shown). Each entry's texts are
lower-cased once, as its header is read, and a query that extends the previous one
searches only the previous hits, so typing stays quick on thousands of files.
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


class SearchIndex:
    """The last query's hits, for narrowing, and its words, for showing where they were found."""

    def __init__(self) -> None:
        self._last: tuple[str, list[AgentEntry]] | None = None
        self._words: list[str] = []

    def update(self, entries: Iterable[AgentEntry]) -> None:
        """The entries changed: the last hits no longer hold."""
        self._last = None

    def search(self, query: str, entries: list[AgentEntry]) -> set[Path]:
        """The files every word of ``query`` occurs in (``match`` then says where)."""
        return {entry.path for entry in self.search_entries(query, entries)}

    def search_entries(self, query: str, entries: list[AgentEntry]) -> list[AgentEntry]:
        """The entries every word of ``query`` occurs in, in the order given."""
        words = query.lower().split()
        self._words = words
        if not words:
            self._last = None
            return []
        pool = entries
        if self._last is not None and query.lower().startswith(self._last[0]):
            pool = self._last[1]  # typing on narrows: only the last hits can still match
        if len(words) == 1:
            word = words[0]
            hits = [entry for entry in pool if word in entry.haystack]
        else:
            hits = [entry for entry in pool if all(word in entry.haystack for word in words)]
        self._last = (query.lower(), hits)
        return hits

    def match(self, entry: AgentEntry) -> Match | None:
        """Where the last query's first word occurs in ``entry``, with an excerpt (None without a query)."""
        if not self._words:
            return None
        return _match(entry, entry.lowered, self._words[0])


def _match(entry: AgentEntry, lowered: tuple[str, ...], word: str) -> Match:
    for field, original, low in zip(_FIELDS, entry.texts, lowered):
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


def sort_entries(entries: list[AgentEntry], sort: str = SORT_SCOPE, scope_order: list | None = None) -> list[AgentEntry]:
    """The entries in the order shown: by scope (then name), by name, or the last changed first."""
    order = {id(scope): index for index, scope in enumerate(scope_order or [])}  # by identity: quick
    if sort == SORT_NAME:
        return sorted(entries, key=lambda e: (e.sort_key, order.get(id(e.scope), 0)))
    if sort == SORT_CHANGED:
        return sorted(entries, key=lambda e: (-e.modified, e.sort_key))
    return sorted(entries, key=lambda e: (order.get(id(e.scope), len(order)), e.sort_key))


def filter_entries(ordered: list[AgentEntry], *, only_problems: bool = False,
                   matches: Iterable[AgentEntry] | None = None) -> list[AgentEntry]:
    """Those of ``ordered`` (kept in order) the search found, and with problems if asked."""
    shown = ordered
    if matches is not None:
        found = {id(entry) for entry in matches}
        shown = [entry for entry in shown if id(entry) in found]
    if only_problems:
        shown = [entry for entry in shown if entry.problem_count or entry.mark is not None]
    return shown


def arrange(entries: list[AgentEntry], sort: str = SORT_SCOPE, *, only_problems: bool = False,
            matches: Iterable[AgentEntry] | None = None, scope_order: list | None = None) -> list[AgentEntry]:
    """The entries to show, in order: filtered by the search hits and the problems switch."""
    return filter_entries(sort_entries(entries, sort, scope_order), only_problems=only_problems, matches=matches)

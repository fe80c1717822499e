"""The ``<example>`` blocks of a description, as a list an author can edit.

The convention of the corpus and the seeds: after the routing text, blocks such as

    <example>
    Context: The user asks for a review
    user: "Please review src/app.py"
    assistant: "I'll use the reviewer agent."
    <commentary>
    Reviews go to the reviewer.
    </commentary>
    </example>

on one line or over several, with ``Context`` and ``<commentary>`` optional. ``split``
reads them, keeping every character between and around them, so ``compose`` gives back
the very same text until an example is edited; an edited or new example is written in the
layout of the one it replaces (or of its neighbours). A description with a block that is
not of this shape (two user turns, words outside the parts) cannot be split: ``split``
returns None and the description stays plain text. Pure Python.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

_BLOCK = re.compile(r"<example>(.*?)</example>", re.DOTALL)
_PARTS = re.compile(
    r"(?P<pre>\s*)"
    r"(?:Context:(?P<c_gap>[ \t]*)(?P<context>.*?)(?P<s1>\s+))?"
    r"user:(?P<u_gap>[ \t]*)(?P<user>.*?)(?P<s2>\s+)"
    r"assistant:(?P<a_gap>[ \t]*)(?P<assistant>.*?)"
    r"(?:(?P<s3>\s+)<commentary>(?P<s4>\s*)(?P<commentary>.*?)(?P<s5>\s*)</commentary>)?"
    r"(?P<post>\s*)",
    re.DOTALL,
)
_LABELS = re.compile(r"(?:^|\s)(?:Context|user|assistant):|</?commentary>|<example>")


@dataclass(frozen=True)
class Layout:
    """How an example is laid out: the white space around its parts, and which replies are in quotes."""

    pre: str = "\n"
    s1: str = "\n"
    s2: str = "\n"
    s3: str = "\n"
    s4: str = "\n"
    s5: str = "\n"
    post: str = "\n"
    gap: str = " "
    quote_user: bool = True
    quote_assistant: bool = True


@dataclass(frozen=True)
class Example:
    context: str = ""
    user: str = ""
    assistant: str = ""
    commentary: str = ""
    layout: Layout = field(default_factory=Layout)
    raw: str | None = None  # the block exactly as written; None once edited (or for a new one)

    def edited(self, **changes: str) -> Example:
        return replace(self, raw=None, **changes)

    def text(self) -> str:
        if self.raw is not None:
            return self.raw
        lay = self.layout
        parts = ["<example>", lay.pre]
        if self.context:
            parts += ["Context:", lay.gap, self.context, lay.s1]
        parts += ["user:", lay.gap, _quoted(self.user, lay.quote_user), lay.s2,
                  "assistant:", lay.gap, _quoted(self.assistant, lay.quote_assistant)]
        if self.commentary:
            parts += [lay.s3, "<commentary>", lay.s4, self.commentary, lay.s5, "</commentary>"]
        parts += [lay.post, "</example>"]
        return "".join(parts)


@dataclass
class SplitDescription:
    """A description as text around examples: ``texts[i]`` stands before ``examples[i]``; ``texts[-1]`` after the last."""

    texts: list[str]
    examples: list[Example]

    def compose(self) -> str:
        out = [self.texts[0]]
        for example, after in zip(self.examples, self.texts[1:]):
            out += [example.text(), after]
        return "".join(out)

    def replace_example(self, index: int, example: Example) -> None:
        self.examples[index] = example

    def add(self, example: Example | None = None) -> int:
        """Add an example after the last one (laid out like it); its index."""
        if example is None:
            layout = self.examples[-1].layout if self.examples else Layout()
            example = Example(layout=layout)
        if self.examples:
            between = self.texts[-2] if len(self.examples) > 1 else ("\n" if "\n" in self.examples[-1].text() else " ")
            self.texts.insert(len(self.texts) - 1, between if between.strip() == "" else "\n")
        else:
            head = self.texts[0].rstrip()
            self.texts = [head + ("\n\n" if head else ""), ""]
        self.examples.append(example)
        return len(self.examples) - 1

    def remove(self, index: int) -> None:
        if len(self.examples) == 1:
            self.texts = [self.texts[0].rstrip() + self.texts[1] if self.texts[1].strip() else self.texts[0].rstrip()]
        elif index < len(self.examples) - 1:
            del self.texts[index + 1]
        else:
            del self.texts[index]
        del self.examples[index]

    def move(self, index: int, to: int) -> None:
        """Swap example ``index`` with ``to`` (the text between them stays where it is)."""
        self.examples[index], self.examples[to] = self.examples[to], self.examples[index]


def _quoted(text: str, quote: bool) -> str:
    return f'"{text}"' if quote else text


def _unquoted(text: str) -> tuple[str, bool]:
    if len(text) >= 2 and text[0] == text[-1] == '"':
        return text[1:-1], True
    return text, False


def parse_example(block: str) -> Example | None:
    """One ``<example>...</example>`` block, or None when it is not of the usual shape."""
    inner = block[len("<example>") : -len("</example>")]
    match = _PARTS.fullmatch(inner)
    if match is None:
        return None
    parts = match.groupdict()
    # Each part must be plain words: a label inside one means the shape is another (two turns...).
    for key in ("context", "user", "assistant", "commentary"):
        if parts[key] and _LABELS.search(parts[key]):
            return None
    user, quote_user = _unquoted(parts["user"])
    assistant, quote_assistant = _unquoted(parts["assistant"])
    gaps = {parts[k] for k in ("c_gap", "u_gap", "a_gap") if parts[k] is not None}
    layout = Layout(
        pre=parts["pre"], s1=parts["s1"] or parts["s2"], s2=parts["s2"], s3=parts["s3"] or parts["s2"],
        s4=parts["s4"] if parts["s4"] is not None else parts["s2"],
        s5=parts["s5"] if parts["s5"] is not None else parts["s2"], post=parts["post"],
        gap=gaps.pop() if len(gaps) == 1 else " ", quote_user=quote_user, quote_assistant=quote_assistant,
    )
    # Kept as written until edited: then it is written from its parts, in this layout.
    return Example(parts["context"] or "", user, assistant, parts["commentary"] or "", layout, block)


def split(description: str) -> SplitDescription | None:
    """The description's examples and the text around them, or None if it cannot be split."""
    texts: list[str] = []
    examples: list[Example] = []
    position = 0
    for match in _BLOCK.finditer(description):
        example = parse_example(match.group(0))
        if example is None:
            return None
        texts.append(description[position : match.start()])
        examples.append(example)
        position = match.end()
    texts.append(description[position:])
    if "<example>" in texts[-1] or "</example>" in "".join(texts):
        return None  # an example opened and never closed, or closed and never opened
    return SplitDescription(texts, examples)

"""Plain messages for odd files: UTF-32 is named UTF-32, and a number of 100,000 digits is a number."""

from __future__ import annotations

import math

import pytest

from agent_editor.agentfile.document import AgentDocument
from agent_editor.agentfile.fileio import NotUtf8, read_text
from agent_editor.agentfile.header import read_header
from agent_editor.agentfile.validation import validate

TEXT = "---\nname: a\ndescription: d\n---\n\nBody.\n"


@pytest.mark.parametrize("encoding, named", [("utf-32-le", "UTF-32"), ("utf-32-be", "UTF-32"),
                                             ("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16")])
def test_wide_encodings_are_named(tmp_path, encoding, named):
    path = tmp_path / "agent.md"
    path.write_bytes("\ufeff".encode(encoding) + TEXT.encode(encoding))
    with pytest.raises(NotUtf8) as caught:
        read_text(path)
    assert f"({named})" in caught.value.message
    assert "UTF-16" not in caught.value.message or named == "UTF-16"


def test_a_number_of_100000_digits_reads_as_javascript_reads_it():
    """Claude Code's JavaScript reads such a number as Infinity; Python's limit on long numbers never shows."""
    reading = read_header("name: a\ndescription: d\nbig: " + "9" * 100_000 + "\nsmall: -" + "9" * 100_000 + "\n")
    assert reading.ok
    assert reading.fields["big"] == math.inf and reading.fields["small"] == -math.inf


def test_long_numbers_that_are_small_stay_exact():
    reading = read_header("name: a\ndescription: d\nz: " + "0" * 100_000 + "7\nhex: 0x" + "f" * 60_000 + "\nn: -0012\n")
    assert reading.fields["z"] == 7 and reading.fields["n"] == -12
    assert reading.fields["hex"] == math.inf


def test_a_message_about_a_huge_value_stays_a_sentence():
    doc = AgentDocument.parse("---\nname: a\ndescription: d\nmaxTurns: " + "9" * 100_000 + "\n---\n\nBody.\n")
    [problem] = [p for p in validate(doc) if p.field == "maxTurns"]
    assert len(problem.message) < 300
    assert "(100,000 characters)" in problem.message
    assert "set_int_max_str_digits" not in problem.message

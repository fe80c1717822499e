"""The comparison model on the real seed variants and on small hand-made files."""

from __future__ import annotations

import random
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agent_editor.compare.bodies import BlockKind, body_similarity, compare_bodies
from agent_editor.compare.carry import apply_change, copy_section
from agent_editor.compare.comparison import compare
from agent_editor.compare.fields import FieldStatus, tool_set
from agent_editor.compare.model import Op, Side
from agent_editor.compare.overview import overview
from agent_editor.compare.sections import match_sections, parse_sections, section_text, SectionKind
from agent_editor.compare.words import word_diff
from agent_editor.agentfile.document import AgentDocument

from conftest import SEEDS  # noqa: E402
CORPUS = SEEDS.parent / "corpus"


def seed(number: int) -> AgentDocument:
    (path,) = SEEDS.glob(f"{number:03d}_*.txt")
    return AgentDocument.load(path)


def all_seeds() -> list[AgentDocument]:
    return [seed(number) for number in range(5)]


def agent(header: str, body: str = "\nBody.\n") -> AgentDocument:
    return AgentDocument.parse(f"---\n{header.strip()}\n---\n{body}")


# ----- header fields -------------------------------------------------------------------


def test_tools_of_001_and_003_compared_as_sets():
    result = compare(seed(1), seed(3))
    tools = result.field("tools")
    assert tools.status is FieldStatus.CHANGED
    assert tools.tools.only_in_a == ("MultiEdit",)
    assert set(tools.tools.only_in_b) == {"Glob", "supabase", "context7"}
    assert set(tools.tools.in_both) == {"Read", "Write", "Grep", "Bash"}
    assert not tools.tools.all_in_a and not tools.tools.all_in_b


def test_fields_of_001_and_003():
    result = compare(seed(1), seed(3))
    statuses = {diff.key: diff.status for diff in result.fields}
    assert statuses == {
        "name": FieldStatus.SAME,
        "description": FieldStatus.CHANGED,
        "color": FieldStatus.CHANGED,
        "tools": FieldStatus.CHANGED,
        "category": FieldStatus.ONLY_IN_B,
    }
    color = result.field("color")
    assert (color.value_a, color.value_b) == ("purple", "#6366F1")
    category = result.field("category")
    assert category.value_b == "engineering" and not category.present_a and category.value_a is None
    assert result.field("model") is None  # neither file sets a model


def test_model_differences():
    opus_vs_sonnet = compare(seed(0), seed(4)).field("model")
    assert opus_vs_sonnet.status is FieldStatus.CHANGED
    assert (opus_vs_sonnet.value_a, opus_vs_sonnet.value_b) == ("opus", "sonnet")
    only_in_000 = compare(seed(0), seed(1)).field("model")
    assert only_in_000.status is FieldStatus.ONLY_IN_A and only_in_000.value_a == "opus"
    # 000 sets no colour, 002 writes "Green" (not a colour name Claude Code accepts)
    color = compare(seed(0), seed(2)).field("color")
    assert color.status is FieldStatus.ONLY_IN_B and color.value_b == "Green"


def test_description_gets_word_level_segments():
    result = compare(seed(1), seed(3))
    words = result.field("description").words
    a_text = "".join(text for op, text in words if op is not Op.INSERT)
    b_text = "".join(text for op, text in words if op is not Op.DELETE)
    assert a_text == seed(1).fields["description"]
    assert b_text == seed(3).fields["description"]
    assert {op for op, _text in words} == {Op.EQUAL, Op.DELETE, Op.INSERT}


def test_word_diff_marks_only_the_changed_words():
    assert word_diff("Use when designing APIs.", "Use when reviewing APIs.") == (
        (Op.EQUAL, "Use when "),
        (Op.DELETE, "designing"),
        (Op.INSERT, "reviewing"),
        (Op.EQUAL, " APIs."),
    )
    assert word_diff("same", "same") == ((Op.EQUAL, "same"),)


TOOLS_STYLES = [
    "tools: Read, Grep",
    "tools: [Grep, Read]",
    "tools:\n  - Read\n  - Grep",
    "tools: Read Grep",
    'tools: "Grep,Read, Grep"',
]


@pytest.mark.parametrize("other", TOOLS_STYLES[1:])
def test_tools_written_in_different_styles_mean_the_same(other):
    a = agent(f"name: x\ndescription: d\n{TOOLS_STYLES[0]}")
    b = agent(f"name: x\ndescription: d\n{other}")
    result = compare(a, b)
    assert result.field_changes == ()
    assert result.identical
    tools = result.field("tools").tools
    assert set(tools.in_both) == {"Read", "Grep"} and tools.only_in_a == tools.only_in_b == ()


@pytest.mark.parametrize("every_tool", ['tools: "*"', 'tools: ""', "tools: []"])
def test_absent_tools_means_every_tool(every_tool):
    a = agent("name: x\ndescription: d")
    b = agent(f"name: x\ndescription: d\n{every_tool}")
    diff = compare(a, b).field("tools")
    assert diff.status is FieldStatus.SAME
    assert diff.tools.all_in_a and diff.tools.all_in_b
    assert diff.present_b and not diff.present_a


def test_every_tool_against_a_list():
    diff = compare(agent("name: x\ndescription: d"), agent("name: x\ndescription: d\ntools: Read")).field("tools")
    assert diff.status is FieldStatus.ONLY_IN_B
    assert diff.tools.all_in_a and not diff.tools.all_in_b
    assert diff.tools.in_both == ("Read",)


def test_disallowed_tools_absent_means_none():
    assert tool_set("disallowedTools", {}) == ()
    assert tool_set("disallowedTools", {"disallowedTools": "*"}) is None
    diff = compare(
        agent("name: x\ndescription: d\ndisallowedTools: Bash, Write"),
        agent("name: x\ndescription: d\ndisallowedTools: [Write]"),
    ).field("disallowedTools")
    assert diff.status is FieldStatus.CHANGED
    assert diff.tools.only_in_a == ("Bash",) and diff.tools.in_both == ("Write",)


def test_key_order_and_quoting_do_not_matter():
    a = agent("name: x\ndescription: Plain words\nmodel: opus\nmaxTurns: 5")
    b = agent("maxTurns: 5\nmodel: 'opus'\ndescription: \"Plain words\"\nname: x")
    assert compare(a, b).identical


def test_values_compared_as_yaml_types():
    a = agent("name: x\ndescription: d\nbackground: true\nmaxTurns: 1")
    b = agent('name: x\ndescription: d\nbackground: "true"\nmaxTurns: true')
    result = compare(a, b)
    assert result.field("background").status is FieldStatus.CHANGED
    assert result.field("maxTurns").status is FieldStatus.CHANGED


# ----- identical files -----------------------------------------------------------------


@pytest.mark.parametrize("number", range(5))
def test_identical_files_have_no_difference(number):
    a = seed(number)
    b = AgentDocument.parse(a.to_text())
    result = compare(a, b)
    assert result.identical
    assert all(diff.status is FieldStatus.SAME for diff in result.fields)
    assert result.changes == ()
    assert [block.kind for block in result.body.blocks] == [BlockKind.EQUAL]
    assert all(match.kind is SectionKind.SAME for match in result.sections)
    assert result.section_changes == ()
    assert result.similarity == 1.0


# ----- body lines ----------------------------------------------------------------------


def test_changed_line_gets_word_level_segments():
    diff = compare_bodies("Intro\nThe quick brown fox\nEnd\n", "Intro\nThe quick red fox\nEnd\n")
    (change,) = diff.changes
    assert change.kind is BlockKind.REPLACE
    assert (change.a_start, change.a_end, change.b_start, change.b_end) == (1, 2, 1, 2)
    (row,) = change.rows
    assert (row.a_line, row.b_line) == (1, 1)
    assert (Op.DELETE, "brown") in row.segments and (Op.INSERT, "red") in row.segments


def test_replaced_block_pairs_similar_lines_and_leaves_new_ones_alone():
    a = "start\nalpha beta gamma delta\nepsilon zeta eta theta\nend"
    b = "start\nalpha beta gamma DELTA\ncompletely unrelated words here\nepsilon zeta eta THETA\nend"
    (change,) = compare_bodies(a, b).changes
    assert [(row.a_line, row.b_line) for row in change.rows] == [(1, 1), (None, 2), (2, 3)]
    assert change.rows[1].segments == ()


def test_insertion_has_an_empty_range_in_a():
    diff = compare_bodies("one\ntwo", "one\nnew\ntwo")
    (change,) = diff.changes
    assert change.kind is BlockKind.INSERT
    assert (change.a_start, change.a_end, change.b_start, change.b_end) == (1, 1, 1, 2)
    assert diff.change_at(1, Side.A) == 0 and diff.change_at(1, Side.B) == 0
    assert diff.change_at(0, Side.A) is None


def test_blocks_cover_both_bodies():
    a, b = seed(0).body, seed(2).body
    diff = compare_bodies(a, b)
    assert diff.blocks[0].a_start == 0 and diff.blocks[-1].a_end == len(a.split("\n"))
    assert diff.blocks[-1].b_end == len(b.split("\n"))
    for before, after in zip(diff.blocks, diff.blocks[1:]):
        assert (before.a_end, before.b_end) == (after.a_start, after.b_start)


# ----- sections ------------------------------------------------------------------------

BODY_A = """
# Reviewer

You review code.

## Purpose
Find bugs before they ship and explain them plainly.

## Workflow
Read the diff first. Then run the tests. Then write up what you found, with file and line.

## Output Format
A list of findings, most severe first.

## Notes
Be kind.
"""

BODY_B = """
# Reviewer

You review code.

## Notes
Be kind.

## Purpose
Find bugs before they ship and explain them plainly.

## Process
Read the diff first. Then run the tests. Then write up what you found, with file and line.

## Output Format
A list of findings, most severe first, with a fix for each.

## Security
Check secrets, injections and unsafe deserialisation.
"""


def test_parse_sections_nests_and_skips_code_fences():
    body = "# Top\ntext\n```\n# not a heading\n```\n## Child\nx\n### Grandchild ###\ny\n## Second\nz\n# Next\n"
    sections = parse_sections(body)
    assert [(s.title, s.level, s.start_line, s.end_line, s.parent) for s in sections] == [
        ("Top", 1, 0, 11, None),
        ("Child", 2, 5, 9, 0),
        ("Grandchild", 3, 7, 9, 1),
        ("Second", 2, 9, 11, 0),
        ("Next", 1, 11, 13, None),
    ]
    assert section_text(body, sections[1]) == "## Child\nx\n### Grandchild ###\ny"


def test_missing_renamed_and_moved_sections():
    matches = {match.title: match for match in match_sections(BODY_A, BODY_B)}
    assert matches["Security"].kind is SectionKind.ONLY_IN_B and matches["Security"].a is None
    workflow = matches["Workflow"]
    assert workflow.kind is SectionKind.RENAMED
    assert (workflow.a.title, workflow.b.title) == ("Workflow", "Process")
    assert workflow.same_text
    assert matches["Notes"].kind is SectionKind.MOVED
    assert matches["Purpose"].kind is SectionKind.SAME
    assert matches["Output Format"].kind is SectionKind.CHANGED
    assert 0 < matches["Output Format"].similarity < 1
    assert matches["Reviewer"].kind is SectionKind.CHANGED  # it holds the others
    assert "Process" not in matches  # the renamed section is listed once, by its A title


def test_section_only_in_a_is_named():
    matches = match_sections(BODY_B, BODY_A)
    only_a = [match.a.title for match in matches if match.kind is SectionKind.ONLY_IN_A]
    assert only_a == ["Security"]


def test_sections_match_by_title_whatever_the_level_and_markup():
    matches = match_sections("# Purpose\ntext\n", "## **Purpose:**\ntext\n")
    (match,) = matches
    assert match.kind is SectionKind.SAME and not match.renamed


def test_seed_sections_000_against_002():
    matches = match_sections(seed(0).body, seed(2).body)
    purpose = next(match for match in matches if match.title == "Purpose")
    assert purpose.a.level == 2 and purpose.b.level == 1
    only_b = {match.b.title for match in matches if match.kind is SectionKind.ONLY_IN_B}
    assert only_b == {"Core Methodology", "Instructions", "Report / Response"}
    only_a = {match.a.title for match in matches if match.kind is SectionKind.ONLY_IN_A}
    assert {"Core Philosophy", "Capabilities", "Security Patterns", "Example Interactions"} <= only_a


# ----- carrying changes across ---------------------------------------------------------


def test_apply_change_both_ways():
    a, b = "one\ntwo\nthree\n", "one\n2\nthree\nfour\n"
    first, second = compare_bodies(a, b).changes
    assert apply_change(a, b, first) == "one\n2\nthree\n"
    assert apply_change(a, b, second) == "one\ntwo\nthree\nfour\n"
    assert apply_change(b, a, first, target_side=Side.B) == "one\ntwo\nthree\nfour\n"
    assert apply_change(b, a, second, target_side=Side.B) == "one\n2\nthree\n"


def test_apply_change_refuses_a_stale_change():
    a, b = "one\ntwo\n", "one\n2\n"
    (change,) = compare_bodies(a, b).changes
    with pytest.raises(ValueError):
        apply_change("one\nedited\n", b, change)


def test_applying_every_change_in_turn_turns_a_seed_into_another():
    a, b = seed(0).body, seed(2).body
    while True:
        changes = compare_bodies(a, b).changes
        if not changes:
            break
        a = apply_change(a, b, changes[0])
    assert a == b


lines = st.lists(st.sampled_from(["", "alpha", "beta gamma", "## Head", "delta epsilon zeta", "x"]), max_size=12)


@settings(max_examples=150, deadline=None)
@given(lines, lines)
def test_applying_all_changes_bottom_up_gives_the_source(lines_a, lines_b):
    a, b = "\n".join(lines_a), "\n".join(lines_b)
    changes = compare_bodies(a, b).changes
    target = a
    for change in reversed(changes):  # bottom-up keeps the earlier line numbers valid
        target = apply_change(target, b, change)
    assert target == b


@given(st.text(max_size=60), st.text(max_size=60))
def test_word_diff_rebuilds_both_sides(a, b):
    segments = word_diff(a, b)
    assert "".join(text for op, text in segments if op is not Op.INSERT) == a
    assert "".join(text for op, text in segments if op is not Op.DELETE) == b


def test_copy_missing_section_after_its_predecessor():
    security = next(s for s in parse_sections(BODY_B) if s.title == "Security")
    result = copy_section(BODY_A, BODY_B, security)
    assert result == BODY_A.replace(
        "A list of findings, most severe first.\n\n## Notes",
        "A list of findings, most severe first.\n\n"
        "## Security\nCheck secrets, injections and unsafe deserialisation.\n\n## Notes",
    )


def test_copy_section_without_predecessor_in_target_goes_to_the_end():
    source = "## Intro\nhello\n\n## Extra\nmore text\n"
    target = "## Other\nthings\n"
    extra = parse_sections(source)[1]
    assert copy_section(target, source, extra) == "## Other\nthings\n\n## Extra\nmore text\n"


def test_copy_matched_section_replaces_its_text():
    output_b = next(s for s in parse_sections(BODY_B) if s.title == "Output Format")
    result = copy_section(BODY_A, BODY_B, output_b)
    assert result == BODY_A.replace(
        "A list of findings, most severe first.\n", "A list of findings, most severe first, with a fix for each.\n"
    )
    assert match_sections(result, BODY_B)[3].kind is SectionKind.SAME  # "Output Format" now equal


def test_copy_renamed_section_replaces_the_renamed_one():
    process = next(s for s in parse_sections(BODY_B) if s.title == "Process")
    result = copy_section(BODY_A, BODY_B, process)
    assert "## Workflow" not in result and result.count("## Process") == 1


def test_copy_first_subsection_goes_under_its_parent():
    source = "# Top\nintro\n## New\nfresh\n## Kept\nsame\n"
    target = "# Top\nintro\n## Kept\nsame\n"
    new = parse_sections(source)[1]
    # a blank line is kept between the inserted section and the text around it
    assert copy_section(target, source, new) == "# Top\nintro\n\n## New\nfresh\n\n## Kept\nsame\n"


# ----- many variants -------------------------------------------------------------------


def test_overview_of_the_five_seeds():
    docs = all_seeds()
    summary = overview(docs)
    assert summary.count == 5
    assert summary.field("name").values == ("backend-architect",) * 4 + ("senior-backend-architect",)
    assert summary.field("model").present == (True, False, False, False, True)
    assert summary.field("model").values == ("opus", None, None, None, "sonnet")
    assert summary.field("color").values == (None, "purple", "Green", "#6366F1", "red")
    assert summary.field("category").present == (False, False, False, True, False)
    assert not summary.field("name").uniform
    assert [row.key for row in summary.fields][:2] == ["name", "description"]

    assert summary.tool_sets[0] is None and summary.tool_sets[2] is None and summary.tool_sets[4] is None
    assert set(summary.tool_sets[1]) == {"Write", "Read", "MultiEdit", "Bash", "Grep"}
    rows = {row.tool: row for row in summary.tools}
    assert rows["MultiEdit"].listed == (False, True, False, False, False)
    assert rows["MultiEdit"].granted == (True, True, True, False, True)
    assert rows["supabase"].listed == (False, False, False, True, False)
    assert summary.all_tools() == (True, False, True, False, True)

    purpose = next(row for row in summary.sections if row.title == "Purpose")
    assert purpose.present == (True, False, True, False, False)
    triggers = next(row for row in summary.sections if row.title == "Triggers")
    assert triggers.present == (False, False, False, True, False)
    assert len({row.title for row in summary.sections}) == len(summary.sections)


def test_similarity_matrix_is_symmetric_with_ones_on_the_diagonal():
    matrix = overview(all_seeds()).similarity
    assert len(matrix) == 5 and all(len(row) == 5 for row in matrix)
    for i in range(5):
        assert matrix[i][i] == 1.0
        for j in range(5):
            assert matrix[i][j] == matrix[j][i]
            assert 0.0 <= matrix[i][j] <= 1.0
            if i != j:
                assert matrix[i][j] < 0.5  # the five bodies are different texts


def test_body_similarity():
    assert body_similarity("", "") == 1.0
    assert body_similarity("a b c d", "a b c d") == 1.0
    assert body_similarity("a b c d", "w x y z") == 0.0
    assert body_similarity("a b c d", "a b c z") == body_similarity("a b c z", "a b c d") == 0.75


def test_overview_rows_follow_the_first_variant_and_match_renamed_sections():
    summary = overview([agent("name: a\ndescription: d", BODY_A), agent("name: b\ndescription: d", BODY_B)])
    # rows in A's order; B's new "Security" after the row of the section before it in B
    titles = [row.title for row in summary.sections]
    assert titles == ["Reviewer", "Purpose", "Workflow", "Output Format", "Security", "Notes"]
    workflow = next(row for row in summary.sections if row.title == "Workflow")
    assert workflow.titles == ("Workflow", "Process")


# ----- speed ---------------------------------------------------------------------------


def test_largest_corpus_body_against_an_edited_copy_is_fast():
    largest = max(CORPUS.rglob("*.md"), key=lambda path: path.stat().st_size, default=None)
    if largest is None:
        pytest.skip("the corpus is not beside the repository")
    doc = AgentDocument.load(largest)
    lines_b = doc.body.split("\n")
    rng = random.Random(7)
    for index in rng.sample(range(len(lines_b)), len(lines_b) // 20):
        lines_b[index] = lines_b[index] + " (edited)" if index % 2 else "a new line " + str(index)
    edited = AgentDocument.parse(doc.to_text())
    edited.set_body("\n".join(lines_b))
    started = time.perf_counter()
    result = compare(doc, edited)
    elapsed = time.perf_counter() - started
    assert len(result.changes) > 10
    assert elapsed < 2.0  # about 0.2 s here; generous for slow machines


def test_section_titles_are_read_without_their_emphasis_marks():
    from agent_editor.compare.sections import parse_sections

    body = "## 1. **Key Management** for `tls`\ntext\n## __Plain__\nmore\n"
    assert [section.title for section in parse_sections(body)] == ["1. Key Management for tls", "Plain"]


def test_copy_section_lands_before_the_next_shared_sibling():
    # The section before it is missing from the target too: the one after it decides.
    source = "## Intro\nhi\n\n## Only here\nnew\n\n## Steps\none\n\n## End\nbye\n"
    target = "## Steps\none\n\n## End\nbye\n"
    only = next(s for s in parse_sections(source) if s.title == "Only here")
    assert copy_section(target, source, only) == "## Only here\nnew\n\n## Steps\none\n\n## End\nbye\n"


def test_copy_section_keeps_its_place_among_shared_sections_in_order():
    # Copied one after another, in any order, the missing sections keep the source's order.
    source = "## A\na\n\n## B\nb\n\n## C\nc\n\n## D\nd\n"
    target = "## A\na\n\n## D\nd\n"
    by_title = {s.title: s for s in parse_sections(source)}
    once = copy_section(target, source, by_title["C"])
    twice = copy_section(once, source, by_title["B"])
    assert twice == source


def test_copy_last_subsection_goes_at_the_end_of_its_parent():
    source = "# Top\nintro\n## Kept\nsame\n## New\nfresh\n# After\nx\n"
    target = "# Top\nintro\n## Other\nmine\n# After\nx\n"
    new = next(s for s in parse_sections(source) if s.title == "New")
    assert copy_section(target, source, new) == "# Top\nintro\n## Other\nmine\n\n## New\nfresh\n\n# After\nx\n"


def test_copy_section_with_no_shared_sibling_follows_the_nearest_shared_section():
    # Its parent is missing from the target, but a section before the parent is shared.
    source = "## Setup\ns\n\n## Guide\ng\n### Tips\nt\n\n## Notes\nn\n"
    target = "## Setup\ns\n\n## Notes\nn\n"
    tips = next(s for s in parse_sections(source) if s.title == "Tips")
    assert copy_section(target, source, tips) == "## Setup\ns\n\n### Tips\nt\n\n## Notes\nn\n"


def test_copy_section_after_a_shared_section_that_holds_the_rest_in_the_target():
    # Seeds 000 and 002 share "Purpose"; in 002 it is a level-1 section holding all the
    # others. "Core Philosophy" follows "Purpose" in 000, so it lands right after
    # Purpose's own text in 002, not at the end of the body.
    source_text, target_text = seed(0).body, seed(2).body
    philosophy = next(s for s in parse_sections(source_text) if s.title == "Core Philosophy")
    result = copy_section(target_text, source_text, philosophy)
    titles = [s.title for s in parse_sections(result)]
    assert titles[:3] == ["Purpose", "Core Philosophy", "Core Methodology"]
    assert section_text(result, parse_sections(result)[1]) == section_text(source_text, philosophy)

"""How Claude sees an agent: `agent-editor show`, the effective tools and model, which file
wins for a name; and `agent-editor check --fix` on a copy of a folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from agent_editor.agentfile.claude_view import BUILT_IN, MCP, OLD_NAME, UNKNOWN, model_used, view_of
from agent_editor.agentfile.document import AgentDocument
from agent_editor.agentfile.fix_all import fix_all
from agent_editor.cli import main
from agent_editor.claudeview.scopes import PROJECT, USER, place_of, show_records
from conftest import CORPUS, SEEDS, claude_code_record, seed_files
from test_repair import EXAMPLE_AT_COLUMN_0, build


@pytest.fixture(autouse=True)
def no_user_agents(tmp_path, monkeypatch):
    """The user's own agents folder is an empty one of the test's, never the real home."""
    folder = tmp_path / "config"
    (folder / "agents").mkdir(parents=True)
    monkeypatch.setenv("CLAUDE_CONFIG_DIR", str(folder))
    return folder / "agents"


CUT = 'Use this agent to design screens.\nuser: "We need UI designs"\nassistant: "I will use the designer agent."'


def agent(header: str) -> AgentDocument:
    return AgentDocument.parse(f"---\n{header}\n---\nBody.\n")


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# ----- agreement with Claude Code on every shared file ---------------------------------


def test_show_json_agrees_with_claude_code_on_every_shared_file(capsys):
    code, out, _ = run(capsys, "show", "--json", *[str(p) for p in seed_files()], str(CORPUS))
    assert code == 0
    shown = {Path(record["path"]): record for record in json.loads(out)}
    compared = 0
    for folder in (SEEDS, CORPUS):
        for rel, entry in claude_code_record(folder).items():
            record = shown[folder / rel]
            if entry is None:
                assert record["loaded"] is False
                continue
            assert (record["name"], record["description"], record["tools"]) == (
                entry["name"], entry["description"], entry["tools"]), rel
            assert record["listing"] == f"{entry['name']}: {entry['description']} (Tools: {entry['tools']})"
            compared += 1
    assert compared == 591
    corpus = [r for p, r in shown.items() if p.suffix == ".md" and p.name != "SOURCES.md"]
    assert all(r["loaded"] for r in corpus)
    seeds = [shown[p] for p in seed_files()]
    assert not any(r["loaded"] for r in seeds)  # .txt: Claude Code never reads them...
    assert all("ending in .md" in r["why_not"] for r in seeds)  # ...and says so


def test_show_json_has_the_promised_keys(capsys):
    _, out, _ = run(capsys, "show", "--json", str(seed_files()[0]))
    record = json.loads(out)[0]
    for key in ("path", "loaded", "name", "description", "tools", "model", "winner"):
        assert key in record


# ----- tools and model as Claude Code applies them ------------------------------------


def test_all_tools_by_default_minus_the_denied():
    view = view_of(agent("name: a\ndescription: d\ndisallowedTools: Bash, Write"))
    assert view.tools == "All tools except Bash, Write"
    assert view.all_tools
    names = [t.name for t in view.granted]
    assert "Read" in names and "Bash" not in names and "Write" not in names


@pytest.mark.parametrize("tools", ["tools: '*'", 'tools: ""', "tools: []", ""])
def test_star_empty_and_absent_mean_every_tool(tools):
    view = view_of(agent("name: a\ndescription: d\n" + tools))
    assert view.all_tools and view.tools == "All tools"


def test_listed_tools_minus_the_denied_with_kinds_marked():
    view = view_of(agent("name: a\ndescription: d\ntools: Read, Bash(npm run *), MultiEdit, mcp__github, supabase, Grep\n"
                         "disallowedTools: Grep"))
    assert view.tools == "Read, Bash(npm run *), MultiEdit, mcp__github, supabase"
    kinds = {t.name: t.kind for t in view.granted}
    assert kinds == {"Read": BUILT_IN, "Bash(npm run *)": BUILT_IN, "MultiEdit": OLD_NAME, "mcp__github": MCP,
                     "supabase": UNKNOWN}
    assert view.unknown_tools == ["supabase"]


@pytest.mark.parametrize(
    "value, used",
    [(None, "inherit"), ("inherit", "inherit"), ("opus", "opus"), ("claude-opus-5", "claude-opus-5"),
     ("gpt-9", "inherit"), ("Opus", "inherit"), (12, "inherit")],
)
def test_the_model_actually_used(value, used):
    assert model_used(value)[0] == used
    if used == "inherit":
        assert "the conversation's model" in model_used(value)[1]


def test_a_cut_description_is_shown_as_claude_code_reads_it_with_a_note():
    view = view_of(AgentDocument.parse(build(CUT)))
    assert view.loaded
    assert view.description == "Use this agent to design screens."
    assert any("stops reading the description" in w for w in view.warnings)


def test_an_ignored_file_says_why():
    view = view_of(AgentDocument.parse(build(EXAMPLE_AT_COLUMN_0)))
    assert not view.loaded and "Claude Code ignores this file" in view.why_not
    assert view.listing is None


# ----- which file wins for a name ------------------------------------------------------


def write(path: Path, name: str, words: str = "Does things.") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\nname: {name}\ndescription: {words}\n---\nBody.\n", encoding="utf-8")
    return path


def test_a_project_agent_shadows_the_users_own(tmp_path, no_user_agents):
    project = write(tmp_path / "repo" / ".claude" / "agents" / "reviewer.md", "reviewer")
    mine = write(no_user_agents / "sub" / "my-reviewer.md", "reviewer")
    assert place_of(project).kind == PROJECT and place_of(mine).kind == USER
    records = {Path(r["path"]): r for r in show_records([project, mine])}
    assert records[project]["winner"] == str(project)
    assert records[project]["shadows"] == [str(mine)]
    assert records[mine]["winner"] == str(project)
    assert records[mine]["shadowed_by"] == str(project)
    # asked about the project file only, the user's folder is still looked at
    alone = show_records([project])[0]
    assert alone["shadows"] == [str(mine)]


def test_two_files_with_one_name_in_one_folder_name_each_other(tmp_path):
    folder = tmp_path / ".claude" / "agents"
    a, b, c = write(folder / "a.md", "twin"), write(folder / "deep" / "b.md", "twin"), write(folder / "c.md", "solo")
    records = {Path(r["path"]): r for r in show_records([folder])}
    assert records[a]["winner"] is None and records[a]["same_name"] == [str(b)]
    assert records[b]["winner"] is None and records[b]["same_name"] == [str(a)]
    assert records[c]["winner"] == str(c) and records[c]["same_name"] == []


def test_show_prints_in_words(tmp_path, capsys):
    folder = tmp_path / ".claude" / "agents"
    write(folder / "a.md", "twin")
    write(folder / "b.md", "twin")
    code, out, _ = run(capsys, "show", str(folder))
    assert code == 0
    assert "Claude reads:\n    twin: Does things. (Tools: All tools)" in out
    assert "Used for this name: Maybe not: b.md in the same folder has the same name" in out
    assert "Model: inherit (the conversation's model)" in out
    old = write(folder / "old.md", "old-one")
    old.write_text(old.read_text().replace("description:", "tools: Read, MultiEdit, supa\ndescription:"))
    _, out, _ = run(capsys, "show", str(old))
    assert "Tools: Read, MultiEdit, supa (unknown, doing nothing: supa) (old names: MultiEdit)" in out


# ----- fix all ---------------------------------------------------------------------------


@pytest.fixture
def broken_folder(tmp_path) -> Path:
    folder = tmp_path / "agents"
    folder.mkdir()
    (folder / "examples.md").write_text(build(EXAMPLE_AT_COLUMN_0), encoding="utf-8")
    (folder / "cut.md").write_text(build(CUT),
                                   encoding="utf-8")
    (folder / "twice.md").write_text("---\nname: twice\ndescription: d\nmodel: opus\nmodel: haiku\n---\nBody.\n",
                                     encoding="utf-8")
    (folder / "tab.md").write_text("---\nname: tab\n\tdescription: d\n---\nBody.\n", encoding="utf-8")
    for seed in seed_files():
        shutil.copyfile(seed, folder / (seed.stem + ".md"))
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_check_fix_repairs_a_folder_and_a_second_run_finds_nothing(broken_folder, capsys):
    before = snapshot(broken_folder)
    code, out, err = run(capsys, "check", "--diff", str(broken_folder))
    assert snapshot(broken_folder) == before, "--diff writes nothing"
    assert f"+++ {broken_folder / 'examples.md'}" in out and "+description: |-" in out
    assert "would be fixed" in err

    code, out, err = run(capsys, "check", "--fix", str(broken_folder))
    after = snapshot(broken_folder)
    changed = {name for name in before if before[name] != after[name]}
    assert {"examples.md", "cut.md", "twice.md"} <= changed
    assert "tab.md" not in changed  # no safe fix: reported, not touched
    assert f"{broken_folder / 'tab.md'}:3: error:" in out
    # a repaired file: PyYAML reads it, the body is the same bytes
    fixed = AgentDocument.load(broken_folder / "examples.md")
    assert yaml.safe_load(fixed.header_text)["name"] == "release-helper"
    assert fixed.body == AgentDocument.parse(before["examples.md"].decode()).body
    assert fixed.fields["model"] == "sonnet"
    assert (broken_folder / "twice.md").read_text() == "---\nname: twice\ndescription: d\nmodel: haiku\n---\nBody.\n"
    # what a working agent is stays: the seeds' names, tools and models
    for seed in seed_files():
        old, new = AgentDocument.parse(before[seed.stem + ".md"].decode()), AgentDocument.load(broken_folder / (seed.stem + ".md"))
        assert view_of(new).listing is not None
        assert (view_of(new).name, view_of(new).tools, view_of(new).model) == (
            view_of(old).name, view_of(old).tools, view_of(old).model)

    code, out, err = run(capsys, "check", "--fix", str(broken_folder))
    assert snapshot(broken_folder) == after
    assert "+++" not in out
    assert "0 files fixed" in err


def test_fix_all_never_applies_a_note_or_changes_a_working_agents_tools():
    doc = agent("name: Backend Architect\ndescription: d\ntools: Read, supabase, MultiEdit\ncolor: Green")
    result = fix_all(doc)
    after = AgentDocument.parse(result.after)
    assert after.fields["name"] == "Backend Architect"  # renaming is a note's fix: left to the author
    assert after.fields["tools"] == "Read, supabase, MultiEdit"  # would change what the agent can do
    assert after.fields["color"] == "green"
    assert result.applied == ["Write “green”"]
    assert {p.code for p in result.left} >= {"tool-unknown", "tool-renamed"}


def test_fix_all_diff_is_a_unified_diff():
    doc = agent("name: a\ndescription: d\nmodel: opus\nmodel: haiku")
    result = fix_all(doc)
    assert result.diff("a.md").splitlines()[:4] == ["--- a/a.md", "+++ b/a.md", "@@ -1,7 +1,6 @@", " ---"]
    assert "-model: opus" in result.diff("a.md")
    assert fix_all(AgentDocument.parse(result.after)).changed is False

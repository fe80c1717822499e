"""`agent-editor check` and check_files: across files, exit codes, and the output's form."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from agent_editor.cli import main
from agent_editor.agentfile.validation import ERROR, check_files
from conftest import REPO, seed_files

LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+): (?P<severity>error|warning|info): (?P<message>.+)$")
GOOD = "---\nname: {name}\ndescription: Does {name} things.\n---\n\nYou are {name}.\n"


def run_module(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "agent_editor", "check", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )


def parsed(stdout: str) -> list[dict]:
    rows = []
    for line in stdout.splitlines():
        match = LINE.match(line)
        assert match, f"not “path:line: severity: message”: {line!r}"
        rows.append(match.groupdict())
    return rows


def write(folder: Path, rel: str, text: str) -> Path:
    path = folder / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def seeds_run() -> subprocess.CompletedProcess:
    return run_module(*[str(p) for p in seed_files()])


def test_seeds_exit_0_with_the_known_problems(seeds_run):
    assert seeds_run.returncode == 0, seeds_run.stderr
    rows = parsed(seeds_run.stdout)
    by_file: dict[str, list[dict]] = {}
    for row in rows:
        by_file.setdefault(Path(row["path"]).name[:3], []).append(row)
    assert not [r for r in rows if r["severity"] == "error"]

    color_002 = [r for r in by_file["002"] if "“Green”" in r["message"]]
    assert len(color_002) == 1 and color_002[0]["line"] == "4" and "green" in color_002[0]["message"]
    color_003 = [r for r in by_file["003"] if "“#6366F1”" in r["message"]]
    assert len(color_003) == 1 and color_003[0]["line"] == "6"

    for number in ("000", "001", "002", "003"):
        shared = [r for r in by_file[number] if "backend-architect" in r["message"] and "also used by" in r["message"]]
        assert len(shared) == 1, number
        assert shared[0]["line"] == "2"
    assert not [r for r in by_file["004"] if "also used by" in r["message"]]

    for number in ("000", "001", "002", "003", "004"):
        assert [r for r in by_file[number] if ".md" in r["message"] and "only reads" in r["message"]], number
    assert "5 files checked" in seeds_run.stderr


def test_main_in_process_gives_the_same_output(seeds_run, capsys):
    assert main(["check", *[str(p) for p in seed_files()]]) == 0
    out, err = capsys.readouterr()
    assert out == seeds_run.stdout
    assert err == seeds_run.stderr


def test_quiet_prints_errors_only(tmp_path, capsys):
    write(tmp_path, "ok.md", GOOD.format(name="ok") + "")
    write(tmp_path, "warn.md", "---\nname: w\ndescription: d\ncolor: Green\n---\nbody\n")
    write(tmp_path, "bad.md", "---\nname: b\n---\nbody\n")
    assert main(["check", "--quiet", str(tmp_path)]) == 1
    rows = parsed(capsys.readouterr().out)
    assert rows and all(r["severity"] == "error" for r in rows)
    assert {Path(r["path"]).name for r in rows} == {"bad.md"}


def test_a_file_without_description_exits_1(tmp_path):
    bad = write(tmp_path, "bad.md", "---\nname: lonely\n---\nbody\n")
    result = run_module(str(bad))
    assert result.returncode == 1
    rows = parsed(result.stdout)
    errors = [r for r in rows if r["severity"] == "error"]
    assert len(errors) == 1 and "description" in errors[0]["message"].lower()
    assert errors[0]["path"] == str(bad)


def test_warnings_alone_exit_0(tmp_path, capsys):
    write(tmp_path, "a.md", "---\nname: a\ndescription: d\ncolor: Green\n---\nbody\n")
    assert main(["check", str(tmp_path)]) == 0
    assert parsed(capsys.readouterr().out)


def test_a_folder_is_searched_recursively_for_md_only(tmp_path, capsys):
    write(tmp_path, "sub/a.md", "---\nname: a\ndescription: d\ncolor: Green\n---\nbody\n")
    write(tmp_path, "b.txt", "not an agent")
    write(tmp_path, "sub/deeper/c.md", "---\nname: c\ndescription: d\nmaxTurns: 0\n---\nbody\n")
    assert main(["check", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    paths = {Path(r["path"]).relative_to(tmp_path).as_posix() for r in parsed(out)}
    assert paths == {"sub/a.md", "sub/deeper/c.md"}
    assert "2 files checked" in err


def test_unusable_files_are_errors_in_the_same_form(tmp_path, capsys):
    write(tmp_path, "empty.md", "")
    (tmp_path / "latin.md").write_bytes("---\nname: caf\xe9\n---\n".encode("latin-1"))
    assert main(["check", str(tmp_path)]) == 1
    rows = parsed(capsys.readouterr().out)
    assert {Path(r["path"]).name for r in rows if r["severity"] == "error"} == {"empty.md", "latin.md"}


def test_missing_path_exits_1(tmp_path, capsys):
    write(tmp_path, "a.md", GOOD.format(name="a"))
    assert main(["check", str(tmp_path / "a.md"), str(tmp_path / "nope.md")]) == 1
    err = capsys.readouterr().err
    assert "nope.md" in err and "no such file" in err


def test_an_empty_folder_exits_1(tmp_path, capsys):
    assert main(["check", str(tmp_path)]) == 1
    assert "0 files checked" in capsys.readouterr().err


def test_every_output_line_has_a_line_number(tmp_path, capsys):
    write(tmp_path, "x.txt", GOOD.format(name="x"))
    write(tmp_path, "noheader.md", "Just text.\n")
    write(tmp_path, "one.md", GOOD.format(name="same"))
    write(tmp_path, "two.md", GOOD.format(name="same"))
    main(["check", str(tmp_path / "x.txt"), str(tmp_path)])
    rows = parsed(capsys.readouterr().out)
    assert {Path(r["path"]).name for r in rows} == {"x.txt", "noheader.md", "one.md", "two.md"}


def test_check_files_reports_shared_names_once_per_file(tmp_path):
    for rel in ("one.md", "sub/two.md", "three.md"):
        write(tmp_path, rel, GOOD.format(name="twin"))
    write(tmp_path, "solo.md", GOOD.format(name="solo"))
    reports = check_files([tmp_path])
    shared = {r.path.name: [p for p in r.problems if p.code == "name-shared"] for r in reports}
    assert {name: len(found) for name, found in shared.items()} == {
        "one.md": 1, "three.md": 1, "two.md": 1, "solo.md": 0
    }
    message = shared["one.md"][0].message
    assert "three.md" in message and "two.md" in message and "one.md" not in message


def test_check_files_names_are_compared_as_claude_code_reads_them(tmp_path):
    write(tmp_path, "a.md", GOOD.format(name="twin"))
    write(tmp_path, "b.md", "---\nname: 'twin'\ndescription: d\n---\nbody\n")
    write(tmp_path, "c.md", "---\nname: Twin\ndescription: d\n---\nbody\n")  # a different name
    reports = {r.path.name: r for r in check_files([tmp_path])}
    assert [p.code for p in reports["a.md"].problems].count("name-shared") == 1
    assert [p.code for p in reports["b.md"].problems].count("name-shared") == 1
    assert "name-shared" not in [p.code for p in reports["c.md"].problems]


def test_check_files_reports_unreadable_files_without_a_document(tmp_path):
    write(tmp_path, "empty.md", "")
    (report,) = check_files([tmp_path / "empty.md"])
    assert report.doc is None
    assert [p.severity for p in report.problems] == [ERROR]


def test_check_does_not_load_qt():
    code = (
        "import sys; from agent_editor.cli import main; "
        f"main(['check', {str(seed_files()[0])!r}]); "
        "print('QT' if any(m.startswith('PySide6') for m in sys.modules) else 'NO-QT')"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert result.stdout.strip().endswith("NO-QT"), result.stderr


def test_a_file_named_twice_is_checked_once(tmp_path, capsys):
    agent = write(tmp_path, "sub/a.md", GOOD.format(name="a"))
    assert main(["check", str(tmp_path), str(agent), str(tmp_path / "sub" / ".." / "sub" / "a.md")]) == 0
    out, err = capsys.readouterr()
    assert "1 file checked" in err
    assert "also used by" not in out


# ----- Qt's own options beside ours ---------------------------------------------------------


def test_qt_options_are_split_from_ours():
    from agent_editor.cli import split_qt_options

    own, qt = split_qt_options(["-style", "fusion", "a.md", "--platform=offscreen", "-reverse", "b.md",
                                "--version", "--", "-style"])
    assert own == ["a.md", "b.md", "--version", "--", "-style"]
    assert qt == ["-style", "fusion", "--platform=offscreen", "-reverse"]


def test_the_app_starts_with_qt_options(tmp_path):
    agent = write(tmp_path, "agent.md", GOOD.format(name="helper"))
    env = {**os.environ, "AGENT_EDITOR_QUIT_AFTER_MS": "50",
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run([sys.executable, "-m", "agent_editor", "-platform", "offscreen", "-style", "fusion",
                             str(agent)], capture_output=True, text=True, cwd=REPO, timeout=60, env=env)
    assert result.returncode == 0, result.stderr
    assert "unrecognized arguments" not in result.stderr

"""“Would Claude pick it?”: which agent the main session's first Agent call asks for.

For one request, the main session (no ``--agent``) runs K times with every variant
registered under its temporary name. Each run counts once: for the variant whose name its
first Agent tool call gives as ``subagent_type``, for another agent (a built-in one, or one
of the project's own), or for none when Claude answers without calling an agent. The
description is what Claude reads to decide, so this is the routing test for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from agent_editor.tryout.events import RunResult


@dataclass
class PickTally:
    labels: list[str]  # the variants, in order
    names: list[str]  # their temporary names, in the same order
    picked: dict[str, int] = field(default_factory=dict)  # label -> runs that asked for it
    others: dict[str, int] = field(default_factory=dict)  # another agent's name -> runs
    none: int = 0  # runs that called no agent
    failed: int = 0  # runs that ended with a problem before deciding (not logged in, ...)
    problems: list[str] = field(default_factory=list)

    @property
    def runs(self) -> int:
        return sum(self.picked.values()) + sum(self.others.values()) + self.none + self.failed

    def rows(self) -> list[tuple[str, int]]:
        """(what, how many runs) for the table: each variant, then other agents, then none."""
        rows = [(label, self.picked.get(label, 0)) for label in self.labels]
        rows += [(f"another agent: {name}", count) for name, count in sorted(self.others.items())]
        rows.append(("no agent", self.none))
        if self.failed:
            rows.append(("could not tell (run failed)", self.failed))
        return rows

    def to_json(self) -> dict:
        return {"runs": self.runs, "picked": {label: self.picked.get(label, 0) for label in self.labels},
                "other_agents": dict(self.others), "none": self.none, "failed": self.failed,
                "problems": self.problems}


def tally_picks(results: list[RunResult], labels: list[str], names: list[str]) -> PickTally:
    tally = PickTally(list(labels), list(names))
    by_name = dict(zip(names, labels))
    for result in results:
        call = result.first_agent_call()
        if call is None:
            if result.problem:
                tally.failed += 1
                if result.problem not in tally.problems:
                    tally.problems.append(result.problem)
            elif not result.stopped:
                tally.none += 1
            continue
        chosen = call.input.get("subagent_type")
        chosen = chosen if isinstance(chosen, str) and chosen else "general-purpose"
        if chosen in by_name:
            tally.picked[by_name[chosen]] = tally.picked.get(by_name[chosen], 0) + 1
        else:
            tally.others[chosen] = tally.others.get(chosen, 0) + 1
    return tally

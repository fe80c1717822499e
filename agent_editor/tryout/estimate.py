"""What a try will send, to whom, and roughly what it costs, before anything is sent.

The estimate comes from text length alone (about four characters a token). Claude Code
adds its own system prompt and tool list to every request: with 2.1.328 that was about
3,500 tokens for a variant limited to a few tools and 12,500 to 14,000 for one with every
tool (measured against a mock API). A variant that uses tools makes several requests, so
the real cost can be several times the estimate; the budget cap is what bounds it.
Prices are the per-million-token list prices Claude Code 2.1.328 reports for its models.
"""

from __future__ import annotations

from dataclasses import dataclass

from agent_editor.agentfile.tools import parse_tools
from agent_editor.tryout.variants import Variant, agent_definition

CHARS_PER_TOKEN = 4
OVERHEAD_FEW_TOOLS = 3_500
OVERHEAD_ALL_TOOLS = 14_000
ANSWER_TOKENS = 1_500  # assumed length of one answer
# USD per million tokens (input, output); an unknown or inherited model is priced as the dearest.
PRICES = {"haiku": (1.0, 5.0), "sonnet": (2.0, 10.0), "opus": (4.0, 20.0)}
DEAREST = PRICES["opus"]


@dataclass(frozen=True)
class Estimate:
    runs: int
    input_tokens: int
    cost_usd: float  # one request per run, answer of ANSWER_TOKENS
    cap_usd: float  # the most the budget cap lets all runs spend together

    def words(self) -> str:
        return (f"{self.runs} run{'s' if self.runs != 1 else ''}, about {self.input_tokens:,} tokens sent: "
                f"roughly ${self.cost_usd:.2f} if each answers in one go; never more than "
                f"${self.cap_usd:.2f} (the budget cap of each run).")


def _price(model: object) -> tuple[float, float]:
    text = model.lower() if isinstance(model, str) else ""
    for family, price in PRICES.items():
        if family in text:
            return price
    return DEAREST


def variant_tokens(variant: Variant, prompt: str) -> int:
    entry = agent_definition(variant)
    own = (len(entry["prompt"]) + len(entry["description"]) + len(prompt)) // CHARS_PER_TOKEN
    few = parse_tools(variant.document.fields.get("tools")) is not None
    return own + (OVERHEAD_FEW_TOOLS if few else OVERHEAD_ALL_TOOLS)


def estimate_try(variants: list[Variant], prompt: str, budget_usd: float) -> Estimate:
    tokens = cost = 0.0
    for variant in variants:
        sent = variant_tokens(variant, prompt)
        price_in, price_out = _price(variant.document.fields.get("model"))
        tokens += sent
        cost += (sent * price_in + ANSWER_TOKENS * price_out) / 1_000_000
    return Estimate(len(variants), int(tokens), cost, budget_usd * len(variants))


def estimate_pick(variants: list[Variant], prompt: str, runs: int, budget_usd: float) -> Estimate:
    """Main sessions: Claude Code's full prompt, the request, every variant's description."""
    listing = sum(len(agent_definition(v)["description"]) for v in variants) // CHARS_PER_TOKEN
    sent = OVERHEAD_ALL_TOOLS + listing + len(prompt) // CHARS_PER_TOKEN
    price_in, price_out = DEAREST
    cost = runs * (sent * price_in + 200 * price_out) / 1_000_000  # it stops at the first Agent call
    return Estimate(runs, sent * runs, cost, budget_usd * runs)


def what_is_sent(variants: list[Variant], prompt: str, pick_runs: int = 0) -> str:
    """Plain words for the question asked before the first run."""
    lines = [
        "Pressing Run starts Claude Code on this computer, once for each variant. Claude Code sends "
        "to Anthropic (or to the provider your Claude Code is set up for), under your own account:",
        f"• your request ({len(prompt):,} characters);",
        "• each variant's instructions (its body) and description, as the system prompt of its run;",
        "• Claude Code's own instructions and tool descriptions, and the name of the working folder.",
        "If a variant reads files with its tools, their contents are sent too.",
    ]
    if pick_runs:
        lines.append(f"“Would Claude pick it?” runs the request {pick_runs} more times with every "
                     "variant's description offered to Claude.")
    return "\n".join(lines)

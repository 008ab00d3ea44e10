"""An evaluation's report: which file, what kind, how many cases, the figures, and (for sentence
sets) each case's outcome."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Report:
    file: str
    kind: str
    cases: int
    figures: dict[str, float] = field(default_factory=dict)
    details: list[str] = field(default_factory=list)
    confusion: dict[tuple[str, str], int] = field(default_factory=dict)
    outcomes: list[dict] = field(default_factory=list)  # one row per scored case, when kept

    def lines(self) -> list[str]:
        out = [f"file: {self.file}", f"kind: {self.kind}", f"cases: {self.cases}"]
        out += [f"{name}: {value:.3f}" if isinstance(value, float) else f"{name}: {value}"
                for name, value in self.figures.items()]
        return out + self.details

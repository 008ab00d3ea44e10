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
    # 95% bootstrap intervals of some figures (evaluation/intervals.py), printed beside them
    intervals: dict[str, tuple[float, float]] = field(default_factory=dict)
    details: list[str] = field(default_factory=list)
    confusion: dict[tuple[str, str], int] = field(default_factory=dict)
    outcomes: list[dict] = field(default_factory=list)  # one row per scored case, when kept

    def summary(self) -> list[str]:
        """The file, its kind, its size and the figures: what `--no-details` prints."""
        out = [f"file: {self.file}", f"kind: {self.kind}", f"cases: {self.cases}"]
        out += [f"{name}: {value:.3f}" if isinstance(value, float) else f"{name}: {value}"
                for name, value in self.figures.items()]
        out += [f"{name}_95ci: {low:.3f} {high:.3f}" for name, (low, high) in self.intervals.items()]
        return out

    def lines(self) -> list[str]:
        return self.summary() + self.details

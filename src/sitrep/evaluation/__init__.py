"""Evaluation against gold files: `evaluate(path, options)` picks the scorer by the file's kind."""

from sitrep.evaluation.evaluate import detect_kind, evaluate
from sitrep.evaluation.report import Report

__all__ = ["Report", "detect_kind", "evaluate"]

"""Docs stay honest: every command has help and is in README; README's commands are the CI's."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from sitrep.interfaces.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands(group: click.Group, prefix: str = "sitrep"):
    for name, command in group.commands.items():
        yield f"{prefix} {name}", command
        if isinstance(command, click.Group):
            yield from commands(command, f"{prefix} {name}")


@pytest.mark.parametrize("path, command", list(commands(main)), ids=lambda x: str(x))
def test_every_command_has_help_and_is_documented(path, command):
    assert command.help, f"{path} has no help text"
    result = CliRunner().invoke(main, [*path.split()[1:], "--help"])
    assert result.exit_code == 0
    assert f"`{path}" in README or f"{path} " in README, f"{path} is not in README"


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "<!-- test-command -->" in ci and "<!-- test-command -->" in README
    assert "pytest" in README.split("<!-- test-command -->")[1].split("<!-- /test-command -->")[0]


def test_architecture_names_every_module():
    architecture = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    package = ROOT / "src" / "sitrep"
    for module in sorted(package.rglob("*.py")):
        if module.stem != "__init__":
            name = module.relative_to(package).as_posix()
            assert f"`{name}`" in architecture, f"{name} not in docs/architecture.md"


def test_no_module_over_600_lines():
    for module in sorted((ROOT / "src" / "sitrep").rglob("*.py")):
        lines = module.read_text(encoding="utf-8").count("\n")
        assert lines <= 600, f"{module.name} has {lines} lines; split it by stage"

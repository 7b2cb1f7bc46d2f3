"""Leak check: no reference-solution line and no hidden test may reach a student release.

A *secret* line is a line of reference code (inside in-code solution markers, or carrying a
``# SOLUTION`` suffix) or of a hidden test, that does not also occur in what students are given
anyway (prompts, docstrings, public tests, setup code). Every text line of every file under the
student folder is compared against the secrets after whitespace normalisation.
"""

from __future__ import annotations

import dataclasses
import json
import re
from importlib import resources
from pathlib import Path

from .authoring import SHIPPED_MODULES, ChapterSource, reference_only_lines



@dataclasses.dataclass(frozen=True)
class Leak:
    file: str
    line: str
    kind: str  # "solution" or "hidden test"

    def __str__(self) -> str:
        return f"{self.file}: {self.kind} line {self.line!r}"


def _norm(line: str) -> str:
    return " ".join(line.split())


def _meaningful(line: str) -> bool:
    # lines of pure punctuation or a lone keyword carry no solution
    return bool(re.search(r"[A-Za-z0-9_]{2,}", line)) and line not in {"else:", "try:", "return", "pass", "break", "continue"}


def _split_solution(src: str) -> tuple[list[str], list[str]]:
    """(reference-only lines, student-visible lines) of a solution cell; marker comments are neither."""
    hidden = reference_only_lines(src)
    shown = [line for i, line in enumerate(src.splitlines(), start=1)
             if i not in hidden and not line.strip().startswith(("# BEGIN SOLUTION", "# END SOLUTION"))]
    return list(hidden.values()), shown


def secret_lines(source: ChapterSource) -> dict[str, str]:
    """Normalised secret line -> its kind."""
    visible: set[str] = set()
    for module in SHIPPED_MODULES:  # public helper modules ship to students verbatim
        visible.update(_norm(line) for line in (resources.files("mlmathkit") / f"{module}.py").read_text("utf-8").splitlines())
    secrets: dict[str, str] = {}
    solutions = {src for q in source.questions.values() for src in q.solution_sources}
    tests = [t.source for q in source.questions.values() for t in q.tests]
    for cell in source.notebook.cells:  # prose, setup code and raw cells are shown to students anyway
        text = cell.source if isinstance(cell.source, str) else "".join(cell.source)
        if cell.cell_type != "code" or (text not in solutions and not any(t in text for t in tests)):
            visible.update(_norm(line) for line in text.splitlines())
    for q in source.questions.values():
        for src in q.solution_sources:
            secret, shown = _split_solution(src)
            visible.update(_norm(line) for line in shown)
            secrets.update({_norm(line): "solution" for line in secret})
        for t in q.tests:
            lines = {_norm(line) for line in t.source.splitlines()}
            if t.hidden:
                secrets.update({line: "hidden test" for line in lines})
            else:
                visible.update(lines)
    return {line: kind for line, kind in secrets.items() if line not in visible and _meaningful(line)}


def _text_lines(path: Path) -> list[str]:
    data = path.read_bytes().decode("utf-8", errors="replace")
    if path.suffix == ".ipynb":
        try:
            nb = json.loads(data)
            data = "\n".join(
                "".join(c.get("source", "")) + "\n" + json.dumps(c.get("outputs", []))
                for c in nb.get("cells", [])
            ) + "\n" + json.dumps(nb.get("metadata", {}))
        except (ValueError, AttributeError):
            pass  # scan the raw text then
    return data.splitlines()


def find_leaks(source: ChapterSource, student_dir: Path) -> list[Leak]:
    secrets = secret_lines(source)
    leaks = []
    for path in sorted(p for p in student_dir.rglob("*") if p.is_file()):
        for line in _text_lines(path):
            kind = secrets.get(_norm(line))
            if kind:
                leaks.append(Leak(str(path.relative_to(student_dir)), _norm(line), kind))
    return leaks

"""Score a namespace of (trusted) answer functions against a chapter's shipped otter test files.

Used by the release gates and the test-quality audit, where every answer is instructor code (the
reference, a catalogued mistake or alternative, an automatic mutant), so running it in-process is
safe. Untrusted student code is only ever graded by :mod:`mlmathkit.grading`.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import dataclasses
import inspect
import io
import os
import sys
import types
from pathlib import Path
from typing import Any

import nbformat

from . import checks, fixtures
from .authoring import SHIPPED_MODULES
from .course import Chapter

_PACKAGE_MODULES = {"checks": checks, "fixtures": fixtures}


@dataclasses.dataclass(frozen=True)
class CaseResult:
    name: str
    hidden: bool
    passed: bool
    message: str
    points: float
    margins: tuple[tuple[str, float], ...] = ()  # (check name, error/tolerance ratio) of each tolerance check
    description: str = ""  # the case it checks, in words for students (first line of the test's docstring)


@dataclasses.dataclass(frozen=True)
class QuestionResult:
    question: str
    score: float
    possible: float
    cases: tuple[CaseResult, ...]


@contextlib.contextmanager
def quiet():
    """Non-interactive plotting, no console noise, and the checks module under its shipped name."""
    import matplotlib

    matplotlib.use("Agg")
    # the shipped names resolve to the package's module objects: margins recorded in tests reach us
    aliases = {shipped.removesuffix(".py"): _PACKAGE_MODULES[m] for m, shipped in SHIPPED_MODULES.items()}
    previous = {name: sys.modules.get(name) for name in aliases}
    sys.modules.update(aliases)
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            yield
    finally:
        for name, module in previous.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module
        import matplotlib.pyplot as plt

        plt.close("all")


def notebook_namespace(notebook: Path) -> dict[str, Any]:
    """Execute a notebook's code cells (otter's grader cells skipped) into a fresh namespace."""
    nb = nbformat.read(notebook, as_version=4)
    return exec_cells([c.source for c in nb.cells if c.cell_type == "code"])


def exec_cells(sources: list[str], namespace: dict[str, Any] | None = None) -> dict[str, Any]:
    env: dict[str, Any] = namespace if namespace is not None else {"__name__": "__main__"}
    with quiet():
        for src in sources:
            if "otter.Notebook(" in src or "grader." in src:
                continue
            exec(compile(src, "<cell>", "exec"), env)
    return env


def load_tests(chapter: Chapter, question: str):
    """The shipped otter test file of a question (``autograder/<chapter>/tests/<question>.py``)."""
    return _otter_test_files().ExceptionTestFile.from_file(str(chapter.autograder_dir / "tests" / f"{question}.py"))


def _otter_test_files():
    """otter's test-file module without running ``otter/__init__``, which imports otter's whole command
    line (nbconvert, pandas...) and would cost about a second of every judge's cold start."""
    if "otter.test_files" in sys.modules or "otter" in sys.modules:
        return importlib.import_module("otter.test_files")
    spec = importlib.util.find_spec("otter")
    stub = types.ModuleType("otter")
    stub.__path__ = list(spec.submodule_search_locations)
    sys.modules["otter"] = stub
    try:
        return importlib.import_module("otter.test_files")
    finally:
        del sys.modules["otter"]  # a later `import otter` runs the real package


def graded_functions(chapter: Chapter) -> list[str]:
    """Every student function some test of the chapter takes as a parameter."""
    names: dict[str, None] = {}
    for q in chapter.questions:
        for tc in load_tests(chapter, q).test_cases:
            names.update(dict.fromkeys(inspect.signature(tc.body.test_func).parameters))
    return list(names)


def case_points(tests) -> dict[str, float]:
    """Points per test case of a test file, as otter resolves them."""
    return {tc.name: float(tc.points) for tc in tests.test_cases}


def describe(tc) -> str:
    doc = inspect.getdoc(tc.body.test_func) or ""
    return doc.strip().splitlines()[0].strip() if doc.strip() else ""


def run_case(tc, points: float, env: dict[str, Any]) -> CaseResult:
    """Run one otter test case against ``env`` the way otter does (any exception fails it)."""
    with checks.recording() as log:
        try:
            tc.body.call_func(env)
            passed, message = True, ""
        except Exception as e:  # noqa: BLE001 - any exception fails the case, as in otter
            passed, message = False, f"{type(e).__name__}: {e}"
    return CaseResult(tc.name, tc.hidden, passed, message, points, tuple(log), describe(tc))


def question_result(question: str, cases: list[CaseResult]) -> QuestionResult:
    score = sum(c.points for c in cases if c.passed)
    return QuestionResult(question, float(score), float(sum(c.points for c in cases)), tuple(cases))


def score_question(chapter: Chapter, question: str, env: dict[str, Any]) -> QuestionResult:
    """Run the question's shipped test file against ``env`` the way otter does."""
    tests = load_tests(chapter, question)
    points = case_points(tests)
    with quiet():
        cases = [run_case(tc, points[tc.name], env) for tc in tests.test_cases]
    return question_result(question, cases)


@contextlib.contextmanager
def chapter_cwd(chapter: Chapter):
    """Run from the autograder folder, where the notebook's relative paths resolve."""
    old = os.getcwd()
    os.chdir(chapter.autograder_dir)
    try:
        yield
    finally:
        os.chdir(old)

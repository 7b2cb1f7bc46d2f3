"""Shared fixtures: the real course, and a tiny throwaway course for pipeline tests."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from mlmathkit.course import load_course

REPO = Path(__file__).resolve().parents[1]

TINY_SOURCE = textwrap.dedent('''\
    # %% [markdown]
    # # Tiny chapter

    # %% [raw]
    # # BEGIN QUESTION
    # name: q1_square

    # %% [markdown]
    # Square a number.

    # %% [raw]
    # # BEGIN SOLUTION

    # %%
    def square(x):
        """Return x squared."""
        # BEGIN SOLUTION
        secret_intermediate = x * x
        return secret_intermediate
        # END SOLUTION

    # %% [raw]
    # # END SOLUTION

    # %% [raw]
    # # BEGIN TESTS

    # %%
    def test_public(square):
        from mlmathkit_checks import close
        close(square(3.0), 9.0)

    # %%
    # HIDDEN
    def test_hidden_negative(square):
        """A negative number with a fractional part."""
        from mlmathkit_checks import close
        close(square(-7.25), 52.5625, name="hidden_marker_value")

    # %% [raw]
    # # END TESTS

    # %% [raw]
    # # END QUESTION
''')


@pytest.fixture(scope="session")
def course():
    return load_course(REPO)


def make_tiny_course(root: Path, source: str = TINY_SOURCE) -> Path:
    (root / "assignments").mkdir(parents=True)
    (root / "assignments" / "course.yml").write_text(
        "course: tiny\nchapters:\n  ch01_probability:\n    title: Tiny\n    questions:\n      q1_square: 2\n"
    )
    shutil.copyfile(REPO / "assignments" / "requirements.txt", root / "assignments" / "requirements.txt")
    src = root / "solutions" / "ch01_probability"
    src.mkdir(parents=True)
    (src / "ch01_probability.py").write_text(source)
    return root


@pytest.fixture
def tiny_course(tmp_path):
    return load_course(make_tiny_course(tmp_path / "course"))


TWO_QUESTIONS = TINY_SOURCE + "\n" + textwrap.dedent('''\
        # %% [raw]
    # # BEGIN QUESTION
    # name: q2_cube

    # %% [markdown]
    # Cube a number.

    # %% [raw]
    # # BEGIN SOLUTION

    # %%
    def cube(x):
        """Return x cubed."""
        # BEGIN SOLUTION
        return x * x * x
        # END SOLUTION

    # %% [raw]
    # # END SOLUTION

    # %% [raw]
    # # BEGIN TESTS

    # %%
    def test_cube_public(cube):
        from mlmathkit_checks import close
        close(cube(2.0), 8.0)

    # %%
    # HIDDEN
    def test_cube_hidden(cube):
        """A negative number with a fractional part."""
        from mlmathkit_checks import close
        close(cube(-1.5), -3.375)

    # %% [raw]
    # # END TESTS

    # %% [raw]
    # # END QUESTION
''')


def make_two_question_course(root: Path) -> Path:
    """The tiny course with a second question, so tests can see one question's fate affect another's."""
    make_tiny_course(root, TWO_QUESTIONS)
    (root / "assignments" / "course.yml").write_text(
        "course: tiny\nsettings:\n  call_timeout: 3\nchapters:\n  ch01_probability:\n    title: Tiny\n"
        "    questions:\n      q1_square: 2\n      q2_cube: 1\n")
    return root


RESULTS_SCHEMA = Path(__file__).parent / "schemas" / "gradescope_results.json"


def validate_results(path: Path) -> None:
    """A results.json must follow Gradescope's documented schema, and its score must be its tests' sum."""
    import json

    import jsonschema

    data = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads(RESULTS_SCHEMA.read_text()))
    assert abs(data["score"] - sum(t["score"] for t in data["tests"])) < 1e-9, path
    assert all(t["score"] <= t["max_score"] + 1e-9 for t in data["tests"]), path


@pytest.fixture(scope="session", autouse=True)
def every_results_file_follows_gradescope_schema(tmp_path_factory):
    """After the session: every results.json any test produced is validated (the failure names the file)."""
    yield
    import json

    base = tmp_path_factory.getbasetemp()
    for path in sorted(base.glob("**/results/*.json")):
        try:
            written_by_grader = "cache_key" in json.loads(path.read_text(encoding="utf-8")).get("extra_data", {})
        except (ValueError, AttributeError):
            written_by_grader = False  # the report's tests plant malformed files on purpose
        if written_by_grader:
            try:
                validate_results(path)
            except Exception as e:
                raise AssertionError(f"{path} does not follow Gradescope's results.json schema: {e}") from None

"""Release: authoring rules enforced, output deterministic, never a solution or hidden test in student/."""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from conftest import REPO, TINY_SOURCE, make_tiny_course
from mlmathkit.authoring import AuthoringError, read_source
from mlmathkit.course import load_course
from mlmathkit.leaks import find_leaks
from mlmathkit.release import release_chapter


def tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_tiny_release_layout_stub_and_hidden_split(tiny_course):
    ch = tiny_course.chapter("ch01_probability")
    release_chapter(ch, tiny_course.root / "build")
    student_nb = ch.student_notebook.read_text()
    assert "raise NotImplementedError('square is not implemented yet" in student_nb
    assert "secret_intermediate" not in student_nb
    student_tests = (ch.student_dir / "tests" / "q1_square.py").read_text()
    assert "test_public" in student_tests and "hidden_marker_value" not in student_tests
    ag_tests = (ch.autograder_dir / "tests" / "q1_square.py").read_text()
    assert 'name="test_hidden_negative"' in ag_tests and "hidden=True" in ag_tests
    with zipfile.ZipFile(ch.autograder_zip) as zf:
        assert zf.read("tests/q1_square.py").decode() == ag_tests
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    reference = ch.reference_notebook.read_text()
    assert "secret_intermediate" in reference and "BEGIN SOLUTION" not in reference and "BEGIN PROMPT" not in reference
    assert (ch.student_dir / "README.md").is_file() and (ch.student_dir / "mlmathkit_checks.py").is_file()
    # otter's export works without LaTeX: pdf is off in the student's export cell
    assert "grader.export(pdf=False" in student_nb


def test_release_is_byte_for_byte_deterministic(tiny_course):
    ch = tiny_course.chapter("ch01_probability")
    release_chapter(ch, tiny_course.root / "build")
    first = tree_digest(ch.student_dir) | {f"ag/{k}": v for k, v in tree_digest(ch.autograder_dir).items()}
    release_chapter(ch, tiny_course.root / "build")
    second = tree_digest(ch.student_dir) | {f"ag/{k}": v for k, v in tree_digest(ch.autograder_dir).items()}
    assert first == second


def test_generated_folders_hold_exactly_the_released_chapters(course):
    import subprocess

    tracked = subprocess.run(["git", "ls-files", "student", "autograder"], cwd=REPO, capture_output=True,
                             text=True).stdout.split()
    released = {c.id for c in course.released()}
    assert {Path(p).parts[1] for p in tracked if len(Path(p).parts) > 2} == released


def test_committed_release_is_up_to_date(course, tmp_path):
    """student/ and autograder/ in the repository are exactly what `make release` generates."""
    root = tmp_path / "repo"
    for folder in ("assignments", "solutions"):
        shutil.copytree(REPO / folder, root / folder)
    fresh = load_course(root)
    for ch in fresh.released():
        release_chapter(ch, root / "build")
        committed = course.chapter(ch.id)
        assert tree_digest(ch.student_dir) == tree_digest(committed.student_dir), f"run `make release` ({ch.id})"
        assert tree_digest(ch.autograder_dir) == tree_digest(committed.autograder_dir), f"run `make release` ({ch.id})"


def test_markers_outside_a_raw_solution_block_are_refused(tmp_path):
    # otter would ship this cell unchanged, solution included
    source = TINY_SOURCE.replace("# %% [raw]\n# # BEGIN SOLUTION\n\n", "", 1).replace("# %% [raw]\n# # END SOLUTION\n\n", "", 1)
    course = load_course(make_tiny_course(tmp_path, source))
    with pytest.raises(AuthoringError, match="outside a raw"):
        read_source(course.chapter("ch01_probability"))


@pytest.mark.parametrize(
    "edit, message",
    [
        (lambda s: s.replace("# HIDDEN\n", ""), "public and one hidden"),
        (lambda s: s.replace("def test_public(square)", "def test_public(square, env)"), "never env"),
        (lambda s: s.replace("def test_public(square)", "def test_public(np)"), "not graded functions"),
        (lambda s: s.replace("name: q1_square", "name: q1_other"), "differ from assignments/course.yml"),
        (lambda s: s.replace("name: q1_square", "name: q1_square\n# points: 3"), "points belong"),
        (lambda s: s.replace('    """A negative number with a fractional part."""\n', ""), "needs a docstring"),
    ],
)
def test_authoring_rules(tmp_path, edit, message):
    course = load_course(make_tiny_course(tmp_path, edit(TINY_SOURCE)))
    with pytest.raises(AuthoringError, match=message):
        read_source(course.chapter("ch01_probability"))


def test_leak_check_finds_planted_solution_and_hidden_test(tiny_course):
    ch = tiny_course.chapter("ch01_probability")
    release_chapter(ch, tiny_course.root / "build")
    source = read_source(ch)
    assert find_leaks(source, ch.student_dir) == []
    nb = json.loads(ch.student_notebook.read_text())
    nb["cells"].append({"cell_type": "code", "id": "x", "metadata": {}, "outputs": [], "execution_count": None,
                        "source": "    secret_intermediate = x * x"})
    ch.student_notebook.write_text(json.dumps(nb))
    (ch.student_dir / "notes.txt").write_text('close(square(-7.25), 52.5625, name="hidden_marker_value")\n')
    leaks = find_leaks(source, ch.student_dir)
    assert {(leak.file, leak.kind) for leak in leaks} == {("ch01_probability.ipynb", "solution"), ("notes.txt", "hidden test")}


def test_release_refuses_to_publish_a_leak(tiny_course, monkeypatch):
    import mlmathkit.release as rel

    ch = tiny_course.chapter("ch01_probability")
    real_stage = rel._stage_student

    def leaky_stage(chapter, otter_student, out):
        out = real_stage(chapter, otter_student, out)
        (out / "leak.py").write_text("    return secret_intermediate\n")
        return out

    monkeypatch.setattr(rel, "_stage_student", leaky_stage)
    with pytest.raises(rel.ReleaseError, match="refusing to release"):
        release_chapter(ch, tiny_course.root / "build")
    assert not ch.student_dir.exists()  # nothing was published


def test_real_release_has_no_leaks(course):
    for ch in course.released():
        assert find_leaks(read_source(ch), ch.student_dir) == []


def test_student_flow_check_and_export_without_latex(course, tmp_path):
    """A student runs the whole notebook: checks answer in words, the export cell writes a zip, no LaTeX."""
    import nbclient
    import nbformat

    ch = course.released()[0]
    work = tmp_path / "student"
    shutil.copytree(ch.student_dir, work)
    nb = nbformat.read(work / ch.student_notebook.name, as_version=4)
    nbclient.NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(work)}}).execute()
    check_outputs = [json.dumps(c.outputs) for c in nb.cells if c.cell_type == "code" and "grader.check(" in c.source]
    assert check_outputs and all("is not implemented yet" in out for out in check_outputs)
    assert not any("Traceback" in out for out in check_outputs)
    zips = list(work.glob(f"{ch.id}_*.zip"))
    assert len(zips) == 1
    with zipfile.ZipFile(zips[0]) as zf:
        assert f"{ch.id}.ipynb" in zf.namelist()


def test_student_requirements_list_only_what_the_student_side_imports(course):
    """A chapter without torch in its notebook or public checks never asks students for torch (GBs)."""
    from mlmathkit.authoring import imported_modules

    for ch in course.released():
        req = (ch.student_dir / "requirements.txt").read_text()
        sources = [p.read_text() for p in ch.student_dir.glob("**/*.py")]
        sources += [c["source"] if isinstance(c["source"], str) else "".join(c["source"])
                    for c in json.loads(ch.student_notebook.read_text())["cells"] if c["cell_type"] == "code"]
        uses_torch = "torch" in {m.split(".")[0] for m in imported_modules(sources)}
        assert ("torch" in req) == uses_torch, ch.id
        assert ("download.pytorch.org/whl/cpu" in (ch.student_dir / "README.md").read_text()) == uses_torch, ch.id
        assert "otter-grader" in req and "numpy" in req

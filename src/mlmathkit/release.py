"""`mlmathkit release`: solutions/<chapter>/ -> student/<chapter>/ and autograder/<chapter>/.

Runs otter assign on the generated master notebook, then makes the output deterministic (fixed
cell ids, no timestamps, a zip with fixed dates and order and a stable name), writes the student
README, strips otter's markers from the reference notebook and refuses to publish a student folder
that contains a solution line or a hidden test.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import shutil
import string
import subprocess
import sys
import tempfile
import zipfile
from importlib import resources
from pathlib import Path

import nbformat

from .authoring import SHIPPED_MODULES, ChapterSource, imported_modules, master_notebook, read_source, strip_markers
from .course import Chapter
from .leaks import find_leaks

ZIP_DATE = (1980, 1, 1, 0, 0, 0)


class ReleaseError(Exception):
    """The release of a chapter was refused; nothing under student/ or autograder/ was changed."""


@dataclasses.dataclass(frozen=True)
class ReleaseResult:
    chapter: Chapter
    student_files: int
    autograder_files: int
    audit: dict | None = None  # the audit report, when the gate ran


def release_chapter(chapter: Chapter, build_root: Path, *, audit: bool = False, jobs: int = 2) -> ReleaseResult:
    """Generate, check and publish one chapter; with ``audit`` the test-quality gate must pass too.

    Everything is generated in a staging course under ``build_root`` (sharing the real
    ``solutions/`` and ``assignments/``) and only moved into place once every gate has passed.
    """
    source = read_source(chapter)
    with tempfile.TemporaryDirectory(dir=_ensure(build_root), prefix=f"{chapter.id}-") as tmp:
        work = Path(tmp)
        staged = dataclasses.replace(chapter, root=work / "course")
        for shared in ("solutions", "assignments"):
            _ensure(staged.root / shared).rmdir()
            (staged.root / shared).symlink_to(chapter.root / shared, target_is_directory=True)
        dist = _run_otter_assign(source, work)
        _stage_student(chapter, dist / "student", staged.student_dir)
        _stage_autograder(chapter, dist / "autograder", staged.autograder_dir)
        leaks = find_leaks(source, staged.student_dir)
        if leaks:
            listed = "\n  ".join(str(leak) for leak in leaks[:20])
            raise ReleaseError(
                f"{chapter.id}: refusing to release, {len(leaks)} secret line(s) reached the student folder:\n  {listed}"
            )
        report = None
        if audit:
            from .audit import audit_chapter

            report = audit_chapter(staged, jobs=jobs)
            if not report["ok"]:
                raise ReleaseError(f"{chapter.id}: refusing to release, the test-quality audit failed:\n  "
                                   + "\n  ".join(report["failures"]))
        _replace_dir(staged.student_dir, chapter.student_dir)
        _replace_dir(staged.autograder_dir, chapter.autograder_dir)
    return ReleaseResult(chapter, _count(chapter.student_dir), _count(chapter.autograder_dir), report)


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def _count(folder: Path) -> int:
    return sum(1 for p in folder.rglob("*") if p.is_file())


def _run_otter_assign(source: ChapterSource, work: Path) -> Path:
    chapter = source.chapter
    master = work / "master" / f"{chapter.id}.ipynb"
    master.parent.mkdir(parents=True)
    nbformat.write(master_notebook(source), master)
    for module, shipped in SHIPPED_MODULES.items():
        shutil.copyfile(resources.files("mlmathkit") / f"{module}.py", master.parent / shipped)
    shutil.copyfile(chapter.root / "assignments" / "requirements.txt", master.parent / "requirements.txt")
    dist = work / "dist"
    proc = subprocess.run(
        [sys.executable, "-m", "otter", "assign", "--no-pdfs", "--no-run-tests", str(master), str(dist)],
        capture_output=True,
        text=True,
        cwd=master.parent,
    )
    if proc.returncode != 0:
        raise ReleaseError(f"{chapter.id}: otter assign failed:\n{proc.stdout[-3000:]}{proc.stderr[-3000:]}")
    return dist


def normalize_notebook(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Fixed cell ids and metadata so that the same source always gives the same bytes."""
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i:03d}"
        cell.metadata.pop("jupytext", None)
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    nb.metadata.pop("jupytext", None)
    nb.nbformat, nb.nbformat_minor = 4, 5
    return nb


def release_id(chapter: Chapter) -> str:
    """A stamp of what the release was made from (source and points): equal sources, equal ids."""
    made_from = chapter.source.read_bytes() + json.dumps(
        [chapter.questions, chapter.call_timeouts], sort_keys=True).encode()
    return hashlib.sha256(made_from).hexdigest()[:12]


def _write_notebook(chapter: Chapter, nb: nbformat.NotebookNode, path: Path) -> None:
    """Normalised, stamped with the release id (the grader warns about submissions made from another)."""
    nb.metadata["mlmathkit"] = {"release": release_id(chapter)}
    nbformat.validate(nb)
    path.write_text(nbformat.writes(normalize_notebook(nb)) + "\n", encoding="utf-8")


def _stage_student(chapter: Chapter, otter_student: Path, out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(otter_student, out)
    _name_test_cases(out / "tests")
    nb_path = out / f"{chapter.id}.ipynb"
    _write_notebook(chapter, nbformat.read(nb_path, as_version=4), nb_path)
    requirements, torch = student_requirements(chapter, out)
    (out / "requirements.txt").write_text(requirements, encoding="utf-8")
    template = string.Template((resources.files("mlmathkit") / "templates" / "student_README.md").read_text("utf-8"))
    questions = "\n".join(f"| `{q}` | {p:g} |" for q, p in chapter.questions.items())
    (out / "README.md").write_text(
        template.substitute(chapter=chapter.id, title=chapter.title, questions=questions, total=f"{chapter.max_score:g}",
                            torch=TORCH_NOTE if torch else ""),
        encoding="utf-8",
    )
    return out


PIP_NAMES = {"numpy": "numpy", "scipy": "scipy", "sklearn": "scikit-learn", "matplotlib": "matplotlib",
             "torch": "torch", "mpmath": "mpmath", "otter": "otter-grader"}
TORCH_NOTE = """
This chapter's checks use PyTorch. Install its CPU-only build **first** — the default build bundles
CUDA and is several GB:

```bash
pip install torch --index-url https://download.pytorch.org/whl/cpu
```
"""


def student_requirements(chapter: Chapter, student_dir: Path) -> tuple[str, bool]:
    """Only what the student notebook, its public checks and the shipped modules import (pinned as in
    the course's requirements), and whether that includes torch."""
    nb = nbformat.read(student_dir / f"{chapter.id}.ipynb", as_version=4)
    sources = [c.source for c in nb.cells if c.cell_type == "code"]
    sources += [p.read_text(encoding="utf-8") for p in sorted(student_dir.glob("**/*.py"))]
    tops = {m.split(".")[0] for m in imported_modules(sources)} | {"otter"}
    wanted = {PIP_NAMES[t] for t in tops if t in PIP_NAMES}
    pins = {}
    for line in (chapter.root / "assignments" / "requirements.txt").read_text(encoding="utf-8").splitlines():
        name = re.split(r"[<>=!~;\[ ]", line.strip(), maxsplit=1)[0]
        if name and not line.lstrip().startswith("#"):
            pins[name.lower()] = line.strip()
    lines = [pins.get(w, w) for w in sorted(wanted)]
    header = f"# What the {chapter.id} notebook and its public checks import (nothing more).\n"
    return header + "\n".join(lines) + "\n", "torch" in wanted


def _stage_autograder(chapter: Chapter, otter_autograder: Path, out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(otter_autograder, out, ignore=shutil.ignore_patterns("*.zip"))
    _name_test_cases(out / "tests")
    nb_path = out / f"{chapter.id}.ipynb"
    nb = nbformat.read(nb_path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.source = strip_markers(cell.source)
    _write_notebook(chapter, nb, nb_path)
    zips = sorted(otter_autograder.glob("*.zip"))
    if len(zips) != 1:
        raise ReleaseError(f"{chapter.id}: expected one autograder zip from otter, found {len(zips)}")
    tests = {f"tests/{p.name}": p.read_bytes() for p in (out / "tests").glob("*.py")}
    deterministic_zip(zips[0], out / chapter.autograder_zip.name, replace=tests)
    return out


_TEST_CASE_DECORATOR = re.compile(r"^@test_case\((.*)\)\ndef (test_\w+)\(", re.M)


def _name_test_cases(tests_dir: Path) -> None:
    """Name each otter test case after its function, so results say which check failed."""
    for path in tests_dir.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        text = _TEST_CASE_DECORATOR.sub(lambda m: f'@test_case(name="{m[2]}", {m[1]})\ndef {m[2]}(', text)
        path.write_text(text, encoding="utf-8")


def deterministic_zip(src: Path, dest: Path, replace: dict[str, bytes] | None = None) -> None:
    """Rewrite a zip with sorted entries, a fixed date and fixed permissions (otter stamps the time)."""
    replace = replace or {}
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in sorted(zin.namelist()):
            if name.endswith("/"):
                continue
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (0o755 if name == "run_autograder" else 0o644) << 16
            zout.writestr(info, replace.get(name, zin.read(name)))


def _replace_dir(staged: Path, final: Path) -> None:
    final.parent.mkdir(parents=True, exist_ok=True)
    old = final.with_name(final.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if final.exists():
        final.rename(old)
    shutil.move(str(staged), final)
    if old.exists():
        shutil.rmtree(old)

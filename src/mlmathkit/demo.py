"""`mlmathkit demo`: release every chapter, build example submissions from the bundled catalogue, grade them.

The example submissions are made from files that ship with the course: the reference notebook (full
marks), the untouched student release (zero), the reference with one realistic mistake from
``solutions/<ch>/variants/`` swapped in (in between), an export-style zip and a corrupt file (one
``invalid`` row, not a crashed batch).
"""

from __future__ import annotations

import ast
import csv
import re
import shutil
import zipfile
from pathlib import Path

import nbformat
from rich.console import Console
from rich.table import Table

from .course import Chapter, Course
from .grading import grade_batch
from .release import release_chapter
from .variants import Variant, load_variants

WRONG_EXAMPLES = 3  # one realistic mistake each, on different questions


def with_variant(reference: nbformat.NotebookNode, variant: Variant) -> nbformat.NotebookNode:
    """The reference notebook with ``variant``'s code appended to the cell defining what it redefines."""
    nb = nbformat.from_dict(reference)
    defined = [n.name for n in ast.parse(variant.source).body if isinstance(n, ast.FunctionDef)]
    pattern = re.compile(rf"^def ({'|'.join(map(re.escape, defined))})\(", re.M)
    for cell in nb.cells:
        if cell.cell_type == "code" and pattern.search(cell.source):
            cell.source = cell.source.rstrip("\n") + "\n\n\n" + variant.source
            return nb
    raise ValueError(f"no cell of the reference defines {defined}")


def example_submissions(chapter: Chapter, folder: Path) -> list[Path]:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    reference = nbformat.read(chapter.reference_notebook, as_version=4)
    paths = [folder / "reference.ipynb", folder / "untouched-student-release.ipynb"]
    shutil.copyfile(chapter.reference_notebook, paths[0])
    shutil.copyfile(chapter.student_notebook, paths[1])
    mistakes = [vs[0] for vs in (
        [v for v in variants if v.kind == "mistake"] for variants in load_variants(chapter).values()
    ) if vs]
    for variant in mistakes[:WRONG_EXAMPLES]:
        slug = re.sub(r"[^a-z0-9]+", "-", variant.title.lower()).strip("-")[:40]
        path = folder / f"wrong-{variant.question}-{slug}.ipynb"
        nbformat.write(with_variant(reference, variant), path)
        paths.append(path)
    export = folder / "reference-export.zip"  # the shape grader.export() writes
    with zipfile.ZipFile(export, "w") as zf:
        zf.write(chapter.reference_notebook, f"{chapter.id}.ipynb")
    broken = folder / "corrupt.ipynb"
    broken.write_text(chapter.student_notebook.read_text(encoding="utf-8")[:500], encoding="utf-8")
    return [*paths, export, broken]


def run_demo(course: Course, out: Path) -> None:
    console = Console()
    for chapter in course.released():
        console.rule(f"[bold]{chapter.id}: release")
        release_chapter(chapter, course.root / "build")
        console.print(f"student/{chapter.id} and autograder/{chapter.id} written")
        console.rule(f"[bold]{chapter.id}: grading the example submissions")
        subs = example_submissions(chapter, out / chapter.id / "submissions")
        result_dir = out / chapter.id / "gradebook"
        grade_batch(chapter, subs, result_dir, timeout=course.grading_timeout, echo=console.print)
        show_gradebook(console, result_dir / "grades.csv")


def show_gradebook(console: Console, path: Path) -> None:
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    table = Table(title=str(path))
    for col in rows[0]:
        table.add_column(col, overflow="fold")
    for row in rows[1:]:
        table.add_row(*row)
    console.print(table)

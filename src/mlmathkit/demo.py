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
        slug = re.sub(r"[^a-z0-9]+", "-", variant.title.lower()).strip("-")[:28].strip("-")
        path = folder / f"wrong-{variant.question.split('_')[0]}-{slug}.ipynb"
        nbformat.write(with_variant(reference, variant), path)
        paths.append(path)
    export = folder / "reference-export.zip"  # the shape grader.export() writes
    with zipfile.ZipFile(export, "w") as zf:
        zf.write(chapter.reference_notebook, f"{chapter.id}.ipynb")
    broken = folder / "corrupt.ipynb"
    broken.write_text(chapter.student_notebook.read_text(encoding="utf-8")[:500], encoding="utf-8")
    return [*paths, export, broken]


def run_demo(course: Course, out: Path) -> None:
    console = Console(width=None if Console().is_terminal else 200)
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
    """The gradebook as a compact table: question columns by number, reasons shortened."""
    with open(path, newline="", encoding="utf-8") as f:
        header, *rows = list(csv.reader(f))
    table = Table(title=f"{path}  (columns q1, q2, ... = {', '.join(header[4:-1])})", title_justify="left")
    for name, justify in [("submission", "left"), ("status", "left"), ("score", "right"),
                          *((q.split("_")[0], "right") for q in header[4:-1]), ("reason", "left")]:
        table.add_column(name, justify=justify, no_wrap=True)
    for row in rows:
        reason = row[-1] if len(row[-1]) <= 40 else row[-1][:39] + "…"
        table.add_row(row[0], row[1], f"{row[2]}/{row[3]}", *row[4:-1], reason)
    console.print(table)

"""The course manifest (`assignments/course.yml`) and the repository layout around it."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import yaml

CHAPTER_IDS = (
    "ch01_probability",
    "ch02_linear_algebra",
    "ch03_optimization",
    "ch04_information_theory",
    "ch05_learning_theory",
    "ch06_model_assessment",
)
MANIFEST = Path("assignments") / "course.yml"


class CourseError(Exception):
    """The course layout or manifest is wrong; the message says how to fix it."""


@dataclasses.dataclass(frozen=True)
class Chapter:
    id: str
    title: str
    release: bool
    questions: dict[str, float]  # question name -> points, in notebook order
    root: Path
    call_timeouts: dict[str, float] = dataclasses.field(default_factory=dict)  # seconds per call of a graded function
    hidden_visibility: str = "after_published"  # of hidden tests in Gradescope's results.json
    forbidden: dict[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)  # question -> routines it forbids

    @property
    def source_dir(self) -> Path:
        return self.root / "solutions" / self.id

    @property
    def source(self) -> Path:
        return self.source_dir / f"{self.id}.py"

    @property
    def variants_dir(self) -> Path:
        return self.source_dir / "variants"

    @property
    def blind_dir(self) -> Path:
        return self.source_dir / "blind"

    @property
    def student_dir(self) -> Path:
        return self.root / "student" / self.id

    @property
    def autograder_dir(self) -> Path:
        return self.root / "autograder" / self.id

    @property
    def autograder_zip(self) -> Path:
        return self.autograder_dir / f"{self.id}-autograder.zip"

    @property
    def reference_notebook(self) -> Path:
        return self.autograder_dir / f"{self.id}.ipynb"

    @property
    def student_notebook(self) -> Path:
        return self.student_dir / f"{self.id}.ipynb"

    @property
    def max_score(self) -> float:
        return float(sum(self.questions.values()))

    @property
    def release_id(self) -> str:
        """The id the release stamped into the shipped notebooks ("" before the first release)."""
        try:
            return release_of(json.loads(self.reference_notebook.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return ""


def release_of(nb: dict) -> str:
    """The release id a notebook was made from (its ``metadata.mlmathkit.release``), or ""."""
    meta = nb.get("metadata") if isinstance(nb, dict) else None
    stamp = meta.get("mlmathkit") if isinstance(meta, dict) else None
    value = stamp.get("release") if isinstance(stamp, dict) else None
    return value[:64] if isinstance(value, str) else ""


@dataclasses.dataclass(frozen=True)
class Course:
    root: Path
    name: str
    chapters: dict[str, Chapter]
    grading_timeout: float  # seconds of student code per submission, all cells and calls together

    def chapter(self, chapter_id: str) -> Chapter:
        if chapter_id not in self.chapters:
            known = ", ".join(self.chapters) or "none"
            raise CourseError(f"unknown chapter {chapter_id!r}; the manifest lists: {known}")
        return self.chapters[chapter_id]

    def released(self) -> list[Chapter]:
        return [c for c in self.chapters.values() if c.release]

    def select(self, ids: list[str] | None) -> list[Chapter]:
        """The named chapters, or every released one when none are named."""
        return [self.chapter(i) for i in ids] if ids else self.released()


def find_root(start: Path | None = None) -> Path:
    """The repository root: the nearest folder at or above ``start`` holding the manifest."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / MANIFEST).is_file():
            return folder
    raise CourseError(f"no {MANIFEST} found in {here} or above: run mlmathkit from the course repository")


def load_course(root: Path | None = None) -> Course:
    root = find_root(root)
    data = yaml.safe_load((root / MANIFEST).read_text(encoding="utf-8")) or {}
    settings = data.get("settings") or {}
    default_call = float(settings.get("call_timeout", 60))
    chapters: dict[str, Chapter] = {}
    for cid, spec in (data.get("chapters") or {}).items():
        if cid not in CHAPTER_IDS:
            raise CourseError(f"{MANIFEST}: chapter id {cid!r} is not one of {', '.join(CHAPTER_IDS)}")
        specs = {str(q): p if isinstance(p, dict) else {"points": p} for q, p in (spec.get("questions") or {}).items()}
        try:
            questions = {q: float(p["points"]) for q, p in specs.items()}
            timeouts = {q: float(p.get("call_timeout", default_call)) for q, p in specs.items()}
            forbidden = {q: tuple(str(f) for f in p.get("forbid") or ()) for q, p in specs.items() if p.get("forbid")}
        except (KeyError, TypeError, ValueError):
            raise CourseError(f"{MANIFEST}: chapter {cid}: each question is `name: points` or "
                              "`name: {points: P, call_timeout: SECONDS, forbid: [module.routine, ...]}`") from None
        if not questions or any(p <= 0 for p in questions.values()) or any(t <= 0 for t in timeouts.values()):
            raise CourseError(f"{MANIFEST}: chapter {cid} needs questions with positive points and time limits")
        chapters[cid] = Chapter(
            id=cid,
            title=str(spec.get("title", cid)),
            release=bool(spec.get("release", True)),
            questions=questions,
            root=root,
            call_timeouts=timeouts,
            forbidden=forbidden,
            hidden_visibility=str(settings.get("hidden_tests_visibility", "after_published")),
        )
    return Course(
        root=root,
        name=str(data.get("course", "mlmathkit course")),
        chapters=chapters,
        grading_timeout=float(settings.get("grading_timeout", 300)),
    )

"""The catalogue of realistic mistakes and alternative correct answers (`solutions/<ch>/variants/<q>.py`)."""

from __future__ import annotations

import dataclasses
import re

from .course import Chapter

_SECTION = re.compile(r"^# %% (mistake|alternative): *(.+?) *$", re.M)


class VariantsError(Exception):
    """A variants file is malformed."""


@dataclasses.dataclass(frozen=True)
class Variant:
    question: str
    kind: str  # "mistake" (must lose points) or "alternative" (must score full marks)
    title: str
    source: str  # code executed on top of the reference namespace
    blind: bool = False  # written from the student release only (solutions/<ch>/blind/), never seeing the tests

    @property
    def label(self) -> str:
        return f"{self.question} {self.kind}: {self.title}"


def load_variants(chapter: Chapter) -> dict[str, list[Variant]]:
    """Variants per question (questions without a file map to an empty list): the instructors' catalogue
    (``variants/<question>.py``) and the blind one (``blind/<question>.py``, mistakes only)."""
    out: dict[str, list[Variant]] = {q: [] for q in chapter.questions}
    for folder, blind in ((chapter.variants_dir, False), (chapter.blind_dir, True)):
        for path in sorted(folder.glob("*.py")) if folder.is_dir() else []:
            if blind and path.stem.startswith("oracle_"):  # the blind writers' oracle checks, not variants
                continue
            question = path.stem
            if question not in out:
                raise VariantsError(f"{path}: no question {question!r} in chapter {chapter.id}")
            for v in _sections(path, question, blind):
                if blind and v.kind != "mistake":
                    raise VariantsError(f"{path}: a blind catalogue holds mistakes only")
                out[question].append(v)
    return out


def _sections(path, question: str, blind: bool) -> list[Variant]:
    text = path.read_text(encoding="utf-8")
    heads = list(_SECTION.finditer(text))
    if not heads or text[: heads[0].start()].strip():
        raise VariantsError(f"{path}: must consist of `# %% mistake: ...` / `# %% alternative: ...` sections")
    return [Variant(question, head.group(1), head.group(2),
                    text[head.end(): nxt.start() if nxt else len(text)].strip("\n") + "\n", blind)
            for head, nxt in zip(heads, [*heads[1:], None])]

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

    @property
    def label(self) -> str:
        return f"{self.question} {self.kind}: {self.title}"


def load_variants(chapter: Chapter) -> dict[str, list[Variant]]:
    """Variants per question (questions without a file map to an empty list)."""
    out: dict[str, list[Variant]] = {q: [] for q in chapter.questions}
    if not chapter.variants_dir.is_dir():
        return out
    for path in sorted(chapter.variants_dir.glob("*.py")):
        question = path.stem
        if question not in out:
            raise VariantsError(f"{path}: no question {question!r} in chapter {chapter.id}")
        text = path.read_text(encoding="utf-8")
        heads = list(_SECTION.finditer(text))
        if not heads or text[: heads[0].start()].strip():
            raise VariantsError(f"{path}: must consist of `# %% mistake: ...` / `# %% alternative: ...` sections")
        for head, nxt in zip(heads, [*heads[1:], None]):
            body = text[head.end(): nxt.start() if nxt else len(text)].strip("\n") + "\n"
            out[question].append(Variant(question, head.group(1), head.group(2), body))
    return out

"""What graders and students get back: Gradescope ``results.json`` and a Markdown feedback page.

Public tests are reported in full (their messages help students fix their code). Hidden tests are
reported only by name, pass/fail and points: never their code, messages or expected values.
"""

from __future__ import annotations

from typing import Any

from .course import Chapter
from .judge import Verdict
from .scoring import QuestionResult


def _fmt(x: float) -> str:
    return f"{x:g}"


def _question_lines(result: QuestionResult) -> list[str]:
    lines = []
    for case in result.cases:
        mark = "✅" if case.passed else "❌"
        if case.hidden:
            lines.append(f"- {mark} hidden test `{case.name}` ({_fmt(case.points if case.passed else 0)}/{_fmt(case.points)})")
        else:
            lines.append(f"- {mark} `{case.name}` ({_fmt(case.points if case.passed else 0)}/{_fmt(case.points)})")
            if not case.passed:
                lines.append("  ```\n  " + case.message.replace("\n", "\n  ") + "\n  ```")
    return lines


def feedback_markdown(chapter: Chapter, submission: str, verdict: Verdict) -> str:
    score = sum(r.score for r in verdict.questions.values())
    out = [f"# {chapter.title} (`{chapter.id}`): feedback for `{submission}`", "",
           f"**Score: {_fmt(score)} / {_fmt(chapter.max_score)}** — status `{verdict.status}`"
           + (f": {verdict.reason}" if verdict.reason else ""), ""]
    if verdict.cell_errors:
        out += ["## Errors while running your notebook", ""]
        out += [f"- {e['where']}: `{e['type']}`: {e['message']}" for e in verdict.cell_errors[:20]]
        out.append("")
    for q in chapter.questions:
        result = verdict.questions.get(q)
        possible = chapter.questions[q]
        if result is None:
            out += [f"## {q}: 0 / {_fmt(possible)}", "", "- not graded", ""]
            continue
        out += [f"## {q}: {_fmt(result.score)} / {_fmt(result.possible)}", "", *_question_lines(result), ""]
    return "\n".join(out)


def results_json(chapter: Chapter, verdict: Verdict, extra: dict[str, Any]) -> dict[str, Any]:
    """Gradescope's results.json (one visible entry per question); our bookkeeping in ``extra_data``."""
    tests = []
    for q, possible in chapter.questions.items():
        result = verdict.questions.get(q)
        tests.append({
            "name": q,
            "score": result.score if result else 0.0,
            "max_score": result.possible if result else possible,
            "visibility": "visible",
            "output": "\n".join(_question_lines(result)) if result else "not graded",
        })
    score = sum(t["score"] for t in tests)
    return {
        "score": score,
        "execution_time": round(verdict.student_seconds + verdict.judge_seconds, 3),
        "output": f"status {verdict.status}" + (f": {verdict.reason}" if verdict.reason else ""),
        "tests": tests,
        "extra_data": extra,
    }

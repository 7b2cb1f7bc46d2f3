"""What graders and students get back: Gradescope ``results.json`` and a Markdown feedback page.

Public tests are reported in full (their messages help students fix their code). A failed hidden
test shows the *case* it checks in words (the first line of its docstring), never its code, inputs,
messages or expected values. Everything a submission controls (its name, its exceptions, its printed
text inside public-test messages) is escaped: it renders as literal text and cannot forge lines,
close a code block or hide anything in HTML.
"""

from __future__ import annotations

from typing import Any

from .course import Chapter
from .judge import Verdict
from .scoring import CaseResult, QuestionResult
from .untrusted import md_block, md_code, md_text

GRADESCOPE_VISIBILITY = ("hidden", "after_due_date", "after_published", "visible")


def _fmt(x: float) -> str:
    return f"{x:g}"


def _case_line(case: CaseResult) -> list[str]:
    mark = "✅" if case.passed else "❌"
    points = f"({_fmt(case.points if case.passed else 0)}/{_fmt(case.points)})"
    if case.hidden:
        what = f": {md_text(case.description)}" if case.description and not case.passed else ""
        return [f"- {mark} hidden test {points}{what}"]
    lines = [f"- {mark} `{case.name}` {points}"]
    if not case.passed:
        lines.append(md_block(case.message, indent="  "))
    return lines


def question_lines(result: QuestionResult, hidden: bool | None = None) -> list[str]:
    """The question's cases as Markdown list items (only public or hidden ones when ``hidden`` says so)."""
    return [line for case in result.cases if hidden is None or case.hidden == hidden for line in _case_line(case)]


def status_line(verdict: Verdict) -> str:
    return f"status `{verdict.status}`" + (f": {md_text(verdict.reason)}" if verdict.reason else "")


def feedback_markdown(chapter: Chapter, student: str, submission: str, verdict: Verdict) -> str:
    score = sum(r.score for r in verdict.questions.values())
    out = [f"# {md_text(chapter.title)} (`{chapter.id}`)", "",
           f"Feedback for {md_text(student)}, submission {md_text(submission)}", "",
           f"**Score: {_fmt(score)} / {_fmt(chapter.max_score)}** — {status_line(verdict)}", ""]
    for warning in verdict.warnings:
        out += [f"> ⚠️ {md_text(warning)}", ""]
    if verdict.cell_errors:
        out += ["## Errors while running your notebook", ""]
        for e in verdict.cell_errors[:20]:
            line = f" ({md_code(e['line'])})" if e.get("line") else ""
            out.append(f"- {md_text(e.get('where') or 'cell ' + e.get('cell', '?'))}{line}: "
                       f"{md_text(e['type'])}: {md_text(e['message'])}")
        out.append("")
    for q, possible in chapter.questions.items():
        result = verdict.questions.get(q)
        if result is None:
            out += [f"## {q}: 0 / {_fmt(possible)}", "", "- not graded", ""]
            continue
        out += [f"## {q}: {_fmt(result.score)} / {_fmt(result.possible)}", "", *question_lines(result), ""]
        out += [*likely_mistakes(q, verdict), ""] if verdict.diagnoses.get(q) else []
    return "\n".join(out)


def likely_mistakes(question: str, verdict: Verdict) -> list[str]:
    """The catalogued mistakes that reproduce the student's answers, in the catalogue's words."""
    return [f"> **Likely mistake:** {md_text(title)} (reread the explanation in `{question}`)"
            for title in verdict.diagnoses.get(question, [])]


def results_json(chapter: Chapter, verdict: Verdict, extra: dict[str, Any], hidden_visibility: str) -> dict[str, Any]:
    """Gradescope's results.json: per question one entry for its public tests (visible) and one for its
    hidden tests (``hidden_visibility``, by default shown once the grades are published)."""
    if hidden_visibility not in GRADESCOPE_VISIBILITY:
        raise ValueError(f"hidden test visibility must be one of {GRADESCOPE_VISIBILITY}")
    tests = []
    for number, (q, possible) in enumerate(chapter.questions.items(), 1):
        result = verdict.questions.get(q)
        if result is None:
            tests.append(_entry(f"{q}", f"{number}", 0.0, possible, "not graded", "visible"))
            continue
        for hidden, label, visibility in ((False, "public tests", "visible"), (True, "hidden tests", hidden_visibility)):
            cases = [c for c in result.cases if c.hidden == hidden]
            if cases:
                lines = question_lines(result, hidden) + ([] if hidden else likely_mistakes(q, verdict))
                tests.append(_entry(f"{q}: {label}", f"{number}.{1 + hidden}", sum(c.points for c in cases if c.passed),
                                    sum(c.points for c in cases), "\n".join(lines), visibility))
    score = sum(t["score"] for t in tests)
    output = f"Score {_fmt(score)} / {_fmt(chapter.max_score)} — {status_line(verdict)}"
    output += "".join(f"\n\n> ⚠️ {md_text(w)}" for w in verdict.warnings)
    return {
        "score": score,
        "execution_time": round(verdict.student_seconds + verdict.judge_seconds, 3),
        "output": output,
        "output_format": "md",
        "test_output_format": "md",
        "test_name_format": "text",
        "visibility": "visible",
        "stdout_visibility": "hidden",
        "tests": tests,
        "extra_data": extra,
    }


def _entry(name: str, number: str, score: float, max_score: float, output: str, visibility: str) -> dict[str, Any]:
    return {"name": name, "number": number, "score": float(score), "max_score": float(max_score),
            "status": "passed" if score >= max_score - 1e-9 else "failed", "output": output,
            "output_format": "md", "visibility": visibility}


def case_records(verdict: Verdict) -> list[dict[str, Any]]:
    """Every case's outcome as plain data (the class report aggregates these), never messages."""
    return [{"question": q, "name": c.name, "hidden": c.hidden, "passed": c.passed, "points": c.points,
             "description": c.description} for q, r in verdict.questions.items() for c in r.cases]

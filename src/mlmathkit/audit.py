"""`mlmathkit audit`: measure how well each question's tests separate right answers from wrong ones.

For every question of a released chapter:
1. catalogued realistic mistakes must lose points;
2. automatic mutants of the reference must lose points (>= 90%, or be listed as equivalent);
3. catalogued alternative correct answers must score full marks;
4. tolerance margins: the worst error/tolerance ratio of any correct answer and the best of any
   rejected wrong answer, per test, flagged when closer than 10x to the tolerance;
5. no solution line and no hidden test under student/.
It also checks that the reference scores full marks and the untouched student release zero.

Trials run in worker processes (each builds the reference namespace once) with a per-trial alarm,
so a mutant that loops forever only costs its timeout.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import json
import multiprocessing
import signal
from pathlib import Path
from typing import Any

import yaml

from .authoring import read_source
from .course import Chapter, load_course
from .diagnosis import Call, Diagnoser, Recorder, rebound_copy
from .leaks import find_leaks
from .mutants import mutants_of
from .scoring import CaseResult, chapter_cwd, exec_cells, graded_functions, notebook_namespace, score_question
from .variants import load_variants

MIN_MISTAKES, MIN_ALTERNATIVES, MIN_MUTATION_SCORE = 3, 2, 0.90
MIN_BLIND = 4  # mistakes per question written from the student release only
MIN_PUBLIC_CATCH = 0.60  # share of a chapter's catalogued mistakes that fail a public check
MIN_DIAGNOSIS = 0.80  # share of them the feedback names as the likely mistake
MARGIN_FACTOR = 10.0
MUTANTS_PER_QUESTION = 60
TRIAL_TIMEOUT = 60


@dataclasses.dataclass(frozen=True)
class Trial:
    kind: str  # reference | student | mistake | alternative | mutant
    question: str
    label: str
    code: str = ""
    blind: bool = False


@dataclasses.dataclass(frozen=True)
class Outcome:
    trial: Trial
    score: float
    possible: float
    cases: tuple[CaseResult, ...]
    error: str = ""
    diagnosed: bool = False  # (mistakes) the diagnosis names this very mistake from the calls the tests made

    @property
    def full(self) -> bool:
        return not self.error and self.score >= self.possible - 1e-9


# --------------------------------------------------------------------------- worker side
_REFERENCE: dict[str, Any] = {}
_CHAPTER: Chapter | None = None
_FUNCTIONS: list[str] = []
_DIAGNOSER: Diagnoser | None = None
_TIMEOUT = TRIAL_TIMEOUT


def _init_worker(root: str, chapter_id: str, timeout: int) -> None:
    global _CHAPTER, _REFERENCE, _TIMEOUT
    _TIMEOUT = timeout
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)  # BLAS/OpenMP: one thread per worker, or parallel workers thrash (25x slower)
    import torch

    torch.set_num_threads(1)
    _CHAPTER = load_course(Path(root)).chapter(chapter_id)
    _FUNCTIONS[:] = graded_functions(_CHAPTER)
    with chapter_cwd(_CHAPTER):
        _REFERENCE = notebook_namespace(_CHAPTER.reference_notebook)


class TrialTimeout(BaseException):
    """Not an Exception: it must escape the per-test-case handlers and end the whole trial."""


def _names_it(trial: Trial, calls: list[Call]) -> bool:
    global _DIAGNOSER
    if _DIAGNOSER is None:
        _DIAGNOSER = Diagnoser(_CHAPTER, base=_REFERENCE)
    signal.alarm(0)  # the diagnosis replays have their own per-call timer
    try:
        return trial.label in [v.title for v in _DIAGNOSER.diagnose(trial.question, calls)]
    except Exception:  # noqa: BLE001 - a diagnosis that fails names nothing; it never fails the trial
        return False


def _alarm(signum, frame):
    raise TrialTimeout(f"trial exceeded {_TIMEOUT} s")


def _run_trial(trial: Trial) -> list[Outcome]:
    assert _CHAPTER is not None
    signal.signal(signal.SIGALRM, _alarm)
    questions = [trial.question] if trial.question else list(_CHAPTER.questions)
    try:
        signal.alarm(_TIMEOUT)
        with chapter_cwd(_CHAPTER):
            if trial.kind == "reference":
                env = _REFERENCE
            elif trial.kind == "student":
                env = notebook_namespace(_CHAPTER.student_notebook)
            else:
                env = exec_cells([trial.code], rebound_copy(_REFERENCE))
            calls: list[Call] = []
            if trial.kind == "mistake":  # record the calls as the grader's proxies would, for the diagnosis
                env = {**env, **{n: Recorder(env[n], n, calls) for n in _FUNCTIONS if callable(env.get(n))}}
            results = [score_question(_CHAPTER, q, env) for q in questions]
        return [Outcome(dataclasses.replace(trial, question=r.question), r.score, r.possible, r.cases,
                        diagnosed=trial.kind == "mistake" and r.score < r.possible and _names_it(trial, calls))
                for r in results]
    except BaseException as e:  # noqa: BLE001 - a broken variant is a finding, not a crash
        return [Outcome(dataclasses.replace(trial, question=q), 0.0, 0.0, (), f"{type(e).__name__}: {e}") for q in questions]
    finally:
        signal.alarm(0)


# --------------------------------------------------------------------------- driver side
def trials_for(chapter: Chapter) -> list[Trial]:
    source = read_source(chapter)
    trials = [Trial("reference", "", "reference"), Trial("student", "", "untouched student release")]
    for question, variants in load_variants(chapter).items():
        trials += [Trial(v.kind, question, v.title, v.source, v.blind) for v in variants]
    for name, q in source.questions.items():
        mutants = [m for src in q.solution_sources for m in mutants_of(src)]
        if len(mutants) > MUTANTS_PER_QUESTION:  # a stable, spread-out subset keeps the audit fast
            step = len(mutants) / MUTANTS_PER_QUESTION
            mutants = [mutants[int(i * step)] for i in range(MUTANTS_PER_QUESTION)]
        trials += [Trial("mutant", name, m.id, m.source) for m in mutants]
    return trials


def run_trials(chapter: Chapter, trials: list[Trial], jobs: int = 2, timeout: int = TRIAL_TIMEOUT) -> list[Outcome]:
    ctx = multiprocessing.get_context("spawn")  # fresh interpreters: no forked torch/BLAS thread state
    with concurrent.futures.ProcessPoolExecutor(
        max_workers=jobs, mp_context=ctx, initializer=_init_worker, initargs=(str(chapter.root), chapter.id, timeout)
    ) as pool:
        return [o for outcomes in pool.map(_run_trial, trials) for o in outcomes]


def _equivalents(chapter: Chapter) -> dict[str, str]:
    path = chapter.source_dir / "equivalent_mutants.yml"
    if not path.is_file():
        return {}
    return {str(k): str(v) for k, v in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items()}


def _worst_ratio(case: CaseResult) -> float | None:
    return max((r for _, r in case.margins), default=None)


def analyse(chapter: Chapter, outcomes: list[Outcome]) -> dict[str, Any]:
    equivalent = _equivalents(chapter)
    failures: list[str] = []
    by_kind = lambda kind, q=None: [o for o in outcomes if o.trial.kind == kind and (q is None or o.trial.question == q)]  # noqa: E731
    not_full = [o.trial.question for o in by_kind("reference") if not o.full]
    if not_full:
        failures.append(f"reference does not score full marks on {not_full}: " + "; ".join(
            f"{o.trial.question}: {o.error or [c.message for c in o.cases if not c.passed][:1]}" for o in by_kind("reference") if not o.full))
    scoring = [o.trial.question for o in by_kind("student") if o.score > 0 or o.error]
    if scoring:
        failures.append(f"untouched student release scores points (or fails to run) on {scoring}")
    questions: dict[str, Any] = {}
    for q in chapter.questions:
        mistakes, alts, mutants = by_kind("mistake", q), by_kind("alternative", q), by_kind("mutant", q)
        accepted_mistakes = [("blind: " if o.trial.blind else "") + o.trial.label for o in mistakes if o.full]
        blind = [o for o in mistakes if o.trial.blind]
        diagnosed = [o for o in mistakes if o.diagnosed]
        caught_publicly = [o for o in mistakes if o.error or any(not c.passed for c in o.cases if not c.hidden)]
        rejected_alts = [f"{o.trial.label}: {o.error or [c.name + ': ' + c.message for c in o.cases if not c.passed][:1]}"
                         for o in alts if not o.full]
        survivors = [o.trial.label for o in mutants if o.full]
        unexplained = [s for s in survivors if s not in equivalent]
        denominator = len(mutants) - (len(survivors) - len(unexplained))
        killed = len(mutants) - len(survivors)
        mutation_score = killed / denominator if denominator else 1.0
        if len(mistakes) < MIN_MISTAKES or len(alts) < MIN_ALTERNATIVES:
            failures.append(f"{q}: needs >= {MIN_MISTAKES} mistakes and >= {MIN_ALTERNATIVES} alternatives "
                            f"(has {len(mistakes)} and {len(alts)})")
        if len(blind) < MIN_BLIND:
            failures.append(f"{q}: needs >= {MIN_BLIND} blind mistakes (solutions/{chapter.id}/blind/{q}.py), "
                            f"has {len(blind)}")
        if accepted_mistakes:
            failures.append(f"{q}: mistakes scored full marks: {accepted_mistakes}")
        if rejected_alts:
            failures.append(f"{q}: correct alternatives lost points: {rejected_alts}")
        if mutation_score < MIN_MUTATION_SCORE:
            failures.append(f"{q}: mutation score {mutation_score:.0%} < {MIN_MUTATION_SCORE:.0%}; "
                            f"unexplained survivors: {unexplained}")
        questions[q] = {
            "mistakes": {"rejected": len(mistakes) - len(accepted_mistakes), "total": len(mistakes), "accepted": accepted_mistakes,
                         "blind": len(blind), "caught_publicly": len(caught_publicly), "diagnosed": len(diagnosed)},
            "alternatives": {"accepted": len(alts) - len(rejected_alts), "total": len(alts), "rejected": rejected_alts},
            "mutants": {"killed": killed, "total": len(mutants), "score": round(mutation_score, 4),
                        "equivalent": sorted(set(survivors) - set(unexplained)), "unexplained_survivors": unexplained},
            "margins": _margins(by_kind("reference", q) + alts, mistakes + mutants),
        }
    total = sum(r["mistakes"]["total"] for r in questions.values())
    public = sum(r["mistakes"]["caught_publicly"] for r in questions.values()) / total if total else 1.0
    if public < MIN_PUBLIC_CATCH:
        failures.append(f"public checks catch {public:.0%} of the catalogued mistakes (< {MIN_PUBLIC_CATCH:.0%}): "
                        "make the worked examples asymmetric enough that common mistakes fail in the notebook")
    diagnosis = sum(r["mistakes"]["diagnosed"] for r in questions.values()) / total if total else 1.0
    if diagnosis < MIN_DIAGNOSIS:
        failures.append(f"the diagnosis names {diagnosis:.0%} of the catalogued mistakes (< {MIN_DIAGNOSIS:.0%}): "
                        "mistakes that give the same answers on every test call cannot be told apart")
    return {"chapter": chapter.id, "ok": not failures, "failures": failures, "questions": questions,
            "public_catch_rate": round(public, 4), "diagnosis_rate": round(diagnosis, 4)}


def _margins(correct: list[Outcome], wrong: list[Outcome]) -> list[dict[str, Any]]:
    """Per test: worst ratio of a correct answer, best (smallest) violating ratio of a wrong one."""
    tests: dict[str, dict[str, Any]] = {}
    for o in correct:
        for c in o.cases:
            t = tests.setdefault(c.name, {"test": c.name, "hidden": c.hidden, "correct_worst": None, "wrong_best": None})
            r = _worst_ratio(c)
            if r is not None and c.passed:
                t["correct_worst"] = max(t["correct_worst"] or 0.0, r)
    for o in wrong:
        for c in o.cases:
            r = _worst_ratio(c)
            if c.name in tests and not c.passed and r is not None and r > 1.0:
                t = tests[c.name]
                t["wrong_best"] = min(t["wrong_best"] if t["wrong_best"] is not None else float("inf"), r)
    for t in tests.values():
        flags = []
        if t["correct_worst"] is not None and t["correct_worst"] * MARGIN_FACTOR > 1.0:
            flags.append("correct answer within 10x of tolerance")
        if t["wrong_best"] is not None and t["wrong_best"] < MARGIN_FACTOR:
            flags.append("wrong answer within 10x above tolerance")
        t["flags"] = flags
    return list(tests.values())


def audit_chapter(chapter: Chapter, jobs: int = 2, timeout: int = TRIAL_TIMEOUT) -> dict[str, Any]:
    report = analyse(chapter, run_trials(chapter, trials_for(chapter), jobs, timeout))
    leaks = find_leaks(read_source(chapter), chapter.student_dir)
    report["leaks"] = [str(leak) for leak in leaks]
    if leaks:
        report["failures"].append(f"{len(leaks)} secret line(s) under student/{chapter.id}")
        report["ok"] = False
    return report


def _fmt_ratio(r: float | None) -> str:
    return "—" if r is None else f"{r:.1e}"


def render_table(report: dict[str, Any]) -> str:
    lines = [
        f"**{report['chapter']}** — {'PASS' if report['ok'] else 'FAIL'}",
        "",
        f"public checks catch {report.get('public_catch_rate', 0):.0%} of the catalogued mistakes; the feedback "
        f"names {report.get('diagnosis_rate', 0):.0%} of them as the likely mistake",
        "",
        "| question | mistakes rejected (blind) | caught by public checks | diagnosed | mutants killed | alternatives accepted | worst correct error/tol (hidden) | best wrong error/tol (hidden) | flags |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for q, r in report["questions"].items():
        hidden = [m for m in r["margins"] if m["hidden"]]
        correct = max((m["correct_worst"] for m in hidden if m["correct_worst"] is not None), default=None)
        wrong = min((m["wrong_best"] for m in hidden if m["wrong_best"] is not None), default=None)
        flags = sum(len(m["flags"]) for m in hidden)
        mut = r["mutants"]
        lines.append(
            f"| {q} | {r['mistakes']['rejected']}/{r['mistakes']['total']} ({r['mistakes'].get('blind', 0)}) | "
            f"{r['mistakes'].get('caught_publicly', 0)}/{r['mistakes']['total']} | "
            f"{r['mistakes'].get('diagnosed', 0)}/{r['mistakes']['total']} | {mut['killed']}/{mut['total']} "
            f"({mut['score']:.0%}{', ' + str(len(mut['equivalent'])) + ' equivalent' if mut['equivalent'] else ''}) | "
            f"{r['alternatives']['accepted']}/{r['alternatives']['total']} | {_fmt_ratio(correct)} | {_fmt_ratio(wrong)} | "
            f"{flags or ''} |"
        )
    for failure in report["failures"]:
        lines.append(f"\n- FAIL: {failure}")
    flagged = [(q, m) for q, r in report["questions"].items() for m in r["margins"] if m["hidden"] and m["flags"]]
    for q, m in flagged:
        lines.append(f"\n- flag: {q}/{m['test']}: {', '.join(m['flags'])} "
                     f"(correct {_fmt_ratio(m['correct_worst'])}, wrong {_fmt_ratio(m['wrong_best'])})")
    return "\n".join(lines) + "\n"


def write_report(report: dict[str, Any], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{report['chapter']}.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    (folder / f"{report['chapter']}.md").write_text(render_table(report), encoding="utf-8")

"""The class report (report.html): aggregation, escaping, self-containment, speed, and a real browser.

Output folders are written by hand here, following the grader's output contract (grades.csv with
spreadsheet-formula guards, Gradescope results.json with our ``extra_data``), so these tests do not
depend on the grader itself.
"""

from __future__ import annotations

import csv
import html.parser
import json
import math
import re
import subprocess
import time
from pathlib import Path

import numpy as np
import pytest

from mlmathkit import report
from mlmathkit.report import build_report

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")

# ---------------------------------------------------------------- writing output folders by the contract


def guard(cell: str) -> str:
    """What the gradebook does to cells a spreadsheet could read as formulas."""
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


def fmt(x: float) -> str:
    return str(int(x)) if x == int(x) else str(x)


def write_grades(out: Path, questions: list[str], students: list[dict]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "grades.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["student", "submission", "status", "score", "max_score", *questions, "reason"])
        for s in students:
            scores = [s.get("scores", {}).get(q, 0.0) for q in questions]
            w.writerow([guard(s["student"]), guard(s.get("submission", "")), s["status"], fmt(sum(scores)),
                        fmt(s.get("max_score", 6)), *map(fmt, scores), guard(s.get("reason", ""))])


def write_result(out: Path, stem: str, extra: dict) -> None:
    (out / "results").mkdir(parents=True, exist_ok=True)
    scores = extra.get("scores")
    data = {"score": sum(scores.values()) if isinstance(scores, dict) else 0,
            "execution_time": 1.0, "output": "", "tests": [], "extra_data": extra}
    (out / "results" / f"{stem}.json").write_text(json.dumps(data), encoding="utf-8")


def case(question: str, name: str, passed: bool, points: float = 1.0, hidden: bool = False,
         description: str = "") -> dict:
    return {"question": question, "name": name, "hidden": hidden, "passed": passed, "points": points,
            "description": description}


SCRIPT_ID = "<script>alert(1)</script>"
FORMULA_ID = '=HYPERLINK("x")'
IMG_REASON = "</td><img src=x onerror=alert(1)>"
SVG_ID = '"><svg onload=alert(1)>'
HTML_TITLE = "<b>Sign</b> flipped"
QUESTIONS = ["q1", "q2", "q3"]


def hand_batch(out: Path) -> Path:
    """Six students whose statistics are worked out by hand in the tests below.

    q1 (2 pts): a public, b hidden; q2 (3 pts): c public, d hidden (2 pts); q3 (1 pt): e, which everyone fails.
    """
    students = [
        dict(student=SCRIPT_ID, submission="s1.ipynb", status="ok", scores={"q1": 2, "q2": 3, "q3": 0},
             seconds=9.5, memory=500 * 2**20,
             cases=[case("q1", "a", True), case("q1", "b", True, hidden=True), case("q2", "c", True),
                    case("q2", "d", True, 2, True, "works for negative inputs"), case("q3", "e", False),
                    {"question": "q1", "name": "bogus", "passed": "yes"}]),  # wrong type: skipped
        dict(student=FORMULA_ID, submission="s2.ipynb", status="ok", scores={"q1": 1, "q2": 1, "q3": 0},
             seconds=1.0, memory=100 * 2**20,
             cases=[case("q1", "a", True), case("q1", "b", False, hidden=True), case("q2", "c", True),
                    case("q2", "d", False, 2, True, "works for negative inputs"), case("q3", "e", False)],
             misconceptions=[{"question": "q1", "title": "Off by one in the loop"},
                             {"question": "q2", "title": HTML_TITLE}]),
        dict(student="s3", submission="s3.ipynb", status="ok", scores={"q1": 0, "q2": 2, "q3": 0},
             reason=IMG_REASON, seconds=2.0, memory=None,
             cases=[case("q1", "a", False), case("q1", "b", False, hidden=True), case("q2", "c", False),
                    case("q2", "d", True, 2, True, "works for negative inputs"), case("q3", "e", False)],
             misconceptions=[{"question": "q2", "title": HTML_TITLE}, {"question": "q2", "title": HTML_TITLE}]),
        dict(student="s4", submission="s4.ipynb", status="timeout", scores={"q1": 1, "q2": 0, "q3": 0},
             reason="student code ran longer than 30 s", seconds=30.0, memory=200 * 2**20,
             cases=[case("q1", "a", True), case("q1", "b", False, hidden=True), case("q2", "c", False),
                    case("q2", "d", False, 2, True, "works for negative inputs"), case("q3", "e", False)],
             misconceptions=[{"question": "q1", "title": "Off by one in the loop"}]),
        dict(student="s5", submission="s5.zip", status="invalid", scores={}, reason="not a notebook"),
        dict(student=SVG_ID, submission="", status="missing", scores={}),
    ]
    write_grades(out, QUESTIONS, students)
    for s in students[:4]:
        write_result(out, Path(s["submission"]).stem, {
            "student": s["student"], "submission": s["submission"], "status": s["status"],
            "reason": s.get("reason", ""), "scores": s["scores"], "max_score": 6.0,
            "chapter": "</title><script>alert(2)</script>", "student_seconds": s["seconds"], "judge_seconds": 0.5,
            "peak_memory_bytes": s["memory"], "cases": s["cases"], "misconceptions": s.get("misconceptions", [])})
    # an old or hand-edited file: every field of the wrong type
    write_result(out, "s5", {"student": 5, "submission": "s5.zip", "status": "invalid", "scores": "none",
                             "student_seconds": "fast", "peak_memory_bytes": True, "cases": "nope",
                             "misconceptions": [{"title": 3}]})
    (out / "results" / "broken.json").write_text("{not json", encoding="utf-8")
    # left over from an earlier batch: not in grades.csv, so not counted
    write_result(out, "old", {"student": "s9", "submission": "old.ipynb", "status": "ok",
                              "cases": [case("q1", "a", False)], "misconceptions": [{"title": "stale"}]})
    return out


@pytest.fixture
def hand(tmp_path: Path) -> Path:
    return hand_batch(tmp_path / "out")


# ---------------------------------------------------------------- a realistic batch (browser test, README screenshot)

REALISTIC = {  # question -> cases (name, points, hidden, description, difficulty); q4 is a coin flip
    "q1_expectation": [("mean_of_die", 1, False, "", -2.0), ("linearity", 1, True, "linearity on sums", -1.0)],
    "q2_variance": [("variance_of_die", 1, False, "", -0.5), ("bessel", 1, True, "unbiased estimate (n-1)", 0.8),
                    ("shape", 1, True, "works column-wise on a matrix", 0.0)],
    "q3_bayes": [("posterior_sums_to_one", 1, False, "", -0.5), ("posterior", 2, True, "posterior for a rare disease", 0.5)],
    "q4_sampling": [("seeded", 1, True, "uses the given Generator", None), ("count", 1, False, "", None)],
    "q5_mle": [("mle_closed_form", 2, True, "matches the closed form on skewed data", 4.5),
               ("mle_shape", 1, False, "", 3.0)],
}
MISCONCEPTIONS = {"q2_variance": "Divides by n instead of n-1", "q3_bayes": "Forgets to normalise the posterior",
                  "q5_mle": "Uses the sample median for the MLE"}


def realistic_batch(out: Path, n: int = 40, seed: int = 7) -> Path:
    rng = np.random.default_rng(seed)
    questions = list(REALISTIC)
    statuses = rng.choice(["ok", "error", "timeout", "memory", "invalid", "missing"], size=n,
                          p=[0.8, 0.05, 0.05, 0.025, 0.025, 0.05])
    students = []
    for i, status in enumerate(statuses):
        student = f"student{i:04d}"
        stem = f"{student}_ch01"
        ability = rng.normal(0.5, 1.3)
        cases, misconceptions, scores = [], [], {}
        if status not in ("missing", "invalid"):
            for q, specs in REALISTIC.items():
                for name, points, hidden, description, difficulty in specs:
                    p = 0.5 if difficulty is None else 1 / (1 + math.exp(difficulty - ability))
                    passed = bool(rng.random() < p * (0.6 if status != "ok" else 1.0))
                    cases.append(case(q, name, passed, points, hidden, description))
                    scores[q] = scores.get(q, 0) + (points if passed else 0)
                if q in MISCONCEPTIONS and scores[q] < sum(s[1] for s in specs) and rng.random() < 0.5:
                    misconceptions.append({"question": q, "title": MISCONCEPTIONS[q]})
        seconds = {"timeout": 30.0, "memory": float(rng.uniform(2, 8))}.get(status, float(rng.gamma(2, 1.5)))
        reason = {"timeout": "student code ran longer than 30 s", "memory": "MemoryError: over the 2 GiB limit",
                  "error": "the notebook's process died (SIGKILL)", "invalid": "not a notebook"}.get(status, "")
        students.append(dict(student=student, submission="" if status == "missing" else f"{stem}.ipynb",
                             status=status, scores=scores, reason=reason, max_score=15))
        if status != "missing":
            write_result(out, stem, {
                "student": student, "submission": f"{stem}.ipynb", "status": str(status), "reason": reason,
                "scores": scores, "max_score": 15.0, "chapter": "ch01_probability", "student_seconds": seconds,
                "judge_seconds": 0.4,
                "peak_memory_bytes": int((2 * 2**30 if status == "memory" else rng.uniform(150, 600) * 2**20)),
                "cases": cases, "misconceptions": misconceptions})
    write_grades(out, questions, students)
    return out


# ---------------------------------------------------------------- (a) aggregation


def test_unguard_strips_one_formula_quote() -> None:
    assert report.unguard("'=1+1") == "=1+1"
    assert report.unguard("'-3") == "-3"
    assert report.unguard("'\t1") == "\t1" and report.unguard("'@x") == "@x"
    assert report.unguard("''=x") == "''=x"  # a quote, not a formula character, follows the first one
    assert report.unguard("'  =x") == "  =x" and report.unguard("'\uff1dx") == "\uff1dx"  # as the writer guards
    assert report.unguard("'quoted'") == "'quoted'"  # not a guard
    assert report.unguard("'") == "'"


def test_reading_follows_the_contract(hand: Path) -> None:
    batch = report.load_batch(hand)
    assert batch.questions == QUESTIONS
    assert [r.student for r in batch.rows][:2] == [SCRIPT_ID, FORMULA_ID]  # formula guard removed
    assert batch.rows[2].reason == IMG_REASON
    assert [r.status for r in batch.rows] == ["ok", "ok", "ok", "timeout", "invalid", "missing"]
    assert len(batch.results) == 5  # broken.json is not one of them...
    assert any("broken.json" in note for note in batch.notes)  # ...and is named in the notes
    assert any("1 results file(s) not in grades.csv" in note for note in batch.notes)  # old.json
    bad = next(r for r in batch.results if r.submission == "s5.zip")
    assert (bad.student, bad.seconds, bad.peak_memory, bad.cases, bad.misconceptions) == ("", 1.0, None, (), ())
    assert all(c.name != "bogus" for r in batch.results for c in r.cases)


def test_question_statistics_by_hand(hand: Path) -> None:
    batch = report.load_batch(hand)
    points = report.question_max_points(batch.results, batch.questions)
    assert points == {"q1": 2.0, "q2": 3.0, "q3": 1.0}
    ten_cases = report.Result("r.json", "s", "s.ipynb", "ok", "", "", None, None, {}, 4.0,
                              tuple(report.Case("q1", f"t{i}", False, True, 0.4, "") for i in range(10)), ())
    assert report.question_max_points([ten_cases], ["q1"]) == {"q1": 4.0}  # not 3.9999999999999996
    stats = {q.name: q for q in report.question_stats(batch.rows, batch.questions, points)}
    # item analysis over s1..s4 (the invalid and the missing submission are left out)
    assert [q.n for q in stats.values()] == [4, 4, 4]
    assert stats["q1"].mean == 1.0 and stats["q1"].difficulty == 0.5
    assert stats["q2"].mean == 1.5 and stats["q2"].difficulty == 0.5
    assert stats["q3"].difficulty == 0.0
    scores = np.array([[2, 3, 0], [1, 1, 0], [0, 2, 0], [1, 0, 0]], dtype=float)
    for j, q in enumerate(QUESTIONS[:2]):
        rest = scores.sum(axis=1) - scores[:, j]
        assert stats[q].discrimination == pytest.approx(np.corrcoef(scores[:, j], rest)[0, 1])
    assert stats["q1"].discrimination == pytest.approx(1 / math.sqrt(10))
    assert stats["q1"].flags == ()
    assert math.isnan(stats["q3"].discrimination)  # no variance: undefined, not an error
    assert stats["q3"].flags == ("everyone fails", "does not discriminate")


def test_question_flags() -> None:
    assert report.question_flags(0.5, 0.6) == ()
    assert report.question_flags(0.5, 0.1) == ("does not discriminate",)
    assert report.question_flags(0.05, 0.6) == ("everyone fails",)
    assert report.question_flags(None, math.nan) == ("does not discriminate",)


def test_pearson_is_nan_safe() -> None:
    assert math.isnan(report.pearson(np.array([1.0, 1.0, 1.0]), np.array([0.0, 1.0, 2.0])))
    assert math.isnan(report.pearson(np.array([1.0]), np.array([2.0])))
    # sums of fractional points that differ only in the last bits are constant, not perfectly correlated
    assert math.isnan(report.pearson(np.array([0.1 + 0.2, 0.3, 0.3]), np.array([0.0, 1.0, 2.0])))
    x, y = np.random.default_rng(0).normal(size=(2, 50))
    assert report.pearson(x, y) == pytest.approx(np.corrcoef(x, y)[0, 1])


def test_test_failure_shares_by_hand(hand: Path) -> None:
    tests = report.case_failures(report.load_batch(hand).results)
    # s5's results file has no readable cases: four submissions ran the tests
    assert [(t.name, t.failed, t.runs) for t in tests] == [
        ("e", 4, 4), ("b", 3, 4), ("c", 2, 4), ("d", 2, 4), ("a", 1, 4)]
    assert [t.share for t in tests] == [1.0, 0.75, 0.5, 0.5, 0.25]
    d = next(t for t in tests if t.name == "d")
    assert d.hidden and d.description == "works for negative inputs"


def test_misconception_counts_by_hand(hand: Path) -> None:
    found = report.misconception_stats(report.load_batch(hand).results)
    # s3 reports the HTML one twice: a submission counts once
    assert [(m.question, m.title, m.count) for m in found] == [
        ("q1", "Off by one in the loop", 2), ("q2", HTML_TITLE, 2)]
    assert found[0].share == pytest.approx(2 / 5)


def test_statuses_summary_and_slowest(hand: Path) -> None:
    batch = report.load_batch(hand)
    assert report.status_counts(batch.rows) == {"ok": 3, "error": 0, "timeout": 1, "memory": 0, "invalid": 1,
                                                "missing": 1}
    summary = report.score_summary(batch.rows)
    assert (summary["n"], summary["mean"], summary["median"], summary["max_score"]) == (5, 2.0, 2.0, 6.0)
    assert [r.submission for r in report.slowest(batch.results)] == ["s4.ipynb", "s1.ipynb", "s3.ipynb",
                                                                     "s2.ipynb", "s5.zip"]
    assert report.names_by_status(batch.rows) == {"timeout": (["s4"], 0), "invalid": (["s5"], 0),
                                                  "missing": ([SVG_ID], 0)}


def test_without_grades_csv_rows_come_from_results(hand: Path) -> None:
    (hand / "grades.csv").unlink()
    (hand / "results" / "old.json").unlink()  # without a gradebook, nothing tells a leftover apart
    batch = report.load_batch(hand)
    assert batch.questions == QUESTIONS and len(batch.rows) == 5
    assert "grades.csv is missing" in batch.notes[0]
    assert build_report(hand).is_file()


def test_score_bars() -> None:
    x, counts, width = report.score_bars(np.array([0.0, 1, 1, 2]), 2.0)
    assert list(x) == [0, 1, 2] and list(counts) == [1, 2, 1] and width == pytest.approx(0.8)
    x, counts, width = report.score_bars(np.array([0.0, 20.0]), 20.0)  # a few scores on a long scale
    assert list(x) == [0, 20] and width == pytest.approx(0.8 * 20 / 12)
    x, counts, _ = report.score_bars(np.linspace(0, 10, 101), 10.0)
    assert len(x) == 10 and counts.sum() == 101


# ---------------------------------------------------------------- (b) escaping, (c) self-contained


class Page(html.parser.HTMLParser):
    """The page as a browser's parser sees it: elements with their attributes, and the text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def test_student_text_is_escaped(hand: Path) -> None:
    text = build_report(hand).read_text(encoding="utf-8")
    page = Page(text)
    assert "<script" not in text.lower() and "<img" not in text.lower() and "<svg onload" not in text
    assert "<b>Sign" not in text and "</td><img" not in text
    for escaped in ("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;/td&gt;&lt;img src=x onerror=alert(1)&gt;",
                    "=HYPERLINK(&#34;x&#34;)", "&lt;b&gt;Sign&lt;/b&gt; flipped", "&#34;&gt;&lt;svg onload=alert(1)&gt;"):
        assert escaped in text
    # what a reader sees: the hostile strings, verbatim, as text (the formula guard removed)
    shown = "".join(page.text)
    for hostile in (SCRIPT_ID, IMG_REASON, FORMULA_ID, HTML_TITLE, SVG_ID, "alert(2)"):
        assert hostile in shown
    assert "'=HYPERLINK" not in shown
    assert not any(name.startswith("on") for _, attrs in page.tags for name in attrs)


def test_chart_attributes_are_escaped() -> None:
    charts = report.SvgCharts()
    svg = charts.distribution(np.array([0.0, 1.0]), 1.0, wide=False, label='x" onload="alert(1)',
                              question='q"><script>')
    assert svg.startswith("<svg ") and "<script" not in svg and 'onload="' not in svg
    assert 'data-question="q&#34;&gt;&lt;script&gt;"' in svg


def test_page_is_self_contained(hand: Path) -> None:
    text = build_report(hand).read_text(encoding="utf-8")
    page = Page(text)
    assert "http://" not in text and "https://" not in text
    assert not {tag for tag, _ in page.tags} & {"script", "link", "img", "iframe", "object", "embed", "image"}
    for _, attrs in page.tags:
        for name in ("src", "href", "xlink:href"):
            assert attrs.get(name) is None or attrs[name].startswith("#"), attrs
    assert "@import" not in text and "url(http" not in text and "@font-face" not in text
    # one chart per question, labelled, plus the total distribution and the statuses
    questions = [attrs["data-question"] for tag, attrs in page.tags if tag == "svg" and "data-question" in attrs]
    assert questions == QUESTIONS
    assert sum(tag == "svg" for tag, _ in page.tags) == len(QUESTIONS) + 2
    ids = [attrs["id"] for _, attrs in page.tags if attrs.get("id")]
    assert len(ids) == len(set(ids))  # several SVGs on one page: no clashing ids


def test_report_is_written_atomically(hand: Path) -> None:
    path = build_report(hand, title="Week 3")
    assert path == hand / "report.html"
    assert "<title>Week 3</title>" in path.read_text(encoding="utf-8")
    assert [p.name for p in hand.iterdir() if p.name.startswith(".")] == []  # no temporary file left


def test_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        build_report(tmp_path / "nope")


def test_empty_folder_still_renders(tmp_path: Path) -> None:
    text = build_report(tmp_path).read_text(encoding="utf-8")
    assert "grades.csv is missing" in text


# ---------------------------------------------------------------- (d) scale


def test_three_thousand_rows_render_quickly(tmp_path: Path) -> None:
    out = tmp_path / "big"
    questions = [f"q{i}" for i in range(1, 9)]
    rng = np.random.default_rng(1)
    students = []
    for i in range(3000):
        status = "missing" if i % 50 == 0 else "timeout" if i % 97 == 0 else "ok"
        passed = rng.random((len(questions), 4)) < rng.uniform(0.2, 0.9)
        scores = {q: float(passed[j].sum()) for j, q in enumerate(questions)}
        students.append(dict(student=f"s{i}", submission="" if status == "missing" else f"s{i}.ipynb",
                             status=status, scores=scores if status != "missing" else {}, max_score=32))
        if status != "missing":
            write_result(out, f"s{i}", {
                "student": f"s{i}", "submission": f"s{i}.ipynb", "status": status, "reason": "", "scores": scores,
                "max_score": 32.0, "student_seconds": float(rng.gamma(2)), "peak_memory_bytes": 10**8,
                "cases": [case(q, f"t{k}", bool(passed[j, k]), hidden=k > 1, description=f"case {k}")
                          for j, q in enumerate(questions) for k in range(4)],
                "misconceptions": [{"question": "q1", "title": "m"}] if not passed[0, 0] else []})
    write_grades(out, questions, students)
    start = time.perf_counter()
    text = build_report(out).read_text(encoding="utf-8")
    elapsed = time.perf_counter() - start
    assert elapsed < 10, f"{elapsed:.1f} s"
    assert len(text) < 1_000_000  # aggregated: no per-student rows
    assert text.count("data-question=") == len(questions)


# ---------------------------------------------------------------- (e) in a real browser


def chromium(*args: str, profile: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=120)


@pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing: run scripts/ensure-debian-packages chromium "
                                                  "(Debian's chromium package) to run the browser test")
def test_report_renders_in_chromium(tmp_path: Path) -> None:
    import matplotlib.image

    page = build_report(realistic_batch(tmp_path / "out"))
    png = tmp_path / "page.png"
    shot = chromium(f"--screenshot={png}", "--window-size=1280,4000", page.as_uri(), profile=tmp_path / "p1")
    assert png.is_file(), shot.stderr[-2000:]
    pixels = matplotlib.image.imread(png)[..., :3]
    assert pixels.std() > 0.05, "the screenshot is blank"
    bar = np.array([0x3B, 0x6E, 0xA5]) / 255  # the histograms' bars, drawn by the browser
    assert np.count_nonzero(np.abs(pixels - bar).max(axis=-1) < 0.03) > 2000

    dom = chromium("--dump-dom", page.as_uri(), profile=tmp_path / "p2")
    assert dom.returncode == 0, dom.stderr[-2000:]
    charts = re.findall(r'<svg\b[^>]*\bdata-question="([^"]*)"', dom.stdout)
    assert charts == list(REALISTIC)

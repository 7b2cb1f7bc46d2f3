"""The test-quality audit: it must catch weak tests, not just pass good ones."""

from __future__ import annotations

import pytest

from conftest import TINY_SOURCE, make_tiny_course
from mlmathkit.audit import audit_chapter, render_table
from mlmathkit.course import load_course
from mlmathkit.mutants import mutants_of
from mlmathkit.release import ReleaseError, release_chapter

GOOD_VARIANTS = '''\
# %% mistake: doubles instead of squaring
def square(x):
    return 2 * x

# %% mistake: absolute value
def square(x):
    return abs(x)

# %% mistake: cube
def square(x):
    return x ** 3

# %% alternative: float32 via numpy
import numpy as np

def square(x):
    return np.float32(x) ** 2

# %% alternative: multiplication by repeated addition is silly; pow is fine
def square(x):
    return pow(x, 2)
'''


BLIND = '''\
# %% mistake: adds one to the square
def square(x):
    return x * x + 1

# %% mistake: negates the square
def square(x):
    return -x * x

# %% mistake: multiplies by the absolute value, which is wrong for negative numbers
def square(x):
    return x * abs(x)

# %% mistake: squares the integer part only
def square(x):
    return int(x) ** 2
'''


def tiny(tmp_path, source=TINY_SOURCE, variants=GOOD_VARIANTS, blind=BLIND):
    course = load_course(make_tiny_course(tmp_path, source))
    ch = course.chapter("ch01_probability")
    (ch.variants_dir).mkdir()
    (ch.variants_dir / "q1_square.py").write_text(variants)
    if blind:
        ch.blind_dir.mkdir()
        (ch.blind_dir / "q1_square.py").write_text(blind)
    return ch


def test_good_suite_passes_with_margins(tmp_path):
    ch = tiny(tmp_path)
    result = release_chapter(ch, ch.root / "build", audit=True, jobs=1)
    report = result.audit
    assert report["ok"], report["failures"]
    q = report["questions"]["q1_square"]
    assert {k: q["mistakes"][k] for k in ("rejected", "total", "accepted", "blind")} == \
        {"rejected": 7, "total": 7, "accepted": [], "blind": 4}
    assert q["mistakes"]["caught_publicly"] == 5  # x*|x| and int(x)**2 agree with x**2 at 3.0
    assert q["mistakes"]["diagnosed"] >= 5 and report["diagnosis_rate"] >= 5 / 7
    assert q["alternatives"]["accepted"] == 2
    assert q["mutants"]["total"] >= 2 and q["mutants"]["score"] >= 0.9
    hidden = [m for m in q["margins"] if m["hidden"]]
    assert hidden and hidden[0]["correct_worst"] < 0.1 and hidden[0]["wrong_best"] > 10
    assert "q1_square | 7/7 (4) | 5/7 |" in render_table(report)


def test_weak_tests_fail_the_gate_and_nothing_is_published(tmp_path):
    # a test suite that only checks the sign of the answer lets "abs(x)" and "2*x" through
    weak = TINY_SOURCE.replace("import close\n    close(square(3.0), 9.0)", "import require\n    require(square(3.0) > 0, 'positive')")
    weak = weak.replace('import close\n    close(square(-7.25), 52.5625, name="hidden_marker_value")',
                        'import require\n    require(square(-7.25) > 0, "hidden_marker_value")')
    assert weak.count("require(") == 2
    ch = tiny(tmp_path, source=weak)
    with pytest.raises(ReleaseError) as info:
        release_chapter(ch, ch.root / "build", audit=True, jobs=1)
    message = str(info.value)
    assert "mistakes scored full marks" in message and "abs" in message
    assert not ch.student_dir.exists() and not ch.autograder_dir.exists()


def test_rejected_alternative_and_thin_catalogue_fail(tmp_path):
    variants = GOOD_VARIANTS.split("# %% mistake: absolute value")[0] + (
        "# %% alternative: rounds to 2 decimals (not actually correct)\ndef square(x):\n    return round(x * x + 0.004, 2)\n"
    )
    ch = tiny(tmp_path, variants=variants, blind=BLIND.split("# %% mistake: squares the integer")[0])
    release_chapter(ch, ch.root / "build", jobs=1)
    report = audit_chapter(ch, jobs=1)
    assert not report["ok"]
    joined = "\n".join(report["failures"])
    assert "needs >= 3 mistakes and >= 2 alternatives (has 4 and 1)" in joined  # 1 + 3 blind mistakes
    assert "needs >= 4 blind mistakes" in joined and "has 3" in joined
    assert "correct alternatives lost points" in joined and "rounds to 2 decimals" in joined


def test_mutants_touch_only_solution_lines_with_stable_ids():
    src = (
        "def f(X):\n"
        "    \"\"\"doc\"\"\"\n"
        "    n = X.shape[0] - 1\n"
        "    # BEGIN SOLUTION\n"
        "    Xc = X - X.mean(axis=0, keepdims=True)\n"
        "    return Xc.T @ Xc / n\n"
        "    # END SOLUTION\n"
    )
    ids = {m.id for m in mutants_of(src)}
    assert "f:L4:Sub->Add" in ids and "f:L4:mean->sum" in ids and "f:L4:axis=0->1" in ids
    assert "f:L4:keepdims=True->False" in ids and "f:L5:drop transpose" in ids and "f:L5:Div->Mult" in ids
    assert not any(":L2:" in i for i in ids)  # `n = X.shape[0] - 1` is given to students, never mutated
    assert ids == {m.id for m in mutants_of(src)}


def test_a_looping_variant_is_stopped_and_counted_as_rejected(tmp_path):
    # the alarm must end the whole trial: a loop in every test case would otherwise hang the audit
    looping = GOOD_VARIANTS + "\n# %% mistake: never returns\ndef square(x):\n    while True:\n        pass\n"
    ch = tiny(tmp_path, variants=looping)
    release_chapter(ch, ch.root / "build", jobs=1)
    import time

    start = time.monotonic()
    report = audit_chapter(ch, jobs=1, timeout=3)
    assert time.monotonic() - start < 60
    assert report["ok"], report["failures"]
    mistakes = report["questions"]["q1_square"]["mistakes"]
    assert (mistakes["rejected"], mistakes["total"], mistakes["accepted"]) == (8, 8, [])

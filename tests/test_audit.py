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


def tiny(tmp_path, source=TINY_SOURCE, variants=GOOD_VARIANTS):
    course = load_course(make_tiny_course(tmp_path, source))
    ch = course.chapter("ch01_probability")
    (ch.variants_dir).mkdir()
    (ch.variants_dir / "q1_square.py").write_text(variants)
    return ch


def test_good_suite_passes_with_margins(tmp_path):
    ch = tiny(tmp_path)
    result = release_chapter(ch, ch.root / "build", audit=True, jobs=1)
    report = result.audit
    assert report["ok"], report["failures"]
    q = report["questions"]["q1_square"]
    assert q["mistakes"] == {"rejected": 3, "total": 3, "accepted": []}
    assert q["alternatives"]["accepted"] == 2
    assert q["mutants"]["total"] >= 2 and q["mutants"]["score"] >= 0.9
    hidden = [m for m in q["margins"] if m["hidden"]]
    assert hidden and hidden[0]["correct_worst"] < 0.1 and hidden[0]["wrong_best"] > 10
    assert "q1_square | 3/3" in render_table(report)


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
    ch = tiny(tmp_path, variants=variants)
    release_chapter(ch, ch.root / "build", jobs=1)
    report = audit_chapter(ch, jobs=1)
    assert not report["ok"]
    joined = "\n".join(report["failures"])
    assert "needs >= 3 mistakes and >= 2 alternatives (has 1 and 1)" in joined
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
    assert report["questions"]["q1_square"]["mistakes"] == {"rejected": 4, "total": 4, "accepted": []}

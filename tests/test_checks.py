"""The numeric checks: accept every correct form of an answer, reject wrong ones with a clear message."""

import numpy as np
import pytest
import torch

from mlmathkit import checks as c


def fails(fn, *args, **kw) -> str:
    with pytest.raises(c.CheckFailure) as info:
        fn(*args, **kw)
    return str(info.value)


@pytest.mark.parametrize(
    "answer",
    [np.array([1.0, 2.0, 3.0]), np.float32([1, 2, 3]), [1, 2, 3], (1.0, 2.0, 3.0), torch.tensor([1.0, 2.0, 3.0]),
     torch.tensor([1.0, 2.0, 3.0], requires_grad=True) * 1, np.array([1, 2, 3], dtype=np.int64)],
)
def test_close_accepts_every_numeric_form(answer):
    c.close(answer, [1.0, 2.0, 3.0])


def test_close_reports_worst_element_index_and_relative_error():
    msg = fails(c.close, np.array([[1.0, 2.0], [3.0, 4.5]]), np.array([[1.0, 2.0], [3.0, 4.0]]), name="cov")
    assert "cov" in msg and "index (1, 1)" in msg and "got 4.5" in msg and "expected 4" in msg
    assert "relative error 0.125" in msg and "1 of 4 entries" in msg


@pytest.mark.parametrize(
    "answer, fragment",
    [
        (None, "does your function `return`"),
        ("1.0", "got a string"),
        (np.array([1.0, np.nan]), "NaN at index (1,)"),
        (np.array([1.0, np.inf]), "infinite value"),
        (np.array([[1.0, 2.0]]), "extra or missing axis"),
        (np.array([1.0, 2.0, 3.0]), "has shape (3,), expected (2,)"),
        (np.array([1 + 1j, 2]), "complex"),
        (object(), "should be a number or an array"),
        ({"a": 1}, "should be a number or an array"),
    ],
)
def test_close_rejects_malformed_answers_in_words(answer, fragment):
    assert fragment in fails(c.close, answer, [1.0, 2.0])


def test_transposed_matrix_gets_a_hint():
    assert "transposed" in fails(c.close, np.ones((3, 2)), np.ones((2, 3)))


def test_hint_is_appended():
    assert "Hint: divide by n - 1" in fails(c.close, 1.5, 1.0, hint="divide by n - 1")


class AlwaysEqual(float):
    def __eq__(self, other):
        return True

    __hash__ = float.__hash__


class LyingArray(np.ndarray):
    def __array_ufunc__(self, *args, **kwargs):
        return np.zeros(3)


def test_answers_cannot_vote_on_their_own_correctness():
    fails(c.close, AlwaysEqual(5.0), 1.0)
    lying = np.array([9.0, 9.0, 9.0]).view(LyingArray)
    fails(c.close, lying, [1.0, 2.0, 3.0])
    assert type(c.as_array(lying)) is np.ndarray


def test_float32_products_pass_and_percent_errors_fail():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(50, 50))
    c.close((x.astype(np.float32) @ x.astype(np.float32).T), x @ x.T, rtol=1e-4, atol=1e-4)
    fails(c.close, x * 1.01, x)


def test_margin_ratios_are_recorded():
    with c.recording() as log:
        c.close([1.0, 2.00001], [1.0, 2.0], rtol=1e-4, name="v")
        with pytest.raises(c.CheckFailure):
            c.close([3.0], [2.0], name="w")
    assert log[0][0] == "v" and 0.04 < log[0][1] < 0.06
    assert log[1][0] == "w" and log[1][1] > 1e3


def test_sign_invariant_comparison():
    q, _ = np.linalg.qr(np.random.default_rng(1).normal(size=(4, 4)))
    c.close_up_to_sign(q * np.array([1, -1, -1, 1]), q)
    fails(c.close_up_to_sign, q[:, ::-1], q)


def test_permutation_invariant_comparison():
    means = np.array([[0.0, 0.0], [5.0, 5.0], [-3.0, 4.0]])
    perm = c.close_up_to_permutation(means[[2, 0, 1]], means)
    np.testing.assert_array_equal(means[[2, 0, 1]][perm], means)
    fails(c.close_up_to_permutation, means + [[0.0, 0.5], [0, 0], [0, 0]], means)


def test_subspace_comparison_ignores_basis():
    basis = np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]])
    c.same_subspace(basis @ np.array([[2.0, 1.0], [-1.0, 3.0]]), basis)
    fails(c.same_subspace, np.array([[1.0, 0.0], [0.0, 0.0], [0.0, 1.0]]), basis)


def test_gradient_relative_error_uses_cs231n_convention():
    assert c.grad_rel_error([1.0, 0.0], [1.0, 0.0]) == 0.0
    assert c.grad_rel_error([1.0], [1.1]) == pytest.approx(0.1 / 2.1)
    assert c.grad_rel_error([1e-12], [0.0]) == pytest.approx(1e-4)  # max(1e-8, .) floor
    c.grad_close([1.0, 2.0], [1.0 + 1e-9, 2.0])
    assert "relative error" in fails(c.grad_close, [1.0], [1.01])


def test_statistical_check_has_the_stated_false_fail_rate():
    rng = np.random.default_rng(2)
    failures = 0
    for _ in range(200):
        try:
            c.mean_within(rng.normal(3.0, 2.0, size=400), 3.0, 2.0, false_fail=0.05)
        except c.CheckFailure:
            failures += 1
    assert 2 <= failures <= 22  # binomial(200, 0.05): mean 10, this window has probability > 0.999
    fails(c.mean_within, rng.normal(3.3, 2.0, size=4000), 3.0, 2.0)


def test_property_checks():
    c.probabilities([[0.2, 0.8], [1.0, 0.0]])
    assert "sum to 1" in fails(c.probabilities, [0.2, 0.7])
    assert "[0, 1]" in fails(c.probabilities, [-0.2, 1.2])
    c.positive_definite([[2.0, 0.5], [0.5, 1.0]])
    assert "symmetric" in fails(c.positive_definite, [[2.0, 0.5], [0.4, 1.0]])
    assert "smallest eigenvalue" in fails(c.positive_definite, [[1.0, 2.0], [2.0, 1.0]])
    c.require(np.float64(1.0) > 0, "never")
    assert "custom" in fails(c.require, np.array([True, True]), "custom")  # arrays are not verdicts


def test_fields_unpacks_tuples_dicts_and_namedtuples():
    from collections import namedtuple

    Result = namedtuple("Result", "mean var")
    assert c.fields(Result(1, 2), ["mean", "var"]) == (1, 2)
    assert c.fields({"var": 2, "mean": 1}, ["mean", "var"]) == (1, 2)
    assert c.fields((1, 2), ["mean", "var"]) == (1, 2)
    assert "missing the key" in fails(c.fields, {"mean": 1}, ["mean", "var"])
    assert "should be a tuple" in fails(c.fields, (1, 2, 3), ["mean", "var"])


def test_as_scalar():
    assert c.as_scalar(np.array([2.5])) == 2.5
    assert c.as_scalar(torch.tensor(1.5)) == 1.5
    assert "single number" in fails(c.as_scalar, [1.0, 2.0])


@pytest.mark.parametrize("expected", [float("nan"), [1.0, float("inf")], [np.nan, 2.0]])
def test_non_finite_expected_values_never_pass(expected):
    # an oracle that returns nan must break the test, not make every answer pass
    for check in (c.close, c.grad_close):
        with pytest.raises(c.OracleError, match="bug in this test"):
            check(np.ones(np.shape(expected)), expected)
    with pytest.raises(c.OracleError):
        c.mean_within(np.ones(100), float("nan"), 1.0)


CALLS: list[int] = []  # a global, so it is not part of the oracles' closures


def test_oracle_memoises_on_code_closure_and_input_bytes():
    calls = CALLS

    def fit(X, k=1):
        CALLS.append(1)
        return {"mean": X.mean(axis=0) * k}

    X = np.arange(6.0).reshape(3, 2)
    first = c.oracle(fit, X, k=2)
    first["mean"][0] = 99.0  # callers get copies: the cache is not corrupted
    again = c.oracle(fit, X.copy(), k=2)
    assert len(calls) == 1 and again["mean"].tolist() == [4.0, 6.0]
    c.oracle(fit, X, k=3)
    c.oracle(fit, X + 1e-12, k=2)
    c.oracle(fit, X.astype(np.float32), k=2)
    assert len(calls) == 4  # any change of input is a new computation

    def make(offset):
        return lambda v: CALLS.append(1) or v + offset

    assert c.oracle(make(1.0), 1.0) == 2.0 and c.oracle(make(2.0), 1.0) == 3.0  # closures are part of the key
    unhashable = object()
    c.oracle(lambda o: CALLS.append(1), unhashable)
    c.oracle(lambda o: CALLS.append(1), unhashable)
    assert len(calls) == 8  # unfingerprintable inputs are recomputed, never confused

from otter.test_files import test_case

OK_FORMAT = False

name = "q3_growth_vc_bound"
points = 3.0

@test_case(name="test_worked_examples", points=None, hidden=False)
def test_worked_examples(count_labelings, sauer_shelah, vc_bound):
    from mlmathkit_checks import guarded as _guarded
    count_labelings = _guarded(count_labelings, 'count_labelings', ('sklearn', 'torch.nn'))
    sauer_shelah = _guarded(sauer_shelah, 'sauer_shelah', ('sklearn', 'torch.nn'))
    vc_bound = _guarded(vc_bound, 'vc_bound', ('sklearn', 'torch.nn'))
    import math
    import numpy as np
    from mlmathkit_checks import as_scalar, close
    close(as_scalar(sauer_shelah(5, 2), 'Phi'), 16.0, rtol=0, atol=0, name='Phi_2(5)', hint='sum C(m, i) for i = 0, 1, ..., d (d included)')
    close(as_scalar(sauer_shelah(3, 5), 'Phi'), 8.0, rtol=0, atol=0, name='Phi_5(3)', hint='when m <= d every labeling counts: 2^m')
    close(as_scalar(count_labelings(np.array([0.2, 0.5, 0.9]), 'thresholds'), 'count'), 4.0, rtol=0, atol=0, name='labelings of 3 points by thresholds')
    close(as_scalar(count_labelings(np.array([0.0, 1.0, 2.0, 3.0]), 'intervals'), 'count'), 11.0, rtol=0, atol=0, name='labelings of 4 points by intervals', hint='do not forget the all-zero labeling')
    close(as_scalar(vc_bound(1000, 3, 0.05), 'epsilon_VC'), math.sqrt(0.008 * math.log(80 * 1333335001)), rtol=1e-08, name='VC bound for n = 1000, d = 3, delta = 0.05', hint='the growth function is evaluated at 2n, not n')

@test_case(name="test_properties", points=None, hidden=False)
def test_properties(count_labelings, sauer_shelah, vc_bound):
    from mlmathkit_checks import guarded as _guarded
    count_labelings = _guarded(count_labelings, 'count_labelings', ('sklearn', 'torch.nn'))
    sauer_shelah = _guarded(sauer_shelah, 'sauer_shelah', ('sklearn', 'torch.nn'))
    vc_bound = _guarded(vc_bound, 'vc_bound', ('sklearn', 'torch.nn'))
    import numpy as np
    from mlmathkit_checks import as_scalar, close, require
    rng = np.random.default_rng(3)
    x = rng.normal(size=6)
    close(as_scalar(count_labelings(x, 'thresholds'), 'count'), float(sauer_shelah(6, 1)), rtol=0, atol=0, name='thresholds on 6 distinct points vs Phi_1(6)', hint='Sauer-Shelah is tight for thresholds')
    close(as_scalar(count_labelings(x, 'intervals'), 'count'), float(sauer_shelah(6, 2)), rtol=0, atol=0, name='intervals on 6 distinct points vs Phi_2(6)', hint='Sauer-Shelah is tight for intervals')
    P = rng.normal(size=(5, 2))
    c = as_scalar(count_labelings(P, 'halfspaces'), 'count')
    require(c <= float(sauer_shelah(5, 3)) and c < 2 ** 5, f'halfspaces on 5 points: {c:g} labelings, but Sauer-Shelah allows at most Phi_3(5) = {sauer_shelah(5, 3)} (< 2^5)')
    b = [as_scalar(vc_bound(n, 5, 0.05), 'epsilon_VC') for n in (100, 1000, 10 ** 4, 10 ** 5)]
    require(all((u > v for u, v in zip(b, b[1:]))), f'the VC bound must decrease with n, got {b}')
    require(as_scalar(vc_bound(1000, 10, 0.05), 'epsilon_VC') > b[1], 'a larger VC dimension must give a larger bound')
    require(as_scalar(vc_bound(1000, 5, 1e-06), 'epsilon_VC') > b[1], 'a smaller delta must give a larger bound')
    big = as_scalar(vc_bound(10 ** 9, 100, 0.05), 'epsilon_VC')
    require(0 < big < 0.01, f'n = 1e9, d = 100 should give a bound around 0.005 (Phi_100(2e9) ~ 1e770: work in log space), got {big:g}')

@test_case(name="test_sauer_shelah_against_binomial_tail", points=None, hidden=True)
def test_sauer_shelah_against_binomial_tail(sauer_shelah):
    """Zero points, VC dimension 0, more VC dimension than points, and random sizes up to a few hundred points."""
    from mlmathkit_checks import guarded as _guarded
    sauer_shelah = _guarded(sauer_shelah, 'sauer_shelah', ('sklearn', 'torch.nn'))
    from functools import lru_cache
    import numpy as np
    from scipy.stats import binom
    from mlmathkit_checks import as_scalar, close

    def value(v):
        return as_scalar(float(v) if isinstance(v, int) else v, 'Phi')

    @lru_cache(maxsize=None)
    def phi(m, d):
        if d == 0 or m == 0:
            return 1
        return phi(m - 1, d) + phi(m - 1, d - 1)
    for m, d in [(0, 0), (0, 3), (1, 0), (7, 0), (10, 3), (12, 12), (12, 20), (30, 7), (45, 22), (60, 1)]:
        close(value(sauer_shelah(m, d)), float(phi(m, d)), rtol=1e-12, atol=0, name=f'Phi_{d}({m})', hint='i runs from 0 to d inclusive; when d >= m the sum is 2^m')
    rng = np.random.default_rng(33)
    for _ in range(6):
        m = int(rng.integers(50, 400))
        d = int(rng.integers(1, m // 2))
        close(value(sauer_shelah(m, d)), float(2.0 ** m * binom.cdf(d, m, 0.5)), rtol=1e-09, atol=0, name=f'Phi_{d}({m})')

@test_case(name="test_count_labelings_against_closed_forms", points=None, hidden=True)
def test_count_labelings_against_closed_forms(count_labelings):
    """Halfspaces on points in general position and on collinear points, thresholds and intervals with ties, rectangles on a grid."""
    from mlmathkit_checks import guarded as _guarded
    count_labelings = _guarded(count_labelings, 'count_labelings', ('sklearn', 'torch.nn'))
    import itertools
    import numpy as np
    from mlmathkit_checks import as_scalar, close
    rng = np.random.default_rng(3131)
    for m in (2, 3, 4, 5, 6):
        close(as_scalar(count_labelings(rng.normal(size=(m, 2)), 'halfspaces'), 'count'), float(m * m - m + 2), rtol=0, atol=0, name=f'halfspace labelings of {m} points in general position')
    t = np.array([-1.0, -0.25, 0.5, 1.25, 2.0])
    line = np.column_stack([3.0 + 0.5 * t, -1.0 + 0.75 * t])
    close(as_scalar(count_labelings(line, 'halfspaces'), 'count'), 10.0, rtol=0, atol=0, name='halfspace labelings of 5 collinear points')
    x = np.array([0.0, 1.0, 1.0, 2.0, 2.0, 2.0])
    close(as_scalar(count_labelings(x, 'thresholds'), 'count'), 4.0, rtol=0, atol=0, name='threshold labelings of points with ties (3 distinct values)')
    close(as_scalar(count_labelings(x, 'intervals'), 'count'), 7.0, rtol=0, atol=0, name='interval labelings of points with ties (3 distinct values)')
    for trial in range(4):
        P = rng.integers(0, 3, size=(int(rng.integers(3, 7)), 2)).astype(float)
        boxes = {tuple([0] * len(P))}
        xs, ys = (np.unique(P[:, 0]), np.unique(P[:, 1]))
        for a1, b1 in itertools.combinations_with_replacement(xs, 2):
            for a2, b2 in itertools.combinations_with_replacement(ys, 2):
                boxes.add(tuple(((P[:, 0] >= a1) & (P[:, 0] <= b1) & (P[:, 1] >= a2) & (P[:, 1] <= b2)).astype(int)))
        close(as_scalar(count_labelings(P, 'rectangles'), 'count'), float(len(boxes)), rtol=0, atol=0, name=f'rectangle labelings of {P.tolist()}')

@test_case(name="test_vc_bound_against_mpmath", points=None, hidden=True)
def test_vc_bound_against_mpmath(vc_bound):
    """VC dimension 0, VC dimension above 2n, and sample sizes up to a billion where the growth function overflows a float."""
    from mlmathkit_checks import guarded as _guarded
    vc_bound = _guarded(vc_bound, 'vc_bound', ('sklearn', 'torch.nn'))
    import mpmath
    from mlmathkit_checks import as_scalar, close
    cases = [(1, 0, 0.5), (1, 1, 0.1), (3, 10, 0.05), (50, 3, 0.01), (1000, 3, 0.05), (12345, 20, 0.001), (10 ** 6, 50, 0.05), (10 ** 6, 2000, 0.05), (10 ** 9, 100, 0.05), (10 ** 9, 1, 1e-09), (777, 5000, 0.2)]
    with mpmath.workdps(40):
        for n, d, delta in cases:
            m = 2 * n
            phi = mpmath.fsum((mpmath.binomial(m, i) for i in range(min(d, m) + 1)))
            expected = float(mpmath.sqrt(8 / mpmath.mpf(n) * mpmath.log(4 * phi / mpmath.mpf(delta))))
            close(as_scalar(vc_bound(n, d, delta), 'epsilon_VC'), expected, name=f'VC bound (n={n}, d={d}, delta={delta:g})', hint='sqrt(8/n ln(4 Phi_d(2n) / delta)); compute ln Phi in log space, it overflows a float')

@test_case(name="test_exact_integer_results", points=None, hidden=True)
def test_exact_integer_results(count_labelings, sauer_shelah):
    """Sauer-Shelah sums with hundreds of digits, exact to the last digit, and counts returned as integers."""
    from mlmathkit_checks import guarded as _guarded
    count_labelings = _guarded(count_labelings, 'count_labelings', ('sklearn', 'torch.nn'))
    sauer_shelah = _guarded(sauer_shelah, 'sauer_shelah', ('sklearn', 'torch.nn'))
    import numbers
    import numpy as np
    from mlmathkit_checks import as_scalar, require

    def pascal(m, d):
        row = [1] * (d + 1)
        for _ in range(m):
            row = [1] + [row[j] + row[j - 1] for j in range(1, d + 1)]
        return row[d]

    def half_row(k):
        c = 1
        for i in range(1, k + 1):
            c = c * (k + i) // i
        return 2 ** (2 * k - 1) + c // 2
    cases = [(64, 64, 2 ** 64), (100, 0, 1), (150, 40, pascal(150, 40)), (300, 120, pascal(300, 120)), (2000, 1000, half_row(1000))]
    for m, d, want in cases:
        got = sauer_shelah(m, d)
        require(isinstance(got, numbers.Integral) and (not isinstance(got, bool)), f'Phi_{d}({m}) should be an exact int, got {type(got).__name__} - sum math.comb(m, i) in Python integers (floats and int64 cannot hold it exactly)')
        require(int(got) == want, f'Phi_{d}({m}) is not exact: it differs from the true value by {int(got) - want} - sum C(m, i) for i = 0..min(d, m) with math.comb')
    for points, hclass, want in [(np.array([0.0, 1.0, 2.0]), 'intervals', 7), (np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]]), 'halfspaces', 8)]:
        c = count_labelings(points, hclass)
        require(isinstance(c, numbers.Integral) and (not isinstance(c, bool)), f'count_labelings({hclass}) should return an int, got {type(c).__name__} {c!r:.30}')
        require(as_scalar(c, 'count') == float(want), f'count_labelings({hclass}) on 3 points: expected {want}, got {c}')


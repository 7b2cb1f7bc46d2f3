from otter.test_files import test_case

OK_FORMAT = False

name = "q2_shattering"
points = 3.0

@test_case(name="test_worked_examples", points=None, hidden=False)
def test_worked_examples(realizable, is_shattered):
    from mlmathkit_checks import guarded as _guarded
    realizable = _guarded(realizable, 'realizable', ('sklearn', 'torch.nn'))
    is_shattered = _guarded(is_shattered, 'is_shattered', ('sklearn', 'torch.nn'))
    import numpy as np
    from mlmathkit_checks import as_scalar, require

    def check(got, want, what, hint):
        require(as_scalar(got, what) == float(want), f'{what}: expected {want}, got {got}. Hint: {hint}')
    check(realizable(np.array([0.0, 1.0]), np.array([0, 1]), 'thresholds'), True, 'thresholds, points (0, 1), labels (0, 1)', '1[x >= a] with a = 0.5')
    check(realizable(np.array([0.0, 1.0]), np.array([1, 0]), 'thresholds'), False, 'thresholds, points (0, 1), labels (1, 0)', 'a threshold 1[x >= a] can only label the right end positive')
    check(is_shattered(np.array([0.0, 1.0]), 'intervals'), True, 'intervals shatter two points', '')
    check(realizable(np.array([0.0, 1.0, 2.0]), np.array([1, 0, 1]), 'intervals'), False, 'intervals, labels (1, 0, 1)', 'the interval spanning the positives contains the negative')
    diamond = np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0], [0.0, -1.0]])
    square = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    check(is_shattered(diamond, 'rectangles'), True, 'rectangles shatter the diamond', '')
    check(realizable(square, np.array([1, 0, 0, 1]), 'rectangles'), False, 'rectangles, square corners, diagonal labeling', 'the bounding box of the two positive corners is the whole square')
    check(is_shattered(np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]]), 'halfspaces'), True, 'halfspaces shatter a triangle', 'use linprog with free variables: bounds=(None, None)')
    check(realizable(square, np.array([1, 0, 0, 1]), 'halfspaces'), False, 'halfspaces, XOR on the square', 'no line separates the diagonals of a square')
    check(is_shattered(np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]]), 'halfspaces'), False, 'halfspaces and three collinear points', 'the middle point cannot be labeled against both ends')

@test_case(name="test_properties", points=None, hidden=False)
def test_properties(realizable, is_shattered):
    from mlmathkit_checks import guarded as _guarded
    realizable = _guarded(realizable, 'realizable', ('sklearn', 'torch.nn'))
    is_shattered = _guarded(is_shattered, 'is_shattered', ('sklearn', 'torch.nn'))
    import numpy as np
    from mlmathkit_checks import as_scalar, require
    rng = np.random.default_rng(2)
    for hclass, dim in [('thresholds', 1), ('intervals', 1), ('rectangles', 2), ('halfspaces', 2)]:
        pts = rng.normal(size=(6, dim)).squeeze()
        for lab in (np.zeros(6, int), np.ones(6, int)):
            require(as_scalar(realizable(pts, lab, hclass), 'realizable') == 1.0, f'{hclass}: the all-{lab[0]} labeling is always realizable')
        for _ in range(5):
            lab = rng.integers(0, 2, size=6)
            a = as_scalar(realizable(pts, lab, hclass), 'realizable')
            b = as_scalar(realizable(3.0 * pts + 5.0, lab, hclass), 'realizable')
            require(a == b, f'{hclass}: realizability must not change when the points are scaled by 3 and shifted by 5')
        dup = pts[[0, 0]]
        require(as_scalar(is_shattered(dup, hclass), 'shattered') == 0.0, f'{hclass}: a point repeated twice cannot be shattered (its copies cannot get different labels)')
    require(as_scalar(is_shattered(np.array([0.3]), 'thresholds'), 'shattered') == 1.0, 'thresholds shatter one point')
    require(as_scalar(is_shattered(np.array([0.0, 1.0, 2.0]), 'intervals'), 'shattered') == 0.0, 'intervals do not shatter three points')
    require(as_scalar(is_shattered(rng.normal(size=(4, 2)), 'halfspaces'), 'shattered') == 0.0, 'halfspaces in the plane shatter no four points')

@test_case(name="test_random_labelings_against_enumeration", points=None, hidden=True)
def test_random_labelings_against_enumeration(realizable):
    """Every labeling of small random point sets with ties and repeated points, for thresholds, intervals and rectangles."""
    from mlmathkit_checks import guarded as _guarded
    realizable = _guarded(realizable, 'realizable', ('sklearn', 'torch.nn'))
    import itertools
    import numpy as np
    from mlmathkit_checks import as_scalar, require

    def labelings(P, hclass):
        realized = {tuple([0] * len(P))}
        if hclass == 'thresholds':
            realized |= {tuple((P >= a).astype(int)) for a in np.unique(P)}
        elif hclass == 'intervals':
            realized |= {tuple(((P >= a) & (P <= b)).astype(int)) for a in np.unique(P) for b in np.unique(P) if a <= b}
        else:
            xs, ys = (np.unique(P[:, 0]), np.unique(P[:, 1]))
            for a1, b1 in itertools.combinations_with_replacement(xs, 2):
                for a2, b2 in itertools.combinations_with_replacement(ys, 2):
                    inside = (P[:, 0] >= a1) & (P[:, 0] <= b1) & (P[:, 1] >= a2) & (P[:, 1] <= b2)
                    realized.add(tuple(inside.astype(int)))
        return realized
    rng = np.random.default_rng(2020)
    for hclass, dim in [('thresholds', 1), ('intervals', 1), ('rectangles', 2)]:
        for trial in range(12):
            n = int(rng.integers(1, 7))
            P = rng.integers(0, 4, size=(n, dim)).astype(float)
            P = P[:, 0] if dim == 1 else P
            ok = labelings(P, hclass)
            for lab in itertools.product([0, 1], repeat=n):
                got = as_scalar(realizable(P, np.array(lab), hclass), 'realizable')
                require(got == float(lab in ok), f'{hclass}: points {P.tolist()}, labels {list(lab)}: expected {lab in ok}, got {bool(got)}' + (' (ties: thresholds and boxes are closed, a positive and a negative at the same place cannot be separated)' if dim == 1 or hclass == 'rectangles' else ''))

@test_case(name="test_halfspaces_against_max_margin_lp", points=None, hidden=True)
def test_halfspaces_against_max_margin_lp(realizable):
    """Halfspace labelings of small point sets with collinear triples, repeated points and points exactly on a boundary line."""
    from mlmathkit_checks import guarded as _guarded
    realizable = _guarded(realizable, 'realizable', ('sklearn', 'torch.nn'))
    import itertools
    import numpy as np
    from scipy.optimize import linprog
    from mlmathkit_checks import as_scalar, require

    def oracle(P, y):
        s = 2.0 * y - 1.0
        A = np.column_stack([-s[:, None] * np.column_stack([P, np.ones(len(P))]), np.ones(len(P))])
        res = linprog([0, 0, 0, -1], A_ub=A, b_ub=np.zeros(len(P)), bounds=[(-1, 1)] * 3 + [(None, 1)], method='highs')
        return bool(-res.fun > 1e-09)
    rng = np.random.default_rng(3030)
    for trial in range(14):
        n = int(rng.integers(2, 6))
        P = rng.integers(0, 4, size=(n, 2)).astype(float)
        labs = list(itertools.product([0, 1], repeat=n))
        for lab in [labs[i] for i in rng.choice(len(labs), size=min(len(labs), 6), replace=False)]:
            y = np.array(lab)
            got = as_scalar(realizable(P, y, 'halfspaces'), 'realizable')
            want = oracle(P, y)
            require(got == float(want), f"halfspaces: points {P.tolist()}, labels {list(lab)}: expected {want}, got {bool(got)} (are the LP variables free? linprog's default bounds are z >= 0)")

@test_case(name="test_shattering_edge_and_hard_cases", points=None, hidden=True)
def test_shattering_edge_and_hard_cases(is_shattered):
    """One point, repeated points, collinear and nearly collinear points, tiny and far-away triangles, a point inside a triangle."""
    from mlmathkit_checks import guarded as _guarded
    is_shattered = _guarded(is_shattered, 'is_shattered', ('sklearn', 'torch.nn'))
    import numpy as np
    from mlmathkit_checks import as_scalar, require

    def check(points, hclass, want, what):
        got = as_scalar(is_shattered(np.asarray(points, dtype=float), hclass), 'shattered')
        require(got == float(want), f'{hclass}, {what}: expected shattered = {want}, got {bool(got)}')
    check([5.0], 'intervals', True, 'one point')
    check([1.0, 1.0], 'intervals', False, 'a repeated point')
    check([0.0, 1.0], 'thresholds', False, 'two points')
    check([[0.0, 0.0]], 'rectangles', True, 'one point')
    check([[2.0, 0.0], [0.0, 2.0], [-2.0, 0.0], [0.0, -2.0], [0.0, 0.0]], 'rectangles', False, 'diamond plus its centre')
    check([[2.0, 0.0], [0.0, 2.0], [-2.0, 0.0], [0.5, -2.0]], 'rectangles', True, 'a skewed diamond')
    check([[0.0, 0.0], [1.0, 0.0], [2.0, 0.0], [3.0, 1.0]], 'rectangles', False, 'three points on a horizontal line')
    check([[0.0, 0.0], [1.0, 0.0001], [2.0, 0.0]], 'halfspaces', True, 'a triangle of height 1e-4')
    check([[0.0, 0.0], [1.0, 0.0], [2.0, 0.0]], 'halfspaces', False, 'three collinear points')
    check([[10000.0, 10000.0], [10000.0 + 1, 10000.0], [10000.0, 10000.0 + 1]], 'halfspaces', True, 'a triangle far from the origin')
    check([[0.0, 0.0], [0.001, 0.0], [0.0, 0.001]], 'halfspaces', True, 'a tiny triangle')
    check([[0.0, 0.0], [2.0, 0.0], [1.0, 2.0], [1.0, 0.5]], 'halfspaces', False, 'a triangle and a point inside it')
    check([[0.0, 0.0], [1.0, 0.0]], 'halfspaces', True, 'two points')

@test_case(name="test_float32_points_and_unchanged_inputs", points=None, hidden=True)
def test_float32_points_and_unchanged_inputs(realizable, is_shattered):
    """Points given as float32 arrays, and the caller's points and labels left unchanged."""
    from mlmathkit_checks import guarded as _guarded
    realizable = _guarded(realizable, 'realizable', ('sklearn', 'torch.nn'))
    is_shattered = _guarded(is_shattered, 'is_shattered', ('sklearn', 'torch.nn'))
    import numpy as np
    from mlmathkit_checks import as_scalar, close, require
    cases = [(np.array([2.0, 0.0, 1.0], dtype=np.float32), np.array([1, 0, 1]), 'thresholds', True), (np.array([2.0, 0.0, 1.0], dtype=np.float32), np.array([1, 0, 0]), 'intervals', True), (np.array([2.0, 0.0, 1.0], dtype=np.float32), np.array([1, 1, 0]), 'intervals', False), (np.array([[0, 0], [2, 2], [1, 1]], dtype=np.float32), np.array([1, 1, 0]), 'rectangles', False), (np.array([[0, 0], [2, 0], [1, 1]], dtype=np.float32), np.array([1, 0, 1]), 'halfspaces', True), (np.array([[0, 0], [1, 1], [2, 2]], dtype=np.float32), np.array([1, 0, 1]), 'halfspaces', False)]
    for P, y, hclass, want in cases:
        P0, y0 = (P.copy(), y.copy())
        got = as_scalar(realizable(P, y, hclass), 'realizable')
        require(got == float(want), f'{hclass}, float32 points {P.tolist()}, labels {y.tolist()}: expected {want}, got {bool(got)}')
        close(P, P0, rtol=0, atol=0, name='points after calling realizable', hint="do not modify the caller's arrays")
        close(y, y0, rtol=0, atol=0, name='labels after calling realizable', hint="do not modify the caller's arrays")
    diamond = np.array([[1, 0], [0, 1], [-1, 0], [0, -1]], dtype=np.float32)
    D0 = diamond.copy()
    require(as_scalar(is_shattered(diamond, 'rectangles'), 'shattered') == 1.0, 'rectangles shatter a float32 diamond')
    close(diamond, D0, rtol=0, atol=0, name='points after calling is_shattered', hint="do not modify the caller's array")


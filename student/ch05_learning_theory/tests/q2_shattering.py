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


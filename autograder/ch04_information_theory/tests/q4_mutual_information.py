from otter.test_files import test_case

OK_FORMAT = False

name = "q4_mutual_information"
points = 3.0

@test_case(name="test_worked_example", points=None, hidden=False)
def test_worked_example(mutual_information, rank_features_by_mi):
    from mlmathkit_checks import guarded as _guarded
    mutual_information = _guarded(mutual_information, 'mutual_information', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    rank_features_by_mi = _guarded(rank_features_by_mi, 'rank_features_by_mi', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    from mlmathkit_checks import as_scalar, close, fields
    close(as_scalar(mutual_information(np.array([[10, 0], [0, 10]])), 'MI'), np.log(2.0), name='MI of [[10, 0], [0, 10]]', hint='X determines Y: I = H(Y) = log 2 nats; empty cells contribute 0')
    close(as_scalar(mutual_information(np.array([[5, 5], [5, 5]])), 'MI'), 0.0, atol=1e-12, name='MI of [[5, 5], [5, 5]]')
    close(as_scalar(mutual_information(np.array([[3, 1], [1, 3]])), 'MI'), 0.75 * np.log(1.5) + 0.25 * np.log(0.5), name='MI of [[3, 1], [1, 3]]', hint='divide the counts by their total first; use the natural log')
    y = np.array([0, 0, 1, 1, 0, 0, 1, 1])
    X = np.column_stack([np.zeros(8), y, [0, 0, 1, 1, 0, 0, 1, 0], 10 * y + 3])
    order, scores = fields(rank_features_by_mi(X, y), ['order', 'scores'], 'ranking')
    noisy = 0.5 * np.log(0.5 / (5 / 8 * 0.5)) + 0.125 * np.log(0.125 / (5 / 8 * 0.5)) + 0.375 * np.log(0.375 / (3 / 8 * 0.5))
    close(scores, [0.0, np.log(2.0), noisy, np.log(2.0)], atol=1e-12, name='scores', hint='one mutual information per column of X; category codes are labels, not indices')
    close(order, [1, 3, 2, 0], atol=0.0, name='order', hint='most informative feature first; equal scores keep the smaller index first')

@test_case(name="test_properties", points=None, hidden=False)
def test_properties(mutual_information, rank_features_by_mi):
    from mlmathkit_checks import guarded as _guarded
    mutual_information = _guarded(mutual_information, 'mutual_information', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    rank_features_by_mi = _guarded(rank_features_by_mi, 'rank_features_by_mi', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, require
    rng = np.random.default_rng(4)
    counts = rng.integers(0, 20, size=(4, 3))
    mi = as_scalar(mutual_information(counts), 'MI')
    require(bool(mi >= -1e-12), f'mutual information is non-negative, got {mi:.3g}')
    close(as_scalar(mutual_information(counts.T), 'MI'), mi, name='MI of the transposed table', hint='I(X;Y) = I(Y;X)')
    close(as_scalar(mutual_information(7 * counts), 'MI'), mi, name='MI of the table times 7', hint='only the frequencies n_xy / n matter')
    close(as_scalar(mutual_information(np.vstack([counts, np.zeros(3)])), 'MI'), mi, name='MI after adding an empty row')
    p = counts / counts.sum()
    hx = -np.sum(p.sum(1)[p.sum(1) > 0] * np.log(p.sum(1)[p.sum(1) > 0]))
    require(bool(mi <= hx + 1e-12), 'I(X;Y) <= H(X)')
    X = rng.integers(0, 3, size=(50, 5))
    y = (X[:, 2] + rng.integers(0, 2, size=50)) % 3
    order, scores = fields(rank_features_by_mi(X, y), ['order', 'scores'], 'ranking')
    order, scores = (as_array(order, 'order', shape=(5,)), as_array(scores, 'scores', shape=(5,)))
    require(sorted(order.tolist()) == [0, 1, 2, 3, 4], f'order must be a permutation of the feature indices, got {order}')
    require(bool(np.all(np.diff(scores[order.astype(int)]) <= 1e-12)), 'order must list the features by decreasing score')
    require(int(order[0]) == 2, 'feature 2 generates y here and must rank first')

@test_case(name="test_mi_against_sklearn", points=None, hidden=True)
def test_mi_against_sklearn(mutual_information):
    """Random contingency tables of counts, square and non-square, from 1 x 4 to 10 x 2."""
    from mlmathkit_checks import guarded as _guarded
    mutual_information = _guarded(mutual_information, 'mutual_information', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    from sklearn.metrics import mutual_info_score
    from mlmathkit_checks import as_scalar, close
    rng = np.random.default_rng(4401)
    for A, B in [(2, 2), (2, 5), (4, 3), (6, 6), (10, 2), (1, 4)]:
        for _ in range(3):
            structure = rng.dirichlet(np.full(A * B, 0.4)).reshape(A, B)
            counts = rng.multinomial(rng.integers(5, 500), structure.ravel()).reshape(A, B)
            if counts.sum() == 0:
                counts[0, 0] = 1
            close(as_scalar(mutual_information(counts), 'MI'), mutual_info_score(None, None, contingency=counts), atol=1e-12, name=f'MI of a {A} x {B} table', hint='natural log; empty cells contribute 0; normalise by the total')

@test_case(name="test_mi_edge_cases", points=None, hidden=True)
def test_mi_edge_cases(mutual_information):
    """A permutation table, all counts in one cell, counts around 1e12 and a sparse 30 x 40 table."""
    from mlmathkit_checks import guarded as _guarded
    mutual_information = _guarded(mutual_information, 'mutual_information', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    from scipy.stats import entropy as scipy_entropy
    from sklearn.metrics import mutual_info_score
    from mlmathkit_checks import as_scalar, close
    perm = np.eye(5)[[3, 0, 4, 1, 2]] * 17
    close(as_scalar(mutual_information(perm), 'MI'), np.log(5.0), name='MI of a permutation table (Y determines X)')
    close(as_scalar(mutual_information(np.array([[0, 0, 0], [0, 9, 0]])), 'MI'), 0.0, atol=1e-12, name='MI when all counts are in one cell')
    huge = np.array([[3000000000000.0, 1000000000000.0, 0.0], [1000000000000.0, 5000000000000.0, 2000000000000.0]])
    expected = scipy_entropy(huge.sum(axis=1)) + scipy_entropy(huge.sum(axis=0)) - scipy_entropy(huge.ravel())
    close(as_scalar(mutual_information(huge), 'MI'), expected, atol=1e-12, name='MI of a table with counts around 1e12')
    sparse = np.zeros((30, 40))
    rng = np.random.default_rng(4402)
    sparse[rng.integers(0, 30, 60), rng.integers(0, 40, 60)] += 1
    close(as_scalar(mutual_information(sparse), 'MI'), mutual_info_score(None, None, contingency=sparse), atol=1e-12, name='MI of a sparse 30 x 40 table')

@test_case(name="test_ranking_against_sklearn", points=None, hidden=True)
def test_ranking_against_sklearn(rank_features_by_mi):
    """Features of different strength, a non-monotone feature, pure noise, and negative or float category codes."""
    from mlmathkit_checks import guarded as _guarded
    rank_features_by_mi = _guarded(rank_features_by_mi, 'rank_features_by_mi', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    from sklearn.metrics import mutual_info_score
    from mlmathkit_checks import close, fields
    rng = np.random.default_rng(4403)
    n = 1500
    y = rng.integers(0, 3, size=n)
    flip = lambda f, rate: np.where(rng.random(n) < rate, rng.integers(0, 3, size=n), f)
    middle = (y == 1).astype(float)
    X = np.column_stack([rng.integers(0, 4, size=n), flip(y, 0.6) * 10 - 7, flip(middle, 0.15), flip(y, 0.2), rng.integers(0, 2, size=n) * 2.5, flip(y, 0.4) + 100])
    labels = np.array([-1, 5, 42])[y]
    expected = np.array([mutual_info_score(X[:, j], labels) for j in range(X.shape[1])])
    order, scores = fields(rank_features_by_mi(X, labels), ['order', 'scores'], 'ranking')
    close(scores, expected, atol=1e-10, name='mutual information of each feature with y', hint="map each column's distinct values to 0..k-1 (np.unique) before counting")
    close(order, np.argsort(-expected, kind='stable'), atol=0.0, name='feature order', hint='sort by decreasing mutual information (not by correlation)')

@test_case(name="test_ranking_ties", points=None, hidden=True)
def test_ranking_ties(rank_features_by_mi):
    """Fifty features with many exact ties (identical columns, increasing recodings, constants), which must keep index order."""
    from mlmathkit_checks import guarded as _guarded
    rank_features_by_mi = _guarded(rank_features_by_mi, 'rank_features_by_mi', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    from sklearn.metrics import mutual_info_score
    from mlmathkit_checks import close, fields
    rng = np.random.default_rng(4404)
    n, d = (600, 50)
    y = rng.integers(0, 4, size=n)
    flip = lambda f, rate: np.where(rng.random(n) < rate, rng.integers(0, 4, size=n), f)
    bases = [flip(y, 0.1), flip(y, 0.35), flip(y, 0.6), flip(y, 0.85), rng.integers(0, 3, size=n), np.zeros(n)]
    base_scores = np.array([mutual_info_score(b, y) for b in bases])
    recodings = [lambda v: v, lambda v: 2.5 * v + 7.0, lambda v: v ** 3 - 4.0, lambda v: np.exp(v / 3.0)]
    which = np.concatenate([np.arange(len(bases)), rng.integers(0, len(bases), size=d - len(bases))])
    rng.shuffle(which)
    X = np.column_stack([recodings[rng.integers(0, len(recodings))](bases[w].astype(float)) for w in which])
    expected_scores = base_scores[which]
    expected_order = np.lexsort((np.arange(d), -expected_scores))
    order, scores = fields(rank_features_by_mi(X, y), ['order', 'scores'], 'ranking')
    close(scores, expected_scores, atol=1e-10, name='mutual information of each of the 50 features', hint='an increasing recoding of a column does not change its contingency table')
    close(order, expected_order, atol=0.0, name='feature order with tied scores', hint="ties keep the smaller index first: np.argsort(-scores, kind='stable'), not argsort(scores)[::-1]")

@test_case(name="test_many_categories", points=None, hidden=True)
def test_many_categories(rank_features_by_mi):
    """Features with 12 to 30 categories and a label with 15 classes, coded by unevenly spaced numbers."""
    from mlmathkit_checks import guarded as _guarded
    rank_features_by_mi = _guarded(rank_features_by_mi, 'rank_features_by_mi', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    from sklearn.metrics import mutual_info_score
    from mlmathkit_checks import close, fields
    rng = np.random.default_rng(4405)
    n = 3000
    y = rng.integers(0, 15, size=n)
    label_codes = np.sort(rng.choice(np.arange(-200, 800), size=15, replace=False))
    codes30 = np.sort(np.concatenate([[3.0, 3.5], rng.uniform(-50.0, 900.0, size=28)]))
    codes12 = np.arange(12) * 0.1
    codes25 = np.sort(rng.choice(np.arange(0, 500), size=25, replace=False)).astype(float)
    flip = lambda f, k, rate: np.where(rng.random(n) < rate, rng.integers(0, k, size=n), f)
    X = np.column_stack([codes30[flip((2 * y + rng.integers(0, 2, size=n)) % 30, 30, 0.2)], codes12[rng.integers(0, 12, size=n)], codes25[flip(y + rng.integers(0, 11, size=n), 25, 0.3)], np.array([0.0, 1.0, 2.0, 900.0])[flip(y % 4, 4, 0.1)]])
    labels = label_codes[y]
    expected = np.array([mutual_info_score(X[:, j], labels) for j in range(X.shape[1])])
    order, scores = fields(rank_features_by_mi(X, labels), ['order', 'scores'], 'ranking')
    close(scores, expected, atol=1e-10, name='mutual information of features with many categories', hint='every distinct value is its own category: map values with np.unique, do not bin them')
    close(order, np.argsort(-expected, kind='stable'), atol=0.0, name='feature order')

@test_case(name="test_inputs_unchanged", points=None, hidden=True)
def test_inputs_unchanged(mutual_information, rank_features_by_mi):
    """Your functions leave the caller's table, features and labels unchanged."""
    from mlmathkit_checks import guarded as _guarded
    mutual_information = _guarded(mutual_information, 'mutual_information', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    rank_features_by_mi = _guarded(rank_features_by_mi, 'rank_features_by_mi', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    from mlmathkit_checks import as_scalar, close, fields
    rng = np.random.default_rng(4406)
    counts = rng.integers(0, 9, size=(3, 4)).astype(float)
    counts[0, 0] = 5.0
    counts_copy = counts.copy()
    as_scalar(mutual_information(counts), 'MI')
    close(counts, counts_copy, rtol=0.0, atol=0.0, name='the table of counts after calling mutual_information', hint="counts / counts.sum() makes a new array; counts /= ... overwrites the caller's")
    X = np.array([-3.0, 2.5, 10.0])[rng.integers(0, 3, size=(40, 4))]
    y = np.array([-1, 7])[rng.integers(0, 2, size=40)]
    X_copy, y_copy = (X.copy(), y.copy())
    fields(rank_features_by_mi(X, y), ['order', 'scores'], 'ranking')
    close(X, X_copy, rtol=0.0, atol=0.0, name='the feature matrix X after calling rank_features_by_mi', hint='keep the integer codes in a new array; do not write them back into X')
    close(y, y_copy, rtol=0.0, atol=0.0, name='the labels y after calling rank_features_by_mi')


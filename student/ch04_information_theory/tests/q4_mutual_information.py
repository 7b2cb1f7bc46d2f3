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


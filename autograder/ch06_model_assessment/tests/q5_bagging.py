from otter.test_files import test_case

OK_FORMAT = False

name = "q5_bagging"
points = 4.0

@test_case(name="test_stump_worked_example", points=None, hidden=False)
def test_stump_worked_example(fit_stump):
    """A stump on six unsorted points with a repeated x value, worked out by hand."""
    from mlmathkit_checks import guarded as _guarded
    fit_stump = _guarded(fit_stump, 'fit_stump', ('sklearn',))
    import numpy as np
    from mlmathkit_checks import as_scalar, close, fields
    x = np.array([3.0, 1.0, 2.0, 2.0, 5.0, 4.0])
    y = np.array([4.0, 1.0, 2.0, 1.5, 9.0, 5.5])
    s, left, right = fields(fit_stump(x, y), ['threshold', 'left_value', 'right_value'], 'stump')
    close(as_scalar(s, 'threshold'), 3.5, name='threshold', hint='sort by x (carry y along); thresholds are midpoints between distinct x values')
    close(as_scalar(left, 'left_value'), 2.125, name='left value', hint='the mean of y where x <= threshold')
    close(as_scalar(right, 'right_value'), 7.25, name='right value')
    s, left, right = fields(fit_stump(np.array([2.0, 2.0, 2.0]), np.array([1.0, 4.0, 7.0])), ['threshold', 'left_value', 'right_value'], 'stump')
    close(np.array([as_scalar(s, 'threshold'), as_scalar(left, 'left'), as_scalar(right, 'right')], dtype=float), [2.0, 4.0, 4.0], name='stump of a constant x (threshold, left, right)', hint='no split is possible: both values are mean(y)')

@test_case(name="test_bagging_consistency", points=None, hidden=False)
def test_bagging_consistency(fit_stump, bagged_stumps):
    """Bagged predictions, out-of-bag counts and the OOB error, rebuilt from your stumps and the same draws."""
    from mlmathkit_checks import guarded as _guarded
    fit_stump = _guarded(fit_stump, 'fit_stump', ('sklearn',))
    bagged_stumps = _guarded(bagged_stumps, 'bagged_stumps', ('sklearn',))
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields
    rng = np.random.default_rng(6501)
    x = rng.uniform(-2, 3, size=15)
    y = np.where(x > 0.5, 2.0, -1.0) + 0.4 * rng.normal(size=15)
    x_test = np.array([-1.5, 0.0, 0.7, 2.5])
    ref = np.random.default_rng(8)
    idx = ref.integers(0, 15, size=(7, 15))
    pred, oob_sum, count = (np.zeros(4), np.zeros(15), np.zeros(15))
    for rows in idx:
        s, lv, rv = (float(np.asarray(v).reshape(())) for v in fields(fit_stump(x[rows], y[rows]), ['s', 'l', 'r'], 'stump'))
        pred += np.where(x_test <= s, lv, rv) / 7
        out = ~np.isin(np.arange(15), rows)
        oob_sum[out] += np.where(x[out] <= s, lv, rv)
        count[out] += 1
    oob_pred = np.where(count > 0, oob_sum / np.maximum(count, 1), 0.0)
    rng_call = np.random.default_rng(8)
    p, op, oc, oe = fields(bagged_stumps(x, y, x_test, 7, rng_call), ['pred', 'oob_pred', 'oob_count', 'oob_error'], 'result')
    close(as_array(p, 'pred', shape=(4,)), pred, name='bagged predictions', hint='idx = rng.integers(0, n, size=(B, n)); stump b is fitted to x[idx[b]], y[idx[b]]; average the B predictions')
    close(as_array(oc, 'oob_count', shape=(15,)), count, rtol=0, atol=0, name='out-of-bag counts', hint='oob_count[i] = number of rows of idx that do not contain i')
    close(as_array(op, 'oob_pred', shape=(15,)), oob_pred, name='out-of-bag predictions', hint='average only the stumps whose bootstrap sample left i out; 0 where there are none')
    seen = count > 0
    close(as_scalar(oe, 'oob_error'), float(np.mean((y[seen] - oob_pred[seen]) ** 2)), name='OOB error', hint='mean squared error over the observations that are out of bag at least once')
    close(rng_call.random(), ref.random(), rtol=0, atol=0, name="the generator's next number after your call", hint='draw nothing but the one rng.integers call')

@test_case(name="test_bagging_reduces_variance", points=None, hidden=False)
def test_bagging_reduces_variance(bagging_variance_mc):
    """On a smooth trend, bagged stumps vary much less across training sets than single stumps."""
    from mlmathkit_checks import guarded as _guarded
    bagging_variance_mc = _guarded(bagging_variance_mc, 'bagging_variance_mc', ('sklearn',))
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, require
    rng = np.random.default_rng(6502)
    T, n = (30, 30)
    xs = rng.random((T, n))
    ys = 2 * xs + 0.3 * rng.normal(size=(T, n))
    x_test = np.linspace(0.05, 0.95, 7)
    ps, pb, vs, vb = fields(bagging_variance_mc(xs, ys, x_test, 20, rng), ['pred_single', 'pred_bagged', 'var_single', 'var_bagged'], 'result')
    ps, pb = (as_array(ps, 'pred_single', shape=(T, 7)), as_array(pb, 'pred_bagged', shape=(T, 7)))
    close(as_scalar(vs, 'var_single'), float(np.mean(ps.var(axis=0))), name='var_single vs your pred_single', hint='variance over training sets (axis 0, 1/T), then the mean over test points')
    close(as_scalar(vb, 'var_bagged'), float(np.mean(pb.var(axis=0))), name='var_bagged vs your pred_bagged')
    require(as_scalar(vb, 'var_bagged') < 0.7 * as_scalar(vs, 'var_single'), f'bagging should cut the variance of stumps on a smooth trend substantially: var_bagged = {float(vb):.4g}, var_single = {float(vs):.4g}')

@test_case(name="test_stump_against_decision_tree", points=None, hidden=True)
def test_stump_against_decision_tree(fit_stump):
    """Stumps on random data with repeated, negative and unsorted inputs against a depth-1 decision tree."""
    from mlmathkit_checks import guarded as _guarded
    fit_stump = _guarded(fit_stump, 'fit_stump', ('sklearn',))
    import numpy as np
    from sklearn.tree import DecisionTreeRegressor
    from mlmathkit_checks import as_scalar, close, fields
    rng = np.random.default_rng(6503)
    for trial in range(12):
        n = int(rng.integers(2, 40))
        x = rng.normal(size=n) * 5 - 3 if trial % 2 else rng.integers(-3, 4, size=n).astype(float)
        x = x.astype(np.float32).astype(float)
        y = np.where(x > rng.normal(), 1.5, -0.5) * rng.uniform(0.5, 3) + rng.normal(size=n)
        if np.unique(x).size < 2:
            continue
        tree = DecisionTreeRegressor(max_depth=1).fit(x[:, None], y)
        u = np.unique(x)
        probe = np.concatenate([x, (3 * u[:-1] + u[1:]) / 4, (u[:-1] + 3 * u[1:]) / 4, [x.min() - 1, x.max() + 1]])
        s, lv, rv = (as_scalar(v, k) for v, k in zip(fields(fit_stump(x, y), ['threshold', 'left_value', 'right_value'], 'stump'), ['threshold', 'left_value', 'right_value']))
        close(np.where(probe <= s, lv, rv), tree.predict(probe[:, None]), rtol=1e-09, atol=1e-12, name=f"stump predictions (n={n}, {('continuous' if trial % 2 else 'integer')} x)", hint='split only between DISTINCT x values, at the midpoint; c_L, c_R are the side means')
        close(as_scalar(s, 'threshold'), float(tree.tree_.threshold[0]), rtol=1e-12, atol=1e-12, name=f'threshold (n={n})')

@test_case(name="test_stump_ties_and_edges", points=None, hidden=True)
def test_stump_ties_and_edges(fit_stump):
    """Splits with exactly equal error (the smaller threshold wins), repeated inputs, one or two points, y far from zero."""
    from mlmathkit_checks import guarded as _guarded
    fit_stump = _guarded(fit_stump, 'fit_stump', ('sklearn',))
    import numpy as np
    from mlmathkit_checks import as_scalar, close, fields, require

    def stump(x, y):
        return np.array([as_scalar(v, k) for v, k in zip(fields(fit_stump(x, y), ['s', 'l', 'r'], 'stump'), ['threshold', 'left_value', 'right_value'])])
    x = np.array([7.0, 0.0, 6.0, 1.0, 2.0, 5.0, 3.0, 4.0])
    y = np.array([6.0, 0.0, 6.0, 0.0, 3.0, 3.0, 3.0, 3.0])
    close(stump(x, y), [1.5, 0.0, 4.0], name='tie between thresholds 1.5 and 5.5', hint='equal residual sums: the smallest threshold')
    close(stump(-x, y), [-5.5, 6.0, 2.0], name='the same tie with x negated (thresholds -5.5 and -1.5)')
    close(stump(np.array([1.0, 0.0, 1.0, 2.0, 1.0, 1.0]), np.array([0.0, 0.0, 10.0, 10.0, 10.0, 0.0])), [0.5, 0.0, 6.0], name='repeated x values with different y', hint='a threshold cannot separate equal x values: split only between distinct values')
    close(stump(np.array([4.2]), np.array([-1.3])), [4.2, -1.3, -1.3], name='a single observation')
    result = fit_stump(np.array([3.0, 1.0]), np.array([2.0, 0.0]))
    require(isinstance(result, tuple) and len(result) == 3, f'fit_stump should return a tuple of three numbers, got {type(result).__name__}')
    close(stump(np.array([1.0, 2.0]), np.array([5.0, -5.0])), [1.5, 5.0, -5.0], name='two observations')
    xb = np.arange(10.0)
    yb = 100000000.0 + np.array([0.0, 0.1, 0.0, 0.1, 0.0, 1.0, 1.1, 1.0, 1.1, 1.0])
    close(stump(xb, yb) - [0.0, 100000000.0, 100000000.0], [4.5, 0.04, 1.04], rtol=1e-06, atol=1e-06, name='stump of y around 1e8 (values minus (0, 1e8, 1e8))', hint='centre y (subtract its mean) before forming sums of squares')

@test_case(name="test_bagging_against_bagging_regressor", points=None, hidden=True)
def test_bagging_against_bagging_regressor(bagged_stumps):
    """Bagged stumps and their out-of-bag predictions against scikit-learn's BaggingRegressor on the same bootstrap samples."""
    from mlmathkit_checks import guarded as _guarded
    bagged_stumps = _guarded(bagged_stumps, 'bagged_stumps', ('sklearn',))
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, oracle, require

    def bagging(x, y, x_test, idx):
        import numpy as np
        import sklearn.ensemble._bagging as bagging_module
        from sklearn.ensemble import BaggingRegressor
        from sklearn.tree import DecisionTreeRegressor
        rows, original = ({}, bagging_module._generate_bagging_indices)

        def same_indices(random_state, bootstrap_features, bootstrap_samples, n_features, *args, **kwargs):
            b = rows.setdefault(int(random_state), len(rows))
            return (np.arange(n_features), idx[b])
        bagging_module._generate_bagging_indices = same_indices
        try:
            model = BaggingRegressor(DecisionTreeRegressor(max_depth=1), n_estimators=len(idx), oob_score=True, random_state=0).fit(x[:, None], y)
            pred, oob = (model.predict(x_test[:, None]), model.oob_prediction_)
        finally:
            bagging_module._generate_bagging_indices = original
        assert len(rows) == len(idx)
        count = np.array([sum((i not in set(r.tolist()) for r in idx)) for i in range(len(x))])
        return (pred, oob, count)
    import warnings
    rng = np.random.default_rng(6504)
    for n, m, B in [(20, 9, 25), (35, 5, 60), (12, 6, 10), (50, 11, 40)]:
        x = rng.uniform(-5, 5, size=n).astype(np.float32).astype(float)
        if n == 12:
            x = np.round(x)
        y = np.sin(x) * 2 + rng.normal(size=n) * 0.5
        x_test = rng.uniform(-6, 6, size=m).astype(np.float32).astype(float)
        if n == 12:
            x_test = np.arange(-6.0, 6.01, 0.5)
            m = x_test.size
        seed = n * 31 + B
        idx = np.random.default_rng(seed).integers(0, n, size=(B, n))
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            pred_e, oob_e, count_e = oracle(bagging, x, y, x_test, idx)
        p, op, oc, oe = fields(bagged_stumps(x, y, x_test, B, np.random.default_rng(seed)), ['pred', 'oob_pred', 'oob_count', 'oob_error'], 'result')
        what = f'(n={n}, B={B})'
        close(as_array(p, 'pred', shape=(m,)), pred_e, rtol=1e-09, atol=1e-12, name=f'bagged predictions {what}')
        close(as_array(oc, 'oob_count', shape=(n,)), count_e, rtol=0, atol=0, name=f'out-of-bag counts {what}')
        require(np.asarray(oc).dtype.kind in 'iu', 'oob_count should be an integer array')
        close(as_array(op, 'oob_pred', shape=(n,)), oob_e, rtol=1e-09, atol=1e-12, name=f'out-of-bag predictions {what}')
        seen = count_e > 0
        close(as_scalar(oe, 'oob_error'), float(np.mean((y[seen] - oob_e[seen]) ** 2)), rtol=1e-09, name=f'OOB error {what}')

@test_case(name="test_never_out_of_bag", points=None, hidden=True)
def test_never_out_of_bag(bagged_stumps):
    """Very few bootstrap samples, so that most observations are never out of bag, and a single observation."""
    from mlmathkit_checks import guarded as _guarded
    bagged_stumps = _guarded(bagged_stumps, 'bagged_stumps', ('sklearn',))
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields
    x = np.array([0.5, -1.0, 2.0, 3.5, 1.0, -2.5, 0.0, 4.0])
    y = np.array([1.0, -1.0, 2.5, 3.0, 1.5, -3.0, 0.2, 3.9])
    for B, seed in [(1, 3), (2, 5)]:
        idx = np.random.default_rng(seed).integers(0, 8, size=(B, 8))
        count = np.array([sum((i not in r for r in idx.tolist())) for i in range(8)])
        p, op, oc, oe = fields(bagged_stumps(x, y, np.array([0.3]), B, np.random.default_rng(seed)), ['pred', 'oob_pred', 'oob_count', 'oob_error'], 'result')
        close(as_array(oc, 'oob_count', shape=(8,)), count, rtol=0, atol=0, name=f'out-of-bag counts (B={B})')
        op = as_array(op, 'oob_pred', shape=(8,))
        close(op[count == 0], np.zeros(int((count == 0).sum())), rtol=0, atol=0, name=f'OOB predictions never out of bag (B={B})', hint='an observation that is never out of bag gets OOB prediction 0')
        seen = count > 0
        close(as_scalar(oe, 'oob_error'), float(np.mean((y[seen] - op[seen]) ** 2)), rtol=1e-12, name=f'OOB error (B={B})', hint='average only over observations that are out of bag at least once')
    p, op, oc, oe = fields(bagged_stumps(np.array([1.0]), np.array([2.0]), np.array([0.0, 5.0]), 3, np.random.default_rng(0)), ['pred', 'oob_pred', 'oob_count', 'oob_error'], 'result')
    close(as_array(p, 'pred', shape=(2,)), [2.0, 2.0], name='one observation: every stump predicts it')
    close(as_scalar(oe, 'oob_error'), 0.0, rtol=0, atol=0, name='OOB error with no out-of-bag observation')

@test_case(name="test_variance_mc_against_oracle", points=None, hidden=True)
def test_variance_mc_against_oracle(bagging_variance_mc):
    """Single and bagged predictions over many training sets against scikit-learn fits on the same bootstrap samples."""
    from mlmathkit_checks import guarded as _guarded
    bagging_variance_mc = _guarded(bagging_variance_mc, 'bagging_variance_mc', ('sklearn',))
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, oracle

    def expected(xs, ys, x_test, B, seed):
        import numpy as np
        import sklearn.ensemble._bagging as bagging_module
        from sklearn.ensemble import BaggingRegressor
        from sklearn.tree import DecisionTreeRegressor
        gen = np.random.default_rng(seed)
        single, bagged = ([], [])
        original = bagging_module._generate_bagging_indices
        try:
            for x, y in zip(xs, ys):
                idx = gen.integers(0, len(x), size=(B, len(x)))
                rows = {}

                def same_indices(random_state, bootstrap_features, bootstrap_samples, n_features, *args, **kwargs):
                    return (np.arange(n_features), idx[rows.setdefault(int(random_state), len(rows))])
                bagging_module._generate_bagging_indices = same_indices
                single.append(DecisionTreeRegressor(max_depth=1).fit(x[:, None], y).predict(x_test[:, None]))
                bagged.append(BaggingRegressor(DecisionTreeRegressor(max_depth=1), n_estimators=B, random_state=0).fit(x[:, None], y).predict(x_test[:, None]))
        finally:
            bagging_module._generate_bagging_indices = original
        return (np.array(single), np.array(bagged))
    rng = np.random.default_rng(6505)
    T, n, m, B = (20, 25, 6, 15)
    xs = rng.integers(0, 9, size=(T, n)) / 2.0
    ys = np.floor(xs) + 0.5 * rng.normal(size=(T, n))
    x_test = np.array([0.25, 1.0, 1.75, 2.25, 3.0, 3.75])
    ps_e, pb_e = oracle(expected, xs, ys, x_test, B, 77)
    ps, pb, vs, vb = fields(bagging_variance_mc(xs, ys, x_test, B, np.random.default_rng(77)), ['pred_single', 'pred_bagged', 'var_single', 'var_bagged'], 'result')
    close(as_array(ps, 'pred_single', shape=(T, m)), ps_e, rtol=1e-09, atol=1e-12, name='single-stump predictions')
    close(as_array(pb, 'pred_bagged', shape=(T, m)), pb_e, rtol=1e-09, atol=1e-12, name='bagged predictions', hint='call bagged_stumps for training sets 0, 1, 2, ... in order with the SAME generator')
    close(as_scalar(vs, 'var_single'), float(np.mean(ps_e.var(axis=0))), rtol=1e-09, name='var_single', hint='variance over training sets with 1/T, averaged over test points')
    close(as_scalar(vb, 'var_bagged'), float(np.mean(pb_e.var(axis=0))), rtol=1e-09, name='var_bagged')

@test_case(name="test_inputs_unchanged", points=None, hidden=True)
def test_inputs_unchanged(fit_stump, bagged_stumps, bagging_variance_mc):
    """Your functions leave the arrays they are given unchanged."""
    from mlmathkit_checks import guarded as _guarded
    fit_stump = _guarded(fit_stump, 'fit_stump', ('sklearn',))
    bagged_stumps = _guarded(bagged_stumps, 'bagged_stumps', ('sklearn',))
    bagging_variance_mc = _guarded(bagging_variance_mc, 'bagging_variance_mc', ('sklearn',))
    import numpy as np
    from mlmathkit_checks import close
    rng = np.random.default_rng(6506)
    x, y, xt = (rng.normal(size=12), rng.normal(size=12), rng.normal(size=4))
    x0, y0, xt0 = (x.copy(), y.copy(), xt.copy())
    fit_stump(x, y)
    bagged_stumps(x, y, xt, 5, np.random.default_rng(0))
    close(x, x0, rtol=0, atol=0, name='x after your calls', hint='x.sort() sorts x itself: sort a copy or use argsort')
    close(y, y0, rtol=0, atol=0, name='y after your calls')
    close(xt, xt0, rtol=0, atol=0, name='x_test after bagged_stumps')
    xs, ys = (rng.normal(size=(3, 10)), rng.normal(size=(3, 10)))
    xs0, ys0 = (xs.copy(), ys.copy())
    bagging_variance_mc(xs, ys, xt, 4, np.random.default_rng(1))
    close(xs, xs0, rtol=0, atol=0, name='x_sets after bagging_variance_mc')
    close(ys, ys0, rtol=0, atol=0, name='y_sets after bagging_variance_mc')


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


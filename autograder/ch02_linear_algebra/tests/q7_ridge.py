from otter.test_files import test_case

OK_FORMAT = False

name = "q7_ridge"
points = 3.0

@test_case(name="test_worked_example", points=None, hidden=False)
def test_worked_example(ridge_fit, ridge_path):
    from mlmathkit_checks import guarded as _guarded
    ridge_fit = _guarded(ridge_fit, 'ridge_fit', ('sklearn',))
    ridge_path = _guarded(ridge_path, 'ridge_path', ('sklearn',))
    import numpy as np
    from mlmathkit_checks import as_scalar, close, fields
    X, y = (np.array([[0.0], [1.0], [2.0]]), np.array([1.0, 3.0, 5.0]))
    w, b = fields(ridge_fit(X, y, 2.0), ['w', 'b'], 'ridge fit')
    close(w, [1.0], name='w for lam = 2', hint='w = sum x_c y_c / (sum x_c^2 + lam) with centred x and y')
    close(as_scalar(b, 'b'), 2.0, name='b for lam = 2', hint='the intercept is NOT penalised: b = ybar - xbar w')
    W, bs = fields(ridge_path(X, y, np.array([1e-12, 2.0])), ['W', 'b'], 'ridge path')
    close(W, [[2.0], [1.0]], name='W for lams = (1e-12, 2)', hint='one row per penalty')
    close(bs, [1.0, 2.0], name='intercepts for lams = (1e-12, 2)')

@test_case(name="test_properties", points=None, hidden=False)
def test_properties(ridge_fit, ridge_path):
    from mlmathkit_checks import guarded as _guarded
    ridge_fit = _guarded(ridge_fit, 'ridge_fit', ('sklearn',))
    ridge_path = _guarded(ridge_path, 'ridge_path', ('sklearn',))
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, require
    rng = np.random.default_rng(7)
    X = rng.normal(size=(30, 4)) + 3.0
    y = X @ np.array([1.0, -2.0, 0.5, 0.0]) + 10.0 + rng.normal(size=30)
    w, b = fields(ridge_fit(X, y, 1.0), ['w', 'b'], 'ridge fit')
    w2, b2 = fields(ridge_fit(X, y + 100.0, 1.0), ['w', 'b'], 'ridge fit')
    close(w2, w, name='w after adding 100 to y', hint='shifting y must only shift the (unpenalised) intercept')
    close(as_scalar(b2, 'b') - as_scalar(b, 'b'), 100.0, name='change of b after adding 100 to y')
    w0, b0 = fields(ridge_fit(X, y, 1000000000000.0), ['w', 'b'], 'ridge fit')
    close(w0, np.zeros(4), atol=1e-06, name='w for lam = 1e12', hint='a huge penalty shrinks w to 0 ...')
    close(as_scalar(b0, 'b'), y.mean(), name='b for lam = 1e12', hint='... and the intercept to the mean of y')
    W, bs = fields(ridge_path(X, y, np.array([0.1, 1.0, 10.0, 100.0])), ['W', 'b'], 'ridge path')
    norms = np.linalg.norm(as_array(W, 'W', shape=(4, 4)), axis=1)
    require(bool(np.all(np.diff(norms) < 0)), f'|w(lam)| must decrease as lam grows, got {np.round(norms, 4)}')
    close(as_array(W, 'W')[1], w, name='ridge_path row for lam = 1 compared with ridge_fit')

@test_case(name="test_fit_against_sklearn", points=None, hidden=True)
def test_fit_against_sklearn(ridge_fit):
    """Random designs with shifted, differently scaled features: tall and wide, small and large penalties."""
    from mlmathkit_checks import guarded as _guarded
    ridge_fit = _guarded(ridge_fit, 'ridge_fit', ('sklearn',))
    import numpy as np
    from sklearn.linear_model import Ridge
    from mlmathkit_checks import as_scalar, close, fields
    rng = np.random.default_rng(7001)
    for n, d, lam in [(30, 3, 0.1), (50, 10, 5.0), (10, 20, 1.0), (100, 1, 100.0), (25, 6, 0.001)]:
        X = rng.normal(size=(n, d)) * rng.uniform(0.5, 3.0, size=d) + rng.normal(scale=5.0, size=d)
        y = X @ rng.normal(size=d) + rng.normal(scale=10.0) + rng.normal(size=n)
        model = Ridge(alpha=lam, fit_intercept=True, solver='svd').fit(X, y)
        w, b = fields(ridge_fit(X, y, lam), ['w', 'b'], 'ridge fit')
        tag = f'(n={n}, d={d}, lam={lam:g})'
        close(w, model.coef_, rtol=0.0001, atol=0.0001 * np.abs(model.coef_).max(), name=f'w {tag}', hint='centre X and y, then solve (X_c^T X_c + lam I) w = X_c^T y_c')
        close(as_scalar(b, 'b'), model.intercept_, rtol=0.0001, atol=0.0001 * np.abs(y).max(), name=f'b {tag}', hint='do not penalise the intercept: b = ybar - xbar^T w')

@test_case(name="test_path_against_sklearn", points=None, hidden=True)
def test_path_against_sklearn(ridge_path):
    """Penalties over four orders of magnitude on a tall design and on a wide one (more features than samples)."""
    from mlmathkit_checks import guarded as _guarded
    ridge_path = _guarded(ridge_path, 'ridge_path', ('sklearn',))
    import numpy as np
    from sklearn.linear_model import Ridge
    from mlmathkit_checks import as_array, close, fields
    rng = np.random.default_rng(7002)
    lams = np.logspace(-1, 3, 5)
    for n, d in [(40, 5), (8, 15)]:
        X = rng.normal(size=(n, d)) + rng.normal(scale=3.0, size=d)
        y = X @ rng.normal(size=d) + 4.0 + 0.5 * rng.normal(size=n)
        W, bs = fields(ridge_path(X, y, lams), ['W', 'b'], 'ridge path')
        W, bs = (as_array(W, 'W', shape=(5, d)), as_array(bs, 'b', shape=(5,)))
        for i, lam in enumerate(lams):
            model = Ridge(alpha=lam, fit_intercept=True, solver='svd').fit(X, y)
            tag = f'(n={n}, d={d}, lam={lam:g})'
            close(W[i], model.coef_, rtol=0.0001, atol=0.0001 * np.abs(model.coef_).max(), name=f'w {tag}', hint='filter factors s / (s^2 + lam) applied to U^T y_c, then rotate back with V')
            close(bs[i], model.intercept_, rtol=0.0001, atol=0.0001 * np.abs(y).max(), name=f'b {tag}')

@test_case(name="test_collinear_and_constant_features", points=None, hidden=True)
def test_collinear_and_constant_features(ridge_fit, ridge_path):
    """A duplicated feature together with an exactly constant one."""
    from mlmathkit_checks import guarded as _guarded
    ridge_fit = _guarded(ridge_fit, 'ridge_fit', ('sklearn',))
    ridge_path = _guarded(ridge_path, 'ridge_path', ('sklearn',))
    import numpy as np
    from sklearn.linear_model import Ridge
    from mlmathkit_checks import as_array, as_scalar, close, fields
    rng = np.random.default_rng(7003)
    x = rng.normal(size=20)
    X = np.column_stack([x, x, np.full(20, 3.0), rng.normal(size=20)])
    y = 2.0 * x + X[:, 3] + 1.0 + 0.1 * rng.normal(size=20)
    model = Ridge(alpha=0.5, fit_intercept=True, solver='svd').fit(X, y)
    w, b = fields(ridge_fit(X, y, 0.5), ['w', 'b'], 'ridge fit')
    w = as_array(w, 'w', shape=(4,))
    close(w, model.coef_, rtol=0.0001, atol=1e-06, name='w with a duplicated and a constant feature')
    close(w[0], w[1], atol=1e-06, name='weights of two identical features', hint='by symmetry the penalty splits them equally')
    close(as_scalar(b, 'b'), model.intercept_, rtol=0.0001, name='b with a duplicated and a constant feature')
    W, bs = fields(ridge_path(X, y, np.array([0.5])), ['W', 'b'], 'ridge path')
    close(W, model.coef_[None, :], rtol=0.0001, atol=1e-06, name='ridge_path with a duplicated and a constant feature')

@test_case(name="test_exactly_constant_feature", points=None, hidden=True)
def test_exactly_constant_feature(ridge_fit, ridge_path):
    """An exactly constant feature among independent ones, with penalties in decreasing order, and the caller's arrays left unchanged."""
    from mlmathkit_checks import guarded as _guarded
    ridge_fit = _guarded(ridge_fit, 'ridge_fit', ('sklearn',))
    ridge_path = _guarded(ridge_path, 'ridge_path', ('sklearn',))
    import numpy as np
    from sklearn.linear_model import Ridge
    from mlmathkit_checks import as_array, as_scalar, close, fields
    rng = np.random.default_rng(7004)
    n = 16
    X = np.column_stack([rng.normal(size=n) * 2.0 + 1.0, np.full(n, -2.5), rng.normal(size=n) - 3.0])
    y = X @ np.array([1.5, 0.0, -0.7]) + 2.0 + 0.2 * rng.normal(size=n)
    X0, y0 = (X.copy(), y.copy())
    lams = np.array([10.0, 1.0, 0.1])
    W, bs = fields(ridge_path(X, y, lams), ['W', 'b'], 'ridge path')
    W, bs = (as_array(W, 'W', shape=(3, 3)), as_array(bs, 'b', shape=(3,)))
    close(X, X0, rtol=0, atol=0, name='X after ridge_path', hint='do not modify the inputs (centre copies)')
    close(y, y0, rtol=0, atol=0, name='y after ridge_path', hint='do not modify the inputs (centre copies)')
    for i, lam in enumerate(lams):
        model = Ridge(alpha=lam, fit_intercept=True, solver='svd').fit(X0, y0)
        scale = np.abs(model.coef_).max()
        close(W[i], model.coef_, rtol=0.0001, atol=0.0001 * scale, name=f'ridge_path w with a constant feature (lam={lam:g})', hint='a zero singular value gets filter factor s / (s^2 + lam) = 0: never divide by s')
        close(bs[i], model.intercept_, rtol=0.0001, atol=0.0001 * np.abs(y0).max(), name=f'ridge_path b with a constant feature (lam={lam:g})')
        w, b = fields(ridge_fit(X, y, lam), ['w', 'b'], 'ridge fit')
        close(w, model.coef_, rtol=0.0001, atol=0.0001 * scale, name=f'ridge_fit w with a constant feature (lam={lam:g})')
        close(as_scalar(b, 'b'), model.intercept_, rtol=0.0001, atol=0.0001 * np.abs(y0).max(), name=f'ridge_fit b with a constant feature (lam={lam:g})')
        close(X, X0, rtol=0, atol=0, name='X after ridge_fit', hint='do not modify the inputs (centre copies)')
        close(y, y0, rtol=0, atol=0, name='y after ridge_fit', hint='do not modify the inputs (centre copies)')


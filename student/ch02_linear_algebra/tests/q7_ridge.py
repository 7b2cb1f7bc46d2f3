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


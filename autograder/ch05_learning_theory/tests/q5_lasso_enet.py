from otter.test_files import test_case

OK_FORMAT = False

name = "q5_lasso_enet"
points = 4.0

@test_case(name="test_worked_examples", points=None, hidden=False)
def test_worked_examples(soft_threshold, lasso_alpha_max, elastic_net):
    from mlmathkit_checks import guarded as _guarded
    soft_threshold = _guarded(soft_threshold, 'soft_threshold', ('sklearn', 'torch.nn'))
    lasso_alpha_max = _guarded(lasso_alpha_max, 'lasso_alpha_max', ('sklearn', 'torch.nn'))
    elastic_net = _guarded(elastic_net, 'elastic_net', ('sklearn', 'torch.nn'))
    import numpy as np
    from mlmathkit_checks import as_scalar, close, fields
    close(soft_threshold(np.array([-3.0, -0.5, 0.0, 0.5, 3.0]), 1.0), [-2.0, 0.0, 0.0, 0.0, 2.0], name='S(z, 1)', hint='shrink towards 0 by gamma, keep the sign, and clip at 0')
    X, y = (np.array([[1.0], [-1.0], [1.0], [-1.0]]), np.array([3.0, -1.0, 3.0, -1.0]))
    w, b = fields(elastic_net(X, y, 0.5), ['coef', 'intercept'], 'lasso')
    close(w, [1.5], name='lasso coefficient', hint='the data term is 1/(2n) ||.||^2: divide x^T r by n')
    close(as_scalar(b, 'intercept'), 1.0, name='lasso intercept', hint='b = mean(y) - mean(x)^T w, never penalized')
    w, b = fields(elastic_net(X, y, 0.5, l1_ratio=0.5), ['coef', 'intercept'], 'elastic net')
    close(w, [1.4], name='elastic-net coefficient', hint='denominator a_j + alpha (1 - l1_ratio); threshold alpha l1_ratio')
    close(as_scalar(lasso_alpha_max(X, y), 'alpha_max'), 2.0, name='alpha_max (lasso)')
    close(as_scalar(lasso_alpha_max(X, y, 0.5), 'alpha_max'), 4.0, name='alpha_max (l1_ratio = 0.5)')

@test_case(name="test_kkt_conditions", points=None, hidden=False)
def test_kkt_conditions(lasso_alpha_max, elastic_net):
    from mlmathkit_checks import guarded as _guarded
    lasso_alpha_max = _guarded(lasso_alpha_max, 'lasso_alpha_max', ('sklearn', 'torch.nn'))
    elastic_net = _guarded(elastic_net, 'elastic_net', ('sklearn', 'torch.nn'))
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, require
    rng = np.random.default_rng(55)
    n, d = (40, 6)
    X = rng.normal(size=(n, d)) + rng.normal(size=d)
    y = X @ np.array([2.0, 0.0, -1.0, 0.0, 0.5, 0.0]) + 0.5 * rng.normal(size=n) + 4.0
    for alpha, rho in [(0.1, 1.0), (0.3, 0.5), (0.05, 0.9)]:
        w, b = fields(elastic_net(X, y, alpha, l1_ratio=rho), ['coef', 'intercept'], 'result')
        w, b = (as_array(w, 'coef', shape=(d,)), as_scalar(b, 'intercept'))
        r = y - X @ w - b
        close(r.mean(), 0.0, atol=1e-06, name='mean residual', hint='the intercept is not penalized: the residuals must average to 0')
        g = X.T @ r / n - alpha * (1 - rho) * w
        active = w != 0
        close(g[active], alpha * rho * np.sign(w[active]), rtol=0, atol=1e-06, name=f'gradient on the nonzero coefficients (alpha={alpha}, l1_ratio={rho})', hint='check the 1/n scaling and the factor of each penalty')
        require(bool(np.all(np.abs(g[~active]) <= alpha * rho + 1e-06)), f'a zero coefficient must satisfy |x_j^T r / n| <= alpha l1_ratio (alpha={alpha}, l1_ratio={rho})')
        require(bool(active.sum() < d), 'with these penalties some coefficients must be exactly 0')
    a_max = as_scalar(lasso_alpha_max(X, y), 'alpha_max')
    w, b = fields(elastic_net(X, y, a_max * 1.001), ['coef', 'intercept'], 'lasso')
    close(w, np.zeros(d), atol=0, name='coefficients at alpha = 1.001 alpha_max')
    close(as_scalar(b, 'intercept'), y.mean(), name='intercept at alpha >= alpha_max', hint='only the mean of y is left')
    w, _ = fields(elastic_net(X, y, a_max * 0.99), ['coef', 'intercept'], 'lasso')
    require(bool(np.any(as_array(w, 'coef') != 0)), 'just below alpha_max one coefficient must become nonzero')

@test_case(name="test_random_against_sklearn", points=None, hidden=True)
def test_random_against_sklearn(elastic_net):
    """Random problems with shifted and rescaled columns, correlated features, more features than samples, lasso and elastic net."""
    from mlmathkit_checks import guarded as _guarded
    elastic_net = _guarded(elastic_net, 'elastic_net', ('sklearn', 'torch.nn'))
    import warnings
    import numpy as np
    from sklearn.linear_model import ElasticNet, Lasso
    from mlmathkit_checks import as_scalar, close, fields
    rng = np.random.default_rng(5050)
    cases = [(50, 5, 0.0, 0.05, 1.0), (50, 8, 0.0, 0.3, 0.5), (20, 30, 0.0, 0.1, 1.0), (20, 30, 0.5, 0.1, 0.3), (60, 6, 0.9, 0.02, 0.8), (30, 4, 0.0, 1.0, 0.1), (40, 10, 0.6, 0.01, 1.0)]
    for n, d, corr, alpha, rho in cases:
        C = corr * np.ones((d, d)) + (1 - corr) * np.eye(d)
        X = rng.normal(size=(n, d)) @ np.linalg.cholesky(C).T * rng.uniform(0.2, 5.0, size=d) + rng.normal(scale=3, size=d)
        coef = np.zeros(d)
        coef[rng.choice(d, size=min(d, 4), replace=False)] = rng.normal(scale=2.0, size=min(d, 4))
        y = X @ coef + rng.normal(scale=0.5, size=n) + rng.normal(scale=5)
        model = Lasso(alpha=alpha, tol=1e-12, max_iter=10 ** 6) if rho == 1.0 else ElasticNet(alpha=alpha, l1_ratio=rho, tol=1e-12, max_iter=10 ** 6)
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            model.fit(X, y)
        w, b = fields(elastic_net(X, y, alpha, l1_ratio=rho), ['coef', 'intercept'], 'result')
        tag = f'(n={n}, d={d}, corr={corr}, alpha={alpha}, l1_ratio={rho})'
        scale = max(1.0, np.abs(model.coef_).max())
        close(w, model.coef_, rtol=0, atol=1e-06 * scale, name=f'coefficients {tag}', hint='objective 1/(2n)||y - Xw - b||^2 + alpha rho ||w||_1 + alpha (1 - rho)/2 ||w||^2')
        close(as_scalar(b, 'intercept'), model.intercept_, rtol=1e-06, atol=1e-06 * scale * (1 + np.abs(X.mean(axis=0)).max()), name=f'intercept {tag}', hint='b = mean(y) - mean(X, axis=0) @ w')

@test_case(name="test_alpha_max_against_sklearn_path", points=None, hidden=True)
def test_alpha_max_against_sklearn_path(lasso_alpha_max):
    """Shifted and rescaled features, more features than samples, a single feature, several l1_ratio values, and a feature correlated negatively with y."""
    from mlmathkit_checks import guarded as _guarded
    lasso_alpha_max = _guarded(lasso_alpha_max, 'lasso_alpha_max', ('sklearn', 'torch.nn'))
    import numpy as np
    from sklearn.linear_model import enet_path
    from mlmathkit_checks import as_scalar, close
    rng = np.random.default_rng(5151)
    for n, d, rho in [(30, 5, 1.0), (25, 40, 0.5), (80, 3, 0.2), (10, 1, 1.0)]:
        X = rng.normal(size=(n, d)) * rng.uniform(0.1, 10, size=d) + rng.normal(scale=4, size=d)
        y = rng.normal(size=n) + X[:, 0] + 7.0
        Xc, yc = (X - X.mean(axis=0), y - y.mean())
        expected = enet_path(Xc, yc, l1_ratio=rho, n_alphas=2)[0][0]
        close(as_scalar(lasso_alpha_max(X, y, rho), 'alpha_max'), expected, name=f'alpha_max (n={n}, d={d}, l1_ratio={rho})', hint='center X and y first (the intercept is free), divide by n and by l1_ratio')
    n = 40
    X = rng.normal(size=(n, 3)) + 2.0
    y = -3.0 * X[:, 0] + 0.5 * X[:, 1] + 0.1 * rng.normal(size=n)
    X0, y0 = (X.copy(), y.copy())
    Xc, yc = (X - X.mean(axis=0), y - y.mean())
    expected = enet_path(Xc, yc, l1_ratio=0.7, n_alphas=2)[0][0]
    close(as_scalar(lasso_alpha_max(X, y, 0.7), 'alpha_max'), expected, name='alpha_max with a negatively correlated feature', hint='the KKT condition at w = 0 bounds |x_j^T y_c| / n: take the absolute value')
    close(X, X0, rtol=0, atol=0, name='X after lasso_alpha_max', hint="center a copy: do not modify the caller's X")
    close(y, y0, rtol=0, atol=0, name='y after lasso_alpha_max', hint="do not modify the caller's y")

@test_case(name="test_edge_cases", points=None, hidden=True)
def test_edge_cases(elastic_net):
    """The ridge limit l1_ratio = 0, a duplicated column, a constant column, and the caller's X and y left unchanged."""
    from mlmathkit_checks import guarded as _guarded
    elastic_net = _guarded(elastic_net, 'elastic_net', ('sklearn', 'torch.nn'))
    import warnings
    import numpy as np
    from sklearn.linear_model import ElasticNet, Lasso
    from mlmathkit_checks import as_scalar, close, fields
    rng = np.random.default_rng(5252)
    n, d = (30, 4)
    X = rng.normal(size=(n, d)) + 2.0
    y = X @ rng.normal(size=d) + rng.normal(size=n)
    Xc, yc = (X - X.mean(axis=0), y - y.mean())
    w_ridge = np.linalg.solve(Xc.T @ Xc / n + 0.7 * np.eye(d), Xc.T @ yc / n)
    w, b = fields(elastic_net(X, y, 0.7, l1_ratio=0.0), ['coef', 'intercept'], 'ridge')
    close(w, w_ridge, rtol=0, atol=1e-07, name='coefficients with l1_ratio = 0 (ridge)', hint='with l1_ratio = 0 there is no threshold; the denominator is a_j + alpha')
    Xd = np.column_stack([X, X[:, 1]])
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        ref = ElasticNet(alpha=0.1, l1_ratio=0.5, tol=1e-12, max_iter=10 ** 6).fit(Xd, y)
    w, b = fields(elastic_net(Xd, y, 0.1, l1_ratio=0.5), ['coef', 'intercept'], 'elastic net')
    close(w, ref.coef_, rtol=0, atol=1e-06, name='elastic-net coefficients with a duplicated column')
    close(as_scalar(b, 'intercept'), ref.intercept_, atol=1e-05, name='elastic-net intercept with a duplicated column')
    Xk = np.column_stack([X, np.full(n, 3.0)])
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        ref = Lasso(alpha=0.05, tol=1e-12, max_iter=10 ** 6).fit(Xk, y)
    Xk0, y0 = (Xk.copy(), y.copy())
    w, b = fields(elastic_net(Xk, y, 0.05), ['coef', 'intercept'], 'lasso')
    close(Xk, Xk0, rtol=0, atol=0, name='X after elastic_net', hint="center a copy: do not modify the caller's X")
    close(y, y0, rtol=0, atol=0, name='y after elastic_net', hint="do not modify the caller's y")
    close(w, ref.coef_, rtol=0, atol=1e-06, name='lasso coefficients with a constant column', hint='a constant column is 0 after centering: skip it (coefficient 0) instead of dividing by 0')
    close(as_scalar(b, 'intercept'), ref.intercept_, atol=1e-05, name='lasso intercept with a constant column')

@test_case(name="test_soft_threshold_cases", points=None, hidden=True)
def test_soft_threshold_cases(soft_threshold):
    """A scalar, a 2-D array, exact zeros, values exactly at plus or minus gamma, gamma = 0, huge values and float32; the input is left unchanged."""
    from mlmathkit_checks import guarded as _guarded
    soft_threshold = _guarded(soft_threshold, 'soft_threshold', ('sklearn', 'torch.nn'))
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close

    def oracle(z, gamma):
        return np.array([v - gamma if v > gamma else v + gamma if v < -gamma else 0.0 for v in np.ravel(z)]).reshape(np.shape(z))
    close(as_scalar(soft_threshold(2.5, 1.0), 'S(2.5, 1)'), 1.5, name='S of a scalar')
    close(as_scalar(soft_threshold(-0.25, 1.0), 'S(-0.25, 1)'), 0.0, atol=0, name='S of a small negative scalar')
    rng = np.random.default_rng(5353)
    z = np.array([[0.0, 1.0, -1.0, 0.5, -0.5], [3.0, -3.0, 1e+300, -1e+300, 1e-300], [0.999, -1.001, 2.0, -2.0, 0.0]])
    z0 = z.copy()
    got = as_array(soft_threshold(z, 1.0), 'S(z, 1)', shape=z.shape)
    close(got, oracle(z0, 1.0), rtol=1e-12, atol=0, name='S(z, 1) on a 2-D array with zeros, +-gamma and huge values', hint='sign(z) * max(|z| - gamma, 0), element-wise, keeping the shape of z')
    close(z, z0, rtol=0, atol=0, name='z after calling soft_threshold', hint="return a new array: do not modify the caller's z")
    zg = np.array([0.0, -0.0, 2.0, -3.5, 1e-12])
    close(soft_threshold(zg, 0.0), oracle(zg, 0.0), rtol=0, atol=0, name='S(z, 0) with exact zeros', hint='with gamma = 0 nothing is shrunk; an exact zero stays 0 (no 0/0)')
    z32 = rng.uniform(-5.0, 5.0, size=(4, 6)).astype(np.float32)
    z32_0 = z32.copy()
    close(soft_threshold(z32, 0.75), oracle(z32.astype(np.float64), 0.75), rtol=0.0001, atol=1e-06, name='S(z, 0.75) for float32 z')
    close(z32, z32_0, rtol=0, atol=0, name='float32 z after calling soft_threshold', hint="do not modify the caller's z")


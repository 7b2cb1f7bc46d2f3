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


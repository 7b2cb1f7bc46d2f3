from otter.test_files import test_case

OK_FORMAT = False

name = "q4_optimism"
points = 3.0

@test_case(name="test_worked_example", points=None, hidden=False)
def test_worked_example(optimism_mc):
    """Three replicates of a 4-point nearest-neighbour smoother (not symmetric), computed step by step."""
    from mlmathkit_checks import guarded as _guarded
    optimism_mc = _guarded(optimism_mc, 'optimism_mc', ('sklearn',))
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields
    S = np.array([[0.5, 0.5, 0.0, 0.0], [0.5, 0.5, 0.0, 0.0], [0.0, 0.0, 0.5, 0.5], [0.0, 0.0, 0.5, 0.5]])
    S[1] = [0.0, 0.5, 0.5, 0.0]
    f = np.array([1.0, -0.5, 2.0, 0.3])
    sigma, R = (0.7, 3)
    ref = np.random.default_rng(21)
    z = ref.standard_normal(size=(R, 2, 4))
    err, err_in, fits, ys = ([], [], [], [])
    for r in range(R):
        y, y_new = (f + sigma * z[r, 0], f + sigma * z[r, 1])
        fit = S @ y
        err.append(np.mean((y - fit) ** 2))
        err_in.append(np.mean((y_new - fit) ** 2))
        fits.append(fit)
        ys.append(y)
    fits, ys = (np.array(fits), np.array(ys))
    df_cov = sum((np.cov(fits[:, i], ys[:, i])[0, 1] for i in range(4))) / sigma ** 2
    rng = np.random.default_rng(21)
    e, ei, opt, dfc, th = fields(optimism_mc(S, f, sigma, R, rng), ['err', 'err_in', 'optimism', 'df_cov', 'theory'], 'result')
    close(as_array(e, 'err', shape=(3,)), err, name='training errors', hint='z = rng.standard_normal(size=(R, 2, n)); y = f + sigma z[r, 0]; the fit is S y (S times the column y)')
    close(as_array(ei, 'err_in', shape=(3,)), err_in, name='in-sample errors', hint='the new responses y_new = f + sigma z[r, 1] are scored against the fit made from y')
    close(as_scalar(opt, 'optimism'), np.mean(np.array(err_in) - np.array(err)), name='optimism')
    close(as_scalar(dfc, 'df_cov'), df_cov, name='covariance degrees of freedom', hint='sample covariance over replicates (1/(R-1)) of fit_i and y_i, summed over i, divided by sigma^2')
    close(as_scalar(th, 'theory'), 2 * sigma ** 2 * 2.0 / 4, name='theoretical optimism 2 sigma^2 tr(S) / n')
    close(rng.random(), ref.random(), rtol=0, atol=0, name="the generator's next number after your call", hint='draw nothing but the one rng.standard_normal call')

@test_case(name="test_least_squares_statistically", points=None, hidden=False)
def test_least_squares_statistically(optimism_mc):
    """For least squares with 5 predictors the Monte Carlo optimism matches 2 sigma^2 p / n within its error bars."""
    from mlmathkit_checks import guarded as _guarded
    optimism_mc = _guarded(optimism_mc, 'optimism_mc', ('sklearn',))
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, mean_within, require
    rng = np.random.default_rng(6401)
    n, p, sigma, R = (30, 5, 1.3, 4000)
    X = rng.normal(size=(n, p))
    H = X @ np.linalg.solve(X.T @ X, X.T)
    f = X @ np.array([1.0, -2.0, 0.5, 0.0, 3.0])
    e, ei, opt, dfc, th = fields(optimism_mc(H, f, sigma, R, np.random.default_rng(2)), ['err', 'err_in', 'optimism', 'df_cov', 'theory'], 'result')
    d = as_array(ei, 'err_in', shape=(R,)) - as_array(e, 'err', shape=(R,))
    close(as_scalar(th, 'theory'), 2 * sigma ** 2 * p / n, name='theoretical optimism', hint='2 sigma^2 tr(S) / n with tr(H) = p')
    close(as_scalar(opt, 'optimism'), float(d.mean()), name='optimism vs your err_in - err')
    mean_within(d, 2 * sigma ** 2 * p / n, float(d.std()), name='err_in - err over the replicates')
    require(float(np.mean(as_array(e, 'err'))) < sigma ** 2 < float(np.mean(as_array(ei, 'err_in'))), 'the training error must be below sigma^2 on average and the in-sample error above it')
    close(as_scalar(dfc, 'df_cov'), float(p), rtol=0, atol=4.89 * np.sqrt(2 * p / R), name='covariance df of least squares', hint='sum over i of the covariance of fit_i and y_i across replicates, divided by sigma^2')

@test_case(name="test_against_oracle", points=None, hidden=True)
def test_against_oracle(optimism_mc):
    """Least squares, ridge, nearest-neighbour (asymmetric), identity and zero smoothers on the same draws."""
    from mlmathkit_checks import guarded as _guarded
    optimism_mc = _guarded(optimism_mc, 'optimism_mc', ('sklearn',))
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields
    rng = np.random.default_rng(6402)
    n = 12
    x = np.sort(rng.uniform(0, 1, size=n))
    X = np.column_stack([np.ones(n), x, x ** 2])
    H = X @ np.linalg.pinv(X)
    U, d, _ = np.linalg.svd(X, full_matrices=False)
    ridge = U * (d ** 2 / (d ** 2 + 0.3)) @ U.T
    knn = np.zeros((n, n))
    for i in range(n):
        knn[i, np.argsort(np.abs(x - x[i]), kind='stable')[:3]] = 1 / 3
    for name, S, sigma, R in [('least squares', H, 0.5, 50), ('ridge', ridge, 2.0, 7), ('3-NN', knn, 1.0, 40), ('identity', np.eye(n), 0.3, 10), ('zero', np.zeros((n, n)), 1.5, 9), ('3-NN, R = 2', knn, 0.8, 2)]:
        f = 3 * np.cos(4 * x) - 1
        seed = int(R * 100 + sigma * 10)
        z = np.random.default_rng(seed).standard_normal(size=(R, 2, n))
        err_e, errin_e, dfc = (np.empty(R), np.empty(R), 0.0)
        Y = f + sigma * z[:, 0]
        F = np.array([S @ Y[r] for r in range(R)])
        for r in range(R):
            err_e[r] = np.sum((Y[r] - F[r]) ** 2) / n
            errin_e[r] = np.sum((f + sigma * z[r, 1] - F[r]) ** 2) / n
        for i in range(n):
            dfc += np.cov(F[:, i], Y[:, i])[0, 1] / sigma ** 2
        e, ei, opt, dfcov, th = fields(optimism_mc(S, f, sigma, R, np.random.default_rng(seed)), ['err', 'err_in', 'optimism', 'df_cov', 'theory'], 'result')
        close(as_array(e, 'err', shape=(R,)), err_e, name=f'training errors ({name})', hint='fit = S y for each replicate; a nearest-neighbour smoother is not symmetric')
        close(as_array(ei, 'err_in', shape=(R,)), errin_e, name=f'in-sample errors ({name})')
        close(as_scalar(opt, 'optimism'), float(np.mean(errin_e - err_e)), name=f'optimism ({name})')
        close(as_scalar(dfcov, 'df_cov'), dfc, atol=1e-09, name=f'covariance df ({name})', hint='sample covariances over replicates with 1/(R - 1), divided by sigma^2')
        close(as_scalar(th, 'theory'), 2 * sigma ** 2 * np.trace(S) / n, name=f'theoretical optimism ({name})')

@test_case(name="test_theory_statistically", points=None, hidden=True)
def test_theory_statistically(optimism_mc):
    """Monte Carlo optimism and covariance df match the theory for several smoothers, within their error bars."""
    from mlmathkit_checks import guarded as _guarded
    optimism_mc = _guarded(optimism_mc, 'optimism_mc', ('sklearn',))
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, mean_within
    rng = np.random.default_rng(6403)
    n, R = (25, 3000)
    x = np.sort(rng.uniform(-1, 1, size=n))
    knn = np.zeros((n, n))
    for i in range(n):
        knn[i, np.argsort(np.abs(x - x[i]), kind='stable')[:4]] = 0.25
    B = np.column_stack([x ** k for k in range(8)])
    U, d, _ = np.linalg.svd(B, full_matrices=False)
    for name, S, sigma in [('4-NN', knn, 0.9), ('degree-7 polynomial', U @ U.T, 2.0), ('ridge', U * (d ** 2 / (d ** 2 + 0.05)) @ U.T, 0.4)]:
        f = np.exp(x) * 3
        e, ei, dfc, th = fields(optimism_mc(S, f, sigma, R, rng), ['err', 'err_in', 'df_cov', 'theory'], 'result')
        diff = as_array(ei, 'err_in', shape=(R,)) - as_array(e, 'err', shape=(R,))
        mean_within(diff, 2 * sigma ** 2 * np.trace(S) / n, float(diff.std()), name=f'err_in - err ({name})')
        A = (S + S.T) / 2
        close(as_scalar(dfc, 'df_cov'), np.trace(S), rtol=0, atol=4.89 * np.sqrt(2 * np.trace(A @ A) / R), name=f'covariance df ({name}) vs tr(S)')
        close(as_scalar(th, 'theory'), 2 * sigma ** 2 * np.trace(S) / n, name=f'theory ({name})')

@test_case(name="test_inputs_unchanged", points=None, hidden=True)
def test_inputs_unchanged(optimism_mc):
    """Your function leaves the arrays it is given unchanged."""
    from mlmathkit_checks import guarded as _guarded
    optimism_mc = _guarded(optimism_mc, 'optimism_mc', ('sklearn',))
    import numpy as np
    from mlmathkit_checks import close
    rng = np.random.default_rng(6404)
    S, f = (rng.random((6, 6)) / 6, rng.normal(size=6))
    S0, f0 = (S.copy(), f.copy())
    optimism_mc(S, f, 1.0, 20, np.random.default_rng(1))
    close(S, S0, rtol=0, atol=0, name='S after optimism_mc')
    close(f, f0, rtol=0, atol=0, name='f after optimism_mc', hint='build y = f + noise as a new array; f += ... changes f')


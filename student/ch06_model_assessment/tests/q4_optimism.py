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


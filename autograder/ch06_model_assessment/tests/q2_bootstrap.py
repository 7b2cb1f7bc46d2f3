from otter.test_files import test_case

OK_FORMAT = False

name = "q2_bootstrap"
points = 4.0

@test_case(name="test_worked_example", points=None, hidden=False)
def test_worked_example(bootstrap_se_ci):
    """Six bootstrap medians of five numbers, drawn exactly as the docstring says."""
    from mlmathkit_checks import guarded as _guarded
    bootstrap_se_ci = _guarded(bootstrap_se_ci, 'bootstrap_se_ci', ('scipy.stats.bootstrap', 'sklearn'))
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields
    x = np.array([2.0, 5.0, 3.0, 10.0, 4.0])
    ref = np.random.default_rng(11)
    idx = ref.integers(0, 5, size=(6, 5))
    reps = np.median(x[idx], axis=1)
    rng = np.random.default_rng(11)
    r, se, ci = fields(bootstrap_se_ci(x, 'sample_median', 6, 0.2, rng), ['replicates', 'se', 'ci'], 'result')
    close(as_array(r, 'replicates', shape=(6,)), reps, name='replicates', hint='draw idx = rng.integers(0, n, size=(B, n)) in ONE call and resample with replacement, one row per replicate')
    close(as_scalar(se, 'se'), float(np.std(reps, ddof=1)), name='standard error', hint='the standard deviation of the replicates, with 1/(B - 1); not divided by sqrt(B)')
    close(as_array(ci, 'ci', shape=(2,)), np.quantile(reps, [0.1, 0.9]), name='80% percentile interval', hint="quantiles alpha/2 and 1 - alpha/2 of the replicates, numpy's default (linear) interpolation")
    close(rng.random(), ref.random(), rtol=0, atol=0, name="the generator's next number after your call", hint='draw nothing but the one rng.integers call')

@test_case(name="test_mean_closed_form", points=None, hidden=False)
def test_mean_closed_form(bootstrap_se_ci):
    """The bootstrap standard error of a mean approaches the plug-in formula sigma_hat / sqrt(n)."""
    from mlmathkit_checks import guarded as _guarded
    bootstrap_se_ci = _guarded(bootstrap_se_ci, 'bootstrap_se_ci', ('scipy.stats.bootstrap', 'sklearn'))
    import math
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, require
    x = np.array([3.1, -0.4, 7.9, 2.2, 5.5, 0.3, 11.8, 4.4, 1.0, 6.2, -2.7, 3.9])
    n, B = (x.size, 4000)
    sigma_hat = float(np.sqrt(np.mean((x - x.mean()) ** 2)))
    kurt = float(np.mean((x - x.mean()) ** 4) / sigma_hat ** 4 - 3) / n
    rel = 4.89 / 2 * math.sqrt(2 / (B - 1) + abs(kurt) / B)
    r, se, ci = fields(bootstrap_se_ci(x, 'sample_mean', B, 0.05, np.random.default_rng(1)), ['replicates', 'se', 'ci'], 'result')
    r = as_array(r, 'replicates', shape=(B,))
    close(as_scalar(se, 'se'), sigma_hat / math.sqrt(n), rtol=rel, atol=0, name='bootstrap se of the mean vs sigma_hat/sqrt(n)', hint='resample the data WITH replacement, n draws per sample; se is the spread of the replicates, not of the data')
    lo, hi = as_array(ci, 'ci', shape=(2,))
    require(lo < x.mean() < hi, f'the 95% interval [{lo:.4g}, {hi:.4g}] should contain the sample mean {x.mean():.4g}')
    close(np.mean(r > hi) + np.mean(r < lo), 0.05, rtol=0, atol=2.0 / B, name='fraction of replicates outside the interval', hint='the interval cuts alpha/2 of the replicates on each side')

@test_case(name="test_632_worked_example", points=None, hidden=False)
def test_632_worked_example(bootstrap_632):
    """The .632 estimate for a straight-line fit, computed step by step from the same draws."""
    from mlmathkit_checks import guarded as _guarded
    bootstrap_632 = _guarded(bootstrap_632, 'bootstrap_632', ('scipy.stats.bootstrap', 'sklearn'))
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, require
    x = np.array([0.0, 1.0, 2.5, 3.0, 4.5, 5.0, 7.0, 8.0])
    y = np.array([1.2, 1.9, 4.1, 3.6, 6.8, 6.1, 9.9, 9.0])
    ref = np.random.default_rng(5)
    idx = ref.integers(0, 8, size=(4, 8))
    slope, icept = np.polyfit(x, y, 1)
    err_train = np.mean((y - icept - slope * x) ** 2)
    losses = [[] for _ in range(8)]
    for rows in idx:
        s_b, i_b = np.polyfit(x[rows], y[rows], 1)
        for i in sorted(set(range(8)) - set(rows.tolist())):
            losses[i].append((y[i] - i_b - s_b * x[i]) ** 2)
    err1 = np.mean([np.mean(v) for v in losses if v])
    rng = np.random.default_rng(5)
    tr, b1, e632, n_oob = fields(bootstrap_632(x[:, None], y, 4, rng), ['err_train', 'err_boot1', 'err_632', 'n_oob'], 'result')
    close(as_scalar(tr, 'err_train'), err_train, name='training error', hint='mean squared residual of the least-squares line WITH intercept, fitted on all the data')
    close(as_array(n_oob, 'n_oob', shape=(8,)), [len(v) for v in losses], rtol=0, atol=0, name='out-of-bag counts', hint='n_oob[i] = number of bootstrap samples (rows of idx) that do not contain i')
    require(np.asarray(n_oob).dtype.kind in 'iu', 'n_oob should be an integer array')
    close(as_scalar(b1, 'err_boot1'), err1, name='leave-one-out bootstrap error', hint='evaluate each bootstrap fit only on the observations it did not see; average per observation first')
    close(as_scalar(e632, 'err_632'), 0.368 * err_train + 0.632 * err1, name='.632 estimate', hint='0.368 * training error + 0.632 * leave-one-out bootstrap error')
    close(rng.random(), ref.random(), rtol=0, atol=0, name="the generator's next number after your call", hint='draw nothing but the one rng.integers call')

@test_case(name="test_against_scipy_bootstrap", points=None, hidden=True)
def test_against_scipy_bootstrap(bootstrap_se_ci):
    """Mean, median and standard deviation of random samples against scipy.stats.bootstrap fed the same generator."""
    from mlmathkit_checks import guarded as _guarded
    bootstrap_se_ci = _guarded(bootstrap_se_ci, 'bootstrap_se_ci', ('scipy.stats.bootstrap', 'sklearn'))
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, oracle

    def scipy_boot(x, name, B, alpha, seed):
        import numpy as np
        from scipy.stats import bootstrap
        import mlmathkit_fixtures as fx
        res = bootstrap((x,), fx.lookup(name), n_resamples=B, vectorized=True, method='percentile', confidence_level=1 - alpha, rng=np.random.default_rng(seed))
        return (res.bootstrap_distribution, float(res.standard_error), np.array(res.confidence_interval))
    rng = np.random.default_rng(6201)
    for trial, name in enumerate(['sample_mean', 'sample_median', 'sample_std'] * 3):
        n, B = (int(rng.integers(2, 60)), int(rng.integers(2, 600)))
        alpha = float(rng.choice([0.01, 0.05, 0.1, 0.32]))
        x = rng.standard_t(3, size=n) * rng.uniform(0.1, 10) + rng.uniform(-50, 50)
        if trial % 3 == 2:
            x = np.round(x)
        seed = 1000 + trial
        reps, se_exp, ci_exp = oracle(scipy_boot, x, name, B, alpha, seed)
        gen = np.random.default_rng(seed)
        r, se, ci = fields(bootstrap_se_ci(x, name, B, alpha, gen), ['replicates', 'se', 'ci'], 'result')
        what = f'({name}, n={n}, B={B}, alpha={alpha})'
        close(as_array(r, 'replicates', shape=(B,)), reps, rtol=1e-09, atol=1e-12 * np.abs(x).max(), name=f'replicates {what}', hint='idx = rng.integers(0, n, size=(B, n)); replicate b is the statistic of x[idx[b]]')
        close(as_scalar(se, 'se'), se_exp, rtol=1e-08, atol=1e-12, name=f'standard error {what}')
        close(as_array(ci, 'ci', shape=(2,)), ci_exp, rtol=1e-09, atol=1e-12 * np.abs(x).max(), name=f'percentile interval {what}', hint='np.quantile(replicates, [alpha/2, 1 - alpha/2])')

@test_case(name="test_single_value_and_ties", points=None, hidden=True)
def test_single_value_and_ties(bootstrap_se_ci):
    """A sample of one value, samples with many repeated values (the median's replicates tie), and only two replicates."""
    from mlmathkit_checks import guarded as _guarded
    bootstrap_se_ci = _guarded(bootstrap_se_ci, 'bootstrap_se_ci', ('scipy.stats.bootstrap', 'sklearn'))
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, require
    r, se, ci = fields(bootstrap_se_ci(np.array([3.5]), 'sample_median', 10, 0.1, np.random.default_rng(2)), ['replicates', 'se', 'ci'], 'result')
    close(as_array(r, 'replicates', shape=(10,)), np.full(10, 3.5), rtol=0, atol=0, name='replicates of a single value')
    close(as_scalar(se, 'se'), 0.0, rtol=0, atol=0, name='standard error of a single value')
    close(as_array(ci, 'ci', shape=(2,)), [3.5, 3.5], rtol=0, atol=0, name='interval of a single value')
    x = np.array([1.0, 1.0, 1.0, 2.0, 2.0, 9.0, 1.0])
    idx = np.random.default_rng(3).integers(0, 7, size=(25, 7))
    reps = np.median(x[idx], axis=1)
    r, se, ci = fields(bootstrap_se_ci(x, 'sample_median', 25, 0.3, np.random.default_rng(3)), ['replicates', 'se', 'ci'], 'result')
    close(as_array(r, 'replicates', shape=(25,)), reps, rtol=0, atol=1e-12, name='medians of samples with ties')
    close(as_scalar(se, 'se'), float(np.std(reps, ddof=1)), rtol=1e-10, atol=1e-12, name='standard error with ties')
    close(as_array(ci, 'ci', shape=(2,)), np.quantile(reps, [0.15, 0.85]), rtol=1e-12, atol=1e-12, name='interval with ties')
    x2 = np.array([4.0, -1.0, 2.5])
    idx = np.random.default_rng(12).integers(0, 3, size=(2, 3))
    reps = x2[idx].mean(axis=1)
    r, se, ci = fields(bootstrap_se_ci(x2, 'sample_mean', 2, 0.5, np.random.default_rng(12)), ['replicates', 'se', 'ci'], 'result')
    close(as_array(r, 'replicates', shape=(2,)), reps, rtol=1e-12, name='two replicates (B = 2)')
    close(as_scalar(se, 'se'), abs(reps[1] - reps[0]) / np.sqrt(2), rtol=1e-10, atol=1e-12, name='standard error with B = 2', hint='with B = 2 the 1/(B - 1) standard deviation is |difference| / sqrt(2)')
    require(np.ndim(se) == 0, 'se should be a single number')

@test_case(name="test_data_far_from_zero", points=None, hidden=True)
def test_data_far_from_zero(bootstrap_se_ci):
    """Data far from zero with a tiny spread: the standard error must keep its digits."""
    from mlmathkit_checks import guarded as _guarded
    bootstrap_se_ci = _guarded(bootstrap_se_ci, 'bootstrap_se_ci', ('scipy.stats.bootstrap', 'sklearn'))
    import numpy as np
    from scipy.stats import bootstrap
    import mlmathkit_fixtures as fx
    from mlmathkit_checks import as_array, as_scalar, close, fields
    x = 1000000.0 + 0.01 * np.random.default_rng(6203).normal(size=30)
    for name in ('sample_mean', 'sample_std'):
        res = bootstrap((x,), fx.lookup(name), n_resamples=500, vectorized=True, method='percentile', confidence_level=0.9, rng=np.random.default_rng(9))
        r, se, ci = fields(bootstrap_se_ci(x, name, 500, 0.1, np.random.default_rng(9)), ['replicates', 'se', 'ci'], 'result')
        close(as_scalar(se, 'se'), float(res.standard_error), rtol=1e-05, atol=0, name=f'standard error of the {name[7:]}', hint='compute in float64: in float32, 1e6 + 0.01 z rounds to a multiple of 0.0625')
        close(as_array(ci, 'ci', shape=(2,)) - 1000000.0, np.array(res.confidence_interval) - 1000000.0, rtol=0, atol=2e-09, name=f'interval of the {name[7:]} (minus 1e6)', hint="np.quantile's default linear interpolation between replicates")

@test_case(name="test_mean_se_random_samples", points=None, hidden=True)
def test_mean_se_random_samples(bootstrap_se_ci):
    """The bootstrap standard error of the mean of random samples against the plug-in formula, statistically."""
    from mlmathkit_checks import guarded as _guarded
    bootstrap_se_ci = _guarded(bootstrap_se_ci, 'bootstrap_se_ci', ('scipy.stats.bootstrap', 'sklearn'))
    import math
    import numpy as np
    from mlmathkit_checks import as_scalar, close, fields
    rng = np.random.default_rng(6204)
    for n in (5, 17, 80):
        x = rng.gamma(2.0, 3.0, size=n)
        B = 3000
        sigma_hat = float(np.sqrt(np.mean((x - x.mean()) ** 2)))
        kurt = float(np.mean((x - x.mean()) ** 4) / sigma_hat ** 4 - 3) / n
        rel = 4.89 / 2 * math.sqrt(2 / (B - 1) + abs(kurt) / B)
        se, = fields(bootstrap_se_ci(x, 'sample_mean', B, 0.1, np.random.default_rng(n)), ['se'], 'result')
        close(as_scalar(se, 'se'), sigma_hat / math.sqrt(n), rtol=rel, atol=0, name=f'se of the mean (n={n})', hint='the plug-in variance divides by n: bootstrap se of the mean -> sqrt(mean((x - xbar)^2) / n)')

@test_case(name="test_632_against_sklearn", points=None, hidden=True)
def test_632_against_sklearn(bootstrap_632):
    """The .632 estimate for random regressions against scikit-learn fits on the same bootstrap samples."""
    from mlmathkit_checks import guarded as _guarded
    bootstrap_632 = _guarded(bootstrap_632, 'bootstrap_632', ('scipy.stats.bootstrap', 'sklearn'))
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, oracle

    def expected(X, y, B, seed):
        import numpy as np
        from sklearn.linear_model import LinearRegression
        n = len(y)
        idx = np.random.default_rng(seed).integers(0, n, size=(B, n))
        pred = LinearRegression().fit(X, y).predict(X)
        err_train = np.mean((y - pred) ** 2)
        total, count = (np.zeros(n), np.zeros(n))
        for rows in idx:
            out = np.setdiff1d(np.arange(n), rows)
            if out.size:
                total[out] += (y[out] - LinearRegression().fit(X[rows], y[rows]).predict(X[out])) ** 2
                count[out] += 1
        err1 = np.mean(total[count > 0] / count[count > 0])
        return (err_train, err1, 0.368 * err_train + 0.632 * err1, count)
    rng = np.random.default_rng(6205)
    for n, p, B in [(35, 2, 40), (30, 1, 50), (40, 3, 100), (25, 4, 30), (60, 2, 200)]:
        X = rng.normal(size=(n, p)) * rng.uniform(0.5, 5, size=p) + rng.uniform(-10, 10, size=p)
        if n == 35:
            X = 10000.0 + 0.5 * rng.normal(size=(n, p))
        y = X @ rng.normal(size=p) + 3.0 + rng.normal(size=n) * rng.uniform(0.2, 2)
        seed = 7 * n + p
        tr_e, b1_e, e_e, cnt = oracle(expected, X, y, B, seed)
        tr, b1, e632, n_oob = fields(bootstrap_632(X, y, B, np.random.default_rng(seed)), ['err_train', 'err_boot1', 'err_632', 'n_oob'], 'result')
        what = f'(n={n}, p={p}, B={B})'
        close(as_scalar(tr, 'err_train'), tr_e, rtol=1e-06, name=f'training error {what}')
        close(as_array(n_oob, 'n_oob', shape=(n,)), cnt, rtol=0, atol=0, name=f'out-of-bag counts {what}')
        close(as_scalar(b1, 'err_boot1'), b1_e, rtol=1e-06, name=f'leave-one-out bootstrap error {what}', hint='per observation: the mean loss over the fits that did not see it; then the mean over observations')
        close(as_scalar(e632, 'err_632'), e_e, rtol=1e-06, name=f'.632 estimate {what}')

@test_case(name="test_632_few_replicates", points=None, hidden=True)
def test_632_few_replicates(bootstrap_632):
    """Few bootstrap samples (observations never out of bag are left out), and rank-deficient bootstrap samples."""
    from mlmathkit_checks import guarded as _guarded
    bootstrap_632 = _guarded(bootstrap_632, 'bootstrap_632', ('scipy.stats.bootstrap', 'sklearn'))
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, require
    rng = np.random.default_rng(6206)
    X = rng.normal(size=(12, 2))
    y = X @ np.array([1.5, -2.0]) + 0.5 + 0.3 * rng.normal(size=12)
    A = np.column_stack([np.ones(12), X])
    for B, seed in [(1, 4), (2, 8), (3, 15)]:
        idx = np.random.default_rng(seed).integers(0, 12, size=(B, 12))
        require(all((np.unique(r).size >= 3 for r in idx)), 'test data check')
        total, count = (np.zeros(12), np.zeros(12, dtype=int))
        for rows in idx:
            c = np.linalg.pinv(A[rows]) @ y[rows]
            out = ~np.isin(np.arange(12), rows)
            total[out] += (y[out] - A[out] @ c) ** 2
            count[out] += 1
        err1 = np.mean(total[count > 0] / count[count > 0])
        b1, n_oob = fields(bootstrap_632(X, y, B, np.random.default_rng(seed)), ['err_boot1', 'n_oob'], 'result')
        close(as_array(n_oob, 'n_oob', shape=(12,)), count, rtol=0, atol=0, name=f'out-of-bag counts (B={B})')
        close(as_scalar(b1, 'err_boot1'), err1, rtol=1e-06, name=f'leave-one-out bootstrap error (B={B})', hint='observations that are never out of bag are left out of the average, not counted as zero loss')
    X4 = np.array([[0.0, 1.0], [1.0, -1.0], [2.0, 0.5], [3.0, 2.0]])
    y4 = np.array([1.0, -0.5, 2.0, 3.5])
    A4 = np.column_stack([np.ones(4), X4])
    idx = np.random.default_rng(44).integers(0, 4, size=(10, 4))
    require(any((np.unique(r).size < 3 for r in idx)), 'test data check')
    total, count = (np.zeros(4), np.zeros(4, dtype=int))
    for rows in idx:
        c = np.linalg.pinv(A4[rows]) @ y4[rows]
        out = ~np.isin(np.arange(4), rows)
        total[out] += (y4[out] - A4[out] @ c) ** 2
        count[out] += 1
    b1, n_oob = fields(bootstrap_632(X4, y4, 10, np.random.default_rng(44)), ['err_boot1', 'n_oob'], 'result')
    require(np.asarray(n_oob).dtype.kind in 'iu', 'n_oob should be an integer array')
    close(as_scalar(b1, 'err_boot1'), float(np.mean(total[count > 0] / count[count > 0])), rtol=1e-06, name='leave-one-out bootstrap error with rank-deficient bootstrap samples', hint='np.linalg.lstsq returns the minimum-norm coefficients when a bootstrap sample has too few distinct rows')

@test_case(name="test_inputs_unchanged", points=None, hidden=True)
def test_inputs_unchanged(bootstrap_se_ci, bootstrap_632):
    """Your functions leave the arrays they are given unchanged."""
    from mlmathkit_checks import guarded as _guarded
    bootstrap_se_ci = _guarded(bootstrap_se_ci, 'bootstrap_se_ci', ('scipy.stats.bootstrap', 'sklearn'))
    bootstrap_632 = _guarded(bootstrap_632, 'bootstrap_632', ('scipy.stats.bootstrap', 'sklearn'))
    import numpy as np
    from mlmathkit_checks import close
    rng = np.random.default_rng(6207)
    x = rng.normal(size=15)
    x0 = x.copy()
    bootstrap_se_ci(x, 'sample_median', 50, 0.1, np.random.default_rng(0))
    close(x, x0, rtol=0, atol=0, name='x after bootstrap_se_ci', hint='np.sort(x) sorts a copy; x.sort() sorts x itself')
    X, y = (rng.normal(size=(20, 2)), rng.normal(size=20))
    X0, y0 = (X.copy(), y.copy())
    bootstrap_632(X, y, 20, np.random.default_rng(0))
    close(X, X0, rtol=0, atol=0, name='X after bootstrap_632')
    close(y, y0, rtol=0, atol=0, name='y after bootstrap_632')


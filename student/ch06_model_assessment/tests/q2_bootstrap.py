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


from otter.test_files import test_case

OK_FORMAT = False

name = "q6_gibbs"
points = 4.0

@test_case(name="test_worked_example", points=None, hidden=False)
def test_worked_example(gibbs_bivariate_normal, autocorrelation, effective_sample_size):
    """Three Gibbs sweeps from a given start, and the autocorrelations of a 4-point series by hand."""
    from mlmathkit_checks import guarded as _guarded
    gibbs_bivariate_normal = _guarded(gibbs_bivariate_normal, 'gibbs_bivariate_normal', ('scipy.stats.multivariate_normal', 'sklearn', 'statsmodels'))
    autocorrelation = _guarded(autocorrelation, 'autocorrelation', ('scipy.stats.multivariate_normal', 'sklearn', 'statsmodels'))
    effective_sample_size = _guarded(effective_sample_size, 'effective_sample_size', ('scipy.stats.multivariate_normal', 'sklearn', 'statsmodels'))
    import math
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close
    mean, std, rho = (np.array([1.0, -2.0]), np.array([2.0, 0.5]), 0.6)
    ref = np.random.default_rng(31)
    z = ref.standard_normal(size=(3, 2))
    rows, x2 = ([], 3.0)
    for t in range(3):
        x1 = 1.0 + 0.6 * 2.0 / 0.5 * (x2 + 2.0) + 2.0 * 0.8 * z[t, 0]
        x2 = -2.0 + 0.6 * 0.5 / 2.0 * (x1 - 1.0) + 0.5 * 0.8 * z[t, 1]
        rows.append([x1, x2])
    rng = np.random.default_rng(31)
    close(as_array(gibbs_bivariate_normal(mean, std, rho, np.array([0.0, 3.0]), 3, rng), 'samples', shape=(3, 2)), rows, name='three Gibbs sweeps', hint='conditional mean mu1 + rho s1/s2 (x2 - mu2), conditional sd s1 sqrt(1 - rho^2); update x1 first, then x2 from the NEW x1')
    close(rng.random(), ref.random(), rtol=0, atol=0, name="the generator's next number after your call", hint='draw nothing but z = rng.standard_normal(size=(n_iter, 2))')
    x = np.array([1.0, 3.0, 2.0, 5.0])
    close(as_array(autocorrelation(x, 3), 'r', shape=(4,)), [1.0, -2.3125 / 8.75, 1.875 / 8.75, -3.9375 / 8.75], name='autocorrelations of (1, 3, 2, 5)', hint='centre with the mean of the whole series; divide every lag by the same lag-0 sum')
    close(as_scalar(effective_sample_size(x, 2), 'ESS'), 4 / 0.9, name='ESS of (1, 3, 2, 5) with max_lag 2')
    close(as_scalar(effective_sample_size(x, 0), 'ESS'), 4.0, name='ESS with max_lag 0 (no correction)')

@test_case(name="test_long_chain_statistically", points=None, hidden=False)
def test_long_chain_statistically(gibbs_bivariate_normal, autocorrelation):
    """A long chain has the target's means and variances and lag-1 autocorrelation rho^2, within error bars."""
    from mlmathkit_checks import guarded as _guarded
    gibbs_bivariate_normal = _guarded(gibbs_bivariate_normal, 'gibbs_bivariate_normal', ('scipy.stats.multivariate_normal', 'sklearn', 'statsmodels'))
    autocorrelation = _guarded(autocorrelation, 'autocorrelation', ('scipy.stats.multivariate_normal', 'sklearn', 'statsmodels'))
    import numpy as np
    from mlmathkit_checks import as_array, close, mean_within
    mean, std, rho = (np.array([2.0, -1.0]), np.array([1.5, 0.4]), -0.8)
    n, burn = (20000, 200)
    x = as_array(gibbs_bivariate_normal(mean, std, rho, mean, n + burn, np.random.default_rng(6601)), 'samples', shape=(n + burn, 2))[burn:]
    phi = rho ** 2
    tau, tau2 = ((1 + phi) / (1 - phi), (1 + phi ** 2) / (1 - phi ** 2))
    for j in (0, 1):
        mean_within(x[:, j], mean[j], std[j] * np.sqrt(tau), name=f'x{j + 1} (mean {mean[j]})')
        mean_within((x[:, j] - mean[j]) ** 2, std[j] ** 2, std[j] ** 2 * np.sqrt(2 * tau2), name=f'(x{j + 1} - mean)^2 (variance {std[j] ** 2:.4g})')
        close(as_array(autocorrelation(x[:, j], 1), 'r', shape=(2,))[1], phi, rtol=0, atol=4.89 * np.sqrt((1 - phi ** 2) / n), name=f'lag-1 autocorrelation of x{j + 1} (theory rho^2 = {phi:.3g})', hint='each coordinate of a Gibbs chain is AR(1) with coefficient rho^2')

@test_case(name="test_sampler_against_ar1_filter", points=None, hidden=True)
def test_sampler_against_ar1_filter(gibbs_bivariate_normal):
    """Chains for several means, scales, starts and correlations (negative, zero, nearly one) against the AR(1) form of the sampler."""
    from mlmathkit_checks import guarded as _guarded
    gibbs_bivariate_normal = _guarded(gibbs_bivariate_normal, 'gibbs_bivariate_normal', ('scipy.stats.multivariate_normal', 'sklearn', 'statsmodels'))
    import numpy as np
    from scipy.signal import lfilter
    from mlmathkit_checks import as_array, close

    def oracle_chain(mean, std, rho, x0, n, seed):
        z = np.random.default_rng(seed).standard_normal(size=(n, 2))
        c = np.sqrt(1 - rho ** 2)
        v0 = (x0[1] - mean[1]) / std[1]
        v, _ = lfilter([1.0], [1.0, -rho ** 2], c * (rho * z[:, 0] + z[:, 1]), zi=[rho ** 2 * v0])
        v_prev = np.concatenate([[v0], v[:-1]])
        u = rho * v_prev + c * z[:, 0]
        return np.column_stack([mean[0] + std[0] * u, mean[1] + std[1] * v])
    cases = [([1.0, -2.0], [2.0, 0.5], 0.6, [0.0, 3.0], 500), ([0.0, 0.0], [1.0, 1.0], 0.0, [5.0, -5.0], 300), ([-3.0, 10.0], [0.2, 7.0], -0.9, [-3.0, 60.0], 400), ([5.0, 5.0], [1.0, 3.0], 0.999, [5.0, 5.0], 300), ([1000.0, -1000.0], [10.0, 0.1], 0.3, [1000.0, -990.0], 200), ([0.5, 0.5], [1.0, 1.0], -0.5, [0.0, 0.0], 1)]
    a = as_array(gibbs_bivariate_normal(np.array([1.0, 2.0]), np.array([1.0, 1.0]), 0.5, np.array([-50.0, 2.5]), 5, np.random.default_rng(9)), 'samples', shape=(5, 2))
    b = as_array(gibbs_bivariate_normal(np.array([1.0, 2.0]), np.array([1.0, 1.0]), 0.5, np.array([70.0, 2.5]), 5, np.random.default_rng(9)), 'samples', shape=(5, 2))
    close(a, b, rtol=0, atol=0, name='chains from starts that differ only in x0[0]', hint='the first update draws x1 given x2 = x0[1]: x0[0] is never used')
    for k, (mean, std, rho, x0, n) in enumerate(cases):
        mean, std, x0 = (np.array(mean), np.array(std), np.array(x0))
        expected = oracle_chain(mean, std, rho, x0, n, 500 + k)
        got = as_array(gibbs_bivariate_normal(mean, std, rho, x0, n, np.random.default_rng(500 + k)), 'samples', shape=(n, 2))
        tol = 0.0001 * np.abs(expected).max() / (1 - rho ** 2)
        close(got, expected, rtol=0, atol=tol, name=f'chain (rho = {rho}, mean {mean.tolist()}, std {std.tolist()}, n_iter = {n})', hint='x1 | x2 has mean mu1 + rho s1/s2 (x2 - mu2) and sd s1 sqrt(1 - rho^2); then x2 | the new x1')

@test_case(name="test_mixing_statistically", points=None, hidden=True)
def test_mixing_statistically(gibbs_bivariate_normal, autocorrelation, effective_sample_size):
    """Lag-1 autocorrelations match rho^2 for several correlations, and stronger correlation mixes slower."""
    from mlmathkit_checks import guarded as _guarded
    gibbs_bivariate_normal = _guarded(gibbs_bivariate_normal, 'gibbs_bivariate_normal', ('scipy.stats.multivariate_normal', 'sklearn', 'statsmodels'))
    autocorrelation = _guarded(autocorrelation, 'autocorrelation', ('scipy.stats.multivariate_normal', 'sklearn', 'statsmodels'))
    effective_sample_size = _guarded(effective_sample_size, 'effective_sample_size', ('scipy.stats.multivariate_normal', 'sklearn', 'statsmodels'))
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, require
    rng = np.random.default_rng(6602)
    n, burn = (30000, 300)
    ess = {}
    for rho in (0.0, 0.5, -0.7, 0.9):
        x = as_array(gibbs_bivariate_normal(np.array([0.0, 1.0]), np.array([2.0, 1.0]), rho, np.array([0.0, 1.0]), n + burn, rng), 'samples', shape=(n + burn, 2))[burn:]
        phi = rho ** 2
        r1 = as_array(autocorrelation(x[:, 1], 1), 'r', shape=(2,))[1]
        close(r1, phi, rtol=0, atol=4.89 * np.sqrt((1 - phi ** 2) / n), name=f'lag-1 autocorrelation of x2 (rho = {rho})')
        ess[rho] = as_scalar(effective_sample_size(x[:, 0], 50), 'ESS')
    require(ess[0.9] < ess[-0.7] < ess[0.5] < ess[0.0], f'the effective sample size must fall as |rho| grows: {ess}')
    close(ess[0.9], n * (1 - 0.81) / (1 + 0.81), rtol=0.2, name='ESS at rho = 0.9 vs n (1 - rho^2) / (1 + rho^2)')

@test_case(name="test_autocorrelation_against_numpy_correlate", points=None, hidden=True)
def test_autocorrelation_against_numpy_correlate(autocorrelation, effective_sample_size):
    """Autocorrelations of random series, also far from zero, at all lags up to n - 1, against numpy.correlate."""
    from mlmathkit_checks import guarded as _guarded
    autocorrelation = _guarded(autocorrelation, 'autocorrelation', ('scipy.stats.multivariate_normal', 'sklearn', 'statsmodels'))
    effective_sample_size = _guarded(effective_sample_size, 'effective_sample_size', ('scipy.stats.multivariate_normal', 'sklearn', 'statsmodels'))
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close
    rng = np.random.default_rng(6603)
    for n, offset, max_lag in [(1000, 1000000.0, 40), (50, 0.0, 10), (7, 3.0, 6), (2, -1.0, 0), (300, 0.0, 0), (40, 0.0, 39)]:
        x = offset + np.cumsum(rng.normal(size=n)) * 0.1 + rng.normal(size=n)
        xc = x - np.mean(x)
        full = np.correlate(xc, xc, mode='full')[n - 1:] / np.dot(xc, xc)
        expected = full[:max_lag + 1]
        close(as_array(autocorrelation(x, max_lag), 'r', shape=(max_lag + 1,)), expected, rtol=1e-06, atol=1e-09, name=f'autocorrelations (n={n}, offset {offset:g}, max_lag {max_lag})', hint='divide every lag by the lag-0 sum (not by n - h); centre with the mean first')
        if max_lag < n // 2:
            close(as_scalar(effective_sample_size(x, max_lag), 'ESS'), n / (1 + 2 * expected[1:].sum()), rtol=1e-06, name=f'ESS (n={n}, max_lag {max_lag})')

@test_case(name="test_inputs_unchanged", points=None, hidden=True)
def test_inputs_unchanged(gibbs_bivariate_normal, autocorrelation, effective_sample_size):
    """Your functions leave the arrays they are given unchanged."""
    from mlmathkit_checks import guarded as _guarded
    gibbs_bivariate_normal = _guarded(gibbs_bivariate_normal, 'gibbs_bivariate_normal', ('scipy.stats.multivariate_normal', 'sklearn', 'statsmodels'))
    autocorrelation = _guarded(autocorrelation, 'autocorrelation', ('scipy.stats.multivariate_normal', 'sklearn', 'statsmodels'))
    effective_sample_size = _guarded(effective_sample_size, 'effective_sample_size', ('scipy.stats.multivariate_normal', 'sklearn', 'statsmodels'))
    import numpy as np
    from mlmathkit_checks import close
    mean, std, x0 = (np.array([1.0, 2.0]), np.array([0.5, 3.0]), np.array([-1.0, 4.0]))
    saved = [a.copy() for a in (mean, std, x0)]
    gibbs_bivariate_normal(mean, std, 0.4, x0, 20, np.random.default_rng(0))
    for a, b, name in zip((mean, std, x0), saved, ('mean', 'std', 'x0')):
        close(a, b, rtol=0, atol=0, name=f'{name} after gibbs_bivariate_normal', hint='copy the starting point before updating it')
    x = np.random.default_rng(1).normal(size=30)
    x_saved = x.copy()
    autocorrelation(x, 5)
    effective_sample_size(x, 5)
    close(x, x_saved, rtol=0, atol=0, name='x after autocorrelation', hint='x - x.mean() makes a new array; x -= x.mean() changes x')


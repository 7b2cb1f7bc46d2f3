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


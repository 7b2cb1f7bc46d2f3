from otter.test_files import test_case

OK_FORMAT = False

name = "q4_mle_map"
points = 3.0

@test_case(name="test_worked_examples", points=None, hidden=False)
def test_worked_examples(bernoulli_mle, bernoulli_map, gaussian_mean_posterior):
    from mlmathkit_checks import guarded as _guarded
    bernoulli_mle = _guarded(bernoulli_mle, 'bernoulli_mle', ())
    bernoulli_map = _guarded(bernoulli_map, 'bernoulli_map', ())
    gaussian_mean_posterior = _guarded(gaussian_mean_posterior, 'gaussian_mean_posterior', ())
    import numpy as np
    from mlmathkit_checks import as_scalar, close, fields
    three_heads = np.array([1, 1, 1])
    close(as_scalar(bernoulli_mle(three_heads), 'MLE'), 1.0, name='MLE after 3 ones out of 3')
    close(as_scalar(bernoulli_map(three_heads, 2.0, 2.0), 'MAP'), 0.8, name='MAP with a Beta(2, 2) prior after 3 ones', hint='the prior acts like a - 1 extra ones and b - 1 extra zeros; the MAP is the mode, not the mean')
    close(as_scalar(bernoulli_map(three_heads, 3.0, 2.0), 'MAP'), 5.0 / 6.0, name='MAP with a Beta(3, 2) prior after 3 ones', hint='a - 1 extra ONES and b - 1 extra ZEROS: a goes with the ones')
    close(as_scalar(bernoulli_mle(np.array([1, 0, 1, 1, 0])), 'MLE'), 0.6, name='MLE of [1, 0, 1, 1, 0]')
    close(as_scalar(bernoulli_mle(np.zeros(4, dtype=int)), 'MLE'), 0.0, name='MLE of [0, 0, 0, 0]', hint='no ones at all is a valid data set: k = 0')
    close(as_scalar(bernoulli_map(np.array([], dtype=int), 3.0, 2.0), 'MAP'), 2.0 / 3.0, name='MAP without data, Beta(3, 2) prior', hint='with n = 0 the MAP is the mode of the prior; avoid n * mean(x)')
    mean, var = fields(gaussian_mean_posterior(np.array([1.0, 3.0]), 1.0, 0.0, 1.0), ['mean', 'var'], 'posterior')
    close(as_scalar(mean, 'posterior mean'), 4.0 / 3.0, name='posterior mean', hint='a precision-weighted average: the prior mean gets weight 1/tau2, the sample mean n/sigma2')
    close(as_scalar(var, 'posterior variance'), 1.0 / 3.0, name='posterior variance', hint='posterior precision = prior precision + n / sigma2; return the variance, not the standard deviation')

@test_case(name="test_properties", points=None, hidden=False)
def test_properties(bernoulli_mle, bernoulli_map, gaussian_mean_posterior):
    from mlmathkit_checks import guarded as _guarded
    bernoulli_mle = _guarded(bernoulli_mle, 'bernoulli_mle', ())
    bernoulli_map = _guarded(bernoulli_map, 'bernoulli_map', ())
    gaussian_mean_posterior = _guarded(gaussian_mean_posterior, 'gaussian_mean_posterior', ())
    import numpy as np
    from mlmathkit_checks import as_scalar, close, fields, require
    rng = np.random.default_rng(4)
    x = (rng.random(37) < 0.3).astype(int)
    close(as_scalar(bernoulli_map(x, 1.0, 1.0), 'MAP'), as_scalar(bernoulli_mle(x), 'MLE'), name='MAP with the uniform prior Beta(1, 1)', hint='a flat prior must give back the MLE')
    big = (rng.random(100000) < 0.3).astype(int)
    gap = abs(as_scalar(bernoulli_map(big, 5.0, 3.0), 'MAP') - as_scalar(bernoulli_mle(big), 'MLE'))
    require(gap < 0.0001, f'with n = 100000 the MAP should be within 1e-4 of the MLE, but they differ by {gap:.3g}')
    data = rng.normal(3.0, 2.0, size=12)
    mean, var = (as_scalar(v, n) for v, n in zip(fields(gaussian_mean_posterior(data, 4.0, -1.0, 0.5), ['mean', 'var'], 'posterior'), ['posterior mean', 'posterior variance']))
    require(-1.0 < mean < data.mean(), f'the posterior mean {mean:.4g} should lie between the prior mean -1 and the sample mean {data.mean():.4g} (shrinkage)')
    require(0 < var < min(0.5, 4.0 / 12), f'the posterior variance {var:.4g} should be smaller than both the prior variance 0.5 and the variance of the sample mean sigma2 / n = 1/3')
    mean, var = fields(gaussian_mean_posterior(np.array([]), 4.0, -1.0, 0.5), ['mean', 'var'], 'posterior')
    close(np.array([as_scalar(mean, 'posterior mean'), as_scalar(var, 'posterior variance')]), [-1.0, 0.5], name='posterior (mean, variance) without data', hint='with n = 0 the posterior is the prior')

@test_case(name="test_bernoulli_against_numerical_optimum", points=None, hidden=True)
def test_bernoulli_against_numerical_optimum(bernoulli_mle, bernoulli_map):
    """Random data sets and asymmetric Beta priors, compared with the maximum of the log posterior."""
    from mlmathkit_checks import guarded as _guarded
    bernoulli_mle = _guarded(bernoulli_mle, 'bernoulli_mle', ())
    bernoulli_map = _guarded(bernoulli_map, 'bernoulli_map', ())
    import numpy as np
    from scipy.optimize import minimize_scalar
    from scipy.stats import bernoulli, beta
    from mlmathkit_checks import as_scalar, close

    def argmax(x, a, b):

        def neg_log_post(t):
            return -(bernoulli.logpmf(x, t).sum() + beta.logpdf(t, a, b))
        return minimize_scalar(neg_log_post, bounds=(1e-12, 1 - 1e-12), method='bounded', options={'xatol': 1e-12}).x
    rng = np.random.default_rng(404)
    for _ in range(8):
        n, theta = (int(rng.integers(5, 200)), rng.uniform(0.05, 0.95))
        a, b = rng.uniform(1.0, 6.0, size=2)
        x = (rng.random(n) < theta).astype(int)
        close(as_scalar(bernoulli_mle(x), 'MLE'), argmax(x, 1.0, 1.0), rtol=0, atol=1e-06, name=f'MLE (n={n})')
        close(as_scalar(bernoulli_map(x, a, b), 'MAP'), argmax(x, a, b), rtol=0, atol=1e-06, name=f'MAP (n={n}, a={a:.2f}, b={b:.2f})', hint='a - 1 imaginary ones and b - 1 imaginary zeros; which of a and b goes with the ones?')

@test_case(name="test_bernoulli_all_zeros", points=None, hidden=True)
def test_bernoulli_all_zeros(bernoulli_mle, bernoulli_map):
    """Data without a single one, with flat and informative priors."""
    from mlmathkit_checks import guarded as _guarded
    bernoulli_mle = _guarded(bernoulli_mle, 'bernoulli_mle', ())
    bernoulli_map = _guarded(bernoulli_map, 'bernoulli_map', ())
    import numpy as np
    from mlmathkit_checks import as_scalar, close
    zeros = np.zeros(10, dtype=int)
    close(as_scalar(bernoulli_mle(zeros), 'MLE'), 0.0, name='MLE of ten zeros')
    close(as_scalar(bernoulli_map(zeros, 1.0, 1.0), 'MAP'), 0.0, name='MAP of ten zeros, Beta(1, 1) prior')
    close(as_scalar(bernoulli_map(zeros, 2.0, 2.0), 'MAP'), 1.0 / 12.0, name='MAP of ten zeros, Beta(2, 2) prior')
    close(as_scalar(bernoulli_map(zeros, 3.0, 1.0), 'MAP'), 2.0 / 12.0, name='MAP of ten zeros, Beta(3, 1) prior')

@test_case(name="test_gaussian_posterior_against_conditioning", points=None, hidden=True)
def test_gaussian_posterior_against_conditioning(gaussian_mean_posterior):
    """Random data, noise variances and priors, for one to many observations."""
    from mlmathkit_checks import guarded as _guarded
    gaussian_mean_posterior = _guarded(gaussian_mean_posterior, 'gaussian_mean_posterior', ())
    import numpy as np
    from scipy.linalg import solve
    from scipy.optimize import minimize_scalar
    from scipy import stats
    from mlmathkit_checks import as_scalar, close, fields
    rng = np.random.default_rng(44)
    for n in (1, 2, 5, 30):
        sigma2, tau2 = rng.uniform(0.2, 5.0, size=2)
        mu0 = rng.normal(scale=3.0)
        x = rng.normal(rng.normal(scale=3.0), np.sqrt(sigma2), size=n)
        K = tau2 * np.ones((n, n)) + sigma2 * np.eye(n)
        exp_mean = mu0 + tau2 * np.ones(n) @ solve(K, x - mu0, assume_a='pos')
        exp_var = tau2 - tau2 ** 2 * np.ones(n) @ solve(K, np.ones(n), assume_a='pos')
        mean, var = fields(gaussian_mean_posterior(x, sigma2, mu0, tau2), ['mean', 'var'], 'posterior')
        close(as_scalar(mean, 'posterior mean'), exp_mean, atol=1e-06, name=f'posterior mean (n={n})', hint='weights: prior precision 1/tau2 for mu0, data precision n/sigma2 for the sample mean')
        close(as_scalar(var, 'posterior variance'), exp_var, name=f'posterior variance (n={n})')

        def neg_log_post(t):
            return -(stats.norm.logpdf(t, mu0, np.sqrt(tau2)) + stats.norm.logpdf(x, t, np.sqrt(sigma2)).sum())
        mode = minimize_scalar(neg_log_post, bracket=(mu0, x.mean())).x
        close(as_scalar(mean, 'posterior mean'), mode, atol=1e-05, name=f'posterior mean vs. maximum of the log posterior (n={n})')

@test_case(name="test_gaussian_posterior_limits", points=None, hidden=True)
def test_gaussian_posterior_limits(gaussian_mean_posterior):
    """Limits of the prior: nearly flat, nearly certain, and exactly as precise as one observation."""
    from mlmathkit_checks import guarded as _guarded
    gaussian_mean_posterior = _guarded(gaussian_mean_posterior, 'gaussian_mean_posterior', ())
    import numpy as np
    from mlmathkit_checks import as_scalar, close, fields
    rng = np.random.default_rng(45)
    x = rng.normal(2.0, 1.5, size=20)

    def post(*args):
        m, v = fields(gaussian_mean_posterior(*args), ['mean', 'var'], 'posterior')
        return np.array([as_scalar(m, 'posterior mean'), as_scalar(v, 'posterior variance')])
    close(post(x, 2.25, -4.0, 1000000000000.0), [x.mean(), 2.25 / 20], name='posterior (mean, variance) with a flat prior (tau2 = 1e12)', hint='with an infinitely wide prior only the data count: N(xbar, sigma2 / n)')
    close(post(x, 2.25, -4.0, 1e-12), [-4.0, 1e-12], name='posterior (mean, variance) with a point-mass prior (tau2 = 1e-12)')
    close(post(x[:1], 2.25, -4.0, 2.25), [(x[0] - 4.0) / 2, 2.25 / 2], name='posterior after one observation as precise as the prior', hint='equal precisions: the midpoint')

@test_case(name="test_gaussian_posterior_flat_prior_large_data", points=None, hidden=True)
def test_gaussian_posterior_flat_prior_large_data(gaussian_mean_posterior):
    """A practically flat prior (a huge prior variance) on data of large magnitude."""
    from mlmathkit_checks import guarded as _guarded
    gaussian_mean_posterior = _guarded(gaussian_mean_posterior, 'gaussian_mean_posterior', ())
    import numpy as np
    from mlmathkit_checks import as_scalar, close, fields
    rng = np.random.default_rng(46)
    x = 10000000.0 + rng.normal(scale=2.0, size=200)
    mean, var = fields(gaussian_mean_posterior(x, 4.0, 3.0, 1e+300), ['mean', 'var'], 'posterior')
    close(as_scalar(mean, 'posterior mean'), x.mean(), name='posterior mean with tau2 = 1e300', hint='tau2 * sum(x) overflows here: use precisions, 1 / tau2 + n / sigma2')
    close(as_scalar(var, 'posterior variance'), 4.0 / 200, name='posterior variance with tau2 = 1e300')

@test_case(name="test_bernoulli_map_without_data", points=None, hidden=True)
def test_bernoulli_map_without_data(bernoulli_map):
    """No data at all: the MAP estimate is the mode of the prior."""
    from mlmathkit_checks import guarded as _guarded
    bernoulli_map = _guarded(bernoulli_map, 'bernoulli_map', ())
    import numpy as np
    from mlmathkit_checks import as_scalar, close
    for a, b in [(2.0, 2.0), (3.0, 1.5), (1.0, 4.0), (5.0, 1.0), (1.5, 1.5)]:
        close(as_scalar(bernoulli_map(np.array([], dtype=int), a, b), 'MAP'), (a - 1) / (a + b - 2), name=f'MAP without data, Beta({a:g}, {b:g}) prior', hint='with n = 0 the MAP is the mode of the Beta prior')

@test_case(name="test_bernoulli_edges_and_boolean_data", points=None, hidden=True)
def test_bernoulli_edges_and_boolean_data(bernoulli_mle, bernoulli_map):
    """Data of all ones or all zeros under a prior with no pseudo-count for the outcome never seen, and boolean observations."""
    from mlmathkit_checks import guarded as _guarded
    bernoulli_mle = _guarded(bernoulli_mle, 'bernoulli_mle', ())
    bernoulli_map = _guarded(bernoulli_map, 'bernoulli_map', ())
    import numpy as np
    from mlmathkit_checks import as_scalar, close
    ones, zeros = (np.ones(7, dtype=int), np.zeros(9, dtype=int))
    close(as_scalar(bernoulli_mle(ones), 'MLE'), 1.0, name='MLE of seven ones')
    close(as_scalar(bernoulli_map(ones, 3.0, 1.0), 'MAP'), 1.0, name='MAP of seven ones, Beta(3, 1) prior')
    close(as_scalar(bernoulli_map(ones, 1.0, 3.0), 'MAP'), 7.0 / 9.0, name='MAP of seven ones, Beta(1, 3) prior')
    close(as_scalar(bernoulli_map(zeros, 1.0, 2.5), 'MAP'), 0.0, name='MAP of nine zeros, Beta(1, 2.5) prior')
    rng = np.random.default_rng(47)
    x = rng.random(40) < 0.35
    k = int(np.count_nonzero(x))
    close(as_scalar(bernoulli_mle(x), 'MLE'), k / 40, name='MLE of boolean data', hint='True counts as 1 and False as 0')
    close(as_scalar(bernoulli_map(x, 2.5, 4.0), 'MAP'), (k + 1.5) / (40 + 4.5), name='MAP of boolean data, Beta(2.5, 4)')

@test_case(name="test_inputs_not_modified", points=None, hidden=True)
def test_inputs_not_modified(bernoulli_mle, bernoulli_map, gaussian_mean_posterior):
    """The data arrays passed in are left unchanged."""
    from mlmathkit_checks import guarded as _guarded
    bernoulli_mle = _guarded(bernoulli_mle, 'bernoulli_mle', ())
    bernoulli_map = _guarded(bernoulli_map, 'bernoulli_map', ())
    gaussian_mean_posterior = _guarded(gaussian_mean_posterior, 'gaussian_mean_posterior', ())
    import numpy as np
    from mlmathkit_checks import close
    rng = np.random.default_rng(48)
    x = (rng.random(25) < 0.4).astype(int)
    g = rng.normal(size=25)
    x_copy, g_copy = (x.copy(), g.copy())
    bernoulli_mle(x)
    bernoulli_map(x, 2.0, 3.0)
    close(x, x_copy, rtol=0, atol=0, name='x after bernoulli_mle and bernoulli_map', hint='do not modify the data in place')
    gaussian_mean_posterior(g, 2.0, 1.0, 0.5)
    close(g, g_copy, rtol=0, atol=0, name='x after gaussian_mean_posterior', hint='do not modify the data in place')


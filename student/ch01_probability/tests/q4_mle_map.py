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


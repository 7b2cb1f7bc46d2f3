from otter.test_files import test_case

OK_FORMAT = False

name = "q5_naive_bayes"
points = 3.0

@test_case(name="test_worked_example", points=None, hidden=False)
def test_worked_example(gaussian_nb_fit, gaussian_nb_log_proba):
    from mlmathkit_checks import guarded as _guarded
    gaussian_nb_fit = _guarded(gaussian_nb_fit, 'gaussian_nb_fit', ())
    gaussian_nb_log_proba = _guarded(gaussian_nb_log_proba, 'gaussian_nb_log_proba', ())
    import numpy as np
    from mlmathkit_checks import close, fields
    X, y = (np.array([[0.0], [2.0], [4.0], [6.0]]), np.array([0, 0, 1, 1]))
    classes, log_prior, means, variances = fields(gaussian_nb_fit(X, y, var_smoothing=0.0), ['classes', 'log_prior', 'means', 'variances'], 'fit')
    close(classes, [0, 1], name='classes')
    close(log_prior, np.log([0.5, 0.5]), name='log_prior')
    close(means, [[1.0], [5.0]], name='means')
    close(variances, [[1.0], [1.0]], name='variances', hint='maximum-likelihood variance: divide by n_k, not n_k - 1')
    got = gaussian_nb_log_proba(np.array([[3.0], [1.0]]), np.log([0.5, 0.5]), np.array([[1.0], [5.0]]), np.ones((2, 1)))
    c = np.log1p(np.exp(-8.0))
    close(got, [[np.log(0.5), np.log(0.5)], [-c, -8.0 - c]], atol=1e-06, name='log posterior at x = 3 and x = 1', hint='joint log-likelihood of each class, minus the log-sum-exp over classes')

@test_case(name="test_worked_example_unequal_classes", points=None, hidden=False)
def test_worked_example_unequal_classes(gaussian_nb_fit, gaussian_nb_log_proba):
    from mlmathkit_checks import guarded as _guarded
    gaussian_nb_fit = _guarded(gaussian_nb_fit, 'gaussian_nb_fit', ())
    gaussian_nb_log_proba = _guarded(gaussian_nb_log_proba, 'gaussian_nb_log_proba', ())
    import numpy as np
    from mlmathkit_checks import close, fields
    X, y = (np.array([[0.0], [4.0], [2.0], [6.0], [8.0], [10.0]]), np.array([5, 2, 5, 2, 2, 2]))
    classes, log_prior, means, variances = fields(gaussian_nb_fit(X, y, var_smoothing=0.0), ['classes', 'log_prior', 'means', 'variances'], 'fit')
    close(classes, [2, 5], name='classes', hint='the classes are the sorted distinct labels (np.unique), not their order in y')
    close(log_prior, np.log([4 / 6, 2 / 6]), name='log_prior', hint='log of the class frequencies n_k / n')
    close(means, [[7.0], [1.0]], name='means')
    close(variances, [[5.0], [1.0]], name='variances', hint='maximum-likelihood variance: divide by n_k, not n_k - 1')
    x = np.array([3.0, 5.0])
    l2 = np.log(4 / 6) - 0.5 * np.log(2 * np.pi * 5.0) - (x - 7.0) ** 2 / 10.0
    l5 = np.log(2 / 6) - 0.5 * np.log(2 * np.pi * 1.0) - (x - 1.0) ** 2 / 2.0
    norm = np.logaddexp(l2, l5)
    got = gaussian_nb_log_proba(x[:, None], np.log([4 / 6, 2 / 6]), np.array([[7.0], [1.0]]), np.array([[5.0], [1.0]]))
    close(got, np.column_stack([l2 - norm, l5 - norm]), atol=1e-06, name='log posterior at x = 3 and x = 5', hint='log prior + sum_j [-1/2 log(2 pi sigma2) - (x - mu)^2 / (2 sigma2)], minus the log-sum-exp over classes')
    l2 = np.log(4 / 6) - 0.5 * np.log(2 * np.pi * 5.0) - 93.0 ** 2 / 10.0
    l5 = np.log(2 / 6) - 0.5 * np.log(2 * np.pi * 1.0) - 99.0 ** 2 / 2.0
    norm = np.logaddexp(l2, l5)
    got = gaussian_nb_log_proba(np.array([[100.0]]), np.log([4 / 6, 2 / 6]), np.array([[7.0], [1.0]]), np.array([[5.0], [1.0]]))
    close(got, [[l2 - norm, l5 - norm]], rtol=1e-05, atol=0.01, name='log posterior at x = 100, far from both classes', hint='exp(l_k) underflows to 0 for every class here: normalise with log-sum-exp (subtract the row maximum first)')

@test_case(name="test_worked_example_smoothing", points=None, hidden=False)
def test_worked_example_smoothing(gaussian_nb_fit):
    from mlmathkit_checks import guarded as _guarded
    gaussian_nb_fit = _guarded(gaussian_nb_fit, 'gaussian_nb_fit', ())
    import numpy as np
    from mlmathkit_checks import close, fields
    X, y = (np.array([[0.0, 1.0], [0.0, 3.0], [4.0, 1.0], [4.0, 3.0]]), np.array([0, 0, 1, 1]))
    means, variances = fields(gaussian_nb_fit(X, y, var_smoothing=0.25), ['means', 'variances'], 'fit')
    close(means, [[0.0, 2.0], [4.0, 2.0]], name='means')
    close(variances, [[1.0, 2.0], [1.0, 2.0]], name='variances with var_smoothing = 0.25', hint='add eps = var_smoothing * (largest variance of a column of the WHOLE X, dividing by n) to every variance')

@test_case(name="test_properties", points=None, hidden=False)
def test_properties(gaussian_nb_fit, gaussian_nb_log_proba):
    from mlmathkit_checks import guarded as _guarded
    gaussian_nb_fit = _guarded(gaussian_nb_fit, 'gaussian_nb_fit', ())
    gaussian_nb_log_proba = _guarded(gaussian_nb_log_proba, 'gaussian_nb_log_proba', ())
    import numpy as np
    from mlmathkit_checks import as_array, close, fields, probabilities, require
    rng = np.random.default_rng(5)
    y = rng.permutation(np.repeat([11, 3, 7], [10, 25, 15]))
    X = rng.normal(size=(50, 3)) + (y[:, None] == 3) * 2.0 - (y[:, None] == 11) * 1.5
    classes, log_prior, means, variances = fields(gaussian_nb_fit(X, y), ['classes', 'log_prior', 'means', 'variances'], 'fit')
    close(classes, [3, 7, 11], name='classes', hint='the classes are the sorted distinct labels, np.unique(y)')
    probabilities(np.exp(as_array(log_prior, 'log_prior')), name='exp(log_prior)')
    close(log_prior, np.log([25 / 50, 15 / 50, 10 / 50]), name='log_prior', hint='class frequencies, in sorted label order')
    as_array(means, 'means', shape=(3, 3))
    require(bool(np.all(as_array(variances, 'variances', shape=(3, 3)) > 0)), 'all variances must be positive')
    Xt = rng.normal(size=(8, 3))
    lp = as_array(gaussian_nb_log_proba(Xt, log_prior, means, variances), 'log_proba', shape=(8, 3))
    require(bool(np.all(lp <= 1e-12)), 'log probabilities must be <= 0')
    probabilities(np.exp(lp), axis=1, name='exp(log_proba) (each row over the classes)')


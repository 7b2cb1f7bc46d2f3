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

@test_case(name="test_fit_against_sklearn", points=None, hidden=True)
def test_fit_against_sklearn(gaussian_nb_fit):
    """Random data with several classes and features, labels negative and listed in no particular order."""
    from mlmathkit_checks import guarded as _guarded
    gaussian_nb_fit = _guarded(gaussian_nb_fit, 'gaussian_nb_fit', ())
    import numpy as np
    from sklearn.naive_bayes import GaussianNB
    from mlmathkit_checks import close, fields
    rng = np.random.default_rng(505)
    for K, d in [(2, 1), (3, 4), (5, 2)]:
        y = rng.integers(0, K, size=120) * 3 - 2
        y[:K] = np.arange(K)[::-1] * 3 - 2
        X = rng.normal(size=(120, d)) * rng.uniform(0.5, 3.0, size=d) + y[:, None] * rng.normal(size=d)
        gnb = GaussianNB().fit(X, y)
        classes, log_prior, means, variances = fields(gaussian_nb_fit(X, y), ['classes', 'log_prior', 'means', 'variances'], 'fit')
        close(classes, gnb.classes_, name='classes')
        close(np.exp(np.asarray(log_prior, dtype=float)), gnb.class_prior_, name='exp(log_prior)', hint='pi_k = n_k / n, in the order of the sorted labels')
        close(means, gnb.theta_, atol=1e-06, name=f'means (K={K}, d={d})')
        close(variances, gnb.var_, name=f'variances (K={K}, d={d})', hint='maximum-likelihood variance (divide by n_k), plus var_smoothing * max feature variance of X')

@test_case(name="test_log_proba_against_sklearn", points=None, hidden=True)
def test_log_proba_against_sklearn(gaussian_nb_fit, gaussian_nb_log_proba):
    """Unbalanced classes with different spreads, scored on new points."""
    from mlmathkit_checks import guarded as _guarded
    gaussian_nb_fit = _guarded(gaussian_nb_fit, 'gaussian_nb_fit', ())
    gaussian_nb_log_proba = _guarded(gaussian_nb_log_proba, 'gaussian_nb_log_proba', ())
    import numpy as np
    from sklearn.naive_bayes import GaussianNB
    from mlmathkit_checks import close, fields
    rng = np.random.default_rng(506)
    y = np.repeat([0, 1, 2], [15, 60, 25])
    X = rng.normal(size=(100, 4)) * np.array([1.0, 0.5, 2.0, 1.0]) + y[:, None] * np.array([1.0, -0.7, 0.5, 0.0])
    gnb = GaussianNB().fit(X, y)
    Xt = rng.normal(size=(30, 4)) * 1.5 + 0.7
    close(gaussian_nb_log_proba(Xt, np.log(gnb.class_prior_), gnb.theta_, gnb.var_), gnb.predict_log_proba(Xt), atol=1e-05, name='log posterior', hint='did you include log prior and the -1/2 log(2 pi sigma2) terms?')
    fit = fields(gaussian_nb_fit(X, y), ['classes', 'log_prior', 'means', 'variances'], 'fit')
    close(gaussian_nb_log_proba(Xt, *fit[1:]), gnb.predict_log_proba(Xt), atol=1e-05, name='log posterior (fit + predict)')

@test_case(name="test_far_points_no_underflow", points=None, hidden=True)
def test_far_points_no_underflow(gaussian_nb_fit, gaussian_nb_log_proba):
    """Points so far from every class that every joint likelihood underflows to 0."""
    from mlmathkit_checks import guarded as _guarded
    gaussian_nb_fit = _guarded(gaussian_nb_fit, 'gaussian_nb_fit', ())
    gaussian_nb_log_proba = _guarded(gaussian_nb_log_proba, 'gaussian_nb_log_proba', ())
    import numpy as np
    from sklearn.naive_bayes import GaussianNB
    from mlmathkit_checks import close, fields
    rng = np.random.default_rng(507)
    y = np.repeat([0, 1, 2], [30, 30, 40])
    centres = np.array([[0.0, 0.0, 0.0, 0.0], [3.0, 1.0, -2.0, 0.5], [-2.0, 2.0, 1.0, -1.0]])
    X = centres[y] + rng.normal(size=(100, 4)) * np.array([1.0, 0.5, 1.5, 0.8])
    gnb = GaussianNB().fit(X, y)
    Xt = np.array([[30.0, -20.0, 35.0, -25.0], [-35.0, 16.0, 30.0, 25.0], [60.0, 0.0, 0.0, 0.0], [0.0, 26.0, 0.0, 0.0]])
    fit = fields(gaussian_nb_fit(X, y), ['classes', 'log_prior', 'means', 'variances'], 'fit')
    close(gaussian_nb_log_proba(Xt, *fit[1:]), gnb.predict_log_proba(Xt), rtol=1e-05, atol=0.01, name='log posterior of points far from every class', hint='exp of the joint log-likelihood is 0 here: normalise with log-sum-exp, subtracting the row maximum first')

@test_case(name="test_variance_smoothing", points=None, hidden=True)
def test_variance_smoothing(gaussian_nb_fit, gaussian_nb_log_proba):
    """A feature that is constant within each class, with features in units of about 100, for several var_smoothing values."""
    from mlmathkit_checks import guarded as _guarded
    gaussian_nb_fit = _guarded(gaussian_nb_fit, 'gaussian_nb_fit', ())
    gaussian_nb_log_proba = _guarded(gaussian_nb_log_proba, 'gaussian_nb_log_proba', ())
    import numpy as np
    from sklearn.naive_bayes import GaussianNB
    from mlmathkit_checks import close, fields
    rng = np.random.default_rng(508)
    y = np.repeat([0, 1], [20, 30])
    X = np.column_stack([rng.normal(size=50) * 100.0 + y * 50.0, np.where(y == 0, 10.0, 30.0)])
    for smoothing in (1e-09, 0.001, 0.1):
        gnb = GaussianNB(var_smoothing=smoothing).fit(X, y)
        fit = fields(gaussian_nb_fit(X, y, var_smoothing=smoothing), ['classes', 'log_prior', 'means', 'variances'], 'fit')
        close(fit[3], gnb.var_, name=f'variances with var_smoothing={smoothing:g}', hint='add var_smoothing times the LARGEST variance of the columns of the whole X to every variance')
        Xt = np.array([[0.0, 10.0], [50.0, 30.0], [20.0, 10.0], [-100.0, 30.0]])
        close(gaussian_nb_log_proba(Xt, *fit[1:]), gnb.predict_log_proba(Xt), atol=0.001, name=f'log posterior with var_smoothing={smoothing:g}')

@test_case(name="test_no_smoothing", points=None, hidden=True)
def test_no_smoothing(gaussian_nb_fit, gaussian_nb_log_proba):
    """No variance smoothing at all: the plain maximum-likelihood variances."""
    from mlmathkit_checks import guarded as _guarded
    gaussian_nb_fit = _guarded(gaussian_nb_fit, 'gaussian_nb_fit', ())
    gaussian_nb_log_proba = _guarded(gaussian_nb_log_proba, 'gaussian_nb_log_proba', ())
    import numpy as np
    from sklearn.naive_bayes import GaussianNB
    from mlmathkit_checks import close, fields
    rng = np.random.default_rng(509)
    y = rng.permutation(np.repeat([4, -1, 9], [12, 30, 18]))
    X = rng.normal(size=(60, 3)) * np.array([0.3, 2.0, 1.0]) + (y[:, None] == 4) * np.array([1.0, -2.0, 0.5])
    gnb = GaussianNB(var_smoothing=0.0).fit(X, y)
    fit = fields(gaussian_nb_fit(X, y, var_smoothing=0.0), ['classes', 'log_prior', 'means', 'variances'], 'fit')
    close(fit[0], gnb.classes_, name='classes')
    close(fit[3], gnb.var_, name='variances with var_smoothing=0', hint='maximum-likelihood variances (divide by n_k), nothing added')
    Xt = rng.normal(size=(10, 3)) * 2.0
    close(gaussian_nb_log_proba(Xt, *fit[1:]), gnb.predict_log_proba(Xt), atol=1e-05, name='log posterior with var_smoothing=0')

@test_case(name="test_inputs_not_modified", points=None, hidden=True)
def test_inputs_not_modified(gaussian_nb_fit, gaussian_nb_log_proba):
    """The data, labels and parameter arrays passed in are left unchanged."""
    from mlmathkit_checks import guarded as _guarded
    gaussian_nb_fit = _guarded(gaussian_nb_fit, 'gaussian_nb_fit', ())
    gaussian_nb_log_proba = _guarded(gaussian_nb_log_proba, 'gaussian_nb_log_proba', ())
    import numpy as np
    from mlmathkit_checks import close
    rng = np.random.default_rng(510)
    y = rng.permutation(np.repeat([2, 0, 1], [10, 15, 5]))
    X = rng.normal(size=(30, 2)) + y[:, None]
    X_copy, y_copy = (X.copy(), y.copy())
    gaussian_nb_fit(X, y)
    close(X, X_copy, rtol=0, atol=0, name='X after gaussian_nb_fit', hint='do not modify the data in place')
    close(y, y_copy, rtol=0, atol=0, name='y after gaussian_nb_fit', hint='do not sort or modify the labels in place')
    log_prior, means, variances = (np.log([0.5, 0.3, 0.2]), rng.normal(size=(3, 2)), rng.uniform(0.5, 2.0, size=(3, 2)))
    Xt = rng.normal(size=(7, 2))
    copies = [a.copy() for a in (Xt, log_prior, means, variances)]
    gaussian_nb_log_proba(Xt, log_prior, means, variances)
    for name, arr, copy in zip(['X', 'log_prior', 'means', 'variances'], [Xt, log_prior, means, variances], copies):
        close(arr, copy, rtol=0, atol=0, name=f'{name} after gaussian_nb_log_proba', hint='work on new arrays, not in place')


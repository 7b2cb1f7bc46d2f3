from otter.test_files import test_case

OK_FORMAT = False

name = "q2_gaussian"
points = 3.0

@test_case(name="test_worked_example_diagonal_covariance", points=None, hidden=False)
def test_worked_example_diagonal_covariance(mvn_logpdf):
    from mlmathkit_checks import guarded as _guarded
    mvn_logpdf = _guarded(mvn_logpdf, 'mvn_logpdf', ('numpy.linalg.inv', 'numpy.linalg.det', 'scipy.stats'))
    import numpy as np
    from mlmathkit_checks import close
    X = np.array([[0.0, 0.0], [1.0, 2.0]])
    got = mvn_logpdf(X, np.zeros(2), np.diag([1.0, 4.0]))
    close(got, [-np.log(4 * np.pi), -np.log(4 * np.pi) - 1.0], name='log-densities at (0,0) and (1,2)', hint='-1/2 [d log(2 pi) + log det Sigma + quadratic form]; with Sigma = L L^T, log det Sigma = 2 sum log L_ii')

@test_case(name="test_worked_example_correlated_covariance", points=None, hidden=False)
def test_worked_example_correlated_covariance(mvn_logpdf):
    from mlmathkit_checks import guarded as _guarded
    mvn_logpdf = _guarded(mvn_logpdf, 'mvn_logpdf', ('numpy.linalg.inv', 'numpy.linalg.det', 'scipy.stats'))
    import numpy as np
    from mlmathkit_checks import close
    got = mvn_logpdf(np.array([[2.0, -1.0], [1.0, 1.0]]), np.array([1.0, -1.0]), np.array([[2.0, 1.0], [1.0, 2.0]]))
    const = -np.log(2 * np.pi) - 0.5 * np.log(3.0)
    close(got, [const - 1.0 / 3.0, const - 4.0 / 3.0], name='log-densities with a correlated covariance', hint='solve L z = x - mu with the LOWER factor L (not L^T); log det Sigma = 2 sum log L_ii, not sum log Sigma_ii')

@test_case(name="test_properties", points=None, hidden=False)
def test_properties(mvn_logpdf):
    from mlmathkit_checks import guarded as _guarded
    mvn_logpdf = _guarded(mvn_logpdf, 'mvn_logpdf', ('numpy.linalg.inv', 'numpy.linalg.det', 'scipy.stats'))
    import numpy as np
    from mlmathkit_checks import close, require
    rng = np.random.default_rng(2)
    x = rng.normal(size=(6, 1))
    close(mvn_logpdf(x, np.array([0.5]), np.array([[2.0]])), -0.5 * np.log(2 * np.pi * 2.0) - (x[:, 0] - 0.5) ** 2 / 4.0, name='log-density for d = 1', hint='X has shape (n, 1), mean shape (1,), cov shape (1, 1); the result has shape (n,)')
    A = rng.normal(size=(3, 3))
    cov, mean = (A @ A.T + 0.5 * np.eye(3), rng.normal(size=3))
    V = rng.normal(size=(7, 3))
    at_mean = mvn_logpdf(mean[None, :], mean, cov)
    close(at_mean, [-0.5 * (3 * np.log(2 * np.pi) + np.linalg.slogdet(cov)[1])], name='log-density at the mean', hint='at x = mu the quadratic form is 0, so only the normalising constant is left')
    plus, minus = (mvn_logpdf(mean + V, mean, cov), mvn_logpdf(mean - V, mean, cov))
    close(plus, minus, name='log N(mu + v) compared with log N(mu - v)', hint='the density is symmetric about its mean')
    close(mvn_logpdf(V + 10.0, mean + 10.0, cov), mvn_logpdf(V, mean, cov), name='log-density after shifting x and mu', hint='only x - mu may enter the formula')
    require(bool(np.all(np.asarray(plus, dtype=float) < float(np.asarray(at_mean, dtype=float).ravel()[0]))), 'the log-density must be largest at the mean')
    close(mvn_logpdf(np.array([[200.0]]), np.array([0.0]), np.array([[1.0]])), [-0.5 * np.log(2 * np.pi) - 20000.0], name='log-density 200 standard deviations from the mean', hint='never compute the density and take its log afterwards: exp(-20000) is 0.0 in floating point')
    close(mvn_logpdf(np.zeros((1, 100)), np.zeros(100), 0.0001 * np.eye(100)), [-50 * np.log(2 * np.pi * 0.0001)], name='log-density at the mean of N(0, 1e-4 I) in d = 100', hint='det Sigma underflows here: take log det Sigma = 2 sum log L_ii from the Cholesky factor')


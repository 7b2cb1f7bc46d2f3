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

@test_case(name="test_random_against_scipy", points=None, hidden=True)
def test_random_against_scipy(mvn_logpdf):
    """Random means and correlated covariances in dimensions from 1 to 8."""
    from mlmathkit_checks import guarded as _guarded
    mvn_logpdf = _guarded(mvn_logpdf, 'mvn_logpdf', ('numpy.linalg.inv', 'numpy.linalg.det', 'scipy.stats'))
    import numpy as np
    from scipy.stats import multivariate_normal
    from mlmathkit_checks import close
    rng = np.random.default_rng(202)
    for d in (1, 2, 3, 5, 8, 8):
        A = rng.normal(size=(d, d))
        cov = A @ A.T + 0.1 * d * np.eye(d)
        mean = rng.normal(scale=3.0, size=d)
        X = rng.multivariate_normal(mean, cov, size=15)
        close(mvn_logpdf(X, mean, cov), multivariate_normal(mean, cov).logpdf(X), name=f'log-densities (d = {d})', hint='compare with a diagonal covariance by hand; is the triangular solve using L (not L^T)?')

@test_case(name="test_dimension_50", points=None, hidden=True)
def test_dimension_50(mvn_logpdf):
    """A Gaussian in many dimensions."""
    from mlmathkit_checks import guarded as _guarded
    mvn_logpdf = _guarded(mvn_logpdf, 'mvn_logpdf', ('numpy.linalg.inv', 'numpy.linalg.det', 'scipy.stats'))
    import numpy as np
    from scipy.stats import multivariate_normal
    from mlmathkit_checks import close
    rng = np.random.default_rng(50)
    d = 50
    A = rng.normal(size=(d, d)) / np.sqrt(d)
    cov = 0.1 * (A @ A.T + 0.05 * np.eye(d))
    mean = rng.normal(size=d)
    X = rng.multivariate_normal(mean, cov, size=20)
    close(mvn_logpdf(X, mean, cov), multivariate_normal(mean, cov).logpdf(X), name='log-densities (d = 50)')

@test_case(name="test_ill_conditioned_covariance", points=None, hidden=True)
def test_ill_conditioned_covariance(mvn_logpdf):
    """An ill-conditioned covariance (condition number 1e8), with points off the mean along its thinnest direction."""
    from mlmathkit_checks import guarded as _guarded
    mvn_logpdf = _guarded(mvn_logpdf, 'mvn_logpdf', ('numpy.linalg.inv', 'numpy.linalg.det', 'scipy.stats'))
    import mpmath
    import numpy as np
    from mlmathkit_checks import close
    rng = np.random.default_rng(808)
    d = 6
    Q = np.linalg.qr(rng.normal(size=(d, d)))[0]
    eig = np.logspace(0, -8, d)
    cov = Q * eig @ Q.T
    cov = (cov + cov.T) / 2
    mean = rng.normal(size=d)
    X = mean + rng.normal(size=(8, d)) @ (Q * np.sqrt(eig)).T
    X[:3] += np.array([[0.0001], [-0.0002], [0.00015]]) * Q[:, -1]
    with mpmath.workdps(40):
        M = mpmath.matrix(cov.tolist())
        log_det = mpmath.log(mpmath.det(M))
        expected = []
        for x in X:
            diff = mpmath.matrix((x - mean).tolist())
            quad = (diff.T * mpmath.lu_solve(M, diff))[0]
            expected.append(float(-(d * mpmath.log(2 * mpmath.pi) + log_det + quad) / 2))
    close(mvn_logpdf(X, mean, cov), expected, rtol=1e-06, atol=1e-06, name='log-densities (condition number 1e8)', hint='solve with the Cholesky factor instead of forming an inverse; take log det from diag(L)')

@test_case(name="test_far_from_the_mean", points=None, hidden=True)
def test_far_from_the_mean(mvn_logpdf):
    """Points so far from the mean that the density itself underflows to 0."""
    from mlmathkit_checks import guarded as _guarded
    mvn_logpdf = _guarded(mvn_logpdf, 'mvn_logpdf', ('numpy.linalg.inv', 'numpy.linalg.det', 'scipy.stats'))
    import numpy as np
    from scipy.stats import multivariate_normal
    from mlmathkit_checks import close
    rng = np.random.default_rng(99)
    A = rng.normal(size=(3, 3))
    cov, mean = (A @ A.T + np.eye(3), rng.normal(size=3))
    directions = rng.normal(size=(5, 3))
    directions /= np.linalg.norm(directions, axis=1, keepdims=True)
    X = mean + 150.0 * np.sqrt(np.linalg.eigvalsh(cov).max()) * directions
    expected = multivariate_normal(mean, cov).logpdf(X)
    close(mvn_logpdf(X, mean, cov), expected, rtol=1e-06, name='log-densities of points far from the mean', hint='never compute the density and take its log afterwards: exp(-1e4) is 0.0 in floating point')

@test_case(name="test_determinant_out_of_range", points=None, hidden=True)
def test_determinant_out_of_range(mvn_logpdf):
    """Many dimensions with small or large variances, where det Sigma itself underflows to 0 or overflows to inf."""
    from mlmathkit_checks import guarded as _guarded
    mvn_logpdf = _guarded(mvn_logpdf, 'mvn_logpdf', ('numpy.linalg.inv', 'numpy.linalg.det', 'scipy.stats'))
    import numpy as np
    from scipy.stats import multivariate_normal
    from mlmathkit_checks import close
    rng = np.random.default_rng(120)
    d = 120
    for scale in (0.0001, 10000.0):
        A = rng.normal(size=(d, d)) / np.sqrt(d)
        cov = scale * (A @ A.T + 0.5 * np.eye(d))
        mean = rng.normal(size=d) * np.sqrt(scale)
        X = rng.multivariate_normal(mean, cov, size=6)
        close(mvn_logpdf(X, mean, cov), multivariate_normal(mean, cov).logpdf(X), rtol=1e-06, name=f'log-densities (d = {d}, variances ~{scale:g})', hint='det Sigma is out of floating-point range here: log det Sigma = 2 sum log L_ii, never log(det(Sigma))')

@test_case(name="test_inputs_not_modified", points=None, hidden=True)
def test_inputs_not_modified(mvn_logpdf):
    """The points, mean and covariance passed in are left unchanged."""
    from mlmathkit_checks import guarded as _guarded
    mvn_logpdf = _guarded(mvn_logpdf, 'mvn_logpdf', ('numpy.linalg.inv', 'numpy.linalg.det', 'scipy.stats'))
    import numpy as np
    from mlmathkit_checks import close
    rng = np.random.default_rng(222)
    A = rng.normal(size=(3, 3))
    cov, mean, X = (A @ A.T + np.eye(3), rng.normal(size=3), rng.normal(size=(9, 3)))
    copies = [a.copy() for a in (X, mean, cov)]
    mvn_logpdf(X, mean, cov)
    for name, arr, copy in zip(['X', 'mean', 'cov'], [X, mean, cov], copies):
        close(arr, copy, rtol=0, atol=0, name=f'{name} after the call', hint='work on new arrays, not in place')


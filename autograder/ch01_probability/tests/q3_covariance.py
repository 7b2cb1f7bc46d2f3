from otter.test_files import test_case

OK_FORMAT = False

name = "q3_covariance"
points = 2.0

@test_case(name="test_worked_example", points=None, hidden=False)
def test_worked_example(sample_covariance, correlation_matrix):
    from mlmathkit_checks import guarded as _guarded
    sample_covariance = _guarded(sample_covariance, 'sample_covariance', ())
    correlation_matrix = _guarded(correlation_matrix, 'correlation_matrix', ())
    import numpy as np
    from mlmathkit_checks import close
    X = np.array([[1.0, 2.0], [2.0, 1.0], [3.0, 6.0]])
    close(sample_covariance(X), [[1.0, 2.0], [2.0, 7.0]], name='sample covariance', hint='centre each column, then divide the sum of outer products by n - 1')
    r = 2.0 / np.sqrt(7.0)
    close(correlation_matrix(X), [[1.0, r], [r, 1.0]], name='correlation matrix', hint='divide S_jk by the product of the standard deviations sqrt(S_jj) sqrt(S_kk)')
    close(sample_covariance(X + 100000000.0), [[1.0, 2.0], [2.0, 7.0]], atol=1e-06, name='sample covariance of the data + 1e8', hint='mean(x x^T) - xbar xbar^T cancels catastrophically for a large mean (and float32 cannot even store 1e8 + 1): centre the data first, in float64')
    close(correlation_matrix(X + 100000000.0), [[1.0, r], [r, 1.0]], atol=1e-06, name='correlation matrix of the data + 1e8')

@test_case(name="test_properties", points=None, hidden=False)
def test_properties(sample_covariance, correlation_matrix):
    from mlmathkit_checks import guarded as _guarded
    sample_covariance = _guarded(sample_covariance, 'sample_covariance', ())
    correlation_matrix = _guarded(correlation_matrix, 'correlation_matrix', ())
    import numpy as np
    from mlmathkit_checks import as_array, close, positive_definite, require
    rng = np.random.default_rng(3)
    X = rng.normal(size=(40, 4)) @ rng.normal(size=(4, 4))
    S = positive_definite(sample_covariance(X), name='sample covariance')
    require(S.shape == (4, 4), f'sample covariance should have shape (d, d) = (4, 4), got {S.shape}')
    close(sample_covariance(X + np.array([5.0, -3.0, 100.0, 0.5])), S, atol=1e-10, name='covariance of shifted data', hint='shifting every sample by the same vector must not change S')
    close(sample_covariance(3.0 * X), 9.0 * S, name='covariance of 3 X', hint='S(aX) = a^2 S(X)')
    R = as_array(correlation_matrix(X), 'correlation matrix', shape=(4, 4))
    close(np.diag(R), np.ones(4), name='diagonal of the correlation matrix')
    require(bool(np.all(np.abs(R) <= 1 + 1e-12)), 'correlations must lie in [-1, 1]')
    close(correlation_matrix(X * np.array([2.0, 0.1, 7.0, 1000.0])), R, atol=1e-10, name='correlation after rescaling the features', hint='correlation does not depend on the units of a feature')
    x = rng.normal(size=(10, 1))
    close(sample_covariance(x), [[float(((x - x.mean()) ** 2).sum() / 9)]], name='covariance of a single feature', hint='a single feature still gives a (1, 1) matrix')

@test_case(name="test_random_against_numpy", points=None, hidden=True)
def test_random_against_numpy(sample_covariance, correlation_matrix):
    """Random correlated data of many shapes, including a single feature and more features than samples."""
    from mlmathkit_checks import guarded as _guarded
    sample_covariance = _guarded(sample_covariance, 'sample_covariance', ())
    correlation_matrix = _guarded(correlation_matrix, 'correlation_matrix', ())
    import numpy as np
    from mlmathkit_checks import close
    rng = np.random.default_rng(303)
    for n, d in [(3, 2), (10, 1), (25, 3), (200, 6), (7, 10)]:
        X = rng.normal(loc=rng.normal(size=d), size=(n, d)) @ rng.normal(size=(d, d))
        close(sample_covariance(X), np.atleast_2d(np.cov(X, rowvar=False)), atol=1e-10, name=f'sample covariance (n={n}, d={d})', hint='rows are samples, columns are features; divide by n - 1')
        close(correlation_matrix(X), np.atleast_2d(np.corrcoef(X, rowvar=False)), atol=1e-10, name=f'correlation matrix (n={n}, d={d})')

@test_case(name="test_two_samples", points=None, hidden=True)
def test_two_samples(sample_covariance, correlation_matrix):
    """Only two samples, the smallest data set for which the covariance is defined."""
    from mlmathkit_checks import guarded as _guarded
    sample_covariance = _guarded(sample_covariance, 'sample_covariance', ())
    correlation_matrix = _guarded(correlation_matrix, 'correlation_matrix', ())
    import numpy as np
    from mlmathkit_checks import close
    x1, x2 = (np.array([0.0, 1.0, 2.0]), np.array([2.0, -1.0, 5.0]))
    diff = x1 - x2
    close(sample_covariance(np.stack([x1, x2])), np.outer(diff, diff) / 2, name='covariance of two samples')
    close(correlation_matrix(np.stack([x1, x2])), np.outer(np.sign(diff), np.sign(diff)), name='correlation of two samples')

@test_case(name="test_huge_offset", points=None, hidden=True)
def test_huge_offset(sample_covariance, correlation_matrix):
    """Data whose mean is huge compared with its spread, where the one-pass formula cancels catastrophically."""
    from mlmathkit_checks import guarded as _guarded
    sample_covariance = _guarded(sample_covariance, 'sample_covariance', ())
    correlation_matrix = _guarded(correlation_matrix, 'correlation_matrix', ())
    import numpy as np
    from mlmathkit_checks import close
    rng = np.random.default_rng(31)
    noise = rng.normal(size=(500, 3)) @ np.array([[1.0, 0.5, 0.0], [0.0, 1.0, -0.3], [0.0, 0.0, 0.7]])
    X = 100000000.0 + noise
    S_true = np.cov(X - 100000000.0, rowvar=False)
    close(sample_covariance(X), S_true, atol=1e-06, name='covariance of data with mean 1e8', hint='the formula mean(x^2) - mean(x)^2 cancels catastrophically here: centre the data first')
    close(correlation_matrix(X), np.corrcoef(X - 100000000.0, rowvar=False), atol=1e-06, name='correlation of data with mean 1e8')
    x = X[:, :1]
    close(sample_covariance(x), [[float(np.var(x - 100000000.0, ddof=1))]], name='variance of a single feature with mean 1e8')

@test_case(name="test_input_not_modified", points=None, hidden=True)
def test_input_not_modified(sample_covariance, correlation_matrix):
    """The data array passed in is left unchanged (no centring in place)."""
    from mlmathkit_checks import guarded as _guarded
    sample_covariance = _guarded(sample_covariance, 'sample_covariance', ())
    correlation_matrix = _guarded(correlation_matrix, 'correlation_matrix', ())
    import numpy as np
    from mlmathkit_checks import close
    rng = np.random.default_rng(333)
    X = rng.normal(loc=5.0, size=(12, 3))
    X_copy = X.copy()
    sample_covariance(X)
    close(X, X_copy, rtol=0, atol=0, name='X after sample_covariance(X)', hint="X - X.mean(axis=0) makes a new array; X -= ... overwrites the caller's data")
    correlation_matrix(X)
    close(X, X_copy, rtol=0, atol=0, name='X after correlation_matrix(X)', hint="X - X.mean(axis=0) makes a new array; X -= ... overwrites the caller's data")


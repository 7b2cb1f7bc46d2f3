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


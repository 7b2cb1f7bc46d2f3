from otter.test_files import test_case

OK_FORMAT = False

name = "q7_bayes_linreg"
points = 3.0

@test_case(name="test_worked_example", points=None, hidden=False)
def test_worked_example(blr_posterior, blr_predictive):
    from mlmathkit_checks import guarded as _guarded
    blr_posterior = _guarded(blr_posterior, 'blr_posterior', ())
    blr_predictive = _guarded(blr_predictive, 'blr_predictive', ())
    import numpy as np
    from mlmathkit_checks import close, fields
    m_N, S_N = fields(blr_posterior(np.array([[1.0], [1.0]]), np.array([1.0, 3.0]), 1.0, 1.0), ['m_N', 'S_N'], 'posterior')
    close(m_N, [4.0 / 3.0], name='m_N', hint='m_N = beta S_N Phi^T y')
    close(S_N, [[1.0 / 3.0]], name='S_N', hint='S_N is the INVERSE of alpha I + beta Phi^T Phi, shape (M, M)')
    mean, var = fields(blr_predictive(np.array([[2.0], [0.0]]), np.array([4.0 / 3.0]), np.array([[1.0 / 3.0]]), 1.0), ['mean', 'var'], 'predictive')
    close(mean, [8.0 / 3.0, 0.0], name='predictive mean')
    close(var, [1.0 + 4.0 / 3.0, 1.0], name='predictive variance', hint='noise variance 1/beta plus phi^T S_N phi')

@test_case(name="test_worked_example_two_features", points=None, hidden=False)
def test_worked_example_two_features(blr_posterior, blr_predictive):
    from mlmathkit_checks import guarded as _guarded
    blr_posterior = _guarded(blr_posterior, 'blr_posterior', ())
    blr_predictive = _guarded(blr_predictive, 'blr_predictive', ())
    import numpy as np
    from mlmathkit_checks import close, fields
    Phi, y = (np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]), np.array([1.0, 2.0, 3.0]))
    m_N, S_N = fields(blr_posterior(Phi, y, 2.0, 4.0), ['m_N', 'S_N'], 'posterior')
    close(S_N, np.array([[10.0, -4.0], [-4.0, 10.0]]) / 84, name='S_N (alpha = 2, beta = 4)', hint='S_N = (alpha I + beta Phi^T Phi)^{-1}: alpha multiplies the identity, beta the data term')
    close(m_N, np.array([20.0, 34.0]) / 21, name='m_N (alpha = 2, beta = 4)', hint='m_N = beta S_N Phi^T y')
    mean, var = fields(blr_predictive(np.array([[1.0, -1.0], [2.0, 0.0]]), np.array([20.0, 34.0]) / 21, np.array([[10.0, -4.0], [-4.0, 10.0]]) / 84, 4.0), ['mean', 'var'], 'predictive')
    close(mean, [-14.0 / 21, 40.0 / 21], name='predictive mean')
    close(var, [0.25 + 1.0 / 3.0, 0.25 + 40.0 / 84], name='predictive variance (beta = 4)', hint='var_i = 1/beta + phi_i^T S_N phi_i: the noise VARIANCE 1/beta, and the full quadratic form of row i alone')

@test_case(name="test_properties", points=None, hidden=False)
def test_properties(blr_posterior, blr_predictive):
    from mlmathkit_checks import guarded as _guarded
    blr_posterior = _guarded(blr_posterior, 'blr_posterior', ())
    blr_predictive = _guarded(blr_predictive, 'blr_predictive', ())
    import numpy as np
    from mlmathkit_checks import as_array, close, fields, positive_definite, require
    rng = np.random.default_rng(7)
    Phi = rng.normal(size=(20, 4))
    y = Phi @ np.array([1.0, -2.0, 0.5, 0.0]) + rng.normal(scale=0.3, size=20)
    m_N, S_N = fields(blr_posterior(Phi, y, 2.0, 10.0), ['m_N', 'S_N'], 'posterior')
    as_array(m_N, 'm_N', shape=(4,))
    positive_definite(as_array(S_N, 'S_N', shape=(4, 4)), name='S_N')
    mean, var = fields(blr_predictive(rng.normal(size=(6, 4)) * 3, m_N, S_N, 10.0), ['mean', 'var'], 'predictive')
    as_array(mean, 'predictive mean', shape=(6,))
    var = as_array(var, 'predictive variance', shape=(6,))
    require(bool(np.all(var >= 1 / 10.0)), f'predictive variances must be at least the noise variance 1/beta = 0.1, got min {var.min():.4g}')
    Phi = rng.normal(size=(2000, 5))
    y = Phi @ rng.normal(size=5) + rng.normal(size=2000)
    m_N, _ = fields(blr_posterior(Phi, y, 1e-08, 1.0), ['m_N', 'S_N'], 'posterior')
    close(m_N, np.linalg.lstsq(Phi, y, rcond=None)[0], name='m_N with alpha = 1e-8 and n = 2000', hint='with a vanishing prior the posterior mean is the least-squares fit')


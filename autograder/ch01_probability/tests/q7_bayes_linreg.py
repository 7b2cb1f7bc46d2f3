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

@test_case(name="test_posterior_against_gaussian_conditioning", points=None, hidden=True)
def test_posterior_against_gaussian_conditioning(blr_posterior):
    """Random designs and precisions, with more data than features, fewer, a single point and a single feature."""
    from mlmathkit_checks import guarded as _guarded
    blr_posterior = _guarded(blr_posterior, 'blr_posterior', ())
    import numpy as np
    from scipy.linalg import solve
    from mlmathkit_checks import close, fields
    rng = np.random.default_rng(707)
    for n, M, alpha, beta in [(30, 3, 1.0, 25.0), (50, 6, 0.1, 4.0), (8, 30, 0.5, 2.0), (1, 4, 3.0, 0.5), (40, 1, 2.0, 9.0)]:
        Phi = rng.normal(size=(n, M))
        y = Phi @ rng.normal(size=M) + rng.normal(scale=1 / np.sqrt(beta), size=n)
        K = Phi @ Phi.T / alpha + np.eye(n) / beta
        exp_m = Phi.T @ solve(K, y, assume_a='pos') / alpha
        exp_S = np.eye(M) / alpha - Phi.T @ solve(K, Phi, assume_a='pos') / alpha ** 2
        m_N, S_N = fields(blr_posterior(Phi, y, alpha, beta), ['m_N', 'S_N'], 'posterior')
        tag = f'(n={n}, M={M}, alpha={alpha:g}, beta={beta:g})'
        close(m_N, exp_m, atol=0.0001 * np.abs(exp_m).max(), name=f'm_N {tag}', hint='m_N = beta S_N Phi^T y: is beta there?')
        close(S_N, exp_S, atol=0.0001 * np.abs(exp_S).max(), name=f'S_N {tag}', hint='S_N^{-1} = alpha I + beta Phi^T Phi: alpha is a precision (inverse variance)')

@test_case(name="test_predictive_against_gaussian_process", points=None, hidden=True)
def test_predictive_against_gaussian_process(blr_predictive):
    """Predictions at random new inputs, with more data than features and fewer."""
    from mlmathkit_checks import guarded as _guarded
    blr_predictive = _guarded(blr_predictive, 'blr_predictive', ())
    import numpy as np
    from scipy.linalg import solve
    from mlmathkit_checks import close, fields
    rng = np.random.default_rng(717)
    for n, M, alpha, beta in [(25, 4, 1.0, 16.0), (6, 10, 0.3, 2.0)]:
        Phi, Phi_star = (rng.normal(size=(n, M)), rng.normal(scale=2.0, size=(12, M)))
        y = Phi @ rng.normal(size=M) + rng.normal(scale=1 / np.sqrt(beta), size=n)
        K = Phi @ Phi.T / alpha + np.eye(n) / beta
        m_N = Phi.T @ solve(K, y, assume_a='pos') / alpha
        S_N = np.eye(M) / alpha - Phi.T @ solve(K, Phi, assume_a='pos') / alpha ** 2
        S_N = (S_N + S_N.T) / 2
        k_star = Phi @ Phi_star.T / alpha
        exp_mean = k_star.T @ solve(K, y, assume_a='pos')
        exp_var = 1 / beta + np.sum(Phi_star ** 2, axis=1) / alpha - np.sum(k_star * solve(K, k_star, assume_a='pos'), axis=0)
        mean, var = fields(blr_predictive(Phi_star, m_N, S_N, beta), ['mean', 'var'], 'predictive')
        close(mean, exp_mean, atol=1e-06, name=f'predictive mean (n={n}, M={M})')
        close(var, exp_var, name=f'predictive variance (n={n}, M={M})', hint='var_i = 1/beta + phi_i^T S_N phi_i, one number per row of Phi_star')

@test_case(name="test_more_features_than_data", points=None, hidden=True)
def test_more_features_than_data(blr_posterior, blr_predictive):
    """Test inputs in directions the training features say nothing about."""
    from mlmathkit_checks import guarded as _guarded
    blr_posterior = _guarded(blr_posterior, 'blr_posterior', ())
    blr_predictive = _guarded(blr_predictive, 'blr_predictive', ())
    import numpy as np
    from scipy.linalg import null_space
    from mlmathkit_checks import close, fields
    rng = np.random.default_rng(727)
    Phi = rng.normal(size=(4, 12))
    y = rng.normal(size=4)
    alpha, beta = (0.5, 4.0)
    m_N, S_N = fields(blr_posterior(Phi, y, alpha, beta), ['m_N', 'S_N'], 'posterior')
    Phi_star = 3.0 * null_space(Phi)[:, :5].T
    mean, var = fields(blr_predictive(Phi_star, m_N, S_N, beta), ['mean', 'var'], 'predictive')
    close(mean, np.zeros(5), atol=0.0001, name='predictive mean in directions without data', hint='the posterior mean lies in the span of the training features')
    close(var, np.full(5, 1 / beta + 9.0 / alpha), name='predictive variance in directions without data', hint='there, the posterior is still the prior: variance 1/beta + |phi|^2 / alpha')

@test_case(name="test_inputs_not_modified", points=None, hidden=True)
def test_inputs_not_modified(blr_posterior, blr_predictive):
    """The design matrix, targets and posterior arrays passed in are left unchanged."""
    from mlmathkit_checks import guarded as _guarded
    blr_posterior = _guarded(blr_posterior, 'blr_posterior', ())
    blr_predictive = _guarded(blr_predictive, 'blr_predictive', ())
    import numpy as np
    from mlmathkit_checks import close
    rng = np.random.default_rng(737)
    Phi, y = (rng.normal(size=(15, 3)), rng.normal(size=15))
    Phi_copy, y_copy = (Phi.copy(), y.copy())
    blr_posterior(Phi, y, 0.5, 3.0)
    close(Phi, Phi_copy, rtol=0, atol=0, name='Phi after blr_posterior', hint='work on new arrays, not in place')
    close(y, y_copy, rtol=0, atol=0, name='y after blr_posterior', hint='work on new arrays, not in place')
    A = rng.normal(size=(3, 3))
    Phi_star, m_N, S_N = (rng.normal(size=(6, 3)), rng.normal(size=3), A @ A.T + 0.1 * np.eye(3))
    copies = [a.copy() for a in (Phi_star, m_N, S_N)]
    blr_predictive(Phi_star, m_N, S_N, 3.0)
    for name, arr, copy in zip(['Phi_star', 'm_N', 'S_N'], [Phi_star, m_N, S_N], copies):
        close(arr, copy, rtol=0, atol=0, name=f'{name} after blr_predictive', hint='work on new arrays, not in place')


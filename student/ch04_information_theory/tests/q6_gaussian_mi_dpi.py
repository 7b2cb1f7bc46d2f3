from otter.test_files import test_case

OK_FORMAT = False

name = "q6_gaussian_mi_dpi"
points = 3.0

@test_case(name="test_worked_example", points=None, hidden=False)
def test_worked_example(gaussian_mi, markov_chain_mi):
    from mlmathkit_checks import guarded as _guarded
    gaussian_mi = _guarded(gaussian_mi, 'gaussian_mi', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    markov_chain_mi = _guarded(markov_chain_mi, 'markov_chain_mi', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    from mlmathkit_checks import as_scalar, close
    close(as_scalar(gaussian_mi(np.array([[1.0, 0.6], [0.6, 1.0]]), 1), 'MI'), np.log(1.25), name='MI for rho = 0.6', hint='1/2 [log det S_XX + log det S_YY - log det S]; for two scalars, -1/2 log(1 - rho^2)')
    close(as_scalar(gaussian_mi(np.array([[4.0, 1.2], [1.2, 1.0]]), 1), 'MI'), np.log(1.25), name='MI for rho = 0.6 with sigma_X = 2', hint='MI does not depend on the units')
    cov3 = np.array([[1.0, 0.0, 0.48], [0.0, 1.0, 0.6], [0.48, 0.6, 1.0]])
    close(as_scalar(gaussian_mi(cov3, 2), 'MI'), np.log(1.5625), name='MI between X = (X1, X2) and Y', hint='with several coordinates per block use the log-determinants of the blocks, not one correlation')
    close(markov_chain_mi(1.0, np.array([1.0, 1.0]), np.array([1.0, 2.0])), [0.5 * np.log(2.0), 0.5 * np.log(4.0 / 3.0)], name='I(X_0; X_i) along the chain', hint='noise accumulates: noise_i = g_i^2 noise_{i-1} + n_i')

@test_case(name="test_properties", points=None, hidden=False)
def test_properties(gaussian_mi, markov_chain_mi):
    from mlmathkit_checks import guarded as _guarded
    gaussian_mi = _guarded(gaussian_mi, 'gaussian_mi', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    markov_chain_mi = _guarded(markov_chain_mi, 'markov_chain_mi', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, require
    rng = np.random.default_rng(6)
    A = rng.normal(size=(5, 5))
    cov = A @ A.T + 0.5 * np.eye(5)
    mi = as_scalar(gaussian_mi(cov, 2), 'MI')
    require(bool(mi > 0), 'correlated blocks have positive mutual information')
    perm = [2, 3, 4, 0, 1]
    close(as_scalar(gaussian_mi(cov[np.ix_(perm, perm)], 3), 'MI'), mi, name='I(Y; X) compared with I(X; Y)', hint='mutual information is symmetric')
    T = np.diag([3.0, 0.2, 1.0, 1.0, 50.0])
    close(as_scalar(gaussian_mi(T @ cov @ T, 2), 'MI'), mi, name='MI after rescaling coordinates')
    block = cov.copy()
    block[:2, 2:] = block[2:, :2] = 0.0
    close(as_scalar(gaussian_mi(block, 2), 'MI'), 0.0, atol=1e-06, name='MI of independent blocks')
    gains, noises = (rng.uniform(-2.0, 2.0, size=8), rng.uniform(0.1, 2.0, size=8))
    mi_chain = as_array(markov_chain_mi(1.5, gains, noises), 'chain MI', shape=(8,))
    require(bool(np.all(np.diff(mi_chain) <= 1e-12)), f'data processing: I(X_0; X_i) cannot increase along the chain, got {mi_chain}')
    close(markov_chain_mi(3.0 * 1.5, gains, 3.0 * noises), mi_chain, name='chain MI with var_x and all noises tripled', hint='only signal-to-noise ratios matter')
    close(markov_chain_mi(1.5, -gains, noises), mi_chain, name='chain MI with every gain negated')


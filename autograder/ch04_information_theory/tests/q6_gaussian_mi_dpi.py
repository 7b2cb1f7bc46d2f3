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

@test_case(name="test_gaussian_mi_against_torch", points=None, hidden=True)
def test_gaussian_mi_against_torch(gaussian_mi):
    """Random joint covariances with blocks of several coordinates, and two scalars with correlations from weak to nearly perfect."""
    from mlmathkit_checks import guarded as _guarded
    gaussian_mi = _guarded(gaussian_mi, 'gaussian_mi', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    import torch
    from torch.distributions import MultivariateNormal
    from mlmathkit_checks import as_scalar, close
    rng = np.random.default_rng(4601)
    h = lambda S: float(MultivariateNormal(torch.zeros(len(S), dtype=torch.float64), torch.tensor(S)).entropy())
    for d, dx in [(2, 1), (3, 1), (3, 2), (5, 2), (8, 4), (8, 1)]:
        A = rng.normal(size=(d, d))
        cov = A @ A.T / d + 0.2 * np.eye(d)
        expected = h(cov[:dx, :dx]) + h(cov[dx:, dx:]) - h(cov)
        close(as_scalar(gaussian_mi(cov, dx), 'MI'), expected, atol=1e-10, name=f'Gaussian MI (d={d}, dx={dx})', hint='1/2 [log det S_XX + log det S_YY - log det S] in nats')
    for rho in (0.1, -0.5, 0.99, 0.999999):
        close(as_scalar(gaussian_mi(np.array([[2.0, 2.0 * rho], [2.0 * rho, 2.0]]), 1), 'MI'), -0.5 * np.log1p(-rho ** 2), atol=1e-06 / (1 - rho ** 2), name=f'Gaussian MI for rho = {rho}')

@test_case(name="test_gaussian_mi_high_dimension", points=None, hidden=True)
def test_gaussian_mi_high_dimension(gaussian_mi):
    """A 60-dimensional Gaussian with variances near 1e-7, whose determinants underflow to zero."""
    from mlmathkit_checks import guarded as _guarded
    gaussian_mi = _guarded(gaussian_mi, 'gaussian_mi', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    import torch
    from torch.distributions import MultivariateNormal
    from mlmathkit_checks import as_scalar, close
    rng = np.random.default_rng(4602)
    d, dx = (60, 25)
    A = rng.normal(size=(d, d)) / np.sqrt(d)
    cov = 1e-07 * (A @ A.T + 0.3 * np.eye(d))
    h = lambda S: float(MultivariateNormal(torch.zeros(len(S), dtype=torch.float64), torch.tensor(S)).entropy())
    close(as_scalar(gaussian_mi(cov, dx), 'MI'), h(cov[:dx, :dx]) + h(cov[dx:, dx:]) - h(cov), atol=0.001, name='Gaussian MI in d = 60 with variances 1e-7', hint='determinants underflow: sum the logs of the Cholesky diagonal')

@test_case(name="test_chain_against_covariances", points=None, hidden=True)
def test_chain_against_covariances(markov_chain_mi):
    """Random chains of 1 to 10 layers with positive and negative gains and different input variances."""
    from mlmathkit_checks import guarded as _guarded
    markov_chain_mi = _guarded(markov_chain_mi, 'markov_chain_mi', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    import torch
    from torch.distributions import MultivariateNormal
    from mlmathkit_checks import close
    rng = np.random.default_rng(4603)
    h = lambda S: float(MultivariateNormal(torch.zeros(len(S), dtype=torch.float64), torch.tensor(S)).entropy())
    for L, var_x in [(1, 2.0), (4, 0.5), (10, 1.0), (6, 30.0)]:
        gains, noises = (rng.uniform(-2.0, 2.0, size=L), rng.uniform(0.05, 1.5, size=L))
        C = np.zeros((L + 1, L + 1))
        C[0, 0] = var_x
        for i in range(1, L + 1):
            C[i, :i] = C[:i, i] = gains[i - 1] * C[i - 1, :i]
            C[i, i] = gains[i - 1] ** 2 * C[i - 1, i - 1] + noises[i - 1]
        expected = [h(C[[0]][:, [0]]) + h(C[[i]][:, [i]]) - h(C[np.ix_([0, i], [0, i])]) for i in range(1, L + 1)]
        close(markov_chain_mi(var_x, gains, noises), expected, atol=1e-10, name=f'chain MI (L={L}, var_x={var_x})', hint='noise_i = g_i^2 noise_{i-1} + n_i; signal_i = g_i^2 signal_{i-1}; I = 1/2 log(1 + signal/noise)')

@test_case(name="test_chain_long_and_degenerate", points=None, hidden=True)
def test_chain_long_and_degenerate(markov_chain_mi):
    """A 40-layer chain whose information decays far below floating-point rounding of 1, a layer with gain 0, and a nearly noiseless link."""
    from mlmathkit_checks import guarded as _guarded
    markov_chain_mi = _guarded(markov_chain_mi, 'markov_chain_mi', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import mpmath
    import numpy as np
    from mlmathkit_checks import close
    rng = np.random.default_rng(4604)
    gains, noises = (np.full(40, 0.5), rng.uniform(0.5, 2.0, size=40))
    with mpmath.workdps(50):
        signal, noise, expected = (mpmath.mpf(1), mpmath.mpf(0), [])
        for g, n in zip(gains, noises):
            signal, noise = (mpmath.mpf(g) ** 2 * signal, mpmath.mpf(g) ** 2 * noise + mpmath.mpf(n))
            expected.append(float(mpmath.log(1 + signal / noise) / 2))
    close(markov_chain_mi(1.0, gains, noises), expected, rtol=1e-06, atol=0.0, name='chain MI over 40 layers of gain 1/2', hint='1 + 1e-20 == 1 in floating point: use np.log1p(snr)')
    got = markov_chain_mi(1.0, np.array([2.0, 0.0, 3.0]), np.array([1.0, 1.0, 1.0]))
    close(got, [0.5 * np.log(5.0), 0.0, 0.0], atol=1e-12, name='chain MI with a zero gain in layer 2')
    close(markov_chain_mi(1.0, np.array([1.0, 1.0]), np.array([1e-10, 1e-10])), [0.5 * np.log1p(10000000000.0), 0.5 * np.log1p(5000000000.0)], name='chain MI with noise variance 1e-10')

@test_case(name="test_inputs_unchanged", points=None, hidden=True)
def test_inputs_unchanged(gaussian_mi, markov_chain_mi):
    """Your functions leave the caller's covariance, gains and noise variances unchanged."""
    from mlmathkit_checks import guarded as _guarded
    gaussian_mi = _guarded(gaussian_mi, 'gaussian_mi', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    markov_chain_mi = _guarded(markov_chain_mi, 'markov_chain_mi', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close
    rng = np.random.default_rng(4605)
    A = rng.normal(size=(5, 5))
    inputs = {'cov': A @ A.T + np.eye(5), 'gains': rng.uniform(-2.0, 2.0, size=6), 'noise_vars': rng.uniform(0.1, 1.0, size=6)}
    copies = {name: v.copy() for name, v in inputs.items()}
    as_scalar(gaussian_mi(inputs['cov'], 2), 'MI')
    as_array(markov_chain_mi(1.3, inputs['gains'], inputs['noise_vars']), 'chain MI', shape=(6,))
    for name, v in inputs.items():
        close(v, copies[name], rtol=0.0, atol=0.0, name=f'the argument {name} after the calls', hint='do not modify your inputs in place; work on copies')


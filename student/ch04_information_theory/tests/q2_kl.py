from otter.test_files import test_case

OK_FORMAT = False

name = "q2_kl"
points = 3.0

@test_case(name="test_worked_example", points=None, hidden=False)
def test_worked_example(kl_divergence, kl_gaussians):
    from mlmathkit_checks import guarded as _guarded
    kl_divergence = _guarded(kl_divergence, 'kl_divergence', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    kl_gaussians = _guarded(kl_gaussians, 'kl_gaussians', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    from mlmathkit_checks import as_scalar, close
    p, q = (np.array([0.5, 0.5]), np.array([0.25, 0.75]))
    close(as_scalar(kl_divergence(p, q), 'KL(p||q)'), 0.5 * np.log(4.0 / 3.0), name='KL((1/2, 1/2) || (1/4, 3/4))', hint='sum p log(p / q) with the natural log')
    close(as_scalar(kl_divergence(q, p), 'KL(q||p)'), 0.25 * np.log(0.5) + 0.75 * np.log(1.5), name='KL((1/4, 3/4) || (1/2, 1/2))', hint='the first argument is the one you average over')
    close(as_scalar(kl_gaussians(np.array([0.0]), np.array([[1.0]]), np.array([1.0]), np.array([[4.0]])), 'KL'), np.log(2.0) - 0.25, name='KL(N(0, 1) || N(1, 4))', hint='1/2 [tr(cov1^-1 cov0) + quadratic form - d + log det cov1 - log det cov0]')

@test_case(name="test_properties", points=None, hidden=False)
def test_properties(kl_divergence, kl_gaussians):
    from mlmathkit_checks import guarded as _guarded
    kl_divergence = _guarded(kl_divergence, 'kl_divergence', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    kl_gaussians = _guarded(kl_gaussians, 'kl_gaussians', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    from mlmathkit_checks import as_scalar, close, require
    rng = np.random.default_rng(2)
    p, q = (rng.dirichlet(np.ones(5)), rng.dirichlet(np.ones(5)))
    close(as_scalar(kl_divergence(p, p), 'KL(p||p)'), 0.0, atol=1e-12, name='KL(p || p)')
    require(bool(as_scalar(kl_divergence(p, q), 'KL') > 0), "KL(p || q) must be positive when p != q (Gibbs' inequality)")
    close(as_scalar(kl_divergence(np.array([0.5, 0.5, 0.0]), np.array([0.25, 0.75, 0.0])), 'KL'), 0.5 * np.log(4.0 / 3.0), name='KL with p(x) = q(x) = 0 for one x', hint='terms with p(x) = 0 contribute 0, whatever q(x) is')
    kl_inf = np.asarray(kl_divergence(np.array([0.5, 0.5]), np.array([1.0, 0.0])), dtype=float)
    require(bool(kl_inf.size == 1 and np.isposinf(kl_inf.reshape(()))), f'KL(p || q) must be +inf when q(x) = 0 but p(x) > 0; got {kl_inf}')
    A = rng.normal(size=(3, 3))
    cov0, cov1 = (A @ A.T + np.eye(3), np.diag([1.0, 2.0, 0.5]))
    mu0, mu1 = (rng.normal(size=3), rng.normal(size=3))
    close(as_scalar(kl_gaussians(mu0, cov0, mu0, cov0), 'KL'), 0.0, atol=1e-10, name='KL(N || N) for the same Gaussian')
    kl = as_scalar(kl_gaussians(mu0, cov0, mu1, cov1), 'KL')
    require(bool(kl > 0), 'KL between different Gaussians must be positive')
    T, c = (rng.normal(size=(3, 3)) + 2 * np.eye(3), rng.normal(size=3))
    close(as_scalar(kl_gaussians(T @ mu0 + c, T @ cov0 @ T.T, T @ mu1 + c, T @ cov1 @ T.T), 'KL'), kl, name='KL after the same invertible affine map of both Gaussians', hint='KL does not depend on the coordinates: both log-determinants and the trace change together')


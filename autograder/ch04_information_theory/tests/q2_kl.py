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

@test_case(name="test_discrete_against_torch", points=None, hidden=True)
def test_discrete_against_torch(kl_divergence):
    """Random distributions from 2 to 2000 outcomes, with zeros in p and sometimes in q where p is zero, both ways round."""
    from mlmathkit_checks import guarded as _guarded
    kl_divergence = _guarded(kl_divergence, 'kl_divergence', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    import torch
    from torch.distributions import Categorical, kl_divergence as torch_kl
    from mlmathkit_checks import as_scalar, close
    rng = np.random.default_rng(4201)
    for K in (2, 3, 10, 100, 2000):
        p, q = (rng.dirichlet(np.full(K, 0.8)), rng.dirichlet(np.full(K, 0.8)))
        zero_p = rng.random(K) < 0.3
        zero_p[0] = False
        p[zero_p] = 0.0
        p /= p.sum()
        q[zero_p & (rng.random(K) < 0.5)] = 0.0
        q /= q.sum()
        expected = float(torch_kl(Categorical(probs=torch.tensor(p)), Categorical(probs=torch.tensor(q))))
        close(as_scalar(kl_divergence(p, q), 'KL'), expected, name=f'KL(p || q) with K = {K}', hint='natural log; entries with p = 0 contribute 0')
        expected = float(torch_kl(Categorical(probs=torch.tensor(q)), Categorical(probs=torch.tensor(p))))
        if np.isfinite(expected):
            close(as_scalar(kl_divergence(q, p), 'KL'), expected, name=f'KL(q || p) with K = {K}')

@test_case(name="test_discrete_infinite", points=None, hidden=True)
def test_discrete_infinite(kl_divergence):
    """A q that rules out an outcome p allows (even one of probability 1e-30), where the divergence is infinite."""
    from mlmathkit_checks import guarded as _guarded
    kl_divergence = _guarded(kl_divergence, 'kl_divergence', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    from mlmathkit_checks import require
    rng = np.random.default_rng(4202)
    cases = [(np.array([0.5, 0.5]), np.array([1.0, 0.0])), (np.array([1e-30, 1.0 - 1e-30]), np.array([0.0, 1.0]))]
    p, q = (rng.dirichlet(np.ones(50)), rng.dirichlet(np.ones(50)))
    q[17] = 0.0
    cases.append((p, q / q.sum()))
    for i, (p, q) in enumerate(cases):
        got = np.asarray(kl_divergence(p, q), dtype=float)
        require(bool(got.size == 1 and np.isposinf(got.reshape(()))), f'case {i}: KL(p || q) must be +inf when q(x) = 0 for an x with p(x) > 0, got {got}; do not clip or add epsilon to q')

@test_case(name="test_gaussians_against_torch", points=None, hidden=True)
def test_gaussians_against_torch(kl_gaussians):
    """Random Gaussians with full covariances in dimensions 1 to 30."""
    from mlmathkit_checks import guarded as _guarded
    kl_gaussians = _guarded(kl_gaussians, 'kl_gaussians', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    import torch
    from torch.distributions import MultivariateNormal, kl_divergence as torch_kl
    from mlmathkit_checks import as_scalar, close
    rng = np.random.default_rng(4203)
    for d in (1, 2, 3, 5, 10, 30):
        A, B = (rng.normal(size=(d, d)), rng.normal(size=(d, d)))
        cov0 = A @ A.T / d + 0.5 * np.eye(d)
        cov1 = B @ B.T / d + 0.3 * np.eye(d)
        mu0, mu1 = (rng.normal(size=d), rng.normal(size=d))
        expected = float(torch_kl(MultivariateNormal(torch.tensor(mu0), torch.tensor(cov0)), MultivariateNormal(torch.tensor(mu1), torch.tensor(cov1))))
        close(as_scalar(kl_gaussians(mu0, cov0, mu1, cov1), 'KL'), expected, name=f'KL between Gaussians (d={d})', hint='the trace and the quadratic form both use cov1^{-1}; subtract d')

@test_case(name="test_gaussians_high_dimension", points=None, hidden=True)
def test_gaussians_high_dimension(kl_gaussians):
    """Gaussians in 100 dimensions with variances near 1e-4, whose determinants underflow to zero."""
    from mlmathkit_checks import guarded as _guarded
    kl_gaussians = _guarded(kl_gaussians, 'kl_gaussians', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    import torch
    from torch.distributions import MultivariateNormal, kl_divergence as torch_kl
    from mlmathkit_checks import as_scalar, close
    rng = np.random.default_rng(4204)
    d = 100
    A, B = (rng.normal(size=(d, d)) / np.sqrt(d), rng.normal(size=(d, d)) / np.sqrt(d))
    cov0 = 0.0001 * (A @ A.T + np.eye(d))
    cov1 = 0.0002 * (0.5 * B @ B.T + np.eye(d))
    mu0, mu1 = (rng.normal(scale=0.01, size=d), rng.normal(scale=0.01, size=d))
    expected = float(torch_kl(MultivariateNormal(torch.tensor(mu0), torch.tensor(cov0)), MultivariateNormal(torch.tensor(mu1), torch.tensor(cov1))))
    close(as_scalar(kl_gaussians(mu0, cov0, mu1, cov1), 'KL'), expected, name='KL between Gaussians in d = 100', hint='np.linalg.det underflows to 0 here: take log det from the diagonal of the Cholesky factor')

@test_case(name="test_inputs_unchanged", points=None, hidden=True)
def test_inputs_unchanged(kl_divergence, kl_gaussians):
    """Your functions leave the caller's arrays unchanged."""
    from mlmathkit_checks import guarded as _guarded
    kl_divergence = _guarded(kl_divergence, 'kl_divergence', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    kl_gaussians = _guarded(kl_gaussians, 'kl_gaussians', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    from mlmathkit_checks import as_scalar, close
    rng = np.random.default_rng(4205)
    p, q = (rng.dirichlet(np.ones(6)), rng.dirichlet(np.ones(6)))
    p[2] = 0.0
    p /= p.sum()
    A, B = (rng.normal(size=(4, 4)), rng.normal(size=(4, 4)))
    mu0, mu1 = (rng.normal(size=4), rng.normal(size=4))
    cov0, cov1 = (A @ A.T + np.eye(4), B @ B.T + np.eye(4))
    inputs = {'p': p, 'q': q, 'mu0': mu0, 'mu1': mu1, 'cov0': cov0, 'cov1': cov1}
    copies = {k: v.copy() for k, v in inputs.items()}
    as_scalar(kl_divergence(p, q), 'KL')
    as_scalar(kl_gaussians(mu0, cov0, mu1, cov1), 'KL')
    for k, v in inputs.items():
        close(v, copies[k], rtol=0.0, atol=0.0, name=f'the argument {k} after the call', hint='do not modify your inputs in place; work on copies')


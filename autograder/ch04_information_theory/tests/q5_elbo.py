from otter.test_files import test_case

OK_FORMAT = False

name = "q5_elbo"
points = 4.0

@test_case(name="test_worked_example", points=None, hidden=False)
def test_worked_example(kl_to_standard_normal, elbo_estimate):
    from mlmathkit_checks import guarded as _guarded
    kl_to_standard_normal = _guarded(kl_to_standard_normal, 'kl_to_standard_normal', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    elbo_estimate = _guarded(elbo_estimate, 'elbo_estimate', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    from mlmathkit_checks import close
    close(kl_to_standard_normal(np.array([[1.0, 0.0]]), np.array([[0.0, np.log(2.0)]])), [1.0 - np.log(2.0) / 2], name='KL(N((1, 0), diag(1, 2)) || N(0, I))', hint='1/2 sum (exp(log_var) + mu^2 - 1 - log_var), one value per row')
    got = elbo_estimate(np.array([[1.0]]), np.array([[1.0]]), np.array([[0.0]]), np.array([[1.0]]), np.array([0.0]), 1.0, np.zeros((1, 1, 1)))
    close(got, [-0.5 * np.log(2 * np.pi) - 0.5], name='ELBO estimate with eps = 0', hint='log N(x | W z + b, sigma^2 I) including -D/2 log(2 pi sigma^2), minus the KL term')
    got = elbo_estimate(np.array([[2.0, 2.0]]), np.array([[0.0]]), np.array([[np.log(4.0)]]), np.array([[1.0], [2.0]]), np.array([0.0, 0.0]), 2.0, np.full((1, 1, 1), 0.5))
    close(got, [-1.75 - np.log(2 * np.pi)], name='ELBO estimate with eps = 1/2, D = 2 and sigma^2 = 2', hint='z = mu + exp(log_var / 2) * eps; sum the squared residuals over the D outputs; the constant is D log(2 pi sigma^2)')

@test_case(name="test_properties", points=None, hidden=False)
def test_properties(kl_to_standard_normal, elbo_estimate):
    from mlmathkit_checks import guarded as _guarded
    kl_to_standard_normal = _guarded(kl_to_standard_normal, 'kl_to_standard_normal', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    elbo_estimate = _guarded(elbo_estimate, 'elbo_estimate', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    from mlmathkit_checks import as_array, close, require
    rng = np.random.default_rng(5)
    n, k, D = (4, 3, 5)
    mu, log_var = (rng.normal(size=(n, k)), rng.normal(size=(n, k)))
    kl = as_array(kl_to_standard_normal(mu, log_var), 'KL', shape=(n,))
    require(bool(np.all(kl > 0)), 'KL to the prior must be positive unless q is the prior')
    close(kl_to_standard_normal(np.zeros((2, k)), np.zeros((2, k))), np.zeros(2), name='KL(N(0, I) || N(0, I))')
    x, W, b = (rng.normal(size=(n, D)), rng.normal(size=(D, k)), rng.normal(size=D))
    e1, e2 = (rng.normal(size=(3, n, k)), rng.normal(size=(2, n, k)))
    one, two = (elbo_estimate(x, mu, log_var, W, b, 0.5, e1), elbo_estimate(x, mu, log_var, W, b, 0.5, e2))
    as_array(one, 'ELBO', shape=(n,))
    both = elbo_estimate(x, mu, log_var, W, b, 0.5, np.concatenate([e1, e2]))
    close(both, (3 * as_array(one, 'ELBO') + 2 * as_array(two, 'ELBO')) / 5, name='ELBO from 5 samples vs from 3 and 2', hint='average log p(x | z_s) over the S samples (axis 0 of eps)')
    close(as_array(elbo_estimate(x[:1], mu[:1], log_var[:1], W, b, 0.5, e1[:, :1]), 'ELBO'), as_array(one, 'ELBO')[:1], name='ELBO of the first point alone')

@test_case(name="test_kl_against_torch", points=None, hidden=True)
def test_kl_against_torch(kl_to_standard_normal):
    """Random encoder outputs with log-variances from -20 to 10, for batches of different sizes."""
    from mlmathkit_checks import guarded as _guarded
    kl_to_standard_normal = _guarded(kl_to_standard_normal, 'kl_to_standard_normal', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    import torch
    from torch.distributions import Independent, Normal, kl_divergence
    from mlmathkit_checks import close
    rng = np.random.default_rng(4501)
    for n, k in [(20, 16), (5, 3), (1, 1)]:
        mu, log_var = (rng.normal(scale=2.0, size=(n, k)), rng.uniform(-20.0, 10.0, size=(n, k)))
        q = Independent(Normal(torch.tensor(mu), torch.exp(0.5 * torch.tensor(log_var))), 1)
        prior = Independent(Normal(torch.zeros(n, k, dtype=torch.float64), torch.ones(n, k, dtype=torch.float64)), 1)
        close(kl_to_standard_normal(mu, log_var), kl_divergence(q, prior).numpy(), name=f'KL to the prior (n={n}, k={k})', hint='log_var is the log of the VARIANCE: sigma^2 = exp(log_var)')

@test_case(name="test_elbo_same_noise_against_torch", points=None, hidden=True)
def test_elbo_same_noise_against_torch(elbo_estimate):
    """Your estimate with given noise, for several sample counts, batch sizes, latent and data dimensions and decoder variances."""
    from mlmathkit_checks import guarded as _guarded
    elbo_estimate = _guarded(elbo_estimate, 'elbo_estimate', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    import torch
    from torch.distributions import Independent, Normal, kl_divergence
    from mlmathkit_checks import close
    rng = np.random.default_rng(4502)
    for S, n, k, D, noise_var in [(7, 5, 3, 4, 0.3), (3, 2, 1, 10, 2.0), (1, 6, 4, 4, 0.05), (50, 1, 2, 3, 1.0)]:
        x, W, b = (rng.normal(size=(n, D)), rng.normal(size=(D, k)), rng.normal(size=D))
        mu, log_var = (rng.normal(size=(n, k)), rng.uniform(-3.0, 1.0, size=(n, k)))
        eps = rng.normal(size=(S, n, k))
        q = Independent(Normal(torch.tensor(mu), torch.exp(0.5 * torch.tensor(log_var))), 1)
        z = q.base_dist.loc + q.base_dist.scale * torch.tensor(eps)
        decoder = Independent(Normal(z @ torch.tensor(W).T + torch.tensor(b), float(np.sqrt(noise_var))), 1)
        prior = Independent(Normal(torch.zeros(n, k, dtype=torch.float64), torch.ones(n, k, dtype=torch.float64)), 1)
        expected = decoder.log_prob(torch.tensor(x)).mean(dim=0) - kl_divergence(q, prior)
        close(elbo_estimate(x, mu, log_var, W, b, noise_var, eps), expected.numpy(), name=f'ELBO estimate (S={S}, n={n}, k={k}, D={D}, noise_var={noise_var})', hint='z = mu + exp(log_var / 2) * eps; keep the -D/2 log(2 pi sigma^2); subtract the KL')

@test_case(name="test_elbo_unbiased", points=None, hidden=True)
def test_elbo_unbiased(elbo_estimate):
    """Many single-sample estimates must average to the exact ELBO of the linear-Gaussian model."""
    from mlmathkit_checks import guarded as _guarded
    elbo_estimate = _guarded(elbo_estimate, 'elbo_estimate', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    import torch
    from torch.distributions import MultivariateNormal, kl_divergence
    from mlmathkit_checks import mean_within
    rng = np.random.default_rng(4509)
    reps, k, D, noise_var = (300000, 2, 3, 2.0)
    W, b, x = (rng.normal(size=(D, k)), rng.normal(size=D), rng.normal(size=D))
    for mu, log_var in [(np.array([2.0, 1.0]), np.array([1.5, -2.0])), (np.array([0.3, -0.8]), np.log(np.array([0.25, 0.6])))]:
        eps = rng.normal(size=(1, reps, k))
        samples = elbo_estimate(np.tile(x, (reps, 1)), np.tile(mu, (reps, 1)), np.tile(log_var, (reps, 1)), W, b, noise_var, eps)
        marginal = MultivariateNormal(torch.tensor(b), torch.tensor(W @ W.T + noise_var * np.eye(D)))
        post_cov = np.linalg.inv(np.eye(k) + W.T @ W / noise_var)
        post_mean = post_cov @ W.T @ (x - b) / noise_var
        kl_post = kl_divergence(MultivariateNormal(torch.tensor(mu), torch.tensor(np.diag(np.exp(log_var)))), MultivariateNormal(torch.tensor(post_mean), torch.tensor(post_cov)))
        exact = float(marginal.log_prob(torch.tensor(x)) - kl_post)
        r, A = (x - W @ mu - b, W * np.exp(0.5 * log_var))
        std = 0.5 / noise_var * np.sqrt(4 * r @ A @ A.T @ r + 2 * np.sum((A.T @ A) ** 2))
        mean_within(samples, exact, std, false_fail=1e-06, name=f'single-sample ELBO estimates for q = N({mu.round(2).tolist()}, exp({log_var.round(2).tolist()}))')

@test_case(name="test_inputs_unchanged", points=None, hidden=True)
def test_inputs_unchanged(kl_to_standard_normal, elbo_estimate):
    """Your functions leave the caller's arrays unchanged."""
    from mlmathkit_checks import guarded as _guarded
    kl_to_standard_normal = _guarded(kl_to_standard_normal, 'kl_to_standard_normal', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    elbo_estimate = _guarded(elbo_estimate, 'elbo_estimate', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    from mlmathkit_checks import as_array, close
    rng = np.random.default_rng(4510)
    S, n, k, D = (4, 3, 2, 5)
    inputs = {'x': rng.normal(size=(n, D)), 'mu': rng.normal(size=(n, k)), 'log_var': rng.normal(size=(n, k)), 'W': rng.normal(size=(D, k)), 'b': rng.normal(size=D), 'eps': rng.normal(size=(S, n, k))}
    copies = {name: v.copy() for name, v in inputs.items()}
    as_array(kl_to_standard_normal(inputs['mu'], inputs['log_var']), 'KL', shape=(n,))
    as_array(elbo_estimate(inputs['x'], inputs['mu'], inputs['log_var'], inputs['W'], inputs['b'], 0.7, inputs['eps']), 'ELBO', shape=(n,))
    for name, v in inputs.items():
        close(v, copies[name], rtol=0.0, atol=0.0, name=f'the argument {name} after the calls', hint="z = mu + std * eps builds a new array; z = mu; z += ... overwrites the caller's mu")


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


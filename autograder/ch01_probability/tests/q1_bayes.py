from otter.test_files import test_case

OK_FORMAT = False

name = "q1_bayes"
points = 2.0

@test_case(name="test_worked_example_medical_test", points=None, hidden=False)
def test_worked_example_medical_test(bayes_posterior):
    from mlmathkit_checks import guarded as _guarded
    bayes_posterior = _guarded(bayes_posterior, 'bayes_posterior', ())
    import numpy as np
    from mlmathkit_checks import close, probabilities
    post = bayes_posterior(np.array([0.01, 0.99]), np.array([[0.9, 0.05]]))
    probabilities(post, name='posterior')
    close(post, [0.009 / 0.0585, 0.0495 / 0.0585], name='posterior [sick, healthy]', hint='multiply each prior by its likelihood, then divide by the sum over hypotheses')
    post = bayes_posterior(np.array([0.01, 0.99]), np.array([[0.9, 0.05], [0.9, 0.05]]))
    close(post, [0.0081 / 0.010575, 0.002475 / 0.010575], name='posterior [sick, healthy] after two positive tests', hint='the likelihood of n independent observations is the PRODUCT of their likelihoods (a SUM of logs)')

@test_case(name="test_properties", points=None, hidden=False)
def test_properties(bayes_posterior):
    from mlmathkit_checks import guarded as _guarded
    bayes_posterior = _guarded(bayes_posterior, 'bayes_posterior', ())
    import numpy as np
    from mlmathkit_checks import close, probabilities
    prior = np.array([0.5, 0.3, 0.2])
    flat = np.full((4, 3), 0.25)
    close(bayes_posterior(prior, flat), prior, name='posterior when every hypothesis explains the data equally', hint='equal likelihoods must leave the prior unchanged')
    post = bayes_posterior(np.array([0.0, 0.5, 0.5]), np.array([[0.9, 0.1, 0.2]]))
    probabilities(post, name='posterior')
    close(post[0], 0.0, atol=0.0, name='posterior of a hypothesis with prior 0')
    close(bayes_posterior(np.array([0.5, 0.5]), np.array([[1e-12, 1e-11]])), [1 / 11, 10 / 11], name='posterior after likelihoods 1e-12 and 1e-11', hint='never clip or round up small likelihoods')
    lik = np.tile([0.1, 0.2], (1000, 1))
    close(bayes_posterior(np.array([0.5, 0.5]), lik), [0.0, 1.0], atol=1e-12, name='posterior after 1000 observations whose product underflows', hint='sum log-likelihoods and subtract the maximum before exponentiating (log-sum-exp)')

@test_case(name="test_random_against_direct_formula", points=None, hidden=True)
def test_random_against_direct_formula(bayes_posterior):
    """Random priors and short sequences of observations, with any number of hypotheses."""
    from mlmathkit_checks import guarded as _guarded
    bayes_posterior = _guarded(bayes_posterior, 'bayes_posterior', ())
    import numpy as np
    from mlmathkit_checks import close
    rng = np.random.default_rng(101)
    for _ in range(20):
        k, n = (rng.integers(2, 7), rng.integers(1, 6))
        prior = rng.dirichlet(np.ones(k))
        lik = rng.uniform(0.05, 1.0, size=(n, k))
        joint = prior * lik.prod(axis=0)
        close(bayes_posterior(prior, lik), joint / joint.sum(), name='posterior')

@test_case(name="test_long_sequence_no_underflow", points=None, hidden=True)
def test_long_sequence_no_underflow(bayes_posterior):
    """Long sequences of observations, where the plain product of likelihoods underflows."""
    from mlmathkit_checks import guarded as _guarded
    bayes_posterior = _guarded(bayes_posterior, 'bayes_posterior', ())
    import mpmath
    import numpy as np
    from mlmathkit_checks import close, oracle
    rng = np.random.default_rng(7)
    prior = np.array([0.2, 0.5, 0.3])
    lik = rng.uniform(0.2, 0.6, size=(2000, 3))
    lik[:, 1] *= 0.999

    def exact_posterior(prior, lik):
        mpmath.mp.dps = 60
        joint = [mpmath.mpf(prior[k]) * mpmath.fprod((mpmath.mpf(v) for v in lik[:, k])) for k in range(len(prior))]
        total = mpmath.fsum(joint)
        return np.array([float(j / total) for j in joint])
    expected = oracle(exact_posterior, prior, lik)
    close(bayes_posterior(prior, lik), expected, rtol=0.0001, atol=1e-06, name='posterior after 2000 observations', hint='the product of 2000 likelihoods underflows: sum logs instead and use the log-sum-exp trick')

@test_case(name="test_zero_likelihood_rules_out_hypothesis", points=None, hidden=True)
def test_zero_likelihood_rules_out_hypothesis(bayes_posterior):
    """An observation with likelihood 0 under a hypothesis rules that hypothesis out."""
    from mlmathkit_checks import guarded as _guarded
    bayes_posterior = _guarded(bayes_posterior, 'bayes_posterior', ())
    import numpy as np
    from mlmathkit_checks import close
    lik = np.array([[0.5, 0.0, 0.25], [0.5, 0.7, 0.25]])
    post = bayes_posterior(np.array([0.2, 0.6, 0.2]), lik)
    close(post, [0.2 * 0.25 / (0.05 + 0.0125), 0.0, 0.2 * 0.0625 / (0.05 + 0.0125)], name='posterior')

@test_case(name="test_ruled_out_hypothesis_stays_at_zero_in_long_sequences", points=None, hidden=True)
def test_ruled_out_hypothesis_stays_at_zero_in_long_sequences(bayes_posterior):
    """A hypothesis ruled out by a zero prior or by one zero likelihood stays at exactly 0, even when it explains a long sequence of other observations best."""
    from mlmathkit_checks import guarded as _guarded
    bayes_posterior = _guarded(bayes_posterior, 'bayes_posterior', ())
    import mpmath
    import numpy as np
    from mlmathkit_checks import close, oracle
    rng = np.random.default_rng(17)
    lik = rng.uniform(0.2, 0.6, size=(2000, 3))
    lik[:, 0] = np.minimum(1.5 * lik[:, 0], 1.0)
    lik[:, 2] = 0.98 * lik[:, 1]
    prior = np.array([0.4, 0.35, 0.25])

    def exact_posterior(prior, lik):
        mpmath.mp.dps = 60
        joint = [mpmath.mpf(prior[k]) * mpmath.fprod((mpmath.mpf(v) for v in lik[:, k])) for k in range(len(prior))]
        total = mpmath.fsum(joint)
        return np.array([float(j / total) for j in joint])
    ruled_out = lik.copy()
    ruled_out[1234, 0] = 0.0
    expected = np.concatenate([[0.0], oracle(exact_posterior, prior[1:] / prior[1:].sum(), lik[:, 1:])])
    post = bayes_posterior(prior, ruled_out)
    close(post, expected, atol=1e-06, name='posterior when one observation has likelihood 0 under hypothesis 0', hint='log(0) = -inf is the right value here: do not add an epsilon or clip the likelihoods')
    close(post[0], 0.0, atol=0.0, name='posterior of the hypothesis ruled out by a likelihood of 0')
    post = bayes_posterior(np.array([0.0, 0.6, 0.4]), lik)
    expected = np.concatenate([[0.0], oracle(exact_posterior, np.array([0.6, 0.4]), lik[:, 1:])])
    close(post, expected, atol=1e-06, name='posterior when the best-fitting hypothesis has prior 0', hint='log(0) = -inf for an impossible hypothesis: do not add an epsilon to the prior')
    close(post[0], 0.0, atol=0.0, name='posterior of the hypothesis with prior 0')

@test_case(name="test_tiny_likelihoods", points=None, hidden=True)
def test_tiny_likelihoods(bayes_posterior):
    """Likelihoods far below 1e-10 (densities of unlikely observations), whose ratios still decide the posterior."""
    from mlmathkit_checks import guarded as _guarded
    bayes_posterior = _guarded(bayes_posterior, 'bayes_posterior', ())
    import numpy as np
    from mlmathkit_checks import close
    rng = np.random.default_rng(113)
    for k in (2, 4, 6):
        prior = rng.dirichlet(np.ones(k))
        lik = 10.0 ** rng.uniform(-30, -16, size=(5, k))
        joint = prior * lik.prod(axis=0)
        close(bayes_posterior(prior, lik), joint / joint.sum(), rtol=0.001, atol=1e-06, name=f'posterior with tiny likelihoods (K={k})', hint='tiny likelihoods are evidence too: never clip them or add an epsilon')

@test_case(name="test_inputs_not_modified", points=None, hidden=True)
def test_inputs_not_modified(bayes_posterior):
    """The prior and likelihood arrays passed in are left unchanged."""
    from mlmathkit_checks import guarded as _guarded
    bayes_posterior = _guarded(bayes_posterior, 'bayes_posterior', ())
    import numpy as np
    from mlmathkit_checks import close
    rng = np.random.default_rng(131)
    prior = rng.dirichlet(np.ones(4))
    prior[2] = 0.0
    prior /= prior.sum()
    lik = rng.uniform(0.0, 1.0, size=(30, 4))
    lik[3, 1] = 0.0
    prior_copy, lik_copy = (prior.copy(), lik.copy())
    bayes_posterior(prior, lik)
    close(prior, prior_copy, rtol=0, atol=0, name='prior after the call', hint='work on new arrays, not in place')
    close(lik, lik_copy, rtol=0, atol=0, name='likelihoods after the call', hint='work on new arrays, not in place')


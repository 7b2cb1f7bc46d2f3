from otter.test_files import test_case

OK_FORMAT = False

name = "q1_bayes"
points = 2.0

@test_case(name="test_worked_example_medical_test", points=None, hidden=False)
def test_worked_example_medical_test(bayes_posterior):
    import numpy as np
    from mlmathkit_checks import close, probabilities
    post = bayes_posterior(np.array([0.01, 0.99]), np.array([[0.9, 0.05]]))
    probabilities(post, name='posterior')
    close(post, [0.009 / 0.0585, 0.0495 / 0.0585], name='posterior [sick, healthy]', hint='multiply each prior by its likelihood, then divide by the sum over hypotheses')

@test_case(name="test_properties", points=None, hidden=False)
def test_properties(bayes_posterior):
    import numpy as np
    from mlmathkit_checks import close, probabilities
    prior = np.array([0.5, 0.3, 0.2])
    flat = np.full((4, 3), 0.25)
    close(bayes_posterior(prior, flat), prior, name='posterior when every hypothesis explains the data equally', hint='equal likelihoods must leave the prior unchanged')
    post = bayes_posterior(np.array([0.0, 0.5, 0.5]), np.array([[0.9, 0.1, 0.2]]))
    probabilities(post, name='posterior')
    close(post[0], 0.0, atol=0.0, name='posterior of a hypothesis with prior 0')

@test_case(name="test_random_against_direct_formula", points=None, hidden=True)
def test_random_against_direct_formula(bayes_posterior):
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
    import numpy as np
    from mlmathkit_checks import close
    lik = np.array([[0.5, 0.0, 0.25], [0.5, 0.7, 0.25]])
    post = bayes_posterior(np.array([0.2, 0.6, 0.2]), lik)
    close(post, [0.2 * 0.25 / (0.05 + 0.0125), 0.0, 0.2 * 0.0625 / (0.05 + 0.0125)], name='posterior')


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


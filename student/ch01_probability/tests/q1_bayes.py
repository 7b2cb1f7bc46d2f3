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


from otter.test_files import test_case

OK_FORMAT = False

name = "q6_gmm_em"
points = 4.0

@test_case(name="test_e_step_worked_example", points=None, hidden=False)
def test_e_step_worked_example(gmm_e_step):
    from mlmathkit_checks import guarded as _guarded
    gmm_e_step = _guarded(gmm_e_step, 'gmm_e_step', ())
    import numpy as np
    from mlmathkit_checks import as_scalar, close, fields, probabilities
    X = np.array([[0.0], [1.0]])
    resp, ll = fields(gmm_e_step(X, np.array([0.5, 0.5]), np.array([[-1.0], [1.0]]), np.ones((2, 1, 1))), ['resp', 'mean_log_likelihood'], 'E-step result')
    probabilities(resp, axis=1, name='responsibilities (each row)')
    e = np.exp(-2.0)
    close(resp, [[0.5, 0.5], [e / (1 + e), 1 / (1 + e)]], name='responsibilities', hint='r_ik is proportional to pi_k N(x_i | mu_k, Sigma_k), normalised over k; rows are points')
    expected = np.mean([-0.5 * np.log(2 * np.pi) - 0.5, -0.5 * np.log(2 * np.pi) + np.log((1 + e) / 2)])
    close(as_scalar(ll, 'mean log-likelihood'), expected, name='mean log-likelihood', hint='the average over points of log sum_k pi_k N(x_i | mu_k, Sigma_k) — a mean, not a sum')

@test_case(name="test_e_step_worked_example_unequal_weights", points=None, hidden=False)
def test_e_step_worked_example_unequal_weights(gmm_e_step):
    from mlmathkit_checks import guarded as _guarded
    gmm_e_step = _guarded(gmm_e_step, 'gmm_e_step', ())
    import numpy as np
    from mlmathkit_checks import as_scalar, close, fields, probabilities
    X = np.array([[0.0], [1.0], [40.0]])
    resp, ll = fields(gmm_e_step(X, np.array([0.25, 0.75]), np.array([[-1.0], [1.0]]), np.ones((2, 1, 1))), ['resp', 'mean_log_likelihood'], 'E-step result')
    probabilities(resp, axis=1, name='responsibilities (each row)')
    e, c = (np.exp(-2.0), np.exp(-80.0) / 3)
    close(resp, [[0.25, 0.75], [0.25 * e / (0.25 * e + 0.75), 0.75 / (0.25 * e + 0.75)], [c / (1 + c), 1 / (1 + c)]], atol=1e-06, name='responsibilities with weights (1/4, 3/4)', hint='r_ik is proportional to pi_k N(x_i | mu_k, Sigma_k): include the weights, and normalise in log space (subtract the row maximum) so that a far-away point does not give 0/0')
    half_log_2pi = 0.5 * np.log(2 * np.pi)
    expected = np.mean([-half_log_2pi - 0.5, -half_log_2pi + np.log(0.25 * e + 0.75), -half_log_2pi + np.log(0.75) - 760.5 + np.log1p(c)])
    close(as_scalar(ll, 'mean log-likelihood'), expected, name='mean log-likelihood with weights (1/4, 3/4)', hint='the average over points of the log-sum-exp over k of log pi_k + log N(x_i | mu_k, Sigma_k)')

@test_case(name="test_em_one_iteration_by_hand", points=None, hidden=False)
def test_em_one_iteration_by_hand(gmm_em):
    from mlmathkit_checks import guarded as _guarded
    gmm_em = _guarded(gmm_em, 'gmm_em', ())
    import numpy as np
    from mlmathkit_checks import as_array, best_permutation, close, fields
    X = np.array([[0.0, 0.0], [2.0, 2.0], [10.0, 0.0], [12.0, 2.0]])
    w, m, c, ll = fields(gmm_em(X, np.array([0.5, 0.5]), np.array([[0.0, 0.0], [10.0, 0.0]]), np.stack([np.eye(2)] * 2), 1, reg_covar=0.5), ['weights', 'means', 'covs', 'log_likelihood'], 'EM result')
    expected_means = np.array([[1.0, 1.0], [11.0, 1.0]])
    perm = best_permutation(m, expected_means, name='means')
    close(as_array(m, 'means')[perm], expected_means, atol=1e-06, name='means after one iteration', hint='mu_k = sum_i r_ik x_i / N_k (divide by N_k, not n)')
    close(as_array(w, 'weights')[perm], [0.5, 0.5], name='weights after one iteration')
    close(as_array(c, 'covs')[perm], [[[1.5, 1.0], [1.0, 1.5]]] * 2, atol=1e-06, name='covariances after one iteration', hint='weight each outer product by r_ik, centre on the NEW means, divide by N_k, add reg_covar to the diagonal only')
    as_array(ll, 'log_likelihood', shape=(2,))

@test_case(name="test_em_properties", points=None, hidden=False)
def test_em_properties(gmm_e_step, gmm_em):
    from mlmathkit_checks import guarded as _guarded
    gmm_e_step = _guarded(gmm_e_step, 'gmm_e_step', ())
    gmm_em = _guarded(gmm_em, 'gmm_em', ())
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, positive_definite, probabilities, require
    rng = np.random.default_rng(66)
    X = np.concatenate([rng.normal(size=(50, 2)) * 0.7, rng.normal(size=(30, 2)) + np.array([3.0, 2.0])])
    w0, m0, c0 = (np.array([0.5, 0.5]), np.array([[1.0, 0.0], [0.0, 2.0]]), np.stack([np.eye(2)] * 2))
    w, m, c, ll = fields(gmm_em(X, w0, m0, c0, 12), ['weights', 'means', 'covs', 'log_likelihood'], 'EM result')
    ll = as_array(ll, 'log_likelihood', shape=(13,))
    steps = np.diff(ll) / (1 + np.abs(ll[:-1]))
    require(bool(np.all(steps >= -1e-05)), f'the log-likelihood decreased at iteration {int(np.argmin(steps)) + 1} (relative change {steps.min():.3g}): EM never decreases it, so the E- or M-step is wrong')
    close(ll[0], as_scalar(fields(gmm_e_step(X, w0, m0, c0), ['resp', 'll'], 'E-step result')[1], 'mean log-likelihood'), name='log_likelihood[0]', hint='the first entry is the log-likelihood of the initial parameters')
    probabilities(w, name='weights')
    as_array(m, 'means', shape=(2, 2))
    covs = as_array(c, 'covs', shape=(2, 2, 2))
    for k in range(2):
        positive_definite(covs[k], name=f'covs[{k}]')
    close(ll[-1], as_scalar(fields(gmm_e_step(X, w, m, covs), ['resp', 'll'], 'E-step result')[1], 'mean log-likelihood'), name='log_likelihood[-1]', hint='the last entry is the log-likelihood of the returned parameters')


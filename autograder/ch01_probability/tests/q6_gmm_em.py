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

@test_case(name="test_e_step_against_scipy", points=None, hidden=True)
def test_e_step_against_scipy(gmm_e_step):
    """Random mixtures with unequal weights and correlated covariances, in one to three dimensions."""
    from mlmathkit_checks import guarded as _guarded
    gmm_e_step = _guarded(gmm_e_step, 'gmm_e_step', ())
    import numpy as np
    from scipy.special import logsumexp
    from scipy.stats import multivariate_normal
    from mlmathkit_checks import as_scalar, close, fields
    rng = np.random.default_rng(606)
    for K, d in [(3, 2), (4, 3), (2, 1)]:
        weights = rng.dirichlet(np.ones(K) * 2)
        means = rng.normal(scale=2.0, size=(K, d))
        covs = np.stack([(lambda A: A @ A.T + 0.3 * np.eye(d))(rng.normal(size=(d, d))) for _ in range(K)])
        X = rng.normal(scale=2.5, size=(40, d))
        log_joint = np.column_stack([np.log(weights[k]) + multivariate_normal(means[k], covs[k]).logpdf(X) for k in range(K)])
        log_px = logsumexp(log_joint, axis=1)
        resp, ll = fields(gmm_e_step(X, weights, means, covs), ['resp', 'mean_log_likelihood'], 'E-step result')
        close(resp, np.exp(log_joint - log_px[:, None]), atol=1e-06, name=f'responsibilities (K={K}, d={d})', hint='did you include the mixing weights pi_k? rows are points, columns components')
        close(as_scalar(ll, 'mean log-likelihood'), log_px.mean(), name=f'mean log-likelihood (K={K}, d={d})')

@test_case(name="test_e_step_far_points", points=None, hidden=True)
def test_e_step_far_points(gmm_e_step):
    """Points so far from every component that every component density underflows to 0."""
    from mlmathkit_checks import guarded as _guarded
    gmm_e_step = _guarded(gmm_e_step, 'gmm_e_step', ())
    import numpy as np
    from scipy.special import logsumexp
    from scipy.stats import multivariate_normal
    from mlmathkit_checks import as_scalar, close, fields, probabilities
    weights = np.array([0.3, 0.7])
    means = np.array([[0.0, 0.0], [2.0, 1.0]])
    covs = np.array([[[1.0, 0.3], [0.3, 0.5]], [[0.8, 0.0], [0.0, 1.2]]])
    X = np.array([[60.0, -40.0], [-80.0, 10.0], [30.0, 40.0], [1.0, 100.0]])
    log_joint = np.column_stack([np.log(weights[k]) + multivariate_normal(means[k], covs[k]).logpdf(X) for k in range(2)])
    log_px = logsumexp(log_joint, axis=1)
    resp, ll = fields(gmm_e_step(X, weights, means, covs), ['resp', 'mean_log_likelihood'], 'E-step result')
    probabilities(resp, axis=1, name='responsibilities of far-away points')
    close(resp, np.exp(log_joint - log_px[:, None]), atol=1e-06, name='responsibilities of far-away points', hint='exp(log-density) is 0 for every component here: subtract the row maximum before exponentiating')
    close(as_scalar(ll, 'mean log-likelihood'), log_px.mean(), name='mean log-likelihood of far-away points')

@test_case(name="test_em_against_sklearn", points=None, hidden=True)
def test_em_against_sklearn(gmm_em):
    """Several EM iterations on overlapping clusters in two and three dimensions, with a small and a large reg_covar."""
    from mlmathkit_checks import guarded as _guarded
    gmm_em = _guarded(gmm_em, 'gmm_em', ())
    import warnings
    import numpy as np
    from sklearn.mixture import GaussianMixture
    from mlmathkit_checks import as_array, best_permutation, close, fields, oracle
    rng = np.random.default_rng(616)
    blob_a = np.concatenate([rng.multivariate_normal([0.0, 0.0], [[1.0, 0.6], [0.6, 1.0]], size=100), rng.multivariate_normal([4.0, 0.0], [[0.5, 0.0], [0.0, 2.0]], size=80), rng.multivariate_normal([1.0, 4.0], [[1.0, -0.4], [-0.4, 0.6]], size=60)])
    blob_b = np.concatenate([rng.normal(size=(90, 3)), rng.normal(size=(60, 3)) * 0.6 + np.array([2.5, -1.0, 1.0])])
    configs = [(blob_a, np.full(3, 1 / 3), np.array([[0.5, -0.5], [3.0, 1.0], [0.0, 3.0]]), np.stack([np.eye(2)] * 3), 8, 1e-06), (blob_b, np.array([0.7, 0.3]), np.array([[0.5, 0.5, 0.0], [1.5, -0.5, 0.5]]), np.stack([2 * np.eye(3)] * 2), 5, 0.05)]

    def sklearn_em(X, w0, m0, c0, n_iter, reg):
        gm = GaussianMixture(len(w0), covariance_type='full', weights_init=w0, means_init=m0, precisions_init=np.linalg.inv(c0), max_iter=n_iter, tol=0.0, reg_covar=reg, init_params='random', random_state=0)
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            gm.fit(X)
        return (gm.means_, gm.weights_, gm.covariances_, np.append(gm.lower_bounds_, gm.score(X)))
    for X, w0, m0, c0, n_iter, reg in configs:
        means, weights, covs, expected_ll = oracle(sklearn_em, X, w0, m0, c0, n_iter, reg)
        w, m, c, ll = fields(gmm_em(X, w0, m0, c0, n_iter, reg_covar=reg), ['weights', 'means', 'covs', 'log_likelihood'], 'EM result')
        tag = f'(d={X.shape[1]}, K={len(w0)}, n_iter={n_iter}, reg_covar={reg:g})'
        perm = best_permutation(m, means, name='means')
        close(as_array(m, 'means')[perm], means, atol=1e-06, name=f'means {tag}')
        close(as_array(w, 'weights')[perm], weights, name=f'weights {tag}')
        close(as_array(c, 'covs')[perm], covs, atol=1e-06, name=f'covariances {tag}', hint='weight each outer product by r_ik, divide by N_k, use the NEW means, and add reg_covar to the diagonal')
        close(ll, expected_ll, name=f'log-likelihood trace {tag}', hint='n_iter + 1 entries: the initial parameters, then after each iteration')

@test_case(name="test_em_iteration_count", points=None, hidden=True)
def test_em_iteration_count(gmm_em):
    """Exactly one iteration, and zero iterations."""
    from mlmathkit_checks import guarded as _guarded
    gmm_em = _guarded(gmm_em, 'gmm_em', ())
    import warnings
    import numpy as np
    from scipy.special import logsumexp
    from scipy.stats import multivariate_normal
    from sklearn.mixture import GaussianMixture
    from mlmathkit_checks import as_array, best_permutation, close, fields
    rng = np.random.default_rng(626)
    X = np.concatenate([rng.normal(size=(40, 2)), rng.normal(size=(40, 2)) + 3.0])
    w0, m0, c0 = (np.array([0.4, 0.6]), np.array([[1.0, 1.0], [2.0, 2.0]]), np.stack([np.eye(2), 0.5 * np.eye(2)]))
    gm = GaussianMixture(2, weights_init=w0, means_init=m0, precisions_init=np.linalg.inv(c0), max_iter=1, tol=0.0, init_params='random', random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        gm.fit(X)
    w, m, c, ll = fields(gmm_em(X, w0, m0, c0, 1), ['weights', 'means', 'covs', 'log_likelihood'], 'EM result')
    perm = best_permutation(m, gm.means_, name='means')
    close(as_array(m, 'means')[perm], gm.means_, atol=1e-06, name='means after one iteration', hint='one iteration = one E-step followed by one M-step')
    close(as_array(c, 'covs')[perm], gm.covariances_, atol=1e-06, name='covariances after one iteration')
    close(ll, [gm.lower_bounds_[0], gm.score(X)], name='log-likelihood trace after one iteration')
    w, m, c, ll = fields(gmm_em(X, w0, m0, c0, 0), ['weights', 'means', 'covs', 'log_likelihood'], 'EM result')
    perm = best_permutation(m, m0, name='means')
    close(as_array(w, 'weights')[perm], w0, name='weights after 0 iterations')
    close(as_array(m, 'means')[perm], m0, name='means after 0 iterations')
    close(as_array(c, 'covs')[perm], c0, name='covariances after 0 iterations', hint='with n_iter = 0 the initial parameters come back unchanged')
    log_joint = np.column_stack([np.log(w0[k]) + multivariate_normal(m0[k], c0[k]).logpdf(X) for k in range(2)])
    log_px = logsumexp(log_joint, axis=1)
    close(ll, [log_px.mean()], name='log-likelihood trace after 0 iterations')

@test_case(name="test_inputs_not_modified", points=None, hidden=True)
def test_inputs_not_modified(gmm_e_step, gmm_em):
    """The data and the initial parameter arrays passed in are left unchanged by the E-step and by EM."""
    from mlmathkit_checks import guarded as _guarded
    gmm_e_step = _guarded(gmm_e_step, 'gmm_e_step', ())
    gmm_em = _guarded(gmm_em, 'gmm_em', ())
    import numpy as np
    from mlmathkit_checks import close
    rng = np.random.default_rng(636)
    X = np.concatenate([rng.normal(size=(30, 2)), rng.normal(size=(20, 2)) * 0.5 + np.array([2.0, 1.0])])
    w0, m0 = (np.array([0.6, 0.4]), np.array([[0.5, 0.0], [1.5, 1.5]]))
    c0 = np.stack([np.eye(2), np.array([[1.0, 0.2], [0.2, 0.8]])])
    names = ['X', 'weights', 'means', 'covs']
    copies = [a.copy() for a in (X, w0, m0, c0)]
    gmm_e_step(X, w0, m0, c0)
    for name, arr, copy in zip(names, [X, w0, m0, c0], copies):
        close(arr, copy, rtol=0, atol=0, name=f'{name} after gmm_e_step', hint='work on new arrays, not in place')
    for n_iter in (3, 0):
        gmm_em(X, w0, m0, c0, n_iter)
        for name, arr, copy in zip(names, [X, w0, m0, c0], copies):
            close(arr, copy, rtol=0, atol=0, name=f'{name} after gmm_em with n_iter = {n_iter}', hint='copy the initial parameters (np.array(means, dtype=float)) before updating them')


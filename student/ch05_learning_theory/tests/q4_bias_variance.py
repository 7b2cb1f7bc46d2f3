from otter.test_files import test_case

OK_FORMAT = False

name = "q4_bias_variance"
points = 3.0

@test_case(name="test_worked_example", points=None, hidden=False)
def test_worked_example(bias_variance_mc):
    from mlmathkit_checks import guarded as _guarded
    bias_variance_mc = _guarded(bias_variance_mc, 'bias_variance_mc', ('sklearn', 'torch.nn'))
    import numpy as np
    from mlmathkit_checks import close, fields
    x = np.array([[0.0, 0.25], [0.5, 0.75]])
    noise = np.array([[0.0, 0.0], [0.2, -0.2]])
    xt, nt = (np.array([0.25]), np.array([[0.1], [-0.1]]))
    P, b, v, e = fields(bias_variance_mc(x, noise, xt, nt, 0), ['predictions', 'bias2', 'variance', 'error'], 'result')
    close(P, [[0.5], [-0.5]], atol=1e-12, name='degree-0 predictions', hint='a degree-0 fit is the mean label; shape (T, m)')
    close(b, 1.0, name='degree-0 bias2', hint='square the bias at each test point, then average over test points')
    close(v, 0.25, name='degree-0 variance', hint='variance over trials around the MEAN prediction, with 1/T')
    close(e, 1.16, name='degree-0 error', hint='the test label includes the test noise: f(x) + noise_test')
    P, b, v, e = fields(bias_variance_mc(x, noise, xt, nt, 1), ['predictions', 'bias2', 'variance', 'error'], 'result')
    close(P, [[1.0], [1.6]], name='degree-1 predictions', hint='degree 1 has 2 coefficients: np.vander(x, degree + 1)')
    close(np.array([b, v, e], dtype=float), [0.09, 0.09, 0.25], name='degree-1 (bias2, variance, error)')

@test_case(name="test_decomposition_and_trends", points=None, hidden=False)
def test_decomposition_and_trends(bias_variance_mc):
    from mlmathkit_checks import guarded as _guarded
    bias_variance_mc = _guarded(bias_variance_mc, 'bias_variance_mc', ('sklearn', 'torch.nn'))
    import numpy as np
    from scipy.stats import norm
    from mlmathkit_checks import as_array, close, fields, require
    rng = np.random.default_rng(44)
    T, n, m, sigma = (400, 25, 40, 0.3)
    x, noise = (rng.random((T, n)), sigma * rng.normal(size=(T, n)))
    xt, nt = (np.linspace(0.02, 0.98, m), sigma * rng.normal(size=(T, m)))
    out = {}
    for p in (1, 3, 5, 9):
        P, b, v, e = fields(bias_variance_mc(x, noise, xt, nt, p), ['predictions', 'bias2', 'variance', 'error'], 'result')
        as_array(P, 'predictions', shape=(T, m))
        b, v, e = (float(as_array(q, name).reshape(())) for q, name in ((b, 'bias2'), (v, 'variance'), (e, 'error')))
        sd = np.sqrt((2 * sigma ** 4 + 4 * sigma ** 2 * (b + v)) / (T * m))
        close(e, b + v + sigma ** 2, rtol=0, atol=float(norm.isf(1e-06 / 2)) * sd, name=f'error vs bias2 + variance + sigma^2 (degree {p})', hint='bias2 + variance must equal the mean squared distance between predictions and f exactly')
        out[p] = (b, v)
    require(out[1][0] > out[5][0], f'bias2 must fall from degree 1 ({out[1][0]:.3g}) to degree 5 ({out[5][0]:.3g})')
    require(out[9][1] > out[3][1], f'variance must grow from degree 3 ({out[3][1]:.3g}) to degree 9 ({out[9][1]:.3g})')


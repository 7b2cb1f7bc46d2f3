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

@test_case(name="test_random_against_chebyshev_fit", points=None, hidden=True)
def test_random_against_chebyshev_fit(bias_variance_mc):
    """Random training sets and several test points at degrees from 0 to 9, with different noise levels."""
    from mlmathkit_checks import guarded as _guarded
    bias_variance_mc = _guarded(bias_variance_mc, 'bias_variance_mc', ('sklearn', 'torch.nn'))
    import numpy as np
    from numpy.polynomial import Chebyshev
    from mlmathkit_checks import close, fields
    rng = np.random.default_rng(404)
    T, n, m = (40, 30, 25)
    for p in (0, 1, 3, 6, 9):
        sigma = rng.uniform(0.1, 1.0)
        x, noise = (rng.random((T, n)), sigma * rng.normal(size=(T, n)))
        xt, nt = (rng.random(m), sigma * rng.normal(size=(T, m)))
        f = np.sin(2 * np.pi * xt)
        P_exp = np.array([Chebyshev.fit(x[t], np.sin(2 * np.pi * x[t]) + noise[t], p)(xt) for t in range(T)])
        fbar = P_exp.sum(axis=0) / T
        b_exp = sum(((fbar[j] - f[j]) ** 2 for j in range(m))) / m
        v_exp = sum((((P_exp[:, j] - fbar[j]) ** 2).sum() / T for j in range(m))) / m
        e_exp = ((f[None, :] + nt - P_exp) ** 2).sum() / (T * m)
        inputs = (x.copy(), noise.copy(), xt.copy(), nt.copy())
        P, b, v, e = fields(bias_variance_mc(x, noise, xt, nt, p), ['predictions', 'bias2', 'variance', 'error'], 'result')
        for arr, arr0, what in zip((x, noise, xt, nt), inputs, ('x_train', 'noise_train', 'x_test', 'noise_test')):
            close(arr, arr0, rtol=0, atol=0, name=f'{what} after the call', hint="do not modify the caller's arrays")
        scale = np.abs(P_exp).max()
        close(P, P_exp, rtol=0, atol=1e-07 * scale, name=f'predictions (degree {p})', hint='least squares with p + 1 coefficients, solved with np.linalg.lstsq')
        close(b, b_exp, rtol=1e-05, atol=1e-10, name=f'bias2 (degree {p})', hint='mean over test points of (fbar - f)^2')
        close(v, v_exp, rtol=1e-05, atol=1e-10, name=f'variance (degree {p})', hint='spread of the predictions around their mean over trials (1/T), averaged over test points')
        close(e, e_exp, rtol=1e-05, atol=1e-10, name=f'error (degree {p})')

@test_case(name="test_interpolation_and_ill_conditioning", points=None, hidden=True)
def test_interpolation_and_ill_conditioning(bias_variance_mc):
    """A fit with as many coefficients as training points (interpolation), and a high degree where the Vandermonde matrix is badly conditioned."""
    from mlmathkit_checks import guarded as _guarded
    bias_variance_mc = _guarded(bias_variance_mc, 'bias_variance_mc', ('sklearn', 'torch.nn'))
    import numpy as np
    from numpy.polynomial import Chebyshev
    from mlmathkit_checks import close, fields
    rng = np.random.default_rng(4040)
    T = 6
    x = np.array([0.05, 0.35, 0.65, 0.95]) + rng.uniform(-0.04, 0.04, size=(T, 4))
    noise = 0.3 * rng.normal(size=(T, 4))
    P, = fields(bias_variance_mc(x, noise, x[0], np.zeros((T, 4)), 3), ['predictions'], 'result')
    close(np.asarray(P, dtype=float)[0], np.sin(2 * np.pi * x[0]) + noise[0], atol=1e-09, name='degree-3 fit on 4 points evaluated at its own training inputs', hint='with p = n - 1 the least-squares polynomial interpolates')
    T, n, m = (30, 40, 30)
    x, noise = (rng.random((T, n)), 0.2 * rng.normal(size=(T, n)))
    xt, nt = (np.linspace(0.0, 1.0, m), 0.2 * rng.normal(size=(T, m)))
    P_exp = np.array([Chebyshev.fit(x[t], np.sin(2 * np.pi * x[t]) + noise[t], 11)(xt) for t in range(T)])
    P, = fields(bias_variance_mc(x, noise, xt, nt, 11), ['predictions'], 'result')
    close(P, P_exp, rtol=0, atol=1e-05 * np.abs(P_exp).max(), name='predictions at degree 11', hint='the normal equations square the condition number; use np.linalg.lstsq on the Vandermonde matrix')


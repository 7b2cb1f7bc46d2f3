from otter.test_files import test_case

OK_FORMAT = False

name = "q8_eigendigits"
points = 2.0

@test_case(name="test_worked_example", points=None, hidden=False)
def test_worked_example(pca_reconstruction_errors, n_components_for_variance):
    from mlmathkit_checks import guarded as _guarded
    pca_reconstruction_errors = _guarded(pca_reconstruction_errors, 'pca_reconstruction_errors', ())
    n_components_for_variance = _guarded(n_components_for_variance, 'n_components_for_variance', ())
    import numpy as np
    from mlmathkit_checks import as_scalar, close
    X = np.array([[1.0, 0.0], [-1.0, 0.0], [0.0, 0.5], [0.0, -0.5]])
    close(pca_reconstruction_errors(X, [0, 1, 2]), [0.625, 0.125, 0.0], atol=1e-09, name='errors for k = 0, 1, 2', hint='the mean over images of the squared distance between each image and its reconstruction')
    close(as_scalar(n_components_for_variance(X, 0.75), 'k'), 1.0, name='components for 75% of the variance')
    close(as_scalar(n_components_for_variance(X, 0.9), 'k'), 2.0, name='components for 90% of the variance', hint='the smallest k whose cumulative explained-variance ratio is >= frac (counting from 1)')
    X = np.array([[1.0, 0.0], [-1.0, 0.0], [0.0, 1.0], [0.0, -1.0]])
    close(as_scalar(n_components_for_variance(X, 0.5), 'k'), 1.0, name='components for 50% with two equal variances', hint='cumulative ratio >= frac: an exact tie counts as reaching frac')

@test_case(name="test_properties_on_digits", points=None, hidden=False)
def test_properties_on_digits(pca_reconstruction_errors):
    from mlmathkit_checks import guarded as _guarded
    pca_reconstruction_errors = _guarded(pca_reconstruction_errors, 'pca_reconstruction_errors', ())
    import numpy as np
    from sklearn.datasets import load_digits
    from mlmathkit_checks import as_array, close, require
    X = load_digits().data
    errs = as_array(pca_reconstruction_errors(X, list(range(65))), 'errors', shape=(65,))
    require(bool(np.all(np.diff(errs) <= 1e-09 * errs[0])), 'the reconstruction error must not increase with k')
    close(errs[0], np.mean(np.sum((X - X.mean(axis=0)) ** 2, axis=1)), rtol=1e-06, name='error with k = 0', hint='with no component every image is replaced by the mean image')
    close(errs[64], 0.0, atol=1e-09 * errs[0], name='error with k = 64 = d', hint='all components reproduce the data exactly')

@test_case(name="test_errors_against_sklearn_digits", points=None, hidden=True)
def test_errors_against_sklearn_digits(pca_reconstruction_errors):
    """The digits data set, for numbers of components from 1 to 60."""
    from mlmathkit_checks import guarded as _guarded
    pca_reconstruction_errors = _guarded(pca_reconstruction_errors, 'pca_reconstruction_errors', ())
    import numpy as np
    from sklearn.datasets import load_digits
    from sklearn.decomposition import PCA
    from mlmathkit_checks import close
    X = load_digits().data
    ks = [1, 2, 5, 10, 20, 40, 60]
    expected = []
    for k in ks:
        pca = PCA(n_components=k, svd_solver='full').fit(X)
        expected.append(np.mean(np.sum((X - pca.inverse_transform(pca.transform(X))) ** 2, axis=1)))
    expected = np.array(expected)
    err0 = np.mean(np.sum((X - X.mean(axis=0)) ** 2, axis=1))
    close(pca_reconstruction_errors(X, ks), expected, rtol=1e-06, atol=1e-09 * err0, name=f'errors on the digits for k = {ks}', hint='(1/n) times the sum of the DISCARDED squared singular values of the centred data')

@test_case(name="test_errors_random_and_wide", points=None, hidden=True)
def test_errors_random_and_wide(pca_reconstruction_errors):
    """Random data for every k from 0 to d, including fewer samples than features."""
    from mlmathkit_checks import guarded as _guarded
    pca_reconstruction_errors = _guarded(pca_reconstruction_errors, 'pca_reconstruction_errors', ())
    import numpy as np
    from sklearn.decomposition import PCA
    from mlmathkit_checks import close
    rng = np.random.default_rng(8002)
    for n, d in [(50, 6), (6, 10)]:
        X = rng.normal(size=(n, d)) @ rng.normal(size=(d, d)) + rng.normal(scale=4.0, size=d)
        err0 = np.mean(np.sum((X - X.mean(axis=0)) ** 2, axis=1))
        expected = [err0]
        for k in range(1, d + 1):
            if k <= min(n, d):
                pca = PCA(n_components=k, svd_solver='full').fit(X)
                expected.append(np.mean(np.sum((X - pca.inverse_transform(pca.transform(X))) ** 2, axis=1)))
            else:
                expected.append(0.0)
        close(pca_reconstruction_errors(X, list(range(d + 1))), np.array(expected), rtol=1e-06, atol=1e-09 * err0, name=f'errors for k = 0..{d} (n={n}, d={d})', hint='k can exceed the number of singular values: the error is then 0')

@test_case(name="test_n_components_against_sklearn", points=None, hidden=True)
def test_n_components_against_sklearn(n_components_for_variance):
    """The digits data set and random data, for fractions of the variance from 30% to 99%."""
    from mlmathkit_checks import guarded as _guarded
    n_components_for_variance = _guarded(n_components_for_variance, 'n_components_for_variance', ())
    import numpy as np
    from sklearn.datasets import load_digits
    from sklearn.decomposition import PCA
    from mlmathkit_checks import as_scalar, close
    rng = np.random.default_rng(8003)
    data = {'digits': load_digits().data, 'random': rng.normal(size=(80, 12)) * 1.3 ** (-np.arange(12))}
    for label, X in data.items():
        for frac in (0.3, 0.5, 0.8, 0.9, 0.95, 0.99):
            expected = PCA(n_components=frac, svd_solver='full').fit(X).n_components_
            close(as_scalar(n_components_for_variance(X, frac), 'k'), float(expected), rtol=0, atol=0.05, name=f'components for {frac:.0%} of the variance ({label})', hint='cumulative sum of s_j^2 / total; the answer counts components from 1')

@test_case(name="test_ties_order_and_unchanged_input", points=None, hidden=True)
def test_ties_order_and_unchanged_input(pca_reconstruction_errors, n_components_for_variance):
    """A fraction of the variance reached exactly (a tie), ks in decreasing order with repeats, and the caller's array left unchanged."""
    from mlmathkit_checks import guarded as _guarded
    pca_reconstruction_errors = _guarded(pca_reconstruction_errors, 'pca_reconstruction_errors', ())
    n_components_for_variance = _guarded(n_components_for_variance, 'n_components_for_variance', ())
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close
    for a in (1.0, 3.0, 0.25):
        X = np.array([[a, 0.0, 7.0], [-a, 0.0, 7.0], [0.0, a, 7.0], [0.0, -a, 7.0]]) + np.array([1.0, -2.0, 0.0])
        X0 = X.copy()
        close(as_scalar(n_components_for_variance(X, 0.5), 'k'), 1.0, rtol=0, atol=0.05, name=f'components for 50% of the variance, two equal variances (scale {a:g})', hint='the smallest k whose cumulative ratio is >= frac: an exact tie counts as reaching frac')
        close(as_scalar(n_components_for_variance(X, 0.4), 'k'), 1.0, rtol=0, atol=0.05, name=f'components for 40% (scale {a:g})')
        close(as_scalar(n_components_for_variance(X, 0.6), 'k'), 2.0, rtol=0, atol=0.05, name=f'components for 60% (scale {a:g})')
        close(X, X0, rtol=0, atol=0, name='X after n_components_for_variance(X, frac)', hint='do not modify the input')
        ks = [3, 1, 0, 2, 1, 0]
        expected = {0: a * a, 1: a * a / 2, 2: 0.0, 3: 0.0}
        close(pca_reconstruction_errors(X, ks), [expected[k] for k in ks], rtol=1e-09, atol=1e-12 * a * a, name=f'errors for ks = {ks} (scale {a:g})', hint='errors[i] belongs to ks[i], whatever the order of ks')
        close(X, X0, rtol=0, atol=0, name='X after pca_reconstruction_errors(X, ks)', hint='do not modify the input')


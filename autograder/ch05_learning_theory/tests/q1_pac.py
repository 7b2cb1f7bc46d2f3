from otter.test_files import test_case

OK_FORMAT = False

name = "q1_pac"
points = 2.0

@test_case(name="test_worked_example", points=None, hidden=False)
def test_worked_example(pac_realizable_sample_size, pac_agnostic_sample_size, uniform_convergence_epsilon):
    from mlmathkit_checks import guarded as _guarded
    pac_realizable_sample_size = _guarded(pac_realizable_sample_size, 'pac_realizable_sample_size', ('sklearn', 'torch.nn'))
    pac_agnostic_sample_size = _guarded(pac_agnostic_sample_size, 'pac_agnostic_sample_size', ('sklearn', 'torch.nn'))
    uniform_convergence_epsilon = _guarded(uniform_convergence_epsilon, 'uniform_convergence_epsilon', ('sklearn', 'torch.nn'))
    import math
    from mlmathkit_checks import as_scalar, close
    close(as_scalar(pac_realizable_sample_size(1000, 0.01, 0.05), 'm'), 991.0, rtol=0, atol=0, name='realizable sample size for |H| = 1000, epsilon = 0.01, delta = 0.05', hint='ln(|H| / delta) / epsilon with the natural log, rounded UP to a whole number of examples')
    close(as_scalar(pac_agnostic_sample_size(1000, 0.01, 0.05), 'm'), 211933.0, rtol=0, atol=0, name='agnostic sample size for |H| = 1000, epsilon = 0.01, delta = 0.05', hint='uniform convergence to epsilon / 2: 2 ln(2|H| / delta) / epsilon^2, rounded up')
    close(as_scalar(uniform_convergence_epsilon(1000, 1000, 0.05), 'epsilon_uc'), math.sqrt(math.log(40000) / 2000), name='uniform-convergence epsilon for |H| = 1000, m = 1000, delta = 0.05', hint='Hoeffding is two-sided: the failure probability of one h is 2 exp(-2 m eps^2)')
    huge = 2 ** 2000
    close(as_scalar(pac_realizable_sample_size(huge, 1.0, 1.0), 'm'), float(math.ceil(2000 * math.log(2))), rtol=0, atol=0, name='realizable sample size for |H| = 2**2000, epsilon = delta = 1', hint='|H| is a Python int too large for a float: use math.log(h) - math.log(delta), never h / delta')
    close(as_scalar(pac_agnostic_sample_size(huge, 1.0, 1.0), 'm'), float(math.ceil(2 * 2001 * math.log(2))), rtol=0, atol=0, name='agnostic sample size for |H| = 2**2000, epsilon = delta = 1', hint='take logs before dividing: ln 2 + ln|H| - ln delta')
    close(as_scalar(uniform_convergence_epsilon(huge, 2000, 1.0), 'epsilon_uc'), math.sqrt(2001 * math.log(2) / 4000), name='uniform-convergence epsilon for |H| = 2**2000, m = 2000, delta = 1', hint='take logs before dividing')

@test_case(name="test_properties", points=None, hidden=False)
def test_properties(pac_realizable_sample_size, pac_agnostic_sample_size, uniform_convergence_epsilon):
    from mlmathkit_checks import guarded as _guarded
    pac_realizable_sample_size = _guarded(pac_realizable_sample_size, 'pac_realizable_sample_size', ('sklearn', 'torch.nn'))
    pac_agnostic_sample_size = _guarded(pac_agnostic_sample_size, 'pac_agnostic_sample_size', ('sklearn', 'torch.nn'))
    uniform_convergence_epsilon = _guarded(uniform_convergence_epsilon, 'uniform_convergence_epsilon', ('sklearn', 'torch.nn'))
    import math
    from mlmathkit_checks import as_scalar, close, require
    real = lambda h, e, d: as_scalar(pac_realizable_sample_size(h, e, d), 'realizable m')
    agn = lambda h, e, d: as_scalar(pac_agnostic_sample_size(h, e, d), 'agnostic m')
    for h, e, d in [(10, 0.1, 0.1), (10 ** 6, 0.05, 0.001), (3, 0.3, 0.5)]:
        m_r, m_a = (real(h, e, d), agn(h, e, d))
        require(m_r == math.floor(m_r) and m_a == math.floor(m_a), f'sample sizes must be whole numbers, got {m_r} and {m_a}')
        require(real(h * 1000, e, d) > m_r, 'more hypotheses must need more examples')
        require(real(h, e, d / 100) > m_r, 'more confidence (smaller delta) must need more examples')
        require(m_a > m_r, f'the agnostic bound ({m_a:g}) must exceed the realizable one ({m_r:g})')
        eps_uc = as_scalar(uniform_convergence_epsilon(h, m_a, d), 'epsilon_uc')
        require(eps_uc <= e / 2 * (1 + 1e-12), f'with m = {m_a:g} examples epsilon_uc = {eps_uc:.6g} should be <= epsilon/2 = {e / 2:g}')
        require(as_scalar(uniform_convergence_epsilon(h, m_a - 1, d), 'epsilon_uc') > e / 2, 'one example fewer than the agnostic sample size must not reach epsilon / 2')
    close(as_scalar(uniform_convergence_epsilon(50, 400, 0.1), 'epsilon_uc'), 2.0 * as_scalar(uniform_convergence_epsilon(50, 1600, 0.1), 'epsilon_uc'), name='epsilon_uc with 4x fewer examples', hint='epsilon_uc shrinks like 1 / sqrt(m)')

@test_case(name="test_random_against_failure_probability", points=None, hidden=True)
def test_random_against_failure_probability(pac_realizable_sample_size, pac_agnostic_sample_size, uniform_convergence_epsilon):
    """Random class sizes (some far beyond a float), accuracies and confidences, against the failure-probability bounds themselves."""
    from mlmathkit_checks import guarded as _guarded
    pac_realizable_sample_size = _guarded(pac_realizable_sample_size, 'pac_realizable_sample_size', ('sklearn', 'torch.nn'))
    pac_agnostic_sample_size = _guarded(pac_agnostic_sample_size, 'pac_agnostic_sample_size', ('sklearn', 'torch.nn'))
    uniform_convergence_epsilon = _guarded(uniform_convergence_epsilon, 'uniform_convergence_epsilon', ('sklearn', 'torch.nn'))
    import math
    import mpmath
    import numpy as np
    from mlmathkit_checks import as_scalar, close

    def smallest_m(fail):
        lo, hi = (0, 1)
        while fail(hi) > 0:
            hi *= 2
        while hi - lo > 1:
            mid = (lo + hi) // 2
            lo, hi = (mid, hi) if fail(mid) > 0 else (lo, mid)
        return hi if fail(lo) > 0 else lo
    rng = np.random.default_rng(505)
    with mpmath.workdps(50):
        for _ in range(25):
            h = int(rng.integers(1, 10 ** 6)) if rng.random() < 0.7 else 2 ** int(rng.integers(1, 5000))
            eps, delta = (float(rng.uniform(0.005, 0.5)), float(10 ** rng.uniform(-8, -0.3)))
            H, E, D = (mpmath.mpf(h), mpmath.mpf(eps), mpmath.mpf(delta))
            x_r = (mpmath.log(H) - mpmath.log(D)) / E
            x_a = 2 * mpmath.log(2 * H / D) / E ** 2
            if min((abs(x - mpmath.nint(x)) for x in (x_r, x_a))) < 1e-09:
                continue
            tag = f"(|H| = {(h if h < 10 ** 9 else '2**' + str(h.bit_length() - 1))}, epsilon = {eps:.4g}, delta = {delta:.3g})"
            m_r = smallest_m(lambda m: H * mpmath.exp(-E * m) - D)
            m_a = smallest_m(lambda m: 2 * H * mpmath.exp(-2 * m * (E / 2) ** 2) - D)
            close(as_scalar(pac_realizable_sample_size(h, eps, delta), 'm'), float(m_r), rtol=0, atol=0, name=f'realizable sample size {tag}', hint='natural log; round up; take the log of |H| before dividing')
            close(as_scalar(pac_agnostic_sample_size(h, eps, delta), 'm'), float(m_a), rtol=0, atol=0, name=f'agnostic sample size {tag}', hint='uniform convergence must hold with epsilon / 2, not epsilon')
            m = int(rng.integers(1, 10 ** 7))
            eps_uc = mpmath.findroot(lambda e: mpmath.log(2 * H) - 2 * m * e ** 2 - mpmath.log(D), mpmath.mpf(1))
            close(as_scalar(uniform_convergence_epsilon(h, m, delta), 'epsilon_uc'), float(abs(eps_uc)), rtol=1e-10, atol=0, name=f'uniform-convergence epsilon {tag}, m = {m}', hint='Hoeffding is two-sided: ln(2|H| / delta)')

@test_case(name="test_astronomical_class", points=None, hidden=True)
def test_astronomical_class(pac_realizable_sample_size, pac_agnostic_sample_size, uniform_convergence_epsilon):
    """A class whose size is a Python integer far too large to convert to a float."""
    from mlmathkit_checks import guarded as _guarded
    pac_realizable_sample_size = _guarded(pac_realizable_sample_size, 'pac_realizable_sample_size', ('sklearn', 'torch.nn'))
    pac_agnostic_sample_size = _guarded(pac_agnostic_sample_size, 'pac_agnostic_sample_size', ('sklearn', 'torch.nn'))
    uniform_convergence_epsilon = _guarded(uniform_convergence_epsilon, 'uniform_convergence_epsilon', ('sklearn', 'torch.nn'))
    import math
    from mlmathkit_checks import as_scalar, close
    h = 2 ** (32 * 400)
    log_h = 12800 * math.log(2)
    close(as_scalar(pac_realizable_sample_size(h, 0.05, 0.01), 'm'), float(math.ceil((log_h + math.log(100)) / 0.05)), rtol=0, atol=0, name='realizable sample size for |H| = 2**12800', hint='|H| is a Python int too large for a float: use math.log(h) - math.log(delta)')
    close(as_scalar(pac_agnostic_sample_size(h, 0.05, 0.01), 'm'), float(math.ceil(2 * (math.log(2) + log_h + math.log(100)) / 0.05 ** 2)), rtol=0, atol=0, name='agnostic sample size for |H| = 2**12800')
    close(as_scalar(uniform_convergence_epsilon(h, 10 ** 9, 0.01), 'epsilon_uc'), math.sqrt((math.log(2) + log_h + math.log(100)) / 2000000000.0), rtol=1e-10, atol=0, name='epsilon_uc for |H| = 2**12800, m = 1e9', hint='two-sided Hoeffding: ln(2|H| / delta) = ln 2 + ln|H| - ln delta')

@test_case(name="test_edge_cases", points=None, hidden=True)
def test_edge_cases(pac_realizable_sample_size, pac_agnostic_sample_size, uniform_convergence_epsilon):
    """A single hypothesis at delta = 1 (nothing to learn), epsilon = 1, and a ratio |H| / delta that overflows a float."""
    from mlmathkit_checks import guarded as _guarded
    pac_realizable_sample_size = _guarded(pac_realizable_sample_size, 'pac_realizable_sample_size', ('sklearn', 'torch.nn'))
    pac_agnostic_sample_size = _guarded(pac_agnostic_sample_size, 'pac_agnostic_sample_size', ('sklearn', 'torch.nn'))
    uniform_convergence_epsilon = _guarded(uniform_convergence_epsilon, 'uniform_convergence_epsilon', ('sklearn', 'torch.nn'))
    import math
    from mlmathkit_checks import as_scalar, close
    close(as_scalar(pac_realizable_sample_size(1, 0.1, 1.0), 'm'), 0.0, rtol=0, atol=0, name='realizable sample size for |H| = 1, delta = 1')
    close(as_scalar(pac_agnostic_sample_size(1, 0.1, 1.0), 'm'), float(math.ceil(200 * math.log(2))), rtol=0, atol=0, name='agnostic sample size for |H| = 1, delta = 1')
    close(as_scalar(pac_realizable_sample_size(7, 1.0, 0.5), 'm'), float(math.ceil(math.log(14))), rtol=0, atol=0, name='realizable sample size with epsilon = 1')
    close(as_scalar(pac_realizable_sample_size(1e+300, 0.5, 1e-300), 'm'), float(math.ceil(2 * 600 * math.log(10))), rtol=0, atol=0, name='realizable sample size for |H| = 1e300, delta = 1e-300', hint='|H| / delta overflows to inf: subtract logs instead of dividing')
    close(as_scalar(uniform_convergence_epsilon(1, 1, 1.0), 'epsilon_uc'), math.sqrt(math.log(2) / 2), rtol=1e-10, atol=0, name='epsilon_uc for |H| = 1, m = 1, delta = 1')

@test_case(name="test_sample_sizes_are_integers", points=None, hidden=True)
def test_sample_sizes_are_integers(pac_realizable_sample_size, pac_agnostic_sample_size):
    """Sample sizes come back as integers (a Python int or a numpy integer), never as floats."""
    from mlmathkit_checks import guarded as _guarded
    pac_realizable_sample_size = _guarded(pac_realizable_sample_size, 'pac_realizable_sample_size', ('sklearn', 'torch.nn'))
    pac_agnostic_sample_size = _guarded(pac_agnostic_sample_size, 'pac_agnostic_sample_size', ('sklearn', 'torch.nn'))
    import numbers
    from mlmathkit_checks import require
    for fn, what in ((pac_realizable_sample_size, 'realizable'), (pac_agnostic_sample_size, 'agnostic')):
        for h, e, d in [(1000, 0.01, 0.05), (1, 0.1, 1.0), (2 ** 3000, 0.2, 1e-06), (50000.0, 0.3, 0.3)]:
            m = fn(h, e, d)
            require(isinstance(m, numbers.Integral) and (not isinstance(m, bool)), f'the {what} sample size should be an int (a whole number of examples), got {type(m).__name__} {m!r:.40} - math.ceil returns an int, np.ceil a float')


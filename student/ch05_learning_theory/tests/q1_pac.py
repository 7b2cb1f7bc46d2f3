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


"""Untrusted side of the grader: a warm zygote that forks one isolated process per submission.

- :mod:`.zygote`: the warm process and the per-submission child that runs the notebook and answers calls;
- :mod:`.filesystem`: an empty root with an allow-list of read-only binds (pivot_root);
- :mod:`.syscalls`: the seccomp allow-list (Docker's default profile, for a process without capabilities);
- :mod:`.cgroup`: memory (tmpfs included), process and CPU limits for the submission as a whole;
- :mod:`.uids`: a sandbox uid per submission that never repeats on this machine.
"""

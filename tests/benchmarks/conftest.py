# Benchmarks are scripts that print figures; pytest never collects them.
collect_ignore_glob = ["*.py"]

.PHONY: run test install-check package bench bench-big bench-city soak setup clean

run:            ## set up .venv and run the desk app against a local demo CRM
	scripts/run.sh

test:           ## set up .venv and run every check: ruff, mypy, import-linter, pytest
	scripts/test.sh

install-check:  ## a wheel in two fresh environments: only the CRM's side, only the desk's (also in make test)
	scripts/bootstrap.sh
	scripts/install-check.sh

package:        ## the desk frozen into one folder (dist/meja-aduan/), smoke-tested outside the checkout (slow; not in make test)
	scripts/package.sh

bench:          ## benchmarks that print a table (about 15 minutes)
	scripts/bench.sh

bench-big:      ## also the 1 000 000-row runs (long; not run in CI)
	scripts/bench.sh --big

bench-city:     ## a city's morning: 320 desks back online at once, CRM as 2 workers on PostgreSQL
	scripts/bootstrap.sh
	bash -c 'source scripts/postgres.sh && .venv/bin/python -m benchmarks.bench_city_morning'

soak:           ## sync: 3 desks × 1 000 complaints while faults come and go (minutes)
	scripts/bootstrap.sh
	.venv/bin/python -m tests.sync.soak --desks 3 --per-desk 1000

setup:
	scripts/bootstrap.sh

clean:
	rm -rf .venv .demo .pytest_cache .mypy_cache .ruff_cache test-artifacts

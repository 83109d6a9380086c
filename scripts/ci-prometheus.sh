#!/usr/bin/env bash
# Prometheus in CI (.ci/run, after the test suite): Debian's promtool checks the shipped
# configuration, alert rules and dashboard and runs the rules' unit tests; then the real
# Prometheus test (two kiosks scraped on 127.0.0.1, the behind-the-channel alert firing)
# runs with CI=true, so a missing prometheus fails instead of skipping.  Prometheus is
# started by the test itself on a free loopback port and stopped when it ends; Debian's
# prometheus service is never started (policy-rc.d in containers; CI does not enable it).
set -euo pipefail
cd "$(dirname "$0")/.."
here=packaging/prometheus

# Debian's prometheus package, installed here (not in .ci/run's first apt-get) so its
# service can be kept from starting: Prometheus would listen on every address at :9090.
# A policy-rc.d that says "no" (101) is put in place for the install if none is there.
if ! command -v prometheus >/dev/null && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  policy=/usr/sbin/policy-rc.d
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    trap 'rm -f "$policy"' EXIT
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus \
    >/dev/null
  if [ -d /run/systemd/system ]; then  # a machine with systemd: never at boot either
    systemctl disable --now prometheus.service >/dev/null 2>&1 || true
  fi
fi
for tool in prometheus promtool; do
  command -v "$tool" >/dev/null || {
    echo "ci-prometheus: $tool is not installed (apt-get install prometheus)" >&2
    exit 1
  }
done
promtool check config "$here/prometheus-ci.yml"
promtool check rules "$here/kiosk-rules.yml"
(cd "$here" && promtool test rules kiosk-rules.test.yml)
.venv/bin/python -m json.tool "$here/grafana-fleet.json" >/dev/null
CI=true .venv/bin/pytest -q -p no:cacheprovider \
  tests/test_prometheus_real.py tests/test_fleet_metrics_rules.py

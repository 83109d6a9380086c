#!/usr/bin/env bash
# Prometheus in CI (.ci/run, after the test suite): Debian's promtool checks the shipped
# configuration, alert rules and dashboard and runs the rules' unit tests; then the real
# Prometheus test (two kiosks' endpoints and a third kiosk's textfile through the node
# exporter, scraped on 127.0.0.1; the behind-the-channel alert firing) runs with CI=true,
# so a missing prometheus or node exporter fails instead of skipping.  Prometheus is
# started by the test itself on a free loopback port and stopped when it ends; Debian's
# prometheus service is never started (policy-rc.d in containers; CI does not enable it).
set -euo pipefail
cd "$(dirname "$0")/.."
here=packaging/prometheus

# Debian's prometheus and prometheus-node-exporter, installed here (not in .ci/run's first
# apt-get) so their services can be kept from starting: they would listen on every address
# (:9090, :9100).  A policy-rc.d that says "no" (101) is put in place for the install if
# none is there.
if { ! command -v prometheus || ! command -v prometheus-node-exporter; } >/dev/null &&
  command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  policy=/usr/sbin/policy-rc.d
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    trap 'rm -f "$policy"' EXIT
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    prometheus prometheus-node-exporter >/dev/null
  if [ -d /run/systemd/system ]; then  # a machine with systemd: never at boot either
    systemctl disable --now prometheus.service prometheus-node-exporter.service \
      >/dev/null 2>&1 || true
  fi
fi
for tool in prometheus promtool prometheus-node-exporter; do
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
  tests/test_prometheus_real.py tests/test_fleet_metrics_rules.py tests/test_fleet_metrics.py

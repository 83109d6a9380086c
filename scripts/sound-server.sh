#!/usr/bin/env bash
# A sound server of the tests' own for the real-audio tests (tests/test_audio_real.py):
# PulseAudio in user mode with one null sink, its files in a private folder, reachable only
# through a unix socket there.  Nothing reaches a loudspeaker and nothing of the machine's
# own sound set-up is touched.  .ci/run uses it; locally the same:
#   eval "$(scripts/sound-server.sh start /tmp/kiosk-sound)"   # prints the PULSE_SERVER line
#   .venv/bin/pytest tests/test_audio_real.py
#   scripts/sound-server.sh stop /tmp/kiosk-sound
set -euo pipefail
action=${1:?start or stop}
dir=${2:?a private folder for the server}

case $action in
start)
  mkdir -p "$dir"
  chmod 700 "$dir"
  # HOME and XDG_RUNTIME_DIR private too: pulseaudio writes its cookie and state there.
  # -n: no default.pa (no hardware modules); the native protocol and one null sink only.
  # Root (CI) gets a warning in the log that it is not meant to run as root; it runs.
  env HOME="$dir" XDG_RUNTIME_DIR="$dir" XDG_CONFIG_HOME="$dir/config" \
    pulseaudio -n --daemonize=yes --use-pid-file=yes --exit-idle-time=-1 \
    --disallow-exit --disallow-module-loading=no --log-target="file:$dir/pulseaudio.log" \
    --load="module-native-protocol-unix auth-anonymous=1" \
    --load="module-null-sink sink_name=kiosk_null sink_properties=device.description=KioskNull"
  export PULSE_SERVER="unix:$dir/pulse/native"
  # --daemonize returns once the server is ready; the check proves it answers.
  pactl info >/dev/null
  echo "export PULSE_SERVER=unix:$dir/pulse/native"
  ;;
stop)
  if [ -f "$dir/pulse/pid" ]; then
    kill "$(cat "$dir/pulse/pid")" 2>/dev/null || true
  fi
  rm -rf "$dir"
  ;;
*)
  echo "usage: $0 start|stop DIR" >&2
  exit 2
  ;;
esac

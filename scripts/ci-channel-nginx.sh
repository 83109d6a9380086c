#!/usr/bin/env bash
# Debian's nginx serving a content channel folder to the tests, on 127.0.0.1 only: over
# HTTP, and over HTTPS with a test certificate authority made here at run time by openssl.
# nginx runs with a configuration of its own in a private folder (never the machine's
# /etc/nginx sites), on ports above 1024, and is stopped by `stop`.  tests/test_channel_nginx.py
# uses it; by hand:
#   scripts/ci-channel-nginx.sh start /tmp/kiosk-nginx /srv/channel [HTTP_PORT HTTPS_PORT]
#     -> the channel at http://127.0.0.1:18080/channel/ and https://127.0.0.1:18443/channel/,
#        the CA certificate in /tmp/kiosk-nginx/ca.pem (give it to kiosks as channel_ca_file)
#   scripts/ci-channel-nginx.sh stop /tmp/kiosk-nginx
# .ci/run calls `scripts/ci-channel-nginx.sh install` before the tests: Debian's nginx and
# openssl as root, with nginx's own service kept from ever starting (it would listen on
# every address at :80): a policy-rc.d says no during the install, and systemd disables it.
set -euo pipefail
action=${1:?install, start or stop}
if [ "$action" = install ]; then
  if command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; then exit 0; fi
  if ! command -v apt-get >/dev/null || [ "$(id -u)" != 0 ]; then
    # As .ci/run's own apt-get: only as root; the channel test then says what is missing.
    echo "ci-channel-nginx.sh: nginx not installed (installing needs root and apt-get)" >&2
    exit 0
  fi
  policy=/usr/sbin/policy-rc.d
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    trap 'rm -f "$policy"' EXIT
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx openssl \
    >/dev/null
  if [ -d /run/systemd/system ]; then
    systemctl disable --now nginx.service >/dev/null 2>&1 || true
  fi
  exit 0
fi
dir=${2:?a private folder for the server}

nginx_bin() {  # /usr/sbin is not on every account's PATH
  command -v nginx 2>/dev/null || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; } \
    || { echo "ci-channel-nginx.sh: nginx is not installed (apt install nginx)" >&2; exit 3; }
}

make_ca() {  # a CA and a server certificate for 127.0.0.1, both valid for two days
  local d=$1
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
    -keyout "$d/ca.key" -out "$d/ca.pem" -subj "/CN=Memorial Kiosk CI test CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    2>/dev/null
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
    -keyout "$d/server.key" -out "$d/server.csr" -subj "/CN=127.0.0.1" 2>/dev/null
  printf '%s\n' "subjectAltName=IP:127.0.0.1" "basicConstraints=critical,CA:FALSE" \
    "keyUsage=critical,digitalSignature" "extendedKeyUsage=serverAuth" \
    "subjectKeyIdentifier=hash" "authorityKeyIdentifier=keyid" > "$d/server.ext"
  openssl x509 -req -in "$d/server.csr" -CA "$d/ca.pem" -CAkey "$d/ca.key" -CAcreateserial \
    -days 2 -extfile "$d/server.ext" -out "$d/server.pem" 2>/dev/null
  rm -f "$d/server.csr" "$d/ca.key"  # nothing more is signed with it
}

case $action in
start)
  root=${3:?the channel folder to serve}
  http_port=${4:-18080}
  https_port=${5:-18443}
  bin=$(nginx_bin)
  root=$(cd "$root" && pwd)
  mkdir -p "$dir/tmp"
  chmod 700 "$dir"
  make_ca "$dir"
  # As root, the workers run as root too: the test's folders are private to it (0700).
  # Without root nginx ignores the user line (and the master is already that user).
  user_line=""
  if [ "$(id -u)" = 0 ]; then user_line="user root root;"; fi
  cat > "$dir/nginx.conf" <<EOF
$user_line
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 64; }
http {
    # Scheme, request and bytes sent: the test sees which way each kiosk came and what it cost.
    log_format channel '\$scheme "\$request" \$status \$bytes_sent';
    access_log $dir/access.log channel;
    client_body_temp_path $dir/tmp/body;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;
    types { application/json json; }
    default_type application/octet-stream;
    # Static files only, as a museum's web server would serve a channel: ETag,
    # If-None-Match and Range come with nginx's static file handler.
    server {
        listen 127.0.0.1:$http_port;
        location /channel/ { alias $root/; }
        # Ways a server goes wrong that static files cannot show: a redirect loop, and a
        # captive portal's page where the index should be.
        location = /loop-a/channel.json { return 302 /loop-b/channel.json; }
        location = /loop-b/channel.json { return 302 /loop-a/channel.json; }
        location = /portal/channel.json {
            default_type text/html;
            return 200 "<!DOCTYPE html>\n<html><body><h1>Please log in</h1></body></html>\n";
        }
    }
    server {
        listen 127.0.0.1:$https_port ssl;
        ssl_certificate $dir/server.pem;
        ssl_certificate_key $dir/server.key;
        location /channel/ { alias $root/; }
    }
}
EOF
  # -e: the error log from the first line on (the built-in one is /var/log/nginx's).
  # nginx binds its ports before it returns, so the channel answers from here on.
  "$bin" -e "$dir/error.log" -p "$dir" -c "$dir/nginx.conf"
  echo "http://127.0.0.1:$http_port/channel/"
  echo "https://127.0.0.1:$https_port/channel/"
  echo "$dir/ca.pem"
  ;;
stop)
  if [ -f "$dir/nginx.pid" ]; then
    pid=$(cat "$dir/nginx.pid")
    kill -TERM "$pid" 2>/dev/null || true
    # The master removes its pid file when it has stopped (bounded: 10 s).
    for _ in $(seq 100); do [ -e "$dir/nginx.pid" ] || break; sleep 0.1; done
    if [ -e "$dir/nginx.pid" ]; then kill -KILL "$pid" 2>/dev/null || true; fi
  fi
  rm -rf "$dir"
  ;;
*)
  echo "usage: $0 install | start DIR CHANNEL_FOLDER [HTTP_PORT HTTPS_PORT] | stop DIR" >&2
  exit 2
  ;;
esac

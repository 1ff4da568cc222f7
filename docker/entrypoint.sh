#!/bin/sh
# Starts one medvie service: MEDVIE_MAIN names its main class (set by the image); arguments are
# passed on (the services take an optional properties file). Settings come from the environment.
set -eu
: "${MEDVIE_MAIN:?MEDVIE_MAIN (the service main class) is not set}"
# DJL must never reach the network (STACK.md); natives are unpacked under /var/cache/medvie.
exec java \
  -XX:MaxRAMPercentage="${MEDVIE_MAX_RAM_PERCENT:-75}" \
  -XX:+ExitOnOutOfMemoryError \
  -Djava.awt.headless=true \
  -Dai.djl.offline=true \
  -Dorg.bytedeco.javacpp.cachedir=/var/cache/medvie/javacpp \
  -Dlogback.configurationFile=/opt/medvie/logback.xml \
  ${JAVA_OPTS:-} \
  -cp "/opt/medvie/lib/*" "$MEDVIE_MAIN" "$@"

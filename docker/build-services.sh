#!/bin/sh
# Image build stage: builds the given service modules (and what they need) once, then lays out
# each one's runtime class path in /out/<service>/lib, logging backend included
# (docker/runtime/pom.xml). Tests and formatting checks are the CI's job, not the image's.
set -eu
services="$*"
modules=$(echo "$services" | tr ' ' ',')
mvn -B -q -Dmaven.test.skip=true -Dspotless.check.skip=true -Dmdep.skip=true \
  install -pl "$modules" -am
for service in $services; do
  mvn -B -q -f docker/runtime/pom.xml -Dmedvie.service="$service" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="/out/$service/lib"
done

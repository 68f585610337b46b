#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image (Ubuntu): the JDK is
# all the grader needs. The grader jar, the homework jar and the assignment's source notebook
# (with its hidden tests) come in this bundle, in /autograder/source.
set -euo pipefail
if ! command -v java >/dev/null || ! java -version 2>&1 | grep -q '"17\|"2[0-9]'; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends openjdk-17-jdk-headless
fi
# setpriv, unshare and prlimit (util-linux) let the grader run student code as nobody in its own PID namespace
command -v unshare >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q util-linux
java -version

# Sourced by the benchmark scripts: (re)builds target/bench/benchmarks.jar (the bench profile: the
# module, src/bench and the JMH harness in one jar) when a source is newer than it, unless SKIP_BUILD=1.
JAR=target/bench/benchmarks.jar
if [[ ${SKIP_BUILD:-0} != 1 && ( ! -f $JAR || -n "$(find src/main src/bench pom.xml -newer "$JAR" -type f | head -1)" ) ]]; then
  echo "building $JAR (mvn -q -Pbench -Dmaven.test.skip=true package) ..." >&2
  mvn -q -o -Pbench -Dmaven.test.skip=true package 2>/dev/null || mvn -q -Pbench -Dmaven.test.skip=true package
fi

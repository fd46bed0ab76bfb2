# Finds a JDK 25 or newer and exports JAVA_HOME to it; sourced by ./waiver and ./run-tests.
# Order: JAVA_HOME if it is 25+, then the JDKs installed in the usual system and user folders (newest wins).

java_feature_version() {   # prints the feature version of a JDK home (25 for 25.0.3), or nothing
  local home="$1" version=""
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -f "$home/release" ]; then
    version="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")"
  fi
  echo "$version"
}

find_jdk() {
  local candidate best="" best_version=0 v
  if [ -n "${JAVA_HOME:-}" ]; then
    v="$(java_feature_version "$JAVA_HOME")"
    if [ -n "$v" ] && [ "$v" -ge 25 ]; then echo "$JAVA_HOME"; return; fi
  fi
  for candidate in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* \
      /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -d "$candidate" ] || continue
    v="$(java_feature_version "$candidate")"
    if [ -n "$v" ] && [ "$v" -ge 25 ] && [ "$v" -gt "$best_version" ]; then best="$candidate"; best_version="$v"; fi
  done
  if [ -z "$best" ] && command -v javac >/dev/null 2>&1; then
    candidate="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
    v="$(java_feature_version "$candidate")"
    if [ -n "$v" ] && [ "$v" -ge 25 ]; then best="$candidate"; fi
  fi
  echo "$best"
}

JDK="$(find_jdk)"
if [ -z "$JDK" ]; then
  echo "waiver: needs a JDK 25 or newer: install Temurin 25 (https://adoptium.net) and run again, or set JAVA_HOME to one" >&2
  exit 1
fi
export JAVA_HOME="$JDK"


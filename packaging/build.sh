#!/usr/bin/env bash
# Builds Waiver and packages it with jpackage into target/dist/.
#
#   packaging/build.sh [app-image|deb|rpm|msi|dmg]      (default: app-image)
#
# Every type starts from the same app image: jpackage.cfg (all platforms) + packaging/<os>/app-image.cfg.
# The script then finishes that image (JavaFX natives into the runtime, the JDK 25 AOT cache) and, for an
# installer, hands the finished image to jpackage with packaging/<os>/installer.cfg (+ deb.cfg / rpm.cfg).
# Building the installer from the image is what lets the trained AOT cache ship unchanged.
#
# Environment:
#   WAIVER_SKIP_BUILD=1   reuse target/waiver.jar and target/lib (e.g. right after ./run-tests)
#   WAIVER_AOT=0          no AOT cache (faster build, slower first start)
#   WAIVER_AOT_TRAIN=headless|xvfb   where the training run draws its window; default: xvfb when
#                         xvfb-run and GTK are there (the cache then holds the GTK classes a desktop
#                         start needs), else JavaFX's built-in headless platform (no display needed)
#   WAIVER_AOT_TIMEOUT=180   seconds the training run may take before the image ships without a cache
#
# Runs on Linux (bash), macOS (bash) and Windows (Git Bash / MSYS2); installers build only on their own OS.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
TYPE="${1:-app-image}"
DIST="$ROOT/target/dist"

die() { echo "packaging: $*" >&2; exit 1; }
step() { echo "packaging: $*" >&2; }

case "$(uname -s)" in
  Linux) OS=linux ;;
  Darwin) OS=macos ;;
  MINGW* | MSYS* | CYGWIN*) OS=windows ;;
  *) die "unsupported build OS $(uname -s)" ;;
esac
case "$OS:$TYPE" in
  *:app-image | linux:deb | linux:rpm | windows:msi | windows:exe | macos:dmg | macos:pkg) ;;
  *) die "cannot build '$TYPE' on $OS (usage: packaging/build.sh [app-image|deb|rpm|msi|dmg]; deb/rpm on Linux, msi on Windows, dmg on macOS)" ;;
esac

# shellcheck source=.mvn/jdk.sh
. "$ROOT/.mvn/jdk.sh"          # exports JAVA_HOME as a JDK 25+; jpackage and jlink come from it
JPACKAGE="$JAVA_HOME/bin/jpackage"
[ -x "$JPACKAGE" ] || [ -x "$JPACKAGE.exe" ] || die "no jpackage in $JAVA_HOME (needs a full JDK, not a JRE)"

# Runs jpackage, showing its output only when it fails. "Warning: No JDK Modules found" is expected:
# Temurin 25 ships no jmods/ folder and jlink links from the running JDK's own image instead.
jpackage_run() {
  local log="$ROOT/target/jpackage.log"
  if ! "$JPACKAGE" "$@" > "$log" 2>&1; then
    cat "$log" >&2
    die "jpackage failed (arguments: $*)"
  fi
  grep -v 'No JDK Modules found' "$log" >&2 || true
}

# Stops a process and everything it started (xvfb-run leaves Xvfb and the app behind otherwise).
kill_tree() {
  local child
  for child in $(pgrep -P "$1" 2>/dev/null || true); do kill_tree "$child"; done
  kill "$1" 2>/dev/null || true
}

# Runs a command, killing it after $1 seconds (coreutils timeout is missing on macOS and Git Bash).
with_timeout() {
  local secs="$1"; shift
  "$@" & local pid=$!
  # The watchdog kills its own sleep when it is stopped, so no stray process keeps the build's output open.
  ( trap 'kill "$nap" 2>/dev/null; exit 0' TERM
    sleep "$secs" & nap=$!
    wait "$nap" && kill_tree "$pid" ) > /dev/null 2>&1 & local watchdog=$!
  local status=0
  wait "$pid" || status=$?
  kill "$watchdog" 2>/dev/null || true
  wait "$watchdog" 2>/dev/null || true
  return "$status"
}

# A path as the JVM must see it: on Windows, Git Bash's /tmp/... means nothing to a native program
# reading it from JAVA_TOOL_OPTIONS (Bash converts paths in arguments, not in variables).
jvm_path() { if [ "$OS" = windows ]; then cygpath -w "$1"; else printf '%s\n' "$1"; fi; }

# --- 1. the jar and its libraries ----------------------------------------------------------------------
if [ "${WAIVER_SKIP_BUILD:-0}" != 1 ]; then
  step "building the jar (./mvnw -B -q -DskipTests package)"
  ./mvnw -B -q -DskipTests package
fi
[ -f target/waiver.jar ] && [ -d target/lib ] || die "target/waiver.jar or target/lib is missing: build first"

# jpackage.cfg names the JavaFX folder; a JavaFX upgrade in pom.xml must update it there too.
FX_DIR="$(sed -n 's/^--module-path[[:space:]]\{1,\}//p' jpackage.cfg)"
[ -d "$FX_DIR" ] || die "$FX_DIR (--module-path in jpackage.cfg) does not exist: does it match javafx.version in pom.xml?"

# The version shown by `--version` comes from the jar manifest; the package gets the same number.
# jpackage accepts only dotted integers, so a -SNAPSHOT style suffix is dropped.
VERSION="$(sed -n 's/^version=//p' target/maven-archiver/pom.properties | tr -d '\r')"
APP_VERSION="${VERSION%%-*}"
if [ "$OS" = macos ] && [ "${APP_VERSION%%.*}" = 0 ]; then
  # jpackage refuses a bundle version starting with 0 on macOS (CFBundleVersion rule): 0.M.P ships as
  # 1.M.P in Info.plist only; `Waiver --version` still prints the real version.
  APP_VERSION="1.${APP_VERSION#0.}"
fi

# Fresh staging folder: copy-dependencies never deletes, so a stale library version could linger.
rm -rf target/jp-input
mkdir -p target/jp-input "$DIST"
cp target/waiver.jar target/lib/*.jar target/jp-input/

# --- 2. the app image ------------------------------------------------------------------------------------
case "$OS" in
  linux)   IMAGE="$DIST/Waiver";     APP_DIR="$IMAGE/lib/app";          RUNTIME_LIB="$IMAGE/lib/runtime/lib"
           LAUNCHER="$IMAGE/bin/Waiver" ;;
  windows) IMAGE="$DIST/Waiver";     APP_DIR="$IMAGE/app";              RUNTIME_LIB="$IMAGE/runtime/bin"
           LAUNCHER="$IMAGE/waiver-cli.exe" ;;
  macos)   IMAGE="$DIST/Waiver.app"; APP_DIR="$IMAGE/Contents/app";     RUNTIME_LIB="$IMAGE/Contents/runtime/Contents/Home/lib"
           LAUNCHER="$IMAGE/Contents/MacOS/Waiver" ;;
esac
rm -rf "$IMAGE"
step "jpackage app image ($APP_VERSION) -> ${IMAGE#"$ROOT"/}"
jpackage_run @jpackage.cfg @"packaging/$OS/app-image.cfg" --app-version "$APP_VERSION" --type app-image --dest "$DIST"
[ -d "$IMAGE" ] || die "jpackage made no app image"

# JavaFX's jars carry their native libraries as resources, and jlink keeps them there, so at every start
# JavaFX would hash them and extract them to ~/.openjfx/cache. Placed in the runtime's own library folder
# they load straight from the image (JavaFX looks there first): faster, and nothing written to $HOME.
step "JavaFX native libraries -> ${RUNTIME_LIB#"$ROOT"/}"
FX_GRAPHICS="$(ls "$ROOT/$FX_DIR"/javafx-graphics-*.jar | head -n 1)"
natives_tmp="$(mktemp -d)"
(cd "$natives_tmp" && "$JAVA_HOME/bin/jar" xf "$FX_GRAPHICS")
find "$natives_tmp" -maxdepth 1 -type f \( -name '*.so' -o -name '*.dll' -o -name '*.dylib' \) \
  -exec cp {} "$RUNTIME_LIB/" \;
rm -rf "$natives_tmp"

# --- 3. the AOT cache (JEP 483/514): classes loaded and linked by a training run, mapped at start ----------
if [ "${WAIVER_AOT:-1}" != 0 ]; then
  train="${WAIVER_AOT_TRAIN:-auto}"
  if [ "$train" = auto ]; then
    train=headless
    if [ "$OS" = linux ] && command -v xvfb-run >/dev/null 2>&1 && ldconfig -p 2>/dev/null | grep -q 'libgtk-3\.so\.0'; then
      train=xvfb
    fi
  fi
  work="$(mktemp -d)"
  # The training run opens the demo workspace (no --dir) in a throw-away data folder, so it neither
  # reads nor writes the builder's own Waiver settings; --measure-startup closes it after the first frame.
  # (exec: with_timeout's kill then reaches the launcher or xvfb-run itself, not a wrapping subshell.)
  run_training() {
    if [ "$train" = xvfb ]; then
      exec xvfb-run -a -s "-screen 0 1280x800x24" "$LAUNCHER" --home "$work/home" --measure-startup
    else
      JAVA_TOOL_OPTIONS="${JAVA_TOOL_OPTIONS:-} -Dglass.platform=Headless" \
        exec "$LAUNCHER" --home "$work/home" --measure-startup
    fi
  }
  step "AOT training run ($train platform)"
  # Two steps through the app's own launcher (same runtime, class path and flags as a real start):
  # record which classes load, then assemble the cache. The one-step -XX:AOTCacheOutput would need a
  # bin/java in the runtime, which jlink's --strip-native-commands removes.
  # JAVA_TOOL_OPTIONS reaches the JVM from the native launcher; its "Picked up" line goes to stderr.
  # A training run that does not finish in time (a window that never exits) leaves the image without
  # a cache rather than failing the build: the app works the same, only its first start is slower.
  aotconf="$(jvm_path "$work/waiver.aotconf")"
  aot="$(jvm_path "$APP_DIR/waiver.aot")"
  # -Dprism.order=es2,sw: the training machine may have no GPU, where Waiver would go straight to software
  # rendering (app.SoftwareRendering); trying the GPU pipeline first puts its classes in the cache as well,
  # for the machines that have one.
  if JAVA_TOOL_OPTIONS="-XX:AOTMode=record -XX:AOTConfiguration=$aotconf -Dprism.order=es2,sw" \
      with_timeout "${WAIVER_AOT_TIMEOUT:-180}" run_training > "$work/train.log" 2>&1 && grep -q 'first-frame-ms=' "$work/train.log"; then
    grep -h 'first-frame-ms=' "$work/train.log" >&2
    JAVA_TOOL_OPTIONS="-XX:AOTMode=create -XX:AOTConfiguration=$aotconf -XX:AOTCache=$aot" \
      "$LAUNCHER" > "$work/create.log" 2>&1 || { cat "$work/create.log" >&2; die "AOT cache creation failed"; }
  else
    tail -n 20 "$work/train.log" >&2
    step "WARNING: the training run did not print first-frame-ms within ${WAIVER_AOT_TIMEOUT:-180} s; packaging WITHOUT an AOT cache"
  fi
  rm -rf "$work"
fi

if [ -f "$APP_DIR/waiver.aot" ]; then
  # Every launcher of the image (Windows has two) maps the cache; $APPDIR is the launcher's app folder,
  # so the path holds wherever the image is installed (the JVM accepts a moved app folder).
  # (awk, not sed -i: portable to macOS, and it tolerates the CRLF line ends of Windows cfg files.)
  for cfg in "$APP_DIR"/*.cfg; do
    awk '{ print; line = $0; sub(/\r$/, "", line) }
         line == "[JavaOptions]" { print "java-options=-XX:AOTCache=$APPDIR/waiver.aot" }' "$cfg" > "$cfg.new"
    mv "$cfg.new" "$cfg"
  done
  # AOTMode=on fails instead of silently starting without the cache: proves the shipped cache is usable.
  JAVA_TOOL_OPTIONS="-XX:AOTMode=on" "$LAUNCHER" --version > /dev/null 2>&1 \
    || die "the AOT cache in ${APP_DIR#"$ROOT"/} is not usable by the launcher"
  step "AOT cache: $(du -h "$APP_DIR/waiver.aot" | cut -f1) in ${APP_DIR#"$ROOT"/}/waiver.aot"
fi

"$LAUNCHER" --version >/dev/null || die "the packaged launcher does not start"

# --- 4. the installer, from the finished image -------------------------------------------------------------
if [ "$TYPE" != app-image ]; then
  # Name, vendor, description and copyright live once, in jpackage.cfg; installers take them from there.
  grep -E '^--(name|vendor|description|copyright)[[:space:]]' jpackage.cfg > target/jp-identity.cfg
  extra=()
  [ -f "packaging/$OS/$TYPE.cfg" ] && extra+=("@packaging/$OS/$TYPE.cfg")
  # An installer made from an app image ignores --icon: jpackage takes the shortcut/menu icon from
  # --resource-dir (<name>.png|.ico|.icns) or else uses its default Duke icon. Feed it the icon that
  # app-image.cfg names, so there is one place to change it.
  icon="$(sed -n 's/^--icon[[:space:]]\{1,\}//p' "packaging/$OS/app-image.cfg")"
  rm -rf target/jp-resources
  mkdir -p target/jp-resources
  cp "$icon" "target/jp-resources/Waiver.${icon##*.}"
  [ "$OS" = macos ] && cp "$icon" target/jp-resources/Waiver-volume.icns   # the .dmg's volume icon
  extra+=(--resource-dir target/jp-resources)
  step "jpackage $TYPE"
  jpackage_run @target/jp-identity.cfg @"packaging/$OS/installer.cfg" ${extra[@]+"${extra[@]}"} \
    --app-image "$IMAGE" --app-version "$APP_VERSION" --type "$TYPE" --dest "$DIST"
fi

step "done: ${IMAGE#"$ROOT"/} ($(du -sh "$IMAGE" | cut -f1))"
if [ "$TYPE" != app-image ]; then
  find "$DIST" -maxdepth 1 -type f -newer "$APP_DIR/$(basename "$LAUNCHER" .exe).cfg" -exec ls -lh {} \; >&2
fi

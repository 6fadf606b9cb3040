#!/usr/bin/env bash
# CI packaging stage (run by .ci/run after the tests), as root on a fresh Debian machine:
# the README's build command, the frozen app's --self-test with an empty HOME and TMPDIR,
# its first paint offscreen, the .deb built, installed, run and removed, the NSIS installer
# compiled (and, when wine is there, installed and uninstalled silently).
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
started=$SECONDS
step() { echo "== packaging: $* ($((SECONDS - started)) s)"; }
fail() { echo "packaging FAILED: $*" >&2; exit 1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

step "system packages"
# xcb's plugin is only collected when its libraries exist on the build host.
as_root apt-get update -qq
as_root apt-get install -y -qq --no-install-recommends \
  python3-venv binutils file libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-shape0 libxkbcommon-x11-0 \
  libwayland-cursor0 libegl1 libgl1 libdbus-1-3 libfontconfig1 fonts-wqy-microhei \
  desktop-file-utils shared-mime-info nsis wine64 xvfb xauth >/dev/null

step "build (the README's build command)"
build_command=$(awk '/^## Packaging/{inside=1} inside && /^```sh/{block=1; next} block && /^```/{exit} block' README.md)
[ -n "$build_command" ] || fail "no build command in README.md's Packaging section"
echo "+ $build_command"
bash -c "set -euo pipefail; $build_command"
app=dist/curator
[ -x "$app/curator" ] && [ -x "$app/curator-cli" ] || fail "$app/curator and curator-cli were not built"
size_mb=$(du -sm "$app" | cut -f1)
echo "one-folder build: ${size_mb} MB"
[ "$size_mb" -le 150 ] || fail "the build is ${size_mb} MB, over 150 MB"

# A user's first start: nothing cached, nothing in temp, an unrelated working directory.
fresh() {
  local root
  root=$(mktemp -d)
  mkdir -p "$root/home" "$root/tmp" "$root/cwd"
  echo "$root"
}
run_fresh() {  # ROOT COMMAND...: run with an empty HOME, TMPDIR and working directory
  local root=$1; shift
  (cd "$root/cwd" && env -i PATH=/usr/bin:/bin HOME="$root/home" TMPDIR="$root/tmp" LANG=C.UTF-8 "$@")
}
check_left_clean() {  # ROOT: nothing in temp or the working directory, jieba's cache in the user's cache folder
  local root=$1
  [ -z "$(ls -A "$root/tmp")" ] || fail "files left in TMPDIR: $(ls -A "$root/tmp")"
  [ -z "$(ls -A "$root/cwd")" ] || fail "files left in the working directory: $(ls -A "$root/cwd")"
  ls "$root/home/.cache/curator/"jieba-*.marshal >/dev/null 2>&1 || fail "no jieba cache in ~/.cache/curator"
}

step "frozen --self-test, empty HOME and TMPDIR"
marker=$(mktemp); touch "$marker"
root=$(fresh)
run_fresh "$root" "$PWD/$app/curator-cli" --self-test
check_left_clean "$root"
run_fresh "$root" "$PWD/$app/curator-cli" --self-test >/dev/null  # second start: from the cache
[ -z "$(find "$app" -newer "$marker" -print -quit)" ] || fail "the app wrote into its install folder"

step "frozen GUI: first paint offscreen (--smoke)"
root=$(fresh)
begin=$(date +%s%N)
run_fresh "$root" env QT_QPA_PLATFORM=offscreen timeout 60 "$PWD/$app/curator" --smoke \
  || fail "the window did not paint within 60 s"
echo "start to first paint and quit: $(( ($(date +%s%N) - begin) / 1000000 )) ms (cold: no cache, new sample project)"
[ -f "$root/home/.local/share/curator/示例项目.curator" ] || fail "the sample project was not made from the bundled seeds"

step "frozen GUI under X (Xvfb): the xcb plugin loads; fcitx users get the IBus plugin"
root=$(fresh)
plugins=$(run_fresh "$root" env QT_QPA_PLATFORM=xcb QT_IM_MODULE=fcitx QT_DEBUG_PLUGINS=1 \
          timeout 60 xvfb-run -a "$PWD/$app/curator" --smoke 2>&1) || fail "no first paint under Xvfb: $plugins"
[[ "$plugins" == *"platforms/libqxcb.so\" loaded library"* ]] || fail "the xcb platform plugin did not load"
[[ "$plugins" == *"libibusplatforminputcontextplugin.so\" loaded library"* ]] || fail "QT_IM_MODULE=fcitx did not get the IBus plugin"

step ".deb: build, validate, install, run, remove"
desktop-file-validate packaging/linux/curator.desktop
deb=$(DEB_COMPRESSION="gzip -z6" bash packaging/linux/build-deb.sh)
dpkg-deb --info "$deb" | sed -n 's/^ \(Depends\|Installed-Size\):/  \1:/p'
as_root apt-get install -y -qq "./$deb" >/dev/null
root=$(fresh)
run_fresh "$root" /usr/bin/curator-cli --self-test
check_left_clean "$root"
[ -f /usr/share/mime/application/x-curator.xml ] || fail "the MIME type was not registered"
grep -q "application/x-curator=curator.desktop" /usr/share/applications/mimeinfo.cache \
  || fail "curator.desktop is not registered for .curator files"
as_root apt-get remove -y -qq curator >/dev/null
[ ! -e /opt/curator ] && [ ! -e /usr/bin/curator ] || fail "files left after removing the package"

step "Windows installer (NSIS) over a stand-in payload"
version=$(sed -n 's/^__version__ = "\(.*\)".*/\1/p' curator/__init__.py)
# PyInstaller cannot cross-build Windows: the Linux executables stand in for curator.exe;
# the real installer is built on a Windows runner (.github/workflows/release.yml).
standin=$(mktemp -d)
cp -a "$app/." "$standin/"
mv "$standin/curator" "$standin/curator.exe"
mv "$standin/curator-cli" "$standin/curator-cli.exe"
setup=$PWD/dist/curator-setup-standin.exe
(cd packaging/windows && makensis -V2 "-DVERSION=$version" -DCOMPRESSOR=zlib "-DSOURCE=$standin" "-DOUTFILE=$setup" curator.nsi)
[ -s "$setup" ] || fail "makensis made no installer"
if [ -x /usr/lib/wine/wine64 ] || command -v wine >/dev/null; then
  # an "older version": a small payload with a file the new one does not have
  old=$(mktemp -d)
  mkdir "$old/_internal"
  cp "$standin/curator.exe" "$standin/curator-cli.exe" "$old/"
  echo "from 0.0.1" > "$old/_internal/stale-from-old.txt"
  (cd packaging/windows && makensis -V2 -DVERSION=0.0.1 -DCOMPRESSOR=zlib "-DSOURCE=$old" "-DOUTFILE=$old-setup.exe" curator.nsi)
  VERSION=$version bash packaging/windows/wine-check.sh "$setup" "$old-setup.exe"
  rm -rf "$old" "$old-setup.exe"
else
  echo "wine not installed: installer compiled only"
fi
rm -rf "$standin"

step "done in $((SECONDS - started)) s; build ${size_mb} MB"

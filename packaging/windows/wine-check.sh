#!/usr/bin/env bash
# Silent install, upgrade and uninstall of a curator setup.exe under Wine.
#   bash packaging/windows/wine-check.sh NEW-setup.exe [OLD-setup.exe]
# With OLD: OLD is installed first and must leave nothing behind (its _internal/stale-from-old.txt)
# once NEW is installed over it.
set -euo pipefail
setup=$(realpath "$1")
old=${2:+$(realpath "$2")}
# A throwaway prefix and home: wine links the Windows desktop and Start menu into $HOME.
scratch=$(mktemp -d)
export HOME=$scratch/home WINEPREFIX=$scratch/prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
export XDG_DATA_HOME=$HOME/.local/share XDG_CONFIG_HOME=$HOME/.config XDG_CACHE_HOME=$HOME/.cache
mkdir -p "$HOME/Desktop"
# Debian's wine64 package (no wine32, no recommends) keeps its programs in /usr/lib/wine.
PATH=/usr/lib/wine:$PATH
wine=$(command -v wine64 || command -v wine) || { echo "no wine" >&2; exit 1; }
wineserver() { "$(command -v wineserver64 || command -v wineserver)" "$@"; }
trap 'wineserver -k 2>/dev/null || true; rm -rf "$scratch"' EXIT
fail() { echo "wine check FAILED: $*" >&2; exit 1; }

"$wine" wineboot --init >/dev/null 2>&1
wineserver -w
user=$(ls "$WINEPREFIX/drive_c/users" | grep -vx -m1 Public)
dir="$WINEPREFIX/drive_c/users/$user/AppData/Local/Programs/curator"

if [ -n "$old" ]; then
  "$wine" "$old" /S
  wineserver -w
  [ -f "$dir/_internal/stale-from-old.txt" ] || fail "the old version did not install"
fi
for round in install reinstall; do
  "$wine" "$setup" /S
  wineserver -w
  [ -f "$dir/curator.exe" ] && [ -f "$dir/curator-cli.exe" ] && [ -f "$dir/uninstall.exe" ] \
    || fail "$round: not installed per user in $dir"
  [ ! -e "$dir/_internal/stale-from-old.txt" ] || fail "$round: the old version's files were left behind"
done
shown=$("$wine" reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\curator' /v DisplayVersion 2>/dev/null)
[[ "$shown" == *"${VERSION:-}"* ]] || fail "Apps & features shows $shown"
[[ "$("$wine" reg query 'HKCU\Software\Classes\.curator' /ve 2>/dev/null)" == *curator.Project* ]] \
  || fail ".curator is not associated"
"$wine" reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\curator' /v DisplayVersion >/dev/null 2>&1 \
  || fail "no entry in Apps & features"
shortcuts() { find -L "$WINEPREFIX/drive_c/users" "$HOME/Desktop" -iname 'curator.lnk' 2>/dev/null; }
links=$(shortcuts)  # not piped into grep -q: an early exit would be SIGPIPE under pipefail
grep -qi 'start menu' <<<"$links" || fail "no Start-menu entry"
grep -qi 'desktop' <<<"$links" || fail "no desktop shortcut"

"$wine" "$dir/uninstall.exe" /S
wineserver -w
sleep 1
[ ! -e "$dir" ] || fail "files left after uninstalling: $(ls "$dir")"
! "$wine" reg query 'HKCU\Software\Classes\.curator' /ve >/dev/null 2>&1 || fail ".curator association left behind"
[ -z "$(shortcuts)" ] || fail "shortcuts left behind: $(shortcuts)"
echo "wine: silent install${old:+, upgrade from an older version}, reinstall and uninstall ok"

#!/usr/bin/env bash
# Make dist/curator_VERSION_ARCH.deb from the one-folder build in dist/curator (pyinstaller build.spec).
#   bash packaging/linux/build-deb.sh [VERSION]
# DEB_COMPRESSION="gzip -z6" trades size for time (CI): xz -z6 takes ~80 s here, gzip ~5 s (63 MB vs 42 MB).
# Installs to /opt/curator, /usr/bin/curator and curator-cli, a menu entry, icons and the
# application/x-curator MIME type (*.curator). Depends are computed from the libraries the
# bundle links but does not carry, plus a CJK font.
set -euo pipefail
cd "$(dirname "$0")/../.."
version=${1:-$(sed -n 's/^__version__ = "\(.*\)".*/\1/p' curator/__init__.py)}
[ -n "$version" ] || { echo "no __version__ in curator/__init__.py" >&2; exit 1; }
arch=$(dpkg --print-architecture)
bundle=dist/curator
[ -x "$bundle/curator" ] || { echo "no $bundle/curator: run pyinstaller build.spec first" >&2; exit 1; }

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
         "$root/usr/share/mime/packages" "$root/usr/share/icons/hicolor/scalable/apps" "$root/usr/share/doc/curator"
cp -a "$bundle" "$root/opt/curator"
ln -s /opt/curator/curator "$root/usr/bin/curator"
ln -s /opt/curator/curator-cli "$root/usr/bin/curator-cli"
install -m 644 packaging/linux/curator.desktop "$root/usr/share/applications/curator.desktop"
install -m 644 packaging/linux/curator-mime.xml "$root/usr/share/mime/packages/curator.xml"
install -m 644 resources/icons/curator.svg "$root/usr/share/icons/hicolor/scalable/apps/curator.svg"
for size in 16 24 32 48 64 128 256 512; do
  install -D -m 644 "resources/icons/curator-$size.png" "$root/usr/share/icons/hicolor/${size}x${size}/apps/curator.png"
done
printf 'curator %s\nMIT licence. Bundles Qt (LGPLv3, via PySide6), Python and jieba (MIT).\n' "$version" \
  > "$root/usr/share/doc/curator/copyright"

# Shared libraries the bundle needs from the system: NEEDED sonames not shipped in the bundle.
bundled=$(find "$bundle" -name '*.so*' -printf '%f\n' | sort -u)
needed=$(find "$bundle" -type f \( -name '*.so*' -o -perm -u+x \) -exec sh -c 'readelf -d "$1" 2>/dev/null' _ {} \; \
          | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort -u)
deps=()
for soname in $(comm -23 <(echo "$needed") <(echo "$bundled")); do
  path=$(ldconfig -p | awk -v s="$soname" '$1 == s && /x86-64|AArch64/ && !found {print $NF; found = 1}')
  [ -n "$path" ] || { echo "warning: $soname is needed but not found on this system" >&2; continue; }
  pkg=$(dpkg -S "$(readlink -f "$path")" 2>/dev/null || dpkg -S "$path" 2>/dev/null || true)
  pkg=${pkg%%:*}
  [ -n "$pkg" ] && deps+=("$pkg")
done
glibc=$(find "$bundle" -type f \( -name '*.so*' -o -perm -u+x \) -exec sh -c 'objdump -T "$1" 2>/dev/null' _ {} \; \
        | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)
depends="libc6 (>= $glibc)"
for pkg in $(printf '%s\n' "${deps[@]}" | sort -u); do
  [ "$pkg" = libc6 ] || depends+=", $pkg"
done
depends+=", fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei | fonts-arphic-uming"
size=$(du -sk "$root" | cut -f1)

cat > "$root/DEBIAN/control" <<CONTROL
Package: curator
Version: $version
Architecture: $arch
Maintainer: curator maintainers <curator@localhost>
Installed-Size: $size
Depends: $depends
Recommends: fcitx5 | ibus
Section: editors
Priority: optional
Homepage: https://github.com/curator/curator
Description: turn Chinese news articles into checked, traceable facts
 A desktop program for reading news articles on city-civilisation campaigns
 (文明城市创建) and recording the initiatives and figures they report, each tied
 to its sentence, saved in a project file and exported to Excel. Works offline.
CONTROL
find "$root" -type d -exec chmod 755 {} +
out="dist/curator_${version}_${arch}.deb"
read -r algo level <<<"${DEB_COMPRESSION:-xz -z6}"
dpkg-deb --root-owner-group "-Z$algo" "$level" --build "$root" "$out" >/dev/null
echo "$out"

#!/bin/sh
# Install Relata from this unpacked archive, for the current user (default) or
# system-wide (--system, as root). Run the same script of a newer version to
# update: the program folder is replaced in one rename, so an interrupted
# update leaves the old version working. Databases, backups and settings live
# elsewhere (~/.local/share/Relata, ~/.config/Relata) and are never touched;
# the new version backs up and migrates the database on its first start.
#
#   ./install.sh                          per user: ~/.local/opt/relata, ~/.local/bin/relata
#   sudo ./install.sh --system            /opt/relata, /usr/local/bin/relata
#   sudo ./install.sh --system --server-url https://crm.example.ch --language de
#   ./install.sh --uninstall              (add --system for a system-wide install)
#
# --server-url/--language write the policy file (system: /etc/relata/policy.json,
# locked for users; per user: policy.json next to the program) with the bundled
# relata-policy tool. --root DIR stages a --system install below DIR (packaging
# tests, image builders) instead of /.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
MIN_GLIBC="@MIN_GLIBC@"
MODE=user
ROOT=""
UNINSTALL=0
SERVER_URL=""
LANGUAGE=""

usage() {
    sed -n '2,20s/^# \{0,1\}//p' "$0"
}

need_value() {
    if [ $# -lt 2 ] || [ -z "$2" ]; then
        echo "install.sh: $1 needs a value" >&2
        exit 2
    fi
}

while [ $# -gt 0 ]; do
    case "$1" in
        --system) MODE=system ;;
        --user) MODE=user ;;
        --uninstall) UNINSTALL=1 ;;
        --root) need_value "$@"; ROOT=$2; shift ;;
        --root=*) ROOT=${1#*=} ;;
        --server-url) need_value "$@"; SERVER_URL=$2; shift ;;
        --server-url=*) SERVER_URL=${1#*=} ;;
        --language) need_value "$@"; LANGUAGE=$2; shift ;;
        --language=*) LANGUAGE=${1#*=} ;;
        -h | --help) usage; exit 0 ;;
        *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

if [ "$MODE" = system ]; then
    if [ -z "$ROOT" ] && [ "$(id -u)" -ne 0 ]; then
        echo "install.sh: --system needs root (run it with sudo)" >&2
        exit 1
    fi
    APP_DIR=$ROOT/opt/relata
    BIN_DIR=$ROOT/usr/local/bin
    SHARE_DIR=$ROOT/usr/local/share
    POLICY=$ROOT/etc/relata/policy.json
else
    if [ -n "$ROOT" ]; then
        echo "install.sh: --root only applies to --system" >&2
        exit 2
    fi
    APP_DIR=$HOME/.local/opt/relata
    BIN_DIR=$HOME/.local/bin
    SHARE_DIR=${XDG_DATA_HOME:-$HOME/.local/share}
    POLICY=$APP_DIR/policy.json
fi
DESKTOP=$SHARE_DIR/applications/relata.desktop
ICONS=$SHARE_DIR/icons/hicolor

refresh_caches() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$SHARE_DIR/applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t -f "$ICONS" 2>/dev/null || true
    fi
}

if [ "$UNINSTALL" -eq 1 ]; then
    if [ -L "$BIN_DIR/relata" ] && [ "$(readlink "$BIN_DIR/relata")" = "$APP_DIR/relata" ]; then
        rm -f "$BIN_DIR/relata"
    fi
    rm -rf "$APP_DIR"
    rm -f "$DESKTOP"
    find "$ICONS" -name 'relata.png' -o -name 'relata.svg' 2>/dev/null | while read -r icon; do
        rm -f "$icon"
    done
    refresh_caches
    echo "Relata removed from $APP_DIR."
    echo "Your data was kept: ~/.local/share/Relata (database, backups), ~/.config/Relata."
    if [ "$MODE" = system ] && [ -f "$POLICY" ]; then
        echo "The policy file $POLICY was kept."
    fi
    exit 0
fi

if [ ! -x "$HERE/relata/relata" ]; then
    echo "install.sh: $HERE/relata/relata not found; run me from the unpacked archive" >&2
    exit 1
fi

# The bundle is built against the C library of its build machine.
if command -v getconf >/dev/null 2>&1; then
    have=$(getconf GNU_LIBC_VERSION 2>/dev/null | awk '{print $2}')
    case "$MIN_GLIBC" in
        @*) ;;  # not stamped (running from the source tree)
        *)
            if [ -n "$have" ] && ! awk -v a="$have" -v b="$MIN_GLIBC" 'BEGIN {
                    split(a, x, "."); split(b, y, ".");
                    exit !((x[1] > y[1]) || (x[1] == y[1] && x[2] >= y[2])) }'; then
                echo "install.sh: Relata needs glibc $MIN_GLIBC or newer, this system has $have" >&2
                exit 1
            fi
            ;;
    esac
fi

# Copy next to the target, then swap in one rename: never a half-updated program.
mkdir -p "$(dirname "$APP_DIR")" "$BIN_DIR" "$SHARE_DIR/applications" "$ICONS"
NEW=$APP_DIR.new.$$
OLD=$APP_DIR.old.$$
rm -rf "$NEW"
cp -R -P "$HERE/relata" "$NEW"
if [ "$MODE" = user ] && [ -f "$APP_DIR/policy.json" ]; then
    cp -p "$APP_DIR/policy.json" "$NEW/policy.json"  # a per-user policy survives updates
fi
if [ -e "$APP_DIR" ]; then
    mv "$APP_DIR" "$OLD"
fi
mv "$NEW" "$APP_DIR"
rm -rf "$OLD"

ln -sf "$APP_DIR/relata" "$BIN_DIR/relata"
# Absolute Exec: ~/.local/bin is not on every desktop session's PATH.
sed -e "s|^Exec=.*|Exec=$APP_DIR/relata|" -e "s|^TryExec=.*|TryExec=$APP_DIR/relata|" \
    "$HERE/share/applications/relata.desktop" >"$DESKTOP"
chmod 644 "$DESKTOP"
(cd "$HERE/share/icons/hicolor" && find . -type f) | while read -r icon; do
    mkdir -p "$ICONS/$(dirname "$icon")"
    cp "$HERE/share/icons/hicolor/$icon" "$ICONS/$icon"
done

if [ -n "$SERVER_URL" ] || [ -n "$LANGUAGE" ]; then
    "$APP_DIR/relata-policy" --file "$POLICY" \
        --set "server_url=$SERVER_URL" --set "language=$LANGUAGE"
    echo "Policy written to $POLICY."
fi
refresh_caches

# The bundle leaves a few ubiquitous system libraries to the system (see
# packaging/bundle_rules.py); name any that are missing instead of failing later.
if command -v ldd >/dev/null 2>&1; then
    missing=$(for lib in "$APP_DIR/_internal/libpython3"*.so* \
        "$APP_DIR/_internal/PySide6/Qt/plugins/platforms/"*.so; do
        [ -e "$lib" ] && ldd "$lib" 2>/dev/null | awk '/not found/ {print $1}'
    done | sort -u | tr '\n' ' ')
    if [ -n "$missing" ]; then
        echo "Warning: system libraries missing: $missing" >&2
        echo "  (Debian/Ubuntu: see the Depends of the relata .deb; X11 needs libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1)" >&2
    fi
fi

echo "Relata installed in $APP_DIR; start it from the menu or with: $BIN_DIR/relata"
case ":$PATH:" in
    *":$BIN_DIR:"*) ;;
    *) [ "$MODE" = user ] && echo "Note: $BIN_DIR is not on your PATH." ;;
esac
exit 0

#!/bin/sh
# Add RevMentor to your desktop's application menu (for you only; no administrator rights).
#
#   ./install-desktop-entry.sh             install, pointing at the revmentor beside this script
#   ./install-desktop-entry.sh --uninstall remove the menu entry and icons again
#
# Copies the desktop entry, icons and AppStream metadata from this bundle's share/ folder into
# ${XDG_DATA_HOME:-~/.local/share}. Run it again after moving the RevMentor folder.
set -eu

APP_ID=org.revmentor.RevMentor
BUNDLE=$(cd "$(dirname "$0")" && pwd -P)
DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
SIZES="16 24 32 48 64 128 256 512"

refresh_caches() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$DATA_HOME/applications" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t "$DATA_HOME/icons/hicolor" || true
    fi
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$DATA_HOME/applications/$APP_ID.desktop" \
          "$DATA_HOME/metainfo/$APP_ID.metainfo.xml" \
          "$DATA_HOME/icons/hicolor/scalable/apps/$APP_ID.svg"
    for size in $SIZES; do
        rm -f "$DATA_HOME/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
    done
    refresh_caches
    echo "RevMentor removed from the application menu. The RevMentor folder itself is untouched."
    exit 0
fi

if [ ! -x "$BUNDLE/revmentor" ]; then
    echo "install-desktop-entry.sh: no revmentor program beside this script in $BUNDLE" >&2
    exit 1
fi

mkdir -p "$DATA_HOME/applications" "$DATA_HOME/metainfo" "$DATA_HOME/icons/hicolor/scalable/apps"
# Point Exec and TryExec at this bundle; quotes keep a folder name with spaces in one argument.
sed -e "s|^Exec=.*|Exec=\"$BUNDLE/revmentor\"|" \
    -e "s|^TryExec=.*|TryExec=$BUNDLE/revmentor|" \
    "$BUNDLE/share/applications/$APP_ID.desktop" > "$DATA_HOME/applications/$APP_ID.desktop"
cp "$BUNDLE/share/metainfo/$APP_ID.metainfo.xml" "$DATA_HOME/metainfo/"
cp "$BUNDLE/share/icons/hicolor/scalable/apps/$APP_ID.svg" "$DATA_HOME/icons/hicolor/scalable/apps/"
for size in $SIZES; do
    mkdir -p "$DATA_HOME/icons/hicolor/${size}x${size}/apps"
    cp "$BUNDLE/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png" \
       "$DATA_HOME/icons/hicolor/${size}x${size}/apps/"
done
refresh_caches
echo "RevMentor added to the application menu ($DATA_HOME/applications/$APP_ID.desktop)."

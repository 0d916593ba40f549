#!/usr/bin/env bash
# Turns a Debian/Ubuntu machine into a Borne Soliguide kiosk: the app under cage on tty1, as the
# unprivileged user `kiosk`, from boot, restarted if it stops. Run as root, from this folder or
# anywhere, in one of two ways:
#   sudo ./install-kiosk.sh path/to/borne-soliguide-<version>-linux-x86_64.AppImage
#       the AppImage build, which updates itself from the fleet's feed (the usual kiosk);
#   sudo ./install-kiosk.sh --deb
#       the deb, already installed with apt, updated by the machine's package manager only.
# Safe to run again (after an update of this folder, to switch between the two, or to put back
# an AppImage): every step checks or overwrites, none appends.
# What it does and why, and what it cannot do (BIOS, USB, the case): README.md beside it.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly HERE
readonly UNIT=borne-soliguide.service
# Where the unit runs the AppImage: in its StateDirectory, owned by `kiosk`, so that the updater
# can replace it (checked against the unit and electron-builder.yml by
# tests/deploy/deploy-files.test.ts).
readonly APP=/var/lib/borne-soliguide/app/borne-soliguide.AppImage
readonly APP_DIR="${APP%/*}"
# Where electron-builder's deb puts the app (checked the same way).
readonly DEB_APP="/opt/Borne Soliguide/borne-soliguide"
# Runs the deb instead of the AppImage (see the unit's header).
readonly DEB_DROP_IN="/etc/systemd/system/$UNIT.d/10-deb.conf"
# What the app needs from the system: the deb's dependencies (electron-builder.yml, deb.depends;
# the test checks that the two lists are the same). The deb brings them itself; the AppImage
# does not.
readonly APP_PACKAGES=(libgtk-3-0 libnotify4 libnss3 libxss1 libxtst6 xdg-utils libatspi2.0-0 libuuid1 libsecret-1-0 libgbm1 libasound2 cups-client cage)
readonly CONFIG_DIR=/etc/borne-soliguide
readonly KIOSK_USER=kiosk

fail() {
  echo "install-kiosk: $*" >&2
  exit 1
}
readonly USAGE="usage: $0 path/to/borne-soliguide-<version>-linux-x86_64.AppImage | $0 --deb"

# The size of the AppImage's runtime: the 64-bit ELF at the start of the file, which ends with
# its section header table (e_shoff + e_shentsize * e_shnum); the squashfs image follows.
runtime_size() {
  local shoff shentsize shnum
  read -r shoff < <(od -An -t u8 -j 40 -N 8 "$1")
  read -r shentsize < <(od -An -t u2 -j 58 -N 2 "$1")
  read -r shnum < <(od -An -t u2 -j 60 -N 2 "$1")
  echo $((shoff + shentsize * shnum))
}

[ "$#" -eq 1 ] || fail "$USAGE"
[ "$(id -u)" -eq 0 ] || fail "run me as root (sudo $0 $1)"
if [ "$1" = --deb ]; then
  mode=deb
  [ -x "$DEB_APP" ] || fail "$DEB_APP is missing: install the deb first (apt install ./borne-soliguide-<version>-linux-amd64.deb)"
else
  mode=appimage
  appimage="$1"
  [ -f "$appimage" ] || fail "$appimage: no such file. $USAGE"
  # A 64-bit ELF (byte 4 is 2) whose bytes 8-10 are "AI" then 2: a type 2 AppImage (the AppImage
  # specification).
  if [ "$(od -An -t u1 -j 4 -N 1 "$appimage" | tr -d ' ')" != 2 ] || [ "$(od -An -c -j 8 -N 3 "$appimage" | tr -d ' ')" != AI002 ]; then
    fail "$appimage is not a 64-bit type 2 AppImage. $USAGE"
  fi
  # The unit runs it with APPIMAGE_EXTRACT_AND_RUN=1, because FUSE's setuid fusermount cannot
  # work under NoNewPrivileges. A runtime that ignores the variable would try FUSE and fail at
  # every start: look for the variable's name in the runtime.
  if ! LC_ALL=C grep -qaF APPIMAGE_EXTRACT_AND_RUN < <(head -c "$(runtime_size "$appimage")" "$appimage"); then
    fail "the runtime of $appimage does not know APPIMAGE_EXTRACT_AND_RUN, so it cannot start without FUSE: build it with electron-builder's static AppImage runtime (toolsets: appimage: in electron-builder.yml)"
  fi
  apt-get install -y --no-install-recommends "${APP_PACKAGES[@]}"
fi
command -v cage >/dev/null || fail "cage is missing: apt install cage"

# The user the kiosk runs as: no password (locked), no shell, no sudo, no extra group. Device
# access (GPU, touch screen, sound) comes from its logind session on seat0, not from groups.
if ! id "$KIOSK_USER" >/dev/null 2>&1; then
  useradd --create-home --user-group --shell /usr/sbin/nologin --comment "Borne Soliguide kiosk" "$KIOSK_USER"
fi
passwd --lock "$KIOSK_USER" >/dev/null

# The unit sets NoNewPrivileges=yes, so Chromium's setuid sandbox helper cannot work: the kiosk
# needs the user-namespace sandbox. Refuse a machine where the app could not create one rather
# than let it start without a sandbox (the AppImage's launcher, AppRun, adds --no-sandbox when
# this same `unshare -Ur true` fails) or not at all.
if [ "$(cat /proc/sys/kernel/apparmor_restrict_unprivileged_userns 2>/dev/null)" = 1 ]; then
  # Ubuntu >= 23.10: only programs whose AppArmor profile allows it. The deb installs the app's;
  # an AppImage, unpacked afresh under /tmp at each start, cannot have one.
  if [ "$mode" != deb ] || [ ! -f /etc/apparmor.d/borne-soliguide ]; then
    fail "AppArmor lets only programs with a profile create the user namespaces Chromium's sandbox needs (kernel.apparmor_restrict_unprivileged_userns=1). Use the deb on this machine (it installs /etc/apparmor.d/borne-soliguide; then $0 --deb), or lift the restriction for the whole machine (kernel.apparmor_restrict_unprivileged_userns=0 in /etc/sysctl.d/)."
  fi
elif ! runuser -u "$KIOSK_USER" -- unshare -Ur true 2>/dev/null; then
  fail "the kiosk user cannot create the user namespaces Chromium's sandbox needs (Debian: sysctl kernel.unprivileged_userns_clone=1; see also user.max_user_namespaces)"
fi

if [ "$mode" = appimage ]; then
  # Copied under a temporary name then renamed: a running kiosk keeps the file it started from.
  install -d -m 0750 -o "$KIOSK_USER" -g "$KIOSK_USER" "$APP_DIR"
  install -m 0755 -o "$KIOSK_USER" -g "$KIOSK_USER" "$appimage" "$APP.new"
  mv -f "$APP.new" "$APP"
  rm -f "$DEB_DROP_IN"
else
  install -d -m 0755 "${DEB_DROP_IN%/*}"
  cat >"$DEB_DROP_IN" <<'EOF'
# Borne Soliguide kiosk (deploy/linux/install-kiosk.sh --deb): the deb instead of the AppImage,
# updated by the package manager, not by the app.
[Service]
UnsetEnvironment=APPIMAGE_EXTRACT_AND_RUN
ExecStart=
ExecStart=/usr/bin/cage -- "/opt/Borne Soliguide/borne-soliguide" --ozone-platform=wayland --config /etc/borne-soliguide/kiosk.jsonc
EOF
fi

# The configuration: written by the administrator, readable by the kiosk, not writable by it.
install -d -m 0750 -o root -g "$KIOSK_USER" "$CONFIG_DIR"
if [ ! -f "$CONFIG_DIR/kiosk.jsonc" ]; then
  echo "install-kiosk: note: write $CONFIG_DIR/kiosk.jsonc (root:$KIOSK_USER, mode 0640) before starting; until then the screen shows the configuration error." >&2
fi

# No Magic SysRq from the keyboard: Alt+SysRq+K would kill the session, Alt+SysRq+B reboot.
cat >/etc/sysctl.d/90-borne-soliguide.conf <<'EOF'
# Borne Soliguide kiosk (deploy/linux/install-kiosk.sh): no Magic SysRq from the keyboard.
kernel.sysrq = 0
EOF
sysctl --quiet --load=/etc/sysctl.d/90-borne-soliguide.conf

# No login prompts on other consoles (cage already refuses VT switching; this is the second lock).
install -d -m 0755 /etc/systemd/logind.conf.d
cat >/etc/systemd/logind.conf.d/90-borne-soliguide.conf <<'EOF'
# Borne Soliguide kiosk (deploy/linux/install-kiosk.sh): no getty spawned on VT switch.
[Login]
NAutoVTs=0
ReserveVT=0
EOF

install -m 0644 "$HERE/$UNIT" "/etc/systemd/system/$UNIT"
systemctl daemon-reload
# tty1 belongs to the kiosk; Ctrl+Alt+Del on the console does not reboot.
systemctl disable getty@tty1.service
systemctl mask ctrl-alt-del.target
systemctl set-default graphical.target
systemctl enable "$UNIT"

echo "install-kiosk: done ($mode). Reboot to start the kiosk."

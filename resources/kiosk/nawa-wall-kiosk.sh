#!/bin/sh
# Starts Chromium in kiosk mode on one wall page of a Nawa host (`nawa serve`): /wall/N on this PC's screen.
# Run by nawa-wall.service under cage (a Wayland kiosk compositor); systemd starts it again whenever it ends.
# Settings come from /etc/nawa/wall.env (NAWA_KIOSK_ENV names another file):
#   NAWA_HOST_URL   the console host as the wall PCs reach it, e.g. http://10.35.7.20:8790
#   NAWA_WALL       this screen's number, 1-64, or "all" for one display showing every cell
#   NAWA_WALL_TOKEN the host's token, when the host requires one (nawa serve bound beyond loopback); sent as ?token=
# NAWA_KIOSK_DRY_RUN=1 prints the Chromium command instead of running it.
set -eu

ENV_FILE="${NAWA_KIOSK_ENV:-/etc/nawa/wall.env}"
if [ ! -r "$ENV_FILE" ]; then
  echo "nawa-wall: cannot read $ENV_FILE: copy resources/kiosk/wall.env.example there and set NAWA_HOST_URL and NAWA_WALL" >&2
  exit 2
fi
# shellcheck disable=SC1090
. "$ENV_FILE"

HOST="${NAWA_HOST_URL:-}"
WALL="${NAWA_WALL:-}"
TOKEN="${NAWA_WALL_TOKEN:-}"
case "$HOST" in
  http://*|https://*) HOST="${HOST%/}" ;;
  *) echo "nawa-wall: NAWA_HOST_URL in $ENV_FILE must be the host's http:// or https:// address, not \"$HOST\"" >&2; exit 2 ;;
esac
case "$WALL" in
  all|[1-9]|[1-5][0-9]|6[0-4]) ;;
  *) echo "nawa-wall: NAWA_WALL in $ENV_FILE must be a screen number from 1 to 64 (or all), not \"$WALL\"" >&2; exit 2 ;;
esac
case "$TOKEN" in
  *[!A-Za-z0-9_-]*) echo "nawa-wall: NAWA_WALL_TOKEN in $ENV_FILE holds characters a host token never has" >&2; exit 2 ;;
esac

URL="$HOST/wall/$WALL"
[ -n "$TOKEN" ] && URL="$URL?token=$TOKEN"
PROFILE="${NAWA_KIOSK_PROFILE:-${STATE_DIRECTORY:-/var/lib/nawa-wall}/chromium}"
mkdir -p "$PROFILE"

# After a power cut Chromium would offer to restore the last session over the wall page: mark the last exit clean.
PREFS="$PROFILE/Default/Preferences"
if [ -f "$PREFS" ]; then
  sed -i 's/"exited_cleanly":false/"exited_cleanly":true/; s/"exit_type":"[A-Za-z]*"/"exit_type":"Normal"/' "$PREFS"
fi

set -- chromium --kiosk --no-first-run --noerrdialogs --disable-infobars --disable-session-crashed-bubble \
  --disable-features=Translate,TranslateUI --disable-pinch --overscroll-history-navigation=0 \
  --check-for-update-interval=31536000 --password-store=basic --autoplay-policy=no-user-gesture-required \
  --user-data-dir="$PROFILE" --ozone-platform=wayland "$URL"

if [ "${NAWA_KIOSK_DRY_RUN:-}" = 1 ]; then
  printf '%s\n' "$*"
  exit 0
fi

# The host may still be booting after the same power cut: wait for it, so Chromium does not sit on an error page.
tries=0
until curl -fsS -o /dev/null --max-time 5 "$HOST/wall/$WALL"; do
  tries=$((tries + 1))
  [ "$tries" -eq 1 ] && echo "nawa-wall: waiting for the host at $HOST" >&2
  sleep 3
done
exec "$@"

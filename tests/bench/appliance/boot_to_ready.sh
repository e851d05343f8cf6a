#!/bin/sh
# Boot a Debian 12 container N times and print, for each boot, container init -> the kiosk's READY=1 (its first
# paint), the unit's own start -> READY=1, and init -> boot finished; all from systemd's monotonic timestamps.
# Usage (root, the appliance installed in the container, appliance_restart.py's drop-ins in place):
#   sh tests/bench/appliance/boot_to_ready.sh /var/lib/machines/kiosk12 [BOOTS]
# The container is left running; its init's pid is printed last.
set -eu
dir=$(realpath "$1"); boots=${2:-3}
inside() { nsenter -t "$leader" -a env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin "$@"; }
nspawn_pid() { pgrep -f "^systemd-nspawn -D $dir --boot" | head -1; }
leader=
for i in $(seq 1 "$boots"); do
  n=$(nspawn_pid || true)
  if [ -n "$n" ]; then
    leader=$(ps -eo pid,ppid,comm | awk -v n="$n" '$2==n && $3=="systemd"{print $1}')
    inside systemctl poweroff || true
    for _ in $(seq 1 300); do [ -d "/proc/$n" ] || break; sleep 0.1; done
    [ ! -d "/proc/$n" ] || { echo "the container did not power off" >&2; exit 1; }
  fi
  setsid sh -c "exec systemd-nspawn -D $dir --boot --console=passive --register=no --keep-unit >/dev/null 2>&1" </dev/null &
  leader=
  for _ in $(seq 1 100); do
    n=$(nspawn_pid || true)
    [ -z "$n" ] || leader=$(ps -eo pid,ppid,comm | awk -v n="$n" '$2==n && $3=="systemd"{print $1}')
    [ -z "$leader" ] || break
    sleep 0.1
  done
  [ -n "$leader" ] || { echo "the container did not boot" >&2; exit 1; }
  sleep 1  # until its systemd listens on its bus
  inside systemctl is-system-running --wait >/dev/null || true
  u=$(inside systemctl show -p UserspaceTimestampMonotonic --value)
  f=$(inside systemctl show -p FinishTimestampMonotonic --value)
  k=$(inside systemctl show careers-kiosk -p ActiveEnterTimestampMonotonic --value)
  s=$(inside systemctl show careers-kiosk -p InactiveExitTimestampMonotonic --value)
  [ "$k" -gt 0 ] || { echo "boot $i: careers-kiosk never became active ($(inside systemctl is-active careers-kiosk || true))"; continue; }
  echo "boot $i: init->READY $(( (k - u) / 1000 )) ms, unit start->READY $(( (k - s) / 1000 )) ms, init->boot finished $(( (f - u) / 1000 )) ms"
done
echo "container init pid $leader"

#!/bin/sh
# Secrets through files: for every NUDGE_X_FILE=/run/secrets/…, export NUDGE_X from that file
# (Docker/Compose secrets, Kubernetes secret volumes). Then run `nudge <args>`.
set -eu
for name in $(env | sed -n 's/^\(NUDGE_[A-Z0-9_]*\)_FILE=.*/\1/p'); do
  case "$name" in NUDGE_BACKUP_KEY) continue ;; esac  # read natively (NUDGE_BACKUP_KEY_FILE)
  eval "file=\${${name}_FILE}"
  value=$(cat "$file")
  export "$name=$value"
  unset "${name}_FILE"
done
exec nudge "$@"

#!/bin/bash
# ctar with GNU parallel on one or more machines (add --sshlogin to spread the shards over hosts
# that share the folder): 4 shards at once, then the merge.
set -euo pipefail
CTAR=${CTAR:-ctar}
CONFIG=${CONFIG:-ctar.yaml}
PARTS=${PARTS:-parts}
OUT=${OUT:-ctar-data}
parallel --jobs 4 $CTAR generate --config "$CONFIG" --shard {}/4 --force --quiet --out "$PARTS/part-{}" ::: 0 1 2 3 && $CTAR merge "$PARTS"/part-* --force --out "$OUT"

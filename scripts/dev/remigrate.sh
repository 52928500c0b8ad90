#!/usr/bin/env bash
# Development only: rebuilds the newest (not yet released) migration after a model change, so parallel
# work on one feature ends in one migration. Usage: scripts/dev/remigrate.sh Entries
set -euo pipefail
cd "$(dirname "$0")/../.."
name="${1:?name of the newest migration, e.g. Entries}"
exec 9>/tmp/contestplatform-remigrate.lock
flock 9
dotnet build src/Web -nologo -v q -clp:ErrorsOnly
dotnet ef migrations remove --project src/Web --no-build --force >/dev/null
dotnet build src/Web -nologo -v q -clp:ErrorsOnly
dotnet ef migrations add "$name" --project src/Web --output-dir Data/Migrations --no-build

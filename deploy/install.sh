#!/usr/bin/env bash
# Install everything newsindex needs on a Debian machine, idempotently: Debian packages (Redis, the
# hunspell English dictionary, Maven), a Python virtualenv with the project, and the Elasticsearch zip.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v redis-server >/dev/null || missing+=(redis-server)
[ -f /usr/share/hunspell/en_US.dic ] || missing+=(hunspell-en-us)
command -v mvn >/dev/null || missing+=(maven)
command -v unzip >/dev/null || missing+=(unzip)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing Debian packages: ${missing[*]}"
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
stamp=.venv/.installed-$(cat pyproject.toml deploy/requirements-ner.txt | sha1sum | cut -c1-12)
if [ ! -f "$stamp" ]; then
  echo "installing Python packages into .venv"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e '.[test]'
  .venv/bin/python -m pip install -q --no-deps --require-hashes -r deploy/requirements-ner.txt
  rm -f .venv/.installed-* && touch "$stamp"
fi

# Fetch the pinned Elasticsearch zip from Maven Central now (cached in ~/.m2), and check for a Java it runs on.
.venv/bin/python - <<'PY'
from newsindex.services.elasticsearch import find_java, maven_zip
from newsindex.settings import pinned_es_version
version = pinned_es_version()
print(f"elasticsearch {version}: {maven_zip(version)}")
print(f"java for elasticsearch: {find_java()}")
PY

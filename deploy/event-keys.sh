#!/bin/sh
# Makes LOCAL-DEMO event signing keys for docker compose (docs/event-integrity.md): one Ed25519 key pair per
# publishing service in deploy/keys/ (never committed), and their public halves in .env, where docker compose
# reads them. Keys already made are kept, so that the topics' history stays verifiable. A real deployment brings
# its own keys: the private ones as secrets, the public ones in the services' configuration.
set -eu
cd "$(dirname "$0")/.."
mkdir -p deploy/keys
touch .env
for service in membership meeting; do
  key="deploy/keys/$service-service.key.pem"
  if [ ! -f "$key" ]; then
    openssl genpkey -algorithm ed25519 -out "$key"
    # readable by the services' user in the containers (uid 10001): a local-demo key only
    chmod 644 "$key"
    echo "made the LOCAL-DEMO key $key"
  fi
  variable="CHIBO_$(echo "$service" | tr a-z A-Z)_EVENT_PUBLIC_KEY"
  public=$(openssl pkey -in "$key" -pubout | grep -v -- '-----' | tr -d '\n')
  grep -v "^$variable=" .env > .env.partial || true
  echo "$variable=$public" >> .env.partial
  mv .env.partial .env
done
echo "public keys written to .env"

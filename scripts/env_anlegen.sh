#!/usr/bin/env bash
# Create .env for development from .env.example with a freshly generated SECRET_KEY.
# Never overwrites an existing .env; no secret is ever committed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[ -f .env ] && exit 0
key="$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')"
sed "s|^SECRET_KEY=.*|SECRET_KEY=$key|" .env.example >.env
chmod 600 .env
echo "env: .env aus .env.example angelegt (DEBUG=true, neuer SECRET_KEY)"

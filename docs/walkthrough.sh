#!/bin/sh
# The README walk-through as a script: every call of the API a new user makes, against a running service (the local
# run by default). Each step prints the request, the body and the HTTP status, and the script stops at the first
# status that differs from the documented one, printing the service's problem+json. Needs only sh and curl.
#
#   sh docs/walkthrough.sh                       # against http://localhost:8080, a fresh address
#   LATCHKEY_URL=http://localhost:8081 EMAIL=ada@example.com sh docs/walkthrough.sh
#
# It asks twice for something the service mails: the verification code and the reset token. The local run prints
# every mail in its console; paste the code or token and press Enter.
set -eu

BASE=${LATCHKEY_URL:-http://localhost:8080}
EMAIL=${EMAIL:-ada.$(date +%s)@example.com}
PASSWORD='correct horse battery staple'
NEW_PASSWORD='another horse battery staple'

# call STATUS METHOD PATH [JSON] [curl options...]: prints the request, the body and the status; stops the script
# unless the status is STATUS. The body is left in $BODY.
call() {
  expected=$1 method=$2 path=$3
  shift 3
  data=''
  if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
    data=$1
    shift
  fi
  echo
  echo "> $method $path $data"
  if [ -n "$data" ]; then
    out=$(curl -sS -w '\n%{http_code}' -X "$method" "$BASE$path" -H 'Content-Type: application/json' -d "$data" "$@")
  else
    out=$(curl -sS -w '\n%{http_code}' -X "$method" "$BASE$path" "$@")
  fi
  status=$(printf '%s\n' "$out" | tail -n 1)
  BODY=$(printf '%s\n' "$out" | sed '$d')
  [ -n "$BODY" ] && printf '%s\n' "$BODY"
  echo "< $status"
  if [ "$status" != "$expected" ]; then
    echo "Stopped: expected $expected, got $status (the problem is above)." >&2
    exit 1
  fi
}

# field NAME: a string field of the last JSON body; stops the script if it is not there.
field() {
  value=$(printf '%s' "$BODY" | sed -n 's/.*"'"$1"'":"\([^"]*\)".*/\1/p')
  if [ -z "$value" ]; then
    echo "Stopped: no \"$1\" in the answer above." >&2
    exit 1
  fi
  printf '%s' "$value"
}

# ask PROMPT: one line from standard input.
ask() {
  printf '\n%s: ' "$1" >&2
  IFS= read -r answer || { echo "Stopped: nothing to read." >&2; exit 1; }
  printf '%s' "$answer"
}

echo "Walking through $BASE as $EMAIL"

# Register: 202, the same answer whether or not the address already has an account. A 6-digit code is mailed.
call 202 POST /api/v1/accounts "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\",\"first_name\":\"Ada\"}"

# Confirm the address with the mailed code; the local run prints the mail as
# "--- mail to <address>: Your verification code: 123456 ---". Valid 5 minutes: 204.
CODE=$(ask "Verification code from the mail to $EMAIL")
call 204 POST /api/v1/accounts/email-verification/confirm "{\"email\":\"$EMAIL\",\"code\":\"$CODE\"}"

# Log in: 200 {access_token, token_type, expires_in, refresh_token}.
call 200 POST /api/v1/auth/login "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}"
ACCESS=$(field access_token)
REFRESH=$(field refresh_token)

# Who am I: 200, answered from the Redis auth cache after the first call.
call 200 GET /api/v1/me -H "Authorization: Bearer $ACCESS"

# Rotate the refresh token: 200 with a new pair; the old refresh token is now spent.
call 200 POST /api/v1/auth/refresh "{\"refresh_token\":\"$REFRESH\"}"
ACCESS=$(field access_token)

# My sessions, the device list: 200.
call 200 GET /api/v1/me/sessions -H "Authorization: Bearer $ACCESS"

# Change my name: 200 with the profile; a field left out stays, "" clears it.
call 200 PATCH /api/v1/me '{"last_name":"Lovelace"}' -H "Authorization: Bearer $ACCESS"

# The public keys other services verify tokens with, and the discovery document: 200.
call 200 GET /.well-known/jwks.json
call 200 GET /.well-known/latchkey-configuration

# Log out: 204; the same access token is refused on the very next request: 401.
call 204 POST /api/v1/auth/logout -H "Authorization: Bearer $ACCESS"
call 401 GET /api/v1/me -H "Authorization: Bearer $ACCESS"

# Errors are RFC 9457 problem+json: 400 naming each bad field.
call 400 POST /api/v1/accounts '{"email":"not-an-email","password":"short"}'

# Forgot the password: 202 whatever the address; the mail with the token is printed in the console.
call 202 POST /api/v1/password-reset "{\"email\":\"$EMAIL\"}"
RESET_TOKEN=$(ask "Reset token from the mail to $EMAIL")
call 204 POST /api/v1/password-reset/confirm "{\"token\":\"$RESET_TOKEN\",\"new_password\":\"$NEW_PASSWORD\"}"

# The new password works: 200.
call 200 POST /api/v1/auth/login "{\"email\":\"$EMAIL\",\"password\":\"$NEW_PASSWORD\"}"

echo
echo "Walk-through complete."

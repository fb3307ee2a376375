#!/bin/sh
set -u
cd /work/main/.scratch; rm -rf s; mkdir s; cd s
openssl genrsa -out app.pem 2048 2>/dev/null
../../build/bin/github-test-server --repo octo-user/backup > server.out 2>server.err &
SRV=$!; sleep 1
export $(grep GITHUB_API_URL server.out); INST=$(grep INSTALLATION_ID server.out | cut -d= -f2)
export GITHUB_DATA_SYNC_APP_CLIENT_ID=Iv1.test GITHUB_DATA_SYNC_APP_PRIVATE_KEY_FILE=$PWD/app.pem NOTECHONDRIA_SECRET_STORE=memory QT_LOGGING_RULES='*.info=false'
S=../../build/bin/notechondria-sync
$S --data A demo-data --notes 5 >/dev/null
$S --data A connect --installation-id $INST --repo octo-user/backup >/dev/null
$S --data B connect --installation-id $INST --repo octo-user/backup >/dev/null
echo "A sync:"; $S --data A sync --json
echo "B sync (joins):"; $S --data B sync --json
$S --data A demo-data --touch 1 >/dev/null; $S --data B demo-data --touch 1 >/dev/null
echo "A sync:"; $S --data A sync --json; echo "exit $?"
echo "B sync:"; $S --data B sync; echo "exit $?"
echo "B sync --theirs:"; $S --data B sync --theirs; echo "exit $?"
echo "A sync:"; $S --data A sync; echo "exit $?"
kill $SRV

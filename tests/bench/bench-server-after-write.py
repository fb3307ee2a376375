#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Part of bench-server.sh: the latency of the first GET after a write. The server keeps a list's total, its order
# of ids (deep pages, searches), courses and profile per data revision, so wrk's repeated GETs measure that kept
# state; here every GET follows a PATCH of one note (its title unchanged: a write all the same, the revision moves).
# Arguments: the API base URL, the API key, the rounds per scenario, then "name|path" pairs. Prints one line per
# scenario: median and slowest of the rounds, in ms.
import http.client
import json
import sys
import time
import urllib.parse

base, key, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
url = urllib.parse.urlparse(base)
connection = http.client.HTTPConnection(url.hostname, url.port)
headers = {"Authorization": "Bearer " + key}


def call(method, path, body=None):
    extra = {"Content-Type": "application/json"} if body is not None else {}
    connection.request(method, url.path + path, body=body, headers=dict(headers, **extra))
    answer = connection.getresponse()
    data = answer.read()
    if answer.status != 200:
        sys.exit("Benchmark failed: bench-server — %s %s answered %d" % (method, path, answer.status))
    return data


note = json.loads(call("GET", "/notes/?limit=1"))["results"][0]
write = json.dumps({"title": note["title"]})
for scenario in sys.argv[4:]:
    name, path = scenario.split("|", 1)
    times = []
    for _ in range(rounds):
        call("PATCH", "/notes/%d/" % note["id"], write)
        started = time.perf_counter()
        call("GET", path)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    print("%-26s %10s %10.2f %10.2f %8s %10d" % (name, "-", times[len(times) // 2], times[-1], 0, rounds))

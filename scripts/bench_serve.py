"""The load of scripts/bench-serve (which starts the service and sets QRC_URL and QRC_VENDOR_TOKEN); stdlib only.

For --seconds, --uploaders threads each upload the zip as a self-test, poll their own job until done or failed,
and upload again; --pollers threads GET /api/v1/submissions/{id} of the jobs known so far in a loop. Prints the
requests sent, the requests failed (a network error, a 5xx, or a status the operation does not document), uploads
accepted and judged, and the p50/p99 latency of the status requests. Exit 1 when any request failed.
Usage: bench_serve.py ZIP [--seconds 60] [--uploaders 10] [--pollers 50]
"""

import argparse
import http.client
import json
import os
import random
import sys
import threading
import time
import urllib.parse

# The statuses openapi.yaml documents for the two operations.
UPLOAD_DOCUMENTED = {202, 400, 401, 403, 413, 429, 503}
STATUS_DOCUMENTED = {200, 401, 404}


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.sent = 0
        self.failed = 0
        self.failures = {}
        self.accepted = 0
        self.refused = {}
        self.judged = {}
        self.latencies = []
        self.ids = []

    def request(self, failure=None, latency=None):
        with self.lock:
            self.sent += 1
            if failure:
                self.failed += 1
                self.failures[failure] = self.failures.get(failure, 0) + 1
            if latency is not None:
                self.latencies.append(latency)


class Client:
    """One keep-alive connection per thread, reopened after an error."""

    def __init__(self, url, token):
        parts = urllib.parse.urlsplit(url)
        self.host, self.port = parts.hostname, parts.port
        self.headers = {"Authorization": f"Bearer {token}"}
        self.connection = None

    def send(self, method, path, body=None, headers=None):
        if self.connection is None:
            self.connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        try:
            self.connection.request(method, path, body=body, headers={**self.headers, **(headers or {})})
            response = self.connection.getresponse()
            data = response.read()
            if response.getheader("Connection", "").lower() == "close":
                self.close()
            return response.status, data
        except (OSError, http.client.HTTPException):
            self.close()
            raise

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def status_request(client, stats, job):
    """GET the job's status; its JSON, or None when the request failed."""
    start = time.perf_counter()
    try:
        status, data = client.send("GET", f"/api/v1/submissions/{job}")
    except (OSError, http.client.HTTPException) as error:
        stats.request(failure=f"status: {type(error).__name__}")
        return None
    latency = (time.perf_counter() - start) * 1000
    if status not in STATUS_DOCUMENTED or status >= 500:
        stats.request(failure=f"status: HTTP {status}", latency=latency)
        return None
    stats.request(latency=latency, failure=None if status == 200 else f"status: HTTP {status}")
    return json.loads(data) if status == 200 else None


def uploader(url, token, payload, stats, stop):
    client = Client(url, token)
    while not stop.is_set():
        try:
            status, data = client.send("POST", "/api/v1/submissions?mode=self-test", body=payload,
                                       headers={"Content-Type": "application/zip"})
        except (OSError, http.client.HTTPException) as error:
            stats.request(failure=f"upload: {type(error).__name__}")
            time.sleep(0.5)
            continue
        if status not in UPLOAD_DOCUMENTED or status >= 500:
            stats.request(failure=f"upload: HTTP {status}")
            time.sleep(0.5)
            continue
        stats.request()
        if status != 202:
            with stats.lock:
                stats.refused[status] = stats.refused.get(status, 0) + 1
            time.sleep(1)
            continue
        job = json.loads(data)["id"]
        with stats.lock:
            stats.accepted += 1
            stats.ids.append(job)
        while not stop.is_set():
            submission = status_request(client, stats, job)
            state = submission and submission.get("state")
            if state in ("done", "failed"):
                with stats.lock:
                    key = f"{state} {submission.get('verdict', '')}".strip()
                    stats.judged[key] = stats.judged.get(key, 0) + 1
                break
            stop.wait(0.5)
    client.close()


def poller(url, token, stats, stop):
    client = Client(url, token)
    rng = random.Random()
    while not stop.is_set():
        with stats.lock:
            job = rng.choice(stats.ids) if stats.ids else None
        if job is None:
            stop.wait(0.1)
            continue
        status_request(client, stats, job)
    client.close()


def percentile(values, fraction):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("zip")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--uploaders", type=int, default=10)
    parser.add_argument("--pollers", type=int, default=50)
    args = parser.parse_args()
    url, token = os.environ["QRC_URL"], os.environ["QRC_VENDOR_TOKEN"]
    with open(args.zip, "rb") as f:
        payload = f.read()
    stats = Stats()
    stop = threading.Event()
    threads = [threading.Thread(target=uploader, args=(url, token, payload, stats, stop), daemon=True)
               for _ in range(args.uploaders)]
    threads += [threading.Thread(target=poller, args=(url, token, stats, stop), daemon=True)
                for _ in range(args.pollers)]
    print(f"bench-serve: {args.uploaders} uploaders, {args.pollers} pollers for {args.seconds:g} s against {url}",
          flush=True)
    started = time.monotonic()
    for thread in threads:
        thread.start()
    time.sleep(args.seconds)
    stop.set()
    for thread in threads:
        thread.join(timeout=90)
    elapsed = time.monotonic() - started
    alive = sum(thread.is_alive() for thread in threads)
    with stats.lock:
        judged = sum(stats.judged.values())
        print(f"bench-serve: {elapsed:.1f} s")
        print(f"  requests sent:     {stats.sent} ({stats.sent / elapsed:.0f}/s)")
        print(f"  requests failed:   {stats.failed}"
              + (" (" + ", ".join(f"{k}: {v}" for k, v in sorted(stats.failures.items())) + ")" if stats.failed else ""))
        print(f"  uploads accepted:  {stats.accepted}"
              + (" (refused: " + ", ".join(f"HTTP {k}: {v}" for k, v in sorted(stats.refused.items())) + ")"
                 if stats.refused else ""))
        print(f"  uploads judged:    {judged}"
              + (" (" + ", ".join(f"{k}: {v}" for k, v in sorted(stats.judged.items())) + ")" if judged else ""))
        print(f"  status requests:   {len(stats.latencies)}; latency p50 {percentile(stats.latencies, 0.5):.1f} ms, "
              f"p99 {percentile(stats.latencies, 0.99):.1f} ms")
        if alive:
            print(f"  threads still running after the end: {alive}")
        return 1 if stats.failed or alive else 0


if __name__ == "__main__":
    sys.exit(main())

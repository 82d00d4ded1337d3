#!/usr/bin/env python3
"""Extracts the Stark Infra API routes and callbacks from the Stark Infra API facts.

Reads every `resources[].operations[].http` of starkinfra-api-facts.json and writes two files:

- tests/Spec.Tests/Data/starkinfra-routes.txt: one `METHOD /path  # <Resource>: <op> (README <lines>), ...` per HTTP
  route (`METHOD /v2/...`), sorted by path then method, unique. The query string, the body and the answer of the facts'
  `http` text are dropped (`page` is the `query` route again, with a cursor), and the path is templated the way
  openapi/starkinfra.yaml does it: `{id}`, except the BR code GETs, which take `{uuid}` (see UUID_ROUTES).
  A local operation that "may GET /v2/..." (signature checks fetch `GET /v2/public-key`) adds that route too.
- tests/Spec.Tests/Data/starkinfra-callbacks.txt: one `<Resource> <op>  # README <lines>: <what the SDK does>` per
  operation that is not an HTTP call (`local: ...`: parse, verify, response...), i.e. the signed callbacks Stark Infra
  sends to customers and the answers the SDK builds for them.

README line numbers are 1-based lines of the Stark Infra Python SDK README (shared/seeds/starkinfra-python-sdk-readme.txt).

The outputs are checked in: the spec tests read them and never the facts themselves (a clone of the repository has
no ../shared). Run it again, and commit the result, whenever the facts change:

    python3 tools/extract-infra-routes.py [path/to/starkinfra-api-facts.json]
"""
import argparse, json, os, re, sys

repo = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
data = os.path.join(repo, "tests", "Spec.Tests", "Data")
ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
ap.add_argument("facts", nargs="?", default=os.path.join(repo, "..", "shared", "reference", "starkinfra-api-facts.json"),
                help="the Stark Infra API facts (default: ../shared/reference/starkinfra-api-facts.json, relative to the repo)")
ap.add_argument("--routes-out", default=os.path.join(data, "starkinfra-routes.txt"))
ap.add_argument("--callbacks-out", default=os.path.join(data, "starkinfra-callbacks.txt"))
args = ap.parse_args()
if not os.path.isfile(args.facts):
    sys.exit(f"{args.facts} not found: pass the path of starkinfra-api-facts.json")

HTTP = re.compile(r"^(GET|POST|PUT|PATCH|DELETE) (/v2/[^\s?]*)")
LOCAL = re.compile(r"^local:\s*(.*)$")
MAY_CALL = re.compile(r"\bmay (GET|POST|PUT|PATCH|DELETE) (/v2/[^\s?)]*)")
NAME = re.compile(r"^[A-Z][A-Za-z0-9]*$")
OP = re.compile(r"^[a-z][a-z_.]*$")

# The facts write `{id}` everywhere. The README retrieves BR codes "by its UUID" (README 1329, 1359) and passes uuids;
# openapi/starkinfra.yaml names these path parameters `uuid` (see openapi/README.md, Stark Infra part 40).
UUID_ROUTES = {
    "/v2/static-brcode/{id}": "/v2/static-brcode/{uuid}",
    "/v2/dynamic-brcode/{id}": "/v2/dynamic-brcode/{uuid}",
}


def lines_of(op):
    lines = op.get("readmeLines") or []
    text = ", ".join(str(n) for n in lines) if lines else "no line"
    return f"README {text}" + ("; implied" if op.get("implied") else "")


facts = json.load(open(args.facts, encoding="utf-8"))
routes = {}      # (method, path) -> [(resource, op, lines)]
callbacks = []   # (resource, op, lines, what)
used = set()
for resource in facts["resources"]:
    name = resource["name"]
    if not NAME.match(name):
        sys.exit(f"resource name {name!r} is not PascalCase; review the facts")
    for op in resource["operations"]:
        http = (op.get("http") or "").strip()
        if not OP.match(op["op"]):
            sys.exit(f"{name}: operation name {op['op']!r} is unexpected; review the facts")
        m = HTTP.match(http)
        if m:
            method, path = m.group(1), m.group(2).rstrip("/")
            if path in UUID_ROUTES:
                used.add(path)
                path = UUID_ROUTES[path]
            if re.search(r"\{(?!id\}|uuid\})", path):
                sys.exit(f"{name}.{op['op']}: unexpected path template in {http!r}")
            routes.setdefault((method, path), []).append((name, op["op"], lines_of(op)))
            continue
        local = LOCAL.match(http)
        if not local:
            sys.exit(f"{name}.{op['op']}: {http!r} is neither an HTTP route nor a local operation; review the facts")
        callbacks.append((name, op["op"], lines_of(op), local.group(1)))
        # A local operation that may call the API ("verify Digital-Signature (may GET /v2/public-key?limit=1)") makes
        # that route one the SDK calls: the spec must describe it too.
        for method, path in MAY_CALL.findall(local.group(1)):
            routes.setdefault((method, path.rstrip("/")), []).append((name, op["op"], lines_of(op) + "; to verify"))

unused = sorted(set(UUID_ROUTES) - used)
if unused:
    sys.exit(f"UUID_ROUTES {unused} matched no facts route; review UUID_ROUTES")

os.makedirs(os.path.dirname(args.routes_out), exist_ok=True)
with open(args.routes_out, "w", encoding="utf-8", newline="\n") as out:
    out.write("# HTTP routes of the Stark Infra API facts (resources[].operations[].http), as openapi/starkinfra.yaml templates them.\n")
    out.write("# Generated by tools/extract-infra-routes.py from starkinfra-api-facts.json: do not edit by hand.\n")
    out.write("# Comment: the facts resource and operations of the route, with their lines in the Stark Infra Python SDK README.\n")
    for (method, path), ops in sorted(routes.items(), key=lambda r: (r[0][1], r[0][0])):
        by_resource = {}
        for resource, op, lines in ops:
            by_resource.setdefault(resource, []).append(f"{op} ({lines})")
        where = "; ".join(f"{resource}: {', '.join(o)}" for resource, o in by_resource.items())
        out.write(f"{method} {path}  # {where}\n")

with open(args.callbacks_out, "w", encoding="utf-8", newline="\n") as out:
    out.write("# Operations of the Stark Infra API facts that are not HTTP calls: the signed callbacks Stark Infra sends to\n")
    out.write("# customers (parse, verify) and the answers the SDK builds for them (response...), one `Resource op` a line.\n")
    out.write("# Generated by tools/extract-infra-routes.py from starkinfra-api-facts.json: do not edit by hand.\n")
    out.write("# Comment: the lines in the Stark Infra Python SDK README, and what the facts say the SDK does locally.\n")
    for resource, op, lines, what in sorted(callbacks, key=lambda c: (c[0], c[1])):
        out.write(f"{resource} {op}  # {lines}: {what}\n")

print(f"{sum(len(v) for v in routes.values())} HTTP operations, {len(routes)} unique routes -> {os.path.relpath(args.routes_out, repo)}; "
      f"{len(callbacks)} callback operations -> {os.path.relpath(args.callbacks_out, repo)}")

#!/usr/bin/env python3
"""Merges openapi/parts/*.yaml into openapi/starkbank.yaml (used while the spec is written in parts).

Each part is a valid OpenAPI document of its own (lintable alone); the merge unions tags, paths and components
and fails on any duplicate path, schema or tag."""
import argparse, glob, os, re, sys, yaml

root = os.path.join(os.path.dirname(__file__), "..", "openapi")
ap = argparse.ArgumentParser()
ap.add_argument("--only", nargs="*", help="part-name prefixes to include besides 00 (e.g. 10 20)")
ap.add_argument("--api", default="starkbank", choices=["starkbank", "starkinfra"])
ap.add_argument("--out")
args = ap.parse_args()
parts_dir = {"starkbank": "parts", "starkinfra": "infra-parts"}[args.api]
args.out = args.out or os.path.join(root, args.api + ".yaml")
parts = sorted(glob.glob(os.path.join(root, parts_dir, "*.yaml")))
if args.only:
    parts = [p for p in parts if os.path.basename(p).startswith("00") or any(os.path.basename(p).startswith(o) for o in args.only)]
out = None
for p in parts:
    doc = yaml.safe_load(open(p, encoding="utf-8"))
    if out is None:
        out = doc
        out.setdefault("tags", [])
        out.setdefault("paths", {})
        continue
    for t in doc.get("tags", []) or []:
        if any(x["name"] == t["name"] for x in out["tags"]):
            sys.exit(f"{p}: duplicate tag {t['name']}")
        out["tags"].append(t)
    for path, item in (doc.get("paths") or {}).items():
        if path in out["paths"]:
            # the same path may be split across parts only if methods do not clash
            for m, op in item.items():
                if m in out["paths"][path]:
                    sys.exit(f"{p}: duplicate {m} {path}")
                out["paths"][path][m] = op
        else:
            out["paths"][path] = item
    for name, item in (doc.get("webhooks") or {}).items():
        hooks = out.setdefault("webhooks", {})
        if name in hooks:
            sys.exit(f"{p}: duplicate webhook {name}")
        hooks[name] = item
    for section, entries in (doc.get("components") or {}).items():
        target = out["components"].setdefault(section, {})
        for name, value in entries.items():
            if name in target:
                if target[name] == value:
                    continue
                sys.exit(f"{p}: duplicate components.{section}.{name}")
            target[name] = value

class Dumper(yaml.SafeDumper):
    pass
# PyYAML resolves scalars by YAML 1.1, YAML 1.2 readers (Redocly, Prism, YamlDotNet) by 1.2: a string such as
# '05097757' must stay quoted or they read an integer.
NUMERIC = re.compile(r"^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$|^0[xo][0-9a-fA-F]+$|^(true|false|null|~)$", re.I)
def str_presenter(dumper, data):
    if "\n" in data:
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|")
    if NUMERIC.match(data):
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="'")
    return dumper.represent_scalar("tag:yaml.org,2002:str", data)
Dumper.add_representer(str, str_presenter)
with open(args.out, "w", encoding="utf-8") as f:
    title = {"starkbank": "Stark Bank", "starkinfra": "Stark Infra"}[args.api]
    f.write(f"# {title} API v2 - OpenAPI 3.1 description. See openapi/README.md for how it maps to the docs.\n")
    yaml.dump(out, f, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=120)
print(f"merged {len(parts)} parts: {len(out['paths'])} paths, {len(out['components']['schemas'])} schemas")

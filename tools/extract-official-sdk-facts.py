#!/usr/bin/env python3
"""Extract wire facts from the official Stark Bank Node SDK into tests/Spec.Tests/Data/official-sdk-facts.json.

The official SDK (npm `starkbank`, tested against the sandbox) is the second source of truth beside the API
reference (openapi/README.md, "The official SDKs"). This script reads its published package and keeps only facts:
resources, their routes and HTTP methods, creation/update fields, query filters, field types and enum-like values,
each with the file:line where it was read. No prose and no code is copied.

Usage (the package is not in the repository; unpack it anywhere):

    mkdir -p /tmp/official && cd /tmp/official && npm pack starkbank@2.42.0 && tar xzf starkbank-2.42.0.tgz
    python3 tools/extract-official-sdk-facts.py /tmp/official/package > tests/Spec.Tests/Data/official-sdk-facts.json

How the SDK builds a route (starkcore 0.4.0, utils/api.js `endpoint`): the resource name is decamelized with dashes
and "-log" / "-attempt" become "/log" / "/attempt" (CorporateCardLog -> corporate-card/log). starkcore's rest.js
then maps each helper to a route:
  post -> POST /v2/<e> (body {"<plural>": [...]}), postSingle -> POST /v2/<e> (the object itself), putMulti -> PUT,
  getList/getPage -> GET /v2/<e> (the query), getId -> GET /v2/<e>/{id}, patchId -> PATCH /v2/<e>/{id},
  deleteId -> DELETE /v2/<e>/{id}, getContent -> GET /v2/<e>/{id}/<sub>, getSubResource / postSubResource ->
  GET / POST /v2/<e>/{id}/<sub-endpoint>, postRaw(path) -> POST /v2/<path>.
"""
import json
import os
import re
import sys

SKIP_DIRS = {"utils", "request", "user"}
PLACEHOLDER = "{id}"


def decamelize(name):
    s = re.sub(r"([a-z\d])([A-Z])", r"\1-\2", name)
    s = re.sub(r"([A-Z]+)([A-Z][a-z\d]+)", r"\1-\2", s)
    return s.lower()


def endpoint(name):
    return decamelize(name).replace("-log", "/log").replace("-attempt", "/attempt")


def line_of(text, index):
    return text.count("\n", 0, index) + 1


TYPE_WORDS = [
    ("list of", "array"), ("datetime.date", "date"), ("datetime", "datetime"), ("date", "date"),
    ("integer", "integer"), ("int", "integer"), ("float", "number"), ("number", "number"), ("bool", "boolean"),
    ("dictionary", "object"), ("object", "object"), ("string", "string"),
]


def type_tag(raw):
    """'list of strings, default null' -> 'array'; 'datetime.date or string' -> 'date|string' (no prose kept)."""
    raw = raw.split(",")[0].strip().lower()
    tags = []
    for part in re.split(r"\s+or\s+", raw):
        for word, tag in TYPE_WORDS:
            if part.startswith(word) or re.search(r"\b" + re.escape(word) + r"\b", part):
                if tag not in tags:
                    tags.append(tag)
                break
    return "|".join(tags) if tags else "unknown"


SECTION = re.compile(r"^\s*\*\s*(Parameters|Attributes)\s*\(([^)]*)\)\s*:?", re.I)
SECTION_PLAIN = re.compile(r"^\s*\*\s*(Parameters|Attributes)\s*:", re.I)
PARAM = re.compile(r"^\s*\*\s*@param\s+([A-Za-z_][A-Za-z0-9_]*)\s*\[([^\]]*)\]?(.*)$")
QUOTED = re.compile(r"""["']([A-Za-z0-9][A-Za-z0-9_\-]*)["']""")
ENUM_NAMES = re.compile(r"^(status|type|types|method|methods|accountType|flow|interval|purpose|cashierType|"
                        r"amountType|layout|source|category|holderType|network|subscriptions|expand|sort|"
                        r"currencyCode|paymentType|kind|environment)$")


def enum_values(name, rest):
    """Quoted identifier-like values after 'ex:' / 'Options:' for enum-like fields ('"active", "blocked"')."""
    if not ENUM_NAMES.match(name):
        return []
    m = re.search(r"(ex:|Options:|options:)(.*)$", rest)
    if not m:
        return []
    values = QUOTED.findall(m.group(2))
    return [v for v in values if not re.fullmatch(r"\d+", v)]


def parse_doc_fields(text, start, end, rel):
    """The @param lines of the class docblock between start and end, by section."""
    fields = {}
    kind = None
    offset = start
    for raw in text[start:end].splitlines(True):
        lineno = line_of(text, offset)
        offset += len(raw)
        m = SECTION.match(raw)
        if m:
            what, qual = m.group(1).lower(), m.group(2).lower()
            if what == "parameters":
                kind = "required" if qual.strip() == "required" else "conditional" if "condition" in qual else "optional"
            else:
                kind = "readOnly"
            continue
        if SECTION_PLAIN.match(raw):
            kind = "readOnly" if "attributes" in raw.lower() else "optional"
            continue
        m = PARAM.match(raw)
        if m and kind:
            name, typ, rest = m.group(1), m.group(2), m.group(3)
            if name == "user":
                continue
            entry = {"kind": kind, "type": type_tag(typ), "at": f"{rel}:{lineno}"}
            values = enum_values(name, rest)
            if values:
                entry["values"] = values
            fields.setdefault(name, entry)
    return fields


CLASS = re.compile(r"^class\s+([A-Za-z]+)\s+extends\s+(Resource|SubResource)\b", re.M)
CTOR = re.compile(r"constructor\s*\(\s*\{(.*?)\}\s*\)", re.S)
RESOURCE_DEF = re.compile(r"""^(?:let|const|var)?\s*(?:exports\.)?(\w+)\s*=\s*\{\s*['"]class['"]\s*:\s*(?:new\s+)?(?:exports\.)?(\w+)\s*,\s*['"]name['"]\s*:\s*['"](\w+)['"]""", re.M)
REQUIRE_RES = re.compile(r"""^(?:const|let)\s+(\w+)\s*=\s*require\(['"]([^'"]+)['"]\)\.(resource|subResource)""", re.M)
EXPORT_FN = re.compile(r"^exports\.(\w+)\s*=\s*async\s+function\s*\*?\s*\w*\s*\(([^)]*)\)\s*\{", re.M)
CHECK_FORMAT = re.compile(r"this\.(\w+)\s*=\s*check\.(date|datetime|dateTimeOrDate)\(")
QUERY_FORMAT = re.compile(r"^\s*['\"]?(\w+)['\"]?\s*:\s*check\.(date|datetime|dateTimeOrDate)\(", re.M)
FORMAT_TAG = {"date": "date", "datetime": "date-time", "dateTimeOrDate": "date|date-time"}
REST_CALL = re.compile(r"rest\.(\w+)\(\s*(?:resource\s*=\s*)?([\w.\[\]'\"]+)?")
OBJ_KEYS = re.compile(r"""^\s*['"]?([A-Za-z_]\w*)['"]?\s*:""", re.M)


def strip_comments(code):
    code = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), code, flags=re.S)
    return re.sub(r"//[^\n]*", "", code)


def destructured(args):
    m = re.search(r"\{(.*)\}", args, re.S)
    names = re.findall(r"([A-Za-z_]\w*)\s*(?:=[^,]*)?(?:,|$)", m.group(1)) if m else []
    return [n for n in names if n != "user"]


def object_keys(body, var):
    m = re.search(r"(?:let|const|var)\s+" + re.escape(var) + r"\s*=\s*\{(.*?)\n\s*\}", body, re.S)
    if not m:
        return None
    keys = OBJ_KEYS.findall(m.group(1))
    return [k for k in keys if k != "user"]


def resources_of(text, root, path):
    """Resource dictionaries visible in a file: its own and the ones it requires."""
    found = {}
    for m in RESOURCE_DEF.finditer(text):
        found[m.group(1)] = m.group(3)
        if m.group(0).lstrip().startswith("exports."):
            found["exports." + m.group(1)] = m.group(3)
    for m in REQUIRE_RES.finditer(text):
        target = os.path.normpath(os.path.join(os.path.dirname(path), m.group(2)))
        if not target.endswith(".js"):
            target += ".js"
        if os.path.exists(target):
            other = open(target, encoding="utf-8").read()
            for d in RESOURCE_DEF.finditer(other):
                if d.group(1) == m.group(3):
                    found[m.group(1)] = d.group(3)
    return found


def operation(fn, args, body, body_start, text, rel, resources, main):
    code = strip_comments(body)
    call = None
    for m in REST_CALL.finditer(code):
        call = m
        break
    if not call:
        return None
    helper, var = call.group(1), (call.group(2) or "").strip()
    at = f"{rel}:{line_of(text, body_start + call.start())}"
    name = resources.get(var) or resources.get(var.replace("exports.", "")) or main
    ep = "/v2/" + endpoint(name) if name else None
    op = {"function": fn, "helper": helper, "at": at}
    args_names = destructured(args)
    if helper in ("getList", "getPage"):
        keys = object_keys(code, "query")
        op.update(method="GET", path=ep, query=sorted(set((keys if keys is not None else args_names)) - {"cursor"} | ({"cursor"} if helper == "getPage" else set())))
        formats = {k: FORMAT_TAG[f] for k, f in QUERY_FORMAT.findall(code)}
        if formats:
            op["formats"] = formats
    elif helper == "getId":
        op.update(method="GET", path=f"{ep}/{PLACEHOLDER}", query=sorted(set(args_names)))
    elif helper == "deleteId":
        op.update(method="DELETE", path=f"{ep}/{PLACEHOLDER}")
    elif helper == "patchId":
        keys = object_keys(code, "payload")
        op.update(method="PATCH", path=f"{ep}/{PLACEHOLDER}", body=sorted(keys if keys is not None else args_names))
    elif helper == "post":
        op.update(method="POST", path=ep, wrapped=True)
    elif helper == "postSingle":
        op.update(method="POST", path=ep, wrapped=False)
    elif helper == "putMulti":
        op.update(method="PUT", path=ep, wrapped=True)
    elif helper == "getContent":
        sub = re.search(r"getContent\([^;]*['\"](\w+)['\"]\s*\)", code)
        qm = re.search(r"getContent\(\s*\w+\s*,\s*\w+\s*,\s*\w+\s*,\s*(\{[^}]*\}|\w+)", code)
        query = []
        if qm:
            if qm.group(1).startswith("{"):
                query = OBJ_KEYS.findall(qm.group(1).replace("{", "\n").replace(",", "\n"))
            elif qm.group(1) != "null":
                query = object_keys(code, qm.group(1)) or []
        op.update(method="GET", path=f"{ep}/{PLACEHOLDER}/{sub.group(1) if sub else '?'}", query=sorted(query))
    elif helper in ("getSubResource", "postSubResource"):
        sm = re.search(helper + r"\(\s*\w+\s*,\s*\w+\s*,\s*([\w.]+)", code)
        sub_name = resources.get(sm.group(1)) if sm else None
        method = "GET" if helper == "getSubResource" else "POST"
        op.update(method=method, path=f"{ep}/{PLACEHOLDER}/{endpoint(sub_name) if sub_name else '?'}")
        if method == "POST":
            keys = object_keys(code, "payload")
            op["body"] = sorted(keys or [])
    elif helper in ("postRaw", "getRaw", "patchRaw", "putRaw", "deleteRaw"):
        pm = re.search(r"(?:let|const)\s+path\s*=\s*`\$\{api\.endpoint\(resource\[['\"]name['\"]\]\)\}([^`]*)`", code)
        if not pm:
            return None  # the generic request module: a raw path chosen by the caller
        qm = re.search(helper + r"\([^;]*\{([^}]*)\}\s*\)", code)
        op.update(method=helper[:-3].upper(), path=ep + pm.group(1), wrapped=False,
                  query=sorted(re.findall(r"['\"]?(\w+)['\"]?\s*:", qm.group(1))) if qm else [])
    else:
        return None
    if op.get("path") and "{" not in op["path"] and fn in ("get",) and helper == "getList":
        op["singleton"] = True
    return op


def extract(package):
    sdk = os.path.join(package, "sdk")
    out = {}
    for dirpath, dirnames, filenames in os.walk(sdk):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS)
        for fname in sorted(filenames):
            if not fname.endswith(".js") or fname == "index.js":
                continue
            path = os.path.join(dirpath, fname)
            rel = os.path.relpath(path, package).replace(os.sep, "/")
            if rel.split("/")[1] in SKIP_DIRS or rel.count("/") == 1:
                continue
            text = open(path, encoding="utf-8").read()
            resources = resources_of(text, sdk, path)
            own = [m for m in RESOURCE_DEF.finditer(text)]
            if not own:
                continue
            main = own[0].group(3)
            cls = CLASS.search(text)
            entry = out.setdefault(rel, {"name": main, "endpoint": "/v2/" + endpoint(main), "file": rel})
            if cls:
                entry["kind"] = "subResource" if cls.group(2) == "SubResource" else "resource"
                ctor = CTOR.search(text, cls.end())
                doc_end = ctor.start() if ctor else len(text)
                entry["fields"] = parse_doc_fields(text, cls.end(), doc_end, rel)
                if ctor:
                    params = re.findall(r"([A-Za-z_]\w*)\s*(=\s*[^,}]+)?\s*(?:,|$)", ctor.group(1))
                    entry["constructor"] = [p for p, _ in params]
                    for p in entry["constructor"]:
                        entry["fields"].setdefault(p, {"kind": "undocumented"})
                    body = text[ctor.end():]
                    for fname_, fmt in CHECK_FORMAT.findall(body[:body.find("\n}")] if "\n}" in body else body):
                        if fname_ in entry["fields"]:
                            entry["fields"][fname_]["format"] = FORMAT_TAG[fmt]
            ops = []
            fns = list(EXPORT_FN.finditer(text))
            for i, m in enumerate(fns):
                end = fns[i + 1].start() if i + 1 < len(fns) else len(text)
                body = text[m.end():end]
                op = operation(m.group(1), m.group(2), body, m.end(), text, rel, resources, main)
                if op:
                    if m.group(1) in ("create", "update") or op.get("method") in ("GET",) and "query" in op:
                        doc = re.search(r"/\*\*(.*?)\*/", body, re.S)
                        if doc:
                            d0 = m.end() + doc.start()
                            params = parse_doc_fields(text, d0, d0 + len(doc.group(0)), rel)
                            vals = {k: v["values"] for k, v in params.items() if "values" in v}
                            if vals:
                                op["values"] = vals
                    ops.append(op)
            if ops:
                entry.setdefault("operations", []).extend(ops)
    resources = []
    for name in sorted(out):
        r = out[name]
        r.setdefault("operations", [])
        resources.append(r)
    return resources


def main():
    package = sys.argv[1] if len(sys.argv) > 1 else "/tmp/official/package"
    meta = json.load(open(os.path.join(package, "package.json"), encoding="utf-8"))
    facts = {
        "source": f"npm {meta['name']}@{meta['version']} (starkcore {meta.get('dependencies', {}).get('starkcore', '?')})",
        "generatedBy": "tools/extract-official-sdk-facts.py",
        "resources": extract(package),
    }
    json.dump(facts, sys.stdout, indent=1, sort_keys=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()

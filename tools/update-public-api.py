#!/usr/bin/env python3
"""Brings the PublicAPI/<tfm>/PublicAPI.Unshipped.txt files of the shipped projects in line with the code.

The public API of every package is declared in PublicAPI/<target framework>/PublicAPI.{Shipped,Unshipped}.txt next to
its project (Microsoft.CodeAnalysis.PublicApiAnalyzers): a change to the surface, hand-written or generated from a
YAML edit, is a build error (RS0016 new symbol, RS0017 removed symbol) until these files say so, and so shows up as a
diff in review. This script builds each project, reads those two diagnostics for every target framework, and adds or
removes the lines they name. Review the diff, commit it. At a release, move the Unshipped lines into Shipped.

    python3 tools/update-public-api.py                 # every project under src/
    python3 tools/update-public-api.py src/StarkSdk.Core/StarkSdk.Core.csproj
"""
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DIAGNOSTIC = re.compile(
    r"(?P<file>[^\s:(]+)\(\d+,\d+\): (?:error|warning) (?P<id>RS0016|RS0017): Symbol '(?P<symbol>.+?)' is "
    r"(?:not part of the declared public API|part of the declared API, but is either not public or could not be found).*?"
    r"\[(?P<project>[^\]:]+?)(?:::TargetFramework=(?P<tfm>[^\];]+))?\]$")
HEADER = "#nullable enable"


def target_frameworks(project: pathlib.Path) -> list[str]:
    out = subprocess.run(["dotnet", "msbuild", str(project), "-getProperty:TargetFrameworks", "-getProperty:TargetFramework"],
                         capture_output=True, text=True, check=True).stdout
    found = re.findall(r'"TargetFrameworks?":\s*"([^"]*)"', out)
    return sorted({t for value in found for t in value.split(";") if t})


def api_file(project: pathlib.Path, tfm: str, kind: str) -> pathlib.Path:
    return project.parent / "PublicAPI" / tfm / f"PublicAPI.{kind}.txt"


def read_lines(path: pathlib.Path) -> list[str]:
    if not path.exists():
        return [HEADER]
    return [line.rstrip("\n") for line in path.read_text(encoding="utf-8").splitlines()]


def write_lines(path: pathlib.Path, lines: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = sorted({line for line in lines if line and line != HEADER}, key=lambda s: (s.lower(), s))
    path.write_text("\n".join([HEADER] + body) + "\n", encoding="utf-8")


def update(project: pathlib.Path) -> int:
    for tfm in target_frameworks(project):
        for kind in ("Shipped", "Unshipped"):
            path = api_file(project, tfm, kind)
            if not path.exists():
                write_lines(path, [])
    changed = 0
    for attempt in range(4):
        build = subprocess.run(["dotnet", "build", str(project), "-c", "Release", "-p:TreatWarningsAsErrors=false", "-nologo", "-clp:NoSummary"],
                               capture_output=True, text=True)
        added: dict[str, set[str]] = {}
        removed: dict[str, set[str]] = {}
        for line in build.stdout.splitlines():
            match = DIAGNOSTIC.search(line.strip())
            if not match or pathlib.Path(match["project"]).resolve() != project.resolve():
                continue
            tfm = match["tfm"] or target_frameworks(project)[0]
            (added if match["id"] == "RS0016" else removed).setdefault(tfm, set()).add(match["symbol"])
        if not added and not removed:
            if build.returncode != 0:
                sys.stderr.write(build.stdout[-4000:])
                raise SystemExit(f"{project}: the build fails for another reason")
            return changed
        for tfm in set(added) | set(removed):
            unshipped = api_file(project, tfm, "Unshipped")
            shipped = api_file(project, tfm, "Shipped")
            lines = set(read_lines(unshipped)) | added.get(tfm, set())
            lines -= removed.get(tfm, set())
            write_lines(unshipped, list(lines))
            # A removed symbol that had shipped is a breaking change: say so, and leave the Shipped file to a person.
            for symbol in removed.get(tfm, set()) & set(read_lines(shipped)):
                print(f"BREAKING ({tfm}): {symbol} was shipped; mark it *REMOVED* in {unshipped.relative_to(ROOT)}")
            changed += len(added.get(tfm, set())) + len(removed.get(tfm, set()))
            print(f"{unshipped.relative_to(ROOT)}: +{len(added.get(tfm, set()))} -{len(removed.get(tfm, set()))}")
    raise SystemExit(f"{project}: still changing after {attempt + 1} builds")


def main() -> None:
    projects = [pathlib.Path(p).resolve() for p in sys.argv[1:]] or sorted((ROOT / "src").glob("*/*.csproj"))
    for project in projects:
        print(f"{project.relative_to(ROOT)}: {update(project)} line(s) changed")


if __name__ == "__main__":
    main()

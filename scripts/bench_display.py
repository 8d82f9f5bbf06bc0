"""The body of scripts/bench-display: judge every browser-rendered screen with the suite's OCR and with plain
tesseract, and print confusion tables of the display verdicts (over the DSP rules; DSP-007 is a warning)."""
import collections
import importlib.util
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SPEC = "vn-personal-qr@1.1"


def load_generator():
    spec = importlib.util.spec_from_file_location("gen_conformance_vectors", os.path.join(HERE, "gen_conformance_vectors.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def display_verdict(outcomes, severities):
    """fail when an error-severity DSP rule fails, inconclusive when one is inconclusive, else pass."""
    errors = {o for r, o in outcomes.items() if r.startswith("DSP") and severities.get(r) == "error"}
    return "fail" if "fail" in errors else "inconclusive" if "inconclusive" in errors else "pass"


def run(binary, corpus, method):
    out = subprocess.run([binary, "vectors", "results", "--corpus", corpus, "--spec", SPEC, "--area", "display",
                          "--ocr", method], check=True, capture_output=True, text=True).stdout
    return {row["vector"]: row for row in json.loads(out)}


def table(title, rows, key):
    groups = collections.defaultdict(list)
    for row in rows:
        groups[key(row)].append(row)
    print(f"\n{title}")
    print(f"  {'':28} {'screens':>7}  {'suite: right':>12} {'f.pass':>6} {'f.fail':>6} {'inconc':>6}"
          f"   {'plain: right':>12} {'f.pass':>6} {'f.fail':>6} {'inconc':>6}")
    for name in sorted(groups, key=str):
        members = groups[name]
        cells = []
        for method in ("suite", "plain"):
            counts = collections.Counter(r[method + "_class"] for r in members)
            cells.append(f"{counts['right']:>12} {counts['false pass']:>6} {counts['false fail']:>6} "
                         f"{counts['inconclusive']:>6}")
        print(f"  {str(name):28} {len(members):>7}  {cells[0]}   {cells[1]}")


def classify(expected, actual):
    if actual == expected:
        return "right"
    return {"pass": "false pass", "fail": "false fail", "inconclusive": "inconclusive"}.get(actual, "error")


def main():
    binary = sys.argv[1]
    if not os.access(binary, os.X_OK):
        sys.exit(f"bench-display: {binary} is not built (make release)")
    generator = load_generator()
    subset = os.environ.get("BENCH_SUBSET", "all")
    screens = os.path.abspath(os.environ.get("BENCH_SCREENS", os.path.join(ROOT, "TestVectors", "screens")))
    group, notes = generator.screens_group(ci_only=subset == "ci", base=screens + "/", root=screens)
    if group is not None and subset not in ("all", "ci"):
        prefixes = tuple("scr-" + p for p in subset.split(","))
        group["vectors"] = [v for v in group["vectors"] if v["id"].startswith(prefixes)]
    if group is None:
        sys.exit(f"bench-display: {screens}/manifest.json has no screens")
    severities = generator.spec_severities()["1.1"]
    with open(os.path.join(screens, "manifest.json"), encoding="utf-8") as f:
        source = {v["id"]: v for v in json.load(f)["vectors"]}
    with tempfile.TemporaryDirectory() as corpus:
        os.makedirs(os.path.join(corpus, "display"))
        document = generator.manifest("display", "All browser-rendered screens, for scripts/bench-display.", [group],
                                      notes, {})
        generator.write_json(os.path.join(corpus, "display", "manifest.json"), document)
        results = {method: run(binary, corpus, method) for method in ("suite", "plain")}
    rows, mismatches = [], collections.Counter()
    for vector in group["vectors"]:
        original = source[vector["id"][len("scr-"):]]
        row = {"id": vector["id"], "expected": original["expected_verdict"], **original["provenance"]}
        row["image"] = original["provenance"].get("image_px", "")
        for method in ("suite", "plain"):
            result = results[method][vector["id"]]
            verdict = display_verdict(result["rules"], severities)
            row[method + "_class"] = classify(row["expected"], verdict)
            row[method + "_seconds"] = result["ocr_seconds"] or 0.0
            row[method + "_cpu"] = result["ocr_cpu_seconds"] or 0.0
            for rule, outcome in original["expected"].items():
                if result["rules"].get(rule) != outcome:
                    mismatches[method] += 1
                    if os.environ.get("BENCH_VERBOSE") in (method, "all"):
                        print(f"  {vector['id']} {rule}: expected {outcome}, got {result['rules'].get(rule)}: "
                              f"{result['messages'].get(rule)}")
        rows.append(row)
    total = len(rows)
    readable = [r for r in rows if r["css_px"] >= 14 and r["dpr"] >= 2 and r["variant"] not in ("too-small", "too-faint")]
    for method in ("suite", "plain"):
        wrong = [f"{r['id']} ({r[method + '_class']})" for r in rows if r[method + "_class"] != "right"]
        if method == "suite" or os.environ.get("BENCH_VERBOSE"):
            print(f"{method}: wrong verdicts: {', '.join(wrong) or 'none'}")
    print(f"display benchmark: {total} browser-rendered screens, spec {SPEC}; verdict over the DSP rules")
    table("overall", rows, lambda r: "all")
    table("per layout", rows, lambda r: r["layout"])
    table("per font", rows, lambda r: r["font"])
    table("per size (CSS px)", rows, lambda r: r["css_px"])
    table("per device-pixel ratio", rows, lambda r: r["dpr"])
    table("per theme", rows, lambda r: r["theme"])
    table("per variant", rows, lambda r: r["variant"])
    for method in ("suite", "plain"):
        counts = collections.Counter(r[method + "_class"] for r in rows)
        inconclusive = sum(1 for r in readable if r[method + "_class"] == "inconclusive")
        print(f"\n{method}: false passes {counts['false pass']}, false fails {counts['false fail']} "
              f"({100 * counts['false fail'] / total:.1f} %), inconclusive among readable screens {inconclusive} of "
              f"{len(readable)} ({100 * inconclusive / max(1, len(readable)):.1f} %), rule-level mismatches "
              f"{mismatches[method]}")
    for method in ("suite", "plain"):
        for clock, label in (("_seconds", "wall"), ("_cpu", "CPU")):
            by_size = collections.defaultdict(list)
            for r in rows:
                by_size[r["image"]].append(r[method + clock])
            parts = ", ".join(f"{size} {sum(v) / len(v):.2f} s (max {max(v):.2f})" for size, v in sorted(by_size.items()))
            print(f"OCR time per screenshot, {method}, {label}: {parts}")


if __name__ == "__main__":
    main()

"""The body of scripts/bench-display-families: a leave-family-out benchmark of the display reader.

Judges every screen of a corpus made by scripts/gen_app_screens.py with the suite's OCR and with plain tesseract (the
baseline), the way scripts/bench_display.py does (`qrconform vectors results --area display --ocr suite|plain` on a
temporary conformance corpus built by gen_conformance_vectors.screens_group), and reports per layout family, marked
"tuned" or "HELD OUT" (the manifest's held_out_families), and for the tuned and the held-out families separately:
right verdicts, false passes, false fails and inconclusive verdicts; per-rule false passes and false fails; the
false-fail rate; the inconclusive rate among legible screens; OCR seconds per screenshot by image size.

A verdict is taken over the error-severity DSP rules (DSP-007 is a warning). `inconclusive` on an expected-fail screen
is not a false pass, on an expected-pass screen not a false fail: it is counted in its own column.

Every legible conformant full-mode screen is judged again declared default (variant `full-as-default`, unless
BENCH_AS_DEFAULT=0): it shows the full values, so DSP-001 and DSP-003 must never pass there.

Per-screen details of held-out families are never printed unless BENCH_SHOW_HELD_OUT=1, so that nobody tunes on them
by accident. BENCH_VERBOSE=1 prints the rule-level mismatches of the tuned families.
"""
import argparse
import collections
import importlib.util
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SPEC = "vn-personal-qr@1.1"
METHODS = tuple(os.environ.get("BENCH_METHODS", "suite,plain").split(","))  # BENCH_METHODS=suite: iterate faster


def load_generator():
    spec = importlib.util.spec_from_file_location("gen_conformance_vectors",
                                                  os.path.join(HERE, "gen_conformance_vectors.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def display_verdict(outcomes, severities):
    errors = {o for r, o in outcomes.items() if r.startswith("DSP") and severities.get(r) == "error"}
    return "fail" if "fail" in errors else "inconclusive" if "inconclusive" in errors else "pass"


def classify(expected, actual):
    if actual == expected:
        return "right"
    return {"pass": "false pass", "fail": "false fail", "inconclusive": "inconclusive"}.get(actual, "error")


def run(binary, corpus, method):
    out = subprocess.run([binary, "vectors", "results", "--corpus", corpus, "--spec", SPEC, "--area", "display",
                          "--ocr", method], check=True, capture_output=True, text=True, cwd=ROOT).stdout
    return {row["vector"]: row for row in json.loads(out)}


def cells(members):
    out = []
    for method in METHODS:
        counts = collections.Counter(r[method]["class"] for r in members)
        out.append(f"{counts['right']:>6} {counts['false pass']:>6} {counts['false fail']:>6} "
                   f"{counts['inconclusive']:>6} {counts['error']:>4}")
    return out


HEADER = (f"{'screens':>7}   {'suite: right':>12} {'f.pass':>6} {'f.fail':>6} {'inconc':>6} {'err':>4}"
          f"   {'plain: right':>12} {'f.pass':>6} {'f.fail':>6} {'inconc':>6} {'err':>4}")


def table(title, groups, width=30):
    print(f"\n{title}")
    print(f"  {'':{width}} {HEADER}")
    for name, members in groups:
        if not members:
            continue
        print(f"  {name:{width}} {len(members):>7}         " + "         ".join(cells(members)))


def split(rows, key):
    """Groups by key, within the tuned and the held-out families separately."""
    out = []
    for part, label in ((False, "tuned"), (True, "held out")):
        groups = collections.defaultdict(list)
        for r in rows:
            if r["held_out"] == part:
                groups[key(r)].append(r)
        out += [(f"{label}: {k}", groups[k]) for k in sorted(groups, key=str)]
    return out


def rates(rows, label):
    """The screens' rates; the full-as-default copies (second judgements of screens already counted) stay out of them
    and are reported on a line of their own."""
    print(f"\n{label}")
    copies = [r for r in rows if r["variant"] == "full-as-default"]
    rows = [r for r in rows if r["variant"] != "full-as-default"]
    legible = [r for r in rows if r["legible"]]
    expected_pass = [r for r in rows if r["expected"] == "pass"]
    for method in METHODS:
        ff = sum(1 for r in expected_pass if r[method]["verdict"] == "fail")
        fp = sum(1 for r in rows if r["expected"] == "fail" and r[method]["verdict"] == "pass")
        expected_fail = sum(1 for r in rows if r["expected"] == "fail")
        inc = sum(1 for r in legible if r[method]["verdict"] == "inconclusive")
        inc_pass = sum(1 for r in expected_pass if r[method]["verdict"] == "inconclusive")
        print(f"  {method}: false passes {fp} of {expected_fail} expected-fail screens; false fails {ff} of "
              f"{len(expected_pass)} expected-pass screens ({100 * ff / max(1, len(expected_pass)):.1f} %); "
              f"inconclusive among legible screens {inc} of {len(legible)} ({100 * inc / max(1, len(legible)):.1f} %),"
              f" among expected-pass screens {inc_pass}")
        if copies:
            leaks = sum(1 for r in copies for rule in ("DSP-001", "DSP-003") if r[method]["rules"].get(rule) == "pass")
            unsure = sum(1 for r in copies for rule in ("DSP-001", "DSP-003")
                         if r[method]["rules"].get(rule) == "inconclusive")
            print(f"  {method}, full-mode screens declared default ({len(copies)}): DSP-001/DSP-003 pass {leaks} times "
                  f"(each a false pass), inconclusive {unsure} times")


def rule_table(rows, label):
    """Per rule: false passes (rule says pass where fail, or warn for the warning DSP-007, was expected), false fails
    (fail or warn where pass was expected) and inconclusive where pass or fail was expected."""
    print(f"\nper rule, {label}: false pass / false fail / inconclusive (of expected pass or fail)")
    rules = sorted({rule for r in rows for rule in r["rules_expected"]})
    print(f"  {'rule':8} {'exp.fail':>8} {'exp.pass':>8}   {'suite: f.pass':>13} {'f.fail':>6} {'inconc':>6}"
          f"   {'plain: f.pass':>13} {'f.fail':>6} {'inconc':>6}")
    for rule in rules:
        exp_fail = [r for r in rows if r["rules_expected"].get(rule) in ("fail", "warn")]
        exp_pass = [r for r in rows if r["rules_expected"].get(rule) == "pass"]
        parts = []
        for method in METHODS:
            fp = sum(1 for r in exp_fail if r[method]["rules"].get(rule) == "pass")
            ff = sum(1 for r in exp_pass if r[method]["rules"].get(rule) in ("fail", "warn"))
            inc = sum(1 for r in exp_fail + exp_pass if r[method]["rules"].get(rule) == "inconclusive")
            parts.append(f"{fp:>13} {ff:>6} {inc:>6}")
        print(f"  {rule:8} {len(exp_fail):>8} {len(exp_pass):>8}   " + "   ".join(parts))


def timing(rows):
    by_size = collections.defaultdict(list)
    for r in rows:
        by_size[r["image"]].append(r)
    for clock, label in (("seconds", "wall"), ("cpu", "CPU, steadier on a loaded machine")):
        print(f"\nOCR seconds per screenshot ({label}; starting tesseract, once per worker, not counted), by image size")
        for size in sorted(by_size, key=lambda s: [int(x) for x in s.split("x")] if s else [0]):
            members = by_size[size]
            parts = []
            for method in METHODS:
                values = [r[method][clock] for r in members]
                parts.append(f"{method} mean {statistics.mean(values):.2f} s max {max(values):.2f} s")
            print(f"  {size:>10} ({len(members):>3} screens): {'; '.join(parts)}")


def as_default(vectors, source):
    """Each legible conformant full-mode screen again, declared default: it shows the full ID number and birth date, so
    the leak rules DSP-001 and DSP-003 must fail (or be unsure), never pass. Leaks in every layout and style the draw
    has, not only the leak variants'. Adds the copies' sources to `source` (variant `full-as-default`)."""
    extra = []
    for vector in vectors:
        original = source[vector["id"][len("scr-"):]]
        p = original["provenance"]
        if original["display_mode"] != "full" or p["variant"] != "conformant" or not p["legible"]:
            continue
        copy_id = original["id"] + "-as-default"
        expected = {"DSP-001": "fail", "DSP-003": "fail"}
        source[copy_id] = dict(original, id=copy_id, display_mode="default", expected=expected,
                               expected_verdict="fail", provenance=dict(p, variant="full-as-default"))
        extra.append(dict(vector, id="scr-" + copy_id, display_mode="default",
                          expected={version: dict(expected) for version in vector["expected"]},
                          expected_verdict={version: "fail" for version in vector["expected_verdict"]},
                          unsure_allowed=sorted(expected)))
    return extra


def main():
    parser = argparse.ArgumentParser(description="leave-family-out display benchmark")
    parser.add_argument("binary")
    parser.add_argument("--subset", choices=["all", "ci"], default="all",
                        help="ci: only the screens marked ci (default corpus TestVectors/app-screens)")
    parser.add_argument("--save", help="write the raw results of both methods to this JSON file")
    parser.add_argument("--load", action="append", help="read raw results saved with --save instead of running the binary (a partial "
                                           "file reports on the screens it has)")
    parser.add_argument("--resume", action="store_true", help="with --save: judge only the screens not in FILE yet")
    args = parser.parse_args()
    default = os.path.join(ROOT, "TestVectors", "app-screens") if args.subset == "ci" else \
        os.path.join(ROOT, ".bench", "app-screens")
    screens = os.path.abspath(os.environ.get("BENCH_SCREENS", default))
    if not args.load and not os.access(args.binary, os.X_OK):
        sys.exit(f"bench-display-families: {args.binary} is not built (make release)")
    generator = load_generator()
    group, notes = generator.screens_group(ci_only=args.subset == "ci", base=screens + "/", root=screens)
    if group is None:
        sys.exit(f"bench-display-families: {screens}/manifest.json has no screens")
    severities = generator.spec_severities()["1.1"]
    with open(os.path.join(screens, "manifest.json"), encoding="utf-8") as f:
        document = json.load(f)
    source = {v["id"]: v for v in document["vectors"]}
    held_out = set(document.get("held_out_families", []))
    if args.subset == "all" and os.environ.get("BENCH_AS_DEFAULT", "1") != "0":
        extra = as_default(group["vectors"], source)
        group = dict(group, vectors=group["vectors"] + extra)
    if args.load:
        results = {method: {} for method in METHODS}
        for path in args.load:  # several files merge (shards run in parallel)
            with open(path, encoding="utf-8") as f:
                for method, rows in json.load(f).items():
                    results[method].update(rows)
    else:
        results = {method: {} for method in METHODS}
        if args.save and args.resume and os.path.exists(args.save):
            with open(args.save, encoding="utf-8") as f:
                results = json.load(f)
        todo = [v for v in group["vectors"] if not all(v["id"] in results[m] for m in METHODS)]
        only = os.environ.get("BENCH_IDS")  # ids (without scr-), comma-separated or @FILE: a quick look at a few screens
        if only:
            if only.startswith("@"):
                with open(only[1:], encoding="utf-8") as f:
                    only = f.read()
            wanted = {"scr-" + i.strip() for i in re.split(r"[,\s]+", only) if i.strip()}
            todo = [v for v in todo if v["id"] in wanted]
            group = dict(group, vectors=[v for v in group["vectors"] if v["id"] in wanted])
        # the committed subset's screens first, so that a partial run already covers it; then in plan order
        todo.sort(key=lambda v: not source[v["id"][len("scr-"):]].get("ci"))
        shard = os.environ.get("BENCH_SHARD")  # K/N: only every N-th screen from the K-th, for parallel runs
        if shard:
            k, n = (int(x) for x in shard.split("/"))
            todo = todo[k - 1::n]
        batch = max(1, int(os.environ.get("BENCH_BATCH", "50")))
        for start in range(0, len(todo), batch):
            chunk = dict(group, vectors=todo[start:start + batch])
            with tempfile.TemporaryDirectory() as corpus:
                os.makedirs(os.path.join(corpus, "display"))
                manifest = generator.manifest("display", "Composed app screens, for scripts/bench-display-families.",
                                              [chunk], notes, {})
                generator.write_json(os.path.join(corpus, "display", "manifest.json"), manifest)
                for method in METHODS:
                    results[method].update(run(args.binary, corpus, method))
            if args.save:  # after every batch, so that a long run can be resumed (--resume) or read early (--load)
                with open(args.save + ".tmp", "w", encoding="utf-8") as f:
                    json.dump(results, f)
                os.replace(args.save + ".tmp", args.save)
            print(f"judged {min(start + batch, len(todo))} of {len(todo)} screens", file=sys.stderr, flush=True)
    done = [v for v in group["vectors"] if all(v["id"] in results[m] for m in METHODS)]
    if len(done) < len(group["vectors"]):
        print(f"PARTIAL: results for {len(done)} of {len(group['vectors'])} screens", flush=True)
    group = dict(group, vectors=done)
    show_held_out = os.environ.get("BENCH_SHOW_HELD_OUT") == "1"
    verbose = os.environ.get("BENCH_VERBOSE") not in (None, "", "0")
    rows, details = [], []
    for vector in group["vectors"]:
        original = source[vector["id"][len("scr-"):]]
        p = original["provenance"]
        row = {"id": original["id"], "family": p["family"], "held_out": p["family"] in held_out,
               "expected": original["expected_verdict"], "rules_expected": original["expected"],
               "legible": p["legible"], "image": p.get("image_px", ""), "variant": p["variant"],
               "device": p["device"], "background": p["background"], "theme": p["theme"]}
        for method in METHODS:
            result = results[method][vector["id"]]
            verdict = display_verdict(result["rules"], severities)
            row[method] = {"verdict": verdict, "class": classify(row["expected"], verdict),
                           "rules": result["rules"], "messages": result.get("messages", {}),
                           "seconds": result.get("ocr_seconds") or 0.0, "cpu": result.get("ocr_cpu_seconds") or 0.0}
        rows.append(row)
        if verbose and (not row["held_out"] or show_held_out):
            for method in METHODS:
                for rule, outcome in original["expected"].items():
                    got = row[method]["rules"].get(rule)
                    if got != outcome:
                        details.append(f"  [{method}] {original['id']} {rule}: expected {outcome}, got {got}: "
                                       f"{row[method]['messages'].get(rule)}")
    tuned = [r for r in rows if not r["held_out"]]
    held = [r for r in rows if r["held_out"]]
    print(f"display families benchmark: {len(rows)} composed screens from {screens}, spec {SPEC}; verdict over the "
          f"error-severity DSP rules; held-out families: {', '.join(sorted(held_out)) or 'none'}")
    print(f"binary: {args.binary}" if not args.load else f"results: {', '.join(args.load)}")
    families = collections.defaultdict(list)
    for r in rows:
        families[r["family"]].append(r)
    order = sorted(families, key=lambda f: (f in held_out, f))
    table("per family", [(f"{f} ({'HELD OUT' if f in held_out else 'tuned'})", families[f]) for f in order])
    table("overall", [("tuned families", tuned), ("HELD-OUT families", held), ("all", rows)])
    table("per variant", split(rows, lambda r: r["variant"]))
    table("per device", split(rows, lambda r: r["device"]))
    table("per background", split(rows, lambda r: r["background"]))
    table("per theme", split(rows, lambda r: r["theme"]))
    for part, label in ((tuned, "tuned families"), (held, "HELD-OUT families")):
        if part:
            rule_table(part, label)
    for part, label in ((tuned, "rates, tuned families"), (held, "rates, HELD-OUT families"), (rows, "rates, all")):
        if part:
            rates(part, label)
    timing(rows)
    if details:
        print(f"\nrule-level mismatches{'' if show_held_out else ' (tuned families only)'}")
        print("\n".join(details))
    if verbose or show_held_out:
        for method in METHODS:
            wrong = [f"{r['id']} ({r[method]['class']})" for r in rows
                     if r[method]["class"] != "right" and (not r["held_out"] or show_held_out)]
            print(f"\n{method}: wrong verdicts{'' if show_held_out else ' (tuned families only)'}: "
                  f"{', '.join(wrong) or 'none'}")


if __name__ == "__main__":
    main()
